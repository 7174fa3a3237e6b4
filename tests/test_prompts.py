"""The prompt contract: numbered sources, language, citation format, fixed no-answer sentence."""

from __future__ import annotations

from bot.generation import PromptSource, answer_messages, rewrite_messages
from bot.messages import ABSTAIN

SOURCES = [
    PromptSource(n=1, title="Putin to visit India", published="2025-11-26", text="Putin arrives."),
    PromptSource(n=2, title="जयशंकर मास्को में", published=None, text="जयशंकर ने पुतिन से मुलाकात की।"),
]


def test_sources_are_numbered_and_dated() -> None:
    system, user = answer_messages("Who met Putin?", SOURCES, language="en")
    assert '<source n="1" title="Putin to visit India" published="2025-11-26">' in user.text
    assert '<source n="2" title="जयशंकर मास्को में">' in user.text
    assert user.text.rstrip().endswith("Answer in English, citing sources as [n]:")
    assert "[1]" in system.text and ABSTAIN["en"] in system.text


def test_hindi_question_gets_hindi_rules() -> None:
    system, _user = answer_messages("पुतिन से किसने मुलाकात की?", SOURCES, language="hi")
    assert "Answer in Hindi" in system.text and ABSTAIN["hi"] in system.text
    assert ABSTAIN["en"] not in system.text


def test_rewrite_prompt_carries_the_conversation() -> None:
    _, user = rewrite_messages("When will he visit?", [("Who met Jaishankar?", "Putin [1].")])
    assert "User: Who met Jaishankar?" in user.text and "Assistant: Putin [1]." in user.text
    assert user.text.rstrip().endswith("Standalone question:")
