"""Titles standing for names within an article: who "Raksha Mantri" or "विदेश मंत्री" is."""

from __future__ import annotations

from bot.reader.aliases import alias_keys, aliases
from bot.reader.matching import term_keys

ENGLISH = [
    "Indian Defence Minister Rajnath Singh met Russian President Vladimir Putin at the Kremlin.",
    "Defence Minister Singh, who is on a three-day official visit to Russia, arrived in Moscow.",
    '"Raksha Mantri Shri Rajnath Singh called on the President of the Russian Federation.',
]
HINDI = [
    "India के विदेश मंत्री एस जयशंकर रूस पहुंचे हुए हैं.",
    "इससे पहले उन्होंने Monday को मास्को में रूसी विदेश मंत्री सर्गेई लावरोव से मुलाकात की.",
]


def names(text: str, texts: list[str], *candidates: str) -> set[str]:
    keys = alias_keys(text, aliases(texts))
    return {name for name in candidates if term_keys(name) & keys}


def test_a_bare_title_carries_the_name_it_was_introduced_with() -> None:
    bare = "He congratulated Raksha Mantri on the commissioning of INS Tushil."
    assert names(bare, ENGLISH, "rajnath", "singh", "putin") == {"rajnath", "singh"}


def test_another_nations_title_is_someone_else() -> None:
    assert (
        names("The Russian Defence Minister emphasised mutual trust.", ENGLISH, "rajnath", "singh") == set()
    )
    indian = "इससे पहले, India के विदेश मंत्री ने 19-21 अगस्त 2025 तक रूस का दौरा किया था."
    assert names(indian, HINDI, "जयशंकर", "लावरोव") == {"जयशंकर"}
    russian = "रूसी विदेश मंत्री ने कहा कि बैठक अच्छी रही."
    assert names(russian, HINDI, "जयशंकर", "लावरोव") == {"लावरोव"}


def test_a_title_is_ambiguous_when_two_nations_hold_it() -> None:
    assert names("विदेश मंत्री ने कहा कि बैठक अच्छी रही.", HINDI, "जयशंकर", "लावरोव") == set()


def test_a_written_out_name_needs_no_alias_and_other_titles_mean_nothing() -> None:
    assert alias_keys("Defence Minister Rajnath Singh spoke.", aliases(ENGLISH)) == frozenset()
    assert alias_keys("The Prime Minister spoke.", aliases(ENGLISH)) == frozenset()
    assert aliases(["The minister spoke to reporters."]) == {}
