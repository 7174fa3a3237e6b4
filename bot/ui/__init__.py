"""The chat page (Gradio): build it with create_app(), launch it with launch_options().

In: what people type and upload (questions, article files, URLs and feeds) and the answer
functions it is given (`bot.answer`; app.py adds `bot.answer_stream`). Out: the chat, its answers
streamed with numbered source cards, errors that say what to do, the index panel, articles added
to the index, and the `/ask` endpoint returning the answer as JSON.
"""

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
