"""Time expressions: finding them and resolving them against the publication date."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from parley import knowledge
from parley.extract.base import Context
from parley.extract.timeplace.dates import (
    DatesExtractor,
    Resolved,
    _dateparser_fallback,
    find_expressions,
    resolve_expression,
    tense_of,
)
from parley.kb import KnowledgeBase
from parley.models import Analysis, Article

THURSDAY = dt.date(2026, 2, 5)  # a Thursday
MONDAY = dt.date(2026, 2, 2)


@pytest.mark.parametrize(
    "text, base, tense, value, precision",
    [
        ("this Thursday", THURSDAY, "present", "2026-02-05", "day"),
        ("this Thursday", MONDAY, "present", "2026-02-05", "day"),
        ("this afternoon", THURSDAY, "past", "2026-02-05", "day"),
        ("today", THURSDAY, "present", "2026-02-05", "day"),
        ("tonight", THURSDAY, "future", "2026-02-05", "day"),
        ("yesterday", THURSDAY, "past", "2026-02-04", "day"),
        ("last night", THURSDAY, "past", "2026-02-04", "day"),
        ("tomorrow", THURSDAY, "future", "2026-02-06", "day"),
        ("in 2021", THURSDAY, "past", "2021", "year"),
        ("in March 2025", THURSDAY, "past", "2025-03", "month"),
        ("on 5 February", dt.date(2026, 3, 1), "past", "2026-02-05", "day"),
        ("February 5, 2026", MONDAY, "future", "2026-02-05", "day"),
        ("5 February 2026", MONDAY, "future", "2026-02-05", "day"),
        ("2026-02-05", MONDAY, "present", "2026-02-05", "day"),
        ("last spring", THURSDAY, "past", "2025", "season"),
        ("last spring", dt.date(2026, 7, 1), "past", "2026", "season"),
        ("next summer", THURSDAY, "future", "2026", "season"),
        ("spring 2024", THURSDAY, "past", "2024", "season"),
        ("two years ago", THURSDAY, "past", "2024", "year"),
        ("three months ago", THURSDAY, "past", "2025-11", "month"),
        ("earlier this month", THURSDAY, "past", "2026-02", "month"),
        ("later this year", THURSDAY, "future", "2026", "year"),
        ("next year", THURSDAY, "future", "2027", "year"),
        ("last year", THURSDAY, "past", "2025", "year"),
        ("last month", dt.date(2026, 1, 15), "past", "2025-12", "month"),
        ("last week", THURSDAY, "past", "2026-01-26", "range"),
        ("another six months", THURSDAY, "future", "2026-08-05", "approximate"),
        ("within two weeks", THURSDAY, "future", "2026-02-19", "approximate"),
        ("in the coming weeks", THURSDAY, "future", "2026-02-05", "range"),
        ("for months", THURSDAY, "present", None, "approximate"),
    ],
)
def test_resolves_against_publication_date(
    text: str, base: dt.date, tense: str, value: str | None, precision: str
) -> None:
    got = resolve_expression(text, base, tense)  # type: ignore[arg-type]
    assert (got.value, got.precision) == (value, precision)


@pytest.mark.parametrize(
    "text, tense, value",
    [
        # bare weekdays and months point where the verb points
        ("on Monday", "past", "2026-02-02"),
        ("on Monday", "future", "2026-02-09"),
        ("on Thursday", "past", "2026-02-05"),
        ("on Friday", "past", "2026-01-30"),
        ("on Friday", "future", "2026-02-06"),
        ("last Thursday", "past", "2026-01-29"),
        ("next Monday", "future", "2026-02-09"),
        ("in October", "past", "2025-10"),
        ("in October", "future", "2026-10"),
        ("in October", "present", "2025-10"),  # nearest
        ("in February", "past", "2026-02"),
        ("in February", "future", "2026-02"),
        ("last February", "past", "2025-02"),
        ("next February", "future", "2027-02"),
        ("on 1 March", "past", "2025-03-01"),
        ("on 1 March", "future", "2026-03-01"),
    ],
)
def test_tense_decides_direction(text: str, tense: str, value: str) -> None:
    assert resolve_expression(text, THURSDAY, tense).value == value  # type: ignore[arg-type]


def test_ranges_carry_an_end() -> None:
    week = resolve_expression("last week", THURSDAY, "past")
    assert (week.value, week.end_value) == ("2026-01-26", "2026-02-01")
    coming = resolve_expression("in the coming weeks", THURSDAY, "future")
    assert coming.end_value == "2026-03-05"
    six = resolve_expression("another six months", THURSDAY, "future")
    assert six.end_value == "2026-08-05" and six.kind == "duration"


def test_without_publication_date_text_is_kept_and_value_is_none() -> None:
    got = resolve_expression("in October", None, "past")
    assert got.value is None and got.precision == "month"


@pytest.mark.parametrize(
    "text, found",
    [
        ("They met in October and again last spring.", ["in October", "last spring"]),
        ("Prices may fall, and troops march in May.", ["in May"]),
        ("It sent 2000 troops in 2019.", ["in 2019"]),
        ("Talks resume this Thursday, officials said.", ["this Thursday"]),
        ("It will last for another six months.", ["for another six months"]),
        ("a deal signed on February 5, 2026 in Geneva", ["February 5, 2026"]),
        ("No date here at all.", []),
    ],
)
def test_finds_expressions(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e, _, _ in find_expressions(text)] == found


def _doc(
    words: list[str], heads: list[int], deps: list[str], tags: list[str], pos: list[str]
) -> Doc:
    return Doc(
        Vocab(),
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=pos,
        lemmas=[w.lower() for w in words],
    )


def _swap_doc(aux: str, aux_tag: str, verb_tag: str) -> Doc:
    words = ["They", aux, "swap", "prisoners", "in", "October", "."]
    return _doc(
        words,
        heads=[2, 2, 2, 2, 2, 4, 2],
        deps=["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "punct"],
        tags=["PRP", aux_tag, verb_tag, "NNS", "IN", "NNP", "."],
        pos=["PRON", "AUX", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
    )


@pytest.mark.parametrize(
    "aux, aux_tag, verb_tag, tense, value",
    [
        ("will", "MD", "VB", "future", "2026-10"),
        ("did", "VBD", "VB", "past", "2025-10"),
        ("have", "VBP", "VBN", "past", "2025-10"),
    ],
)
def test_extractor_uses_the_governing_verb(
    aux: str, aux_tag: str, verb_tag: str, tense: str, value: str
) -> None:
    doc = _swap_doc(aux, aux_tag, verb_tag)
    assert tense_of(doc[4:6]) == tense
    article = Article(id="t", text=doc.text, published_at=THURSDAY)
    ctx = Context(
        article=article, doc=doc, kb=KnowledgeBase([]), analysis=Analysis(article=article)
    )
    DatesExtractor()(ctx)
    (date,) = ctx.analysis.dates
    assert (date.text, date.value, date.precision) == ("in October", value, "month")
    assert doc.text[date.start : date.end] == date.text


@pytest.mark.model
def test_sample_dates(sample_dir, nlp) -> None:  # type: ignore[no-untyped-def]
    import json

    text = (sample_dir / "abu-dhabi-talks.txt").read_text("utf-8")
    gold = json.loads((sample_dir / "abu-dhabi-talks.gold.json").read_text("utf-8"))
    document = gold["documents"][0]
    article = Article(
        id="s", text=text, published_at=dt.date.fromisoformat(document["published_at"])
    )
    ctx = Context(
        article=article, doc=nlp(text), kb=KnowledgeBase([]), analysis=Analysis(article=article)
    )
    DatesExtractor()(ctx)
    for want in document["dates"]:
        hits = [
            d
            for d in ctx.analysis.dates
            if want["text"].lower() in d.text.lower() or d.text.lower() in want["text"].lower()
        ]
        assert any(h.value == want["value"] for h in hits), (want, hits)


SEPT = dt.date(2026, 9, 10)  # autumn publication: earlier months of the year are this year's


@pytest.mark.parametrize(
    "text, tense, value",
    [
        # a past verb and a month/day earlier in the publication year: the same year
        ("on July 15", "past", "2026-07-15"),
        ("in May", "past", "2026-05"),
        ("on September 8", "past", "2026-09-08"),
        # a past verb and a month after publication: last year's
        ("in November", "past", "2025-11"),
        ("for November", "future", "2026-11"),
        ("for June", "present", "2026-06"),  # nearest: the plan was for the June just gone
    ],
)
def test_months_of_the_publication_year(text: str, tense: str, value: str) -> None:
    assert resolve_expression(text, SEPT, tense).value == value  # type: ignore[arg-type]


def _planned_doc(aux: str, aux_tag: str, verb: str, verb_tag: str, month: str) -> Doc:
    words = ["A", "round", aux, verb, "for", month, "."]
    return _doc(
        words,
        heads=[1, 3, 3, 3, 3, 4, 3],
        deps=["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
        tags=["DT", "NN", aux_tag, verb_tag, "IN", "NNP", "."],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
    )


@pytest.mark.parametrize(
    "aux, aux_tag, verb, month, value",
    [
        # planning words point forward even in the past tense
        ("was", "VBD", "planned", "November", "2026-11"),
        ("was", "VBD", "scheduled", "December", "2026-12"),
        ("is", "VBZ", "planned", "November", "2026-11"),
        # ... but a plan for a month just gone, told in the past, keeps that month
        ("was", "VBD", "planned", "June", "2026-06"),
        # an ordinary past verb looks back
        ("was", "VBD", "held", "November", "2025-11"),
    ],
)
def test_planning_words_point_forward(
    aux: str, aux_tag: str, verb: str, month: str, value: str
) -> None:
    doc = _planned_doc(aux, aux_tag, verb, "VBN", month)
    doc[3].lemma_ = {"planned": "plan", "scheduled": "schedule", "held": "hold"}[verb]
    article = Article(id="t", text=doc.text, published_at=SEPT)
    ctx = Context(
        article=article, doc=doc, kb=KnowledgeBase([]), analysis=Analysis(article=article)
    )
    DatesExtractor()(ctx)
    (date,) = ctx.analysis.dates
    assert (date.text, date.value) == (f"for {month}", value)


@pytest.mark.parametrize(
    "text, tense, value, precision",
    [
        # a part of a month stands for a day of it, roughly
        ("mid-March", "future", "2026-03-15", "approximate"),
        ("in early June", "future", "2026-06-05", "approximate"),
        ("by late May", "future", "2026-05-25", "approximate"),
        ("in late October", "past", "2025-10-25", "approximate"),
        ("in June", "future", "2026-06", "month"),
        # a decade is the range of its years, not a day near publication
        ("the 1980s", "past", "1980", "range"),
        ("the early 2010s", "past", "2010", "range"),
    ],
)
def test_parts_of_months_and_decades(text: str, tense: str, value: str, precision: str) -> None:
    res = resolve_expression(text, THURSDAY, tense)  # type: ignore[arg-type]
    assert (res.value, res.precision) == (value, precision)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a month with its day is the day, even after "for" or before a comma
        ("The vote was set for March 9.", ["March 9"]),
        ("The accord, signed on May 4, still needs a vote.", ["May 4"]),
        ("They met on May 4, 2025 in Oslo.", ["May 4, 2025"]),
        ("Talks resume in mid-April.", ["in mid-April"]),
        ("Survivors of the 1990s war spoke.", ["the 1990s"]),
    ],
)
def test_expression_boundaries(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e, _, _ in find_expressions(text)] == expected


# --------------------------------------------------------------- the patterns read the lexicon


@pytest.fixture
def user_lexicon(tmp_path: Path) -> Iterator[Callable[[dict[str, object]], None]]:
    """Write a user's lexicon/timeplace.json and point the knowledge layer at it."""

    def write(data: dict[str, object]) -> None:
        (tmp_path / "lexicon").mkdir(exist_ok=True)
        (tmp_path / "lexicon" / "timeplace.json").write_text(json.dumps(data), "utf-8")
        knowledge.configure([tmp_path])

    yield write
    knowledge.configure([])


def test_a_user_file_adds_a_month_abbreviation(user_lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "The envoys met on Febr. 3 in Doha."
    assert find_expressions(text) == []
    user_lexicon({"months": {"febr": 2}})
    assert [text[s:e] for s, e, _, _ in find_expressions(text)] == ["Febr. 3"]
    assert resolve_expression("Febr. 3", THURSDAY, "past").value == "2026-02-03"


def test_a_user_file_adds_a_weekday_modifier_with_its_meaning(user_lexicon) -> None:  # type: ignore[no-untyped-def]
    # the user's word and what it means: the Thursday of the week before
    assert resolve_expression("previous Thursday", THURSDAY, "present").precision == "unknown"
    user_lexicon({"weekday_modifiers": {"previous": "last_week"}})
    assert resolve_expression("previous Thursday", THURSDAY, "present").value == "2026-01-29"


def test_a_user_file_adds_a_duration_word_and_its_direction(user_lexicon) -> None:  # type: ignore[no-untyped-def]
    user_lexicon(
        {"duration_modifiers": {"during the last": "backward"}, "date_units": {"yrs": "year"}}
    )
    got = resolve_expression("during the last two yrs", THURSDAY, "past")
    assert (got.value, got.end_value) == ("2024-02-05", "2026-02-05")


# ------------------------------------------------- issue 11, class 7: dates on reporting (ours)

WEDNESDAY = dt.date(2026, 3, 11)
SATURDAY = dt.date(2026, 3, 14)


@pytest.mark.parametrize(
    "text, base, value",
    [
        # "last <weekday>" is that day of the week before (the nearer one would be "on Friday")
        ("last Friday", SATURDAY, "2026-03-06"),
        ("last Friday", WEDNESDAY, "2026-03-06"),
        ("last Monday", WEDNESDAY, "2026-03-02"),
        ("last Monday", dt.date(2026, 3, 9), "2026-03-02"),
        # "this past Friday" is the latest one, and a bare weekday in the past the nearest
        ("this past Friday", SATURDAY, "2026-03-13"),
        ("on Friday", SATURDAY, "2026-03-13"),
        ("on Monday", WEDNESDAY, "2026-03-09"),
    ],
)
def test_last_weekday_is_in_the_week_before(text: str, base: dt.date, value: str) -> None:
    assert resolve_expression(text, base, "past").value == value


def _dates(nlp, text: str, base: dt.date) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    article = Article(id="t", text=doc.text, published_at=base)
    ctx = Context(
        article=article, doc=doc, kb=KnowledgeBase([]), analysis=Analysis(article=article)
    )
    DatesExtractor()(ctx)
    return [(d.text, d.value) for d in ctx.analysis.dates]


@pytest.mark.model
def test_last_weekdays_possessive_points_back_a_week(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lima rejected last Friday's ruling by the tribunal."
    assert _dates(nlp, text, SATURDAY) == [("last Friday", "2026-03-06")]
    assert _dates(nlp, "Lima rejected Friday's ruling by the tribunal.", SATURDAY) == [
        ("Friday", "2026-03-13")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, base, expected",
    [
        # written in July, a past span from June until August ended last August
        (
            "The navy blockaded the port from June until August.",
            dt.date(2026, 7, 15),
            [("from June", "2025-06"), ("until August", "2025-08")],
        ),
        (
            "The strike at the mine lasted from June until August.",
            dt.date(2026, 7, 15),
            [("from June", "2025-06"), ("until August", "2025-08")],
        ),
        # written in September, the same span is this year's
        (
            "The strike at the mine lasted from June until August.",
            dt.date(2026, 9, 15),
            [("from June", "2026-06"), ("until August", "2026-08")],
        ),
        # a span across the new year
        (
            "The strike at the mine lasted from November until February.",
            dt.date(2026, 9, 15),
            [("from November", "2025-11"), ("until February", "2026-02")],
        ),
        # the future one starts at the next June and ends in the August after it
        (
            "The navy will blockade the port from June until August.",
            dt.date(2026, 7, 15),
            [("from June", "2027-06"), ("until August", "2027-08")],
        ),
    ],
)
def test_month_spans_follow_the_tense_of_the_sentence(  # type: ignore[no-untyped-def]
    nlp, text: str, base: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert _dates(nlp, text, base) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, base, expected",
    [
        ("Voters in Tacna went to the polls on Nov. 8.", dt.date(2026, 11, 20), "2026-11-08"),
        ("Voters in Tacna went to the polls on Nov. 8.", dt.date(2026, 11, 2), "2025-11-08"),
        ("Voters in Tacna will go to the polls on Nov. 8.", dt.date(2026, 11, 2), "2026-11-08"),
        ("Voters in Tacna will go to the polls on Nov. 8.", dt.date(2026, 11, 20), "2027-11-08"),
        # in the present tense, the nearest one
        ("The Nov. 8 runoff in Tacna is a test for Lima.", dt.date(2026, 11, 20), "2026-11-08"),
        ("The Nov. 8 runoff in Tacna is a test for Lima.", dt.date(2026, 10, 25), "2026-11-08"),
        ("The Nov. 8 runoff in Tacna is a test for Lima.", dt.date(2027, 1, 5), "2026-11-08"),
        # the day survives a modifier before the abbreviated month
        ("The envoy has stayed in Tacna since Nov. 8.", dt.date(2027, 2, 1), "2026-11-08"),
        ("The envoys had left Tacna by Nov. 8.", dt.date(2026, 12, 1), "2026-11-08"),
        ("The envoys must leave Tacna by Nov. 8.", dt.date(2026, 10, 1), "2026-11-08"),
    ],
)
def test_an_abbreviated_month_with_its_day_takes_the_year_the_tense_gives(  # type: ignore[no-untyped-def]
    nlp, text: str, base: dt.date, expected: str
) -> None:
    (found,) = [d for d in _dates(nlp, text, base) if "Nov" in d[0]]
    assert found[0].endswith("Nov. 8") and found[1] == expected


@pytest.mark.parametrize(
    "text, tense, value",
    [
        # "by" points ahead, unless the verb is past ("had left by November")
        ("by November", "future", "2026-11"),
        ("by November", "present", "2026-11"),
        ("by November", "past", "2025-11"),
        ("since November", "present", "2025-11"),
    ],
)
def test_by_a_month_leans_ahead_unless_the_verb_is_past(text: str, tense: str, value: str) -> None:
    assert resolve_expression(text, dt.date(2026, 3, 11), tense).value == value  # type: ignore[arg-type]


def _events(pipeline, text: str, base: dt.date) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    from parley.models import RawDocument

    analysis = pipeline.run(RawDocument(source="t", text=text, published_at=base))
    return [(e.type, e.date.value if e.date else None) for e in analysis.events]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type",
    [
        ("Quito expelled two Bolivian diplomats on Friday.", "SANCTION"),
        ("Quito on Friday expelled two Bolivian diplomats.", "SANCTION"),
        ("On Friday, Quito expelled two Bolivian diplomats.", "SANCTION"),
        ("Two Bolivian diplomats were expelled by Quito on Friday.", "SANCTION"),
        ("Ecuador said on Friday that it had expelled two Bolivian diplomats.", "SANCTION"),
        ("Quito expelled two Bolivian diplomats on Friday and recalled its envoy.", "SANCTION"),
        # the day is written in another clause of the sentence (events/dating.py)
        ("Quito's decision on Friday to expel two Bolivian diplomats angered La Paz.", "SANCTION"),
        (
            "In a statement on Friday, Quito said it had expelled two Bolivian diplomats.",
            "SANCTION",
        ),
        (
            "Quito said in a statement on Friday that it had expelled two Bolivian diplomats.",
            "SANCTION",
        ),
        (
            "The clash came on Friday, when rebels fired rockets at an army base near Mopti.",
            "ASSAULT",
        ),
        ("It was on Friday that Quito expelled two Bolivian diplomats.", "SANCTION"),
        (
            "Talks between Quito and La Paz, held in Lima on Friday, ended without a deal.",
            "CONSULT",
        ),
    ],
)
def test_an_event_takes_the_day_its_sentence_gives(pipeline, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert (event_type, "2026-03-06") in _events(pipeline, text, WEDNESDAY)


@pytest.mark.model
def test_an_event_without_a_day_of_its_own_takes_the_publication_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Quito expelled two Bolivian diplomats."
    assert _events(pipeline, text, WEDNESDAY) == [("SANCTION", "2026-03-11")]
    # a day in another sentence is not this event's
    later = "Quito expelled two Bolivian diplomats. La Paz protested on Friday."
    assert ("SANCTION", "2026-03-11") in _events(pipeline, later, WEDNESDAY)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type",
    [
        # the same constructions with no day: publication
        (
            "Quito's decision to expel two Bolivian diplomats from the country angered La Paz.",
            "SANCTION",
        ),
        ("In a statement, Quito said it had expelled two Bolivian diplomats.", "SANCTION"),
        ("The clash came after rebels fired rockets at an army base near Mopti.", "ASSAULT"),
        ("It was in Lima that Quito expelled two Bolivian diplomats.", "SANCTION"),
        ("Talks between Quito and La Paz ended without a deal.", "CONSULT"),
        # a day in a clause that is not the event's: publication too
        (
            "Quito's decision to expel two Bolivian diplomats from the country"
            " angered La Paz on Friday.",
            "SANCTION",
        ),
        (
            "In a statement, Quito said it had expelled two Bolivian diplomats"
            " and that talks would resume on Friday.",
            "SANCTION",
        ),
        (
            "Rebels fired rockets at an army base near Mopti, and the army answered on Friday.",
            "ASSAULT",
        ),
        (
            "It was on Friday that La Paz protested, after Quito expelled two Bolivian diplomats.",
            "SANCTION",
        ),
        (
            "Talks between Quito and La Paz ended without a deal,"
            " and the envoys left Lima on Friday.",
            "CONSULT",
        ),
    ],
)
def test_a_day_in_another_clause_is_not_the_events(pipeline, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    found = [day for kind, day in _events(pipeline, text, WEDNESDAY) if kind == event_type]
    assert found == ["2026-03-11"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type, place",
    [
        # the words that date an event also place it
        (
            "Talks between Quito and La Paz, held in Lima on Friday, ended without a deal.",
            "CONSULT",
            "Lima",
        ),
        ("It was in Lima that Quito expelled two Bolivian diplomats.", "SANCTION", "Lima"),
        # a place in a clause that is not the event's does not
        (
            "Talks between Quito and La Paz ended without a deal,"
            " and the envoys left Lima on Friday.",
            "CONSULT",
            None,
        ),
        ("Quito expelled two Bolivian diplomats, and La Paz protested in Lima.", "SANCTION", None),
    ],
)
def test_the_clause_that_dates_an_event_also_places_it(  # type: ignore[no-untyped-def]
    pipeline, text: str, event_type: str, place: str | None
) -> None:
    from parley.models import RawDocument

    analysis = pipeline.run(RawDocument(source="t", text=text, published_at=WEDNESDAY))
    found = [e.place.name if e.place else None for e in analysis.events if e.type == event_type]
    assert found == [place]


# ------------------------------------------------- a month and day whose year a phrase names

DECEMBER = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    "text, tense, value, precision",
    [
        # the phrase names the year: "last year" in December is not this October
        ("October 5 last year", "past", "2025-10-05", "day"),
        ("on October 5 last year", "past", "2025-10-05", "day"),
        ("5 October last year", "past", "2025-10-05", "day"),
        ("Oct. 5 last year", "past", "2025-10-05", "day"),
        ("March 3 next year", "future", "2027-03-03", "day"),
        ("January 20 this year", "past", "2026-01-20", "day"),
        ("in October last year", "past", "2025-10", "month"),
        ("February 29 last year", "past", None, "unknown"),
        # without the phrase the tense still decides
        ("October 5", "past", "2026-10-05", "day"),
        ("in October", "past", "2026-10", "month"),
    ],
)
def test_a_month_day_takes_the_year_its_phrase_names(
    text: str, tense: str, value: str | None, precision: str
) -> None:
    got = resolve_expression(text, DECEMBER, tense)  # type: ignore[arg-type]
    assert (got.value, got.precision) == (value, precision)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The pact was signed on October 5 last year in Turku.", ["October 5 last year"]),
        ("Envoys met on 5 October, last year, in Turku.", ["5 October, last year"]),
        # "last year" that is not the day's year stays a date of its own
        ("They met on October 5 and parted last year.", ["October 5", "last year"]),
        ("The vote fell on October 5, last year's deadline.", ["October 5", "last year"]),
    ],
)
def test_the_year_phrase_joins_only_its_own_day(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e, _, _ in find_expressions(text)] == expected


# --------------------------------------------------- a part of the day before "on <weekday>"


@pytest.mark.parametrize("lead", ["at dawn", "before dawn", "early", "late", "at midnight"])
@pytest.mark.parametrize(
    "weekday, tense, base", [("Friday", "past", WEDNESDAY), ("Tuesday", "future", SATURDAY)]
)
def test_a_part_of_the_day_before_a_weekday_is_that_weekday(
    lead: str, weekday: str, tense: str, base: dt.date
) -> None:
    plain = resolve_expression(f"on {weekday}", base, tense)  # type: ignore[arg-type]
    led = resolve_expression(f"{lead} on {weekday}", base, tense)  # type: ignore[arg-type]
    assert (led.value, led.precision) == (plain.value, "day")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Troops crossed the river at dawn on Wednesday.", ["at dawn on Wednesday"]),
        ("Early on Tuesday, the port was shelled.", ["Early on Tuesday"]),
        ("The vote came late on Monday.", ["late on Monday"]),
        # a part of the day not written before "on <weekday>" is not part of the date
        ("They rose at dawn and voted on Monday.", ["on Monday"]),
        ("The early vote on Monday was close.", ["on Monday"]),
        ("Troops moved at dawn.", []),
    ],
)
def test_a_part_of_the_day_joins_the_weekday_it_leads(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e, _, _ in find_expressions(text)] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type",
    [
        ("At dawn on Friday, rebels fired rockets at an army base near Mopti.", "ASSAULT"),
        ("Quito expelled two Bolivian diplomats at dawn on Friday.", "SANCTION"),
        ("Rebels shelled the town at dawn on Friday.", "ASSAULT"),
    ],
)
def test_an_event_at_dawn_on_a_weekday_takes_that_day(pipeline, text: str, event_type: str) -> None:  # type: ignore[no-untyped-def]
    assert (event_type, "2026-03-06") in _events(pipeline, text, WEDNESDAY)


# ------------------------------------------------------------ a dateline that carries its day

ARCHIVED = dt.date(2026, 4, 2)  # a Thursday, six days after the dateline's Friday, March 27


@pytest.mark.model
@pytest.mark.parametrize(
    "opening",
    ["OSTRAVA, March 27 (Wire) —", "OSTRAVA, March 27 —", "Ostrava, March 27 (Wire) -"],
)
def test_relative_days_count_from_the_datelines_day(nlp, opening: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"{opening} The envoy said today that the talks had resumed yesterday"
        " and would move to Brno on Wednesday."
    )
    assert _dates(nlp, text, ARCHIVED)[1:] == [
        ("today", "2026-03-27"),
        ("yesterday", "2026-03-26"),
        ("on Wednesday", "2026-04-01"),
    ]


@pytest.mark.model
def test_a_dateline_a_day_ahead_of_publication_is_still_its_day(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "OSTRAVA, March 27 (Wire) — The envoy said today that the talks had resumed."
    assert _dates(nlp, text, dt.date(2026, 3, 26)) == [
        ("March 27", "2026-03-27"),
        ("today", "2026-03-27"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a dateline without a day, and a day outside any dateline: publication decides
        "OSTRAVA (Wire) — The envoy said today that the talks had resumed.",
        "The envoy said on March 27 that the talks had resumed today.",
        "OSTRAVA — The envoy, who arrived on March 27, said today that the talks had resumed.",
    ],
)
def test_without_a_dated_dateline_publication_is_today(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("today", "2026-04-02") in _dates(nlp, text, ARCHIVED)


def _asked(text: str, base: dt.date) -> object:
    """dateparser's own answer, as the fallback read it before the direct forms."""
    from dateparser.date import DateDataParser

    parser = DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
        },
    )
    data = parser.get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    return {
        "year": Resolved(str(day.year), "year"),
        "month": Resolved(f"{day.year:04d}-{day.month:02d}", "month"),
    }.get(data.period or "")


@pytest.mark.parametrize("base_day", [1, 17, 28, 29, 31])
def test_bare_years_and_months_resolve_as_dateparser_resolves_them(base_day: int) -> None:
    """The fallback answers "2019" and "October" itself (no dateparser call); the answers
    must be dateparser's, for every month against every month of publication, on days past
    the 28th too (where it hands the question back to dateparser)."""
    names = ["January", "february", "MARCH", "Sept", "September", "october", "December"]
    for pub_month in range(1, 13):
        if base_day > 28 and pub_month not in (1, 2, 3, 12):
            continue
        last = (dt.date(2028 + pub_month // 12, pub_month % 12 + 1, 1) - dt.timedelta(days=1)).day
        base = dt.date(2028, pub_month, min(base_day, last))  # 2028 is a leap year
        for text in [*names, "2019", "1648", "0999"]:
            assert _dateparser_fallback(text, base, {}) == _asked(text, base), (text, base)


def test_a_bare_year_or_month_is_resolved_without_asking_dateparser() -> None:
    parsers: dict[dt.date, object] = {}
    base = dt.date(2026, 5, 14)
    assert _dateparser_fallback("2020", base, parsers) == Resolved("2020", "year")
    assert _dateparser_fallback("June", base, parsers) == Resolved("2025-06", "month")
    assert _dateparser_fallback("April", base, parsers) == Resolved("2026-04", "month")
    assert parsers == {}, "no dateparser parser was built"
    _dateparser_fallback("every September", base, parsers)
    assert list(parsers) == [base], "anything else still goes to dateparser"


# A weekday set before a calendar day names that day: "on Tuesday, March 3". Read apart, the
# weekday was reckoned from publication (the Tuesday before a December article) and became the
# event's date, while the calendar day the writer gave stood beside it unused.
@pytest.mark.parametrize(
    "text, found",
    [
        ("The envoys met on Tuesday, March 3, in Vienna.", ["Tuesday, March 3"]),
        ("The envoys met on Tuesday March 3 in Vienna.", ["Tuesday March 3"]),
        ("The council sat on Friday, 6 March 2020.", ["Friday, 6 March 2020"]),
        ("Talks resume on Tuesday, officials said in March.", ["on Tuesday", "in March"]),
    ],
)
def test_a_weekday_before_a_calendar_day_is_one_date(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e, _, _ in find_expressions(text)] == found


@pytest.mark.parametrize(
    "text, tense, value",
    [
        # published 2026-12-20: the March 3 that was a Tuesday is 2026's
        ("Tuesday, March 3", "past", "2026-03-03"),
        # the weekday tells the year when the tense would say another: 2027-01-05 is a Tuesday
        ("Tuesday, January 5", "past", "2027-01-05"),
        # a weekday that fits no nearby year (a slip) leaves the tense to decide
        ("Saturday, March 3", "past", "2026-03-03"),
        ("Thursday, 7 January", "future", "2027-01-07"),
    ],
)
def test_the_weekday_picks_the_year_of_the_day(text: str, tense: str, value: str) -> None:
    got = resolve_expression(text, dt.date(2026, 12, 20), tense)  # type: ignore[arg-type]
    assert (got.value, got.precision) == (value, "day")
