"""Terminal table, HTML page and atomic file writes."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from bot.evaluate import output
from bot.evaluate.output import write_atomic
from bot.evaluate.page import render_html
from bot.evaluate.table import render_table
from tests.test_eval_report import make_report


def test_table_shows_both_systems_breakdowns_failures_and_floors() -> None:
    text = render_table(make_report())
    header = next(line for line in text.splitlines() if line.startswith("metric"))
    assert header.split() == ["metric", "newsbot", "baseline"]
    assert re.search(r"answer accuracy\s+0\.50\s+", text)
    assert "source hit@3" in text
    assert re.search(r"^hi\s+1\s+1\.00 / -", text, re.MULTILINE)
    assert re.search(r"^unanswerable\s+2\s", text, re.MULTILINE)
    assert "- raises [en/name] raised an error" in text
    assert "InvalidQuestionError: Question too long" in text
    assert "accuracy 0.50 >= 0.90  BELOW FLOOR" in text


def test_html_is_one_self_contained_page() -> None:
    page = render_html(make_report())
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>")
    assert page.count("<svg") == 4
    assert not re.search(r"<script|<link|<img|src=|@import", page)
    for heading in ("CI floors", "Charts", "Overall", "By language", "By type", "Failing cases"):
        assert f"<h2>{heading}" in page
    assert "InvalidQuestionError" in page


def test_write_atomic_writes_with_plain_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "report.json"
    write_atomic(target, "{}")
    assert target.read_text(encoding="utf-8") == "{}"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_write_atomic_keeps_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src: str, dst: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]
