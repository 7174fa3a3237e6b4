"""Token alignment: how closely a sentence's word pieces match each question term in e5's token space.

In: the question's token states (index.embedding.tokens), its terms, and each candidate sentence's
stored token states. Out: per candidate and per layer, the rarity-weighted mean over terms of each
term's best cosine with any piece of the sentence ("cover"), and the weakest term's ("worst"). It
compares words across scripts where shared words cannot: "ambassador" meets "राजदूत" at 0.75.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.reader.matching import Term
from index.embedding import TOKEN_LAYERS, QuestionTokens

# The features this module feeds, per candidate (see `alignment_features`).
ALIGNMENT_FEATURES: tuple[str, ...] = ("align8", "align8_worst", "align8_gap", "align4", "align4_gap")


def _term_rows(question: QuestionTokens, terms: Sequence[Term]) -> tuple[list[tuple[int, ...]], np.ndarray]:
    """Rows of each usable question term and its weight; every word, equally, when no term is usable."""
    usable = [t for t in terms if not t.premise and t.word in question.words]
    if usable:
        return [question.words[t.word] for t in usable], np.array([max(t.weight, 1e-6) for t in usable])
    rows = list(question.words.values()) or [tuple(range(len(question.vectors)))]
    return rows, np.ones(len(rows))


def alignment(
    question: QuestionTokens, terms: Sequence[Term], sentences: Sequence[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Cover and worst per sentence and layer: two arrays of shape [sentences, layers]."""
    n, layers = len(sentences), len(TOKEN_LAYERS)
    cover, worst = np.zeros((n, layers)), np.zeros((n, layers))
    if n == 0 or len(question.vectors) == 0:
        return cover, worst
    rows, weights = _term_rows(question, terms)
    sizes = np.array([len(s) for s in sentences])
    filled = np.flatnonzero(sizes)
    if not len(filled):
        return cover, worst
    stacked = np.concatenate([sentences[int(i)] for i in filled])  # [pieces, layers, hidden]
    sims = np.einsum("qlh,slh->qsl", question.vectors, stacked)  # [question pieces, pieces, layers]
    starts = np.concatenate([[0], np.cumsum(sizes[filled])[:-1]])
    best = np.maximum.reduceat(sims, starts, axis=1)  # [question pieces, filled sentences, layers]
    per_term = np.stack([best[list(r)].mean(axis=0) for r in rows])  # [terms, filled, layers]
    cover[filled] = np.einsum("t,tsl->sl", weights, per_term) / weights.sum()
    worst[filled] = per_term.min(axis=0)
    return cover, worst


def alignment_features(
    question: QuestionTokens | None, terms: Sequence[Term], sentences: Sequence[np.ndarray]
) -> dict[str, np.ndarray]:
    """ALIGNMENT_FEATURES as one column each; gaps are to the best candidate's cover."""
    cover, worst = (
        alignment(question, terms, sentences)
        if question is not None
        else (np.zeros((len(sentences), len(TOKEN_LAYERS))),) * 2
    )
    at8, at4 = TOKEN_LAYERS.index(8), TOKEN_LAYERS.index(4)
    top = cover.max(axis=0) if len(sentences) else np.zeros(len(TOKEN_LAYERS))
    return {
        "align8": cover[:, at8],
        "align8_worst": worst[:, at8],
        "align8_gap": cover[:, at8] - top[at8],
        "align4": cover[:, at4],
        "align4_gap": cover[:, at4] - top[at4],
    }
