"""Answer without an LLM: score the candidate sentences, quote the one to three best, or refuse.

In: the question as searched, the retrieval Evidence, the store (for sentence vectors) and the
keyword index's vocabulary. Out: an `Answer` with numbered sources and a calibrated confidence,
or an abstention with the closest passages and the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from bot.citations import format_marker
from bot.messages import abstain_text, refusal_note
from bot.reader.abstention import refusal_reason
from bot.reader.candidates import Candidate
from bot.reader.features import words_of
from bot.reader.model import ReaderModel, load_model
from bot.reader.reading import read
from bot.retrieval import Evidence, jaccard
from bot.schema import Answer, Source
from index.store import Store
from index.text import is_instruction, leans_back

log = logging.getLogger(__name__)
# Two chosen sentences this alike say the same thing (one wire story quoted by two outlets).
NEAR_DUPLICATE = 0.5


def select(ranked: list[Candidate], *, extra_ratio: float, max_sentences: int) -> list[Candidate]:
    """The best sentence plus runners-up at least extra_ratio as likely to hold the answer."""
    chosen = [ranked[0]]
    for cand in ranked[1:]:
        if len(chosen) >= max_sentences or cand.score < extra_ratio * ranked[0].score:
            break
        if any(jaccard(words_of(cand.text), words_of(c.text)) >= NEAR_DUPLICATE for c in chosen):
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


def quoted(
    ranked: list[Candidate], *, extra_ratio: float, max_sentences: int, discourse: bool
) -> list[Candidate]:
    """The sentences an answer quotes, each (with discourse rules) with the sentence continuing it."""
    chosen = select(ranked, extra_ratio=extra_ratio, max_sentences=max_sentences)
    if not discourse:
        return chosen
    extended = [with_continuation(c) for c in chosen]
    # A sentence quoted as another's continuation is not quoted again on its own.
    return [
        c
        for i, c in enumerate(extended)
        if not any(
            j != i and o.doc_id == c.doc_id and c.text in o.text and (c.text != o.text or j < i)
            for j, o in enumerate(extended)
        )
    ]


def answer_text(chosen: list[Candidate]) -> str:
    """The quoted sentences, each followed by its citation marker."""
    return " ".join(f"{c.text} {format_marker(n)}" for n, c in enumerate(chosen, 1))


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
        url=str(meta.get("url") or "") or None,
        author=str(meta.get("author") or "") or None,
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
    threshold: float | None = None,
    asked: str | None = None,
    model: ReaderModel | None = None,
) -> Answer:
    """The extractive answer: cited sentences, or an abstention with the closest matches.

    `question` is the query as searched (follow-ups resolved, romanized Hindi rendered); `asked` is the
    user's own wording. `threshold` overrides the trained refusal threshold.
    """
    model = model or load_model()
    reading = read(question, evidence, store, idf=idf, known=known, asked=asked, model=model)
    language = reading.question.language
    confidence = round(reading.confidence, 4)
    limit = model.threshold if threshold is None else threshold
    if not reading.ranked or reading.confidence < limit:
        reason = refusal_reason(reading.signals)
        log.debug("abstaining on %r (confidence %.3f): %s", question, reading.confidence, reason)
        closest = [to_source(i, c) for i, c in enumerate(reading.ranked[:3], 1)]
        return Answer(
            question=question,
            text=abstain_text(language),
            abstained=True,
            closest=closest,
            notice=refusal_note(reason.code, language, reason.term),
            confidence=confidence,
        )
    chosen = quoted(
        reading.ranked,
        extra_ratio=model.extra_ratio,
        max_sentences=model.max_sentences,
        discourse=model.rules.discourse,
    )
    sources = [to_source(i, c) for i, c in enumerate(chosen, 1)]
    return Answer(question=question, text=answer_text(chosen), sources=sources, confidence=confidence)
