"""Does a sentence hold an answer of the kind asked for that the question does not already contain?

A sentence that only restates the question ("Rajnath Singh met Putin") is not an answer to "When did
Rajnath Singh meet Putin?"; one that adds a date ("... on Tuesday (Dec 10)") is.
"""

from __future__ import annotations

import re

from bot.reader.cues import DATE_RE, DAYS, FULL_DATE_RE, NUMBER_RE, NUMBER_WORDS
from bot.reader.matching import term_keys, text_keys
from index.text import STOPWORDS, WORD_RE, fold, tokenize, words

# Runs of capitalised words, allowing "of"/"the"/"and" inside ("Tomb of the Unknown Soldier").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'&.-]*(?:\s+(?:(?:of|the|and|de|von|al)\s+)*[A-Z][\w'&.-]*)*")
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b|\d+\s?(?:वें|वीं|वां|वा)", re.IGNORECASE)
# Hindi has no capitals: a name is the word before a postposition of meeting, greeting or saying.
_HINDI_NAME = re.compile(
    r"([\u0900-\u097F]+(?: [\u0900-\u097F]+)?) (?:से|को|ने|के साथ) "
    r"(?:मुलाकात|मिल|कहा|बधाई|आमंत्रित|अवगत|बैठक|बातचीत)"
)
_HINDI_PLACE = re.compile(r"([\u0900-\u097F]+) (?:में|का दौरा|की यात्रा|पहुंचे|शहर)|शहर ([\u0900-\u097F]+)")
_LATIN_PLACE = re.compile(
    r"\b(?:in|at|to|from|near)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+(?:of\s+the\s+)?[A-Z][\w'-]*)*)"
)


_TIME_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|times|"
    r"सेकंड|मिनट|घंटे|घंटा|दिन|दिवसीय|दिनों|सप्ताह|हफ्ते|महीने|महीनों|साल|वर्ष|वर्षों|बार)"
)
_DURATION = re.compile(rf"(?:\d+|{NUMBER_WORDS})[\s-]*{_TIME_UNIT}(?!\w)|\b(?:once|twice)\b", re.IGNORECASE)
# "How long?" and "how often?" want a span of time ("three-day", "हर दो महीने"), not any number.
_ASKS_DURATION = re.compile(
    r"\bhow (?:long|often)\b|\bhow many (?:days|hours|weeks|months|years|times)\b|"
    r"कितन[ेी] (?:समय|दिन|देर|घंटे|साल|वर्ष|महीने|बार)|\bkitn[ei] (?:der|baar|din|saal|samay)\b",
    re.IGNORECASE,
)


def _spans(kind: str, sentence: str, question: str, unknown_hindi: list[str]) -> list[str]:
    """Candidate answer strings of one kind in a sentence (`unknown_hindi`: its unknown Hindi words)."""
    if kind == "date":
        return [m.group(0) for m in FULL_DATE_RE.finditer(sentence)] + [
            m.group(0) for m in DATE_RE.finditer(sentence)
        ]
    if kind == "number":
        return [m.group(0) for m in _ORDINAL.finditer(sentence)] + _number_words(sentence)
    if kind == "count":
        if _ASKS_DURATION.search(question):
            return [m.group(0) for m in _DURATION.finditer(sentence)]
        return _quantities(sentence)
    if kind == "name":
        runs = [m.group(0) for m in _CAPITALISED_RUN.finditer(sentence)]
        return runs + [m.group(1) for m in _HINDI_NAME.finditer(sentence)] + unknown_hindi
    if kind == "place":
        latin = [m.group(1) for m in _LATIN_PLACE.finditer(sentence)]
        hindi = [m.group(1) or m.group(2) for m in _HINDI_PLACE.finditer(sentence)]
        # "from November 26" and "में Monday" name times, not places.
        return [p for p in latin + hindi if not DATE_RE.fullmatch(p.split()[0])]
    return []


def _number_words(sentence: str) -> list[str]:
    """Numerals and number words ("four-member", "दो दिवसीय", "23rd")."""
    return [w for w in words(sentence) if NUMBER_RE.search(w)]


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _quantities(sentence: str) -> list[str]:
    """Numbers that count: not years, dates or ordinals ("how many?" wants "four", not "2000")."""
    taken = [m.span() for pattern in (FULL_DATE_RE, _ORDINAL) for m in pattern.finditer(sentence)]
    out = []
    for match in WORD_RE.finditer(sentence):
        word = match.group(0)
        inside = any(a <= match.start() < b for a, b in taken)
        if NUMBER_RE.search(word) and not inside and not _YEAR.match(word):
            out.append(word)
    return out


def _unknown_hindi_words(sentence: str) -> list[str]:
    """Devanagari content words: in a sentence with a name in it, the name is among them."""
    return [
        w
        for w in words(sentence)
        if "\u0900" <= w[0] <= "\u097f" and fold(w) not in STOPWORDS and len(w) > 2
    ]


def novel_answer(kind: str, sentence: str, question: str) -> float:
    """1.0 when the sentence holds an answer of this kind not in the question, 0.0 when it holds none.

    0.5 for a kind with no recognisable form ("what was discussed?"); a name in Hindi text, found only
    as an unknown word, counts 0.7.
    """
    if kind not in ("date", "count", "number", "name", "place"):
        return 0.5
    asked = text_keys(question)
    # Found once per sentence: a Hindi sentence yields dozens of candidate spans, each looked up here.
    unknown = _unknown_hindi_words(sentence) if kind == "name" else []
    unknown_set = set(unknown)  # _strength asks of every span whether it is one of them
    best = 0.0
    for span in _spans(kind, sentence, question, unknown):
        tokens = tokenize(span)
        if not tokens:
            continue
        if any(not (term_keys(t) & asked) for t in tokens):
            best = max(best, _strength(kind, span, unknown_set))
    return best


_RELATIVE_DATE = re.compile(r"\b(?:next|last|this) (?:month|week|year)\b|(?:अगले|पिछले|इस) (?:महीने|साल|सप्ताह)")
_DAY_OR_DATE = re.compile(rf"{FULL_DATE_RE.pattern}|{DAYS}|\d{{1,2}}[-/]\d{{1,2}}", re.IGNORECASE)


def _strength(kind: str, span: str, unknown_hindi: set[str]) -> float:
    """How fully a span answers its kind: a day or date beats a bare year, which beats "last week"."""
    if kind == "date":
        if _RELATIVE_DATE.fullmatch(span):
            return 0.5
        return 1.0 if _DAY_OR_DATE.search(span) else 0.8
    if kind == "name" and span in unknown_hindi:
        return 0.7
    return 1.0
