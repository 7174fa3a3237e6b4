"""The canned question set: load seeds/qa.jsonl and refuse it whole on the first bad line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.errors import EvalSetError
from bot.settings import PROJECT_ROOT

DEFAULT_EVAL_SET = PROJECT_ROOT / "seeds" / "qa.jsonl"

QUESTION_TYPES = (
    "date",
    "number",
    "name",
    "place",
    "fact",
    "cross-lingual",
    "multi-doc",
    "paraphrase",
    "misspelled",
    "romanized",
    "unanswerable",
)


class QAItem(BaseModel):
    """One canned question with its accepted answers and gold source documents."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    lang: Literal["en", "hi"]
    type: str
    answers: list[str] = Field(
        description="Accepted aliases; empty when the articles lack the answer."
    )
    sources: list[str] = Field(description="Gold doc ids (article file names).")

    @property
    def answerable(self) -> bool:
        """True when the articles hold the answer."""
        return bool(self.answers)


def _article_ids(articles_dir: Path, eval_path: Path) -> set[str]:
    """File names in the articles folder, the doc ids a source may name."""
    if not articles_dir.is_dir():
        raise EvalSetError(
            f"Articles folder {articles_dir} does not exist; set NEWSBOT_ARTICLES_DIR to the folder "
            "the eval set's sources refer to."
        )
    return {
        p.name
        for p in articles_dir.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.resolve() != eval_path.resolve()
    }


def _check_item(item: QAItem, where: str, known: set[str]) -> None:
    """Raise EvalSetError when an item is self-contradictory or names an unknown article."""
    if item.type not in QUESTION_TYPES:
        raise EvalSetError(
            f"{where}: unknown type {item.type!r}; use one of {', '.join(QUESTION_TYPES)}."
        )
    if any(not a.strip() for a in item.answers):
        raise EvalSetError(f"{where}: an accepted answer is blank; remove it or fill it in.")
    if (item.type == "unanswerable") != (not item.answers):
        raise EvalSetError(
            f"{where}: type 'unanswerable' and an empty 'answers' list go together; "
            f"got type {item.type!r} with {len(item.answers)} answers."
        )
    if bool(item.answers) != bool(item.sources):
        raise EvalSetError(
            f"{where}: an answerable question needs gold 'sources' and an unanswerable one none."
        )
    unknown = [s for s in item.sources if s not in known]
    if unknown:
        raise EvalSetError(
            f"{where}: unknown doc id {unknown[0]!r} in sources; doc ids are file names in the "
            f"articles folder ({', '.join(sorted(known)) or 'none there'})."
        )


def _parse_line(text: str, where: str) -> QAItem:
    """Parse one JSON line into a QAItem, naming the line and field on failure."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EvalSetError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}).") from exc
    if not isinstance(raw, dict):
        raise EvalSetError(f"{where}: expected a JSON object, got {type(raw).__name__}.")
    missing = [f for f in QAItem.model_fields if f not in raw]
    if missing:
        raise EvalSetError(f"{where}: missing field {', '.join(repr(m) for m in missing)}.")
    try:
        return QAItem.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "line"
        raise EvalSetError(f"{where}: field {field!r}: {first['msg']}.") from exc


def load_eval_set(path: Path, *, articles_dir: Path) -> list[QAItem]:
    """Load and validate the canned set; any bad line raises EvalSetError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise EvalSetError(f"Eval set {path} not found; pass --set PATH to a .jsonl file.") from exc
    except UnicodeDecodeError as exc:
        raise EvalSetError(f"Eval set {path} is not UTF-8 text; re-save it as UTF-8.") from exc
    known = _article_ids(articles_dir, path)
    items: list[QAItem] = []
    seen: dict[str, int] = {}
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        where = f"{path.name} line {number}"
        item = _parse_line(text, where)
        _check_item(item, where, known)
        if item.id in seen:
            raise EvalSetError(
                f"{where}: duplicate id {item.id!r} (first on line {seen[item.id]})."
            )
        seen[item.id] = number
        items.append(item)
    if not items:
        raise EvalSetError(f"Eval set {path} is empty; add one JSON object per line.")
    return items
