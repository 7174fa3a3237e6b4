"""The index panel: what is indexed, rendered from index.index_stats()."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from html import escape
from typing import Protocol

from bot.errors import NewsbotError
from bot.ui.render import language_name, render_error


class IndexStatsView(Protocol):
    """What the panel reads from index.IndexStats."""

    @property
    def articles(self) -> int: ...
    @property
    def chunks(self) -> int: ...
    @property
    def languages(self) -> Mapping[str, int]: ...
    @property
    def embedder(self) -> str: ...
    @property
    def built_at(self) -> str | None: ...


StatsFn = Callable[[], IndexStatsView]


def render_stats(stats: IndexStatsView) -> str:
    """Render the index panel: articles, chunks, languages, embedder and build time."""
    langs = (
        ", ".join(f"{language_name(code)} {count}" for code, count in sorted(stats.languages.items()))
        or "none"
    )
    rows = [
        ("Articles", str(stats.articles)),
        ("Passages", str(stats.chunks)),
        ("Languages", langs),
        ("Embedder", stats.embedder),
        ("Built", format_built(stats.built_at)),
    ]
    body = "".join(
        f'<div class="nb-stat"><span class="nb-stat-k">{k}</span>'
        f'<span class="nb-stat-v">{escape(v)}</span></div>'
        for k, v in rows
    )
    return f'<div class="nb-stats">{body}</div>'


def format_built(built_at: str | None) -> str:
    """Return '23 Nov 2026, 12:38 UTC' for an ISO timestamp; 'not yet' when never built."""
    if not built_at:
        return "not yet"
    try:
        when = datetime.fromisoformat(built_at)
    except ValueError:
        return built_at
    zone = " UTC" if when.utcoffset() == timedelta(0) else ""
    return f"{when.day} {when:%b %Y, %H:%M}{zone}"


def stats_html(stats_fn: StatsFn) -> str:
    """Read the index stats and render them, or render the error that says how to fix it."""
    try:
        return render_stats(stats_fn())
    except NewsbotError as exc:
        return render_error(str(exc))
