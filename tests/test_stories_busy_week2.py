"""Stories on busy weeks of real coverage, round 2 (docs/review/negotiation.md, "Stories on a
busy week, round 2 (stories2)"), rewritten in our own words with other names, places and numbers.

On a week of fighting, three kinds of report joined every day's strikes into one story:
summaries of the campaign ("has launched more than 900 air raids since then", "the week-old
offensive"), reports naming one side whose side has the other role elsewhere ("Chile says it
struck nine sites" beside "Peru shot down Chilean drones"), and undated reports of force, each
dated by its publication day ±3, which meet the strikes of the days around. Each rule is tested
both ways: the pair that must stay apart, and the near neighbour that must still join.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from events_kit import events_of, one_event
from parley.models import Analysis, Article, Event, Span, Story, TimeExpression
from parley.resolve import cluster_stories

DAY = dt.date(2026, 5, 15)  # a Friday


def _undated(day: str) -> TimeExpression:
    """The date the pipeline gives a report with no date of its own: its writing day."""
    return TimeExpression(text="", start=0, end=0, value=day, precision="approximate")


def _on(day: str, words: str = "on Tuesday") -> TimeExpression:
    return TimeExpression(text=words, start=0, end=len(words), value=day, precision="day")


def _report(
    n: int,
    day: str,
    sentence: str,
    *,
    type_: str = "ASSAULT",
    source: list[str] | None = None,
    target: list[str] | None = None,
    date: TimeExpression | None = None,
    cumulative: bool = False,
) -> Analysis:
    """One article of outlet ``Outlet n`` published on ``day`` whose only event ``sentence``
    tells."""
    event = Event(
        type=type_,
        source=source or [],
        target=target or [],
        date=date or _undated(day),
        evidence=Span(start=0, end=len(sentence), text=sentence),
    )
    if cumulative:
        event = event.model_copy(update={"cumulative": True})
    article = Article(
        id=f"a{n}", text=sentence, outlet=f"Outlet {n}", published_at=dt.date.fromisoformat(day)
    )
    return Analysis(article=article, events=[event])


def _outlets(stories: list[Story]) -> list[list[str]]:
    return sorted(sorted(s.sources) for s in stories)


# -- summaries of a campaign ------------------------------------------------------------------


def test_a_summary_of_the_campaign_is_no_report_of_the_days_strike() -> None:
    stories = cluster_stories(
        [
            _report(
                1,
                "2026-03-10",
                "The army says it has carried out more than 900 air raids since then.",
                source=["CHL"],
                target=["PER"],
                cumulative=True,
            ),
            _report(2, "2026-03-10", "Chilean jets bombed Tacna.", source=["CHL"], target=["PER"]),
        ]
    )
    assert _outlets(stories) == [["Outlet 1"], ["Outlet 2"]]


def test_two_reports_of_the_days_strike_are_still_one_story() -> None:
    stories = cluster_stories(
        [
            _report(1, "2026-03-10", "Chilean jets struck Tacna.", source=["CHL"], target=["PER"]),
            _report(2, "2026-03-10", "Chilean jets bombed Tacna.", source=["CHL"], target=["PER"]),
        ]
    )
    assert _outlets(stories) == [["Outlet 1", "Outlet 2"]]


# -- a report naming one side keeps that side's role ------------------------------------------


def test_a_side_that_strikes_is_no_report_of_its_drones_shot_down() -> None:
    stories = cluster_stories(
        [
            _report(1, "2026-03-10", "Chile says it struck nine sites.", source=["CHL"]),
            _report(
                2,
                "2026-03-10",
                "Peru's air defences shot down a Chilean drone.",
                source=["PER"],
                target=["CHL"],
            ),
        ]
    )
    assert _outlets(stories) == [["Outlet 1"], ["Outlet 2"]]


def test_a_side_that_strikes_is_the_strike_another_outlet_tells_with_its_target() -> None:
    stories = cluster_stories(
        [
            _report(1, "2026-03-10", "Chile says it struck nine sites.", source=["CHL"]),
            _report(
                2,
                "2026-03-10",
                "Chilean missile strikes on targets in Peru killed 12 people.",
                source=["CHL"],
                target=["PER"],
            ),
        ]
    )
    assert _outlets(stories) == [["Outlet 1", "Outlet 2"]]


def test_rockets_fired_into_a_state_are_no_report_of_its_own_shelling() -> None:
    stories = cluster_stories(
        [
            _report(1, "2026-03-10", "More than 60 rockets were fired into Chile.", target=["CHL"]),
            _report(2, "2026-03-10", "Chile shelled the border posts.", source=["CHL"]),
        ]
    )
    assert _outlets(stories) == [["Outlet 1"], ["Outlet 2"]]


def test_a_meeting_told_from_either_side_is_still_one_meeting() -> None:
    stories = cluster_stories(
        [
            _report(
                1,
                "2026-03-10",
                "The envoy met Chile's foreign minister.",
                type_="CONSULT",
                source=["person:envoy"],
                target=["CHL"],
            ),
            _report(
                2,
                "2026-03-10",
                "Chile's foreign minister met the envoy.",
                type_="CONSULT",
                source=["CHL"],
            ),
        ]
    )
    assert _outlets(stories) == [["Outlet 1", "Outlet 2"]]


# -- undated reports of force are news of their own day ---------------------------------------


def test_undated_strikes_reported_on_consecutive_days_are_two_stories() -> None:
    stories = cluster_stories(
        [
            _report(1, "2026-03-10", "Chilean jets bombed Tacna.", source=["CHL"], target=["PER"]),
            _report(2, "2026-03-11", "Chilean jets bombed Tacna.", source=["CHL"], target=["PER"]),
        ]
    )
    assert _outlets(stories) == [["Outlet 1"], ["Outlet 2"]]


def test_an_undated_strike_is_no_report_of_a_strike_dated_after_it_was_written() -> None:
    stories = cluster_stories(
        [
            _report(1, "2026-03-10", "Chilean jets bombed Tacna.", source=["CHL"], target=["PER"]),
            _report(
                2,
                "2026-03-12",
                "Chilean jets bombed Tacna on Wednesday.",
                source=["CHL"],
                target=["PER"],
                date=_on("2026-03-11", "on Wednesday"),
            ),
        ]
    )
    assert _outlets(stories) == [["Outlet 1"], ["Outlet 2"]]


def test_an_undated_strike_is_the_one_another_outlet_dates_to_the_day_before() -> None:
    stories = cluster_stories(
        [
            _report(
                1,
                "2026-03-10",
                "Chilean jets bombed Tacna on Monday.",
                source=["CHL"],
                target=["PER"],
                date=_on("2026-03-09", "on Monday"),
            ),
            _report(2, "2026-03-10", "Chilean jets bombed Tacna.", source=["CHL"], target=["PER"]),
        ]
    )
    assert _outlets(stories) == [["Outlet 1", "Outlet 2"]]


def test_undated_talks_reported_two_days_apart_are_still_one_story() -> None:
    stories = cluster_stories(
        [
            _report(
                1,
                "2026-03-10",
                "Chile and Peru held talks in Quito.",
                type_="CONSULT",
                source=["CHL", "PER"],
                target=["PER", "CHL"],
            ),
            _report(
                2,
                "2026-03-12",
                "Chilean and Peruvian envoys met in Quito.",
                type_="CONSULT",
                source=["CHL", "PER"],
                target=["PER", "CHL"],
            ),
        ]
    )
    assert _outlets(stories) == [["Outlet 1", "Outlet 2"]]


# -- a strike dated only by its month is one of the month's many ------------------------------


def test_a_strike_dated_only_by_its_month_is_no_report_of_one_days_strike() -> None:
    month = TimeExpression(text="this March", start=0, end=10, value="2026-03", precision="month")
    stories = cluster_stories(
        [
            _report(
                1, "2026-03-12", "Chile struck Peru twice this March.", source=["CHL"], date=month
            ),
            _report(
                2,
                "2026-03-12",
                "Chilean jets bombed Tacna on Tuesday.",
                source=["CHL"],
                target=["PER"],
                date=_on("2026-03-10"),
            ),
        ]
    )
    assert _outlets(stories) == [["Outlet 1"], ["Outlet 2"]]


def test_a_plan_dated_by_its_month_still_meets_its_report() -> None:
    month = TimeExpression(text="in March", start=0, end=8, value="2026-03", precision="month")
    stories = cluster_stories(
        [
            _report(
                1,
                "2026-03-02",
                "Chile and Peru will hold talks in March.",
                type_="CONSULT",
                source=["CHL", "PER"],
                target=["PER", "CHL"],
                date=month,
            ),
            _report(
                2,
                "2026-03-12",
                "Chile and Peru held talks in Quito on Tuesday.",
                type_="CONSULT",
                source=["CHL", "PER"],
                target=["PER", "CHL"],
                date=_on("2026-03-10"),
            ),
        ]
    )
    assert _outlets(stories) == [["Outlet 1", "Outlet 2"]]


# -- the event layer: summaries marked, one-sided reports with their roles, a day from the text


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The army says Chile has carried out more than 900 air raids since then, while the "
        "rebels have fired nearly 600 mortar rounds.",
        "An official said Chile's week-old offensive in the valley had to end.",
        "Chile's offensive has killed more than 300 Peruvians, officials said.",
        "Chile has carried out 300 raids on the valley so far.",
    ],
)
def test_a_summary_of_many_acts_is_marked_cumulative(pipeline: Any, text: str) -> None:
    found = events_of(pipeline, text, "ASSAULT", published=DAY)
    assert found and all(e.cumulative for e in found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chilean jets carried out 40 air raids on the valley on Tuesday.",
        "Chile launched an offensive in the valley on Monday.",
        "Chilean jets have killed 12 Peruvians in Tacna, officials said.",
    ],
)
def test_one_act_of_one_day_is_not_cumulative(pipeline: Any, text: str) -> None:
    found = events_of(pipeline, text, "ASSAULT", published=DAY)
    assert found and not any(e.cumulative for e in found)


@pytest.mark.model
def test_two_days_of_talks_are_one_session_not_a_summary(pipeline: Any) -> None:
    [talks] = events_of(
        pipeline, "Chile and Peru held two days of talks in Quito.", "CONSULT", published=DAY
    )
    assert not talks.cumulative


@pytest.mark.model
def test_rockets_fired_into_a_state_make_it_the_target_not_the_attacker(pipeline: Any) -> None:
    text = (
        "Though more than 60 rockets were fired into Chile today, and damage reported, no "
        "Chileans have died since the fighting began."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == [] and event.target == ["CHL"]


@pytest.mark.model
def test_the_subject_of_a_main_clause_still_does_its_own_clauses_act(pipeline: Any) -> None:
    text = "Chile shelled the border posts after its patrol was ambushed."
    shelling = [
        e
        for e in events_of(pipeline, text, "ASSAULT", published=DAY)
        if e.trigger and e.trigger.text == "shelled"
    ]
    assert [e.source for e in shelling] == [["CHL"]]


@pytest.mark.model
def test_missiles_on_villages_that_killed_are_the_missiles_sides_act(pipeline: Any) -> None:
    text = (
        "The drone incident follows Chilean missiles on Peruvian villages that killed 31 "
        "civilians a day earlier."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["CHL"]
    assert event.date is not None and event.date.value == "2026-05-14"


@pytest.mark.model
def test_villages_that_sheltered_rebels_are_no_attack_of_the_missiles(pipeline: Any) -> None:
    text = "Chilean missiles hit Peruvian villages that sheltered the rebels."
    found = events_of(pipeline, text, "ASSAULT", published=DAY)
    assert [e.source for e in found] == [["CHL"]]


@pytest.mark.model
def test_an_act_a_day_earlier_is_dated_the_day_before(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Peruvian guns shelled the port of Arica two days earlier.",
        "ASSAULT",
        published=DAY,
    )
    assert event.date is not None and event.date.value == "2026-05-13"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chile closed the crossing within a week of the Peruvian attack on the border post.",
        "After a day of Peruvian shelling, Chile closed the crossing.",
    ],
)
def test_one_act_measured_by_a_span_is_not_cumulative(pipeline: Any, text: str) -> None:
    found = events_of(pipeline, text, "ASSAULT", published=DAY)
    assert found and not any(e.cumulative for e in found)


@pytest.mark.model
def test_weeks_of_shelling_are_cumulative(pipeline: Any) -> None:
    text = "After three weeks of Peruvian shelling, Chile closed the crossing."
    found = events_of(pipeline, text, "ASSAULT", published=DAY)
    assert found and all(e.cumulative for e in found)
