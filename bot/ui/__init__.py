"""The chat page: build it with create_app(), launch it with launch_options()."""

from bot.ui.chat import AnswerFn, StreamFn, pieces_of, respond
from bot.ui.page import EXAMPLES, create_app, launch_options
from bot.ui.render import render_answer, render_error, source_card

__all__ = [
    "EXAMPLES",
    "AnswerFn",
    "StreamFn",
    "create_app",
    "launch_options",
    "pieces_of",
    "render_answer",
    "render_error",
    "respond",
    "source_card",
]
