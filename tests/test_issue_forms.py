"""The issue forms match their generator, so their dropdowns are the parser's and the nav's lists."""

from __future__ import annotations

from typing import Any

import yaml

from scripts.content import issue_forms
from scripts.content.entries import LEVELS, RESOURCE_TYPES
from scripts.content.project import chapters
from tests.conftest import ROOT

TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"


def dropdowns(name: str) -> dict[str, list[str]]:
    form: dict[str, Any] = yaml.safe_load((TEMPLATES / name).read_text(encoding="utf-8"))
    return {item["id"]: item["attributes"]["options"] for item in form["body"] if item["type"] == "dropdown"}


def test_committed_forms_are_the_generators_output() -> None:
    for path, text in issue_forms.forms().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name} is out of date: run python -m scripts.content.issue_forms"
    assert issue_forms.main(["--check"]) == 0


def test_suggest_a_resource_offers_exactly_the_parsers_lists() -> None:
    assert dropdowns("suggest-resource.yml") == {
        "type": list(RESOURCE_TYPES),
        "chapter": [c.slug for c in chapters()],
        "level": list(LEVELS),
    }


def test_suggest_a_resource_asks_for_every_part_of_an_entry() -> None:
    form = yaml.safe_load((TEMPLATES / "suggest-resource.yml").read_text(encoding="utf-8"))
    ids = [item.get("id") for item in form["body"]]
    for wanted in ("url", "title", "author", "year", "type", "chapter", "level", "why"):
        assert wanted in ids


def test_broken_link_form_and_chooser() -> None:
    assert dropdowns("report-broken-link.yml") == {"chapter": [c.slug for c in chapters()]}
    config = yaml.safe_load((TEMPLATES / "config.yml").read_text(encoding="utf-8"))
    assert config["blank_issues_enabled"] is False
    [link] = config["contact_links"]
    assert link["url"].endswith("/blob/main/CONTRIBUTING.md")


def test_check_reports_a_stale_form(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(issue_forms, "FORMS_DIR", tmp_path)
    assert issue_forms.main(["--check"]) == 1
    assert issue_forms.main([]) == 0
    assert issue_forms.main(["--check"]) == 0
    assert "out of date" in capsys.readouterr().out


def test_pull_request_template_has_a_short_checklist() -> None:
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert 3 <= text.count("- [ ]") <= 6
    assert "bash scripts/test.sh" in text and "redirect_maps" in text


def test_the_year_is_optional_like_in_the_entry_format() -> None:
    form = yaml.safe_load((TEMPLATES / "suggest-resource.yml").read_text(encoding="utf-8"))
    [year] = [item for item in form["body"] if item.get("id") == "year"]
    assert year["validations"]["required"] is False
