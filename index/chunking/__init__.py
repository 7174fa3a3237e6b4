"""Chunking: an article cut into overlapping passages of whole sentences.

In: an `Article` (clean text and metadata). Out: `Chunk`s of a few sentences each, with their
character offsets, the sentences' spans and stable ids derived from their content.
"""

from index.chunking.chunker import Chunk, chunk_article

__all__ = ["Chunk", "chunk_article"]
