"""A local HTTP server on 127.0.0.1 serving saved news pages, a feed and bad answers, for tests.

Routes: the pages in tests/data/web (one under a dated path), the feed (its links point back
here), and misbehaving addresses: a 404, a slow answer, a PDF, a 50 MB page streamed without a
length (and one that declares it), a redirect and a redirect loop. The server counts requests and
bytes sent, so tests can see what was fetched and that a large body was cut off early.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parent / "data" / "web"
PAGES = {
    "/news/ferry.html": "ferry.html",
    "/news/metro-hi.html": "metro-hi.html",
    "/news/2025/11/18/pune-water-tunnel.html": "tunnel.html",
}
HUGE_BYTES = 50_000_000
SLOW_SECONDS = 3.0
CHUNK = b"<p>" + b"filler text " * 5000 + b"</p>\n"


@dataclass
class NewsSite:
    """The running server: its base URL, requests per path and body bytes sent per path."""

    base: str
    hits: Counter[str] = field(default_factory=Counter)
    sent: Counter[str] = field(default_factory=Counter)

    def url(self, path: str) -> str:
        """The full address of a path on this server."""
        return f"{self.base}{path}"


def _handler(site: NewsSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0: a body without a length ends when the connection closes.
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: tests read the counters instead."""

        def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)
            site.sent[self.path] += len(body)

        def _stream_huge(self, *, declare: bool) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if declare:
                self.send_header("Content-Length", str(HUGE_BYTES))
            self.end_headers()
            sent = 0
            try:
                while sent < HUGE_BYTES:
                    self.wfile.write(CHUNK)
                    sent += len(CHUNK)
                    site.sent[self.path] += len(CHUNK)
            except (BrokenPipeError, ConnectionResetError):
                return  # the client hung up: what the size cap is for

        def do_GET(self) -> None:
            path = self.path
            site.hits[path] += 1
            if path in PAGES:
                self._send(200, (WEB / PAGES[path]).read_bytes(), "text/html; charset=utf-8")
            elif path == "/feed.xml":
                feed = (WEB / "feed.xml").read_text("utf-8").replace("{base}", site.base)
                self._send(200, feed.encode("utf-8"), "application/rss+xml; charset=utf-8")
            elif path == "/slow":
                time.sleep(SLOW_SECONDS)
                self._send(200, b"<html><body><p>late</p></body></html>", "text/html")
            elif path == "/report.pdf":
                self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf")
            elif path == "/huge":
                self._stream_huge(declare=False)
            elif path == "/huge-declared":
                self._stream_huge(declare=True)
            elif path == "/moved":
                self._send(302, b"", "text/html", Location="/news/ferry.html")
            elif path == "/loop":
                self._send(302, b"", "text/html", Location="/loop")
            else:
                self._send(404, b"<html><body>Not found</body></html>", "text/html")

    return Handler


@pytest.fixture(scope="session")
def news_site() -> Iterator[NewsSite]:
    """A news site on loopback for the whole session (fetching it needs NEWSBOT_ALLOW_PRIVATE_URLS)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(NewsSite(base="")))
    host, port = server.server_address[:2]
    site = NewsSite(base=f"http://{host}:{port}")
    server.RequestHandlerClass = _handler(site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="news-site", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
