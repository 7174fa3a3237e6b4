"""BM25 keyword index over chunks, with a Unicode-correct tokenizer; persisted beside the store."""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from pathlib import Path

from index.text import search_terms

K1 = 1.5
B = 0.75


class KeywordIndex:
    """Okapi BM25 over chunk texts, updated incrementally as chunks are added or removed."""

    def __init__(self) -> None:
        self._terms: dict[str, dict[str, int]] = {}  # chunk id -> term counts
        self._df: Counter[str] = Counter()
        self._total_len = 0

    def __len__(self) -> int:
        return len(self._terms)

    @property
    def ids(self) -> set[str]:
        """Ids of the chunks in the index."""
        return set(self._terms)

    def add(self, ids: list[str], texts: list[str]) -> None:
        """Index chunks; an id already present is replaced."""
        self.remove([i for i in ids if i in self._terms])
        for chunk_id, text in zip(ids, texts, strict=True):
            counts = Counter(search_terms(text))
            self._terms[chunk_id] = dict(counts)
            self._df.update(counts.keys())
            self._total_len += sum(counts.values())

    def remove(self, ids: list[str]) -> None:
        """Drop chunks by id; unknown ids are ignored."""
        for chunk_id in ids:
            counts = self._terms.pop(chunk_id, None)
            if counts is None:
                continue
            self._df.subtract(counts.keys())
            self._total_len -= sum(counts.values())
        self._df = +self._df  # drop zero counts

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """The k best chunks for a query by BM25, best first."""
        terms = set(search_terms(query))
        n = len(self._terms)
        if not terms or n == 0:
            return []
        avg_len = self._total_len / n or 1.0
        idf = {t: math.log(1 + (n - self._df[t] + 0.5) / (self._df[t] + 0.5)) for t in terms if self._df[t]}
        if not idf:
            return []
        scores: list[tuple[str, float]] = []
        for chunk_id, counts in self._terms.items():
            length = sum(counts.values())
            score = 0.0
            for term, weight in idf.items():
                tf = counts.get(term, 0)
                if tf:
                    score += weight * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg_len))
            if score > 0:
                scores.append((chunk_id, score))
        scores.sort(key=lambda item: item[1], reverse=True)
        return scores[:k]

    def idf(self, term: str) -> float:
        """BM25 inverse document frequency of a search term (high for rare or unseen terms)."""
        n = len(self._terms)
        df = self._df.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def save(self, path: Path) -> None:
        """Write the index atomically (a crash leaves the previous file intact)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps({"version": 1, "terms": self._terms}, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> KeywordIndex:
        """Read an index written by save()."""
        data = json.loads(path.read_text("utf-8"))
        index = cls()
        for chunk_id, counts in data["terms"].items():
            index._terms[chunk_id] = counts
            index._df.update(counts.keys())
            index._total_len += sum(counts.values())
        return index
