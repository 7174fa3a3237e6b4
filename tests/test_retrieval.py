"""Fusing and de-duplicating retrieved chunks."""

from __future__ import annotations

from langchain_core.documents import Document

from bot.retrieval.hybrid import Hit, collapse_duplicates

WIRE = "Russian Defence Minister Andrei Belousov met Rajnath Singh in Moscow on Tuesday to discuss ties."


def hit(text: str, n: int) -> Hit:
    return Hit(doc=Document(id=f"c{n}", page_content=text), fused=1.0 / n)


def test_a_story_repeated_by_a_second_outlet_is_kept_once() -> None:
    hits = [hit(WIRE, 1), hit(WIRE + " (ANI)", 2), hit("पुतिन ने मोदी से फोन पर बात की।", 3)]
    assert [h.doc.id for h in collapse_duplicates(hits)] == ["c1", "c3"]


def test_collapsing_stops_at_the_limit_and_keeps_the_best_ranked() -> None:
    texts = [
        "Floods closed schools across Assam.",
        "The central bank held its repo rate.",
        "India won the third Test by six wickets.",
        "A new metro line opened in Pune.",
    ]
    hits = [hit(WIRE, 1), hit(WIRE, 2), *(hit(t, n) for n, t in enumerate(texts, start=3))]
    assert [h.doc.id for h in collapse_duplicates(hits, limit=3)] == ["c1", "c3", "c4"]
    assert len(collapse_duplicates(hits)) == 5
