"""Answer-type cues: what kind of answer a question wants, and the date and number patterns behind it."""

from __future__ import annotations

import re

from index.text import fold

_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
    r"जनवरी|फ़?फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर"
)
DAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"सोमवार|मंगलवार|बुधवार|गुरुवार|शुक्रवार|शनिवार|रविवार"
)
DATE_RE = re.compile(
    rf"(?<!\w)(?:{_MONTHS}|{DAYS})(?!\w)|\b(?:19|20)\d\d\b|\b(?:next|last|this) (?:month|week|year)\b|"
    r"(?:अगले|पिछले|इस) (?:महीने|साल|सप्ताह)",
    re.IGNORECASE,
)
# A calendar date ("December 4-5", "10 दिसंबर", "2024") says more than a weekday does.
FULL_DATE_RE = re.compile(
    rf"(?<!\w)(?:{_MONTHS})\.? \d{{1,2}}\b|\b\d{{1,2}}(?:-\d{{1,2}})? (?:{_MONTHS})(?!\w)|"
    rf"(?<!\w)(?:{_MONTHS}) (?:19|20)\d\d\b|(?<!\w)(?:{_MONTHS})(?:-|\s)\d{{1,2}}-\d{{1,2}}",
    re.IGNORECASE,
)
NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|"
    r"एक|दो|तीन|चार|पांच|पाँच|छह|सात|आठ|नौ|दस|सौ|हजार|हज़ार"
)
NUMBER_RE = re.compile(rf"\d|(?<!\w)(?:{NUMBER_WORDS})(?!\w)", re.IGNORECASE)
# A numeral token, with or without an ordinal ending: "76", "76th", "23वें".
NUMERAL_RE = re.compile(r"^(\d+)(?:st|nd|rd|th|वें|वीं|वां)?$")
# "New Delhi [India], November 26 (ANI): " opens a report: it dates the report, not the event.
DATELINE_RE = re.compile(r"^[^:.।]{2,60}\((?:ANI|PTI|IANS|Reuters|AFP)\):\s*|^[^,.।]{2,30}, \d{1,2} \S+ \. ")
_W = r"(?:[\w-]+ ){0,4}"  # up to four words between "which" and the noun it asks about
_QUESTION_TYPES: list[tuple[str, re.Pattern[str]]] = [
    # "count": a quantity (four, two-day, every two months); "number": an ordinal or label (23rd session).
    ("count", re.compile(r"\bhow (?:many|much|long|old|often)\b|कितन[ेाी]|\bkitn[eai]\b|\bkitne\b")),
    (
        "number",
        re.compile(rf"\b(?:which|what) {_W}(?:session|edition|anniversary|round)\b|किस सत्र|कौन से सत्र"),
    ),
    (
        "date",
        re.compile(
            r"\bwhen\b|\bwhat (?:date|day|year|month|time)\b|\b(?:which|what) (?:dates?|days?|year|month)\b|"
            r"\bsince when\b|\bsince which\b|कब|\bkab\b|कि(?:स|न) (?:दिन|तारीख|साल|वर्ष|महीने)"
        ),
    ),
    (
        "place",
        re.compile(
            rf"\bwhere\b|\b(?:which|what) {_W}"
            r"(?:city|town|country|place|site|venue|monument|building|state|region)\b|"
            r"कहां|कहाँ|\bkahan?\b|किस (?:शहर|देश|जगह|स्थान|स्मारक|राज्य)|\bkis shah[ae]r\b"
        ),
    ),
    (
        "name",
        re.compile(
            r"\bwho(?:m|se)?\b|"
            rf"\b(?:which|what) {_W}(?:leader|minister|official|person|agency|organi[sz]ation|warship|ship|"
            r"vessel|newspaper|company|party|programme|program|platform|diplomat|spokes(?:man|person))\b|"
            r"कौन|किसने|किससे|किसको|किसे|किसके|किसका|किसकी|\bkaun\b|\bkis(?:ne|se|ko|ke|ka|ki)\b"
        ),
    ),
]


# An English question's own wh-word; a later one belongs to a clause ("what did he say when he met ...").
_WH_WORD = re.compile(r"\b(?:what|which|who|whom|whose|when|where|how|why)\b")


def question_type(question: str) -> str:
    """'date', 'count', 'number', 'name', 'place' or 'other', from the wording, in either language."""
    folded = fold(question)
    asking = _WH_WORD.search(folded)
    for kind, pattern in _QUESTION_TYPES:
        found = pattern.search(folded, asking.start()) if asking else pattern.search(folded)
        if found and (asking is None or found.start() == asking.start()):
            return kind
    return "other"
