"""Tracks, rounds, agreements and stories on the constructions real reporting uses.

Each failure found by reading real processes (docs/review/negotiation.md) is a test here, written
in our own words with other names, places and numbers, and tested both ways: the construction
that must give the record, and a near neighbour that must not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import Analysis, Article, Event, RawDocument, Round, Span, TimeExpression, Track
from parley.resolve import cluster_stories, merge_tracks

EV = Span(start=0, end=1, text="x")


def _run(pipeline, text: str, day: str = "2026-10-09") -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(source="t.txt", text=text, published_at=dt.date.fromisoformat(day))
    return pipeline.run(raw)


def _talks(an: Analysis) -> list[Track]:
    return [t for t in an.tracks if not t.name.endswith("arms control")]


# -- parties and mediators -------------------------------------------------------------------


@pytest.mark.model
def test_an_army_and_a_paramilitary_force_are_the_parties_and_two_mediating_states_are_not(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The Sudanese army and the Rapid Support Forces opened talks in Jeddah on Thursday, "
        "mediated by Saudi Arabia and the United States. The first round ended without a deal.",
    )
    [track] = _talks(an)
    assert set(track.parties) == {"group:saf", "group:rsf"}
    assert set(track.mediators) == {"SAU", "USA"}
    assert [(r.ordinal, r.status) for r in track.rounds] == [(1, "held")]


@pytest.mark.model
def test_two_states_keep_their_own_track_and_the_host_of_the_capital_mediates(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Ethiopian and Egyptian negotiators met in Nairobi on Tuesday for talks on the dam, "
        "officials said.",
    )
    [track] = _talks(an)
    assert set(track.parties) == {"ETH", "EGY"}
    assert track.mediators == ["KEN"]


@pytest.mark.model
def test_an_agencys_technical_talks_in_a_capital_make_no_two_state_track(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Inspectors of the IAEA held technical talks with Iran in Vienna on Monday. "
        "Austria and Iran have long traded in machinery.",
    )
    assert _talks(an) == []


@pytest.mark.model
def test_co_mention_of_two_states_is_no_track_but_a_proposal_between_them_is(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    mentioned = _run(
        pipeline,
        "Chile and Peru sent teams to the Pacific games. Chile won the opening match against Peru.",
    )
    assert _talks(mentioned) == []
    proposed = _run(
        pipeline,
        "Chile handed Peru a proposal on the maritime border on Monday, and Peru said the talks "
        "would continue in the third round next month.",
    )
    [track] = _talks(proposed)
    assert set(track.parties) == {"CHL", "PER"}


# -- rounds ----------------------------------------------------------------------------------


@pytest.mark.model
def test_the_next_round_held_in_a_city_and_talks_resuming_are_one_planned_round(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Negotiators of the Congolese army and the M23 rebels ended talks in Doha on Thursday, "
        "mediated by Qatar. Talks will resume in two weeks. The next round will be held in Doha.",
    )
    [track] = _talks(an)
    [planned] = [r for r in track.rounds if r.status == "planned"]
    assert (planned.venue, planned.date) == ("Doha", "2026-10-23")


@pytest.mark.model
def test_the_next_round_after_numbered_ones_takes_the_next_number(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Thai and Cambodian officials ended the first round of border talks in Kuala Lumpur on "
        "Tuesday. The next round will be held in Bangkok in November.",
    )
    [track] = _talks(an)
    assert [(r.ordinal, r.status, r.venue, r.date) for r in track.rounds] == [
        (1, "held", "Kuala Lumpur", "2026-10-06"),
        (2, "planned", "Bangkok", "2026-11"),
    ]


@pytest.mark.model
def test_talks_that_resumed_are_a_held_session_not_a_plan(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Serbia and Montenegro held talks on the border in Podgorica on Monday. The talks resumed "
        "in Belgrade in September after a long pause.",
    )
    [track] = _talks(an)
    sessions = [(r.status, r.venue) for r in track.rounds if r.ordinal is None]
    assert ("held", "Belgrade") in sessions
    assert all(status == "held" for status, _ in sessions)


@pytest.mark.model
def test_talks_set_for_a_day_without_the_word_round_are_a_planned_session(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Direct talks between the Sudanese army and the Rapid Support Forces will start in Jeddah "
        "on Saturday, Saudi Arabia and the United States, which mediate them, said.",
    )
    [track] = _talks(an)
    assert [(r.status, r.venue, r.date) for r in track.rounds] == [
        ("planned", "Jeddah", "2026-10-10")
    ]


def _round(article: str, ordinal: int | None, status: str, date: str | None) -> Round:
    return Round(
        track="A–B talks",
        ordinal=ordinal,
        status=status,
        date=date,
        article_id=article,  # type: ignore[arg-type]
    )


def _with_rounds(aid: str, day: str, rounds: list[Round]) -> Analysis:
    art = Article(id=aid, text="x", published_at=dt.date.fromisoformat(day))
    return Analysis(
        article=art, tracks=[Track(name="A–B talks", parties=["A", "B"], rounds=rounds)]
    )


def test_an_unnumbered_plan_and_the_numbered_session_of_that_date_are_one_round() -> None:
    merged = merge_tracks(
        [
            _with_rounds("a", "2026-10-20", [_round("a", None, "planned", "2026-10-27")]),
            _with_rounds("b", "2026-10-28", [_round("b", 3, "held", "2026-10-27")]),
        ]
    )
    assert [(r.ordinal, r.status) for r in merged[0].rounds] == [(3, "held")]


def test_an_unnumbered_plan_for_another_month_stays_a_round_of_its_own() -> None:
    merged = merge_tracks(
        [
            _with_rounds("a", "2026-10-20", [_round("a", None, "planned", "2026-12")]),
            _with_rounds("b", "2026-10-28", [_round("b", 3, "held", "2026-10-27")]),
        ]
    )
    assert sorted((r.ordinal or 0, r.status) for r in merged[0].rounds) == [
        (0, "planned"),
        (3, "held"),
    ]


def _at(r: Round, venue: str) -> Round:
    return r.model_copy(update={"venue": venue})


def test_talks_in_one_city_this_month_and_a_plan_in_another_on_a_day_are_two_rounds() -> None:
    merged = merge_tracks(
        [
            _with_rounds("a", "2026-10-15", [_at(_round("a", None, "held", "2026-10"), "Oslo")]),
            _with_rounds(
                "b", "2026-10-28", [_at(_round("b", None, "planned", "2026-10-30"), "Bern")]
            ),
        ]
    )
    assert sorted((r.venue or "", r.status) for r in merged[0].rounds) == [
        ("Bern", "planned"),
        ("Oslo", "held"),
    ]


def test_a_plan_for_the_month_in_a_city_and_its_day_in_that_city_are_one_round() -> None:
    merged = merge_tracks(
        [
            _with_rounds("a", "2026-09-05", [_at(_round("a", None, "planned", "2026-10"), "Bern")]),
            _with_rounds("b", "2026-10-30", [_at(_round("b", None, "held", "2026-10-30"), "Bern")]),
        ]
    )
    assert [(r.venue, r.status, r.date) for r in merged[0].rounds] == [
        ("Bern", "held", "2026-10-30")
    ]


# -- agreements ------------------------------------------------------------------------------


@pytest.mark.model
def test_an_initialled_treaty_that_still_has_to_be_signed_is_not_signed(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Uzbekistan and Kazakhstan initialled the Syr Darya Water Treaty in Tashkent on Wednesday. "
        "The treaty still has to be signed by the two presidents.",
    )
    [treaty] = [a for a in an.agreements if a.name == "Syr Darya Water Treaty"]
    assert [s.status for s in treaty.statuses] == ["initialled"]
    assert treaty.statuses[0].date == "2026-10-07"


@pytest.mark.model
def test_a_treaty_the_presidents_signed_is_signed(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The presidents of Uzbekistan and Kazakhstan signed the Syr Darya Water Treaty in Astana "
        "on Thursday.",
    )
    [treaty] = [a for a in an.agreements if a.name == "Syr Darya Water Treaty"]
    assert [s.status for s in treaty.statuses] == ["signed"]


@pytest.mark.model
def test_provisional_application_is_its_own_status(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Uzbekistan and Kazakhstan said they would apply the Syr Darya Water Treaty provisionally "
        "from November 1.",
    )
    [treaty] = [a for a in an.agreements if a.name == "Syr Darya Water Treaty"]
    assert [s.status for s in treaty.statuses] == ["provisionally applied (expected)"]


@pytest.mark.model
def test_a_party_convention_and_a_charity_foundation_are_not_agreements(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Delegates gathered in Leeds for the Liberal Party Convention on Saturday, while the "
        "Harbour Children Foundation Initiative announced new grants and the Northern Leaders "
        "Convention opened.",
    )
    assert an.agreements == []


@pytest.mark.model
def test_a_convention_on_a_subject_is_a_treaty(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Norway ratified the Arctic Fisheries Convention on Coastal Stocks on Monday.",
    )
    assert [a.kind for a in an.agreements] == ["treaty"]


@pytest.mark.model
def test_an_unnamed_ceasefire_between_two_armed_sides_is_an_agreement_with_its_steps(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The Congolese army and M23 rebels agreed on Thursday to a seven-day ceasefire at talks in "
        "Doha mediated by Qatar. The ceasefire takes effect at midnight on Friday.",
    )
    [truce] = an.agreements
    assert (truce.kind, set(truce.parties)) == ("ceasefire", {"force:fardc", "group:m23"})
    assert [(s.status, s.date) for s in truce.statuses] == [
        ("agreed", "2026-10-08"),
        ("in force", "2026-10-09"),
    ]


@pytest.mark.model
def test_an_earlier_ceasefire_mentioned_as_history_is_no_agreement_of_today(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "A ceasefire agreed between the Congolese army and M23 rebels in Luanda in 2024 collapsed "
        "within weeks.",
    )
    assert an.agreements == []


@pytest.mark.model
def test_sides_that_were_extending_a_truce_extended_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The Congolese army and M23 rebels agreed to a truce last week. On Friday the rebels said "
        "they were extending the truce by five days.",
    )
    [truce] = an.agreements
    assert "extended" in [s.status for s in truce.statuses]
    assert "extension proposed" not in [s.status for s in truce.statuses]


@pytest.mark.model
def test_a_call_to_extend_a_truce_is_a_proposed_extension(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The Congolese army and M23 rebels agreed to a truce last week. On Friday Qatar proposed "
        "to extend the truce by five days.",
    )
    [truce] = an.agreements
    assert "extended" not in [s.status for s in truce.statuses]


# -- stories ---------------------------------------------------------------------------------


def _agreed(aid: str, outlet: str, words: str, status: str = "occurred") -> Analysis:
    date = TimeExpression(text="on Thursday", start=0, end=1, value="2026-10-08", precision="day")
    event = Event(
        type="AGREE",
        source=["COD", "group:m23"],
        target=["group:m23", "COD"],
        date=date if status == "occurred" else None,
        status=status,  # type: ignore[arg-type]
        evidence=Span(start=0, end=len(words), text=words),
    )
    art = Article(id=aid, text=words, outlet=outlet, published_at=dt.date(2026, 10, 9))
    return Analysis(article=art, events=[event])


def test_a_ceasefire_of_seven_days_and_one_of_eight_from_two_outlets_is_one_story() -> None:
    stories = cluster_stories(
        [
            _agreed("a", "Wire One", "They agreed on Thursday to a seven-day ceasefire."),
            _agreed("b", "Wire Two", "They agreed on Thursday to an 8-day truce."),
        ],
        min_sources=2,
    )
    [story] = stories
    assert story.sources == ["Wire One", "Wire Two"]
    assert story.disagreements == ["duration: 7 days (Wire One); 8 days (Wire Two)"]


def test_reports_that_agree_on_the_length_record_no_disagreement() -> None:
    [story] = cluster_stories(
        [
            _agreed("a", "Wire One", "They agreed on Thursday to a seven-day ceasefire."),
            _agreed("b", "Wire Two", "They agreed on Thursday to a 7-day truce."),
        ],
        min_sources=2,
    )
    assert story.disagreements == []


def test_an_earlier_ceasefire_told_as_history_is_a_story_of_its_own() -> None:
    old = _agreed("b", "Wire Two", "A ceasefire agreed in 2024 collapsed.", status="historical")
    stories = cluster_stories(
        [_agreed("a", "Wire One", "They agreed on Thursday to a seven-day ceasefire."), old]
    )
    assert sorted(len(s.events) for s in stories) == [1, 1]
