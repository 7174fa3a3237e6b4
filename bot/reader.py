"""Read the retrieved passages: every sentence scored on how well it answers the question."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from langchain_core.documents import Document

from bot.aliases import alias_keys, aliases
from bot.answer_spans import novel_answer
from bot.cues import DATE_RE, question_type
from bot.matching import Term, ask_clause, coverage, matched, question_terms, text_keys
from bot.retrieval import Evidence
from index.discourse import chain_start
from index.store import Store, decode_spans
from index.text import tokenize

# How much each signal counts. Dense similarity is read both against the embedder's band and
# against the best sentence for this question: e5 puts every on-topic sentence in a narrow band.
W_DENSE, W_RELATIVE, W_LEXICAL, W_CONTEXT, W_CUE, W_RANK = 0.25, 0.1, 0.45, 0.1, 0.25, 0.02
W_CONSTRAINT = 0.25
# A "when", "how many" or "where" question is not answered by a sentence with no date, number or place.
W_NO_ANSWER = 0.15
_TYPED = frozenset({"date", "count", "number", "place"})
# Long sentences match many words by chance: past LONG_SENTENCE words each costs W_LENGTH.
LONG_SENTENCE, W_LENGTH = 30, 0.003
RELATIVE_SPAN = 0.08
# How many sentences before a candidate, within its chunk, may carry the date the question names.
SCENE = 3
# Cosine bands differ by model: e5's sit in a narrow high band (~0.72-0.92), MiniLM's spread wide and low.
E5_BAND = (0.72, 0.2)
OTHER_BAND = (0.15, 0.5)
# "New Delhi [India], November 26 (ANI): " dates the report, not the event asked about.
DATELINE_RE = re.compile(r"^[^:.।]{2,60}\((?:ANI|PTI|IANS|Reuters|AFP)\):\s*|^[^,.।]{2,30}, \d{1,2} \S+ \. ")


def dense_band(embedder: str) -> tuple[float, float]:
    """(floor, span) that maps this embedder's cosine similarities onto 0-1."""
    return E5_BAND if "e5" in embedder.casefold() else OTHER_BAND


@dataclass
class Candidate:
    """A sentence from a retrieved chunk, with the signals that score it as an answer."""

    text: str
    chunk: Document
    span: tuple[int, int]
    rank: int
    context: str = ""
    scene: str = ""  # the sentences before it in its chunk, where a paragraph's date is often set
    follow: tuple[int, int] | None = None  # the next sentence's span in the same chunk, if any
    cosine: float = 0.0
    dense: float = 0.0
    lexical: float = 0.0
    in_context: float = 0.0
    cue: float = 0.0
    penalty: float = 0.0
    score: float = 0.0


def constraint_terms(terms: list[Term], *, premises: bool = False) -> list[Term]:
    """Dates, weekdays and numbers in the question: the answer sentence must share one of them.

    A premise's dates ("Modi visited in July 2024; how many ...", "before his November trip") set
    the scene and bind nothing, unless `premises` asks for every date and number the question names.
    """
    return [
        t
        for t in terms
        if (DATE_RE.fullmatch(t.word) or any(ch.isdigit() for ch in t.word)) and (premises or not t.premise)
    ]


def context_before(text: str, spans: list[tuple[int, int]], at: int) -> str:
    """The sentences a chunk's sentence `at` may lean on (see index.discourse.chain_start)."""
    if at == 0:
        return ""
    first = chain_start([text[start:end] for start, end in spans], at)
    return text[spans[first][0] : spans[at - 1][1]]


def asked_vector(evidence: Evidence, store: Store) -> np.ndarray:
    """The query vector sentences are read against: of what is asked, past a premise ("X; when did Y?").

    The whole question found the articles; the premise names an event, so a sentence restating it
    would otherwise look like the answer.
    """
    asked = ask_clause(evidence.query)
    if asked == evidence.query:
        return evidence.vector
    return np.asarray(store.embeddings.embed_query(asked), dtype=np.float32)


def _gather(evidence: Evidence) -> tuple[list[Candidate], list[str]]:
    """Each sentence of the retrieved chunks once, with the sentence before it as context."""
    out: list[Candidate] = []
    ids: list[str] = []

    def add(sid: str, chunk: Document, rank: int) -> None:
        meta = chunk.metadata
        sentence_ids = json.loads(str(meta.get("sentence_ids", "[]")))
        if sid not in sentence_ids:
            return
        spans = decode_spans(meta.get("sentence_spans"))
        at = sentence_ids.index(sid)
        context = context_before(chunk.page_content, spans, at)
        scene = chunk.page_content[spans[max(at - SCENE, 0)][0] : spans[at - 1][1]] if at > 0 else ""
        follow = spans[at + 1] if at + 1 < len(spans) else None
        if sid in ids:
            # Overlapping chunks share a sentence: keep its best-ranked copy, but a chunk that opens
            # with it has no sentence before it, and another copy may.
            kept = out[ids.index(sid)]
            kept.context = kept.context or context
            kept.scene = kept.scene if len(kept.scene) >= len(scene) else scene
            return
        start, end = spans[at]
        text = chunk.page_content[start:end]
        cand = Candidate(
            text=text, chunk=chunk, span=(start, end), rank=rank, context=context, scene=scene, follow=follow
        )
        out.append(cand)
        ids.append(sid)

    for rank, (sid, chunk, _score) in enumerate(evidence.sentences):
        add(sid, chunk, rank)
    for rank, hit in enumerate(evidence.hits):
        for sid in json.loads(str(hit.doc.metadata.get("sentence_ids", "[]"))):
            add(sid, hit.doc, rank)
    return out, ids


def candidates(
    evidence: Evidence,
    store: Store,
    idf: Callable[[str], float],
    known: Callable[[str], bool] | None = None,
    *,
    terms: list[Term] | None = None,
) -> list[Candidate]:
    """Every sentence of the retrieved chunks, scored against the question, best first.

    `terms` are the query's question_terms when the caller already has them.
    """
    out, ids = _gather(evidence)
    if not out:
        return []
    vectors = store.sentence_vectors(ids)
    kind = question_type(evidence.query)
    floor, span = dense_band(store.embedder)
    terms = terms if terms is not None else question_terms(evidence.query, idf, known)
    constraints = constraint_terms(terms)
    asked = asked_vector(evidence, store)
    for cand, sid in zip(out, ids, strict=True):
        vec = vectors.get(sid)
        cand.cosine = float(vec @ asked) if vec is not None else 0.0
    best_cosine = max(c.cosine for c in out)
    by_doc: dict[str, list[str]] = {}
    for cand in out:
        by_doc.setdefault(_doc_of(cand), []).append(cand.text)
    titles = {doc: aliases(texts) for doc, texts in by_doc.items()}
    for cand in out:
        body = DATELINE_RE.sub("", cand.text)
        known_titles = titles[_doc_of(cand)]
        keys = text_keys(body) | alias_keys(body, known_titles)
        cand.dense = float(np.clip((cand.cosine - floor) / span, 0.0, 1.0))
        relative = float(np.clip(1.0 + (cand.cosine - best_cosine) / RELATIVE_SPAN, 0.0, 1.0))
        cand.lexical = coverage(terms, keys)
        # The sentence before, for a sentence that answers what its neighbour set up.
        context_keys = text_keys(cand.context) | alias_keys(cand.context, known_titles)
        cand.in_context = coverage(terms, keys | context_keys)
        cand.cue = novel_answer(kind, body, evidence.query)
        # "इस दौरे पर ..." ("on this trip") takes its date from the sentence before.
        # A paragraph sets its date once ("On November 18, ... The parties discussed ... were also
        # touched upon"): a date asked about may be a few sentences up, in the same chunk.
        dated = keys | text_keys(cand.scene)  # the scene holds the context, and more
        if constraints and not any(matched(t, dated) for t in constraints):
            cand.penalty = W_CONSTRAINT  # "on Monday" rules out sentences about other days
        if kind in _TYPED and cand.cue == 0.0:
            cand.penalty += W_NO_ANSWER
        length = max(0, len(body.split()) - LONG_SENTENCE) * W_LENGTH
        cand.score = (
            W_DENSE * cand.dense
            + W_RELATIVE * relative
            + W_LEXICAL * cand.lexical
            + W_CONTEXT * cand.in_context
            + W_CUE * cand.cue
            + W_RANK / (1 + cand.rank)
            - cand.penalty
            - length
        )
    return sorted(out, key=lambda c: c.score, reverse=True)


def _doc_of(cand: Candidate) -> str:
    return str(cand.chunk.metadata.get("doc_id", ""))


def sentence_tokens(text: str) -> set[str]:
    """Word tokens of a sentence, for near-duplicate checks between chosen sentences."""
    return set(tokenize(text))
