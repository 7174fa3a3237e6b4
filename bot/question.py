"""Validate and tidy a question before it reaches retrieval."""

from __future__ import annotations

import re

from bot.errors import InvalidQuestionError
from index.text import normalize, script_of

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")


def clean_question(question: object, *, max_chars: int) -> str:
    """The question NFKC-normalised, control characters removed; raises InvalidQuestionError if unusable."""
    if not isinstance(question, str):
        raise InvalidQuestionError("The question must be text.")
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
