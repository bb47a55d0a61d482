"""Event constructions from review round 10 (issue #11), in our own words, both ways.

Recall: "assailants", "thugs" and "gangs" are unknown men of violence kept as a sector, like
"gunmen"; "thugs loyal to President X" carry X's country but never make X the attacker (unlike
"forces loyal to X", who act for X); armed men who "gained control of" a place occupy it;
"government warplanes" are a state's forces like "government troops".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from events_kit import events_of, one_event

pytestmark = pytest.mark.model

DAY = dt.date(2026, 5, 15)  # a Friday


def _events(pipeline: Any, text: str) -> list[Any]:
    return events_of(pipeline, text, published=DAY)


def _types(pipeline: Any, text: str) -> list[str]:
    return [e.type for e in _events(pipeline, text)]


# ---------------------------------------------------------------- unknown actors (R1)


def test_assailants_storming_an_embassy_are_an_armed_sector(pipeline: Any) -> None:
    text = "At least four assailants tried to storm the French embassy in Bamako on Tuesday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["Assailants"]
    assert event.sectors.get("Assailants") == "rebels"
    assert event.target == ["FRA"]


def test_assailants_who_stormed_nothing_make_no_attack(pipeline: Any) -> None:
    text = "At least four assailants were seen near the French embassy in Bamako on Tuesday."
    assert "ASSAULT" not in _types(pipeline, text)


def test_thugs_loyal_to_a_president_take_his_country_not_his_name(pipeline: Any) -> None:
    text = "Thugs loyal to President William Ruto killed two opposition supporters on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert "person:william-ruto" not in event.source
    assert event.source == ["Thugs loyal to President William Ruto"]
    assert event.sectors[event.source[0]] == "rebels"
    assert event.countries[event.source[0]] == "KEN"


def test_forces_loyal_to_a_president_still_act_for_him(pipeline: Any) -> None:
    text = "Forces loyal to President William Ruto killed two opposition supporters on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["person:william-ruto"]


def test_gangs_of_youths_attacking_an_opposition_member_are_an_actor(pipeline: Any) -> None:
    text = "Gangs of youths attacked an opposition member in Lusaka on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["Gangs of youths"]
    assert event.sectors["Gangs of youths"] == "rebels"


def test_gangs_of_youths_playing_football_make_no_event(pipeline: Any) -> None:
    assert _types(pipeline, "Gangs of youths played football in Lusaka on Monday.") == []


# ---------------------------------------------------------------- missing phrasings (R2)


def test_rebels_gaining_control_of_a_town_occupy_it(pipeline: Any) -> None:
    text = "In Mali, rebels gained control of the town of Kidal on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.mode == "occupy"
    assert event.source == ["Rebels"]
    assert event.target == ["MLI"]


def test_a_party_gaining_control_of_parliament_occupies_nothing(pipeline: Any) -> None:
    text = "In Mali, the opposition gained control of parliament after the election."
    assert "ASSAULT" not in _types(pipeline, text)


def test_government_warplanes_targeting_positions_attack_for_their_state(pipeline: Any) -> None:
    text = "In Iraq, government warplanes targeted positions of the insurgents on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["IRQ"]
    assert event.target == ["Insurgents"]


def test_a_budget_targeting_positions_is_no_attack(pipeline: Any) -> None:
    text = "In Iraq, the government budget targeted positions in the civil service on Monday."
    assert "ASSAULT" not in _types(pipeline, text)
