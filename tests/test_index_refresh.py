"""A running reader sees what another process added to the index, without a restart."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from bot import answer, get_retriever
from bot.settings import Settings

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
STORY = (
    "Pune, March 3 (PTI): The Zorblax festival of kites opens in Pune on Friday, the organisers said. "
    "More than 400 kite makers from 12 states will take part in the Zorblax festival this year. "
    "The festival closes on Sunday with a night parade of lit kites along the river."
)


def test_an_article_indexed_by_another_process_is_answered_from(
    e5_settings: Settings, tmp_path: Path
) -> None:
    shutil.copytree(e5_settings.index_dir, tmp_path / "index")
    shutil.copytree(e5_settings.articles_dir, tmp_path / "articles")
    settings = e5_settings.model_copy(
        update={"index_dir": tmp_path / "index", "articles_dir": tmp_path / "articles"}
    )
    question = "When does the Zorblax festival open?"
    before = answer(question, settings=settings)
    assert before.abstained
    opened = get_retriever(settings)
    assert get_retriever(settings) is opened  # nothing changed: the same retriever

    new = tmp_path / "zorblax.txt"
    new.write_text(STORY, "utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")} | {
        "NEWSBOT_INDEX_DIR": str(settings.index_dir),
        "NEWSBOT_ARTICLES_DIR": str(settings.articles_dir),
        "NEWSBOT_COLLECTION": settings.collection,
    }
    subprocess.run(
        [sys.executable, "-m", "index", str(new)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )

    after = answer(question, settings=settings)
    assert not after.abstained and after.sources[0].doc_id == "zorblax.txt" and "Friday" in after.text
    retriever = get_retriever(settings)
    assert retriever is not opened
    # Found by the vector search too, not only by keywords: the store was read afresh from disk.
    hits = retriever.search("Zorblax kite festival in Pune").hits
    assert any(h.doc.metadata["doc_id"] == "zorblax.txt" and h.dense > 0 for h in hits)


@pytest.mark.server
def test_a_build_from_another_machine_on_a_chroma_server_is_seen(tmp_path: Path, chroma_server: str) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    shutil.copyfile(seed, articles / seed.name)
    here = Settings(
        articles_dir=articles, index_dir=tmp_path / "here", collection="refresh", chroma_url=chroma_server
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")} | {
        "NEWSBOT_ARTICLES_DIR": str(articles),
        "NEWSBOT_COLLECTION": "refresh",
        "NEWSBOT_CHROMA_URL": chroma_server,
        # Another machine: its own keyword file, so only the server's build record tells of its change.
        "NEWSBOT_INDEX_DIR": str(tmp_path / "there"),
    }
    run = partial(subprocess.run, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    run([sys.executable, "-m", "index"])
    question = "When does the Zorblax festival open?"
    assert answer(question, settings=here).abstained
    new = tmp_path / "zorblax.txt"
    new.write_text(STORY, "utf-8")
    run([sys.executable, "-m", "index", str(new)])
    after = answer(question, settings=here)
    assert not after.abstained and after.sources[0].doc_id == "zorblax.txt"
