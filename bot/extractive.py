"""Answer without an LLM: pick the one to three sentences that best answer, cite them as [n]."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from langchain_core.documents import Document

from bot.citations import format_marker
from bot.cues import DATE_RE, has_cue, question_type
from bot.prompts import abstain_text
from bot.retrieval import Evidence, jaccard
from bot.schema import Answer, Source
from index.store import Store, decode_spans
from index.text import script_of, tokenize, words
from index.translit import skeleton

W_DENSE, W_LEXICAL, W_CUE, W_RANK = 0.5, 0.3, 0.12, 0.08
W_CONSTRAINT = 0.25
# Cosine bands differ by model: e5's sit in a narrow high band (~0.72-0.92), MiniLM's spread wide and low.
E5_BAND = (0.72, 0.2)
OTHER_BAND = (0.15, 0.5)


def dense_band(embedder: str) -> tuple[float, float]:
    """(floor, span) that maps this embedder's cosine similarities onto 0-1."""
    return E5_BAND if "e5" in embedder.casefold() else OTHER_BAND


MAX_SENTENCES = 3
EXTRA_RATIO = 0.85
_QUESTION_WORDS = {
    "when",
    "who",
    "whom",
    "whose",
    "what",
    "which",
    "where",
    "why",
    "how",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "will",
    "can",
    "has",
    "have",
    "the",
}


@dataclass
class Candidate:
    """A sentence from a retrieved chunk, with its evidence score."""

    text: str
    chunk: Document
    span: tuple[int, int]
    rank: int
    dense: float = 0.0
    lexical: float = 0.0
    cue: float = 0.0
    score: float = 0.0


def _term_keys(text: str) -> tuple[set[str], set[str]]:
    tokens = tokenize(text)
    return set(tokens), {k for k in map(skeleton, tokens) if len(k) >= 3}


def term_weights(question: str, idf: Callable[[str], float]) -> dict[str, float]:
    """The question's key terms weighted by rarity in the corpus (by word, else by skeleton)."""
    weights: dict[str, float] = {}
    for token in tokenize(question):
        key = skeleton(token)
        word_idf = idf(token)
        key_idf = idf(f"~{key}") if len(key) >= 3 else word_idf
        weights[token] = min(word_idf, key_idf)
    return weights


def lexical_overlap(weights: dict[str, float], sentence: str) -> float:
    """Weighted share of the question's key terms found in the sentence, by word or skeleton."""
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    exact, keys = _term_keys(sentence)
    found = 0.0
    for token, weight in weights.items():
        key = skeleton(token)
        if token in exact or (len(key) >= 3 and key in keys):
            found += weight
    return found / total


def constraint_terms(question: str) -> list[str]:
    """Dates, weekdays and numbers in the question: the answer sentence must share them."""
    return [t for t in tokenize(question) if DATE_RE.fullmatch(t) or any(ch.isdigit() for ch in t)]


def named_terms(question: str) -> list[str]:
    """Capitalised words inside an English question: names the answer must mention."""
    found = []
    for i, word in enumerate(words(question)):
        if i == 0 or not word[:1].isupper() or word.casefold() in _QUESTION_WORDS:
            continue
        found.append(word.casefold())
    return found


def candidates(evidence: Evidence, store: Store, idf: Callable[[str], float]) -> list[Candidate]:
    """Every sentence of the retrieved chunks, scored against the question."""
    out: list[Candidate] = []
    ids: list[str] = []
    for rank, hit in enumerate(evidence.hits):
        meta = hit.doc.metadata
        sentence_ids = json.loads(str(meta.get("sentence_ids", "[]")))
        for sid, (start, end) in zip(sentence_ids, decode_spans(meta.get("sentence_spans")), strict=False):
            if sid in ids:  # overlapping chunks share a sentence: keep its best-ranked copy
                continue
            text = hit.doc.page_content[start:end]
            out.append(Candidate(text=text, chunk=hit.doc, span=(start, end), rank=rank))
            ids.append(sid)
    vectors = store.sentence_vectors(ids)
    kind = question_type(evidence.query)
    floor, span = dense_band(store.embedder)
    weights = term_weights(evidence.query, idf)
    constraints = constraint_terms(evidence.query)
    for cand, sid in zip(out, ids, strict=True):
        vec = vectors.get(sid)
        cos = float(vec @ evidence.vector) if vec is not None else 0.0
        cand.dense = cos
        dense = float(np.clip((cos - floor) / span, 0.0, 1.0))
        cand.lexical = lexical_overlap(weights, cand.text)
        cand.cue = has_cue(kind, cand.text)
        penalty = 0.0
        if constraints and lexical_overlap(dict.fromkeys(constraints, 1.0), cand.text) == 0.0:
            penalty = W_CONSTRAINT  # "on Monday" rules out sentences about other days
        cand.score = (
            W_DENSE * dense + W_LEXICAL * cand.lexical + W_CUE * cand.cue + W_RANK / (1 + cand.rank) - penalty
        )
    return sorted(out, key=lambda c: c.score, reverse=True)


def _select(ranked: list[Candidate]) -> list[Candidate]:
    """The best sentence plus up to two close runners-up that add something new."""
    chosen = [ranked[0]]
    for cand in ranked[1:]:
        if len(chosen) >= MAX_SENTENCES or cand.score < EXTRA_RATIO * ranked[0].score:
            break
        tokens = set(tokenize(cand.text))
        if any(jaccard(tokens, set(tokenize(c.text))) >= 0.5 for c in chosen):
            continue
        chosen.append(cand)
    return chosen


def to_source(n: int, cand: Candidate) -> Source:
    """A numbered Source for a chosen sentence."""
    meta = cand.chunk.metadata
    return Source(
        n=n,
        doc_id=str(meta.get("doc_id", "")),
        title=str(meta.get("title", "")),
        published=str(meta.get("published") or "") or None,
        language=str(meta.get("language", "")),
        publisher=str(meta.get("publisher") or "") or None,
        snippet=cand.text,
        passage=cand.chunk.page_content,
        snippet_start=cand.span[0],
        snippet_end=cand.span[1],
        chunk_id=str(cand.chunk.id or ""),
        score=round(cand.score, 4),
    )


def missing_names(question: str, evidence: Evidence) -> list[str]:
    """Names in the question that no retrieved passage mentions in any script."""
    passages = " ".join(h.doc.page_content for h in evidence.hits)
    exact, keys = _term_keys(passages)
    missing = []
    for name in named_terms(question):
        key = skeleton(name)
        if name not in exact and not (len(key) >= 3 and key in keys):
            missing.append(name)
    return missing


def compose(
    question: str, evidence: Evidence, store: Store, *, idf: Callable[[str], float], threshold: float
) -> Answer:
    """The extractive answer: cited sentences, or an abstention with the closest matches."""
    language = "hi" if script_of(question) == "hi" else "en"
    ranked = candidates(evidence, store, idf) if evidence.hits else []
    weak = not ranked or ranked[0].score < threshold or bool(missing_names(question, evidence))
    if weak:
        closest = [to_source(i, c) for i, c in enumerate(ranked[:3], 1)]
        return Answer(question=question, text=abstain_text(language), abstained=True, closest=closest)
    chosen = _select(ranked)
    sources = [to_source(i, c) for i, c in enumerate(chosen, 1)]
    text = " ".join(f"{c.text} {format_marker(s.n)}" for c, s in zip(chosen, sources, strict=True))
    return Answer(question=question, text=text, sources=sources)
