"""The reader's parts on known inputs: stems, acronyms, the lexicon, question focus, answer cues, matching."""

from __future__ import annotations

import pytest

from bot.reader.abstention import missing_names, unseen_focus
from bot.reader.answer_spans import novel_answer
from bot.reader.candidates import context_before
from bot.reader.cues import question_type
from bot.reader.features import constraint_terms
from bot.reader.focus import focus_word, is_type_noun
from bot.reader.matching import ask_clause, coverage, matched, question_terms, text_keys, unseen_share
from index.text import latin_acronym, leans_back, search_terms, stem, with_antecedents


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("commissioning", "commissioned"),
        ("hoped", "hope"),
        ("congratulate", "congratulated"),
        ("visits", "visited"),
        ("यात्राओं", "यात्रा"),
        ("समझौतों", "समझौते"),
        ("देशों", "देश"),
    ],
)
def test_inflections_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_short_words_are_not_stemmed() -> None:
    assert stem("news") == "news" and stem("2024") == "2024"


@pytest.mark.parametrize(
    ("word", "acronym"),
    [("आरआईएसी", "riac"), ("एससीओ", "sco"), ("टीईसी", "tec"), ("आईएनएस", "ins"), ("रूस", None), ("के", None)],
)
def test_devanagari_letter_names_spell_latin_acronyms(word: str, acronym: str | None) -> None:
    assert latin_acronym(word) == acronym


def test_search_terms_carry_stems_and_acronyms() -> None:
    terms = search_terms("आरआईएसी सम्मेलन commissioning")
    assert "riac" in terms and "=commission" in terms


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("Who is Russia's ambassador to India?", "ambassador"),
        ("What agreements did Modi and Putin sign?", "agreements"),
        ("What field did the visit focus on?", "field"),
        ("डेनिस मंटुरोव की उम्र कितनी है?", "उम्र"),
        ("पुतिन की यात्रा के दौरान कितने समझौतों पर हस्ताक्षर हुए?", "समझौतों"),
        ("india aur russia ke beech kitna vyapar hota hai", "vyapar"),
        ("When did he arrive?", None),
    ],
)
def test_focus_word(question: str, focus: str | None) -> None:
    assert focus_word(question) == focus


def test_type_nouns_name_a_kind_of_answer() -> None:
    assert is_type_noun("city") and is_type_noun("शहर") and not is_type_noun("ambassador")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("In which Chinese city did they meet?", "place"),
        ("Which session of the commission did he co-chair?", "number"),
        ("पुतिन किन तारीखों को भारत आएंगे?", "date"),
        ("Which warship's commissioning was mentioned?", "name"),
        ("What was discussed?", "other"),
        # The question's own wh-word decides; "when" in a clause after it does not ask for a date.
        ("What did Singh highlight when he met the Indian community?", "other"),
        ("Who was Prime Minister when the declaration was signed?", "name"),
        ("Which organisation hosted the conference where Lavrov spoke?", "name"),
        ("At which building in Moscow did Singh call on Putin?", "place"),
        ("Modi visited Russia in July; how many visits did he make that year?", "count"),
    ],
)
def test_question_types(question: str, kind: str) -> None:
    assert question_type(question) == kind


def test_a_sentence_that_restates_the_question_holds_no_new_answer() -> None:
    question = "When did Rajnath Singh meet Putin?"
    answer = "Rajnath Singh met Putin at the Kremlin on Tuesday (Dec 10)."
    assert novel_answer("date", answer, question) == 1.0
    assert novel_answer("date", "Rajnath Singh met Putin at the Kremlin.", question) == 0.0
    assert novel_answer("date", "On Tuesday Singh met Putin.", "What did Singh do on Tuesday?") == 0.0


def test_names_in_either_script_count_as_answers() -> None:
    assert novel_answer("name", "He met Sergei Lavrov in Moscow.", "Whom did he meet in Moscow?") == 1.0
    hindi = "इससे पहले उन्होंने मास्को में सर्गेई लावरोव से मुलाकात की."
    assert novel_answer("name", hindi, "जयशंकर ने मास्को में किससे मुलाकात की?") > 0.0


def test_sentences_that_lean_on_the_one_before() -> None:
    assert leans_back("He congratulated Raksha Mantri on the commissioning.")
    assert leans_back("उन्होंने कहा कि बैठक अच्छी रही।")
    assert not leans_back("Indian Defence Minister Rajnath Singh met Putin.")
    # An attribution does not hide the back-reference after it.
    assert leans_back("According to the MEA, during this visit, the minister met Putin.")
    assert leans_back("विदेश मंत्रालय के अनुसार, इस यात्रा के दौरान, विदेश मंत्री ने पुतिन से मुलाकात की थी.")
    assert not leans_back("According to the MEA, Putin will visit India in December.")
    # A quote in the first person leans on the sentence that says who is speaking.
    assert leans_back('"We hope that it will be a meaningful visit," he said.')
    assert leans_back("हमारी द्विपक्षीय साझेदारी पर चर्चा हुई.")


def laid_out(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Sentences joined by spaces, with each one's span: a chunk's text and sentence_spans."""
    spans = []
    at = 0
    for sentence in sentences:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    return " ".join(sentences), spans


def test_context_follows_a_chain_of_back_references() -> None:
    sentences = [
        "Trade grew.",
        "Earlier, the minister visited Russia in August 2025.",
        "During this trip he co-chaired the commission.",
        "According to the MEA, during the visit he met Putin.",
        "In addition, he met Denis Manturov.",
    ]
    text, spans = laid_out(sentences)
    # The date the last sentence hangs on is three sentences up; "Trade grew." leans on nothing.
    assert context_before(text, spans, 4) == " ".join(sentences[1:4])
    assert context_before(text, spans, 1) == "Trade grew."
    assert context_before(text, spans, 0) == ""
    # Embedded the same way: a leaning sentence after what it leans on, a standalone one alone.
    assert with_antecedents(sentences, 4) == " ".join(sentences[1:])
    assert with_antecedents(sentences, 0) == "Trade grew."
    assert with_antecedents(["Putin will visit.", "Trade grew."], 1) == "Trade grew."


def test_a_premise_sets_the_scene_and_binds_no_date() -> None:
    question = "Modi visited Russia in July 2024; how many visits did he make that year?"
    assert ask_clause(question) == " how many visits did he make that year?"
    assert ask_clause("Who met Putin: Singh or Jaishankar?") == "Who met Putin: Singh or Jaishankar?"
    terms = {t.word: t for t in question_terms(question, lambda t: 1.0)}
    assert terms["july"].premise and terms["2024"].premise and not terms["visits"].premise
    listed = question_terms(question, lambda t: 1.0)
    assert constraint_terms(listed) == []
    assert {t.word for t in constraint_terms(listed, premises=True)} == {"july", "2024"}


def test_a_time_anchor_names_another_event() -> None:
    terms = {
        t.word: t
        for t in question_terms("When did Jaishankar visit Russia before his November trip?", lambda t: 1.0)
    }
    assert terms["november"].premise
    assert not terms["jaishankar"].premise


def known_from(text: str) -> set[str]:
    return set(search_terms(text))


def test_acronyms_and_names_across_scripts_count_as_coverage() -> None:
    vocabulary = known_from("MEA spokesperson Randhir Jaiswal spoke. शहर व्लादिवोस्टोक")
    question = "Who is the Ministry of External Affairs spokesperson?"
    terms = question_terms(question, lambda t: 1.0, vocabulary.__contains__)
    assert coverage(terms, text_keys("MEA spokesperson Randhir Jaiswal said")) == pytest.approx(1.0)
    hindi = "मोदी ने सुदूर पूर्वी शहर व्लादिवोस्टोक का दौरा किया"
    known = known_from(hindi).__contains__
    city = question_terms("Which city did Modi visit, Vladivostok?", lambda t: 1.0, known)
    assert [t.word for t in city] == ["modi", "visit", "vladivostok"]  # "city" names the kind of answer
    names = [t for t in city if t.word != "visit"]
    assert all(t.seen and matched(t, text_keys(hindi)) for t in names)  # names cross scripts by sound


def test_words_no_article_has_are_unseen() -> None:
    vocabulary = known_from("Putin will visit India in December. पुतिन भारत")
    terms = question_terms("Who won the cricket final?", lambda t: 1.0, vocabulary.__contains__)
    assert unseen_share(terms) > 0.5
    assert unseen_focus(["Who is Russia's ambassador to India?"], vocabulary.__contains__) == "ambassador"
    # A noun that names the kind of answer is no sign the answer is missing.
    assert unseen_focus(["In which city will Putin arrive?"], vocabulary.__contains__) is None
    assert missing_names("When did Zorblax visit India?", vocabulary.__contains__) == ["zorblax"]
    assert missing_names("When did S Jaishankar visit?", known_from("जयशंकर").__contains__) == []


def test_irregular_verbs_stem_to_their_base() -> None:
    assert stem("laid") == stem("lay") and stem("met") == stem("meeting") == "meet"


def test_a_typo_is_known_by_its_english_skeleton() -> None:
    vocabulary = known_from("Singh laid a wreath at the Tomb.")
    seen = {
        t.word: t.seen
        for t in question_terms("wher did singh lay a wreth?", lambda t: 1.0, vocabulary.__contains__)
    }
    assert seen["wreth"] and seen["lay"]


def test_a_short_skeleton_does_not_carry_an_english_word_into_hindi() -> None:
    hindi = known_from("विदेश मंत्रियों की वार्ता हुई। लावरोव ने कहा")
    terms = {
        t.word: t.seen
        for t in question_terms("What was the worth of Lavrov's talks?", lambda t: 1.0, hindi.__contains__)
    }
    assert not terms["worth"]  # "vrt" is also the skeleton of "वार्ता"
    assert terms["lavrov"]  # a name crosses scripts


def test_how_long_wants_a_span_of_time_not_any_number() -> None:
    asked = "How long did the meeting last?"
    assert novel_answer("count", "The two leaders last met on September 1.", asked) == 0.0
    assert novel_answer("count", "Singh is on a three-day official visit.", asked) == 1.0
    assert novel_answer("count", "पुतिन और मोदी हर दो महीने में एक बार बात करते हैं।", "कितने समय में एक बार?") == 1.0
    # "How many?" takes any count, but a year or a date is not one.
    assert novel_answer("count", "A four-member delegation visited.", "How many members came?") == 1.0
    assert novel_answer("count", "They signed the declaration in 2000.", "How much is trade worth?") == 0.0


def test_a_sentence_that_continues_the_chosen_one_is_quoted_with_it() -> None:
    from langchain_core.documents import Document

    from bot.reader.candidates import Candidate
    from bot.reader.compose import with_continuation

    text = "Patrushev was received by Modi on November 18. He discussed maritime ties. Trade grew."
    chunk = Document(page_content=text)
    first = Candidate(sid="1", text=text[:46], chunk=chunk, span=(0, 46), rank=0, follow=(47, 74))
    joined = with_continuation(first)
    assert joined.text == "Patrushev was received by Modi on November 18. He discussed maritime ties."
    assert text[joined.span[0] : joined.span[1]] == joined.text
    second = Candidate(sid="2", text=text[47:74], chunk=chunk, span=(47, 74), rank=0, follow=(75, 86))
    assert with_continuation(second) == second  # "Trade grew." stands on its own


def test_sentences_are_read_against_what_is_asked_past_a_premise() -> None:
    import numpy as np
    from langchain_core.embeddings import DeterministicFakeEmbedding

    from bot.reader.features import Rules, make_question

    embeddings = DeterministicFakeEmbedding(size=16)
    question = "Modi visited Russia in July 2024; how many visits did he make that year?"
    whole = np.asarray(embeddings.embed_query(question), dtype=np.float32)

    def read(text: str, vector: np.ndarray) -> np.ndarray:
        return make_question(
            text,
            text,
            vector,
            embed_query=embeddings.embed_query,
            idf=lambda t: 1.0,
            known=lambda t: True,
            rules=Rules(),
        ).vector

    assert np.allclose(
        read(question, whole), embeddings.embed_query(" how many visits did he make that year?")
    )
    plain = np.ones(16, dtype=np.float32)
    assert read("How many visits?", plain) is plain


def test_a_sentence_quoted_as_a_continuation_is_not_quoted_again() -> None:
    from langchain_core.documents import Document

    from bot.reader.candidates import Candidate
    from bot.reader.compose import quoted

    text = "Putin will visit India on December 4. During the visit, he will meet Modi. Trade grew."
    chunk = Document(page_content=text, metadata={"doc_id": "a"})
    first = Candidate(sid="1", text=text[:37], chunk=chunk, span=(0, 37), rank=0, follow=(38, 74), score=0.9)
    second = Candidate(
        sid="2", text=text[38:74], chunk=chunk, span=(38, 74), rank=0, follow=(75, 86), score=0.8
    )
    got = quoted([first, second], extra_ratio=0.5, max_sentences=3, discourse=True)
    assert [c.text for c in got] == [text[:74]]  # "During the visit" leans back: quoted once, with it


def test_each_sentence_is_also_measured_against_its_own_language() -> None:
    import numpy as np
    from langchain_core.documents import Document

    from bot.reader.candidates import Candidate
    from bot.reader.features import SENTENCE_FEATURES, Question, Rules, sentence_features

    question = Question("Who won?", "Who won?", "name", [], "en", np.array([1.0, 0.0]), None)
    cands, vectors = [], {}
    # Two English sentences lean closer to the English question than the best Hindi one does.
    spread = (("e1", "en", 0.9), ("e2", "en", 0.86), ("h1", "hi", 0.84), ("h2", "hi", 0.7))
    for sid, language, cosine in spread:
        chunk = Document(page_content="x", metadata={"doc_id": sid, "language": language})
        cands.append(Candidate(sid=sid, text="Some sentence.", chunk=chunk, span=(0, 14), rank=0))
        vectors[sid] = np.array([cosine, np.sqrt(1 - cosine**2)])
    rows = sentence_features(question, cands, vectors, Rules())
    gap = rows[:, SENTENCE_FEATURES.index("cosine_gap")]
    in_language = rows[:, SENTENCE_FEATURES.index("cosine_language_gap")]
    z = rows[:, SENTENCE_FEATURES.index("cosine_language_z")]
    assert gap[2] == pytest.approx(-0.06) and in_language[2] == pytest.approx(0.0)
    assert in_language[3] == pytest.approx(-0.14) and z[2] > 0 > z[3]
    assert z[0] == pytest.approx(-z[1])  # two sentences: one spread either side of their mean
