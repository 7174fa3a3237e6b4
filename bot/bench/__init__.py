"""Benchmarks: how fast and how big newsbot is, measured by commands, never asserted by tests.

In: synthetic corpora made from the seeds' sentences, the configured settings, index and LLM. Out:
figures and files: `python -m bot.bench` (ingestion, latency, start-up and memory from 1,000 to
100,000 chunks), `python -m bot.bench.latency` (cold build, warm answers, first answer, under
contention), `python -m bot.bench.page` (the chat page's `/ask` while articles upload),
`python -m bot.bench.llm_bench` (the LLM's first token and tokens per second); and a local Chroma
server runner the tests share.
"""

from bot.bench.report import BenchReport, Latency, SizeResult
from bot.bench.server import ChromaServer, free_port, is_alive

__all__ = ["BenchReport", "ChromaServer", "Latency", "SizeResult", "free_port", "is_alive"]
