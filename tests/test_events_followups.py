"""Follow-ups of issue #11's third review round, each tested both ways, in our own words.

Mediators named only by nationality; an earlier event named by its month; a UN body's
statement told through "the council members" or "they"; the same talks mentioned again.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest

from events_kit import events_of, one_event

pytestmark = pytest.mark.model

WEDNESDAY = dt.date(2026, 5, 20)


_events = partial(events_of, published=WEDNESDAY)
_one = partial(one_event, published=WEDNESDAY)


# ---------------------------------------------------------------- mediators by nationality


def test_mediators_named_by_nationality_mediate_the_truce(pipeline: Any) -> None:
    text = "Brazilian and Argentine mediators brokered a truce between Bolivia and Paraguay."
    event = _one(pipeline, text, "AGREE")
    assert set(event.source) == {"BOL", "PRY"} and set(event.target) == {"BOL", "PRY"}
    assert set(event.mediator) == {"BRA", "ARG"}


def test_mediators_suspending_talks_are_no_party_to_them(pipeline: Any) -> None:
    text = (
        "Chilean, US and African mediators suspended talks between the Bolivian army and "
        "the rebels on Sunday."
    )
    found = _events(pipeline, text)
    assert found and all(not {"CHL", "USA"} & (set(e.source) | set(e.target)) for e in found)
    talks = _one(pipeline, text, "CONSULT")
    assert talks.source[0] == "BOL" and {"CHL", "USA"} <= set(talks.mediator)
    assert not _events(pipeline, text, "SANCTION")  # the mediators sanctioned no one


def test_mediators_meeting_one_side_leave_that_side_as_the_party(pipeline: Any) -> None:
    text = "Chilean and Peruvian mediators met the Bolivian delegation in Lima on Sunday."
    event = _one(pipeline, text, "CONSULT")
    assert event.source == ["BOL"] and set(event.mediator) == {"CHL", "PER"}


@pytest.mark.parametrize(
    "text",
    [
        "Chilean and Peruvian diplomats met the Bolivian delegation in Lima on Sunday.",
        "Chile and Peru met the Bolivian delegation in Lima on Sunday.",
    ],
)
def test_diplomats_and_states_meeting_are_parties(pipeline: Any, text: str) -> None:
    event = _one(pipeline, text, "CONSULT")
    assert set(event.source) == {"CHL", "PER"} and event.mediator == []


def test_a_proposal_of_the_mediators_own_stays_theirs(pipeline: Any) -> None:
    event = _one(pipeline, "The Swiss mediators floated a compromise on Sunday.", "AGREE")
    assert event.source and event.status == "proposed"


def test_states_listed_in_a_joint_mediation_are_not_the_two_parties(pipeline: Any) -> None:
    text = (
        "Talks between the Bolivian army and the rebels resumed in Lima. Although the joint "
        "mediation of the African Union, the United Kingdom and Norway has not officially "
        "announced the end of the negotiations, they remain deadlocked. On 3 May, the two "
        "parties reached an agreement on prisoners."
    )
    found = _events(pipeline, text)
    assert all(not {"GBR", "NOR"} & set(e.source) for e in found), found
    deal = _one(pipeline, text, "AGREE")
    assert set(deal.source) == {"BOL", "Rebels"}


def test_the_two_parties_after_talks_of_two_states_are_those_states(pipeline: Any) -> None:
    text = (
        "Chile and Peru held talks in Lima on Monday. "
        "On 3 May, the two parties reached an agreement on fishing."
    )
    assert set(_one(pipeline, text, "AGREE").source) == {"CHL", "PER"}


# ---------------------------------------------------------------- an event named by its month


@pytest.mark.parametrize(
    "text, month",
    [
        (
            "Chile and Peru exchanged prisoners on Sunday. "
            "The April exchange was the largest since the war.",
            "2026-04",
        ),
        ("The March talks between Chile and Peru ended without a deal.", "2026-03"),
    ],
)
def test_an_event_named_by_its_month_is_the_earlier_one(
    pipeline: Any, text: str, month: str
) -> None:
    recalled = [e for e in _events(pipeline, text) if e.date and e.date.value == month]
    assert recalled and all(e.status == "historical" for e in recalled), _events(pipeline, text)
    today = [e for e in _events(pipeline, text) if e.status != "historical"]
    assert all(e.date is None or e.date.value != month for e in today)


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru exchanged prisoners on Sunday. The exchange was the largest since the war.",
        "The talks between Chile and Peru ended without a deal on Sunday.",
    ],
)
def test_an_event_without_a_month_name_stays_news(pipeline: Any, text: str) -> None:
    found = _events(pipeline, text)
    assert found and all(e.status == "occurred" for e in found), found


# ---------------------------------------------------------------- a council's statement


@pytest.mark.parametrize(
    "follow_up",
    [
        "The council members called on Bolivia to investigate the killings.",
        "The members of the Security Council urged the Bolivian government to investigate.",
        "They urged the Bolivian government to investigate the killings.",
    ],
)
def test_the_council_named_again_is_the_source_of_its_requests(
    pipeline: Any, follow_up: str
) -> None:
    text = f"The UN Security Council met on Monday to discuss the border. {follow_up}"
    event = _one(pipeline, text, "REQUEST")
    assert event.source == ["igo:unsc"] and event.target == ["BOL"]


def test_the_council_named_short_in_between_is_still_the_council(pipeline: Any) -> None:
    text = (
        "The UN Security Council on Monday condemned a raid on a border post. "
        "In a statement, the members of the Security Council sent condolences to the "
        "families. The council members called on the government of Bolivia to investigate."
    )
    assert _one(pipeline, text, "REQUEST").source == ["igo:unsc"]


def test_they_after_a_group_of_people_is_not_the_council(pipeline: Any) -> None:
    text = (
        "The UN Security Council condemned the attack by the rebels on Sunday. "
        "They killed three guards."
    )
    assert all("igo:unsc" not in e.source for e in _events(pipeline, text, "ASSAULT"))


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru met on Sunday. The council members called on Bolivia to investigate.",
        "Chile and Peru met on Sunday. They urged Bolivia to investigate the killings.",
    ],
)
def test_without_a_council_named_before_no_council_acts(pipeline: Any, text: str) -> None:
    assert all("igo:unsc" not in e.source for e in _events(pipeline, text))


# ---------------------------------------------------------------- the same talks again

_TALKS = "Talks between the Bolivian army and the rebels will start in Lima on Saturday. "


@pytest.mark.parametrize(
    "follow_up",
    [
        "The Bolivian army said its delegation had left for Lima to attend the talks.",
        "Argentine officials are expected to manage those talks.",
        "A Bolivian delegation travelled to Lima on Friday to take part in the talks.",
    ],
)
def test_a_second_mention_of_the_same_talks_is_no_new_event(pipeline: Any, follow_up: str) -> None:
    text = _TALKS + follow_up
    talks = _one(pipeline, text, "CONSULT")
    assert set(talks.source) == {"BOL", "Rebels"} and talks.status == "planned"


def test_a_sides_trip_to_the_told_talks_is_no_new_event(pipeline: Any) -> None:
    text = (
        _TALKS + "The Bolivian army said its delegation left for Lima on Friday evening to "
        "discuss the details of a truce."
    )
    talks = _one(pipeline, text, "CONSULT")
    assert set(talks.source) == {"BOL", "Rebels"}


@pytest.mark.parametrize(
    "text",
    [
        _TALKS + "A Chilean delegation flew to Lima on Friday to discuss trade.",
        "The Chilean foreign minister flew to Lima on Friday to discuss trade.",
    ],
)
def test_a_trip_of_someone_else_to_talk_is_a_consultation(pipeline: Any, text: str) -> None:
    assert any(e.source == ["CHL"] for e in _events(pipeline, text, "CONSULT"))


@pytest.mark.parametrize(
    "follow_up",
    [
        "Chile will host a new round of talks in June.",
        "The army and the rebels held the talks in Quito in June.",
    ],
)
def test_a_new_round_or_talks_dated_apart_are_a_second_event(pipeline: Any, follow_up: str) -> None:
    text = _TALKS + follow_up
    assert len(_events(pipeline, text, "CONSULT")) == 2, _events(pipeline, text)


def test_starting_talks_is_one_event_with_the_talks(pipeline: Any) -> None:
    text = (
        "Chile and Peru said on Saturday that the Bolivian army and the rebels would "
        "start talks in Lima."
    )
    talks = _one(pipeline, text, "CONSULT")
    assert set(talks.source) == {"BOL", "Rebels"} and set(talks.target) == {"BOL", "Rebels"}


def test_a_verb_by_another_side_on_the_talks_stays_its_own_event(pipeline: Any) -> None:
    text = "Kenya convened a summit with Uganda on Monday."
    assert any("KEN" in e.source for e in _events(pipeline, text, "CONSULT"))
