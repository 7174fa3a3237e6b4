"""One chat turn: streaming, history for follow-ups, friendly errors; uploads: limits and errors."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.errors import ArticleError, InvalidQuestionError
from bot.schema import Answer, Source
from bot.ui.chat import pieces_of, respond
from bot.ui.uploads import UPLOAD_NICENESS, add_uploads, beside_answers
from index import IndexReport
from tests.ui_fakes import KeywordBot

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def keyword_bot(tmp_path: Path) -> KeywordBot:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return KeywordBot(folder)


def _answer(text: str = "Putin arrives in December [1].") -> Answer:
    src = Source(n=1, doc_id="a.txt", title="T", language="en", snippet="Putin arrives.")
    return Answer(question="q", text=text, sources=[src])


def test_pieces_replay_the_whole_text_then_the_answer() -> None:
    answer = _answer("one two three four five six seven")
    events = list(pieces_of(answer, pause=0))
    assert events[-1] is answer
    assert "".join(e for e in events[:-1] if isinstance(e, str)) == answer.text
    assert len(events) > 2


def test_turn_streams_then_shows_sources_and_records_history(keyword_bot: KeywordBot) -> None:
    steps = list(
        respond(
            "When is Putin scheduled to visit India?",
            [],
            [],
            answer_fn=keyword_bot.answer,
            stream_fn=keyword_bot.answer_stream,
        )
    )
    partial = [chat[-1]["content"] for _, chat, _ in steps if "nb-streaming" in chat[-1]["content"]]
    assert len(partial) >= 3  # the text arrives in pieces
    box, chat, history = steps[-1]
    assert box == ""
    assert chat[0]["role"] == "user" and chat[1]["role"] == "assistant"
    assert 'class="nb-cite"' in chat[1]["content"] and "nb-card" in chat[1]["content"]
    assert history == [("When is Putin scheduled to visit India?", history[0][1])]
    assert "[1]" in history[0][1]


def test_follow_up_passes_the_conversation(keyword_bot: KeywordBot) -> None:
    seen: list[list[tuple[str, str]] | None] = []

    def answer_fn(question: str, *, history: list[tuple[str, str]] | None = None) -> Answer:
        seen.append(history)
        return keyword_bot.answer(question, history=history)

    *_, (_, chat, history) = respond("When is Putin scheduled to visit India?", [], [], answer_fn=answer_fn)
    *_, (_, chat, history) = respond("When does he arrive?", chat, history, answer_fn=answer_fn)
    assert seen[1] == [("When is Putin scheduled to visit India?", history[0][1])]
    assert "Searched for:" in chat[-1]["content"]
    assert len(history) == 2


def test_error_is_friendly_keeps_the_question_and_the_history() -> None:
    def answer_fn(question: str, *, history: list[tuple[str, str]] | None = None) -> Answer:
        raise InvalidQuestionError("The question is too long: keep it under 2,000 characters.")

    earlier = [("q0", "a0")]
    box, chat, history = list(respond("x" * 20_000, [], earlier, answer_fn=answer_fn))[-1]
    assert box == "x" * 20_000
    assert history == earlier
    assert 'class="nb-error"' in chat[-1]["content"] and "under 2,000" in chat[-1]["content"]


def test_stream_that_stops_early_says_so() -> None:
    def stream_fn(question: str, *, history: list[tuple[str, str]] | None = None) -> Iterator[str | Answer]:
        yield "Half an ans"

    box, chat, history = list(respond("q", [], [], answer_fn=lambda q, **k: _answer(), stream_fn=stream_fn))[
        -1
    ]
    assert "stopped before finishing" in chat[-1]["content"] and history == [] and box == "q"


def test_upload_over_the_limit_is_refused_and_adds_nothing(tmp_path: Path, keyword_bot: KeywordBot) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    before = sorted(p.name for p in keyword_bot.folder.iterdir())
    note = add_uploads([big], add_files=keyword_bot.add_files, max_bytes=1000)
    assert "big.txt is 5 kB; the limit is 1 kB" in note and "nb-error" in note
    assert sorted(p.name for p in keyword_bot.folder.iterdir()) == before


def test_upload_of_wrong_type_or_bad_bytes_gets_a_clear_message(
    tmp_path: Path, keyword_bot: KeywordBot
) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café".encode("latin-1"))
    assert "only .txt, .md and .html" in add_uploads([pdf], add_files=keyword_bot.add_files, max_bytes=10_000)
    note = add_uploads([latin], add_files=keyword_bot.add_files, max_bytes=10_000)
    assert "not UTF-8" in note
    assert not (keyword_bot.folder / "latin.txt").exists()


def test_good_upload_is_added(tmp_path: Path, keyword_bot: KeywordBot) -> None:
    new = tmp_path / "new.md"
    new.write_text("# Zorblax festival\n\nThe Zorblax festival opens in Pune on Friday.\n", encoding="utf-8")
    note = add_uploads([new], add_files=keyword_bot.add_files, max_bytes=10_000)
    assert "Added 1 article: new.md" in note
    assert (keyword_bot.folder / "new.md").exists()


def test_article_error_from_the_index_is_shown(tmp_path: Path) -> None:
    def add_files(paths: object) -> object:
        raise ArticleError("empty.txt is empty: nothing to index.")

    f = tmp_path / "empty.txt"
    f.write_text("", encoding="utf-8")
    assert "empty.txt is empty" in add_uploads([f], add_files=add_files, max_bytes=100)


def test_upload_note_says_where_a_same_named_article_went(tmp_path: Path) -> None:
    def add_files(paths: object) -> IndexReport:
        return IndexReport(kept_as={"story.txt": "story-2.txt"}, already=["old.txt"])

    story, old = tmp_path / "story.txt", tmp_path / "old.txt"
    story.write_text("Text of the new story.", encoding="utf-8")
    old.write_text("Text of an old story.", encoding="utf-8")
    note = add_uploads([story, old], add_files=add_files, max_bytes=1000)
    assert "Added 1 article: story-2.txt" in note
    assert "story.txt is kept as story-2.txt: another article already has that name, and both stay" in note
    assert "Already indexed, unchanged: old.txt" in note


def test_uploads_are_indexed_on_a_thread_of_their_own_at_low_priority() -> None:
    def priority() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    mine = priority()
    seen = beside_answers(lambda: (threading.get_native_id(), priority()))
    assert seen[0] != threading.get_native_id()
    if sys.platform == "linux":
        assert seen[1] == min(mine + UPLOAD_NICENESS, 19)
    assert priority() == mine  # the page's own threads keep theirs

    def refused() -> None:
        raise ArticleError("bad.txt: the file is empty")

    with pytest.raises(ArticleError, match="the file is empty"):  # the caller gets the upload's error
        beside_answers(refused)
