"""answer() and answer_stream(): validate, resolve follow-ups, retrieve, and compose a cited answer,
whole or as it is produced (ending with the checked Answer)."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable, RunnableLambda

from bot.errors import LLMUnavailableError
from bot.generation import build_chat_model, rewrite_question, stream_generated_answer
from bot.question import Turn, clean_history, clean_question, english_cues, resolve_followup
from bot.reader import compose, load_model
from bot.retrieval import HybridRetriever
from bot.schema import Answer
from bot.settings import Settings, get_settings

__all__ = ["answer", "answer_stream", "build_chain", "final_answer", "get_retriever", "reset_retrievers"]

log = logging.getLogger(__name__)
# Per settings: the open retriever and the index stamp it was opened at.
_retrievers: dict[str, tuple[HybridRetriever, tuple[object, ...]]] = {}
_lock = threading.Lock()


def get_retriever(settings: Settings | None = None) -> HybridRetriever:
    """The process-wide retriever for these settings, reopened when a build (in this process or
    another) has changed the index since; builds the index on first use if missing."""
    from index.store import forget
    from index.sync import index_stamp

    settings = settings or get_settings()
    key = settings.model_dump_json()
    with _lock:
        cached = _retrievers.get(key)
        if cached is not None and index_stamp(settings, cached[0].store) == cached[1]:
            return cached[0]
        if cached is not None:
            log.info("the index in %s changed: reopening it", cached[0].store.where)
            forget(settings)
        retriever = _open_retriever(settings)
        # Taken after opening: a keyword file repaired while opening is this process's own change.
        _retrievers[key] = (retriever, index_stamp(settings, retriever.store))
        return retriever


def _open_retriever(settings: Settings) -> HybridRetriever:
    from index.sync import build, load_keyword_index, open_store

    store = open_store(settings)
    if not store.exists():
        log.warning(
            "No index yet in %s: building it from %s (first run only)", store.where, settings.articles_dir
        )
        report = build(settings, store=store)
        log.warning("index built: %s", report.summary())
    store.open()
    trained_with = load_model().provenance.get("choices", {}).get("embedder")
    if trained_with and trained_with != settings.embedder:
        log.warning(
            "The reader's weights were learned with the %s embedder, not %s: its confidence may be off. "
            "Retrain them for this embedder with `python -m bot.train`.",
            trained_with,
            settings.embedder,
        )
    keyword = load_keyword_index(store, settings)
    return HybridRetriever(store=store, keyword=keyword, k=settings.top_k)


def reset_retrievers() -> None:
    """Forget cached retrievers (after the index changed underneath them)."""
    with _lock:
        _retrievers.clear()


def build_chain(retriever: HybridRetriever, settings: Settings) -> Runnable[dict[str, Any], Answer]:
    """The LangChain runnable: retrieve evidence for the query, then compose the cited answer."""

    def retrieve(inputs: dict[str, Any]) -> dict[str, Any]:
        return {**inputs, "evidence": retriever.search(inputs["query"])}

    def answer_from(inputs: dict[str, Any]) -> Answer:
        result = compose(
            inputs["query"],
            inputs["evidence"],
            retriever.store,
            idf=retriever.keyword.idf,
            known=retriever.keyword.knows,
            threshold=settings.abstain_threshold,
            model=load_model(),
            asked=inputs["question"],
        )
        return result.model_copy(update={"question": inputs["question"]})

    return RunnableLambda(retrieve) | RunnableLambda(answer_from)


def answer(
    question: str,
    *,
    history: Sequence[Turn] | None = None,
    retriever: HybridRetriever | None = None,
    settings: Settings | None = None,
) -> Answer:
    """Answer a question from the indexed articles, with numbered citations."""
    settings = settings or get_settings()
    if settings.llm != "extractive":
        stream = answer_stream(question, history=history, retriever=retriever, settings=settings)
        return final_answer(stream)
    text = clean_question(question, max_chars=settings.max_question_chars)
    resolved = resolve_followup(text, clean_history(history))
    rendered = english_cues(resolved or text) if load_model().rules.romanized else None
    if rendered:
        resolved = rendered
    retriever = retriever or get_retriever(settings)
    result = build_chain(retriever, settings).invoke({"question": text, "query": resolved or text})
    return result.model_copy(update={"resolved_question": resolved})


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
