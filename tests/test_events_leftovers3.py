"""Round 10's left-over classes (issue #11, events23), in our own words, both ways.

Passive acts whose author sits in a phrase ("targeted in Israeli strikes", "were detained by X
but were eventually released"); property taken by force is a confiscation aimed at its owner,
not an occupation; a condemned act with no author of its own is aimed at whoever the text says
did it; irregulars under an "as" clause and a place "between" two states taken by one side's
men; a local official's "urged" is no diplomatic request.
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


# ---------------------------------------------------------------- nominal and passive acts (R3)


def test_a_release_after_a_passive_capture_is_by_the_captor(pipeline: Any) -> None:
    text = (
        "Last year, three Kenyan aid workers were detained by al-Shabaab but were "
        "eventually released."
    )
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert event.mode == "release"
    assert event.source == ["group:al-shabaab"]
    assert event.countries[event.target[0]] == "KEN"


def test_peacekeepers_released_after_capture_are_released_by_the_captors(pipeline: Any) -> None:
    text = (
        "Last year, four Fijian peacekeepers were detained by a Syrian rebel group called the "
        "Eagle Brigade but were eventually released."
    )
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert event.source == ["Syrian rebel group"]
    assert event.target == ["FJI"]


def test_peacekeepers_releasing_a_statement_release_no_one(pipeline: Any) -> None:
    assert _types(pipeline, "The peacekeepers released a statement on Monday.") == []


def test_a_release_after_being_seen_by_witnesses_is_not_theirs(pipeline: Any) -> None:
    text = "Three Kenyan workers were seen by witnesses near the camp but were eventually released."
    assert all(e.source == [] for e in _events(pipeline, text) if e.type == "RETREAT")


def test_rebel_positions_struck_by_a_states_aircraft_are_the_rebels(pipeline: Any) -> None:
    text = "Rebel positions near Idlib were struck by Russian aircraft on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["RUS"]
    assert event.target == ["Rebels"]
    assert event.sectors["Rebels"] == "rebels"


def test_militant_hideouts_targeted_in_strikes_by_jets(pipeline: Any) -> None:
    text = "Militant hideouts in Kunar were targeted in strikes by Afghan jets on Friday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["AFG"]
    assert event.target == ["Militants"]


def test_civilian_homes_struck_name_no_armed_group(pipeline: Any) -> None:
    text = "Civilian homes near Idlib were struck by Russian aircraft on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.target == []


def test_targets_hit_in_strikes_named_by_a_demonym_are_attacked_by_that_state(
    pipeline: Any,
) -> None:
    text = "Three Hamas commanders were targeted in Israeli strikes on Sunday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["ISR"]
    assert event.target == ["group:hamas"]


def test_voters_targeted_in_advertising_make_no_attack(pipeline: Any) -> None:
    text = "Young voters were targeted in advertising campaigns by the ruling party."
    assert "ASSAULT" not in _types(pipeline, text)


def test_a_village_struck_by_lightning_is_no_attack(pipeline: Any) -> None:
    assert "ASSAULT" not in _types(pipeline, "The village was struck by lightning on Monday.")


# ---------------------------------------------------------------- seizures of property


def test_rebels_capturing_an_oilfield_confiscate_it_from_its_state(pipeline: Any) -> None:
    text = "Tribal rebels captured Libya's largest oilfield on Sunday."
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.mode == "confiscate"
    assert event.source == ["Tribal rebels"]
    assert event.target == ["LBY"]
    assert "ASSAULT" not in _types(pipeline, text)


def test_a_navy_capturing_a_tanker_confiscates_it_from_its_flag_state(pipeline: Any) -> None:
    text = "The Ukrainian navy captured a Russian oil tanker near Odesa on Monday."
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.mode == "confiscate"
    assert event.source == ["UKR"]
    assert event.target == ["RUS"]
    assert "ASSAULT" not in _types(pipeline, text)


def test_a_flagged_tanker_seized_hits_the_flag_state(pipeline: Any) -> None:
    text = "Iranian commandos seized a British-flagged tanker in the Gulf on Friday."
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.source == ["IRN"]
    assert event.target == ["GBR"]


def test_rebels_capturing_a_town_still_occupy_it(pipeline: Any) -> None:
    text = "In Mali, rebels captured the town of Kidal on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.mode == "occupy"
    assert "COERCE" not in _types(pipeline, text)


def test_a_headline_capture_and_the_body_seizure_are_one_confiscation(pipeline: Any) -> None:
    text = (
        "Rebels capture Libya's largest oilfield\n\n"
        "Tribal rebels seized Libya's largest oilfield on Sunday, activists said."
    )
    assert _types(pipeline, text) == ["COERCE"]


# ---------------------------------------------------------------- targets of condemnations


def test_a_condemned_test_is_aimed_at_who_fired_just_before(pipeline: Any) -> None:
    text = (
        "Iran test-fired a ballistic missile on Sunday. "
        "Israel's foreign ministry condemned the missile test in a statement."
    )
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.source == ["ISR"]
    assert event.target == ["IRN"]


def test_a_condemned_test_is_aimed_at_its_possessor_later_in_the_sentence(pipeline: Any) -> None:
    text = (
        "Israel's foreign ministry condemned the missile test, adding that it was studying "
        "the results of Iran's test."
    )
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.target == ["IRN"]


def test_a_condemned_test_with_no_author_told_has_no_target(pipeline: Any) -> None:
    text = "Israel condemned the missile test in a statement on Sunday."
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.target == []


def test_a_condemned_attack_is_aimed_at_the_attackers_told_just_before(pipeline: Any) -> None:
    text = (
        "Rebels attacked an army convoy near Goma on Monday. The United Nations condemned the "
        "attack."
    )
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.target == ["Rebels"]


def test_a_condemned_attack_on_something_else_is_not_the_one_told_before(pipeline: Any) -> None:
    text = (
        "Rebels attacked an army convoy near Goma on Monday. The United Nations condemned the "
        "attack on a school in Bukavu."
    )
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.target == []


def test_a_condemned_attack_is_not_aimed_at_an_earlier_test(pipeline: Any) -> None:
    text = (
        "Pakistan tested a cruise missile on Monday. "
        "India condemned the attack on its embassy in Kabul."
    )
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert "PAK" not in event.target


# ---------------------------------------------------------------- irregulars and places (j06, j08)


def test_thugs_loyal_to_a_president_under_an_as_clause_are_the_attackers(pipeline: Any) -> None:
    text = (
        "Violence swept Kenya on Sunday as thugs loyal to President William Ruto killed two "
        "opposition supporters and beat dozens of others."
    )
    attacks = [e for e in _events(pipeline, text) if e.type == "ASSAULT"]
    assert attacks
    assert all("person:william-ruto" not in e.source for e in attacks)
    assert any(e.source == ["Thugs loyal to President William Ruto"] for e in attacks)


def test_an_as_clause_takes_the_date_of_the_clause_it_times(pipeline: Any) -> None:
    text = (
        "Violence swept Kenya on Sunday as thugs loyal to President William Ruto killed two "
        "opposition supporters."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.date is not None and event.date.value == "2026-05-10"


# ---------------------------------------------------------------- local officials (P1)


@pytest.mark.parametrize(
    "text",
    [
        "Council member Jane Porter urged the library board to consider raising fees.",
        "Mayor Tom Becker urged residents to conserve water during the drought.",
        "Councillor Ann Hale urged the town to repave the main road.",
    ],
)
def test_a_local_officials_urging_is_no_request(pipeline: Any, text: str) -> None:
    assert "REQUEST" not in _types(pipeline, text)


def test_a_local_official_urging_a_state_still_requests(pipeline: Any) -> None:
    text = "Council member Jane Porter urged Canada to reopen its consulate in the town."
    event = one_event(pipeline, text, "REQUEST", published=DAY)
    assert event.target == ["CAN"]
