"""Romanized Hindi questions ("modi ne russia kab visit kiya"): recognise them and add English cue words."""

from __future__ import annotations

from index.text import fold, script_of, words

# Function words of romanized Hindi; two or more of them mark a question as Hindi in Latin letters.
_MARKERS = {
    "ne",
    "ka",
    "ki",
    "ke",
    "ko",
    "se",
    "mein",
    "me",
    "hai",
    "hain",
    "tha",
    "thi",
    "the",
    "kab",
    "kaun",
    "kya",
    "kahan",
    "kahaan",
    "kaha",
    "kitne",
    "kitna",
    "kitni",
    "kisne",
    "kisse",
    "kisko",
    "kiya",
    "kiye",
    "kiska",
    "kis",
    "aur",
    "par",
    "hua",
    "hui",
    "gaye",
    "gaya",
    "karenge",
    "karega",
    "aayenge",
    "aaenge",
}
# Markers that are English words too ("the" is Hindi "were"); they never count towards Hindi.
_ALSO_ENGLISH = frozenset({"the", "me", "par"})
_ENGLISH_FUNCTION = frozenset(
    "the a an of to in on at by for with from and or is was were are did does do what which who whom whose "
    "how when where why".split()
)
_ENGLISH = {
    "kab": "when",
    "kaun": "who",
    "kisne": "who",
    "kisse": "whom",
    "kisko": "whom",
    "kiska": "whose",
    "kya": "what",
    "kahan": "where",
    "kahaan": "where",
    "kaha": "where",
    "kitne": "how many",
    "kitna": "how much",
    "kitni": "how many",
    "kiya": "did",
    "kiye": "did",
    "aayenge": "will visit",
    "aaenge": "will visit",
    "mulakat": "meet",
    "mile": "met",
    "daura": "visit",
    "yatra": "visit",
    "bharat": "India",
    "roos": "Russia",
    "rus": "Russia",
}
_DROP = _MARKERS - set(_ENGLISH)


def is_romanized_hindi(question: str) -> bool:
    """True for a Latin-script question written in Hindi."""
    if script_of(question) != "en":
        return False
    tokens = [fold(w) for w in words(question)]
    hindi = sum(t in _MARKERS and t not in _ALSO_ENGLISH for t in tokens)
    english = sum(t in _ENGLISH_FUNCTION for t in tokens)
    # "Who is the Chairman of the Board?" has two "the": English words outnumber Hindi ones there.
    return hindi >= 2 and hindi > english


def english_cues(question: str) -> str | None:
    """The question with its Hindi function words rendered as English cue words, or None if not Hindi."""
    if not is_romanized_hindi(question):
        return None
    out = []
    for word in words(question):
        key = fold(word)
        if key in _ENGLISH:
            out.append(_ENGLISH[key])
        elif key not in _DROP:
            out.append(word)
    return " ".join(out) + "?"
