"""A build in a child process with a fast fake embedder, slowed per batch so a test can kill it."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from langchain_core.embeddings import DeterministicFakeEmbedding

from bot.settings import Settings
from index.store import Store
from index.sync.builder import build_index

FAKE_SIZE = 32


def main(argv: list[str] | None = None) -> int:
    """Build the index described by the arguments, printing one line per written batch."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--collection", default="killed")
    parser.add_argument("--url", default=None)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args(argv)
    settings = Settings(
        articles_dir=args.articles,
        index_dir=args.index,
        collection=args.collection,
        chroma_url=args.url,
        write_batch=args.batch,
    )

    def progress(line: str) -> None:
        print(line, flush=True)
        time.sleep(args.delay)

    report = build_index(
        settings, Store(settings, DeterministicFakeEmbedding(size=FAKE_SIZE)), progress=progress
    )
    print("done", report.summary(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
