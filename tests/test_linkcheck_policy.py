"""The link checker's policy file: one precise error per bad value, one source of defaults, and
the shipped rules (arXiv's pace, bot walls, where a token may go)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.linkcheck.engine import Checker
from scripts.linkcheck.policy import CONFIG, ConfigError, Settings, load_policy
from tests.test_linkcheck import run_cli


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[defaults]\nper_host = 'four'\n", "defaults.per_host: must be an integer, got 'four'"),
        ("[defaults]\ninterval = -1\n", "defaults.interval: must be a number ≥ 0, got -1"),
        ("[defaults]\nmethod = 'post'\n", "defaults.method: must be one of get, head, got 'post'"),
        ("[defaults]\nper_hots = 2\n", "defaults.per_hots: unknown key"),
        ("[defaults]\nretries = -1\n", "defaults.retries: must be an integer ≥ 0, got -1"),
        ("[defaults]\nconcurrency = 0\n", "defaults.concurrency: must be an integer ≥ 1, got 0"),
        ("[defaults]\ndeadline = true\n", "defaults.deadline: must be a number, got True"),
        ("[defaults]\ntitle_agreement = 1.5\n", "defaults.title_agreement: must be a number ≤ 1, got 1.5"),
        ('[hosts."arxiv.org"]\nper_host = 0\n', 'hosts."arxiv.org".per_host: must be an integer ≥ 1, got 0'),
        ('[hosts."arxiv.org"]\nmethod = "put"\n', 'hosts."arxiv.org".method: must be one of get, head'),
        ('[hosts."arxiv.org"]\nexclude = "yes"\n', 'hosts."arxiv.org".exclude: must be true or false'),
        ('[hosts."https://arxiv.org"]\nexclude = true\n', 'hosts."https://arxiv.org": a host name is lower case'),
        ("[host]\n", "unknown table [host]"),
        ('[services]\narxiv_api = "export.arxiv.org/api/query"\n', "services.arxiv_api: must be an http(s) URL"),
        ("[services]\nwayback = 1\n", "services.wayback: unknown key"),
        ('[hosts."youtu.be"]\nmoves_to = 3\n', 'hosts."youtu.be".moves_to: must be a string, got 3'),
        ("[defaults\n", "invalid TOML"),
    ],
)
def test_bad_policy_gives_one_precise_error(tmp_path: Path, toml: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "bad.toml"
    config.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_policy(config)
    assert str(error.value).startswith(f"{config}: ") and message in str(error.value)
    code, _, err = run_cli(["--url-file", str(config), "--config", str(config)], capsys)
    assert code == 2 and err.strip() == f"error: {error.value}"


def test_settings_have_one_source_of_defaults() -> None:
    """Every setting says what it means in one place, and the shipped policy does not restate a default."""
    import tomllib
    from dataclasses import fields

    assert all(f.metadata["help"] for f in fields(Settings)[:14])
    restated = tomllib.loads(CONFIG.read_text(encoding="utf-8")).get("defaults", {})
    assert {key: value for key, value in restated.items() if getattr(Settings(), key) == value} == {}


def test_shipped_policy() -> None:
    policy = load_policy(CONFIG)
    assert policy.interval("export.arxiv.org") == 3.0 and policy.per_host("export.arxiv.org") == 1  # arXiv's API terms
    assert policy.interval("arxiv.org") == 1.0 and policy.per_host("arxiv.org") == 1
    assert policy.services.arxiv_api == "https://export.arxiv.org/api/query"
    assert policy.services.wayback_api == "https://archive.org/wayback/available"
    assert policy.rule("www.linkedin.com").bot_wall and policy.rule("example.org").exclude
    assert policy.rule("api.github.com").token_env == "GITHUB_TOKEN"
    assert policy.rule("raw.githubusercontent.com").token_env is None  # the token goes nowhere else


def test_github_token_reaches_github_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "secret")
    policy = load_policy(CONFIG)
    checker = Checker(policy)
    assert checker.headers(policy.rule("api.github.com"))["Authorization"] == "Bearer secret"
    assert "Authorization" not in checker.headers(policy.rule("gist.githubusercontent.com"))
    assert "Mozilla/5.0" in checker.headers(policy.rule("x.org"))["User-Agent"]
