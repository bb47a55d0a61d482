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


def test_government_warplanes_after_a_pair_of_states_are_neither(pipeline: Any) -> None:
    text = (
        "Rebels gained control of the crossing between Chad and Libya while government "
        "warplanes targeted positions of the insurgents."
    )
    attacks = [e for e in _events(pipeline, text) if e.trigger.text == "targeted"]
    assert all("LBY" not in e.source and "TCD" not in e.source for e in attacks)


def test_a_budget_targeting_positions_is_no_attack(pipeline: Any) -> None:
    text = "In Iraq, the government budget targeted positions in the civil service on Monday."
    assert "ASSAULT" not in _types(pipeline, text)


# ---------------------------------------------------------------- wrong type (P2)


def test_signing_a_memorandum_of_understanding_is_an_agreement(pipeline: Any) -> None:
    text = "Malaysia and Indonesia signed a Memorandum of Understanding on fisheries on Monday."
    event = one_event(pipeline, text, "AGREE", published=DAY)
    assert sorted(event.source) == ["IDN", "MYS"]
    assert sorted(event.target) == ["IDN", "MYS"]
    assert "SUPPORT" not in _types(pipeline, text)


def test_signing_a_treaty_stays_support(pipeline: Any) -> None:
    text = "Malaysia signed the treaty on Monday."
    assert _types(pipeline, text) == ["SUPPORT"]


def test_a_missile_shot_from_a_region_is_no_attack_on_who_reports_it(pipeline: Any) -> None:
    text = (
        "Japan confirmed the missile test, stating it was shot at 9:10 a.m. from the Wonsan region."
    )
    assert "ASSAULT" not in _types(pipeline, text)


def test_a_rocket_fired_at_a_state_still_attacks_it(pipeline: Any) -> None:
    event = one_event(pipeline, "A rocket was fired at Israel on Monday.", "ASSAULT", published=DAY)
    assert event.target == ["ISR"]


def test_soldiers_shot_near_the_border_are_still_attacked(pipeline: Any) -> None:
    text = "Japan confirmed that two of its soldiers were shot near the border on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.target == ["JPN"]


# ---------------------------------------------------------------- false events (P1)


def test_a_press_conference_adjourned_is_no_meeting(pipeline: Any) -> None:
    text = (
        "The regular press conference of the Ministry of Foreign Affairs will be adjourned "
        "from June 1 to June 3."
    )
    assert _types(pipeline, text) == []


def test_a_minister_holding_a_press_conference_consults_no_one(pipeline: Any) -> None:
    text = "The foreign minister of Chile held a press conference in Lima on Monday."
    assert "CONSULT" not in _types(pipeline, text)


def test_ministers_holding_a_joint_press_conference_still_meet(pipeline: Any) -> None:
    text = (
        "The foreign ministers of Chile and Peru held a joint press conference in Lima on Monday."
    )
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert sorted(event.source) == ["CHL", "PER"]


def test_ministers_holding_talks_still_consult(pipeline: Any) -> None:
    text = "The foreign ministers of Chile and Peru held talks in Lima on Monday."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert sorted(event.source) == ["CHL", "PER"]


def test_a_budget_request_from_a_library_is_no_request(pipeline: Any) -> None:
    text = (
        "The Town Council on Wednesday approved a $500,000 budget request from the "
        "Smithville Public Library."
    )
    assert "REQUEST" not in _types(pipeline, text)


def test_a_state_turning_down_a_request_for_talks_still_rejects_it(pipeline: Any) -> None:
    text = "On Wednesday, Chile turned down Peru's request for talks."
    event = one_event(pipeline, text, "REJECT", published=DAY)
    assert event.target == ["PER"]
