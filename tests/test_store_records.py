"""Chunks and sentence vectors an open store has read are kept: read once, never stale after a write."""

from __future__ import annotations

from typing import Any

import numpy as np
from langchain_core.embeddings import DeterministicFakeEmbedding

from bot.settings import Settings
from index.store import Store
from index.store.records import RecordCache
from index.sync.builder import build_index


class CountingStore(Store):
    """The real store, noting each call it makes to Chroma."""

    calls: list[str]

    def _call(self, what: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(what)
        return super()._call(what, fn, *args, **kwargs)


def built(settings: Settings) -> tuple[CountingStore, DeterministicFakeEmbedding]:
    embeddings = DeterministicFakeEmbedding(size=32)
    store = CountingStore(settings, embeddings)
    store.calls = []
    build_index(settings, store)
    store.calls.clear()
    return store, embeddings


def sentence_ids(store: Store) -> list[str]:
    _, sentences = store.open()
    return list(sentences.get(limit=40, include=[])["ids"])


def test_the_cache_reads_only_what_it_lacks_and_keeps_the_order_asked() -> None:
    cache: RecordCache[int] = RecordCache(limit=3)
    reads: list[list[str]] = []

    def read(ids: list[str]) -> list[tuple[str, int]]:
        reads.append(ids)
        return [(i, int(i)) for i in ids if i != "9"]  # "9" is not in the store

    assert list(cache.fetch(["2", "1", "9"], read).items()) == [("2", 2), ("1", 1)]
    assert list(cache.fetch(["1", "3", "2"], read).items()) == [("1", 1), ("3", 3), ("2", 2)]
    assert reads == [["2", "1", "9"], ["3"]]
    cache.fetch(["4"], read)  # over the limit: "1", used least recently, goes
    assert len(cache) == 3
    cache.fetch(["1"], read)
    assert reads[-1] == ["1"]
    cache.clear()
    assert len(cache) == 0


def test_a_second_question_on_the_same_articles_reads_no_record_again(settings: Settings) -> None:
    store, embeddings = built(settings)
    vector = embeddings.embed_query("When will Putin visit India?")
    first = store.search(vector, k=5)
    sids = sentence_ids(store)
    vectors = store.sentence_vectors(sids)
    assert store.calls == ["searching", "reading chunks", "reading sentences"]
    store.calls.clear()
    again = store.search(vector, k=5)
    assert store.calls == ["searching"]
    assert store.get_chunks([str(d.id) for d, _ in first]) == [d for d, _ in first]
    assert store.sentence_vectors(sids).keys() == vectors.keys()
    assert store.calls == ["searching"]
    # What is kept is what a fresh read gives.
    fresh = Store(settings, embeddings)
    assert again == first == fresh.search(vector, k=5)
    got = fresh.sentence_vectors(sids)
    assert all(np.array_equal(got[s], vectors[s]) for s in sids)


def test_a_build_through_the_same_store_is_seen_at_once(settings: Settings) -> None:
    store, embeddings = built(settings)
    path = settings.articles_dir / "004_c3b66749c4752dbd.txt"
    kept = [c.id for c in store.iter_chunks() if c.metadata["doc_id"] == path.name]
    before = store.get_chunks(kept)
    assert len(before) == len(kept)
    path.write_text("A different story now: the talks were postponed to next spring.\n", "utf-8")
    build_index(settings, store)
    # The old chunks are gone from the store, so from what the store returns too.
    assert store.get_chunks(kept) == []
    assert store.get_chunks(kept) == Store(settings, embeddings).get_chunks(kept)
