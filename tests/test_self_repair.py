"""Both command lines repair a damaged keyword file from the store, with a warning, and carry on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import Settings
from index.store import KeywordIndex
from index.sync.builder import keyword_path

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], settings: Settings) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBOT_")} | {
        "NEWSBOT_INDEX_DIR": str(settings.index_dir),
        "NEWSBOT_ARTICLES_DIR": str(settings.articles_dir),
        "NEWSBOT_COLLECTION": settings.collection,
    }
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.mark.parametrize("command", [["bot", "When will Putin visit India?"], ["index"]])
def test_a_truncated_keyword_file_is_rebuilt_from_the_store(
    e5_settings: Settings, tmp_path: Path, command: list[str]
) -> None:
    shutil.copytree(e5_settings.index_dir, tmp_path / "index")
    settings = e5_settings.model_copy(update={"index_dir": tmp_path / "index"})
    path = keyword_path(settings)
    healthy = KeywordIndex.load(path).ids
    path.write_bytes(path.read_bytes()[:1000])
    out = run(command, settings)
    assert out.returncode == 0, out.stderr
    assert "unreadable" in out.stderr and "rebuilding it from the store" in out.stderr
    assert KeywordIndex.load(path).ids == healthy
    if command[0] == "bot":
        assert "December" in out.stdout and "[1]" in out.stdout
