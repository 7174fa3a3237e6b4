"""NEWSBOT_* variables: a bad value is a clear error naming it, an empty one means unset."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.__main__ import main as ask_main
from bot.errors import SettingsError
from bot.settings import get_settings
from index.__main__ import main as index_main


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_malformed_value_names_the_variable_its_value_and_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBOT_TOP_K", "six")
    monkeypatch.setenv("NEWSBOT_QUERY_THREADS", "0")
    with pytest.raises(SettingsError) as caught:
        get_settings()
    message = str(caught.value)
    assert "NEWSBOT_TOP_K='six'" in message and "valid integer" in message
    assert "NEWSBOT_QUERY_THREADS='0'" in message and "greater than or equal to 1" in message
    assert "unset it" in message


def test_an_empty_variable_means_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBOT_EMBED_THREADS", "")
    monkeypatch.setenv("NEWSBOT_TOP_K", "")
    settings = get_settings()
    assert settings.embed_threads is None
    assert settings.top_k == type(settings).model_fields["top_k"].default


@pytest.mark.parametrize("run", [lambda: ask_main(["When did Putin visit?"]), lambda: index_main([])])
def test_the_command_line_reports_a_bad_setting_without_a_traceback(
    run: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSBOT_PORT", "http")
    assert callable(run)
    assert run() == 2
    err = capsys.readouterr().err
    assert err.startswith("error: NEWSBOT_PORT='http'")
    assert "Traceback" not in err
