"""A progress link is anyone's input: the decoder the page runs (store.js) refuses every malformed
payload whole and changes nothing, within its size limits (fuzzed under Node)."""

from __future__ import annotations

import json
import subprocess

from scripts.paths import ROOT


def test_generated_payloads_change_stored_progress_only_when_valid() -> None:
    result = subprocess.run(["node", str(ROOT / "tests" / "store_fuzz.mjs")], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["tried"] >= 200
    assert report["unexpected"] == []
    assert report["changed"] <= report["valid"] < report["tried"]
    assert report["changed"] >= 50  # the valid payloads did reach the store
    # The bounds held: the 1 MB fragment before decoding, the bombs while inflating.
    assert report["reasons"]["too long"] >= 1
    assert report["reasons"]["too large once inflated"] == 2
