"""The typed eval report: metric summaries overall, by language and by type; floors; failures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Literal, NamedTuple

from pydantic import BaseModel, Field

from bot.evaluate import metrics
from bot.evaluate.runner import QuestionRecord

REPORT_VERSION = 1


class MetricSummary(BaseModel):
    """Every metric over a group of questions; None where the group has nothing to measure."""

    questions: int
    answerable: int
    unanswerable: int
    accuracy: float | None = Field(description="Answerable questions with an accepted alias in the text.")
    first_sentence_accuracy: float | None = Field(
        default=None, description="Answerable questions with an accepted alias in the first cited sentence."
    )
    mean_sentences: float | None = Field(default=None, description="Sources quoted per answered question.")
    f1: float | None = Field(description="Mean MLQA-style token F1 against the best alias.")
    hit_at_1: float | None
    hit_at_k: float | None
    mrr: float | None
    citation_validity: float | None = Field(
        description="Non-abstained answers citing at least once, every [n] a returned source."
    )
    citation_precision: float | None = Field(description="Mean share of cited sources that are gold.")
    refusal_recall: float | None = Field(description="Unanswerable questions the bot abstained on.")
    false_refusal_rate: float | None = Field(description="Answerable questions the bot abstained on.")
    errors: int
    latency_p50_ms: float | None
    latency_p95_ms: float | None


class ReliabilityBin(BaseModel):
    """Questions whose confidence fell in [low, high): their mean confidence and how many were right."""

    low: float
    high: float
    questions: int
    confidence: float
    accuracy: float


class RefusalPoint(BaseModel):
    """Refusal recall and false-refusal rate had the bot refused below this confidence."""

    threshold: float
    refusal_recall: float | None
    false_refusal_rate: float | None


class FloorCheck(BaseModel):
    """One CI floor: the metric, the bound, the measured value, and whether it holds."""

    metric: str
    bound: Literal["min", "max"]
    limit: float
    value: float | None
    ok: bool
    shortfall: str | None = Field(
        default=None, description="Why this floor is known not to be met yet (it then does not fail --check)."
    )


class SystemReport(BaseModel):
    """How one system (newsbot or the baseline) did on the canned set."""

    name: str
    description: str
    k: int
    warmup_seconds: float = Field(description="First untimed call (model and index loading).")
    run_seconds: float = Field(description="Wall time of the timed run over all questions.")
    overall: MetricSummary
    by_lang: dict[str, MetricSummary]
    by_type: dict[str, MetricSummary]
    failures: list[QuestionRecord]
    records: list[QuestionRecord]
    reliability: list[ReliabilityBin] = Field(default_factory=list)
    refusal_curve: list[RefusalPoint] = Field(default_factory=list)


class EvalReport(BaseModel):
    """The whole report: run facts, each system's results, and the CI floors for newsbot."""

    version: int = REPORT_VERSION
    created_at: str
    eval_set: str
    questions: int
    settings: dict[str, str] = Field(description="The newsbot settings that shaped the run.")
    systems: list[SystemReport]
    floors: list[FloorCheck]


# The bar CI holds (issue 3): fix the bot when these fail, never the set.
FLOORS: tuple[tuple[str, Literal["min", "max"], float], ...] = (
    ("accuracy", "min", 0.90),
    ("hit_at_1", "min", 0.90),
    ("refusal_recall", "min", 0.70),
    ("false_refusal_rate", "max", 0.05),
)


class Shortfall(NamedTuple):
    """A floor the bot is known to miss: the level it must still hold, why, and when the entry goes."""

    level: float  # measured when the entry was made, less a margin: --check fails below it
    reason: str
    # The value at which the exemption must go (tests/test_eval_quality.py); None: the floor itself.
    # Set above the floor only for a metric whose measurement moves by one question between machines.
    gone_at: float | None = None


# Floors the bot is known to fall short of. Each is reported as below its floor on every run;
# `--check` fails only below its level, and tests/test_eval_quality.py fails the day it reaches
# `gone_at`, so the entry goes then. Add one only with the measurement that shows the floor cannot
# be met honestly.
SHORTFALLS: dict[str, Shortfall] = {
    "accuracy": Shortfall(
        0.88,
        "at the floor (83 of 92) since the reader aligns question words with sentences' words; one "
        "answerable question short of it on a machine whose Chroma search returns another tail of "
        "sentences (it happened before, bot/evaluate/QA.md): a paraphrase worded apart from its "
        "article (pa-02) is refused, at confidence 0.22 against the 0.327 threshold set by "
        "cross-validation",
        gone_at=0.91,
    ),
    "refusal_recall": Shortfall(
        0.53,
        "questions about a detail the articles' own topic lacks (an ambassador, a trade figure) look "
        "answerable to the learned reader; on news it was not written for it refuses about half of "
        "them (bot/evaluate/QA.md)",
    ),
}


def _rate_of(
    records: Sequence[QuestionRecord], pick: Callable[[QuestionRecord], bool | None]
) -> float | None:
    """Share of True among the records where pick is not None."""
    return metrics.rate(v for v in map(pick, records) if v is not None)


def _mean_of(
    records: Sequence[QuestionRecord], pick: Callable[[QuestionRecord], float | None]
) -> float | None:
    """Mean of pick over the records where it is not None."""
    return metrics.mean(v for v in map(pick, records) if v is not None)


def summarise(records: Sequence[QuestionRecord]) -> MetricSummary:
    """Aggregate per-question records into one MetricSummary."""
    answerable = [r for r in records if r.answerable]
    unanswerable = [r for r in records if not r.answerable]
    latencies = [r.latency_ms for r in records]
    return MetricSummary(
        questions=len(records),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        accuracy=_rate_of(answerable, lambda r: r.correct),
        first_sentence_accuracy=_rate_of(answerable, lambda r: r.first_correct),
        mean_sentences=_mean_of(records, lambda r: float(r.sentences) if r.sentences else None),
        f1=_mean_of(answerable, lambda r: r.f1),
        hit_at_1=_rate_of(answerable, lambda r: r.hit_at_1),
        hit_at_k=_rate_of(answerable, lambda r: r.hit_at_k),
        mrr=_mean_of(answerable, lambda r: r.reciprocal_rank),
        citation_validity=_rate_of(records, lambda r: r.citation_valid),
        citation_precision=_mean_of(answerable, lambda r: r.citation_precision),
        refusal_recall=_rate_of(unanswerable, lambda r: r.refused_correctly),
        false_refusal_rate=_rate_of(answerable, lambda r: r.abstained and r.error is None),
        errors=sum(r.error is not None for r in records),
        latency_p50_ms=metrics.percentile(latencies, 50),
        latency_p95_ms=metrics.percentile(latencies, 95),
    )


def _grouped(
    records: Sequence[QuestionRecord], key: Callable[[QuestionRecord], str]
) -> dict[str, MetricSummary]:
    """A summary per distinct key value, keys sorted."""
    groups: dict[str, list[QuestionRecord]] = {}
    for r in records:
        groups.setdefault(key(r), []).append(r)
    return {name: summarise(groups[name]) for name in sorted(groups)}


def build_system_report(
    name: str,
    description: str,
    records: Sequence[QuestionRecord],
    *,
    k: int,
    warmup_seconds: float,
    run_seconds: float,
) -> SystemReport:
    """Summarise one system's records overall, by language and by type, listing failures."""
    return SystemReport(
        name=name,
        description=description,
        k=k,
        warmup_seconds=warmup_seconds,
        run_seconds=run_seconds,
        overall=summarise(records),
        by_lang=_grouped(records, lambda r: r.lang),
        by_type=_grouped(records, lambda r: r.type),
        failures=[r for r in records if r.reasons],
        records=list(records),
        reliability=reliability(records),
        refusal_curve=refusal_curve(records),
    )


def reliability(records: Sequence[QuestionRecord], bins: int = 10) -> list[ReliabilityBin]:
    """Predicted confidence against observed accuracy (an unanswerable question answered is wrong)."""
    scored = [
        (r.confidence, bool(r.correct)) for r in records if r.confidence is not None and r.error is None
    ]
    out = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in scored if low <= c < high or (b == bins - 1 and c == high)]
        if inside:
            out.append(
                ReliabilityBin(
                    low=low,
                    high=high,
                    questions=len(inside),
                    confidence=sum(c for c, _ in inside) / len(inside),
                    accuracy=sum(ok for _, ok in inside) / len(inside),
                )
            )
    return out


def refusal_curve(records: Sequence[QuestionRecord], steps: int = 20) -> list[RefusalPoint]:
    """Refusal recall and false refusals at each threshold from 0 to 0.95 (records with a confidence)."""
    scored = [r for r in records if r.confidence is not None and r.error is None]
    if not scored:
        return []
    points = []
    for i in range(steps):
        t = round(0.95 * i / (steps - 1), 4)
        refused = [((r.confidence or 0.0) < t, r.answerable) for r in scored]
        points.append(
            RefusalPoint(
                threshold=t,
                refusal_recall=metrics.rate(no for no, answerable in refused if not answerable),
                false_refusal_rate=metrics.rate(no for no, answerable in refused if answerable),
            )
        )
    return points


Floors = Sequence[tuple[str, Literal["min", "max"], float]]


Shortfalls = dict[str, Shortfall]


def holds(value: float, bound: Literal["min", "max"], limit: float) -> bool:
    """Whether a value is on the right side of a bound: at least `limit` for "min", at most for "max"."""
    return value >= limit if bound == "min" else value <= limit


def check_floors(
    summary: MetricSummary, floors: Floors = FLOORS, shortfalls: Shortfalls | None = None
) -> list[FloorCheck]:
    """Compare a summary with the CI floors; a metric with no value fails its floor.

    A known shortfall that still holds its measured level is marked with its reason; one that
    falls below that level fails like any other floor.
    """
    checks = []
    for metric, bound, limit in floors:
        value = getattr(summary, metric)
        ok = value is not None and holds(value, bound, limit)
        known = None
        if not ok and value is not None and metric in (shortfalls or {}):
            entry = (shortfalls or {})[metric]
            if holds(value, bound, entry.level):
                known = entry.reason
        checks.append(
            FloorCheck(metric=metric, bound=bound, limit=limit, value=value, ok=ok, shortfall=known)
        )
    return checks


def build_report(
    systems: Sequence[SystemReport],
    *,
    eval_set: str,
    questions: int,
    settings: dict[str, str],
    floors: Floors = FLOORS,
    shortfalls: Shortfalls | None = None,
) -> EvalReport:
    """Assemble the full report; floors are checked on the first system (newsbot)."""
    return EvalReport(
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        eval_set=eval_set,
        questions=questions,
        settings=settings,
        systems=list(systems),
        floors=check_floors(systems[0].overall, floors, shortfalls) if systems else [],
    )
