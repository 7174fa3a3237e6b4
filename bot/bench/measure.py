"""Timing, percentiles, memory and disk-size helpers for the benchmark."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np
import psutil

from bot.bench.report import Latency

T = TypeVar("T")


def latency(samples_s: Sequence[float]) -> Latency:
    """Percentiles of timings given in seconds."""
    ms = np.asarray(samples_s, dtype=float) * 1000.0
    return Latency(
        n=len(ms),
        p50_ms=float(np.percentile(ms, 50)),
        p95_ms=float(np.percentile(ms, 95)),
        mean_ms=float(ms.mean()),
        max_ms=float(ms.max()),
    )


def time_each(fn: Callable[[T], object], items: Sequence[T]) -> list[float]:
    """Seconds taken by fn on each item, in order."""
    out = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - start)
    return out


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process (default: this one) in MB."""
    return float(psutil.Process(pid or os.getpid()).memory_info().rss) / 1e6


def folder_mb(path: Path) -> float:
    """Total size of the files under path, in MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6
