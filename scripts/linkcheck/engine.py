"""The link checker's engine: checks URLs concurrently on aiohttp, politely and without false alarms.

Politeness is two units: a global cap on requests in flight, and a gate per host (a cap on that
host's requests in flight plus a minimum gap between their starts, which a 429 or 503 pushes
back for everyone waiting on the host). Each URL is followed by hand through at most
`max_redirects` hops, each hop retried on transient failures only, all inside one deadline.
"""

from __future__ import annotations

import asyncio
import codecs
import errno
import html
import random
import re
import ssl
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import aiohttp

from scripts.linkcheck.contract import Verdict
from scripts.linkcheck.gate import HostGate, retry_after
from scripts.linkcheck.page import TITLE_RE, AnchorFinder, fragment_candidates, without_fragment
from scripts.linkcheck.policy import HostRule, Policy

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
RETRY_STATUSES = frozenset({429, 502, 503, 504})
HTML_TYPES = ("text/html", "application/xhtml+xml")
BOT_WALL_STATUS = 999  # LinkedIn and others answer robots with this non-standard code
SOFT_404_TITLE = re.compile(
    r"\b(?:404|page not found|not found|page (?:does not|doesn't) exist|no longer (?:available|exists)|"
    r"has been (?:removed|deleted)|could not be found|isn't available)\b",
    re.IGNORECASE,
)
ERROR_PAGE_PATH = re.compile(r"/(?:404|not[-_]?found|error|page-not-found)(?:\.html?)?/?$", re.IGNORECASE)
# Fragments no HTML id can answer: SPA routes, text fragments, GitHub line ranges, the top.
UNCHECKABLE_FRAGMENT = re.compile(r"^(?:$|[!/]|:~:|top$|L\d+(?:-L\d+)?$)")


@dataclass
class Result:
    url: str
    verdict: Verdict
    status: int | None = None
    final_url: str = ""
    reason: str = ""
    attempts: int = 0  # requests sent, redirect hops and retries included
    elapsed_ms: int = 0
    permanent_redirect: str = ""  # where an entry should now point
    cached: bool = False
    body_bytes: int = 0  # body read, all requests together


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    url: str
    title: str = ""
    anchors_found: bool | None = None  # None: not looked for
    is_html: bool = False
    body_bytes: int = 0


@dataclass
class Failure:
    """A request that produced no HTTP status."""

    verdict: Verdict
    reason: str
    retryable: bool


@dataclass
class Trace:
    attempts: int = 0
    body_bytes: int = 0
    redirects: list[tuple[int, str]] = field(default_factory=list)


class ReservedNamesResolver(aiohttp.ThreadedResolver):
    """Answers `.invalid` names at once, as RFC 6761 asks, so they never reach a DNS server."""

    async def resolve(self, host: str, port: int = 0, family: Any = 0) -> Any:
        if host.lower().rstrip(".").endswith(".invalid") or host.lower() == "invalid":
            raise OSError(errno.ENOENT, f"{host} is a reserved name that never resolves (RFC 6761)")
        return await super().resolve(host, port, family)


def classify_error(error: BaseException) -> Failure:
    """An exception raised while requesting, as a verdict and whether trying again can help."""
    if isinstance(error, (asyncio.TimeoutError, aiohttp.ServerTimeoutError)):
        return Failure("warn", "timed out", True)
    if isinstance(error, aiohttp.ClientConnectorCertificateError):
        return Failure("broken", f"TLS certificate rejected: {error.certificate_error}", False)
    if isinstance(error, (aiohttp.ClientSSLError, ssl.SSLError)):
        return Failure("broken", f"TLS error: {error}", False)
    if isinstance(error, aiohttp.ClientConnectorDNSError):
        return Failure("broken", "host name does not resolve (DNS)", False)
    if isinstance(error, aiohttp.ClientConnectorError):
        if isinstance(error.os_error, ConnectionRefusedError):
            return Failure("broken", "connection refused", False)
        return Failure("warn", f"cannot connect: {error.os_error}", True)
    if isinstance(error, (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError, aiohttp.ClientOSError)):
        return Failure("warn", f"connection reset: {error.__class__.__name__}", True)
    if isinstance(error, (aiohttp.InvalidURL, ValueError)):
        return Failure("broken", f"invalid URL: {error}", False)
    if isinstance(error, aiohttp.ClientResponseError):
        return Failure("broken", f"malformed response: {error.message}", False)
    return Failure("warn", f"{error.__class__.__name__}: {error}", True)


class Checker:
    """Checks many URLs on one aiohttp session; use `async with Checker(policy) as checker`."""

    def __init__(self, policy: Policy, ssl_context: ssl.SSLContext | None = None) -> None:
        self.policy = policy
        self.settings = policy.settings
        # aiohttp already built a verifying default context at import: loading the CA store again costs ~0.1 s.
        self.ssl: ssl.SSLContext | bool = ssl_context or True
        self.gates: dict[str, HostGate] = {}
        self.session: aiohttp.ClientSession | None = None
        self.global_slots: asyncio.Semaphore | None = None

    async def __aenter__(self) -> Checker:
        connector = aiohttp.TCPConnector(
            limit=self.settings.concurrency,
            limit_per_host=0,  # HostGate enforces the per-host limit, with the interval
            ttl_dns_cache=300,
            ssl=self.ssl,
            resolver=ReservedNamesResolver(),
        )
        timeout = aiohttp.ClientTimeout(
            total=None, sock_connect=self.settings.connect_timeout, sock_read=self.settings.attempt_timeout
        )
        # Cookies are kept because some sites redirect in a loop until a cookie they set comes back.
        self.session = aiohttp.ClientSession(
            connector=connector, timeout=timeout, cookie_jar=aiohttp.CookieJar(unsafe=True)
        )
        self.global_slots = asyncio.Semaphore(self.settings.concurrency)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.session:
            await self.session.close()

    @staticmethod
    def gate_key(url: str) -> str:
        return urlsplit(url).netloc.lower()

    def gate(self, url: str) -> HostGate:
        key = self.gate_key(url)
        if key not in self.gates:
            host = urlsplit(url).hostname or ""
            self.gates[key] = HostGate(self.policy.per_host(host), self.policy.interval(host))
        return self.gates[key]

    def headers(self, rule: HostRule) -> dict[str, str]:
        headers = {
            "User-Agent": self.settings.user_agent,
            "Accept": self.settings.accept,
            "Accept-Language": self.settings.accept_language,
        }
        token = rule.token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return headers

    async def check_all(self, urls: Iterable[str], on_result: Callable[[Result], None] | None = None) -> list[Result]:
        """Every URL's result, in the order given.

        Each host gets as many workers as it may have requests in flight, and they take its URLs
        in turn: a thousand URLs make a few dozen coroutines rather than a thousand queued on
        gates, so the first requests leave at once instead of after everything is scheduled."""
        listed = list(urls)
        queues: dict[str, deque[int]] = {}
        for index, url in enumerate(listed):
            queues.setdefault(self.gate_key(url), deque()).append(index)
        results: list[Result | None] = [None] * len(listed)

        async def worker(queue: deque[int]) -> None:
            while queue:
                index = queue.popleft()
                results[index] = result = await self.check(listed[index])
                if on_result:
                    on_result(result)

        await asyncio.gather(*(
            worker(queue) for queue in queues.values() for _ in range(min(len(queue), self.gate(listed[queue[0]]).limit))
        ))
        return [result for result in results if result is not None]

    async def check(self, url: str) -> Result:
        started = time.monotonic()
        trace = Trace()
        if excluded := self.policy.exclusion(url):
            result = Result(url, "excluded", reason=excluded)
        else:
            try:
                async with asyncio.timeout(self.settings.deadline):
                    result = await self.follow(url, trace)
            except TimeoutError:
                result = Result(url, "warn", reason=f"no complete answer within the {self.settings.deadline:g} s deadline")
        result.attempts = trace.attempts
        result.body_bytes = trace.body_bytes
        result.elapsed_ms = round((time.monotonic() - started) * 1000)
        return result

    async def follow(self, url: str, trace: Trace) -> Result:
        """Follow redirects by hand, HEAD falling back to GET, and judge the final answer."""
        current, fragment = without_fragment(url)
        host = urlsplit(current).hostname or ""
        rule = self.policy.rule(host)
        check_fragment = bool(fragment) and not rule.ignore_fragments and not UNCHECKABLE_FRAGMENT.match(fragment)
        method = "GET" if check_fragment or self.policy.method(host) == "get" else "HEAD"
        seen = {current}
        while True:
            rule = self.policy.rule(urlsplit(current).hostname or "")
            fragments = fragment_candidates(fragment, urlsplit(current).hostname or "") if check_fragment else ()
            reply = await self.request(method, current, rule, fragments, trace)
            if isinstance(reply, Failure):
                return Result(url, reply.verdict, final_url=current, reason=reply.reason)
            location = reply.headers.get("location")
            if reply.status in REDIRECT_STATUSES and location:
                target, new_fragment = without_fragment(urljoin(current, location))
                fragment = new_fragment or fragment
                trace.redirects.append((reply.status, target))
                if target in seen:
                    return Result(url, "broken", reply.status, target, f"redirect loop back to {target}")
                if len(trace.redirects) > self.settings.max_redirects:
                    return Result(url, "broken", reply.status, target, f"more than {self.settings.max_redirects} redirects")
                seen.add(target)
                current = target
                continue
            if method == "HEAD" and not 200 <= reply.status < 300:
                method = "GET"  # many servers refuse or mishandle HEAD; GET is the real test
                continue
            return self.judge(url, reply, rule, fragment if check_fragment else "", trace)

    def judge(self, url: str, reply: Reply, rule: HostRule, fragment: str, trace: Trace) -> Result:
        status, final = reply.status, reply.url
        result = Result(url, "ok", status, final)
        first_hop_permanent = bool(trace.redirects) and trace.redirects[0][0] in PERMANENT_REDIRECTS
        if first_hop_permanent:
            result.permanent_redirect = final
        if 200 <= status < 300:
            original_path = urlsplit(url).path
            final_path = urlsplit(final).path
            if reply.title and SOFT_404_TITLE.search(reply.title):
                return self.set(result, "warn", f"likely soft 404: the page is titled {reply.title.strip()!r}")
            if trace.redirects and ERROR_PAGE_PATH.search(final_path):
                return self.set(result, "warn", f"likely soft 404: redirected to an error page {final}")
            if trace.redirects and original_path.strip("/") and not final_path.strip("/"):
                return self.set(result, "warn", f"likely soft 404: redirected to the site's home page {final}")
            if fragment and reply.is_html and reply.anchors_found is False:
                return self.set(result, "broken", f"no id or name '{unquote(fragment)}' on the page (missing #fragment)")
            reason = f"moved permanently to {final}: update the entry" if first_hop_permanent else ""
            return self.set(result, "ok", reason)
        server = reply.headers.get("server", "").lower()
        challenged = reply.headers.get("cf-mitigated", "").lower() == "challenge"
        if status == BOT_WALL_STATUS or (status == 403 and (rule.bot_wall or challenged or "cloudflare" in server)):
            return self.set(result, "warn", f"{status}: a bot wall refused the checker; a person can likely open it")
        if status in (401, 407):
            return self.set(result, "warn", f"{status}: the page needs a sign-in")
        if status == 429:
            return self.set(result, "warn", f"429: still rate limited after {trace.attempts} requests")
        if status in RETRY_STATUSES:
            return self.set(result, "warn", f"{status}: server still unavailable after {trace.attempts} requests")
        if 300 <= status < 400:
            return self.set(result, "broken", f"{status} redirect without a Location header")
        return self.set(result, "broken", f"{status} {'gone' if status == 410 else 'not found' if status == 404 else 'error'}")

    @staticmethod
    def set(result: Result, verdict: Verdict, reason: str) -> Result:
        result.verdict, result.reason = verdict, reason
        return result

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter, so retries from many URLs do not arrive together."""
        return min(self.settings.backoff_cap, self.settings.backoff * 2**attempt) * random.uniform(0.5, 1.0)

    async def request(
        self, method: str, url: str, rule: HostRule, fragments: tuple[str, ...], trace: Trace
    ) -> Reply | Failure:
        """One request, retried on 429/502/503/504, timeouts and resets; the host waits between tries."""
        gate = self.gate(url)
        assert self.global_slots is not None
        last: Reply | Failure = Failure("warn", "not tried", True)
        for attempt in range(self.settings.retries + 1):
            async with gate.turn(), self.global_slots:
                trace.attempts += 1
                try:
                    async with asyncio.timeout(self.settings.attempt_timeout):
                        last = await self.send(method, url, rule, fragments, trace)
                except Exception as error:  # noqa: BLE001 - every failure is classified, none escapes
                    last = classify_error(error)
            if isinstance(last, Failure):
                if not last.retryable:
                    return last
                delay = self.backoff(attempt)
            elif last.status in RETRY_STATUSES:
                asked = retry_after(last.headers, self.settings.retry_after_cap)
                delay = self.backoff(attempt) if asked is None else asked
            else:
                return last
            if attempt < self.settings.retries:
                gate.pause(delay)
        return last

    async def send(self, method: str, url: str, rule: HostRule, fragments: tuple[str, ...], trace: Trace) -> Reply:
        assert self.session is not None
        async with self.session.request(method, url, headers=self.headers(rule), allow_redirects=False) as response:
            headers = {key.lower(): value for key, value in response.headers.items()}
            content_type = headers.get("content-type", "").split(";")[0].strip().lower()
            reply = Reply(response.status, headers, url, is_html=content_type in HTML_TYPES or not content_type)
            if method == "GET" and reply.is_html:
                await self.read_html(response, reply, fragments)
                trace.body_bytes += reply.body_bytes
            return reply

    async def read_html(self, response: aiohttp.ClientResponse, reply: Reply, fragments: tuple[str, ...]) -> None:
        """Read no more than needed: `sniff_bytes` for the title (small pages end sooner, keeping
        the connection reusable), and on up to `max_body` only while a #fragment is still unseen."""
        try:
            decoder = codecs.getincrementaldecoder(response.charset or "utf-8")(errors="replace")
        except LookupError:  # a charset Python does not know: the markup is ASCII anyway
            decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        if not fragments:
            # The title is all a page without #fragment is read for: a regex on the first bytes
            # costs a fraction of a full HTML parse, and parsing was most of the CPU per URL.
            text = ""
            while reply.body_bytes < self.settings.sniff_bytes:
                chunk = await response.content.read(min(65536, self.settings.sniff_bytes - reply.body_bytes))
                if not chunk:
                    break
                reply.body_bytes += len(chunk)
                text += decoder.decode(chunk)
            match = TITLE_RE.search(text)
            reply.title = html.unescape(match.group(1)) if match else ""
            reply.anchors_found = None
            return
        finder = AnchorFinder(fragments)
        while True:
            limit = self.settings.max_body if not finder.found else self.settings.sniff_bytes
            if reply.body_bytes >= limit:
                break
            chunk = await response.content.read(min(65536, limit - reply.body_bytes))
            if not chunk:
                break
            reply.body_bytes += len(chunk)
            finder.feed(decoder.decode(chunk))
        reply.title = finder.title
        reply.anchors_found = finder.found
