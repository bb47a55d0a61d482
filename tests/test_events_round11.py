"""Event constructions from review round 11 (issue #11), in our own words, both ways.

Precision: the toll of an attack told by two joined participles ("killing nine and wounding
12") is one attack; a body's vote "to condemn X" is the condemnation, not a second, legislative
SUPPORT; publishing "a list of officials" frees no one; "the deal is vital to our interests"
judges the deal and asks nothing. Sides: a hyphenated pair of demonyms ("Israeli-Palestinian
negotiations") names both sides. Recall: "took the step of expelling X, charge d'affaires at
the embassy" is an expulsion by whoever took the step, on that step's day; armed forces
blocking roads restrict movement (COERCE).
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


# ---------------------------------------------------------------- one act told twice (P6)


def test_a_toll_of_two_joined_participles_is_one_attack(pipeline: Any) -> None:
    text = (
        "Chilean jets bombed the town of Tacna on Tuesday, killing at least six people and "
        "wounding 14 others."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["CHL"]
    assert event.date is not None and event.date.value == "2026-05-12"


def test_two_attacks_joined_in_one_sentence_stay_two(pipeline: Any) -> None:
    text = "Chilean jets bombed Tacna on Tuesday, and Peruvian guns shelled Arica on Wednesday."
    assert _types(pipeline, text) == ["ASSAULT", "ASSAULT"]


def test_a_vote_to_condemn_is_the_condemnation_alone(pipeline: Any) -> None:
    text = "The UN General Assembly voted on Tuesday to condemn the government of Peru."
    events = _events(pipeline, text)
    assert [e.type for e in events] == ["ACCUSE"]
    assert events[0].source == ["igo:unga"]
    assert events[0].target == ["PER"]
    assert events[0].date is not None and events[0].date.value == "2026-05-12"


def test_a_vote_to_approve_a_treaty_is_still_the_legislative_step(pipeline: Any) -> None:
    text = "The Knesset voted on Monday to approve the agreement with Turkey."
    event = one_event(pipeline, text, "SUPPORT", published=DAY)
    assert event.mode == "legislative"
    assert event.source == ["ISR"]


# ---------------------------------------------------------------- false events and types (P1, P2)


def test_releasing_a_list_of_officials_frees_no_one(pipeline: Any) -> None:
    text = "The Treasury released a list of Peruvian officials eligible for sanctions on Tuesday."
    assert "RETREAT" not in _types(pipeline, text)


def test_releasing_a_video_of_hostages_frees_no_one(pipeline: Any) -> None:
    text = "The rebels released a video of the two Chilean hostages on Tuesday."
    assert "RETREAT" not in _types(pipeline, text)


def test_releasing_the_hostages_themselves_is_a_release(pipeline: Any) -> None:
    text = "The rebels released the two Chilean hostages on Tuesday."
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert event.mode == "release"
    assert event.target == ["CHL"]


def test_a_deal_vital_to_national_interests_asks_nothing(pipeline: Any) -> None:
    text = "The ministry said the deal is vital to Chile's security interests to assist Peru."
    assert "REQUEST" not in _types(pipeline, text)


# ---------------------------------------------------------------- sides left out (P5)


def test_a_hyphenated_pair_of_demonyms_names_both_sides_of_talks(pipeline: Any) -> None:
    text = "Chilean-Peruvian negotiations in Lima were to follow the truce."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert set(event.source) | set(event.target) == {"CHL", "PER"}


def test_a_hyphenated_demonym_and_a_plain_word_name_no_second_side(pipeline: Any) -> None:
    text = "Chilean-made drones attacked Tacna on Tuesday."
    assert not [e for e in _events(pipeline, text) if "PER" in e.source]


# ---------------------------------------------------------------- missing phrasings (R2)


def test_taking_the_step_of_expelling_a_charge_daffaires_is_an_expulsion(pipeline: Any) -> None:
    text = (
        "The foreign ministry of Peru on Tuesday took the unusual step of expelling Juan Soto, "
        "charge d'affaires at the Chilean embassy in Lima."
    )
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.mode == "expel"
    assert event.source == ["PER"]
    assert "CHL" in event.target  # the state his post names
    assert event.date is not None and event.date.value == "2026-05-12"


def test_a_post_in_the_expelling_states_own_embassy_names_no_other_state(pipeline: Any) -> None:
    text = "Peru expelled Juan Soto, a Peruvian attache at the embassy in Lima, on Tuesday."
    assert [e.target for e in _events(pipeline, text) if e.type == "SANCTION"] in (
        [],
        [["new:juan-soto"]],
    )


def test_criticising_the_practice_of_expelling_diplomats_expels_no_one(pipeline: Any) -> None:
    text = "Peru on Tuesday criticised the practice of expelling ambassadors."
    assert "SANCTION" not in _types(pipeline, text)


def test_troops_blocking_roads_restrict_movement(pipeline: Any) -> None:
    text = "Chilean troops blocked the roads into Arica on Tuesday."
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.mode == "restrict"
    assert event.source == ["CHL"]


def test_a_landslide_or_a_repair_crew_blocking_roads_is_no_event(pipeline: Any) -> None:
    assert _types(pipeline, "A landslide blocked the roads into Arica on Tuesday.") == []
    text = "Chilean soldiers closed the road to traffic for repairs on Tuesday."
    assert _types(pipeline, text) == []


def test_resuming_military_operations_is_an_attack(pipeline: Any) -> None:
    text = "Chile resumed military operations in Tacna on Tuesday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["CHL"]
    assert event.target == ["PER"]  # Tacna lies in Peru


def test_an_army_set_to_resume_its_operation_plans_an_attack(pipeline: Any) -> None:
    text = "The Chilean military is set to resume its operation in Tacna."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["CHL"]
    assert event.status == "planned"


def test_a_rescue_or_a_surgical_operation_is_no_attack(pipeline: Any) -> None:
    assert _types(pipeline, "The Chilean army launched a rescue operation in Tacna.") == []
    assert _types(pipeline, "Doctors in Lima resumed the operation on Tuesday.") == []
