"""Embedding: passages and questions turned into vectors, by the configured embedder.

In: settings (NEWSBOT_EMBEDDER, NEWSBOT_QUERY_ENGINE) and texts. Out: a LangChain `Embeddings`
(bundled 4-bit multilingual-e5-small by default, its questions run on onnxruntime, or a
sentence-transformers model) and the id the store records it under, so an index is never searched
with another embedder's vectors; and e5's token states per word piece (`TokenEncoder`), which the
reader aligns question words with.
"""

from index.embedding.embeddings import E5_NAME, E5Embeddings, embedder_id, make_embeddings, quiet_openmp
from index.embedding.tokens import (
    TOKEN_LAYERS,
    TOKEN_STAMP,
    QuestionTokens,
    TokenEncoder,
    question_tokens,
    token_encoder,
)

__all__ = [
    "E5_NAME",
    "TOKEN_LAYERS",
    "TOKEN_STAMP",
    "E5Embeddings",
    "QuestionTokens",
    "TokenEncoder",
    "embedder_id",
    "make_embeddings",
    "question_tokens",
    "quiet_openmp",
    "token_encoder",
]
