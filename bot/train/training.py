"""Fit the reader: sentence scorer, answer length and confidence model, cross-validated by article.

In: `Example`s (bot.train.trainsets). Out: a `ReaderModel` and, for every example, what the
reader would have answered had it never seen that example's article (nested, grouped CV).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from bot.evaluate.metrics import alias_match
from bot.reader.abstention import QUESTION_FEATURES
from bot.reader.compose import answer_text, quoted
from bot.reader.features import FAMILY_FEATURES, SENTENCE_FEATURES, Rules
from bot.reader.model import LinearModel, ReaderModel
from bot.reader.reading import rank
from bot.train.trainsets import Example

FOLDS = 5
MAX_SENTENCES = 3
# Product choices, not fitted numbers: an extra quoted sentence must make at least one answer in
# twenty right, and the refusal threshold may refuse at most this share of the answerable
# questions of each training set.
SENTENCE_COST = 0.05
FALSE_REFUSAL_TARGET = 0.05
EXTRA_RATIOS = tuple(round(x, 2) for x in np.linspace(0.10, 1.0, 19))


@dataclass
class Outcome:
    """What the reader answered for one example, and how that scores."""

    correct: bool = False  # an accepted answer is in the quoted text
    first_correct: bool = False  # ... in the first quoted sentence alone
    hit: bool = False  # the first source is a gold article
    sentences: int = 0
    confidence: float = 0.0
    abstained: bool = False
    q_row: np.ndarray = field(default_factory=lambda: np.zeros(len(QUESTION_FEATURES)))


def feature_names(rules: Rules) -> tuple[list[str], list[str]]:
    """The sentence and question features a model with these rules reads (a family off: its features out)."""
    off = {name for family, names in FAMILY_FEATURES.items() if not getattr(rules, family) for name in names}
    return [f for f in SENTENCE_FEATURES if f not in off], [f for f in QUESTION_FEATURES if f not in off]


def fit_linear(
    rows: np.ndarray,
    labels: np.ndarray,
    names: Sequence[str],
    columns: Sequence[str],
    weights: np.ndarray | None = None,
) -> LinearModel:
    """A standardised L2 logistic regression on the named columns (deterministic: lbfgs, fixed data)."""
    picked = rows[:, [list(columns).index(n) for n in names]]
    scaler = StandardScaler().fit(picked, sample_weight=weights)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(
        scaler.transform(picked), labels, sample_weight=weights
    )
    return LinearModel(
        features=tuple(names),
        mean=scaler.mean_.astype(np.float64),
        scale=np.where(scaler.scale_ > 0, scaler.scale_, 1.0).astype(np.float64),
        coef=model.coef_[0].astype(np.float64),
        intercept=float(model.intercept_[0]),
    )


def fit_sentences(train: Sequence[Example], names: Sequence[str]) -> LinearModel:
    """The sentence scorer, on every candidate of every training question.

    Unanswerable questions count too, every sentence a negative: the scorer then learns that an
    on-topic sentence without the answer is not one, and its top probability says so.
    """
    used = [e for e in train if len(e.labels)]
    rows = np.vstack([e.seen.rows for e in used])
    labels = np.concatenate([e.labels for e in used])
    return fit_linear(rows, labels, names, SENTENCE_FEATURES)


def outcome(example: Example, probs: np.ndarray, *, extra_ratio: float, rules: Rules) -> Outcome:
    """Rank, compose and score one example's answer (confidence and refusal are set later)."""
    reading, q_row = rank(example.seen, probs, known=example.known, rules=rules)
    if not reading.ranked:
        return Outcome(abstained=True)
    chosen = quoted(
        reading.ranked, extra_ratio=extra_ratio, max_sentences=MAX_SENTENCES, discourse=rules.discourse
    )
    found = bool(example.answers)
    return Outcome(
        correct=found and alias_match(answer_text(chosen), example.answers),
        first_correct=found and alias_match(chosen[0].text, example.answers),
        hit=chosen[0].doc_id in example.sources,
        sentences=len(chosen),
        q_row=q_row,
    )


def choose_ratio(examples: Sequence[Example], probs: Sequence[np.ndarray], rules: Rules) -> float:
    """The extra-sentence ratio that answers best, less SENTENCE_COST per extra quoted sentence."""
    best, best_value = 1.0, -np.inf
    answerable = [(e, p) for e, p in zip(examples, probs, strict=True) if e.answerable and len(p)]
    for ratio in EXTRA_RATIOS:
        got = [outcome(e, p, extra_ratio=ratio, rules=rules) for e, p in answerable]
        value = float(np.mean([o.correct for o in got])) - SENTENCE_COST * float(
            np.mean([o.sentences - 1 for o in got])
        )
        if value > best_value + 1e-12:
            best, best_value = ratio, value
    return best


def choose_threshold(confidences: np.ndarray, answerable: np.ndarray, sets: np.ndarray) -> float:
    """The highest threshold that refuses at most FALSE_REFUSAL_TARGET of the answerable questions
    of every training set: no kind of article may pay for another's refusals."""
    limits = []
    for name in np.unique(sets):
        scores = np.sort(confidences[answerable & (sets == name)])
        if len(scores):
            limits.append(float(scores[int(np.floor(FALSE_REFUSAL_TARGET * len(scores)))]))
    return min(limits, default=0.5)


@dataclass
class Fitted:
    """A model and the out-of-fold outcomes it was chosen on."""

    model: ReaderModel
    outcomes: list[Outcome]


def fit_reader(train: Sequence[Example], rules: Rules, *, folds: int = FOLDS - 1) -> Fitted:
    """Fit everything on `train`; the length, confidence and threshold are chosen on out-of-fold reads."""
    s_names, q_names = feature_names(rules)
    sentence = fit_sentences(train, s_names)
    oof: list[np.ndarray] = [np.zeros(0)] * len(train)
    groups = np.array([e.group for e in train])
    for inner_train, inner_test in GroupKFold(n_splits=folds).split(groups, groups=groups):
        inner = fit_sentences([train[i] for i in inner_train], s_names)
        for i in inner_test:
            oof[i] = inner.probability(train[i].seen.rows, SENTENCE_FEATURES)
    ratio = choose_ratio(train, oof, rules)
    outcomes = [outcome(e, p, extra_ratio=ratio, rules=rules) for e, p in zip(train, oof, strict=True)]
    usable = [i for i, o in enumerate(outcomes) if not o.abstained]
    q_rows = np.vstack([outcomes[i].q_row for i in usable])
    labels = np.array([outcomes[i].correct for i in usable])
    confidence = fit_linear(q_rows, labels, q_names, QUESTION_FEATURES)
    scores = confidence.probability(q_rows, QUESTION_FEATURES)
    for i, score in zip(usable, scores, strict=True):
        outcomes[i].confidence = float(score)
    answerable = np.array([train[i].answerable for i in usable])
    threshold = choose_threshold(scores, answerable, np.array([train[i].set_name for i in usable]))
    model = ReaderModel(
        sentence=sentence,
        confidence=confidence,
        threshold=threshold,
        extra_ratio=ratio,
        max_sentences=MAX_SENTENCES,
        rules=rules,
    )
    return Fitted(model=model, outcomes=outcomes)


def apply(model: ReaderModel, example: Example) -> Outcome:
    """What a fitted model answers for one example."""
    probs = model.sentence.probability(example.seen.rows, SENTENCE_FEATURES)
    got = outcome(example, probs, extra_ratio=model.extra_ratio, rules=model.rules)
    if got.abstained:
        return got
    got.confidence = float(model.confidence.probability(got.q_row[None, :], QUESTION_FEATURES)[0])
    got.abstained = got.confidence < model.threshold
    return got


def folds_of(examples: Sequence[Example], folds: int = FOLDS) -> np.ndarray:
    """Each example's cross-validation fold, drawn from the training sets' groups alone.

    A set that only scores follows its group's fold (or a fold fixed by the group's name), so
    adding one to measure something never moves the other sets' figures.
    """
    rows = np.array([e.group for e in examples if e.trains])  # GroupKFold balances groups by size
    fold_of: dict[str, int] = {}
    for k, (_train, test) in enumerate(GroupKFold(n_splits=folds).split(rows, groups=rows)):
        fold_of.update((str(g), k) for g in np.unique(rows[test]))
    return np.array(
        [
            fold_of.get(e.group, int(hashlib.sha256(e.group.encode("utf-8")).hexdigest()[:8], 16) % folds)
            for e in examples
        ]
    )


def cross_validate(examples: Sequence[Example], rules: Rules, *, folds: int = FOLDS) -> list[Outcome]:
    """Each example answered by a reader fitted without its article's group (nested for the choices).

    Examples of sets that only score are answered too, but never fitted on.
    """
    fold = folds_of(examples, folds)
    out: list[Outcome | None] = [None] * len(examples)
    for k in range(folds):
        fitted = fit_reader([e for e, f in zip(examples, fold, strict=True) if f != k and e.trains], rules)
        for i in np.flatnonzero(fold == k):
            out[int(i)] = apply(fitted.model, examples[int(i)])
    return [o if o is not None else Outcome(abstained=True) for o in out]
