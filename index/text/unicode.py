"""Unicode-correct text helpers shared by ingestion and answering: normalise, tokenise, split."""

from __future__ import annotations

import re
import unicodedata

# Devanagari vowel signs (matras) and viramas are combining marks, not \w: a plain \w+ would cut
# "राजधानी" into pieces. The class below keeps the whole block except the danda (U+0964/5),
# plus ZWJ/ZWNJ which join conjuncts.
_WORD = r"[\w\u0900-\u0963\u0966-\u097F\u200c\u200d]+"
WORD_RE = re.compile(_WORD)
_DEVANAGARI_LETTER = re.compile(r"[\u0900-\u0963\u0966-\u097F]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})

SENTENCE_END = ".?!।॥"
# Tokens after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr vs no gen col lt capt sgt gov sen rep hon shri smt inc ltd co corp
    jan feb mar apr jun
    jul aug sep sept oct nov dec u.s u.k e.g i.e etc approx dept est fig govt int'l mt rs""".split()
)

# Letter names used as initials; "के", "की" and "है" are left out: they end many Hindi sentences.
_DEVANAGARI_INITIALS = frozenset(
    "ए बी सी डी ई एफ जी एच आई जे एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई जेड".split()
)

STOPWORDS = frozenset(
    """a an the and or but if of at by for with about against between into through during before
    after above below to from up down in out on off over under again further then once here
    there when where why how all any both each few more most other some such no nor not only
    own same so than too very s t can will just don should now is are was were be been being
    have has had having do does did doing i me my we our you your he him his she her it its
    they them their what which who whom this that these those am would could shall may might
    must also said says say according as per का के की को में से पर ने है हैं था थे थी थीं और
    या भी तो ही एक यह वह ये वे इस उस इन उन कि लिए साथ द्वारा बाद पहले तक हुए हुई हुआ होने होगा
    होगी कर करने करते किया किए गया गई गए रहे रहा रही जो जब तब कब क्या कौन किस किसे किसने कहां
    कहाँ कैसे कितने कितना कितनी अपने अपनी अपना बता दें जा रहे वाले वाली वाला दी दिया दिए दिये दे देने
    देते लिया लिए ली जिस जिसे जिसके जिसकी जिसका जिन जिन्हें जिन्होंने उसका उसकी उसके उनका उनकी उनके कैसा
    कैसी किन किन्हें करना करता करती हो होता होती होते हुआ हुए थी रहा रहती रहते सकता सकती सकते बारे
    अनुसार तरह बीच ओर यदि अगर लेकिन परंतु किंतु दोनों सभी""".split()
)


def normalize(text: str) -> str:
    """NFKC-normalise and unify dashes and curly quotes, keeping offsets stable per character."""
    return unicodedata.normalize("NFKC", text).translate(_DASHES).translate(_QUOTES)


def fold(text: str) -> str:
    """Normalise for matching: NFKC, unified dashes and quotes, case-folded."""
    return normalize(text).casefold()


def words(text: str) -> list[str]:
    """Split text into whole words in any script (Hindi matras stay inside their word)."""
    return WORD_RE.findall(text)


def tokenize(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Case-folded word tokens for keyword search, stopwords removed unless asked to keep them."""
    tokens = [w for w in words(fold(text)) if w.strip("_")]
    if keep_stopwords:
        return tokens
    return [t for t in tokens if t not in STOPWORDS]


def script_of(text: str) -> str:
    """Return 'hi' for mostly Devanagari text, 'en' for Latin, 'other' for other letters, '' for none."""
    deva = len(_DEVANAGARI_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    letters = len(_ANY_LETTER.findall(text)) + deva
    if letters == 0:
        return ""
    if deva >= 0.25 * letters and deva >= latin * 0.2:
        return "hi"
    if latin + deva >= 0.5 * letters:
        return "en" if latin >= deva else "hi"
    return "other"


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([\"'":
        start -= 1
    token = text[start:dot].casefold()
    if not token:
        return False
    if token in _ABBREVIATIONS or token.rstrip(".") in _ABBREVIATIONS:
        return True
    # A single letter ("S.", "एस.") or a dotted acronym ("U.S.") is an initial.
    letters = WORD_RE.findall(token)
    if len(letters) == 1 and len(letters[0]) == 1:
        return True
    if "." in token and all(len(part) <= 2 for part in token.split(".") if part):
        return True
    # Devanagari initials are spelled-out letter names ("एस. जयशंकर").
    return token in _DEVANAGARI_INITIALS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in text; line breaks and . ? ! । ॥ end sentences."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    start = 0

    def push(end: int) -> None:
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s and WORD_RE.search(text[s:e]):
            spans.append((s, e))

    while i < n:
        ch = text[i]
        if ch == "\n":
            push(i)
            start = i + 1
        elif ch in SENTENCE_END:
            j = i + 1
            while j < n and text[j] in SENTENCE_END + "\"'”’)":
                j += 1
            at_boundary = j >= n or text[j].isspace()
            if at_boundary and not (ch == "." and _is_abbreviation(text, i)):
                # "18 नवंबर ." style datelines put a stray stop after a space: still a boundary.
                push(j)
                start = j
                i = j
                continue
        i += 1
    push(n)
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of text, in order."""
    return [text[s:e] for s, e in sentence_spans(text)]
