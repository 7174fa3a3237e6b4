"""Every fixed sentence and prompt newsbot uses, in one place."""

from __future__ import annotations

ABSTAIN = {
    "en": "I could not find the answer to that in the news articles I have.",
    "hi": "मुझे इस प्रश्न का उत्तर उपलब्ध समाचार लेखों में नहीं मिला।",
}


def abstain_text(language: str) -> str:
    """The one fixed sentence used when the sources do not hold the answer."""
    return ABSTAIN.get(language, ABSTAIN["en"])
