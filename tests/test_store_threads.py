"""Opening the embedded store from several threads at once (the chat page does) must not fail."""

from __future__ import annotations

import threading
from pathlib import Path

from bot.settings import Settings
from index.store import connect


def open_from_threads(settings: Settings, count: int) -> list[BaseException]:
    """Have `count` threads connect to the store at the same moment; return what they raised."""
    start = threading.Barrier(count)
    failures: list[BaseException] = []

    def open_store() -> None:
        start.wait()
        try:
            connect(settings).list_collections()
        except (ValueError, AttributeError, KeyError, RuntimeError, OSError) as exc:
            failures.append(exc)  # what chromadb raised when two threads raced to start a store

    threads = [threading.Thread(target=open_store) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures


def test_threads_connecting_to_one_new_store_all_succeed(tmp_path: Path) -> None:
    for attempt in range(4):
        settings = Settings(index_dir=tmp_path / f"index-{attempt}")  # type: ignore[call-arg]
        assert not open_from_threads(settings, 4)
