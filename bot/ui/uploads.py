"""Articles added from the page: uploads (checked, then index.add_files) and addresses of pages or
feeds (index.add_urls, the same path as `python -m index URL`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import index
from bot.answering import reset_retrievers
from bot.errors import ArticleError, NewsbotError
from bot.ui.render import escape_text, render_error
from index import IndexReport

ALLOWED_SUFFIXES = (".txt", ".md", ".html")
AddFilesFn = Callable[[Sequence[Path]], object]
AddUrlsFn = Callable[[Sequence[str]], IndexReport]


def add_and_refresh(paths: Sequence[Path]) -> IndexReport:
    """index.add_files, then drop cached retrievers so the next question sees the new articles."""
    report = index.add_files(paths)
    reset_retrievers()
    return report


def add_urls_and_refresh(urls: Sequence[str]) -> IndexReport:
    """index.add_urls, then drop cached retrievers so the next question sees the new pages."""
    report = index.add_urls(urls)
    reset_retrievers()
    return report


def size_label(n: int) -> str:
    """Return a byte count as '2.0 MB' or '512 kB'."""
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n / 1000:.0f} kB"


def check_uploads(paths: Sequence[Path], max_bytes: int) -> None:
    """Raise ArticleError naming the first file with a wrong type or over the size limit."""
    for path in paths:
        if path.suffix.lower() not in ALLOWED_SUFFIXES:
            raise ArticleError(
                f"{path.name}: only .txt, .md and .html articles can be added; "
                "save the article as one of those and upload it again."
            )
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(
                f"{path.name} is {size_label(size)}; the limit is {size_label(max_bytes)} "
                "per article (NEWSBOT_MAX_UPLOAD_BYTES). Nothing was added."
            )


def add_uploads(paths: Sequence[Path], *, add_files: AddFilesFn, max_bytes: int) -> str:
    """Validate and index uploaded articles; return the HTML note to show under the upload box."""
    if not paths:
        return ""
    try:
        check_uploads(paths, max_bytes)
        add_files(list(paths))
    except NewsbotError as exc:
        return render_error(str(exc))
    names = ", ".join(p.name for p in paths)
    noun = "article" if len(paths) == 1 else "articles"
    note = f"Added {len(paths)} {noun}: {names}. Ask about it below."
    return f'<div class="nb-ok">{escape_text(note)}</div>'


def add_by_url(text: str, *, add_urls: AddUrlsFn) -> str:
    """Fetch and index the page (or feed) at an address; return the HTML note for under the box."""
    urls = text.split()
    if not urls:
        return ""
    try:
        report = add_urls(urls)
    except NewsbotError as exc:
        return render_error(str(exc))
    notes = [render_error(failure.reason) for failure in report.failed]
    if report.stored:
        noun = "page" if len(report.stored) == 1 else "pages"
        note = f"Added {len(report.stored)} {noun}. Ask about it below."
        notes.append(f'<div class="nb-ok">{escape_text(note)}</div>')
    elif not report.failed:
        notes.append('<div class="nb-ok">Already added: nothing new at that address.</div>')
    return "".join(notes)
