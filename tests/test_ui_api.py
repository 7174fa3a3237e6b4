"""The named HTTP endpoint /ask, called with gradio_client as the README shows."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from bot.ui import create_app, launch_options
from tests.ui_fakes import KeywordBot

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("api") / "articles"
    shutil.copytree(SEEDS, folder)
    bot = KeywordBot(folder)
    app = create_app(bot.answer, add_files=bot.add_files, index_stats=bot.stats)
    opts = launch_options() | {
        "server_port": free_port(),
        "prevent_thread_lock": True,
        "quiet": True,
    }
    app.launch(**opts)
    yield f"http://127.0.0.1:{opts['server_port']}/"
    app.close()


def test_ask_returns_answer_text_and_sources_as_data(url: str) -> None:
    client = Client(url, verbose=False)
    result = client.predict(question="When is Putin scheduled to visit India?", api_name="/ask")
    assert "[1]" in result["text"]
    assert result["sources"][0]["n"] == 1
    assert {"title", "publisher", "published", "language", "snippet"} <= set(result["sources"][0])


def test_ask_follow_up_with_history(url: str) -> None:
    client = Client(url, verbose=False)
    first = client.predict(question="When is Putin scheduled to visit India?", api_name="/ask")
    second = client.predict(
        question="When does he arrive?",
        history=[["When is Putin scheduled to visit India?", first["text"]]],
        api_name="/ask",
    )
    assert second["resolved_question"].startswith("When is Putin")


def test_ask_bad_question_is_an_error_with_the_fix(url: str) -> None:
    client = Client(url, verbose=False)
    with pytest.raises(AppError, match="Type a question first"):
        client.predict(question="   ", api_name="/ask")


def test_only_ask_is_public(url: str) -> None:
    client = Client(url, verbose=False)
    assert list(client.view_api(print_info=False, return_format="dict")["named_endpoints"]) == ["/ask"]
