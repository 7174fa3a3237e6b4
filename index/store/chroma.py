"""The Chroma store: an embedded folder or a Chroma server, behind one interface."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx
import numpy as np
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from bot.errors import EmbedderMismatchError, IndexMissingError, StoreUnavailableError
from index.embedding import embedder_id
from index.store.connection import connect
from index.store.records import RecordCache, StoredChunk, chunk_documents
from index.store.tokens import TokenStore

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from bot.settings import Settings

log = logging.getLogger(__name__)

WRITE_BATCH = 256
# Records kept per open store: a bound on memory (a vector is 1.5 KB, a chunk a few), not a tuned figure.
KEPT_CHUNKS = 4096
KEPT_SENTENCE_VECTORS = 16384


class Store:
    """Chunks and their sentences in two Chroma collections, embedded with our own embedder."""

    def __init__(
        self, settings: Settings, embeddings: Embeddings, *, client: ClientAPI | None = None
    ) -> None:
        self.settings = settings
        self.embeddings = embeddings
        self.embedder = embedder_id(embeddings)
        self._client = client
        self._chunks: Collection | None = None
        self._sentences: Collection | None = None
        self._vectorstore: Chroma | None = None
        self._kept_chunks: RecordCache[Document] = RecordCache(KEPT_CHUNKS)
        self._kept_vectors: RecordCache[np.ndarray] = RecordCache(KEPT_SENTENCE_VECTORS)
        self._tokens: TokenStore | None = None

    @property
    def where(self) -> str:
        """Human-readable location of the store, for messages."""
        return self.settings.chroma_url or str(self.settings.index_dir)

    @property
    def tokens(self) -> TokenStore:
        """Sentences' token states, in files beside the keyword index (with a server too)."""
        if self._tokens is None:
            self._tokens = TokenStore(
                self.settings.index_dir / f"{self.settings.collection}_tokens",
                lazy=self.settings.token_states == "lazy",
            )
        return self._tokens

    @property
    def client(self) -> ClientAPI:
        """The chromadb client, connected on first use."""
        if self._client is None:
            self._client = connect(self.settings)
        return self._client

    def _names(self) -> tuple[str, str]:
        prefix = self.settings.collection
        return f"{prefix}_chunks", f"{prefix}_sentences"

    def _call(self, what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a chromadb call, turning connection failures into a StoreUnavailableError."""
        try:
            return fn(*args, **kwargs)
        except (ConnectionError, OSError, TimeoutError, httpx.HTTPError) as exc:
            raise StoreUnavailableError(
                f"The Chroma store at {self.where} failed while {what}: {exc}. "
                "Check that it is running, then run `python -m index` again to repair."
            ) from exc

    def _listed(self, name: str) -> bool:
        names = self._call("listing collections", self.client.list_collections)
        return name in {getattr(c, "name", c) for c in names}

    def exists(self) -> bool:
        """True when the store holds an index (of any embedder)."""
        chunks_name, _ = self._names()
        if not self._listed(chunks_name):
            return False
        col = self._call("opening the index", self.client.get_collection, chunks_name)
        return bool(self._call("counting chunks", col.count))

    def open(self, *, create: bool = False) -> tuple[Collection, Collection]:
        """The chunk and sentence collections; checks they were built by this embedder."""
        if self._chunks is not None and self._sentences is not None:
            return self._chunks, self._sentences
        chunks_name, sentences_name = self._names()
        if not create and not self.exists():
            raise IndexMissingError(
                f"No index yet in {self.where}: run `python -m index` to build it from your articles."
            )
        meta = {"embedder": self.embedder}
        config = {"hnsw": {"space": "cosine", "ef_search": self.settings.ef_search}}
        chunks = self._call(
            "opening the index",
            self.client.get_or_create_collection,
            chunks_name,
            embedding_function=None,
            configuration=config,
            metadata=meta,
        )
        built_by = (chunks.metadata or {}).get("embedder")
        if built_by and built_by != self.embedder:
            raise EmbedderMismatchError(
                f"The index in {self.where} was built with {built_by}, but newsbot is set to use "
                f"{self.embedder}. Rebuild it with `python -m index --rebuild`, or set NEWSBOT_EMBEDDER "
                "back to the embedder that built it."
            )
        sentences = self._call(
            "opening the index",
            self.client.get_or_create_collection,
            sentences_name,
            embedding_function=None,
            configuration=config,
            metadata=meta,
        )
        for col in (chunks, sentences):
            self._search_width(col)
        self._chunks, self._sentences = chunks, sentences
        return chunks, sentences

    def _search_width(self, col: Collection) -> None:
        """Set an existing collection's HNSW search width to `ef_search` (it may predate the setting)."""
        hnsw = (col.configuration or {}).get("hnsw") or {}
        if hnsw.get("ef_search", self.settings.ef_search) != self.settings.ef_search:
            self._call(
                "setting the index search width",
                col.modify,
                configuration={"hnsw": {"ef_search": self.settings.ef_search}},
            )

    def drop(self) -> None:
        """Delete both collections (for a rebuild)."""
        for name in self._names():
            if self._listed(name):
                self._call("deleting the index", self.client.delete_collection, name)
        self._chunks = self._sentences = None
        self._vectorstore = None
        self.forget_records()

    def forget_records(self) -> None:
        """Drop the chunks and sentence vectors kept from earlier reads (after a write)."""
        self._kept_chunks.clear()
        self._kept_vectors.clear()

    def mark_built(self, *, complete: bool, keyword_stamp: str = "", sentence_recipe: str = "") -> None:
        """Record when the index was last built, whether that build finished, its keyword stamp, and
        how its sentences were embedded."""
        chunks, _ = self.open(create=True)
        meta = {
            "embedder": self.embedder,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "complete": complete,
            "keyword_stamp": keyword_stamp,
            "sentence_recipe": sentence_recipe,
        }
        self._call("recording the build", chunks.modify, metadata=meta)

    def build_info(self) -> dict[str, Any]:
        """Collection metadata: embedder, built_at, complete."""
        chunks, _ = self.open()
        return dict(chunks.metadata or {})

    def build_stamp(self) -> str:
        """The last build's record as the store holds it now (not as this object first read it)."""
        chunks_name, _ = self._names()
        if not self._listed(chunks_name):
            return ""
        meta = self._call("opening the index", self.client.get_collection, chunks_name).metadata or {}
        return f"{meta.get('built_at')}|{meta.get('complete')}|{meta.get('keyword_stamp')}"

    def started_build_info(self) -> dict[str, Any]:
        """Build metadata of the chunk collection even when it holds nothing yet (a first build that
        stopped before its first write); {} when there is no collection."""
        chunks_name, _ = self._names()
        if not self._listed(chunks_name):
            return {}
        col = self._call("opening the index", self.client.get_collection, chunks_name)
        return dict(col.metadata or {})

    def upsert(
        self,
        collection: Collection,
        ids: Sequence[str],
        texts: Sequence[str],
        vectors: Sequence[Sequence[float]],
        metadatas: Sequence[dict[str, Any]],
    ) -> None:
        """Write records in batches of at most WRITE_BATCH."""
        self.forget_records()
        for i in range(0, len(ids), WRITE_BATCH):
            self._call(
                "writing chunks",
                collection.upsert,
                ids=list(ids[i : i + WRITE_BATCH]),
                documents=list(texts[i : i + WRITE_BATCH]),
                embeddings=[list(v) for v in vectors[i : i + WRITE_BATCH]],
                metadatas=list(metadatas[i : i + WRITE_BATCH]),
            )

    def delete(self, collection: Collection, ids: Sequence[str]) -> None:
        """Delete records by id, in batches."""
        self.forget_records()
        for i in range(0, len(ids), WRITE_BATCH):
            self._call("deleting chunks", collection.delete, ids=list(ids[i : i + WRITE_BATCH]))

    def iter_chunks(self, *, page: int = 2000) -> Iterator[StoredChunk]:
        """Every stored chunk with text and metadata, page by page."""
        chunks, _ = self.open()
        offset = 0
        while True:
            got = self._call(
                "reading chunks", chunks.get, include=["documents", "metadatas"], limit=page, offset=offset
            )
            ids = got["ids"]
            if not ids:
                return
            docs = got["documents"] or []
            metas = got["metadatas"] or []
            for cid, text, meta in zip(ids, docs, metas, strict=True):
                yield StoredChunk(id=cid, text=text or "", metadata=dict(meta or {}))
            offset += len(ids)

    def ids_by_doc(self, collection: Collection) -> dict[str, set[str]]:
        """Stored record ids grouped by doc_id."""
        out: dict[str, set[str]] = {}
        offset = 0
        while True:
            got = self._call("reading ids", collection.get, include=["metadatas"], limit=5000, offset=offset)
            if not got["ids"]:
                return out
            for rid, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
                out.setdefault(str((meta or {}).get("doc_id", "")), set()).add(rid)
            offset += len(got["ids"])

    def chunk_ids(self, *, page: int = 5000) -> set[str]:
        """Ids of every stored chunk."""
        chunks, _ = self.open()
        out: set[str] = set()
        offset = 0
        while True:
            got = self._call("reading ids", chunks.get, include=[], limit=page, offset=offset)
            if not got["ids"]:
                return out
            out.update(got["ids"])
            offset += len(got["ids"])

    def count(self) -> int:
        """Number of stored chunks."""
        chunks, _ = self.open()
        return int(self._call("counting chunks", chunks.count))

    def vectorstore(self) -> Chroma:
        """The chunk collection as a LangChain vector store using our embeddings (made once)."""
        if self._vectorstore is None:
            chunks_name, _ = self._names()
            self.open()
            # Built once: constructing it reads Chroma settings, ~20 ms, too slow per query.
            self._vectorstore = Chroma(
                client=self.client, collection_name=chunks_name, embedding_function=self.embeddings
            )
        return self._vectorstore

    def search(self, vector: Sequence[float], k: int) -> list[tuple[Document, float]]:
        """The k chunks nearest a query vector, with cosine similarity."""
        chunks, _ = self.open()
        # Ids and distances only: the chunks themselves are mostly kept from earlier questions.
        got = self._call(
            "searching", chunks.query, query_embeddings=[list(vector)], n_results=k, include=["distances"]
        )
        ids, distances = got["ids"][0], (got["distances"] or [[]])[0]
        docs = {str(doc.id): doc for doc in self.get_chunks(ids)}
        return [(docs[cid], 1.0 - float(d)) for cid, d in zip(ids, distances, strict=True) if cid in docs]

    def get_chunks(self, ids: Sequence[str]) -> list[Document]:
        """Chunks by id as Documents, in the order asked (missing ids are left out)."""
        if not ids:
            return []
        chunks, _ = self.open()

        def read(missing: list[str]) -> list[tuple[str, Document]]:
            got = self._call("reading chunks", chunks.get, ids=missing, include=["documents", "metadatas"])
            return [(str(doc.id), doc) for doc in chunk_documents(got)]

        return list(self._kept_chunks.fetch(ids, read).values())

    def search_sentences(self, vector: Sequence[float], k: int) -> list[tuple[str, str, float]]:
        """The k sentences nearest a query vector: (sentence id, chunk id, cosine similarity)."""
        _, sentences = self.open()
        got = self._call(
            "searching sentences",
            sentences.query,
            query_embeddings=[list(vector)],
            n_results=k,
            include=["metadatas", "distances"],
        )
        ids = got["ids"][0]
        metas = (got["metadatas"] or [[]])[0]
        distances = (got["distances"] or [[]])[0]
        return [
            (sid, str((meta or {}).get("chunk_id", "")), 1.0 - float(dist))
            for sid, meta, dist in zip(ids, metas, distances, strict=True)
        ]

    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored embeddings of sentences by id."""
        if not ids:
            return {}
        _, sentences = self.open()

        def read(missing: list[str]) -> list[tuple[str, np.ndarray]]:
            got = self._call("reading sentences", sentences.get, ids=missing, include=["embeddings"])
            vectors = got["embeddings"]
            if vectors is None:
                return []
            out = []
            for sid, vec in zip(got["ids"], vectors, strict=True):
                kept = np.array(vec, dtype=np.float32)
                kept.setflags(write=False)  # shared by every question that reads it
                out.append((sid, kept))
            return out

        return self._kept_vectors.fetch(ids, read)
