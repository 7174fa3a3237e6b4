"""Text: Unicode, words and sentences in any script, stems, transliteration, discourse.

In: raw strings (article text, questions). Out: normalised text, words, tokens, sentence spans, the
keys a word is matched under, and what a sentence leans on or addresses. Used by every later stage;
imports none of them.
"""

from index.text.discourse import chain_start, leans_back, with_antecedents
from index.text.injection import REMOVED, is_instruction, strip_instructions
from index.text.keys import search_terms, word_keys
from index.text.stemming import stem
from index.text.translit import latin_acronym, skeleton, sound_key
from index.text.unicode import (
    STOPWORDS,
    WORD_RE,
    fold,
    normalize,
    script_of,
    sentence_spans,
    split_sentences,
    tokenize,
    words,
)

__all__ = [
    "REMOVED",
    "STOPWORDS",
    "WORD_RE",
    "chain_start",
    "fold",
    "is_instruction",
    "latin_acronym",
    "leans_back",
    "normalize",
    "script_of",
    "search_terms",
    "sentence_spans",
    "skeleton",
    "sound_key",
    "split_sentences",
    "stem",
    "strip_instructions",
    "tokenize",
    "with_antecedents",
    "word_keys",
    "words",
]
