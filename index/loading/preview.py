"""What would be indexed, without indexing it: in go paths (files or folders) and URLs, out come
`Preview`s with the cleaned text and metadata, or the reason an input would be refused.

Nothing is written: a URL is fetched (with the same checks as when adding it) but not stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import ArticleError, FetchError
from index.loading.fetch import Fetcher
from index.loading.loader import SUPPORTED_SUFFIXES, Article, parse_article, size_limit
from index.loading.web import fetch_page, is_url

if TYPE_CHECKING:
    from bot.settings import Settings


@dataclass(frozen=True)
class Preview:
    """One input as newsbot reads it: the article, or the error that would keep it out."""

    source: str
    from_url: bool
    article: Article | None = None
    error: str | None = None

    def json_line(self) -> str:
        """One JSON object: path or url, title, published, publisher, author, language, text (or error)."""
        meta = self.article.meta if self.article else None
        record: dict[str, object] = {"url": self.source} if self.from_url else {"path": self.source}
        record.update(
            {
                "doc_id": self.article.doc_id if self.article else None,
                "title": meta.title if meta else None,
                "published": meta.published if meta else None,
                "publisher": meta.publisher if meta else None,
                "author": meta.author if meta else None,
                "language": meta.language if meta else None,
                "page_url": meta.url if meta else None,
                "text": self.article.text if self.article else None,
                "error": self.error,
            }
        )
        return json.dumps(record, ensure_ascii=False)

    def human(self) -> str:
        """A header of metadata, then the text as it would be indexed (or the error)."""
        lines = [f"== {self.source}"]
        if self.article is None:
            lines.append(f"error: {self.error}")
            return "\n".join(lines)
        meta = self.article.meta
        fields = [
            ("title", meta.title),
            ("outlet", meta.publisher),
            ("published", _shown_date(meta.published)),
            ("author", meta.author),
            ("language", meta.language),
            ("url", meta.url),
            ("stored as", self.article.doc_id),
        ]
        lines += [f"{name + ':':<11}{value or '-'}" for name, value in fields]
        lines += [f"{'length:':<11}{len(self.article.text):,} characters", "", self.article.text, ""]
        return "\n".join(lines)


def _shown_date(published: str | None) -> str | None:
    """The ISO date, saying so when the article gives no year ('--11-18')."""
    if published and published.startswith("--"):
        return f"{published} (the article gives no year)"
    return published


def _files(path: Path) -> list[Path]:
    """The path itself, or a folder's article files in name order."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    return [path]


def _read_file(path: Path, settings: Settings) -> Preview:
    limit = size_limit(
        path.name, max_bytes=settings.max_upload_bytes, max_html_bytes=settings.fetch_max_bytes
    )
    try:
        article = parse_article(path.read_bytes(), path.name, max_bytes=limit)
    except OSError as exc:
        return Preview(str(path), False, error=f"{path}: cannot read the file ({exc.strerror}).")
    except ArticleError as exc:
        return Preview(str(path), False, error=str(exc))
    return Preview(str(path), False, article=article)


def preview(
    inputs: Sequence[str], settings: Settings, *, fetcher: Fetcher | None = None
) -> Iterator[Preview]:
    """Read each input (file, folder of files, or URL) as indexing would, one Preview per article."""
    fetcher = fetcher or Fetcher(settings)
    for given in inputs:
        if is_url(given):
            try:
                page = fetch_page(given.strip(), settings, fetcher=fetcher)
            except (FetchError, ArticleError) as exc:
                yield Preview(given, True, error=str(exc))
            else:
                yield Preview(given, True, article=page.article)
            continue
        for path in _files(Path(given)):
            yield _read_file(path, settings)
