"""The fixed sentences people read, per language: the abstention and why an answer was withheld."""

from __future__ import annotations

__all__ = ["ABSTAIN", "REFUSAL_NOTES", "abstain_text", "refusal_note"]

# The one fixed sentence, per language, when the sources do not hold the answer (extractive
# abstentions and the LLM's instruction share it).
ABSTAIN = {
    "en": "I could not find the answer to that in the news articles I have.",
    "hi": "मुझे इस प्रश्न का उत्तर उपलब्ध समाचार लेखों में नहीं मिला।",
}
# Why an answer was withheld, shown under the abstention; {term} is the word no article has.
REFUSAL_NOTES = {
    "unknown_term": {
        "en": "No article mentions “{term}”.",
        "hi": "किसी भी लेख में “{term}” का उल्लेख नहीं है।",
    },
    "no_answer_kind": {
        "en": "The closest passages do not give the kind of answer asked for.",
        "hi": "सबसे नज़दीकी अंशों में पूछे गए प्रकार का उत्तर नहीं है।",
    },
    "weak": {
        "en": "The closest passages match the question only loosely.",
        "hi": "सबसे नज़दीकी अंश प्रश्न से केवल आंशिक रूप से मेल खाते हैं।",
    },
}


def abstain_text(language: str) -> str:
    """The one fixed sentence used when the sources do not hold the answer."""
    return ABSTAIN.get(language, ABSTAIN["en"])


def refusal_note(code: str, language: str, term: str = "") -> str:
    """Why the bot abstained, in the question's language."""
    notes = REFUSAL_NOTES.get(code, REFUSAL_NOTES["weak"])
    return notes.get(language, notes["en"]).format(term=term)
