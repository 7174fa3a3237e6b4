"""Article uploads from the page: check size, then hand the files to index.add_files."""

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


def add_and_refresh(paths: Sequence[Path]) -> IndexReport:
    """index.add_files, then drop cached retrievers so the next question sees the new articles."""
    report = index.add_files(paths)
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
