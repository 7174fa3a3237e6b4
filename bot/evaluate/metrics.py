"""Pure scoring functions: answer accuracy, token F1, source ranking, citations, refusals, latency."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from index.text import fold, words

# MLQA drops English articles only; Hindi has none to drop.
_ARTICLES = frozenset({"a", "an", "the"})


def match_tokens(text: str) -> list[str]:
    """Whole-word tokens after NFKC, case folding and dash unification (for alias matching)."""
    return words(fold(text))


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    """True when needle occurs as a contiguous run inside haystack."""
    n = len(needle)
    if n == 0:
        return False
    first = needle[0]
    return any(
        haystack[i] == first and list(haystack[i : i + n]) == list(needle)
        for i in range(len(haystack) - n + 1)
    )


def alias_match(answer_text: str, aliases: Iterable[str]) -> bool:
    """True when any accepted alias appears in the answer as whole words, after normalisation."""
    tokens = match_tokens(answer_text)
    return any(_contains_run(tokens, match_tokens(alias)) for alias in aliases)


def _strip_punctuation(text: str) -> str:
    """Replace every Unicode punctuation character (category P*, incl. the danda) with a space."""
    return "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)


def f1_tokens(text: str) -> list[str]:
    """MLQA-style normalised tokens: NFKC, case-folded, punctuation and English articles dropped."""
    return [t for t in words(_strip_punctuation(fold(text))) if t not in _ARTICLES]


def _f1(prediction: list[str], truth: list[str]) -> float:
    """Token-overlap F1 between two token lists."""
    common = Counter(prediction) & Counter(truth)
    overlap = sum(common.values())
    if overlap == 0:
        return 0.0
    precision = overlap / len(prediction)
    recall = overlap / len(truth)
    return 2 * precision * recall / (precision + recall)


def token_f1(prediction: str, aliases: Iterable[str]) -> float:
    """Best token F1 of the prediction against any accepted alias (0.0 when none)."""
    predicted = f1_tokens(prediction)
    return max((_f1(predicted, f1_tokens(a)) for a in aliases), default=0.0)


def ranked_unique(doc_ids: Iterable[str]) -> list[str]:
    """Doc ids in first-seen order with repeats removed (several passages may share a doc)."""
    return list(dict.fromkeys(doc_ids))


def hit_at_k(ranked: Sequence[str], gold: Iterable[str], k: int) -> bool:
    """True when a gold doc id is among the first k ranked doc ids."""
    wanted = set(gold)
    return any(doc in wanted for doc in ranked[:k])


def reciprocal_rank(ranked: Sequence[str], gold: Iterable[str]) -> float:
    """1/rank of the first gold doc id in the ranking, 0.0 when none is ranked."""
    wanted = set(gold)
    for rank, doc in enumerate(ranked, start=1):
        if doc in wanted:
            return 1.0 / rank
    return 0.0


def citation_valid(markers: Iterable[int], source_numbers: Iterable[int]) -> bool:
    """True when the text cites at least one source and every [n] names a returned source."""
    cited = set(markers)
    return bool(cited) and cited <= set(source_numbers)


def citation_precision(cited_doc_ids: Iterable[str], gold: Iterable[str]) -> float | None:
    """Share of cited (distinct) sources whose doc id is gold; None when nothing is cited."""
    cited = list(cited_doc_ids)
    if not cited:
        return None
    wanted = set(gold)
    return sum(doc in wanted for doc in cited) / len(cited)


def rate(flags: Iterable[bool]) -> float | None:
    """Share of True flags, None for no flags (refusal recall, false-refusal rate, accuracy...)."""
    values = list(flags)
    return sum(values) / len(values) if values else None


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, None for no values."""
    data = list(values)
    return sum(data) / len(data) if data else None


def percentile(values: Iterable[float], q: float) -> float | None:
    """q-th percentile (0-100) with linear interpolation between ranks, None for no values."""
    data = sorted(values)
    if not data:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile q must be within 0..100, got {q}")
    pos = (len(data) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)
