"""Score reader outcomes the way `bot.evaluate` does: by set, by direction, reliability and refusal curve.

In: examples and their outcomes (cross-validated or from a fitted model). Out: plain figures for
the terminal, the weights file's provenance and the ablation table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.train.training import Outcome
from bot.train.trainsets import Example

DIRECTIONS = ("en-en", "hi-hi", "en-hi", "hi-en")


@dataclass(frozen=True)
class Figures:
    """Quality of one slice of questions, in bot.evaluate's terms."""

    questions: int
    answerable: int
    accuracy: float | None
    first_sentence: float | None
    hit_at_1: float | None
    false_refusals: float | None
    refusal_recall: float | None
    sentences: float | None  # mean sentences quoted, over answered questions

    def as_dict(self) -> dict[str, float | int | None]:
        """Rounded figures for JSON."""
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def _mean(values: Sequence[bool | int | float]) -> float | None:
    return float(np.mean(values)) if len(values) else None


def figures(pairs: Sequence[tuple[Example, Outcome]]) -> Figures:
    """Accuracy (an abstention is wrong), first-sentence accuracy, hit@1, refusals, answer length."""
    ans = [(e, o) for e, o in pairs if e.answerable]
    unans = [o for e, o in pairs if not e.answerable]
    answered = [o for _e, o in pairs if not o.abstained]
    return Figures(
        questions=len(pairs),
        answerable=len(ans),
        accuracy=_mean([o.correct and not o.abstained for _e, o in ans]),
        first_sentence=_mean([o.first_correct and not o.abstained for _e, o in ans]),
        hit_at_1=_mean([o.hit and not o.abstained for _e, o in ans]),
        false_refusals=_mean([o.abstained for _e, o in ans]),
        refusal_recall=_mean([o.abstained for o in unans]),
        sentences=_mean([o.sentences for o in answered]),
    )


def direction(example: Example) -> str:
    """'en-hi': an English question whose answer is in a Hindi article ('' when unanswerable)."""
    return f"{example.lang}-{example.doc_language}" if example.doc_language else ""


def breakdown(examples: Sequence[Example], outcomes: Sequence[Outcome]) -> dict[str, Figures]:
    """Figures for all questions and for each direction (unanswerable ones count in 'all' only)."""
    pairs = list(zip(examples, outcomes, strict=True))
    out = {"all": figures(pairs)}
    for d in DIRECTIONS:
        sliced = [(e, o) for e, o in pairs if direction(e) == d]
        if sliced:
            out[d] = figures(sliced)
    return out


def reliability(
    examples: Sequence[Example], outcomes: Sequence[Outcome], bins: int = 10
) -> list[dict[str, float]]:
    """Predicted confidence against observed accuracy, in equal-width bins (unanswerable = wrong)."""
    conf = np.array([o.confidence for o in outcomes])
    right = np.array([e.answerable and o.correct for e, o in zip(examples, outcomes, strict=True)])
    out = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = (conf >= lo) & ((conf < hi) | (b == bins - 1))
        if inside.any():
            out.append(
                {
                    "low": lo,
                    "high": hi,
                    "n": int(inside.sum()),
                    "confidence": round(float(conf[inside].mean()), 4),
                    "accuracy": round(float(right[inside].mean()), 4),
                }
            )
    return out


def refusal_curve(
    examples: Sequence[Example], outcomes: Sequence[Outcome], steps: int = 20
) -> list[dict[str, float]]:
    """Refusal recall and false-refusal rate had the threshold been each of `steps` values."""
    conf = np.array([o.confidence for o in outcomes])
    answerable = np.array([e.answerable for e in examples])
    out = []
    for t in np.linspace(0.0, 0.95, steps):
        refused = conf < t
        out.append(
            {
                "threshold": round(float(t), 3),
                "refusal_recall": round(float(refused[~answerable].mean()), 4)
                if (~answerable).any()
                else 0.0,
                "false_refusals": round(float(refused[answerable].mean()), 4) if answerable.any() else 0.0,
            }
        )
    return out


def table(rows: dict[str, Figures]) -> str:
    """A plain-text table of figures by slice."""
    head = (
        f"{'slice':<12} {'n':>5} {'acc':>6} {'first':>6} {'hit@1':>6} "
        f"{'false-ref':>9} {'refusal':>8} {'sent':>5}"
    )
    lines = [head, "-" * len(head)]

    def f(v: float | None) -> str:
        return "-" if v is None else f"{v:.3f}"

    for name, fig in rows.items():
        lines.append(
            f"{name:<12} {fig.questions:>5} {f(fig.accuracy):>6} {f(fig.first_sentence):>6} "
            f"{f(fig.hit_at_1):>6} {f(fig.false_refusals):>9} {f(fig.refusal_recall):>8} "
            f"{f(fig.sentences):>5}"
        )
    return "\n".join(lines)
