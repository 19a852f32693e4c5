"""The link checker's cache: one JSON file of results with the time each was found.

Only `ok` results are reused, and only while younger than the maximum age; anything else is
rechecked on every run, because a flaky failure must not stick and a fixed link must clear.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from scripts.linkcheck.contract import Identity, Verdict
from scripts.paths import ROOT

CACHE = ROOT / ".cache" / "linkcheck.json"
VERSION = 1
DAY = 86400.0


@dataclass(frozen=True)
class Entry:
    verdict: Verdict
    status: int | None
    final_url: str
    reason: str
    checked_at: float  # seconds since the epoch
    permanent_redirect: str = ""  # kept so a cached result still says where the entry should point
    title_found: str = ""
    identity: Identity = "unknown"
    last_ok: float | None = None  # when the link last worked: the Wayback Machine is asked for a copy from then
    titles: tuple[str, ...] = ()  # a page's <title>, og:title and <h1>: a site's home page is compared by them


class Cache:
    def __init__(self, path: Path | None, entries: dict[str, Entry] | None = None) -> None:
        self.path = path
        self.entries = entries or {}

    @classmethod
    def load(cls, path: Path | None) -> Cache:
        """An unreadable or foreign cache file is treated as empty: it only costs requests."""
        if path is None or not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != VERSION:
                return cls(path)
            entries = {url: Entry(**fields) for url, fields in data["results"].items()}
            # JSON has no tuples: read back as a list, the titles become a tuple again
            return cls(path, {url: replace(entry, titles=tuple(entry.titles)) for url, entry in entries.items()})
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls(path)

    def fresh(self, url: str, max_age_days: float, now: float | None = None) -> Entry | None:
        entry = self.entries.get(url)
        now = time.time() if now is None else now
        if entry and entry.verdict == "ok" and now - entry.checked_at < max_age_days * DAY:
            return entry
        return None

    def store(self, url: str, entry: Entry) -> None:
        """Keep the newest result, and when the link last worked, which a failure does not erase."""
        previous = self.entries.get(url)
        last_ok = entry.checked_at if entry.verdict == "ok" else (previous.last_ok if previous else None)
        self.entries[url] = replace(entry, last_ok=last_ok)

    def last_ok(self, url: str) -> float | None:
        entry = self.entries.get(url)
        return entry.last_ok if entry else None

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data: dict[str, Any] = {
            "version": VERSION,
            "results": {url: vars(entry) for url, entry in sorted(self.entries.items())},
        }
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        temporary.replace(self.path)  # a run killed mid-write leaves the old cache intact
