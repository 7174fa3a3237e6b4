"""The canned set through the real bot: today's quality must hold, and the issue's floors are the goal."""

from __future__ import annotations

import pytest

from bot import answer
from bot.evaluate import check_floors
from bot.evaluate.dataset import load_eval_set
from bot.evaluate.report import MetricSummary, build_system_report
from bot.evaluate.runner import run_eval
from bot.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.slow

# Measured on the canned set when this guard was set (accuracy 0.84, hit@1 0.93, refusal recall
# 0.73, false refusals 0.00 with `python -m bot.evaluate`), less about two answerable questions (0.02)
# or one unanswerable one (0.07), so that an unrelated change to the index does not trip it. Raise
# these as the bot improves.
GUARD: dict[str, tuple[str, float]] = {
    "accuracy": ("min", 0.82),
    "hit_at_1": ("min", 0.91),
    "refusal_recall": ("min", 0.66),
    "false_refusal_rate": ("max", 0.03),
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


@pytest.mark.xfail(
    strict=True,
    reason="issue 3's floors (accuracy and hit@1 0.90, refusal recall 0.70, false refusals <= 0.05) are "
    "not met yet; when this passes, make `make eval` part of `make test` and drop this mark",
)
def test_issue_floors(canned: MetricSummary) -> None:
    failed = [f"{f.metric}={f.value}" for f in check_floors(canned) if not f.ok]
    assert not failed, failed
