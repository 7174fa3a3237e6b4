"""HTML pages in, the article's text and its page metadata out (trafilatura, htmldate inside it).

trafilatura finds the main text and the page's title, author, site name and canonical URL;
htmldate (which trafilatura calls with the parameters below) finds the publication date in meta
tags, structured data, the URL or, failing those, the page's text. A page fetched by newsbot is
stored with the browser convention `<!-- saved from url=(NNNN)URL -->` on its first line, so the
address it came from is known again when the folder is rebuilt offline.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

_SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
# Where a saved-from line may stand: before the doctype, or just after it.
_SAVED_FROM_WINDOW = 1024
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " : ")


@dataclass(frozen=True)
class PageText:
    """What trafilatura found in one page; `text` is the main text before newsbot's clutter filter."""

    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    published: str | None = None
    url: str | None = None


def saved_from(markup: str) -> str | None:
    """The address a saved page came from, from its `<!-- saved from url=... -->` line, if any."""
    m = _SAVED_FROM_RE.search(markup[:_SAVED_FROM_WINDOW])
    return m.group(1) if m else None


def mark_saved_from(data: bytes, url: str) -> bytes:
    """The page's bytes with a `<!-- saved from url=... -->` first line naming where it came from."""
    # ASCII only, and no ">" that could end the comment early; any encoding of the page keeps it.
    address = quote(url, safe=":/?#[]@!$&'()*+,;=%~")
    if saved_from(data[:_SAVED_FROM_WINDOW].decode("latin-1")) == address:
        return data
    return f"<!-- saved from url=({len(address):04d}){address} -->\n".encode("ascii") + data.removeprefix(
        codecs.BOM_UTF8
    )


def _strip_site_suffix(title: str, sitename: str | None) -> str:
    """'Headline | The Site' -> 'Headline' when the tail is the site's own name."""
    if not sitename:
        return title
    for sep in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head and tail.strip().casefold() == sitename.casefold():
            return head.strip()
    return title


def extract_page(markup: str, *, url: str | None = None) -> PageText:
    """Main text and metadata of an HTML page; an empty `text` when trafilatura finds no article."""
    import trafilatura  # a heavy import (lxml, justext): only when a page is read

    url = url or saved_from(markup)
    doc = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        # Reader comments are not the article; precision over recall, since a clutter sentence
        # can become an answer (chosen on half the extraction benchmark, see index.bench_extract).
        include_comments=False,
        favor_precision=True,
        date_extraction_params={
            "original_date": True,  # the publication date, not the last update
            "extensive_search": True,  # also dates in the URL and the page's text
            "max_date": date.today().isoformat(),
        },
    )
    if doc is None or isinstance(doc, dict):
        return PageText(text="", url=url)
    sitename = doc.sitename or None
    title = _strip_site_suffix(doc.title, sitename) if doc.title else None
    return PageText(
        text=doc.text or "",
        title=title or None,
        author=doc.author or None,
        sitename=sitename,
        published=doc.date or None,
        # The address it was fetched from beats the page's own claim (its canonical link).
        url=url or doc.url or None,
    )
