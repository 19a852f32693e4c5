"""The link checker's JSON, as a typed contract: what `--format json` writes and what its
consumers (the weekly "Broken links" issue, the site's link-health data) read.

Consumers read fields, never prose: a reason is for people and may be reworded at any time.
Kept free of third-party imports so a consumer does not pay for the HTTP client.
"""

from __future__ import annotations

import json
import re
from typing import Literal, TypedDict, get_args

Verdict = Literal["broken", "warn", "ok", "excluded"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)  # worst first
Identity = Literal["match", "drift", "unknown"]
IDENTITIES: tuple[Identity, ...] = get_args(Identity)


CHECKED_AT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


class LocationJSON(TypedDict):
    path: str
    line: int


class ResultJSON(TypedDict):
    url: str
    verdict: Verdict
    status: int | None
    final_url: str
    reason: str  # for people only
    attempts: int
    elapsed_ms: int
    permanent_redirect: str  # where the entry should now point ("" if it did not move for good)
    cached: bool  # answered from the cache, no request sent
    title_found: str  # the title the page or service gives ("" if none was read)
    identity: Identity  # match: still the resource the entry names; drift: something else; unknown: not judged
    archived_url: str  # the Wayback Machine's closest copy of a broken link ("" if none)
    checked_at: str  # when the link was last requested, ISO 8601 UTC ("2026-11-27T05:23:00Z")
    locations: list[LocationJSON]


FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "url": (str,),
    "verdict": (str,),
    "status": (int, type(None)),
    "final_url": (str,),
    "reason": (str,),
    "attempts": (int,),
    "elapsed_ms": (int,),
    "permanent_redirect": (str,),
    "cached": (bool,),
    "title_found": (str,),
    "identity": (str,),
    "archived_url": (str,),
    "checked_at": (str,),
    "locations": (list,),
}
assert set(FIELD_TYPES) == set(ResultJSON.__annotations__), "every field of the contract is checked when read"


class ContractError(ValueError):
    """The JSON is not what the checker writes: say which result and which field."""


def read_results(text: str) -> list[ResultJSON]:
    """Parse and check the checker's JSON; a missing or mistyped field is one clear error."""
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as error:
        raise ContractError(f"not JSON: {error}") from None
    if not isinstance(rows, list):
        raise ContractError("expected a JSON array of results")
    for index, row in enumerate(rows):
        where = f"result {index + 1}"
        if not isinstance(row, dict):
            raise ContractError(f"{where}: expected an object")
        for name, types in FIELD_TYPES.items():
            if name not in row:
                raise ContractError(f"{where} ({row.get('url', '?')}): missing field {name!r}")
            value = row[name]
            if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
                raise ContractError(f"{where} ({row['url']}): field {name!r} is {type(value).__name__}, expected {types[0].__name__}")
        if row["verdict"] not in VERDICTS:
            raise ContractError(f"{where} ({row['url']}): verdict {row['verdict']!r} is not one of {', '.join(VERDICTS)}")
        if row["identity"] not in IDENTITIES:
            raise ContractError(f"{where} ({row['url']}): identity {row['identity']!r} is not one of {', '.join(IDENTITIES)}")
        if row["archived_url"] and not row["archived_url"].startswith("https://web.archive.org/"):
            raise ContractError(f"{where} ({row['url']}): archived_url must be a https://web.archive.org/ address")
        if row["checked_at"] and not CHECKED_AT_RE.match(row["checked_at"]):
            raise ContractError(f"{where} ({row['url']}): checked_at {row['checked_at']!r} is not YYYY-MM-DDTHH:MM:SSZ")
        for place in row["locations"]:
            if not (isinstance(place, dict) and isinstance(place.get("path"), str) and isinstance(place.get("line"), int)):
                raise ContractError(f"{where} ({row['url']}): a location needs a path and a line")
    return rows
