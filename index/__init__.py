"""Ingestion: load, clean, chunk and embed articles into the Chroma store."""

from index.cleaner import clean_text
from index.metadata import ArticleMeta, extract_meta
from index.text import fold, normalize, script_of, sentence_spans, split_sentences, tokenize, words

__all__ = [
    "ArticleMeta",
    "clean_text",
    "extract_meta",
    "fold",
    "normalize",
    "script_of",
    "sentence_spans",
    "split_sentences",
    "tokenize",
    "words",
]
