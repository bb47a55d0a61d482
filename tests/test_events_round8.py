"""Event constructions from review round 8 (issue #11), in our own words, both ways.

Recall: forces "led" by a state act for it ("an air strike by U.S.-led forces"). Precision:
a news outlet reports attacks but does not make them; a reduced passive ("when killed by the
raid") makes its subject the patient; "the threat of sanctions" is a threat; "seized power" is
no confiscation; "will pay for its crimes" and "pay for what they did" are no payments;
telling an envoy *that* something is over expels no one; goods "ready to be brought" are no
offer; a lone possessor of "arrest" or "detention" is the one arrested; arriving for a visit is
the visit under way; a request the negated act is "in light of" was still made.
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


# ---------------------------------------------------------------- forces led by a state


def test_forces_led_by_a_state_act_for_it(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Nine villagers were killed in an air strike by U.S.-led forces on Tuesday in the "
        "province of Kunduz, an official said.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == ["USA"]
    assert event.date is not None and event.date.value == "2026-05-12"


def test_a_coalition_led_by_a_demonym_acts_for_its_state(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Saudi-led coalition warplanes struck a market in Hodeidah.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == ["SAU"]


def test_forces_nobody_names_still_give_no_attack(pipeline: Any) -> None:
    text = "Nine villagers were killed in an air strike by foreign troops on Tuesday."
    assert "ASSAULT" not in _types(pipeline, text)


# ---------------------------------------------------------------- outlets report, they do not act


def test_an_outlet_reporting_air_strikes_is_not_their_author(pipeline: Any) -> None:
    text = "The Associated Press reports on three incidents of air strikes killing 19 villagers."
    assert not any("outlet:ap" in e.source for e in _events(pipeline, text))


def test_an_outlet_relaying_a_named_attacker_keeps_the_attack(pipeline: Any) -> None:
    event = one_event(
        pipeline, "Reuters said Turkish jets bombed the village of Zakho.", "ASSAULT", published=DAY
    )
    assert event.source == ["TUR"]


# ---------------------------------------------------------------- reduced passives


def test_the_subject_of_a_reduced_passive_is_not_the_attacker(pipeline: Any) -> None:
    text = "The farmers were riding to market when killed by the air raid, the governor said."
    assert not any(e.type == "ASSAULT" and e.source for e in _events(pipeline, text))


def test_a_reduced_passive_with_a_named_agent_is_its_attack(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The farmers were riding to market when attacked by Turkish jets, the governor said.",
        "ASSAULT",
        published=DAY,
    )
    assert event.source == ["TUR"]


# ---------------------------------------------------------------- wrong types


def test_raising_the_threat_of_sanctions_is_a_threat(pipeline: Any) -> None:
    text = "The European Union raised the threat of new sanctions against Belarus on Monday."
    types = _types(pipeline, text)
    assert "SANCTION" not in types
    event = one_event(pipeline, text, "THREATEN", published=DAY)
    assert event.source == ["igo:eu"] and event.target == ["BLR"]


def test_raising_tariffs_is_still_a_sanction(pipeline: Any) -> None:
    assert "SANCTION" in _types(pipeline, "The European Union raised tariffs on Chinese steel.")


def test_seizing_power_is_coercion_not_confiscation(pipeline: Any) -> None:
    event = one_event(
        pipeline, "The army of Niger seized power on Wednesday.", "COERCE", published=DAY
    )
    assert event.source == ["NER"] and event.mode is None


def test_seizing_power_hung_as_a_modifier_is_still_no_confiscation(pipeline: Any) -> None:
    text = "Two ministers have been detained as the army of Mali seized power in the country."
    event = one_event(pipeline, text, "COERCE", published=DAY)
    assert event.source == ["MLI"] and event.mode is None


def test_seizing_weapons_is_still_a_confiscation(pipeline: Any) -> None:
    event = one_event(
        pipeline, "Mali's army seized weapons from a rebel depot.", "COERCE", published=DAY
    )
    assert event.mode == "confiscate"


@pytest.mark.parametrize(
    "text",
    [
        "Russia will pay for its crimes, the minister said.",
        "The Bolivian police will have to pay for what they have been doing, the senator said.",
    ],
)
def test_paying_for_wrongs_is_no_aid(pipeline: Any, text: str) -> None:
    assert "AID" not in _types(pipeline, text)


def test_paying_for_a_hospital_is_aid(pipeline: Any) -> None:
    event = one_event(
        pipeline, "Japan will pay for the new hospital in Dili.", "AID", published=DAY
    )
    assert event.source == ["JPN"] and event.mode == "economic"


def test_telling_an_envoy_that_a_truce_is_over_expels_no_one(pipeline: Any) -> None:
    text = "Ankara told the Swedish envoy that the agreement was over."
    assert "SANCTION" not in _types(pipeline, text)


def test_telling_an_envoy_to_leave_is_an_expulsion(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Ankara told the Swedish envoy to leave the country within 48 hours.",
        "SANCTION",
        published=DAY,
    )
    assert event.mode == "expel" and event.source == ["TUR"] and event.target == ["SWE"]


def test_goods_ready_to_be_brought_in_are_no_offer(pipeline: Any) -> None:
    text = "The WFP said it had food ready to be brought into Sudan."
    assert "AGREE" not in _types(pipeline, text)


def test_a_side_ready_to_negotiate_still_offers(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The Sudanese government said it was ready to negotiate with the rebels.",
        "AGREE",
        published=DAY,
    )
    assert event.status == "proposed"


# ---------------------------------------------------------------- the one arrested


def test_a_lone_possessor_of_a_detention_is_not_the_detainer(pipeline: Any) -> None:
    text = (
        "Opposition leader Ilya Dorin was detained on Monday. In a letter written before "
        "Dorin's impending detention, he said the army would rule the country."
    )
    assert not any(e.type == "COERCE" and e.source for e in _events(pipeline, text))


def test_condemning_someones_arrest_does_not_accuse_them(pipeline: Any) -> None:
    text = (
        "Opposition leader Ilya Dorin was detained on Monday. Dorin's arrest was condemned by "
        "France."
    )
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.source == ["FRA"]
    assert not event.target


def test_condemning_an_arrest_by_police_accuses_the_police(pipeline: Any) -> None:
    events = _events(pipeline, "France condemned Ilya Dorin's arrest by Belarusian police.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    arrest = next(e for e in events if e.type == "COERCE")
    assert accuse.target == ["BLR"]
    assert arrest.source == ["BLR"]


# ---------------------------------------------------------------- statuses


def test_arriving_for_a_state_visit_is_the_visit_under_way(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "President Ramaphosa arrived in Hanoi on Tuesday for a state visit to Vietnam.",
        "CONSULT",
        published=DAY,
    )
    assert event.status == "occurred"
    assert event.date is not None and event.date.value == "2026-05-12"


@pytest.mark.parametrize(
    "text",
    [
        "The Colombian delegation arrived in Havana on Monday for peace talks with the rebels.",
        "President Ramaphosa left Pretoria on Tuesday for a state visit to Vietnam.",
    ],
)
def test_travelling_to_talks_or_leaving_for_a_visit_is_still_planned(
    pipeline: Any, text: str
) -> None:
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert event.status == "planned"


def test_a_request_a_negated_act_follows_was_still_made(pipeline: Any) -> None:
    text = (
        "In light of President Macron's request, Algeria will not block the flow of gas to Spain."
    )
    request = one_event(pipeline, text, "REQUEST", published=DAY)
    assert request.status == "occurred"
    assert all(e.status != "occurred" for e in _events(pipeline, text) if "DZA" in e.source)
