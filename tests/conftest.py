"""Shared fixtures: temporary settings over copies of the seeds, a real e5 index, a network guard."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from bot.settings import Settings

# The Chroma server fixtures (chroma_server, chroma_server_factory) and the local news site
# (news_site) live in their own modules.
pytest_plugins = ["tests.chroma_fixture", "tests.web_server"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")


def make_settings(tmp: Path, **overrides: object) -> Settings:
    """Settings pointing at a private copy of the seed articles and a private index folder."""
    articles = tmp / "articles"
    if not articles.exists():
        articles.mkdir(parents=True)
        for path in SEED_FILES:
            shutil.copyfile(path, articles / path.name)
    values: dict[str, object] = {"articles_dir": articles, "index_dir": tmp / "index", "collection": "test"}
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Fresh settings over a temporary copy of the seeds."""
    return make_settings(tmp_path)


@pytest.fixture
def fake_embeddings() -> DeterministicFakeEmbedding:
    """A fast deterministic embedder for tests about plumbing, not meaning."""
    return DeterministicFakeEmbedding(size=32)


@pytest.fixture(scope="session")
def e5_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose index is built once per session with the real bundled e5 embedder."""
    from index.sync.operations import build

    settings = make_settings(tmp_path_factory.mktemp("e5"))
    build(settings)
    return settings


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[object, ...]]]:
    """Refuse every outbound connection except loopback; yields the refused addresses."""
    refused: list[tuple[object, ...]] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1")):
            real_connect(self, address)  # type: ignore[arg-type]
            return
        if self.family == socket.AF_UNIX:
            real_connect(self, address)  # type: ignore[arg-type]
            return
        refused.append((host,))
        raise OSError(f"network access blocked in tests: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield refused
