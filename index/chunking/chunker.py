"""Sentence-aware chunking with character offsets and stable, content-derived ids."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from index.loading import Article
from index.text import sentence_spans

MAX_SENTENCES = 4
MAX_CHARS = 700
OVERLAP_SENTENCES = 1


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, with its offsets in the article text."""

    id: str
    doc_id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    """A few consecutive sentences of one article; offsets point into the article text."""

    id: str
    doc_id: str
    index: int
    text: str
    start: int
    end: int
    sentences: tuple[Sentence, ...]


def content_id(*parts: str) -> str:
    """A stable id from content: the same text in the same article always gets the same id."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def split_article(article: Article) -> list[Sentence]:
    """The article's sentences with stable ids (repeated sentences get an occurrence suffix)."""
    seen: dict[str, int] = {}
    sentences = []
    for start, end in sentence_spans(article.text):
        text = article.text[start:end]
        occurrence = seen.get(text, 0)
        seen[text] = occurrence + 1
        sid = content_id(article.doc_id, text, str(occurrence))
        sentences.append(Sentence(id=sid, doc_id=article.doc_id, text=text, start=start, end=end))
    return sentences


def _windows(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Group sentences into windows of a few sentences, each sharing one with the previous."""
    windows: list[list[Sentence]] = []
    i = 0
    while i < len(sentences):
        window = [sentences[i]]
        j = i + 1
        while (
            j < len(sentences)
            and len(window) < MAX_SENTENCES
            and sentences[j].end - window[0].start <= MAX_CHARS
        ):
            window.append(sentences[j])
            j += 1
        windows.append(window)
        if j >= len(sentences):
            break
        i = max(j - OVERLAP_SENTENCES, i + 1)
    return windows


def chunk_article(article: Article) -> list[Chunk]:
    """Split an article into overlapping sentence windows with stable ids."""
    chunks = []
    seen: dict[str, int] = {}
    for index, window in enumerate(_windows(split_article(article))):
        start, end = window[0].start, window[-1].end
        text = article.text[start:end]
        occurrence = seen.get(text, 0)
        seen[text] = occurrence + 1
        chunks.append(
            Chunk(
                id=content_id(article.doc_id, text, str(occurrence)),
                doc_id=article.doc_id,
                index=index,
                text=text,
                start=start,
                end=end,
                sentences=tuple(window),
            )
        )
    return chunks
