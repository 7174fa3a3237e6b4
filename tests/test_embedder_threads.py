"""The bundled e5 engine on a shared machine: its threads sleep while waiting, a question uses one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.bench.latency import busy_processes
from index.embedding.embeddings import available_cores

ROOT = Path(__file__).resolve().parent.parent

# Threads of the process before the engine loads, after a question, after a batch of passages.
PROBE = """
import os
from index.embedding import E5Embeddings
assert "OMP_WAIT_POLICY" not in os.environ or os.environ["OMP_WAIT_POLICY"] == "ACTIVE"
tasks = lambda: len(os.listdir("/proc/self/task"))
e = E5Embeddings()
before = tasks()
e.embed_query("When will Putin visit India?")
after_query = tasks()
e.embed_documents(["Putin is to visit India in December.", "Jaishankar met Lavrov in Moscow."])
print(os.environ["OMP_WAIT_POLICY"], before, after_query, tasks())
"""


def probe(env: dict[str, str]) -> tuple[str, int, int, int]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OMP_")}
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    policy, *counts = out.stdout.split()
    before, after_query, after_passages = (int(c) for c in counts)
    return policy, before, after_query, after_passages


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads through /proc")
def test_engine_waits_passively_and_a_question_starts_no_thread_pool() -> None:
    policy, before, after_query, after_passages = probe({})
    assert policy == "PASSIVE"
    # A question runs on the calling thread alone: no OpenMP team to wake on a busy machine.
    assert after_query == before
    if available_cores() > 1:
        # Passages in a build use every core.
        assert after_passages == before + available_cores() - 1


def test_a_wait_policy_the_user_chose_is_kept() -> None:
    policy, *_ = probe({"OMP_WAIT_POLICY": "ACTIVE"})
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
