"""The runner over a fake answer function that returns real Answer objects."""

from __future__ import annotations

import io

import pytest

from bot.errors import IndexMissingError, InvalidQuestionError
from bot.evaluate.dataset import QAItem
from bot.evaluate.runner import run_eval
from bot.schema import Answer, Source
from bot.settings import Settings

A, B = "000_08c572ea12177823.txt", "002_06019d068f654b61.txt"


def src(n: int, doc_id: str) -> Source:
    return Source(n=n, doc_id=doc_id, title=doc_id, language="en", snippet="...")


def item(id: str, answers: list[str], sources: list[str], type: str = "name") -> QAItem:
    return QAItem(id=id, question=f"question {id}?", lang="en", type=type, answers=answers, sources=sources)


ITEMS = [
    item("right", ["Lavrov", "लावरोव"], [B]),
    item("wrong", ["Jaiswal"], [A]),
    item("refused", ["Jaiswal"], [A]),
    item("unans", [], [], type="unanswerable"),
    item("unans-answered", [], [], type="unanswerable"),
    item("raises", ["x"], [A]),
    item("badcite", ["Peskov"], [A]),
]


class FakeBot:
    """Stands in for bot.answer: canned Answers per question id, records what it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Settings | None]] = []

    def __call__(self, question: str, *, settings: Settings | None = None) -> Answer:
        self.calls.append((question, settings))
        key = question.removeprefix("question ").removesuffix("?")
        if key == "right":
            return Answer(question=question, text="जयशंकर ने लावरोव से मुलाकात की [2].",
                          sources=[src(1, A), src(2, B)])
        if key in ("wrong", "unans-answered"):
            return Answer(question=question, text="Putin will visit [1].", sources=[src(1, A)])
        if key in ("refused", "unans"):
            return Answer(question=question, text="The articles do not say.", abstained=True,
                          closest=[src(1, A)])
        if key == "raises":
            raise InvalidQuestionError("Question too long; shorten it.")
        return Answer(question=question, text="Peskov said so [3].", sources=[src(1, A)])


def test_records_are_scored() -> None:
    fake = FakeBot()
    settings = Settings()
    records = {r.id: r for r in run_eval(ITEMS, answer_fn=fake, settings=settings, progress=None)}
    assert [c[1] for c in fake.calls] == [settings] * len(ITEMS)

    right = records["right"]
    assert right.correct and right.citation_valid and right.f1 is not None and right.f1 > 0
    assert right.returned_sources == [A, B] and right.cited == [2]
    assert right.hit_at_1 is False and right.hit_at_k is True and right.reciprocal_rank == 0.5
    assert right.citation_precision == 1.0
    assert right.reasons == ["top source is not a gold article"]

    assert records["wrong"].correct is False and records["wrong"].hit_at_1 is True
    assert "no accepted answer in the text" in records["wrong"].reasons

    refused = records["refused"]
    assert refused.abstained and refused.correct is False and refused.f1 == 0.0
    assert refused.citation_valid is None and refused.hit_at_1 is False
    assert refused.reasons[0] == "abstained on an answerable question"

    assert records["unans"].refused_correctly is True and records["unans"].reasons == []
    assert records["unans"].correct is None and records["unans"].hit_at_1 is None
    assert records["unans-answered"].refused_correctly is False

    raised = records["raises"]
    assert raised.error and "InvalidQuestionError" in raised.error and raised.correct is False

    bad = records["badcite"]
    assert bad.correct and bad.citation_valid is False and bad.citation_precision is None
    assert "citation to a missing source" in bad.reasons
    assert all(r.latency_ms >= 0 for r in records.values())


def test_setup_errors_stop_the_run() -> None:
    def no_index(question: str, *, settings: Settings | None = None) -> Answer:
        raise IndexMissingError("No index yet: run `python -m index`.")

    with pytest.raises(IndexMissingError):
        run_eval(ITEMS, answer_fn=no_index, progress=None)


def test_progress_goes_to_the_stream() -> None:
    stream = io.StringIO()
    run_eval(ITEMS, answer_fn=FakeBot(), progress=stream, label="fake")
    assert f"[fake]   {len(ITEMS)}/{len(ITEMS)}" in stream.getvalue()
