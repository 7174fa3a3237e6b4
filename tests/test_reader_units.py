"""Answer units: which unit a question asks its answer in, and whether a sentence states one."""

from __future__ import annotations

import numpy as np
import pytest
from langchain_core.documents import Document

from bot.reader.candidates import Candidate
from bot.reader.features import SENTENCE_FEATURES, Question, Rules, sentence_features
from bot.reader.units import asked_unit, states_unit


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("How much did the city pay for the new bridge?", "money"),
        ("What was the price of a ticket in 1990?", "money"),
        ("पुल बनाने में कितना खर्च आया?", "money"),
        ("How old was the pilot when she retired?", "age"),
        ("हादसे के समय पायलट की उम्र कितनी थी?", "age"),
        ("What percentage of voters turned out?", "percent"),
        ("कितने प्रतिशत मतदाताओं ने वोट डाला?", "percent"),
        ("How long did the strike last?", "span"),
        ("हड़ताल कितने दिन चली?", "span"),
        ("How often does the committee meet?", "frequency"),
        ("Who signed the treaty?", None),
        ("How many people attended?", None),
        ("How much rain fell on Sunday?", None),
    ],
)
def test_the_unit_a_question_asks_for(question: str, unit: str | None) -> None:
    assert asked_unit(question) == unit


@pytest.mark.parametrize(
    ("unit", "sentence", "states"),
    [
        ("money", "The bridge cost $42 million to build.", True),
        ("money", "पुल पर 300 करोड़ रुपये खर्च हुए।", True),
        ("money", "The bridge was opened by the mayor in 1998.", False),
        ("age", "The 61-year-old pilot retired last spring.", True),
        ("age", "She flew for the airline until her retirement.", False),
        ("percent", "Turnout reached 64% in the capital.", True),
        ("percent", "लगभग 64 फीसदी मतदान हुआ।", True),
        ("percent", "Voters queued from early morning.", False),
        ("span", "The strike lasted three weeks.", True),
        ("span", "The union called the strike.", False),
        ("frequency", "The committee meets twice a year.", True),
    ],
)
def test_whether_a_sentence_states_the_unit(unit: str, sentence: str, states: bool) -> None:
    assert states_unit(unit, sentence) is states


def test_a_dateline_is_not_an_amount() -> None:
    # The dateline's "November 26" would pass for a span of time; it dates the report.
    assert not states_unit("span", "New Delhi [India], November 26 (ANI): The union called a strike.")


def _question(text: str, unit: str | None) -> Question:
    return Question(
        query=text,
        asked=text,
        kind="count",
        terms=[],
        language="en",
        vector=np.array([1.0, 0.0], dtype=np.float32),
        focus=None,
        unit=unit,
    )


def _cand(sid: str, text: str) -> Candidate:
    chunk = Document(page_content=text, metadata={"doc_id": "a.txt", "language": "en"})
    return Candidate(sid=sid, text=text, chunk=chunk, span=(0, len(text)), rank=0)


def test_the_sentence_feature_marks_sentences_that_state_the_unit() -> None:
    cands = [_cand("s1", "The bridge cost $42 million."), _cand("s2", "The bridge opened in 1998.")]
    vectors = {"s1": np.array([1.0, 0.0]), "s2": np.array([0.9, 0.1])}
    column = SENTENCE_FEATURES.index("unit_match")
    asked = sentence_features(_question("How much did the bridge cost?", "money"), cands, vectors, Rules())
    assert list(asked[:, column]) == [1.0, 0.0]
    # A question that asks for no unit gives every sentence 0: the column says nothing then.
    plain = sentence_features(_question("How much did the bridge cost?", None), cands, vectors, Rules())
    assert list(plain[:, column]) == [0.0, 0.0]
