"""The answer() contract on the real e5 index: cited, cross-lingual, abstaining, and strict on bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot import Answer, InvalidQuestionError, Source, answer
from bot.citations import find_markers
from bot.settings import Settings

pytestmark = pytest.mark.slow


def ask(question: str, settings: Settings, **kwargs: object) -> Answer:
    return answer(question, settings=settings, **kwargs)  # type: ignore[arg-type]


def assert_citations_map(result: Answer) -> None:
    markers = find_markers(result.text)
    assert markers, result.text
    assert markers == [s.n for s in result.sources]  # numbered in citation order
    for source in result.sources:
        assert isinstance(source, Source)
        assert source.snippet in result.text
        assert source.passage[source.snippet_start : source.snippet_end] == source.snippet


def test_contract_shape(e5_settings: Settings) -> None:
    result = ask("When will Putin visit India?", e5_settings, history=None)
    assert isinstance(result, Answer) and not result.abstained
    assert_citations_map(result)
    assert "December" in result.text
    assert result.confidence is not None and 0.5 < result.confidence <= 1.0
    top = result.sources[0]
    assert top.doc_id.endswith(".txt") and top.title and top.language in ("en", "hi")


def test_english_question_answered_from_the_hindi_article(e5_settings: Settings) -> None:
    result = ask("Whom did Jaishankar meet in Moscow on Monday?", e5_settings)
    assert not result.abstained
    cited = [s for s in result.sources if "लावरोव" in s.snippet]
    assert cited and cited[0].doc_id == "002_06019d068f654b61.txt" and cited[0].language == "hi"


def test_hindi_question(e5_settings: Settings) -> None:
    result = ask("पीएम मोदी ने रूस का दौरा कब किया?", e5_settings)
    assert not result.abstained
    assert_citations_map(result)
    assert "2024" in result.text


def test_unanswerable_question_abstains_with_closest_matches(e5_settings: Settings) -> None:
    result = ask("Who won the cricket world cup final?", e5_settings)
    assert result.abstained and result.sources == [] and find_markers(result.text) == []
    assert result.closest and all(c.snippet for c in result.closest)


def test_abstention_says_why_in_the_question_language(e5_settings: Settings) -> None:
    # Refusing everything shows what each refusal would say: the word no article has, if any.
    strict = e5_settings.model_copy(update={"abstain_threshold": 1.0})
    english = ask("Who is Russia's ambassador to India?", strict)
    assert english.abstained and english.notice == "No article mentions “ambassador”."
    hindi = ask("डेनिस मंटुरोव की उम्र कितनी है?", strict)
    assert hindi.abstained and hindi.notice is not None and "उम्र" in hindi.notice
    plain = ask("When will Putin visit India?", strict)
    assert plain.abstained and plain.notice == "The closest passages match the question only loosely."
    assert plain.confidence is not None and plain.confidence > 0.5  # refused only by the override


def test_follow_up_carries_the_entity(e5_settings: Settings) -> None:
    first = ask("When will Putin visit India?", e5_settings)
    follow = ask("Who invited him?", e5_settings, history=[(first.question, first.text)])
    assert follow.resolved_question and "Putin" in follow.resolved_question
    assert not follow.abstained and "Modi" in follow.text


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * 20_000, "limit"),
        ("\x00\x01\x02", "empty"),
        ("普京什么时候访问印度？", "English or Hindi"),
        ("?!?", "no words"),
    ],
)
def test_bad_questions_get_clear_errors(e5_settings: Settings, question: str, message: str) -> None:
    with pytest.raises(InvalidQuestionError, match=message):
        ask(question, e5_settings)


def test_control_characters_are_removed_not_fatal(e5_settings: Settings) -> None:
    result = ask("When\x00 will\x07 Putin visit India?", e5_settings)
    assert result.question == "When will Putin visit India?" and not result.abstained


def test_cli_prints_json(e5_settings: Settings) -> None:
    env = {
        "NEWSBOT_INDEX_DIR": str(e5_settings.index_dir),
        "NEWSBOT_ARTICLES_DIR": str(e5_settings.articles_dir),
        "NEWSBOT_COLLECTION": e5_settings.collection,
        "PATH": "/usr/bin:/bin",
    }
    out = subprocess.run(
        [sys.executable, "-m", "bot", "--json", "Whom did Jaishankar meet in Moscow on Monday?"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    parsed = Answer.model_validate(json.loads(out.stdout))
    assert "002_06019d068f654b61.txt" in [s.doc_id for s in parsed.sources]
    bad = subprocess.run(
        [sys.executable, "-m", "bot", ""], capture_output=True, text=True, env=env, timeout=120
    )
    assert bad.returncode == 2 and "empty" in bad.stderr
