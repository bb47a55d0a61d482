"""Who did it to whom, and their countries (issue #11, actors round A1), each way, in our words.

Unnamed actors (police, protesters, rebels) take their country from context; a dateline's place
is no actor; lists, titles and "the regime" name their states; places and pronouns as targets.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest

from events_kit import events_of, one_event
from parley.models import Event

pytestmark = pytest.mark.model

TUESDAY = dt.date(2026, 3, 4)

_events = partial(events_of, published=TUESDAY)
_one = partial(one_event, published=TUESDAY)


def _countries(event: Event, side: list[str]) -> set[str]:
    """The countries of one side: a state's own id, else the country the event carries."""
    return {event.countries.get(a, a) for a in side if a in event.countries or len(a) == 3}


# ---------------------------------------------------------------- police and protesters


def test_police_in_a_national_story_act_for_the_datelines_state(pipeline: Any) -> None:
    event = _one(pipeline, "QUITO, Ecuador - Police detained 30 students on Tuesday.", "COERCE")
    assert event.source == ["ECU"]
    assert _countries(event, event.target) == {"ECU"}


def test_police_without_any_context_stay_unplaced(pipeline: Any) -> None:
    event = _one(pipeline, "Police detained 30 students on Tuesday.", "COERCE")
    assert not _countries(event, event.source) and not _countries(event, event.target)


def test_protesters_facing_a_states_police_are_of_that_state(pipeline: Any) -> None:
    text = "Peruvian police fired tear gas at protesters on Tuesday."
    event = _one(pipeline, text, "ASSAULT")
    assert event.source == ["PER"] and _countries(event, event.target) == {"PER"}


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian troops fired at militants on Tuesday.",
        "Militants fired rockets at northern Israel on Tuesday.",
    ],
)
def test_rebels_never_take_the_country_of_the_state_they_fight(pipeline: Any, text: str) -> None:
    event = _one(pipeline, text, "ASSAULT")
    rebels = [a for a in (*event.source, *event.target) if a in event.sectors]
    assert rebels and not any(a in event.countries for a in rebels)


def test_rebels_at_talks_abroad_are_not_of_the_host_country(pipeline: Any) -> None:
    text = "DOHA, Qatar - The rebels demanded the release of prisoners on Tuesday."
    event = _one(pipeline, text, "REQUEST")
    assert "QAT" not in _countries(event, event.source)


def test_the_police_of_a_country_named_in_their_own_words(pipeline: Any) -> None:
    text = "Police in Bangladesh's capital fired tear gas at students on Tuesday."
    event = _one(pipeline, text, "ASSAULT")
    assert event.source == ["BGD"]


# ---------------------------------------------------------------- datelines and lists


def test_a_hyphen_dateline_is_no_part_of_the_subject(pipeline: Any) -> None:
    event = _one(pipeline, "NAIROBI - Gunmen from Somalia attacked a bus on Tuesday.", "ASSAULT")
    assert not any("nairobi" in a.lower() for a in event.source)
    assert _countries(event, event.source) == {"SOM"}


def test_a_hyphen_between_two_names_is_no_dateline(pipeline: Any) -> None:
    text = "UAE-Oman talks on the border ended on Tuesday."
    assert all(e.source for e in _events(pipeline, text))


def test_a_list_parsed_as_an_apposition_keeps_every_state(pipeline: Any) -> None:
    text = "Chad, Sierra Leone and Togo left the alliance on Tuesday."
    assert set(_one(pipeline, text, "SANCTION").source) == {"TCD", "SLE", "TGO"}


def test_an_apposition_that_describes_adds_no_actor(pipeline: Any) -> None:
    text = "Chad, the newest member of the alliance, left the alliance on Tuesday."
    assert _one(pipeline, text, "SANCTION").source == ["TCD"]


# ---------------------------------------------------------------- titles, the regime


def test_unknown_ministers_carry_the_country_of_their_title(pipeline: Any) -> None:
    text = (
        "Chilean Foreign Minister Jorn Albrektsen met Peruvian Foreign Minister "
        "Halvard Lindqvist on Tuesday."
    )
    event = _one(pipeline, text, "CONSULT")
    assert _countries(event, event.source) | _countries(event, event.target) == {"CHL", "PER"}


def test_unknown_people_without_a_title_carry_no_country(pipeline: Any) -> None:
    text = "Jorn Albrektsen met Halvard Lindqvist at the embassy on Tuesday to discuss the border."
    found = _events(pipeline, text, "CONSULT")
    assert found and not any(e.countries for e in found)


def test_a_two_word_demonym_names_its_own_state(pipeline: Any) -> None:
    text = "South Korean troops fired warning shots at North Korean soldiers on Tuesday."
    event = _one(pipeline, text, "ASSAULT")
    assert event.source == ["KOR"] and event.target == ["PRK"]


def test_the_regime_is_the_state_named_just_before(pipeline: Any) -> None:
    text = "Canada condemned Nicaragua on Tuesday. The regime arrested 40 students."
    assert _one(pipeline, text, "COERCE").source == ["NIC"]


def test_the_regime_with_no_state_before_it_names_none(pipeline: Any) -> None:
    found = _events(pipeline, "The regime arrested 40 students on Tuesday.")
    assert not any(a == "NIC" or len(a) == 3 for e in found for a in e.source)


# ---------------------------------------------------------------- places and pronouns


def test_a_town_taken_for_an_actor_is_a_place_and_its_state_the_target(pipeline: Any) -> None:
    event = _one(pipeline, "Rebels seized Gulu on Tuesday.", "COERCE")
    assert event.target == ["UGA"]


def test_a_town_the_attackers_own_army_retook_is_no_target(pipeline: Any) -> None:
    text = "Uganda's army said it had retaken the town of Gulu on Tuesday."
    event = _one(pipeline, text, "ASSAULT")
    assert "UGA" not in event.target and not any("gulu" in a for a in event.target)


def test_a_shelled_place_as_the_passive_subject_is_the_target(pipeline: Any) -> None:
    text = "Kherson was shelled by Russian forces on Tuesday."
    event = _one(pipeline, text, "ASSAULT")
    assert event.source == ["RUS"] and event.target == ["UKR"]


def test_a_shelled_convoy_names_no_state(pipeline: Any) -> None:
    text = "The convoy was shelled by Russian forces on Tuesday."
    assert _one(pipeline, text, "ASSAULT").target == []


def test_an_object_pronoun_is_the_party_named_before_it(pipeline: Any) -> None:
    text = (
        "Had the Chilean envoys landed in Lima, Bolivian officials would have met them on "
        "Tuesday, the ministry said."
    )
    event = _one(pipeline, text, "CONSULT")
    assert event.source == ["BOL"] and event.target == ["CHL"]


def test_an_object_pronoun_with_nobody_before_it_names_nobody(pipeline: Any) -> None:
    event = _one(pipeline, "Bolivian officials met them on Tuesday.", "CONSULT")
    assert event.target == []


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Norway offered to pay for repairs to Kabul's water network.", "AFG"),
        ("Japan refused to send rescue teams to the flood zone in Pakistan.", "PAK"),
    ],
)
def test_the_place_aid_goes_to_names_the_receiver(pipeline: Any, text: str, target: str) -> None:
    assert _one(pipeline, text, "AID").target == [target]


def test_aid_to_an_unnamed_zone_has_no_receiver(pipeline: Any) -> None:
    text = "Japan sent rescue teams to the flood zone on Tuesday."
    assert _one(pipeline, text, "AID").target == []


def test_rules_eased_for_a_nations_people_are_eased_for_that_nation(pipeline: Any) -> None:
    text = "Uzbekistan eased customs rules for Tajik farmers on Tuesday."
    event = _one(pipeline, text, "CONCEDE")
    assert _countries(event, event.target) == {"TJK"}


def test_rules_eased_for_an_occasion_have_no_target(pipeline: Any) -> None:
    text = "Uzbekistan eased customs rules for the holiday on Tuesday."
    assert _one(pipeline, text, "CONCEDE").target == []


def test_a_states_court_and_the_opposition_it_bans_are_of_that_state(pipeline: Any) -> None:
    text = "Bolivia's Supreme Court banned two opposition parties on Tuesday."
    event = _one(pipeline, text, "COERCE")
    assert _countries(event, event.source) == {"BOL"}
    assert _countries(event, event.target) == {"BOL"}


# ---------------------------------------------------------------- attacks at places, patients


def test_a_foreign_forces_raid_at_a_place_targets_the_places_state(pipeline: Any) -> None:
    text = "Egyptian planes launched two raids in Libya on Tuesday."
    assert _one(pipeline, text, "ASSAULT").target == ["LBY"]


def test_a_raid_at_home_targets_no_state(pipeline: Any) -> None:
    text = "Nigerian troops launched two raids in Maiduguri on Tuesday."
    assert "NGA" not in _one(pipeline, text, "ASSAULT").target


def test_a_town_occupied_by_rebels_is_the_occupations_target(pipeline: Any) -> None:
    text = (
        "Malian soldiers have taken back a town in northern Mali occupied by a Nigerien "
        "rebel group."
    )
    occupation = [e for e in _events(pipeline, text) if any("rebel" in a for a in e.source)]
    assert len(occupation) == 1 and occupation[0].target == ["MLI"]
    assert "MLI" not in occupation[0].source  # the soldiers had no part in the occupation


def test_a_town_taken_back_names_no_occupier(pipeline: Any) -> None:
    text = "Malian soldiers have taken back a town in northern Mali."
    assert not any("rebel" in a for e in _events(pipeline, text) for a in e.source)


def test_opposition_supporters_facing_police_are_the_states_opposition(pipeline: Any) -> None:
    text = "Iranian police fired tear gas at opposition supporters on Tuesday."
    event = _one(pipeline, text, "ASSAULT")
    assert _countries(event, event.target) == {"IRN"}
    assert set(event.sectors.values()) == {"opposition"}


def test_a_colon_dateline_places_the_police(pipeline: Any) -> None:
    event = _one(pipeline, "HARARE: Police fired tear gas at students on Saturday.", "ASSAULT")
    assert event.source == ["ZWE"] and _countries(event, event.target) == {"ZWE"}


def test_a_colon_heading_that_is_no_place_places_nobody(pipeline: Any) -> None:
    event = _one(pipeline, "UPDATE: Police fired tear gas at students on Saturday.", "ASSAULT")
    assert not _countries(event, event.source)


def test_force_used_to_disperse_a_crowd_targets_the_crowd(pipeline: Any) -> None:
    text = "Zimbabwean police fired tear gas to disperse supporters of the opposition on Saturday."
    event = _one(pipeline, text, "ASSAULT")
    assert event.source == ["ZWE"] and _countries(event, event.target) == {"ZWE"}


def test_force_used_to_clear_a_road_has_no_target(pipeline: Any) -> None:
    text = "Zimbabwean police fired tear gas to clear the road on Saturday."
    assert _one(pipeline, text, "ASSAULT").target == []


# ---------------------------------------------------------------- pronouns in quotes, victims


def test_they_inside_a_quote_is_not_the_speaker(pipeline: Any) -> None:
    text = '"They opened fire on our convoy," said Arvid Lindahl, a spokesman for the movement.'
    assert not any("lindahl" in a for e in _events(pipeline, text) for a in e.source)


def test_it_in_reported_speech_is_still_the_speaker(pipeline: Any) -> None:
    text = "Hezbollah declared that it would observe a truce during the holiday."
    assert _one(pipeline, text, "CONCEDE").source == ["group:hezbollah"]


def test_the_dead_did_not_injure_the_wounded(pipeline: Any) -> None:
    text = "At least one policeman died and dozens of others were injured, officials said."
    assert not any("policeman" in a.lower() for e in _events(pipeline, text) for a in e.source)


def test_a_coordinated_attack_still_has_its_attacker(pipeline: Any) -> None:
    text = "Rebels stormed the village and killed six farmers on Tuesday."
    assert any("Rebels" in e.source for e in _events(pipeline, text, "ASSAULT"))


def test_the_government_of_a_national_story_is_its_state(pipeline: Any) -> None:
    text = (
        "Colombian troops raided a rebel camp on Tuesday. Two soldiers died in the clash. "
        "The army pursued the fighters. Peace talks stalled in 2004 after the rebels "
        "accused the government of lying."
    )
    assert _one(pipeline, text, "ACCUSE").target == ["COL"]


def test_the_government_between_two_equal_states_is_neither(pipeline: Any) -> None:
    text = (
        "Peru and Chile exchanged fire on Tuesday. Officials met in Geneva. Nothing changed. "
        "Peace talks stalled in 2004 after the rebels accused the government of lying."
    )
    assert not {"PER", "CHL"} & set(_one(pipeline, text, "ACCUSE").target)


def test_a_two_word_demonym_places_unnamed_rebels(pipeline: Any) -> None:
    event = _one(pipeline, "South Sudanese rebels attacked a convoy on Tuesday.", "ASSAULT")
    assert _countries(event, event.source) == {"SSD"}


def test_a_one_word_demonym_after_a_capitalised_word_is_read_alone(pipeline: Any) -> None:
    event = _one(pipeline, "On Tuesday Sudanese rebels attacked a convoy.", "ASSAULT")
    assert _countries(event, event.source) == {"SDN"}


def test_them_after_unnamed_people_is_those_people(pipeline: Any) -> None:
    text = "Riot police chased the students and beat them with batons on Tuesday."
    found = _events(pipeline, text, "ASSAULT")
    assert found and all(e.target == ["Students"] for e in found)


def test_police_without_a_place_act_for_the_state_of_the_story(pipeline: Any) -> None:
    text = (
        "Kenyan police detained two opposition leaders yesterday. The first big street "
        "protests were swiftly crushed. Riot police fired teargas on Monday."
    )
    assert _one(pipeline, text, "ASSAULT").source == ["KEN"]


def test_police_in_a_story_of_two_states_stay_unplaced(pipeline: Any) -> None:
    text = (
        "Kenya and Uganda signed a border pact yesterday. Officials met in Nairobi. "
        "Riot police fired teargas on Monday."
    )
    assert not {"KEN", "UGA"} & set(_one(pipeline, text, "ASSAULT").source)
