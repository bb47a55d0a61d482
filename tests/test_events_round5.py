"""Event constructions from review round 5 (issue #11), in our own words, each both ways.

Recall: a state's forces named without their state ("the military", "government troops") act
for the state of the story; "government and rebel forces" are both sides; a condemned attack
named with its author is an attack of its own; "reaffirmed support for X's security" supports
X; "took hundreds of prisoners" is an abduction; "reminded the parties of their
responsibility" is a request; "X's acceptance of a truce proposal" is an agreement; a protest
"lodged with X" accuses X. Precision: "ready to take part in a conference" is no threat; a
kidnapping and a shooting by the same group are two acts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from events_kit import events_of, one_event

pytestmark = pytest.mark.model

DAY = dt.date(2026, 5, 15)  # a Friday


def _types(pipeline: Any, text: str) -> list[str]:
    return [e.type for e in events_of(pipeline, text, published=DAY)]


# ---------------------------------------------------------------- state forces without a state


def test_the_military_of_a_datelined_story_acts_for_its_state(pipeline: Any) -> None:
    text = "MAIDUGURI, Nigeria - The military retook the town of Gwoza from insurgents on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["NGA"]


def test_government_troops_act_for_the_state_the_story_names(pipeline: Any) -> None:
    text = (
        "Chad closed its border with Sudan on Monday. "
        "Government troops shelled rebel camps near Abeche on Wednesday."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["TCD"]


def test_the_military_a_leader_speaks_of_is_his_state_not_the_wire_dateline(
    pipeline: Any,
) -> None:
    text = (
        "HANOI (VNA) - Indonesian President Joko Widodo said the military killed five "
        "kidnappers on Monday."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["IDN"]


def test_bare_soldiers_name_no_state(pipeline: Any) -> None:
    text = "Soldiers shelled the camps near Abeche on Wednesday."
    assert "ASSAULT" not in _types(pipeline, text)


def test_an_army_accused_by_an_armed_group_is_not_the_group_s_state(pipeline: Any) -> None:
    text = "Hezbollah accused the army of shooting three shepherds."
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.target == []


def test_government_and_rebel_forces_are_both_sides(pipeline: Any) -> None:
    text = (
        "Chad closed its border with Sudan on Monday. "
        "Government and rebel forces agreed to a three-day truce on Tuesday."
    )
    event = one_event(pipeline, text, "AGREE", published=DAY)
    assert "TCD" in event.source and len(event.source) == 2
    assert event.sectors.get("Rebel forces") == "rebels"


# ---------------------------------------------------------------- condemned acts


def test_a_condemned_attack_with_its_author_is_an_attack(pipeline: Any) -> None:
    text = "Indonesia condemned the latest raids by Israel on Khan Younis."
    attack = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert attack.source == ["ISR"]
    assert one_event(pipeline, text, "ACCUSE", published=DAY).target == ["ISR"]


def test_a_condemned_attack_without_an_author_is_only_condemned(pipeline: Any) -> None:
    text = "Indonesia condemned any raid on hospitals."
    assert "ASSAULT" not in _types(pipeline, text)


# ---------------------------------------------------------------- support for X's ...


def test_reaffirmed_support_for_a_state_s_security_supports_it(pipeline: Any) -> None:
    text = "France reaffirmed its support for Ukraine's security on Thursday."
    event = one_event(pipeline, text, "SUPPORT", published=DAY)
    assert event.source == ["FRA"] and event.target == ["UKR"]


def test_support_measured_in_a_poll_is_no_support(pipeline: Any) -> None:
    text = "A French institute measured support for Ukraine's security in a poll."
    assert "SUPPORT" not in _types(pipeline, text)


# ---------------------------------------------------------------- new phrasings


def test_taking_prisoners_is_an_abduction(pipeline: Any) -> None:
    text = "Maoist guerrillas took dozens of prisoners in Dantewada on Thursday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.mode == "abduct"


def test_taking_prisoners_letters_is_no_abduction(pipeline: Any) -> None:
    text = "The chaplain took the prisoners' letters to the post office on Thursday."
    assert "ASSAULT" not in _types(pipeline, text)


def test_reminding_parties_of_their_obligations_is_a_request(pipeline: Any) -> None:
    text = "UNICEF reminded the warring parties of their obligations to spare schools."
    assert "REQUEST" in _types(pipeline, text)


def test_reminding_viewers_of_a_war_is_no_request(pipeline: Any) -> None:
    text = "UNICEF reminded viewers of the war in a short film."
    assert "REQUEST" not in _types(pipeline, text)


def test_acceptance_of_a_truce_proposal_is_an_agreement(pipeline: Any) -> None:
    text = "Hezbollah's acceptance of the truce proposal was announced on Tuesday."
    event = one_event(pipeline, text, "AGREE", published=DAY)
    assert event.source == ["group:hezbollah"]


def test_acceptance_of_new_rules_by_the_public_is_no_agreement(pipeline: Any) -> None:
    text = "The public's acceptance of the new parking rules grew over the summer."
    assert "AGREE" not in _types(pipeline, text)


def test_a_protest_lodged_with_a_state_accuses_it(pipeline: Any) -> None:
    text = "Bangladesh lodged a protest with Myanmar over the shelling on Sunday."
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.source == ["BGD"] and event.target == ["MMR"]


def test_a_protest_students_hold_is_still_a_demonstration(pipeline: Any) -> None:
    text = "Students held a protest against the fee rise in Dhaka on Sunday."
    assert _types(pipeline, text) == ["PROTEST"]


def test_ready_to_take_part_in_a_conference_is_no_threat(pipeline: Any) -> None:
    text = "Canada is ready to take part in a proposed peace conference in Vienna."
    assert "THREATEN" not in _types(pipeline, text)


def test_ready_to_take_action_is_still_a_threat(pipeline: Any) -> None:
    text = "Israel is ready to take action against Hezbollah, the minister said."
    assert "THREATEN" in _types(pipeline, text)


# ---------------------------------------------------------------- two acts of one side


def test_a_kidnapping_and_a_shooting_by_one_group_stay_two(pipeline: Any) -> None:
    text = (
        "The hostages were taken by the militants during the raid on Quetta. "
        "On May 3, the militants gunned down nine policemen near the border."
    )
    modes = [e.mode for e in events_of(pipeline, text, "ASSAULT", published=DAY)]
    assert sorted(m or "" for m in modes) == ["", "abduct"]


# ---------------------------------------------------------------- targets and passives


def test_the_toll_of_an_ambush_names_its_target(pipeline: Any) -> None:
    text = "Insurgents ambushed a convoy in Helmand, killing six Afghan policemen."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.target == ["AFG"]


def test_an_ambush_without_a_toll_keeps_no_target(pipeline: Any) -> None:
    text = "Insurgents ambushed a convoy in the desert, hoping to seize its cargo."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.target == []


def test_an_exchange_of_fire_between_two_armies_is_an_attack_by_both(pipeline: Any) -> None:
    text = "An exchange of fire took place between Thai and Cambodian troops on Sunday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert set(event.source) == {"THA", "KHM"} == set(event.target)


def test_a_shooting_during_an_exchange_of_fire_is_one_attack(pipeline: Any) -> None:
    text = "Thai troops shot dead a Cambodian soldier during an exchange of fire on Sunday."
    assert len(events_of(pipeline, text, "ASSAULT", published=DAY)) == 1


def test_boosting_sanctions_is_a_sanction(pipeline: Any) -> None:
    text = "Canada will boost sanctions against Iranian officials."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.source == ["CAN"] and event.target == ["IRN"]


def test_boosting_exports_is_no_sanction(pipeline: Any) -> None:
    text = "Canada will boost exports to Iranian buyers."
    assert "SANCTION" not in _types(pipeline, text)


def test_an_agentless_arrest_in_a_city_is_by_its_state(pipeline: Any) -> None:
    text = "Dozens of students were arrested in Minsk on Friday."
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.source == ["BLR"]


def test_an_agentless_arrest_nowhere_named_is_no_event(pipeline: Any) -> None:
    text = "Dozens of students were arrested on Friday."
    assert "COERCE" not in _types(pipeline, text)


# ---------------------------------------------------------------- sides named in other ways


def test_a_first_conjunct_naming_no_one_leaves_the_second(pipeline: Any) -> None:
    text = "Belarusian police detained organizers and demonstrators in Minsk on Friday."
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.target and event.sectors.get(event.target[0]) == "protesters"


def test_an_ethnic_army_is_the_other_side_of_the_fighting(pipeline: Any) -> None:
    text = (
        "Myanmar held talks with ethnic leaders on Monday. "
        "Heavy fighting between the government forces and the Wa ethnic army continued in Shan."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert "MMR" in event.source and len(event.source) == 2
    assert event.sectors.get(next(a for a in event.source if a != "MMR")) == "rebels"


def test_a_state_s_army_stays_the_state(pipeline: Any) -> None:
    text = "The Sudanese army attacked the RSF in Khartoum on Sunday."
    assert one_event(pipeline, text, "ASSAULT", published=DAY).source == ["SDN"]


def test_retaking_a_town_and_shelling_it_are_two_acts(pipeline: Any) -> None:
    text = (
        "BAMAKO, Mali - The army shelled rebel positions near Kidal on Monday. "
        "The army recaptured the town of Anefis on Monday."
    )
    modes = sorted(e.mode or "" for e in events_of(pipeline, text, "ASSAULT", published=DAY))
    assert modes == ["", "occupy"]


def test_revoking_export_licences_is_a_sanction(pipeline: Any) -> None:
    text = "Japan is revoking export licences for Iranian firms."
    assert one_event(pipeline, text, "SANCTION", published=DAY).source == ["JPN"]


def test_revoking_a_law_is_no_sanction(pipeline: Any) -> None:
    text = "Japan's parliament revoked the 1998 law on Monday."
    assert "SANCTION" not in _types(pipeline, text)


def test_a_relative_clause_unveiling_sanctions_is_a_sanction(pipeline: Any) -> None:
    text = "Officials met allies like Canada, which also unveiled sanctions on Belarusian banks."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.source == ["CAN"] and event.target == ["BLR"]


def test_unveiling_a_phone_is_no_sanction(pipeline: Any) -> None:
    text = "Samsung unveiled a new phone in Seoul on Monday."
    assert "SANCTION" not in _types(pipeline, text)


# ---------------------------------------------------------------- reported passives, "also"


def test_a_beating_reported_in_a_perfect_infinitive_occurred(pipeline: Any) -> None:
    text = "Many students were reported to have been beaten by the police in Minsk."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.status == "occurred" and event.source == ["BLR"]


def test_a_reported_passive_without_an_agent_names_no_attacker(pipeline: Any) -> None:
    text = "Many students were reported to have been beaten in Minsk."
    assert "ASSAULT" not in _types(pipeline, text)


def test_a_second_call_marked_also_is_another_request(pipeline: Any) -> None:
    text = (
        "Human Rights Watch is calling on the Belarusian authorities to free the students. "
        "Human Rights Watch is also calling on the authorities to end the mass arrests."
    )
    assert len(events_of(pipeline, text, "REQUEST", published=DAY)) == 2


def test_a_call_retold_without_also_is_one_request(pipeline: Any) -> None:
    text = (
        "Human Rights Watch urged Belarus to free the students. "
        "Human Rights Watch called on the Belarusian authorities to release the students."
    )
    assert len(events_of(pipeline, text, "REQUEST", published=DAY)) == 1


# ---------------------------------------------------------------- deaths and unknown authors


def test_a_soldier_dying_in_clashes_with_rebels_is_their_attack(pipeline: Any) -> None:
    text = "A Peruvian soldier died in clashes with Shining Path rebels on Tuesday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.target == ["PER"] and event.source


def test_dying_in_a_car_crash_is_no_attack(pipeline: Any) -> None:
    text = "Two Peruvian policemen died in a car crash on Tuesday."
    assert "ASSAULT" not in _types(pipeline, text)


def test_an_attack_by_unidentified_men_keeps_its_target(pipeline: Any) -> None:
    text = (
        "Mali condemned Sunday's attack by unidentified assailants on a convoy of Togolese troops."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == [] and event.target == ["TGO"]


def test_an_attack_without_author_or_target_is_no_event(pipeline: Any) -> None:
    text = "Mali condemned Sunday's attack by unidentified assailants."
    assert "ASSAULT" not in _types(pipeline, text)


# ---------------------------------------------------------------- mobilisation in the passive


def test_troops_deployed_in_the_passive_are_their_state_s(pipeline: Any) -> None:
    text = "Thai troops were deployed along the border on Monday."
    event = one_event(pipeline, text, "MOBILIZE", published=DAY)
    assert event.source == ["THA"] and event.target == []


def test_troops_sent_to_a_place_make_no_actor_of_it(pipeline: Any) -> None:
    text = "More troops have been deployed to Kivu, the spokesman said."
    assert "MOBILIZE" not in _types(pipeline, text)


def test_troops_put_on_high_alert_are_mobilised(pipeline: Any) -> None:
    text = "Cambodian troops were put on high alert after the clash."
    assert one_event(pipeline, text, "MOBILIZE", published=DAY).source == ["KHM"]


def test_a_plan_put_on_hold_is_no_mobilisation(pipeline: Any) -> None:
    text = "Cambodia put the plan on hold on Monday."
    assert "MOBILIZE" not in _types(pipeline, text)


# ---------------------------------------------------------------- battles, commitments, one time


def test_an_army_and_an_armed_group_battling_each_other_are_both_sides(pipeline: Any) -> None:
    text = "Despite the truce, the army and the RSF have continued to battle each other."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert set(event.source) == {"SDN", "group:rsf"} == set(event.target)


def test_firefighters_battling_a_blaze_is_no_attack(pipeline: Any) -> None:
    text = "Turkish firefighters battled a blaze near Izmir on Monday."
    assert "ASSAULT" not in _types(pipeline, text)


def test_a_second_verb_shares_the_date_of_the_first(pipeline: Any) -> None:
    text = "Houthi fighters stormed the port on Tuesday and battled Yemeni troops for hours."
    dates = {e.date.value for e in events_of(pipeline, text, "ASSAULT", published=DAY) if e.date}
    assert dates == {"2026-05-12"}


def test_reaffirmed_commitment_is_an_agreement(pipeline: Any) -> None:
    text = "Cambodia and Thailand reaffirmed their commitment to the border truce."
    assert one_event(pipeline, text, "AGREE", published=DAY).source == ["KHM", "THA"]


def test_a_firm_s_commitment_to_customers_is_no_agreement(pipeline: Any) -> None:
    text = "The bank reaffirmed its commitment to customers on Monday."
    assert "AGREE" not in _types(pipeline, text)


# ---------------------------------------------------------------- what another side must do


def test_what_a_speaker_says_another_side_must_do_is_a_demand(pipeline: Any) -> None:
    text = "France said Russia must withdraw its troops from Moldova."
    event = one_event(pipeline, text, "REQUEST", published=DAY)
    assert event.source == ["FRA"] and event.target == ["RUS"]
    assert "RETREAT" not in _types(pipeline, text)


def test_what_a_speaker_says_it_must_do_itself_is_no_demand(pipeline: Any) -> None:
    text = "Russia said it must withdraw its troops from Moldova."
    assert "REQUEST" not in _types(pipeline, text)


def test_holding_a_state_responsible_accuses_it(pipeline: Any) -> None:
    text = "Indonesia holds Israel responsible for the deaths of nine aid workers."
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.source == ["IDN"] and event.target == ["ISR"]


def test_holding_talks_or_a_line_is_no_accusation(pipeline: Any) -> None:
    text = "Indonesia and Malaysia held talks in Jakarta. The army held the line near the river."
    assert "ACCUSE" not in _types(pipeline, text)
