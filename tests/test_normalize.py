"""Normalisation: whitespace, layout, datelines, glued names, language, ids, HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from parley.errors import EmptyInput, InputError, UnsupportedLanguage
from parley.kb import KnowledgeBase
from parley.models import Actor, Article, RawDocument
from parley.normalize import Normalizer, normalize
from parley.normalize.language import NEWS_LANGUAGES

FIXTURES = Path(__file__).parent / "fixtures"
FILLER = "Officials from both delegations said the meeting had been useful and would continue."


@pytest.fixture(scope="module")
def small_kb() -> KnowledgeBase:
    """A hand-made knowledge base, independent of the shipped data files."""
    return KnowledgeBase(
        [
            Actor(id="RUS", name="Russia", kind="state", capital="Moscow", metonyms=["Kremlin"]),
            Actor(id="UKR", name="Ukraine", kind="state", capital="Kyiv", aliases=["Kiev"]),
            Actor(id="ARE", name="United Arab Emirates", kind="state", capital="Abu Dhabi"),
            Actor(id="USA", name="United States", kind="state", metonyms=["Washington"]),
            Actor(id="NATO", name="NATO", kind="igo"),
            Actor(id="axios", name="Axios", kind="media outlet"),
            Actor(id="ft", name="Financial Times", kind="media outlet", aliases=["FT"]),
            Actor(id="tass", name="TASS", kind="media outlet"),
            Actor(id="reuters", name="Reuters", kind="media outlet"),
            Actor(id="ap", name="Associated Press", kind="media outlet", aliases=["AP"]),
            Actor(id="wapo", name="The Washington Post", kind="media outlet"),
            Actor(id="national", name="The National", kind="media outlet"),
        ]
    )


def run(kb: KnowledgeBase, text: str, **meta: object) -> Article:
    return normalize(RawDocument(source="test", text=text, **meta), kb)


# --- 1. whitespace and Unicode ------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Talks\u00a0resumed  in   Geneva.", "Talks resumed in Geneva."),
        ("Talks re\u200bsumed\u00ad today.", "Talks resumed today."),
        ("First line.\r\nSecond line.\rThird.", "First line.\nSecond line.\nThird."),
        ("One.\n\n\n\n\nTwo.", "One.\n\nTwo."),
        ("  One.  \n   Two.\t\t", "One.\nTwo."),
        ("Caf\u0065\u0301 talks\x07 ended.", "Café talks ended."),
        (
            "He said \u201cno\u201d and \u2018maybe\u2019.",
            "He said \u201cno\u201d and \u2018maybe\u2019.",
        ),
    ],
)
def test_text_is_cleaned_but_curly_quotes_are_kept(
    small_kb: KnowledgeBase, raw: str, expected: str
) -> None:
    assert run(small_kb, raw).text == expected


def test_nothing_left_after_cleaning_is_empty_input(small_kb: KnowledgeBase) -> None:
    with pytest.raises(EmptyInput, match="no text left"):
        run(small_kb, " \u200b\n\t\u00a0\n")


# --- 2. headline, subheadline, section headings ---------------------------------------------------


def test_headline_and_subheadline_become_metadata(small_kb: KnowledgeBase) -> None:
    text = f"Envoys agree to meet again\nA third round is planned for March\n{FILLER}\n{FILLER}"
    article = run(small_kb, text)
    assert article.title == "Envoys agree to meet again"
    assert article.subtitle == "A third round is planned for March"
    assert article.text == f"{FILLER}\n{FILLER}"


@pytest.mark.parametrize(
    "text, title",
    [
        (f"The envoys met in Vienna.\n{FILLER}", None),  # ends with a full stop: a sentence
        ("Envoys agree to meet again", None),  # nothing after it: it is the text
        (" ".join(["word"] * 30) + f"\n{FILLER}", None),  # too long for a headline
    ],
)
def test_first_line_stays_text_when_not_a_headline(
    small_kb: KnowledgeBase, text: str, title: str | None
) -> None:
    article = run(small_kb, text)
    assert article.title == title
    assert article.text == text


def test_given_title_is_removed_when_repeated_at_the_top(small_kb: KnowledgeBase) -> None:
    article = run(small_kb, f"Envoys meet\n{FILLER}", title="Envoys meet")
    assert article.title == "Envoys meet"
    assert article.text == FILLER


def test_given_title_leaves_a_different_first_line_alone(small_kb: KnowledgeBase) -> None:
    text = f"Short opening line\n{FILLER}"
    article = run(small_kb, text, title="Something else")
    assert (article.title, article.subtitle, article.text) == ("Something else", None, text)


def test_section_headings_stay_in_text_and_are_listed(small_kb: KnowledgeBase) -> None:
    text = f"{FILLER}\nWhat comes next\n{FILLER}\nThe prisoner question\n{FILLER}"
    article = run(small_kb, text, title="Given")
    assert article.section_headings == ["What comes next", "The prisoner question"]
    assert article.text == text


@pytest.mark.parametrize(
    "text",
    [
        f"{FILLER}\nThe talks will resume in\nthe spring, officials said.",  # a hard-wrapped line
        "The delegations met on Monday and\nDiscussed it\nat length.",  # previous line unfinished
        f"{FILLER}\nA short closing line",  # nothing follows it
        f"{FILLER}\nIt ended, officials said.\n{FILLER}",  # a short sentence, not a heading
    ],
)
def test_lines_that_are_not_headings(small_kb: KnowledgeBase, text: str) -> None:
    assert run(small_kb, text, title="Given").section_headings == []


# --- 3. datelines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening, dateline, outlet",
    [
        ("MOSCOW — ", "Moscow", None),
        ("MOSCOW, Feb 5 (Reuters) - ", "Moscow", "Reuters"),
        ("Moscow (Reuters) - ", "Moscow", "Reuters"),
        ("KYIV, Ukraine — ", "Kyiv", None),
        ("ABU DHABI, Feb. 4 (AP) — ", "Abu Dhabi", "Associated Press"),
        ("UNITED NATIONS (AP) — ", "United Nations", "Associated Press"),
        ("WASHINGTON/MOSCOW, Feb 5 (Reuters) - ", "Washington/Moscow", "Reuters"),
        ("GENEVA—", "Geneva", None),
        ("Kyiv — ", "Kyiv", None),
    ],
)
def test_wire_datelines(
    small_kb: KnowledgeBase, opening: str, dateline: str, outlet: str | None
) -> None:
    article = run(small_kb, f"{opening}{FILLER}", title="Given")
    assert article.dateline == dateline
    assert article.outlet == outlet
    assert article.text.startswith(opening.strip())  # the dateline stays where it was


def test_known_outlet_wins_over_the_dateline_credit(small_kb: KnowledgeBase) -> None:
    article = run(small_kb, f"MOSCOW (Reuters) - {FILLER}", title="Given", outlet="The Ledger")
    assert article.outlet == "The Ledger"


@pytest.mark.parametrize(
    "text",
    [
        "Putin — who rarely travels — went to the summit.",
        "NATO — the alliance — said it would respond.",
        "The talks — which began on Monday — ended.",
        "Officials in Moscow said the talks had ended.",
        "Moscow-based analysts said the talks had ended.",
    ],
)
def test_openings_that_are_not_datelines(small_kb: KnowledgeBase, text: str) -> None:
    assert run(small_kb, text, title="Given").dateline is None


# --- 4. glued names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, glued, split, why, repaired",
    [
        (
            "MoscowThe talks ended without progress.",
            "MoscowThe",
            ["Moscow", "The"],
            "dateline glued to the first sentence",
            "Moscow — The talks",
        ),
        (
            "It expires this week, according to reports. AxiosContacts between them stopped.",
            "AxiosContacts",
            ["Axios", "Contacts"],
            "source credit glued to the next sentence",
            "reports. Axios. Contacts between",
        ),
        (
            "The draft first appeared in the Financial TimesIt would keep troops home.",
            "Financial TimesIt",
            ["Financial Times", "It"],
            "outlet name glued to the next sentence",
            "the Financial Times. It would keep",
        ),
        (
            "The ministry said so, quoted by TASSThe talks will resume.",
            "TASSThe",
            ["TASS", "The"],
            "outlet name glued to the next sentence",
            "by TASS. The talks",
        ),
        (
            "The envoys flew to KyivThe next round starts on Monday.",
            "KyivThe",
            ["Kyiv", "The"],
            "place name glued to the next sentence",
            "to Kyiv. The next round",
        ),
    ],
)
def test_glued_names_are_split_and_recorded(
    small_kb: KnowledgeBase, text: str, glued: str, split: list[str], why: str, repaired: str
) -> None:
    article = run(small_kb, text, title="Given")
    [repair] = article.repairs
    assert (repair.glued, repair.split, repair.why) == (glued, split, why)
    assert text[repair.start :].startswith(glued)
    assert repaired in article.text
    assert article.text == text.replace(glued, split[0] + repair.inserted + split[1])


def test_a_sentence_glued_to_the_next_is_split_and_recorded(small_kb: KnowledgeBase) -> None:
    text = f"{FILLER} The delegation walked out, the envoy said.After the recess talks resumed."
    article = run(small_kb, text, title="Given")
    [repair] = article.repairs
    assert (repair.glued, repair.split, repair.why) == (
        "said.After",
        ["said.", "After"],
        "sentence glued to the next",
    )
    assert text[repair.start :].startswith("said.After")
    assert "the envoy said. After the recess" in article.text


@pytest.mark.parametrize(
    "text",
    [
        "Bring papers, e.g.The permits and visas.",  # an abbreviation: one letter before the stop
        "Read it at www.example.At some point.",  # a web address: a dot before the word
        "The U.S.Army denied it.",  # upper case before the stop
        "The file is called report.pdf and it was sent.",  # lower case after the stop
        "The envoy met the minister.Kowalski left early.",  # not a common sentence opener
    ],
)
def test_full_stops_that_are_not_glued_sentences(small_kb: KnowledgeBase, text: str) -> None:
    article = run(small_kb, f"{FILLER} {text}", title="Given")
    assert [r for r in article.repairs if r.why == "sentence glued to the next"] == []
    assert text in article.text


@pytest.mark.parametrize(
    "word",
    [
        "iPhone",
        "McDonald",
        "YouTube",
        "OpenAI",
        "PlayStation",
        "MacBook",
        "JavaScript",
        "LinkedIn",
        "DeSantis",
        "McCain",
        "al-Assad",
        "WashingtonPost",  # a known name followed by the rest of a longer known name
        "KyivContacts",  # a place before a word that does not open sentences
    ],
)
def test_real_words_are_not_split(small_kb: KnowledgeBase, word: str) -> None:
    text = f"{FILLER} The report mentioned {word} twice. {word} was mentioned again."
    article = run(small_kb, text, title="Given")
    assert article.repairs == []
    assert article.text == text


def test_outlet_inside_a_sentence_needs_a_sentence_opener(small_kb: KnowledgeBase) -> None:
    # "The National" is an outlet; at a sentence start "NationalGrid" would read as a credit.
    text = f"{FILLER} The report mentioned NationalGrid twice."
    assert run(small_kb, text, title="Given").repairs == []


def test_repair_offsets_point_into_the_raw_text(small_kb: KnowledgeBase) -> None:
    raw = f"Envoys meet\r\n\r\n\u200bSecond  line here\r\n{FILLER}\u00a0 AxiosThe talks ended."
    article = run(small_kb, raw)
    [repair] = article.repairs
    assert raw[repair.start :].startswith("AxiosThe")


# --- 5. language ----------------------------------------------------------------------------------

FRENCH = (
    "Les négociateurs se sont retrouvés mardi à Genève pour une nouvelle série de discussions, "
    "mais aucun accord n'a été signé sur la question des frontières."
)
GERMAN = (
    "Die Unterhändler trafen sich am Dienstag in Genf zu einer neuen Gesprächsrunde, doch über "
    "die Frage der Grenzen wurde keine Einigung erzielt."
)
SPANISH = (
    "Los negociadores se reunieron el martes en Ginebra para una nueva ronda de conversaciones, "
    "pero no se firmó ningún acuerdo sobre la cuestión de las fronteras."
)


@pytest.mark.parametrize(
    "text, name", [(FRENCH, "French (fr)"), (GERMAN, "German (de)"), (SPANISH, "Spanish (es)")]
)
def test_other_languages_are_rejected_with_advice(
    small_kb: KnowledgeBase, text: str, name: str
) -> None:
    with pytest.raises(UnsupportedLanguage) as caught:
        run(small_kb, text)
    assert str(caught.value) == (
        f"Article is in {name}, not one of: en. Parley analyses English text only; translate it "
        f"first or add the language in settings."
    )
    assert caught.value.stage == "normalize"


def test_an_allowed_language_is_accepted_and_recorded(small_kb: KnowledgeBase) -> None:
    article = normalize(RawDocument(source="t", text=FRENCH), small_kb, languages=("en", "fr"))
    assert article.language == "fr"


@pytest.mark.parametrize("text", ["Hola amigos", "Merci beaucoup!", "Danke schön, Berlin"])
def test_short_texts_are_not_rejected_on_weak_evidence(small_kb: KnowledgeBase, text: str) -> None:
    assert run(small_kb, text).language is None


def test_one_english_sentence_with_a_latin_phrase_is_not_rejected(small_kb: KnowledgeBase) -> None:
    # 47 letters, one function word: the detector's fast mode calls it Italian with certainty.
    text = "Chile declared an Argentine consul persona non grata."
    assert run(small_kb, text).language is None


def test_a_foreign_sentence_over_a_hundred_letters_is_still_judged(small_kb: KnowledgeBase) -> None:
    italian = (
        "Il governo ha dichiarato persona non grata il console argentino, "
        "secondo una nota diffusa ieri sera dal ministero degli esteri a Roma."
    )
    with pytest.raises(UnsupportedLanguage):
        run(small_kb, italian)


def test_english_is_recognised(small_kb: KnowledgeBase) -> None:
    assert run(small_kb, FILLER * 2).language == "en"


# --- 6. ids and metadata --------------------------------------------------------------------------


def test_id_is_stable_and_depends_on_normalised_content_and_url(small_kb: KnowledgeBase) -> None:
    one = run(small_kb, FILLER)
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", one.id)
    assert run(small_kb, f"  {FILLER.replace(' ', '  ')}\r\n").id == one.id
    assert run(small_kb, FILLER, url="https://example.org/a").id != one.id
    assert run(small_kb, FILLER + " More.").id != one.id


def test_metadata_is_carried_over(small_kb: KnowledgeBase) -> None:
    raw = RawDocument.model_validate(
        {
            "source": "file.txt",
            "text": FILLER,
            "title": "T",
            "subtitle": "S",
            "outlet": "The Ledger",
            "url": "https://example.org/a",
            "published_at": "2026-02-05",
            "fetched_at": "2026-02-05T10:00:00Z",
        }
    )
    article = normalize(raw, small_kb)
    got = article.model_dump(include={"title", "subtitle", "outlet", "url", "source"})
    assert got == {
        "title": "T",
        "subtitle": "S",
        "outlet": "The Ledger",
        "url": "https://example.org/a",
        "source": "file.txt",
    }
    assert article.published_at == raw.published_at and article.fetched_at == raw.fetched_at


def test_normalizer_is_reused_until_the_kb_changes() -> None:
    kb = KnowledgeBase([Actor(id="axios", name="Axios", kind="media outlet")])
    text = f"{FILLER} PoliticoThe talks ended."
    assert run(kb, text).repairs == []
    kb.add(Actor(id="politico", name="Politico", kind="media outlet"))
    assert [r.glued for r in run(kb, text).repairs] == ["PoliticoThe"]


# --- 7. HTML --------------------------------------------------------------------------------------


def test_html_page_gives_text_and_metadata(small_kb: KnowledgeBase) -> None:
    html = (FIXTURES / "envoys.html").read_text("utf-8")
    article = normalize(RawDocument(source="envoys.html", html=html), small_kb)
    assert article.title == "Envoys meet in Geneva"
    assert article.outlet == "The Daily Ledger"
    assert str(article.published_at) == "2026-01-12"
    assert article.url == "https://ledger.example/world/envoys-meet-in-geneva"
    assert article.dateline == "Geneva"
    assert article.section_headings == ["What comes next"]
    assert article.text.startswith("GENEVA — Negotiators")
    assert "Reader comment" not in article.text and "Home" not in article.text


def test_given_metadata_wins_over_the_page(small_kb: KnowledgeBase) -> None:
    html = (FIXTURES / "envoys.html").read_text("utf-8")
    raw = RawDocument(source="x", html=html, title="My title", outlet="My outlet")
    article = normalize(raw, small_kb)
    assert (article.title, article.outlet) == ("My title", "My outlet")


@pytest.mark.parametrize(
    "html",
    [
        (FIXTURES / "bad_inputs" / "broken.html").read_text("utf-8"),
        "<html><body><script>document.write('x')</script></body></html>",
        "<<<>>> \x00",
    ],
)
def test_html_without_article_text_is_an_input_error(small_kb: KnowledgeBase, html: str) -> None:
    with pytest.raises(InputError, match="HTML"):
        normalize(RawDocument(source="x.html", html=html), small_kb)


# --- idempotence ------------------------------------------------------------------------------

WORDS = [
    "the", "talks", "ended", "Moscow", "Axios", "TASS", "Kyiv", "The", "It", "iPhone",
    "McCain", "said", "MOSCOW", "—", "-", "(Reuters)", "“quoted”", "Financial", "Times",
]  # fmt: skip
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(["AxiosThe", "MoscowIt", "Financial TimesThe", "KyivThe", "TASSIt"]),
    st.sampled_from([".", ",", "\n", "\n\n", "\r\n", "  ", "\u00a0", "\u200b", "\t", "e\u0301"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=3),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(PIECES, min_size=1, max_size=40))
def test_normalising_twice_changes_nothing(small_kb: KnowledgeBase, pieces: list[str]) -> None:
    raw = RawDocument(source="h", text=" ".join(pieces))
    try:
        first = normalize(raw, small_kb, languages=NEWS_LANGUAGES)
    except EmptyInput:
        assume(False)
        return
    again = RawDocument(source="h", text=first.text, title=first.title, subtitle=first.subtitle)
    second = normalize(again, small_kb, languages=NEWS_LANGUAGES)
    assert second.text == first.text
    assert second.repairs == []
    assert (second.dateline, second.section_headings) == (first.dateline, first.section_headings)
    assert second.id == first.id


# --- the shared sample (someone else's text: read, never copied) --------------------------------


def test_sample_article_layout_and_repairs(sample_dir: Path, kb: KnowledgeBase) -> None:
    gold = json.loads((sample_dir / "abu-dhabi-talks.gold.json").read_text("utf-8"))
    doc = gold["documents"][0]
    text = (sample_dir / "abu-dhabi-talks.txt").read_text("utf-8")
    article = Normalizer(kb)(RawDocument(source="sample", text=text))
    assert article.dateline == doc["metadata"]["dateline"] == "Moscow"
    assert article.title == doc["metadata"]["title"]
    assert article.subtitle == doc["metadata"]["subtitle"]
    assert article.section_headings == ["No progress on Ukraine"]
    found = [(r.glued, r.split) for r in article.repairs]
    assert found == [(r["glued"], r["split"]) for r in doc["repairs"]]
    assert [r.why for r in article.repairs] == [r["why"] for r in doc["repairs"]]
    assert re.search(r"\bAxios\b", article.text) and re.search(r"\bContacts\b", article.text)
    assert article.language == "en"
