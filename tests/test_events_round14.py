"""Event constructions from review round 14 (issue #11), in our own words, both ways.

Status: an infinitive on a noun of intention is still to come wherever the noun stands
("details of X's intention to close its border"). False events: "maintain its force levels"
acts on a number, not on force. Types: approving the sale of arms to a state is AID (military),
not SUPPORT. Sides: "on the side of X" names whom one sides with, never the target; a call's
partner hung by the parser on "since taking office with X"; a gerund opening the sentence is no
part of the name after it nor a second subject ("Congratulating X on ..., Y thanked ...").
One act: "held a call with X to discuss Y" is one consultation, and "spoke on Tuesday to
discuss" is dated Tuesday.
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


def _names(pipeline: Any, text: str) -> dict[str, str]:
    raw_events = pipeline.run(_raw(text))
    return {a.id: a.name for a in raw_events.actors}


def _raw(text: str) -> Any:
    from parley.models import RawDocument

    return RawDocument(source="event-test", text=text, published_at=DAY)


# ---------------------------------------------------------------- intentions (P3)


def test_an_intention_inside_a_phrase_is_still_to_come(pipeline: Any) -> None:
    text = "Aid groups are awaiting details of Chile's intention to close its northern border."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.source == ["CHL"]
    assert event.status == "planned"


def test_an_announced_intention_is_planned_and_done_by_who_announced_it(pipeline: Any) -> None:
    text = "Chile announced its intention to close its border with Peru."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert (event.source, event.target, event.status) == (["CHL"], ["PER"], "planned")


def test_a_border_closed_on_a_day_stays_done(pipeline: Any) -> None:
    text = "Chile closed its border with Peru on Monday in a move to stop smugglers."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.status == "occurred"
    assert event.date is not None and event.date.value == "2026-05-11"


# ---------------------------------------------------------------- measures (P1)


def test_keeping_force_levels_is_no_attack(pipeline: Any) -> None:
    text = (
        "NATO will maintain its force levels in Kosovo with a ceiling of 4,000 troops, "
        "according to a statement."
    )
    assert "ASSAULT" not in _types(pipeline, text)


def test_a_force_kept_up_against_someone_stays_an_attack(pipeline: Any) -> None:
    text = "The rebels will maintain force against the government, their leader said."
    assert "ASSAULT" in _types(pipeline, text)


# ---------------------------------------------------------------- arms sales (P2)


def test_approving_a_sale_of_jets_to_a_state_is_military_aid(pipeline: Any) -> None:
    text = "Norway approved the sale of six F-16 jets to Romania on Thursday."
    event = one_event(pipeline, text, "AID", published=DAY)
    assert (event.mode, event.source, event.target) == ("military", ["NOR"], ["ROU"])
    assert "SUPPORT" not in _types(pipeline, text)


def test_the_recipient_after_a_value_phrase_is_still_the_target(pipeline: Any) -> None:
    text = (
        "The State Department has approved the sale of F-16 aircraft and related equipment "
        "with an estimated value of $2.5 billion to Romania."
    )
    event = one_event(pipeline, text, "AID", published=DAY)
    assert event.target == ["ROU"]


def test_selling_helicopters_to_a_state_is_military_aid(pipeline: Any) -> None:
    text = "Chile sold six helicopters to Peru on Monday."
    event = one_event(pipeline, text, "AID", published=DAY)
    assert (event.source, event.target) == (["CHL"], ["PER"])


def test_approving_the_sale_of_a_company_is_no_event(pipeline: Any) -> None:
    text = "The government approved the sale of the state oil company to a Chinese investor."
    assert _types(pipeline, text) == []


# ---------------------------------------------------------------- allegiance (P4)


def test_protesters_on_the_side_of_a_president_do_not_target_him(pipeline: Any) -> None:
    text = (
        "The French Embassy in Venezuela was attacked by protesters on the side of Venezuelan "
        "President Nicolas Maduro."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    names = _names(pipeline, text)
    assert [names.get(t) for t in event.target] == ["French Embassy"]


def test_fire_on_the_side_of_a_convoy_still_hits_it(pipeline: Any) -> None:
    text = "Chilean troops fired on the side of the Peruvian convoy on Monday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.target == ["PER"]


# ---------------------------------------------------------------- calls (P5, P6, P7, P8)


def test_a_call_partner_after_since_taking_office_is_the_target(pipeline: Any) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas held her first phone call since taking office "
        "with her Peruvian counterpart, Luis Vargas, on Monday."
    )
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert event.source and event.target == ["PER"]


def test_a_meeting_with_someone_before_a_call_is_not_the_calls_partner(pipeline: Any) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas held a phone call on Monday after meeting with "
        "Peruvian President Luis Vargas."
    )
    calls = [e for e in _events(pipeline, text) if e.mode == "phone"]
    assert len(calls) == 1 and calls[0].target == []


def test_a_call_held_to_discuss_something_is_one_consultation(pipeline: Any) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas held a phone call with Peruvian Foreign Minister "
        "Luis Vargas on Monday to discuss the border."
    )
    assert _types(pipeline, text) == ["CONSULT"]


def test_two_separate_meetings_stay_two(pipeline: Any) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas met Peruvian Foreign Minister Luis Vargas on "
        "Monday and talked with Bolivian President Carlos Mesa on Tuesday."
    )
    assert _types(pipeline, text).count("CONSULT") == 2


def test_what_a_conversation_was_held_to_discuss_takes_its_day(pipeline: Any) -> None:
    text = (
        "Chilean Foreign Minister Ana Rojas and her Peruvian counterpart Luis Vargas spoke "
        "for an hour on Tuesday afternoon to discuss the border."
    )
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert event.date is not None and event.date.value == "2026-05-12"


def test_a_departure_to_discuss_something_dates_nothing(pipeline: Any) -> None:
    text = "Ana Rojas left for Lima on Tuesday to discuss the border with Luis Vargas."
    for event in _events(pipeline, text):
        assert event.date is None or event.date.value != "2026-05-12"


def test_an_opening_gerund_is_no_part_of_a_name_nor_a_subject(pipeline: Any) -> None:
    text = (
        "Foreign minister Lee Min-ho held a phone call with his Chilean counterpart, Ana Rojas, "
        "on Tuesday. Congratulating Lee on his inauguration, Rojas thanked the Seoul government "
        "for its provision of humanitarian assistance to Santiago for recovery efforts after "
        "the floods."
    )
    thanks = one_event(pipeline, text, "SUPPORT", published=DAY)
    names = _names(pipeline, text)
    assert [names.get(s) for s in thanks.source] == ["Ana Rojas"]
    assert thanks.target == ["KOR"]
    assert not any(n.startswith("Congratulating") for n in names.values())


# ---------------------------------------------------------------- dates counted back (P7)


def test_a_day_after_hung_on_the_conjunction_counts_back(pipeline: Any) -> None:
    text = (
        "The incident came a day after U.S. Ambassador to Chile Robert Ford slammed the "
        "Chilean government."
    )
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.date is not None and event.date.value == "2026-05-14"


def test_an_act_with_no_count_of_days_keeps_the_days_date(pipeline: Any) -> None:
    text = "The incident came after U.S. Ambassador to Chile Robert Ford slammed the government."
    for event in _events(pipeline, text):
        assert event.date is None or event.date.value != "2026-05-14"


# ---------------------------------------------------------------- ultimatums (R2)


def test_a_deadline_given_to_a_state_is_an_ultimatum(pipeline: Any) -> None:
    text = (
        "Chilean President Ana Rojas yesterday gave Peru until noon today to begin a total "
        "withdrawal from the border zone, or face a ground offensive."
    )
    event = one_event(pipeline, text, "THREATEN", published=DAY)
    assert event.source and event.target == ["PER"]
    assert event.date is not None and event.date.value == "2026-05-14"
    assert "RETREAT" not in _types(pipeline, text)  # the demanded withdrawal is no one's act


def test_hours_given_to_leave_are_an_ultimatum(pipeline: Any) -> None:
    text = "Chile gave Peru 48 hours to withdraw its troops from the border or face attack."
    event = one_event(pipeline, text, "THREATEN", published=DAY)
    assert (event.source, event.target) == (["CHL"], ["PER"])


def test_giving_a_loan_or_time_to_think_is_no_ultimatum(pipeline: Any) -> None:
    assert "THREATEN" not in _types(pipeline, "Chile gave Peru a loan of $5 million on Monday.")
    assert "THREATEN" not in _types(pipeline, "Chile gave Peru time to consider the offer.")


# ---------------------------------------------------------------- missions (R2)


def test_the_security_council_extending_its_mission_aids_the_host(pipeline: Any) -> None:
    text = (
        "The UN Security Council voted Wednesday to extend for another year its mission in "
        "Mali, a country still plagued by violence."
    )
    event = one_event(pipeline, text, "AID", published=DAY)
    assert event.target == ["MLI"]
    assert event.date is not None and event.date.value == "2026-05-13"


def test_a_state_extending_its_own_operation_aids_no_one(pipeline: Any) -> None:
    text = "Russia extended its military operation in Syria on Monday."
    assert "AID" not in _types(pipeline, text)


# ---------------------------------------------------------------- weapons tests (R3)


def test_a_missile_launch_by_a_state_is_a_weapons_test(pipeline: Any) -> None:
    text = "Widespread international condemnation followed a missile launch by North Korea."
    event = one_event(pipeline, text, "MOBILIZE", published=DAY)
    assert (event.mode, event.source) == ("weapons", ["PRK"])


def test_a_missile_launch_on_a_city_and_a_product_launch_are_no_test(pipeline: Any) -> None:
    assert "MOBILIZE" not in _types(pipeline, "The missile launch on Kyiv killed three people.")
    text = "The company announced the launch of a new phone on Monday."
    assert "MOBILIZE" not in _types(pipeline, text)


def test_missile_launches_a_meeting_discussed_are_a_topic(pipeline: Any) -> None:
    text = (
        "Tanaka said the two sides had also discussed Iran's missile launches and the safety of "
        "shipping in the Gulf."
    )
    assert "MOBILIZE" not in _types(pipeline, text)


def test_two_missile_tests_are_counted_acts(pipeline: Any) -> None:
    text = "North Korea conducted two missile tests on Wednesday."
    assert "MOBILIZE" in _types(pipeline, text)


# ---------------------------------------------------------- casualties and their cause (P5, R3)


def test_killed_in_an_exchange_of_fire_with_x_is_xs_attack(pipeline: Any) -> None:
    text = (
        "A Chilean border guard was killed and another wounded in an exchange of fire with "
        "Peruvian forces on Monday, officials said."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert (event.source, event.target) == (["PER"], ["CHL"])


def test_killed_in_a_road_accident_is_still_no_attack(pipeline: Any) -> None:
    text = "Two Chilean soldiers were killed in a road accident on Monday."
    assert "ASSAULT" not in _types(pipeline, text)


def test_they_in_a_when_clause_are_those_the_passive_befell(pipeline: Any) -> None:
    text = (
        "Two rebels were killed on Monday when they attacked a Chilean army post near the border."
    )
    attacks = [e for e in _events(pipeline, text) if e.type == "ASSAULT" and e.target == ["CHL"]]
    assert len(attacks) == 1
    assert attacks[0].source  # the rebels
    assert attacks[0].date is not None and attacks[0].date.value == "2026-05-11"


def test_they_after_an_active_clause_is_left_unresolved(pipeline: Any) -> None:
    text = "Police arrested the rebels when they attacked the Chilean army post."
    attacks = [e for e in _events(pipeline, text) if e.type == "ASSAULT"]
    assert attacks == []


def test_the_toll_of_a_fight_told_before_adds_no_attack(pipeline: Any) -> None:
    text = (
        "The talks were postponed after a skirmish on the border. Chile's army said one "
        "soldier was wounded in the exchange of fire."
    )
    assert "ASSAULT" not in _types(pipeline, text)
