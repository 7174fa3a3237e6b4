"""The chat page in a real headless Chromium: questions, sources, follow-ups, uploads, bad input."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.web_server import NewsSite

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = ROOT / "artifacts"
ANSWERED = ".nb-sources, .nb-error, .nb-abstain"
UPLOAD_LIMIT = 20_000

if not Path(CHROMIUM).exists():
    pytest.skip("Chromium missing: run `make browser-deps`", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    articles: Path
    started: float
    proc: subprocess.Popen[bytes]
    log: Path
    upload_cache: Path
    timings: dict[str, float] = field(default_factory=dict)


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, e5_settings: Settings, news_site: NewsSite
) -> Iterator[Server]:
    """`python app.py` on a free loopback port over a private copy of the session's e5 index."""
    tmp = tmp_path_factory.mktemp("page")
    articles = tmp / "articles"
    shutil.copytree(e5_settings.articles_dir, articles)
    shutil.copytree(e5_settings.index_dir, tmp / "index")
    port = free_port()
    env = os.environ | {
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "NEWSBOT_ARTICLES_DIR": str(articles),
        "NEWSBOT_INDEX_DIR": str(tmp / "index"),
        "NEWSBOT_COLLECTION": e5_settings.collection,
        "NEWSBOT_PORT": str(port),
        "NEWSBOT_MAX_UPLOAD_BYTES": str(UPLOAD_LIMIT),
        # The test news site is on loopback.
        "NEWSBOT_ALLOW_PRIVATE_URLS": "1",
        "GRADIO_TEMP_DIR": str(tmp / "gradio"),
    }
    log = tmp / "server.log"
    started = time.monotonic()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "app.py"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"chat page did not start:\n{log.read_text()}")
            time.sleep(0.1)
    srv = Server(url, articles, started, proc, log, tmp / "gradio")
    yield srv
    proc.terminate()
    proc.wait(timeout=10)
    for name, seconds in srv.timings.items():
        print(f"\n[timing] {name}: {seconds:.2f} s")


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def page(browser: sync_api.Browser, server: Server) -> Iterator[sync_api.Page]:
    pg = browser.new_page(viewport={"width": 1366, "height": 1000})
    offsite: list[str] = []
    pg.on(
        "request",
        lambda r: offsite.append(r.url) if not r.url.startswith((server.url, "data:", "blob:")) else None,
    )
    pg.goto(server.url)
    pg.wait_for_selector(".nb-stats", timeout=30_000)
    server.timings.setdefault("start to ready page", time.monotonic() - server.started)
    yield pg
    assert offsite == [], f"the page fetched from off this machine: {offsite}"
    pg.close()


def ask(page: sync_api.Page, question: str, server: Server | None = None) -> sync_api.Locator:
    """Type a question, press Enter, wait for the finished turn; return its assistant message."""
    before = page.locator(ANSWERED).count()
    page.fill("#nb-input textarea", question)
    t0 = time.monotonic()
    page.press("#nb-input textarea", "Enter")
    if server is not None:
        page.wait_for_function(
            "document.querySelector('.nb-streaming') && "
            "document.querySelector('.nb-streaming').textContent.trim().length > 0"
            f" || document.querySelectorAll('{ANSWERED}').length > {before}",
            timeout=30_000,
            polling=10,
        )
        server.timings.setdefault("first streamed characters", time.monotonic() - t0)
    page.wait_for_function(f"document.querySelectorAll('{ANSWERED}').length > {before}", timeout=60_000)
    # The event is over when the chat's progress timer is gone; the DOM is stable from then on.
    page.wait_for_selector("#nb-chat .progress-text", state="detached", timeout=10_000)
    return page.locator(".message.bot, [data-testid='bot']").last


def assert_cited(message: sync_api.Locator) -> None:
    """The answer has [n] links and each points at a numbered card in the same message."""
    cites = message.locator("a.nb-cite")
    assert cites.count() >= 1, message.inner_html()
    for i in range(cites.count()):
        target = (cites.nth(i).get_attribute("href") or "").lstrip("#")
        n = cites.nth(i).inner_text().strip("[]")
        card = message.locator(f"#{target}")
        assert card.count() == 1
        assert card.locator(".nb-badge").inner_text() == n
        assert card.locator("mark").count() == 1


def clear(page: sync_api.Page) -> None:
    """Press Clear and wait until the conversation is gone."""
    page.click("button:has-text('Clear')")
    page.wait_for_selector("#nb-chat .nb-answer", state="detached", timeout=5000)


def stat(page: sync_api.Page, key: str) -> str:
    row = page.locator(".nb-stat", has_text=key)
    return row.locator(".nb-stat-v").inner_text()


# Records whether any source card is given the flash class, however briefly.
FLASH_WATCH = """() => {
  window.nbFlashed = false;
  new MutationObserver((changes) => {
    for (const c of changes) {
      const cls = c.target.classList;
      if (cls.contains("nb-card") && cls.contains("nb-flash")) window.nbFlashed = true;
    }
  }).observe(document.body, {attributes: true, subtree: true, attributeFilter: ["class"]});
}"""


def test_english_question_streams_an_answer_with_sources(page: sync_api.Page, server: Server) -> None:
    msg = ask(page, "When is Putin scheduled to visit India?", server)
    assert_cited(msg)
    assert "December" in msg.locator(".nb-answer").inner_text()
    assert msg.locator(".nb-card .nb-lang").first.inner_text() == "English"
    # Clicking a marker brings its card into view and flashes it. The flash lasts 1.6 s, which a busy
    # machine can let pass between two polls, so an observer set before the click records it.
    page.evaluate(FLASH_WATCH)
    msg.locator("a.nb-cite").first.click()
    page.wait_for_function("window.nbFlashed === true", timeout=10000)
    ARTIFACTS.mkdir(exist_ok=True)
    msg.locator(".nb-answer").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "chat-answered.png"))


def test_follow_up_uses_the_conversation(page: sync_api.Page) -> None:
    msg = ask(page, "When does he arrive?")
    assert "Searched for:" in msg.locator(".nb-resolved").inner_text()
    assert_cited(msg)


def test_hindi_question_after_clear(page: sync_api.Page) -> None:
    clear(page)
    msg = ask(page, "जयशंकर ने मास्को में किससे मुलाकात की?")
    assert_cited(msg)
    assert msg.locator(".nb-resolved").count() == 0  # the cleared turns are gone
    langs = msg.locator(".nb-card .nb-lang").all_inner_texts()
    assert "हिन्दी" in langs
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-hindi.png"))


def test_upload_then_ask_about_the_new_article(page: sync_api.Page, server: Server, tmp_path: Path) -> None:
    before = int(stat(page, "Articles"))
    new = tmp_path / "zorblax_festival.txt"
    new.write_text(
        "Pune hosts the Zorblax lantern festival\n\n"
        "The Zorblax lantern festival opens in Pune on Friday with 400 lanterns.\n\n"
        "Organisers said the Zorblax festival lantern parade starts at 7 pm.\n",
        encoding="utf-8",
    )
    page.set_input_files("#nb-upload input[type=file]", str(new))
    page.wait_for_selector("#nb-upload-note .nb-ok", timeout=60_000)
    page.wait_for_function(
        "[...document.querySelectorAll('.nb-stat')].some(r => r.textContent.includes('Articles')"
        f" && r.querySelector('.nb-stat-v').textContent.trim() === '{before + 1}')",
        timeout=10_000,
    )
    assert (server.articles / new.name).exists()
    assert uploaded_copies(server) == []
    clear(page)
    msg = ask(page, "When does the Zorblax lantern festival open in Pune?")
    assert_cited(msg)
    assert "Zorblax" in msg.locator(".nb-card").first.inner_text()


def test_bad_upload_is_refused_and_changes_nothing(
    page: sync_api.Page, server: Server, tmp_path: Path
) -> None:
    before = stat(page, "Articles")
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    page.set_input_files("#nb-upload input[type=file]", str(bad))
    page.wait_for_selector("#nb-upload-note .nb-error", timeout=30_000)
    assert "scan.txt" in page.inner_text("#nb-upload-note")
    assert stat(page, "Articles") == before
    assert not (server.articles / bad.name).exists()
    assert uploaded_copies(server) == []


def uploaded_copies(server: Server) -> list[Path]:
    """Files the page's upload cache still holds."""
    return [p for p in server.upload_cache.rglob("*") if p.is_file()] if server.upload_cache.exists() else []


@pytest.mark.parametrize("factor", [1.6, 10])
def test_upload_over_the_limit_is_stopped_with_a_clear_message(
    page: sync_api.Page, server: Server, tmp_path: Path, factor: float
) -> None:
    # Gradio's limit is newsbot's: a file over it is stopped as it arrives, whatever its size.
    before = stat(page, "Articles")
    over = tmp_path / "long_read.txt"
    over.write_text("A long article. " * int(UPLOAD_LIMIT * factor / 16), encoding="utf-8")
    toasts = (
        "[...document.querySelectorAll('*')].filter(e => e.childElementCount === 0"
        " && e.textContent.includes('exceed the maximum allowed size')).length"
    )
    shown = page.evaluate(toasts)
    page.set_input_files("#nb-upload input[type=file]", str(over))
    page.wait_for_function(f"n => {toasts} > n", arg=shown, timeout=10_000)
    assert stat(page, "Articles") == before
    assert not (server.articles / over.name).exists()
    assert uploaded_copies(server) == []


def test_add_by_url_then_ask_about_the_page(page: sync_api.Page, server: Server, news_site: NewsSite) -> None:
    before = int(stat(page, "Articles"))
    url = news_site.url("/news/ferry.html")
    page.fill("#nb-url input, #nb-url textarea", url)
    page.click("#nb-url-add")
    page.wait_for_selector("#nb-url-note .nb-ok", timeout=60_000)
    page.wait_for_function(
        "[...document.querySelectorAll('.nb-stat')].some(r => r.textContent.includes('Articles')"
        f" && r.querySelector('.nb-stat-v').textContent.trim() === '{before + 1}')",
        timeout=10_000,
    )
    clear(page)
    msg = ask(page, "When will the ferry service between Guwahati and North Guwahati resume?")
    assert_cited(msg)
    card = msg.locator(".nb-card").first
    meta = card.locator(".nb-meta").inner_text()
    assert "The Deccan Ledger (PTI)" in meta and "21 Nov 2025" in meta
    assert card.locator("a.nb-url").get_attribute("href") == url

    page.fill("#nb-url input, #nb-url textarea", news_site.url("/missing"))
    page.click("#nb-url-add")
    page.wait_for_selector("#nb-url-note .nb-error", timeout=30_000)
    assert "answered 404" in page.inner_text("#nb-url-note")
    assert stat(page, "Articles") == str(before + 1)


def test_abstention_says_so_and_shows_closest_matches(page: sync_api.Page) -> None:
    clear(page)
    msg = ask(page, "What is the capital of Peru?")
    assert msg.locator(".nb-abstain").count() == 1
    assert "Closest matches" in (msg.locator(".nb-closest").text_content() or "")
    assert msg.locator(".nb-closest-card").count() >= 1
    assert msg.locator("a.nb-cite").count() == 0


def test_empty_message_gets_a_friendly_note(page: sync_api.Page) -> None:
    before = page.locator(".nb-error").count()
    page.fill("#nb-input textarea", "")
    page.click("button:has-text('Ask')")
    page.wait_for_function(f"document.querySelectorAll('.nb-error').length > {before}", timeout=10_000)
    note = page.locator("#nb-chat .nb-error").last.inner_text()
    assert "question" in note.lower()


def test_several_tabs_at_once_all_get_their_answers(browser: sync_api.Browser, server: Server) -> None:
    questions = [
        "When is Putin scheduled to visit India?",
        "Who did Rajnath Singh meet in Moscow?",
        "जयशंकर ने मास्को में किससे मुलाकात की?",
    ]
    tabs = [browser.new_page() for _ in questions]
    for tab in tabs:
        tab.goto(server.url)
        tab.wait_for_selector("#nb-input textarea")
    for tab, q in zip(tabs, questions, strict=True):
        tab.fill("#nb-input textarea", q)
        tab.press("#nb-input textarea", "Enter")
    for tab, q in zip(tabs, questions, strict=True):
        tab.wait_for_selector(".nb-sources", timeout=60_000)
        assert q in tab.locator("#nb-chat .nb-q").first.inner_text()
        assert tab.locator("a.nb-cite").count() >= 1
        tab.close()
    assert server.proc.poll() is None
