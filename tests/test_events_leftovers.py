"""The left-over event classes of earlier rounds (issue 11; events18).

Each construction is written in our own words, with other names, places and numbers than the
reporting it stands for, and tested both ways: the record when the text reports it, none (or
no invented actor) when it does not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from events_kit import events_of, one_event

DAY = dt.date(2025, 9, 9)


def _occurred(pipeline: Any, text: str, event_type: str) -> list[Any]:
    return [
        e for e in events_of(pipeline, text, event_type, published=DAY) if e.status == "occurred"
    ]


# ------------------------------------------- 1. patients no one can code, sector actors


def test_released_detainees_take_the_country_of_the_sentence_place(pipeline: Any) -> None:
    """ "Twelve detainees were released": kept by their words, placed by the sentence."""
    event = one_event(
        pipeline,
        "Fourteen detainees were released from a jail in Aleppo on Tuesday.",
        "RETREAT",
        published=DAY,
    )
    assert event.mode == "release"
    assert event.source == []  # the holder is not named: none invented
    assert event.target == ["Detainees"]
    assert event.countries == {"Detainees": "SYR"}


def test_released_detainees_take_the_dateline_country(pipeline: Any) -> None:
    """A dateline whose town the gazetteer lacks is placed by its country ("TOWN, Country -")."""
    event = one_event(
        pipeline,
        "ZARANJ, Afghanistan (Reuters) - Nine detainees were released on Sunday.",
        "RETREAT",
        published=DAY,
    )
    assert event.countries == {"Detainees": "AFG"}


def test_released_detainees_with_no_place_are_no_event(pipeline: Any) -> None:
    """Nothing tells whose detainees they are: an analyst cannot code it; no state invented."""
    assert not events_of(pipeline, "Fourteen detainees were released on Tuesday.", published=DAY)


def test_soldiers_killed_in_an_ambush_are_the_target_of_an_unknown_attacker(
    pipeline: Any,
) -> None:
    event = one_event(
        pipeline,
        "Four soldiers were killed in an ambush in the east of Niger.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == []
    assert event.target == ["Soldiers"]
    assert event.countries == {"Soldiers": "NER"}


def test_soldiers_killed_in_a_road_accident_are_no_event(pipeline: Any) -> None:
    assert not events_of(
        pipeline, "Four soldiers were killed in a road accident in Niger.", published=DAY
    )


def test_victims_are_not_placed_when_the_sentence_names_two_countries(pipeline: Any) -> None:
    """ "jails in Mali and Niger": two countries, so none is the detainees' (no event)."""
    assert not events_of(
        pipeline,
        "Nine detainees were released from jails in Mali and Niger on Tuesday.",
        "RETREAT",
        published=DAY,
    )


def test_detainees_seen_on_television_are_no_event(pipeline: Any) -> None:
    assert not events_of(
        pipeline, "Fourteen detainees were seen on television in Aleppo.", published=DAY
    )


def test_an_agentless_expulsion_is_a_sanction_by_the_state_expelled_from(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Three Belgian diplomats were expelled from Kinshasa on Friday.",
        "SANCTION",
        published=DAY,
    )
    assert event.mode == "expel"
    assert event.source == ["COD"]
    assert event.target == ["BEL"]


def test_an_agentless_expulsion_takes_the_dateline_state(pipeline: Any) -> None:
    """The expelled are foreigners: the dateline makes the host the source, never their
    country."""
    event = one_event(
        pipeline,
        "LIMA, Peru - Two diplomats were expelled on Friday.",
        "SANCTION",
        published=DAY,
    )
    assert event.source == ["PER"]
    assert event.countries.get("Diplomats") is None


def test_an_expulsion_from_a_room_is_no_sanction(pipeline: Any) -> None:
    assert not events_of(
        pipeline,
        "The diplomats were expelled from the meeting room after the fire alarm.",
        "SANCTION",
        published=DAY,
    )


# ------------------------------------------- 2. dates beside an act's noun


def test_a_date_on_a_blamed_attack_dates_the_attack_not_the_blame(pipeline: Any) -> None:
    """ "blamed X for a raid on its border post on 3 May": the parser hangs the date on the
    attack inside the "for" phrase; the blame is told later (news of the day of writing)."""
    event = one_event(
        pipeline,
        "Armenia blamed Azerbaijan for a raid on its border post on 3 May.",
        "ACCUSE",
        published=DAY,
    )
    assert event.date is not None and event.date.value == "2025-09-09"


def test_a_date_before_the_blamed_attack_dates_the_blame(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Armenia on 3 May blamed Azerbaijan for a raid on its border post.",
        "ACCUSE",
        published=DAY,
    )
    assert event.date is not None and event.date.value == "2025-05-03"


def test_a_date_on_the_object_of_an_attack_still_dates_the_attack(pipeline: Any) -> None:
    """ "fired rockets at a base near X on 3 May": the object is no act; the firing keeps it."""
    event = one_event(
        pipeline,
        "Israeli jets fired missiles at a depot near Tyre on 3 May.",
        "ASSAULT",
        published=DAY,
    )
    assert event.date is not None and event.date.value == "2025-05-03"
