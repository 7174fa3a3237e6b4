"""Scale benchmark (`python -m bot.bench`) and a local Chroma server runner for tests."""

from bot.bench.report import BenchReport, Latency, SizeResult
from bot.bench.server import ChromaServer, free_port, is_alive

__all__ = ["BenchReport", "ChromaServer", "Latency", "SizeResult", "free_port", "is_alive"]
