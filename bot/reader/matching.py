"""Which of a question's terms a sentence contains: by word, stem, cross-script skeleton or translation."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bot.question import is_romanized_hindi
from bot.reader.cues import NUMERAL_RE
from bot.reader.focus import is_type_noun
from index.text import fold, latin_acronym, tokenize, word_keys, words

# Words every question about the news carries; they say nothing about which sentence answers it.
_QUESTION_FILLER = frozenset(
    """which whose whom who what when where how many much long often did does do kind sort type
    day date year month time name please tell know कौन किस किसे किसने किससे किसको किसका किसकी किसके
    कब कहां कहाँ क्या कितने कितना कितनी कैसे किन किन्हें कौनसा कौनसी कौनसे
    ne ka ki ke ko se mein me hai hain tha thi the kab kaun kya kahan kahaan kaha kitne kitna kitni kisne
    kisse kisko kiska kiski kis kin kinhe kiya kiye aur par hua hui gaye gaya karne karte karta kar wale
    wali raha rahe rahi hota hoti hote tak liye bhi""".split()
)


@lru_cache(maxsize=65536)
def term_keys(token: str) -> frozenset[str]:
    """The keys a word matches on: its word_keys, plus "#acronym" and an ordinal's bare number."""
    keys = set(word_keys(token))
    acronym = latin_acronym(token)
    if acronym:
        keys.add(f"#{acronym}")  # "आरआईएसी" meets "Russian International Affairs Council"
    numeral = NUMERAL_RE.match(token)
    if numeral:
        keys.add(numeral.group(1))  # "76th" meets "76 वें"
    return frozenset(keys)


@lru_cache(maxsize=16384)
def text_keys(text: str) -> frozenset[str]:
    """The union of term_keys over a text's words (stopwords included: "में" can carry a place).

    An acronym ("MEA") also yields "#mea", which the words it abbreviates carry in a question.
    """
    out: set[str] = set()
    for token in tokenize(text, keep_stopwords=True):
        out.update(term_keys(token))
    out.update(f"#{a.casefold()}" for a in _ACRONYM_RE.findall(text))
    out.update(f"#{a}" for a in acronyms(text).values())
    return frozenset(out)


_ACRONYM_RE = re.compile(r"\b[A-Z]{2,6}\b")
_NAME_RUN_RE = re.compile(r"[A-Z][a-z]+(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][a-z]+)+")


def acronyms(text: str) -> dict[str, str]:
    """Each word of a capitalised run ("Ministry of External Affairs") mapped to the run's initials."""
    out: dict[str, str] = {}
    for run in _NAME_RUN_RE.findall(text):
        significant = [w for w in run.split() if w[:1].isupper()]
        initials = "".join(w[0] for w in significant).casefold()
        for word in significant:
            out[fold(word)] = initials
    return out


@dataclass(frozen=True)
class Term:
    """A question term, its match keys, its weight (rarer terms say more), and whether any article has it."""

    word: str
    keys: frozenset[str]
    weight: float
    seen: bool = True
    # Only in a stated premise ("Modi visited in July; how many ...?") or a time anchor ("before his
    # November trip"): it names the event the question hangs on, not what the answer says.
    premise: bool = False


# "before his November trip" anchors the answer in time; it does not ask for November.
_ANCHOR = re.compile(
    r"\b(?:before|after|since|until|till|prior to|following)\s+(?:(?:the|his|her|their|its|this|that)\s+)?"
    r"([\w-]+)(?:\s+([\w-]+))?|([\w\u0900-\u097F-]+) (?:से पहले|के बाद|के पहले|se pehle|ke baad)",
    re.IGNORECASE,
)


def anchored_words(question: str) -> set[str]:
    """Words that place the question in time ("before his November trip") rather than ask about it."""
    return {fold(w) for m in _ANCHOR.finditer(question) for w in m.groups() if w}


def ask_clause(question: str) -> str:
    """The part of "premise; question?" that asks (the whole question when there is no premise)."""
    head, sep, tail = question.rpartition(";")
    return tail if sep and head.strip() and len(tail.split()) >= 2 else question


def question_terms(
    question: str,
    idf: Callable[[str], float],
    known: Callable[[str], bool] | None = None,
    *,
    romanized: bool = True,
) -> list[Term]:
    """The question's content terms, weighted by rarity; `seen`: does the corpus have them in any form.

    Without `romanized` a romanized Hindi question's words are matched as English words.
    """
    terms: list[Term] = []
    done: set[str] = set()
    initials = acronyms(question)
    capitals = {fold(a) for a in _ACRONYM_RE.findall(question)}
    # Names, Hindi words and romanized Hindi cross scripts by sound; a lowercase English word
    # ("worth") whose short skeleton happens to match a Hindi word ("वार्ता") is not thereby known.
    named = {fold(w) for w in words(question) if w[:1].isupper()} | (
        set(tokenize(question)) if romanized and is_romanized_hindi(question) else set()
    )
    asked = set(tokenize(ask_clause(question)))
    anchors = anchored_words(question)
    for token in tokenize(question):
        # A noun naming the kind of answer ("which city") is checked by the answer cue, not matched.
        if token in _QUESTION_FILLER or token in done or is_type_noun(token):
            continue
        done.add(token)
        # A word is as rare as the forms the corpus has of it (its stem, its skeleton in either script).
        forms = corpus_forms(token, known) if known else [token]
        weight = min(idf(form) for form in forms)
        keys = set(term_keys(token))
        if token in initials:
            keys.add(f"#{initials[token]}")
        if token in capitals:
            keys.add(f"#{token}")  # "MEA" meets "Ministry of External Affairs"
        premise = token not in asked or token in anchors
        loose = token in named or not token.isascii()
        seen = known is None or bool(
            corpus_forms(token, known, only_known=True, short_skeletons=loose)
        )
        terms.append(Term(word=token, keys=frozenset(keys), weight=weight, seen=seen, premise=premise))
    return terms


def corpus_forms(
    word: str,
    known: Callable[[str], bool],
    *,
    only_known: bool = False,
    short_skeletons: bool = True,
) -> list[str]:
    """The keys of the word that the corpus has (or all of them when it has none).

    Without short_skeletons a three-consonant skeleton does not count across scripts ("worth" and
    "वार्ता" share "vrt"); the Latin-only "%" key still finds a typo of an English word.
    """
    forms = [
        key
        for key in word_keys(word)
        if short_skeletons or not (key.startswith("~") and len(key) < 5)
    ]
    found = [key for key in forms if known(key)]
    return found if found or only_known else forms


def in_corpus(word: str, known: Callable[[str], bool]) -> bool:
    """True when some article has the word in any form: itself, its stem or its skeleton."""
    return bool(corpus_forms(word, known, only_known=True))


def unseen_share(terms: list[Term]) -> float:
    """Share of the question's content terms that no article has in any form ("ambassador", "उम्र")."""
    return sum(not t.seen for t in terms) / len(terms) if terms else 0.0


def matched(term: Term, keys: frozenset[str]) -> bool:
    """True when a text with these keys mentions the term in any of its forms."""
    return bool(term.keys & keys)


def coverage(terms: list[Term], keys: frozenset[str], *, unseen: bool = False) -> float:
    """Weighted share of the known terms a text mentions (an unknown word cannot tell sentences apart).

    With `unseen` the terms no article has count too: how much of the whole question a text covers.
    """
    counted = [t for t in terms if unseen or t.seen]
    total = sum(t.weight for t in counted)
    if total <= 0:
        return 0.0
    return sum(t.weight for t in counted if matched(t, keys)) / total
