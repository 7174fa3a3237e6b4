"""Bad files get a clear reason; good .txt/.md/.html files load."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ArticleError
from index.loader import load_folder, parse_article

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
