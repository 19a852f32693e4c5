#!/usr/bin/env bash
# Sets everything up, then runs every check: the linter and the whole test suite
# (which builds the site strictly once and tests what it produced).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# The browser tests drive a system Chromium (never a downloaded one).
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at $chromium: install it (Debian: sudo apt-get install chromium) or set CHROMIUM." >&2
    exit 1
  fi
fi
.venv/bin/python -m scripts.content.lint
exec .venv/bin/python -m pytest "$@"
