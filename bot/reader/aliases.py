"""Titles standing for a name within one article: "Raksha Mantri" is Rajnath Singh once introduced so.

A report names a person once with a title ("Defence Minister Rajnath Singh", "विदेश मंत्री एस जयशंकर")
and then often by the title alone ("He congratulated Raksha Mantri on ..."). A question names the
person; the answer sentence names the title. Within an article, the title carries the name's keys,
unless a different nationality qualifies it ("the Russian Defence Minister" is not Singh).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.reader.matching import term_keys
from index.text import WORD_RE, concepts, fold

# The last word of a title; the word before it narrows it ("defence minister", "विदेश मंत्री").
TITLE_HEADS = frozenset(
    """minister mantri secretary spokesperson spokesman chairman chief ambassador advisor adviser
    मंत्री सचिव प्रवक्ता अध्यक्ष प्रमुख राजदूत सलाहकार""".split()
)
HONORIFICS = frozenset("shri sri smt mr mrs ms dr s श्री श्रीमती एस डॉ".split())
# Words between a qualifier and its title: "India के विदेश मंत्री", "the Russian Defence Minister".
_LINKS = frozenset("के की का of the".split())
# A Hindi name runs until a postposition or a comma; an English one until a lowercase word.
_POSTPOSITIONS = frozenset("ने से को के की का में पर और".split())
_TOKEN_RE = re.compile(rf"{WORD_RE.pattern}|[,.;:।]")


# Who a title means depends on whose it is: "India के विदेश मंत्री" is not "रूसी विदेश मंत्री".
NATIONS = "india russia china pakistan america usa britain uk france germany japan iran ukraine".split()

# title -> the nation qualifying it (empty: none written) -> the words of the names it introduced
Aliases = dict[str, dict[frozenset[str], set[str]]]


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    # Cached: a sentence is scanned for introductions, for its own titles, and as another's context.
    return tuple(_TOKEN_RE.findall(text))


@lru_cache(maxsize=1)
def _nation_concepts() -> frozenset[str]:
    return frozenset().union(*(concepts(word) for word in NATIONS))


def _title_at(tokens: tuple[str, ...], head: int) -> tuple[str, frozenset[str]] | None:
    """The two-word title ending at `head` and its qualifier's lexicon concepts (empty: unqualified)."""
    if head < 1 or fold(tokens[head]) not in TITLE_HEADS:
        return None
    modifier = fold(tokens[head - 1])
    if len(modifier) < 3 or modifier in HONORIFICS or not WORD_RE.fullmatch(modifier):
        return None
    at = head - 2
    while at >= 0 and fold(tokens[at]) in _LINKS:
        at -= 1
    qualifier = concepts(tokens[at]) & _nation_concepts() if at >= 0 else frozenset()
    return f"{modifier} {fold(tokens[head])}", qualifier


def _name_after(tokens: tuple[str, ...], start: int) -> list[str]:
    """The name that follows a title: up to two words, past an honorific ("Shri", "एस")."""
    at = start
    if at < len(tokens) and fold(tokens[at]) in HONORIFICS:
        at += 1
    name: list[str] = []
    while at < len(tokens) and len(name) < 2:
        token = tokens[at]
        if not WORD_RE.fullmatch(token) or fold(token) in _POSTPOSITIONS or fold(token) in TITLE_HEADS:
            break
        if token.isascii() and not token[:1].isupper():
            break
        name.append(fold(token))
        at += 1
    # A Hindi second word is part of the name only when a postposition or comma ends the run after it.
    if len(name) == 2 and not name[1].isascii():
        ends = at >= len(tokens) or not WORD_RE.fullmatch(tokens[at]) or fold(tokens[at]) in _POSTPOSITIONS
        if not ends:
            name.pop()
    return name


def aliases(texts: Iterable[str]) -> Aliases:
    """Every "title name" introduction in an article's texts, by title and by the nation qualifying it."""
    found: Aliases = {}
    for text in texts:
        tokens = _tokens(text)
        for head in range(1, len(tokens)):
            title = _title_at(tokens, head)
            name = _name_after(tokens, head + 1) if title else []
            if title and name:
                found.setdefault(title[0], {}).setdefault(title[1], set()).update(name)
    return found


def alias_keys(text: str, known: Aliases) -> frozenset[str]:
    """The match keys of the names a text's bare titles stand for ("Raksha Mantri" -> Rajnath Singh)."""
    if not known:
        return frozenset()
    tokens = _tokens(text)
    out: set[str] = set()
    for head in range(1, len(tokens)):
        title = _title_at(tokens, head)
        if title is None or title[0] not in known or _name_after(tokens, head + 1):
            continue  # not a title the article introduced, or the name is written out
        out.update(key for name in _meant(known[title[0]], title[1]) for key in term_keys(name))
    return frozenset(out)


def _meant(groups: dict[frozenset[str], set[str]], qualifier: frozenset[str]) -> set[str]:
    """The name words a title means: its own nation's, or, unqualified, the only nation's there is."""
    if qualifier:
        return groups.get(qualifier, set())
    nations = [q for q in groups if q]
    if len(nations) > 1:
        return groups.get(frozenset(), set())  # two nations' ministers: a bare title is ambiguous
    return set().union(*groups.values())
