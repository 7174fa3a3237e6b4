"""Sentences' token states beside the index: one file per article, written whole, read whole.

In: an article's sentences (id and text) and a `TokenEncoder`. Out: each sentence's token states,
as int8 with one scale per token and layer (a quarter of float32's size; cosines move by under
0.01). One file per article keeps the life cycle simple: it is rewritten when the article changes
and deleted with it, and a damaged or outdated file costs only that article's encoding again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

# Articles' files kept in memory per open store: a bound on memory (an article of 50 sentences is
# about 1.4 MB), not a tuned figure.
KEPT_ARTICLES = 32
# Sentences encoded at answer time because no file held them (lazy mode, an index built before token
# states were stored, or by another machine for a shared Chroma server), kept as int8 like a file's
# (about 28 kB each): a bound on memory, not a tuned figure.
KEPT_ENCODED = 2048
_SUFFIX = ".npz"


def quantize(states: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 values and a float32 scale per (token, layer) row."""
    peak = np.abs(states).max(axis=-1, keepdims=True)
    scale = np.maximum(peak, 1e-12) / 127.0
    return np.round(states / scale).astype(np.int8), scale[..., 0].astype(np.float32)


def dequantize(values: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """float32 states back from `quantize`."""
    out: np.ndarray = values.astype(np.float32) * scale[..., None]
    return out


class ArticleTokens:
    """One article's stored sentences: their ids, and states decoded on demand."""

    def __init__(
        self, stamp: str, ids: list[str], offsets: np.ndarray, values: np.ndarray, scale: np.ndarray
    ) -> None:
        self.stamp = stamp
        self.ids = ids
        self._at = {sid: i for i, sid in enumerate(ids)}
        self._offsets, self._values, self._scale = offsets, values, scale

    def __contains__(self, sid: object) -> bool:
        return sid in self._at

    def get(self, sid: str) -> np.ndarray | None:
        """A sentence's states, or None when this article does not hold it."""
        i = self._at.get(sid)
        if i is None:
            return None
        a, b = int(self._offsets[i]), int(self._offsets[i + 1])
        return dequantize(self._values[a:b], self._scale[a:b])


class TokenStore:
    """Per-article files of sentence token states in one folder."""

    def __init__(self, folder: Path, *, lazy: bool = False) -> None:
        self.folder = folder
        self.lazy = lazy  # states are meant to be encoded while answering: no warning when one is
        self._kept: OrderedDict[Path, tuple[tuple[int, int, int], ArticleTokens | None]] = OrderedDict()
        self._encoded: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._warned: set[str] = set()
        # The chat page reads from several threads; the caches are shared.
        self._lock = threading.Lock()

    def path(self, doc_id: str) -> Path:
        """The file of an article (named by a hash: article names may hold any character)."""
        digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / f"{digest[:32]}{_SUFFIX}"

    def states(
        self, wanted: Sequence[tuple[str, str, str]], *, stamp: str, encode: Callable[[str], np.ndarray]
    ) -> dict[str, np.ndarray]:
        """States of sentences given as (doc_id, sentence id, text): stored ones read, others encoded."""
        out: dict[str, np.ndarray] = {}
        with self._lock:
            files: dict[str, ArticleTokens | None] = {}
            for doc_id, sid, text in wanted:
                if doc_id not in files:
                    files[doc_id] = self.read(doc_id, stamp=stamp)
                got = files[doc_id]
                vec = got.get(sid) if got is not None else None
                if vec is None:
                    vec = self._encode(doc_id, sid, text, encode)
                out[sid] = vec
        return out

    def _encode(self, doc_id: str, sid: str, text: str, encode: Callable[[str], np.ndarray]) -> np.ndarray:
        key = (sid, text)
        kept = self._encoded.get(key)
        if kept is None:
            if not self.lazy and doc_id not in self._warned:
                self._warned.add(doc_id)
                log.warning(
                    "no stored token states for %s: encoding its sentences while answering (slower); "
                    "run `python -m index` to store them",
                    doc_id,
                )
            kept = quantize(encode(text))
            self._encoded[key] = kept
            while len(self._encoded) > KEPT_ENCODED:
                self._encoded.popitem(last=False)
        self._encoded.move_to_end(key)
        return dequantize(*kept)

    def read(self, doc_id: str, *, stamp: str) -> ArticleTokens | None:
        """An article's stored states made with `stamp`, or None (none stored, damaged, or outdated)."""
        path = self.path(doc_id)
        try:
            info = path.stat()
        except FileNotFoundError:
            return None
        key = (info.st_ino, info.st_mtime_ns, info.st_size)
        kept = self._kept.get(path)
        if kept is not None and kept[0] == key:
            self._kept.move_to_end(path)
            got = kept[1]
        else:
            got = self._load(path, doc_id)
            self._kept[path] = (key, got)
            while len(self._kept) > KEPT_ARTICLES:
                self._kept.popitem(last=False)
        return got if got is not None and got.stamp == stamp else None

    def _load(self, path: Path, doc_id: str) -> ArticleTokens | None:
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["doc_id"]) != doc_id:
                    return None  # a hash collision, in principle: treat as not stored
                ids = [str(s) for s in data["ids"]]
                offsets, values, scale = data["offsets"], data["values"], data["scale"]
                if len(offsets) != len(ids) + 1 or len(values) != offsets[-1] or len(scale) != len(values):
                    raise ValueError("sentence offsets do not match the stored rows")
                return ArticleTokens(str(data["stamp"]), ids, offsets, values, scale)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            log.warning(
                "token states of %s unreadable (%s); they are encoded again as needed, and "
                "`python -m index` stores them anew",
                doc_id,
                exc,
            )
            return None

    def ensure(
        self, doc_id: str, sentences: Mapping[str, str], *, stamp: str, encode: Callable[[str], np.ndarray]
    ) -> int:
        """Store states for exactly these sentences (id -> text), encoding only those not yet stored.

        Returns how many sentences were encoded.
        """
        if self._holds(doc_id, list(sentences), stamp):
            return 0
        have = self.read(doc_id, stamp=stamp)
        states: list[np.ndarray] = []
        encoded = 0
        for sid, text in sentences.items():
            kept = have.get(sid) if have is not None else None
            if kept is None:
                kept = encode(text)
                encoded += 1
            states.append(kept)
        self.write(doc_id, list(sentences), states, stamp=stamp)
        return encoded

    def _holds(self, doc_id: str, ids: list[str], stamp: str) -> bool:
        """Whether the article's file holds exactly these sentences by `stamp`, reading only its ids:
        a build over unchanged articles then reads a few bytes of each file, not its states."""
        try:
            with np.load(self.path(doc_id), allow_pickle=False) as data:
                return bool(
                    str(data["stamp"]) == stamp
                    and str(data["doc_id"]) == doc_id
                    and [str(x) for x in data["ids"]] == ids
                )
        except FileNotFoundError:
            return False
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
            return False  # damaged: `read` reports it, and the file is written anew

    def write(self, doc_id: str, ids: list[str], states: list[np.ndarray], *, stamp: str) -> None:
        """Replace an article's file (atomically: a reader sees the old file or the new one)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        offsets = np.zeros(len(ids) + 1, dtype=np.int64)
        offsets[1:] = np.cumsum([len(s) for s in states])
        if states:
            values, scale = quantize(np.concatenate(states).astype(np.float32))
        else:
            values, scale = np.zeros((0, 0, 0), dtype=np.int8), np.zeros((0, 0), dtype=np.float32)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                np.savez(
                    out,
                    doc_id=np.array(doc_id),
                    stamp=np.array(stamp),
                    ids=np.array(ids, dtype=str),
                    offsets=offsets,
                    values=values,
                    scale=scale,
                )
            os.replace(tmp, self.path(doc_id))
        finally:
            Path(tmp).unlink(missing_ok=True)

    def remove(self, doc_id: str) -> None:
        """Delete an article's file."""
        self.path(doc_id).unlink(missing_ok=True)

    def prune(self, keep: set[str]) -> int:
        """Delete the files of articles not in `keep` (and leftovers of interrupted writes)."""
        if not self.folder.is_dir():
            return 0
        wanted = {self.path(doc_id).name for doc_id in keep}
        removed = 0
        for path in self.folder.iterdir():
            if path.name not in wanted and path.suffix in {_SUFFIX, ".tmp"}:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def clear(self) -> None:
        """Delete every file (for a rebuild)."""
        self.prune(set())
        with self._lock:
            self._kept.clear()
