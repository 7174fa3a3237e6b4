"""pytest fixtures that run a real Chroma server on loopback (for tests marked `server`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.bench.server import ChromaServer


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """URL of a Chroma server shared by the whole session, on a free loopback port."""
    root = tmp_path_factory.mktemp("chroma-session")
    with ChromaServer(path=root / "db") as server:
        yield server.url


@pytest.fixture
def chroma_server_factory(tmp_path: Path) -> Iterator[Callable[[], ChromaServer]]:
    """Start private Chroma servers that a test may stop mid-way; all are stopped at teardown."""
    started: list[ChromaServer] = []

    def start() -> ChromaServer:
        server = ChromaServer(path=tmp_path / f"chroma-{len(started)}").start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
