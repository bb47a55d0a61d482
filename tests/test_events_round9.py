"""Event constructions from review round 9 (issue #11), in our own words, both ways.

Recall: a High Commissioner is an envoy (summoned, recalled); "called back its ambassador",
"was called to the capital for consultations" are recalls, by the envoy's own state, against
the host; a sum "in aid to X" that a state announces, approves or signs off on is its aid to X.
Precision and roles: "a diplomatic offensive" is no attack; a demand's "that" clause names whom
it asks, not whom the asked-for act is aimed at.
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


# ---------------------------------------------------------------- envoys


def test_summoning_a_high_commissioner_is_a_diplomatic_complaint(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "On Monday, Kenya summoned the Ugandan High Commissioner over the border shooting.",
        "ACCUSE",
        published=DAY,
    )
    assert event.source == ["KEN"]
    assert event.target == ["UGA"]
    assert event.date is not None and event.date.value == "2026-05-11"


def test_summoning_a_police_commissioner_is_no_diplomatic_complaint(pipeline: Any) -> None:
    assert _types(pipeline, "The council summoned the police commissioner over the riots.") == []


def test_a_high_commissioner_recalled_from_a_capital_hits_its_state(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Canada recalled its High Commissioner in Nairobi for consultations.",
        "SANCTION",
        published=DAY,
    )
    assert event.mode == "envoy"
    assert event.source == ["CAN"]
    assert event.target == ["KEN"]


@pytest.mark.parametrize(
    "text",
    [
        "Brazil called back its ambassador to Portugal for consultations.",
        "Brazil has called back its envoy in Lisbon.",
    ],
)
def test_calling_back_an_envoy_is_a_recall(pipeline: Any, text: str) -> None:
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.mode == "envoy"
    assert (event.source, event.target) == (["BRA"], ["PRT"])
    assert "REQUEST" not in _types(pipeline, text)


def test_calling_back_players_is_no_recall(pipeline: Any) -> None:
    assert _types(pipeline, "The coach called back his players for extra training.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Carlos Mendes, Portugal's ambassador to Brazil, was called to Lisbon for "
        "consultations the same day.",
        "Portugal's ambassador to Brazil was called home for consultations.",
    ],
)
def test_an_envoy_called_home_for_consultations_is_recalled_by_its_state(
    pipeline: Any, text: str
) -> None:
    event = one_event(pipeline, text, "SANCTION", published=DAY)
    assert event.mode == "envoy"
    assert (event.source, event.target) == (["PRT"], ["BRA"])


def test_a_mayor_called_to_the_capital_is_no_recall(pipeline: Any) -> None:
    assert _types(pipeline, "The mayor was called to Lisbon for a meeting with bankers.") == []


# ---------------------------------------------------------------- offensives of words


def test_a_diplomatic_offensive_is_no_attack(pipeline: Any) -> None:
    text = "In a major diplomatic offensive against Caracas, Colombia expelled two diplomats."
    found = _events(pipeline, text)
    assert [e.type for e in found] == ["SANCTION"]
    assert found[0].source == ["COL"]


def test_a_charm_offensive_is_no_attack(pipeline: Any) -> None:
    text = "The minister launched a charm offensive toward investors in Paris."
    assert "ASSAULT" not in _types(pipeline, text)


def test_an_offensive_of_arms_is_still_an_attack(pipeline: Any) -> None:
    event = one_event(
        pipeline, "Rebels launched an offensive against Goma on Tuesday.", "ASSAULT", published=DAY
    )
    assert event.target == ["COD"]


# ---------------------------------------------------------------- whom a demand asks


@pytest.mark.parametrize(
    "text",
    [
        "Kenya has demanded that Uganda should take immediate action against the smugglers.",
        "Kenya demanded that Uganda take action against smugglers operating from its territory.",
    ],
)
def test_a_demand_asks_the_subject_of_its_that_clause(pipeline: Any, text: str) -> None:
    event = one_event(pipeline, text, "REQUEST", published=DAY)
    assert (event.source, event.target) == (["KEN"], ["UGA"])


def test_a_demand_about_oneself_names_no_target(pipeline: Any) -> None:
    event = one_event(
        pipeline, "Kenya demanded that it be consulted on the dam.", "REQUEST", published=DAY
    )
    assert event.target == []


# ---------------------------------------------------------------- sums in aid


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("The Pentagon has announced $250 million in additional aid to Georgia.", "USA", "GEO"),
        ("Japan approved $40 million in humanitarian aid to Sudan.", "JPN", "SDN"),
        (
            "President Macron has signed off on 300 million euros in military aid to Ukraine.",
            "person:emmanuel-macron",
            "UKR",
        ),
        (
            "President Macron has signed off on more than 900 million euros in aid to Moldova "
            "since the start of the crisis, including trucks, radios and millions of rounds of "
            "ammunition.",
            "person:emmanuel-macron",
            "MDA",
        ),
    ],
)
def test_a_sum_in_aid_to_a_state_is_aid(pipeline: Any, text: str, source: str, target: str) -> None:
    event = one_event(pipeline, text, "AID", published=DAY)
    assert (event.source, event.target) == ([source], [target])
    assert "SUPPORT" not in _types(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "The company announced $300 million in revenue for the quarter.",
        "The council approved $2 million in repairs to the bridge.",
        "The minister signed off on the new budget.",
    ],
)
def test_a_sum_that_is_no_aid_is_no_event(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text) == []


# ---------------------------------------------------------------- relatives of a named person


def test_sanctions_on_a_leaders_sons_hit_the_sons_not_the_leader(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The European Union imposed sanctions on the sons of President Lukashenko.",
        "SANCTION",
        published=DAY,
    )
    assert event.target == ["Sons of President Lukashenko"]
    assert event.countries.get("Sons of President Lukashenko") == "BLR"


def test_sanctions_on_the_leader_himself_still_hit_him(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "The European Union imposed sanctions on President Lukashenko.",
        "SANCTION",
        published=DAY,
    )
    assert event.target == ["person:alexander-lukashenko"]


# ---------------------------------------------------------------- rejections


def test_a_motive_phrase_names_no_target_of_a_rejection(pipeline: Any) -> None:
    found = _events(
        pipeline,
        "Zelenskyy asked NATO for fighter jets. NATO countries rejected those requests for "
        "fear of a direct war with Moscow.",
    )
    rejection = next(e for e in found if e.type == "REJECT")
    assert "RUS" not in rejection.target
    assert rejection.target == ["person:volodymyr-zelensky"]


def test_scuttling_an_offer_rejects_its_author(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Washington scuttled an offer by Poland to send jets to Kyiv.",
        "REJECT",
        published=DAY,
    )
    assert (event.source, event.target) == (["USA"], ["POL"])


def test_scuttling_a_ship_rejects_nothing(pipeline: Any) -> None:
    assert _types(pipeline, "The Greek crew scuttled the ship off Malta.") == []


# ---------------------------------------------------------------- claims of an attack


@pytest.mark.parametrize(
    "text, author",
    [
        (
            "Al-Shabaab has claimed responsibility for the attack on the base in Mogadishu.",
            "group:al-shabaab",
        ),
        ("Boko Haram took credit for the attack on the base in Maiduguri.", "group:boko-haram"),
    ],
)
def test_who_claims_an_attack_made_it(pipeline: Any, text: str, author: str) -> None:
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.source == [author]


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed responsibility for the bombing.",
        "Al-Shabaab has not claimed responsibility for the attack on the base.",
    ],
)
def test_no_claim_names_no_author(pipeline: Any, text: str) -> None:
    assert _types(pipeline, text) == []


# ---------------------------------------------------------------- calls renewed


def test_a_call_reiterated_by_a_body_is_a_request(pipeline: Any) -> None:
    found = _events(
        pipeline,
        "The UN Security Council adopted a resolution on Sudan. The members of the Council "
        "reiterated their call for the removal of all obstacles to aid.",
    )
    requests = [e for e in found if e.type == "REQUEST" and e.trigger.text == "call"]
    assert len(requests) == 1
    assert requests[0].source == ["igo:unsc"]


def test_a_call_for_papers_is_no_request(pipeline: Any) -> None:
    assert _types(pipeline, "The journal issued a call for papers.") == []


# ---------------------------------------------------------------- descriptions, not acts


def test_what_any_member_of_a_class_does_is_no_act(pipeline: Any) -> None:
    text = "The deal guarantees the safety of insurgents who give up their arms."
    assert _types(pipeline, text) == []


def test_what_counted_insurgents_did_is_an_act(pipeline: Any) -> None:
    event = one_event(
        pipeline,
        "Two hundred insurgents who gave up their arms on Monday were flown to Bogota.",
        "RETREAT",
        published=DAY,
    )
    assert event.date is not None and event.date.value == "2026-05-11"


def test_what_a_thing_is_used_for_is_no_act(pipeline: Any) -> None:
    text = (
        "The crash involved a small Army launch used to support special operation forces, "
        "injuring four sailors."
    )
    assert "SUPPORT" not in _types(pipeline, text)
