"""Question sets derived from xquad-dev and the dev sets, so the reader meets what news looks like.

In: xquad-dev (its articles, questions and XQuAD's raw files in both languages) and the dev sets.
Out: article folders and question files under the training work folder: xquad-dev mirrored into
its other language, split across languages, and with answers withheld (a paragraph, the sentences
that hold some questions' answers, or every sentence naming what some questions ask for), each a
`TrainSet`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.errors import NewsbotError
from bot.evaluate.metrics import alias_match
from bot.reader.focus import focus_word, is_type_noun
from bot.reader.matching import term_keys, text_keys
from bot.settings import PROJECT_ROOT
from bot.train.trainsets import NEWS_DEV, XQUAD, TrainSet
from index.text import split_sentences


def default_sets(work: Path) -> list[TrainSet]:
    """xquad-dev as given, mirrored, withheld and split across languages; the seeds' dev set; news-dev.

    xquad-dev and news-dev with answer sentences or focus words withheld are only scored: trained
    on, they did not make the reader refuse better at the same false-refusal rate (bot/evaluate/QA.md).
    """
    given = TrainSet("xquad", XQUAD / "articles", XQUAD / "qa.jsonl", "xq")
    mirrored = mirror_xquad(work / "xquad-mirror")
    sets = [
        given,
        mirrored,
        withhold_xquad(given, work / "xquad-withheld", shift=0),
        withhold_xquad(mirrored, work / "xquad-mirror-withheld", shift=2),
        split_xquad(work / "xquad-split"),
        withhold_sentences(given, work),
        withhold_focus(given, work),
        TrainSet("seeds-dev", PROJECT_ROOT / "seeds", PROJECT_ROOT / "tests" / "data" / "dev.jsonl", "seeds"),
    ]
    if (NEWS_DEV / "qa.jsonl").exists():
        news = TrainSet("news-dev", NEWS_DEV / "articles", NEWS_DEV / "qa.jsonl", "news")
        sets += [news, withhold_sentences(news, work), withhold_focus(news, work)]
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
    questions = _relabel(
        source,
        out,
        " ".join(kept_text),
        lambda item, doc: paragraph_of.get(item["question"]) == withheld.get(doc),
        keep_article=False,
    )
    return TrainSet(f"{source.name}-withheld", articles, questions, "xq")


def withhold_sentences(source: TrainSet, work: Path) -> TrainSet:
    """`source` with up to a fifth of each article's sentences taken out, each one answering a question.

    The rest of the paragraph stays, so the article still talks about what was asked, often in the
    very next sentence: news lacks a detail this way ("who led the delegation" of a report that
    describes the delegation). A question whose answer sentence is gone becomes unanswerable if the
    answer is nowhere left in the corpus, and is left out if it still is (neither kind). It keeps
    its article as `article`, so cross-validation keeps it in that article's group. The set is
    only scored (`trains` is False).
    """
    by_article: dict[str, list[list[str]]] = {}
    for item in _items(source):
        if item["answers"] and item["sources"]:
            by_article.setdefault(item["sources"][0], []).append(item["answers"])
    gone = {
        doc: _answer_sentences([s for p in paragraphs for s in p], by_article.get(doc, []))
        for doc, paragraphs in _sentences(source).items()
    }
    name = f"{source.name}-sentences-withheld"
    return _take_out(source, name, work, lambda doc, sentence: sentence in gone[doc])


def withhold_focus(source: TrainSet, work: Path) -> TrainSet:
    """`source` with every sentence naming some questions' focus word taken out of its article.

    The word ("ambassador" in "Who is the ambassador?") is chosen only where no other article has
    it, so afterwards no article names it at all: the article is on the question's topic but never
    mentions what is asked, the way news lacks a detail nobody reported. A question whose answer is
    then nowhere in the corpus becomes unanswerable (keeping its article as `article`); one whose
    answer is still there stays answerable. Up to a fifth of an article's sentences are taken out.
    The set is only scored.
    """
    keys = {doc: [text_keys(s) for p in ps for s in p] for doc, ps in _sentences(source).items()}
    gone: dict[str, set[frozenset[str]]] = {doc: set() for doc in keys}
    for item in _items(source):
        doc = item["sources"][0] if item["answers"] and item["sources"] else None
        focus = focus_word(item["question"]) if doc in keys else None
        if doc is None or focus is None or is_type_noun(focus):
            continue
        forms = term_keys(focus)
        holding = {k for k in keys[doc] if forms & k}
        elsewhere = any(forms & k for other, ks in keys.items() if other != doc for k in ks)
        budget = max(1, len(keys[doc]) // _WITHHELD_SHARE)
        if holding and not elsewhere and len(gone[doc] | holding) <= budget:
            gone[doc] |= holding
    return _take_out(
        source, f"{source.name}-focus-withheld", work, lambda doc, sentence: text_keys(sentence) in gone[doc]
    )


def _take_out(source: TrainSet, name: str, work: Path, drop: Callable[[str, str], bool]) -> TrainSet:
    """`source` with the sentences `drop(article, sentence)` picks taken out of each article, relabelled."""
    out = work / name
    articles = out / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    texts: dict[str, str] = {}
    withheld: dict[str, list[str]] = {}
    for doc, paragraphs in _sentences(source).items():
        withheld[doc] = [s for p in paragraphs for s in p if drop(doc, s)]
        kept = [" ".join(s for s in p if not drop(doc, s)) for p in paragraphs]
        texts[doc] = "\n\n".join(p for p in kept if p) + "\n"
        _write_if_changed(articles / doc, texts[doc])
    questions = _relabel(
        source,
        out,
        " ".join(texts.values()),
        lambda item, doc: any(alias_match(s, item["answers"]) for s in withheld.get(doc, ())),
        keep_article=True,
    )
    return TrainSet(name, articles, questions, source.tag, trains=False)


def _items(source: TrainSet) -> list[dict[str, Any]]:
    return [json.loads(x) for x in source.questions.read_text("utf-8").splitlines() if x.strip()]


def _sentences(source: TrainSet) -> dict[str, list[list[str]]]:
    """Each article of `source`: its paragraphs, each a list of sentences."""
    return {
        path.name: [split_sentences(p) for p in path.read_text("utf-8").strip().split("\n\n")]
        for path in sorted(source.articles.glob("*.txt"))
    }


def _relabel(
    source: TrainSet,
    out: Path,
    corpus: str,
    lost: Callable[[dict[str, Any], str], bool],
    *,
    keep_article: bool,
) -> Path:
    """`source`'s questions, written to `out`: those whose answer `lost` says was withheld from their
    article become unanswerable, or are left out when the answer is still in `corpus` (neither kind).
    `keep_article` records the article, so cross-validation keeps the question in its group."""
    lines = []
    for line in source.questions.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        doc = item["sources"][0] if item["sources"] else None
        if doc is not None and lost(item, doc):
            if alias_match(corpus, item["answers"]):
                continue
            item.update(type="unanswerable", answers=[], sources=[])
            if keep_article:
                item["article"] = doc
        lines.append(json.dumps(item, ensure_ascii=False))
    _write_if_changed(out / "qa.jsonl", "\n".join(lines) + "\n")
    return out / "qa.jsonl"


# The share of an article's sentences withheld: enough unanswerable questions, most of the article left.
_WITHHELD_SHARE = 5


def _answer_sentences(sentences: list[str], answers: list[list[str]]) -> set[str]:
    """Up to a fifth of `sentences`, each the only one holding some question's answer, spread over them."""
    budget = max(1, len(sentences) // _WITHHELD_SHARE)
    stride = max(1, len(answers) // budget)
    out: set[str] = set()
    for aliases in answers[::stride]:
        holding = [s for s in sentences if alias_match(s, aliases)]
        if len(holding) == 1 and len(out) < budget:
            out.add(holding[0])
    return out


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

