"""The chat model behind NEWSBOT_LLM, and a guarded way to stream its reply."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence

import httpx
import openai
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import SecretStr

from bot.errors import LLMUnavailableError
from bot.settings import Settings

__all__ = ["build_chat_model", "complete", "describe", "stream_reply"]

# Errors a chat call can raise when the server is down, slow, or answers something unparsable.
# ValueError covers invalid JSON and llama.cpp's context overflow; RuntimeError llama.cpp's decode.
# Chat-template control tokens ("<|im_end|>") that leak into a reply carry no words.
_CONTROL_TOKEN_RE = re.compile(r"<\|[^|>]{0,40}\|>")
_LETTER_RE = re.compile(r"[^\W\d_]|[\u0900-\u097F]")
_CALL_ERRORS = (openai.OpenAIError, httpx.HTTPError, OSError, ValueError, RuntimeError)


def describe(settings: Settings) -> str:
    """A short name for the configured LLM, for messages and logs."""
    if settings.llm == "llamacpp":
        return f"llama.cpp model {settings.llm_model_path}"
    return f"{settings.llm_model} at {settings.llm_base_url}"


def build_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model NEWSBOT_LLM names: an OpenAI-compatible server or a local GGUF file."""
    if settings.llm == "openai":
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=SecretStr(settings.llm_api_key),
            timeout=settings.llm_timeout,
            # One retry at most: a dead server must turn into the extractive answer quickly.
            max_retries=1,
            streaming=True,
            temperature=0.0,
            max_completion_tokens=settings.llm_max_tokens,
        )
    if settings.llm == "llamacpp":
        from bot.generation.llamacpp_chat import LlamaCppChat

        if settings.llm_model_path is None:
            raise LLMUnavailableError(
                "NEWSBOT_LLM=llamacpp needs NEWSBOT_LLM_MODEL_PATH=/path/to/model.gguf "
                "(`make llm-deps` assembles a small one in .newsbot/models/)."
            )
        return LlamaCppChat(
            model_path=settings.llm_model_path,
            n_ctx=settings.llm_context,
            n_threads=settings.llm_threads,
            max_tokens=settings.llm_max_tokens,
            temperature=0.0,
        )
    raise LLMUnavailableError(f"NEWSBOT_LLM={settings.llm} is not a chat model: use openai or llamacpp.")


def _unavailable(what: str, exc: BaseException | None, *, name: str) -> LLMUnavailableError:
    detail = f" ({type(exc).__name__}: {exc})" if exc is not None else ""
    return LLMUnavailableError(
        f"The LLM ({name}) {what}{detail}. Check that the server runs and NEWSBOT_LLM_BASE_URL / "
        "NEWSBOT_LLM_MODEL point at it, or set NEWSBOT_LLM=extractive."
    )


def stream_reply(
    llm: BaseChatModel,
    messages: Sequence[BaseMessage],
    *,
    timeout: float,
    name: str = "chat model",
) -> Iterator[str]:
    """Yield the reply's text pieces; raise LLMUnavailableError when down, too slow or garbled."""
    deadline = time.monotonic() + timeout
    produced = []
    try:
        for chunk in llm.stream(list(messages)):
            piece = chunk.text
            if piece:
                produced.append(piece)
                yield piece
            # Each read has its own timeout; this bounds a server that trickles tokens forever.
            if time.monotonic() > deadline:
                raise _unavailable(f"took longer than {timeout:g} s", None, name=name)
    except _CALL_ERRORS as exc:
        raise _unavailable("could not answer", exc, name=name) from exc
    if not _LETTER_RE.search(_CONTROL_TOKEN_RE.sub("", "".join(produced))):
        raise _unavailable("answered with no words", None, name=name)


def complete(
    llm: BaseChatModel, messages: Sequence[BaseMessage], *, timeout: float, name: str = "chat model"
) -> str:
    """The whole reply as one string, with the same guards as stream_reply."""
    return "".join(stream_reply(llm, messages, timeout=timeout, name=name)).strip()
