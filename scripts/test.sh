#!/usr/bin/env bash
# Sets everything up, then runs every check: the linter and the whole test suite
# (which builds the site strictly once and tests what it produced).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
.venv/bin/python -m scripts.lint
exec .venv/bin/python -m pytest "$@"
