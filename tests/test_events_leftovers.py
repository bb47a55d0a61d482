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


def test_an_agentless_arrest_under_a_dateline_is_the_dateline_state(pipeline: Any) -> None:
    """ "LAGOS, Nigeria - Six journalists were arrested": the state of the story's place."""
    event = one_event(
        pipeline,
        "DAKAR, Senegal - Five journalists were arrested on Tuesday.",
        "COERCE",
        published=DAY,
    )
    assert event.source == ["SEN"]
    assert event.countries == {"Journalists": "SEN"}


def test_an_agentless_arrest_with_no_place_names_no_state(pipeline: Any) -> None:
    assert not events_of(
        pipeline, "Seven journalists were arrested on Wednesday.", "COERCE", published=DAY
    )


def test_released_peacekeepers_are_not_given_the_country_of_the_place(pipeline: Any) -> None:
    """Peacekeepers, migrants, diplomats are foreigners where it befell them: the place gives
    them no country, so no one an analyst can code (no event rather than a wrong one)."""
    assert not events_of(
        pipeline, "Four peacekeepers were released in eastern Congo.", "RETREAT", published=DAY
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


# ------------------------------------------- 3. documents as callers, votes


def test_it_after_an_adopted_resolution_is_the_adopting_body(pipeline: Any) -> None:
    """ "It also calls for ...": the resolution of the sentence before speaks for its body."""
    event = one_event(
        pipeline,
        "The African Union adopted a resolution on Monday. It also calls for talks in Sudan.",
        "REQUEST",
        published=DAY,
    )
    assert event.source == ["igo:au"]


def test_a_resolution_adopted_by_a_body_speaks_for_it(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The communique issued by the Arab League condemns the blockade of Qatar.",
        "ACCUSE",
        published=DAY,
    )
    assert event.source == ["igo:arab-league"]


def test_the_resolution_named_again_speaks_for_its_body(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The European Union issued a statement on Monday. The statement urges Serbia to "
        "resume the dialogue.",
        "REQUEST",
        published=DAY,
    )
    assert event.source == ["igo:eu"]


def test_a_resolution_someone_vetoed_does_not_speak_for_the_vetoing_state(
    pipeline: Any,
) -> None:
    """ "Russia vetoed a resolution that calls for ...": the resolution is not Russia's."""
    found = events_of(
        pipeline,
        "China vetoed a resolution that calls for a ceasefire in Myanmar.",
        "REQUEST",
        published=DAY,
    )
    assert all("CHN" not in e.source for e in found)


def test_it_with_no_document_before_stays_unresolved(pipeline: Any) -> None:
    """A resolution drafted by lawyers has no adopting body: no source is invented."""
    assert not events_of(
        pipeline,
        "The resolution was drafted by lawyers. It also calls for patience.",
        "REQUEST",
        published=DAY,
    )


def test_a_vote_to_send_observers_is_aid_to_the_country(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The African Union voted unanimously to send observers to Burundi.",
        "AID",
        published=DAY,
    )
    assert event.source == ["igo:au"]
    assert event.target == ["BDI"]


def test_observers_sent_to_a_country_parsed_as_a_dative_are_aid(pipeline: Any) -> None:
    """The parser labels this "to Libya" a dative, not a preposition: it still names where
    the observers go (and the rule asks for a "to" phrase, so observers sent to talks are no
    aid)."""
    event = one_event(
        pipeline,
        "The Arab League voted unanimously to send observers to Libya.",
        "AID",
        published=DAY,
    )
    assert event.target == ["LBY"]


def test_an_observer_sent_to_talks_is_no_aid(pipeline: Any) -> None:
    assert not events_of(
        pipeline,
        "Norway will send observers to the talks in Oslo, its foreign ministry said.",
        "AID",
        published=DAY,
    )


def test_sending_observers_a_letter_is_no_aid(pipeline: Any) -> None:
    assert not events_of(
        pipeline, "Kenya sent the observers a letter of thanks.", "AID", published=DAY
    )


# ------------------------------------------- 4. crowd protests told by their action


def test_a_crowd_surrounding_an_embassy_protests_against_its_state(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Thousands of demonstrators surrounded the Russian embassy in Tbilisi on Sunday.",
        "PROTEST",
        published=DAY,
    )
    assert event.target == ["RUS"]
    assert [event.countries.get(a) for a in event.source] == ["GEO"]


def test_protesters_gathering_outside_a_consulate_protest(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Hundreds of protesters gathered outside the Chinese consulate in Manila.",
        "PROTEST",
        published=DAY,
    )
    assert event.target == ["CHN"]


def test_a_crowd_besieging_an_embassy_is_a_protest_not_a_siege(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Angry crowds besieged the Danish embassy in Beirut.",
        "PROTEST",
        published=DAY,
    )
    assert event.target == ["DNK"]
    assert not events_of(
        pipeline, "Angry crowds besieged the Danish embassy in Beirut.", "COERCE", published=DAY
    )


def test_protesters_throwing_stones_at_police_riot_against_the_state(pipeline: Any) -> None:
    """ "Protesters threw stones at police": a violent protest, aimed at the police, who act
    for the state of the place."""
    event = one_event(
        pipeline,
        "Demonstrators hurled petrol bombs at the police in Santiago on Friday.",
        "PROTEST",
        published=DAY,
    )
    assert event.mode == "riot"
    assert event.target == ["CHL"]


def test_children_throwing_stones_into_a_river_are_no_protest(pipeline: Any) -> None:
    assert not events_of(
        pipeline, "The children threw stones into the river in Nairobi.", published=DAY
    )


def test_guards_surrounding_a_building_are_no_protest(pipeline: Any) -> None:
    assert not events_of(
        pipeline,
        "The guards surrounded the embassy building with a fence.",
        "PROTEST",
        published=DAY,
    )


def test_people_surrounding_a_burning_building_are_no_protest(pipeline: Any) -> None:
    """Only a building of a state (an embassy, a ministry, parliament) makes the crowd's act
    a protest against its owner; a crowd at a fire is none."""
    assert not events_of(
        pipeline,
        "Thousands of people surrounded the burning building in Lagos.",
        "PROTEST",
        published=DAY,
    )


def test_people_gathering_at_a_station_are_no_protest(pipeline: Any) -> None:
    assert not events_of(
        pipeline, "People gathered at the station to greet the team.", "PROTEST", published=DAY
    )


# ------------------------------------------- 5. collective subjects in statements


def test_they_after_one_organisation_is_that_organisation(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The Arab League met in Cairo on Monday. They condemned the seizure of the tanker.",
        "ACCUSE",
        published=DAY,
    )
    assert event.source == ["igo:arab-league"]


def test_they_after_two_organisations_stays_unresolved(pipeline: Any) -> None:
    """Two candidates: "they" could be either or both; no source is chosen."""
    found = events_of(
        pipeline,
        "The Arab League and the African Union met on Monday. They condemned the seizure.",
        "ACCUSE",
        published=DAY,
    )
    assert not found


def test_they_after_an_organisation_and_a_crowd_stays_unresolved(pipeline: Any) -> None:
    """People named between the body and "they" may be whom "they" stands for."""
    assert not events_of(
        pipeline,
        "The Arab League met the protesters in Cairo. They condemned the seizure.",
        "ACCUSE",
        published=DAY,
    )


def test_they_after_an_organisation_and_an_unnamed_group_stays_unresolved(
    pipeline: Any,
) -> None:
    """ "The opposition met the union. They demanded ...": the opposition, which the knowledge
    base does not name, is a candidate too."""
    assert not events_of(
        pipeline,
        "The opposition met the Arab League in Cairo. They demanded a new vote.",
        "REQUEST",
        published=DAY,
    )
