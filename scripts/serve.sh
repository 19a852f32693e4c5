#!/usr/bin/env bash
# Sets everything up, then serves the site with live reload at http://127.0.0.1:8000/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# site_url decides the path MkDocs serves under; serve at the root of the local address.
export SITE_URL="${SITE_URL:-http://127.0.0.1:8000/}"
exec .venv/bin/python -m mkdocs serve --dev-addr 127.0.0.1:8000 "$@"
