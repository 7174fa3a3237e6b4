"""BM25 keyword index: same scores as the textbook formula, incremental, persisted, repaired."""

from __future__ import annotations

import logging
import math
import random
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

import index.store.keyword as keyword_module
from bot.bench.corpus import CorpusGenerator, load_seed_sentences
from bot.settings import Settings
from index.store import Store
from index.store.keyword import K1, B, KeywordIndex
from index.sync.builder import build_index, keyword_path, load_keyword_index
from index.text import search_terms, split_sentences
from tests.conftest import ROOT

QUERIES = [
    "Putin visit India summit",
    "जयशंकर मास्को",
    "Lavrov",
    "लावरोव Lavrov",
    "Rajnath Singh Moscow wreath",
    "nothing-matches-this",
]


def textbook_bm25(docs: dict[str, str], query: str, k: int) -> list[tuple[str, float]]:
    """Okapi BM25 written out directly over every document."""
    counts = {d: Counter(search_terms(t)) for d, t in docs.items()}
    n = len(docs)
    avg = sum(sum(c.values()) for c in counts.values()) / n
    scores = {}
    for d, c in counts.items():
        length = sum(c.values())
        s = 0.0
        for term in set(search_terms(query)):
            df = sum(1 for other in counts.values() if term in other)
            if df and c[term]:
                idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
                s += idf * c[term] * (K1 + 1) / (c[term] + K1 * (1 - B + B * length / avg))
        if s > 0:
            scores[d] = s
    return sorted(scores.items(), key=lambda item: -item[1])[:k]


def chunks(count: int) -> list[str]:
    gen = CorpusGenerator(load_seed_sentences(ROOT / "seeds"))
    out: list[str] = []
    i = 0
    while len(out) < count:
        sentences = split_sentences(gen.article(i).text)
        out += [" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 3)]
        i += 1
    return out[:count]


def assert_same_ranking(index: KeywordIndex, docs: dict[str, str]) -> None:
    for query in QUERIES:
        expected = textbook_bm25(docs, query, 10)
        got = index.search(query, 10)
        assert [round(s, 4) for _, s in got] == pytest.approx([round(s, 4) for _, s in expected], rel=1e-4)
        assert {d for d, _ in got} == {d for d, _ in expected} or len(expected) == 10


@pytest.mark.parametrize("merge_at", [10**9, 300])
def test_matches_textbook_bm25_through_adds_removes_and_replacements(
    merge_at: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(keyword_module, "MERGE_AT", merge_at)
    texts = chunks(400)
    rng = random.Random(7)
    docs: dict[str, str] = {}
    index = KeywordIndex()
    for start in range(0, len(texts), 50):
        ids = [f"c{i}" for i in range(start, start + 50)]
        index.add(ids, texts[start : start + 50])
        docs.update(zip(ids, texts[start : start + 50], strict=True))
        gone = rng.sample(sorted(docs), 10)
        index.remove(gone)
        for g in gone:
            docs.pop(g)
        replaced = rng.sample(sorted(docs), 5)
        index.add(replaced, [docs[r] + " trade talks" for r in replaced])
        docs.update({r: docs[r] + " trade talks" for r in replaced})
    assert index.ids == set(docs) and len(index) == len(docs)
    assert_same_ranking(index, docs)
    assert index.idf("putin") == pytest.approx(
        math.log(
            1
            + (len(docs) - sum("putin" in search_terms(t) for t in docs.values()) + 0.5)
            / (sum("putin" in search_terms(t) for t in docs.values()) + 0.5)
        )
    )

    path = tmp_path / "kw.npz"
    index.stamp = "abc"
    index.save(path)
    loaded = KeywordIndex.load(path)
    assert loaded.stamp == "abc" and loaded.ids == set(docs)
    assert_same_ranking(loaded, docs)
    loaded.add(["new"], ["Putin and Lavrov met in Tianjin"])
    docs["new"] = "Putin and Lavrov met in Tianjin"
    assert_same_ranking(loaded, docs)


def test_other_formats_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.npz"
    path.write_bytes(b'{"version": 1, "terms": {}}')
    with pytest.raises(ValueError):
        KeywordIndex.load(path)


def test_another_formats_index_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = KeywordIndex()
    index.add(["a"], ["Putin met Modi in Tianjin"])
    path = tmp_path / "keyword.npz"
    index.save(path)
    assert KeywordIndex.load(path).ids == {"a"}
    # Keys are made another way in another format: the file must be rebuilt from the store.
    monkeypatch.setattr("index.store.keyword.FORMAT_VERSION", 999)
    with pytest.raises(ValueError, match="keyword index format"):
        KeywordIndex.load(path)


def built(tmp_path: Path) -> tuple[Settings, Store]:
    folder = tmp_path / "articles"
    CorpusGenerator(load_seed_sentences(ROOT / "seeds")).write(folder, 12)
    settings = Settings(articles_dir=folder, index_dir=tmp_path / "index", collection="kw")
    store = Store(settings, DeterministicFakeEmbedding(size=16))
    build_index(settings, store)
    return settings, store


def test_start_up_trusts_the_stamped_file_without_scanning_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, store = built(tmp_path)

    def no_scan() -> set[str]:
        raise AssertionError("start-up scanned the store")

    monkeypatch.setattr(store, "chunk_ids", no_scan)
    assert len(load_keyword_index(store, settings)) == store.count()


def rewrite_npz(path: Path, **changes: np.ndarray) -> None:
    """Save the keyword file again with some of its arrays replaced (a file changed by hand)."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    arrays.update(changes)
    with path.open("wb") as fh:
        np.savez(fh, **arrays)


DAMAGE = [
    "deleted", "garbage", "stale", "truncated", "cut short", "empty", "flipped byte",
    "postings out of range", "metadata not a mapping",
]


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_missing_stale_or_damaged_keyword_file_is_repaired_from_the_store(
    tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings, store = built(tmp_path)
    path = keyword_path(settings)
    expected = {c.id for c in store.iter_chunks()}
    data = path.read_bytes()
    if damage == "deleted":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"not an index")
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "cut short":
        path.write_bytes(data[:-10])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "flipped byte":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    elif damage == "postings out of range":
        with np.load(path) as arrays:
            rows = arrays["rows"].copy()
        rows[-1] = 10**6
        rewrite_npz(path, rows=rows)
    elif damage == "metadata not a mapping":
        rewrite_npz(path, meta=np.frombuffer(b"[1, 2]", dtype=np.uint8))
    else:
        stale = KeywordIndex.load(path)
        stale.remove(sorted(expected)[:5])
        stale.add(["ghost"], ["a chunk the store never had"])
        stale.save(path)
    with caplog.at_level(logging.WARNING):
        repaired = load_keyword_index(store, settings)
    assert repaired.ids == expected and repaired.search(QUERIES[0], 5)
    assert KeywordIndex.load(path).ids == expected
    if damage not in ("deleted", "stale"):
        assert "rebuilding it from the store" in caplog.text
