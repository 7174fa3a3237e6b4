"""The Chroma server fixture starts a real server that stores and finds vectors, and stops."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlparse

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from bot.bench.server import ChromaServer, is_alive

pytestmark = pytest.mark.server


def test_server_stores_and_queries_vectors(chroma_server: str) -> None:
    url = urlparse(chroma_server)
    client = chromadb.HttpClient(
        host=url.hostname or "",
        port=url.port or 0,
        settings=ChromaSettings(anonymized_telemetry=False),
    )
    col = client.get_or_create_collection("fixture-check", metadata={"hnsw:space": "cosine"})
    col.upsert(ids=["a", "b"], embeddings=[[1.0, 0.0], [0.0, 1.0]], documents=["x", "y"])
    hit = col.query(query_embeddings=[[0.9, 0.1]], n_results=1)
    assert hit["ids"] == [["a"]]
    client.delete_collection("fixture-check")


def test_stopped_server_no_longer_answers(
    chroma_server_factory: Callable[[], ChromaServer],
) -> None:
    server = chroma_server_factory()
    assert is_alive(server.url)
    server.stop()
    assert not is_alive(server.url)
    assert server.pid is None
