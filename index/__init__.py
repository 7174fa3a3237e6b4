"""Ingestion: load, clean, chunk and embed articles into the Chroma store.

The stages, in order: `index.text`, `index.loading`, `index.chunking`, `index.embedding`,
`index.store`, `index.sync`. This front door exports what callers need from them.
"""

from index.embedding import E5Embeddings, embedder_id, make_embeddings
from index.loading import (
    SUPPORTED_SUFFIXES,
    Article,
    ArticleMeta,
    Preview,
    Skipped,
    check_article_name,
    clean_text,
    extract_meta,
    load_folder,
    parse_article,
    preview,
)
from index.store import Store
from index.sync import Failed, IndexReport, IndexStats, add_files, add_urls, build, index_stats, open_store
from index.text import fold, normalize, script_of, sentence_spans, split_sentences, tokenize, words

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Article",
    "ArticleMeta",
    "E5Embeddings",
    "Failed",
    "IndexReport",
    "IndexStats",
    "Preview",
    "Skipped",
    "Store",
    "add_files",
    "add_urls",
    "build",
    "check_article_name",
    "clean_text",
    "embedder_id",
    "extract_meta",
    "fold",
    "index_stats",
    "load_folder",
    "make_embeddings",
    "normalize",
    "open_store",
    "parse_article",
    "preview",
    "script_of",
    "sentence_spans",
    "split_sentences",
    "tokenize",
    "words",
]
