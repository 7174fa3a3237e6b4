"""HTML pages in, the article's text and its page metadata out (trafilatura and htmldate).

trafilatura finds the main text and the page's title, author, site name and canonical URL;
htmldate finds the publication date: first where the page states it (meta tags, structured data,
<time> elements, the URL; trafilatura calls htmldate for these), then in the page's text. A page
fetched by newsbot is stored with the browser convention `<!-- saved from url=(NNNN)URL -->` on
its first line, so the address it came from is known again when the folder is rebuilt offline.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from lxml.html import HtmlElement

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


def _hidden_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's search of the page's text for a date its markup does not state.

    Its last resort is a bare year (a copyright line) reported as 1 January: that is no
    publication date, so such an answer is dropped.
    """
    from htmldate import find_date

    found = find_date(
        tree,  # a parsed tree: given a string that looks like an address, htmldate would fetch it
        url=url,
        original_date=True,
        extensive_search=True,
        max_date=date.today().isoformat(),
    )
    return found if found and not found.endswith("-01-01") else None


def extract_page(markup: str, *, url: str | None = None) -> PageText:
    """Main text and metadata of an HTML page; an empty `text` when trafilatura finds no article."""
    import trafilatura  # a heavy import (lxml, justext): only when a page is read

    url = url or saved_from(markup)
    tree = trafilatura.load_html(markup)
    if tree is None:
        return PageText(text="", url=url)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        # Reader comments are not the article; precision over recall, since a clutter sentence
        # can become an answer (chosen on half the extraction benchmark, see index.loading.bench_extract).
        include_comments=False,
        favor_precision=True,
        # Dates the page states: meta tags, structured data, <time> elements, the URL.
        date_extraction_params={
            "original_date": True,  # the publication date, not the last update
            "extensive_search": False,
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
        published=doc.date or _hidden_date(tree, doc.url or url),
        # The address it was fetched from beats the page's own claim (its canonical link).
        url=url or doc.url or None,
    )
