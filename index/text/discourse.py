"""Sentences that lean on those before them ("He added ...", "इस दौरान ..."), and how far back they lean."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

_ANAPHORA = re.compile(
    r"^\W*(?:he|she|they|it|his|her|their|its|we|our|this|these|the two|both|"
    r"the (?:visit|meeting|statement|session|delegation|minister|leaders?)|"
    r"during (?:the|this)|earlier|in addition|"
    r"उन्होंने|उनके|उनका|उनकी|उसने|हम|हमारे|हमारी|हमारा|इस|इससे|इसके|दोनों|वह|वे|यह)(?=[\s,.।]|$)",
    re.IGNORECASE,
)
# "According to the MEA, during this visit, ..." leans back past its attribution.
_ATTRIBUTION = re.compile(r"^\W*(?:according to [^,।]{1,60}|[^,।]{1,60} के अनुसार),\s*", re.IGNORECASE)
# How many sentences back a chain of back-references ("this trip", "in addition") is followed.
MAX_CONTEXT = 3


def leans_back(sentence: str) -> bool:
    """True when a sentence opens with a pronoun or a back-reference, so its subject is in the one before."""
    return bool(_ANAPHORA.search(sentence) or _ANAPHORA.search(_ATTRIBUTION.sub("", sentence, count=1)))


def chain_start(sentences: Sequence[str], at: int) -> int:
    """Where the context of sentence `at` begins: the one before, and further back while each leans back.

    "In addition, he met X." after "During this trip, ..." after "Earlier, he visited Russia in
    August.": the date the chain hangs on is three sentences up.
    """
    first = at - 1
    while first > 0 and at - first < MAX_CONTEXT and leans_back(sentences[first]):
        first -= 1
    return max(first, 0)


def with_antecedents(sentences: Sequence[str], at: int) -> str:
    """Sentence `at` as read on its own: after the sentences it leans on, if it leans back."""
    if at == 0 or not leans_back(sentences[at]):
        return sentences[at]
    return " ".join(sentences[chain_start(sentences, at) : at + 1])


def fingerprint() -> str:
    """A short hash of these rules: sentences embedded under other rules must be embedded again."""
    rules = "\x1f".join([_ANAPHORA.pattern, _ATTRIBUTION.pattern, str(MAX_CONTEXT)])
    return hashlib.sha256(rules.encode("utf-8")).hexdigest()[:12]
