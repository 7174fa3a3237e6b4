"""The chat page: create_app() builds the Gradio Blocks without launching it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import gradio as gr
from gradio.utils import get_upload_folder

import index
from bot import answer
from bot.settings import Settings, get_settings
from bot.ui.api import ask_data
from bot.ui.chat import AnswerFn, History, Message, StreamFn, respond
from bot.ui.panel import StatsFn, stats_html
from bot.ui.sharing import auth_pairs, check_sharing
from bot.ui.theme import CSS, HEAD, build_theme
from bot.ui.uploads import (
    AddFilesFn,
    AddUrlsFn,
    add_and_refresh,
    add_by_url,
    add_uploads,
    add_urls_and_refresh,
    beside_answers,
    discard_uploads,
    size_label,
)

EXAMPLES = [
    "When is Putin scheduled to visit India?",
    "Who did Rajnath Singh meet in Moscow?",
    "जयशंकर ने मास्को में किससे मुलाकात की?",
    "पुतिन और मोदी कैसे संपर्क में रहते हैं?",
]
# One answer at a time: the queue serves tabs in arrival order on a 2-core machine.
CONCURRENCY_LIMIT = 1
# Uploaded copies are deleted once handled; any left behind (a file posted to Gradio's upload route
# and never submitted) are swept this many seconds after they arrive.
UPLOAD_CACHE_SECONDS = 600


def create_app(
    answer_fn: AnswerFn = answer,
    stream_fn: StreamFn | None = None,
    *,
    add_files: AddFilesFn = add_and_refresh,
    add_urls: AddUrlsFn = add_urls_and_refresh,
    index_stats: StatsFn = index.index_stats,
    settings: Settings | None = None,
) -> gr.Blocks:
    """Build the chat page (chat, sources, index panel, uploads, API) without launching it."""
    settings = settings or get_settings()
    add_fn, stats_fn = add_files, index_stats

    def on_message(
        message: str, chat: list[Message], history: History
    ) -> Iterator[tuple[str, list[Message], History]]:
        yield from respond(message, chat, history, answer_fn=answer_fn, stream_fn=stream_fn)

    def on_example(
        chat: list[Message], history: History, evt: gr.SelectData
    ) -> Iterator[tuple[str, list[Message], History]]:
        value = evt.value.get("text", "") if isinstance(evt.value, dict) else str(evt.value)
        yield from respond(value, chat, history, answer_fn=answer_fn, stream_fn=stream_fn)

    def on_upload(files: Sequence[dict[str, Any]] | None) -> tuple[str, str, None]:
        # Gradio has checked that each path lies in its upload folder (see `preprocess` below).
        paths = [Path(str(f["path"])) for f in files or []]
        try:
            note = beside_answers(
                lambda: add_uploads(paths, add_files=add_fn, max_bytes=settings.max_upload_bytes)
            )
        finally:
            discard_uploads(paths, Path(get_upload_folder()))
        return note, stats_html(stats_fn), None

    def on_add_url(text: str) -> tuple[str, str, str]:
        note = beside_answers(lambda: add_by_url(text or "", add_urls=add_urls))
        failed = "nb-error" in note
        # A failed address stays in the box to be corrected; an added one clears it.
        return note, stats_html(stats_fn), (text if failed else "")

    def on_clear() -> tuple[list[Message], History, str]:
        return [], [], ""

    with gr.Blocks(
        title="newsbot",
        analytics_enabled=False,
        fill_height=True,
        delete_cache=(UPLOAD_CACHE_SECONDS, UPLOAD_CACHE_SECONDS),
    ) as app:
        history = gr.State([])
        with gr.Row(elem_id="nb-header"):
            gr.HTML(
                '<div class="nb-brand"><span class="nb-logo">n</span><div><h1>newsbot</h1>'
                "<p>Answers from the indexed news articles, in English or हिन्दी, with "
                "numbered sources.</p></div></div>"
            )
        with gr.Row(equal_height=False):
            with gr.Column(scale=7, min_width=420):
                chat = gr.Chatbot(
                    elem_id="nb-chat",
                    show_label=False,
                    height="72vh",
                    layout="bubble",
                    buttons=["copy"],
                    feedback_options=None,
                    latex_delimiters=[],
                    sanitize_html=True,
                    placeholder="**Ask about the news.** Every answer cites the articles it "
                    "comes from; click a [n] to see the sentence.",
                    examples=[{"text": q} for q in EXAMPLES],
                )
                with gr.Row():
                    box = gr.Textbox(
                        elem_id="nb-input",
                        show_label=False,
                        placeholder="Ask a question — English or हिन्दी…",
                        lines=1,
                        max_lines=6,
                        scale=8,
                        autofocus=True,
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, min_width=80)
                    clear = gr.Button("Clear", variant="secondary", scale=1, min_width=80)
            with gr.Column(scale=3, min_width=260, elem_id="nb-side"):
                with gr.Group(elem_classes="nb-panel"):
                    gr.HTML('<div class="nb-panel-title">Index</div>', padding=True)
                    stats = gr.HTML(elem_id="nb-stats", padding=True)
                with gr.Group(elem_classes="nb-panel", visible=settings.uploads):
                    gr.HTML(
                        '<div class="nb-panel-title">Add articles</div>'
                        f'<div class="nb-panel-hint">.txt, .md or .html, up to '
                        f"{size_label(settings.max_upload_bytes)} each. They are cleaned, "
                        "indexed and kept.</div>",
                        padding=True,
                    )
                    # No file_types: Gradio would refuse other types before newsbot sees them, with
                    # its own message and the uploaded copy left behind; newsbot's check says what to
                    # do, and the copy is deleted.
                    upload = gr.File(
                        show_label=False,
                        file_count="multiple",
                        type="filepath",
                        elem_id="nb-upload",
                        height=120,
                    )
                    upload_note = gr.HTML(elem_id="nb-upload-note", padding=True)
                with gr.Group(elem_classes="nb-panel", visible=settings.uploads):
                    gr.HTML(
                        '<div class="nb-panel-title">Add by URL</div>'
                        '<div class="nb-panel-hint">The address of a news page, or of an RSS/Atom feed '
                        "for all its articles. The page is fetched once and kept.</div>",
                        padding=True,
                    )
                    with gr.Row():
                        url_box = gr.Textbox(
                            elem_id="nb-url",
                            show_label=False,
                            placeholder="https://…",
                            lines=1,
                            max_lines=1,
                            scale=4,
                        )
                        url_add = gr.Button(
                            "Add", variant="secondary", scale=1, min_width=60, elem_id="nb-url-add"
                        )
                    url_note = gr.HTML(elem_id="nb-url-note", padding=True)
                gr.HTML(
                    '<div class="nb-panel-hint nb-tips">Ask follow-ups naturally (“When does '
                    "he arrive?”): the previous question fills in who you mean. Click a "
                    "<b>[n]</b> to jump to its source.</div>",
                    padding=True,
                )

        chat_io: dict[str, Any] = {
            "outputs": [box, chat, history],
            "concurrency_limit": CONCURRENCY_LIMIT,
            "concurrency_id": "answer",
            "api_visibility": "private",
        }
        box.submit(on_message, [box, chat, history], **chat_io)
        send.click(on_message, [box, chat, history], **chat_io)
        chat.example_select(on_example, [chat, history], **chat_io)
        clear.click(on_clear, None, [chat, history, box], queue=False, api_visibility="private")
        # The chat's own trash icon must forget the conversation too, or follow-ups would use it.
        chat.clear(on_clear, None, [chat, history, box], queue=False, api_visibility="private")
        if settings.uploads:
            upload.upload(
                on_upload,
                [upload],
                [upload_note, stats, upload],
                # A queue of its own: answers run beside an upload, never behind it. Writes reach the
                # store in batches and answers switch to the new index once the upload finishes.
                concurrency_limit=1,
                concurrency_id="upload",
                api_visibility="private",
                # The raw file records: gr.File's own preprocessing leaves an empty temporary file
                # behind per upload.
                preprocess=False,
            )
            # Pages and feeds are fetched and indexed in the same queue as uploads, beside answers.
            url_io: dict[str, Any] = {
                "outputs": [url_note, stats, url_box],
                "concurrency_limit": 1,
                "concurrency_id": "upload",
                "api_visibility": "private",
            }
            url_box.submit(on_add_url, [url_box], **url_io)
            url_add.click(on_add_url, [url_box], **url_io)
        app.load(lambda: stats_html(stats_fn), None, stats, api_visibility="private")

        def ask(question: str, history: list[list[str]] | None = None) -> dict[str, Any]:
            """Answer a question about the indexed news: the answer text and its sources as data."""
            return ask_data(question, history, answer_fn=answer_fn)

        gr.api(
            ask,
            api_name="ask",
            concurrency_limit=CONCURRENCY_LIMIT,
            concurrency_id="answer",
        )
    app.queue(default_concurrency_limit=CONCURRENCY_LIMIT)
    return app


def launch_options(settings: Settings | None = None) -> dict[str, Any]:
    """Return the launch() keywords: host/port, logins, theme, CSS, upload limit.

    Raises SettingsError for malformed logins, or for uploads without a login on a host other
    machines can reach (unless NEWSBOT_ALLOW_OPEN_UPLOADS is set).
    """
    settings = settings or get_settings()
    check_sharing(settings)
    return {
        "auth": auth_pairs(settings),
        "server_name": settings.host,
        "server_port": settings.port,
        "theme": build_theme(),
        "css": CSS,
        "head": HEAD,
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "footer_links": ["api"],
        # Gradio stops (and deletes) an upload the moment it passes newsbot's limit.
        "max_file_size": settings.max_upload_bytes,
        "show_error": True,
    }
