"""Every bad input is a NewsbotError that says how to fix it: in Python, on the CLI and over /ask."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import httpx
import pytest

from bot import InvalidQuestionError, answer
from bot.question import clean_history
from bot.settings import Settings
from bot.ui import create_app, launch_options
from tests.page_http import free_port

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
BROKEN = "When will Putin visit India\ud83d?"  # half of an emoji


@pytest.mark.parametrize(
    ("history", "message"),
    [
        ("When will Putin visit India?", "The history must be a list of"),
        ({"q": "a"}, "The history must be"),
        ([["When will Putin visit India?"]], "History turn 1 is not a"),
        ([["q", "a"], ["q", "a", "extra"]], "History turn 2"),
        ([["q", None]], "History turn 1"),
        ([("Who met Lavrov\udc80?", "Jaishankar [1].")], "History turn 1 holds a broken character"),
    ],
)
def test_malformed_history_is_refused_with_the_expected_shape(history: object, message: str) -> None:
    with pytest.raises(InvalidQuestionError, match=message):
        clean_history(history)


def test_well_formed_history_passes() -> None:
    assert clean_history([["q", "a"], ("q2", "a2")]) == [("q", "a"), ("q2", "a2")]
    assert clean_history(None) == []


def test_a_broken_character_in_a_question_is_an_invalid_question(e5_settings: Settings) -> None:
    with pytest.raises(InvalidQuestionError, match=r"broken character \(U\+D83D"):
        answer(BROKEN, settings=e5_settings)
    with pytest.raises(InvalidQuestionError, match="History turn 1"):
        answer("When does he arrive?", history=[("only a question",)], settings=e5_settings)  # type: ignore[list-item]


def test_cli_refuses_bytes_that_are_not_utf8(e5_settings: Settings) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")} | {
        "NEWSBOT_INDEX_DIR": str(e5_settings.index_dir),
        "NEWSBOT_ARTICLES_DIR": str(e5_settings.articles_dir),
        "NEWSBOT_COLLECTION": e5_settings.collection,
    }
    out = subprocess.run(
        [sys.executable, "-m", "bot", b"When will Putin visit India\xff?"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    stderr = out.stderr.decode("utf-8", "replace")
    assert out.returncode == 2 and "broken character" in stderr and "Traceback" not in stderr


@pytest.fixture(scope="module")
def url(e5_settings: Settings) -> Iterator[str]:
    app = create_app(partial(answer, settings=e5_settings))
    port = free_port()
    app.launch(**(launch_options() | {"server_port": port, "prevent_thread_lock": True, "quiet": True}))
    yield f"http://127.0.0.1:{port}/"
    app.close()


def call_ask(url: str, question: str, history: object = None) -> tuple[str, str]:
    """POST /ask as raw JSON (ASCII-escaped, so a lone surrogate travels as any client may send it);
    returns the event name ("complete" or "error") and its data."""
    body = json.dumps({"data": [question, history]}).encode("ascii")
    headers = {"Content-Type": "application/json"}
    event = httpx.post(f"{url}gradio_api/call/ask", content=body, headers=headers, timeout=60).json()
    with httpx.stream("GET", f"{url}gradio_api/call/ask/{event['event_id']}", timeout=120) as stream:
        name = ""
        for line in stream.iter_lines():
            if line.startswith("event:"):
                name = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and name in ("complete", "error"):
                return name, line.split(":", 1)[1].strip()
    raise AssertionError("the stream ended without a result")


@pytest.mark.parametrize(
    ("question", "history", "message"),
    [
        (BROKEN, None, "broken character"),
        ("When does he arrive?", [["When will Putin visit India?"]], "History turn 1"),
        ("When does he arrive?", "When will Putin visit India?", "The history must"),
        ("When does he arrive?", [[1, 2]], "History turn 1"),
        ("When does he arrive?", [["Putin visit\udc80?", "In December."]], "broken character"),
    ],
)
def test_ask_endpoint_answers_bad_input_with_the_fix(
    url: str, question: str, history: object, message: str
) -> None:
    event, data = call_ask(url, question, history)
    assert event == "error" and message in data, data
    # The page still answers afterwards.
    event, data = call_ask(url, "When will Putin visit India?")
    assert event == "complete" and "December" in data
