"""Unicode handling: Hindi words stay whole, the danda ends sentences, scripts are told apart."""

from __future__ import annotations

import re

from index.text import normalize, script_of, skeleton, split_sentences, tokenize, words


def test_hindi_words_survive_tokenization_whole() -> None:
    text = "भारत की राजधानी नई दिल्ली है। विदेश मंत्री जयशंकर"
    assert re.findall(r"\w+", "राजधानी") != ["राजधानी"]  # the trap this guards against
    assert words(text) == ["भारत", "की", "राजधानी", "नई", "दिल्ली", "है", "विदेश", "मंत्री", "जयशंकर"]
    assert "राजधानी" in tokenize(text)
    assert "की" not in tokenize(text)  # stopword


def test_danda_and_stops_end_sentences_but_initials_do_not() -> None:
    text = "पुतिन भारत आएंगे। एस. जयशंकर ने मुलाकात की. Mr. Singh met U.S. officials on Dec. 10. Done!"
    assert split_sentences(text) == [
        "पुतिन भारत आएंगे।",
        "एस. जयशंकर ने मुलाकात की.",
        "Mr. Singh met U.S. officials on Dec. 10.",
        "Done!",
    ]


def test_line_breaks_end_sentences() -> None:
    assert split_sentences("A heading without a stop\nThe body follows.") == [
        "A heading without a stop",
        "The body follows.",
    ]


def test_script_detection() -> None:
    assert script_of("Whom did Jaishankar meet?") == "en"
    assert script_of("जयशंकर ने किससे मुलाकात की?") == "hi"
    assert script_of("Monday को मास्को में मुलाकात") == "hi"
    assert script_of("普京何时访问印度") == "other"
    assert script_of("!!! 123") == ""


def test_nfkc_and_dash_normalisation() -> None:
    assert normalize("ﬁve\u2013six") == "five-six"


def test_skeleton_matches_across_scripts_and_typos() -> None:
    assert skeleton("Lavrov") == skeleton("लावरोव")
    assert skeleton("Jaishankar") == skeleton("Jaishankr") == skeleton("जयशंकर")
    assert skeleton("Putin") == skeleton("पुतिन")
    assert skeleton("Moscow") == skeleton("मास्को")
    assert skeleton("Putin") != skeleton("Modi")
