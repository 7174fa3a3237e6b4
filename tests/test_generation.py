"""Generated answers with scripted replies: streaming, mapping, fallback, failures."""

from __future__ import annotations

from collections.abc import Iterator

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from bot.generation import generate_answer, rewrite_question, stream_generated_answer
from bot.schema import Answer
from bot.settings import Settings
from tests.llm_fakes import WordEmbeddings, documents, extractive

SETTINGS = Settings(llm="openai", llm_timeout=5.0)
QUESTION = "When will Putin arrive in India?"


def fake(*replies: str) -> GenericFakeChatModel:
    """A chat model that answers with the scripted replies in turn."""
    return GenericFakeChatModel(messages=iter([AIMessage(content=r) for r in replies]))


def run(reply: str, *, abstained: bool = False) -> list[str | Answer]:
    return list(
        stream_generated_answer(
            QUESTION, documents(), llm=fake(reply), embeddings=WordEmbeddings(),
            fallback=extractive(QUESTION, abstained=abstained), settings=SETTINGS,
        )
    )


def test_pieces_stream_before_one_final_answer() -> None:
    items = run("Russian President Vladimir Putin is scheduled to arrive in India in December [1].")
    pieces = [i for i in items if isinstance(i, str)]
    assert len(pieces) > 3, "the reply arrives in several pieces"
    assert isinstance(items[-1], Answer)
    assert sum(isinstance(i, Answer) for i in items) == 1
    assert "".join(pieces).startswith("Russian President")


def test_citations_map_to_the_passages_the_model_was_shown() -> None:
    answer = run(
        "Heavy rain flooded 14 villages in Assam [3]. "
        "Putin is scheduled to arrive in India in December [1]."
    )[-1]
    assert isinstance(answer, Answer)
    assert answer.path == "llm"
    assert answer.text == (
        "Heavy rain flooded 14 villages in Assam [1]. "
        "Putin is scheduled to arrive in India in December [2]."
    )
    assert [(s.n, s.doc_id) for s in answer.sources] == [(1, "009.txt"), (2, "000.txt")]
    assert answer.sources[0].snippet == "Heavy rain flooded 14 villages in Assam on Monday."
    first = answer.sources[0]
    assert first.passage[first.snippet_start : first.snippet_end] == first.snippet


def test_unsupported_sentence_is_dropped_with_a_notice() -> None:
    answer = run(
        "Putin is scheduled to arrive in India in December [1]. "
        "He will also sign a nuclear submarine deal [1]."
    )[-1]
    assert isinstance(answer, Answer)
    assert answer.path == "llm"
    assert "submarine" not in answer.text
    assert answer.notice is not None and "1 sentence" in answer.notice


def test_reply_without_a_valid_citation_falls_back_to_extractive() -> None:
    answer = run("Putin arrives in December, as everyone knows [8].")[-1]
    assert isinstance(answer, Answer)
    assert answer.path == "llm-fallback"
    assert answer.text == extractive(QUESTION).text
    assert answer.notice is not None and "extractive" in answer.notice


def test_model_saying_no_answer_falls_back_with_its_reason() -> None:
    answer = run("I could not find the answer to that in the news articles I have.")[-1]
    assert isinstance(answer, Answer)
    assert answer.path == "llm-fallback"
    assert answer.notice is not None and "no answer" in answer.notice


def test_abstention_is_kept_without_asking_the_model() -> None:
    items = run("Should never be read [1].", abstained=True)
    assert len(items) == 1
    assert isinstance(items[0], Answer) and items[0].abstained and items[0].path == "extractive"


def test_reply_with_no_words_is_garbage_and_falls_back() -> None:
    answer = run("<|im_end|> ### ...")[-1]
    assert isinstance(answer, Answer)
    assert answer.path == "llm-fallback"
    assert answer.notice is not None and "no words" in answer.notice


def test_generate_answer_returns_the_final_answer() -> None:
    answer = generate_answer(
        QUESTION, documents(), llm=fake("Putin will arrive in India in December [1]."),
        embeddings=WordEmbeddings(), fallback=extractive(QUESTION), settings=SETTINGS,
    )
    assert answer.path == "llm"
    assert answer.sources[0].doc_id == "000.txt"


def test_follow_up_is_rewritten_from_the_first_line() -> None:
    llm = fake("Standalone question: When will Putin visit India?\nHe is expected in December.")
    history = [("Who met Jaishankar in Moscow?", "Putin met him [1].")]
    assert rewrite_question("When will he visit India?", history, llm=llm, settings=SETTINGS) == (
        "When will Putin visit India?"
    )


def test_rewrite_in_another_script_is_ignored() -> None:
    llm = fake("पुतिन भारत कब आएंगे?")
    history = [("Who met Jaishankar?", "Putin [1].")]
    assert rewrite_question("When will he come?", history, llm=llm, settings=SETTINGS) == (
        "When will he come?"
    )


def test_without_history_the_model_is_not_asked() -> None:
    def never() -> Iterator[AIMessage]:
        raise AssertionError("the model must not be called")
        yield AIMessage(content="")  # pragma: no cover

    llm = GenericFakeChatModel(messages=never())
    assert rewrite_question("Who won?", None, llm=llm, settings=SETTINGS) == "Who won?"
