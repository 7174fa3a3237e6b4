"""Token states: e5's per-word vectors, stored per article beside the index, and the reader's alignment."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from bot.reader.alignment import alignment, alignment_features
from bot.reader.matching import Term
from bot.settings import Settings
from index.embedding import E5Embeddings, question_tokens
from index.embedding.tokens import TOKEN_LAYERS, TOKEN_STAMP, token_encoder, word_rows
from index.store import Store
from index.store.tokens import TokenStore, dequantize, quantize
from index.sync.builder import build_index
from index.sync.operations import build
from tests.conftest import make_settings

AMBASSADOR_HI = "रूस में भारत के राजदूत ने मंगलवार को मास्को में एक बयान जारी किया।"
UNRELATED_HI = "बारिश के कारण शहर की कई सड़कों पर पानी भर गया।"


def test_word_rows_keep_vowel_signs_and_split_at_punctuation() -> None:
    pieces = ["\u2581प्रधान", "मंत्री", "\u2581ने", "।", "\u2581U", ".", "S", ".", "\u2581visit", "s"]
    words = word_rows(pieces)
    assert words == [("प्रधानमंत्री", [0, 1]), ("ने", [2]), ("U", [4]), ("S", [6]), ("visits", [8, 9])]


def test_passage_states_are_unit_vectors_of_word_pieces_only() -> None:
    encoder = token_encoder()
    states = encoder.passage("Modi, the prime minister, visited Moscow.")
    assert states.shape[1:] == (len(TOKEN_LAYERS), encoder.hidden)
    assert np.allclose(np.linalg.norm(states, axis=-1), 1.0, atol=1e-4)
    # Two commas and a full stop are pieces of their own and are left out.
    _, pieces = encoder._states("Modi, the prime minister, visited Moscow.", "passage: ")
    assert len(states) == len(pieces) - 3


def test_an_english_word_aligns_with_its_hindi_translation() -> None:
    encoder = token_encoder()
    question = encoder.question("Who is India's ambassador to Russia?")
    terms = [Term("ambassador", frozenset({"ambassador"}), 1.0), Term("russia", frozenset({"russia"}), 1.0)]
    cover, worst = alignment(question, terms, [encoder.passage(AMBASSADOR_HI), encoder.passage(UNRELATED_HI)])
    at8 = TOKEN_LAYERS.index(8)
    assert cover[0, at8] > cover[1, at8] + 0.1
    assert worst[0, at8] > worst[1, at8]


def test_alignment_features_gap_is_to_the_best_and_missing_states_give_zeros() -> None:
    encoder = token_encoder()
    question = encoder.question("Who is India's ambassador to Russia?")
    sentences = [encoder.passage(UNRELATED_HI), encoder.passage(AMBASSADOR_HI), np.zeros((0, 0, 0))]
    columns = alignment_features(question, [], sentences)
    assert columns["align8_gap"][1] == 0.0 and columns["align8_gap"][0] < 0.0
    assert columns["align8"][2] == columns["align4"][2] == 0.0
    unread = alignment_features(None, [], sentences)
    assert all(not column.any() for name, column in unread.items() if not name.endswith("_gap"))


def test_quantized_states_keep_cosines() -> None:
    states = token_encoder().passage(AMBASSADOR_HI)
    back = dequantize(*quantize(states))
    cos = (states * back).sum(-1) / np.linalg.norm(back, axis=-1)
    assert cos.min() > 0.999


def _encode_counting(calls: list[str]):  # type: ignore[no-untyped-def]
    encoder = token_encoder()

    def encode(text: str) -> np.ndarray:
        calls.append(text)
        return encoder.passage(text)

    return encode


def test_store_encodes_only_what_it_does_not_hold(tmp_path: Path) -> None:
    store, calls = TokenStore(tmp_path / "tokens"), []
    encode = _encode_counting(calls)
    first = {"a": "The minister arrived.", "b": AMBASSADOR_HI}
    assert store.ensure("doc/../odd name.txt", first, stamp="s1", encode=encode) == 2
    assert store.ensure("doc/../odd name.txt", first, stamp="s1", encode=encode) == 0
    assert [p.parent for p in (tmp_path / "tokens").iterdir()] == [tmp_path / "tokens"]
    changed = {"b": AMBASSADOR_HI, "c": "A new sentence."}
    assert store.ensure("doc/../odd name.txt", changed, stamp="s1", encode=encode) == 1
    got = store.read("doc/../odd name.txt", stamp="s1")
    assert got is not None and got.ids == ["b", "c"] and "a" not in got
    # Another encoder's states are not compared with this one's: all are encoded again.
    assert store.ensure("doc/../odd name.txt", changed, stamp="s2", encode=encode) == 2


def test_damaged_file_is_encoded_again_while_answering_and_repaired_by_a_sync(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store, calls = TokenStore(tmp_path / "tokens"), []
    encode = _encode_counting(calls)
    store.ensure("doc", {"a": AMBASSADOR_HI}, stamp="s", encode=encode)
    stored = store.states([("doc", "a", AMBASSADOR_HI)], stamp="s", encode=encode)["a"]
    store.path("doc").write_bytes(b"PK\x03\x04 not a zip any more")
    calls.clear()
    again = store.states([("doc", "a", AMBASSADOR_HI)], stamp="s", encode=encode)["a"]
    assert calls == [AMBASSADOR_HI] and "python -m index" in caplog.text
    assert np.abs(again - stored).max() < 0.02
    store.states([("doc", "a", AMBASSADOR_HI)], stamp="s", encode=encode)
    assert len(calls) == 1  # kept in memory, not encoded per question
    assert store.ensure("doc", {"a": AMBASSADOR_HI}, stamp="s", encode=encode) == 1
    assert store.read("doc", stamp="s") is not None


def test_sync_stores_states_per_article_and_removes_them_with_it(
    settings: Settings, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    store = Store(settings, fake_embeddings)
    report = build_index(settings, store)
    folder = settings.index_dir / f"{settings.collection}_tokens"
    assert len(list(folder.glob("*.npz"))) == report.articles == 5
    stamp = token_encoder().stamp
    chunk = next(store.iter_chunks())
    held = store.tokens.read(str(chunk.metadata["doc_id"]), stamp=stamp)
    assert held is not None and all(sid in held for sid in json.loads(str(chunk.metadata["sentence_ids"])))
    (settings.articles_dir / str(chunk.metadata["doc_id"])).unlink()
    build_index(settings, store)
    assert len(list(folder.glob("*.npz"))) == 4
    assert store.tokens.read(str(chunk.metadata["doc_id"]), stamp=stamp) is None
    (folder / "left-by-an-interrupted-write.tmp").write_bytes(b"")
    build(settings, store=store, rebuild=True)
    assert sorted(p.suffix for p in folder.iterdir()) == [".npz"] * 4


def test_lazy_builds_store_no_states_and_answers_encode_them_quietly(
    tmp_path: Path, fake_embeddings: DeterministicFakeEmbedding, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(tmp_path, token_states="lazy")
    store = Store(settings, fake_embeddings)
    build_index(settings, store)
    assert not (settings.index_dir / f"{settings.collection}_tokens").exists()
    chunk = next(store.iter_chunks())
    sid = json.loads(str(chunk.metadata["sentence_ids"]))[0]
    encoder = token_encoder()
    got = store.tokens.states(
        [(str(chunk.metadata["doc_id"]), sid, "Some text.")], stamp=encoder.stamp, encode=encoder.passage
    )
    assert got[sid].shape[1:] == (len(TOKEN_LAYERS), encoder.hidden)
    assert "python -m index" not in caplog.text


def test_a_question_embedding_pass_yields_the_same_token_states() -> None:
    embeddings = E5Embeddings()
    question = "Who is India's ambassador to Russia?"
    embeddings.embed_query(question)
    shared = embeddings.question_states(question)
    assert shared is not None
    mine, theirs = question_tokens(*shared), token_encoder().question(question)
    assert mine.words == theirs.words
    assert np.allclose(mine.vectors, theirs.vectors, atol=1e-5)
    assert embeddings.question_states("a question never embedded") is None


@pytest.mark.slow
def test_answering_from_stored_states_never_loads_the_sentence_encoder(e5_settings: Settings) -> None:
    from bot import answer

    token_encoder.cache_clear()
    result = answer("Whom did Jaishankar meet in Moscow on Monday?", settings=e5_settings)
    assert result.sources
    # Every sentence's states were stored by the build and the question's came from its embedding.
    assert token_encoder.cache_info().currsize == 0


def test_the_scale_benchmark_stub_writes_states_that_answers_read(
    settings: Settings, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    from bot.bench.embedding import stub_token_encoder

    stub = stub_token_encoder()
    assert stub.passage(AMBASSADOR_HI).shape == token_encoder().passage(AMBASSADOR_HI).shape
    store = Store(settings, fake_embeddings)
    build_index(settings, store, tokens=stub)
    chunk = next(store.iter_chunks())
    held = store.tokens.read(str(chunk.metadata["doc_id"]), stamp=TOKEN_STAMP)
    assert held is not None and all(sid in held for sid in json.loads(str(chunk.metadata["sentence_ids"])))
