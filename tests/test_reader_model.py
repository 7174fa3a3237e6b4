"""The learned reader: the shipped weights file, its loading, and the training data set-ups."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.errors import ReaderModelError
from bot.evaluate.metrics import alias_match
from bot.reader.abstention import QUESTION_FEATURES
from bot.reader.features import FAMILY_FEATURES, SENTENCE_FEATURES, Question, Rules
from bot.reader.model import WEIGHTS_PATH, LinearModel, ReaderModel, load_model, read_model
from bot.reader.reading import Observation
from bot.train import training
from bot.train.derived import (
    mirror_xquad,
    split_xquad,
    withhold_focus,
    withhold_sentences,
    withhold_xquad,
)
from bot.train.training import feature_names, fit_linear
from bot.train.trainsets import XQUAD, Example, TrainSet, group_of


def test_the_shipped_weights_load_and_match_the_feature_lists() -> None:
    model = load_model()
    assert set(model.sentence.features) <= set(SENTENCE_FEATURES)
    assert set(model.confidence.features) <= set(QUESTION_FEATURES)
    # A model trained with every family on reads every feature there is.
    assert model.rules == Rules()
    assert list(model.sentence.features) == list(SENTENCE_FEATURES)
    assert list(model.confidence.features) == list(QUESTION_FEATURES)
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.extra_ratio <= 1.0
    assert model.max_sentences == 3


def test_the_weights_file_records_what_it_was_trained_on() -> None:
    data = json.loads(WEIGHTS_PATH.read_text("utf-8"))
    names = {entry["name"] for entry in data["trained_on"]}
    assert "xquad" in names and "canned" not in names
    assert all(len(entry["fingerprint"]) == 16 for entry in data["trained_on"])
    assert "xquad" in data["cross_validation"] and "xquad" in data["in_sample"]


def test_a_model_survives_a_round_trip(tmp_path: Path) -> None:
    model = load_model()
    model.save(tmp_path / "w.json")
    again = read_model(tmp_path / "w.json")
    rows = np.random.default_rng(0).normal(size=(5, len(SENTENCE_FEATURES)))
    assert np.allclose(
        model.sentence.probability(rows, SENTENCE_FEATURES),
        again.sentence.probability(rows, SENTENCE_FEATURES),
    )
    assert again.threshold == pytest.approx(model.threshold, abs=1e-6)


@pytest.mark.parametrize(
    "damage",
    ["", "{not json", json.dumps({"format": 99}), json.dumps({"format": 1, "sentence": {}})],
)
def test_a_damaged_weights_file_says_how_to_fix_it(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "w.json"
    path.write_text(damage, encoding="utf-8")
    with pytest.raises(ReaderModelError, match=r"python -m bot.train"):
        read_model(path)


def test_a_model_reads_its_columns_by_name() -> None:
    model = LinearModel(("b",), np.zeros(1), np.ones(1), np.array([2.0]), 0.0)
    rows = np.array([[5.0, 0.0], [5.0, 1.0]])
    p = model.probability(rows, ["a", "b"])
    assert p[0] == pytest.approx(0.5) and p[1] > 0.8


def test_fitting_is_deterministic() -> None:
    rng = np.random.default_rng(1)
    rows = rng.normal(size=(200, 3))
    labels = rows[:, 0] + 0.3 * rng.normal(size=200) > 0
    a = fit_linear(rows, labels, ["x", "z"], ["x", "y", "z"])
    b = fit_linear(rows, labels, ["x", "z"], ["x", "y", "z"])
    assert np.array_equal(a.coef, b.coef) and a.features == ("x", "z")
    assert a.coef[0] > 1.0  # the informative column carries the weight


def test_a_family_switched_off_leaves_its_features_out() -> None:
    sentence, question = feature_names(Rules(cues=False, refusal_terms=False))
    for name in FAMILY_FEATURES["cues"] + FAMILY_FEATURES["refusal_terms"]:
        assert name not in sentence and name not in question
    assert "cosine" in sentence and "top_logit" in question


def test_the_mirror_puts_every_article_in_its_other_language(tmp_path: Path) -> None:
    given = TrainSet("xquad", XQUAD / "articles", XQUAD / "qa.jsonl", "xq")
    mirror = mirror_xquad(tmp_path / "mirror")
    for path in sorted(given.articles.glob("*.txt")):
        original = path.read_text("utf-8")
        flipped = (mirror.articles / path.name).read_text("utf-8")
        assert _devanagari(original) != _devanagari(flipped)
    types = [json.loads(x)["type"] for x in mirror.questions.read_text("utf-8").splitlines()]
    original_types = [json.loads(x)["type"] for x in given.questions.read_text("utf-8").splitlines()]
    assert types.count("fact") == original_types.count("cross-lingual")


def test_withholding_a_paragraph_makes_its_questions_unanswerable(tmp_path: Path) -> None:
    given = TrainSet("xquad", XQUAD / "articles", XQUAD / "qa.jsonl", "xq")
    held = withhold_xquad(given, tmp_path / "held", shift=0)
    items = [json.loads(x) for x in held.questions.read_text("utf-8").splitlines()]
    corpus = " ".join(p.read_text("utf-8") for p in held.articles.glob("*.txt"))
    before = [json.loads(x) for x in given.questions.read_text("utf-8").splitlines()]
    assert sum(not i["answers"] for i in items) > sum(not i["answers"] for i in before) + 100
    # What is still answerable has its answer in what was kept (where XQuAD's own span matches at all).
    whole = " ".join(p.read_text("utf-8") for p in given.articles.glob("*.txt"))
    kept = [i for i in items if i["answers"] and alias_match(whole, i["answers"])]
    assert kept and all(alias_match(corpus, i["answers"]) for i in kept)
    assert len(corpus) < sum(len(p.read_text("utf-8")) for p in given.articles.glob("*.txt"))


def test_withholding_a_sentence_keeps_the_rest_of_its_paragraph(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    facts = [f"Fact number {n} is that the port handled {n}00 ships." for n in range(1, 11)]
    (articles / "a.txt").write_text(" ".join(facts[:5]) + "\n\n" + " ".join(facts[5:]) + "\n", "utf-8")
    (articles / "b.txt").write_text("Elsewhere the port handled 300 ships as well.\n", "utf-8")
    questions = [
        {"id": f"q{n}", "question": f"How many ships in fact {n}?", "lang": "en", "type": "number",
         "answers": [f"{n}00"], "sources": ["a.txt"]}
        for n in range(1, 11)
    ] + [{"id": "u", "question": "Who owns the port?", "lang": "en", "type": "unanswerable",
          "answers": [], "sources": []}]
    qa = tmp_path / "qa.jsonl"
    qa.write_text("\n".join(json.dumps(q) for q in questions) + "\n", "utf-8")

    held = withhold_sentences(TrainSet("t", articles, qa, "t"), tmp_path)
    assert held.name == "t-sentences-withheld" and not held.trains  # only scored

    kept = (held.articles / "a.txt").read_text("utf-8")
    gone = [f for f in facts if f not in kept]
    assert len(gone) == 2  # a fifth of the article's ten sentences
    assert kept.count("\n\n") == 1 and len(kept) > 0.7 * sum(len(f) for f in facts)
    items = {i["id"]: i for i in map(json.loads, held.questions.read_text("utf-8").splitlines())}
    for n in range(1, 11):
        answer = f"{n}00"
        if any(answer in f for f in gone) and n != 3:
            assert items[f"q{n}"] == {**items[f"q{n}"], "answers": [], "sources": [], "article": "a.txt"}
            assert group_of(held, items[f"q{n}"], 0) == "t:a.txt"  # still in its article's fold
        elif any(answer in f for f in gone):
            assert f"q{n}" not in items  # 300 is still in b.txt: neither kind
        else:
            assert items[f"q{n}"]["answers"] == [answer]
    assert items["u"]["answers"] == []


def test_withholding_a_focus_word_leaves_no_article_naming_it(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    port = [
        "The port opened in 1901.",
        "Its harbourmaster is Ana Silva.",
        "The harbourmaster earlier ran a ferry.",
        "The port handled 300 ships.",
        "Cranes were added in 1950.",
        "A museum stands by the quay.",
        "Fishing boats moor to the north.",
        "The quay was rebuilt in 1990.",
        "Tourists visit in summer.",
        "Storms closed it twice.",
    ]
    (articles / "a.txt").write_text(" ".join(port[:5]) + "\n\n" + " ".join(port[5:]) + "\n", "utf-8")
    (articles / "b.txt").write_text("The city has a museum of ships. Its mayor is Rui Costa.\n", "utf-8")
    questions = [
        {"id": "keeper", "question": "Who is the port's harbourmaster?", "lang": "en", "type": "name",
         "answers": ["Ana Silva"], "sources": ["a.txt"]},
        # "museum" is in b.txt too: withholding it from a.txt would leave the word in the corpus.
        {"id": "museum", "question": "What museum stands by the quay?", "lang": "en", "type": "fact",
         "answers": ["A museum"], "sources": ["a.txt"]},
        {"id": "year", "question": "In which year did the port open?", "lang": "en", "type": "date",
         "answers": ["1901"], "sources": ["a.txt"]},
    ]
    qa = tmp_path / "qa.jsonl"
    qa.write_text("\n".join(json.dumps(q) for q in questions) + "\n", "utf-8")

    held = withhold_focus(TrainSet("t", articles, qa, "t"), tmp_path)
    assert held.name == "t-focus-withheld" and not held.trains  # only scored

    kept = (held.articles / "a.txt").read_text("utf-8")
    assert "harbourmaster" not in kept.casefold() and "museum" in kept and "1901" in kept
    assert kept.count("\n\n") == 1 and kept.count(".") == 8  # only the two sentences naming it
    items = {i["id"]: i for i in map(json.loads, held.questions.read_text("utf-8").splitlines())}
    assert items["keeper"] == {**items["keeper"], "answers": [], "sources": [], "article": "a.txt"}
    assert group_of(held, items["keeper"], 0) == "t:a.txt"  # still in its article's fold
    assert items["museum"]["answers"] == ["A museum"] and items["year"]["answers"] == ["1901"]


def test_splitting_puts_each_half_of_an_article_in_another_language(tmp_path: Path) -> None:
    given = TrainSet("xquad", XQUAD / "articles", XQUAD / "qa.jsonl", "xq")
    split = split_xquad(tmp_path / "split")
    for path in sorted(given.articles.glob("*.txt")):
        first = (split.articles / f"{path.stem}-a.txt").read_text("utf-8")
        second = (split.articles / f"{path.stem}-b.txt").read_text("utf-8")
        assert _devanagari(first) == _devanagari(path.read_text("utf-8")) != _devanagari(second)
    items = [json.loads(x) for x in split.questions.read_text("utf-8").splitlines()]
    answerable = [i for i in items if i["answers"]]
    # Each question's source is the half that holds its answer (where XQuAD's span matches at all) ...
    texts = {p.name: p.read_text("utf-8") for p in split.articles.glob("*.txt")}
    found = [i for i in answerable if any(alias_match(t, i["answers"]) for t in texts.values())]
    right = [i for i in found if alias_match(texts[i["sources"][0]], i["answers"])]
    assert len(right) > 0.95 * len(found) > 900
    # ... and about half of them are asked in the other half's language.
    crossed = sum(i["type"] == "cross-lingual" for i in answerable)
    assert 0.4 < crossed / len(answerable) < 0.6
    assert len(items) == len(given.questions.read_text("utf-8").splitlines())


def _devanagari(text: str) -> bool:
    return sum("\u0900" <= ch <= "\u097f" for ch in text) > len(text) / 4


def test_refusal_reasons_name_what_the_articles_lack() -> None:
    from bot.reader.abstention import Signals, refusal_reason

    assert refusal_reason(Signals(unseen_focus="ambassador")).code == "unknown_term"
    assert refusal_reason(Signals(unseen_focus="ambassador")).term == "ambassador"
    assert refusal_reason(Signals(no_answer_kind=True)).code == "no_answer_kind"
    assert refusal_reason(Signals(missing_unit=True)).code == "no_answer_kind"
    assert refusal_reason(Signals()).code == "weak" and refusal_reason(None).code == "weak"


def test_the_reader_model_is_data_not_code() -> None:
    # Every number the reader decides with is in the weights file, with the rules it was trained with.
    data = json.loads(WEIGHTS_PATH.read_text("utf-8"))
    model = ReaderModel.from_dict(data)
    assert model.rules.as_dict() == data["rules"]
    assert data["choices"]["false_refusal_target"] <= 0.05


class _Fitted(Exception):
    """Raised by the spy below once it has seen what a fold is fitted on."""


def _example(n: int, group: str, *, trains: bool) -> Example:
    """A question with no candidates, in `group`, of a set that trains or only scores."""
    vector = np.zeros(3, dtype=np.float32)
    seen = Observation(Question("q", "q", "other", [], "en", vector, None), [], np.zeros((0, 3)))
    return Example(
        set_name="train" if trains else "held", qid=f"q{n}", group=group, qtype="fact",
        lang="en", answers=["x"], sources=["a.txt"], doc_language="en", seen=seen,
        labels=np.zeros(0, dtype=bool), known=lambda word: False, trains=trains,
    )


def test_sets_that_only_score_are_never_fitted_on(monkeypatch: pytest.MonkeyPatch) -> None:
    fitted_on: list[list[Example]] = []

    def spy(train: list[Example], rules: Rules, **kwargs: object) -> training.Fitted:
        fitted_on.append(list(train))
        raise _Fitted

    monkeypatch.setattr(training, "fit_reader", spy)
    with pytest.raises(_Fitted):
        training.cross_validate([_example(n, f"g{n % 10}", trains=n % 3 != 0) for n in range(30)], Rules())
    assert fitted_on[0] and all(e.trains for e in fitted_on[0])


def test_a_set_that_only_scores_never_moves_the_folds() -> None:
    trained = [_example(n, f"g{n % 10}", trains=True) for n in range(40)]
    # Many scored-only questions in a few groups would tip GroupKFold's size balance if they counted.
    held = [_example(n, f"g{n % 2}", trains=False) for n in range(60)] + [_example(99, "new", trains=False)]
    alone = training.folds_of(trained)
    together = training.folds_of(trained + held)
    assert list(together[: len(trained)]) == list(alone)
    fold_of = {e.group: f for e, f in zip(trained, alone, strict=True)}
    assert all(f == fold_of[e.group] for e, f in zip(held[:-1], together[len(trained) : -1], strict=True))
    assert 0 <= together[-1] < training.FOLDS and len(set(alone)) == training.FOLDS
