"""Is the page still the resource its entry names? Titles compared by their significant words,
and sites compared by registrable domain (the Public Suffix List, bundled with the
`publicsuffixlist` package, so the answer needs no network).

Both judgements are tuned to stay quiet: a false "drift" alarm costs a maintainer's time on
every run, while a missed one is caught by the next reader. The paper rule's threshold is a
setting (`title_agreement`, documented in scripts/linkcheck/policy.toml).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from publicsuffixlist import PublicSuffixList

from scripts.linkcheck.contract import Identity

# Words that say nothing about which resource a title names: function words, and the words
# sites put around every title ("Home", "Blog", "Documentation").
FILLER = frozenset(
    """a an and are as at be by for from in into is it its of on or our the this that to up via we what when
    where which who why will with without you your how can do does not all any more most new about over
    vs use using used get getting guide intro introduction home page blog post docs documentation
    official site website welcome read online free part chapter""".split()
)
# A version number stays one word ("qwen2.5", "3.12"): split at its dot, "Qwen2.5-VL" and
# "Qwen2.5-Omni" would share two words of three and pass for one another.
WORD_RE = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*")


@dataclass(frozen=True)
class Expected:
    """What an entry says its link leads to."""

    title: str
    author: str = ""


def words(text: str) -> frozenset[str]:
    """Significant words: lower case, accents and punctuation gone, a plural's trailing "s" dropped."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    found = set()
    for word in WORD_RE.findall(plain):
        if word in FILLER or (len(word) < 2 and not word.isdigit()):
            continue
        found.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(found)


def share(expected: str, found: str) -> float:
    """The share of the expected title's significant words that the found title has (1.0 if it has none to check)."""
    wanted = words(expected)
    return len(wanted & words(found)) / len(wanted) if wanted else 1.0


def agreement(first: str, second: str) -> float | None:
    """The significant words two titles share, as a share of each title's own words: the
    smaller of the two shares (None when either title has no significant word). Symmetric,
    so a long title cannot pass for a short one it merely contains, nor the other way round."""
    one, other = words(first), words(second)
    if not one or not other:
        return None
    shared = len(one & other)
    return min(shared / len(one), shared / len(other))


def paper_identity(expected: str, found: str, minimum: float) -> Identity:
    """An entry quotes its paper's title, so the two titles must agree on at least `minimum`
    of each one's significant words. "Qwen3 Technical Report" is not "Qwen3-VL Technical
    Report" (3 of 4), nor "Layer Normalization" "Root Mean Square Layer Normalization" (2 of 5)."""
    if not expected.strip() or not found.strip():
        return "unknown"
    agreed = agreement(expected, found)
    if agreed is None:
        return "unknown"
    return "match" if agreed >= minimum else "drift"


def plain(text: str) -> str:
    """A title with case, accents, punctuation and spacing set aside, every word kept."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def same_title(first: str, second: str) -> bool:
    """Two titles that read the same ("Sentence Transformers" and "sentence-transformers" do)."""
    return bool(plain(first)) and plain(first) == plain(second)


# A page whose <title> and og:title hold less than this share of its entry's title words may be
# its site's home page served in its place: only then is the home page asked for. A right page
# usually carries most of its entry's title, so a run asks for few home pages.
HOME_PAGE_SUSPICION = 0.5


def may_show_home_page(expected_title: str, titles: tuple[str, ...]) -> bool:
    """The page's <title> and og:title (its first two titles) barely show its entry's title."""
    shown = [title for title in titles[:2] if title]  # an <h1> alone is no page title
    return bool(shown) and max(share(expected_title, title) for title in shown) < HOME_PAGE_SUSPICION


def shows_home_page(page: tuple[str, ...], home: tuple[str, ...]) -> bool:
    """A page (its <title>, og:title and first <h1>) is its site's home page served in its place:
    its <title> or og:title reads as the home page's, and so does its first <h1>. The heading
    keeps this quiet where a site titles every page alike but heads each one apart, and where
    the HTML has no heading at all (a single-page app draws it by script, so one page's shell
    and another's are the same bytes, and nothing can tell a fallback from a page)."""
    page_title, page_og, page_heading = (page + ("", "", ""))[:3]
    home_title, home_og, home_heading = (home + ("", "", ""))[:3]
    titled_alike = any(same_title(mine, theirs) for mine in (page_title, page_og) for theirs in (home_title, home_og))
    return titled_alike and same_title(page_heading, home_heading)


def page_identity(expected: Expected, *found: str) -> Identity:
    """A page's title, og:title and first heading vary with the site's wording, so a single
    shared significant word (with the entry's title or author) is enough to call it the same."""
    seen = frozenset().union(*(words(text) for text in found))
    wanted = words(expected.title) | words(expected.author)
    if not seen or not wanted:
        return "unknown"
    return "match" if wanted & seen else "drift"


@cache
def _suffixes() -> PublicSuffixList:
    return PublicSuffixList()  # reads the bundled list once


def site(host: str) -> str:
    """The registrable domain (`blog.example.co.uk` → `example.co.uk`); an IP address or a bare
    public suffix is its own site."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        return _suffixes().privatesuffix(host) or host
