"""Event recall on constructions of review rounds 6 and 7a (issue #11), in our own words.

Each construction is tested both ways: the event when the text tells it, none (or not the
wrong one) when a look-alike does not. Recall: a call received from someone is the caller's
call; "the call between A and B"; "is in talks with X"; the agent of a participle on an event
noun made it ("gunfire perpetrated by X"); captives released with no agent were released by
whoever held them; "issued a statement condemning X" is the issuer's condemnation, beside a
second act of the same sentence; "the bloc", "the 27-member bloc" is the organisation named
before; "They" after a sentence whose subject was the rebels; "pushed back the insurgents";
"reiterated interest in deepening ties with X"; mutineers are an armed sector.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from events_kit import events_of, one_event

pytestmark = pytest.mark.model

DAY = dt.date(2026, 3, 13)  # a Friday


def _of_type(pipeline: Any, text: str, event_type: str) -> list[Any]:
    return events_of(pipeline, text, event_type, published=DAY)


# ---------------------------------------------------------------- R2: calls received


def test_a_call_received_from_a_counterpart_is_the_callers_call(pipeline: Any) -> None:
    text = "Chile's foreign minister received a phone call from his Peruvian counterpart on Monday."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert (event.source, event.target, event.mode) == (["PER"], ["CHL"], "phone")


def test_a_call_received_without_phone_is_still_a_call(pipeline: Any) -> None:
    text = "Chile's president received a call from Peru's president on Tuesday."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert (event.source, event.target) == (["PER"], ["CHL"])


def test_a_call_received_from_no_party_of_the_story_is_no_consultation(pipeline: Any) -> None:
    text = "Chile's foreign minister received a phone call from a radio host on Monday."
    assert _of_type(pipeline, text, "CONSULT") == []


# ---------------------------------------------------------------- R3: the call between A and B


def test_the_call_between_two_leaders_is_their_conversation(pipeline: Any) -> None:
    text = (
        "The call between Chile's president and Peru's president on Saturday was their first "
        "contact in a year."
    )
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert sorted(event.source) == ["CHL", "PER"]


def test_the_call_between_a_leader_comma_and_another_has_both_sides(pipeline: Any) -> None:
    text = (
        "The call between Colombian President Gustavo Petro, and Venezuelan President Nicolas "
        "Maduro on Saturday was their first high-level contact in a year."
    )
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert sorted(event.source) == ["person:gustavo-petro", "person:nicolas-maduro"]


def test_a_call_for_calm_is_no_conversation(pipeline: Any) -> None:
    text = "Chile's call for calm on Saturday was ignored by Peru."
    assert _of_type(pipeline, text, "CONSULT") == []


# ---------------------------------------------------------------- R2: in talks with X


def test_being_in_talks_with_someone_is_a_consultation(pipeline: Any) -> None:
    text = "Chile is in intensive talks with Bolivia over the gas pipeline."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert (event.source, event.target) == (["CHL"], ["BOL"])


def test_being_in_a_dispute_with_someone_is_no_consultation(pipeline: Any) -> None:
    text = "Chile is in a bitter dispute with Bolivia over the gas pipeline."
    assert _of_type(pipeline, text, "CONSULT") == []


# ---------------------------------------------------------------- R3: participle agents


def test_gunfire_perpetrated_by_a_force_is_its_attack(pipeline: Any) -> None:
    text = (
        "Heavy gunfire perpetrated by elements of the Chadian army was heard in the capital "
        "on Monday."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["TCD"]


def test_an_attack_carried_out_by_a_group_is_its_attack(pipeline: Any) -> None:
    text = "The raid carried out by Hamas on Tuesday killed three guards."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["group:hamas"]


def test_an_attack_condemned_by_a_state_is_not_its_attack(pipeline: Any) -> None:
    text = "The raid condemned by Kenya killed four guards on Monday."
    assert all("KEN" not in e.source for e in _of_type(pipeline, text, "ASSAULT"))


def test_talks_mediated_by_a_state_do_not_make_it_a_party(pipeline: Any) -> None:
    text = "Talks mediated by Qatar between Chad and the rebels resumed in Doha on Monday."
    assert all("QAT" not in e.source for e in _of_type(pipeline, text, "CONSULT"))


def test_gunfire_nobody_is_named_for_is_no_event(pipeline: Any) -> None:
    text = "Heavy gunfire was heard in the capital of Chad on Monday."
    assert _of_type(pipeline, text, "ASSAULT") == []


# ---------------------------------------------------------------- hostages released by holders


def test_hostages_held_by_a_group_were_released_by_it(pipeline: Any) -> None:
    text = "Eleven hostages held by Hamas were released late on Thursday."
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert (event.source, event.mode) == (["group:hamas"], "release")
    assert event.date is not None and event.date.value == "2026-03-12"


def test_the_release_of_group_held_hostages_is_the_groups(pipeline: Any) -> None:
    text = "The release of 20 Hamas-held hostages on Friday was delayed by hours."
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert event.source == ["group:hamas"]


def test_documents_held_by_a_state_released_are_no_prisoner_release(pipeline: Any) -> None:
    text = "Documents held by Chile were released on Monday."
    assert _of_type(pipeline, text, "RETREAT") == []


def test_hostages_released_with_no_holder_name_no_releaser(pipeline: Any) -> None:
    text = "Eleven hostages held in a cellar were released late on Thursday."
    assert _of_type(pipeline, text, "RETREAT") == []


# ---------------------------------------------------------------- R6: a statement condemning


def test_a_statement_condemning_and_an_accusation_are_two_acts(pipeline: Any) -> None:
    text = (
        "Chile issued a statement condemning the bombing, but accused the rebels of "
        "provoking the violence."
    )
    found = _of_type(pipeline, text, "ACCUSE")
    assert len(found) == 2, found
    assert all(e.source == ["CHL"] for e in found)
    assert any(e.trigger is not None and e.trigger.text == "condemning" for e in found)


def test_a_resolution_calling_on_a_state_is_the_adopters_request(pipeline: Any) -> None:
    text = "The African Union adopted a resolution calling on Niger to free the president."
    event = one_event(pipeline, text, "REQUEST", published=DAY)
    assert (event.source, event.target) == (["igo:au"], ["NER"])


def test_a_letter_received_condemning_something_is_not_the_receivers(pipeline: Any) -> None:
    text = "Chile received a letter condemning the bombing."
    assert _of_type(pipeline, text, "ACCUSE") == []


# ---------------------------------------------------------------- R1: organisation epithets


def test_the_bloc_with_its_member_count_is_the_organisation_named_before(pipeline: Any) -> None:
    text = (
        "The European Union condemned the shelling on Monday. The 27-member regional bloc "
        "urged Belarus to free the prisoners."
    )
    event = one_event(pipeline, text, "REQUEST", published=DAY)
    assert (event.source, event.target) == (["igo:eu"], ["BLR"])


def test_the_alliance_is_the_organisation_named_before(pipeline: Any) -> None:
    text = "NATO condemned the strike on Monday. The alliance called on Belarus to withdraw."
    event = one_event(pipeline, text, "REQUEST", published=DAY)
    assert event.source == ["igo:nato"]


def test_the_bloc_with_no_organisation_before_names_nobody(pipeline: Any) -> None:
    text = "Chile condemned the shelling on Monday. The bloc called on Belarus to withdraw."
    assert _of_type(pipeline, text, "REQUEST") == []


def test_an_alliance_of_named_members_is_a_new_group(pipeline: Any) -> None:
    text = (
        "The European Union met on Monday. The alliance of opposition parties called on "
        "Belarus to hold elections."
    )
    event = one_event(pipeline, text, "REQUEST", published=DAY)
    assert "igo:eu" not in event.source


# ---------------------------------------------------------------- R1: they, mutineers


def test_they_after_the_rebels_are_the_rebels(pipeline: Any) -> None:
    text = (
        "The rebels left the talks in Accra on Monday. They accused the government of Togo "
        "of bad faith."
    )
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.target == ["TGO"]
    assert [event.sectors.get(a) for a in event.source] == ["rebels"]


def test_they_after_a_named_state_is_not_a_sector(pipeline: Any) -> None:
    text = (
        "Togo left the talks in Accra on Monday. They accused the government of Ghana of bad faith."
    )
    assert _of_type(pipeline, text, "ACCUSE") == []


def test_the_mutineers_are_an_armed_sector_a_call_is_aimed_at(pipeline: Any) -> None:
    text = (
        "Soldiers mutinied in Niger on Tuesday. The African Union called on the mutineers "
        "to lay down their arms."
    )
    event = one_event(pipeline, text, "REQUEST", published=DAY)
    assert event.source == ["igo:au"]
    assert [event.sectors.get(a) for a in event.target] == ["rebels"]


# ---------------------------------------------------------------- R2: pushed back, interest


def test_pushing_back_insurgents_is_an_attack_on_them(pipeline: Any) -> None:
    text = "The Chadian army contained the raid and pushed back the insurgents, the ministry said."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["TCD"]
    assert [event.sectors.get(a) for a in event.target] == ["rebels"]


def test_pushing_back_a_deadline_is_no_attack(pipeline: Any) -> None:
    text = "Chad pushed back the deadline for the census on Monday."
    assert _of_type(pipeline, text, "ASSAULT") == []


def test_interest_in_deepening_ties_is_an_offer(pipeline: Any) -> None:
    text = "Chile reiterated its interest in deepening relations with Bolivia."
    event = one_event(pipeline, text, "AGREE", published=DAY)
    assert (event.source, event.target, event.status) == (["CHL"], ["BOL"], "proposed")


def test_interest_in_an_art_fair_is_no_offer(pipeline: Any) -> None:
    text = "Chile expressed interest in the art fair in Lima."
    assert _of_type(pipeline, text, "AGREE") == []


# ---------------------------------------------------------------- round 7a


def test_a_date_the_parser_hangs_on_the_agent_dates_the_release(pipeline: Any) -> None:
    text = "Four aid workers were released by kidnappers on Tuesday for a large ransom."
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert event.date is not None and event.date.value == "2026-03-10"


def test_the_owner_of_frozen_assets_is_the_target_not_where_they_are(pipeline: Any) -> None:
    text = "Canada froze the Swiss assets of five Iranian officials on Monday."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert (event.source, event.target) == (["CAN"], ["IRN"])


def test_assets_without_an_owner_keep_their_possessor(pipeline: Any) -> None:
    text = "Canada froze Iran's assets on Monday."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.target == ["IRN"]


def test_forces_loyal_to_a_leader_act_for_him(pipeline: Any) -> None:
    text = "Forces loyal to President Nicolas Maduro fired on the crowd in Caracas on Saturday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["person:nicolas-maduro"]


def test_forces_not_said_to_be_loyal_to_anyone_name_no_leader(pipeline: Any) -> None:
    text = (
        "Forces close to the border fired on the crowd on Saturday, said President Nicolas Maduro."
    )
    assert all("person:nicolas-maduro" not in e.source for e in _of_type(pipeline, text, "ASSAULT"))


def test_terrorists_the_state_agency_names_are_an_armed_sector(pipeline: Any) -> None:
    text = "The state news agency said terrorists killed four guards in an ambush near Homs."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert [event.sectors.get(a) for a in event.source] == ["rebels"]


def test_approving_a_joint_declaration_is_an_agreement(pipeline: Any) -> None:
    text = "Leaders of the G20 approved a joint declaration on the first day of the summit."
    event = one_event(pipeline, text, "AGREE", published=DAY)
    assert event.source == ["igo:g20"]


def test_approving_a_budget_is_no_agreement(pipeline: Any) -> None:
    text = "Leaders of the G20 approved the budget of the secretariat on Monday."
    assert _of_type(pipeline, text, "AGREE") == []


# --- integrator: a target preposition misattached after a noun of service --------------------


def test_the_person_advisers_serve_is_no_target_of_the_sanction(pipeline: Any) -> None:
    # The parser hangs "to President X" on "froze"; it names whom the advisers serve.
    text = (
        "Washington on Monday froze the U.S. assets of seven Turkish officials, including top "
        "advisers to President Recep Tayyip Erdogan."
    )
    sanction = one_event(pipeline, text, "SANCTION", published=dt.date(2014, 3, 18))
    assert sanction.target == ["TUR"]


def test_an_ambassador_to_a_state_still_names_the_target_of_a_recall(pipeline: Any) -> None:
    text = "Canada recalled its ambassador to Iran on Monday."
    recall = one_event(pipeline, text, "SANCTION", published=dt.date(2014, 3, 18))
    assert (recall.source, recall.target) == (["CAN"], ["IRN"])
