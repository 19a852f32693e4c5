#!/usr/bin/env bash
# Sets everything up, then serves the site with live reload at http://127.0.0.1:8000/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
# site_url decides the path ProperDocs serves under; serve at the root of the local address.
export SITE_URL="${SITE_URL:-http://127.0.0.1:8000/}"
# ProperDocs (the maintained MkDocs 1.x) reads mkdocs.yml; naming it keeps it from suggesting a rename.
exec .venv/bin/python -m properdocs serve --config-file mkdocs.yml --dev-addr 127.0.0.1:8000 "$@"
