"""What the model reads of each candidate sentence: named features, computed the same way in training and use.

In: the question as searched, the retrieval Evidence and its candidates. Out: one row of
SENTENCE_FEATURES per candidate. Which rule families feed the features is set by `Rules`, so
training can switch a family off and measure what it was worth.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

import numpy as np

from bot.reader.alignment import ALIGNMENT_FEATURES, alignment_features
from bot.reader.answer_spans import novel_answer
from bot.reader.candidates import Candidate
from bot.reader.cues import DATE_RE, DATELINE_RE, question_type
from bot.reader.focus import focus_word
from bot.reader.matching import Term, ask_clause, coverage, matched, question_terms, text_keys
from bot.reader.units import asked_unit, states_unit
from index.embedding import QuestionTokens
from index.text import fold, script_of


@dataclass(frozen=True)
class Rules:
    """The rule families the reader may use; each can be switched off for an ablation."""

    discourse: bool = True  # back-references: a sentence read with those it leans on
    romanized: bool = True  # romanized Hindi questions rendered with English cue words
    cues: bool = True  # answer-type cues: a date for "when", a name for "who"
    refusal_terms: bool = True  # words and names no article has count against answering

    @classmethod
    def from_dict(cls, values: dict[str, bool]) -> Rules:
        """Rules from a weights file (families it does not name stay on)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: bool(v) for k, v in values.items() if k in known})

    def as_dict(self) -> dict[str, bool]:
        """The flags by name, for the weights file."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


# Features each rule family feeds; switched off, they are left out of the model.
FAMILY_FEATURES: dict[str, tuple[str, ...]] = {
    "discourse": ("context_lexical",),
    "cues": (
        "cue_typed",
        "cue_other",
        "no_cue_typed",
        "no_answer_kind",
        "top_cue",
        "unit_match",
    ),
    "refusal_terms": (
        "unseen_share",
        "missing_name",
        "unseen_focus",
        "unknown_number",
        "lexical_all",
        "top_lexical_all",
    ),
}

SENTENCE_FEATURES: tuple[str, ...] = (
    "cosine",
    "cosine_gap",
    "cosine_rank",
    "cosine_language_gap",
    "cosine_language_z",
    "sentence_rank",
    "chunk_rank",
    "chunk_dense_gap",
    "chunk_keyword",
    "neighbour_gap",
    "lexical",
    "lexical_rare",
    "lexical_gap",
    "lexical_all",
    "focus_match",
    "focus_in_document",
    "premise_lexical",
    "context_lexical",
    "document_lexical",
    "cross_lexical",
    "cue_typed",
    "cue_other",
    "no_cue_typed",
    "unit_match",
    "log_length",
    "same_language",
    "top_document",
    "document_gap",
    "document_votes",
    *ALIGNMENT_FEATURES,
)

_TYPED = frozenset({"date", "count", "number", "place", "name"})
# Caps on ranks: past these a sentence is simply far down the list.
_MAX_SENTENCE_RANK, _MAX_CHUNK_RANK = 30, 10
# A floor on the spread of cosines within a language, so that one or two sentences in a language
# do not make a large z-score out of a tiny difference (about the cosine noise of the embedder).
_MIN_SPREAD = 0.01
# The sentences closest to the question vote for the article they come from.
_VOTERS = 10


@dataclass
class Question:
    """A question as the reader sees it: what is asked, its terms, kind, language and vector."""

    query: str
    asked: str
    kind: str
    terms: list[Term]
    language: str
    vector: np.ndarray
    focus: str | None
    unit: str | None = None  # the unit the answer is stated in ("money", "age"), when the wording asks one
    tokens: QuestionTokens | None = None  # token states of `query`, for alignment with sentences


def constraint_terms(terms: Sequence[Term], *, premises: bool = False) -> list[Term]:
    """Dates, weekdays and numbers in the question (a premise's only when `premises` asks for them)."""
    return [
        t
        for t in terms
        if (DATE_RE.fullmatch(t.word) or any(ch.isdigit() for ch in t.word)) and (premises or not t.premise)
    ]


def make_question(
    query: str,
    asked: str,
    vector: np.ndarray,
    *,
    embed_query: Callable[[str], Sequence[float]],
    idf: Callable[[str], float],
    known: Callable[[str], bool],
    rules: Rules,
) -> Question:
    """The reader's view of a question; `vector` is the whole query's, re-embedded past a premise."""
    clause = ask_clause(query)
    if clause != query:
        # The premise names an event, so a sentence restating it would look like the answer.
        vector = np.asarray(embed_query(clause), dtype=np.float32)
    terms = question_terms(query, idf, known, romanized=rules.romanized)
    language = "hi" if script_of(query) == "hi" else "en"
    return Question(
        query=query,
        asked=asked,
        kind=question_type(query),
        terms=terms,
        language=language,
        vector=vector,
        focus=focus_word(query),
        unit=asked_unit(query) if rules.cues else None,
    )


def sentence_features(
    question: Question,
    cands: Sequence[Candidate],
    vectors: dict[str, np.ndarray],
    rules: Rules,
    tokens: dict[str, np.ndarray] | None = None,
) -> np.ndarray:
    """One row of SENTENCE_FEATURES per candidate; sets each candidate's cosine.

    `tokens` holds the candidates' token states by sentence id (none: alignment features are 0).
    """
    n = len(cands)
    out = np.zeros((n, len(SENTENCE_FEATURES)), dtype=np.float64)
    if n == 0:
        return out
    for cand in cands:
        vec = vectors.get(cand.sid)
        cand.cosine = float(vec @ question.vector) if vec is not None else 0.0
    cosines = np.array([c.cosine for c in cands])
    best = float(cosines.max())
    order = np.argsort(-cosines, kind="stable")
    cosine_rank = np.empty(n)
    cosine_rank[order] = np.arange(n)
    leaders = [cands[int(i)].doc_id for i in order[:_VOTERS]]
    # The embedder ranks sentences in the question's language higher whatever they say: each
    # sentence is also measured against the others in its own language, which cancels that lean.
    by_language = _language_spread(cands, cosines)
    dense_chunks = [c.chunk_dense for c in cands if c.chunk_dense is not None]
    best_chunk = max(dense_chunks, default=0.0)
    worst_chunk = min(dense_chunks, default=0.0)
    best_keyword = max((c.chunk_keyword for c in cands), default=0.0) or 1.0
    by_sid = {c.sid: c.cosine for c in cands}
    top_doc = cands[int(order[0])].doc_id
    doc_best: dict[str, float] = {}
    for cand in cands:
        doc_best[cand.doc_id] = max(doc_best.get(cand.doc_id, -1.0), cand.cosine)
    asked = [t for t in question.terms if not t.premise]
    premise = [t for t in question.terms if t.premise]
    rare = [Term(t.word, t.keys, t.weight**2, t.seen, t.premise) for t in asked]
    focus = [t for t in asked if t.word == question.focus]
    # "New Delhi [India], November 26 (ANI): " dates the report, not the event asked about.
    bodies = [DATELINE_RE.sub("", c.text) for c in cands]
    keys = [text_keys(body) for body in bodies]
    doc_keys: dict[str, frozenset[str]] = {}
    for cand, k in zip(cands, keys, strict=True):
        doc_keys[cand.doc_id] = doc_keys.get(cand.doc_id, frozenset()) | k
    lexical = np.array([coverage(asked, k) for k in keys])
    best_lexical = float(lexical.max())
    typed = question.kind in _TYPED
    empty = np.zeros((0, 0, 0), dtype=np.float32)
    aligned = alignment_features(
        question.tokens if tokens is not None else None,
        asked,
        [(tokens or {}).get(c.sid, empty) for c in cands],
    )
    for i, (cand, k) in enumerate(zip(cands, keys, strict=True)):
        near = [by_sid[s] for s in cand.neighbours if s in by_sid]
        cue = novel_answer(question.kind, bodies[i], question.query) if rules.cues else 0.0
        row = {
            "cosine": cand.cosine,
            "cosine_gap": cand.cosine - best,
            "cosine_rank": math.log1p(cosine_rank[i]),
            "cosine_language_gap": cand.cosine - by_language[cand.language][0],
            "cosine_language_z": (cand.cosine - by_language[cand.language][1])
            / by_language[cand.language][2],
            "sentence_rank": math.log1p(min(cand.dense_rank, _MAX_SENTENCE_RANK)),
            "chunk_rank": math.log1p(min(cand.rank, _MAX_CHUNK_RANK)),
            "chunk_dense_gap": (cand.chunk_dense if cand.chunk_dense is not None else worst_chunk)
            - best_chunk,
            "chunk_keyword": cand.chunk_keyword / best_keyword,
            "neighbour_gap": (max(near) if near else cand.cosine) - best,
            "lexical": lexical[i],
            "lexical_rare": coverage(rare, k),
            "lexical_gap": lexical[i] - best_lexical,
            "lexical_all": coverage(asked, k, unseen=True),
            "focus_match": float(bool(focus) and matched(focus[0], k)),
            "focus_in_document": float(bool(focus) and matched(focus[0], doc_keys[cand.doc_id])),
            "premise_lexical": coverage(premise, k),
            "context_lexical": (
                coverage(asked, k | text_keys(cand.context)) if rules.discourse else lexical[i]
            ),
            "document_lexical": coverage(asked, doc_keys[cand.doc_id]),
            "cross_lexical": lexical[i] * (cand.language != question.language),
            "cue_typed": cue * typed,
            "cue_other": cue * (not typed),
            "no_cue_typed": float(rules.cues and typed and cue == 0.0),
            "unit_match": float(question.unit is not None and states_unit(question.unit, bodies[i])),
            "log_length": math.log(max(len(bodies[i].split()), 1)),
            "same_language": float(cand.language == question.language),
            "top_document": float(cand.doc_id == top_doc),
            "document_gap": doc_best[cand.doc_id] - best,
            "document_votes": leaders.count(cand.doc_id) / len(leaders),
        } | {name: float(column[i]) for name, column in aligned.items()}
        out[i] = [row[name] for name in SENTENCE_FEATURES]
    return out


def _language_spread(
    cands: Sequence[Candidate], cosines: np.ndarray
) -> dict[str, tuple[float, float, float]]:
    """Per language of the candidates: the best cosine, the mean and the spread (at least _MIN_SPREAD)."""
    out = {}
    for language in {c.language for c in cands}:
        mine = cosines[[c.language == language for c in cands]]
        out[language] = (float(mine.max()), float(mine.mean()), max(float(mine.std()), _MIN_SPREAD))
    return out


def words_of(text: str) -> set[str]:
    """Case-folded words, for near-duplicate checks between chosen sentences."""
    return set(fold(text).split())
