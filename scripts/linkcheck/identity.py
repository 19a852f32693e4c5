"""Is the page still the resource its entry names? Titles compared by their significant words,
and sites compared by registrable domain (the Public Suffix List, bundled with the
`publicsuffixlist` package, so the answer needs no network).

Both judgements are tuned to stay quiet: a false "drift" alarm costs a maintainer's time on
every run, while a missed one is caught by the next reader. The tolerances are settings
(`title_overlap`, documented in scripts/linkcheck/policy.toml).
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
WORD_RE = re.compile(r"[a-z0-9]+")


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


def overlap(expected: str, found: str) -> float:
    """The share of the expected title's significant words that the found title has (1.0 if it has none to check)."""
    wanted = words(expected)
    return len(wanted & words(found)) / len(wanted) if wanted else 1.0


def paper_identity(expected: str, found: str, minimum: float) -> Identity:
    """An entry quotes its paper's title, so most of its words must be in the title the archive holds."""
    if not expected.strip() or not found.strip():
        return "unknown"
    return "match" if overlap(expected, found) >= minimum else "drift"


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
