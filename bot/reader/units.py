"""Answer units: a question asking for an amount of money, an age, a share or a span wants its unit.

"How much did the deal cost?" is answered by a sentence with a currency in it, "How old is he?" by one
with an age, "What percentage ...?" by one with a percent sign or word. In: the question or a
candidate sentence. Out: the unit asked for (or None), and whether a sentence states one.
"""

from __future__ import annotations

import re
import unicodedata

from bot.reader.cues import DATELINE_RE
from index.text import fold


def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern in the same normal form as folded text (NFKC splits a nukta from its letter)."""
    return re.compile(unicodedata.normalize("NFKC", pattern))


# First match wins: "how old" before "how long", a percentage before an amount.
_ASKED: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "percent",
        _compiled(
            r"\bwhat (?:percent|percentage|proportion|share)\b|\bhow much percent|\bpercentage of\b|"
            r"प्रतिशत|फ\u093c?ीसदी"
        ),
    ),
    (
        "age",
        _compiled(
            r"\bhow old\b|\b(?:at )?what age\b|(?:उम्र|आयु) (?:क्या|कितनी)|कितने (?:साल|वर्ष) (?:के|की|का)(?!\w)"
        ),
    ),
    (
        "money",
        _compiled(
            r"\bhow much (?:\w+ ){0,6}?(?:cost|costs|worth|pay|paid|spend|spent|price|money|earn|earned|"
            r"revenue|budget|fund|funding|sell|sold|value|fee|salary|charge|invest|invested|raise|raised)\b|"
            r"\bwhat (?:was|is|were|are) the (?:price|cost|value|budget|fee|salary)\b|\bat what price\b|"
            r"कितने (?:रुपये|रुपए|डॉलर)|कितना (?:पैसा|खर्च|धन)|कीमत|लागत|मूल्य"
        ),
    ),
    (
        "span",
        _compiled(
            r"\bhow long\b|\bfor how (?:many|much) (?:years|months|days|hours|time)|"
            r"कितने (?:समय|दिन|दिनों|साल|सालों|वर्ष|वर्षों|महीने|घंटे|मिनट)|कितनी देर|कितने लंबे"
        ),
    ),
    ("frequency", _compiled(r"\bhow often\b|\bhow frequently\b|कितनी बार")),
)
_STATED: dict[str, re.Pattern[str]] = {
    "percent": _compiled(r"%|\bper ?cent|\bpercentage|प्रतिशत|फ\u093c?ीसदी"),
    "age": _compiled(
        r"\byears? old\b|\b\d+-year-old\b|\baged?\b|\bage of\b|वर्षीय|उम्र|आयु|साल के|साल की|साल का|"
        r"वर्ष के|वर्ष की"
    ),
    "money": _compiled(
        r"[$£€₹¥]|\b(?:dollars?|pounds?|euros?|rupees?|yen|yuan|usd|inr|rs\.?|francs?|marks?|lire|crore|"
        r"lakh|cents?)\b|रुपये|रुपए|रु\.|डॉलर|पाउंड|यूरो|करोड़|लाख|येन"
    ),
    # "How long" asks for time or for length.
    "span": _compiled(
        r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies)|millennia|"
        r"millennium|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot|inch(?:es)?|yards?)\b|"
        r"\d+-(?:day|year|month|week|hour|minute)\b|"
        r"सेकंड|मिनट|घंटे|घंटा|घंटों|दिन|दिनों|सप्ताह|हफ्ते|महीने|महीनों|साल|सालों|वर्ष|वर्षों|दशक|सदी|"
        r"सदियों|शताब्दी|किलोमीटर|मील|मीटर|फीट|फुट"
    ),
    "frequency": _compiled(
        r"\bevery\b|\beach\b|\bper\b|\btimes\b|\bannually\b|\bdaily\b|\bweekly\b|\byearly\b|\bmonthly\b|"
        r"\bonce\b|\btwice\b|हर|प्रति|बार|सालाना|वार्षिक"
    ),
}


def asked_unit(question: str) -> str | None:
    """'percent', 'age', 'money', 'span' or 'frequency' when the wording asks for one, else None."""
    folded = fold(question)
    for unit, pattern in _ASKED:
        if pattern.search(folded):
            return unit
    return None


def states_unit(unit: str, sentence: str) -> bool:
    """True when the sentence (past any dateline) states an amount in this unit's terms."""
    return bool(_STATED[unit].search(fold(DATELINE_RE.sub("", sentence))))
