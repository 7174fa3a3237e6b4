"""BM25 keyword index over chunks: numpy postings, incremental updates, fast binary save and load."""

from __future__ import annotations

import json
import math
import os
import zipfile
from array import array
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from index.text import search_terms

K1 = 1.5
B = 0.75
FORMAT_VERSION = 6  # 3: Hindi function verbs became stopwords; 4: "hoped" stems to "hope"; 5: दोनों, सभी;
# 6: no lexicon concept keys
# Postings added since the last merge are kept in small growable arrays; past this many they are
# merged into the packed numpy postings, so adding stays cheap and memory stays compact.
MERGE_AT = 4_000_000
_MAX_TF = 65_535


class KeywordIndex:
    """Okapi BM25 over chunk texts, updated incrementally as chunks are added or removed."""

    def __init__(self) -> None:
        self.stamp: str | None = None
        self._vocab: dict[str, int] = {}
        self._ids: list[str] = []  # row -> chunk id ("" once removed)
        self._rows: dict[str, int] = {}  # live chunk id -> row
        self._doc_len = array("I")
        self._alive = bytearray()
        self._total_len = 0
        # Packed postings by term (CSC-like): rows of term t are rows[indptr[t]:indptr[t+1]].
        self._indptr = np.zeros(1, dtype=np.int64)
        self._post_rows = np.empty(0, dtype=np.int32)
        self._post_tf = np.empty(0, dtype=np.uint16)
        self._pending: dict[int, tuple[array[int], array[int]]] = {}
        self._pending_count = 0

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def ids(self) -> set[str]:
        """Ids of the chunks in the index."""
        return set(self._rows)

    def __contains__(self, chunk_id: object) -> bool:
        return chunk_id in self._rows

    def add(self, ids: list[str], texts: list[str]) -> None:
        """Index chunks; an id already present is replaced."""
        if len(ids) != len(texts):
            raise ValueError("add() needs one text per id")
        self.remove([i for i in ids if i in self._rows])
        for chunk_id, text in zip(ids, texts, strict=True):
            if chunk_id in self._rows:  # the same id twice in one call: last text wins
                self.remove([chunk_id])
            row = len(self._ids)
            counts = Counter(search_terms(text))
            for term, tf in counts.items():
                tid = self._vocab.setdefault(term, len(self._vocab))
                if tid not in self._pending:
                    self._pending[tid] = (array("i"), array("H"))
                rows, tfs = self._pending[tid]
                rows.append(row)
                tfs.append(min(tf, _MAX_TF))
            length = sum(counts.values())
            self._ids.append(chunk_id)
            self._rows[chunk_id] = row
            self._doc_len.append(length)
            self._alive.append(1)
            self._total_len += length
            self._pending_count += len(counts)
        if self._pending_count >= MERGE_AT:
            self._merge()

    def remove(self, ids: list[str]) -> None:
        """Drop chunks by id; unknown ids are ignored."""
        for chunk_id in ids:
            row = self._rows.pop(chunk_id, None)
            if row is None:
                continue
            # Tombstone: postings stay until the next compaction, masked out at search time.
            self._alive[row] = 0
            self._ids[row] = ""
            self._total_len -= self._doc_len[row]

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """The k best chunks for a query by BM25, best first."""
        n_live = len(self._rows)
        term_ids = sorted({self._vocab[t] for t in search_terms(query) if t in self._vocab})
        if not term_ids or n_live == 0 or k <= 0:
            return []
        alive = np.frombuffer(self._alive, dtype=np.uint8).view(bool)
        doc_len = np.frombuffer(self._doc_len, dtype=np.uint32)
        avg_len = self._total_len / n_live or 1.0
        scores = np.zeros(len(self._ids), dtype=np.float32)
        for tid in term_ids:
            rows, tf = self._postings(tid)
            keep = alive[rows]
            rows = rows[keep]
            if rows.size == 0:
                continue
            tf = tf[keep].astype(np.float32)
            df = rows.size
            idf = math.log(1 + (n_live - df + 0.5) / (df + 0.5))
            norm = K1 * (1 - B + B * doc_len[rows].astype(np.float32) / avg_len)
            # A term's rows are unique, so a plain fancy-index add is exact.
            scores[rows] += idf * tf * (K1 + 1) / (tf + norm)
        hits = np.flatnonzero(scores)
        if hits.size > k:
            hits = hits[np.argpartition(-scores[hits], k - 1)[:k]]
        order = np.lexsort((hits, -scores[hits]))  # best first; ties by insertion order
        return [(self._ids[r], float(scores[r])) for r in hits[order]]

    def document_frequency(self, term: str) -> int:
        """How many live chunks contain the term."""
        tid = self._vocab.get(term)
        if tid is None:
            return 0
        rows, _ = self._postings(tid)
        return int(np.count_nonzero(np.frombuffer(self._alive, dtype=np.uint8)[rows]))

    def idf(self, term: str) -> float:
        """BM25 inverse document frequency of a search term (high for rare or unseen terms)."""
        n = len(self._rows)
        df = self.document_frequency(term)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def knows(self, term: str) -> bool:
        """True when any indexed chunk contains the term."""
        return self.document_frequency(term) > 0

    def save(self, path: Path) -> None:
        """Write the index atomically (a crash leaves the previous file intact)."""
        self._compact()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        terms = [""] * len(self._vocab)
        for term, tid in self._vocab.items():
            terms[tid] = term
        with tmp.open("wb") as fh:
            np.savez(
                fh,
                version=np.array(FORMAT_VERSION),
                meta=_blob({"stamp": self.stamp, "total_len": self._total_len}),
                ids=_blob(self._ids),
                terms=_blob(terms),
                doc_len=np.frombuffer(self._doc_len, dtype=np.uint32),
                indptr=self._indptr,
                rows=self._post_rows,
                tf=self._post_tf,
            )
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> KeywordIndex:
        """Read an index written by save(); raises ValueError for another format or a damaged file."""
        try:
            return cls._load(path)
        except (zipfile.BadZipFile, EOFError, KeyError, TypeError, IndexError) as exc:
            # A file cut short by a full disk or a copy, or changed by hand.
            raise ValueError(f"{path} is damaged ({type(exc).__name__}: {exc})") from exc

    @classmethod
    def _load(cls, path: Path) -> KeywordIndex:
        with np.load(path, allow_pickle=False) as data:
            if int(data["version"]) != FORMAT_VERSION:
                raise ValueError(f"{path} holds keyword index format {int(data['version'])}")
            index = cls()
            meta = _unblob(data["meta"])
            if not isinstance(meta, dict):
                raise TypeError("its metadata is not a mapping")
            index.stamp = meta["stamp"]
            index._total_len = int(meta["total_len"])
            index._ids = _unblob(data["ids"])
            index._vocab = {term: tid for tid, term in enumerate(_unblob(data["terms"]))}
            index._doc_len = array("I", data["doc_len"].astype(np.uint32).tobytes())
            index._indptr = data["indptr"]
            index._post_rows = data["rows"]
            index._post_tf = data["tf"]
        _check_consistent(index)
        index._rows = {cid: row for row, cid in enumerate(index._ids)}
        index._alive = bytearray(b"\x01" * len(index._ids))
        return index

    def _postings(self, tid: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows and term frequencies of one term, packed and pending together."""
        if tid + 1 < len(self._indptr):
            lo, hi = int(self._indptr[tid]), int(self._indptr[tid + 1])
            rows, tf = self._post_rows[lo:hi], self._post_tf[lo:hi]
        else:
            rows, tf = self._post_rows[:0], self._post_tf[:0]
        pending = self._pending.get(tid)
        if pending:
            rows = np.concatenate([rows, np.frombuffer(pending[0], dtype=np.int32)])
            tf = np.concatenate([tf, np.frombuffer(pending[1], dtype=np.uint16)])
        return rows, tf

    def _merge(self) -> None:
        """Fold pending postings into the packed arrays (rows stay ascending within a term)."""
        n_terms = len(self._vocab)
        packed_terms = len(self._indptr) - 1
        if not self._pending and packed_terms == n_terms:
            return
        term_of = [np.repeat(np.arange(packed_terms, dtype=np.int32), np.diff(self._indptr))]
        rows = [self._post_rows]
        tfs = [self._post_tf]
        for tid, (p_rows, p_tf) in self._pending.items():
            term_of.append(np.full(len(p_rows), tid, dtype=np.int32))
            rows.append(np.frombuffer(p_rows, dtype=np.int32))
            tfs.append(np.frombuffer(p_tf, dtype=np.uint16))
        all_terms = np.concatenate(term_of)
        order = np.argsort(all_terms, kind="stable")
        self._post_rows = np.concatenate(rows)[order]
        self._post_tf = np.concatenate(tfs)[order]
        counts = np.bincount(all_terms, minlength=n_terms)
        self._indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._pending = {}
        self._pending_count = 0

    def _compact(self) -> None:
        """Merge pending postings, drop removed rows and terms no live chunk uses."""
        self._merge()
        alive = np.frombuffer(self._alive, dtype=np.uint8).view(bool)
        if alive.all():
            return
        new_row = np.cumsum(alive, dtype=np.int64) - 1
        keep = alive[self._post_rows]
        term_of = np.repeat(np.arange(len(self._indptr) - 1, dtype=np.int64), np.diff(self._indptr))
        term_of = term_of[keep]
        used = np.bincount(term_of, minlength=len(self._indptr) - 1) > 0
        new_term = np.cumsum(used, dtype=np.int64) - 1
        self._post_rows = new_row[self._post_rows[keep]].astype(np.int32)
        self._post_tf = self._post_tf[keep]
        counts = np.bincount(new_term[term_of], minlength=int(used.sum()))
        self._indptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._vocab = {t: int(new_term[i]) for t, i in self._vocab.items() if used[i]}
        self._ids = [cid for cid, live in zip(self._ids, alive, strict=True) if live]
        self._doc_len = array("I", np.frombuffer(self._doc_len, dtype=np.uint32)[alive].tobytes())
        self._alive = bytearray(b"\x01" * len(self._ids))
        self._rows = {cid: row for row, cid in enumerate(self._ids)}


def _check_consistent(index: KeywordIndex) -> None:
    """Raise IndexError unless the loaded arrays fit together (a damaged file may still unpack)."""
    indptr, rows = index._indptr, index._post_rows
    if not (isinstance(index._ids, list) and all(isinstance(i, str) for i in index._ids)):
        raise IndexError("chunk ids are not a list of strings")
    if len(index._doc_len) != len(index._ids) or len(indptr) != len(index._vocab) + 1:
        raise IndexError("array lengths disagree")
    if len(rows) != len(index._post_tf) or int(indptr[0]) != 0 or int(indptr[-1]) != len(rows):
        raise IndexError("postings do not match their offsets")
    outside = len(rows) > 0 and (int(rows.min()) < 0 or int(rows.max()) >= len(index._ids))
    if outside or np.any(np.diff(indptr) < 0):
        raise IndexError("postings point outside the index")


def _blob(value: object) -> np.ndarray:
    """JSON as a byte array (npz holds arrays only, and no pickles)."""
    return np.frombuffer(json.dumps(value, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def _unblob(value: np.ndarray) -> Any:
    """Inverse of _blob."""
    return json.loads(value.tobytes().decode("utf-8"))
