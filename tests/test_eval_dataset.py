"""The canned set: each kind of bad input fails with an error naming the line; the real set is sound."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.errors import EvalSetError
from bot.evaluate.dataset import DEFAULT_EVAL_SET, load_eval_set
from bot.evaluate.metrics import alias_match
from index.loading import clean_text

SEEDS = DEFAULT_EVAL_SET.parent
GOOD = {
    "id": "q1",
    "question": "Who?",
    "lang": "en",
    "type": "name",
    "answers": ["Lavrov"],
    "sources": ["a.txt"],
}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Lavrov spoke.", encoding="utf-8")
    return folder


def write_set(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "qa.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def line(**changes: object) -> str:
    data = {**GOOD, **changes}
    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)


def test_good_set_loads(tmp_path: Path, articles: Path) -> None:
    items = load_eval_set(write_set(tmp_path, line(), "", line(id="q2")), articles_dir=articles)
    assert [i.id for i in items] == ["q1", "q2"]
    assert items[0].answerable


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([line(), "{not json"], "line 2: not valid JSON"),
        (["[1, 2]"], "line 1: expected a JSON object"),
        (
            [json.dumps({k: v for k, v in GOOD.items() if k != "sources"})],
            "line 1: missing field 'sources'",
        ),
        ([line(lang="fr")], "line 1: field 'lang'"),
        ([line(type="trivia")], "line 1: unknown type 'trivia'"),
        ([line(sources=["nope.txt"])], "line 1: unknown doc id 'nope.txt'"),
        ([line(), line()], "line 2: duplicate id 'q1'"),
        ([line(type="unanswerable")], "line 1: type 'unanswerable'"),
        ([line(answers=[], sources=[])], "line 1: type 'unanswerable'"),
        ([line(sources=[])], "line 1: an answerable question needs gold 'sources'"),
        ([line(answers=["  "])], "line 1: an accepted answer is blank"),
        ([line(extra="x")], "line 1: field 'extra'"),
        ([line(question="")], "line 1: field 'question'"),
    ],
)
def test_bad_lines_name_the_line(tmp_path: Path, articles: Path, lines: list[str], message: str) -> None:
    with pytest.raises(EvalSetError, match=message):
        load_eval_set(write_set(tmp_path, *lines), articles_dir=articles)


def test_empty_file_is_refused(tmp_path: Path, articles: Path) -> None:
    with pytest.raises(EvalSetError, match="is empty"):
        load_eval_set(write_set(tmp_path, "", "  "), articles_dir=articles)


def test_missing_file_is_refused(tmp_path: Path, articles: Path) -> None:
    with pytest.raises(EvalSetError, match="not found"):
        load_eval_set(tmp_path / "absent.jsonl", articles_dir=articles)


def test_missing_articles_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EvalSetError, match="does not exist"):
        load_eval_set(write_set(tmp_path, line()), articles_dir=tmp_path / "none")


def test_real_set_covers_every_category() -> None:
    items = load_eval_set(DEFAULT_EVAL_SET, articles_dir=SEEDS)
    assert len(items) >= 60
    assert sum(not i.answerable for i in items) >= 12
    types = {i.type for i in items}
    assert {
        "date",
        "number",
        "name",
        "place",
        "cross-lingual",
        "multi-doc",
        "paraphrase",
        "misspelled",
        "romanized",
        "unanswerable",
    } <= types
    assert all(len(i.sources) >= 2 for i in items if i.type == "multi-doc")
    hindi_docs = {"002_06019d068f654b61.txt", "003_cadc0e8ed483c937.txt"}
    cross = [i for i in items if i.type == "cross-lingual"]
    assert any(i.lang == "en" and set(i.sources) <= hindi_docs for i in cross)
    assert any(i.lang == "hi" and not set(i.sources) & hindi_docs for i in cross)
    assert {i.lang for i in items} == {"en", "hi"}


def test_real_set_answers_appear_in_their_gold_articles() -> None:
    texts = {p.name: clean_text(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    for item in load_eval_set(DEFAULT_EVAL_SET, articles_dir=SEEDS):
        if item.answerable:
            assert any(alias_match(texts[s], item.answers) for s in item.sources), item.id
