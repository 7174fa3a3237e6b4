"""Benchmark results: typed records, the JSON file and the latency plot."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from bot.bench.compute import EmbedderThroughput


class Latency(BaseModel):
    """Percentiles of repeated timings, in milliseconds."""

    n: int
    p50_ms: float
    p95_ms: float
    mean_ms: float
    max_ms: float


class SizeResult(BaseModel):
    """Everything measured for one corpus size on one store."""

    store: str = Field(description="'embedded' or 'server'.")
    token_states: str = Field(
        default="lazy",
        description="'stored': stub states written by builds, read by answers; 'lazy': answers encode them.",
    )
    target_chunks: int
    chunks: int
    sentences: int
    articles: int
    ingest_seconds: float
    ingest_chunks_per_s: float
    retrieval: Latency = Field(description="Warm: every pass over the questions after the first.")
    answer: Latency = Field(description="Warm: every pass over the questions after the first.")
    retrieval_first_pass: Latency | None = Field(
        default=None, description="First pass in the fresh process (cold caches)."
    )
    answer_first_pass: Latency | None = None
    startup_seconds: float = Field(
        description="Wall clock from spawning a fresh process to its first answer (all included)."
    )
    startup_import_seconds: float = Field(description="Since that process was created: imports done.")
    startup_open_seconds: float = Field(description="Since creation: store and keyword index open.")
    startup_in_process_seconds: float = Field(description="Since creation: first answer ready.")
    rss_mb: float = Field(description="Resident memory of the fresh process after its answers.")
    index_mb: float = Field(description="Size of the index on disk (folder, plus server data).")
    server_rss_mb: float | None = Field(default=None, description="Chroma server process RSS.")


class BenchReport(BaseModel):
    """The whole benchmark run."""

    command: str
    started_at: str
    machine: str
    load_average: tuple[float, float, float]
    embedding_note: str
    embedder: EmbedderThroughput | None = None
    results: list[SizeResult] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def write_json(self, path: Path) -> None:
        """Save as indented JSON."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.model_dump_json(indent=2), encoding="utf-8")

    def table(self) -> str:
        """A Markdown table of the per-size results."""
        head = (
            "| store | token states | chunks | ingest chunks/s | retrieval p50/p95 ms | answer() p50/p95 ms "
            "| answer() 1st pass p50/p95 ms | start-up s | RSS MB | index MB |"
        )
        rows = [head, "|" + "---|" * 10]
        for r in self.results:
            first = r.answer_first_pass
            cold = f"{first.p50_ms:.1f} / {first.p95_ms:.1f}" if first else "-"
            server = f" (+ server {r.server_rss_mb:,.0f})" if r.server_rss_mb else ""
            rows.append(
                f"| {r.store} | {r.token_states} | {r.chunks:,} | {r.ingest_chunks_per_s:,.0f} "
                f"| {r.retrieval.p50_ms:.1f} / {r.retrieval.p95_ms:.1f} "
                f"| {r.answer.p50_ms:.1f} / {r.answer.p95_ms:.1f} | {cold} "
                f"| {r.startup_seconds:.2f} | {r.rss_mb:,.0f}{server} | {r.index_mb:,.0f} |"
            )
        return "\n".join(rows)


def plot_latency(report: BenchReport, path: Path) -> None:
    """PNG of retrieval and answer() latency (p50 and p95) against corpus size, per store."""
    import matplotlib  # imported here: only the benchmark draws

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 5))
    styles = {"embedded": "-", "server": "--"}
    for store in sorted({r.store for r in report.results}):
        rows = sorted((r for r in report.results if r.store == store), key=lambda r: r.chunks)
        xs = [r.chunks for r in rows]
        for label, pick, marker in [
            ("answer() p50", lambda r: r.answer.p50_ms, "o"),
            ("answer() p95", lambda r: r.answer.p95_ms, "^"),
            ("retrieval p50", lambda r: r.retrieval.p50_ms, "s"),
            ("retrieval p95", lambda r: r.retrieval.p95_ms, "v"),
            ("answer() p95, first pass", lambda r: (r.answer_first_pass or r.answer).p95_ms, "x"),
        ]:
            ax.plot(
                xs, [pick(r) for r in rows], styles.get(store, ":"), marker=marker, label=f"{store}: {label}"
            )
    ax.axhline(100, color="grey", linewidth=0.8, linestyle=":")
    ax.axhline(250, color="grey", linewidth=0.8, linestyle=":")
    for y, label in ((100, "answer() p50 target"), (250, "answer() p95 target")):
        ax.text(
            0.01,
            y,
            f" {label} {y} ms",
            va="bottom",
            fontsize=8,
            color="grey",
            transform=ax.get_yaxis_transform(),
        )
    ax.set_xscale("log")
    ax.set_xlabel("corpus size (chunks)")
    ax.set_ylabel("latency (ms)")
    ax.set_title("newsbot query latency against corpus size (2 cores)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, ncol=2)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
