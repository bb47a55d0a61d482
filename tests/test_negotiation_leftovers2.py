"""Left-over negotiation constructions of the review, second batch (nego18, issue 13).

Co-mediators named through their ambassadors, a side hosting a session of its own talks, a
commanders' meeting set for a day, a state leading the mediation or sending an envoy to the
peace talks, a truce "effective from midnight" or "executed", channels that "will be
re-established", pacts named day first or by their year, and a planned signing told apart
from the signing of another document. The constructions come from docs/review/negotiation.md
(round 14 "Left:", "Left after nego16"), rewritten in our own words with other names, places
and numbers; each is tested both ways.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import Analysis, RawDocument
from parley.resolve import cluster_stories


def _run(pipeline, text: str, day: str = "2011-08-02", outlet: str | None = None) -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(
        source=f"{outlet or 't'}.txt",
        text=text,
        published_at=dt.date.fromisoformat(day),
        outlet=outlet,
    )
    return pipeline.run(raw)


def _sides(an: Analysis) -> list[list[str]]:
    return [sorted(t.parties) for t in an.tracks]


def _mediators(an: Analysis) -> list[str]:
    return sorted({m for t in an.tracks for m in t.mediators})


def _steps(an: Analysis) -> list[tuple[str, list[str], list[tuple[str, str | None]]]]:
    return [(a.name, a.parties, [(s.status, s.date) for s in a.statuses]) for a in an.agreements]


_TALKS = "Peru and Ecuador opened ceasefire talks in Brasilia on Monday, hosted by Brazil. "


# -- 1. co-mediators named through their ambassadors -------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        # two envoys, each titled by their state, "taking part as co-facilitators"
        (
            _TALKS + "Also attending the talks were British Ambassador to Brazil Alan Pryce and "
            "French Ambassador to Brazil Claire Dumont, who are taking part as co-facilitators.",
            ["BRA", "FRA", "GBR"],
        ),
        # the same envoys attending, with no role in the talks
        (
            _TALKS + "Also attending the talks were British Ambassador to Brazil Alan Pryce and "
            "French Ambassador to Brazil Claire Dumont.",
            ["BRA"],
        ),
        # "the British and French ambassadors to Brazil, who served as co-mediators": the who
        # is the ambassadors', never Brazil's
        (
            _TALKS + "The talks were also attended by the British and French ambassadors to "
            "Brazil, who served as co-mediators.",
            ["BRA", "FRA", "GBR"],
        ),
        (
            _TALKS + "The talks were also attended by the British and French ambassadors to "
            "Brazil, who served as observers.",
            ["BRA"],
        ),
    ],
)
def test_co_mediators_named_through_their_ambassadors(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    mediators: list[str],
) -> None:
    an = _run(pipeline, text)
    assert _sides(an) == [["ECU", "PER"]]
    assert _mediators(an) == mediators


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        # the bloc the host chairs is told of the host; it hosts nothing
        (
            "Peru and Ecuador opened ceasefire talks in Lima on Monday, hosted by Brazil, "
            "which currently chairs the OAS.",
            ["BRA"],
        ),
        (
            "Peru and Ecuador opened ceasefire talks in Lima on Monday, hosted by Brazil and "
            "the OAS.",
            ["BRA", "igo:oas"],
        ),
    ],
)
def test_what_a_relative_clause_tells_of_the_host_hosts_nothing(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    mediators: list[str],
) -> None:
    assert _mediators(_run(pipeline, text)) == mediators


# -- 2. a side hosting a session of its own talks; a commanders' meeting set for a day --------

_AGREED = "Peru and Ecuador agreed on Monday to a ceasefire at talks hosted by Brazil. "


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mediators"),
    [
        # one of the sides hosts a session of its own talks: a venue, no mediation
        (_AGREED + "Ecuador will host a Joint Border Commission session on August 9.", ["BRA"]),
        # a third state hosting the session hosts the talks
        (
            _AGREED + "Chile will host a Joint Border Commission session on August 9.",
            ["BRA", "CHL"],
        ),
    ],
)
def test_a_side_hosting_a_session_of_its_own_talks_is_no_mediator(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    mediators: list[str],
) -> None:
    an = _run(pipeline, text)
    assert _sides(an) == [["ECU", "PER"]]
    assert _mediators(an) == mediators


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "planned"),
    [
        (_AGREED + "A regional commanders' meeting is set for August 5.", ["2011-08-05"]),
        (
            _AGREED + "Further informal talks are scheduled for Friday, August 5, between "
            "commanders from Peru's Northern Army and Ecuador's Fourth Division.",
            ["2011-08-05"],
        ),
        # a parade of the commanders is no meeting of the sides
        (_AGREED + "A regional commanders' parade is set for August 5.", []),
    ],
)
def test_a_commanders_meeting_set_for_a_day_is_a_planned_round(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    planned: list[str],
) -> None:
    an = _run(pipeline, text)
    [track] = an.tracks
    assert [r.date for r in track.rounds if r.status == "planned"] == planned


# -- 3. a state leading the mediation, or sending an envoy to the peace talks ----------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "day", "mediators"),
    [
        (
            "The Colombian government and the ELN signed a peace accord in Caracas on Sunday. "
            "Venezuelan President Tomas Arreaza, whose country spearheaded mediation efforts, "
            "attended the ceremony.",
            "2006-03-13",
            ["VEN"],
        ),
        (
            "The Colombian government and the ELN signed a peace accord in Caracas on Sunday. "
            "Venezuelan President Tomas Arreaza, whose country spearheaded the relief effort, "
            "attended the ceremony.",
            "2006-03-13",
            [],
        ),
        (
            "The Colombian government and the ELN will sign a peace accord on March 12, Ana "
            "Ruiz, Venezuelan special envoy to the Colombia peace talks, told reporters on Monday.",
            "2006-03-06",
            ["VEN"],
        ),
        # a side's own envoy to the talks it holds with the other side mediates nothing
        (
            "The Colombian government and the ELN will sign a peace accord on March 12, Ana "
            "Ruiz, Colombia's special envoy to the peace talks with the ELN, told reporters on "
            "Monday.",
            "2006-03-06",
            [],
        ),
        # an envoy to the United Nations is no envoy to the talks
        (
            "The Colombian government and the ELN will sign a peace accord on March 12, Ana "
            "Ruiz, Venezuelan special envoy to the United Nations, told reporters on Monday.",
            "2006-03-06",
            [],
        ),
    ],
)
def test_a_state_leading_the_mediation_or_sending_an_envoy_to_the_talks_mediates(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    day: str,
    mediators: list[str],
) -> None:
    an = _run(pipeline, text, day=day)
    assert _mediators(an) == mediators
    assert all(m not in t.parties for t in an.tracks for m in mediators)


# -- 4. agreement steps: a truce in force, a channel still to be restored --------------------


def _truce_steps(an: Analysis) -> list[tuple[str, str | None]]:
    return [(s.status, s.date) for a in an.agreements if a.kind == "ceasefire" for s in a.statuses]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "in_force"),
    [
        (
            _AGREED + "The agreement includes an unconditional ceasefire effective from "
            "midnight on August 2.",
            [("in force", "2011-08-02")],
        ),
        (
            "Peru and Ecuador executed an immediate and unconditional ceasefire on Tuesday at "
            "talks hosted by Brazil.",
            [("in force", "2011-08-02")],
        ),
        # a truce only called for has not taken effect; an execution is no truce's start
        (
            "Peru called on Tuesday for a ceasefire effective from midnight on August 2. "
            "Ecuador has not replied to the proposal.",
            [],
        ),
        (
            "Peru and Ecuador agreed on Monday to a ceasefire. Peru executed two deserters on "
            "Tuesday, despite the ceasefire.",
            [],
        ),
    ],
)
def test_a_truce_effective_from_a_day_or_executed_is_in_force(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    in_force: list[tuple[str, str | None]],
) -> None:
    steps = _truce_steps(_run(pipeline, text))
    assert [s for s in steps if s[0].startswith("in force")] == in_force


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "day", "signed"),
    [
        # "on Friday" in a report of early January is the last days of the year before: the
        # protocol signed then is this week's news, however long the sentence
        (
            "The Colombian government and the ELN on Friday signed the agreement on permanent "
            "ceasefire and the implementation modalities of the final peace deal, the final two "
            "protocols of the comprehensive peace deal.",
            "2007-01-02",
            [("signed", "2006-12-29")],
        ),
        (
            "The Colombian government and the ELN signed the agreement on permanent ceasefire "
            "on Friday.",
            "2007-01-02",
            [("signed", "2006-12-29")],
        ),
        # a truce dated to a year the text writes is an earlier one
        (
            "The Colombian government and the ELN signed the agreement on permanent ceasefire "
            "in 2004.",
            "2007-01-02",
            [],
        ),
    ],
)
def test_a_truce_signed_days_before_the_new_year_is_the_news(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    day: str,
    signed: list[tuple[str, str | None]],
) -> None:
    assert _truce_steps(_run(pipeline, text, day=day)) == signed


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "attacks"),
    [
        # putting a truce in force attacks no one; executing people does
        ("Peru and Ecuador executed an immediate and unconditional ceasefire on Tuesday.", 0),
        ("Peru executed two deserters on Tuesday, despite the ceasefire.", 1),
    ],
)
def test_executing_a_ceasefire_is_no_attack(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    attacks: int,
) -> None:
    an = _run(pipeline, text)
    assert len([e for e in an.events if e.type == "ASSAULT"]) == attacks


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "steps"),
    [
        # a channel still to be restored is expected; one restored is resumed
        (
            _AGREED
            + "Direct communication channels between the defence ministers of Peru and Ecuador "
            "will be re-established immediately, the Brazilian president said.",
            ["resumed (expected)"],
        ),
        (
            _AGREED
            + "Direct communication channels between the defence ministers of Peru and Ecuador "
            "were re-established on Tuesday.",
            ["resumed"],
        ),
    ],
)
def test_a_channel_that_will_be_re_established_is_not_resumed_yet(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    steps: list[str],
) -> None:
    an = _run(pipeline, text)
    assert [s.status for a in an.agreements if a.kind == "channel" for s in a.statuses] == steps


# -- 5. pacts named day first or by their year; a planned signing of another document -------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "records"),
    [
        # the day first names the pact as the month first does
        (
            "Armenia said on Tuesday it had suspended the 12 March agreement with Azerbaijan "
            "on border crossings.",
            [("March 12 agreement", ["ARM", "AZE"], ["suspended"])],
        ),
        # a day that dates a signing names no pact
        (
            "Armenia and Azerbaijan signed the deal on 12 March in Yerevan, officials said on "
            "Tuesday.",
            [],
        ),
    ],
)
def test_a_pact_named_day_first(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    records: list[tuple[str, list[str], list[str]]],
) -> None:
    an = _run(pipeline, text, day="2024-06-04")
    found = [(a.name, a.parties, [s.status for s in a.statuses]) for a in an.agreements]
    assert [f for f in found if f[0].endswith("12 agreement")] == records


_DAY_PACT = (
    "Armenia has suspended the agreement of March 12, 2015 with Azerbaijan, the "
    "government said on Tuesday. "
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "ratified"),
    [
        # the pact told by its year is the pact of that year the article names by its day
        (
            _DAY_PACT + "The 2015 Armenian-Azerbaijani agreement was ratified by both "
            "parliaments in May 2015.",
            ["2015-05"],
        ),
        # a pact of another year is another pact
        (
            _DAY_PACT + "The 2009 Armenian-Azerbaijani agreement was ratified by both "
            "parliaments in May 2009.",
            [],
        ),
    ],
)
def test_a_pact_named_by_its_year_is_the_pact_of_its_day(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    ratified: list[str],
) -> None:
    an = _run(pipeline, text, day="2024-06-04")
    [pact] = [a for a in an.agreements if a.name == "March 12 agreement"]
    assert [s.date for s in pact.statuses if s.status == "ratified"] == ratified


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a capitalised name after the day describes the pact the day names
        (
            "Armenia has suspended the March 12 Border Crossings Agreement with Azerbaijan, the "
            "government said on Tuesday.",
            ["March 12 agreement"],
        ),
        (
            "Armenia has suspended the Border Crossings Agreement with Azerbaijan, the "
            "government said on Tuesday.",
            ["Border Crossings Agreement"],
        ),
    ],
)
def test_a_capitalised_name_after_the_day_is_the_pact_of_the_day(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    names: list[str],
) -> None:
    an = _run(pipeline, text, day="2024-06-04")
    assert sorted(a.name for a in an.agreements) == names


_SIGNED = "The Colombian government and the ELN signed a peace accord in Caracas on Sunday."


@pytest.mark.model
@pytest.mark.parametrize(
    ("planned", "stories"),
    [
        # the planned signing of the accord is the story of its signing
        (
            "The Colombian government and the ELN will sign a peace accord in Caracas on "
            "March 12, a mediator said on Monday.",
            1,
        ),
        # the planned signing of another document that day is not
        (
            "The Colombian government and the ELN will sign a joint protocol on prisoners in "
            "Caracas on March 12, a mediator said on Monday.",
            0,
        ),
    ],
)
def test_a_planned_signing_joins_the_signing_of_the_same_agreement(
    pipeline,  # type: ignore[no-untyped-def]
    planned: str,
    stories: int,
) -> None:
    one = _run(pipeline, planned, day="2006-03-06", outlet="first")
    two = _run(pipeline, _SIGNED, day="2006-03-13", outlet="second")
    assert len(cluster_stories([one, two], min_sources=2)) == stories


_HELD = "Peru and Ecuador held ceasefire talks in Brasilia on Tuesday, hosted by Brazil."


@pytest.mark.model
@pytest.mark.parametrize(
    ("plan", "day", "stories"),
    [
        # a plan told before the talks is their story
        (
            "Peru and Ecuador will hold ceasefire talks in Brasilia on Tuesday, hosted by Brazil.",
            "2011-08-01",
            1,
        ),
        # a meeting set for the next day, told after the talks were held, is another meeting
        (
            "Peru and Ecuador will hold further talks in Brasilia on Wednesday, hosted by Brazil.",
            "2011-08-02",
            0,
        ),
    ],
)
def test_a_plan_told_after_the_talks_for_a_later_day_is_another_meeting(
    pipeline,  # type: ignore[no-untyped-def]
    plan: str,
    day: str,
    stories: int,
) -> None:
    held = _run(pipeline, _HELD, day="2011-08-02", outlet="first")
    planned = _run(pipeline, plan, day=day, outlet="second")
    found = [s for s in cluster_stories([held, planned], min_sources=2) if s.type == "CONSULT"]
    assert len(found) == stories


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "steps"),
    [
        # abandoning or scrapping a pact is leaving it
        (
            "Armenia said on Tuesday it had abandoned the March 12 agreement with Azerbaijan.",
            ["withdrawn"],
        ),
        (
            "Armenia said on Tuesday it had scrapped the March 12 agreement with Azerbaijan.",
            ["withdrawn"],
        ),
        # abandoning hopes of saving it leaves the hopes
        (
            "Armenia said on Tuesday it had abandoned hopes of saving the March 12 agreement "
            "with Azerbaijan.",
            [],
        ),
    ],
)
def test_abandoning_a_pact_withdraws_from_it(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    steps: list[str],
) -> None:
    an = _run(pipeline, text, day="2024-06-04")
    [pact] = an.agreements
    assert [s.status for s in pact.statuses] == steps


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "step"),
    [
        # the state that tells of itself that "it is abandoning" the pact leaves it that day
        (
            "Armenia announced on Tuesday that it is abandoning the March 12 agreement with "
            "Azerbaijan.",
            [("withdrawn", "2024-06-04", "ARM")],
        ),
        # another state's report of it names no one who left, and no day
        (
            "Russia said on Tuesday that the March 12 agreement between Armenia and Azerbaijan "
            "was being abandoned.",
            [("withdrawn", None, None)],
        ),
    ],
)
def test_a_state_announcing_it_is_abandoning_a_pact_leaves_it_that_day(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    step: list[tuple[str, str | None, str | None]],
) -> None:
    an = _run(pipeline, text, day="2024-06-04")
    [pact] = an.agreements
    assert [(s.status, s.date, s.by) for s in pact.statuses] == step
