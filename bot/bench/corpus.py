"""Synthetic news corpora: the seeds' sentences recombined, with names and numbers varied."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from index.loading import clean_text
from index.text import fold, script_of, split_sentences

# Names in the seeds that articles vary, in both scripts (Latin, Devanagari).
PEOPLE = [
    ("Putin", "पुतिन"),
    ("Modi", "मोदी"),
    ("Jaishankar", "जयशंकर"),
    ("Lavrov", "लावरोव"),
    ("Singh", "सिंह"),
    ("Jaiswal", "जायसवाल"),
    ("Peskov", "पेसकोव"),
    ("Patrushev", "पात्रुशेव"),
    ("Manturov", "मंटुरोव"),
    ("Murmu", "मुरमू"),
]
PLACES = [
    ("Moscow", "मास्को"),
    ("Tianjin", "तियानजिन"),
    ("Vladivostok", "व्लादिवोस्टोक"),
    ("New Delhi", "नई दिल्ली"),
]
# Syllables in both scripts, so a made-up name is spelled consistently in English and Hindi.
_SYLLABLES = [
    ("ka", "का"),
    ("ra", "रा"),
    ("mi", "मि"),
    ("no", "नो"),
    ("ve", "वे"),
    ("shan", "शान"),
    ("dev", "देव"),
    ("lo", "लो"),
    ("ta", "ता"),
    ("su", "सु"),
    ("ni", "नि"),
    ("pa", "पा"),
    ("gu", "गु"),
    ("ro", "रो"),
    ("vi", "वि"),
    ("han", "हन"),
    ("mal", "मल"),
    ("sen", "सेन"),
    ("jo", "जो"),
    ("ban", "बन"),
]
_PLACE_SUFFIX = ("pur", "पुर")
_NUMBER_RE = re.compile(r"\d+")
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class SeedSentence:
    """One cleaned sentence of a seed article."""

    text: str
    language: str
    doc: int


@dataclass(frozen=True)
class SyntheticArticle:
    """A generated article: file name and full text."""

    name: str
    text: str
    language: str


@dataclass
class CorpusGenerator:
    """Recombine seed sentences into new articles; made-up names map back to the seed names."""

    sentences: list[SeedSentence]
    seed: int = 0
    replace_share: float = 0.7
    sentences_per_article: tuple[int, int] = (8, 20)
    aliases: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._names = _made_up_names()
        for k, (latin, deva) in enumerate(self._names):
            # Every made-up name stands for some seed name, for the stub embedder's vectors.
            person, place = PEOPLE[k % len(PEOPLE)], PLACES[k % len(PLACES)]
            self.aliases[fold(latin)] = fold(person[0])
            self.aliases[fold(deva)] = fold(person[1])
            self.aliases[fold(latin + _PLACE_SUFFIX[0])] = fold(place[0].split()[-1])
            self.aliases[fold(deva + _PLACE_SUFFIX[1])] = fold(place[1].split()[-1])
        self._by_lang = {lang: [s for s in self.sentences if s.language == lang] for lang in ("en", "hi")}

    def made_up_names(self) -> list[tuple[str, str]]:
        """The made-up names articles use, in Latin and Devanagari."""
        return list(self._names)

    def article(self, i: int) -> SyntheticArticle:
        """Article number i (deterministic for a given seed and i)."""
        rng = random.Random(self.seed * 1_000_003 + i)
        language = "hi" if rng.random() < 0.4 else "en"
        pool = self._by_lang[language]
        swaps = self._swaps(rng, language)
        count = rng.randint(*self.sentences_per_article)
        # Runs of neighbouring seed sentences read more like an article than single picks.
        picked: list[str] = []
        while len(picked) < count:
            start = rng.randrange(len(pool))
            run = rng.randint(2, 5)
            picked.extend(s.text for s in pool[start : start + run])
        body = [self._vary(s, swaps, rng) for s in picked[:count]]
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2026)
        place = self._vary(PLACES[rng.randrange(len(PLACES))][0], swaps, rng)
        header = f"date {year}-{month:02d}-{day:02d} {place}"
        title = self._vary(_title_of(body[0]), swaps, rng)
        paragraphs = [" ".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        text = "\n\n".join([header, title, *paragraphs]) + "\n"
        return SyntheticArticle(name=f"syn_{i:07d}.txt", text=text, language=language)

    def articles(self, count: int, start: int = 0) -> Iterator[SyntheticArticle]:
        """Articles start .. start+count-1."""
        for i in range(start, start + count):
            yield self.article(i)

    def write(self, folder: Path, count: int, start: int = 0) -> list[Path]:
        """Write count articles into folder (created if needed) and return their paths."""
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for art in self.articles(count, start):
            path = folder / art.name
            path.write_text(art.text, encoding="utf-8")
            paths.append(path)
        return paths

    def _swaps(self, rng: random.Random, language: str) -> dict[str, str]:
        """This article's replacements: seed name -> made-up name, in the article's script."""
        col = 0 if language == "en" else 1
        swaps: dict[str, str] = {}
        for pair in PEOPLE:
            if rng.random() < self.replace_share:
                name = self._names[rng.randrange(len(self._names))]
                swaps[pair[0]] = name[0]
                swaps[pair[1]] = name[col]
        for pair in PLACES:
            if rng.random() < self.replace_share:
                name = self._names[rng.randrange(len(self._names))]
                place = (name[0] + _PLACE_SUFFIX[0], name[1] + _PLACE_SUFFIX[1])
                swaps[pair[0]] = place[0]
                swaps[pair[1]] = place[col]
        return swaps

    def _vary(self, sentence: str, swaps: dict[str, str], rng: random.Random) -> str:
        """Apply the article's name swaps and change the numbers."""
        for old, new in swaps.items():
            sentence = sentence.replace(old, new)
        return _NUMBER_RE.sub(lambda m: _other_number(m.group(0), rng), sentence)


def _other_number(digits: str, rng: random.Random) -> str:
    """A number of the same length (years stay plausible years)."""
    if len(digits) == 4 and digits.startswith(("19", "20")):
        return str(rng.randint(1990, 2026))
    if len(digits) <= 2:
        return str(rng.randint(1, 28))
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def _title_of(sentence: str) -> str:
    """A headline from a sentence: its first words, without the final stop."""
    words = sentence.rstrip(".।\"' ").split()
    return " ".join(words[:12])


def _made_up_names() -> list[tuple[str, str]]:
    """Every two- and three-syllable name, in Latin and Devanagari."""
    names = []
    for a in _SYLLABLES:
        for b in _SYLLABLES:
            names.append(((a[0] + b[0]).capitalize(), a[1] + b[1]))
            for c in _SYLLABLES[::3]:
                names.append(((a[0] + b[0] + c[0]).capitalize(), a[1] + b[1] + c[1]))
    return names


def load_seed_sentences(folder: Path) -> list[SeedSentence]:
    """The cleaned sentences of every seed article, with their script."""
    out: list[SeedSentence] = []
    for doc, path in enumerate(sorted(folder.glob("*.txt"))):
        text = clean_text(path.read_text(encoding="utf-8"))
        language = "hi" if script_of(text) == "hi" else "en"
        out.extend(SeedSentence(text=s, language=language, doc=doc) for s in split_sentences(text))
    return out
