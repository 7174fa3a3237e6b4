"""Rough Devanagari romanisation and consonant skeletons, so "Lavrov" can meet "लावरोव"."""

from __future__ import annotations

import re
from functools import lru_cache

_CONSONANTS = {
    "क": "k",
    "ख": "kh",
    "ग": "g",
    "घ": "gh",
    "ङ": "n",
    "च": "ch",
    "छ": "chh",
    "ज": "j",
    "झ": "jh",
    "ञ": "n",
    "ट": "t",
    "ठ": "th",
    "ड": "d",
    "ढ": "dh",
    "ण": "n",
    "त": "t",
    "थ": "th",
    "द": "d",
    "ध": "dh",
    "न": "n",
    "प": "p",
    "फ": "ph",
    "ब": "b",
    "भ": "bh",
    "म": "m",
    "य": "y",
    "र": "r",
    "ल": "l",
    "व": "v",
    "श": "sh",
    "ष": "sh",
    "स": "s",
    "ह": "h",
    "क़": "q",
    "ख़": "kh",
    "ग़": "g",
    "ज़": "z",
    "ड़": "r",
    "ढ़": "rh",
    "फ़": "f",
    "य़": "y",
}
_VOWELS = {
    "अ": "a",
    "आ": "aa",
    "इ": "i",
    "ई": "ii",
    "उ": "u",
    "ऊ": "uu",
    "ऋ": "ri",
    "ए": "e",
    "ऐ": "ai",
    "ओ": "o",
    "औ": "au",
    "ऑ": "o",
    "ऍ": "e",
}
_SIGNS = {
    "ा": "aa",
    "ि": "i",
    "ी": "ii",
    "ु": "u",
    "ू": "uu",
    "ृ": "ri",
    "े": "e",
    "ै": "ai",
    "ो": "o",
    "ौ": "au",
    "ॉ": "o",
    "ॅ": "e",
}
_VIRAMA = "्"
_NASAL = {"ं": "n", "ँ": "n", "ः": "h"}
_NUKTA = "़"


def romanize(word: str) -> str:
    """An approximate Latin spelling of a Devanagari word (inherent 'a' kept except word-finally)."""
    out: list[str] = []
    chars = list(word)
    i = 0
    while i < len(chars):
        ch = chars[i]
        if i + 1 < len(chars) and chars[i + 1] == _NUKTA and ch + _NUKTA in _CONSONANTS:
            ch, i = ch + _NUKTA, i + 1
        if ch in _CONSONANTS:
            out.append(_CONSONANTS[ch])
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if nxt in _SIGNS:
                out.append(_SIGNS[nxt])
                i += 1
            elif nxt == _VIRAMA:
                i += 1
            elif nxt and nxt not in _NASAL:
                out.append("a")
        elif ch in _VOWELS:
            out.append(_VOWELS[ch])
        elif ch in _NASAL:
            out.append(_NASAL[ch])
        elif ch.isascii():
            out.append(ch)
        i += 1
    return "".join(out)


_FOLD = [
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "g"),
    ("chh", "c"),
    ("ch", "c"),
    ("jh", "j"),
    ("th", "t"),
    ("dh", "d"),
    ("bh", "b"),
    ("sh", "s"),
    ("ck", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "j"),
    ("w", "v"),
    ("c", "k"),
]


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of a word in either script: 'Jaishankar', 'Jaishankr' and 'जयशंकर' agree."""
    text = word.casefold()
    if re.search(r"[\u0900-\u097F]", text):
        text = romanize(text)
    if not text or not text.isascii():
        return ""
    text = re.sub(r"ow$", "o", text)
    for a, b in _FOLD:
        text = text.replace(a, b)
    first, rest = text[0], text[1:]
    rest = re.sub(r"[aeiouyh]", "", rest)
    rest = re.sub(r"(.)\1+", r"\1", rest)
    out = re.sub(r"(.)\1+", r"\1", first + rest)
    return out if first not in "aeiouyh" or len(out) > 1 else ""


# English letter names as Hindi writes them, for acronyms such as "आरआईएसी" (RIAC) or "एससीओ" (SCO).
_LETTER_NAMES = {
    "ए": "a", "बी": "b", "सी": "c", "डी": "d", "ई": "e", "एफ": "f", "जी": "g", "एच": "h", "आई": "i",
    "जे": "j", "के": "k", "एल": "l", "एम": "m", "एन": "n", "ओ": "o", "पी": "p", "क्यू": "q", "आर": "r",
    "एस": "s", "टी": "t", "यू": "u", "वी": "v", "डब्ल्यू": "w", "एक्स": "x", "वाई": "y", "ज़ेड": "z", "जेड": "z",
}  # fmt: skip
_LONGEST_NAME = max(map(len, _LETTER_NAMES))


@lru_cache(maxsize=65536)
def latin_acronym(word: str) -> str | None:
    """"आरआईएसी" -> "riac": a Devanagari word spelled wholly in English letter names, else None."""
    # best[i]: a spelling of word[:i] in letter names, found by trying every name ending at i.
    best: list[str | None] = [""] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for size in range(1, min(_LONGEST_NAME, end) + 1):
            head = best[end - size]
            letter = _LETTER_NAMES.get(word[end - size : end])
            if head is not None and letter:
                best[end] = head + letter
                break
    spelled = best[-1]
    return spelled if spelled and len(spelled) >= 2 else None


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """A spelling of a word in either script with vowels and aspirates evened out: "Modi" and "मोदी" agree.

    The consonant skeleton of a short name ("md") is too common to match on; this key keeps the vowels.
    """
    text = word.casefold()
    if re.search(r"[\u0900-\u097F]", text):
        text = romanize(text)
    if not text.isascii() or not text.isalpha():
        return ""
    for a, b in _FOLD:
        text = text.replace(a, b)
    text = re.sub(r"([aeiou])\1+", r"\1", text.replace("ee", "i").replace("oo", "u"))
    text = re.sub(r"(.)\1+", r"\1", text.replace("y", "i"))
    return text if len(text) >= 3 else ""
