"""Pages and feeds from the web into the index: in go URLs, out comes an IndexReport.

A fetched page is kept in the articles folder as its HTML (first line: where it was fetched from),
under a file name made from its URL, so a rebuild needs no network and adding the same URL again
fetches nothing. Each URL succeeds or fails on its own: a failure is reported with its reason and
the rest are still indexed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import ArticleError, FetchError
from index.loading import Article, Fetched, Fetcher, page_file_name, parse_article, parse_feed, read_page
from index.sync.builder import Failed, IndexReport, Progress, sync_articles

if TYPE_CHECKING:
    from bot.settings import Settings
    from index.store import Store


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
