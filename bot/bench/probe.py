"""`python -m bot.bench.probe`: one fresh process that opens an index and times its queries.

Prints `FIRST <seconds>` as soon as the first answer is ready (the parent times start-up by the
wall clock), then one JSON line with the timings and the process's resident memory.
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def since(spawned_at: float) -> float:
    """Seconds since the parent spawned this process (wall clock; imports of `bot` included)."""
    return time.time() - spawned_at


def main(argv: list[str] | None = None) -> int:
    """Open the configured index, answer once, then time retrieval and answer() per question."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench.probe")
    parser.add_argument("--questions", required=True, help="JSON list of questions")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--spawned-at", type=float, required=True, help="parent's time.time()")
    args = parser.parse_args(argv)
    questions: list[str] = json.loads(args.questions)

    from bot.answering import answer, get_retriever
    from bot.bench.measure import rss_mb
    from bot.settings import get_settings

    imported = since(args.spawned_at)
    settings = get_settings()
    retriever = get_retriever(settings)
    opened = since(args.spawned_at)
    answer(questions[0], settings=settings)
    first = since(args.spawned_at)
    print(f"FIRST {first:.4f}", flush=True)

    retrieval: list[float] = []
    answers: list[float] = []
    for _ in range(args.rounds):
        for question in questions:
            t0 = time.perf_counter()
            retriever.search(question)
            retrieval.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            answer(question, settings=settings)
            answers.append(time.perf_counter() - t0)
    print(
        json.dumps(
            {
                "imported_s": imported,
                "opened_s": opened,
                "first_answer_s": first,
                "retrieval_s": retrieval,
                "answer_s": answers,
                "rss_mb": rss_mb(),
                "keyword_chunks": len(retriever.keyword),
                "questions": len(questions),
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
