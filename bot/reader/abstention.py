"""Should the bot answer at all? Question-level signals for the confidence model, and why it refused.

In: the Question, its candidates ranked by the sentence model, and the corpus vocabulary. Out: one
row of QUESTION_FEATURES (what the confidence model reads) and, on a refusal, a Refusal naming
what the articles lack ("No article mentions 'ambassador'").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.reader.candidates import Candidate
from bot.reader.cues import NUMERAL_RE
from bot.reader.features import Question, Rules, constraint_terms
from bot.reader.focus import focus_word, is_type_noun
from bot.reader.matching import Term, in_corpus, matched, text_keys, unseen_share
from index.text import words

QUESTION_FEATURES: tuple[str, ...] = (
    "top_logit",
    "any_logit",
    "margin",
    "best_cosine",
    "top_lexical",
    "top_lexical_all",
    "top_lexical_rare",
    "best_lexical",
    "top_cue",
    "top_document_lexical",
    "has_focus",
    "top_focus",
    "document_focus",
    "cross_language",
    "log_terms",
    "unseen_share",
    "missing_name",
    "unseen_focus",
    "unknown_number",
    "no_answer_kind",
    "unmatched",
)
_QUESTION_WORDS = frozenset(
    "when who whom whose what which where why how did does do is are was were will can has have the".split()
)
_TYPED = frozenset({"date", "count", "number", "place"})
# Probabilities are clipped before the logit so a certain sentence does not dominate the model.
_CLIP = 1e-4


def named_terms(question: str) -> list[str]:
    """Capitalised words inside an English question: names the answer must mention."""
    found = []
    for i, word in enumerate(words(question)):
        # A lone letter is an initial ("S Jaishankar"), not a name to look for.
        if i == 0 or len(word) < 2 or not word[:1].isupper() or word.casefold() in _QUESTION_WORDS:
            continue
        found.append(word.casefold())
    return found


def missing_names(question: str, known: Callable[[str], bool]) -> list[str]:
    """Names in the question that no indexed article mentions, in either script."""
    return [name for name in named_terms(question) if not in_corpus(name, known)]


def unseen_focus(
    questions: Sequence[str], known: Callable[[str], bool]
) -> str | None:
    """The question's focus noun when no article has it in any form ("Who is Russia's ambassador?")."""
    for text in questions:
        focus = focus_word(text)
        if focus and not is_type_noun(focus) and not in_corpus(focus, known):
            return focus
    return None


def unknown_numbers(terms: list[Term], known: Callable[[str], bool]) -> list[str]:
    """Numbers and ordinals in the question that no article has ("the 22nd summit")."""
    out = []
    for term in constraint_terms(terms, premises=True):
        digits = NUMERAL_RE.match(term.word)
        if digits and not (known(term.word) or known(digits.group(1))):
            out.append(term.word)
    return out


@dataclass(frozen=True)
class Signals:
    """What the articles lack for this question, in the rule families that are switched on."""

    missing_name: str | None = None
    unseen_focus: str | None = None
    unknown_number: str | None = None
    no_answer_kind: bool = False
    # The question asks for an amount in some unit ("how much ... cost") and the answer states none.
    missing_unit: bool = False
    # The rarest asked word the answer's sentence (and what it leans on) lacks, against the rarest
    # asked word: 1.0 when the question's most telling word is nowhere in the answer.
    unmatched: float = 0.0


def signals(
    question: Question,
    top: Candidate,
    top_features: dict[str, float],
    known: Callable[[str], bool],
    rules: Rules,
) -> Signals:
    """The refusal signals of the rule families that are on."""
    names = missing_names(question.query, known) if rules.refusal_terms else []
    focus = (
        unseen_focus([question.asked, question.query], known)
        if rules.refusal_terms
        else None
    )
    numbers = unknown_numbers(question.terms, known) if rules.refusal_terms else []
    return Signals(
        missing_name=_as_asked(names[0], question) if names else None,
        unseen_focus=_as_asked(focus, question) if focus else None,
        unknown_number=numbers[0] if numbers else None,
        no_answer_kind=rules.cues and question.kind in _TYPED and top_features["no_cue_typed"] > 0,
        missing_unit=question.unit is not None and top_features["unit_match"] == 0.0,
        unmatched=unmatched_weight(question, top),
    )


def unmatched_weight(question: Question, top: Candidate) -> float:
    """The weight of the rarest asked word missing from the answer and its context, over the rarest's."""
    asked = [t for t in question.terms if t.seen and not t.premise]
    if not asked:
        return 0.0
    keys = text_keys(top.text) | text_keys(top.context)
    missing = [t.weight for t in asked if not matched(t, keys)]
    return max(missing, default=0.0) / max(t.weight for t in asked)


def question_features(
    question: Question,
    probs: np.ndarray,
    top_features: dict[str, float],
    found: Signals,
) -> np.ndarray:
    """One row of QUESTION_FEATURES: how well the best sentence answers, and what the articles lack."""
    ordered = np.sort(probs)[::-1]
    p1 = float(np.clip(ordered[0], _CLIP, 1 - _CLIP))
    p2 = float(ordered[1]) if len(ordered) > 1 else 0.0
    # An answer quotes up to three sentences: the chance that one of the best three holds it.
    p_any = float(np.clip(1.0 - np.prod(1.0 - ordered[:3]), _CLIP, 1 - _CLIP))
    row = {
        "top_logit": math.log(p1 / (1 - p1)),
        "any_logit": math.log(p_any / (1 - p_any)),
        "margin": p1 - p2,
        "best_cosine": top_features["cosine"] - top_features["cosine_gap"],
        "top_lexical": top_features["lexical"],
        "top_lexical_all": top_features["lexical_all"],
        "top_lexical_rare": top_features["lexical_rare"],
        "best_lexical": top_features["lexical"] - top_features["lexical_gap"],
        "top_cue": top_features["cue_typed"] + top_features["cue_other"],
        "top_document_lexical": top_features["document_lexical"],
        "has_focus": float(any(t.word == question.focus for t in question.terms)),
        "top_focus": top_features["focus_match"],
        "document_focus": top_features["focus_in_document"],
        "cross_language": 1.0 - top_features["same_language"],
        "log_terms": math.log1p(len(question.terms)),
        "unseen_share": unseen_share(question.terms),
        "missing_name": float(found.missing_name is not None),
        "unseen_focus": float(found.unseen_focus is not None),
        "unknown_number": float(found.unknown_number is not None),
        "no_answer_kind": float(found.no_answer_kind),
        "unmatched": found.unmatched,
    }
    return np.array([row[name] for name in QUESTION_FEATURES], dtype=np.float64)


@dataclass(frozen=True)
class Refusal:
    """Why the articles do not answer: a code (see bot.messages.REFUSAL_NOTES) and the word at fault."""

    code: str
    term: str = ""


def refusal_reason(found: Signals | None) -> Refusal:
    """The most specific reason to give for a refusal the confidence model made."""
    if found is None:
        return Refusal("weak")
    term = found.missing_name or found.unseen_focus or found.unknown_number
    if term:
        return Refusal("unknown_term", term)
    if found.no_answer_kind or found.missing_unit:
        return Refusal("no_answer_kind")
    return Refusal("weak")


def _as_asked(term: str, question: Question) -> str:
    """The term as the user wrote it ("Ukraine", not "ukraine")."""
    for text in (question.asked, question.query):
        for word in words(text):
            if word.casefold() == term:
                return word
    return term
