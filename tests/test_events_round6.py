"""Event precision constructions from review round 6 (issue #11), in our own words, both ways.

P1 not an event: a shared view ("agreed on the need for a truce", "stressed the need to
resolve the crisis"), a commitment to support efforts nobody owns, "no meetings were
scheduled", an appointment. P2: missiles launched on a country are an attack on it. P3: talks
an infinitive of purpose aims at, or an embedded question asks about, did not occur and were
not refused. P4: a facilitator or a mediator is no party. P6: one side's part of a mutual act,
or an officer's retelling of the organisation's act, is told once. P7: an act under way when a
dated statement was made takes the statement's day. P8: a bare surname of someone the article
names in full, and the last word of a full name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from events_kit import events_of, one_event
from parley.models import RawDocument

pytestmark = pytest.mark.model

DAY = dt.date(2026, 5, 15)  # a Friday


def _types(pipeline: Any, text: str) -> list[str]:
    return [e.type for e in events_of(pipeline, text, published=DAY)]


# ---------------------------------------------------------------- P1 not an event


def test_agreeing_on_the_need_for_a_truce_is_a_shared_view(pipeline: Any) -> None:
    text = (
        "President Ruto spoke today with Prime Minister Abiy of Ethiopia. They agreed on the "
        "need for a ceasefire in Sudan as soon as possible."
    )
    assert "AGREE" not in _types(pipeline, text)


def test_agreeing_on_a_truce_is_an_agreement(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Kenya and Ethiopia agreed on a ceasefire in Sudan on Monday.",
        "AGREE",
        published=DAY,
    )
    assert set(event.source) == {"KEN", "ETH"}


def test_a_commitment_to_support_unowned_efforts_is_no_act(pipeline: Any) -> None:
    text = (
        "Kenya's foreign minister spoke with his Ethiopian counterpart on Sunday, reiterating "
        "their commitment to support efforts at achieving calm in the region."
    )
    types = _types(pipeline, text)
    assert "AGREE" not in types and "SUPPORT" not in types
    assert "CONSULT" in types


def test_support_for_a_named_sides_efforts_stays(pipeline: Any) -> None:
    text = (
        "Kenya's foreign minister spoke with his Ethiopian counterpart on Sunday, reiterating "
        "their commitment to support Somalia's efforts at achieving calm."
    )
    event = one_event(pipeline, text, "SUPPORT", published=DAY)
    assert event.target == ["SOM"]


def test_a_commitment_to_a_settlement_stays_an_agreement(pipeline: Any) -> None:
    text = "Kenya reaffirmed its commitment to a peaceful settlement with Ethiopia."
    assert one_event(pipeline, text, "AGREE", published=DAY).source == ["KEN"]


def test_no_meetings_scheduled_is_no_agreement_and_no_meeting_with_the_mediator(
    pipeline: Any,
) -> None:
    text = (
        "Chadian rebels say they are ready to resume peace talks with the government. The "
        "statement came after the rebels met with the chief mediator, Gabonese President Omar "
        "Bongo, at his palace in Libreville. No face-to-face meetings were scheduled Monday "
        "between the rebel and government delegations."
    )
    found = events_of(pipeline, text, published=DAY)
    assert not [e for e in found if e.type == "AGREE" and e.status == "occurred"]
    meetings = [e for e in found if e.type == "CONSULT"]
    assert len(meetings) == 1  # the rebels' meeting with the mediator, nothing more
    assert meetings[0].status == "occurred"
    assert meetings[0].date is not None and meetings[0].date.value == "2026-05-15"  # not Monday


def test_talks_scheduled_for_a_day_are_planned_talks(pipeline: Any) -> None:
    text = "Talks between Sudan and South Sudan were scheduled for Monday."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert event.status == "planned" and set(event.source) == {"SDN", "SSD"}
    assert "AGREE" not in _types(pipeline, text)


def test_appointing_ones_own_negotiator_is_no_cooperation(pipeline: Any) -> None:
    for text in (
        "The government of Sri Lanka appointed its justice minister, Ravi Perera, as chief "
        "negotiator on Wednesday.",
        "The government of Sri Lanka appointed Justice Minister Ravi Perera as negotiator.",
    ):
        types = _types(pipeline, text)
        assert "COOPERATE" not in types and "SUPPORT" not in types, text


def test_appointing_an_envoy_to_another_state_stays(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Russia appointed a new ambassador to Syria on Wednesday.",
        "SUPPORT",
        published=DAY,
    )
    assert (event.source, event.target) == (["RUS"], ["SYR"])


def test_two_leaders_stressing_a_need_together_make_no_request(pipeline: Any) -> None:
    text = "Emir Tamim and King Salman stressed the need to resolve the crisis through dialogue."
    assert "REQUEST" not in _types(pipeline, text)


def test_a_need_put_to_another_side_is_a_request(pipeline: Any) -> None:
    text = "Emir Tamim and King Salman stressed the need for Iran to halt its attacks."
    assert one_event(pipeline, text, "REQUEST", published=DAY).target == ["IRN"]


# ---------------------------------------------------------------- P2 wrong type


def test_missiles_launched_on_a_country_are_an_attack_on_it(pipeline: Any) -> None:
    text = "Syria launched missiles and drones on Turkey on Sunday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert (event.source, event.target) == (["SYR"], ["TUR"])
    assert "MOBILIZE" not in _types(pipeline, text)


def test_a_missile_launched_on_a_day_is_no_attack(pipeline: Any) -> None:
    text = "North Korea launched a ballistic missile on Sunday."
    assert _types(pipeline, text) == ["MOBILIZE"]


# ---------------------------------------------------------------- P3 wrong status


def test_talks_a_negotiator_is_appointed_to_open_have_not_occurred(pipeline: Any) -> None:
    text = (
        "Rebels and the Sri Lankan government agreed Wednesday to a truce. The government "
        "appointed Justice Minister Ravi Perera as negotiator to initiate peace talks."
    )
    talks = events_of(pipeline, text, "CONSULT", published=DAY)
    assert talks and all(e.status == "planned" for e in talks)


def test_talks_held_to_end_a_war_occurred(pipeline: Any) -> None:
    text = "The Sri Lankan government held peace talks with the rebels on Thursday to end the war."
    assert one_event(pipeline, text, "CONSULT", published=DAY).status == "occurred"


def test_refusing_to_say_when_talks_take_place_refuses_no_talks(pipeline: Any) -> None:
    text = (
        "Rebels and the Sri Lankan government agreed Wednesday to peace talks. Government "
        "officials refused to say when or where the talks would take place."
    )
    statuses = [e.status for e in events_of(pipeline, text, "CONSULT", published=DAY)]
    assert "refused" not in statuses


def test_refusing_to_hold_talks_is_refused_talks(pipeline: Any) -> None:
    text = "The rebels refused to hold talks with the government on Thursday."
    assert one_event(pipeline, text, "CONSULT", published=DAY).status == "refused"


# ---------------------------------------------------------------- P4 wrong role


def test_what_a_facilitator_facilitates_is_not_its_own_act(pipeline: Any) -> None:
    text = (
        "Norway remains actively engaged with the parties to facilitate their efforts to reach "
        "agreement on the parameters of the truce and to conclude intensive negotiations."
    )
    assert not [e for e in events_of(pipeline, text, published=DAY) if "NOR" in e.source]


def test_talks_a_state_holds_itself_are_its_own(pipeline: Any) -> None:
    text = "Norway will hold negotiations with the rebels."
    assert one_event(pipeline, text, "CONSULT", published=DAY).source == ["NOR"]


def test_government_forces_are_not_the_mediators_state(pipeline: Any) -> None:
    text = (
        "Chadian rebels met with the chief mediator, Gabonese President Omar Bongo, in "
        "Libreville on Friday. Gabonese officials say Gabon worked to persuade the insurgents, "
        "and Gabon hosted the talks. Insurgents on Saturday announced they were suspending "
        "negotiations, following reports that government forces had killed the brother of one "
        "of their leaders in Ndjamena last week."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["TCD"]


# ---------------------------------------------------------------- P6 told twice


_BAZOUM = (
    "The African Union has condemned the arrest of President Mohamed Bazoum. Mutinous soldiers "
    "in Niger on Wednesday detained Bazoum at his residence. "
)


def test_the_chairpersons_quote_retells_the_unions_condemnation(pipeline: Any) -> None:
    text = (
        _BAZOUM + 'Moussa Faki wrote, "I strongly condemn the arrest of President Mohamed Bazoum."'
    )
    condemned = events_of(pipeline, text, "ACCUSE", published=DAY)
    assert [e.source for e in condemned] == [["igo:au"]]


def test_the_chairperson_condemning_something_else_is_a_second_act(pipeline: Any) -> None:
    text = _BAZOUM + 'Moussa Faki wrote, "I strongly condemn the attack on the ECOWAS delegation."'
    condemned = events_of(pipeline, text, "ACCUSE", published=DAY)
    assert [e.source for e in condemned] == [["igo:au"], ["person:moussa-faki"]]


def test_someone_outside_the_union_condemning_the_same_arrest_is_a_second_act(
    pipeline: Any,
) -> None:
    text = (
        _BAZOUM
        + 'Josep Borrell wrote, "I strongly condemn the arrest of President Mohamed Bazoum."'
    )
    condemned = events_of(pipeline, text, "ACCUSE", published=DAY)
    assert [e.source for e in condemned] == [["igo:au"], ["person:josep-borrell"]]


def test_one_sides_agreement_reported_after_the_mutual_one_is_told_once(pipeline: Any) -> None:
    text = (
        "Sudan's army and the RSF agreed to a truce on Monday. State radio announced the army "
        "had agreed to a truce."
    )
    agreed = events_of(pipeline, text, "AGREE", published=DAY)
    assert len(agreed) == 1 and set(agreed[0].source) == {"SDN", "group:rsf"}


def test_another_truce_agreed_by_one_side_is_a_second_agreement(pipeline: Any) -> None:
    text = (
        "Sudan's army and the RSF agreed to a truce on Monday. Sudan's army announced it had "
        "agreed to another truce."
    )
    assert len(events_of(pipeline, text, "AGREE", published=DAY)) == 2


# ---------------------------------------------------------------- P7 wrong date


def test_an_act_under_way_when_announced_takes_the_announcements_day(pipeline: Any) -> None:
    text = (
        "The insurgents on Sunday announced they were suspending negotiations with the "
        "government of Chad."
    )
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.date is not None and event.date.value == "2026-05-10"


def test_an_act_announced_for_later_takes_no_day(pipeline: Any) -> None:
    text = "Rebels on Sunday announced they will suspend negotiations with the government of Chad."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.status == "planned" and event.date is None


# ---------------------------------------------------------------- P8 wrong or new entity


def _linked(pipeline: Any, text: str, words: str) -> list[str | None]:
    raw = RawDocument(source="event-test", text=text, published_at=DAY)
    return [m.actor for m in pipeline.run(raw).mentions if m.text == words]


def test_a_bare_surname_is_not_a_known_namesake_of_someone_named_in_full(
    pipeline: Any,
) -> None:
    text = (
        "The regional bloc has condemned the arrest of President Amadou Keita and Prime Minister "
        "Modibo Sidibe. Mutinous soldiers in Mali on Tuesday detained Keita at his residence in "
        'Bamako. Its chairman wrote, "I condemn the arrest of President Amadou Toumani Keita and '
        'the Prime Minister."'
    )
    assert "person:bintou-keita" not in _linked(pipeline, text, "Keita")  # the KB's other one


def test_a_bare_surname_of_the_known_person_named_in_full_links_to_him(pipeline: Any) -> None:
    text = (
        "Secretary of State Antony Blinken met Chinese officials on Monday. Blinken met them "
        "again in Beijing."
    )
    assert _linked(pipeline, text, "Blinken") == ["person:antony-blinken"]


def test_the_last_word_of_a_full_name_refers_to_that_person(pipeline: Any) -> None:
    text = (
        "The Arab League and Moussa Faki Mahamat, the AU Commission chairperson, spoke on "
        "Monday. Mahamat called on the parties in Sudan to stop fighting."
    )
    assert _linked(pipeline, text, "Mahamat") == ["person:moussa-faki"]


def test_a_title_and_given_name_refer_to_the_full_name_given_before(pipeline: Any) -> None:
    text = (
        "The call between Jordanian Crown Prince Hussein Bin Abdullah and Qatari Emir Shaikh "
        "Tamim on Sunday was their first contact since May. After the call, the state news "
        "agency said Crown Prince Hussein would talk to Egypt and Iraq."
    )
    full = _linked(pipeline, text, "Hussein Bin Abdullah")
    assert full and _linked(pipeline, text, "Crown Prince Hussein") == full  # no new actor


def test_a_title_and_a_name_no_full_name_opens_stay_a_person_of_their_own(pipeline: Any) -> None:
    text = (
        "Jordanian Crown Prince Hussein Bin Abdullah met Qatari Emir Shaikh Tamim on Sunday. "
        "Crown Prince Khaled later spoke to Egypt."
    )
    assert _linked(pipeline, text, "Crown Prince Khaled") != _linked(
        pipeline, text, "Hussein Bin Abdullah"
    )


def test_an_act_asked_about_in_a_whether_clause_is_no_event(pipeline: Any) -> None:
    text = (
        "Asked whether Chile would accept a permanent seat without a veto, the minister "
        "declined to answer directly."
    )
    assert _types(pipeline, text) == []


def test_an_adverbial_when_clause_still_tells_its_act(pipeline: Any) -> None:
    text = "When the rebels attacked the town of Gao on Monday, Malian troops fled."
    assert one_event(pipeline, text, "ASSAULT", published=DAY).target == ["MLI"]


def test_a_how_clause_of_a_factive_verb_still_tells_its_act(pipeline: Any) -> None:
    text = "The minister explained how Russian troops shelled the town of Izium on Monday."
    assert one_event(pipeline, text, "ASSAULT", published=DAY).source == ["RUS"]
