"""The runner over a fake answer function that returns real Answer objects."""

from __future__ import annotations

import io

import pytest

from bot.errors import IndexMissingError
from bot.evaluate.runner import run_eval
from bot.schema import Answer
from bot.settings import Settings
from tests.eval_fakes import ITEMS, A, B, FakeBot


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
