"""Indexing contract: idempotent, incremental, bad files skipped, embedder recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding
from pydantic import Field

from bot.errors import ArticleError, EmbedderMismatchError, IndexMissingError
from bot.settings import Settings
from index.store import Store
from index.store.batch import EmbeddingCache
from index.sync.builder import add_files, build_index
from index.sync.operations import index_stats


def store_for(settings: Settings, embeddings: DeterministicFakeEmbedding) -> Store:
    return Store(settings, embeddings)


def test_second_run_adds_nothing(settings: Settings, fake_embeddings: DeterministicFakeEmbedding) -> None:
    first = build_index(settings, store_for(settings, fake_embeddings))
    assert first.articles == 5 and first.chunks_added == first.chunks_total > 20
    again = build_index(settings, store_for(settings, fake_embeddings))
    assert (again.chunks_added, again.chunks_removed, again.chunks_total) == (0, 0, first.chunks_total)


def test_changed_file_replaces_its_chunks_and_deleted_file_leaves(
    settings: Settings, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    store = store_for(settings, fake_embeddings)
    total = build_index(settings, store).chunks_total
    path = settings.articles_dir / "004_c3b66749c4752dbd.txt"
    path.write_text(path.read_text("utf-8") + "\nA new closing paragraph was added to the story today.\n")
    changed = build_index(settings, store)
    assert changed.docs_changed == ["004_c3b66749c4752dbd.txt"]
    assert changed.chunks_added >= 1 and changed.chunks_removed >= 1
    docs = {c.metadata["doc_id"] for c in store.iter_chunks()}
    assert len(docs) == 5
    (settings.articles_dir / "003_cadc0e8ed483c937.txt").unlink()
    removed = build_index(settings, store)
    assert "003_cadc0e8ed483c937.txt" in removed.docs_changed
    assert {c.metadata["doc_id"] for c in store.iter_chunks()} == docs - {"003_cadc0e8ed483c937.txt"}
    assert removed.chunks_total < total + changed.chunks_added


def test_bad_files_are_skipped_and_the_rest_untouched(
    settings: Settings, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    store = store_for(settings, fake_embeddings)
    total = build_index(settings, store).chunks_total
    (settings.articles_dir / "empty.txt").write_bytes(b"")
    (settings.articles_dir / "binary.html").write_bytes(b"\x00\x01\x02\x03" * 50)
    (settings.articles_dir / "latin1.md").write_bytes("é".encode("latin-1") * 200)
    report = build_index(settings, store)
    assert sorted(s.path.name for s in report.skipped) == ["binary.html", "empty.txt", "latin1.md"]
    assert report.chunks_total == total and report.chunks_added == report.chunks_removed == 0


def test_add_files_with_a_bad_file_changes_nothing(
    settings: Settings, fake_embeddings: DeterministicFakeEmbedding, tmp_path: Path
) -> None:
    store = store_for(settings, fake_embeddings)
    total = build_index(settings, store).chunks_total
    good = tmp_path / "new_story.txt"
    good.write_text("Mumbai, March 3 (PTI): The city opened a new metro line on Sunday. " * 4, "utf-8")
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\xfa" * 30)
    with pytest.raises(ArticleError, match="UTF-8"):
        add_files([good, bad], settings, store)
    assert store.count() == total
    assert not (settings.articles_dir / "new_story.txt").exists()
    report = add_files([good], settings, store)
    assert report.chunks_added >= 1 and (settings.articles_dir / "new_story.txt").exists()
    assert index_stats(settings, store=store).articles == 6


def test_missing_index_and_embedder_mismatch_are_clear(
    settings: Settings, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    with pytest.raises(IndexMissingError, match="python -m index"):
        store_for(settings, fake_embeddings).open()
    build_index(settings, store_for(settings, fake_embeddings))
    other = Store(settings, DeterministicFakeEmbedding(size=16))
    with pytest.raises(EmbedderMismatchError, match="--rebuild"):
        other.open()


def test_both_collections_search_as_widely_as_the_setting_says(
    settings: Settings, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    build_index(settings, store_for(settings, fake_embeddings))
    built = store_for(settings, fake_embeddings).open()
    assert [c.configuration["hnsw"]["ef_search"] for c in built] == [settings.ef_search] * 2
    # An index built with another width (or before the setting) is brought to the setting on open.
    wider = settings.model_copy(update={"ef_search": settings.ef_search + 50})
    Store(wider, fake_embeddings).open()
    reread = store_for(wider, fake_embeddings).open()
    assert [c.configuration["hnsw"]["ef_search"] for c in reread] == [wider.ef_search] * 2


def test_stats_and_build_record(settings: Settings, fake_embeddings: DeterministicFakeEmbedding) -> None:
    store = store_for(settings, fake_embeddings)
    build_index(settings, store)
    stats = index_stats(settings, store=store)
    assert stats.articles == 5 and stats.languages == {"en": 3, "hi": 2}
    assert stats.embedder == "DeterministicFakeEmbedding:32" and stats.built_at and stats.complete


def test_interrupted_build_is_repaired(
    settings: Settings, fake_embeddings: DeterministicFakeEmbedding, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small write batches, so the build is interrupted with part of it written.
    settings = settings.model_copy(update={"write_batch": 16})
    store = store_for(settings, fake_embeddings)
    calls = {"n": 0}
    real = store.upsert

    def failing(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "upsert", failing)
    with pytest.raises(KeyboardInterrupt):
        build_index(settings, store)
    assert store.build_info()["complete"] is False
    monkeypatch.setattr(store, "upsert", real)
    repaired = build_index(settings, store)
    fresh_settings = settings.model_copy(update={"collection": "fresh"})
    fresh = build_index(fresh_settings, Store(fresh_settings, fake_embeddings))
    assert repaired.chunks_total == fresh.chunks_total
    assert sorted(c.id for c in store.iter_chunks()) == sorted(
        c.id for c in Store(fresh_settings, fake_embeddings).iter_chunks()
    )
    assert store.build_info()["complete"] is True


def test_seeds_are_unchanged_copies() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("shared seeds folder not present beside the checkout")
    ours = Path(__file__).resolve().parent.parent / "seeds"
    for path in shared.glob("*.txt"):
        assert (ours / path.name).read_bytes() == path.read_bytes()


class RecordingEmbedding(DeterministicFakeEmbedding):
    """The fake embedder, keeping every text it was asked to embed as a passage."""

    seen: list[str] = Field(default_factory=list)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.seen.extend(texts)
        return super().embed_documents(texts)


def test_a_sentence_that_leans_back_is_embedded_with_its_antecedent(settings: Settings) -> None:
    embeddings = RecordingEmbedding(size=32)
    build_index(settings, Store(settings, embeddings))
    antecedent = (
        '"The Russian Defence Minister emphasised on deepening relationship between both the countries which '
        "is based on mutual trust."
    )
    sentence = 'He congratulated Raksha Mantri on the commissioning of INS Tushil," the statement added.'
    assert f"{antecedent} {sentence}" in embeddings.seen
    assert sentence not in embeddings.seen
    # A sentence that stands on its own is embedded as it is.
    assert antecedent in embeddings.seen


def test_sentences_embedded_by_an_older_recipe_are_embedded_again(settings: Settings) -> None:
    embeddings = RecordingEmbedding(size=32)
    store = Store(settings, embeddings)
    first = build_index(settings, store)
    _, sentences = store.open()
    count = sentences.count()
    store.mark_built(complete=True, sentence_recipe="1-old")  # as an index built before the recipe changed
    embeddings.seen.clear()
    again = build_index(settings, store)
    assert (again.chunks_added, again.chunks_removed, again.chunks_total) == (0, 0, first.chunks_total)
    assert len(embeddings.seen) == count == sentences.count()
    embeddings.seen.clear()
    build_index(settings, store)
    assert embeddings.seen == []  # stamped current: nothing to redo


def test_new_discourse_rules_embed_again(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    embeddings = RecordingEmbedding(size=32)
    store = Store(settings, embeddings)
    build_index(settings, store)
    _, sentences = store.open()
    embeddings.seen.clear()
    # What a sentence leans on decides what is embedded: other rules, other vectors.
    monkeypatch.setattr("index.sync.builder.discourse_fingerprint", lambda: "other-rules")
    build_index(settings, store)
    assert len(embeddings.seen) == sentences.count()


def test_identical_sentences_and_chunks_are_embedded_once(settings: Settings, tmp_path: Path) -> None:
    embeddings = RecordingEmbedding(size=32)
    store = Store(settings, embeddings)
    build_index(settings, store)
    embeddings.seen.clear()
    repeated = tmp_path / "repeated.txt"
    repeated.write_text("The Pune city council opened a new metro line on Sunday. " * 300, "utf-8")
    report = add_files([repeated], settings, store)
    assert report.chunks_added > 50  # overlapping windows of the same sentence, each stored
    _, sentences = store.open()
    assert len(sentences.get(where={"doc_id": "repeated.txt"}, include=[])["ids"]) == 300
    # ... yet each distinct text (the sentence, the window of four) went to the embedder once.
    assert len(embeddings.seen) == len(set(embeddings.seen)) <= 3


def test_embedding_cache_forgets_the_oldest_texts() -> None:
    calls: list[list[str]] = []

    def embed(texts: list[str]) -> list[list[float]]:
        calls.append(texts)
        return [[float(len(t)), 1.0] for t in texts]

    cache = EmbeddingCache(capacity=2)
    assert cache.embed(["a", "bb", "a"], embed) == [[1.0, 1.0], [2.0, 1.0], [1.0, 1.0]]
    assert calls == [["a", "bb"]]
    cache.embed(["ccc"], embed)  # "a" is now the oldest and leaves
    cache.embed(["bb", "a"], embed)
    assert calls[-1] == ["a"]
