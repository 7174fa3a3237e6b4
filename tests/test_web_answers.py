"""End to end: `python -m index URL --feed URL` over the local news site, then questions answered
from those pages (real e5 embedder, both CLIs), citing outlet, date and address."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot import answer
from bot.settings import Settings
from tests.conftest import ROOT, make_settings
from tests.web_server import NewsSite

FERRY = "/news/ferry.html"
METRO = "/news/metro-hi.html"
TUNNEL = "/news/2025/11/18/pune-water-tunnel.html"


def cli_env(settings: Settings) -> dict[str, str]:
    return {
        **os.environ,
        "NEWSBOT_ARTICLES_DIR": str(settings.articles_dir),
        "NEWSBOT_INDEX_DIR": str(settings.index_dir),
        "NEWSBOT_COLLECTION": settings.collection,
        "NEWSBOT_ALLOW_PRIVATE_URLS": "1",
        "HF_HUB_OFFLINE": "1",
    }


@pytest.fixture(scope="module")
def web_index(news_site: NewsSite, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """An index of one page and one feed's items, built by the command line from the local site."""
    tmp = tmp_path_factory.mktemp("web-index")
    (tmp / "articles").mkdir()
    settings = make_settings(tmp, allow_private_urls=True)
    done = subprocess.run(
        [sys.executable, "-m", "index", news_site.url(FERRY), "--feed", news_site.url("/feed.xml")],
        cwd=ROOT,
        env=cli_env(settings),
        capture_output=True,
        text=True,
        timeout=600,
    )
    # One feed item links to a page that is gone: reported, exit status 1, the rest indexed.
    assert done.returncode == 1, done.stderr
    assert "gone.html" in done.stderr and "answered 404" in done.stderr
    assert "fetched 1 page(s)" in done.stdout and "fetched 2 page(s)" in done.stdout
    return settings


@pytest.mark.slow
def test_a_fetched_page_is_answered_with_its_outlet_date_and_address(
    web_index: Settings, news_site: NewsSite
) -> None:
    question = "When will the ferry service between Guwahati and North Guwahati resume?"
    result = answer(question, settings=web_index)
    assert not result.abstained and "December 3" in result.text
    source = result.sources[0]
    assert source.url == news_site.url(FERRY)
    assert (source.publisher, source.published) == ("The Deccan Ledger (PTI)", "2025-11-21")


@pytest.mark.slow
def test_a_feed_item_in_hindi_is_answered_with_its_outlet_and_date(
    web_index: Settings, news_site: NewsSite
) -> None:
    result = answer("लखनऊ मेट्रो की नई लाइन कब खुलेगी?", settings=web_index)
    assert not result.abstained and "15 जनवरी" in result.text
    source = result.sources[0]
    assert source.url == news_site.url(METRO) and source.language == "hi"
    assert (source.publisher, source.published) == ("नगर समाचार (PTI)", "2025-11-20")


@pytest.mark.slow
def test_the_answer_cli_cites_the_feed_item_with_outlet_date_and_address(
    web_index: Settings, news_site: NewsSite
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "When will the Pune water tunnel be completed?"],
        cwd=ROOT,
        env=cli_env(web_index),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    out = done.stdout
    assert "March 2027" in out.split("Sources:")[0]
    assert "Western Courier" in out and "2025-11-18" in out and news_site.url(TUNNEL) in out
