"""ProperDocs hook: every built page without the theme's indentation between tags
(scripts/site/whitespace.py); the page renders the same and its first load is about half a
kilobyte lighter (gzip)."""

from __future__ import annotations

import logging
from pathlib import Path

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig

from scripts.site.whitespace import squeeze_site

log = logging.getLogger("properdocs.hooks.whitespace")


def on_post_build(config: ProperDocsConfig) -> None:
    log.debug("%d bytes of indentation removed", squeeze_site(Path(config.site_dir)))
