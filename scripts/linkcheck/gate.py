"""Politeness toward one host: a cap on requests in flight, a gap between their starts, and the
pause a 429 or 503 asks for (`Retry-After`)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from email.utils import parsedate_to_datetime


class HostGate:
    """One host's politeness: at most `limit` requests in flight, starts `interval` apart."""

    def __init__(self, limit: int, interval: float) -> None:
        self.limit = limit
        self.slots = asyncio.Semaphore(limit)
        self.interval = interval
        self.next_start = 0.0

    def pause(self, seconds: float) -> None:
        """Nobody starts a request to this host for `seconds` (a 429 or 503 said so)."""
        self.next_start = max(self.next_start, time.monotonic() + seconds)

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        async with self.slots:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.interval
            if start > now:
                await asyncio.sleep(start - now)
            yield


def retry_after(headers: dict[str, str]) -> float | None:
    """Seconds a `Retry-After` header asks for (number or HTTP date), or None without one."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return max(seconds, 0.0)
