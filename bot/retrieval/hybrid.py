"""Hybrid retrieval: dense search in Chroma plus BM25, fused by reciprocal rank, near-duplicates collapsed."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.store import KeywordIndex, Store
from index.text import tokenize

RRF_K = 60
DUPLICATE_JACCARD = 0.6


@dataclass
class Hit:
    """One retrieved chunk with the scores that ranked it."""

    doc: Document
    dense: float = 0.0
    keyword: float = 0.0
    fused: float = 0.0


@dataclass
class Evidence:
    """What retrieval found for a query, and the query's vector for later sentence scoring."""

    query: str
    vector: np.ndarray
    hits: list[Hit] = field(default_factory=list)
    # Sentences found directly by dense search, with the chunk each one is shown in.
    sentences: list[tuple[str, Document, float]] = field(default_factory=list)


def jaccard(a: set[str], b: set[str]) -> float:
    """Overlap of two token sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def collapse_duplicates(
    hits: list[Hit], threshold: float = DUPLICATE_JACCARD, *, limit: int | None = None
) -> list[Hit]:
    """Drop hits whose text nearly repeats a better-ranked hit (one wire story in two outlets).

    Stops once `limit` hits are kept: tokenizing every candidate chunk cost more than the search.
    """
    kept: list[Hit] = []
    token_sets: list[set[str]] = []
    for hit in hits:
        if limit is not None and len(kept) >= limit:
            break
        tokens = set(tokenize(hit.doc.page_content))
        if any(jaccard(tokens, other) >= threshold for other in token_sets):
            continue
        kept.append(hit)
        token_sets.append(tokens)
    return kept


class HybridRetriever(BaseRetriever):
    """Dense + BM25 retrieval over the newsbot store, as a LangChain retriever."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Store
    keyword: KeywordIndex
    k: int = 6
    candidates: int = 20
    sentence_k: int = 24

    def search(self, query: str) -> Evidence:
        """Retrieve and fuse; hits are best first, at most k, duplicates collapsed."""
        vector = np.asarray(self.store.embeddings.embed_query(query), dtype=np.float32)
        dense = self.store.search(vector.tolist(), k=self.candidates)
        lexical = self.keyword.search(query, k=self.candidates)
        # Sentences too: finer-grained than chunks, and cross-lingual where chunks are not.
        found = self.store.search_sentences(vector.tolist(), k=self.sentence_k)
        hits: dict[str, Hit] = {}
        for rank, (doc, score) in enumerate(dense):
            cid = str(doc.id)
            hits[cid] = Hit(doc=doc, dense=score, fused=1.0 / (RRF_K + rank + 1))
        # Chunks only the keyword index or the sentence search found, read in one call: each read
        # from the store costs milliseconds whatever it holds.
        lexical_only = {cid for cid, _ in lexical if cid not in hits}
        sentence_only = {cid for _, cid, _ in found if cid and cid not in hits}
        fetched = self.store.get_chunks(sorted(lexical_only | sentence_only))
        for doc in fetched:
            if str(doc.id) in lexical_only:
                hits[str(doc.id)] = Hit(doc=doc)
        for rank, (cid, score) in enumerate(lexical):
            if cid in hits:
                hits[cid].keyword = score
                hits[cid].fused += 1.0 / (RRF_K + rank + 1)
        chunks = {cid: hit.doc for cid, hit in hits.items()} | {str(doc.id): doc for doc in fetched}
        ranked = collapse_duplicates(sorted(hits.values(), key=lambda h: h.fused, reverse=True), limit=self.k)
        sentences = [(sid, chunks[cid], score) for sid, cid, score in found if cid in chunks]
        return Evidence(query=query, vector=vector, hits=ranked, sentences=sentences)

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        docs = []
        for hit in self.search(query).hits:
            meta = {**hit.doc.metadata, "score": hit.fused, "dense": hit.dense, "keyword": hit.keyword}
            docs.append(Document(id=hit.doc.id, page_content=hit.doc.page_content, metadata=meta))
        return docs
