"""Regression floors from the shipped reader's own figures on a set it was trained on.

Those figures are in-sample (the reader has seen these articles), so they guard against a
change that makes the bot worse; the quality claim is the cross-validated figure.
"""

from __future__ import annotations

from bot.errors import EvalSetError
from bot.evaluate.report import Floors
from bot.reader.model import load_model

# How far below its own figures a run may fall before the guard fails: about one question in fifty.
MARGIN = 0.02


def trained_floors(set_name: str) -> Floors:
    """Floors a little under what `python -m bot.train` measured for the shipped model on this set."""
    measured = load_model().provenance.get("in_sample", {}).get(set_name)
    if not isinstance(measured, dict):
        raise EvalSetError(
            f"The shipped reader recorded no figures for {set_name!r}; use --floors canned, "
            "or one of the sets `python -m bot.train` lists in bot/reader/weights.json."
        )
    return (
        ("accuracy", "min", round(float(measured["accuracy"]) - MARGIN, 3)),
        ("hit_at_1", "min", round(float(measured["hit_at_1"]) - MARGIN, 3)),
        ("refusal_recall", "min", round(float(measured["refusal_recall"]) - MARGIN, 3)),
        ("false_refusal_rate", "max", round(float(measured["false_refusals"]) + MARGIN, 3)),
    )
