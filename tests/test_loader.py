"""Bad files get a clear reason; good .txt/.md/.html files load."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ArticleError
from index.loading import load_folder, parse_article

STORY = "New Delhi, November 3 (PTI): The minister met officials on Monday. They discussed trade. " * 3


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\n", "blank.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "image.txt", "binary"),
        ("Café naïve".encode("latin-1") * 20, "latin1.txt", "UTF-8"),
        (STORY.encode(), "story.pdf", "unsupported file type"),
        (b"x" * 101, "big.txt", "limit"),
        (b"Advertisement\nAlso Read | something\n", "clutter.txt", "no article text"),
    ],
)
def test_bad_files_are_refused_with_a_reason(data: bytes, name: str, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason):
        parse_article(data, name, max_bytes=100 if name == "big.txt" else 10_000)


def test_html_and_markdown_load_as_text() -> None:
    html = f"<html><head><script>var x=1;</script></head><body><nav>Home</nav><p>{STORY}</p></body></html>"
    article = parse_article(html.encode(), "a.html", max_bytes=10_000)
    assert "var x" not in article.text and "The minister met officials" in article.text
    md = f"# Headline here\n\n**{STORY}** [link](http://example.com)"
    article = parse_article(md.encode(), "b.md", max_bytes=10_000)
    assert article.meta.title == "Headline here"
    assert "**" not in article.text and "http" not in article.text


def test_folder_skips_bad_files_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x01binary")
    (tmp_path / "notes.csv").write_text("a,b", "utf-8")
    articles, skipped = load_folder(tmp_path, max_bytes=10_000)
    assert [a.doc_id for a in articles] == ["good.txt"]
    assert [s.path.name for s in skipped] == ["bad.txt"]
    assert "binary" in skipped[0].reason


def test_missing_folder_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="NEWSBOT_ARTICLES_DIR"):
        load_folder(tmp_path / "nope", max_bytes=10)


WEB = Path(__file__).resolve().parent / "data" / "web"


def test_a_saved_news_page_gives_the_story_and_its_metadata() -> None:
    article = parse_article((WEB / "ferry.html").read_bytes(), "ferry.html", max_bytes=100_000)
    assert article.text.startswith("Guwahati ferry service to resume on December 3\nGuwahati, November 21")
    for clutter in (
        "Subscribe",
        "Also Read",
        "Monsoon Rains",
        "Advertisement",
        "fb",
        "Tags",
        "Finally!",
        "Trending",
    ):
        assert clutter not in article.text
    assert "With inputs from PTI" not in article.text and "independent daily" not in article.text
    meta = article.meta
    assert (meta.title, meta.published, meta.publisher, meta.author, meta.language) == (
        "Guwahati ferry service to resume on December 3",
        "2025-11-21",
        "The Deccan Ledger (PTI)",
        "Staff Reporter",
        "en",
    )
    # Given as a file, the page's own canonical link is its address.
    assert meta.url == "https://deccanledger.example/north-east/guwahati-ferry-service-to-resume"


def test_the_saved_from_line_is_the_pages_address() -> None:
    from index.loading.webpage import mark_saved_from, saved_from

    data = mark_saved_from((WEB / "ferry.html").read_bytes(), "http://news.example/a b>c")
    assert saved_from(data.decode("utf-8")) == "http://news.example/a%20b%3Ec"
    assert mark_saved_from(data, "http://news.example/a b>c") == data
    article = parse_article(data, "ferry.html", max_bytes=100_000)
    assert article.meta.url == "http://news.example/a%20b%3Ec"


def test_a_page_in_its_declared_charset_is_read_and_an_undeclared_one_refused() -> None:
    story = "Café owners in Pondicherry said on Monday that the new déjà-vu festival drew record crowds. " * 4
    page = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head>'
        f"<body><article><p>{story}</p></article></body></html>"
    )
    article = parse_article(page.encode("cp1252"), "cafe.html", max_bytes=100_000)
    assert "Café owners in Pondicherry" in article.text and "déjà-vu" in article.text
    undeclared = page.replace('<meta charset="windows-1252">', "")
    with pytest.raises(ArticleError, match="UTF-8"):
        parse_article(undeclared.encode("cp1252"), "cafe.html", max_bytes=100_000)


def test_a_page_without_an_article_says_how_to_look_at_it() -> None:
    page = b"<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"
    with pytest.raises(ArticleError, match=r"no article found in the page.*--preview"):
        parse_article(page, "menu.html", max_bytes=10_000)
