"""Generated answers: numbered passages in, streamed reply out, every citation checked."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel

from bot.errors import LLMUnavailableError
from bot.generation.llm import complete, stream_reply
from bot.generation.prompts import PromptSource, answer_messages, rewrite_messages
from bot.generation.verification import CheckedAnswer, Evidence, check_answer
from bot.schema import Answer, Source
from bot.settings import Settings
from index.text import normalize, script_of, strip_instructions

__all__ = ["generate_answer", "rewrite_question", "stream_generated_answer"]

_LABEL_PREFIXES = ("standalone question:", "question:", "rewritten question:")


def _meta(doc: Document, key: str) -> str | None:
    value = doc.metadata.get(key)
    return None if value is None or value == "" else str(value)


def _prompt_sources(documents: Sequence[Document]) -> list[PromptSource]:
    return [
        PromptSource(
            n=i,
            title=_meta(doc, "title") or _meta(doc, "doc_id") or f"Source {i}",
            published=_meta(doc, "published"),
            # The model never sees text in an article that is addressed to it.
            text=strip_instructions(doc.page_content),
        )
        for i, doc in enumerate(documents, start=1)
    ]


def _source(n: int, doc: Document, evidence: Evidence) -> Source:
    passage = doc.page_content
    score = doc.metadata.get("score")
    return Source(
        n=n,
        doc_id=_meta(doc, "doc_id") or "",
        title=_meta(doc, "title") or _meta(doc, "doc_id") or "",
        published=_meta(doc, "published"),
        language=_meta(doc, "language") or script_of(passage) or "en",
        publisher=_meta(doc, "publisher"),
        url=_meta(doc, "url"),
        author=_meta(doc, "author"),
        snippet=passage[evidence.start : evidence.end],
        passage=passage,
        snippet_start=evidence.start,
        snippet_end=evidence.end,
        chunk_id=_meta(doc, "chunk_id") or "",
        score=float(score) if isinstance(score, int | float) else evidence.similarity,
    )


def _fallback(fallback: Answer, notice: str, resolved: str | None) -> Answer:
    update: dict[str, object] = {"path": "llm-fallback", "notice": notice}
    if resolved is not None:
        update["resolved_question"] = resolved
    return fallback.model_copy(update=update)


def _rejection_notice(checked: CheckedAnswer) -> str:
    if checked.says_no_answer:
        return "The LLM found no answer in the sources; showing the extractive answer instead."
    return "The LLM's answer cited no source that supports it; showing the extractive answer instead."


def stream_generated_answer(
    question: str,
    documents: Sequence[Document],
    *,
    llm: BaseChatModel,
    embeddings: Embeddings,
    fallback: Answer,
    settings: Settings,
    resolved_question: str | None = None,
) -> Iterator[str | Answer]:
    """Yield the LLM's text as it arrives, then one checked Answer whose text replaces the draft.

    `question` is what retrieval used; `fallback` is the extractive answer for the same passages,
    returned (path "llm-fallback") when the LLM fails or cites nothing that supports its sentences.
    """
    if fallback.abstained or not documents:
        # No evidence worth quoting: the LLM would only guess, so the abstention stands.
        yield fallback
        return
    shown = list(documents[: settings.llm_sources])
    language = script_of(question)
    messages = answer_messages(
        question, _prompt_sources(shown), language=language if language == "hi" else "en"
    )
    name = settings.llm_model if settings.llm == "openai" else "llama.cpp"
    pieces: list[str] = []
    try:
        for piece in stream_reply(llm, messages, timeout=settings.llm_timeout, name=name):
            pieces.append(piece)
            yield piece
    except LLMUnavailableError as exc:
        yield _fallback(fallback, f"{exc} Showing the extractive answer.", resolved_question)
        return
    passages = {i: doc.page_content for i, doc in enumerate(shown, start=1)}
    checked = check_answer("".join(pieces), passages, embeddings=embeddings)
    if not checked.valid:
        yield _fallback(fallback, _rejection_notice(checked), resolved_question)
        return
    sources = [
        _source(new, shown[old - 1], checked.evidence[old]) for new, old in enumerate(checked.cited, start=1)
    ]
    notice = None
    if checked.dropped:
        notice = (
            f"Removed {len(checked.dropped)} sentence(s) of the generated answer that the cited "
            "sources do not support."
        )
    yield Answer(
        question=fallback.question,
        text=checked.text,
        sources=sources,
        resolved_question=resolved_question,
        path="llm",
        notice=notice,
    )


def generate_answer(
    question: str,
    documents: Sequence[Document],
    *,
    llm: BaseChatModel,
    embeddings: Embeddings,
    fallback: Answer,
    settings: Settings,
    resolved_question: str | None = None,
) -> Answer:
    """The checked Answer of stream_generated_answer, without the streamed pieces."""
    final: Answer | None = None
    for item in stream_generated_answer(
        question,
        documents,
        llm=llm,
        embeddings=embeddings,
        fallback=fallback,
        settings=settings,
        resolved_question=resolved_question,
    ):
        if isinstance(item, Answer):
            final = item
    assert final is not None, "stream_generated_answer always ends with an Answer"
    return final


def _first_line(reply: str) -> str:
    for line in reply.splitlines():
        line = line.strip().strip("\"'`").strip()
        for prefix in _LABEL_PREFIXES:
            if line.casefold().startswith(prefix):
                line = line[len(prefix) :].strip()
        if line:
            return line
    return ""


def rewrite_question(
    question: str,
    history: Sequence[tuple[str, str]] | None,
    *,
    llm: BaseChatModel,
    settings: Settings,
) -> str:
    """A standalone version of a follow-up question (unchanged without history or on failure)."""
    if not history:
        return question
    try:
        reply = complete(llm, rewrite_messages(question, history[-3:]), timeout=settings.llm_timeout)
    except LLMUnavailableError:
        return question
    rewritten = normalize(_first_line(reply))
    # A rewrite in another script, or one that rambles into an answer, is worse than none.
    if not rewritten or len(rewritten) > 2 * len(question) + 200:
        return question
    if script_of(rewritten) != script_of(question):
        return question
    return rewritten
