"""The canned set through the real bot: today's quality must hold, and so must the issue's floors."""

from __future__ import annotations

import pytest

from bot import answer
from bot.evaluate import check_floors
from bot.evaluate.dataset import load_eval_set
from bot.evaluate.report import FLOORS, SHORTFALLS, MetricSummary, build_system_report, holds
from bot.evaluate.runner import run_eval
from bot.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.slow

# Measured on the canned set when this guard was set (accuracy 0.90, hit@1 0.92, refusal recall
# 0.60, false refusals 0.01 with `python -m bot.evaluate`, the learned reader with token alignment),
# less about two answerable questions (0.02) or one unanswerable one (0.07), so that an unrelated
# change to the index does not trip it. Earlier readers scored accuracy 0.89 on the CI machines with
# one more question refused, so the accuracy guard keeps that margin. Raise these as the bot
# improves; the floors (test_issue_floors, and `make eval` in `make test`) hold the line below which
# CI fails whatever the guard says, but for the known shortfalls listed in
# bot.evaluate.report.SHORTFALLS.
GUARD: dict[str, tuple[str, float]] = {
    "accuracy": ("min", 0.88),
    "hit_at_1": ("min", 0.91),
    "refusal_recall": ("min", 0.53),
    "false_refusal_rate": ("max", 0.02),
}


@pytest.fixture(scope="module")
def canned(e5_settings: Settings) -> MetricSummary:
    items = load_eval_set(PROJECT_ROOT / "seeds" / "qa.jsonl", articles_dir=e5_settings.articles_dir)
    records = run_eval(items, answer_fn=answer, settings=e5_settings, k=3, label="newsbot", progress=None)
    return build_system_report("newsbot", "", records, k=3, warmup_seconds=0.0, run_seconds=0.0).overall


def test_todays_quality_holds(canned: MetricSummary) -> None:
    for metric, (bound, limit) in GUARD.items():
        value = getattr(canned, metric)
        assert value is not None, metric
        assert value >= limit if bound == "min" else value <= limit, f"{metric} = {value:.2f}, guard {limit}"
    assert canned.citation_validity == 1.0


def test_issue_floors(canned: MetricSummary) -> None:
    checks = check_floors(canned, shortfalls=SHORTFALLS)
    failed = [f"{f.metric}={f.value}" for f in checks if not f.ok and not f.shortfall]
    assert not failed, failed  # every floor holds but the known shortfalls, each at its own level


def test_known_shortfalls_are_still_short(canned: MetricSummary) -> None:
    # The day a known shortfall is met, its exemption must go: remove it from SHORTFALLS.
    met = []
    for f in check_floors(canned):
        entry = SHORTFALLS.get(f.metric)
        if entry is None or f.value is None:
            continue
        if holds(f.value, f.bound, f.limit if entry.gone_at is None else entry.gone_at):
            met.append(f"{f.metric}={f.value:.3f}")
    assert not met, f"now met, remove from SHORTFALLS: {met}"


def test_a_shortfall_goes_no_later_than_one_question_past_its_floor() -> None:
    # Only a metric that moves by a question between machines may wait past its floor, and no further.
    for metric, bound, limit in FLOORS:
        entry = SHORTFALLS.get(metric)
        if entry is not None and entry.gone_at is not None:
            assert bound == "min" and limit < entry.gone_at <= limit + 0.02, metric
