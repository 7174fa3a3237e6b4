"""Strip scraped-site clutter (navigation, ads, teasers, share widgets, footers) from article text."""

from __future__ import annotations

import re

from index.text import normalize

# Whole lines that are clutter wherever they appear.
_CLUTTER_LINE = [
    r"advertisement",
    r"also read\s*\|.*",
    r"read more\s*[:|].*",
    r"!\[[^\]]*\]\([^)]*\)",  # empty markdown images
    r"[-–—•·*_=]+",  # lone rules and bullets
    r"(?:[•·*]\s*)?(?:fb|facebook|twitter|x|whatsapp|linkedin|telegram|email|share|copy link)",
    r"(?:featured-img\s*)+",
    r"(?:search-icon-img\s*)+",
    r"article_author",
    r"updated at\s*:.*",
    r"published at\s*:.*",
    r"(?:dt|pt)",
    r"tags\s*:.*",
    r"subscribe to print edition.*",
    r"add \w+ as your trusted source",
    r"premium explainers.*",
    r"tlbr_img\d.*",
    r"home\s*/.*",
    r"copyright\s*©.*",
    r"designed and developed by.*",
    r"remembering sardar dyal singh majithia",
    r"[\u0900-\u097F]{2,8}/[\u0900-\u097F]{2,8}",  # agency desk initials, e.g. "एमएस/डीकेपी"
    r"(?:by\s+)?[A-Z]{2,6}",  # a lone agency byline such as "ANI"
]
_CLUTTER_RE = re.compile(r"^\s*(?:" + "|".join(_CLUTTER_LINE) + r")\s*$", re.IGNORECASE)

# Parenthesised publisher notes and disclaimers, dropped wherever they stand.
_DISCLAIMER_RE = re.compile(
    r"\((?:the above story|this content is sourced|this story has not been edited|"
    r"except for the headline|disclaimer)[^)]*\)",
    re.IGNORECASE,
)
# A publisher's description of itself: a footer paragraph, not news.
_FOOTER_RE = re.compile(
    r"^\s*the \w+(?: \w+)?,? (?:now published from|the largest selling|has two sister publications)",
    re.IGNORECASE,
)
# A closing agency credit such as "... Partnership." (ANI)": metadata, not text.
_AGENCY_TAIL_RE = re.compile(r"\s*\((?:ANI|PTI|IANS|Reuters|AFP|AP|UNI)\)[ \t]*$", re.MULTILINE)
_EMBED_RE = re.compile(r"pic\.twitter\.com/\S+|https?://t\.co/\S+", re.IGNORECASE)
_DATE_LINE_RE = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\b.*$", re.IGNORECASE)
# "(पीटीआई से इनपुट के साथ)" / "(With inputs from PTI)": a credit line, kept as metadata only.
_CREDIT_RE = re.compile(r"^\s*\((?:[^)]*से इनपुट के साथ|with inputs from [^)]*)\)\s*$", re.IGNORECASE)


# A stop glued to an opening quote ('developments."Honoured') hides a sentence boundary.
_GLUED_QUOTE_RE = re.compile(r'([.?!।])(["\u201c])(?=[A-Z\u0900-\u097F])')
_SENTENCE_FINAL = tuple(".?!।॥\"')")


def _continues(line: str) -> bool:
    """A long line cut mid-sentence by the scraper ("..., and") continues on the next line."""
    return len(line) > 80 and not line.endswith(_SENTENCE_FINAL)


def _is_embed(line: str) -> bool:
    """A pasted social-media embed (tweet text plus its t.co link and handle)."""
    return bool(_EMBED_RE.search(line))


def clean_text(raw: str) -> str:
    """Return the article text with site clutter removed and paragraphs kept one per line."""
    text = normalize(raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _DISCLAIMER_RE.sub("", text)
    text = _GLUED_QUOTE_RE.sub(r"\1 \2", text)
    text = _AGENCY_TAIL_RE.sub("", text)
    kept: list[str] = []
    previous = ""
    for line in text.split("\n"):
        stripped = re.sub(r"[ \t\u00a0]+", " ", line).strip()
        if not stripped:
            continue
        if (
            _CLUTTER_RE.match(stripped)
            or _DATE_LINE_RE.match(stripped)
            or _FOOTER_RE.match(stripped)
            or _CREDIT_RE.match(stripped)
            or _is_embed(stripped)
        ):
            continue
        # Pages repeat the headline right under the breadcrumb; keep it once.
        if stripped == previous:
            continue
        if kept and _continues(kept[-1]):
            kept[-1] = f"{kept[-1]} {stripped}"
        else:
            kept.append(stripped)
        previous = stripped
    return "\n".join(kept)
