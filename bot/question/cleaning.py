"""Validate and tidy a question before it reaches retrieval."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.errors import InvalidQuestionError
from index.text import normalize, script_of

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
# Half of a UTF-16 pair (a cut emoji, or bytes that were not UTF-8): not text, and no encoder takes it.
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
HISTORY_FORMAT = 'a list of [question, answer] pairs of text, e.g. [["Who met Lavrov?", "Jaishankar [1]."]]'


def _check_encodable(text: str, what: str) -> None:
    found = _SURROGATE_RE.search(text)
    if found:
        raise InvalidQuestionError(
            f"{what} holds a broken character (U+{ord(found.group()):04X}, half of an emoji or bytes "
            "that were not UTF-8): type it again or paste it as plain UTF-8 text."
        )


def clean_question(question: object, *, max_chars: int) -> str:
    """The question NFKC-normalised, control characters removed; raises InvalidQuestionError if unusable."""
    if not isinstance(question, str):
        raise InvalidQuestionError("The question must be text.")
    _check_encodable(question, "The question")
    text = _CONTROL_RE.sub(" ", normalize(question))
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise InvalidQuestionError("The question is empty: type a question about the news articles.")
    if len(text) > max_chars:
        raise InvalidQuestionError(
            f"The question is {len(text):,} characters long; the limit is {max_chars:,} "
            "(NEWSBOT_MAX_QUESTION_CHARS). Ask just the question, without pasting the article."
        )
    script = script_of(text)
    if script == "":
        raise InvalidQuestionError("The question has no words in it: ask it in English or Hindi.")
    if script == "other":
        raise InvalidQuestionError(
            "newsbot answers questions in English or Hindi (Devanagari or romanized); "
            "please ask in one of those."
        )
    return text


def clean_history(history: object) -> list[tuple[str, str]]:
    """Earlier turns as (question, answer) pairs of text; raises InvalidQuestionError if malformed."""
    if history is None:
        return []
    if isinstance(history, (str, bytes, dict)) or not isinstance(history, Sequence):
        raise InvalidQuestionError(f"The history must be {HISTORY_FORMAT}.")
    turns: list[tuple[str, str]] = []
    for n, turn in enumerate(history, 1):
        if (
            isinstance(turn, (str, bytes))
            or not isinstance(turn, Sequence)
            or len(turn) != 2
            or not all(isinstance(part, str) for part in turn)
        ):
            raise InvalidQuestionError(
                f"History turn {n} is not a [question, answer] pair: send {HISTORY_FORMAT}."
            )
        _check_encodable(turn[0] + turn[1], f"History turn {n}")
        turns.append((turn[0], turn[1]))
    return turns
