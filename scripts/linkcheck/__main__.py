"""`python -m scripts.linkcheck`: the link checker's command line (see scripts/linkcheck/cli.py)."""

import sys

from scripts.linkcheck.cli import main

sys.exit(main())
