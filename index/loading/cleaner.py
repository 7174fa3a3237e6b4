"""Strip news-site clutter from article text: in goes raw or extracted text, out go story paragraphs.

Two entry points. `clean_text` takes text scraped from a whole page (a .txt or .md file): it cuts
the site header above a breadcrumb and the footer below a tag list or copyright line, then drops
clutter lines. `filter_clutter` takes text an extractor already isolated (trafilatura's output for
an HTML page) and only drops clutter lines. Every rule is about how news pages are built (widgets,
teasers, agency credits), never about one site.
"""

from __future__ import annotations

import re
import unicodedata

from index.text import normalize

# Whole lines that are clutter wherever they appear.
_CLUTTER_LINE = [
    r"advertisement|advertisment|sponsored|विज्ञापन",
    # Teasers for other stories: "Also Read | ...", "READ MORE: ...", "WATCH | ...", "यह भी पढ़ें: ...".
    r"(?:also read|read also|also see|also watch|read more|see more|must read)\s*[:|\-].*",
    r"(?:read|watch)\s*\|.*",
    r"(?:यह|ये|इसे|इन्हें) भी (?:पढ़ें|देखें)\s*[:|\-]?.*",
    r"!\[[^\]]*\]\([^)]*\)",  # empty markdown images
    r"[-–—•·*_=|]+",  # lone rules and bullets
    r"(?:[•·*]\s*)?(?:fb|facebook|twitter|x|whatsapp|linkedin|telegram|email|share|copy link)",
    r"(?:share|like) this (?:story|article)\b.*",
    r"follow us on\b.*",
    r"click here to\b.*",
    r"download the [\w ]{1,30} app\b.*",
    # Page furniture around the byline: "Updated At : ...", "First Published: ...", "Edited By: ...".
    r"(?:first |last )?(?:updated|published|posted|edited|written)(?: at| on| by)?\s*:.*",
    r"tags?\s*:.*",
    r"home\s*(?:/|>|»).*",  # a breadcrumb
    r"copyright\s*(?:©|\(c\)).*|©.*",
    r"designed and developed by.*|powered by\s*:.*",
    r"add \w+ as (?:a |your )?(?:trusted|preferred) source",  # a search engine's "preferred source" button
    r"[\u0900-\u097F]{2,8}/[\u0900-\u097F]{2,8}",  # agency desk initials, e.g. "एमएस/डीकेपी"
    r"(?:by\s+)?(?:ANI|PTI|IANS|UNI|AFP|AP|Reuters)",  # a lone agency byline
]
# Patterns are NFKC-normalised like the text they match ("पढ़ें" has a nukta that NFKC splits off).
_CLUTTER_RE = re.compile(
    unicodedata.normalize("NFKC", r"^\s*(?:" + "|".join(_CLUTTER_LINE) + r")\s*$"), re.IGNORECASE
)
# Markup that leaked into the text: a line of code identifiers only ("featured-img", "article_Author").
_IDENTIFIERS_RE = re.compile(
    r"^(?:(?=[\w-]*[A-Za-z])(?:[a-z0-9]+(?:-[a-z0-9]+)+|[A-Za-z0-9]*_[A-Za-z0-9_]*)\s*)+$"
)

# Parenthesised publisher notes and disclaimers of syndicated copy, dropped wherever they stand.
_DISCLAIMER_RE = re.compile(
    r"\((?:the above story|this content is sourced|this story has not been edited|"
    r"except for the headline|disclaimer)[^)]*\)",
    re.IGNORECASE,
)
# A closing agency credit such as "... Partnership." (ANI)": metadata, not text.
_AGENCY_TAIL_RE = re.compile(r"\s*\((?:ANI|PTI|IANS|Reuters|AFP|AP|UNI)\)[ \t]*$", re.MULTILINE)
_EMBED_RE = re.compile(r"pic\.twitter\.com/\S+|https?://t\.co/\S+", re.IGNORECASE)
# A scraper's header fields: "date 2025-11-29 DT", then a lone "PT".
_DATE_LINE_RE = re.compile(r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\b.*|DT|PT)$", re.IGNORECASE)
# "(पीटीआई से इनपुट के साथ)", "(With inputs from PTI)", "— IANS", "(इनपुट: भाषा)": a credit line,
# kept as metadata only.
_AGENCY = r"(?:ANI|PTI|IANS|UNI|agencies|पीटीआई|भाषा|आईएएनएस|एजेंसी)"
_CREDIT_RE = re.compile(
    unicodedata.normalize(
        "NFKC",
        rf"^\s*(?:\((?:[^)]*से इनपुट के साथ|with inputs from [^)]*|इनपुट\s*[:\-]\s*{_AGENCY}[^)]*)\)|"
        rf"(?:with inputs from [\w ,&]+|इनपुट\s*[:\-]\s*{_AGENCY})\.?|[-–—]\s*{_AGENCY}|\({_AGENCY}\))\s*$",
    ),
    re.IGNORECASE,
)

# The page's own frame around the story, in scraped whole-page text: a breadcrumb ends the site
# header; a tag list or a copyright line starts the site footer.
_BREADCRUMB_RE = re.compile(r"^\s*home\s*(?:/|>|»)", re.IGNORECASE)
_FOOTER_START_RE = re.compile(r"^\s*(?:tags?\s*:|copyright\s*(?:©|\(c\))|©)", re.IGNORECASE)

# A stop glued to an opening quote ('developments."Honoured') hides a sentence boundary.
_GLUED_QUOTE_RE = re.compile(r'([.?!।])(["\u201c])(?=[A-Z\u0900-\u097F])')
_SENTENCE_FINAL = tuple(".?!।॥\"')")


def _continues(line: str) -> bool:
    """A long line cut mid-sentence by the scraper ("..., and") continues on the next line."""
    return len(line) > 80 and not line.endswith(_SENTENCE_FINAL)


def _is_prose(line: str) -> bool:
    """A paragraph of story text: it ends a sentence (menus, labels and headlines do not)."""
    return line.rstrip().endswith(_SENTENCE_FINAL) and len(line.split()) > 3


def _is_clutter(line: str, *, embeds: bool) -> bool:
    return bool(
        _CLUTTER_RE.match(line)
        or _IDENTIFIERS_RE.match(line)
        or _DATE_LINE_RE.match(line)
        or _CREDIT_RE.match(line)
        or (embeds and _EMBED_RE.search(line))
    )


def _lines(raw: str) -> list[str]:
    """Normalised, whitespace-collapsed, non-empty lines, with inline disclaimers and credits gone."""
    text = normalize(raw).replace("\r\n", "\n").replace("\r", "\n")
    text = _DISCLAIMER_RE.sub("", text)
    text = _GLUED_QUOTE_RE.sub(r"\1 \2", text)
    text = _AGENCY_TAIL_RE.sub("", text)
    stripped = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return [line for line in stripped if line]


def _story_frame(lines: list[str]) -> list[str]:
    """Drop the site header above a breadcrumb and the footer from a tag list or copyright line on.

    Each cut needs the story on the right side of it: no prose above the breadcrumb, prose above
    the footer's start. A page without these landmarks is left whole.
    """
    for i, line in enumerate(lines):
        if _is_prose(line):
            break
        if _BREADCRUMB_RE.match(line):
            lines = lines[i + 1 :]
            break
    seen_prose = False
    for i, line in enumerate(lines):
        if seen_prose and _FOOTER_START_RE.match(line):
            return lines[:i]
        seen_prose = seen_prose or _is_prose(line)
    return lines


def _keep_story(lines: list[str], *, embeds: bool) -> str:
    """Drop clutter lines (and pasted social-media embeds if asked) and repeats; join cut lines."""
    kept: list[str] = []
    previous = ""
    for line in lines:
        if _is_clutter(line, embeds=embeds):
            continue
        # Pages repeat the headline right under the breadcrumb; keep it once.
        if line == previous:
            continue
        if kept and _continues(kept[-1]):
            kept[-1] = f"{kept[-1]} {line}"
        else:
            kept.append(line)
        previous = line
    return "\n".join(kept)


def clean_text(raw: str) -> str:
    """Text scraped from a whole page: the story, one paragraph per line, without the site's frame."""
    return _keep_story(_story_frame(_lines(raw)), embeds=True)


def filter_clutter(text: str) -> str:
    """Text an extractor isolated from a page, minus the clutter lines it let through.

    An embedded post the extractor kept is part of the story there (often the statement reported),
    unlike the run-on embed debris of scraped text.
    """
    return _keep_story(_lines(text), embeds=False)
