"""Serve the newsbot chat page: `python app.py` (host and port from NEWSBOT_HOST / NEWSBOT_PORT)."""

from __future__ import annotations

import os
import sys


def main() -> int:
    """Build the chat page and serve it until interrupted."""
    # Gradio reads this at import; set before importing it so no analytics call leaves the machine.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from bot import NewsbotError, answer_stream
    from bot.ui import create_app, launch_options

    try:
        options = launch_options()  # first: an unsafe or malformed setting stops here, before serving
    except NewsbotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # Streams generated answers token by token when NEWSBOT_LLM is set; quotes arrive in pieces otherwise.
    create_app(stream_fn=answer_stream).launch(**options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
