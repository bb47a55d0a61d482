"""Stories of negotiations: a round or an agreement step told by several outlets is one story.

The constructions come from the review of real processes (docs/review/negotiation.md), round
of 2026-12-04 (nego2), rewritten in our own words with other names, places and numbers. Each is
tested both ways: the construction that must join or give a record, and a near neighbour that
must not.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from parley.extract.negotiation.told import tell_negotiation
from parley.models import (
    ActorInText,
    Agreement,
    AgreementStatus,
    Analysis,
    Article,
    Event,
    RawDocument,
    Round,
    Span,
    TimeExpression,
    Track,
)
from parley.resolve import cluster_stories, merge_agreements, merge_tracks
from parley.resolve.stories import agreement_step


def _run(pipeline, text: str, day: str = "2026-10-09") -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(source="t.txt", text=text, published_at=dt.date.fromisoformat(day))
    return pipeline.run(raw)


EV = Span(start=0, end=1, text="x")


def _meetings(an: Analysis) -> list[Event]:
    return [e for e in an.events if e.type == "CONSULT"]


# -- a round is a meeting of the sides, whoever announces it ---------------------------------


@pytest.mark.model
def test_a_next_round_announced_by_the_mediators_is_a_meeting_of_the_two_sides(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The Colombian army and the ELN rebels agreed on Monday to a ten-day truce after talks "
        "in Havana mediated by Cuba and Norway. The next round will be held in Havana "
        "later this month, a Cuban official said.",
    )
    [planned] = [e for e in _meetings(an) if e.status == "planned"]
    assert set(planned.source) == {"COL", "group:eln"}
    assert not {"CUB", "NOR"} & set(planned.source)


def _ctx_with(event: Event) -> SimpleNamespace:
    """A context holding one sentence's meeting event and the track the article found."""
    words = "The next round will be held in Havana later this month, the Cuban official said."
    span = Span(start=0, end=len(words), text=words)
    art = Article(id="a", text=words, published_at=dt.date(2026, 10, 9))
    an = Analysis(article=art, events=[event.model_copy(update={"evidence": span})])
    return SimpleNamespace(kb={}, analysis=an), span


def _round_track(span: Span) -> Track:
    r = Round(track="t", status="planned", venue="Havana", date="2026-10", evidence=span)
    return Track(name="t", parties=["COL", "group:eln"], mediators=["CUB", "NOR"], rounds=[r])


def test_a_round_told_as_the_mediators_meeting_becomes_the_sides_meeting() -> None:
    told = Event(
        type="CONSULT", source=["CUB", "NOR"], target=["NOR", "CUB"], status="planned", evidence=EV
    )
    ctx, span = _ctx_with(told)
    tell_negotiation(ctx, [_round_track(span)], "parley.negotiation.v1")  # type: ignore[arg-type]
    [event] = ctx.analysis.events
    assert set(event.source) == {"COL", "group:eln"}
    assert set(event.mediator) == {"CUB", "NOR"}


def test_a_meeting_with_someone_outside_the_track_keeps_its_actors() -> None:
    told = Event(
        type="CONSULT",
        source=["CUB", "NATO"],
        target=["NATO", "CUB"],
        status="planned",
        evidence=EV,
    )
    ctx, span = _ctx_with(told)
    tell_negotiation(ctx, [_round_track(span)], "parley.negotiation.v1")  # type: ignore[arg-type]
    [event] = ctx.analysis.events
    assert set(event.source) == {"CUB", "NATO"}


@pytest.mark.model
def test_talks_that_will_resume_on_a_day_are_a_planned_meeting_of_the_two_sides(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The truce between the Colombian army and the ELN rebels was extended on Sunday by ten "
        "days. Talks will resume in Havana on October 21, the Cuban foreign ministry said.",
        day="2026-10-12",
    )
    [track] = an.tracks
    assert [(r.status, r.venue, r.date) for r in track.rounds] == [
        ("planned", "Havana", "2026-10-21")
    ]
    [planned] = [e for e in _meetings(an) if e.status == "planned"]
    assert set(planned.source) == {"COL", "group:eln"}
    assert planned.date is not None and planned.date.value == "2026-10-21"


@pytest.mark.model
def test_an_agreement_step_no_event_tells_becomes_the_parties_act(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Laos and Vietnam fixed their last disputed border sections in the Mekong Boundary "
        "Treaty. The treaty was signed in Hanoi in March and entered into force on June 2.",
        day="2026-09-01",
    )
    in_force = [e for e in an.events if e.trigger is not None and "force" in e.trigger.text]
    assert [(set(e.source), e.date.value if e.date else None) for e in in_force] == [
        ({"LAO", "VNM"}, "2026-06-02")
    ]


@pytest.mark.model
def test_an_expected_step_adds_no_event_of_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Laos and Vietnam completed the Mekong Boundary Treaty on Tuesday. Officials said it "
        "would enter into force in June.",
        day="2026-04-02",
    )
    assert not [e for e in an.events if e.extractor == "parley.negotiation.v1"]


# -- stories across outlets -------------------------------------------------------------------


# Two presidents, each with their state: a report may name the people or the states.
PEOPLE = [
    ActorInText(id="person:ana-ruiz", name="Ana Ruiz", kind="person", country="CHL"),
    ActorInText(id="person:luis-paz", name="Luis Paz", kind="person", country="PER"),
]
BOTH = ["person:ana-ruiz", "person:luis-paz"]


def _report(aid: str, outlet: str, day: str, words: str, sources: list[str]) -> Analysis:
    span = Span(start=0, end=len(words), text=words)
    event = Event(
        type="SUPPORT",
        source=sources,
        date=TimeExpression(text="Friday", start=0, end=1, value=day, precision="day"),
        evidence=span,
    )
    art = Article(id=aid, text=words, outlet=outlet, published_at=dt.date.fromisoformat(day))
    return Analysis(article=art, events=[event], actors=PEOPLE)


def test_one_outlet_naming_one_signatory_and_another_naming_both_tell_one_signing() -> None:
    stories = cluster_stories(
        [
            _report("a", "Radio X", "2026-05-08", "Chile signed the fisheries pact.", ["CHL"]),
            _report("b", "Paper Y", "2026-05-08", "Ruiz and Paz signed the pact.", BOTH),
        ],
        min_sources=2,
    )
    assert [len(s.events) for s in stories] == [2]


def test_a_signing_and_a_ratification_of_one_day_are_two_stories() -> None:
    stories = cluster_stories(
        [
            _report("a", "Radio X", "2026-05-08", "Chile ratified the fisheries pact.", ["CHL"]),
            _report("b", "Paper Y", "2026-05-08", "Ruiz and Paz signed the pact.", BOTH),
        ],
        min_sources=2,
    )
    assert stories == []


def test_one_state_welcoming_and_two_states_welcoming_stay_apart_without_a_step() -> None:
    stories = cluster_stories(
        [
            _report("a", "Radio X", "2026-05-08", "Chile welcomed the plan.", ["CHL"]),
            _report("b", "Paper Y", "2026-05-08", "Ruiz and Paz praised it.", BOTH),
        ],
        min_sources=2,
    )
    assert stories == []


def test_the_step_of_an_agreement_is_read_from_the_trigger_before_the_sentence() -> None:
    words = "The pact was signed in May and entered into force on June 2."
    event = Event(
        type="SUPPORT",
        evidence=Span(start=0, end=len(words), text=words),
        trigger=Span(start=31, end=49, text="entered into force"),
    )
    assert agreement_step(event) == "in force"
    assert agreement_step(event.model_copy(update={"trigger": None})) is None


# -- sides the article does not name ----------------------------------------------------------


@pytest.mark.model
def test_the_government_team_facing_a_lone_armed_group_is_the_groups_state(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The third round of talks took place in Cotabato on 4 March. The government team was "
        "led by a retired general, and the MILF delegation by its vice-chairman.",
        day="2026-03-06",
    )
    [track] = an.tracks
    assert track.parties == ["PHL", "group:milf"]
    assert [(r.ordinal, r.status) for r in track.rounds] == [(3, "held")]


@pytest.mark.model
def test_a_government_facing_two_armed_groups_gets_no_guessed_pair(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The third round of talks took place in Cotabato on 4 March. The government team met "
        "the MILF delegation in the morning and NDFP envoys in the afternoon.",
        day="2026-03-06",
    )
    assert all(t.parties != ["PHL", "group:milf"] for t in an.tracks)


@pytest.mark.model
def test_intra_national_talks_are_the_state_and_its_armed_group(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "A new round of intra-Colombian peace talks is to be held in Caracas next week, the ELN "
        "said. Separately, the United States and the ELN held contacts in Havana in May.",
        day="2026-10-06",
    )
    [track] = an.tracks
    assert track.parties == ["COL", "group:eln"]
    assert ("planned", "Caracas") in [(r.status, r.venue) for r in track.rounds]


@pytest.mark.model
def test_a_round_that_was_held_is_not_made_a_plan_by_the_infinitive_rule(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The second round of talks between Colombia and the ELN was held in Caracas last week.",
        day="2026-10-06",
    )
    assert [(r.ordinal, r.status) for t in an.tracks for r in t.rounds] == [(2, "held")]


@pytest.mark.model
def test_the_day_of_a_next_round_can_come_from_a_later_sentence(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "The next round of talks between Colombia and the ELN will be held in Venezuela, a "
        "minister confirmed yesterday. An ELN spokesman had said the negotiators would meet "
        "on March 9 in Caracas."
    )
    rounds = [r for t in _run(pipeline, text, day="2026-03-03").tracks for r in t.rounds]
    assert [(r.status, r.date) for r in rounds] == [("planned", "2026-03-09")]


@pytest.mark.model
def test_a_past_day_in_a_later_sentence_does_not_date_the_next_round(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    text = (
        "The next round of talks between Colombia and the ELN will be held in Venezuela, a "
        "minister confirmed. The negotiators last met on February 9 in Havana."
    )
    rounds = [r for t in _run(pipeline, text, day="2026-03-03").tracks for r in t.rounds]
    assert [r.date for r in rounds if r.status == "planned"] != ["2026-02-09"]


# -- agreements without an agreement noun -----------------------------------------------------


def _agreements(an: Analysis) -> list[tuple[str, list[str], list[tuple[str, str | None]]]]:
    return [(a.kind, a.parties, [(s.status, s.date) for s in a.statuses]) for a in an.agreements]


@pytest.mark.model
def test_sides_that_agree_to_halt_the_fighting_agree_a_ceasefire(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN agreed on Sunday to halt fighting for ten days, according to a "
        "joint statement read in Caracas.",
        day="2026-10-12",
    )
    assert _agreements(an) == [("ceasefire", ["COL", "group:eln"], [("agreed", "2026-10-11")])]


@pytest.mark.model
def test_sides_that_agree_to_hold_more_talks_agree_no_ceasefire(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN agreed on Sunday to hold more talks in Caracas and to stop "
        "attacks on journalists.",
        day="2026-10-12",
    )
    assert an.agreements == []


@pytest.mark.model
def test_an_agreement_announced_on_a_day_as_made_is_dated_that_day(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN on Tuesday announced they have agreed to reduce the intensity of "
        "the fighting.",
        day="2026-10-09",
    )
    assert [s.date for a in an.agreements for s in a.statuses] == ["2026-10-06"]


@pytest.mark.model
def test_negotiators_who_signed_off_on_the_text_agreed_it_and_signed_nothing(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Negotiators from Kenya and Somalia signed off on the text of the border treaty on Friday.",
    )
    assert [s.status for a in an.agreements for s in a.statuses] == ["text agreed"]


@pytest.mark.model
def test_presidents_who_signed_the_treaty_signed_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "The presidents of Kenya and Somalia signed the border treaty on Friday.")
    assert [s.status for a in an.agreements for s in a.statuses] == ["signed"]


# -- treaty names and references to terms -----------------------------------------------------


@pytest.mark.model
def test_a_year_inside_a_treaty_name_dates_no_status(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Laos and Vietnam on March 3 exchanged the documents ratifying the Protocol to the 1977 "
        "Border Treaty.",
        day="2026-03-04",
    )
    dates = [s.date for a in an.agreements for s in a.statuses]
    assert "1977" not in dates


@pytest.mark.model
def test_a_year_that_dates_the_act_still_dates_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "Laos and Vietnam ratified the border treaty in 2019.", day="2026-03-04")
    assert [s.date for a in an.agreements for s in a.statuses] == ["2019"]


@pytest.mark.model
def test_terms_as_agreed_by_the_two_countries_are_no_new_agreement(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Laos and Vietnam said the border treaty took effect on March 3, as agreed by the two "
        "countries.",
        day="2026-03-04",
    )
    assert [s.status for a in an.agreements for s in a.statuses] == ["in force"]


@pytest.mark.model
def test_two_countries_that_agreed_the_treaty_agreed_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "Laos and Vietnam agreed the border treaty on March 3.", day="2026-03-04")
    assert [s.status for a in an.agreements for s in a.statuses] == ["agreed"]


# -- rounds told without the word "round" -----------------------------------------------------


def _rounds_of(an: Analysis) -> list[tuple[str, str | None, str | None]]:
    return [(r.status, r.venue, r.date) for t in an.tracks for r in t.rounds]


@pytest.mark.model
def test_talks_scheduled_to_begin_on_a_day_are_a_planned_round(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN met in Havana last month. Talks with the rebels, which are "
        "scheduled to begin on March 9 in Caracas, will focus on prisoners.",
        day="2026-03-02",
    )
    assert ("planned", "Caracas", "2026-03-09") in _rounds_of(an)


@pytest.mark.model
def test_talks_scheduled_in_no_sense_of_a_meeting_plan_no_round(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN met in Havana last month. The talks were scheduled to fail, "
        "critics said.",
        day="2026-03-02",
    )
    assert [s for s, _, _ in _rounds_of(an)] == ["held"]


@pytest.mark.model
def test_the_good_offices_of_an_agency_make_it_a_mediator_and_a_far_venue_is_found(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The second round of talks took place at the political headquarters of the MILF in "
        "Cotabato on 4 March. The government team and the MILF delegation exchanged the "
        "documents through the good offices of the ICRC.",
        day="2026-03-06",
    )
    [track] = an.tracks
    assert track.mediators == ["org:icrc"]
    assert _rounds_of(an) == [("held", "Cotabato", "2026-03-04")]


@pytest.mark.model
def test_the_offices_of_an_agency_make_no_mediator(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The second round of talks took place in Cotabato on 4 March. The government team "
        "and the MILF delegation later visited the offices of the ICRC.",
        day="2026-03-06",
    )
    assert [t.mediators for t in an.tracks] == [[]]


# -- a step of an agreement told without its day ----------------------------------------------


def _step(
    aid: str, published: str, words: str, cue: str, sources: list[str], **kw: object
) -> Analysis:
    """One report whose only event is an agreement step; ``when`` dates it as the text does."""
    span = Span(start=0, end=len(words), text=words)
    at = words.index(cue)
    when = kw.get("when")
    event = Event(
        type="SUPPORT",
        source=sources,
        target=list(reversed(sources)) if len(sources) > 1 else [],
        status=str(kw.get("status", "occurred")),  # type: ignore[arg-type]
        date=TimeExpression(text="Monday", start=0, end=1, value=str(when), precision="day")
        if when
        else None,
        trigger=Span(start=at, end=at + len(cue), text=cue),
        evidence=span,
    )
    art = Article(id=aid, text=words, outlet=aid, published_at=dt.date.fromisoformat(published))
    return Analysis(article=art, events=[event], actors=PEOPLE)


def test_a_signing_recalled_without_its_day_joins_the_dated_signing() -> None:
    stories = cluster_stories(
        [
            _step(
                "a",
                "2026-03-03",
                "Chile and Peru signed the pact.",
                "signed",
                ["CHL", "PER"],
                when="2026-03-02",
            ),
            _step(
                "b",
                "2026-05-20",
                "Months after Chile and Peru signed the pact.",
                "signed",
                ["CHL", "PER"],
            ),
        ],
        min_sources=2,
    )
    assert [len(s.events) for s in stories] == [2]


def test_one_states_signature_on_a_ratification_law_is_no_recalled_signing() -> None:
    stories = cluster_stories(
        [
            _step(
                "a",
                "2026-03-03",
                "Chile and Peru signed the pact.",
                "signed",
                ["CHL", "PER"],
                when="2026-03-02",
            ),
            _step(
                "b",
                "2026-05-20",
                "Ruiz signed the ratification law.",
                "signed",
                ["person:ana-ruiz"],
            ),
        ],
        min_sources=2,
    )
    assert stories == []


def test_a_signing_still_to_come_joins_the_signing_months_later_but_not_a_year_later() -> None:
    plan = _step(
        "a",
        "2026-03-03",
        "The pact has to be signed by Chile and Peru.",
        "signed",
        ["CHL", "PER"],
        status="planned",
    )
    soon = _step(
        "b",
        "2026-06-11",
        "Chile and Peru signed the pact.",
        "signed",
        ["CHL", "PER"],
        when="2026-06-10",
    )
    late = _step(
        "c",
        "2027-06-11",
        "Chile and Peru signed the pact.",
        "signed",
        ["CHL", "PER"],
        when="2027-06-10",
    )
    assert [len(s.events) for s in cluster_stories([plan, soon], min_sources=2)] == [2]
    assert cluster_stories([plan, late], min_sources=2) == []


# -- a deal agreed is its act still to come ---------------------------------------------------


@pytest.mark.model
def test_sides_that_agree_to_exchange_detainees_plan_the_exchange(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Chile and Peru agreed on Wednesday to exchange detainees, officials said.",
        day="2026-04-15",
    )
    planned = [e for e in an.events if e.type == "RETREAT" and e.status == "planned"]
    assert [(set(e.source), e.mode) for e in planned] == [({"CHL", "PER"}, "release")]


@pytest.mark.model
def test_a_deal_whose_exchange_the_article_reports_plans_no_second_one(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Chile and Peru agreed on Wednesday to exchange detainees. Chile freed nine Peruvians "
        "on Thursday.",
        day="2026-04-17",
    )
    assert not [e for e in an.events if e.type == "RETREAT" and e.status == "planned"]


def test_a_story_is_dated_by_a_report_of_the_event_not_by_an_earlier_plan() -> None:
    plan = _step(
        "a",
        "2026-03-02",
        "Both will still sign the pact.",
        "sign",
        ["CHL", "PER"],
        status="planned",
    )
    done = _step(
        "b",
        "2026-03-20",
        "Chile and Peru signed the pact.",
        "signed",
        ["CHL", "PER"],
        when="2026-03-19",
    )
    [story] = cluster_stories([plan, done], min_sources=2)
    assert story.date == "2026-03-19"
    assert story.first_report == "a"


@pytest.mark.model
def test_two_plans_for_other_places_and_days_are_two_rounds(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The next round of talks between Colombia and the ELN will be held in Venezuela, a "
        "minister confirmed yesterday. An ELN spokesman had said the negotiators would meet on "
        "March 9 in Caracas. That meeting would come a week before previously scheduled "
        "negotiations between the two sides in Havana on March 16.",
        day="2026-03-03",
    )
    planned = sorted((r.date or "", r.venue or "") for t in an.tracks for r in t.rounds)
    assert [d for d, _ in planned] == ["2026-03-09", "2026-03-16"]


@pytest.mark.model
def test_one_plan_told_twice_with_days_a_day_apart_is_one_round(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN will hold a new round of negotiations on March 10-11, a minister "
        "said. An ELN envoy said the next round will be held in Caracas on March 9-11.",
        day="2026-03-03",
    )
    assert len([r for t in an.tracks for r in t.rounds if r.status == "planned"]) == 1


@pytest.mark.model
def test_a_meeting_placed_in_a_city_and_in_its_state_is_hosted_by_that_state(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN agreed on a truce last week. Talks with the rebels, which are "
        "scheduled to take place on Wednesday in Maracaibo, will focus on prisoners. The "
        "negotiations are set to begin on March 11 in Venezuela, officials said.",
        day="2026-03-06",
    )
    [track] = an.tracks
    assert "VEN" in track.mediators
    assert len([r for r in track.rounds if r.status == "planned"]) == 1


@pytest.mark.model
def test_a_meeting_in_a_city_alone_makes_no_host_of_a_state_that_is_no_capital(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN agreed on a truce last week. Talks with the rebels, which are "
        "scheduled to take place on Wednesday in Maracaibo, will focus on prisoners.",
        day="2026-03-06",
    )
    assert [t.mediators for t in an.tracks] == [[]]


@pytest.mark.model
def test_a_declaration_named_with_no_side_near_is_the_talking_sides_not_the_venue_state(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN held talks in Havana last week. The government demanded that the "
        "Caracas Declaration be implemented before the Cuban-mediated talks in Venezuela.",
        day="2026-03-06",
    )
    assert [(a.name, a.parties) for a in an.agreements] == [
        ("Caracas Declaration", ["COL", "group:eln"])
    ]


@pytest.mark.model
def test_the_states_that_sign_a_declaration_abroad_are_its_parties(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(pipeline, "Chile and Peru signed the Lima Declaration in Bolivia on Monday.")
    assert [a.parties for a in an.agreements] == [["CHL", "PER"]]


@pytest.mark.model
def test_documents_ratifying_a_treaty_exchanged_on_a_day_date_the_ratification(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Laos and Vietnam on March 3 exchanged the documents ratifying the border treaty.",
        day="2026-03-05",
    )
    assert _agreements(an) == [("treaty", ["LAO", "VNM"], [("ratified", "2026-03-03")])]


@pytest.mark.model
def test_the_day_officials_spoke_does_not_date_the_ratification(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Laos and Vietnam said on March 4 the documents ratifying the border treaty were ready.",
        day="2026-03-05",
    )
    assert [s.date for a in an.agreements for s in a.statuses] == [None]


@pytest.mark.model
def test_three_rounds_held_since_a_day_are_rounds_one_to_three(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Since March 2, Colombia and the ELN have held three rounds of talks in Havana without "
        "a deal.",
        day="2026-04-20",
    )
    rounds = [(r.ordinal, r.status, r.date) for t in an.tracks for r in t.rounds]
    assert rounds[:3] == [(1, "held", "2026-03-02"), (2, "held", None), (3, "held", None)]


@pytest.mark.model
def test_rounds_of_another_game_counted_make_no_rounds_of_talks(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia and the ELN met in Havana on April 2. Soldiers have held hundreds of rounds "
        "of ammunition since March.",
        day="2026-04-20",
    )
    assert all(r.ordinal is None for t in an.tracks for r in t.rounds)


# -- round 3 (nego3): processes 12-14 of the review ------------------------------------------


def _sides(an: Analysis) -> list[list[str]]:
    """The parties of each track, sorted: what a reader checks of who talks to whom."""
    return [sorted(t.parties) for t in an.tracks]


def _mediators_of(an: Analysis) -> list[str]:
    return [m for t in an.tracks for m in t.mediators]


@pytest.mark.model
def test_talks_held_in_a_city_without_the_word_round_are_a_held_round(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Armenia and Azerbaijan reached an accord to swap 800 detainees each after direct "
        "peace talks held in Vienna, the first such meeting in two years.",
        day="2026-03-06",
    )
    # "in two years" is no day of the meeting: a held session is never dated after the report.
    assert _rounds_of(an) == [("held", "Vienna", None)]


@pytest.mark.model
def test_talks_held_in_the_city_of_a_numbered_round_are_that_round_told_again(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The third round of talks between Armenia and Azerbaijan was held in Vienna on March 3. "
        "The talks held in Vienna ended without a breakthrough.",
        day="2026-03-06",
    )
    assert _rounds_of(an) == [("held", "Vienna", "2026-03-03")]


@pytest.mark.model
def test_delegations_that_met_in_a_city_on_a_day_held_a_round(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Armenia and Azerbaijan agreed on Friday to swap detainees. The two delegations met in "
        "Vienna on March 3.",
        day="2026-03-07",
    )
    assert ("held", "Vienna", "2026-03-03") in _rounds_of(an)


@pytest.mark.model
def test_two_exchange_deals_months_apart_stay_two_agreements(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    may = _run(
        pipeline,
        "Armenia and Azerbaijan reached an accord to swap 800 detainees each after direct "
        "talks held in Vienna.",
        day="2026-05-09",
    )
    july = _run(
        pipeline,
        "Armenia and Azerbaijan agreed on a new detainee exchange deal on Wednesday. The core "
        "of the deal was an agreement to exchange 950 detainees from each side, far more than "
        "in earlier swaps.",
        day="2026-07-16",
    )
    merged = merge_agreements([may, july])
    assert len(merged) == 2
    assert [a.name for a in july.agreements] == ["Armenia–Azerbaijan detainee exchange (950)"]
    assert [s.date for s in july.agreements[0].statuses] == ["2026-07-15"]


@pytest.mark.model
def test_one_exchange_deal_reported_twice_stays_one_agreement(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    agreed = _run(
        pipeline,
        "Armenia and Azerbaijan reached an accord to swap 800 detainees each after talks held "
        "in Vienna.",
        day="2026-05-09",
    )
    done = _run(
        pipeline,
        "Armenia and Azerbaijan on Tuesday exchanged 800 detainees each, carrying out the deal "
        "reached in Vienna.",
        day="2026-05-20",
    )
    assert len(merge_agreements([agreed, done])) == 1


@pytest.mark.model
def test_a_bloc_that_is_helping_mediate_the_talks_is_a_mediator(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia's government and the ELN opened a new round of talks in Caracas on Monday. "
        "Norway, the country that is helping mediate the talks, said both sides were hopeful.",
        day="2026-03-06",
    )
    assert "NOR" in _mediators_of(an)


@pytest.mark.model
def test_a_state_helping_rebuild_schools_is_no_mediator(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN opened a new round of talks in Caracas on Monday. "
        "Norway, which is helping rebuild schools in the region, said both sides were hopeful.",
        day="2026-03-06",
    )
    assert an.tracks and "NOR" not in _mediators_of(an)


@pytest.mark.model
def test_talks_under_the_auspices_of_a_state_make_it_a_mediator(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia's government and the ELN opened a new round of talks in Caracas on Monday. "
        "The talks are held under the auspices of Cuba.",
        day="2026-03-06",
    )
    assert "CUB" in _mediators_of(an)
    [track] = an.tracks
    assert "CUB" not in track.parties


@pytest.mark.model
def test_rebels_of_an_article_that_names_their_movement_are_that_movement(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia's government and rebels are to open a new round of peace talks in Havana on "
        "Monday, negotiators said. The ELN, the country's largest guerrilla movement, wants a "
        "ceasefire first.",
        day="2026-03-06",
    )
    [track] = an.tracks
    assert track.parties == ["COL", "group:eln"]


@pytest.mark.model
def test_rebels_named_only_by_their_commander_stay_a_side_of_their_own(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia's government and rebels are to open a new round of peace talks in Havana on "
        "Monday, negotiators said. Supporters of rebel commander Ana Ruiz, a former senator, "
        "want a ceasefire first.",
        day="2026-03-06",
    )
    [track] = an.tracks
    assert "COL" in track.parties and "group:eln" not in track.parties
    assert len(track.parties) == 2
    assert [(r.status, r.venue) for r in track.rounds] == [("planned", "Havana")]


@pytest.mark.model
def test_a_supplementary_protocol_keeps_the_name_of_the_treaty_it_adds_to(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Laos and Thailand on Friday exchanged the instruments of ratification of the "
        "Additional Protocol to the 1996 Agreement on Border Crossings, signed in Vientiane in "
        "May. The Additional Protocol entered into force the same day.",
        day="2026-11-07",
    )
    [ag] = an.agreements
    assert ag.name == "Additional Protocol to the 1996 Agreement on Border Crossings"
    assert "in force" in [s.status for s in ag.statuses]


@pytest.mark.model
def test_an_agreement_signed_to_do_something_keeps_its_own_name(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Laos and Thailand on Friday signed the Border Crossings Agreement to ease trade, "
        "officials said.",
        day="2026-11-07",
    )
    assert [a.name for a in an.agreements] == ["Border Crossings Agreement"]


@pytest.mark.model
def test_a_first_round_named_inside_a_relative_clause_of_the_past_was_held(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia's government and the ELN will open the second round of talks in Havana on "
        "Monday. The prisoners had been an obstacle to progress in the first round, and their "
        "fate is set to come up again.",
        day="2026-03-06",
    )
    rounds = {r.ordinal: r.status for t in an.tracks for r in t.rounds}
    assert rounds == {1: "held", 2: "planned"}


@pytest.mark.model
def test_the_round_of_a_states_negotiations_is_not_held_in_that_state(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia's government and the ELN are to open a new round of talks in Havana on "
        "Monday. The second round of the Colombia negotiations will focus on prisoners, the "
        "Cuban mediators said.",
        day="2026-03-06",
    )
    found = [(r.ordinal, r.venue) for t in an.tracks for r in t.rounds]
    assert (2, "Havana") in found and all(v != "Colombia" for _, v in found)


@pytest.mark.model
def test_the_round_of_a_citys_talks_is_held_in_that_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN opened the second round of the Geneva talks on Monday.",
        day="2026-03-06",
    )
    assert [(r.ordinal, r.venue) for t in an.tracks for r in t.rounds] == [(2, "Geneva")]


@pytest.mark.model
def test_a_deal_reached_at_the_articles_one_session_is_dated_by_it(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Armenia and Azerbaijan held talks in Vienna on Wednesday, July 15. The centerpiece of "
        "the session was an agreement to exchange 950 detainees from each side.",
        day="2026-07-17",
    )
    assert [(s.status, s.date) for a in an.agreements for s in a.statuses] == [
        ("agreed", "2026-07-15")
    ]


@pytest.mark.model
def test_a_deal_in_an_article_of_two_sessions_takes_neither_day(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Armenia and Azerbaijan met in Vienna on July 8 and met again in Geneva on July 15. "
        "The centerpiece of the talks was an agreement to exchange 950 detainees from each side.",
        day="2026-07-17",
    )
    assert [s.date for a in an.agreements for s in a.statuses] == [None]


# -- round 4 (nego4): leaders of armed movements, talks that began, a delayed round ---------


@pytest.mark.model
def test_a_rebel_leader_the_knowledge_base_knows_stands_for_his_movement(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Angola's government and rebel leader Jonas Savimbi will open a new round of talks in "
        "Abidjan on Monday, the mediators said.",
        day="1993-04-08",
    )
    assert [t.parties for t in an.tracks] == [["AGO", "group:unita"]]


@pytest.mark.model
def test_a_leader_no_longer_leading_stands_for_no_movement(pipeline) -> None:  # type: ignore[no-untyped-def]
    # The same sentence on a day after his leadership ended: his country, not the movement.
    an = _run(
        pipeline,
        "Angola's government and rebel leader Jonas Savimbi will open a new round of talks in "
        "Abidjan on Monday, the mediators said.",
        day="2003-04-08",
    )
    assert all("group:unita" not in t.parties for t in an.tracks)


@pytest.mark.model
def test_a_movement_leader_in_a_state_office_speaks_for_the_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Riek Machar met envoys of Uganda in Juba on Monday for talks on the border.",
        day="2021-05-12",
    )
    assert all("group:splm-io" not in t.parties for t in an.tracks)
    assert all("group:splm-io" not in e.source for e in an.events)


@pytest.mark.model
def test_rebels_whose_leader_is_named_are_his_movement(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Angola's government and rebels will open a new round of peace talks in Abidjan on "
        "Monday. Supporters of rebel leader Jonas Savimbi want the ceasefire extended first.",
        day="1993-04-08",
    )
    [track] = an.tracks
    assert track.parties == ["AGO", "group:unita"]


@pytest.mark.model
def test_a_movement_of_another_war_named_in_passing_does_not_name_the_rebels(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia's government and rebels will open a new round of peace talks in Havana on "
        "Monday. The ELN, Colombia's largest guerrilla group, wants a ceasefire, the same "
        "demand the LTTE once made in Sri Lanka.",
        day="2026-03-06",
    )
    [track] = an.tracks
    assert track.parties == ["COL", "group:eln"]


@pytest.mark.model
def test_talks_that_began_on_a_day_in_a_city_are_a_held_session_and_no_truce_start(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The two parties formally agreed to a ceasefire, the mediator said in Nairobi, where "
        "the UN-sponsored talks between Colombia's government and the ELN began on 12 May.",
        day="2026-05-21",
    )
    rounds = [(r.status, r.venue, r.date) for t in an.tracks for r in t.rounds]
    assert rounds == [("held", "Nairobi", "2026-05-12")]
    statuses = [s.status for a in an.agreements for s in a.statuses]
    assert "in force" not in statuses and "agreed" in statuses


@pytest.mark.model
def test_a_truce_that_began_on_a_day_is_in_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN agreed a ceasefire in Nairobi, and the truce began "
        "on 12 May.",
        day="2026-05-21",
    )
    statuses = [(s.status, s.date) for a in an.agreements for s in a.statuses]
    assert ("in force", "2026-05-12") in statuses


@pytest.mark.model
def test_talks_that_began_in_the_capital_of_a_demonym_meet_in_that_capital(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Colombia's government and the ELN signed a ceasefire on Friday, just over a week after "
        "formal talks mediated by the UN began in the South African capital.",
        day="2026-05-23",
    )
    assert [(r.status, r.venue) for t in an.tracks for r in t.rounds] == [("held", "Pretoria")]


@pytest.mark.model
def test_a_round_that_has_been_delayed_did_not_take_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "A new round of talks between Colombia's government and the ELN has been delayed, the "
        "Cuban mediators said on Wednesday.",
        day="2026-06-04",
    )
    assert [r.status for t in an.tracks for r in t.rounds] == ["cancelled"]


@pytest.mark.model
def test_a_round_held_without_delay_took_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "A new round of talks between Colombia's government and the ELN was held without delay "
        "in Havana on Wednesday, the Cuban mediators said.",
        day="2026-06-04",
    )
    assert [r.status for t in an.tracks for r in t.rounds] == ["held"]


@pytest.mark.model
def test_an_agreement_named_head_first_by_its_city_is_one_agreement_signed_there(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The Security Council on 21 March welcomed the signing of the Protocol of Caracas by "
        "Colombia's government and the ELN. The Protocol, together with the Havana Accords, "
        "should end the war, the Council said. The Protocol was signed on 18 March in the "
        "Venezuelan capital by the two chief negotiators. In welcoming the signing, the "
        "Secretary-General said the agreement would hold.",
        day="2026-03-30",
    )
    [protocol] = [a for a in an.agreements if a.name == "Caracas Protocol"]
    assert protocol.parties == ["COL", "group:eln"]
    assert ("signed", "2026-03-18") in [(s.status, s.date) for s in protocol.statuses]
    assert all(s.date != "2026-03-21" for a in an.agreements for s in a.statuses)
    assert all("VEN" not in a.parties for a in an.agreements)


@pytest.mark.model
def test_a_capitalised_protocol_with_none_named_before_is_no_agreement(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The Protocol department of Colombia's foreign ministry said on Monday that the ELN "
        "delegation would arrive in Caracas.",
        day="2026-03-30",
    )
    assert an.agreements == []


@pytest.mark.model
def test_a_ceasefire_listed_among_the_issues_is_no_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN signed the Caracas Protocol on Friday. The main "
        "military issues concern: the re-establishment of the ceasefire; the quartering of ELN "
        "forces; the disarming of civilians.",
        day="2026-03-30",
    )
    assert [a.kind for a in an.agreements if a.kind == "ceasefire"] == []


@pytest.mark.model
def test_a_ceasefire_the_sides_agreed_to_restore_is_an_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN agreed on Friday to restore the ceasefire, the "
        "mediators said.",
        day="2026-03-30",
    )
    assert [a.kind for a in an.agreements] == ["ceasefire"]


@pytest.mark.model
def test_days_of_negotiations_in_a_city_are_a_held_session(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN will meet again in Havana, officials said. The "
        "meeting comes on the heels of three days of 'technical' negotiations in Caracas "
        "earlier this month.",
        day="2026-03-20",
    )
    rounds = [(r.status, r.venue) for t in an.tracks for r in t.rounds]
    assert ("held", "Caracas") in rounds


@pytest.mark.model
def test_days_of_fighting_in_a_city_are_no_session(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN will meet again in Havana on Monday, officials said, "
        "after three days of fighting in Arauca.",
        day="2026-03-20",
    )
    assert all(r.venue != "Arauca" for t in an.tracks for r in t.rounds)


@pytest.mark.model
def test_talks_between_the_sides_scheduled_for_a_day_are_a_planned_round(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Trade talks between Colombia and Peru are scheduled to be held on March 30-31 in Lima, "
        "officials said.",
        day="2026-03-20",
    )
    rounds = [(r.status, r.venue, r.date) for t in an.tracks for r in t.rounds]
    assert rounds == [("planned", "Lima", "2026-03-30")]


@pytest.mark.model
def test_a_named_process_whose_sides_the_article_leaves_out_gives_its_track(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The next round of talks within the Normandy format will be held on May 4, the "
        "German foreign ministry said. During the third round of talks in March, the "
        "mediators adopted a statement on prisoners.",
        day="2026-04-20",
    )
    [track] = an.tracks
    assert track.parties == ["RUS", "UKR"]
    assert {"DEU", "FRA"} <= set(track.mediators)
    assert [(r.ordinal, r.status, r.date) for r in track.rounds] == [
        (3, "held", "2026-03"),
        (4, "planned", "2026-05-04"),
    ]


@pytest.mark.model
def test_a_named_process_mentioned_without_talks_gives_no_track(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Kazakhstan, which once lent its capital to the Astana process, opened a new airport "
        "terminal on Monday.",
        day="2026-04-20",
    )
    assert an.tracks == []


@pytest.mark.model
def test_how_long_a_ceasefire_lasts_does_not_date_its_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The ELN said in a statement: “We reached a ceasefire agreement with Colombia's "
        "government for 5 days with the help of Cuban mediators.”",
        day="2026-05-20",
    )
    dates = [s.date for a in an.agreements for s in a.statuses if s.status == "agreed"]
    assert dates == [None]  # the statement's words give no day for it


@pytest.mark.model
def test_the_day_a_ceasefire_was_reached_dates_its_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN reached a ceasefire agreement on 12 May with the "
        "help of Cuban mediators.",
        day="2026-05-20",
    )
    dates = [s.date for a in an.agreements for s in a.statuses if s.status == "agreed"]
    assert dates == ["2026-05-12"]


@pytest.mark.model
def test_a_round_without_a_city_meets_where_the_article_says_rounds_are_held(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "A new round of talks between Colombia's government and the ELN has been delayed, the "
        'mediators said on Wednesday. "We won\'t meet today," a negotiator told reporters in '
        "Havana, the Cuban capital, where previous rounds of talks have been held.",
        day="2026-06-04",
    )
    assert [(r.status, r.venue) for t in an.tracks for r in t.rounds] == [("cancelled", "Havana")]


@pytest.mark.model
def test_a_city_where_a_reporter_was_told_something_is_no_venue(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "A new round of talks between Colombia's government and the ELN has been delayed, the "
        'mediators said on Wednesday. "We won\'t meet today," a negotiator told reporters in '
        "Havana.",
        day="2026-06-04",
    )
    assert [(r.status, r.venue) for t in an.tracks for r in t.rounds] == [("cancelled", None)]


@pytest.mark.model
def test_a_round_in_the_capital_of_a_demonym_meets_in_that_capital(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and rebels are to open a new round of peace talks in the Cuban "
        "capital Monday, negotiators said. The ELN wants a ceasefire first.",
        day="2026-03-06",
    )
    assert {r.venue for t in an.tracks for r in t.rounds} == {"Havana"}


@pytest.mark.model
def test_talks_named_by_a_city_are_hosted_by_its_state_and_its_capital_is_no_side(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The accord was signed on 20 March in the Venezuelan capital of Caracas by Colombia's "
        "foreign minister and by the ELN's chief negotiator at the Caracas peace talks.",
        day="2026-03-30",
    )
    [track] = an.tracks
    assert track.parties == ["COL", "group:eln"]
    assert track.mediators == ["VEN"]


@pytest.mark.model
def test_talks_named_by_a_sides_own_capital_have_no_host(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The accord was signed on 20 March by Colombia's foreign minister and by the ELN's "
        "chief negotiator at the Bogota peace talks.",
        day="2026-03-30",
    )
    assert all("COL" not in t.mediators for t in an.tracks)


@pytest.mark.model
def test_the_sides_between_whom_mediators_work_are_the_parties_not_mediators(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "A truce has been secured through the joint mediation efforts of Cuba, Norway and "
        "Brazil between Colombia's government and the ELN. The truce will last five days.",
        day="2026-05-20",
    )
    [track] = an.tracks
    assert track.parties == ["COL", "group:eln"]
    assert {"CUB", "NOR", "BRA"} <= set(track.mediators)
    assert not {"COL", "group:eln"} & set(track.mediators)
    assert [(a.parties, [s.status for s in a.statuses]) for a in an.agreements] == [
        (["COL", "group:eln"], ["agreed"])
    ]


@pytest.mark.model
def test_mediators_named_without_the_sides_stay_mediators(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN agreed a truce on Monday after mediation by Cuba "
        "and Norway.",
        day="2026-05-20",
    )
    assert {"CUB", "NOR"} <= {m for t in an.tracks for m in t.mediators}


_RECALLED = (
    "Colombia's government and the ELN will meet again in Havana on June 16, the Cuban "
    "mediators said. Q: The {month} exchange was the first tangible result of the talks. "
    "Was it worth the argument over the {what}?"
)


@pytest.mark.model
def test_an_exchange_of_detainees_named_by_its_month_is_that_exchange_of_the_sides(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(pipeline, _RECALLED.format(month="April", what="detainees"), day="2026-05-28")
    found = [(e.source, e.mode, e.date.value if e.date else None) for e in an.events]
    assert (["COL", "group:eln"], "release", "2026-04") in found


@pytest.mark.model
def test_an_exchange_of_maps_or_of_views_is_no_release(pipeline) -> None:  # type: ignore[no-untyped-def]
    maps = _run(pipeline, _RECALLED.format(month="April", what="maps"), day="2026-05-28")
    views = _run(
        pipeline,
        _RECALLED.format(month="April", what="detainees").replace("exchange", "exchange of views"),
        day="2026-05-28",
    )
    for an in (maps, views):
        assert all(e.mode != "release" for e in an.events)


_CANCELLED = (
    "Colombia's government and the ELN met in Havana on Wednesday for the third round of "
    "Cuban-mediated talks, three months after a border shooting forced Cuba to cancel the "
    "{month} session."
)


def _cancellations(an: Analysis) -> list[str | None]:
    return [
        e.date.value if e.date else None
        for e in an.events
        if e.trigger is not None and e.trigger.text.startswith("cancel")
    ]


@pytest.mark.model
def test_a_session_cancelled_months_ago_dates_its_cancellation_by_its_month(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(pipeline, _CANCELLED.format(month="June"), day="2026-09-24")
    assert _cancellations(an) == ["2026-06"]


@pytest.mark.model
def test_a_session_named_without_its_month_keeps_the_reports_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _CANCELLED.format(month="second"), day="2026-09-24")
    found = _cancellations(an)
    assert found and "2026-06" not in found


@pytest.mark.model
def test_the_next_round_of_intra_syrian_talks_is_the_un_process_of_the_syrian_sides(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The next round of intra-Syrian talks will be held at the UN's offices in Geneva in "
        "March, a UN spokeswoman said on Tuesday.",
        day="2026-01-13",
    )
    [track] = an.tracks
    assert track.parties == ["SYR", "group:syrian-opposition"]
    assert "igo:un" in track.mediators
    assert [(r.status, r.venue) for r in track.rounds] == [("planned", "Geneva")]


@pytest.mark.model
def test_two_powers_holding_syria_talks_are_no_talks_of_the_syrian_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Russia and the United States held Syria talks in Vienna on Monday, diplomats said.",
        day="2026-01-13",
    )
    assert all("group:syrian-opposition" not in t.parties for t in an.tracks)


# -- round 6 (nego5): stories on real reporting -----------------------------------------------


def _mediators(an: Analysis) -> set[str]:
    return {m for t in an.tracks for m in t.mediators}


@pytest.mark.model
def test_an_intelligence_service_that_mediates_makes_its_state_the_mediator(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Serbia and Kosovo held talks in Geneva on Monday. The talks were mediated by the CIA, "
        "both governments said.",
        day="2026-03-10",
    )
    assert "USA" in _mediators(an)
    assert not any(a.startswith("agency:") for t in an.tracks for a in (*t.parties, *t.mediators))


@pytest.mark.model
def test_an_intelligence_service_named_beside_the_talks_mediates_nothing(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Serbia and Kosovo held talks in Geneva on Monday. The CIA director said on Tuesday "
        "that he had read the reports.",
        day="2026-03-10",
    )
    assert "USA" not in _mediators(an)
    assert all(not p.startswith("agency:") for t in an.tracks for p in t.parties)


@pytest.mark.model
def test_a_host_of_leaders_in_attendance_are_no_mediators(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN held talks in Caracas on Friday, with a host of "
        "regional leaders from Peru, Chile and Panama in attendance.",
        day="2026-03-10",
    )
    assert not {"PER", "CHL", "PAN"} & _mediators(an)


@pytest.mark.model
def test_talks_a_state_hosts_still_make_it_a_mediator(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN held talks on Friday that Chile hosted.",
        day="2026-03-10",
    )
    assert "CHL" in _mediators(an)


@pytest.mark.model
def test_mediator_before_a_states_name_makes_it_the_mediator(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Ethiopia and the TPLF have resumed peace talks in Nairobi, mediator Kenya said on Monday.",
        day="2026-03-10",
    )
    assert "KEN" in _mediators(an)
    said = _run(
        pipeline,
        "Ethiopia and the TPLF have resumed peace talks in Addis Ababa, Kenya said on Monday.",
        day="2026-03-10",
    )
    assert "KEN" not in _mediators(said)


@pytest.mark.model
def test_a_joined_name_with_an_abbreviated_state_gives_the_track(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Indian Trade Minister Anil Mehta held a phone conversation with U.S. Trade "
        "Representative Jane Cole and Treasury Secretary Tom Reed on Thursday. The two sides "
        "have agreed to hold a sixth round of India-U.S. high-level economic and trade "
        "consultations in New Delhi next month.",
        day="2026-03-12",
    )
    [track] = an.tracks
    assert track.parties == ["IND", "USA"]
    [r] = track.rounds
    assert (r.ordinal, r.status, r.date) == (6, "planned", "2026-04")
    agreed = [e for e in an.events if e.type == "AGREE"]
    assert agreed and all(set(e.source) == {"IND", "USA"} for e in agreed)


@pytest.mark.model
def test_a_joined_name_of_something_else_than_talks_gives_no_track(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "India-U.S. relations have improved this year, a minister said on Thursday.",
        day="2026-03-12",
    )
    assert an.tracks == []


_PARTIES_SIGNED = (
    "Sudan's army and the RSF resumed talks in Jeddah on Monday, mediator Saudi Arabia said. "
    "Delegations from Egypt and the African Union attended. {subject} signed a ceasefire in "
    "Jeddah on May 11."
)


@pytest.mark.model
def test_the_parties_that_signed_are_the_sides_of_the_track(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _PARTIES_SIGNED.format(subject="The parties"), day="2026-06-02")
    signed = [e for e in an.events if e.type == "SUPPORT" and "signed" in e.evidence.text]
    assert signed
    assert all(set(e.source) == {"SDN", "group:rsf"} for e in signed)


@pytest.mark.model
def test_a_named_signatory_keeps_its_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _PARTIES_SIGNED.format(subject="Egypt"), day="2026-06-02")
    signed = [
        e for e in an.events if e.type == "SUPPORT" and e.trigger and "sign" in e.trigger.text
    ]
    assert signed and all("group:rsf" not in e.source for e in signed)


_SIT_DOWN = "The ELN agreed to sit down for a dialogue with Colombia's government {when}."


@pytest.mark.model
def test_an_act_is_dated_by_its_own_clause_not_by_the_report(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _SIT_DOWN.format(when="in early September"), day="2026-10-20")
    [agreed] = [e for e in an.events if e.type == "AGREE"]
    assert agreed.date is not None and (agreed.date.value or "").startswith("2026-09")


@pytest.mark.model
def test_a_plan_for_a_day_ahead_does_not_date_the_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _SIT_DOWN.format(when="on October 29"), day="2026-10-20")
    [agreed] = [e for e in an.events if e.type == "AGREE"]
    assert agreed.date is not None and agreed.date.value == "2026-10-20"


_AGREED = (
    "Colombia's government and the ELN agreed on Wednesday to a cessation of hostilities, "
    "Cuba's foreign ministry said."
)
_SIGNED = (
    "Colombia's government and the ELN have signed a {what} at a ceremony in Havana on "
    "Wednesday, the Cuban mediators said."
)


@pytest.mark.model
def test_a_truce_signed_and_a_truce_agreed_on_one_day_are_one_story(pipeline) -> None:  # type: ignore[no-untyped-def]
    one = _run(pipeline, _AGREED, day="2026-07-02")
    two = _run(pipeline, _SIGNED.format(what="ceasefire agreement"), day="2026-07-02")
    one.article.outlet, two.article.outlet = "Outlet A", "Outlet B"
    stories = cluster_stories([one, two], min_sources=2)
    assert [s.type for s in stories] == ["AGREE"]


@pytest.mark.model
def test_a_treaty_signed_is_not_also_told_as_agreed(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _SIGNED.format(what="border treaty"), day="2026-07-02")
    assert not [e for e in an.events if e.type == "AGREE"]


@pytest.mark.model
def test_a_truce_that_held_before_new_fighting_is_an_earlier_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Fighting between Colombia's army and the ELN resumed in June after four months of "
        "truce agreed between the parties.",
        day="2026-07-20",
    )
    assert not [a for a in an.agreements if a.kind == "ceasefire"]
    dated = _run(
        pipeline,
        "A truce was agreed between Colombia's army and the ELN in June, the Cuban mediators said.",
        day="2026-07-20",
    )
    statuses = [(s.status, s.date) for a in dated.agreements for s in a.statuses]
    assert ("agreed", "2026-06") in statuses


_COUNTED = "Armenia and Azerbaijan exchanged detainees at the border on Friday. {line}"


@pytest.mark.model
def test_it_is_the_third_swap_tells_this_swap(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Turkey coordinated the handover on Friday. It's the second notable prisoner swap "
        "between Armenia and Azerbaijan in recent years.",
        day="2026-08-14",
    )
    swaps = [e for e in an.events if e.mode == "release"]
    assert swaps and all(e.status == "occurred" for e in swaps)
    assert all(e.date is not None and e.date.value == "2026-08-14" for e in swaps)


@pytest.mark.model
def test_the_last_swap_before_this_one_stays_history(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        _COUNTED.format(
            line="The last swap between Armenia and Azerbaijan took place in March 2024."
        ),
        day="2026-08-14",
    )
    swaps = [e for e in an.events if e.mode == "release" and "March" in e.evidence.text]
    assert swaps and all(e.status == "historical" for e in swaps)


@pytest.mark.model
def test_a_swap_carried_out_is_a_deal_between_the_states_that_swap(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Doha, March 6, 2026: Britain and several European countries conducted a prisoner "
        "swap with Iran in Qatar on Thursday. The swap, mediated by Qatar's emir, involved "
        "nine prisoners from France, Germany, Britain and Iran.",
        day="2026-03-06",
    )
    [track] = an.tracks
    assert track.parties == ["GBR", "IRN"]
    deals = [(a.kind, a.parties, [s.status for s in a.statuses]) for a in an.agreements]
    assert ("exchange deal", ["GBR", "IRN"], ["implemented"]) in deals


@pytest.mark.model
def test_a_swap_announced_is_no_deal_carried_out(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Britain announced on Thursday that it wants a prisoner swap with Iran.",
        day="2026-03-06",
    )
    assert not [a for a in an.agreements if a.kind == "exchange deal"]


def _signed(an: Analysis) -> list[tuple[str | None, str | None]]:
    return [(s.date, s.by) for a in an.agreements for s in a.statuses if s.status == "signed"]


@pytest.mark.model
def test_a_signing_told_as_a_participle_takes_the_day_of_its_verb(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia's government and the ELN took a final step toward peace on Thursday, signing "
        "a ceasefire agreement at a ceremony in Havana.",
        day="2026-06-26",
    )
    assert _signed(an) == [("2026-06-25", None)]


@pytest.mark.model
def test_a_report_given_on_a_day_does_not_date_the_signing_it_reports(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The Cuban mediators spoke to reporters on Thursday, saying that Colombia's government "
        "and the ELN signed a ceasefire agreement in Havana.",
        day="2026-06-26",
    )
    assert all(day != "2026-06-25" for day, _ in _signed(an))


@pytest.mark.model
def test_a_government_and_its_rebels_that_signed_signed_together(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The government of Ethiopia and the TPLF have signed a ceasefire agreement in Nairobi "
        "on Tuesday, the African Union said.",
        day="2026-06-24",
    )
    assert _signed(an) == [("2026-06-23", None)]
    alone = _run(
        pipeline,
        "The government of Ethiopia signed a ceasefire agreement with the TPLF in Nairobi on "
        "Tuesday, the African Union said.",
        day="2026-06-24",
    )
    assert [by for _, by in _signed(alone)] == ["ETH"]


def _agree(article: str, text: str) -> tuple[Analysis, int]:
    ev = Event(
        type="AGREE",
        source=["COL", "group:eln"],
        target=["group:eln", "COL"],
        date=TimeExpression(text="on Tuesday", start=0, end=1, value="2026-07-07", precision="day"),
        evidence=Span(start=0, end=len(text), text=text),
    )
    art = Article(id=article, text=text, outlet=article, published_at=dt.date(2026, 7, 8))
    return Analysis(article=art, events=[ev]), 0


def test_a_truce_agreed_and_another_commitment_of_that_day_are_two_stories() -> None:
    truce, _ = _agree("A", "The army and the ELN agreed on Tuesday to a five-day truce.")
    aid, _ = _agree("B", "Both delegations committed on Tuesday to let aid convoys through.")
    assert cluster_stories([truce, aid], min_sources=2) == []


def test_a_truce_told_in_other_words_is_the_same_story() -> None:
    truce, _ = _agree("A", "The army and the ELN agreed on Tuesday to a five-day truce.")
    halt, _ = _agree("B", "The two sides agreed on Tuesday to cease hostilities for five days.")
    [story] = cluster_stories([truce, halt], min_sources=2)
    assert story.type == "AGREE"


@pytest.mark.model
def test_talks_that_have_resumed_in_a_city_are_a_session_held_there(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Ethiopia and the TPLF have restarted peace talks in Nairobi, mediator Kenya said on "
        "Monday.",
        day="2026-03-10",
    )
    [track] = an.tracks
    assert [(r.status, r.venue, r.date) for r in track.rounds] == [
        ("held", "Nairobi", "2026-03-09")
    ]


@pytest.mark.model
def test_attacks_that_have_resumed_are_no_session(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Ethiopia and the TPLF agreed a truce in Nairobi last year. The rebels have resumed "
        "attacks near Mekelle, the army said on Monday.",
        day="2026-03-10",
    )
    assert all(not t.rounds for t in an.tracks)


def _steps(an: Analysis) -> list[tuple[str, str | None]]:
    return [(s.status, s.date) for a in an.agreements for s in a.statuses]


@pytest.mark.model
def test_a_text_ready_for_signing_is_not_signed(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        'Serbia and Kosovo agreed the text of a peace treaty on Monday. "The peace treaty is '
        'ready for signing," the Serbian foreign ministry said.',
        day="2026-05-12",
    )
    assert "signed" not in [status for status, _ in _steps(an)]
    signed = _run(
        pipeline,
        "Serbia and Kosovo signed a peace treaty in Brussels on Monday.",
        day="2026-05-12",
    )
    assert ("signed", "2026-05-11") in _steps(signed)


@pytest.mark.model
def test_a_text_reported_as_agreed_is_dated_by_the_report(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Serbian and Kosovar officials said on Monday that Serbia and Kosovo had agreed the "
        "text of a peace treaty.",
        day="2026-05-12",
    )
    assert ("text agreed", "2026-05-11") in _steps(an)
    earlier = _run(
        pipeline,
        "Serbian officials said on Monday that Serbia and Kosovo had agreed the text of a peace "
        "treaty in March.",
        day="2026-05-12",
    )
    assert ("text agreed", "2026-03") in _steps(earlier)


@pytest.mark.model
def test_negotiations_on_a_draft_that_have_been_concluded_are_a_text_agreed(pipeline) -> None:  # type: ignore[no-untyped-def]
    done = _run(
        pipeline,
        "Serbia's foreign ministry said: \"The negotiations on the text of the draft agreement "
        'on peace between Serbia and Kosovo have been concluded."',
        day="2026-05-12",
    )
    assert "text agreed" in [status for status, _ in _steps(done)]
    going = _run(
        pipeline,
        "Serbia's foreign ministry said the draft agreement on peace between Serbia and Kosovo "
        "is still under negotiation.",
        day="2026-05-12",
    )
    assert "text agreed" not in [status for status, _ in _steps(going)]


_TRIP = (
    "Indian Trade Minister Anil Mehta, who is overseeing India's trade negotiations with the "
    "United States, has accepted an invitation to lead a delegation to Washington. The trip "
    "will take place on April 14 and 15. It comes after three days of talks in New Delhi "
    "earlier this month."
)


@pytest.mark.model
def test_a_delegations_trip_announced_for_a_day_is_a_session_planned(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _TRIP, day="2026-03-20")
    [track] = an.tracks
    found = sorted((r.status, r.venue or "", r.date or "") for r in track.rounds)
    assert ("planned", "", "2026-04-14") in found or (
        "planned",
        "Washington",
        "2026-04-14",
    ) in found
    assert ("held", "New Delhi", "2026-03") in found
    planned = [e for e in an.events if e.type == "CONSULT" and e.status == "planned"]
    assert any(set(e.source) == {"IND", "USA"} for e in planned)


@pytest.mark.model
def test_a_trip_outside_any_negotiation_is_no_session(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The Indian cricket team will tour England this summer. The trip will take place in "
        "June, the board said.",
        day="2026-03-20",
    )
    assert all(not t.rounds for t in an.tracks)


_LAPSED = (
    "Ethiopia and the TPLF signed a ceasefire in Nairobi in July, mediator Kenya said. Under "
    "the deal, the two sides {verb} peace talks on August 8{tail}."
)


@pytest.mark.model
def test_talks_that_were_to_begin_on_a_past_day_did_not_take_place(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        _LAPSED.format(verb="were to begin", tail=", but the deadline expired"),
        day="2026-08-26",
    )
    rounds = [(r.status, r.date) for t in an.tracks for r in t.rounds]
    assert ("cancelled", "2026-08-08") in rounds
    assert all(not (d or "").startswith("2027") for _, d in rounds)


@pytest.mark.model
def test_talks_that_began_on_a_past_day_were_held(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _LAPSED.format(verb="began", tail=""), day="2026-08-26")
    rounds = [(r.status, r.date) for t in an.tracks for r in t.rounds]
    assert ("held", "2026-08-08") in rounds


# -- round 7 -------------------------------------------------------------------------------------


def _records(aid: str, day: str, tracks: list[Track], agreements: list[Agreement]) -> Analysis:
    art = Article(id=aid, text="x", outlet=aid, published_at=dt.date.fromisoformat(day))
    return Analysis(article=art, tracks=tracks, agreements=agreements)


def _side_reports(army: str, army_name: str) -> list[Analysis]:
    """One outlet names Myanmar's side by its army, another by the state."""
    by_army = _records(
        "a",
        "2026-05-02",
        [
            Track(
                name=f"{army_name}–Arakan Army peace talks",
                parties=[army, "group:arakan-army"],
                mediators=["CHN"],
                rounds=[Round(track="x", venue="Kunming", date="2026-05-01", status="held")],
            )
        ],
        [
            Agreement(
                name=f"{army_name}–Arakan Army ceasefire",
                kind="ceasefire",
                parties=[army, "group:arakan-army"],
                statuses=[AgreementStatus(status="signed", date="2026-04-28")],
            )
        ],
    )
    by_state = _records(
        "b",
        "2026-05-03",
        [Track(name="Myanmar–Arakan Army talks", parties=["MMR", "group:arakan-army"])],
        [
            Agreement(
                name="Myanmar–Arakan Army ceasefire",
                kind="ceasefire",
                parties=["MMR", "group:arakan-army"],
                statuses=[AgreementStatus(status="in force", date="2026-05-03")],
            )
        ],
    )
    return [by_army, by_state]


def test_a_state_and_its_own_army_are_one_side_of_a_track_and_a_ceasefire() -> None:
    reports = _side_reports("force:tatmadaw", "Tatmadaw")
    [track] = merge_tracks(reports)
    assert sorted(track.parties) == ["MMR", "group:arakan-army"]
    assert track.name.startswith("Myanmar–Arakan Army")
    assert [(r.venue, r.status) for r in track.rounds] == [("Kunming", "held")]
    assert track.mediators == ["CHN"]
    [ceasefire] = merge_agreements(reports)
    assert ceasefire.name == "Myanmar–Arakan Army ceasefire"
    assert sorted(ceasefire.parties) == ["MMR", "group:arakan-army"]
    assert [s.status for s in ceasefire.statuses] == ["signed", "in force"]


def test_another_states_army_stays_its_own_side() -> None:
    reports = _side_reports("force:pla", "PLA")
    assert len(merge_tracks(reports)) == 2
    assert len(merge_agreements(reports)) == 2


def test_an_army_no_report_puts_beside_its_state_keeps_its_name() -> None:
    [track] = merge_tracks(_side_reports("force:tatmadaw", "Tatmadaw")[:1])
    assert track.parties == ["force:tatmadaw", "group:arakan-army"]
    assert track.name == "Tatmadaw–Arakan Army peace talks"


_CAPTION = (
    "Philippine President Rosa Dalisay and Murad Ebrahim, the chairman of the MILF, shake "
    "hands {onlooker} during the signing of the peace agreement in Kuala Lumpur on March 27. "
    "The Philippine government and the MILF signed a ceasefire agreement."
)


@pytest.mark.model
@pytest.mark.parametrize(
    "onlooker",
    [
        "accompanied by Malaysia's Prime Minister Hamid Osman",
        "as Malaysia's Prime Minister Hamid Osman looked on",
        "with Malaysia's Prime Minister Hamid Osman in attendance",
    ],
)
def test_a_head_of_state_who_only_attended_the_signing_is_no_party(  # type: ignore[no-untyped-def]
    pipeline, onlooker: str
) -> None:
    an = _run(pipeline, _CAPTION.format(onlooker=onlooker), day="2026-03-28")
    assert all("MYS" not in ag.parties for ag in an.agreements)
    assert all(s.by in (None, "PHL") for ag in an.agreements for s in ag.statuses)
    assert any(set(ag.parties) == {"PHL", "group:milf"} for ag in an.agreements)


@pytest.mark.model
def test_a_head_of_state_who_signed_beside_the_other_is_a_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Malaysia and the Philippines signed the peace agreement in Kuala Lumpur on March 27.",
        day="2026-03-28",
    )
    assert any(set(ag.parties) == {"MYS", "PHL"} for ag in an.agreements)


_SIGNED_IN_JULY = (
    "Myanmar's military government and the Arakan Army signed a ceasefire agreement in "
    "Kunming in July. "
)


@pytest.mark.model
@pytest.mark.parametrize(
    "later",
    [
        "Under the terms of the deal, the parties were to begin peace talks on August 8 and "
        "finalise an agreement by August 18, but both deadlines have expired.",
        "Under that deal, formal talks were to begin on August 8 and conclude by August 18, "
        "but both deadlines slipped.",
        "The Arakan Army had insisted on its own ceasefire deal with Naypyidaw, saying the "
        "Myanmar-Bangladesh deal signed in June left out issues that still needed addressing.",
    ],
)
def test_talks_deadlines_and_another_deal_give_the_ceasefire_no_step(  # type: ignore[no-untyped-def]
    pipeline, later: str
) -> None:
    an = _run(pipeline, _SIGNED_IN_JULY + later, day="2026-08-26")
    [truce] = [ag for ag in an.agreements if ag.kind == "ceasefire"]
    assert [s.status for s in truce.statuses] == ["signed"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("later", "step"),
    [
        ("The ceasefire expired on August 18.", "expired"),
        ("The truce began on August 8.", "in force"),
        ("The ceasefire agreement signed in July was suspended on August 18.", "suspended"),
    ],
)
def test_the_ceasefire_that_expires_or_begins_itself_takes_the_step(  # type: ignore[no-untyped-def]
    pipeline, later: str, step: str
) -> None:
    an = _run(pipeline, _SIGNED_IN_JULY + later, day="2026-08-26")
    [truce] = [ag for ag in an.agreements if ag.kind == "ceasefire"]
    assert step in [s.status for s in truce.statuses]


@pytest.mark.model
def test_an_accord_described_by_its_sealing_and_then_named_keeps_the_step(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Talks between Norway and Iceland resumed in Oslo on Monday. The accord sealed in "
        "Oslo in 2017, formally known as the Northern Waters Fisheries Agreement, limited "
        "catches in the area.",
    )
    [accord] = an.agreements
    assert ("agreed", "2017") in [(s.status, s.date) for s in accord.statuses]


# -- round 8 (nego7): a report that names the treaty but not its sides -----------------------

_KAGERA_EXCHANGE = (
    "Rwanda and Tanzania on March 3 exchanged the instruments ratifying the Kagera Boundary "
    "Treaty, which the two prime ministers signed in Arusha on June 9 last year."
)
_KAGERA_BRIEFING = (
    "Deputy Minister Odera Mwakasege said that at a briefing with reporters on March 3 right "
    "after the ceremony to exchange the instruments ratifying the Kagera Boundary Treaty and "
    "the protocol on border markers. Both documents were signed under the witness of the "
    "prime ministers of the two countries on June 9, 2025 in Arusha. The two documents show "
    "the resolve of Rwanda and Tanzania to settle border issues together."
)


@pytest.mark.model
def test_a_speaker_is_not_the_one_who_ratified_the_treaty_he_talks_about(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _KAGERA_BRIEFING, day="2026-03-04")
    [treaty] = an.agreements
    [ratified] = [s for s in treaty.statuses if s.status == "ratified"]
    assert ratified.by is None
    [act] = [e for e in an.events if e.type == "SUPPORT" and "ratifying" in e.evidence.text]
    assert set(act.source) == {"RWA", "TZA"}


@pytest.mark.model
def test_a_state_that_ratified_the_treaty_keeps_its_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        _KAGERA_EXCHANGE + " Rwanda's parliament had ratified the Kagera Boundary Treaty on "
        "February 10, the speaker said.",
        day="2026-03-04",
    )
    [treaty] = an.agreements
    assert ("ratified", "RWA") in [(s.status, s.by) for s in treaty.statuses]


@pytest.mark.model
def test_both_documents_signed_on_a_day_are_the_treaty_signed_that_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _KAGERA_BRIEFING, day="2026-03-04")
    [treaty] = an.agreements
    assert ("signed", "2025-06-09") in [(s.status, s.date) for s in treaty.statuses]
    signings = [e for e in an.events if e.type == "SUPPORT" and "signed" in e.evidence.text]
    assert any(set(e.source) == {"RWA", "TZA"} for e in signings)


@pytest.mark.model
def test_both_players_signed_on_a_day_sign_no_treaty(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Rwanda and Tanzania ratified the Kagera Boundary Treaty on March 3. Both players "
        "were signed by the club on June 9, 2025 in Arusha.",
        day="2026-03-04",
    )
    [treaty] = an.agreements
    assert "signed" not in [s.status for s in treaty.statuses]


def _as_outlet(an: Analysis, aid: str, outlet: str) -> Analysis:
    article = an.article.model_copy(update={"id": aid, "outlet": outlet})
    return an.model_copy(update={"article": article})


@pytest.mark.model
def test_the_report_that_names_no_side_joins_the_ratification_and_the_signing(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    first = _as_outlet(_run(pipeline, _KAGERA_EXCHANGE, day="2026-03-04"), "a1", "One")
    second = _as_outlet(_run(pipeline, _KAGERA_BRIEFING, day="2026-03-04"), "a2", "Two")
    joined = [s for s in cluster_stories([first, second], min_sources=2) if s.type == "SUPPORT"]
    # The ratification and the signing, each told by both outlets.
    assert sorted(len(s.sources) for s in joined) == [2, 2]


# -- round 8 (nego7): a mediated border deal, an envoy of the UN, a war's warring parties ------


@pytest.mark.model
def test_a_dotted_mediator_before_a_border_deal_mediates_and_the_deal_is_the_sides(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Chile signed and delivered its copy of a U.K.-mediated sea border deal with "
        "Argentina on Friday to a U.K. mediator.",
        day="2026-05-09",
    )
    [deal] = an.agreements
    assert deal.parties == ["ARG", "CHL"]
    assert ("signed", "2026-05-08", "CHL") in [(s.status, s.date, s.by) for s in deal.statuses]
    [track] = an.tracks
    assert track.parties == ["ARG", "CHL"] and "GBR" in track.mediators


@pytest.mark.model
def test_a_dotted_state_before_another_participle_mediates_nothing(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Chile and Argentina held talks on their river boundary in Santiago on Friday, using "
        "U.K.-made maps.",
        day="2026-05-09",
    )
    assert all("GBR" not in t.mediators and "GBR" not in t.parties for t in an.tracks)


@pytest.mark.model
def test_a_sea_border_deal_and_the_maritime_border_agreement_are_one_agreement(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    one = _run(
        pipeline,
        "Chile signed its copy of a U.K.-mediated sea border deal with Argentina on Friday.",
        day="2026-05-09",
    )
    two = _run(
        pipeline,
        "Chile and Argentina on Friday finalized the historic U.K.-mediated maritime border "
        "agreement. After the envoy signed the agreement, it came into force, an official "
        "said.",
        day="2026-05-09",
    )
    one, two = _as_outlet(one, "a1", "One"), _as_outlet(two, "a2", "Two")
    [merged] = merge_agreements([one, two])
    assert {"signed", "in force"} <= {s.status for s in merged.statuses}


@pytest.mark.model
def test_a_step_taken_by_another_subject_that_came_into_force_is_not_the_agreements(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "Chile signed its copy of a U.K.-mediated sea border deal with Argentina on Friday. "
        "A new fishing law came into force in Chile in March.",
        day="2026-05-09",
    )
    [deal] = an.agreements
    assert "in force" not in [s.status for s in deal.statuses]


@pytest.mark.model
def test_verbs_with_their_own_subjects_do_not_share_a_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Chile signed a U.K.-mediated sea boundary deal with Argentina, and Argentina "
        "delivered its copy on Friday.",
        day="2026-05-09",
    )
    [deal] = an.agreements
    assert ("signed", "2026-05-08") not in [(s.status, s.date) for s in deal.statuses]


_OFFER = (
    "Ecuador expects a written offer from the Brazilian mediator concerning a river border "
    "with Peru by the end of the week, the presidency said on Monday. "
)


@pytest.mark.model
def test_the_sides_of_a_conflict_a_deal_would_defuse_are_not_the_talks_sides(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        _OFFER + "A deal could ease tensions from ELN threats against Peru, officials said. "
        "A deal would also defuse one source of conflict between Peru and the ELN rebels, who "
        "have threatened Peruvian drilling crews.",
        day="2026-05-11",
    )
    assert [t.parties for t in an.tracks] == [["ECU", "PER"]]


@pytest.mark.model
def test_the_sides_of_a_conflict_talks_would_end_are_the_talks_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Talks would end the conflict between Colombia and the ELN rebels, a Cuban mediator "
        "said on Monday.",
        day="2026-05-11",
    )
    assert _sides(an) == [["COL", "group:eln"]]


@pytest.mark.model
def test_a_un_envoy_speaks_for_the_un_not_for_his_own_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Staffan de Mistura said Syria had agreed to a two-week truce with the opposition.",
        day="2016-02-25",
    )
    assert all("SWE" not in ag.parties for ag in an.agreements)


@pytest.mark.model
def test_a_former_un_envoy_is_his_own_states_again(pipeline) -> None:  # type: ignore[no-untyped-def]
    from parley.extract.base import Context
    from parley.extract.negotiation.parties import party_of

    an = _run(pipeline, "Staffan de Mistura visited Stockholm.", day="2024-02-25")
    ctx = Context(article=an.article, doc=pipeline.nlp("x"), analysis=an, kb=pipeline.kb)
    assert party_of(ctx, "person:staffan-de-mistura") == "SWE"


@pytest.mark.model
def test_a_wars_warring_parties_are_the_sides_of_its_truce(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The TPLF and the Ethiopian government held talks in Nairobi last week. Ethiopia's "
        "warring parties have agreed to a ten-day ceasefire starting Sunday, the African Union "
        "envoy said on Friday.",
        day="2026-05-08",
    )
    agreed = [e for e in an.events if e.type == "AGREE" and "ceasefire" in e.evidence.text]
    assert any(set(e.source) == {"ETH", "group:tplf"} for e in agreed)


@pytest.mark.model
def test_a_states_neighbours_are_no_warring_parties(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The TPLF and the Ethiopian government held talks in Nairobi last week. Ethiopia's "
        "neighbours have agreed to a ten-day ceasefire starting Sunday, the African Union "
        "envoy said on Friday.",
        day="2026-05-08",
    )
    agreed = [e for e in an.events if e.type == "AGREE" and "neighbours" in e.evidence.text]
    assert not any(set(e.source) == {"ETH", "group:tplf"} for e in agreed)


@pytest.mark.model
def test_parties_that_agreed_to_halt_offensive_operations_agreed_a_truce(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The Sudanese army and the RSF met in Jeddah on Monday. The parties agreed to halt "
        "all offensive military air, ground and river operations across Sudan, the mediators "
        "said.",
        day="2026-05-12",
    )
    assert any(ag.kind == "ceasefire" for ag in an.agreements)


@pytest.mark.model
def test_parties_that_agreed_to_halt_rescue_operations_agreed_no_truce(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The Sudanese army and the RSF met in Jeddah on Monday. The parties agreed to halt "
        "the rescue operations in the river, the mediators said.",
        day="2026-05-12",
    )
    assert not any(ag.kind == "ceasefire" for ag in an.agreements)


def _agreed(aid: str, words: str) -> Analysis:
    """One report, of 2026-05-12, whose only event is the army and the RSF agreeing."""
    sides = ["SDN", "group:rsf"]
    event = Event(
        type="AGREE",
        source=sides,
        target=list(reversed(sides)),
        status="occurred",
        evidence=Span(start=0, end=len(words), text=words),
    )
    art = Article(id=aid, text=words, outlet=aid, published_at=dt.date(2026, 5, 12))
    return Analysis(article=art, events=[event])


def test_a_truce_told_as_offensive_operations_halted_joins_the_ceasefire() -> None:
    one = _agreed("a1", "The two sides have agreed to a seven-day ceasefire.")
    two = _agreed("a2", "The parties agreed to stop the offensive air, land and river operations.")
    [story] = cluster_stories([one, two], min_sources=2)
    assert len(story.sources) == 2


def test_a_truce_and_halted_rescue_operations_stay_apart() -> None:
    one = _agreed("a1", "The two sides have agreed to a seven-day ceasefire.")
    two = _agreed("a2", "The parties agreed to stop the rescue operations in the river.")
    assert cluster_stories([one, two], min_sources=2) == []


# -- round 8 (nego7): a term of the truce, an accord signed ends a negotiation ----------------


@pytest.mark.model
def test_a_truce_that_can_be_renewed_with_the_consent_of_the_parties_is_not_extended(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The Sudanese army and the RSF agreed to a one-month truce on Monday. The envoy said "
        "the truce could be renewed after the month with the consent of both sides.",
        day="2026-05-12",
    )
    [truce] = [ag for ag in an.agreements if ag.kind == "ceasefire"]
    assert not any(s.status.startswith("extended") for s in truce.statuses)


@pytest.mark.model
def test_a_truce_renewed_on_a_day_is_extended(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The Sudanese army and the RSF agreed to a one-month truce in May. The two sides "
        "renewed the truce on Monday for another month.",
        day="2026-06-09",
    )
    [truce] = [ag for ag in an.agreements if ag.kind == "ceasefire"]
    assert any(s.status.startswith("extended") for s in truce.statuses)


_GORONGOSA = (
    "This accord follows the agreement on a definitive cessation of hostilities that "
    "President Filipe Nyusi and Renamo leader Ossufo Momade signed in Chimoio last Friday. "
)


@pytest.mark.model
def test_a_truce_just_signed_by_the_two_sides_is_a_track_of_theirs(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "Mozambique's parliament met on Monday. " + _GORONGOSA, day="2026-05-12")
    assert _sides(an) == [["MOZ", "group:renamo"]]


@pytest.mark.model
def test_a_treaty_recalled_as_signed_a_year_before_makes_no_track(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _KAGERA_EXCHANGE, day="2026-03-04")
    assert an.tracks == []


@pytest.mark.model
def test_a_step_whose_report_names_no_side_joins_the_others_through_the_treaty(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    first = _as_outlet(_run(pipeline, _KAGERA_EXCHANGE, day="2026-03-04"), "a1", "One")
    words = _KAGERA_BRIEFING.rsplit(" The two documents", 1)[0]  # no state is named
    second = _as_outlet(_run(pipeline, words, day="2026-03-04"), "a2", "Two")
    [treaty] = second.agreements
    assert treaty.parties == []
    joined = [s for s in cluster_stories([first, second], min_sources=2) if s.type == "SUPPORT"]
    assert sorted(len(s.sources) for s in joined) == [2, 2]
    # The stored event keeps its own (empty) sides: the story lends them only to compare.
    assert any(not e.source for e in second.events)


def test_an_event_with_no_side_and_no_treaty_joins_nothing() -> None:
    one = _agreed("a1", "The two sides have agreed to a seven-day ceasefire.")
    two = _agreed("a2", "They have agreed to a seven-day ceasefire.")
    two.events[0].source, two.events[0].target = [], []
    assert cluster_stories([one, two], min_sources=2) == []


@pytest.mark.model
def test_an_agreement_named_head_first_is_named_and_signed(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "President Filipe Nyusi and Renamo leader Ossufo Momade signed an Accord for Lasting "
        "Peace in Beira on Tuesday.",
        day="2026-05-14",
    )
    named = [ag for ag in an.agreements if ag.name == "Accord for Lasting Peace"]
    assert [(s.status, s.date) for s in named[0].statuses] == [("signed", "2026-05-12")]


@pytest.mark.model
def test_an_agreement_on_lower_case_issues_is_no_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "President Filipe Nyusi and Renamo leader Ossufo Momade signed an agreement on border "
        "issues in Beira on Tuesday.",
        day="2026-05-14",
    )
    assert not any(ag.name.startswith("agreement on") for ag in an.agreements)
    assert not any(ag.name.startswith("Agreement on") for ag in an.agreements)


_CARACAS_SIGNING = (
    "The Colombian government and the ELN rebel group took a final step toward peace on "
    "Friday, signing a definitive truce agreement at a ceremony in Caracas. Colombian "
    "negotiator Ana Rueda and rebel commander Pablo Beltran signed the agreement at a "
    "ceremony in Caracas before Colombian President Gustavo Petro and ELN leader Antonio "
    "Garcia, with UN officials and a host of regional leaders from Brazil, Mexico, Chile and "
    "Panama in attendance. In the agreement, both sides agreed to keep arms out of politics."
)


@pytest.mark.model
def test_leaders_in_attendance_are_not_the_sides_of_the_signed_truce(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _CARACAS_SIGNING, day="2026-05-16")
    assert _sides(an) == [["COL", "group:eln"]]


@pytest.mark.model
def test_states_that_sign_with_others_in_attendance_are_the_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Brazil and Peru signed a border treaty in Lima on Friday after three days of talks, "
        "with leaders from Chile and Panama in attendance.",
        day="2026-05-16",
    )
    assert _sides(an) == [["BRA", "PER"]]


# -- round 9 (nego8): round 8's left-overs ----------------------------------------------------

_BOGOTA_SIGNING = (
    "Colombian President Gustavo Petro and the leader of the rebel group ELN, Antonio Garcia, "
    "signed in Bogota on Tuesday an Accord for Lasting Peace, which Petro described as {what}."
)


@pytest.mark.model
@pytest.mark.parametrize("head", ["", "Peace accord signed\n\nBogota — "])
def test_a_sign_that_peace_will_last_is_no_signing_by_one_side(pipeline, head: str) -> None:  # type: ignore[no-untyped-def]
    """With or without a dateline heading the lead, the accord's two signers stay together."""
    what = '"a clear sign that Colombia will never again be at war"'
    text = head + _BOGOTA_SIGNING.format(what=what)
    an = _run(pipeline, text, day="2026-05-14")
    [accord] = [ag for ag in an.agreements if ag.name == "Accord for Lasting Peace"]
    assert [(s.status, s.date, s.by) for s in accord.statuses] == [("signed", "2026-05-12", None)]


@pytest.mark.model
def test_a_state_that_signs_alone_is_still_the_signer(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Colombia signed the Accord for Lasting Peace in Bogota on Tuesday, a significant step "
        "that officials called a sign of goodwill.",
        day="2026-05-14",
    )
    [accord] = [ag for ag in an.agreements if ag.name == "Accord for Lasting Peace"]
    assert [(s.status, s.by) for s in accord.statuses] == [("signed", "COL")]


_LAKE_TALKS = (
    "According to EU foreign policy chief Anna Berg, Armenia and Azerbaijan have come close to "
    'settling their dispute. "We have an agreement," said the diplomat late in the evening, '
    "after ten hours of marathon negotiations {where}. In a first meeting on February 3, the "
    "two sides approved the draft agreement that the EU had put forward."
)


@pytest.mark.model
@pytest.mark.parametrize(
    "where",
    ["in Montreux, in western Switzerland, on the lake of the same name", "at Como in Italy"],
)
def test_a_lake_town_the_model_takes_for_an_organisation_is_the_talks_venue(
    pipeline,  # type: ignore[no-untyped-def]
    where: str,
) -> None:
    an = _run(pipeline, _LAKE_TALKS.format(where=where), day="2026-03-01")
    [track] = an.tracks
    assert sorted(track.parties) == ["ARM", "AZE"]
    venues = {(r.venue, r.date) for r in track.rounds}
    assert venues == {(where.split()[1].strip(","), None), (None, "2026-02-03")}


@pytest.mark.model
def test_an_organisation_the_gazetteer_does_not_know_is_no_venue(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _LAKE_TALKS.format(where="at Interpol"), day="2026-03-01")
    [track] = an.tracks
    assert [(r.venue, r.date) for r in track.rounds] == [(None, "2026-02-03")]


@pytest.mark.model
def test_talks_in_the_lakeside_resort_of_a_town_met_in_that_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The leaders of Armenia and Azerbaijan have agreed on how to carry out an EU plan, EU "
        "foreign policy chief Anna Berg said on Saturday after chairing talks between them. "
        "Speaking after nearly ten hours of talks in the Swiss lakeside resort of Montreux, "
        "Berg said the two leaders had reached an agreement.",
        day="2026-03-01",
    )
    assert [r.venue for t in an.tracks for r in t.rounds] == ["Montreux"]


def _undated_round(aid: str, venue: str) -> Analysis:
    track = Track(name="Armenia–Azerbaijan talks", parties=["ARM", "AZE"], mediators=["igo:eu"])
    track.rounds = [Round(track=track.name, status="held", venue=venue, article_id=aid)]
    art = Article(id=aid, text="x", outlet=aid, published_at=dt.date(2026, 3, 1))
    return Analysis(article=art, tracks=[track])


def test_two_reports_of_undated_talks_in_one_town_are_one_round() -> None:
    [track] = merge_tracks([_undated_round("a", "Montreux"), _undated_round("b", "Montreux")])
    assert [r.venue for r in track.rounds] == ["Montreux"]


def test_undated_talks_in_two_towns_stay_two_rounds() -> None:
    [track] = merge_tracks([_undated_round("a", "Montreux"), _undated_round("b", "Geneva")])
    assert sorted(r.venue or "" for r in track.rounds) == ["Geneva", "Montreux"]


_VIENNA_DEAL = (
    "Armenia and Azerbaijan reached an agreement late on Sunday on carrying out {what}, EU "
    "foreign policy chief Anna Berg said. The two sides had agreed the underlying deal in "
    "Vienna last month."
)


@pytest.mark.model
def test_a_backed_deal_to_normalise_relations_is_the_sides_normalisation_agreement(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    what = "an EU-backed deal to normalise relations"
    an = _run(pipeline, _VIENNA_DEAL.format(what=what), day="2026-03-16")
    [deal] = an.agreements
    assert deal.name == "Armenia–Azerbaijan normalisation agreement"
    assert sorted(deal.parties) == ["ARM", "AZE"]
    assert sorted((s.status, s.date) for s in deal.statuses) == [
        ("agreed", "2026-02"),
        ("agreed", "2026-03-15"),
    ]
    assert [t.mediators for t in an.tracks] == [["igo:eu"]]


@pytest.mark.model
def test_a_deal_backed_by_no_one_named_has_no_mediator(pipeline) -> None:  # type: ignore[no-untyped-def]
    what = "a deal to normalise relations"
    an = _run(pipeline, _VIENNA_DEAL.format(what=what), day="2026-03-16")
    assert [ag.name for ag in an.agreements] == ["Armenia–Azerbaijan normalisation agreement"]
    assert [t.mediators for t in an.tracks] == [[]]


@pytest.mark.model
@pytest.mark.parametrize("what", ["an EU-backed plan to normalise relations", "a deal to buy gas"])
def test_a_plan_to_normalise_or_a_deal_to_buy_is_no_normalisation_agreement(
    pipeline,  # type: ignore[no-untyped-def]
    what: str,
) -> None:
    an = _run(pipeline, _VIENNA_DEAL.format(what=what), day="2026-03-16")
    assert not any("normalisation" in ag.name for ag in an.agreements)


_HONOURED = "Armenia and Azerbaijan signed the Tavush Border Agreement in Vienna on Sunday. {what}"


@pytest.mark.model
def test_sides_committed_to_honouring_an_agreement_do_not_yet_observe_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    what = "The parties are fully committed to honouring all articles of the agreement."
    an = _run(pipeline, _HONOURED.format(what=what), day="2026-03-16")
    [deal] = an.agreements
    assert [s.status for s in deal.statuses] == ["signed"]


@pytest.mark.model
def test_sides_that_have_honoured_an_agreement_observe_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    what = "Both sides have honoured the agreement informally since last year."
    an = _run(pipeline, _HONOURED.format(what=what), day="2026-03-16")
    [deal] = an.agreements
    assert "observed informally" in [s.status for s in deal.statuses]


# -- round 10 (nego9): where a step took place, deals completed, treaties brought into force --

_CEREMONY = (
    "The Philippine government and the MILF rebels signed a ceasefire agreement on "
    "Thursday {where}, ending four decades of fighting."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("where", "venue", "host"),
    [
        ("at a ceremony in Kuala Lumpur", "Kuala Lumpur", "MYS"),
        ("at a ceremony in Malaysia", "Malaysia", "MYS"),
        ("in Geneva", "Geneva", None),
    ],
)
def test_a_signing_at_a_ceremony_in_a_town_took_place_there(
    pipeline,  # type: ignore[no-untyped-def]
    where: str,
    venue: str,
    host: str | None,
) -> None:
    """A capital or a state named as the venue hosts the step; a city of no capital gives the
    venue alone. The host is no party."""
    an = _run(pipeline, _CEREMONY.format(where=where), day="2026-06-26")
    [truce] = [ag for ag in an.agreements if ag.kind == "ceasefire"]
    assert [(s.status, s.venue, s.host) for s in truce.statuses] == [("signed", venue, host)]
    assert sorted(truce.parties) == ["PHL", "group:milf"]


@pytest.mark.model
@pytest.mark.parametrize(
    "after",
    [
        "the foreign minister told reporters in Kuala Lumpur",
        "weeks after talks in Kuala Lumpur had failed",
    ],
)
def test_a_place_in_another_clause_is_not_where_the_step_took_place(pipeline, after: str) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The Philippine government and the MILF rebels signed a ceasefire agreement on "
        f"Thursday, {after}.",
        day="2026-06-26",
    )
    [truce] = [ag for ag in an.agreements if ag.kind == "ceasefire"]
    assert [(s.status, s.venue, s.host) for s in truce.statuses] == [("signed", None, None)]


def _step_report(aid: str, venue: str | None, host: str | None) -> Analysis:
    step = AgreementStatus(status="signed", date="2026-06-25", venue=venue, host=host)
    deal = Agreement(name="Philippines–MILF ceasefire", kind="ceasefire", statuses=[step])
    deal.parties = ["PHL", "group:milf"]
    art = Article(id=aid, text="x", outlet=aid, published_at=dt.date(2026, 6, 26))
    return Analysis(article=art, agreements=[deal])


def test_a_step_told_twice_keeps_the_venue_one_report_gives() -> None:
    [deal] = merge_agreements(
        [_step_report("a", None, None), _step_report("b", "Kuala Lumpur", "MYS")]
    )
    assert [(s.status, s.venue, s.host) for s in deal.statuses] == [
        ("signed", "Kuala Lumpur", "MYS")
    ]


def test_a_step_no_report_places_has_no_venue() -> None:
    [deal] = merge_agreements([_step_report("a", None, None), _step_report("b", None, None)])
    assert [(s.venue, s.host) for s in deal.statuses] == [(None, None)]


_COMPLETED_SWAP = (
    "Qatar announced on Sunday that it {act} the completion of a detainee exchange agreement "
    "between Ecuador and Peru, noting that the freed detainees would be flown to Doha."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("act", "day"), [("has facilitated", "2026-06-14"), ("facilitated", None), ("oversaw", None)]
)
def test_a_swap_deal_a_mediator_saw_completed_was_carried_out(
    pipeline,  # type: ignore[no-untyped-def]
    act: str,
    day: str | None,
) -> None:
    """Carried out on the day it is announced when told in the present perfect ("has
    facilitated"); a plain past tells no day."""
    an = _run(pipeline, _COMPLETED_SWAP.format(act=act), day="2026-06-14")
    [deal] = [ag for ag in an.agreements if ag.kind == "exchange deal"]
    assert sorted(deal.parties) == ["ECU", "PER"]
    assert [(s.status, s.date) for s in deal.statuses] == [("implemented", day)]


@pytest.mark.model
@pytest.mark.parametrize("act", ["would facilitate", "hopes to facilitate"])
def test_a_completion_still_hoped_for_is_no_deal_carried_out(pipeline, act: str) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _COMPLETED_SWAP.format(act=act), day="2026-06-14")
    assert not [s for ag in an.agreements for s in ag.statuses if s.status == "implemented"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("how", "day"),
    [
        (
            "The Andes Water Treaty was brought into force by an exchange of notes in Lima on "
            "3 May 2026.",
            "2026-05-03",
        ),
        (
            "On Sunday the prime ministers formalised the coming into force of the Andes Water "
            "Treaty with an exchange of notes in front of the government palace in Lima.",
            None,
        ),
    ],
)
def test_a_treaty_brought_into_force_by_notes_is_in_force_where_they_were_exchanged(
    pipeline,  # type: ignore[no-untyped-def]
    how: str,
    day: str | None,
) -> None:
    text = "Peru and Ecuador signed the Andes Water Treaty in Quito in 2024. " + how
    an = _run(pipeline, text, day="2026-05-04")
    [treaty] = [ag for ag in an.agreements if ag.name == "Andes Water Treaty"]
    steps = [(s.status, s.venue, s.host) for s in treaty.statuses]
    assert steps == [("signed", "Quito", "ECU"), ("in force", "Lima", "PER")]
    assert day is None or treaty.statuses[-1].date == day


@pytest.mark.model
def test_a_treaty_to_be_brought_into_force_later_is_not_in_force(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru and Ecuador signed the Andes Water Treaty in Quito in 2024. The Andes Water Treaty "
        "will be brought into force once both parliaments have ratified it."
    )
    an = _run(pipeline, text, day="2026-05-04")
    [treaty] = [ag for ag in an.agreements if ag.name == "Andes Water Treaty"]
    assert "in force" not in [s.status for s in treaty.statuses]


@pytest.mark.model
def test_it_after_a_treaty_subject_goes_on_about_the_treaty(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Andes Water Treaty was signed by Peru and Ecuador in 2024. It was brought into "
        "force by an exchange of notes in Lima on 3 May 2026."
    )
    an = _run(pipeline, text, day="2026-05-04")
    [treaty] = [ag for ag in an.agreements if ag.name == "Andes Water Treaty"]
    assert [(s.status, s.date) for s in treaty.statuses] == [
        ("signed", "2024"),
        ("in force", "2026-05-03"),
    ]


@pytest.mark.model
def test_it_after_another_subject_is_not_the_treaty(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Andes Water Treaty was signed by Peru and Ecuador in 2024. The joint river "
        "commission met in Lima on Monday. It was brought into force by a decree on 3 May 2026."
    )
    an = _run(pipeline, text, day="2026-05-04")
    [treaty] = [ag for ag in an.agreements if ag.name == "Andes Water Treaty"]
    assert [s.status for s in treaty.statuses] == ["signed"]


@pytest.mark.model
def test_an_organisations_convention_named_in_passing_has_no_two_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru and Ecuador signed the Andes Water Treaty on Monday, a deal reached under the "
        "UN Convention on the Law of the Sea."
    )
    an = _run(pipeline, text, day="2026-05-04")
    sides = {ag.name: sorted(ag.parties) for ag in an.agreements}
    assert sides["Andes Water Treaty"] == ["ECU", "PER"]
    assert sides["UN Convention on the Law of the Sea"] == []  # one name, its subject too


_VIENNA_TALKS = "Armenian and Azerbaijani diplomats held talks in Vienna on Saturday. "


@pytest.mark.model
def test_the_host_of_a_summit_recalled_as_history_mediates_nothing_today(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _VIENNA_TALKS + (
        "Nikol Pashinyan and Ilham Aliyev first held talks in Prague in October 2022, which "
        "was touted as a major breakthrough."
    )
    [track] = _run(pipeline, text, day="2026-10-04").tracks
    assert track.mediators == ["AUT"]


@pytest.mark.model
def test_a_plan_to_restart_told_with_the_session_it_led_to_is_that_session(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Saturday's talks in Vienna were the first meeting between Armenian and Azerbaijani "
        "diplomats since the two leaders agreed to restart dialogue as they met at the border "
        "in June."
    )
    [track] = _run(pipeline, text, day="2026-10-05").tracks
    assert [(r.status, r.date) for r in track.rounds] == [("held", "2026-10-03")]


@pytest.mark.model
def test_a_plan_to_restart_made_this_week_is_still_a_planned_session(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _VIENNA_TALKS + "The two leaders agreed on Sunday to restart dialogue next month."
    [track] = _run(pipeline, text, day="2026-10-05").tracks
    assert ("planned", "2026-11") in [(r.status, r.date) for r in track.rounds]


@pytest.mark.model
def test_an_invitation_to_return_to_a_town_to_meet_again_is_the_next_session_there(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    text = _VIENNA_TALKS + (
        "The Armenian delegation accepted an invitation by Austria to return to Vienna to "
        "meet again in two weeks."
    )
    [track] = _run(pipeline, text, day="2026-10-05").tracks
    assert ("planned", "Vienna", "2026-10-19") in [
        (r.status, r.venue, r.date) for r in track.rounds
    ]


@pytest.mark.model
def test_a_delegation_returning_home_plans_no_session(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _VIENNA_TALKS + "The Armenian delegation will return to Yerevan in two weeks."
    [track] = _run(pipeline, text, day="2026-10-05").tracks
    assert [r.status for r in track.rounds] == ["held"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "word", "negated"),
    [
        ("The talks did not take place on Saturday.", "talks", True),
        ("The comments do not reflect the spirit of today's long discussion.", "discussion", False),
    ],
)
def test_a_meeting_is_negated_only_by_a_negation_on_the_meeting(
    pipeline,  # type: ignore[no-untyped-def]
    sentence: str,
    word: str,
    negated: bool,
) -> None:
    from parley.extract.negotiation.extractor import _meeting_negated

    doc = pipeline.nlp(sentence)
    start = sentence.index(word)
    trigger = Span(start=start, end=start + len(word), text=word)
    e = Event(type="CONSULT", status="negated", trigger=trigger, evidence=trigger)
    assert _meeting_negated(SimpleNamespace(doc=doc), e) is negated


_YEMEN_ROUND = (
    "Houthi chief negotiator Mohammed Abdulsalam arrives for a meeting during the second round "
    "of negotiations between the Yemeni government and the Houthis at the regional offices of "
    "the United Nations, in Nairobi, Kenya, on Saturday. {after}"
)


@pytest.mark.model
def test_a_round_held_at_an_organisations_offices_in_a_town_met_in_that_town(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _YEMEN_ROUND.format(after=""), day="2026-02-15")
    [track] = an.tracks
    assert [(r.ordinal, r.status, r.venue) for r in track.rounds] == [(2, "held", "Nairobi")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("after", "venue"),
    [
        (
            "After six days of tense negotiations in the Kenyan city of Mombasa, no date was set "
            "for a new round of talks.",
            None,
        ),
        ("A new round of talks will be held in the Kenyan city of Mombasa next month.", "Mombasa"),
    ],
)
def test_the_place_of_the_talks_just_held_is_not_the_next_rounds(
    pipeline,  # type: ignore[no-untyped-def]
    after: str,
    venue: str | None,
) -> None:
    an = _run(pipeline, _YEMEN_ROUND.format(after=after), day="2026-02-15")
    [track] = an.tracks
    assert [r.venue for r in track.rounds if r.status == "planned"] == [venue]


_ASMARA = (
    "Ethiopia and the TPLF agreed to a truce on Friday, after consultations that were held in "
    "Asmara, the UN envoy said. {more}"
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("more", "mediators"),
    [
        ("An Eritrean-led coalition entered the war in 2020 to back the federal army.", []),
        ("An Eritrean-led coalition government took office in 2020.", ["ERI"]),
        ("", ["ERI"]),
    ],
)
def test_a_host_the_text_shows_leading_a_coalition_at_war_mediates_nothing(
    pipeline,  # type: ignore[no-untyped-def]
    more: str,
    mediators: list[str],
) -> None:
    """Hosting makes a mediator, unless the text shows the host at war on one side; a
    coalition government is no war."""
    [track] = _run(pipeline, _ASMARA.format(more=more), day="2026-04-04").tracks
    assert sorted(track.parties) == ["ETH", "group:tplf"]
    assert track.mediators == mediators


def _asmara_report(aid: str, mediators: list[str], belligerents: list[str]) -> Analysis:
    track = Track(
        name="Ethiopia–TPLF peace talks",
        parties=["ETH", "group:tplf"],
        mediators=mediators,
        belligerents=belligerents,
    )
    art = Article(id=aid, text="x", outlet=aid, published_at=dt.date(2026, 4, 4))
    return Analysis(article=art, tracks=[track])


@pytest.mark.parametrize("order", [1, -1])
def test_a_host_another_report_shows_at_war_is_no_mediator_of_the_merged_track(
    order: int,
) -> None:
    reports = [_asmara_report("a", ["igo:un", "ERI"], []), _asmara_report("b", [], ["ERI"])]
    [track] = merge_tracks(reports[::order])
    assert track.mediators == ["igo:un"]


def test_a_host_no_report_shows_at_war_stays_a_mediator() -> None:
    reports = [_asmara_report("a", ["igo:un", "ERI"], []), _asmara_report("b", [], [])]
    [track] = merge_tracks(reports)
    assert track.mediators == ["igo:un", "ERI"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "step"),
    [
        (
            "Armenia and Azerbaijan reached an agreement late Sunday on implementing the Tavush "
            "Border Agreement, EU foreign policy chief Anna Berg said.",
            "implementation agreed",
        ),
        (
            "Armenia and Azerbaijan agreed on Sunday on the implementation annex of the Tavush "
            "Border Agreement, EU foreign policy chief Anna Berg said.",
            "implementation agreed",
        ),
        (
            "Armenia and Azerbaijan reached the Tavush Border Agreement late Sunday, EU foreign "
            "policy chief Anna Berg said.",
            "agreed",
        ),
    ],
)
def test_agreeing_how_to_implement_an_agreement_is_a_step_of_that_agreement(
    pipeline,  # type: ignore[no-untyped-def]
    sentence: str,
    step: str,
) -> None:
    an = _run(pipeline, sentence, day="2026-03-16")
    [deal] = [ag for ag in an.agreements if ag.name == "Tavush Border Agreement"]
    assert [(s.status, s.date) for s in deal.statuses] == [(step, "2026-03-15")]


@pytest.mark.model
def test_the_town_a_truce_covers_is_not_where_it_was_offered(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ethiopia's army offered a three-day humanitarian truce in Mekelle on Wednesday, an "
        "offer the TPLF has yet to answer."
    )
    an = _run(pipeline, text, day="2026-04-30")
    [truce] = [ag for ag in an.agreements if ag.kind == "ceasefire"]
    assert [(s.status, s.venue) for s in truce.statuses] == [("proposed", None)]


@pytest.mark.model
def test_a_visit_to_open_a_new_chapter_plans_no_session(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _VIENNA_TALKS + (
        "Nikol Pashinyan said he intended to use the visit to open a new chapter in relations "
        "between the two countries."
    )
    [track] = _run(pipeline, text, day="2026-10-05").tracks
    assert [(r.status, r.venue) for r in track.rounds] == [("held", "Vienna")]


# -- round 11 (nego11): unnamed trade deals, third states' parts, step dates, protocols --------

_TRADE_DEAL = "On Friday, Ethiopia and Eritrea separately signed {what} across the Red Sea."


@pytest.mark.model
@pytest.mark.parametrize(
    "what",
    [
        "a deal in Nairobi with Kenya and the African Union to resume wheat shipments",
        "an AU-brokered deal to allow the shipment of durum wheat",
    ],
)
def test_a_deal_to_resume_a_trade_is_the_sides_agreement_on_that_trade(
    pipeline,  # type: ignore[no-untyped-def]
    what: str,
) -> None:
    an = _run(pipeline, _TRADE_DEAL.format(what=what), day="2026-06-13")
    [deal] = an.agreements
    assert deal.name == "Eritrea–Ethiopia wheat export agreement"
    assert sorted(deal.parties) == ["ERI", "ETH"]
    assert [(s.status, s.date) for s in deal.statuses] == [("signed", "2026-06-12")]


@pytest.mark.model
@pytest.mark.parametrize(
    "what", ["a deal to resume talks on wheat prices", "a plan to resume wheat shipments"]
)
def test_a_deal_to_resume_talks_or_a_plan_to_trade_is_no_trade_agreement(
    pipeline,  # type: ignore[no-untyped-def]
    what: str,
) -> None:
    an = _run(pipeline, _TRADE_DEAL.format(what=what), day="2026-06-13")
    assert not any("export" in ag.name for ag in an.agreements)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        (
            "On Friday, Ethiopia and Eritrea separately signed the Assab Port Agreement in "
            "Nairobi with Kenya and the African Union.",
            ["KEN", "igo:au"],
        ),
        (
            "The Assab Port Agreement was signed by Ethiopia and Eritrea in the presence of the "
            "African Union in Nairobi on Friday.",
            ["igo:au"],
        ),
    ],
)
def test_those_both_sides_sign_with_or_before_are_third_parties(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    mediators: list[str],
) -> None:
    an = _run(pipeline, text, day="2026-06-13")
    [deal] = an.agreements
    assert sorted(deal.parties) == ["ERI", "ETH"]
    assert [sorted(t.mediators) for t in an.tracks] == [mediators]


@pytest.mark.model
def test_the_state_one_side_signs_with_is_the_other_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Friday, Ethiopia signed the Assab Port Agreement with Eritrea in Nairobi."
    an = _run(pipeline, text, day="2026-06-13")
    [deal] = an.agreements
    assert sorted(deal.parties) == ["ERI", "ETH"]
    assert [t.mediators for t in an.tracks] == [[]]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "Fiji and Tonga agreed on Wednesday to extend the Nuku Treaty of June 2, 2015.",
            ["2026-06-10"],
        ),
        ("Fiji and Tonga ratified the Nuku Treaty of June 2, 2015.", [None]),
    ],
)
def test_the_date_in_a_treatys_title_dates_no_step(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    dates: list[str | None],
) -> None:
    [treaty] = _run(pipeline, text, day="2026-06-13").agreements
    assert [s.date for s in treaty.statuses] == dates


@pytest.mark.model
@pytest.mark.parametrize(
    ("when", "then", "date"),
    [
        ("on March 4, 2026", "on the same day", "2026-03-04"),
        ("in March", "on the same day", None),  # no day to take
        ("on March 4, 2026", "later", None),
    ],
)
def test_a_step_on_the_same_day_takes_the_day_of_the_step_just_told(
    pipeline,  # type: ignore[no-untyped-def]
    when: str,
    then: str,
    date: str | None,
) -> None:
    text = (
        f"Fiji and Tonga signed the Nuku Treaty {when}. The Nuku Treaty entered into force {then}."
    )
    [treaty] = _run(pipeline, text, day="2026-06-13").agreements
    assert [s.date for s in treaty.statuses if s.status == "in force"] == [date]


@pytest.mark.model
def test_a_deadline_for_a_step_is_not_its_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fiji and Tonga agreed to have their teams work to complete the extension of the Nuku "
        "Treaty by July 5."
    )
    [treaty] = _run(pipeline, text, day="2026-06-13").agreements
    assert [s.date for s in treaty.statuses] == [None]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        (
            "A legislative package regarding the ratification of the Nuku Treaty by Fiji and "
            "Tonga was posted on the parliament website.",
            [],
        ),
        (
            "The parliaments of Fiji and Tonga completed the ratification of the Nuku Treaty.",
            ["ratified"],
        ),
    ],
)
def test_a_bill_about_a_ratification_is_no_ratification(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    statuses: list[str],
) -> None:
    [treaty] = _run(pipeline, text, day="2026-06-13").agreements
    assert [s.status for s in treaty.statuses] == statuses


@pytest.mark.model
def test_a_protocol_the_sides_sign_is_their_protocol(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fiji and Tonga have signed a joint protocol on demarcation of their sea border. The "
        "delegations met in Suva, after which Fiji's foreign minister and Tonga's prime "
        "minister signed the joint protocol."
    )
    [protocol] = _run(pipeline, text, day="2026-06-13").agreements
    assert protocol.name == "Fiji–Tonga protocol"
    assert sorted(protocol.parties) == ["FJI", "TON"]
    assert "signed" in [s.status for s in protocol.statuses]


@pytest.mark.model
def test_a_protocol_of_manners_is_no_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Fiji and Tonga broke the protocol of the summit in Suva on Friday."
    assert _run(pipeline, text, day="2026-06-13").agreements == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("act", "statuses"),
    [
        ("exchanged instruments of ratification of", ["ratified"]),
        ("signed the law on the instruments of ratification of", []),
    ],
)
def test_exchanging_instruments_of_ratification_of_a_titled_treaty_ratifies_it(
    pipeline,  # type: ignore[no-untyped-def]
    act: str,
    statuses: list[str],
) -> None:
    text = (
        f"The two presidents {act} the Treaty between Fiji and Tonga on certain sections of "
        "the Fiji-Tonga maritime border."
    )
    [treaty] = _run(pipeline, text, day="2026-06-13").agreements
    assert treaty.name == "Fiji–Tonga border treaty"
    assert [s.status for s in treaty.statuses] == statuses


@pytest.mark.model
def test_a_sentence_adverb_before_the_treaty_is_no_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fiji and Tonga signed the Nuku Treaty on March 4, 2026. Thus the Treaty will remain in "
        "effect until May 5, 2031."
    )
    assert [ag.name for ag in _run(pipeline, text, day="2026-06-13").agreements] == ["Nuku Treaty"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "steps"),
    [
        (
            "Fiji and Tonga signed the Nuku Treaty on March 4, 2026. The Nuku Treaty will remain "
            "in effect exactly as it had been signed, without amendments, until May 5, 2031.",
            [("signed", "2026-03-04")],
        ),
        (
            "As Fiji and Tonga signed the Nuku Treaty on March 4, 2026, crowds gathered outside.",
            [("signed", "2026-03-04")],
        ),
    ],
)
def test_a_treaty_kept_as_it_was_signed_is_signed_only_once(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    steps: list[tuple[str, str]],
) -> None:
    [treaty] = _run(pipeline, text, day="2026-06-13").agreements
    assert [(s.status, s.date) for s in treaty.statuses] == steps


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "steps"),
    [
        (
            "Fiji and Tonga signed the Nuku Treaty in Suva, which will allow them to begin "
            "negotiating a new draft agreement on the sea border.",
            ["signed"],
        ),
        ("Fiji and Tonga said the Nuku Treaty is still a draft agreement.", ["under negotiation"]),
    ],
)
def test_a_new_draft_agreement_a_treaty_leads_to_is_another_document(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    steps: list[str],
) -> None:
    [treaty] = _run(pipeline, text, day="2026-06-13").agreements
    assert [s.status for s in treaty.statuses] == steps


@pytest.mark.model
@pytest.mark.parametrize(
    ("then", "steps"),
    [
        (
            "In addition to the Nuku Treaty, the Agreement on joint management of water "
            "resources of the Lolo reservoir was previously signed.",
            [("ratified", "2025")],
        ),
        ("The agreement was signed in Suva in 2024.", [("ratified", "2025"), ("signed", "2024")]),
    ],
)
def test_the_agreement_on_a_subject_is_another_document_not_a_reference_back(
    pipeline,  # type: ignore[no-untyped-def]
    then: str,
    steps: list[tuple[str, str]],
) -> None:
    text = f"Fiji and Tonga ratified the Nuku Treaty last year. {then}"
    [treaty] = _run(pipeline, text, day="2026-06-13").agreements
    assert [(s.status, s.date) for s in treaty.statuses] == steps


@pytest.mark.model
@pytest.mark.parametrize(
    ("then", "steps"),
    [
        (
            "is valid for 120 days and may be automatically renewed without further talks",
            ["signed"],
        ),
        ("will be renewed next month", ["signed", "extended (expected)"]),
    ],
)
def test_a_renewal_the_text_permits_is_no_step(
    pipeline,  # type: ignore[no-untyped-def]
    then: str,
    steps: list[str],
) -> None:
    text = f"Fiji and Tonga signed the Nuku Treaty on Friday. The treaty {then}."
    [treaty] = _run(pipeline, text, day="2026-06-13").agreements
    assert [s.status for s in treaty.statuses] == steps


# -- round 12 (nego12): steps not taken, an armed movement, a side hosting its own talks ----

_NUKU = "Fiji and Tonga signed the Nuku Treaty in 2019. {then}"


@pytest.mark.model
@pytest.mark.parametrize(
    ("then", "steps"),
    [
        # a chance to take a step, or a failure to take it, is no step
        ("Over the past year, Tonga had a last chance to honour the Nuku Treaty but failed.", []),
        ("Fiji may walk away next year if Tonga fails to comply with the Nuku Treaty.", []),
        ("Tonga refused to ratify the Nuku Treaty last week.", []),
        # the step itself still is one
        ("Over the past year, Tonga continued to honour the Nuku Treaty.", ["observed informally"]),
        ("Tonga ratified the Nuku Treaty last week.", ["ratified"]),
    ],
)
def test_a_chance_or_a_failure_to_take_a_step_is_no_step(
    pipeline,  # type: ignore[no-untyped-def]
    then: str,
    steps: list[str],
) -> None:
    [treaty] = _run(pipeline, _NUKU.format(then=then), day="2026-06-13").agreements
    assert [s.status for s in treaty.statuses] == ["signed", *steps]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "tracks"),
    [
        (
            "Negotiators for Jakarta and the Free Aceh Movement opened a third round of talks in "
            "Vantaa on Tuesday, the Finnish organisers said.",
            [["IDN", "group:gam"]],
        ),
        (
            "GAM and the Indonesian government resumed peace talks on Tuesday.",
            [["IDN", "group:gam"]],
        ),
        # the movement named with no talks makes no track
        ("The Free Aceh Movement accused Jakarta of new raids in Pidie on Tuesday.", []),
    ],
)
def test_the_aceh_movement_is_a_side_of_its_talks(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    tracks: list[list[str]],
) -> None:
    an = _run(pipeline, text, day="2005-04-14")
    assert _sides(an) == tracks


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        # a capital hosting talks its own state sits at is a side's, not a mediator's
        (
            "Nairobi hosted talks between delegations from Kenya, Somalia and Ethiopia on their "
            "shared border on Sunday.",
            [],
        ),
        (
            "Nairobi hosted talks between delegations from Somalia and Ethiopia on their shared "
            "border on Sunday.",
            ["KEN"],
        ),
    ],
)
def test_a_side_hosting_its_own_talks_is_no_mediator(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    mediators: list[str],
) -> None:
    an = _run(pipeline, text, day="2026-06-13")
    assert sorted({m for t in an.tracks for m in t.mediators}) == mediators


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "parties", "mediators"),
    [
        # the EU negotiates its own fisheries and trade agreements: a side
        (
            "Norway and the EU opened a first round of talks on a new fisheries protocol in Oslo "
            "on Monday.",
            ["NOR", "igo:eu"],
            [],
        ),
        # where it mediates, it is a mediator and no side
        (
            "EU-mediated talks between Armenia and Azerbaijan resumed in Brussels on Monday.",
            ["ARM", "AZE"],
            ["igo:eu"],
        ),
    ],
)
def test_the_eu_is_a_side_of_its_own_talks_and_a_mediator_of_others(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    parties: list[str],
    mediators: list[str],
) -> None:
    [track] = _run(pipeline, text, day="2026-06-10").tracks
    assert sorted(track.parties) == parties
    assert [m for m in track.mediators if m.startswith("igo:")] == mediators


# -- round 13 (nego14): sides by their adjectives, thanked helpers, deals framing a release ---


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "tracks"),
    [
        # two national adjectives joined before the armies are the two sides
        (
            "The corps commanders of the Indonesian and Malaysian armies will meet at Tawau at "
            "10am on Saturday. This will be the fourth round of commander-level talks between "
            "the two sides.",
            [["IDN", "MYS"]],
        ),
        # one adjective names no pair; two adjectives with no talks or meeting make no track
        (
            "The corps commanders of the Indonesian army will meet at Tawau at 10am on "
            "Saturday. This will be the fourth round of commander-level talks between the two "
            "sides.",
            [],
        ),
        (
            "The Indonesian and Malaysian armies staged a joint parade in Tawau on Saturday.",
            [],
        ),
    ],
)
def test_sides_told_by_joined_national_adjectives_make_a_track(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    tracks: list[list[str]],
) -> None:
    an = _run(pipeline, text, day="2026-06-13")
    assert _sides(an) == tracks


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        # those a side thanks for helping negotiate the deal stood between the sides
        (
            "Bolivia thanked Peru and Chile for helping negotiate the agreement with Ecuador. "
            "The talks were held in secret.",
            ["CHL", "PER"],
        ),
        # the go-betweens the talks went through
        (
            "Bolivia and Ecuador reached an agreement on Monday. The talks were conducted via "
            "interlocutors such as Peru and Chile.",
            ["CHL", "PER"],
        ),
        # thanks for support, or a side's counterpart called its interlocutor, mediate nothing
        (
            "Bolivia and Ecuador reached an agreement on Monday. Bolivia thanked Peru and Chile "
            "for their support in the talks.",
            [],
        ),
        (
            "Bolivia and Ecuador reached an agreement on Monday after talks. The Bolivian "
            "minister met his Ecuadorian interlocutor in Quito.",
            [],
        ),
    ],
)
def test_thanked_helpers_and_go_betweens_are_mediators(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    mediators: list[str],
) -> None:
    an = _run(pipeline, text, day="2026-06-13")
    assert sorted({m for t in an.tracks for m in t.mediators}) == mediators


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "steps"),
    [
        # a past release the swap deal frames is the deal carried out
        (
            "A prisoner swap deal between Bolivia and Ecuador resulted in the release of four "
            "sailors on Monday.",
            [("implemented", "2026-06-08")],
        ),
        (
            "A prisoner swap deal between Bolivia and Ecuador has resulted in the release of "
            "four sailors.",
            [("implemented", "2026-06-13")],
        ),
        (
            "Four sailors were released on Monday as part of a prisoner swap deal between "
            "La Paz and Quito.",
            [("implemented", "2026-06-08")],
        ),
        # told undated, the release is news of the day it is reported
        (
            "Four sailors reached Lima after being released by Bolivian authorities as part of "
            "a prisoner swap deal between La Paz and Quito.",
            [("implemented", "2026-06-13")],
        ),
        # a release hoped for or to come is no step
        (
            "A prisoner swap deal between Bolivia and Ecuador could lead to the release of four "
            "sailors.",
            None,
        ),
        (
            "Four sailors will be released next week as part of a prisoner swap deal between "
            "Bolivia and Ecuador.",
            None,
        ),
    ],
)
def test_a_swap_deal_framing_a_release_is_the_deal_carried_out(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    steps: list[tuple[str, str]] | None,
) -> None:
    deals = [a for a in _run(pipeline, text, day="2026-06-13").agreements]
    if steps is None:
        assert deals == []
        return
    [deal] = deals
    assert sorted(deal.parties) == ["BOL", "ECU"]
    assert [(s.status, s.date) for s in deal.statuses] == steps


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "rounds"),
    [
        # "since …" tells when the dispute began: neither the round's day nor its venue
        (
            "Indonesia and Malaysia will hold the fourth round of talks since the dispute in "
            "Sabah began last year.",
            [(4, "planned", None, None)],
        ),
        (
            "Indonesia and Malaysia will hold the fourth round of talks in Tawau next month.",
            [(4, "planned", "Tawau", "2026-07")],
        ),
        # the day of the meeting planned in the sentence just before dates the round
        (
            "The corps commanders of the Indonesian and Malaysian armies will meet at Tawau at "
            "10am on Saturday, reports said. This will be the fourth round of commander-level "
            "talks between the two sides since the dispute in Sabah began last year.",
            [(4, "planned", None, "2026-06-13")],
        ),
    ],
)
def test_a_since_clause_does_not_date_a_round(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    rounds: list[tuple[int, str, str | None, str | None]],
) -> None:
    [track] = _run(pipeline, text, day="2026-06-11").tracks
    assert [(r.ordinal, r.status, r.venue, r.date) for r in track.rounds] == rounds
