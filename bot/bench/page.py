"""`python -m bot.bench.page`: `/ask` latency on the chat page alone, and while articles are uploaded
through the page's upload box (one after another, for the whole second run).

Builds a private index of the seeds, serves the page on a free loopback port, and prints JSON.
The upload is driven over HTTP exactly as the page's browser code sends it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
import uuid
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

import httpx

from bot.bench.corpus import CorpusGenerator, load_seed_sentences
from bot.bench.server import free_port
from bot.settings import PROJECT_ROOT, Settings, get_settings

QUESTIONS = [
    "When will Putin visit India?",
    "Whom did Jaishankar meet in Moscow on Monday?",
    "पुतिन भारत कब आएंगे?",
    "How many members were in the Russian delegation?",
    "Who did Rajnath Singh meet in Moscow?",
]


def upload_target(config: dict[str, Any]) -> tuple[int, int]:
    """(component id of the page's upload box, id of its upload event) from the page's config."""
    box = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == "nb-upload")
    event = next(
        d["id"] for d in config["dependencies"] if [box, "upload"] in [list(t) for t in d["targets"]]
    )
    return box, event


def post_files(url: str, paths: Sequence[Path]) -> httpx.Response:
    """POST files to Gradio's upload route, as the page does when files are dropped on the box."""
    files = [("files", (p.name, p.read_bytes())) for p in paths]
    return httpx.post(f"{url}gradio_api/upload", files=files, timeout=60)


def upload_through_page(url: str, config: dict[str, Any], paths: Sequence[Path]) -> str:
    """Upload files through the page's box and return the note it shows (HTML)."""
    stored = post_files(url, paths)
    stored.raise_for_status()
    box, event = upload_target(config)
    session = uuid.uuid4().hex
    files = [
        {"path": where, "orig_name": p.name, "meta": {"_type": "gradio.FileData"}}
        for where, p in zip(stored.json(), paths, strict=True)
    ]
    body = {"data": [files], "fn_index": event, "session_hash": session, "trigger_id": box}
    with httpx.Client(base_url=url, timeout=600) as client:
        client.post("gradio_api/queue/join", json=body).raise_for_status()
        with client.stream("GET", f"gradio_api/queue/data?session_hash={session}") as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    if not message.get("success", True):
                        raise RuntimeError(f"the upload failed: {message.get('output')}")
                    return str(message["output"]["data"][0])
    raise RuntimeError("the page closed the stream before the upload finished")


def article_files(folder: Path, count: int, size: int) -> list[Path]:
    """`count` distinct English articles of about `size` bytes each, from recombined seed sentences."""
    gen = CorpusGenerator(load_seed_sentences(PROJECT_ROOT / "seeds"), seed=7)
    folder.mkdir(parents=True, exist_ok=True)
    paths, i = [], 0
    for n in range(count):
        text = ""
        while len(text.encode("utf-8")) < size:
            art = gen.article(i)
            i += 1
            if art.language == "en":
                text += art.text + "\n"
        path = folder / f"upload_{n:03d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def time_asks(url: str, rounds: int) -> list[float]:
    """Milliseconds per /ask call over `rounds` passes of the questions."""
    from gradio_client import Client

    client = Client(url, verbose=False)
    times = []
    for _ in range(rounds):
        for question in QUESTIONS:
            t0 = time.perf_counter()
            client.predict(question=question, api_name="/ask")
            times.append((time.perf_counter() - t0) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    """Serve the page over a fresh index, time /ask alone and during uploads, print JSON."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench.page", description=__doc__)
    parser.add_argument("--rounds", type=int, default=4, help="passes over the questions per run")
    parser.add_argument("--upload-kb", type=int, default=17, help="size of each uploaded article")
    args = parser.parse_args(argv)
    import index
    from bot.answering import answer, reset_retrievers
    from bot.ui import create_app, launch_options

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        articles = root / "articles"
        articles.mkdir()
        for seed in sorted((PROJECT_ROOT / "seeds").glob("*.txt")):
            (articles / seed.name).write_bytes(seed.read_bytes())
        settings: Settings = get_settings().model_copy(
            update={"articles_dir": articles, "index_dir": root / "index", "uploads": True}
        )
        index.build(settings)

        def add_files(paths: Sequence[Path]) -> index.IndexReport:
            report = index.add_files(paths, settings=settings)
            reset_retrievers()
            return report

        app = create_app(partial(answer, settings=settings), add_files=add_files, settings=settings)
        port = free_port()
        extra = {"server_name": "127.0.0.1", "server_port": port, "prevent_thread_lock": True, "quiet": True}
        app.launch(**(launch_options(settings) | extra))
        url = f"http://127.0.0.1:{port}/"
        config: dict[str, Any] = app.config  # type: ignore[assignment]
        try:
            time_asks(url, 1)  # warm-up: model, store, first answers
            quiet = time_asks(url, args.rounds)
            uploads = article_files(root / "uploads", 50, args.upload_kb * 1000)
            done, seconds = threading.Event(), []

            def keep_uploading() -> None:
                for path in uploads:
                    if done.is_set():
                        return
                    t0 = time.perf_counter()
                    upload_through_page(url, config, [path])
                    seconds.append(time.perf_counter() - t0)

            uploader = threading.Thread(target=keep_uploading)
            uploader.start()
            time.sleep(1.0)  # the first upload is indexing before the first timed question
            busy = time_asks(url, args.rounds)
            done.set()
            uploader.join()
        finally:
            app.close()
    result = {
        "asks_timed": len(quiet),
        "ask_p50_ms": round(statistics.median(quiet), 1),
        "ask_p50_ms_during_uploads": round(statistics.median(busy), 1),
        "during_over_alone_p50": round(statistics.median(busy) / statistics.median(quiet), 2),
        "ask_max_ms_during_uploads": round(max(busy), 1),
        "uploads_done": len(seconds),
        "upload_kb": args.upload_kb,
        "upload_s_median": round(statistics.median(seconds), 2) if seconds else None,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
