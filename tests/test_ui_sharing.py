"""Serving the page: uploads beside answers, uploaded copies deleted, logins, and no open uploads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import gradio as gr
import pytest
from gradio_client import Client
from pydantic import SecretStr

from bot.errors import SettingsError
from bot.settings import Settings
from bot.ui import create_app, launch_options
from bot.ui.page import UPLOAD_CACHE_SECONDS
from bot.ui.sharing import auth_pairs, check_sharing, is_loopback
from tests.page_http import free_port, post_files, upload
from tests.ui_fakes import KeywordBot

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STORY = "The Zorblax festival opens in Pune on Friday, the organisers said. " * 5


@pytest.fixture
def gradio_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private folder for Gradio's uploaded copies."""
    folder = tmp_path / "gradio"
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(folder))
    return folder


@pytest.fixture
def keyword_bot(tmp_path: Path) -> KeywordBot:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return KeywordBot(folder)


def serve(app: gr.Blocks, settings: Settings | None = None) -> str:
    port = free_port()
    extra = {"server_port": port, "prevent_thread_lock": True, "quiet": True}
    app.launch(**(launch_options(settings) | extra))
    return f"http://127.0.0.1:{port}/"


def files_in(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.fixture
def page(keyword_bot: KeywordBot, gradio_tmp: Path) -> Iterator[tuple[str, gr.Blocks]]:
    app = create_app(keyword_bot.answer, add_files=keyword_bot.add_files, index_stats=keyword_bot.stats)
    url = serve(app)
    yield url, app
    app.close()


def test_an_answer_is_served_while_an_upload_is_indexing(
    keyword_bot: KeywordBot, gradio_tmp: Path, tmp_path: Path
) -> None:
    indexing, answered = threading.Event(), threading.Event()

    def slow_add(paths: Sequence[Path]) -> object:
        indexing.set()
        # Held until an answer has been served: answers queued behind uploads would never come.
        if not answered.wait(60):
            raise AssertionError("no answer was served while the upload was indexing")
        return keyword_bot.add_files(paths)

    app = create_app(keyword_bot.answer, add_files=slow_add, index_stats=keyword_bot.stats)
    url = serve(app)
    try:
        story = tmp_path / "festival.txt"
        story.write_text(STORY, "utf-8")
        with ThreadPoolExecutor(1) as pool:
            uploading = pool.submit(upload, url, app, [story])
            assert indexing.wait(60)
            asked = Client(url, verbose=False).predict(
                question="When is Putin scheduled to visit India?", api_name="/ask"
            )
            answered.set()
            assert "[1]" in asked["text"]
            assert "Added 1 article: festival.txt" in uploading.result(timeout=60)
    finally:
        answered.set()
        app.close()


def test_uploaded_copies_are_deleted_whether_added_or_refused(
    page: tuple[str, gr.Blocks], gradio_tmp: Path, tmp_path: Path, keyword_bot: KeywordBot
) -> None:
    url, app = page
    good = tmp_path / "festival.txt"
    good.write_text(STORY, "utf-8")
    hidden = tmp_path / ".hidden.txt"
    hidden.write_text(STORY, "utf-8")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 " + STORY.encode())
    assert "Added 1 article: festival.txt" in upload(url, app, [good])
    assert "hidden files" in upload(url, app, [hidden])
    assert "only .txt, .md and .html (.htm)" in upload(url, app, [pdf])
    assert files_in(gradio_tmp) == []
    assert not (keyword_bot.folder / ".hidden.txt").exists()
    # Copies posted but never submitted are swept by Gradio after a while.
    assert app.delete_cache == (UPLOAD_CACHE_SECONDS, UPLOAD_CACHE_SECONDS)


def test_an_upload_over_the_limit_is_stopped_before_it_is_stored(
    keyword_bot: KeywordBot, gradio_tmp: Path, tmp_path: Path
) -> None:
    settings = Settings(max_upload_bytes=2_000)
    app = create_app(
        keyword_bot.answer, add_files=keyword_bot.add_files, index_stats=keyword_bot.stats, settings=settings
    )
    url = serve(app, settings)
    try:
        big = tmp_path / "big.txt"
        big.write_text(STORY * 20, "utf-8")
        refused = post_files(url, [big])
        assert refused.status_code == 413 and "2000" in refused.text
        assert files_in(gradio_tmp) == []
    finally:
        app.close()


def test_htm_uploads_are_accepted_like_the_folder_accepts_them(
    page: tuple[str, gr.Blocks], tmp_path: Path, keyword_bot: KeywordBot
) -> None:
    url, app = page
    page_file = tmp_path / "festival.htm"
    page_file.write_text(f"<html><body><p>{STORY}</p></body></html>", "utf-8")
    assert "Added 1 article: festival.htm" in upload(url, app, [page_file])
    assert (keyword_bot.folder / "festival.htm").exists()


def test_with_uploads_off_the_page_has_no_upload_event(keyword_bot: KeywordBot) -> None:
    app = create_app(
        keyword_bot.answer, add_files=keyword_bot.add_files, index_stats=keyword_bot.stats,
        settings=Settings(uploads=False),
    )
    config = app.config
    assert config is not None
    assert not any(t[1] == "upload" for d in config["dependencies"] for t in d["targets"])


def test_logins_are_required_when_set(keyword_bot: KeywordBot, gradio_tmp: Path) -> None:
    settings = Settings(auth=SecretStr("ana:s3cret, raj:pa55:word"))
    assert auth_pairs(settings) == [("ana", "s3cret"), ("raj", "pa55:word")]
    app = create_app(keyword_bot.answer, add_files=keyword_bot.add_files, index_stats=keyword_bot.stats)
    url = serve(app, settings)
    try:
        with pytest.raises(ValueError):
            Client(url, verbose=False).predict(question="When will Putin visit India?", api_name="/ask")
        with pytest.raises(ValueError):
            Client(url, auth=("ana", "wrong"), verbose=False)
        client = Client(url, auth=("ana", "s3cret"), verbose=False)
        result = client.predict(question="When is Putin scheduled to visit India?", api_name="/ask")
        assert "[1]" in result["text"]
    finally:
        app.close()


@pytest.mark.parametrize("value", ["ana", "ana:", ":pw", "ana:pw,,raj:pw"])
def test_malformed_logins_are_refused_without_echoing_them(value: str) -> None:
    with pytest.raises(SettingsError, match="user:password pairs") as caught:
        auth_pairs(Settings(auth=SecretStr(value)))
    assert "pw" not in str(caught.value).replace("pa55w0rd", "")


def test_open_uploads_on_a_reachable_host_are_refused_unless_asked_for() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.5", "newsbot.example"))
    with pytest.raises(SettingsError, match="NEWSBOT_AUTH"):
        check_sharing(Settings(host="0.0.0.0"))
    check_sharing(Settings(host="0.0.0.0", auth=SecretStr("ana:s3cret")))
    check_sharing(Settings(host="0.0.0.0", uploads=False))
    check_sharing(Settings(host="0.0.0.0", allow_open_uploads=True))
    check_sharing(Settings(host="127.0.0.1"))
    options = launch_options(Settings(host="0.0.0.0", auth=SecretStr("ana:s3cret"), max_upload_bytes=5_000))
    assert options["auth"] == [("ana", "s3cret")] and options["max_file_size"] == 5_000


def test_app_refuses_to_serve_open_uploads_to_the_network() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env |= {"NEWSBOT_HOST": "0.0.0.0", "NEWSBOT_PORT": str(free_port())}
    out = subprocess.run(
        [sys.executable, "app.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 2
    assert "NEWSBOT_AUTH" in out.stderr and "NEWSBOT_ALLOW_OPEN_UPLOADS" in out.stderr
