"""Pages and feeds from a local news site: fetched once, stored, indexed; bad addresses get clear errors.

Everything is served on 127.0.0.1 (with NEWSBOT_ALLOW_PRIVATE_URLS on where the site must be
reached); the network guard refuses any other connection, so nothing leaves the machine.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from bot.errors import FetchError, UnsafeURLError
from bot.settings import Settings, get_settings
from index.__main__ import main as index_main
from index.loading import page_file_name
from index.loading.fetch import Fetched, Fetcher, resolve
from index.store import Store
from index.sync.builder import build_index
from index.sync.web_sync import add_urls
from tests.conftest import make_settings
from tests.web_server import HUGE_BYTES, WEB, NewsSite

pytestmark = pytest.mark.usefixtures("no_network")
FERRY = "/news/ferry.html"
METRO = "/news/metro-hi.html"
TUNNEL = "/news/2025/11/18/pune-water-tunnel.html"


def web_settings(tmp_path: Path, **overrides: object) -> Settings:
    """Settings over an empty articles folder, allowed to fetch from loopback."""
    (tmp_path / "articles").mkdir(exist_ok=True)
    values: dict[str, object] = {"allow_private_urls": True, "fetch_timeout": 1.0}
    values.update(overrides)
    return make_settings(tmp_path, **values)


def chunk_meta(store: Store) -> dict[str, dict[str, object]]:
    """Each indexed article's metadata (from its first chunk), by doc id."""
    found: dict[str, dict[str, object]] = {}
    for chunk in store.iter_chunks():
        found.setdefault(str(chunk.metadata["doc_id"]), dict(chunk.metadata))
    return found


def html_files(settings: Settings) -> list[str]:
    return sorted(p.name for p in settings.articles_dir.glob("*.html"))


def test_a_page_is_fetched_once_stored_and_rebuilt_offline(
    news_site: NewsSite, tmp_path: Path, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    settings = web_settings(tmp_path)
    store = Store(settings, fake_embeddings)
    url = news_site.url(FERRY)
    fetched_before = news_site.hits[FERRY]
    report = add_urls([url], settings, store)
    assert not report.failed and report.stored == [page_file_name(url)] and report.chunks_added > 0
    first_line = (settings.articles_dir / report.stored[0]).read_text("utf-8").split("\n", 1)[0]
    assert first_line == f"<!-- saved from url=({len(url):04d}){url} -->"
    meta = chunk_meta(store)[report.stored[0]]
    assert meta["url"] == url  # where it was fetched, not the page's canonical claim
    assert meta["publisher"] == "The Deccan Ledger (PTI)" and meta["published"] == "2025-11-21"
    assert meta["title"] == "Guwahati ferry service to resume on December 3"
    assert meta["author"] == "Staff Reporter"

    again = add_urls([url], settings, store)
    assert (again.stored, again.chunks_added, again.chunks_removed) == ([], 0, 0)
    assert news_site.hits[FERRY] == fetched_before + 1  # the stored copy was read, not the site

    rebuilt_settings = settings.model_copy(update={"collection": "rebuilt"})
    rebuilt = Store(rebuilt_settings, fake_embeddings)
    build_index(rebuilt_settings, rebuilt)
    assert news_site.hits[FERRY] == fetched_before + 1
    assert chunk_meta(rebuilt)[report.stored[0]]["url"] == url
    assert rebuilt.count() == store.count()


def test_a_feed_indexes_its_items_reports_the_broken_one_and_adds_only_new_items(
    news_site: NewsSite, tmp_path: Path, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    settings = web_settings(tmp_path)
    store = Store(settings, fake_embeddings)
    feed = news_site.url("/feed.xml")
    report = add_urls([feed], settings, store, feeds=True)
    assert sorted(report.stored) == sorted(page_file_name(news_site.url(p)) for p in (METRO, TUNNEL))
    assert len(report.failed) == 1 and "gone.html" in report.failed[0].reason
    assert "404" in report.failed[0].reason
    metas = {m["url"]: m for m in chunk_meta(store).values()}
    assert set(metas) == {news_site.url(METRO), news_site.url(TUNNEL)}
    metro = metas[news_site.url(METRO)]
    assert (metro["language"], metro["publisher"]) == ("hi", "नगर समाचार (PTI)")
    assert metro["published"] == "2025-11-20"
    # The tunnel page states no date in its markup: the date in its address is found.
    assert metas[news_site.url(TUNNEL)]["published"] == "2025-11-18"

    hits = (news_site.hits[METRO], news_site.hits[TUNNEL])
    second = add_urls([feed], settings, store, feeds=True)
    assert (second.stored, second.chunks_added, second.chunks_removed) == ([], 0, 0)
    assert (news_site.hits[METRO], news_site.hits[TUNNEL]) == hits
    assert [f.reason for f in second.failed] == [f.reason for f in report.failed]


def test_a_url_that_serves_a_feed_is_read_as_one(
    news_site: NewsSite, tmp_path: Path, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    settings = web_settings(tmp_path)
    report = add_urls([news_site.url("/feed.xml")], settings, Store(settings, fake_embeddings))
    assert len(report.stored) == 2 and len(report.failed) == 1


def test_a_redirect_is_followed_and_the_final_address_kept(
    news_site: NewsSite, tmp_path: Path, fake_embeddings: DeterministicFakeEmbedding
) -> None:
    settings = web_settings(tmp_path)
    store = Store(settings, fake_embeddings)
    report = add_urls([news_site.url("/moved")], settings, store)
    assert report.stored == [page_file_name(news_site.url("/moved"))]
    assert chunk_meta(store)[report.stored[0]]["url"] == news_site.url(FERRY)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "answered 404"),
        ("/slow", "no answer within 1 s"),
        ("/report.pdf", "application/pdf"),
        ("/huge", "NEWSBOT_FETCH_MAX_BYTES"),
        ("/huge-declared", "50,000,000 bytes"),
        ("/loop", "more than 5 redirects"),
    ],
)
def test_a_bad_address_gets_a_clear_message_and_the_others_are_still_indexed(
    news_site: NewsSite,
    tmp_path: Path,
    fake_embeddings: DeterministicFakeEmbedding,
    path: str,
    message: str,
) -> None:
    settings = web_settings(tmp_path)
    store = Store(settings, fake_embeddings)
    bad, good = news_site.url(path), news_site.url(FERRY)
    sent_before = news_site.sent[path]
    report = add_urls([bad, good], settings, store)
    assert [f.source for f in report.failed] == [bad]
    assert message in report.failed[0].reason and bad in report.failed[0].reason
    assert html_files(settings) == [page_file_name(good)]
    assert {m["url"] for m in chunk_meta(store).values()} == {good}
    if path.startswith("/huge"):
        # Streamed and cut off at the cap, never read whole.
        assert news_site.sent[path] - sent_before < HUGE_BYTES // 4


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("file:///etc/passwd", "only http:// and https://"),
        ("ftp://127.0.0.1/story.html", "only http:// and https://"),
        ("{base}/news/ferry.html", "NEWSBOT_ALLOW_PRIVATE_URLS=1"),
        ("http://localhost:{port}/news/ferry.html", "NEWSBOT_ALLOW_PRIVATE_URLS=1"),
        ("http://10.1.2.3/story.html", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]:{port}/news/ferry.html", "loopback"),
    ],
)
def test_unsafe_addresses_are_refused_without_being_fetched(
    news_site: NewsSite,
    tmp_path: Path,
    fake_embeddings: DeterministicFakeEmbedding,
    address: str,
    message: str,
) -> None:
    settings = web_settings(tmp_path, allow_private_urls=False)
    url = address.format(base=news_site.base, port=news_site.base.rsplit(":", 1)[1])
    requests_before = sum(news_site.hits.values())
    report = add_urls([url], settings, Store(settings, fake_embeddings))
    assert [f.source for f in report.failed] == [url] and message in report.failed[0].reason
    assert html_files(settings) == [] and sum(news_site.hits.values()) == requests_before


def test_a_redirect_to_a_private_address_is_refused() -> None:
    def site(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "news.example", "a private address was asked for"
        return httpx.Response(302, headers={"location": "http://10.0.0.7/admin"})

    def names(host: str, port: int) -> list[str]:
        return ["93.184.216.34"] if host == "news.example" else resolve(host, port)

    settings = Settings(allow_private_urls=False)
    fetcher = Fetcher(settings, transport=httpx.MockTransport(site), resolver=names)
    with pytest.raises(UnsafeURLError, match=r"10\.0\.0\.7"):
        fetcher.fetch("http://news.example/story")


def test_a_name_that_resolves_public_but_connects_to_loopback_is_refused(news_site: NewsSite) -> None:
    fetcher = Fetcher(Settings(allow_private_urls=False), resolver=lambda host, port: ["93.184.216.34"])
    with pytest.raises(UnsafeURLError, match=r"127\.0\.0\.1"):
        fetcher.fetch(news_site.url(FERRY))


def test_a_host_that_does_not_resolve_says_so() -> None:
    def nowhere(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    with pytest.raises(FetchError, match="cannot find the host"):
        Fetcher(Settings(), resolver=nowhere).fetch("https://no-such-host.example/")


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    """Environment settings for running `python -m index` in-process over an empty folder."""
    settings = web_settings(tmp_path)
    for name, value in {
        "NEWSBOT_ARTICLES_DIR": str(settings.articles_dir),
        "NEWSBOT_INDEX_DIR": str(settings.index_dir),
        "NEWSBOT_COLLECTION": settings.collection,
        "NEWSBOT_ALLOW_PRIVATE_URLS": "1",
        "NEWSBOT_FETCH_TIMEOUT": "1",
    }.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


def test_preview_json_shows_what_would_be_indexed_and_writes_nothing(
    news_site: NewsSite, cli_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    url, missing = news_site.url(FERRY), news_site.url("/missing")
    code = index_main(["--preview", "--json", url, str(WEB / "tunnel.html"), missing])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1  # one input failed
    page, saved, bad = lines
    assert page["url"] == url and page["page_url"] == url and page["error"] is None
    assert (page["title"], page["published"], page["publisher"], page["language"]) == (
        "Guwahati ferry service to resume on December 3",
        "2025-11-21",
        "The Deccan Ledger (PTI)",
        "en",
    )
    assert "resume on December 3 after a two-month suspension" in page["text"]
    for clutter in ("Also Read", "Monsoon Rains", "Advertisement", "Finally!", "Copyright", "Trending"):
        assert clutter not in page["text"]
    assert saved["path"].endswith("tunnel.html") and saved["publisher"] == "Western Courier"
    assert saved["published"] is None  # no date in its markup or text, and no address to read one from
    assert bad["url"] == missing and "404" in bad["error"] and bad["text"] is None
    assert list(cli_env.articles_dir.iterdir()) == [] and not cli_env.index_dir.exists()


def test_preview_for_people_lists_the_metadata_then_the_text(
    news_site: NewsSite, cli_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    assert index_main(["--preview", news_site.url(METRO)]) == 0
    out = capsys.readouterr().out
    assert "outlet:    नगर समाचार (PTI)" in out and "published: 2025-11-20" in out
    assert "लखनऊ मेट्रो की चारबाग से वसंत कुंज तक की नई लाइन 15 जनवरी" in out and "यह भी पढ़ें" not in out


def test_a_page_in_the_servers_charset_is_kept_as_utf8() -> None:
    page = "<html><body><p>Café owners said the déjà-vu festival drew crowds.</p></body></html>"
    latin = Fetched("u", "u", page.encode("cp1252"), "text/html", "windows-1252")
    assert latin.as_utf8().decode("utf-8") == page
    # A server that names ISO-8859-1 for a UTF-8 page: the valid UTF-8 is kept as it is.
    mislabelled = Fetched("u", "u", page.encode("utf-8"), "text/html", "iso-8859-1")
    assert mislabelled.as_utf8() == page.encode("utf-8")
