"""The chat turn: ask the bot, stream its answer into the chat, keep the conversation history."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any, Protocol

from bot.errors import NewsbotError
from bot.schema import Answer
from bot.ui.render import render_answer, render_error, render_partial, render_user

History = list[tuple[str, str]]
# Gradio's chat messages ({"role": ..., "content": ...}) at the component boundary.
Message = dict[str, Any]


class AnswerFn(Protocol):
    """bot.answer: answer one question given the earlier turns."""

    def __call__(self, question: str, *, history: History | None = None) -> Answer: ...


class StreamFn(Protocol):
    """bot.answer_stream: text pieces as they are composed, then the final Answer."""

    def __call__(self, question: str, *, history: History | None = None) -> Iterator[str | Answer]: ...


# A piece is a word with its trailing space; a few per yield keeps the page updates smooth.
_PIECE_RE = re.compile(r"\S+\s*|\s+")
WORDS_PER_PIECE = 3
PIECE_PAUSE_S = 0.012


def pieces_of(answer: Answer, pause: float = PIECE_PAUSE_S) -> Iterator[str | Answer]:
    """Replay a finished answer as text pieces then the Answer, for bots that do not stream."""
    words = _PIECE_RE.findall(answer.text)
    for i in range(0, len(words), WORDS_PER_PIECE):
        if i and pause:
            time.sleep(pause)
        yield "".join(words[i : i + WORDS_PER_PIECE])
    yield answer


def _assistant(content: str) -> Message:
    return {"role": "assistant", "content": content}


def respond(
    message: str,
    chat: list[Message],
    history: History,
    *,
    answer_fn: AnswerFn,
    stream_fn: StreamFn | None = None,
) -> Iterator[tuple[str, list[Message], History]]:
    """Run one chat turn, yielding (textbox value, chat messages, history) as the answer grows."""
    question = message or ""
    turn = len(chat)
    chat = [
        *chat,
        {"role": "user", "content": render_user(question)},
        _assistant(render_partial("", turn)),
    ]
    yield "", list(chat), history
    text = ""
    final: Answer | None = None
    try:
        events = (
            stream_fn(question, history=list(history))
            if stream_fn is not None
            else pieces_of(answer_fn(question, history=list(history)))
        )
        for event in events:
            if isinstance(event, Answer):
                final = event
                break
            text += event
            chat[-1] = _assistant(render_partial(text, turn))
            yield "", list(chat), history
    except NewsbotError as exc:
        chat[-1] = _assistant(render_error(str(exc)))
        # Keep the rejected question in the box so nothing the user typed is lost.
        yield question, chat, history
        return
    if final is None:
        chat[-1] = _assistant(render_error("The bot stopped before finishing its answer; ask again."))
        yield question, chat, history
        return
    chat[-1] = _assistant(render_answer(final, turn))
    yield "", chat, [*history, (question, final.text)]
