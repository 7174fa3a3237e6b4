"""`python -m bot.evaluate`: run the canned set, print the table, write JSON/HTML, hold the CI floors."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from bot.answering import answer
from bot.errors import NewsbotError
from bot.evaluate.baseline import BASELINE_DESCRIPTION, BASELINE_NAME, TutorialBaseline
from bot.evaluate.dataset import DEFAULT_EVAL_SET, QAItem, load_eval_set
from bot.evaluate.guard import trained_floors
from bot.evaluate.output import write_atomic
from bot.evaluate.page import render_html
from bot.evaluate.report import (
    FLOORS,
    SHORTFALLS,
    EvalReport,
    SystemReport,
    build_report,
    build_system_report,
)
from bot.evaluate.runner import AnswerFn, run_eval
from bot.evaluate.table import render_table
from bot.settings import Settings, get_settings

BaselineFactory = Callable[[Path], AnswerFn]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(prog="python -m bot.evaluate", description=__doc__)
    p.add_argument("--set", type=Path, default=DEFAULT_EVAL_SET, help="canned set (.jsonl)")
    p.add_argument("--json", type=Path, metavar="PATH", help="write the full report as JSON")
    p.add_argument("--html", type=Path, metavar="PATH", help="write a one-page HTML report")
    p.add_argument("--baseline", action="store_true", help="also run the LangChain tutorial recipe")
    p.add_argument(
        "--llm",
        nargs="?",
        const="",
        choices=["", "openai", "llamacpp"],
        metavar="KIND",
        help="use the generative path (openai|llamacpp; bare --llm takes NEWSBOT_LLM)",
    )
    p.add_argument("--k", type=int, default=3, help="k for source hit@k (default 3)")
    p.add_argument("--check", action="store_true", help="exit 1 when a CI floor is not met")
    p.add_argument(
        "--floors",
        default="canned",
        metavar="NAME",
        help="floors to check: 'canned' (the issue floors) or a training set the shipped reader "
        "recorded its own figures on (e.g. 'xquad'), less a small margin: a regression guard",
    )
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return p.parse_args(argv)


def eval_settings(base: Settings, llm: str | None) -> Settings:
    """The settings to evaluate with: --llm picks the generative path, bare --llm keeps NEWSBOT_LLM."""
    if llm is None:
        return base
    kind = llm or base.llm
    if kind == "extractive":
        raise NewsbotError("--llm needs a generative path: pass --llm openai|llamacpp or set NEWSBOT_LLM.")
    return base.model_copy(update={"llm": kind})


def run_system(
    name: str,
    description: str,
    answer_fn: AnswerFn,
    items: Sequence[QAItem],
    *,
    settings: Settings,
    k: int,
    progress: TextIO | None,
    setup_seconds: float = 0.0,
) -> SystemReport:
    """Warm up with one untimed question (model/index loading), then run and summarise the set."""
    start = time.perf_counter()
    answer_fn(items[0].question, settings=settings)
    warmup = setup_seconds + time.perf_counter() - start
    start = time.perf_counter()
    records = run_eval(items, answer_fn=answer_fn, settings=settings, k=k, label=name, progress=progress)
    return build_system_report(
        name,
        description,
        records,
        k=k,
        warmup_seconds=warmup,
        run_seconds=time.perf_counter() - start,
    )


def evaluate(
    args: argparse.Namespace,
    *,
    answer_fn: AnswerFn,
    baseline_factory: BaselineFactory,
    progress: TextIO | None,
) -> EvalReport:
    """Run newsbot (and the baseline when asked) over the set and build the report."""
    settings = eval_settings(get_settings(), args.llm)
    items = load_eval_set(args.set, articles_dir=settings.articles_dir)
    path_name = "newsbot-llm" if settings.llm != "extractive" else "newsbot"
    systems = [
        run_system(
            path_name,
            f"newsbot, {settings.llm} path",
            answer_fn,
            items,
            settings=settings,
            k=args.k,
            progress=progress,
        )
    ]
    if args.baseline:
        start = time.perf_counter()
        baseline = baseline_factory(settings.articles_dir)
        systems.append(
            run_system(
                BASELINE_NAME,
                BASELINE_DESCRIPTION,
                baseline,
                items,
                settings=settings,
                k=args.k,
                progress=progress,
                setup_seconds=time.perf_counter() - start,
            )
        )
    shown = {
        "embedder": settings.embedder,
        "llm": settings.llm,
        "top_k": str(settings.top_k),
        "abstain_threshold": "trained"
        if settings.abstain_threshold is None
        else str(settings.abstain_threshold),
    }
    canned = args.floors == "canned"
    return build_report(
        systems,
        eval_set=str(args.set),
        questions=len(items),
        settings=shown,
        floors=FLOORS if canned else trained_floors(args.floors),
        shortfalls=SHORTFALLS if canned else None,
    )


def main(
    argv: Sequence[str] | None = None,
    *,
    answer_fn: AnswerFn = answer,
    baseline_factory: BaselineFactory = TutorialBaseline,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """Run the eval; 0 = done (floors met when --check), 1 = below a floor, 2 = could not run."""
    args = parse_args(argv)
    try:
        report = evaluate(
            args,
            answer_fn=answer_fn,
            baseline_factory=baseline_factory,
            progress=None if args.quiet else err,
        )
    except NewsbotError as exc:
        err.write(f"error: {exc}\n")
        return 2
    out.write(render_table(report) + "\n")
    try:
        if args.json:
            write_atomic(args.json, report.model_dump_json(indent=2))
            err.write(f"wrote {args.json}\n")
        if args.html:
            write_atomic(args.html, render_html(report))
            err.write(f"wrote {args.html}\n")
    except OSError as exc:
        err.write(f"error: cannot write the report ({exc}); choose a writable path.\n")
        return 2
    for f in report.floors:
        if f.shortfall:
            err.write(f"known shortfall: {f.metric} is below its floor: {f.shortfall}\n")
    failed = [f for f in report.floors if not f.ok and not f.shortfall]
    if args.check and failed:
        for f in failed:
            value = "n/a" if f.value is None else f"{f.value:.3f}"
            need = f"at least {f.limit:.2f}" if f.bound == "min" else f"at most {f.limit:.2f}"
            err.write(f"FAIL: {f.metric} is {value}, needs {need}\n")
        err.write("The eval is below the CI floors: fix the bot, not the canned set.\n")
        return 1
    return 0
