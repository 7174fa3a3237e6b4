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


class ReaderModelError(NewsbotError):
    """The reader's weights file is missing, damaged or was written for another version."""


class SettingsError(NewsbotError, ValueError):
    """A setting is malformed, or unsafe for how the page is served."""


class EvalSetError(NewsbotError, ValueError):
    """The canned question set is malformed (bad line, missing field, unknown doc id, empty)."""


class FetchError(NewsbotError):
    """A page or feed could not be fetched (unreachable, timed out, refused, too large, wrong type)."""


class UnsafeURLError(FetchError, ValueError):
    """An address newsbot will not fetch: not http(s), or on a loopback, private or link-local network."""


class FeedError(FetchError):
    """A feed (or one of its items) cannot be read as RSS or Atom."""
