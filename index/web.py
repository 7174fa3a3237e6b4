"""Pages and feeds from the web into the index: in go URLs, out comes an IndexReport.

A fetched page is kept in the articles folder as its HTML (first line: where it was fetched from),
under a file name made from its URL, so a rebuild needs no network and adding the same URL again
fetches nothing. Each URL succeeds or fails on its own: a failure is reported with its reason and
the rest are still indexed.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from bot.errors import ArticleError, FetchError
from index.builder import Failed, IndexReport, Progress, sync_articles
from index.feeds import parse_feed
from index.fetch import Fetched, Fetcher
from index.loader import Article, parse_article
from index.webpage import mark_saved_from

if TYPE_CHECKING:
    from bot.settings import Settings
    from index.store import Store

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


def _store(folder: Path, name: str, data: bytes) -> None:
    """Write the page whole or not at all (a crash never leaves half a page to index)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".fetch-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, folder / name)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise


class _Run:
    """One add: the articles gathered so far and what failed."""

    def __init__(self, settings: Settings, fetcher: Fetcher, refresh: bool, progress: Progress | None):
        self.settings, self.fetcher, self.refresh, self.progress = settings, fetcher, refresh, progress
        self.articles: dict[str, Article] = {}
        self.failed: list[Failed] = []
        self.stored: list[str] = []

    def say(self, line: str) -> None:
        if self.progress:
            self.progress(line)

    def fail(self, source: str, exc: Exception) -> None:
        self.failed.append(Failed(source=source, reason=str(exc)))
        self.say(f"failed: {exc}")

    def page(self, url: str, fetched: Fetched | None = None) -> None:
        """Index one page: the stored copy if there is one (unless refreshing), else fetch it."""
        name = page_file_name(url)
        path = self.settings.articles_dir / name
        try:
            if fetched is None and path.exists() and not self.refresh:
                limit = self.settings.fetch_max_bytes
                self.articles[name] = parse_article(path.read_bytes(), name, max_bytes=limit)
                self.say(f"{url}: already stored as {name}")
                return
            fetched = fetched or self.fetcher.fetch(url)
            page = read_page(url, fetched, self.settings)
            _store(self.settings.articles_dir, page.name, page.data)
        except (FetchError, ArticleError, OSError) as exc:
            self.fail(url, exc)
            return
        self.articles[page.name] = page.article
        self.stored.append(page.name)
        self.say(f"{url}: stored as {page.name} ({page.article.meta.title})")

    def feed(self, url: str, fetched: Fetched | None = None) -> None:
        """Index every item of a feed; items already stored are not fetched again."""
        try:
            fetched = fetched or self.fetcher.fetch(url, kinds=("feed",))
            feed = parse_feed(fetched.content, fetched.url)
        except FetchError as exc:
            self.fail(url, exc)
            return
        self.say(f"{url}: feed {feed.title!r}, {len(feed.items)} items")
        for item in feed.items:
            if item.link is None:
                self.fail(url, FetchError(f"{url}: {item.problem}; skipped it."))
            else:
                self.page(item.link)

    def link(self, url: str) -> None:
        """A page, or a feed when the server says it is one."""
        name = page_file_name(url)
        if (self.settings.articles_dir / name).exists() and not self.refresh:
            self.page(url)
            return
        try:
            fetched = self.fetcher.fetch(url, kinds=("page", "feed"))
        except FetchError as exc:
            self.fail(url, exc)
            return
        if fetched.is_feed:
            self.feed(url, fetched)
        else:
            self.page(url, fetched)


def add_urls(
    urls: Sequence[str],
    settings: Settings,
    store: Store,
    *,
    feeds: bool = False,
    refresh: bool = False,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
) -> IndexReport:
    """Fetch, store and index pages (or, with feeds=True, every item of these feeds).

    A URL that turns out to be a feed is read as one. Pages already stored are read from the
    articles folder, not fetched, unless refresh=True.
    """
    run = _Run(settings, fetcher or Fetcher(settings), refresh, progress)
    for url in urls:
        if feeds:
            run.feed(url.strip())
        else:
            run.link(url.strip())
    if run.articles:
        articles = list(run.articles.values())
        report = sync_articles(articles, store, settings, remove_missing=False, progress=progress)
    else:
        report = IndexReport(chunks_total=store.count() if store.exists() else 0)
    report.failed = run.failed
    report.stored = run.stored
    return report
