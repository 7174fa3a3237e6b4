"""Batched writes for a build: records from many articles go to the store a few hundred at a time."""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from index.store.chroma import WRITE_BATCH, Store
from index.store.keyword import KeywordIndex

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection


# Vectors of the texts embedded most recently in a build, by content hash. Repeats sit close together
# (a sentence copied down a page, overlapping windows of one, wire copy in a batch of articles), so
# a few thousand (about 1.5 kB each) catch them without holding a large build's vectors in memory.
EMBED_CACHE_ENTRIES = 4096


class EmbeddingCache:
    """Text -> vector for recently embedded texts: identical texts are embedded once."""

    def __init__(self, capacity: int = EMBED_CACHE_ENTRIES) -> None:
        self.capacity = capacity
        self._vectors: OrderedDict[bytes, np.ndarray] = OrderedDict()

    def embed(self, texts: list[str], embed: Callable[[list[str]], list[list[float]]]) -> list[list[float]]:
        """Vectors for texts, calling `embed` only for distinct texts not seen recently."""
        keys = [hashlib.sha256(t.encode("utf-8", "surrogatepass")).digest() for t in texts]
        wanted: dict[bytes, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in self._vectors:
                wanted.setdefault(key, text)
        found = {key: self._vectors[key] for key in keys if key in self._vectors}
        if wanted:
            vectors = embed(list(wanted.values()))
            for key, new in zip(wanted, vectors, strict=True):
                found[key] = np.asarray(new, dtype=np.float32)
        for key, vector in found.items():
            self._vectors[key] = vector
            self._vectors.move_to_end(key)
        while len(self._vectors) > self.capacity:
            self._vectors.popitem(last=False)
        return [found[key].tolist() for key in keys]


@dataclass
class _Records:
    """Records waiting for one collection."""

    ids: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    metadatas: list[dict[str, Any]] = field(default_factory=list)
    embed: list[str] = field(default_factory=list)  # what is embedded, when it differs from the text

    def __len__(self) -> int:
        return len(self.ids)

    def take(self) -> tuple[list[str], list[str], list[dict[str, Any]], list[str]]:
        """Hand over the waiting records (ids, texts, metadatas, texts to embed) and start empty."""
        out = (self.ids, self.texts, self.metadatas, self.embed or self.texts)
        self.ids, self.texts, self.metadatas, self.embed = [], [], [], []
        return out


@dataclass
class BatchWriter:
    """Collects new chunks, new sentences and deletions; writes them in batches of `size`.

    Order inside a flush matters for repair after a crash: sentences, then chunks, then the keyword
    index, then deletions. Ids are content hashes, so a re-run finds exactly what is missing.
    """

    store: Store
    chunks: Collection
    sentences: Collection
    keyword: KeywordIndex
    size: int = WRITE_BATCH
    on_flush: Callable[[int, int], None] | None = None
    added: int = 0
    removed: int = 0
    embed_seconds: float = 0.0
    cache: EmbeddingCache = field(default_factory=EmbeddingCache)
    _chunks: _Records = field(default_factory=_Records)
    _sentences: _Records = field(default_factory=_Records)
    _gone_chunks: list[str] = field(default_factory=list)
    _gone_sentences: list[str] = field(default_factory=list)

    def add_chunk(self, chunk_id: str, text: str, metadata: dict[str, Any]) -> None:
        """Queue a new chunk."""
        self._chunks.ids.append(chunk_id)
        self._chunks.texts.append(text)
        self._chunks.metadatas.append(metadata)
        self._flush_if_full()

    def add_sentence(
        self, sentence_id: str, text: str, metadata: dict[str, Any], *, embed_text: str | None = None
    ) -> None:
        """Queue a new sentence; `embed_text` (the sentence with what it leans on) is what gets embedded."""
        self._sentences.ids.append(sentence_id)
        self._sentences.texts.append(text)
        self._sentences.metadatas.append(metadata)
        self._sentences.embed.append(embed_text or text)
        self._flush_if_full()

    def delete_chunks(self, ids: list[str]) -> None:
        """Queue chunks to remove."""
        self._gone_chunks.extend(ids)
        self._flush_if_full()

    def delete_sentences(self, ids: list[str]) -> None:
        """Queue sentences to remove."""
        self._gone_sentences.extend(ids)
        self._flush_if_full()

    def flush(self) -> None:
        """Write everything queued."""
        if len(self._sentences):
            ids, texts, metas, embed = self._sentences.take()
            self.store.upsert(self.sentences, ids, texts, self._embed(embed), metas)
        new_chunks = len(self._chunks)
        if new_chunks:
            ids, texts, metas, _ = self._chunks.take()
            self.store.upsert(self.chunks, ids, texts, self._embed(texts), metas)
            self.keyword.add(ids, texts)
            self.added += new_chunks
        gone = len(self._gone_chunks)
        if gone:
            ids, self._gone_chunks = self._gone_chunks, []
            self.store.delete(self.chunks, ids)
            self.keyword.remove(ids)
            self.removed += gone
        if self._gone_sentences:
            ids, self._gone_sentences = self._gone_sentences, []
            self.store.delete(self.sentences, ids)
        if self.on_flush and (new_chunks or gone):
            self.on_flush(self.added, self.removed)

    def _flush_if_full(self) -> None:
        waiting = max(
            len(self._chunks), len(self._sentences), len(self._gone_chunks), len(self._gone_sentences)
        )
        if waiting >= self.size:
            self.flush()

    def _embed(self, texts: list[str]) -> list[list[float]]:
        started = time.perf_counter()
        vectors = self.cache.embed(texts, self.store.embeddings.embed_documents)
        self.embed_seconds += time.perf_counter() - started
        return vectors
