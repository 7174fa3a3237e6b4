"""The tutorial baseline on the real seeds with the bundled MiniLM (loads a model: a few seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import ArticleError
from bot.evaluate.baseline import TutorialBaseline, load_raw
from bot.evaluate.dataset import DEFAULT_EVAL_SET

SEEDS = DEFAULT_EVAL_SET.parent


def test_load_raw_reads_articles_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Advertisement\nraw text", encoding="utf-8")
    (tmp_path / "qa.jsonl").write_text("{}", encoding="utf-8")
    docs = load_raw(tmp_path)
    assert [(d.metadata["source"], d.page_content) for d in docs] == [("a.txt", "Advertisement\nraw text")]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ArticleError, match="No articles"):
        load_raw(empty)
    with pytest.raises(ArticleError, match="does not exist"):
        load_raw(tmp_path / "missing")


@pytest.mark.slow
def test_baseline_answers_with_its_top_chunk_cited_as_one(
    monkeypatch: pytest.MonkeyPatch, no_network: list[tuple[object, ...]]
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    bot = TutorialBaseline(SEEDS)
    reply = bot("Where in Moscow did Rajnath Singh lay a wreath?")
    assert not reply.abstained
    assert reply.text.endswith(" [1]")
    assert len(reply.sources) == 4 and [s.n for s in reply.sources] == [1, 2, 3, 4]
    assert reply.sources[0].doc_id == "004_c3b66749c4752dbd.txt"
    assert reply.text.removesuffix(" [1]") == reply.sources[0].passage
    assert "Tomb of the Unknown Soldier" in reply.text
    assert no_network == []  # the bundled model and the in-memory Chroma stay on the machine
