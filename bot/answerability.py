"""Should the bot answer at all? Each check names what is missing from the articles, or returns None."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.cues import NUMERAL_RE, question_type
from bot.focus import focus_word, is_type_noun
from bot.matching import Term, in_corpus, matched, text_keys, unseen_share
from bot.reader import Candidate, constraint_terms
from index.text import words

# Confidence falls with the share of the question's words that no article has in any form: a
# sentence can match "final" in "Who won the cricket world cup final?" and still answer nothing.
W_UNSEEN = 0.5
_QUESTION_WORDS = frozenset(
    "when who whom whose what which where why how did does do is are was were will can has have the".split()
)


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


def unseen_focus(questions: Sequence[str], known: Callable[[str], bool]) -> str | None:
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


_MONTHS = "January February March April May June July August September October November December".split()


def article_date_words(published: str) -> str:
    """ "2024-12-10" or "--11-26" as words that match a question's dates: "2024 December 10"."""
    parts = published.split("-") if not published.startswith("--") else ["", *published[2:].split("-")]
    if len(parts) != 3 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
        return published
    return f"{parts[0]} {_MONTHS[int(parts[1]) - 1]} {parts[2].lstrip('0')}".strip()


def unmet_constraints(terms: list[Term], best: Candidate) -> list[str]:
    """The question's dates and numbers missing from the answer's sentence, context and article date."""
    wanted = constraint_terms(terms)
    if not wanted:
        return []
    published = article_date_words(str(best.chunk.metadata.get("published") or ""))
    keys = text_keys(best.text) | text_keys(best.context) | text_keys(best.scene) | text_keys(published)
    if any(matched(t, keys) for t in wanted):
        return []
    return [t.word for t in wanted]


@dataclass(frozen=True)
class Refusal:
    """Why the articles do not answer: a code (see bot.prompts.REFUSAL_NOTES) and the word at fault."""

    code: str
    term: str = ""


def confidence(score: float, terms: list[Term]) -> float:
    """The best sentence's score, less a share for the question's words that no article has."""
    return score - W_UNSEEN * unseen_share(terms)


def refusal_reason(
    asked: Sequence[str],
    ranked: list[Candidate],
    *,
    terms: list[Term],
    known: Callable[[str], bool],
    threshold: float,
) -> Refusal | None:
    """Why the articles do not answer the question, or None when the best sentence will do.

    `asked` holds the question as searched first, then the user's own wording; `terms` are the
    question_terms of the first.
    """
    query = asked[0]
    if not ranked:
        return Refusal("weak")
    names = missing_names(query, known)
    if names:
        return Refusal("unknown_term", _as_asked(names[0], asked))
    focus = unseen_focus(list(reversed(asked)), known)
    if focus:
        return Refusal("unknown_term", _as_asked(focus, asked))
    numbers = unknown_numbers(terms, known)
    if numbers:
        return Refusal("unknown_term", numbers[0])
    best = ranked[0]
    if unmet_constraints(terms, best):
        return Refusal("other_constraint")
    if question_type(query) in ("date", "count", "number", "place") and best.cue == 0.0:
        return Refusal("no_answer_kind")
    if confidence(best.score, terms) < threshold:
        return Refusal("weak")
    return None


def _as_asked(term: str, asked: Sequence[str]) -> str:
    """The term as the user wrote it ("Ukraine", not "ukraine")."""
    for text in reversed(asked):
        for word in words(text):
            if word.casefold() == term:
                return word
    return term
