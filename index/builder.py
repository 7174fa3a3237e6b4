"""Sync articles into the store: idempotent, incremental, and repairable after an interrupted run."""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import ArticleError
from index.chunker import Chunk, Sentence, chunk_article
from index.keyword import KeywordIndex
from index.loader import Article, Skipped, load_folder, parse_article
from index.store import Store, encode_spans

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)
Progress = Callable[[str], None]


@dataclass
class IndexReport:
    """What one indexing run did."""

    articles: int = 0
    chunks_added: int = 0
    chunks_removed: int = 0
    chunks_total: int = 0
    docs_changed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for people: what changed and how long it took."""
        line = (
            f"{self.articles} articles, {self.chunks_total} chunks: "
            f"+{self.chunks_added} added, -{self.chunks_removed} removed in {self.seconds:.1f}s"
        )
        if self.skipped:
            line += f"; skipped {len(self.skipped)} file(s)"
        return line


def keyword_path(settings: Settings) -> Path:
    """Where the keyword index for this store lives."""
    return settings.index_dir / f"{settings.collection}_keyword.json"


def _chunk_metadata(article: Article, chunk: Chunk) -> dict[str, Any]:
    meta = article.meta
    return {
        "doc_id": article.doc_id,
        "title": meta.title,
        "published": meta.published or "",
        "language": meta.language,
        "publisher": meta.publisher or "",
        "chunk_index": chunk.index,
        "start": chunk.start,
        "end": chunk.end,
        "doc_hash": article.content_hash,
        "sentence_ids": json.dumps([s.id for s in chunk.sentences]),
        "sentence_spans": encode_spans(
            [(s.start - chunk.start, s.end - chunk.start) for s in chunk.sentences]
        ),
    }


def load_keyword_index(store: Store, settings: Settings) -> KeywordIndex:
    """The persisted keyword index, reconciled with the store if they disagree."""
    path = keyword_path(settings)
    keyword = KeywordIndex.load(path) if path.exists() else KeywordIndex()
    if store.exists() and len(keyword) != store.count():
        log.info("keyword index out of step with the store; rebuilding it from the store")
        keyword = KeywordIndex()
        stored = list(store.iter_chunks())
        keyword.add([c.id for c in stored], [c.text for c in stored])
        keyword.save(path)
    return keyword


def sync_articles(
    articles: Sequence[Article],
    store: Store,
    settings: Settings,
    *,
    remove_missing: bool,
    progress: Progress | None = None,
) -> IndexReport:
    """Make the store hold exactly these articles' chunks (and, if asked, no others)."""
    started = time.perf_counter()
    report = IndexReport(articles=len(articles))
    chunks_col, sentences_col = store.open(create=True)
    # Marked incomplete first: an interrupted run is visible, and the next run repairs it.
    store.mark_built(complete=False)
    keyword = load_keyword_index(store, settings)
    stored = store.ids_by_doc(chunks_col)
    stored_sentences = store.ids_by_doc(sentences_col)
    wanted_docs = {a.doc_id for a in articles}
    for number, article in enumerate(articles, 1):
        chunks = chunk_article(article)
        have = stored.get(article.doc_id, set())
        new = [c for c in chunks if c.id not in have]
        gone = sorted(have - {c.id for c in chunks})
        sentences = {s.id: s for c in chunks for s in c.sentences}
        have_sentences = stored_sentences.get(article.doc_id, set())
        new_sentences: list[Sentence] = [s for sid, s in sentences.items() if sid not in have_sentences]
        if new:
            vectors = store.embeddings.embed_documents([c.text for c in new])
            store.upsert(
                chunks_col,
                [c.id for c in new],
                [c.text for c in new],
                vectors,
                [_chunk_metadata(article, c) for c in new],
            )
            keyword.add([c.id for c in new], [c.text for c in new])
        if new_sentences:
            vectors = store.embeddings.embed_documents([s.text for s in new_sentences])
            store.upsert(
                sentences_col,
                [s.id for s in new_sentences],
                [s.text for s in new_sentences],
                vectors,
                [{"doc_id": s.doc_id} for s in new_sentences],
            )
        if gone:
            store.delete(chunks_col, gone)
            keyword.remove(gone)
        stale_sentences = sorted(have_sentences - set(sentences))
        if stale_sentences:
            store.delete(sentences_col, stale_sentences)
        if new or gone:
            report.docs_changed.append(article.doc_id)
        report.chunks_added += len(new)
        report.chunks_removed += len(gone)
        if progress:
            progress(f"[{number}/{len(articles)}] {article.doc_id}: +{len(new)} -{len(gone)} chunks")
    if remove_missing:
        for doc_id in sorted(set(stored) - wanted_docs):
            ids = sorted(stored[doc_id])
            store.delete(chunks_col, ids)
            keyword.remove(ids)
            store.delete(sentences_col, sorted(stored_sentences.get(doc_id, set())))
            report.chunks_removed += len(ids)
            report.docs_changed.append(doc_id)
            if progress:
                progress(f"removed {doc_id}: -{len(ids)} chunks (file is gone)")
    keyword.save(keyword_path(settings))
    store.mark_built(complete=True)
    report.chunks_total = store.count()
    report.seconds = time.perf_counter() - started
    return report


def build_index(
    settings: Settings, store: Store, *, folder: Path | None = None, progress: Progress | None = None
) -> IndexReport:
    """Index every article in the folder; files no longer there leave the index."""
    articles, skipped = load_folder(folder or settings.articles_dir, max_bytes=settings.max_upload_bytes)
    for skip in skipped:
        if progress:
            progress(f"skipped {skip.path.name}: {skip.reason}")
    report = sync_articles(articles, store, settings, remove_missing=True, progress=progress)
    report.skipped = skipped
    return report


def add_files(
    paths: Sequence[Path], settings: Settings, store: Store, *, progress: Progress | None = None
) -> IndexReport:
    """Validate, copy into the articles folder and index these files; a bad file changes nothing."""
    parsed = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise ArticleError(f"{Path(path).name}: cannot read the file ({exc.strerror}).") from exc
        parsed.append((Path(path), parse_article(data, Path(path).name, max_bytes=settings.max_upload_bytes)))
    settings.articles_dir.mkdir(parents=True, exist_ok=True)
    for path, _article in parsed:
        target = settings.articles_dir / path.name
        if path.resolve() != target.resolve():
            shutil.copyfile(path, target)
    return sync_articles([a for _, a in parsed], store, settings, remove_missing=False, progress=progress)
