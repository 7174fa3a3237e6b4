"""Records as read from the store: chunks as Documents, sentence spans, and those already read, kept.

Each read from Chroma costs milliseconds, most of it per record (about 50 µs a sentence vector here),
while the questions of one conversation keep landing on the same articles. So an open store keeps
what it has read. Ids are content hashes, every build reopens the store (a new `Store`, so a new
cache) and the store's own writes clear it: a kept record is never stale.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from langchain_core.documents import Document

V = TypeVar("V")


class RecordCache(Generic[V]):
    """The most recently used `limit` records by id; safe to share between threads."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._items: OrderedDict[str, V] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def fetch(self, ids: Sequence[str], read: Callable[[list[str]], Iterable[tuple[str, V]]]) -> dict[str, V]:
        """Records by id: kept ones from memory, the rest by one `read` of the missing ids."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, V] = {}
        with self._lock:
            for rid in wanted:
                if rid in self._items:
                    self._items.move_to_end(rid)
                    found[rid] = self._items[rid]
        missing = [rid for rid in wanted if rid not in found]
        if missing:
            fresh = dict(read(missing))
            found.update(fresh)
            with self._lock:
                self._items.update(fresh)
                while len(self._items) > self._limit:
                    self._items.popitem(last=False)
        return {rid: found[rid] for rid in wanted if rid in found}

    def clear(self) -> None:
        """Forget every record (the store was written to)."""
        with self._lock:
            self._items.clear()


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as read back from the store."""

    id: str
    text: str
    metadata: dict[str, Any]


def encode_spans(spans: Sequence[tuple[int, int]]) -> str:
    """Sentence spans as a metadata string (Chroma metadata values must be scalars)."""
    return json.dumps([list(s) for s in spans])


def decode_spans(value: object) -> list[tuple[int, int]]:
    """Inverse of encode_spans."""
    if not isinstance(value, str) or not value:
        return []
    return [(int(a), int(b)) for a, b in json.loads(value)]


def chunk_documents(got: dict[str, Any]) -> list[Document]:
    """LangChain Documents from a chromadb get() result."""
    docs = []
    for cid, text, meta in zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True):
        docs.append(Document(id=cid, page_content=text or "", metadata=dict(meta or {})))
    return docs
