"""Read article files (.txt, .md, .html) into cleaned `Article`s, refusing bad files with a reason."""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from bot.errors import ArticleError
from index.loading.cleaner import clean_text, filter_clutter
from index.loading.files import links_outside, read_limited, too_large
from index.loading.metadata import ArticleMeta, extract_meta, page_meta
from index.loading.webpage import extract_page

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
# An HTML page declares its encoding in a <meta> near the top when it is not UTF-8.
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


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


def markdown_to_text(markdown: str) -> str:
    """Plain text of a Markdown article: headings, emphasis and link syntax removed."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.MULTILINE)
    return re.sub(r"(\*\*|__|\*|_|`)(\S.*?\S|\S)\1", r"\2", text)


def _declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in a <meta> tag, if Python knows it."""
    m = _META_CHARSET_RE.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


# Byte-order marks of the Unicode encodings a text editor may save in ("Unicode" in Notepad is
# UTF-16). UTF-32's little-endian mark starts like UTF-16's, so it is tried first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode_marked(data: bytes, name: str) -> str | None:
    """Text of a file that starts with a UTF-16 or UTF-32 byte-order mark; None without one."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"{name}: starts like {encoding.upper()} text but does not decode (byte {exc.start}); "
            "re-save the file with UTF-8 encoding."
        ) from exc
    # Binary data can begin with the same two bytes; text in any language has spaces.
    if not any(ch.isspace() for ch in text[:4096]):
        raise ArticleError(f"{name}: this looks like a binary file; save the article as UTF-8 text.")
    return text


def decode_article(data: bytes, name: str, *, max_bytes: int) -> str:
    """Decode an article's bytes (UTF-8, UTF-16/32 with a byte-order mark, or an HTML page's declared
    charset), or raise ArticleError."""
    if len(data) > max_bytes:
        raise too_large(name, len(data), max_bytes)
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty; add the article text and try again.")
    marked = _decode_marked(data, name)
    if marked is not None:
        text = marked
    elif b"\x00" in data[:8192]:
        raise ArticleError(
            f"{name}: this looks like a binary file (or UTF-16 without a byte-order mark); "
            "save the article as UTF-8 text."
        )
    else:
        text = _decode_8bit(data, name)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * len(text):
        raise ArticleError(f"{name}: too many control characters for an article; is it binary?")
    return text


def _decode_8bit(data: bytes, name: str) -> str:
    """UTF-8, or the charset an HTML page declares for itself."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        charset = _declared_charset(data) if Path(name).suffix.lower() in HTML_SUFFIXES else None
        if charset is None:
            raise ArticleError(
                f"{name}: not valid UTF-8 (byte {exc.start}); re-save the file with UTF-8 encoding."
            ) from exc
        try:
            return data.decode(charset)
        except UnicodeDecodeError as bad:
            raise ArticleError(
                f"{name}: not valid {charset} as its <meta charset> says (byte {bad.start}); "
                "re-save the page with UTF-8 encoding."
            ) from bad


def check_article_name(name: str) -> None:
    """Refuse a file name the folder sync would skip: hidden, or of a type it does not read."""
    if name.startswith("."):
        raise ArticleError(
            f"{name}: names starting with a dot are hidden files, which the articles folder skips; "
            f"rename it (e.g. {name.lstrip('.') or 'article.txt'}) and add it again."
        )
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ArticleError(
            f"{name}: unsupported file type {suffix or '(none)'}; only .txt, .md and .html (.htm) "
            "articles can be added: save the article as one of those and add it again."
        )


def parse_article(data: bytes, name: str, *, max_bytes: int) -> Article:
    """Turn one file's bytes into a cleaned Article, or raise ArticleError."""
    check_article_name(name)
    suffix = Path(name).suffix.lower()
    raw = decode_article(data, name, max_bytes=max_bytes)
    if suffix in HTML_SUFFIXES:
        page = extract_page(raw)
        text = filter_clutter(page.text)
        meta = page_meta(page, text)
    else:
        if suffix == ".md":
            raw = markdown_to_text(raw)
        text = clean_text(raw)
        meta = extract_meta(raw, text)
    if len(text) < 40:
        kind = "no article found in the page" if suffix in HTML_SUFFIXES else "no article text left"
        raise ArticleError(
            f"{name}: {kind} after removing site clutter; check it with `python -m index --preview`."
        )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Article(doc_id=Path(name).name, text=text, meta=meta, content_hash=digest)


def size_limit(name: str, *, max_bytes: int, max_html_bytes: int | None = None) -> int:
    """The byte limit for one file: web pages (markup and all) may have their own, larger one."""
    if max_html_bytes is not None and Path(name).suffix.lower() in HTML_SUFFIXES:
        return max(max_bytes, max_html_bytes)
    return max_bytes


def load_folder(
    folder: Path, *, max_bytes: int, max_html_bytes: int | None = None
) -> tuple[list[Article], list[Skipped]]:
    """Load every supported article in a folder; bad files are skipped with a logged reason."""
    if not folder.is_dir():
        raise ArticleError(f"Articles folder {folder} does not exist; create it or set NEWSBOT_ARTICLES_DIR.")
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        if links_outside(folder, path):
            reason = f"{path.name}: links to a file outside the articles folder; copy the file in instead."
            log.warning("skipped %s", reason)
            skipped.append(Skipped(path=path, reason=reason))
            continue
        if not path.is_file():
            continue
        try:
            limit = size_limit(path.name, max_bytes=max_bytes, max_html_bytes=max_html_bytes)
            articles.append(parse_article(read_limited(path, limit), path.name, max_bytes=limit))
        except ArticleError as exc:
            log.warning("skipped %s", exc)
            skipped.append(Skipped(path=path, reason=str(exc)))
    return articles, skipped
