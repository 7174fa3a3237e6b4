"""answer_stream(): the answer as it is produced, ending with the checked Answer."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from langchain_core.language_models import BaseChatModel

from bot.errors import LLMUnavailableError
from bot.generation import build_chat_model, rewrite_question, stream_generated_answer
from bot.question import Turn, clean_history, clean_question, english_cues, resolve_followup
from bot.reader import compose, load_model
from bot.retrieval import HybridRetriever
from bot.schema import Answer
from bot.settings import Settings, get_settings

__all__ = ["answer_stream", "final_answer"]

_PIECE_RE = re.compile(r"\S+\s*")


def _pieces(answer: Answer) -> Iterator[str | Answer]:
    # The extractive text exists whole; hand it out word by word so callers stream one way.
    yield from _PIECE_RE.findall(answer.text)
    yield answer


def final_answer(stream: Iterable[str | Answer]) -> Answer:
    """The Answer that ends a stream from answer_stream."""
    final: Answer | None = None
    for item in stream:
        if isinstance(item, Answer):
            final = item
    if final is None:
        raise LLMUnavailableError("The answer stream ended without an answer: report this bug.")
    return final


def answer_stream(
    question: str,
    *,
    history: Sequence[Turn] | None = None,
    retriever: HybridRetriever | None = None,
    llm: BaseChatModel | None = None,
    settings: Settings | None = None,
) -> Iterator[str | Answer]:
    """Yield text pieces as they are produced, then exactly one checked Answer.

    With an LLM the streamed text is a draft: the final Answer's text (citations checked,
    unsupported sentences removed, or the extractive answer) replaces it.
    """
    from bot.answering import answer, get_retriever

    settings = settings or get_settings()
    if llm is None and settings.llm == "extractive":
        yield from _pieces(answer(question, history=history, retriever=retriever, settings=settings))
        return
    text = clean_question(question, max_chars=settings.max_question_chars)
    history = clean_history(history)
    retriever = retriever or get_retriever(settings)
    extractive = settings.model_copy(update={"llm": "extractive"})
    try:
        llm = llm or build_chat_model(settings)
    except LLMUnavailableError as exc:
        result = answer(text, history=history, retriever=retriever, settings=extractive)
        yield from _pieces(result.model_copy(update={"path": "llm-fallback", "notice": str(exc)}))
        return
    standalone = rewrite_question(text, history, llm=llm, settings=settings)
    if standalone == text:
        # No rewrite (no history, or the LLM failed at it): the keyword carry-over still applies.
        standalone = resolve_followup(text, history) or text
    resolved = standalone if standalone != text else None
    query = (english_cues(standalone) if load_model().rules.romanized else None) or standalone
    evidence = retriever.search(query)
    fallback = compose(
        query,
        evidence,
        retriever.store,
        idf=retriever.keyword.idf,
        known=retriever.keyword.knows,
        threshold=settings.abstain_threshold,
        asked=text,
    ).model_copy(update={"question": text, "resolved_question": resolved})
    for item in stream_generated_answer(
        standalone,
        [hit.doc for hit in evidence.hits],
        llm=llm,
        embeddings=retriever.store.embeddings,
        fallback=fallback,
        settings=settings,
        resolved_question=resolved,
    ):
        # The reader's confidence says whether the articles answer; the LLM's text is checked apart.
        if isinstance(item, Answer) and item.confidence is None:
            item = item.model_copy(update={"confidence": fallback.confidence})
        yield item
