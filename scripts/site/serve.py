"""Serve a built site the way GitHub Pages does: under the site's path, gzip-compressed,
with 404.html for missing pages. Used by the browser tests and the audit.

    python -m scripts.site.serve SITE_DIR [--port 8000] [--prefix /llm-roadmap/]
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import threading
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class SiteHandler(BaseHTTPRequestHandler):
    def __init__(self, *args, root: Path, prefix: str, headers: dict[str, str], pages: dict[str, bytes], **kwargs) -> None:
        self.root = root
        self.prefix = prefix
        self.extra_headers = headers
        self.pages = pages
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        """Quiet: tests read results, not access logs."""

    def resolve(self) -> tuple[HTTPStatus, Path | str | bytes]:
        """What to answer: a file, an extra page, a redirect to the directory's slash URL, or the 404 page."""
        path = unquote(urlsplit(self.path).path)
        not_found = (HTTPStatus.NOT_FOUND, self.root / "404.html")
        if not path.startswith(self.prefix):
            return not_found
        if path[len(self.prefix) :] in self.pages:
            return HTTPStatus.OK, self.pages[path[len(self.prefix) :]]
        target = (self.root / path[len(self.prefix) :]).resolve()
        if not target.is_relative_to(self.root):
            return not_found
        if target.is_dir():
            if not path.endswith("/"):
                return HTTPStatus.MOVED_PERMANENTLY, path + "/"
            target = target / "index.html"
        return (HTTPStatus.OK, target) if target.is_file() else not_found

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self.respond(send_body=False)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.respond(send_body=True)

    def respond(self, send_body: bool) -> None:
        status, target = self.resolve()
        if isinstance(target, str):
            self.send_response(status)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if isinstance(target, bytes):
            body, kind = target, "text/html"
        elif target.is_file():
            body = target.read_bytes()
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        else:  # a site without a 404 page of its own
            body, kind = b"Not found", "text/plain"
        self.send_response(status)
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Clients (browsers, LinkChecker) hang up once they have what they need: not news."""


class SiteServer:
    """A site served on 127.0.0.1 in a background thread; port 0 picks a free port."""

    def __init__(
        self, root: Path, prefix: str = "/", port: int = 0, headers: dict[str, str] | None = None, pages: dict[str, bytes] | None = None
    ) -> None:
        """`pages`: HTML served at these paths (relative to the prefix) in addition to the site's files."""
        prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        handler = partial(SiteHandler, root=root.resolve(), prefix=prefix, headers=headers or {}, pages=pages or {})
        self.httpd = QuietServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.prefix = prefix
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{self.prefix}"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m scripts.site.serve", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/")
    args = parser.parse_args()
    with SiteServer(args.site, args.prefix, args.port) as server:
        print(f"Serving {args.site} at {server.url} (Ctrl+C to stop)")
        try:
            server.thread.join()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
