"""Candidate sentences: every sentence of the retrieved chunks once, with where it was found."""

from __future__ import annotations

import json
from dataclasses import dataclass

from langchain_core.documents import Document

from bot.retrieval import Evidence, Hit
from index.store import decode_spans
from index.text import chain_start

# Rank given to a sentence that the sentence-level dense search did not return.
NOT_FOUND = 99


@dataclass
class Candidate:
    """A sentence from a retrieved chunk, with the signals the model reads and its score."""

    sid: str
    text: str
    chunk: Document
    span: tuple[int, int]
    rank: int  # best rank of a chunk that holds it (NOT_FOUND: only found by sentence search)
    dense_rank: int = NOT_FOUND  # rank among the sentence-level dense hits
    context: str = ""  # the sentences it leans on (index.text.discourse), when it leans back
    follow: tuple[int, int] | None = None  # the next sentence's span in the same chunk, if any
    neighbours: tuple[str, ...] = ()  # ids of the sentences right before and after it in its chunk
    chunk_dense: float | None = None  # cosine of its best retrieved chunk (None: found by sentence only)
    chunk_keyword: float = 0.0  # BM25 score of its best retrieved chunk
    cosine: float = 0.0
    score: float = 0.0  # the model's probability that this sentence holds the answer

    @property
    def doc_id(self) -> str:
        """The article the sentence comes from."""
        return str(self.chunk.metadata.get("doc_id", ""))

    @property
    def language(self) -> str:
        """The article's language ('en' or 'hi')."""
        return str(self.chunk.metadata.get("language", ""))


def context_before(text: str, spans: list[tuple[int, int]], at: int) -> str:
    """The sentences a chunk's sentence `at` may lean on (see index.text.discourse.chain_start)."""
    if at == 0:
        return ""
    first = chain_start([text[start:end] for start, end in spans], at)
    return text[spans[first][0] : spans[at - 1][1]]


def gather(evidence: Evidence) -> list[Candidate]:
    """Each sentence of the retrieved chunks once, dense sentence hits first, then by chunk rank."""
    out: dict[str, Candidate] = {}
    dense_ranks = {sid: rank for rank, (sid, _chunk, _score) in enumerate(evidence.sentences)}

    def add(sid: str, chunk: Document, rank: int, hit: Hit | None = None) -> None:
        meta = chunk.metadata
        sentence_ids = json.loads(str(meta.get("sentence_ids", "[]")))
        if sid not in sentence_ids:
            return
        spans = decode_spans(meta.get("sentence_spans"))
        at = sentence_ids.index(sid)
        context = context_before(chunk.page_content, spans, at)
        near = tuple(sentence_ids[i] for i in (at - 1, at + 1) if 0 <= i < len(sentence_ids))
        kept = out.get(sid)
        if kept is not None:
            # Overlapping chunks share a sentence: keep its best-ranked copy, but a chunk that opens
            # with it has no sentence before it, and another copy may.
            kept.context = kept.context or context
            kept.neighbours = tuple(dict.fromkeys(kept.neighbours + near))
            kept.rank = min(kept.rank, rank)
            if hit is not None:
                kept.chunk_dense = max(kept.chunk_dense or 0.0, hit.dense)
                kept.chunk_keyword = max(kept.chunk_keyword, hit.keyword)
            return
        start, end = spans[at]
        out[sid] = Candidate(
            sid=sid,
            text=chunk.page_content[start:end],
            chunk=chunk,
            span=(start, end),
            rank=rank,
            dense_rank=dense_ranks.get(sid, NOT_FOUND),
            context=context,
            follow=spans[at + 1] if at + 1 < len(spans) else None,
            neighbours=near,
            chunk_dense=hit.dense if hit is not None else None,
            chunk_keyword=hit.keyword if hit is not None else 0.0,
        )

    for sid, chunk, _score in evidence.sentences:
        add(sid, chunk, NOT_FOUND)
    for rank, hit in enumerate(evidence.hits):
        for sid in json.loads(str(hit.doc.metadata.get("sentence_ids", "[]"))):
            add(sid, hit.doc, rank, hit)
    return list(out.values())
