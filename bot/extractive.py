"""Answer without an LLM: pick the one to three sentences that best answer, cite them as [n]."""

from __future__ import annotations

from collections.abc import Callable

from bot.citations import format_marker
from bot.focus import focus_word, is_type_noun
from bot.matching import in_corpus, question_terms, unseen_share
from bot.prompts import abstain_text
from bot.reader import Candidate, candidates, sentence_tokens
from bot.retrieval import Evidence, jaccard
from bot.schema import Answer, Source
from index.store import Store
from index.text import script_of, words

# Confidence falls with the share of the question's words that no article has in any form: a
# sentence can match "final" in "Who won the cricket world cup final?" and still answer nothing.
W_UNSEEN = 0.5
MAX_SENTENCES = 3
EXTRA_RATIO = 0.85
_QUESTION_WORDS = frozenset(
    "when who whom whose what which where why how did does do is are was were will can has have the".split()
)


def named_terms(question: str) -> list[str]:
    """Capitalised words inside an English question: names the answer must mention."""
    found = []
    for i, word in enumerate(words(question)):
        # A lone letter is an initial ("S Jaishankar"), not a name to look for.
        if i == 0 or len(word) < 2 or not word[:1].isupper() or word.casefold() in _QUESTION_WORDS:
            continue
        found.append(word.casefold())
    return found


def _select(ranked: list[Candidate]) -> list[Candidate]:
    """The best sentence plus up to two close runners-up that add something new."""
    chosen = [ranked[0]]
    for cand in ranked[1:]:
        if len(chosen) >= MAX_SENTENCES or cand.score < EXTRA_RATIO * ranked[0].score:
            break
        tokens = sentence_tokens(cand.text)
        if any(jaccard(tokens, sentence_tokens(c.text)) >= 0.5 for c in chosen):
            continue
        chosen.append(cand)
    return chosen


def to_source(n: int, cand: Candidate) -> Source:
    """A numbered Source for a chosen sentence."""
    meta = cand.chunk.metadata
    return Source(
        n=n,
        doc_id=str(meta.get("doc_id", "")),
        title=str(meta.get("title", "")),
        published=str(meta.get("published") or "") or None,
        language=str(meta.get("language", "")),
        publisher=str(meta.get("publisher") or "") or None,
        snippet=cand.text,
        passage=cand.chunk.page_content,
        snippet_start=cand.span[0],
        snippet_end=cand.span[1],
        chunk_id=str(cand.chunk.id or ""),
        score=round(cand.score, 4),
    )


def missing_names(question: str, known: Callable[[str], bool]) -> list[str]:
    """Names in the question that no indexed article mentions, in either script."""
    missing = []
    for name in named_terms(question):
        if not in_corpus(name, known):
            missing.append(name)
    return missing


def unseen_focus(questions: list[str], known: Callable[[str], bool]) -> str | None:
    """The question's focus noun when no article has it in any form ("Who is Russia's ambassador?")."""
    for text in questions:
        focus = focus_word(text)
        if focus and not is_type_noun(focus) and not in_corpus(focus, known):
            return focus
    return None


def compose(
    question: str,
    evidence: Evidence,
    store: Store,
    *,
    idf: Callable[[str], float],
    known: Callable[[str], bool],
    threshold: float,
) -> Answer:
    """The extractive answer: cited sentences, or an abstention with the closest matches."""
    language = "hi" if script_of(question) == "hi" else "en"
    ranked = candidates(evidence, store, idf, known) if evidence.hits else []
    unseen = unseen_share(question_terms(evidence.query, idf, known))
    weak = (
        not ranked
        or ranked[0].score - W_UNSEEN * unseen < threshold
        or bool(missing_names(question, known))
        or unseen_focus([question, evidence.query], known) is not None
    )
    if weak:
        closest = [to_source(i, c) for i, c in enumerate(ranked[:3], 1)]
        return Answer(question=question, text=abstain_text(language), abstained=True, closest=closest)
    chosen = _select(ranked)
    sources = [to_source(i, c) for i, c in enumerate(chosen, 1)]
    text = " ".join(f"{c.text} {format_marker(s.n)}" for c, s in zip(chosen, sources, strict=True))
    return Answer(question=question, text=text, sources=sources)
