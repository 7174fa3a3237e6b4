"""Sync articles into the store: idempotent, incremental, and repairable after an interrupted run."""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import ArticleError
from index.chunking import Chunk, chunk_article
from index.embedding import TOKEN_STAMP, TokenEncoder, token_encoder
from index.loading import (
    Article,
    Skipped,
    check_article_name,
    keep,
    links_outside,
    load_folder,
    parse_article,
    read_limited,
)
from index.store import BatchWriter, KeywordIndex, Store, encode_spans
from index.text import with_antecedents
from index.text.discourse import fingerprint as discourse_fingerprint

if TYPE_CHECKING:
    import numpy as np

    from bot.settings import Settings

# How sentence vectors are made; a store stamped with another recipe has its sentences embedded again.
# 2: a sentence that leans back ("He congratulated ...") is embedded with the sentences it leans on.
SENTENCE_RECIPE = 2


def sentence_recipe() -> str:
    """The recipe stamp: its number and the rules that decide what a sentence leans on."""
    return f"{SENTENCE_RECIPE}-{discourse_fingerprint()}"


log = logging.getLogger(__name__)
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Failed:
    """A page or feed item that could not be added (a URL, or a feed's address), and why."""

    source: str
    reason: str


@dataclass
class IndexReport:
    """What one indexing run did."""

    articles: int = 0
    chunks_added: int = 0
    chunks_removed: int = 0
    chunks_total: int = 0
    docs_changed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)  # pages fetched into the articles folder
    seconds: float = 0.0
    embed_seconds: float = 0.0
    tokens_seconds: float = 0.0  # encoding sentences' token states (index.embedding.tokens)
    # Added files whose name another article already had: original name -> the name kept under.
    kept_as: dict[str, str] = field(default_factory=dict)
    # Added files the articles folder already held, byte for byte.
    already: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people: what changed and how long it took."""
        line = (
            f"{self.articles} articles, {self.chunks_total} chunks: "
            f"+{self.chunks_added} added, -{self.chunks_removed} removed in {self.seconds:.1f}s"
        )
        if self.stored:
            line += f"; fetched {len(self.stored)} page(s)"
        if self.skipped:
            line += f"; skipped {len(self.skipped)} file(s)"
        if self.failed:
            line += f"; {len(self.failed)} address(es) failed"
        for name, kept in self.kept_as.items():
            line += f"; {name} kept as {kept} (another article already has that name)"
        if self.already:
            line += f"; already in the articles folder: {', '.join(self.already)}"
        return line


def keyword_path(settings: Settings) -> Path:
    """Where the keyword index for this store lives."""
    return settings.index_dir / f"{settings.collection}_keyword.npz"


def _chunk_metadata(article: Article, chunk: Chunk) -> dict[str, Any]:
    meta = article.meta
    return {
        "doc_id": article.doc_id,
        "title": meta.title,
        "published": meta.published or "",
        "language": meta.language,
        "publisher": meta.publisher or "",
        "url": meta.url or "",
        "author": meta.author or "",
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
    """The persisted keyword index, repaired from the store when the last build did not stamp it."""
    path = keyword_path(settings)
    keyword = _read_keyword(path)
    if not store.exists():
        return keyword
    info = store.build_info()
    # Fast path: the finished build that wrote this file stamped the store with the same token.
    if (
        info.get("complete")
        and keyword.stamp
        and info.get("keyword_stamp") == keyword.stamp
        and len(keyword) == store.count()
    ):
        return keyword
    stored = store.chunk_ids()
    extra = sorted(keyword.ids - stored)
    missing = sorted(stored - keyword.ids)
    if extra or missing:
        log.info("keyword index out of step with the store: +%d -%d chunks", len(missing), len(extra))
        keyword.remove(extra)
        for i in range(0, len(missing), 2000):
            docs = store.get_chunks(missing[i : i + 2000])
            keyword.add([str(d.id) for d in docs], [d.page_content for d in docs])
        keyword.stamp = None
        keyword.save(path)
    return keyword


def _read_keyword(path: Path) -> KeywordIndex:
    """The saved keyword index, or an empty one when there is none or it cannot be read."""
    if not path.exists():
        return KeywordIndex()
    try:
        return KeywordIndex.load(path)
    except (OSError, ValueError) as exc:  # load() reports any damage as ValueError
        log.warning("keyword index %s unreadable (%s); rebuilding it from the store", path, exc)
        return KeywordIndex()


def sync_articles(
    articles: Sequence[Article],
    store: Store,
    settings: Settings,
    *,
    remove_missing: bool,
    progress: Progress | None = None,
    tokens: TokenEncoder | None = None,
) -> IndexReport:
    """Make the store hold exactly these articles' chunks and token states (and, if asked, no others)."""
    started = time.perf_counter()
    report = IndexReport(articles=len(articles))
    chunks_col, sentences_col = store.open(create=True)
    recipe = sentence_recipe()
    # Sentences embedded by another recipe are embedded again (same ids, new vectors).
    current = store.build_info().get("sentence_recipe") == recipe
    # Marked incomplete first: an interrupted run is visible, and the next run repairs it.
    store.mark_built(complete=False, sentence_recipe=recipe if current else "")
    keyword = load_keyword_index(store, settings)
    stored = store.ids_by_doc(chunks_col)
    stored_sentences = store.ids_by_doc(sentences_col)
    wanted_docs = {a.doc_id for a in articles}
    store_tokens = settings.token_states == "stored"
    stamp = tokens.stamp if tokens is not None else TOKEN_STAMP

    def encode(text: str) -> np.ndarray:
        # Loaded on first need: a sync over unchanged articles never loads the model.
        return (tokens or token_encoder()).passage(text)

    done = 0

    def show(added: int, removed: int) -> None:
        if progress:
            rate = added / max(time.perf_counter() - started, 1e-9)
            progress(f"[{done}/{len(articles)} articles] +{added} -{removed} chunks ({rate:.0f} chunks/s)")

    writer = BatchWriter(store, chunks_col, sentences_col, keyword, size=settings.write_batch, on_flush=show)
    for article in articles:
        chunks = chunk_article(article)
        have = stored.get(article.doc_id, set())
        new = [c for c in chunks if c.id not in have]
        gone = sorted(have - {c.id for c in chunks})
        sentences = {s.id: s for c in chunks for s in c.sentences}
        home: dict[str, str] = {}  # a sentence's first chunk: where a citation of it is shown
        for c in chunks:
            for sentence in c.sentences:
                home.setdefault(sentence.id, c.id)
        have_sentences = stored_sentences.get(article.doc_id, set())
        embedded = have_sentences if current else set()
        texts = [s.text for s in sentences.values()]  # article order: chunks are in order
        for at, (sid, sentence) in enumerate(sentences.items()):
            if sid not in embedded:
                meta = {"doc_id": sentence.doc_id, "chunk_id": home[sid]}
                writer.add_sentence(sid, sentence.text, meta, embed_text=with_antecedents(texts, at))
        for chunk in new:
            writer.add_chunk(chunk.id, chunk.text, _chunk_metadata(article, chunk))
        if gone:
            writer.delete_chunks(gone)
        stale_sentences = sorted(have_sentences - set(sentences))
        if stale_sentences:
            writer.delete_sentences(stale_sentences)
        if new or gone:
            report.docs_changed.append(article.doc_id)
        if store_tokens:
            t0 = time.perf_counter()
            wanted = {sid: s.text for sid, s in sentences.items()}
            store.tokens.ensure(article.doc_id, wanted, stamp=stamp, encode=encode)
            report.tokens_seconds += time.perf_counter() - t0
        done += 1
    if remove_missing:
        for doc_id in sorted(set(stored) - wanted_docs):
            writer.delete_chunks(sorted(stored[doc_id]))
            writer.delete_sentences(sorted(stored_sentences.get(doc_id, set())))
            report.docs_changed.append(doc_id)
            if progress:
                progress(f"removing {doc_id}: -{len(stored[doc_id])} chunks (file is gone)")
        store.tokens.prune(wanted_docs)
    writer.flush()
    report.chunks_added, report.chunks_removed = writer.added, writer.removed
    report.embed_seconds = writer.embed_seconds
    # Stamp the keyword file and the store alike: start-up then trusts the file without a scan. The
    # file is written last: running readers take its change as the sign of a finished build.
    keyword.stamp = uuid.uuid4().hex
    store.mark_built(complete=True, keyword_stamp=keyword.stamp, sentence_recipe=recipe)
    keyword.save(keyword_path(settings))
    report.chunks_total = store.count()
    report.seconds = time.perf_counter() - started
    return report


def build_index(
    settings: Settings,
    store: Store,
    *,
    folder: Path | None = None,
    progress: Progress | None = None,
    tokens: TokenEncoder | None = None,
) -> IndexReport:
    """Index every article in the folder; files no longer there leave the index."""
    articles, skipped = load_folder(
        folder or settings.articles_dir,
        max_bytes=settings.max_upload_bytes,
        max_html_bytes=settings.fetch_max_bytes,
    )
    for skip in skipped:
        if progress:
            progress(f"skipped {skip.path.name}: {skip.reason}")
    report = sync_articles(articles, store, settings, remove_missing=True, progress=progress, tokens=tokens)
    report.skipped = skipped
    return report


def add_files(
    paths: Sequence[Path], settings: Settings, store: Store, *, progress: Progress | None = None
) -> IndexReport:
    """Validate, copy into the articles folder and index these files; a bad file changes nothing.

    A file named like an article with other content is kept beside it under a new name; one with
    the same content changes nothing.
    """
    folder = settings.articles_dir
    loaded: list[tuple[Path, bytes, Article]] = []
    for raw in paths:
        path = Path(raw)
        check_article_name(path.name)
        if path.parent.resolve() == folder.resolve() and links_outside(folder, path):
            raise ArticleError(
                f"{path.name}: links to a file outside the articles folder; copy the file in instead."
            )
        data = read_limited(path, settings.max_upload_bytes)
        loaded.append((path, data, parse_article(data, path.name, max_bytes=settings.max_upload_bytes)))
    folder.mkdir(parents=True, exist_ok=True)
    articles: list[Article] = []
    kept_as: dict[str, str] = {}
    already: list[str] = []
    for path, data, article in loaded:
        if path.parent.resolve() == folder.resolve():
            articles.append(article)  # already the folder's own file
            continue
        name, written = keep(data, path.name, folder)
        if name != path.name:
            kept_as[path.name] = name
            article = replace(article, doc_id=name)
        if not written:
            already.append(name)
        articles.append(article)
    report = sync_articles(articles, store, settings, remove_missing=False, progress=progress)
    report.kept_as, report.already = kept_as, already
    return report
