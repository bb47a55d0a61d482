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
