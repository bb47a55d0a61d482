"""A local web site for the collect tests: real HTTP on 127.0.0.1, routes written in Python.

Each route is a function taking the request handler; it writes the whole response itself, so a
route can misbehave in any way a hostile server does (never answer, drip, send 2 GB). Every
request is recorded (method, path, headers, body). The server stops when the test ends.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape

Route = Callable[["Handler"], None]


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    closing: threading.Event = field(default_factory=threading.Event)
    server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for s in self.seen if s.path == path)

    def start(self) -> Site:
        site = self

        class Bound(Handler):
            pass

        Bound.site = site
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Bound)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.closing.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet in tests
        return

    def _handle(self, method: str) -> None:
        path = self.path
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        self.site.seen.append(
            Seen(method, path, {k.lower(): v for k, v in self.headers.items()}, body)
        )
        route = self.site.routes.get(path.split("?")[0])
        if route is None:
            send(self, 404, b"not here", "text/plain")
            return
        try:
            route(self)
        except (BrokenPipeError, ConnectionResetError):
            return

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self._handle("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._handle("POST")


def send(
    h: Handler, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None
) -> None:
    h.send_response(status)
    h.send_header("Content-Type", kind)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def page(body: bytes, kind: str = "text/html; charset=utf-8", **headers: str) -> Route:
    return lambda h: send(h, 200, body, kind, headers)


def status(code: int) -> Route:
    return lambda h: send(h, code, f"status {code}".encode(), "text/plain")


def redirect(to: str) -> Route:
    def route(h: Handler) -> None:
        h.send_response(302)
        h.send_header("Location", to)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return route


def never_answers(h: Handler) -> None:
    h.site.closing.wait(60)


def drip(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(120):
        if h.site.closing.is_set():
            return
        h.wfile.write(b"<")
        h.wfile.flush()
        time.sleep(1)


def huge(declared: bool) -> Route:
    """A 2 GB body, generated as it is sent (never stored)."""

    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        if declared:
            h.send_header("Content-Length", str(2 * 1024**3))
        h.end_headers()
        chunk = b"<p>" + b"x" * 65533
        for _ in range(2 * 1024**3 // len(chunk)):
            if h.site.closing.is_set():
                return
            h.wfile.write(chunk)

    return route


def article_html(title: str, paragraphs: Iterable[str]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>{body}</article>"
        "</body></html>"
    ).encode()


@dataclass(frozen=True)
class Entry:
    link: str
    title: str
    day: dt.date
    guid: str | None = None


def rss(title: str, entries: Iterable[Entry]) -> bytes:
    items = "".join(
        f"<item><title>{escape(e.title)}</title><link>{escape(e.link)}</link>"
        f"<guid>{escape(e.guid or e.link)}</guid>"
        f"<pubDate>{format_datetime(dt.datetime.combine(e.day, dt.time(12), dt.UTC))}</pubDate>"
        "</item>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.org/</link>"
        f"<description>test</description>{items}</channel></rss>"
    ).encode()


def feed_route(get_body: Callable[[], bytes], get_etag: Callable[[], str]) -> Route:
    """An RSS route that honours If-None-Match with the current ETag."""

    def route(h: Handler) -> None:
        etag = get_etag()
        if h.headers.get("if-none-match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.end_headers()
            return
        send(h, 200, get_body(), "application/rss+xml", {"ETag": etag})

    return route
