"""Sync: the articles folder, added files and fetched URLs built into the index, kept in step.

In: settings, article files, URLs and feeds. Out: the store and keyword index updated (new and
changed articles embedded, removed ones dropped, interrupted builds repaired) and an `IndexReport`
of what was added, skipped or failed, or `IndexStats` of what the index holds. Uses every earlier
index stage; the `index` front door and `python -m index` call into it.
"""

from index.sync.builder import Failed, IndexReport, Progress, build_index, keyword_path, load_keyword_index
from index.sync.operations import IndexStats, add_files, add_urls, build, index_stamp, index_stats, open_store

__all__ = [
    "Failed",
    "IndexReport",
    "IndexStats",
    "Progress",
    "add_files",
    "add_urls",
    "build",
    "build_index",
    "index_stamp",
    "index_stats",
    "keyword_path",
    "load_keyword_index",
    "open_store",
]
