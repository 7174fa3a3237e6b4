"""Run an answer function over the canned set and score each question into a typed record."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from typing import Any, Protocol, TextIO

from pydantic import BaseModel, Field

from bot.answering import answer
from bot.citations import find_markers
from bot.errors import (
    EmbedderMismatchError,
    IndexMissingError,
    NewsbotError,
    StoreUnavailableError,
)
from bot.evaluate import metrics
from bot.evaluate.dataset import QAItem
from bot.schema import Answer
from bot.settings import Settings

# Errors that mean the bot cannot run at all: stop the eval instead of scoring 100 failures.
_SETUP_ERRORS = (IndexMissingError, EmbedderMismatchError, StoreUnavailableError)


class AnswerFn(Protocol):
    """What the runner calls: `bot.answer` or anything shaped like it."""

    def __call__(self, question: str, *, settings: Settings | None = None) -> Answer:
        """Answer one question."""
        ...


class QuestionRecord(BaseModel):
    """One question as asked, what came back, and its scores (None = not applicable)."""

    id: str
    question: str
    lang: str
    type: str
    answerable: bool
    gold_answers: list[str]
    gold_sources: list[str]
    answer_text: str = ""
    abstained: bool = False
    path: str | None = None
    returned_sources: list[str] = Field(default_factory=list, description="Doc ids, ranked, unique.")
    cited: list[int] = Field(default_factory=list, description="[n] markers found in the text.")
    error: str | None = None
    latency_ms: float = 0.0
    confidence: float | None = Field(default=None, description="The answer's confidence, when it has one.")
    sentences: int = Field(default=0, description="Sources quoted (0 for an abstention).")
    correct: bool | None = None
    first_correct: bool | None = Field(
        default=None, description="An accepted alias is in the first cited source's snippet alone."
    )
    f1: float | None = None
    hit_at_1: bool | None = None
    hit_at_k: bool | None = None
    reciprocal_rank: float | None = None
    citation_valid: bool | None = None
    citation_precision: float | None = None
    refused_correctly: bool | None = None
    reasons: list[str] = Field(default_factory=list, description="Why this case counts as failing.")


def _record(item: QAItem, **fields: Any) -> QuestionRecord:
    """A record carrying the canned item's own fields, plus what the run found."""
    return QuestionRecord(
        id=item.id,
        question=item.question,
        lang=item.lang,
        type=item.type,
        answerable=item.answerable,
        gold_answers=item.answers,
        gold_sources=item.sources,
        **fields,
    )


def score(item: QAItem, reply: Answer, *, latency_ms: float, k: int) -> QuestionRecord:
    """Score one answer against its canned item."""
    ranked = metrics.ranked_unique(s.doc_id for s in reply.sources)
    markers = find_markers(reply.text)
    by_number = {s.n: s.doc_id for s in reply.sources}
    record = _record(
        item,
        answer_text=reply.text,
        abstained=reply.abstained,
        path=reply.path,
        returned_sources=ranked,
        cited=markers,
        latency_ms=latency_ms,
        confidence=reply.confidence,
        sentences=0 if reply.abstained else len(reply.sources),
    )
    if not reply.abstained:
        record.citation_valid = metrics.citation_valid(markers, by_number)
        if not record.citation_valid:
            record.reasons.append("uncited" if not markers else "citation to a missing source")
    if not item.answerable:
        record.refused_correctly = reply.abstained
        if not reply.abstained:
            record.reasons.append("answered a question the articles cannot answer")
        return record
    answered = not reply.abstained
    record.correct = answered and metrics.alias_match(reply.text, item.answers)
    first = reply.sources[0].snippet if answered and reply.sources else ""
    record.first_correct = answered and metrics.alias_match(first, item.answers)
    record.f1 = metrics.token_f1(reply.text, item.answers) if answered else 0.0
    record.hit_at_1 = metrics.hit_at_k(ranked, item.sources, 1)
    record.hit_at_k = metrics.hit_at_k(ranked, item.sources, k)
    record.reciprocal_rank = metrics.reciprocal_rank(ranked, item.sources)
    cited_docs = metrics.ranked_unique(by_number[n] for n in markers if n in by_number)
    record.citation_precision = metrics.citation_precision(cited_docs, item.sources)
    if reply.abstained:
        record.reasons.append("abstained on an answerable question")
    elif not record.correct:
        record.reasons.append("no accepted answer in the text")
    if not record.hit_at_1:
        record.reasons.append("top source is not a gold article")
    return record


def error_record(item: QAItem, error: NewsbotError, *, latency_ms: float) -> QuestionRecord:
    """A record for a question the bot raised on: scored as wrong, the error kept."""
    return _record(
        item,
        error=f"{type(error).__name__}: {error}",
        latency_ms=latency_ms,
        correct=False if item.answerable else None,
        first_correct=False if item.answerable else None,
        f1=0.0 if item.answerable else None,
        hit_at_1=False if item.answerable else None,
        hit_at_k=False if item.answerable else None,
        reciprocal_rank=0.0 if item.answerable else None,
        refused_correctly=None if item.answerable else False,
        reasons=["raised an error"],
    )


def _show(stream: TextIO | None, label: str, done: int, total: int, record: QuestionRecord) -> None:
    """Progress on stderr: one rewritten line on a terminal, a line per 10 questions otherwise."""
    if stream is None:
        return
    mark = "fail" if record.reasons else "ok"
    line = f"[{label}] {done:>3}/{total} {record.id:<8} {mark:<4} {record.latency_ms:7.1f} ms"
    if stream.isatty():
        stream.write("\r" + line + ("\n" if done == total else ""))
    elif done % 10 == 0 or done == total:
        stream.write(line + "\n")
    stream.flush()


def run_eval(
    items: Sequence[QAItem],
    *,
    answer_fn: AnswerFn = answer,
    settings: Settings | None = None,
    k: int = 3,
    label: str = "newsbot",
    progress: TextIO | None = sys.stderr,
) -> list[QuestionRecord]:
    """Ask every question through answer_fn and return one scored record per question."""
    records: list[QuestionRecord] = []
    for done, item in enumerate(items, start=1):
        start = time.perf_counter()
        try:
            reply = answer_fn(item.question, settings=settings)
        except _SETUP_ERRORS:
            raise
        except NewsbotError as exc:
            elapsed = (time.perf_counter() - start) * 1000
            record = error_record(item, exc, latency_ms=elapsed)
        else:
            elapsed = (time.perf_counter() - start) * 1000
            record = score(item, reply, latency_ms=elapsed, k=k)
        records.append(record)
        _show(progress, label, done, len(items), record)
    return records
