"""Acts told in the passive or as nouns (issue 11, class R3; events16).

Each construction is written in our own words, with other names, places and numbers than the
real reporting it stands for; each is tested both ways: the event when the text reports it, none
for a hypothetical, a negation or a patient that is no party.
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


# ------------------------------------------------------------------ 1. passives with an agent


def test_a_passive_relative_clause_reports_the_act_done_to_the_group(pipeline: Any) -> None:
    """ "the activists who were beaten by police": what was done to them is news, not a
    description of who they are."""
    event = one_event(
        pipeline,
        "The students who were beaten by police in Mombasa have been taken to hospital.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == ["KEN"]  # police in a Kenyan city act for Kenya
    assert event.target == ["Students"]


def test_an_active_relative_clause_on_a_group_still_tells_who_they_are(pipeline: Any) -> None:
    """ "students who were calling for unity" describes them; no demand of their own."""
    assert not events_of(
        pipeline,
        "Students who were calling for unity gathered in the square.",
        "REQUEST",
        published=DAY,
    )


def test_a_passive_relative_kidnapping_has_its_agent_as_source(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The relief workers who were kidnapped by gunmen were freed on Sunday.",
        "ASSAULT",
        published=DAY,
    )
    assert event.mode == "abduct"
    assert [event.sectors.get(a) for a in event.source] == ["rebels"]


def test_a_coordinated_passive_takes_the_shared_patient_and_its_agent(pipeline: Any) -> None:
    """ "was approached and harassed by X's vessels": the second participle has no subject of
    its own; its patient is the first one's."""
    event = one_event(
        pipeline,
        "A Vietnamese fishing boat was approached and harassed by Chinese coast guard vessels.",
        "COERCE",
        published=DAY,
    )
    assert event.source == ["CHN"]


def test_a_reduced_relative_of_harm_with_its_agent_is_news(pipeline: Any) -> None:
    """ "two villages attacked by rebels": the participle reports an attack."""
    event = one_event(
        pipeline,
        "Two villages attacked by Sudanese troops were evacuated.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == ["SDN"]


def test_a_reduced_relative_of_a_signing_stays_background(pipeline: Any) -> None:
    """ "the accord signed by A and B" names a document; it reports no signing today."""
    assert not events_of(
        pipeline,
        "The accord signed by Peru and Chile remains in force.",
        "AGREE",
        published=DAY,
    )


def test_an_election_boycotted_by_a_party_is_its_boycott(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The vote, boycotted by the main opposition alliance, went ahead.",
        "PROTEST",
        published=DAY,
    )
    assert event.mode == "boycott"
    assert [event.sectors.get(a) for a in event.source] == ["opposition"]


# ------------------------------------------------------------------ 2. agentless passives


def test_an_agentless_arrest_keeps_the_patient_and_an_unknown_source(pipeline: Any) -> None:
    event = one_event(
        pipeline, "The opposition leader was detained at the airport.", "COERCE", published=DAY
    )
    assert event.mode == "arrest" and event.source == []
    assert [event.sectors.get(a) for a in event.target] == ["opposition"]


def test_an_agentless_release_of_named_prisoners(pipeline: Any) -> None:
    event = one_event(
        pipeline, "Seven Lebanese prisoners were released on Monday.", "RETREAT", published=DAY
    )
    assert event.mode == "release" and event.source == [] and event.target == ["LBN"]


def test_an_agentless_killing_of_soldiers_somewhere(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Two Turkish soldiers were killed in the south on Monday.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == [] and event.target == ["TUR"]


def test_soldiers_killed_in_a_road_accident_are_no_attack(pipeline: Any) -> None:
    assert not events_of(
        pipeline, "Two Turkish soldiers were killed in a road accident.", "ASSAULT", published=DAY
    )


def test_an_agentless_arrest_in_a_condition_is_no_act(pipeline: Any) -> None:
    assert not _occurred(
        pipeline, "If the opposition leader is detained, protests will follow.", "COERCE"
    )
    assert not _occurred(pipeline, "The opposition leader could be detained.", "COERCE")


def test_an_agentless_arrest_denied_is_no_act(pipeline: Any) -> None:
    assert not _occurred(pipeline, "The opposition leader was not detained.", "COERCE")


def test_documents_released_are_no_release(pipeline: Any) -> None:
    assert not events_of(
        pipeline, "The documents were released on Friday.", "RETREAT", published=DAY
    )


def test_an_agentless_release_after_the_named_one_retells_it(pipeline: Any) -> None:
    """The writer leaves out the agent because the text named it: one release, not two."""
    text = (
        "Georgia and Russia freed 20 detainees in a swap on Tuesday. "
        "Two Georgian farmers who had crossed the line in May were released in the same swap."
    )
    releases = events_of(pipeline, text, "RETREAT", published=DAY)
    assert len(releases) == 1 and releases[0].source


# ------------------------------------------------------------------ 3. event nouns


def test_a_weapon_attack_on_a_named_target_without_author(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "A rocket attack on the Turkish consulate in Erbil was reported.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == [] and event.target == ["TUR"]


def test_a_hypothetical_or_denied_attack_noun_is_no_act(pipeline: Any) -> None:
    assert not _occurred(
        pipeline, "A rocket attack on the Turkish consulate would be a disaster.", "ASSAULT"
    )
    assert not _occurred(pipeline, "There was no attack on the Turkish consulate.", "ASSAULT")


def test_an_attack_noun_on_no_party_is_no_event(pipeline: Any) -> None:
    assert not events_of(
        pipeline, "The attack on the price of bread was unfair.", "ASSAULT", published=DAY
    )


def test_a_by_agent_the_parser_hangs_on_the_target(pipeline: Any) -> None:
    """ "the raid on the camp by Egyptian troops": the parser attaches "by X" to the camp."""
    event = one_event(
        pipeline,
        "The raid on the smugglers' camp by Egyptian troops killed six.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == ["EGY"]


def test_a_by_phrase_of_place_on_the_target_names_no_author(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The attack on the Egyptian post by the river killed two.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == [] and event.target == ["EGY"]


# ------------------------------------------------------------------ 4. perception verbs


def test_an_act_seen_is_reported_and_one_not_seen_is_not(pipeline: Any) -> None:
    """ "residents saw X shell the town" reports the shelling as fact; "we did not see X
    shell the town" (or "never saw") does not."""
    seen = _occurred(pipeline, "Residents saw Ethiopian troops shell the town.", "ASSAULT")
    assert [e.source for e in seen] == [["ETH"]]
    assert not _occurred(pipeline, "We did not see Ethiopian troops shell the town.", "ASSAULT")
    assert not _occurred(pipeline, "We never saw Ethiopian troops shell the town.", "ASSAULT")
