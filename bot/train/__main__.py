"""`python -m bot.train`: learn the reader's weights from question sets newsbot was not tested on.

Reads xquad-dev (as given, mirrored, withheld and split across languages), the seeds' dev set
and news-dev, cross-validates by article, prints the figures, and writes
bot/reader/weights.json. `--ablate` measures each rule family switched off. The canned set
(seeds/qa.jsonl) is never read here, except by `--ablate`, which only scores it.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import sklearn

from bot.errors import NewsbotError
from bot.reader.features import Rules
from bot.reader.model import WEIGHTS_PATH
from bot.settings import PROJECT_ROOT, get_settings
from bot.train.cvreport import breakdown, refusal_curve, reliability, table
from bot.train.derived import default_sets
from bot.train.training import (
    EXTRA_RATIOS,
    FALSE_REFUSAL_TARGET,
    FOLDS,
    SENTENCE_COST,
    apply,
    cross_validate,
    fit_reader,
)
from bot.train.trainsets import Example, TrainSet, examples, set_settings

WORK = PROJECT_ROOT / ".newsbot" / "train"
CANNED = TrainSet("canned", PROJECT_ROOT / "seeds", PROJECT_ROOT / "seeds" / "qa.jsonl", "canned")
FAMILIES = ("discourse", "romanized", "cues", "refusal_terms")


def say(line: str) -> None:
    """Progress on stderr."""
    print(line, file=sys.stderr, flush=True)


def read_sets(sets: Sequence[TrainSet], work: Path, rules: Rules) -> list[Example]:
    """Every question of every set, read with these rules."""
    out: list[Example] = []
    for train_set in sets:
        started = time.perf_counter()
        got = list(examples(train_set, set_settings(train_set, work), rules=rules, progress=say))
        say(f"{train_set.name}: {len(got)} questions read in {time.perf_counter() - started:.0f}s")
        out.extend(got)
    return out


def cv_summary(data: list[Example], rules: Rules) -> dict[str, object]:
    """Cross-validated figures by set and direction, with reliability and refusal curve on xquad."""
    outcomes = cross_validate(data, rules)
    summary: dict[str, object] = {}
    for name in dict.fromkeys(e.set_name for e in data):
        idx = [i for i, e in enumerate(data) if e.set_name == name]
        rows = breakdown([data[i] for i in idx], [outcomes[i] for i in idx])
        say(f"\n{name} (cross-validated by article, {FOLDS} folds)\n{table(rows)}")
        summary[name] = {k: v.as_dict() for k, v in rows.items()}
    xq = [i for i, e in enumerate(data) if e.set_name == "xquad"]
    if xq:
        pairs = ([data[i] for i in xq], [outcomes[i] for i in xq])
        summary["xquad_reliability"] = reliability(*pairs)
        summary["xquad_refusal_curve"] = refusal_curve(*pairs)
    return summary


def train(args: argparse.Namespace) -> int:
    """Read, cross-validate, fit on everything, write the weights file."""
    sets = default_sets(args.work)
    data = read_sets(sets, args.work, Rules())
    summary = cv_summary(data, Rules())
    fitted = fit_reader([e for e in data if e.trains], Rules(), folds=FOLDS)
    provenance = {
        "trained_on": [_described(s, data) for s in sets if s.trains],
        "scored_only": [_described(s, data) for s in sets if not s.trains],
        "choices": {
            "sentence_cost": SENTENCE_COST,
            "false_refusal_target": FALSE_REFUSAL_TARGET,
            "extra_ratios_tried": list(EXTRA_RATIOS),
            "folds": FOLDS,
            "embedder": get_settings().embedder,
            "scikit_learn": sklearn.__version__,
        },
        "cross_validation": summary,
    }
    model = replace(fitted.model, provenance=provenance)
    # In-sample figures: what `make eval` guards against regressions (not a quality claim).
    in_sample = {}
    # Only sets it was fitted on: a scored-only set's figures are in `cross_validation`.
    for name in dict.fromkeys(e.set_name for e in data if e.trains):
        part = [e for e in data if e.set_name == name]
        in_sample[name] = breakdown(part, [apply(model, e) for e in part])["all"].as_dict()
    model = replace(model, provenance={**provenance, "in_sample": in_sample})
    model.save(args.out)
    say(f"\nwrote {args.out}: threshold {model.threshold:.3f}, extra-sentence ratio {model.extra_ratio:.2f}")
    return 0


def _described(train_set: TrainSet, data: Sequence[Example]) -> dict[str, object]:
    """A set's name, questions file, fingerprint and question count, for the weights file."""
    questions = train_set.questions
    return {
        "name": train_set.name,
        "questions": str(questions.relative_to(PROJECT_ROOT))
        if questions.is_relative_to(PROJECT_ROOT)
        else questions.name,
        "fingerprint": train_set.fingerprint(),
        "count": sum(e.set_name == train_set.name for e in data),
    }


# Families whose features are computed the same with the family on: switching one off only leaves
# its features out, so the questions need not be read again.
_COLUMNS_ONLY = ("cues", "refusal_terms")


def ablate(args: argparse.Namespace) -> int:
    """Each rule family off in turn: cross-validated figures, and the canned set scored by a full fit."""
    sets = default_sets(args.work)
    report: dict[str, object] = {}
    full = read_sets(sets, args.work, Rules())
    full_canned = list(examples(CANNED, set_settings(CANNED, args.work), rules=Rules()))
    for family in ("none", *FAMILIES):
        rules = Rules() if family == "none" else replace(Rules(), **{family: False})
        say(f"\n=== without {family} ===")
        if family == "none" or family in _COLUMNS_ONLY:
            data, canned = full, full_canned
        else:
            data = read_sets(sets, args.work, rules)
            canned = list(examples(CANNED, set_settings(CANNED, args.work), rules=rules))
        summary = cv_summary(data, rules)
        fitted = fit_reader([e for e in data if e.trains], rules, folds=FOLDS)
        canned_rows = breakdown(canned, [apply(fitted.model, e) for e in canned])
        say(f"\ncanned set, scored only\n{table(canned_rows)}")
        summary["canned"] = {k: v.as_dict() for k, v in canned_rows.items()}
        report[family] = summary
        args.ablation_out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    say(f"\n{ablation_table(report)}\nwrote {args.ablation_out}")
    return 0


def ablation_table(report: dict[str, object]) -> str:
    """Markdown: each family off against all on, on xquad (cross-validated) and the canned set."""

    def cell(summary: object, set_name: str, slice_name: str, metric: str) -> str:
        value = summary.get(set_name, {}).get(slice_name, {}).get(metric)  # type: ignore[attr-defined]
        return "-" if value is None else f"{value:.3f}"

    head = (
        "| switched off | xquad acc | xquad cross-lingual acc (en-hi / hi-en) | xquad false ref | "
        "xquad refusal | news-dev acc | news-dev false ref | news-dev refusal | canned acc | "
        "canned false ref | canned refusal |"
    )
    lines = [head, "|" + "---|" * 11]
    columns = [
        ("xquad", "all", "accuracy"),
        ("xquad", "en-hi", "accuracy"),
        ("xquad", "hi-en", "accuracy"),
        ("xquad", "all", "false_refusals"),
        ("xquad", "all", "refusal_recall"),
        ("news-dev", "all", "accuracy"),
        ("news-dev", "all", "false_refusals"),
        ("news-dev", "all", "refusal_recall"),
        ("canned", "all", "accuracy"),
        ("canned", "all", "false_refusals"),
        ("canned", "all", "refusal_recall"),
    ]
    for family, summary in report.items():
        cells = [cell(summary, *column) for column in columns]
        cells[1:3] = [f"{cells[1]} / {cells[2]}"]
        lines.append(f"| {family} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Train (default) or run the ablation."""
    parser = argparse.ArgumentParser(prog="python -m bot.train", description=__doc__)
    parser.add_argument("--work", type=Path, default=WORK, help="folder for the training indexes")
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH, help="weights file to write")
    parser.add_argument("--ablate", action="store_true", help="measure each rule family switched off")
    parser.add_argument("--ablation-out", type=Path, default=WORK / "ablation.json", help="ablation report")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args.work.mkdir(parents=True, exist_ok=True)
    try:
        return ablate(args) if args.ablate else train(args)
    except NewsbotError as exc:
        say(f"error: {exc}")
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
