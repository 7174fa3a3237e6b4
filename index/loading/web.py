"""Web pages read as articles: in goes a URL (or a page already fetched), out comes its `Article`
and the bytes to keep, under a stable file name made from the URL. Nothing is stored here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from index.loading.fetch import Fetched, Fetcher
from index.loading.loader import Article, parse_article
from index.loading.webpage import mark_saved_from

if TYPE_CHECKING:
    from bot.settings import Settings

_SLUG_RE = re.compile(r"[^a-z0-9]+")
SLUG_CHARS = 80


def is_url(text: str) -> bool:
    """True for anything written as an address (scheme://...), safe or not; paths are not."""
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text.strip()))


def page_file_name(url: str) -> str:
    """A safe, stable file name for a page: readable host and path, plus a hash of the whole URL."""
    parts = urlsplit(url.strip())
    without_fragment = urlunsplit(parts._replace(fragment=""))
    host = (parts.hostname or "page").removeprefix("www.")
    slug = _SLUG_RE.sub("-", f"{host} {parts.path}".lower()).strip("-")[:SLUG_CHARS].strip("-")
    digest = hashlib.sha256(without_fragment.encode("utf-8")).hexdigest()[:12]
    return f"{slug}-{digest}.html"


@dataclass(frozen=True)
class FetchedArticle:
    """A page fetched and read: its file name, the bytes to store and the article they give."""

    name: str
    data: bytes
    article: Article


def read_page(url: str, fetched: Fetched, settings: Settings) -> FetchedArticle:
    """Turn a fetched page into the bytes to store and its Article; ArticleError if no article."""
    name = page_file_name(url)
    marked = mark_saved_from(fetched.as_utf8(), fetched.url)
    return FetchedArticle(name, marked, parse_article(marked, name, max_bytes=settings.fetch_max_bytes))


def fetch_page(url: str, settings: Settings, *, fetcher: Fetcher | None = None) -> FetchedArticle:
    """Fetch one page and read it (nothing is stored); raises FetchError or ArticleError."""
    fetcher = fetcher or Fetcher(settings)
    return read_page(url, fetcher.fetch(url), settings)
