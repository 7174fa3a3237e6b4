"""newsbot: cited answers over news articles, in English and Hindi."""

from bot.answering import answer, answer_stream, build_chain, get_retriever
from bot.errors import (
    ArticleError,
    EmbedderMismatchError,
    IndexMissingError,
    InvalidQuestionError,
    LLMUnavailableError,
    NewsbotError,
    SettingsError,
    StoreUnavailableError,
)
from bot.schema import Answer, Source
from bot.settings import Settings, get_settings

__all__ = [
    "Answer",
    "ArticleError",
    "EmbedderMismatchError",
    "IndexMissingError",
    "InvalidQuestionError",
    "LLMUnavailableError",
    "NewsbotError",
    "Settings",
    "SettingsError",
    "Source",
    "StoreUnavailableError",
    "answer",
    "answer_stream",
    "build_chain",
    "get_retriever",
    "get_settings",
]
