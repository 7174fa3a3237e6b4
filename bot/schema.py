"""Typed results: what an answer and its sources look like to every caller."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Source(BaseModel):
    """One numbered source: the passage an answer cites, with the cited sentence."""

    n: int = Field(description="Citation number; [n] in the answer text points here.")
    doc_id: str = Field(description="File name of the article.")
    title: str
    published: str | None = Field(
        default=None, description="ISO date (YYYY-MM-DD, or --MM-DD when the year is not stated)."
    )
    language: str = Field(description="'en' or 'hi', from the article's script.")
    publisher: str | None = Field(
        default=None, description="Outlet and/or news agency, e.g. 'The Tribune (ANI)'."
    )
    url: str | None = Field(default=None, description="Address of the article's web page, when known.")
    author: str | None = Field(default=None, description="Byline, when the page names one.")
    snippet: str = Field(description="The cited sentence.")
    passage: str = Field(default="", description="The chunk that holds the cited sentence.")
    snippet_start: int = Field(default=0, description="Offset of the snippet inside passage.")
    snippet_end: int = Field(default=0, description="End offset of the snippet inside passage.")
    chunk_id: str = ""
    score: float = Field(default=0.0, description="Evidence score of the snippet (higher is better).")


class Answer(BaseModel):
    """An answer with its numbered sources; abstained answers carry closest matches instead."""

    question: str
    text: str
    sources: list[Source] = Field(default_factory=list)
    abstained: bool = False
    closest: list[Source] = Field(
        default_factory=list, description="Closest passages when the bot abstains (not citations)."
    )
    resolved_question: str | None = Field(
        default=None, description="The question as used for retrieval, when follow-up context changed it."
    )
    path: Literal["extractive", "llm", "llm-fallback"] = "extractive"
    notice: str | None = Field(default=None, description="A note for the user, e.g. why the LLM was skipped.")
    confidence: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="Calibrated probability that the quoted answer is right (None: no reader ran).",
    )
