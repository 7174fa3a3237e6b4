"""Follow-up questions without an LLM: carry the previous turn's key entities into the query."""

from __future__ import annotations

from collections.abc import Sequence

from index.text import fold, tokenize, words

Turn = tuple[str, str]

_PRONOUNS = {
    "he",
    "she",
    "him",
    "her",
    "his",
    "hers",
    "they",
    "them",
    "their",
    "it",
    "its",
    "this",
    "that",
    "there",
    "these",
    "those",
    "then",
    "वह",
    "वे",
    "उन्होंने",
    "उनका",
    "उनकी",
    "उनके",
    "उसने",
    "उसका",
    "उसकी",
    "उसके",
    "उन्हें",
    "उसे",
    "इसे",
    "यह",
    "वहां",
    "वहाँ",
    "ये",
    "वो",
    "उस",
    "उन",
    "woh",
    "wo",
    "unhone",
    "unka",
    "unki",
    "unke",
    "usne",
    "uska",
    "use",
    "unhe",
    "ve",
}
_MAX_CARRIED = 4


def needs_context(question: str) -> bool:
    """True when the question leans on an earlier turn (a pronoun, or too few words of its own)."""
    tokens = [fold(w) for w in words(question)]
    return any(t in _PRONOUNS for t in tokens) or len(tokenize(question)) <= 1


def key_entities(text: str) -> list[str]:
    """Names (capitalised words) of a question, or its content words when it has none."""
    all_words = words(text)
    names = [w for i, w in enumerate(all_words) if i > 0 and w[:1].isupper()]
    picked = names or tokenize(text)
    out: list[str] = []
    for word in picked:
        if fold(word) not in {fold(o) for o in out}:
            out.append(word)
    return out[:_MAX_CARRIED]


def resolve_followup(question: str, history: Sequence[Turn] | None) -> str | None:
    """The question with context from the previous turn, or None when it stands on its own."""
    if not history or not needs_context(question):
        return None
    previous_question = history[-1][0]
    present = {fold(w) for w in words(question)}
    carried = [e for e in key_entities(previous_question) if fold(e) not in present]
    if not carried:
        return None
    return f"{question} ({' '.join(carried)})"
