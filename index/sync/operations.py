"""The index's front-door operations, with production defaults for settings and store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.settings import Settings, get_settings
from index.embedding import make_embeddings
from index.loading import Fetcher
from index.store import Store
from index.sync import builder, web_sync
from index.sync.builder import IndexReport, Progress


@dataclass(frozen=True)
class IndexStats:
    """What the index holds, for the chat page's panel and the CLI."""

    articles: int
    chunks: int
    languages: dict[str, int] = field(default_factory=dict)
    embedder: str = ""
    built_at: str | None = None
    complete: bool = True
    where: str = ""


def index_stamp(settings: Settings, store: Store | None = None) -> tuple[object, ...]:
    """Something that changes whenever a build finishes, cheap enough to check before every answer.

    Every finished build replaces the keyword file (a new inode and time); with a Chroma server,
    whose builds may run on another machine, the store's own build record is read too.
    """
    try:
        info = builder.keyword_path(settings).stat()
        local: tuple[int, ...] = (info.st_ino, info.st_mtime_ns, info.st_size)
    except FileNotFoundError:
        local = ()
    remote = store.build_stamp() if settings.chroma_url and store is not None else ""
    return local, remote


def open_store(settings: Settings | None = None) -> Store:
    """The configured store with the configured embedder (nothing is read until used)."""
    settings = settings or get_settings()
    return Store(settings, make_embeddings(settings))


def build(
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    folder: Path | None = None,
    rebuild: bool = False,
    progress: Progress | None = None,
) -> IndexReport:
    """Sync the articles folder into the index (from scratch with rebuild=True)."""
    settings = settings or get_settings()
    store = store or open_store(settings)
    if rebuild:
        store.drop()
        store.tokens.clear()
        builder.keyword_path(settings).unlink(missing_ok=True)
    return builder.build_index(settings, store, folder=folder, progress=progress)


def add_files(
    paths: Sequence[Path],
    *,
    settings: Settings | None = None,
    store: Store | None = None,
    progress: Progress | None = None,
) -> IndexReport:
    """Add article files to the articles folder and the index; raises ArticleError on a bad file."""
    settings = settings or get_settings()
    return builder.add_files(paths, settings, store or open_store(settings), progress=progress)


def add_urls(
    urls: Sequence[str],
    *,
    feeds: bool = False,
    refresh: bool = False,
    settings: Settings | None = None,
    store: Store | None = None,
    fetcher: Fetcher | None = None,
    progress: Progress | None = None,
) -> IndexReport:
    """Fetch pages (or every item of feeds), keep them in the articles folder and index them.

    Each URL fails on its own (the report's `failed` says why); the others are still indexed.
    """
    settings = settings or get_settings()
    return web_sync.add_urls(
        urls,
        settings,
        store or open_store(settings),
        feeds=feeds,
        refresh=refresh,
        fetcher=fetcher,
        progress=progress,
    )


def index_stats(settings: Settings | None = None, *, store: Store | None = None) -> IndexStats:
    """Articles, chunks, languages, embedder and build time of the index."""
    settings = settings or get_settings()
    store = store or open_store(settings)
    if not store.exists():
        # A first build stopped before its first write leaves an empty, unfinished collection.
        started = store.started_build_info()
        return IndexStats(
            articles=0,
            chunks=0,
            embedder=str(started.get("embedder", store.embedder)),
            built_at=started.get("built_at"),
            complete=bool(started.get("complete", True)),
            where=store.where,
        )
    info = store.build_info()
    languages: dict[str, int] = {}
    docs: dict[str, str] = {}
    chunks = 0
    for chunk in store.iter_chunks():
        chunks += 1
        docs[str(chunk.metadata.get("doc_id", ""))] = str(chunk.metadata.get("language", ""))
    for language in docs.values():
        languages[language] = languages.get(language, 0) + 1
    return IndexStats(
        articles=len(docs),
        chunks=chunks,
        languages=languages,
        embedder=str(info.get("embedder", store.embedder)),
        built_at=info.get("built_at"),
        complete=bool(info.get("complete", True)),
        where=store.where,
    )
