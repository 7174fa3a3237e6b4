"""Loading: article files, web pages and feeds read into clean Articles with their metadata.

In: article files (.txt, .md, .html), page bytes, http(s) URLs and RSS/Atom feeds. Out: `Article`s
(cleaned story text and `ArticleMeta`: title, date, language, publisher, URL, author), `Preview`s of
what would be indexed, or an error that says why an input is refused. Fetches, but stores nothing
in the index.
"""

from index.loading.cleaner import clean_text
from index.loading.feeds import parse_feed
from index.loading.fetch import Fetched, Fetcher
from index.loading.files import keep, links_outside, read_limited
from index.loading.loader import (
    SUPPORTED_SUFFIXES,
    Article,
    Skipped,
    check_article_name,
    load_folder,
    parse_article,
)
from index.loading.metadata import ArticleMeta, extract_meta
from index.loading.preview import Preview, preview
from index.loading.web import FetchedArticle, fetch_page, is_url, page_file_name, read_page

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Article",
    "ArticleMeta",
    "Fetched",
    "FetchedArticle",
    "Fetcher",
    "Preview",
    "Skipped",
    "check_article_name",
    "clean_text",
    "extract_meta",
    "fetch_page",
    "is_url",
    "keep",
    "links_outside",
    "load_folder",
    "page_file_name",
    "parse_article",
    "parse_feed",
    "preview",
    "read_limited",
    "read_page",
]
