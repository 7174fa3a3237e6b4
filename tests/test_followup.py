"""Follow-ups and romanized Hindi are rewritten before retrieval; standalone questions are left alone."""

from __future__ import annotations

from bot.citations import find_markers, format_marker, renumber, strip_markers
from bot.question import english_cues, is_romanized_hindi, resolve_followup
from bot.reader.cues import question_type


def test_pronoun_follow_up_carries_names() -> None:
    history = [("When will Putin visit India?", "Putin will visit India on December 4-5. [1]")]
    assert resolve_followup("When does he arrive?", history) == "When does he arrive? (Putin India)"
    assert resolve_followup("वह कब आएंगे?", [("पुतिन भारत कब आएंगे?", "...")]) == "वह कब आएंगे? (पुतिन भारत)"


def test_standalone_questions_are_not_rewritten() -> None:
    history = [("When will Putin visit India?", "...")]
    assert resolve_followup("Whom did Jaishankar meet in Moscow?", history) is None
    assert resolve_followup("When does he arrive?", None) is None


def test_romanized_hindi() -> None:
    assert is_romanized_hindi("modi ne russia kab visit kiya")
    assert not is_romanized_hindi("When did Modi visit Russia?")
    assert not is_romanized_hindi("मोदी ने रूस का दौरा कब किया?")
    # English "the" is also a Hindi marker ("gaye the"): two of them do not make English Hindi.
    assert not is_romanized_hindi("Who is the Chairman of the Maritime Board of Russia?")
    assert not is_romanized_hindi("Singh co-chaired the commission in Moscow; how did he describe the ties?")
    assert is_romanized_hindi("modi 2019 mein russia ke kis shahar gaye the")
    assert is_romanized_hindi("putin ki umar kitni hai")
    assert english_cues("modi ne russia kab visit kiya") == "modi russia when visit did?"


def test_question_types_in_three_forms() -> None:
    assert question_type("When will Putin visit India?") == "date"
    assert question_type("पुतिन भारत कब आएंगे?") == "date"
    assert question_type("How many members were in the delegation?") == "count"
    assert question_type("Which session of the commission did he co-chair?") == "number"
    assert question_type("जयशंकर ने किससे मुलाकात की?") == "name"
    assert question_type("Where did they meet?") == "place"


def test_citation_format_is_defined_once() -> None:
    assert format_marker(3) == "[3]"
    assert find_markers("A [2] b [1] c [2].") == [2, 1]
    assert strip_markers("A [1]. B [7].", keep={1}) == "A [1]. B."
    assert renumber("x [2] y [1]", {2: 1, 1: 2}) == "x [1] y [2]"
