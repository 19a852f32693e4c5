"""ProperDocs hook: the local server (scripts/serve.sh, `properdocs serve`) answers the home page's
"Download for offline reading" with the offline copy, as the hosted site does.

The deployment writes llm-roadmap-offline.zip beside the built site in a step of its own
(scripts/site/offline_zip.py), which `properdocs serve` does not run. So, under serve only, this
hook answers that one address itself: the first download builds the offline copy (a second,
offline build and a zip: seconds, while the browser waits) and keeps it in .cache/offline-zip/;
later downloads get that zip straight away until anything the build reads has changed. Starting
the server does no extra work, and `properdocs build` never calls this hook.

The copy is built from the files being served, with mkdocs.yml's published address in place of
serve.sh's loopback one, so its share links work on another device (published_environment).
Under `properdocs serve --no-livereload` ProperDocs runs no serve hook and the link stays a 404.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import wsgiref.util
from collections.abc import Callable, Iterable
from pathlib import Path

# ProperDocs runs this hook, and under it `mkdocs.*` is only an alias of `properdocs.*`: these are the build's own classes.
from properdocs.config.defaults import ProperDocsConfig
from properdocs.livereload import LiveReloadServer

from scripts.site import offline_zip

log = logging.getLogger("properdocs.hooks.offline_zip")
# One build at a time: a second download while the first builds waits, then gets the same zip.
building = threading.Lock()


def build_inputs(config: ProperDocsConfig) -> list[Path]:
    """What the build reads besides mkdocs.yml: the pages, the theme overrides and hooks, and the
    folders mkdocs.yml asks serve to watch (includes/, scripts/, exercises/), plus the Node lock
    file, whose packages (the exercises' runtime) the build copies into the site."""
    root = Path(config.config_file_path).parent
    paths = [Path(config.docs_dir), *(root / p for p in config.watch)]
    if config.theme.custom_dir:
        paths.append(Path(config.theme.custom_dir))
    paths += [Path(hook.__file__) for hook in config.hooks.values() if getattr(hook, "__file__", None)]
    paths.append(root / "package-lock.json")
    return paths


def on_serve(server: LiveReloadServer, config: ProperDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    address = server.mount_path + offline_zip.ZIP_NAME
    serve_site = server.get_app()
    config_file = Path(config.config_file_path)
    inputs = build_inputs(config)
    env = offline_zip.published_environment(os.environ)
    cache = Path(os.environ.get("OFFLINE_ZIP_CACHE") or offline_zip.CACHE)  # the tests use a cache of their own

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != address or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return serve_site(environ, start_response)
        started = time.monotonic()
        try:
            with building:
                archive = offline_zip.cached_zip(cache, lambda: offline_zip.inputs_digest(inputs, config_file, env), config_file, env)
        except offline_zip.BuildFailed as failure:
            log.error(f"The offline copy could not be built:\n{failure}")
            body = b"The offline copy could not be built; the terminal running the server says why.\n"
            start_response("500 Internal Server Error", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
            return [body]
        if (took := time.monotonic() - started) > 1:
            log.info(f"Built the offline copy for download in {took:.1f} s (kept in {cache} until its inputs change)")
        handle = archive.open("rb")  # its size from the open file: a rebuild may replace the path meanwhile
        start_response("200 OK", [("Content-Type", "application/zip"), ("Content-Length", str(os.fstat(handle.fileno()).st_size))])
        if environ["REQUEST_METHOD"] == "HEAD":
            handle.close()
            return []
        return wsgiref.util.FileWrapper(handle)

    server.set_app(app)
    return server
