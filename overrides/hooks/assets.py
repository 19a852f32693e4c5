"""ProperDocs hook: our own scripts reach readers minified (comments and spaces removed by
rjsmin), so the sources in docs/assets/javascripts/ can explain themselves at no cost to a page's
first load. Material's bundle and the vendored libraries are left as they come.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig

OWN_SCRIPTS = "assets/javascripts"


def on_post_build(config: ProperDocsConfig) -> None:
    for script in sorted((Path(config.site_dir) / OWN_SCRIPTS).glob("*.js")):
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
