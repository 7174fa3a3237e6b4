"""`python -m bot.evaluate` end to end with fake bots: exit codes, files, floors, bad input."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from bot.errors import IndexMissingError, NewsbotError
from bot.evaluate.cli import eval_settings, main
from bot.evaluate.runner import AnswerFn
from bot.schema import Answer, Source
from bot.settings import Settings

A, C = "000_08c572ea12177823.txt", "002_06019d068f654b61.txt"
SET = [
    {
        "id": "e1",
        "question": "Who met Lavrov?",
        "lang": "en",
        "type": "name",
        "answers": ["Jaishankar"],
        "sources": [C],
    },
    {
        "id": "h1",
        "question": "प्रवक्ता कौन हैं?",
        "lang": "hi",
        "type": "cross-lingual",
        "answers": ["Jaiswal"],
        "sources": [A],
    },
    {
        "id": "u1",
        "question": "Who won the election?",
        "lang": "en",
        "type": "unanswerable",
        "answers": [],
        "sources": [],
    },
]


class OracleBot:
    """Answers every question with its first alias cited to its first gold doc; abstains otherwise."""

    def __init__(self, *, abstain_always: bool = False) -> None:
        self.gold = {d["question"]: d for d in SET}
        self.abstain_always = abstain_always

    def __call__(self, question: str, *, settings: Settings | None = None) -> Answer:
        item = self.gold[question]
        if self.abstain_always or not item["answers"]:
            return Answer(question=question, text="Not in the articles.", abstained=True)
        source = Source(n=1, doc_id=item["sources"][0], title="t", language="en", snippet="s")
        return Answer(question=question, text=f"{item['answers'][0]} [1]", sources=[source])


@pytest.fixture
def qa(tmp_path: Path) -> Path:
    path = tmp_path / "qa.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in SET), encoding="utf-8")
    return path


def run(args: list[str], answer_fn: AnswerFn, **kwargs: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(args, answer_fn=answer_fn, out=out, err=err, **kwargs)  # type: ignore[arg-type]
    return code, out.getvalue(), err.getvalue()


def test_check_passes_and_writes_both_files(qa: Path, tmp_path: Path) -> None:
    json_path, html_path = tmp_path / "out" / "r.json", tmp_path / "r.html"
    code, out, err = run(
        ["--set", str(qa), "--check", "--json", str(json_path), "--html", str(html_path)],
        OracleBot(),
    )
    assert code == 0, err
    assert re.search(r"answer accuracy +1\.00", out)
    report = json.loads(json_path.read_text(encoding="utf-8"))
    assert report["questions"] == 3 and all(f["ok"] for f in report["floors"])
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "3/3" in err  # progress


def test_check_fails_below_the_floors(qa: Path) -> None:
    code, _, err = run(["--set", str(qa), "--check", "--quiet"], OracleBot(abstain_always=True))
    assert code == 1
    assert "FAIL: accuracy is 0.000, needs at least 0.90" in err
    assert "FAIL: false_refusal_rate is 1.000, needs at most 0.05" in err
    assert "refusal_recall" not in err  # the one unanswerable question was refused


def test_without_check_low_scores_still_exit_zero(qa: Path) -> None:
    code, _, _ = run(["--set", str(qa), "--quiet"], OracleBot(abstain_always=True))
    assert code == 0


def test_bad_set_names_the_line_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "qa.jsonl"
    bad.write_text(
        json.dumps(SET[0]) + "\n" + json.dumps({**SET[1], "sources": ["x.txt"]}) + "\n",
        encoding="utf-8",
    )
    json_path = tmp_path / "r.json"
    code, out, err = run(["--set", str(bad), "--json", str(json_path)], OracleBot())
    assert code == 2 and out == ""
    assert "qa.jsonl line 2: unknown doc id 'x.txt'" in err
    assert not json_path.exists()


def test_missing_index_is_reported_not_scored(qa: Path) -> None:
    def no_index(question: str, *, settings: Settings | None = None) -> Answer:
        raise IndexMissingError("No index yet: run `python -m index`.")

    code, _, err = run(["--set", str(qa), "--quiet"], no_index)
    assert code == 2 and "run `python -m index`" in err


def test_baseline_runs_beside_ours(qa: Path) -> None:
    built: list[Path] = []

    def factory(articles_dir: Path) -> AnswerFn:
        built.append(articles_dir)
        return OracleBot(abstain_always=True)

    code, out, _ = run(["--set", str(qa), "--baseline", "--quiet"], OracleBot(), baseline_factory=factory)
    assert code == 0 and len(built) == 1
    assert re.search(r"metric +newsbot +baseline", out)
    assert "1.00 / 0.00" in out


def test_llm_flag_selects_the_generative_path() -> None:
    base = Settings(llm="extractive")
    assert eval_settings(base, None) is base
    assert eval_settings(base, "openai").llm == "openai"
    assert eval_settings(Settings(llm="llamacpp"), "").llm == "llamacpp"
    with pytest.raises(NewsbotError, match="--llm openai"):
        eval_settings(base, "")
