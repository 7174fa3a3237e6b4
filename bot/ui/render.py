"""Turn answers and sources into the HTML the chat shows; all article text is escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from bot.schema import Answer, Source

# The chat renders markdown; a blank line would end the HTML block and let markdown touch article
# text, so every fragment below is emitted as single-line HTML.
_MARKER_RE = re.compile(r"\[(\d{1,3})\]")
_LANGUAGES = {"en": "English", "hi": "हिन्दी"}
_DATE_RE = re.compile(r"(?:(?P<year>\d{4})|-)-(?P<month>\d{2})-(?P<day>\d{2})")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# Characters of passage kept on each side of the cited sentence on a card.
CONTEXT_CHARS = 150


def escape_text(text: str) -> str:
    """Escape text for HTML and keep line breaks without blank lines."""
    return html.escape(text, quote=True).replace("\r", "").replace("\n", "<br>")


def source_anchor(turn: int, n: int, *, closest: bool = False) -> str:
    """Return the element id of source card n of a turn."""
    return f"nb-{'c' if closest else 's'}-{turn}-{n}"


def format_date(iso: str) -> str:
    """Return '29 Nov 2025' for 2025-11-29 and '26 Nov' for --11-26; other text unchanged."""
    m = _DATE_RE.fullmatch(iso.strip())
    if not m or not 1 <= int(m.group("month")) <= 12:
        return iso
    year = m.group("year")
    day_month = f"{int(m.group('day'))} {_MONTHS[int(m.group('month')) - 1]}"
    return f"{day_month} {year}" if year else day_month


def language_name(code: str) -> str:
    """Return a human name for a language code ('hi' -> 'हिन्दी')."""
    return _LANGUAGES.get(code, code)


def link_markers(text: str, turn: int, known: Sequence[int]) -> str:
    """Escape answer text and turn each [n] with a matching source into a link to its card."""
    known_set = set(known)
    out: list[str] = []
    last = 0
    for m in _MARKER_RE.finditer(text):
        out.append(escape_text(text[last : m.start()]))
        n = int(m.group(1))
        if n in known_set:
            out.append(f'<a class="nb-cite" href="#{source_anchor(turn, n)}" title="Source {n}">[{n}]</a>')
        else:
            out.append(escape_text(m.group(0)))
        last = m.end()
    out.append(escape_text(text[last:]))
    return "".join(out)


def passage_with_highlight(source: Source, context: int = CONTEXT_CHARS) -> str:
    """Return the passage around the cited sentence, escaped, with the sentence in <mark>."""
    passage = source.passage
    start, end = source.snippet_start, source.snippet_end
    if not passage or not (0 <= start < end <= len(passage)):
        return f"<mark>{escape_text(source.snippet)}</mark>"
    lo = max(0, start - context)
    hi = min(len(passage), end + context)
    # Cut the context at word boundaries so cards do not start or end mid-word.
    if lo > 0:
        space = passage.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(passage):
        space = passage.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    before = ("… " if lo > 0 else "") + passage[lo:start]
    after = passage[end:hi] + (" …" if hi < len(passage) else "")
    return f"{escape_text(before)}<mark>{escape_text(passage[start:end])}</mark>{escape_text(after)}"


def page_link(url: str | None) -> str:
    """A link to the article's page showing its site, or '' unless the URL is http(s)."""
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    site = parts.hostname.removeprefix("www.")
    return (
        f'<a class="nb-url" href="{html.escape(url, quote=True)}" target="_blank" '
        f'rel="noopener noreferrer nofollow">{escape_text(site)}</a>'
    )


def source_card(source: Source, turn: int, *, closest: bool = False) -> str:
    """Render one numbered source card: title, outlet, date, language, link and highlighted passage."""
    meta = [
        f'<span class="nb-outlet">{escape_text(source.publisher)}</span>' if source.publisher else "",
        f'<span class="nb-date">{escape_text(format_date(source.published))}</span>'
        if source.published
        else "",
        f'<span class="nb-lang">{escape_text(language_name(source.language))}</span>',
        page_link(source.url),
    ]
    meta_html = '<span class="nb-dot">·</span>'.join(m for m in meta if m)
    badge = "•" if closest else str(source.n)
    return (
        f'<div class="nb-card{" nb-closest-card" if closest else ""}" '
        f'id="{source_anchor(turn, source.n, closest=closest)}">'
        f'<div class="nb-card-head"><span class="nb-badge">{badge}</span>'
        f'<span class="nb-title">{escape_text(source.title or source.doc_id)}</span></div>'
        f'<div class="nb-meta">{meta_html}</div>'
        f'<div class="nb-passage">{passage_with_highlight(source)}</div>'
        "</div>"
    )


def confidence_label(confidence: float) -> str:
    """ "Confidence 83 %": the reader's calibrated probability that the quoted answer is right."""
    return f"Confidence {round(100 * confidence)} %"


def render_answer(answer: Answer, turn: int) -> str:
    """Render a finished answer: caption, text with linked [n] markers, and its source cards."""
    parts: list[str] = []
    resolved = answer.resolved_question
    if resolved and resolved.strip() != answer.question.strip():
        parts.append(f'<div class="nb-resolved">Searched for: “{escape_text(resolved)}”</div>')
    if answer.abstained:
        parts.append('<div class="nb-abstain">Not found in the indexed articles</div>')
    numbers = [s.n for s in answer.sources]
    parts.append(f'<div class="nb-answer">{link_markers(answer.text, turn, numbers)}</div>')
    if answer.notice:
        parts.append(f'<div class="nb-notice">{escape_text(answer.notice)}</div>')
    if answer.confidence is not None:
        parts.append(f'<div class="nb-confidence">{confidence_label(answer.confidence)}</div>')
    if answer.sources:
        cards = "".join(source_card(s, turn) for s in answer.sources)
        parts.append(f'<div class="nb-sources"><div class="nb-sources-label">Sources</div>{cards}</div>')
    if answer.abstained and answer.closest:
        cards = "".join(source_card(s, turn, closest=True) for s in answer.closest)
        parts.append(
            '<div class="nb-sources nb-closest"><div class="nb-sources-label">Closest matches'
            f' <span class="nb-hint">(not evidence for an answer)</span></div>{cards}</div>'
        )
    return "".join(parts)


def render_partial(text: str, turn: int) -> str:
    """Render answer text while it streams (markers are plain until the sources arrive)."""
    return f'<div class="nb-answer nb-streaming">{link_markers(text, turn, [])}</div>'


def render_error(message: str) -> str:
    """Render a friendly error note for the chat."""
    return f'<div class="nb-error">{escape_text(message)}</div>'


def render_user(question: str, limit: int = 600) -> str:
    """Return the user's message for display, shortened when it is very long."""
    shown = question
    if len(question) > limit:
        shown = question[:limit] + f"… ({len(question):,} characters)"
    return f'<div class="nb-q">{escape_text(shown)}</div>'
