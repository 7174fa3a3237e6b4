"""Store: the embedded chunks in Chroma (a local folder or a server) and the BM25 keyword index.

In: `Chunk`s with their metadata and an `Embeddings`, written in batches, and sentences' token
states. Out: a `Store` to search by vector and read chunks back (keeping what it has read), a
`KeywordIndex` to search by words, both recording what built them so a mismatched index is refused
with a reason, and a `TokenStore` of token states per article.
"""

from index.store.batch import BatchWriter
from index.store.chroma import Store
from index.store.connection import connect, forget
from index.store.keyword import KeywordIndex
from index.store.records import decode_spans, encode_spans
from index.store.tokens import TokenStore

__all__ = [
    "BatchWriter",
    "KeywordIndex",
    "Store",
    "TokenStore",
    "connect",
    "decode_spans",
    "encode_spans",
    "forget",
]
