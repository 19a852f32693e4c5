"""What the engine and the service lookups pass around: a URL's result, one HTTP reply, a
request that got no reply, and the trace of one URL's requests."""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.linkcheck.contract import Identity, Verdict


@dataclass
class Result:
    url: str
    verdict: Verdict
    status: int | None = None
    final_url: str = ""
    reason: str = ""
    attempts: int = 0  # requests sent for this URL alone, redirect hops and retries included
    elapsed_ms: int = 0
    permanent_redirect: str = ""  # where an entry should now point
    cached: bool = False
    body_bytes: int = 0  # body read, all requests together
    title_found: str = ""  # the title the page or service gives the resource
    titles: tuple[str, ...] = ()  # a page's <title>, og:title and first <h1>, kept to compare with its site's home page
    identity: Identity = "unknown"  # is it still the resource the entry names?
    archived_url: str = ""  # the Wayback Machine's closest copy, for a broken link
    checked_at: str = ""  # when it was checked, ISO 8601 UTC


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    url: str
    titles: tuple[str, ...] = ()  # <title>, og:title and the first <h1>; "" for each one absent
    anchors_found: bool | None = None  # None: not looked for
    is_html: bool = False
    body_bytes: int = 0
    text: str = ""  # the whole body, for a service's answer

    @property
    def title(self) -> str:
        """The page's own <title>, the one a soft 404 shows in."""
        return self.titles[0] if self.titles else ""


@dataclass
class Failure:
    """A request that produced no usable HTTP answer."""

    verdict: Verdict
    reason: str
    retryable: bool
    status: int | None = None


@dataclass
class Trace:
    attempts: int = 0
    body_bytes: int = 0
    in_flight: float = 0.0  # seconds this URL's requests were in flight: what its deadline counts
    redirects: list[tuple[int, str]] = field(default_factory=list)
