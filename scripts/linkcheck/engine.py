"""The link checker's engine: checks URLs concurrently on aiohttp, politely and without false alarms.

Politeness is two units: a global cap on requests in flight, and a gate per host (a cap on that
host's requests in flight plus a minimum gap between their starts, which a 429 or 503's
Retry-After pushes back for everyone waiting on the host). Each URL is followed by hand through
at most `max_redirects` hops, each hop retried on transient failures only. Its deadline counts
only the time its own requests are in flight: waiting for politeness never decides a verdict,
so a URL's verdict does not depend on which other URLs share its host.

arXiv papers, YouTube videos and GitHub repositories are asked of their services
(scripts/linkcheck/lookups.py); other pages are read for their titles, so a link that now
leads to another site or to another page is reported, not passed (scripts/linkcheck/identity.py).
A deep link that now shows its site's home page (redirected there, or served in its place) is
reported too: the home page's title is asked for at most once per host and run, and only for a
page whose title barely matches its entry's (`may_be_home_page`).
"""

from __future__ import annotations

import asyncio
import codecs
import datetime
import errno
import random
import re
import ssl
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import aiohttp

from scripts.linkcheck import lookups
from scripts.linkcheck.contract import Verdict
from scripts.linkcheck.gate import HostGate, retry_after
from scripts.linkcheck.identity import Expected, may_show_home_page, page_identity, shows_home_page, site
from scripts.linkcheck.model import Failure, Reply, Result, Trace
from scripts.linkcheck.page import AnchorFinder, fragment_candidates, page_titles, without_fragment
from scripts.linkcheck.policy import HostRule, Policy
from scripts.linkcheck.services import arxiv_id, github_repository, is_youtube

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
INDEX_FILE = re.compile(r"(?:^|/)index\.(?:html?|php)$", re.IGNORECASE)


def root_of(url: str) -> str:
    """The home page of the site `url` is on: its scheme and host, path "/"."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/", "", ""))


def is_root(path: str) -> bool:
    """"/", "" and "/index.html" all name a site's home page."""
    return not INDEX_FILE.sub("", path).strip("/")


def same_page(first: str, second: str) -> bool:
    """Two addresses of one page: equal but for a trailing slash or an index file, and the fragment."""
    def key(url: str) -> tuple[str, str, str]:
        parts = urlsplit(url)
        return parts.netloc.lower(), INDEX_FILE.sub("", parts.path).rstrip("/"), parts.query

    return key(first) == key(second)


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
    """Checks many URLs on one aiohttp session; use `async with Checker(policy) as checker`.

    `expected` holds what each URL's entry says it leads to (its title and author); without it,
    as for a --url-file run, only whether the resource exists is judged."""

    def __init__(
        self,
        policy: Policy,
        ssl_context: ssl.SSLContext | None = None,
        expected: dict[str, Expected] | None = None,
        known_home_pages: dict[str, Result] | None = None,
    ) -> None:
        self.policy = policy
        self.settings = policy.settings
        self.services = policy.services
        self.expected = expected or {}
        # aiohttp already built a verifying default context at import: loading the CA store again costs ~0.1 s.
        self.ssl: ssl.SSLContext | bool = ssl_context or True
        self.gates: dict[str, HostGate] = {}
        self.session: aiohttp.ClientSession | None = None
        self.global_slots: asyncio.Semaphore | None = None
        self.requests_sent = 0  # every request, the services' included
        self.arxiv: asyncio.Task[dict[str, lookups.ArxivAnswer]] | None = None
        # Home pages, by "scheme://host/": each checked at most once per run, shared by every page
        # that needs it; `known_home_pages` holds those the cache still answers for, never asked again.
        self.known_home_pages = dict(known_home_pages or {})
        self.home_pages: dict[str, asyncio.Task[Result]] = {}

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
        if self.arxiv and not self.arxiv.done():
            self.arxiv.cancel()
        for task in self.home_pages.values():
            task.cancel()
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
        gates, so the first requests leave at once instead of after everything is scheduled.
        arXiv's papers are asked for all at once, in the background, before any worker needs one."""
        listed = list(urls)
        self.ask_arxiv(listed)
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

    def ask_arxiv(self, urls: Iterable[str]) -> None:
        """Start asking arXiv's API for every well-formed arXiv id among `urls` not yet asked for."""
        ids = sorted({i for url in urls if (i := arxiv_id(url)) and not self.policy.exclusion(url)})
        if ids:
            self.arxiv = asyncio.ensure_future(lookups.ask_arxiv(self.fetch, self.services.arxiv_api, ids))

    async def check(self, url: str) -> Result:
        if url in self.home_pages or url == root_of(url) and url.lower().startswith(("http://", "https://")):
            return await self.home_page(url)  # a home page some other page may also need: checked once
        return await self.check_once(url)

    async def home_page(self, root: str) -> Result:
        """The site's home page, checked at most once per run however many pages ask for it."""
        if root in self.known_home_pages:
            return self.known_home_pages[root]
        if root not in self.home_pages:
            self.home_pages[root] = asyncio.ensure_future(self.check_once(root))
        return await asyncio.shield(self.home_pages[root])

    def home_pages_checked(self) -> list[Result]:
        """The home pages this run requested, for the cache to keep like any other answer."""
        return [task.result() for task in self.home_pages.values() if task.done() and not task.cancelled()]

    async def check_once(self, url: str) -> Result:
        started = time.monotonic()
        trace = Trace()
        if excluded := self.policy.exclusion(url):
            result = Result(url, "excluded", reason=excluded)
        else:
            result = await self.identify(url, trace)
        result.attempts = trace.attempts
        result.body_bytes = trace.body_bytes
        result.elapsed_ms = round((time.monotonic() - started) * 1000)
        result.checked_at = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return result

    async def identify(self, url: str, trace: Trace) -> Result:
        """Ask the service that knows the resource best; a page no service covers is followed and read."""
        expected = self.expected.get(url)
        identifier = arxiv_id(url)
        if identifier == "":
            return Result(url, "broken", None, url, "not an arXiv identifier: the URL cannot name a paper")
        if identifier:
            if self.arxiv is None:
                self.ask_arxiv([url])
            assert self.arxiv is not None
            answer = (await asyncio.shield(self.arxiv)).get(identifier)
            if answer is not None:
                return lookups.arxiv_result(url, identifier, answer, expected, self.settings.title_agreement)
        elif is_youtube(url):
            return await lookups.check_youtube(self.fetch, self.services.youtube_oembed, url, expected, trace)
        elif repository := github_repository(url):
            return await lookups.check_github(self.fetch, self.services.github_api, url, *repository, trace)
        return await self.follow(url, trace)

    async def fetch(self, url: str, trace: Trace) -> Reply | Failure:
        """One GET of a service's answer, read whole (up to `max_body`), redirects not followed."""
        return await self.request("GET", url, self.policy.rule(urlsplit(url).hostname or ""), (), trace, whole_body=True)

    async def archived_copy(self, url: str, timestamp: str) -> str:
        return await lookups.archived_copy(self.fetch, self.services.wayback_api, url, timestamp)

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
                return Result(url, reply.verdict, reply.status, current, reply.reason)
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
            result = self.judge(url, reply, rule, fragment if check_fragment else "", trace)
            if self.may_be_home_page(url, reply, result):
                await self.compare_with_home_page(url, reply, result)
            return result

    def may_be_home_page(self, url: str, reply: Reply, result: Result) -> bool:
        """Worth asking for the home page: an entry's deep link that passed, on a page whose
        <title> and og:title hold little of the entry's title (a page that shows its entry's
        title is that page, whatever the home page is called)."""
        expected = self.expected.get(url)
        if result.verdict != "ok" or not expected or not reply.is_html or is_root(urlsplit(url).path):
            return False
        return may_show_home_page(expected.title, reply.titles)

    async def compare_with_home_page(self, url: str, reply: Reply, result: Result) -> None:
        """Report the page if it is its site's home page served in its place (`shows_home_page`).
        An entry that names the page the home page itself lands on is not reported."""
        root = root_of(reply.url)
        home = await self.home_page(root)
        if home.verdict != "ok" or same_page(url, home.final_url or root) or not shows_home_page(reply.titles, home.titles):
            return
        result.identity = "drift"
        shown = reply.titles[0] or reply.titles[1]
        self.set(result, "warn", f"lands on the site's home page: the page is titled {shown!r}, as {root} is")

    def judge(self, url: str, reply: Reply, rule: HostRule, fragment: str, trace: Trace) -> Result:
        status, final = reply.status, reply.url
        result = Result(url, "ok", status, final, title_found=next((t for t in reply.titles if t), ""), titles=reply.titles)
        first_hop_permanent = bool(trace.redirects) and trace.redirects[0][0] in PERMANENT_REDIRECTS
        if first_hop_permanent:
            result.permanent_redirect = final
        if 200 <= status < 300:
            original_path = urlsplit(url).path
            final_path = urlsplit(final).path
            expected = self.expected.get(url)
            if expected and reply.titles:
                result.identity = page_identity(expected, *reply.titles)
            if reply.title and SOFT_404_TITLE.search(reply.title):
                return self.set(result, "warn", f"likely soft 404: the page is titled {reply.title.strip()!r}")
            if trace.redirects and ERROR_PAGE_PATH.search(final_path):
                return self.set(result, "warn", f"likely soft 404: redirected to an error page {final}")
            if trace.redirects and not is_root(original_path) and is_root(final_path):
                if expected:
                    result.identity = "drift"
                return self.set(result, "warn", f"lands on the site's home page: redirected to {final} (likely a soft 404)")
            if fragment and reply.is_html and reply.anchors_found is False:
                return self.set(result, "broken", f"no id or name '{unquote(fragment)}' on the page (missing #fragment)")
            if self.moved_off_site(url, final):
                return self.set(result, "warn", f"moved off-site to {final}: a lapsed domain, a sign-in wall or a new home")
            if result.identity == "drift" and expected:
                return self.set(result, "warn", f"title drift: entry says {expected.title!r}, the page says {result.title_found!r}")
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

    def moved_off_site(self, url: str, final: str) -> bool:
        """The redirects ended on another registrable domain than the entry's, unexpectedly."""
        start, end = urlsplit(url).hostname or "", urlsplit(final).hostname or ""
        if site(start) == site(end):
            return False
        expected = self.policy.rule(start).moves_to
        return not (expected == "*" or (expected and site(end) == site(expected)))

    @staticmethod
    def set(result: Result, verdict: Verdict, reason: str) -> Result:
        result.verdict, result.reason = verdict, reason
        return result

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter, so retries from many URLs do not arrive together."""
        return min(self.settings.backoff_cap, self.settings.backoff * 2**attempt) * random.uniform(0.5, 1.0)

    async def request(
        self, method: str, url: str, rule: HostRule, fragments: tuple[str, ...], trace: Trace, whole_body: bool = False
    ) -> Reply | Failure:
        """One request, retried on 429/502/503/504, timeouts and resets.

        A Retry-After within the cap holds the whole host (the server asked it of every client);
        one beyond the cap ends this URL's retries at once. Other retries wait for this URL only.
        Only time in flight counts against the deadline, never a wait."""
        gate = self.gate(url)
        assert self.global_slots is not None
        deadline = self.settings.deadline
        last: Reply | Failure = Failure("warn", "not tried", True)
        for attempt in range(self.settings.retries + 1):
            budget = deadline - trace.in_flight
            if budget <= 0:
                return Failure("warn", f"no complete answer within the {deadline:g} s deadline (time in flight)", False)
            async with gate.turn(), self.global_slots:
                trace.attempts += 1
                self.requests_sent += 1
                started = time.monotonic()
                try:
                    async with asyncio.timeout(min(self.settings.attempt_timeout, budget)):
                        last = await self.send(method, url, rule, fragments, trace, whole_body)
                except Exception as error:  # noqa: BLE001 - every failure is classified, none escapes
                    last = classify_error(error)
                finally:
                    trace.in_flight += time.monotonic() - started
            if isinstance(last, Failure):
                if not last.retryable:
                    return last
                delay = self.backoff(attempt)
            elif last.status in RETRY_STATUSES:
                asked = retry_after(last.headers)
                if asked is not None and asked > self.settings.retry_after_cap:
                    return Failure(
                        "warn",
                        f"{last.status}: the server asks to wait {asked:g} s, beyond the {self.settings.retry_after_cap:g} s cap; not retried",
                        False,
                        last.status,
                    )
                if asked is not None:
                    gate.pause(asked)
                    delay = 0.0
                else:
                    delay = self.backoff(attempt)
            else:
                return last
            if attempt < self.settings.retries and delay:
                await asyncio.sleep(delay)
        return last

    async def send(
        self, method: str, url: str, rule: HostRule, fragments: tuple[str, ...], trace: Trace, whole_body: bool = False
    ) -> Reply:
        assert self.session is not None
        async with self.session.request(method, url, headers=self.headers(rule), allow_redirects=False) as response:
            headers = {key.lower(): value for key, value in response.headers.items()}
            content_type = headers.get("content-type", "").split(";")[0].strip().lower()
            reply = Reply(response.status, headers, url, is_html=content_type in HTML_TYPES or not content_type)
            if whole_body:
                body = await response.content.read(self.settings.max_body)
                reply.body_bytes = len(body)
                reply.text = body.decode(response.charset or "utf-8", errors="replace")
            elif method == "GET" and reply.is_html:
                await self.read_html(response, reply, fragments)
            trace.body_bytes += reply.body_bytes
            return reply

    async def read_html(self, response: aiohttp.ClientResponse, reply: Reply, fragments: tuple[str, ...]) -> None:
        """Read no more than needed: `sniff_bytes` for the titles (small pages end sooner, keeping
        the connection reusable), and on up to `max_body` only while a #fragment is still unseen."""
        try:
            decoder = codecs.getincrementaldecoder(response.charset or "utf-8")(errors="replace")
        except LookupError:  # a charset Python does not know: the markup is ASCII anyway
            decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        finder = AnchorFinder(fragments) if fragments else None
        head = ""
        while True:
            limit = self.settings.max_body if finder and not finder.found else self.settings.sniff_bytes
            if reply.body_bytes >= limit:
                break
            chunk = await response.content.read(min(65536, limit - reply.body_bytes))
            if not chunk:
                break
            reply.body_bytes += len(chunk)
            text = decoder.decode(chunk)
            if len(head) < self.settings.sniff_bytes:
                head += text
            if finder:
                finder.feed(text)
        # The titles are all a page without #fragment is read for: regexes on the first bytes
        # cost a fraction of a full HTML parse, and parsing was most of the CPU per URL.
        reply.titles = page_titles(head)
        reply.anchors_found = finder.found if finder else None
