"""ProperDocs hook: adds the What's new page and its Atom feed, generated from the git history of docs/.

The page and the feed exist only in the build (scripts/content/whats_new.py writes them); a copy
without history gets a page that says so. The "new" marks on entries come from the same history
(overrides/hooks/roadmap.py).
"""

from __future__ import annotations

from pathlib import Path

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig
from properdocs.structure.files import File, Files

from scripts.content.history import configured_history
from scripts.content.project import page_meta
from scripts.content.whats_new import FEED, PAGE, atom_feed, page_markdown


def on_files(files: Files, config: ProperDocsConfig) -> Files:
    history = configured_history(config.config_file_path, config.extra)
    docs = Path(config.docs_dir)
    titles = {
        file.src_uri: page_meta(docs / file.src_uri).get("title", file.src_uri)
        for file in files.documentation_pages()
        if (docs / file.src_uri).is_file()
    }
    files.append(File.generated(config, PAGE, content=page_markdown(history, titles)))
    files.append(File.generated(config, FEED, content=atom_feed(history, titles, config.site_url or "", config.site_name)))
    return files
