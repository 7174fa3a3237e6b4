"""Articles added from the page: uploads (name and size checked, handed to index.add_files, the
uploaded copies deleted) and addresses of pages or feeds (index.add_urls, as `python -m index URL`)."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

import index
from bot.answering import reset_retrievers
from bot.errors import ArticleError, NewsbotError
from bot.ui.render import escape_text, render_error
from index import SUPPORTED_SUFFIXES, IndexReport, check_article_name

log = logging.getLogger(__name__)
ALLOWED_SUFFIXES = SUPPORTED_SUFFIXES
AddFilesFn = Callable[[Sequence[Path]], object]
AddUrlsFn = Callable[[Sequence[str]], IndexReport]
T = TypeVar("T")
# How much lower ("nicer", on the 0..19 scale) the thread that indexes an upload runs than the page:
# when an answer and an upload both want the cores, the answer gets most of them.
UPLOAD_NICENESS = 10


def beside_answers(work: Callable[[], T]) -> T:
    """Run `work` on a thread of its own at low CPU priority (on Linux) and return its result.

    The engine's worker threads, started from that thread, inherit its priority.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsbot-upload") as pool:
        return pool.submit(_at_low_priority, work).result()


def _at_low_priority(work: Callable[[], T]) -> T:
    if sys.platform == "linux":  # there a thread id names one thread; elsewhere it could be a process
        me = threading.get_native_id()
        try:
            lower = min(os.getpriority(os.PRIO_PROCESS, me) + UPLOAD_NICENESS, 19)
            os.setpriority(os.PRIO_PROCESS, me, lower)
        except OSError as exc:
            log.debug("could not lower the upload thread's priority: %s", exc)
    return work()


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
    """Raise ArticleError naming the first file with a name the folder would skip or over the limit."""
    for path in paths:
        check_article_name(path.name)
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
        result = add_files(list(paths))
    except NewsbotError as exc:
        return render_error(str(exc))
    kept_as = result.kept_as if isinstance(result, IndexReport) else {}
    already = set(result.already) if isinstance(result, IndexReport) else set()
    added = [kept_as.get(p.name, p.name) for p in paths]
    fresh = [name for name in added if name not in already]
    lines = []
    if fresh:
        noun = "article" if len(fresh) == 1 else "articles"
        lines.append(f"Added {len(fresh)} {noun}: {', '.join(fresh)}. Ask about it below.")
    for name, kept in kept_as.items():
        lines.append(f"{name} is kept as {kept}: another article already has that name, and both stay.")
    if already:
        lines.append(f"Already indexed, unchanged: {', '.join(sorted(already))}.")
    note = "\n".join(lines)
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
def discard_uploads(paths: Sequence[Path], upload_root: Path) -> None:
    """Delete uploaded copies (and their emptied folders) under `upload_root`, accepted or refused:
    the article, if added, lives on in the articles folder."""
    root = upload_root.resolve()
    for path in paths:
        if not path.resolve().is_relative_to(root):
            continue  # never delete anything the upload cache does not own
        try:
            path.unlink(missing_ok=True)
            if path.parent.resolve() != root and not any(path.parent.iterdir()):
                path.parent.rmdir()
        except OSError as exc:
            log.warning("could not delete uploaded copy %s: %s", path, exc)
