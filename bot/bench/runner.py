"""Run the scale benchmark: build synthetic corpora, time ingestion, probe queries in fresh processes."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from bot.bench.corpus import CorpusGenerator, load_seed_sentences
from bot.bench.embedding import SeedVectorEmbeddings, stub_token_encoder
from bot.bench.measure import folder_mb, latency, rss_mb
from bot.bench.report import SizeResult
from bot.bench.server import ChromaServer
from bot.settings import PROJECT_ROOT, Settings

Say = Callable[[str], None]
COLLECTION = "bench"
QUESTIONS = [
    "When will Putin visit India?",
    "Whom did Jaishankar meet in Moscow on Monday?",
    "पुतिन भारत कब आएंगे?",
    "How many members were in the Russian delegation?",
    "पीएम मोदी ने रूस का दौरा कब किया?",
    "Who is the MEA spokesperson?",
    "What did Rajnath Singh discuss in Moscow?",
    "Where did Singh lay a wreath?",
    "जयशंकर ने मास्को में किससे मुलाकात की?",
    "When did India and Russia sign their Declaration on Strategic Partnership?",
    "Who won the cricket world cup final?",
    "What is the Make in India project about?",
]


@dataclass(frozen=True)
class Corpus:
    """A folder of synthetic articles."""

    folder: Path
    articles: int


def questions_for(gen: CorpusGenerator) -> list[str]:
    """Fixed questions plus some about made-up names, so rare terms are queried too."""
    names = [latin for latin, _ in gen.made_up_names()[::157][:8]]
    made_up = [f"When did {n} visit Moscow?" for n in names[:4]]
    made_up += [f"What did {n} say about the summit?" for n in names[4:]]
    return QUESTIONS + made_up


def chunks_per_article(gen: CorpusGenerator, sample: int = 200) -> float:
    """Mean chunks per generated article, by the real loader and chunker."""
    from index.chunking import chunk_article
    from index.loading import parse_article

    total = 0
    for art in gen.articles(sample, start=10_000_000):
        total += len(chunk_article(parse_article(art.text.encode("utf-8"), art.name, max_bytes=10_000_000)))
    return total / sample


def ensure_corpus(root: Path, gen: CorpusGenerator, target_chunks: int, say: Say) -> Corpus:
    """The folder of articles for a size, written once and reused."""
    per = chunks_per_article(gen)
    count = math.ceil(target_chunks / per)
    folder = root / f"corpus-{target_chunks}"
    have = sum(1 for _ in folder.glob("*.txt")) if folder.exists() else 0
    if have != count:
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        gen.write(folder, count)
        say(
            f"wrote {count} articles (~{per:.1f} chunks each) to {folder} "
            f"in {time.perf_counter() - started:.1f}s"
        )
    return Corpus(folder=folder, articles=count)


def stub_embeddings(gen: CorpusGenerator) -> SeedVectorEmbeddings:
    """Stub passage embedder built from real e5 vectors of the seed sentences; real e5 queries."""
    from index.embedding import E5_NAME, E5Embeddings

    e5 = E5Embeddings()
    sentences = [s.text for s in gen.sentences]
    vectors = np.asarray(e5.embed_documents(sentences), dtype=np.float32)
    return SeedVectorEmbeddings.from_sentences(
        sentences,
        vectors,
        lambda q: np.asarray(e5.embed_query(q), dtype=np.float32),
        aliases=gen.aliases,
        name=E5_NAME,
    )


def build(settings: Settings, embeddings: SeedVectorEmbeddings, say: Say) -> tuple[int, float, int]:
    """Index the corpus from scratch; returns (chunks, seconds, sentences)."""
    from index.store import Store
    from index.sync import build_index

    tokens = stub_token_encoder() if settings.token_states == "stored" else None

    store = Store(settings, embeddings)
    last = {"t": 0.0}

    def progress(line: str) -> None:
        now = time.perf_counter()
        if now - last["t"] >= 10:  # a line every 10 s is enough for 100,000 chunks
            last["t"] = now
            say("  " + line)

    started = time.perf_counter()
    report = build_index(settings, store, progress=progress, tokens=tokens)
    seconds = time.perf_counter() - started
    _, sentences = store.open()
    return report.chunks_total, seconds, int(sentences.count())


def probe(settings: Settings, questions: list[str], rounds: int) -> tuple[float, dict[str, object]]:
    """Start a fresh process on the index; wall seconds to its first answer, and its timings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    env.update(
        NEWSBOT_ARTICLES_DIR=str(settings.articles_dir),
        NEWSBOT_INDEX_DIR=str(settings.index_dir),
        NEWSBOT_COLLECTION=settings.collection,
        NEWSBOT_LOG_LEVEL="WARNING",
        NEWSBOT_TOKEN_STATES=settings.token_states,
        HF_HUB_OFFLINE="1",
    )
    if settings.chroma_url:
        env["NEWSBOT_CHROMA_URL"] = settings.chroma_url
    started = time.perf_counter()
    cmd = [
        sys.executable,
        "-m",
        "bot.bench.probe",
        "--questions",
        json.dumps(questions),
        "--rounds",
        str(rounds),
        "--spawned-at",
        repr(time.time()),
    ]
    child = subprocess.Popen(cmd, env=env, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    wall_first = float("nan")
    result: dict[str, object] = {}
    for line in child.stdout:
        if line.startswith("FIRST "):
            wall_first = time.perf_counter() - started
        elif line.startswith("{"):
            result = json.loads(line)
    if child.wait() != 0 or not result:
        raise RuntimeError(f"probe process failed (exit {child.returncode}); see its stderr above")
    return wall_first, result


@dataclass(frozen=True)
class Built:
    """Ingestion figures of one build."""

    chunks: int
    seconds: float
    sentences: int


def run_size(
    root: Path,
    kind: str,
    corpus: Corpus,
    target: int,
    embeddings: SeedVectorEmbeddings,
    questions: list[str],
    rounds: int,
    say: Say,
    reuse: Built | None = None,
    token_states: Literal["stored", "lazy"] = "stored",
) -> SizeResult:
    """Build one corpus into one kind of store (or reuse that build) and measure it."""
    index_dir = root / f"index-{kind}-{target}"
    server_dir = root / f"chroma-server-{target}"
    if reuse is None:
        shutil.rmtree(index_dir, ignore_errors=True)
        shutil.rmtree(server_dir, ignore_errors=True)
    server: ChromaServer | None = None
    if kind == "server":
        server = ChromaServer(path=server_dir, log_path=root / f"chroma-server-{target}.log").start()
    try:
        settings = Settings(
            articles_dir=corpus.folder,
            index_dir=index_dir,
            collection=COLLECTION,
            chroma_url=server.url if server else None,
            # Token states are stubbed like the passage vectors when stored: encoding every sentence
            # for real would make a 100,000-chunk build take hours. Lazy: answers encode them for real.
            token_states=token_states,
        )
        if reuse is None:
            say(f"{kind}: building {corpus.articles} articles (target {target:,} chunks)")
            built = Built(*build(settings, embeddings, say))
            say(
                f"{kind}: {built.chunks:,} chunks, {built.sentences:,} sentences in "
                f"{built.seconds:.1f}s ({built.chunks / built.seconds:,.0f} chunks/s)"
            )
        else:
            built = reuse
        wall_first, timings = probe(settings, questions, rounds)
        say(f"{kind}: first answer in a fresh process after {wall_first:.2f}s")
        disk = folder_mb(index_dir) + (folder_mb(server_dir) if server else 0.0)
        server_rss = rss_mb(server.pid) if server and server.pid else None
    finally:
        if server:
            server.stop()
    n = int(timings["questions"])  # type: ignore[call-overload]
    retrieval: list[float] = timings["retrieval_s"]  # type: ignore[assignment]
    answers: list[float] = timings["answer_s"]  # type: ignore[assignment]
    return SizeResult(
        store=kind,
        token_states=token_states,
        target_chunks=target,
        chunks=built.chunks,
        sentences=built.sentences,
        articles=corpus.articles,
        ingest_seconds=built.seconds,
        ingest_chunks_per_s=built.chunks / built.seconds,
        retrieval=latency(retrieval[n:] or retrieval),
        answer=latency(answers[n:] or answers),
        retrieval_first_pass=latency(retrieval[:n]),
        answer_first_pass=latency(answers[:n]),
        startup_seconds=wall_first,
        startup_in_process_seconds=float(timings["first_answer_s"]),  # type: ignore[arg-type]
        startup_open_seconds=float(timings["opened_s"]),  # type: ignore[arg-type]
        startup_import_seconds=float(timings["imported_s"]),  # type: ignore[arg-type]
        rss_mb=float(timings["rss_mb"]),  # type: ignore[arg-type]
        index_mb=disk,
        server_rss_mb=server_rss,
    )


def seed_generator(seeds: Path) -> CorpusGenerator:
    """The corpus generator over the seed articles."""
    return CorpusGenerator(load_seed_sentences(seeds))
