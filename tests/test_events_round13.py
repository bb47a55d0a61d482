"""Event constructions from review round 13 (issue #11), in our own words, both ways.

Phrasings: a court that "found X guilty" convicts him (SANCTION), as "convicted" does; a
diplomat "asked to leave" a country is expelled by it, also in an agentless passive. Actors:
"loyalist troops" are the story's state forces. False events: a measure is no weapon ("the
measures are targeted at officials", "the sanctions hit banks"), and "meet presence with
presence" answers one thing with another, no meeting.
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


# ---------------------------------------------------------------- verdicts (R2)


def test_a_court_finding_someone_guilty_convicts_him(pipeline: Any) -> None:
    text = (
        "The International Criminal Court found former militia commander Jean-Baptiste Mwamba "
        "guilty of war crimes on Thursday."
    )
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.mode == "convict"
    assert event.source and event.target
    assert event.date is not None and event.date.value == "2026-05-14"


def test_investigators_finding_someone_guilty_convict_no_one(pipeline: Any) -> None:
    text = "Chilean investigators found the former mayor guilty of misconduct on Thursday."
    assert "SANCTION" not in _types(pipeline, text)


# ---------------------------------------------------------------- expulsions (R3)


def test_a_diplomat_asked_to_leave_a_country_is_expelled_by_it(pipeline: Any) -> None:
    text = (
        "Chile on Friday expelled a Peruvian attaché within hours of Chilean diplomat Rosa "
        "Ibarra being asked to leave Peru."
    )
    expulsions = [e for e in _events(pipeline, text) if e.type == "SANCTION"]
    by_peru = [e for e in expulsions if e.source == ["PER"]]
    assert len(by_peru) == 1
    assert by_peru[0].mode == "expel"
    assert [e.source for e in expulsions].count(["CHL"]) == 1


def test_asking_an_envoy_to_leave_expels_him(pipeline: Any) -> None:
    text = "Peru asked the Chilean ambassador to leave the country within 72 hours."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.mode == "expel"
    assert event.source == ["PER"]
    assert "CHL" in event.target


def test_asking_an_envoy_to_go_somewhere_expels_no_one(pipeline: Any) -> None:
    text = "Peru asked the Chilean ambassador to go to Lima for consultations."
    assert "SANCTION" not in _types(pipeline, text)


# ---------------------------------------------------------------- loyalist forces (R1)


def test_loyalist_troops_are_the_story_state_forces(pipeline: Any) -> None:
    text = (
        "Mutinous soldiers seized Togo state television on Wednesday. Loyalist troops said "
        "they were ready to use force to crush the mutiny."
    )
    event = one_event(pipeline, text, "THREATEN", published=DAY)
    assert event.source == ["TGO"]


def test_rebel_troops_are_not_the_story_state_forces(pipeline: Any) -> None:
    text = (
        "Mutinous soldiers seized Togo state television on Wednesday. Rebel troops said they "
        "were ready to use force to defend the station."
    )
    threats = [e for e in _events(pipeline, text) if e.type == "THREATEN"]
    assert all("TGO" not in e.source for e in threats)


# ---------------------------------------------------------------- measures (P1)


def test_measures_targeted_at_officials_are_no_attack(pipeline: Any) -> None:
    text = "The measures are targeted at Bolivian officials blamed for the crackdown."
    assert "ASSAULT" not in _types(pipeline, text)


def test_sanctions_hitting_banks_are_no_attack(pipeline: Any) -> None:
    text = "The new EU sanctions hit Russian banks on Tuesday."
    assert "ASSAULT" not in _types(pipeline, text)


def test_attacking_a_measure_is_no_attack(pipeline: Any) -> None:
    text = "Russia attacked the EU measures on Tuesday."
    assert "ASSAULT" not in _types(pipeline, text)


def test_troops_hitting_positions_still_attack(pipeline: Any) -> None:
    text = "Russian troops hit Ukrainian positions near Kharkiv on Tuesday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["RUS"]
    assert event.target == ["UKR"]


def test_warplanes_targeting_camps_still_attack(pipeline: Any) -> None:
    text = "Peruvian warplanes targeted rebel camps in the north on Tuesday."
    assert _types(pipeline, text).count("ASSAULT") == 1


# ---------------------------------------------------------------- meet X with Y (P1)


def test_meeting_presence_with_presence_is_no_meeting(pipeline: Any) -> None:
    text = "The Chilean navy will meet presence with presence in the strait, Chile said."
    assert "CONSULT" not in _types(pipeline, text)


def test_meeting_a_counterpart_is_still_a_meeting(pipeline: Any) -> None:
    text = "Chile's foreign minister met his Peruvian counterpart in Lima on Tuesday."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert "PER" in event.source + event.target


# ---------------------------------------------------------------- aid blocked (R2, R3)


def test_an_army_turning_back_an_aid_convoy_restricts_it(pipeline: Any) -> None:
    text = "Peruvian troops turned back a convoy of 20 aid trucks at the border on Tuesday."
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.mode == "restrict"
    assert event.source == ["PER"]


def test_protesters_blocking_an_aid_convoy_still_protest(pipeline: Any) -> None:
    text = "Protesters blocked the aid convoy outside Tacna on Tuesday."
    assert "COERCE" not in _types(pipeline, text)


def test_a_storm_holding_up_aid_restricts_no_one(pipeline: Any) -> None:
    text = "A storm held up the aid convoy on Tuesday."
    assert _events(pipeline, text) == []


def test_the_act_someone_is_blamed_for_in_a_gerund_is_theirs(pipeline: Any) -> None:
    text = "UN officials blamed the Peruvian army for blocking the aid."
    blocking = one_event(pipeline, text, "COERCE", published=DAY)
    assert blocking.source == ["PER"]
    blame = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert blame.target == ["PER"]


def test_blaming_for_shelling_tells_the_shelling(pipeline: Any) -> None:
    text = "Ukraine blamed Russia for shelling Kharkiv on Tuesday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["RUS"]


def test_blaming_for_any_shelling_tells_no_shelling(pipeline: Any) -> None:
    text = "Chile would blame Peru for any shelling of Arica."
    assert "ASSAULT" not in _types(pipeline, text)


# ---------------------------------------------------------------- units of an army (P8)


def test_a_division_of_an_army_is_its_state(pipeline: Any) -> None:
    text = (
        "UN officials blamed the Third Mechanised Division of the Peruvian army, a unit known "
        "for its loyalty to the Salcedo family, for blocking the aid."
    )
    blame = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert blame.target == ["PER"]
    blocking = one_event(pipeline, text, "COERCE", published=DAY)
    assert blocking.source == ["PER"]


# ---------------------------------------------------------------- one act told twice (P6)


def test_a_navy_beside_a_state_forces_is_that_state_service(pipeline: Any) -> None:
    text = "Chilean army helicopters and Navy jets attacked a convoy in Bolivia on Tuesday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["CHL"]


def test_a_strike_told_again_by_another_source_is_one_strike(pipeline: Any) -> None:
    text = (
        "Chilean army helicopters and Navy jets attacked and destroyed a convoy in Bolivia, "
        "officials said today. But a radio station in La Paz said Chilean warplanes bombed a "
        "convoy of Bolivian tribal elders. Officials in Santiago said Chile had hit the convoy."
    )
    assert _types(pipeline, text).count("ASSAULT") == 1


def test_a_second_strike_on_another_thing_stays_apart(pipeline: Any) -> None:
    text = (
        "Chilean jets attacked and destroyed a convoy in Bolivia on Tuesday. Bolivia said "
        "Chilean jets had also hit a police post."
    )
    assert _types(pipeline, text).count("ASSAULT") == 2


# ---------------------------------------------------------------- forces surrounding (R2)


def test_troops_ringing_a_station_restrict_it(pipeline: Any) -> None:
    text = (
        "Mutinous soldiers seized Togo state television on Wednesday. Loyalist troops quickly "
        "ringed the station."
    )
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.mode == "restrict"
    assert event.source == ["TGO"]


def test_a_crowd_surrounding_an_embassy_still_protests(pipeline: Any) -> None:
    text = "Thousands of protesters surrounded the French embassy in Niamey on Tuesday."
    assert _types(pipeline, text) == ["PROTEST"]
