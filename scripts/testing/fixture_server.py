"""A misbehaving web server for the link checker's tests and benchmark, on loopback only.

Each listener is one `host:port`; the first path segment picks a behaviour (`/ok/…`,
`/status/404/…`, `/429-once/…`) and the rest of the path is free, so every test can use
paths of its own. Every request is logged with its method, listener and timing, and with how
many requests to the same address were in flight when it arrived.

Run alone (for the benchmark): `python -m scripts.testing.fixture_server --hosts 20 --latency-ms 100`
prints one JSON line with the base URLs and a control URL whose `/log` returns the request count.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import ssl
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass

from aiohttp import web

from scripts.testing import service_fixtures

ANCHOR_PAGE = (
    "<!doctype html><html><head><title>Anchors</title></head><body>"
    '<h2 id="intro">Intro</h2><p>text</p><a name="legacy"></a><h2 id="caf%C3%A9-x">x</h2></body></html>'
)
OK_PAGE = "<!doctype html><html><head><title>A fine page</title></head><body><p>Content.</p></body></html>"
SOFT_404_PAGE = "<!doctype html><html><head><title>Page not found</title></head><body>Sorry.</body></html>"
BIG_BODY_BYTES = 20 * 1024 * 1024
_refuser: socket.socket | None = None


def refusing_port() -> int:
    """A loopback port that refuses every connection while this process lives. It stays bound
    without listening, so nothing else can take it meanwhile: not a server, and not a client's
    ephemeral port (which would make a connection to it reach itself)."""
    global _refuser
    if _refuser is None:
        _refuser = socket.socket()
        _refuser.bind(("127.0.0.1", 0))
    return _refuser.getsockname()[1]


@dataclass(frozen=True)
class Request:
    method: str
    host: str
    port: int
    path: str  # raw path with query, as sent
    started: float  # time.monotonic()
    in_flight: int  # requests to this host address in flight when this one arrived


class FixtureServer:
    """aiohttp in a background thread; `listen()` adds a listener and returns its base URL."""

    def __init__(self, latency: float = 0.0) -> None:
        self.latency = latency
        self.log: list[Request] = []
        self.counts: Counter[tuple[int, str]] = Counter()
        self.in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.runners: list[web.AppRunner] = []
        self.catalog = service_fixtures.Catalog()  # what the stand-in services under /svc/ know

    def start(self) -> FixtureServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        async def cleanup() -> None:
            for runner in self.runners:
                await runner.cleanup()

        asyncio.run_coroutine_threadsafe(cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

    def listen(self, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> str:
        assert host.startswith("127."), "the fixture serves loopback only"

        async def add() -> int:
            app = web.Application()
            app.router.add_route("*", "/{tail:.*}", self.handle)
            runner = web.AppRunner(app, handler_cancellation=True, access_log=None, shutdown_timeout=0.1)
            await runner.setup()
            site = web.TCPSite(runner, host, 0, ssl_context=tls)
            await site.start()
            self.runners.append(runner)
            return site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

        port = asyncio.run_coroutine_threadsafe(add(), self.loop).result(10)
        return f"{'https' if tls else 'http'}://{host}:{port}"

    def requests(self, base: str = "", path_prefix: str = "") -> list[Request]:
        """Logged requests to one listener (its base URL), optionally under a path."""
        with self.lock:
            return [
                r
                for r in self.log
                if (not base or base.endswith(f"//{r.host}:{r.port}")) and r.path.startswith(path_prefix)
            ]

    def clear(self) -> None:
        """A clean slate: no log, no peaks, and the once-only behaviours (`/429-once/…`) armed again."""
        with self.lock:
            self.log.clear()
            self.max_in_flight.clear()
            self.counts.clear()

    async def handle(self, request: web.Request) -> web.StreamResponse:
        sockname = request.transport.get_extra_info("sockname") if request.transport else ("?", 0)
        host, port = sockname[0], sockname[1]
        path = request.raw_path
        with self.lock:
            self.in_flight[host] += 1
            self.max_in_flight[host] = max(self.max_in_flight[host], self.in_flight[host])
            self.log.append(Request(request.method, host, port, path, time.monotonic(), self.in_flight[host]))
            self.counts[(port, request.path)] += 1
            seen = self.counts[(port, request.path)]
        try:
            delay = float(request.query.get("delay", self.latency))
            if delay:
                await asyncio.sleep(delay)
            return await self.respond(request, seen)
        finally:
            with self.lock:
                self.in_flight[host] -= 1

    async def respond(self, request: web.Request, seen: int) -> web.StreamResponse:
        parts = request.path.strip("/").split("/")
        kind = parts[0]
        head = request.method == "HEAD"
        after = request.query.get("after", "0.05")
        if kind == "svc":
            return service_fixtures.respond(request, self.catalog)
        if kind in ("", "fallback"):  # "/" and pages a docs server answers with its home page
            return service_fixtures.home_page(request, self.catalog)
        if kind == "ok":
            return html(OK_PAGE)
        if kind == "plain":
            return web.Response(text="plain text", content_type="text/plain")
        if kind == "anchors":
            return html(ANCHOR_PAGE)
        if kind == "soft404":
            return html(SOFT_404_PAGE)
        if kind == "status":
            code = int(parts[1])
            return web.Response(status=code, body=None if code == 204 else b"status page", content_type="text/html")
        if kind == "redirect":  # /redirect/<code>/<target path…>
            target = "/" + "/".join(parts[2:])
            return web.Response(status=int(parts[1]), headers={"Location": target})
        if kind == "chain":  # 301 → 302 → 200
            step = int(request.query.get("step", "0"))
            if step == 0:
                return web.Response(status=301, headers={"Location": f"{request.path}?step=1"})
            if step == 1:
                return web.Response(status=302, headers={"Location": "/ok/chained"})
        if kind == "hops":  # /hops/N/… redirects N times, then answers 200
            left = int(parts[1])
            rest = "/".join(parts[2:])
            return web.Response(status=302, headers={"Location": f"/hops/{left - 1}/{rest}"}) if left else html(OK_PAGE)
        if kind == "loop":
            other = "b" if parts[1] == "a" else "a"
            return web.Response(status=302, headers={"Location": f"/loop/{other}/" + "/".join(parts[2:])})
        if kind == "to":  # /to/<absolute URL, urlencoded in query ?url=>
            return web.Response(status=301, headers={"Location": request.query["url"]})
        if kind == "429-forever" or (kind == "429-once" and seen == 1):
            return web.Response(status=429, headers={"Retry-After": after}, text="slow down")
        if kind == "503-forever" or (kind == "503-once" and seen == 1):
            return web.Response(status=503, text="busy")
        if kind == "502-once" and seen == 1:
            return web.Response(status=502, text="bad gateway")
        if kind in ("429-once", "503-once", "502-once"):
            return html(OK_PAGE)
        if kind == "head405":
            return web.Response(status=405) if head else html(OK_PAGE)
        if kind == "head404":
            return web.Response(status=404) if head else html(OK_PAGE)
        if kind == "hang":
            await asyncio.sleep(3600)
        if kind == "drip":
            response = web.StreamResponse(headers={"Content-Type": "text/html"})
            await response.prepare(request)
            for _ in range(36000):
                await response.write(b" ")
                await asyncio.sleep(0.05)
            return response
        if kind == "big":
            return await big(request)
        if kind == "botwall":
            return web.Response(status=403, headers={"Server": "cloudflare", "cf-mitigated": "challenge"}, text="Just a moment...")
        return web.Response(status=404, text="no such fixture")


def html(text: str) -> web.Response:
    return web.Response(text=text, content_type="text/html")


async def big(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/html"})
    response.content_length = BIG_BODY_BYTES
    await response.prepare(request)
    if request.method == "GET":
        chunk = b"<p>" + b"x" * 65533
        try:
            for _ in range(BIG_BODY_BYTES // len(chunk)):
                await response.write(chunk)
            await response.write(b"x" * (BIG_BODY_BYTES % len(chunk)))
        except ConnectionResetError:  # the checker hung up once it had read enough: as intended
            pass
    return response


def main(argv: list[str] | None = None) -> int:
    """Serve `/ok/…` and friends on 127.0.0.2… until stdin closes; a control listener counts requests."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=100.0)
    args = parser.parse_args(argv)
    server = FixtureServer(args.latency_ms / 1000).start()
    bases = [server.listen(f"127.0.0.{2 + index}") for index in range(args.hosts)]
    control = web.Application()

    async def log(request: web.Request) -> web.Response:
        count = sum(1 for r in server.requests() if r.host != "127.0.0.1")
        peak = max(server.max_in_flight.values(), default=0)
        return web.json_response({"requests": count, "max_in_flight_per_host": peak})

    async def clear(request: web.Request) -> web.Response:
        server.clear()
        return web.json_response({"cleared": True})

    control.router.add_get("/log", log)
    control.router.add_get("/clear", clear)

    async def add_control() -> int:
        runner = web.AppRunner(control, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        server.runners.append(runner)
        return site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    port = asyncio.run_coroutine_threadsafe(add_control(), server.loop).result(10)
    print(json.dumps({"bases": bases, "control": f"http://127.0.0.1:{port}"}), flush=True)
    sys.stdin.read()  # the parent closes our stdin to stop us
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
