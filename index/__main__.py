"""`python -m index`: build or update the index from the articles folder."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from bot.errors import NewsbotError
from bot.settings import get_settings


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the requested indexing, print what it did."""
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, help="article files to add (default: sync the folder)")
    parser.add_argument("--folder", type=Path, help="articles folder (default NEWSBOT_ARTICLES_DIR)")
    parser.add_argument("--rebuild", action="store_true", help="drop the index and build it again")
    parser.add_argument("--if-missing", action="store_true", help="build only when no index exists")
    parser.add_argument("--stats", action="store_true", help="print what the index holds")
    args = parser.parse_args(argv)
    settings = get_settings()
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    from index.operations import add_files, build, index_stats, open_store

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        store = open_store(settings)
        if args.stats:
            stats = index_stats(settings, store=store)
            print(
                f"{stats.articles} articles, {stats.chunks} chunks, languages {stats.languages}, "
                f"embedder {stats.embedder}, built {stats.built_at or 'never'} ({stats.where})"
            )
            if not stats.complete:
                started = f" (started {stats.built_at})" if stats.built_at else ""
                print(f"the last build{started} did not finish: run `python -m index` to complete it")
            return 0
        if args.if_missing and store.exists() and store.build_info().get("complete", True):
            print(f"index exists in {store.where}; nothing to do")
            return 0
        if args.files:
            report = add_files(args.files, settings=settings, store=store, progress=say)
        else:
            report = build(settings, store=store, folder=args.folder, rebuild=args.rebuild, progress=say)
    except NewsbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
