"""The report: known aggregate values, CI floors, and a golden shape for the JSON (must not drift)."""

from __future__ import annotations

import json

import pytest

from bot.evaluate.report import (
    EvalReport,
    MetricSummary,
    Shortfall,
    build_report,
    build_system_report,
    check_floors,
    summarise,
)
from bot.evaluate.runner import run_eval
from tests.eval_fakes import ITEMS, FakeBot

REPORT_KEYS = {"version", "created_at", "eval_set", "questions", "settings", "systems", "floors"}
SYSTEM_KEYS = {
    "name",
    "description",
    "k",
    "warmup_seconds",
    "run_seconds",
    "overall",
    "by_lang",
    "by_type",
    "failures",
    "records",
    "reliability",
    "refusal_curve",
}
SUMMARY_KEYS = {
    "questions",
    "answerable",
    "unanswerable",
    "accuracy",
    "first_sentence_accuracy",
    "mean_sentences",
    "f1",
    "hit_at_1",
    "hit_at_k",
    "mrr",
    "citation_validity",
    "citation_precision",
    "refusal_recall",
    "false_refusal_rate",
    "errors",
    "latency_p50_ms",
    "latency_p95_ms",
}
RECORD_KEYS = {
    "id",
    "question",
    "lang",
    "type",
    "answerable",
    "gold_answers",
    "gold_sources",
    "answer_text",
    "abstained",
    "path",
    "confidence",
    "sentences",
    "first_correct",
    "returned_sources",
    "cited",
    "error",
    "latency_ms",
    "correct",
    "f1",
    "hit_at_1",
    "hit_at_k",
    "reciprocal_rank",
    "citation_valid",
    "citation_precision",
    "refused_correctly",
    "reasons",
}
FLOOR_KEYS = {"metric", "bound", "limit", "value", "ok", "shortfall"}


def make_report() -> EvalReport:
    records = run_eval(ITEMS, answer_fn=FakeBot(), progress=None)
    ours = build_system_report("newsbot", "fake", records, k=3, warmup_seconds=0.1, run_seconds=1.0)
    other = build_system_report("baseline", "fake", records[:1], k=3, warmup_seconds=0.0, run_seconds=0.5)
    return build_report([ours, other], eval_set="qa.jsonl", questions=len(ITEMS), settings={"llm": "x"})


def test_summary_known_values() -> None:
    s = summarise(run_eval(ITEMS, answer_fn=FakeBot(), progress=None))
    assert (s.questions, s.answerable, s.unanswerable, s.errors) == (8, 6, 2, 1)
    assert s.accuracy == pytest.approx(3 / 6)
    assert s.hit_at_1 == pytest.approx(3 / 6)
    assert s.mrr == pytest.approx(3.5 / 6)
    assert s.refusal_recall == pytest.approx(0.5)
    assert s.false_refusal_rate == pytest.approx(1 / 6)
    assert s.citation_validity == pytest.approx(4 / 5)
    assert s.latency_p50_ms is not None and s.latency_p95_ms is not None


def test_breakdowns_by_language_and_type() -> None:
    system = make_report().systems[0]
    assert set(system.by_lang) == {"en", "hi"}
    assert system.by_lang["hi"].accuracy == 1.0 and system.by_lang["hi"].questions == 1
    assert set(system.by_type) == {"name", "cross-lingual", "unanswerable"}
    assert system.by_type["unanswerable"].accuracy is None
    assert {r.id for r in system.failures} == {
        "right",
        "wrong",
        "refused",
        "unans-answered",
        "raises",
        "badcite",
    }


def test_floors() -> None:
    perfect = MetricSummary(
        questions=2,
        answerable=1,
        unanswerable=1,
        accuracy=1.0,
        f1=1.0,
        hit_at_1=0.9,
        hit_at_k=1.0,
        mrr=1.0,
        citation_validity=1.0,
        citation_precision=1.0,
        refusal_recall=0.7,
        false_refusal_rate=0.05,
        errors=0,
        latency_p50_ms=1.0,
        latency_p95_ms=1.0,
    )
    assert all(f.ok for f in check_floors(perfect))
    worse = perfect.model_copy(update={"hit_at_1": 0.89, "false_refusal_rate": 0.06})
    assert [f.metric for f in check_floors(worse) if not f.ok] == ["hit_at_1", "false_refusal_rate"]
    empty = perfect.model_copy(update={"refusal_recall": None})
    assert [f.metric for f in check_floors(empty) if not f.ok] == ["refusal_recall"]


def test_a_known_shortfall_holds_its_own_level() -> None:
    summary = make_report().systems[0].overall
    known = {"accuracy": Shortfall(0.5, "why it is short")}
    near = check_floors(summary.model_copy(update={"accuracy": 0.6}), shortfalls=known)
    assert [(f.metric, f.ok, f.shortfall) for f in near if f.metric == "accuracy"] == [
        ("accuracy", False, "why it is short")
    ]
    far = check_floors(summary.model_copy(update={"accuracy": 0.4}), shortfalls=known)
    assert [f.shortfall for f in far if f.metric == "accuracy"] == [None]  # fails like any floor


def test_json_report_shape_is_stable() -> None:
    data = json.loads(make_report().model_dump_json())
    assert set(data) == REPORT_KEYS
    assert len(data["systems"]) == 2
    for system in data["systems"]:
        assert set(system) == SYSTEM_KEYS
        for summary in [
            system["overall"],
            *system["by_lang"].values(),
            *system["by_type"].values(),
        ]:
            assert set(summary) == SUMMARY_KEYS
        for record in system["records"] + system["failures"]:
            assert set(record) == RECORD_KEYS
    assert [set(f) for f in data["floors"]] == [FLOOR_KEYS] * 4
    assert [f["metric"] for f in data["floors"]] == [
        "accuracy",
        "hit_at_1",
        "refusal_recall",
        "false_refusal_rate",
    ]
    assert EvalReport.model_validate(data) == EvalReport.model_validate_json(json.dumps(data))
