"""Check every resource URL in the docs: `python -m scripts.linkcheck [PATH ...]` (default: docs/).

URLs and the file:line of every entry using them come from scripts.content.entries. Each URL gets a
verdict: ok, broken (provably: 404, 410, DNS failure, refused, TLS error, redirect loop,
missing #fragment), warn (not provably broken: rate limited or unavailable after retries, bot
wall, sign-in, timeout, likely soft 404) or excluded (by scripts/linkcheck/policy.toml). Exit status:
1 if any URL is broken (or, with --strict, warn), 2 on a usage or policy error, else 0.
`--site DIR` instead crawls a built site for internal links and anchors (scripts.linkcheck.crawl).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import math
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from scripts.linkcheck.cache import CACHE, Cache, Entry
from scripts.linkcheck.engine import Checker, root_of
from scripts.linkcheck.identity import Expected
from scripts.linkcheck.model import Result
from scripts.linkcheck.policy import CONFIG, ConfigError, Policy, load_policy
from scripts.linkcheck.report import Checked, Location, Progress, annotations, as_json, as_markdown, as_text
from scripts.linkcheck.services import ARXIV_BATCH, arxiv_id
from scripts.paths import DOCS, display

HUNK_RE = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")
Targets = dict[str, list[Location]]  # URL -> every place it is written


class UsageError(Exception):
    """Bad arguments or an unusable git ref: reported in one line, exit status 2."""


def is_web_url(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def add(targets: Targets, url: str, location: Location) -> None:
    places = targets.setdefault(url, [])
    if location not in places:
        places.append(location)


def targets_from_docs(paths: Iterable[Path | str], expected: dict[str, Expected] | None = None) -> Targets:
    """Every resource entry's URL, then any other web link in the prose, with where each is written.
    `expected` receives what each entry says its URL leads to (the first entry's, if several)."""
    from scripts.content.entries import parse_paths  # only here: a --url-file run need not pay for the parser's import

    targets: Targets = {}
    documents = parse_paths(display(p) for p in paths)
    for document in documents:
        for resource in document.resources:
            if is_web_url(resource.url):
                add(targets, resource.url, Location(resource.path, resource.line))
                if expected is not None:
                    expected.setdefault(resource.url, Expected(resource.title, resource.author))
    for document in documents:
        for link in document.links():
            if is_web_url(link.url):
                add(targets, link.url, Location(link.path, link.line))
    return targets


def targets_from_url_file(path: Path) -> Targets:
    targets: Targets = {}
    name = display(path)
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        url = raw.strip()
        if url and not url.startswith("#"):
            add(targets, url, Location(name, number))
    return targets


def git(args: Sequence[str], cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise UsageError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def changed_lines(ref: str, paths: Sequence[Path]) -> dict[Path, set[int] | None]:
    """Lines added or changed since `ref` in `paths`, per absolute file; None means the whole
    file (it is new and not yet committed, so `git diff` cannot see it)."""
    first = paths[0].resolve()
    top = Path(git(["rev-parse", "--show-toplevel"], first if first.is_dir() else first.parent).strip())
    pathspecs = [str(p.resolve()) for p in paths]
    diff = git(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", ref, "--", *pathspecs], top)
    changed: dict[Path, set[int] | None] = {}
    current: Path | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = None if name == "/dev/null" else (top / name.removeprefix("b/")).resolve()
        elif current is not None and (hunk := HUNK_RE.match(line)):
            start, count = int(hunk.group("start")), int(hunk.group("count") or "1")
            lines = changed.setdefault(current, set())
            assert lines is not None
            lines.update(range(start, start + count))
    for name in git(["ls-files", "--others", "--exclude-standard", "--", *pathspecs], top).splitlines():
        changed[(top / name).resolve()] = None
    return changed


def only_changed(targets: Targets, changed: dict[Path, set[int] | None]) -> Targets:
    kept: Targets = {}
    for url, locations in targets.items():
        for location in locations:
            path = Path(location.path).resolve()
            if path in changed and (changed[path] is None or location.line in changed[path]):  # type: ignore[operator]
                add(kept, url, location)
    return kept


def iso(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def cached_result(url: str, entry: Entry) -> Result:
    return Result(
        url, entry.verdict, entry.status, entry.final_url, entry.reason, permanent_redirect=entry.permanent_redirect,
        cached=True, title_found=entry.title_found, identity=entry.identity, checked_at=iso(entry.checked_at),
        titles=entry.titles,
    )


def known_home_pages(cache: Cache, max_age_days: float) -> dict[str, Result]:
    """Home pages ("scheme://host/") the cache still answers for, with their titles (an entry
    written before titles were kept has none): a page that may show its site's home page is
    compared with these without asking the site again."""
    return {
        url: cached_result(url, entry)
        for url in cache.entries
        if url == root_of(url) and (entry := cache.fresh(url, max_age_days)) and entry.titles
    }


def remember(cache: Cache, results: Iterable[Result], now: float) -> None:
    """Keep what a run found, home pages asked for along the way included; exclusions are not answers."""
    for result in results:
        if result.verdict != "excluded":
            cache.store(result.url, Entry(
                result.verdict, result.status, result.final_url, result.reason, now, result.permanent_redirect,
                result.title_found, result.identity, titles=result.titles,
            ))


def added_dates(urls: Iterable[str]) -> dict[str, datetime.datetime]:
    """When each URL's entry was added, from git: after the first release, its commit; before, the
    first release. Empty when the history cannot be read (a shallow clone, a --url-file run)."""
    from scripts.content.entries import normalize_url
    from scripts.content.history import configured_history
    from scripts.content.project import mkdocs_config
    from scripts.paths import MKDOCS_YML

    try:
        history = configured_history(str(MKDOCS_YML), mkdocs_config().get("extra") or {})
    except (OSError, ValueError):
        return {}
    added = history.added_on()
    return {url: when for url in urls if (when := added.get(normalize_url(url)) or history.first_release)}


async def find_archived_copies(checker: Checker, broken: list[Result], cache: Cache) -> None:
    """Ask the Wayback Machine for each broken link's copy from when it last worked."""
    added = added_dates(r.url for r in broken if cache.last_ok(r.url) is None)

    def timestamp(url: str) -> str:
        seen = cache.last_ok(url)
        when = datetime.datetime.fromtimestamp(seen, datetime.UTC) if seen is not None else added.get(url)
        return f"{when:%Y%m%d}" if when else ""

    copies = await asyncio.gather(*(checker.archived_copy(r.url, timestamp(r.url)) for r in broken))
    for result, copy in zip(broken, copies):
        result.archived_url = copy


async def check(
    targets: Targets,
    policy: Policy,
    cache: Cache,
    max_age_days: float,
    progress: Progress | None = None,
    expected: dict[str, Expected] | None = None,
    checker: Callable[..., Checker] = Checker,
    **checker_options: object,
) -> tuple[list[Checked], int]:
    """Check every target not fresh in the cache, find archived copies of the broken ones, and
    record what was found in the cache. Returns the results and the number of requests sent."""
    results: dict[str, Result] = {}
    to_check: list[str] = []
    requests = 0
    for url in targets:
        entry = cache.fresh(url, max_age_days)
        if entry:
            results[url] = cached_result(url, entry)
            if progress:
                progress.advance(results[url])
        else:
            to_check.append(url)
    if to_check:
        home_pages = known_home_pages(cache, max_age_days)
        async with checker(policy, expected=expected, known_home_pages=home_pages, **checker_options) as running:  # type: ignore[arg-type]
            checked = await running.check_all(to_check, progress.advance if progress else None)
            await find_archived_copies(running, [r for r in checked if r.verdict == "broken"], cache)
            requests = running.requests_sent
            asked = running.home_pages_checked()
        results.update((result.url, result) for result in checked)
        remember(cache, [*asked, *checked], time.time())
    return [Checked(results[url], tuple(locations)) for url, locations in targets.items()], requests


def plan(targets: Targets, policy: Policy, cache: Cache, max_age_days: float, busiest: int = 5) -> str:
    """What a run would request, without requesting anything: the count of requests a cold run
    makes at least, and the hosts whose politeness sets the run's minimum duration. arXiv papers
    count as the batched requests to arXiv's API that stand in for their pages."""
    per_host: Counter[str] = Counter()
    excluded = fresh = papers = 0
    for url in targets:
        if policy.exclusion(url):
            excluded += 1
        elif cache.fresh(url, max_age_days):
            fresh += 1
        elif arxiv_id(url):
            papers += 1
        else:
            per_host[(urlsplit(url).hostname or "").lower()] += 1
    if papers:
        per_host[urlsplit(policy.services.arxiv_api).hostname or ""] += math.ceil(papers / ARXIV_BATCH)
    to_request = sum(per_host.values())
    lines = [
        f"Plan (nothing was requested): {len(targets)} URLs; {excluded} excluded by the policy, {fresh} fresh in the cache"
        + (f", {papers} arXiv papers asked of arXiv's API in batches of {ARXIV_BATCH}." if papers else "."),
        f"{to_request} requests to {len(per_host)} hosts at least (redirect hops and retries add more).",
    ]
    if per_host:
        lines += ["", "| host | requests | at once | interval s | at least s |", "|---|---:|---:|---:|---:|"]
        floors = {host: (count - 1) * policy.interval(host) for host, count in per_host.items()}
        for host in sorted(per_host, key=lambda h: (-floors[h], -per_host[h], h))[:busiest]:
            lines.append(f"| {host} | {per_host[host]} | {policy.per_host(host)} | {policy.interval(host):g} | {floors[host]:.0f} |")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts.linkcheck", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="Markdown files or folders (default: docs/)")
    parser.add_argument("--url-file", type=Path, help="check the URLs in FILE, one per line, instead")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument("--strict", action="store_true", help="fail on warn as well as broken")
    parser.add_argument("--max-age", type=float, default=7.0, metavar="DAYS", help="reuse cached ok results this young (default 7)")
    parser.add_argument("--changed-since", metavar="REF", help="only URLs on lines added or changed since this git ref")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"cache file (default {display(CACHE)})")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--config", type=Path, default=CONFIG, help=f"policy file (default {display(CONFIG)})")
    parser.add_argument("--plan", action="store_true", help="request nothing: count the URLs and requests a run would make, per host")
    parser.add_argument("--site", type=Path, metavar="DIR", help="crawl a built site's internal links with LinkChecker")
    return parser.parse_args(argv)


def collect(args: argparse.Namespace, expected: dict[str, Expected]) -> Targets:
    """The URLs to check, and into `expected` what their entries say they lead to (none for a --url-file)."""
    if args.url_file:
        if not args.url_file.is_file():
            raise UsageError(f"{args.url_file}: no such file")
        return targets_from_url_file(args.url_file)
    paths = args.paths or [DOCS]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"{missing[0]}: no such file or folder")
    targets = targets_from_docs(paths, expected)
    if args.changed_since:
        targets = only_changed(targets, changed_lines(args.changed_since, paths))
    return targets


def main(argv: list[str] | None = None, **checker_options: object) -> int:
    args = parse_args(argv)
    if args.site:
        from scripts.linkcheck.crawl import crawl

        return crawl(args.site)
    try:
        policy = load_policy(args.config)
        expected: dict[str, Expected] = {}
        targets = collect(args, expected)
    except (ConfigError, UsageError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    cache = Cache(None) if args.no_cache else Cache.load(args.cache)
    if args.plan:
        print(plan(targets, policy, cache, args.max_age))
        return 0
    progress = Progress(len(targets)) if args.format == "text" else None
    started = time.monotonic()
    checked, requests = asyncio.run(check(targets, policy, cache, args.max_age, progress, expected, **checker_options))
    seconds = time.monotonic() - started
    if progress:
        progress.close()
    cache.save()
    render = {"text": as_text, "json": lambda c, *_: as_json(c), "markdown": as_markdown}[args.format]
    print(render(checked, requests, seconds))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        stream = sys.stdout if args.format == "text" else sys.stderr  # keep JSON and Markdown parseable
        for line in annotations(checked):
            print(line, file=stream)
    verdicts = {c.result.verdict for c in checked}
    return 1 if "broken" in verdicts or (args.strict and "warn" in verdicts) else 0


if __name__ == "__main__":
    sys.exit(main())
