"""Answer without an LLM: pick the one to three sentences that best answer, cite them as [n]."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from bot.answerability import refusal_reason
from bot.citations import format_marker
from bot.injection import is_instruction
from bot.matching import question_terms
from bot.prompts import abstain_text, refusal_note
from bot.reader import Candidate, candidates, sentence_tokens
from bot.retrieval import Evidence, jaccard
from bot.schema import Answer, Source
from index.discourse import leans_back
from index.store import Store
from index.text import script_of

log = logging.getLogger(__name__)
MAX_SENTENCES = 3
EXTRA_RATIO = 0.85


def _select(ranked: list[Candidate]) -> list[Candidate]:
    """The best sentence plus up to two close runners-up that add something new."""
    chosen = [ranked[0]]
    for cand in ranked[1:]:
        if len(chosen) >= MAX_SENTENCES or cand.score < EXTRA_RATIO * ranked[0].score:
            break
        tokens = sentence_tokens(cand.text)
        if any(jaccard(tokens, sentence_tokens(c.text)) >= 0.5 for c in chosen):
            continue
        chosen.append(cand)
    return chosen


def with_continuation(cand: Candidate) -> Candidate:
    """The sentence together with the next one when that one leans on it ("He added ...").

    The answer often sits in the sentence that continues the one matching the question: quoting
    both keeps "he" and "this visit" readable and the answer in view.
    """
    if cand.follow is None:
        return cand
    text = cand.chunk.page_content
    following = text[cand.follow[0] : cand.follow[1]]
    if not leans_back(following) or is_instruction(following):
        return cand
    span = (cand.span[0], cand.follow[1])
    return replace(cand, text=text[span[0] : span[1]], span=span, follow=None)


def to_source(n: int, cand: Candidate) -> Source:
    """A numbered Source for a chosen sentence."""
    meta = cand.chunk.metadata
    return Source(
        n=n,
        doc_id=str(meta.get("doc_id", "")),
        title=str(meta.get("title", "")),
        published=str(meta.get("published") or "") or None,
        language=str(meta.get("language", "")),
        publisher=str(meta.get("publisher") or "") or None,
        snippet=cand.text,
        passage=cand.chunk.page_content,
        snippet_start=cand.span[0],
        snippet_end=cand.span[1],
        chunk_id=str(cand.chunk.id or ""),
        score=round(cand.score, 4),
    )


def compose(
    question: str,
    evidence: Evidence,
    store: Store,
    *,
    idf: Callable[[str], float],
    known: Callable[[str], bool],
    threshold: float,
    asked: str | None = None,
) -> Answer:
    """The extractive answer: cited sentences, or an abstention with the closest matches.

    `question` is the query as searched (follow-ups resolved, romanized Hindi rendered); `asked` is the
    user's own wording, checked too for a focus no article has.
    """
    language = "hi" if script_of(question) == "hi" else "en"
    terms = question_terms(evidence.query, idf, known)
    ranked = candidates(evidence, store, idf, known, terms=terms) if evidence.hits else []
    # Orders addressed to an assistant are never evidence, on this path as on the LLM's.
    ranked = [c for c in ranked if not is_instruction(c.text)]
    reason = refusal_reason(
        [question, asked or question], ranked, terms=terms, known=known, threshold=threshold
    )
    if reason:
        log.debug("abstaining on %r: %s", question, reason)
        closest = [to_source(i, c) for i, c in enumerate(ranked[:3], 1)]
        note = refusal_note(reason.code, language, reason.term)
        return Answer(
            question=question, text=abstain_text(language), abstained=True, closest=closest, notice=note
        )
    chosen = [with_continuation(c) for c in _select(ranked)]
    sources = [to_source(i, c) for i, c in enumerate(chosen, 1)]
    text = " ".join(f"{c.text} {format_marker(s.n)}" for c, s in zip(chosen, sources, strict=True))
    return Answer(question=question, text=text, sources=sources)
