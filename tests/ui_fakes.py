"""A small keyword bot over an articles folder, returning real Answer objects, for page tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import ArticleError, InvalidQuestionError
from bot.schema import Answer, Source
from index import clean_text, extract_meta, sentence_spans, tokenize


@dataclass
class FakeStats:
    """Same fields as index.IndexStats."""

    articles: int
    chunks: int
    languages: dict[str, int]
    embedder: str
    built_at: str | None


@dataclass
class _Passage:
    doc_id: str
    title: str
    published: str | None
    language: str
    publisher: str | None
    text: str


@dataclass
class KeywordBot:
    """Answers with the best keyword-overlap sentences of the articles in `folder`."""

    folder: Path
    max_chars: int = 2000
    passages: list[_Passage] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read every article in the folder again."""
        self.passages = []
        for path in sorted(self.folder.iterdir()):
            raw = path.read_text(encoding="utf-8")
            clean = clean_text(raw)
            meta = extract_meta(raw, clean)
            for para in (p.strip() for p in clean.split("\n\n")):
                if para:
                    self.passages.append(
                        _Passage(
                            path.name,
                            meta.title,
                            meta.published,
                            meta.language,
                            meta.publisher,
                            para,
                        )
                    )

    def _ranked(self, query: str) -> list[tuple[int, _Passage, tuple[int, int]]]:
        terms = set(tokenize(query))
        hits = []
        for p in self.passages:
            for start, end in sentence_spans(p.text):
                overlap = len(terms & set(tokenize(p.text[start:end])))
                hits.append((overlap, p, (start, end)))
        hits.sort(key=lambda h: -h[0])
        return hits

    def answer(self, question: str, *, history: list[tuple[str, str]] | None = None) -> Answer:
        """Answer from the top sentences; carry the last question's words into follow-ups."""
        q = question.strip()
        if not q:
            raise InvalidQuestionError("Type a question first.")
        if len(q) > self.max_chars:
            raise InvalidQuestionError(
                f"The question is {len(q):,} characters; keep it under {self.max_chars:,}."
            )
        resolved = f"{history[-1][0]} {q}" if history else None
        ranked = self._ranked(resolved or q)
        sources = [
            Source(
                n=i + 1,
                doc_id=p.doc_id,
                title=p.title,
                published=p.published,
                language=p.language,
                publisher=p.publisher,
                snippet=p.text[s:e],
                passage=p.text,
                snippet_start=s,
                snippet_end=e,
                score=float(score),
            )
            for i, (score, p, (s, e)) in enumerate(ranked[:2])
        ]
        if not ranked or ranked[0][0] < 2:
            return Answer(
                question=q,
                text="The indexed articles do not say.",
                abstained=True,
                closest=sources,
                resolved_question=resolved,
            )
        text = " ".join(f"{s.snippet} [{s.n}]" for s in sources)
        return Answer(question=q, text=text, sources=sources, resolved_question=resolved)

    def answer_stream(
        self, question: str, *, history: list[tuple[str, str]] | None = None
    ) -> Iterator[str | Answer]:
        """Stream the answer text word by word, then the Answer."""
        final = self.answer(question, history=history)
        for word in final.text.split(" "):
            yield word + " "
        yield final

    def add_files(self, paths: Sequence[Path]) -> list[str]:
        """Copy valid UTF-8 text articles into the folder; raise ArticleError on a bad one."""
        for path in paths:
            data = path.read_bytes()
            if b"\x00" in data:
                raise ArticleError(f"{path.name} is binary, not a text article.")
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{path.name} is not UTF-8 text; save it as UTF-8.") from exc
        for path in paths:
            shutil.copy(path, self.folder / path.name)
        self.reload()
        return [p.name for p in paths]

    def stats(self) -> FakeStats:
        """Counts of what the bot holds."""
        docs = {p.doc_id: p.language for p in self.passages}
        langs: dict[str, int] = {}
        for lang in docs.values():
            langs[lang] = langs.get(lang, 0) + 1
        return FakeStats(len(docs), len(self.passages), langs, "keyword (test)", "2026-11-23 12:00")
