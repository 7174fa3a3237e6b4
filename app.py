"""Serve the newsbot chat page: `python app.py` (host and port from NEWSBOT_HOST / NEWSBOT_PORT)."""

from __future__ import annotations

import os


def main() -> None:
    """Build the chat page and serve it until interrupted."""
    # Gradio reads this at import; set before importing it so no analytics call leaves the machine.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from bot import answer_stream
    from bot.ui import create_app, launch_options

    # Streams generated answers token by token when NEWSBOT_LLM is set; quotes arrive in pieces otherwise.
    create_app(stream_fn=answer_stream).launch(**launch_options())


if __name__ == "__main__":
    main()
