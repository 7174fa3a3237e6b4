"""Fakes shared by the eval tests: a canned-answer bot returning real Answer objects."""

from __future__ import annotations

from bot.errors import InvalidQuestionError
from bot.evaluate.dataset import QAItem
from bot.schema import Answer, Source
from bot.settings import Settings

A, B = "000_08c572ea12177823.txt", "002_06019d068f654b61.txt"


def src(n: int, doc_id: str) -> Source:
    return Source(n=n, doc_id=doc_id, title=doc_id, language="en", snippet="...")


def item(
    id: str, answers: list[str], sources: list[str], type: str = "name", lang: str = "en"
) -> QAItem:
    return QAItem(
        id=id, question=f"question {id}?", lang=lang, type=type, answers=answers, sources=sources
    )


ITEMS = [
    item("right", ["Lavrov", "लावरोव"], [B]),
    item("hi-right", ["लावरोव"], [B], type="cross-lingual", lang="hi"),
    item("wrong", ["Jaiswal"], [A]),
    item("refused", ["Jaiswal"], [A]),
    item("unans", [], [], type="unanswerable"),
    item("unans-answered", [], [], type="unanswerable"),
    item("raises", ["x"], [A]),
    item("badcite", ["Peskov"], [A]),
]


class FakeBot:
    """Stands in for bot.answer: canned Answers per question id, records what it was given."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Settings | None]] = []

    def __call__(self, question: str, *, settings: Settings | None = None) -> Answer:
        self.calls.append((question, settings))
        key = question.removeprefix("question ").removesuffix("?")
        if key == "hi-right":
            return Answer(question=question, text="लावरोव [1]", sources=[src(1, B)])
        if key == "right":
            return Answer(
                question=question,
                text="जयशंकर ने लावरोव से मुलाकात की [2].",
                sources=[src(1, A), src(2, B)],
            )
        if key in ("wrong", "unans-answered"):
            return Answer(question=question, text="Putin will visit [1].", sources=[src(1, A)])
        if key in ("refused", "unans"):
            return Answer(
                question=question,
                text="The articles do not say.",
                abstained=True,
                closest=[src(1, A)],
            )
        if key == "raises":
            raise InvalidQuestionError("Question too long; shorten it.")
        return Answer(question=question, text="Peskov said so [3].", sources=[src(1, A)])
