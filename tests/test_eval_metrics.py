"""Eval metrics on known inputs."""

from __future__ import annotations

import pytest

from bot.evaluate import metrics


def test_alias_match_normalises_case_nfkc_and_dashes() -> None:
    assert metrics.alias_match("Putin visits from DECEMBER 4–5 [1].", ["December 4-5"])
    assert metrics.alias_match("He met ＬＡＶＲＯＶ", ["Lavrov"])  # full-width letters, NFKC
    assert metrics.alias_match("उन्होंने Monday को लावरोव से मुलाकात की।", ["Lavrov", "लावरोव"])


def test_alias_match_needs_whole_words() -> None:
    assert not metrics.alias_match("a fourth delegation", ["four"])
    assert not metrics.alias_match("the network", ["two"])
    assert metrics.alias_match("A four-member delegation", ["four"])
    assert not metrics.alias_match("anything", [])


def test_alias_match_keeps_devanagari_words_whole() -> None:
    # "26वें" is one word: the alias "26" must not match it, "26वें" must.
    assert metrics.alias_match("आयोग के 26वें सत्र की", ["26वें"])
    assert not metrics.alias_match("आयोग के 26वें सत्र की", ["26"])


def test_f1_tokens_strip_unicode_punctuation_danda_and_articles() -> None:
    assert metrics.f1_tokens("The meeting, in “Moscow”!") == ["meeting", "in", "moscow"]
    assert metrics.f1_tokens("लावरोव से मुलाकात की।") == ["लावरोव", "से", "मुलाकात", "की"]


def test_token_f1_known_values() -> None:
    assert metrics.token_f1("Sergei Lavrov", ["Sergei Lavrov"]) == 1.0
    # prediction 4 tokens, truth 2, overlap 2: P=0.5 R=1 F1=2/3
    assert metrics.token_f1("he met Sergei Lavrov", ["Sergei Lavrov"]) == pytest.approx(2 / 3)
    assert metrics.token_f1("nothing shared", ["Lavrov"]) == 0.0
    # best alias wins
    assert metrics.token_f1("Lavrov", ["Sergei Lavrov", "Lavrov"]) == 1.0
    assert metrics.token_f1("Lavrov", []) == 0.0


def test_ranking_metrics() -> None:
    ranked = metrics.ranked_unique(["b", "a", "b", "c"])
    assert ranked == ["b", "a", "c"]
    assert metrics.hit_at_k(ranked, ["a"], 1) is False
    assert metrics.hit_at_k(ranked, ["a"], 2) is True
    assert metrics.reciprocal_rank(ranked, ["c", "x"]) == pytest.approx(1 / 3)
    assert metrics.reciprocal_rank(ranked, ["x"]) == 0.0
    assert metrics.hit_at_k([], ["a"], 3) is False


def test_citation_validity() -> None:
    assert metrics.citation_valid([1, 2], [1, 2, 3])
    assert not metrics.citation_valid([1, 4], [1, 2, 3])
    assert not metrics.citation_valid([], [1, 2])  # an uncited answer is not valid


def test_citation_precision() -> None:
    assert metrics.citation_precision(["a", "b"], ["a"]) == 0.5
    assert metrics.citation_precision(["a"], ["a", "b"]) == 1.0
    assert metrics.citation_precision([], ["a"]) is None


def test_rates_for_refusals() -> None:
    # refusal recall over unanswerable questions: 3 of 4 abstained
    assert metrics.rate([True, True, False, True]) == 0.75
    assert metrics.rate([]) is None
    assert metrics.mean([0.5, 1.0]) == 0.75
    assert metrics.mean([]) is None


def test_percentiles_interpolate_like_numpy() -> None:
    data = [10.0, 20.0, 30.0, 40.0]
    assert metrics.percentile(data, 50) == 25.0
    assert metrics.percentile(data, 95) == pytest.approx(38.5)
    assert metrics.percentile([7.0], 95) == 7.0
    assert metrics.percentile([], 50) is None
    with pytest.raises(ValueError):
        metrics.percentile(data, 120)
