"""Question: what the user typed, made ready to search.

In: the question (any text or bytes) and the conversation so far. Out: a clean question (or an
`InvalidQuestionError` that says what to fix), clean history, a follow-up rewritten with the
previous turn's key words, and English cue words for a romanized Hindi question.
"""

from bot.question.cleaning import clean_history, clean_question
from bot.question.followup import Turn, resolve_followup
from bot.question.romanized import english_cues, is_romanized_hindi

__all__ = [
    "Turn",
    "clean_history",
    "clean_question",
    "english_cues",
    "is_romanized_hindi",
    "resolve_followup",
]
