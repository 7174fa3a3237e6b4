"""The keys a word is indexed and matched under: itself, its stem, its skeleton, its sound."""

from __future__ import annotations

from functools import lru_cache

from index.text.stemming import stem
from index.text.translit import latin_acronym, skeleton, sound_key
from index.text.unicode import tokenize


@lru_cache(maxsize=65536)
def word_keys(token: str) -> frozenset[str]:
    """Every key a case-folded word is indexed and matched under, itself included.

    "=stem" (inflections), "~skeleton" of the word and of its stem (names across scripts, typos),
    "%"+skeleton for Latin words (a typo of an English word), the Latin spelling of a Devanagari
    acronym ("आरआईएसी" -> "riac") and "^sound" (short names: "Modi" = "मोदी").
    """
    root = stem(token)
    keys = {token, f"={root}"}
    keys.update(f"~{k}" for k in {skeleton(token), skeleton(root)} if len(k) >= 3)
    latin = skeleton(token)
    if token.isascii() and len(latin) >= 3:
        keys.add(f"%{latin}")
    acronym = latin_acronym(token)
    if acronym:
        keys.add(acronym)
    sound = sound_key(token)
    if len(sound) >= 4:  # three letters collide too often ("wich" and "vik")
        keys.add(f"^{sound}")
    return frozenset(keys)


def search_terms(text: str) -> list[str]:
    """Keyword-search terms of a text: each word and its word_keys, counted once per occurrence."""
    return [key for token in tokenize(text) for key in word_keys(token)]
