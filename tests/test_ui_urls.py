"""The chat page's "Add by URL" box: it goes through index.add_urls and says what happened."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from langchain_core.embeddings import DeterministicFakeEmbedding

from bot.ui import create_app
from bot.ui.uploads import add_by_url
from index import Failed, IndexReport
from index.store import Store
from index.sync.web_sync import add_urls
from tests.conftest import SEEDS, make_settings
from tests.ui_fakes import KeywordBot
from tests.web_server import NewsSite


def test_added_page_and_failed_address_are_both_reported(
    news_site: NewsSite, tmp_path: Path, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    (tmp_path / "articles").mkdir()
    settings = make_settings(tmp_path, allow_private_urls=True)
    store = Store(settings, fake_embeddings)
    seen: list[list[str]] = []

    def add(urls: Sequence[str]) -> IndexReport:
        seen.append(list(urls))
        return add_urls(urls, settings, store)

    note = add_by_url(f"  {news_site.url('/news/ferry.html')} {news_site.url('/missing')} ", add_urls=add)
    assert seen == [[news_site.url("/news/ferry.html"), news_site.url("/missing")]]
    assert "Added 1 page." in note and "answered 404" in note and 'class="nb-error"' in note
    again = add_by_url(news_site.url("/news/ferry.html"), add_urls=add)
    assert "Already added" in again and "nb-error" not in again


def test_unsafe_address_message_is_shown_and_escaped() -> None:
    def refuse(urls: Sequence[str]) -> IndexReport:
        return IndexReport(failed=[Failed(urls[0], f"{urls[0]}: only http:// and https:// addresses")])

    note = add_by_url("javascript:<b>x</b>", add_urls=refuse)
    assert "only http:// and https://" in note and "<b>x</b>" not in note
    assert add_by_url("   ", add_urls=refuse) == ""


def test_page_has_the_url_box_beside_uploads() -> None:
    def never(urls: Sequence[str]) -> IndexReport:
        raise AssertionError("nothing is added while the page is built")

    bot = KeywordBot(SEEDS)
    app = create_app(bot.answer, add_files=bot.add_files, add_urls=never, index_stats=bot.stats)
    ids = {c.get("props", {}).get("elem_id") for c in app.config["components"]}
    assert {"nb-upload", "nb-url", "nb-url-note"} <= ids
