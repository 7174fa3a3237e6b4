"""Serve the chat page on a keyword bot over an articles folder (for the browser test)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def main() -> None:
    """Parse --port/--articles and serve until killed."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--articles", type=Path, required=True)
    args = parser.parse_args()
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    from bot.ui import create_app, launch_options
    from tests.ui_fakes import KeywordBot

    bot = KeywordBot(args.articles)
    app = create_app(bot.answer, bot.answer_stream, add_files=bot.add_files, index_stats=bot.stats)
    app.launch(**(launch_options() | {"server_port": args.port, "quiet": True}))


if __name__ == "__main__":
    main()
