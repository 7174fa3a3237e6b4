"""newsbot: cited answers over news articles, in English and Hindi."""

from bot.answering import answer, build_chain, get_retriever
from bot.errors import (
    ArticleError,
    EmbedderMismatchError,
    IndexMissingError,
    InvalidQuestionError,
    LLMUnavailableError,
    NewsbotError,
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
    "Source",
    "StoreUnavailableError",
    "answer",
    "build_chain",
    "get_retriever",
    "get_settings",
]
