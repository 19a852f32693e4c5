"""ProperDocs hook: every stylesheet of the built site loses the rules that no page or script of
the site can use (scripts/site/css_prune.py): most of Material's stylesheet is for features and
extensions this site does not use, and every page loads all of it. Runs after the whole site is
written, so it sees every page; our own stylesheet also reaches readers without its comments.
"""

from __future__ import annotations

import logging
from pathlib import Path

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig

from scripts.site.css_prune import prune_site

log = logging.getLogger("properdocs.hooks.stylesheets")


def on_post_build(config: ProperDocsConfig) -> None:
    for name, (before, after) in prune_site(Path(config.site_dir)).items():
        log.debug("%s: %d -> %d bytes", name, before, after)
