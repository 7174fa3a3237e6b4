"""Time to first token and tokens per second of the configured LLM on a RAG-sized prompt."""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bot.generation import PromptSource, answer_messages, build_chat_model
from bot.generation.model_file import default_model_path
from bot.settings import get_settings
from index.loading import clean_text

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Stream the same cited-answer prompt a few times and print TTFT and generation speed."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench.llm_bench", description=main.__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chars", type=int, default=700, help="Characters per source passage.")
    args = parser.parse_args(argv)
    settings = get_settings()
    if settings.llm == "extractive":
        settings = settings.model_copy(update={"llm": "llamacpp"})
    if settings.llm == "llamacpp" and settings.llm_model_path is None:
        settings = settings.model_copy(update={"llm_model_path": default_model_path()})
    seeds = sorted(Path(settings.articles_dir).glob("*.txt"))[:3]
    sources = [
        PromptSource(n=i, title=p.stem, published=None, text=clean_text(p.read_text())[: args.chars])
        for i, p in enumerate(seeds, start=1)
    ]
    llm = build_chat_model(settings)
    llm.invoke("Say hi.")  # load the model outside the timed runs
    ttfts, rates = [], []
    for run in range(args.runs):
        # Sources in a different order each run: llama.cpp reuses a cached prompt prefix, which
        # would hide the real time to first token.
        order = sources[run % len(sources) :] + sources[: run % len(sources)]
        shown = [PromptSource(i, s.title, s.published, s.text) for i, s in enumerate(order, 1)]
        messages = answer_messages("When will Putin arrive in India?", shown, language="en")
        start = time.perf_counter()
        first = None
        pieces = 0
        for chunk in llm.stream(messages):
            if chunk.text:  # one streamed piece per generated token on both llama.cpp paths
                pieces += 1
                first = first or time.perf_counter()
        end = time.perf_counter()
        assert first is not None, "the model produced no text"
        ttfts.append(first - start)
        rates.append((pieces - 1) / (end - first) if end > first else 0.0)
        print(f"run {run + 1}: ttft {ttfts[-1]:.2f} s, {pieces} tokens, {rates[-1]:.1f} tok/s")
    print(
        f"{settings.llm}: median ttft {statistics.median(ttfts):.2f} s, "
        f"median {statistics.median(rates):.1f} tok/s (prompt of {len(sources)} sources)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
