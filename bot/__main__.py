"""`python -m bot "question"`: print the answer and its numbered sources (or JSON with --json)."""

from __future__ import annotations

import argparse
import logging
import sys

from bot.errors import NewsbotError
from bot.settings import get_settings


def main(argv: list[str] | None = None) -> int:
    """Answer one question from the command line."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="Ask newsbot a question.")
    parser.add_argument("question", help="the question, in English or Hindi")
    parser.add_argument("--json", action="store_true", help="print the Answer as JSON")
    args = parser.parse_args(argv)
    from bot.answering import answer

    try:
        settings = get_settings()
        logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
        result = answer(args.question, settings=settings)
    except NewsbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(result.model_dump_json(indent=2))
        return 0
    print(result.text)
    if result.notice:
        print(f"({result.notice})")
    if result.confidence is not None:
        print(f"(confidence {result.confidence:.2f})")
    listed = result.sources or result.closest
    if listed:
        print("\nSources:" if result.sources else "\nClosest matches (not citations):")
    for source in listed:
        outlet = f"{source.publisher}, " if source.publisher else ""
        when = f", {source.published}" if source.published else ""
        print(f"  [{source.n}] {source.title} ({outlet}{source.doc_id}{when}, {source.language})")
        if source.url:
            print(f"      {source.url}")
        print(f"      “{source.snippet}”")
    return 0


if __name__ == "__main__":
    sys.exit(main())
