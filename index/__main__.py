"""`python -m index`: build or update the index from the articles folder, add files, pages or feeds,
or preview what would be indexed."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from bot.errors import NewsbotError
from bot.settings import get_settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE_OR_URL",
        help="article files or http(s) addresses of pages to add (default: sync the folder)",
    )
    parser.add_argument("--feed", action="append", default=[], metavar="URL", help="add every item of a feed")
    parser.add_argument("--preview", action="store_true", help="print what would be indexed; write nothing")
    parser.add_argument("--json", action="store_true", help="with --preview: one JSON object per line")
    parser.add_argument("--refresh", action="store_true", help="fetch pages again even if already stored")
    parser.add_argument("--folder", type=Path, help="articles folder (default NEWSBOT_ARTICLES_DIR)")
    parser.add_argument("--rebuild", action="store_true", help="drop the index and build it again")
    parser.add_argument("--if-missing", action="store_true", help="build only when no index exists")
    parser.add_argument("--stats", action="store_true", help="print what the index holds")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the requested indexing, print what it did."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = get_settings()
    except NewsbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    from index.loading import is_url

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    if args.json and not args.preview:
        parser.error("--json goes with --preview")
    if args.preview:
        from index.loading import preview

        if not args.inputs:
            parser.error("--preview needs at least one file, folder or URL")
        failed = 0
        for item in preview(args.inputs, settings):
            print(item.json_line() if args.json else item.human(), flush=True)
            failed += item.error is not None
        return 1 if failed else 0

    from index.sync import add_files, add_urls, build, index_stats, open_store

    urls = [i for i in args.inputs if is_url(i)]
    files = [Path(i) for i in args.inputs if not is_url(i)]
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
        reports = []
        if files:
            reports.append(add_files(files, settings=settings, store=store, progress=say))
        for addresses, feeds in ((urls, False), (args.feed, True)):
            if addresses:
                reports.append(
                    add_urls(
                        addresses,
                        feeds=feeds,
                        refresh=args.refresh,
                        settings=settings,
                        store=store,
                        progress=say,
                    )
                )
        if not reports:
            report = build(settings, store=store, folder=args.folder, rebuild=args.rebuild, progress=say)
            reports.append(report)
    except NewsbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failures = [f for report in reports for f in report.failed]
    for failure in failures:
        print(f"error: {failure.reason}", file=sys.stderr)
    for report in reports:
        print(report.summary())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
