"""Reading one question: observe its candidate sentences, then let the model rank them and judge.

In: the question as searched, the retrieval Evidence, the store and the keyword vocabulary. Out: a
`Reading`: candidates ranked by the probability that they hold the answer, and the probability
that the best of them answers the question (the answer's confidence).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bot.reader.abstention import QUESTION_FEATURES, Signals, question_features, signals
from bot.reader.candidates import Candidate, gather
from bot.reader.features import SENTENCE_FEATURES, Question, Rules, make_question, sentence_features
from bot.reader.model import ReaderModel, load_model
from bot.retrieval import Evidence
from index.embedding import TOKEN_STAMP, E5Embeddings, TokenEncoder, question_tokens, token_encoder
from index.store import Store
from index.text import is_instruction


@dataclass
class Observation:
    """A question's candidates and their feature rows, before any model has read them."""

    question: Question
    cands: list[Candidate]
    rows: np.ndarray  # one row of SENTENCE_FEATURES per candidate


@dataclass
class Reading:
    """The reader's work on one question: candidates ranked by the model, and its confidence."""

    question: Question
    ranked: list[Candidate]
    rows: np.ndarray  # SENTENCE_FEATURES of `ranked`, in the same order
    confidence: float = 0.0
    signals: Signals | None = None


def observe(
    query: str,
    evidence: Evidence,
    store: Store,
    *,
    idf: Callable[[str], float],
    known: Callable[[str], bool],
    rules: Rules,
    asked: str | None = None,
    vectors_of: Callable[[list[Candidate]], dict[str, np.ndarray]] | None = None,
    tokens: TokenEncoder | None = None,
) -> Observation:
    """The candidate sentences of the retrieved chunks and what the model reads of each.

    `vectors_of` replaces the stored sentence vectors (an ablation embeds sentences another way);
    `tokens` encodes the question, and any sentence whose token states are not stored.
    """
    question = make_question(
        query,
        asked or query,
        evidence.vector,
        embed_query=store.embeddings.embed_query,
        idf=idf,
        known=known,
        rules=rules,
    )
    # Orders addressed to an assistant are never evidence, on this path as on the LLM's.
    cands = [c for c in gather(evidence) if not is_instruction(c.text)]
    if vectors_of is not None:
        vectors = vectors_of(cands)
    else:
        vectors = store.sentence_vectors([c.sid for c in cands]) if cands else {}
    states: dict[str, np.ndarray] = {}
    if cands:
        # The encoder is loaded only when something must be encoded: stored sentences carry its
        # stamp, and the question's embedding pass yields its token states when e5 on onnxruntime made it.
        def encoder() -> TokenEncoder:
            return tokens or token_encoder()

        shared = (
            store.embeddings.question_states(query) if isinstance(store.embeddings, E5Embeddings) else None
        )
        question.tokens = question_tokens(*shared) if shared is not None else encoder().question(query)
        wanted = [(c.doc_id, c.sid, c.text) for c in cands]
        stamp = tokens.stamp if tokens is not None else TOKEN_STAMP
        states = store.tokens.states(wanted, stamp=stamp, encode=lambda text: encoder().passage(text))
    return Observation(question, cands, sentence_features(question, cands, vectors, rules, states))


def rank(
    seen: Observation, probs: np.ndarray, *, known: Callable[[str], bool], rules: Rules
) -> tuple[Reading, np.ndarray]:
    """Candidates ranked by `probs`, the refusal signals, and the confidence model's feature row."""
    if not seen.cands:
        return Reading(question=seen.question, ranked=[], rows=seen.rows), np.zeros(0)
    order = np.argsort(-probs, kind="stable")
    ranked = [seen.cands[i] for i in order]
    for cand, p in zip(ranked, probs[order], strict=True):
        cand.score = float(p)
    rows = seen.rows[order]
    top = dict(zip(SENTENCE_FEATURES, rows[0], strict=True))
    found = signals(seen.question, ranked[0], top, known, rules)
    reading = Reading(seen.question, ranked, rows, signals=found)
    return reading, question_features(seen.question, probs, top, found)


def judge(
    seen: Observation, probs: np.ndarray, *, known: Callable[[str], bool], model: ReaderModel
) -> Reading:
    """Rank the candidates by `probs` and score how likely the best one answers the question."""
    reading, q_row = rank(seen, probs, known=known, rules=model.rules)
    if reading.ranked:
        reading.confidence = float(model.confidence.probability(q_row[None, :], QUESTION_FEATURES)[0])
    return reading


def read(
    query: str,
    evidence: Evidence,
    store: Store,
    *,
    idf: Callable[[str], float],
    known: Callable[[str], bool],
    asked: str | None = None,
    model: ReaderModel | None = None,
) -> Reading:
    """Observe, rank and judge one question with the shipped (or given) model."""
    model = model or load_model()
    seen = observe(query, evidence, store, idf=idf, known=known, rules=model.rules, asked=asked)
    probs = model.sentence.probability(seen.rows, SENTENCE_FEATURES)
    return judge(seen, probs, known=known, model=model)
