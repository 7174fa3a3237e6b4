"""The few errors newsbot raises; each message says how to fix the problem."""

from __future__ import annotations


class NewsbotError(Exception):
    """Base of every error newsbot raises on purpose."""


class InvalidQuestionError(NewsbotError, ValueError):
    """The question cannot be answered as given (empty, too long, unsupported script)."""


class ArticleError(NewsbotError, ValueError):
    """An article file cannot be indexed (empty, binary, not UTF-8, too large)."""


class IndexMissingError(NewsbotError):
    """No index has been built yet."""


class EmbedderMismatchError(NewsbotError):
    """The index was built by a different embedder than the one configured."""


class StoreUnavailableError(NewsbotError):
    """The Chroma store (folder or server) cannot be reached."""


class LLMUnavailableError(NewsbotError):
    """The LLM server cannot be reached, timed out, or answered garbage."""


class SettingsError(NewsbotError, ValueError):
    """A setting is malformed, or unsafe for how the page is served."""


class EvalSetError(NewsbotError, ValueError):
    """The canned question set is malformed (bad line, missing field, unknown doc id, empty)."""
