"""ProperDocs hook: the scripts we generate and our own scripts as readers get them. The share
link's slot list (scripts/content/progress_slots.py) is written as a script that share.js loads
when it needs it; every script of ours reaches readers minified (comments and spaces removed by
rjsmin), so the sources in docs/assets/javascripts/ can explain themselves at no cost to a page's
first load. Material's bundle and the vendored libraries are left as they come.
"""

from __future__ import annotations

from pathlib import Path

import rjsmin

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig
from properdocs.structure.files import File, Files

from scripts.content.progress_slots import slots_script

OWN_SCRIPTS = "assets/javascripts"


def on_files(files: Files, config: ProperDocsConfig) -> Files:
    files.append(File.generated(config, f"{OWN_SCRIPTS}/progress-slots.js", content=slots_script()))
    return files


def on_post_build(config: ProperDocsConfig) -> None:
    for script in sorted((Path(config.site_dir) / OWN_SCRIPTS).glob("*.js")):
        script.write_text(rjsmin.jsmin(script.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
