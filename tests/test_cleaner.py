"""The real seeds: clutter is dropped, the story kept, metadata found (golden)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.loading import clean_text, extract_meta

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def load(name: str) -> tuple[str, str]:
    raw = (SEEDS / name).read_text("utf-8")
    return raw, clean_text(raw)


CLUTTER = [
    "Advertisement",
    "Also Read |",
    "Subscribe To Print Edition",
    "search-icon-img",
    "featured-img",
    "whatsapp",
    "Updated At",
    "Copyright ©",
    "now published from Chandigarh",
    "The views appearing in the above post",
    "sourced from a syndicated feed",
    "Designed and developed by",
    "tlbr_img",
    "Tags :",
    "pic.twitter.com",
    "एमएस/डीकेपी",
    "![]()",
    "date 2025-11-29",
    "(पीटीआई से इनपुट के साथ)",
]


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_clutter_is_gone(name: str) -> None:
    _, clean = load(name)
    for marker in CLUTTER:
        assert marker not in clean, f"{marker!r} left in {name}"


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("000_08c572ea12177823.txt", "Putin's visit to India is planned next month"),
        ("000_08c572ea12177823.txt", "Summit, and Jaishankr had also conveyed greetings"),
        ("001_5db640c61c8f5f5e.txt", "will pay a state visit to India from December 4-5"),
        ("002_06019d068f654b61.txt", "मास्को में रूसी विदेश मंत्री सर्गेई लावरोव से मुलाकात की."),
        ("003_cadc0e8ed483c937.txt", "पीएम मोदी ने जुलाई 2024 में रूस का दौरा किया"),
        ("004_c3b66749c4752dbd.txt", "Singh lays wreath at Tomb of the Unknown Soldier"),
    ],
)
def test_story_is_kept(name: str, kept: str) -> None:
    assert kept in load(name)[1]


def test_metadata_golden() -> None:
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw, clean = load(path.name)
        meta = extract_meta(raw, clean)
        found[path.name[:3]] = (meta.published, meta.language, meta.publisher)
    assert found == {
        "000": ("--11-26", "en", "LatestLY (ANI)"),
        "001": ("2025-11-29", "en", "The Tribune (ANI)"),
        "002": ("--11-18", "hi", None),
        "003": (None, "hi", "PTI"),
        "004": ("2024-12-10", "en", None),
    }


def test_titles() -> None:
    raw, clean = load("001_5db640c61c8f5f5e.txt")
    assert (
        extract_meta(raw, clean).title == "Russian delegation visits India to strengthen defence cooperation"
    )
    raw, clean = load("002_06019d068f654b61.txt")
    assert extract_meta(raw, clean).title.startswith("India के विदेश मंत्री एस जयशंकर")


STORY = "The council approved the new budget on Monday after a long debate."


def test_the_frame_is_cut_only_around_the_story() -> None:
    from index.loading import clean_text

    header = ["Subscribe Now E-Paper Sports", "Home / City / Budget"]
    footer = ["Tags : city, budget", "We are a daily paper."]
    page = "\n".join([*header, "Budget passed", STORY, *footer])
    assert clean_text(page) == f"Budget passed\n{STORY}"
    # Prose above a breadcrumb-like line is story, not header; a tag line above all prose ends nothing.
    later = STORY.replace("Monday", "Tuesday")
    assert clean_text(f"{STORY}\nHome / City\n{later}") == f"{STORY}\n{later}"
    assert clean_text(f"Tags: budget\n{STORY}\n{later}") == f"{STORY}\n{later}"


def test_generic_teasers_credits_and_leaked_markup_go() -> None:
    from index.loading.cleaner import filter_clutter

    lines = [
        STORY,
        "Also Read | Ten things to know today",
        "READ MORE: Markets close higher",
        "WATCH | The minister speaks",
        "यह भी पढ़ें: राजधानी में सर्दी",
        "ये भी पढ़ें- मौसम का हाल",
        "First Published: Nov 19, 2025, 10:12 IST",
        "Edited By: Desk",
        "(With inputs from PTI)",
        "(इनपुट: भाषा)",
        "— IANS",
        "featured-img search-icon-img",
        "article_Author",
        "Follow us on Google News",
        "विज्ञापन",
        "परिषद ने सोमवार को नया बजट पास किया।",
    ]
    assert filter_clutter("\n".join(lines)) == f"{STORY}\nपरिषद ने सोमवार को नया बजट पास किया।"
    # One-word subheadings and hyphenated names are story text.
    kept = f"{STORY}\nSafety\nIndia-Russia\nGPU"
    assert filter_clutter(kept) == kept
