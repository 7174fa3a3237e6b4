"""Chroma clients: an embedded folder or a Chroma server, made one at a time."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import httpx

from bot.errors import StoreUnavailableError

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

    from bot.settings import Settings


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


# chromadb caches one "system" per path and starts it lazily; two threads creating clients for the
# same path at once (the chat page's index panel and its first question) can get a system that is
# not started yet ("Could not connect to tenant default_tenant"). Clients are made one at a time.
_CONNECT_LOCK = threading.Lock()


def connect(settings: Settings) -> ClientAPI:
    """A chromadb client for the configured store (server when NEWSBOT_CHROMA_URL is set)."""
    with _CONNECT_LOCK:
        return _connect(settings)


def _connect(settings: Settings) -> ClientAPI:
    """connect() without the lock."""
    import chromadb

    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if not url.hostname:
            raise StoreUnavailableError(
                f"NEWSBOT_CHROMA_URL={settings.chroma_url!r} is not a URL; use http://host:port."
            )
        try:
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=_chroma_settings(),
            )
        except (ValueError, ConnectionError, OSError, httpx.HTTPError) as exc:
            raise StoreUnavailableError(
                f"Cannot reach the Chroma server at {settings.chroma_url}: {exc}. "
                "Start it with `chroma run --path DIR --port N` or unset NEWSBOT_CHROMA_URL."
            ) from exc
    path = settings.index_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())


def forget(settings: Settings) -> None:
    """Make the next client of this embedded store read it afresh from disk.

    chromadb keeps one system per folder for the life of the process, with its vector index in
    memory: what another process (`python -m index new.txt`) wrote since is counted but not searched.
    """
    if settings.chroma_url:
        return  # a server sees every writer's changes
    from chromadb.api.shared_system_client import SharedSystemClient

    with _CONNECT_LOCK:
        # Clients already made keep the system they hold; only new ones get a fresh one.
        getattr(SharedSystemClient, "_identifier_to_system", {}).pop(str(settings.index_dir / "chroma"), None)
