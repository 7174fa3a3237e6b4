"""Article metadata: title, published date, language, publisher or agency, URL and author.

Scraped text (.txt, .md) says these things in its own words (a dateline, a copyright line, an
agency credit); an HTML page also says them in markup, which `index.loading.webpage` reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from index.loading.webpage import PageText
from index.text import normalize, script_of, sentence_spans

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "जनवरी": 1,
    "फरवरी": 2,
    "फ़रवरी": 2,
    "मार्च": 3,
    "अप्रैल": 4,
    "मई": 5,
    "जून": 6,
    "जुलाई": 7,
    "अगस्त": 8,
    "सितंबर": 9,
    "सितम्बर": 9,
    "अक्टूबर": 10,
    "अक्तूबर": 10,
    "नवंबर": 11,
    "नवम्बर": 11,
    "दिसंबर": 12,
    "दिसम्बर": 12,
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_LINE_RE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b", re.IGNORECASE | re.MULTILINE)
# "New Delhi [India], November 26 (ANI):" or "मास्को, 18 नवंबर ." at the start of the story.
_DATELINE_EN_RE = re.compile(
    rf"^[^\n,]{{2,40}}(?:\[[^\]]+\])?,\s*({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:,?\s+(\d{{4}}))?\s*\(",
    re.IGNORECASE | re.MULTILINE,
)
_DATELINE_HI_RE = re.compile(
    rf"^[^\n,]{{2,40}},\s*(\d{{1,2}})\s+({_MONTH_ALT})(?:,?\s+(\d{{4}}))?\s*[.।(]",
    re.IGNORECASE | re.MULTILINE,
)
_AGENCIES = {
    "ANI": re.compile(r"\(ANI\)|\bANI staff\b"),
    # PTI's Hindi service is Bhasha: "लखनऊ, 20 नवंबर (भाषा)".
    "PTI": re.compile(r"\(PTI\)|पीटीआई से इनपुट|inputs from PTI|\(भाषा\)", re.IGNORECASE),
    "IANS": re.compile(r"\(IANS\)|आईएएनएस"),
    "Reuters": re.compile(r"\(Reuters\)"),
}
# How pages name their outlet in text: the copyright holder, the syndication disclaimer that the
# views "do not reflect the opinions of <outlet>", a search engine's "Add <outlet> as a preferred
# source" button.
_OUTLETS = [
    re.compile(r"Copyright\s*©\s*((?:The\s+)?[A-Z][\w ]{2,40}?)\s+(?:Trust|Media|Group|Ltd)\b"),
    re.compile(r"(?:do|does) not reflect the (?:opinions|views) of ([A-Z][\w]{2,30})\)"),
    re.compile(r"Add ([A-Z]\w+) As (?:a |Your )?(?:Trusted|Preferred) Source", re.IGNORECASE),
]


@dataclass(frozen=True)
class ArticleMeta:
    """What the text says about the article itself."""

    title: str
    published: str | None
    language: str
    publisher: str | None
    url: str | None = None
    author: str | None = None


def find_published(raw: str) -> str | None:
    """Published date as ISO 'YYYY-MM-DD', or '--MM-DD' when the dateline gives no year."""
    text = normalize(raw)
    m = _DATE_LINE_RE.search(text)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = _DATELINE_EN_RE.search(text)
    if m:
        month, day, year = _MONTHS[m.group(1).casefold()], int(m.group(2)), m.group(3)
        return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    m = _DATELINE_HI_RE.search(text)
    if m:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).casefold()], m.group(3)
        return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return None


def find_agency(raw: str) -> str | None:
    """The news agency the text credits ('ANI', 'PTI', ...), if any."""
    text = normalize(raw)
    return next((name for name, rx in _AGENCIES.items() if rx.search(text)), None)


def with_agency(outlet: str | None, agency: str | None) -> str | None:
    """'The Tribune (ANI)' for an outlet carrying agency copy; either alone when the other is unknown."""
    if outlet and agency and agency.casefold() not in outlet.casefold():
        return f"{outlet} ({agency})"
    return outlet or agency


def find_publisher(raw: str) -> str | None:
    """Outlet and/or news agency named by the text, e.g. 'The Tribune (ANI)' or 'PTI'."""
    text = normalize(raw)
    outlet = next((m.group(1).strip() for rx in _OUTLETS if (m := rx.search(text))), None)
    return with_agency(outlet, find_agency(text))


def find_title(clean: str, max_chars: int = 100) -> str:
    """The headline when the page has one (a short first line), else the first sentence, shortened."""
    first_line = clean.split("\n", 1)[0].strip()
    if first_line and len(first_line) <= 120 and not first_line.endswith((".", "।", "?", "!")):
        return first_line
    # A bare dateline ("मास्को, 18 नवंबर .") is no title: take the first real sentence.
    sentences = [clean[s:e] for s, e in sentence_spans(clean)]
    sentence = next((s for s in sentences if len(s) >= 25), sentences[0] if sentences else "")
    # Drop a leading dateline ("New Delhi [India], November 26 (ANI): ").
    sentence = re.sub(r"^[^:]{2,60}\(\w+\):\s*", "", sentence)
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence[:max_chars].rsplit(" ", 1)[0]
    return cut.rstrip(",;: ") + "…"


def extract_meta(raw: str, clean: str) -> ArticleMeta:
    """Title, date, language and publisher of one article."""
    language = script_of(clean) or "en"
    return ArticleMeta(
        title=find_title(clean),
        published=find_published(raw),
        language=language,
        publisher=find_publisher(raw),
    )


def _site_of(url: str | None) -> str | None:
    """'www.example.com' -> 'example.com': the outlet's address when the page names no site."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def page_meta(page: PageText, clean: str) -> ArticleMeta:
    """Metadata of an HTML page: what its markup says, and what its text says where markup is silent."""
    outlet = page.sitename or _site_of(page.url) or find_publisher(page.text)
    return ArticleMeta(
        title=page.title or find_title(clean),
        published=page.published or find_published(page.text),
        language=script_of(clean) or "en",
        publisher=with_agency(outlet, find_agency(page.text)),
        url=page.url,
        author=page.author,
    )
