"""Fetch one web page or feed with httpx, safely: in goes an http(s) URL, out come its bytes.

Every address is checked before it is asked for, and again after each redirect: only http and
https, and no host that resolves to a loopback, private, link-local or otherwise non-public
address unless NEWSBOT_ALLOW_PRIVATE_URLS=1 (a page anyone can ask the chat to fetch must not
reach into the host's own network). The connected peer is checked too, so a name that resolves
differently the second time gains nothing. Bodies are streamed and cut off at
NEWSBOT_FETCH_MAX_BYTES; the whole fetch has NEWSBOT_FETCH_TIMEOUT seconds.
"""

from __future__ import annotations

import codecs
import ipaddress
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from urllib.parse import urljoin, urlsplit

import httpx

from bot.errors import FetchError, UnsafeURLError

if TYPE_CHECKING:
    from bot.settings import Settings

Kind = Literal["page", "feed"]
Resolver = Callable[[str, int], Sequence[str]]

USER_AGENT = "newsbot/0.1 (news article indexer)"
_ACCEPT = {
    "page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1",
}
_TYPES: dict[Kind, tuple[str, ...]] = {
    "page": ("text/html", "application/xhtml+xml"),
    "feed": (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    ),
}
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Fetched:
    """A fetched body: where it finally came from, its media type and the charset the server named."""

    requested: str
    url: str
    content: bytes
    media_type: str
    charset: str | None

    @property
    def is_feed(self) -> bool:
        """The server says this is a feed, not a page."""
        return self.media_type in _TYPES["feed"]

    def as_utf8(self) -> bytes:
        """The body in UTF-8 when the server named another charset; else as it came (a page may name
        its own charset in a <meta> tag, which the loader reads)."""
        if not self.charset or codecs_name(self.charset) in ("utf-8", None):
            return self.content
        try:
            # Servers often name ISO-8859-1 by default for pages that are UTF-8: valid UTF-8 wins.
            self.content.decode("utf-8")
            return self.content
        except UnicodeDecodeError:
            return self.content.decode(self.charset, errors="replace").encode("utf-8")


def codecs_name(charset: str) -> str | None:
    """Python's name for a charset, or None when Python does not know it."""
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def resolve(host: str, port: int) -> list[str]:
    """Every address the host name resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    """True for a globally routable unicast address; loopback, private, link-local and the like are not."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class Fetcher:
    """Fetches pages and feeds under the settings' limits; `transport` and `resolver` are for tests."""

    def __init__(
        self,
        settings: Settings,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver = resolve,
    ) -> None:
        self.settings = settings
        self.resolver = resolver
        self._transport = transport

    def check_url(self, url: str) -> None:
        """Raise UnsafeURLError unless the URL is http(s) and its host is one newsbot may fetch."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            shown = f"{parts.scheme}://" if parts.scheme else "an address without http:// or https://"
            raise UnsafeURLError(
                f"{url}: only http:// and https:// addresses can be fetched, not {shown}; "
                "to add a saved file, give its path (python -m index FILE) or upload it."
            )
        host = parts.hostname
        if not host:
            raise UnsafeURLError(f"{url}: the address names no host; copy the full link from the browser.")
        if self.settings.allow_private_urls:
            return
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        try:
            addresses = self.resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(
                f"{url}: cannot find the host {host} ({exc}); check the address and the network."
            ) from exc
        refused = [a for a in addresses if not is_public(a)]
        if refused or not addresses:
            raise UnsafeURLError(self._private_message(url, host, refused[0] if refused else "nothing"))

    def _private_message(self, url: str, host: str, address: str) -> str:
        where = f"{address} is" if host == address else f"{host} is {address},"
        return (
            f"{url}: {where} a loopback, private or link-local address, which newsbot "
            "does not fetch; set NEWSBOT_ALLOW_PRIVATE_URLS=1 if this server is yours and meant to be read."
        )

    def _check_peer(self, response: httpx.Response, url: str) -> None:
        """The address actually connected to must be public too (a host may resolve anew)."""
        if self.settings.allow_private_urls:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer and not is_public(str(peer[0])):
            raise UnsafeURLError(self._private_message(url, urlsplit(url).hostname or "", str(peer[0])))

    def fetch(self, url: str, *, kinds: tuple[Kind, ...] = ("page",)) -> Fetched:
        """GET the URL (following checked redirects) and return its body if it is one of `kinds`."""
        settings = self.settings
        deadline = time.monotonic() + settings.fetch_timeout
        current = url.strip()
        client = httpx.Client(
            transport=self._transport,
            follow_redirects=False,
            timeout=httpx.Timeout(settings.fetch_timeout),
            headers={"User-Agent": USER_AGENT, "Accept": ",".join(_ACCEPT[k] for k in kinds)},
            # Proxies from the environment would connect on our behalf, past the address checks.
            trust_env=False,
        )
        try:
            with client:
                for _hop in range(settings.fetch_max_redirects + 1):
                    self.check_url(current)
                    with client.stream("GET", current) as response:
                        self._check_peer(response, current)
                        if response.status_code in _REDIRECTS and "location" in response.headers:
                            current = urljoin(current, response.headers["location"])
                            continue
                        return self._read(url, current, response, kinds, deadline)
        except httpx.TimeoutException as exc:
            raise FetchError(
                f"{url}: no answer within {settings.fetch_timeout:g} s; try again later or raise "
                "NEWSBOT_FETCH_TIMEOUT."
            ) from exc
        except httpx.HTTPError as exc:
            raise FetchError(
                f"{url}: cannot fetch it ({type(exc).__name__}: {exc}); check the address and the network."
            ) from exc
        raise FetchError(
            f"{url}: more than {settings.fetch_max_redirects} redirects (NEWSBOT_FETCH_MAX_REDIRECTS); "
            "open it in a browser and give the address it ends at."
        )

    def _read(
        self, url: str, final: str, response: httpx.Response, kinds: tuple[Kind, ...], deadline: float
    ) -> Fetched:
        """Check status, type and size, then stream the body under the byte cap and the deadline."""
        limit = self.settings.fetch_max_bytes
        if response.status_code >= 400:
            raise FetchError(
                f"{url}: the server answered {response.status_code} {response.reason_phrase}; "
                "check the address (the page may have moved or need a login)."
            )
        media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type and not any(media_type in _TYPES[k] for k in kinds):
            wanted = " or ".join("an HTML page" if k == "page" else "an RSS or Atom feed" for k in kinds)
            raise FetchError(
                f"{url}: the server sent {media_type}, not {wanted}; give the address of the "
                "article's web page (a PDF or image cannot be indexed)."
            )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(self._too_big(url, f"{int(declared):,} bytes", limit))
        body = bytearray()
        for piece in response.iter_bytes():
            body.extend(piece)
            if len(body) > limit:
                raise FetchError(self._too_big(url, f"over {limit:,} bytes", limit))
            if time.monotonic() > deadline:
                raise FetchError(
                    f"{url}: still arriving after {self.settings.fetch_timeout:g} s; try again later or "
                    "raise NEWSBOT_FETCH_TIMEOUT."
                )
        if not media_type and not bytes(body[:512]).lstrip().startswith(b"<"):
            raise FetchError(f"{url}: the server did not say what this is, and it is not HTML or XML.")
        return Fetched(
            requested=url,
            url=final,
            content=bytes(body),
            media_type=media_type or "text/html",
            charset=response.charset_encoding,
        )

    @staticmethod
    def _too_big(url: str, size: str, limit: int) -> str:
        return (
            f"{url}: the page is {size}, more than the {limit:,}-byte limit (NEWSBOT_FETCH_MAX_BYTES); "
            "save the article's text as a file and add that, or raise the limit."
        )
