"""`python -m bot.calibrate`: sweep the abstain threshold on questions kept apart from the eval set."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.answerability import confidence
from bot.answering import answer, get_retriever
from bot.matching import question_terms
from bot.settings import PROJECT_ROOT, get_settings

DEFAULT_SET = PROJECT_ROOT / "tests" / "data" / "calibration.jsonl"
# The held-apart development set: questions written apart from seeds/qa.jsonl, so tuning never sees the eval.
DEV_SET = PROJECT_ROOT / "tests" / "data" / "dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    """Print refusal recall and false-refusal rate for a range of thresholds."""
    parser = argparse.ArgumentParser(prog="python -m bot.calibrate", description=__doc__)
    parser.add_argument("path", nargs="*", type=Path, default=[DEFAULT_SET, DEV_SET])
    args = parser.parse_args(argv)
    settings = get_settings().model_copy(update={"abstain_threshold": -1.0})
    lines = [line for path in args.path for line in path.read_text("utf-8").splitlines()]
    rows = [json.loads(line) for line in lines if line.strip()]
    for row in rows:
        row.setdefault("answerable", bool(row.get("answers")))  # eval-set lines carry answers instead
    scored: list[tuple[float, bool]] = []
    retriever = get_retriever(settings)
    for row in rows:
        result = answer(row["question"], settings=settings)
        best = -1.0  # abstained on a missing name or an unseen focus, whatever the threshold
        if result.sources:
            query = result.resolved_question or result.question
            terms = question_terms(query, retriever.keyword.idf, retriever.keyword.knows)
            best = confidence(result.sources[0].score, terms)
        scored.append((best, bool(row["answerable"])))
        print(f"{best:6.3f} {'A' if row['answerable'] else '-'} {row['question']}")
    print("\nthreshold  refusal-recall  false-refusals")
    for step in range(30, 71, 2):
        t = step / 100
        unans = [s for s, a in scored if not a]
        ans = [s for s, a in scored if a]
        recall = sum(s < t for s in unans) / max(len(unans), 1)
        false = sum(s < t for s in ans) / max(len(ans), 1)
        print(f"{t:9.2f}  {recall:14.2f}  {false:14.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
