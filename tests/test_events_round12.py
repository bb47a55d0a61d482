"""Event constructions from review round 12 (issue #11), in our own words, both ways.

Types: two or more signatories of an agreement settle it among themselves (AGREE), one state
signing a treaty supports it; a military parade is a show of force (MOBILIZE), not an attack
"staged". Status: "X is to free the prisoners" is planned. Sides: "each side accused the other"
and the slip "each another" make an act mutual; a measure lifted with no agent is lifted by
the author its own words name, for whom its "against"/"on" names. False events: a measure
that "remains in place" is no new act; "rejects accusations of attacks" is a denial, not an
attack; repatriating refugees frees no captive. Retellings: "the agreement signed on Friday
between A's minister and his counterpart" is the agreement just told, dated by it.
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


# ---------------------------------------------------------------- signing (P2)


def test_two_states_signing_an_agreement_agree_with_each_other(pipeline: Any) -> None:
    text = "Chile and Peru signed a fisheries agreement on Tuesday."
    event = one_event(pipeline, text, "AGREE", published=DAY)
    assert sorted(event.source) == ["CHL", "PER"]
    assert sorted(event.target) == ["CHL", "PER"]
    assert "SUPPORT" not in _types(pipeline, text)


def test_three_signatories_of_a_pact_agree_among_themselves(pipeline: Any) -> None:
    text = "Chile, Peru and Bolivia signed a non-aggression pact in 2001."
    event = one_event(pipeline, text, "AGREE", published=DAY)
    assert sorted(event.source) == ["BOL", "CHL", "PER"]
    assert event.status == "historical"


def test_a_pact_signed_by_two_states_is_their_agreement(pipeline: Any) -> None:
    text = "The border pact was signed by Chile and Peru on Tuesday."
    event = one_event(pipeline, text, "AGREE", published=DAY)
    assert sorted(event.source) == ["CHL", "PER"]


def test_a_treaty_signed_by_two_states_stays_a_step_to_ratify_it(pipeline: Any) -> None:
    text = "Chile and Peru signed a border treaty on Tuesday."
    assert "AGREE" not in _types(pipeline, text)


def test_one_state_signing_a_treaty_still_supports_it(pipeline: Any) -> None:
    text = "Chile signed the treaty on Tuesday."
    assert _types(pipeline, text) == ["SUPPORT"]


def test_the_agreement_signed_between_ministers_is_the_one_just_told(pipeline: Any) -> None:
    text = (
        "Chile and Peru have signed an agreement on the return of refugees. The return "
        "agreement signed on Wednesday between Chile's interior minister, Pablo Rojas, and his "
        "Peruvian counterpart Ana Quispe will only cover unarmed civilians."
    )
    agreements = [e for e in _events(pipeline, text) if e.type in ("AGREE", "SUPPORT")]
    assert len(agreements) == 1
    assert agreements[0].type == "AGREE"
    assert sorted(agreements[0].source) == ["CHL", "PER"]
    assert agreements[0].date is not None and agreements[0].date.value == "2026-05-13"


def test_the_republic_of_congo_is_not_its_neighbour(pipeline: Any) -> None:
    text = (
        "The Republic of Congo and the Democratic Republic of Congo signed a border agreement "
        "on Tuesday."
    )
    event = one_event(pipeline, text, "AGREE", published=DAY)
    assert sorted(event.source) == ["COD", "COG"]


# ---------------------------------------------------------------- status (P3)


def test_a_release_a_state_is_to_make_is_planned(pipeline: Any) -> None:
    text = "In return, Chile is to free 300 Peruvian prisoners and hand over the bodies of ten."
    releases = [e for e in _events(pipeline, text) if e.type == "RETREAT"]
    assert releases
    assert all(e.status == "planned" for e in releases)


def test_talks_that_were_to_begin_are_left_to_the_story(pipeline: Any) -> None:
    text = "Under the deal, Chile and Peru were to begin peace talks on August 8."
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert event.status != "planned"


def test_a_that_clause_after_is_keeps_its_own_status(pipeline: Any) -> None:
    text = "The problem is that Chilean troops shelled Tacna on Tuesday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert event.status == "occurred"


# ---------------------------------------------------------------- mutual acts (P5, R1)


def test_each_side_accusing_the_other_is_mutual(pipeline: Any) -> None:
    text = (
        "Fighting broke out on the border between Chile and Peru on Tuesday. Each side accused "
        "the other of opening fire first."
    )
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert sorted(event.source) == ["CHL", "PER"]
    assert sorted(event.target) == ["CHL", "PER"]


def test_one_state_accusing_the_other_side_is_not_mutual(pipeline: Any) -> None:
    text = "Talks between Chile and Peru broke down. Chile accused the other side of lying."
    event = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert event.source == ["CHL"]
    assert "CHL" not in event.target


def test_its_troops_after_each_side_is_no_one_side(pipeline: Any) -> None:
    text = (
        "Fighting broke out on the border between Chile and Peru on Tuesday. Each side accused "
        "the other of firing first before dawn, saying its troops only retaliated."
    )
    lone = [e for e in _events(pipeline, text) if len(e.source) == 1]
    assert lone == []


def test_troops_shelling_each_another_shell_each_other(pipeline: Any) -> None:
    text = "Chilean and Peruvian troops shelled each another across the river on Tuesday."
    event = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert sorted(event.target) == ["CHL", "PER"]


# ---------------------------------------------------------------- standing measures (P1)


def test_sanctions_that_remain_in_place_are_no_new_sanction(pipeline: Any) -> None:
    assert "SANCTION" not in _types(pipeline, "EU sanctions on Peru remain in place until 2030.")


def test_embargoes_that_remain_after_as_are_no_new_sanction(pipeline: Any) -> None:
    text = "This covers only UN measures, as EU embargoes on Peru remain in place through 2030."
    assert "SANCTION" not in _types(pipeline, text)


def test_sanctions_imposed_are_still_a_sanction(pipeline: Any) -> None:
    event = one_event(
        pipeline, "The EU imposed sanctions on Peru on Tuesday.", "SANCTION", published=DAY
    )
    assert event.target == ["PER"]


# ---------------------------------------------------------------- denials (R2, P1)


def test_rejecting_accusations_of_attacks_is_a_denial_not_an_attack(pipeline: Any) -> None:
    text = "Lima rejects accusations of cyber attacks on Chilean ministries."
    types = _types(pipeline, text)
    assert "ASSAULT" not in types
    event = one_event(pipeline, text, "REJECT", published=DAY)
    assert event.source == ["PER"]


def test_rebuffing_an_attack_is_still_no_rejection(pipeline: Any) -> None:
    text = "Peruvian troops rebuffed the attack on the border post on Tuesday."
    assert "REJECT" not in _types(pipeline, text)


# ---------------------------------------------------------------- shows of force (R2, P1)


def test_a_military_parade_is_a_show_of_force(pipeline: Any) -> None:
    text = "Chile held a large military parade in Santiago on Sunday, displaying new missiles."
    event = one_event(pipeline, text, "MOBILIZE", published=DAY)
    assert event.source == ["CHL"]
    assert event.date is not None and event.date.value == "2026-05-10"


def test_staging_a_military_parade_is_no_attack(pipeline: Any) -> None:
    text = "Bolivia staged a military parade in La Paz on Saturday."
    assert _types(pipeline, text) == ["MOBILIZE"]


def test_a_carnival_parade_is_no_event(pipeline: Any) -> None:
    assert _types(pipeline, "The town held a carnival parade on Sunday.") == []


# ---------------------------------------------------------------- measures lifted (R3, P5)


def test_an_embargo_lifted_without_agent_is_lifted_by_its_author(pipeline: Any) -> None:
    text = "The UN arms embargo against Peru was lifted on Tuesday."
    event = one_event(pipeline, text, "CONCEDE", published=DAY)
    assert event.source == ["igo:un"]
    assert event.target == ["PER"]


def test_an_embargo_that_expired_and_is_lifted(pipeline: Any) -> None:
    text = "The UN arms embargo against Peru has expired, and is finally lifted."
    event = one_event(pipeline, text, "CONCEDE", published=DAY)
    assert event.target == ["PER"]


def test_eased_sanctions_of_a_named_state(pipeline: Any) -> None:
    text = "US sanctions on Peru were eased on Tuesday."
    event = one_event(pipeline, text, "CONCEDE", published=DAY)
    assert event.source == ["USA"]
    assert event.target == ["PER"]


def test_lifting_an_embargo_against_a_state_aims_at_it(pipeline: Any) -> None:
    text = "The UN lifted its arms embargo against Peru on Tuesday."
    event = one_event(pipeline, text, "CONCEDE", published=DAY)
    assert event.target == ["PER"]


def test_a_ban_lifted_by_no_one_named_is_no_event(pipeline: Any) -> None:
    assert "CONCEDE" not in _types(pipeline, "The ban on Peruvian imports was lifted on Tuesday.")


# ---------------------------------------------------------------- repatriation (P2)


def test_repatriating_refugees_frees_no_captive(pipeline: Any) -> None:
    text = "Civilians who fled the clashes will be repatriated by Chile."
    assert "RETREAT" not in _types(pipeline, text)


def test_the_repatriation_of_refugees_is_no_release_told_again(pipeline: Any) -> None:
    text = (
        "Chile and Peru signed an agreement whereby civilians who fled the clashes will be "
        "repatriated. A commission of the Chilean and Peruvian governments will meet on Monday "
        "to draw up the details of the repatriation."
    )
    assert "RETREAT" not in _types(pipeline, text)


def test_repatriating_prisoners_still_frees_them(pipeline: Any) -> None:
    text = "Peru repatriated 40 Chilean prisoners on Tuesday."
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert event.mode == "release"
    assert event.source == ["PER"]


# ---------------------------------------------------------------- release nouns (P4)


def test_the_released_named_by_of_are_not_the_ones_releasing(pipeline: Any) -> None:
    text = "Peru announced the release of 40 Chilean prisoners on Tuesday."
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert event.source == ["PER"]
    assert event.target == ["CHL"]


def test_camps_readied_for_a_handover_of_detainees_free_no_one_by_them(pipeline: Any) -> None:
    text = (
        "Chilean officials prepared camps in the north for the handover and reception of "
        "Peruvian detainees and Chilean hostages."
    )
    assert all("PER" not in e.source for e in _events(pipeline, text))


def test_a_release_by_a_named_holder_after_its_captives(pipeline: Any) -> None:
    text = "The release of 40 Chilean prisoners by Peru took place on Tuesday."
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert (event.source, event.target) == (["PER"], ["CHL"])


def test_an_exchange_of_prisoners_still_goes_both_ways(pipeline: Any) -> None:
    text = "The exchange of Chilean and Peruvian prisoners took place on Tuesday."
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert sorted(event.source) == ["CHL", "PER"]
    assert sorted(event.target) == ["CHL", "PER"]


def test_meetings_between_commanders_of_the_two_countries_forces(pipeline: Any) -> None:
    text = (
        "Fighting broke out on the border between Chile and Peru on Monday. The violence "
        "followed several meetings between the commanders of the two countries' border forces."
    )
    event = one_event(pipeline, text, "CONSULT", published=DAY)
    assert sorted(event.source) == ["CHL", "PER"]
    assert sorted(event.target) == ["CHL", "PER"]


def test_meetings_between_the_commanders_of_two_armies_name_no_pair(pipeline: Any) -> None:
    text = (
        "Fighting broke out on the border between Chile and Peru on Monday. The violence "
        "followed several meetings between the commanders of two armies."
    )
    assert "CONSULT" not in _types(pipeline, text)
