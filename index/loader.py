"""Read article files (.txt, .md, .html) into cleaned `Article`s, refusing bad files with a reason."""

from __future__ import annotations

import hashlib
import html
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from bot.errors import ArticleError
from index.cleaner import clean_text
from index.metadata import ArticleMeta, extract_meta

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "title",
}
_SKIP_TAGS = {"script", "style", "noscript", "nav", "svg", "form", "iframe", "button"}


@dataclass(frozen=True)
class Article:
    """One cleaned article: its file name is its id."""

    doc_id: str
    text: str
    meta: ArticleMeta
    content_hash: str


@dataclass(frozen=True)
class Skipped:
    """A file that was not indexed, and why."""

    path: Path
    reason: str


class _TextExtractor(HTMLParser):
    """Collect visible text from HTML, one block element per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, paragraphs on their own lines."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return html.unescape("".join(parser.parts))


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown article: headings, emphasis and link syntax removed."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.MULTILINE)
    return re.sub(r"(\*\*|__|\*|_|`)(\S.*?\S|\S)\1", r"\2", text)


def decode_article(data: bytes, name: str, *, max_bytes: int) -> str:
    """Decode an article's bytes as UTF-8 text, or raise ArticleError saying what to do."""
    if len(data) > max_bytes:
        raise ArticleError(
            f"{name}: {len(data):,} bytes is over the {max_bytes:,}-byte limit "
            "(NEWSBOT_MAX_UPLOAD_BYTES); split the file or raise the limit."
        )
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty; add the article text and try again.")
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: this looks like a binary file; save the article as UTF-8 text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{name}: not valid UTF-8 (byte {exc.start}); re-save the file with UTF-8 encoding."
        ) from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * len(text):
        raise ArticleError(f"{name}: too many control characters for an article; is it binary?")
    return text


def parse_article(data: bytes, name: str, *, max_bytes: int) -> Article:
    """Turn one file's bytes into a cleaned Article, or raise ArticleError."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleError(f"{name}: unsupported file type {suffix or '(none)'}; use .txt, .md or .html.")
    raw = decode_article(data, name, max_bytes=max_bytes)
    if suffix in (".html", ".htm"):
        raw = html_to_text(raw)
    elif suffix == ".md":
        raw = markdown_to_text(raw)
    text = clean_text(raw)
    if len(text) < 40:
        raise ArticleError(f"{name}: no article text left after removing site clutter.")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Article(doc_id=Path(name).name, text=text, meta=extract_meta(raw, text), content_hash=digest)


def load_folder(folder: Path, *, max_bytes: int) -> tuple[list[Article], list[Skipped]]:
    """Load every supported article in a folder; bad files are skipped with a logged reason."""
    if not folder.is_dir():
        raise ArticleError(f"Articles folder {folder} does not exist; create it or set NEWSBOT_ARTICLES_DIR.")
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        try:
            articles.append(parse_article(path.read_bytes(), path.name, max_bytes=max_bytes))
        except ArticleError as exc:
            log.warning("skipped %s", exc)
            skipped.append(Skipped(path=path, reason=str(exc)))
    return articles, skipped
