"""Sentences in article text that address a language model: never evidence, never shown to it."""

from __future__ import annotations

import re

from index.text.unicode import sentence_spans

__all__ = ["REMOVED", "is_instruction", "strip_instructions"]

REMOVED = "[text addressed to the assistant removed]"

# Phrases that only make sense as orders to an assistant. A pattern list cannot catch every
# injection; the prompt's rules and the citation check after generation are the other two layers.
_PATTERNS = [
    r"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|prompts?|directions|guidelines)\b",
    r"\b(previous|prior|above|earlier|original)\s+(instructions?|rules|prompts?)\b",
    r"\bsystem\s+prompt\b",
    r"\byou\s+are\s+now\b",
    r"\bas\s+an\s+(ai|assistant|language\s+model)\b",
    r"\b(respond|reply|answer|say|output)\s+only\s+with\b",
    r"\bnew\s+instructions?\b",
    r"(पिछले|पूर्व|सभी|ऊपर\s+के)\s+निर्देश",
    r"निर्देशों\s+को\s+(अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल)",
]
_INSTRUCTION_RE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def is_instruction(sentence: str) -> bool:
    """True when a sentence reads as an order to an assistant rather than reporting."""
    return _INSTRUCTION_RE.search(sentence) is not None


def strip_instructions(text: str) -> str:
    """Text with every instruction-like sentence replaced by a short placeholder."""
    pieces: list[str] = []
    last = 0
    for start, end in sentence_spans(text):
        if is_instruction(text[start:end]):
            pieces.append(text[last:start])
            pieces.append(REMOVED)
            last = end
    pieces.append(text[last:])
    return "".join(pieces)
