"""RSS and Atom feeds in (their bytes), the linked articles out, read by feedparser.

feedparser is always handed bytes, never an address: given a string it would fetch it itself,
past newsbot's address checks. An item without a usable http(s) link is reported, not dropped
silently, and the other items still count.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bot.errors import FeedError


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: the article's link, or why it has none we can use."""

    link: str | None
    title: str
    problem: str | None = None


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its title and its items in feed order."""

    title: str
    items: list[FeedItem]


def parse_feed(data: bytes, url: str) -> Feed:
    """The items of an RSS or Atom feed, or FeedError saying why the bytes are not a feed."""
    import feedparser  # only when a feed is read

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    title = str(parsed.feed.get("title", "") or url)
    if not parsed.entries:
        reason = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        raise FeedError(
            f"{url}: no RSS or Atom items found{reason}; check that this is the feed's address "
            "(often ending in /rss, /feed or .xml), not the site's home page."
        )
    items: list[FeedItem] = []
    for n, entry in enumerate(parsed.entries, start=1):
        name = str(entry.get("title", "") or f"item {n}")
        link = str(entry.get("link", "") or "").strip()
        if not link:
            items.append(FeedItem(None, name, f"feed item {n} ({name!r}) has no link to an article"))
            continue
        link = urljoin(url, link)
        if urlsplit(link).scheme.lower() not in ("http", "https"):
            problem = f"feed item {n} ({name!r}) links to {link}, not an http(s) page"
            items.append(FeedItem(None, name, problem))
            continue
        items.append(FeedItem(link, name))
    return Feed(title=title, items=items)
