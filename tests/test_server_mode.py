"""NEWSBOT_CHROMA_URL end to end against a real Chroma server: build, update, answer, fail, repair."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from bot.answering import answer
from bot.bench.corpus import CorpusGenerator, load_seed_sentences
from bot.bench.server import ChromaServer, free_port
from bot.errors import StoreUnavailableError
from bot.settings import Settings
from index.store import Store
from index.sync.builder import build_index, load_keyword_index
from tests.build_worker import FAKE_SIZE
from tests.conftest import ROOT, SEED_FILES, make_settings

pytestmark = pytest.mark.server


def fake() -> DeterministicFakeEmbedding:
    return DeterministicFakeEmbedding(size=FAKE_SIZE)


def server_settings(tmp: Path, url: str, collection: str, **overrides: object) -> Settings:
    return make_settings(tmp, chroma_url=url, collection=collection, **overrides)


def chunk_ids_by_doc(store: Store) -> dict[str, set[str]]:
    chunks, _ = store.open()
    return store.ids_by_doc(chunks)


def assert_consistent(store: Store, settings: Settings) -> None:
    """No duplicate chunks, and the keyword index holds exactly the stored chunks."""
    ids = [c.id for c in store.iter_chunks()]
    assert len(ids) == len(set(ids)) == store.count()
    assert load_keyword_index(store, settings).ids == set(ids)


def test_build_change_delete_on_server(tmp_path: Path, chroma_server: str) -> None:
    settings = server_settings(tmp_path, chroma_server, "updates")
    store = Store(settings, fake())
    first = build_index(settings, store)
    assert first.articles == 5 and first.chunks_total == store.count() > 20
    assert store.where == chroma_server
    # Nothing lands in the embedded folder: the server holds the vectors.
    assert not (settings.index_dir / "chroma").exists()
    before = chunk_ids_by_doc(store)

    changed, deleted = SEED_FILES[0].name, SEED_FILES[4].name
    path = settings.articles_dir / changed
    path.write_text(
        path.read_text("utf-8") + "\nThe summit ended with a joint statement on trade.\n", "utf-8"
    )
    (settings.articles_dir / deleted).unlink()
    second = build_index(settings, Store(settings, fake()))
    after = chunk_ids_by_doc(store)
    assert deleted not in after
    assert after[changed] != before[changed] and after[changed] & before[changed]
    for doc in set(before) - {changed, deleted}:
        assert after[doc] == before[doc]
    assert second.chunks_removed >= len(before[deleted])
    assert_consistent(Store(settings, fake()), settings)
    again = build_index(settings, Store(settings, fake()))
    assert (again.chunks_added, again.chunks_removed) == (0, 0)


def run_cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_env_var_switches_cli_build_and_answer_to_the_server(tmp_path: Path, chroma_server: str) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copyfile(SEED_FILES[0], articles / SEED_FILES[0].name)
    base = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")}
    base.update(NEWSBOT_ARTICLES_DIR=str(articles), NEWSBOT_COLLECTION="cli-e5", HF_HUB_OFFLINE="1")
    on_server = dict(base, NEWSBOT_CHROMA_URL=chroma_server, NEWSBOT_INDEX_DIR=str(tmp_path / "server-index"))
    embedded = dict(base, NEWSBOT_INDEX_DIR=str(tmp_path / "embedded-index"))
    assert "1 articles" in run_cli(on_server, "index")
    assert not (tmp_path / "server-index" / "chroma").exists()
    run_cli(embedded, "index")
    assert (tmp_path / "embedded-index" / "chroma").exists()
    question = "Who met Putin in Moscow?"
    from_server = run_cli(on_server, "bot", question)
    assert "[1]" in from_server and "Jaishankar" in from_server
    # The same answer, word for word, whichever store holds the index.
    assert from_server == run_cli(embedded, "bot", question)


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    settings = server_settings(tmp_path, url, "nowhere")
    with pytest.raises(StoreUnavailableError, match=url.replace(".", r"\.")):
        build_index(settings, Store(settings, fake()))
    with pytest.raises(StoreUnavailableError, match=url.replace(".", r"\.")):
        answer("When will Putin visit India?", settings=settings)


def write_corpus(folder: Path, count: int) -> None:
    CorpusGenerator(load_seed_sentences(ROOT / "seeds")).write(folder, count)


def test_server_going_away_mid_build_then_repair(
    tmp_path: Path, chroma_server_factory: Callable[[], ChromaServer]
) -> None:
    server = chroma_server_factory()
    write_corpus(tmp_path / "articles", 30)
    settings = server_settings(tmp_path, server.url, "goes-away", write_batch=16)
    store = Store(settings, fake())
    calls = {"n": 0}
    real_upsert = store.upsert

    def upsert_then_lose_server(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 6:
            server.stop()
        real_upsert(*args, **kwargs)  # type: ignore[arg-type]

    store.upsert = upsert_then_lose_server  # type: ignore[method-assign]
    with pytest.raises(StoreUnavailableError) as failure:
        build_index(settings, store)
    assert server.url in str(failure.value) and "python -m index" in str(failure.value)

    server.start()  # same folder and port: what was written survives
    assert Store(settings, fake()).build_info()["complete"] is False
    repaired = build_index(settings, Store(settings, fake()))
    assert Store(settings, fake()).build_info()["complete"] is True
    fresh_settings = settings.model_copy(update={"collection": "goes-away-fresh"})
    fresh = build_index(fresh_settings, Store(fresh_settings, fake()))
    assert repaired.chunks_total == fresh.chunks_total
    assert {c.id for c in Store(settings, fake()).iter_chunks()} == {
        c.id for c in Store(fresh_settings, fake()).iter_chunks()
    }
    assert_consistent(Store(settings, fake()), settings)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["server", "embedded"])
def test_killed_build_process_is_resumed_exactly(tmp_path: Path, chroma_server: str, mode: str) -> None:
    articles = tmp_path / "articles"
    write_corpus(articles, 30)
    url = chroma_server if mode == "server" else None
    collection = f"killed-{mode}"
    cmd = [
        sys.executable,
        "-m",
        "tests.build_worker",
        "--articles",
        str(articles),
        "--index",
        str(tmp_path / "index"),
        "--collection",
        collection,
        "--batch",
        "8",
        "--delay",
        "0.05",
    ]
    if url:
        cmd += ["--url", url]
    worker = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert worker.stdout is not None
    written = 0
    for line in worker.stdout:
        if line.startswith("[") and "+" in line:
            written += 1
            if written == 5:
                worker.send_signal(signal.SIGKILL)
                break
    worker.wait(timeout=30)
    assert worker.returncode == -signal.SIGKILL, "the build finished before it could be killed"

    settings = Settings(
        articles_dir=articles,
        index_dir=tmp_path / "index",
        collection=collection,
        chroma_url=url,
        write_batch=8,
    )
    half = Store(settings, fake())
    assert half.build_info()["complete"] is False
    assert half.count() > 0
    resumed = build_index(settings, Store(settings, fake()))
    assert resumed.chunks_added > 0
    fresh_settings = settings.model_copy(
        update={"collection": f"{collection}-fresh", "index_dir": tmp_path / "fresh"}
    )
    fresh = build_index(fresh_settings, Store(fresh_settings, fake()))
    assert resumed.chunks_total == fresh.chunks_total
    assert {c.id for c in Store(settings, fake()).iter_chunks()} == {
        c.id for c in Store(fresh_settings, fake()).iter_chunks()
    }
    assert_consistent(Store(settings, fake()), settings)
