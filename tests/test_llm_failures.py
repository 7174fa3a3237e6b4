"""A server that is down, hangs or answers garbage gives a clear error and the extractive answer."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.errors import LLMUnavailableError
from bot.generation import answer_messages, build_chat_model, complete, generate_answer
from bot.settings import Settings
from tests.llm_fakes import WordEmbeddings, documents, extractive


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Hang(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        time.sleep(5)

    def log_message(self, *args: object) -> None:
        pass


class _Garbage(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = b"<html><body>502 Bad Gateway</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def hanging_url() -> Iterator[str]:
    yield from serve(_Hang)


@pytest.fixture
def garbage_url() -> Iterator[str]:
    yield from serve(_Garbage)


def settings_for(url: str) -> Settings:
    return Settings(llm="openai", llm_base_url=url, llm_timeout=0.5)


def ask(settings: Settings) -> str:
    messages = answer_messages("Who met Putin?", [], language="en")
    return complete(build_chat_model(settings), messages, timeout=settings.llm_timeout)


def test_server_down_raises_a_clear_error() -> None:
    settings = settings_for(f"http://127.0.0.1:{free_port()}/v1")
    with pytest.raises(LLMUnavailableError, match="NEWSBOT_LLM_BASE_URL"):
        ask(settings)


def test_hanging_server_times_out_quickly(hanging_url: str) -> None:
    started = time.monotonic()
    with pytest.raises(LLMUnavailableError, match="Timeout"):
        ask(settings_for(hanging_url))
    # One retry of a 0.5 s timeout, not the server's 5 s sleep.
    assert time.monotonic() - started < 4


def test_garbage_reply_raises_a_clear_error(garbage_url: str) -> None:
    with pytest.raises(LLMUnavailableError, match="LLM"):
        ask(settings_for(garbage_url))


@pytest.mark.parametrize("kind", ["down", "garbage"])
def test_failure_yields_the_extractive_answer_with_a_notice(kind: str, garbage_url: str) -> None:
    url = garbage_url if kind == "garbage" else f"http://127.0.0.1:{free_port()}/v1"
    settings = settings_for(url)
    question = "When will Putin arrive in India?"
    answer = generate_answer(
        question, documents(), llm=build_chat_model(settings), embeddings=WordEmbeddings(),
        fallback=extractive(question), settings=settings,
    )
    assert answer.path == "llm-fallback"
    assert answer.text == extractive(question).text
    assert answer.notice is not None and "extractive" in answer.notice


def test_llamacpp_without_a_model_path_says_how_to_fix() -> None:
    with pytest.raises(LLMUnavailableError, match="NEWSBOT_LLM_MODEL_PATH"):
        build_chat_model(Settings(llm="llamacpp", llm_model_path=None))
