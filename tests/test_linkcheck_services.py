"""Reading the services' answers and recognising their URLs (no network, no server)."""

from __future__ import annotations

import pytest

from scripts.linkcheck.services import (
    ServiceError,
    arxiv_id,
    github_repository,
    is_youtube,
    read_arxiv_feed,
    read_oembed,
    read_wayback,
)

FEED = '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">{}</feed>'


@pytest.mark.parametrize(
    ("url", "identifier"),
    [
        ("https://arxiv.org/abs/1706.03762", "1706.03762"),
        ("https://arxiv.org/pdf/2106.09685v2", "2106.09685v2"),
        ("https://arxiv.org/pdf/2106.09685v2.pdf", "2106.09685v2"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("https://arxiv.org/abs/17060.3762", ""),  # on arXiv, but no paper can have it
        ("https://arxiv.org/list/cs.CL/recent", None),
        ("https://example.org/abs/1706.03762", None),
    ],
)
def test_arxiv_ids(url: str, identifier: str | None) -> None:
    assert arxiv_id(url) == identifier


def test_the_feed_gives_titles_by_id_with_and_without_version() -> None:
    entries = (
        "<entry><id>http://arxiv.org/abs/1706.03762v7</id><title>Attention Is\n  All You Need</title></entry>"
        "<entry><summary></summary></entry>"  # arXiv's answer for an id it does not have, at times
        "<entry><id>http://arxiv.org/abs/2401.00003v2</id><title>T</title>"
        "<arxiv:comment>This paper has been withdrawn by the author</arxiv:comment></entry>"
    )
    papers = read_arxiv_feed(FEED.format(entries))
    assert papers["1706.03762"].title == papers["1706.03762v7"].title == "Attention Is All You Need"
    assert papers["2401.00003"].withdrawn and not papers["1706.03762"].withdrawn
    assert len({id(p) for p in papers.values()}) == 2


@pytest.mark.parametrize(
    "answer",
    [
        FEED.format("<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_x</id><title>Error</title>"
                    "<summary>incorrect id format for x</summary></entry>"),
        "Rate exceeded.",  # arXiv's throttling answer is plain text
        "<html><body>busy</body></html>",
    ],
)
def test_an_answer_that_is_not_a_paper_feed_is_a_service_error(answer: str) -> None:
    with pytest.raises(ServiceError):
        read_arxiv_feed(answer)


def test_youtube_urls_and_answers() -> None:
    assert is_youtube("https://www.youtube.com/watch?v=abc") and is_youtube("https://youtu.be/abc")
    assert is_youtube("https://www.youtube.com/playlist?list=PL1")
    assert not is_youtube("https://www.youtube.com/@3blue1brown") and not is_youtube("https://youtu.be/")
    assert read_oembed('{"title": "T", "author_name": "C"}').channel == "C"
    with pytest.raises(ServiceError):
        read_oembed("Forbidden")


def test_github_repositories_only_at_their_root() -> None:
    assert github_repository("https://github.com/karpathy/nanoGPT") == ("karpathy", "nanoGPT")
    assert github_repository("https://github.com/karpathy/nanoGPT.git") == ("karpathy", "nanoGPT")
    assert github_repository("https://github.com/karpathy/nanoGPT/blob/master/model.py") is None
    assert github_repository("https://github.com/topics/llm") is None
    assert github_repository("https://github.com/karpathy/nanoGPT#readme") is None  # an anchor is checked on the page


def test_wayback_answers() -> None:
    found = '{"archived_snapshots": {"closest": {"available": true, "url": "http://web.archive.org/web/2025/https://x.org/", "timestamp": "2025", "status": "200"}}}'
    assert read_wayback(found) == "https://web.archive.org/web/2025/https://x.org/"
    assert read_wayback('{"url": "https://x.org/", "archived_snapshots": {}}') == ""
