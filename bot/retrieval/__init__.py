"""Retrieval: the passages most likely to hold the answer.

In: the question as searched, the `Store` and the `KeywordIndex`. Out: `Evidence`, the ranked
`Hit`s of dense and BM25 search fused by reciprocal rank, near-duplicates collapsed.
"""

from bot.retrieval.hybrid import Evidence, Hit, HybridRetriever, jaccard

__all__ = ["Evidence", "Hit", "HybridRetriever", "jaccard"]
