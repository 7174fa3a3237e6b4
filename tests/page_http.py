"""Drive the chat page's upload box over HTTP the way its browser code does (see bot.bench.page)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import gradio as gr

from bot.bench.page import post_files, upload_through_page
from bot.bench.server import free_port

__all__ = ["free_port", "post_files", "upload"]


def upload(url: str, app: gr.Blocks, paths: Sequence[Path]) -> str:
    """Upload files through the page's box and return the note it shows (HTML)."""
    config: dict[str, Any] = app.config  # type: ignore[assignment]
    return upload_through_page(url, config, paths)
