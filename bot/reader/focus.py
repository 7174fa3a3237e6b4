"""The focus of a question: the noun naming what is asked for ("ambassador" in "Who is the ambassador?")."""

from __future__ import annotations

import re

from index.text import STOPWORDS, fold

_EN_FOCUS = re.compile(
    r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?([\w-]+)'s\s|"  # "which naval vessel's induction": the vessel
    r"\b(?:which|what|whose)\s+(?:[\w'-]+\s+){0,2}?([\w-]+?)(?:'s)?\s+(?:did|does|do|is|are|was|were|will|has|"
    r"have|of|in|on|at|for|to|that|who)\b|"
    r"\bwho (?:is|was|are|were) (?:the )?(?:[\w-]+'s )?([\w-]+)|"
    r"\bhow (?:many|much) ([\w-]+)",
    re.IGNORECASE,
)
# "X के राजदूत कौन", "X की उम्र कितनी", "कितने समझौतों", romanized "ki umar kitni", "kitna vyapar".
_HI_OWNED = re.compile(
    r"(?:की|के|का|ki|ke|ka) ([\w\u0900-\u097F]+) (?:कौन|कितन[ीाे]|क्या|kaun|kitn[iae]|kya)", re.IGNORECASE
)
_HI_COUNTED = re.compile(r"(?:कितन[ीाे]|किन|kitn[iae]|kin) ([\w\u0900-\u097F]+)", re.IGNORECASE)
# Nouns that name a kind of answer rather than a fact to find: "which city" is answered by "Tianjin",
# which never says "city". An unseen focus of this kind is no sign that the answer is missing.
TYPE_NOUNS = frozenset(
    """city cities town country countries place site venue building monument state region day days date dates
    year years month months time times session sessions number amount person people name one kind type sort
    title level occasion occasions form way ship ships vessel vessels warship warships aircraft
    agency agencies organisation organization company companies party parties newspaper programme
    program project platform team
    शहर देश जगह स्थान स्मारक राज्य दिन तारीख साल वर्ष महीने समय बार लोग अवसर अवसरों तरह प्रकार नाम
    shahar shehar desh jagah din tareekh tarikh saal varsh mahine mahina samay baar log""".split()
)


# Postpositions and particles that can sit where a focus noun would ("के दौरान कितने", "ke beech kitna").
_NOT_FOCUS = frozenset("दौरान बीच साथ लिए बाद पहले dauran beech saath liye baad pehle".split())


def focus_word(question: str) -> str | None:
    """The question's focus noun, case-folded, or None when the wording has no clear one."""
    for pattern in (_EN_FOCUS, _HI_OWNED, _HI_COUNTED):
        for found in pattern.finditer(question):
            for group in found.groups():
                word = fold(group or "")
                if word and word not in STOPWORDS and word not in _NOT_FOCUS:
                    return word
    return None


def is_type_noun(word: str) -> bool:
    """True for a noun that names a kind of answer ("city", "year") rather than a fact."""
    return fold(word) in TYPE_NOUNS
