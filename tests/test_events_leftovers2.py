"""The left-over event classes of rounds 5–8, second pass (issue 11; events20).

Each construction is written in our own words, with other names, places and numbers than the
reporting it stands for, and tested both ways: the record when the text reports it, none (or
no invented actor) when it does not.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from events_kit import events_of, one_event
from parley.models import RawDocument

DAY = dt.date(2025, 10, 14)


def _analysis(pipeline: Any, text: str, title: str | None = None) -> Any:
    return pipeline.run(RawDocument(source="t", text=text, title=title, published_at=DAY))


# ------------------------------------------------------------------- 1. headlines


def test_an_event_told_only_in_the_headline_is_coded_once(pipeline: Any) -> None:
    """ "Talks open as X expels diplomats": the expulsion is in the first line only."""
    text = (
        "Fishery talks open in Geneva as Kenya expels a Ugandan envoy\n"
        "Delegates from twelve states arrived in Geneva on Monday for a week of talks."
    )
    analysis = _analysis(pipeline, text)
    found = [e for e in analysis.events if e.type == "SANCTION"]
    assert len(found) == 1, analysis.events
    event = found[0]
    assert (event.mode, event.source, event.target) == ("expel", ["KEN"], ["UGA"])
    assert event.status == "occurred"
    assert event.date is not None and event.date.value == DAY.isoformat()
    title = analysis.article.title
    assert title is not None and title.startswith("Fishery talks")
    n = len(title) + 1  # offsets below zero: the headline, as though it stood before the text
    whole = f"{title}\n{analysis.article.text}"
    assert event.evidence.start < 0
    assert whole[event.evidence.start + n : event.evidence.end + n] == event.evidence.text
    assert event.trigger is not None and event.trigger.text == "expels"


def test_a_headline_event_the_body_tells_again_is_the_bodys(pipeline: Any) -> None:
    text = (
        "Kenya expels a Ugandan envoy\n"
        "NAIROBI - Kenya expelled a Ugandan envoy on Thursday over remarks about the vote."
    )
    found = events_of(pipeline, text, "SANCTION", published=DAY)
    assert len(found) == 1, found
    assert found[0].evidence.start >= 0  # the body's telling, with its day
    assert found[0].date is not None and found[0].date.value == "2025-10-09"


def test_a_headline_event_the_body_tells_with_a_person_is_the_bodys(pipeline: Any) -> None:
    """The headline names the state, the body its president: one act, by his state."""
    text = (
        "Kenya expels Ugandan envoy\n"
        "NAIROBI - President William Ruto on Tuesday expelled an envoy who had criticised him."
    )
    found = events_of(pipeline, text, "SANCTION", published=DAY)
    assert len(found) == 1, found
    assert found[0].evidence.start >= 0


def test_a_given_title_is_read_like_a_first_line(pipeline: Any) -> None:
    analysis = _analysis(
        pipeline,
        "Delegates from twelve states arrived in Geneva on Monday for a week of talks.",
        title="Fishery talks open as Kenya expels a Ugandan envoy",
    )
    assert [(e.type, e.source, e.target) for e in analysis.events if e.type == "SANCTION"] == [
        ("SANCTION", ["KEN"], ["UGA"])
    ]


def test_a_title_case_headline_is_read_as_a_sentence(pipeline: Any) -> None:
    text = "Kenya Expels Ugandan Envoy Over Border Row\nThe row over the border has lasted weeks."
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert (event.source, event.target) == (["KEN"], ["UGA"])
    assert event.trigger is not None and event.trigger.text == "Expels"


def test_a_headline_question_is_no_event(pipeline: Any) -> None:
    text = "Will Kenya expel the Ugandan envoy?\nThe row over the border has lasted for weeks."
    assert not events_of(pipeline, text, "SANCTION", published=DAY)


def test_a_headline_without_a_political_event_adds_nothing(pipeline: Any) -> None:
    text = "Heavy rain expected as the marathon starts\nRunners gathered at dawn in the square."
    assert not events_of(pipeline, text, published=DAY)


# ------------------------------------------------------------------- 2. datelines


def test_a_wire_dateline_further_down_makes_no_party(pipeline: Any) -> None:
    """A wire story pasted below another: its "TOWN, Country (Wire) -" is no attacker."""
    text = (
        "Earlier talks had failed.\n"
        "GAO, Mali (Reuters) - Gunmen killed three soldiers in an ambush on Sunday."
    )
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["Gunmen"]


def test_a_dateline_further_down_is_not_the_lead_subject(pipeline: Any) -> None:
    text = "Earlier talks had failed.\nHOMS, Syria - Rebels shelled a village on Sunday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == ["Rebels"]  # not "Syria - Rebels"


def test_a_dateline_further_down_still_places_its_story(pipeline: Any) -> None:
    """Police act for the state of their story's dateline, also one further down."""
    text = (
        "The ministry gave no details.\n\n"
        "KATHMANDU, Nepal (AFP) - Police arrested twelve students on Tuesday."
    )
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.source == ["NPL"]
    assert not [a for a in event.source + event.target if "AFP" in a or "Agence" in a]


def test_a_dateline_run_on_after_a_headline_keeps_the_lead(pipeline: Any) -> None:
    """A repost run together: headline, then "CITY, Month Day (Wire) -", then the lead."""
    text = (
        "Air raid kills villagers KABUL, Aug 22 (Reuters) - Villagers were killed in an air "
        "strike by U.S.-led forces on Friday, officials said."
    )
    found = events_of(pipeline, text, published=DAY)
    assert [(e.type, e.source) for e in found] == [("ASSAULT", ["USA"])]
    assert not [a for e in found for a in e.source + e.target if "reuters" in a.lower()]


# ------------------------------------------------------------------- 3. welcomes


def test_a_visitor_welcomed_by_officials_is_a_visit_not_support(pipeline: Any) -> None:
    text = "The Kenyan president was welcomed by Malaysian officials at the airport on Sunday."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert event.mode == "visit"
    assert event.source == ["person:william-ruto"]  # the visitor visits his hosts
    assert event.target == ["MYS"]
    assert not events_of(pipeline, text, "SUPPORT", published=DAY)


def test_welcoming_the_visiting_president_is_hosting_him(pipeline: Any) -> None:
    text = "Thailand's prime minister welcomed the visiting Cambodian president in Bangkok."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert event.mode == "visit"
    assert not events_of(pipeline, text, "SUPPORT", published=DAY)


def test_welcoming_a_decision_stays_support(pipeline: Any) -> None:
    text = "Thailand welcomed the decision of the tribunal on Friday."
    assert one_event(pipeline, text, "SUPPORT", published=DAY).source == ["THA"]
    assert not events_of(pipeline, text, "CONSULT", published=DAY)


def test_welcoming_someone_as_a_member_is_no_visit(pipeline: Any) -> None:
    text = "The alliance welcomed Finland as its newest member on Tuesday."
    assert not events_of(pipeline, text, "CONSULT", published=DAY)


# ------------------------------------------------------------------- 4. mandates


def test_a_vote_to_extend_a_peacekeeping_mandate_is_aid_to_the_country(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The UN Security Council voted on Tuesday to extend the mandate of the peacekeeping "
        "mission in Cyprus for six months.",
        "AID",
        published=DAY,
    )
    assert (event.source, event.target) == (["igo:unsc"], ["CYP"])
    assert event.status == "occurred"


def test_extending_the_mandate_of_a_force_is_aid(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The UN Security Council renewed the mandate of its force in Lebanon for a year.",
        "AID",
        published=DAY,
    )
    assert event.source == ["igo:unsc"]
    assert event.target == ["LBN"]


def test_extending_the_mandate_of_a_chairman_is_no_aid(pipeline: Any) -> None:
    text = "The assembly extended the mandate of its chairman by a year."
    assert not events_of(pipeline, text, "AID", published=DAY)


def test_extending_a_military_operation_is_no_aid(pipeline: Any) -> None:
    text = "Russia extended its military operation in the region on Monday."
    assert not events_of(pipeline, text, "AID", published=DAY)


# ------------------------------------------------------------------- 5. blamed attacks


def test_a_blamed_attack_is_an_attack_by_the_blamed_as_alleged(pipeline: Any) -> None:
    text = "Turkey blamed the PKK for a bomb attack on a police station in Ankara."
    attack = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert attack.source == ["group:pkk"]
    assert attack.attributed_to == "TUR"  # Turkey says so
    accusation = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert (accusation.source, accusation.target) == (["TUR"], ["group:pkk"])


def test_an_accused_strike_is_a_strike_by_the_accused(pipeline: Any) -> None:
    text = "Azerbaijan accused Armenia of a drone strike on a border village on Sunday."
    attack = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert attack.source == ["ARM"]
    assert attack.attributed_to == "AZE"


def test_blame_for_any_future_attack_tells_no_attack(pipeline: Any) -> None:
    text = "Turkey warned that it would blame the PKK for any attack on its soldiers."
    assert not events_of(pipeline, text, "ASSAULT", published=DAY)


def test_blame_for_a_failure_tells_no_attack(pipeline: Any) -> None:
    text = "Turkey blamed the PKK for the collapse of the ceasefire."
    assert not events_of(pipeline, text, "ASSAULT", published=DAY)
    assert one_event(pipeline, text, "ACCUSE", published=DAY).source == ["TUR"]


# ------------------------------------------------------------------- 6. one active holder


def test_an_agentless_arrest_after_a_coup_is_the_coup_makers(pipeline: Any) -> None:
    text = (
        "The Nigerien army seized power on Wednesday. "
        "Four ministers were detained in a series of overnight raids."
    )
    arrests = [e for e in events_of(pipeline, text, "COERCE", published=DAY) if e.mode == "arrest"]
    assert len(arrests) == 1, arrests
    assert arrests[0].source == ["NER"]


def test_an_agentless_release_after_an_abduction_is_the_abductors(pipeline: Any) -> None:
    text = (
        "Al-Shabaab fighters abducted twelve aid workers near Baidoa on Monday. "
        "The aid workers were released on Saturday."
    )
    release = one_event(pipeline, text, "RETREAT", published=DAY)
    assert release.mode == "release"
    assert release.source == ["group:al-shabaab"]


def test_an_agentless_release_with_two_holders_names_no_one(pipeline: Any) -> None:
    text = (
        "Boko Haram fighters abducted a teacher and Nigerian troops detained two activists. "
        "Three farmers were released on Friday."
    )
    assert not [e for e in events_of(pipeline, text, "RETREAT", published=DAY) if e.source]


def test_an_agentless_arrest_with_no_holder_told_is_no_event(pipeline: Any) -> None:
    text = "Four ministers were detained in a series of overnight raids."
    assert not events_of(pipeline, text, "COERCE", published=DAY)


# ------------------------------------------------------------------- 7. two acts, one source


def test_two_requests_for_different_things_are_two_events(pipeline: Any) -> None:
    text = (
        "Armenia asked for a ceasefire on Monday. "
        "Later in the day Armenia asked for international observers."
    )
    assert len(events_of(pipeline, text, "REQUEST", published=DAY)) == 2


def test_the_same_request_told_twice_is_one_event(pipeline: Any) -> None:
    text = "Armenia asked for a ceasefire on Monday. In a statement, Armenia asked for a ceasefire."
    assert len(events_of(pipeline, text, "REQUEST", published=DAY)) == 1
