"""The link checker's JSON, as a typed contract: what `--format json` writes and what its
consumers (the weekly "Broken links" issue, the site's link-health data) read.

Consumers read fields, never prose: a reason is for people and may be reworded at any time.
Kept free of third-party imports so a consumer does not pay for the HTTP client.
"""

from __future__ import annotations

import json
from typing import Literal, TypedDict, get_args

Verdict = Literal["broken", "warn", "ok", "excluded"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)  # worst first


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
        for place in row["locations"]:
            if not (isinstance(place, dict) and isinstance(place.get("path"), str) and isinstance(place.get("line"), int)):
                raise ContractError(f"{where} ({row['url']}): a location needs a path and a line")
    return rows
