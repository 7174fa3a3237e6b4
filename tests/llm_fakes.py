"""Test doubles for the LLM path: a word-count embedder and seed-like documents."""

from __future__ import annotations

import hashlib
import math

from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings

from bot.schema import Answer, Source
from index.text import tokenize

PUTIN_EN = (
    "The Ministry of External Affairs said that preparations are underway for the annual "
    "India-Russia summit. Russian President Vladimir Putin is scheduled to arrive in India in "
    "December. Spokesperson Randhir Jaiswal said the dates will be announced soon."
)
JAISHANKAR_HI = (
    "विदेश मंत्री एस जयशंकर रूस पहुंचे हुए हैं। उन्होंने मास्को में रूसी राष्ट्रपति व्लादिमीर पुतिन से "
    "मुलाकात की। जयशंकर ने पुतिन को वार्षिक भारत-रूस शिखर सम्मेलन की तैयारियों से अवगत कराया।"
)
FLOOD_EN = (
    "Heavy rain flooded 14 villages in Assam on Monday. The state government opened 32 relief "
    "camps for displaced families."
)


class WordEmbeddings(Embeddings):
    """Hashed bag of words: texts sharing words are similar, as with a real embedder."""

    dim = 512

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        for token in tokenize(text):
            vec[int(hashlib.md5(token.encode()).hexdigest(), 16) % self.dim] += 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """One vector per text."""
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        """The vector of one text."""
        return self._vector(text)


def doc(text: str, doc_id: str, title: str, language: str = "en") -> Document:
    """A retrieved passage with the metadata the retriever attaches."""
    return Document(
        page_content=text,
        metadata={
            "doc_id": doc_id, "title": title, "published": "2025-11-26", "language": language,
            "publisher": "ANI", "chunk_id": f"{doc_id}#0", "score": 0.9,
        },
    )


def documents() -> list[Document]:
    """Three passages: English summit news, Hindi Moscow meeting, English floods."""
    return [
        doc(PUTIN_EN, "000.txt", "Putin to visit India"),
        doc(JAISHANKAR_HI, "002.txt", "जयशंकर मास्को में", language="hi"),
        doc(FLOOD_EN, "009.txt", "Assam floods"),
    ]


def extractive(question: str, *, abstained: bool = False) -> Answer:
    """The extractive answer the generated one falls back to."""
    if abstained:
        return Answer(question=question, text="No answer in the articles.", abstained=True)
    source = Source(
        n=1, doc_id="000.txt", title="Putin to visit India", language="en",
        snippet="Russian President Vladimir Putin is scheduled to arrive in India in December.",
        passage=PUTIN_EN,
    )
    return Answer(question=question, text=f"{source.snippet} [1]", sources=[source])
