"""The named HTTP endpoint /ask: the answer and its sources as plain JSON data."""

from __future__ import annotations

from typing import Any, Literal

import gradio as gr
from pydantic import BaseModel, Field

from bot.errors import NewsbotError
from bot.question import clean_history
from bot.schema import Answer, Source
from bot.ui.chat import AnswerFn, History


class AskResult(BaseModel):
    """What /ask returns; the Answer's fields, with `path` renamed (gradio_client reads a "path"
    key as a file to download)."""

    question: str
    text: str
    sources: list[Source]
    abstained: bool
    closest: list[Source]
    resolved_question: str | None
    answered_by: Literal["extractive", "llm", "llm-fallback"] = Field(
        description="Which path composed the answer."
    )
    notice: str | None
    confidence: float | None = Field(
        default=None, description="Calibrated probability that the quoted answer is right."
    )

    @classmethod
    def of(cls, answer: Answer) -> AskResult:
        """Build the endpoint's result from an Answer."""
        fields = answer.model_dump(exclude={"path"})
        return cls(**fields, answered_by=answer.path)


def ask_data(question: str, history: list[list[str]] | None, *, answer_fn: AnswerFn) -> dict[str, Any]:
    """Answer over HTTP as JSON data; a NewsbotError becomes a gr.Error with its how-to-fix text."""
    try:
        turns: History = clean_history(history)
        return AskResult.of(answer_fn(question, history=turns)).model_dump(mode="json")
    except NewsbotError as exc:
        raise gr.Error(str(exc), print_exception=False) from exc
