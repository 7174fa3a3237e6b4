"""newsbot: cited answers over news articles, in English and Hindi.

The stages, in order: `bot.question`, `bot.retrieval`, `bot.reader`, `bot.generation`, joined by
`bot.answering`; the index they read is built by the `index` package.
"""

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
