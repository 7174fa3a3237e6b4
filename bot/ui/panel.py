"""The index panel: what is indexed, rendered from index.index_stats()."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
        ", ".join(
            f"{language_name(code)} {count}" for code, count in sorted(stats.languages.items())
        )
        or "none"
    )
    rows = [
        ("Articles", str(stats.articles)),
        ("Passages", str(stats.chunks)),
        ("Languages", langs),
        ("Embedder", stats.embedder),
        ("Built", stats.built_at or "never"),
    ]
    body = "".join(
        f'<div class="nb-stat"><span class="nb-stat-k">{k}</span>'
        f'<span class="nb-stat-v">{escape(v)}</span></div>'
        for k, v in rows
    )
    return f'<div class="nb-stats">{body}</div>'


def stats_html(stats_fn: StatsFn) -> str:
    """Read the index stats and render them, or render the error that says how to fix it."""
    try:
        return render_stats(stats_fn())
    except NewsbotError as exc:
        return render_error(str(exc))
