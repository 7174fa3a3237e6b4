"""Drive the chat page's upload box over HTTP the way its browser code does (upload, then queue)."""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import gradio as gr
import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def upload_target(app: gr.Blocks) -> tuple[int, int]:
    """(component id of the upload box, id of its upload event)."""
    config: dict[str, Any] = app.config  # type: ignore[assignment]
    box = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == "nb-upload")
    event = next(
        d["id"] for d in config["dependencies"] if [box, "upload"] in [list(t) for t in d["targets"]]
    )
    return box, event


def post_files(url: str, paths: Sequence[Path]) -> httpx.Response:
    """POST files to Gradio's upload route, as the page does when files are dropped on the box."""
    files = [("files", (p.name, p.read_bytes())) for p in paths]
    return httpx.post(f"{url}gradio_api/upload", files=files, timeout=60)


def upload(url: str, app: gr.Blocks, paths: Sequence[Path]) -> str:
    """Upload files through the page's box and return the note it shows (HTML)."""
    stored = post_files(url, paths)
    stored.raise_for_status()
    box, event = upload_target(app)
    session = uuid.uuid4().hex
    files = [
        {"path": where, "orig_name": p.name, "meta": {"_type": "gradio.FileData"}}
        for where, p in zip(stored.json(), paths, strict=True)
    ]
    body = {
        "data": [files], "fn_index": event, "session_hash": session, "trigger_id": box, "event_data": None
    }
    with httpx.Client(base_url=url, timeout=120) as client:
        client.post("gradio_api/queue/join", json=body).raise_for_status()
        with client.stream("GET", f"gradio_api/queue/data?session_hash={session}") as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    output = message.get("output") or {}
                    if not message.get("success", True):
                        raise RuntimeError(f"upload event failed: {output}")
                    return str(output["data"][0])
    raise RuntimeError("the page closed the stream before the upload finished")
