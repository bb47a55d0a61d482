"""Left-overs of rounds 11 and 12 (issue #11, events27), in our own words, both ways.

Agentless arrests and abductions whose doer is the one party of the fitting sector acting
around them; a communiqué's "we" named once in an apposition; the object of "followed" is not
dated by its subject; a threat vowed about a named party; captives freed by a verb kept by
their words; a means told by "by" and a gerund done by the main clause's subject.
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


def _arrests(pipeline: Any, text: str) -> list[Any]:
    return [e for e in events_of(pipeline, text, "COERCE", published=DAY) if e.mode == "arrest"]


# ---------------------------------------------------------------- agentless arrests (item 1)


def test_an_agentless_arrest_reported_by_police_is_the_polices(pipeline: Any) -> None:
    text = "A total of 140 people have been arrested since the rally began, police said."
    arrests = _arrests(pipeline, text)
    assert len(arrests) == 1, _events(pipeline, text)
    assert arrests[0].source == ["Police"]
    assert arrests[0].sectors.get("Police") == "police"


def test_an_agentless_arrest_after_security_forces_moved_in_is_theirs(pipeline: Any) -> None:
    text = (
        "The security forces moved into the square before dawn on Thursday. "
        "Dozens of students were arrested in a series of raids."
    )
    arrests = _arrests(pipeline, text)
    assert [e.source for e in arrests] == [["Security forces"]], _events(pipeline, text)
    assert arrests[0].target == ["Students"]


def test_an_agentless_abduction_after_gunmen_stormed_a_school_is_theirs(pipeline: Any) -> None:
    text = (
        "Masked gunmen stormed a boarding school near Zaria on Monday. Forty pupils were abducted."
    )
    abductions = [e for e in _events(pipeline, text) if e.mode == "abduct"]
    assert [e.source for e in abductions] == [["Masked gunmen"]], _events(pipeline, text)


def test_an_agentless_arrest_with_two_police_parties_names_no_one(pipeline: Any) -> None:
    text = (
        "Dozens of students were arrested on Thursday. Police said the protest was illegal, "
        "and the security forces said the campus was closed."
    )
    assert not [e for e in _arrests(pipeline, text) if e.source], _events(pipeline, text)


def test_an_agentless_arrest_beside_a_party_of_another_sector_names_no_one(
    pipeline: Any,
) -> None:
    text = "Dozens of students were arrested on Thursday. Rebels said the protest was illegal."
    assert not [e for e in _arrests(pipeline, text) if e.source], _events(pipeline, text)


def test_an_agentless_release_reported_by_police_is_not_the_polices(pipeline: Any) -> None:
    text = "Twelve detainees were released on Friday, police said."
    releases = [e for e in _events(pipeline, text) if e.mode == "release"]
    assert not [e for e in releases if "Police" in e.source], releases


# ---------------------------------------------------------------- a communiqué's "we" (item 2)


def test_a_communique_we_named_in_apposition_is_its_authors(pipeline: Any) -> None:
    text = (
        "We, the leaders of the G7, met in Elmau on Monday. "
        "We support Ukraine's bid to join the European Union."
    )
    support = one_event(pipeline, text, "SUPPORT", published=DAY)
    assert support.source == ["igo:g7"]
    assert support.target == ["UKR"]


def test_a_we_never_named_stays_no_one(pipeline: Any) -> None:
    text = "We support Ukraine's bid to join the European Union."
    assert not events_of(pipeline, text, "SUPPORT", published=DAY)


def test_a_quoted_we_is_the_speakers_not_the_communiques(pipeline: Any) -> None:
    text = (
        "We, the leaders of the G7, met in Elmau on Monday. "
        '"We support Ukraine\'s bid to join the European Union," a student said.'
    )
    supports = events_of(pipeline, text, "SUPPORT", published=DAY)
    assert not [e for e in supports if "igo:g7" in e.source], supports


# ---------------------------------------------------------------- dates of "followed" (item 5)


def test_meetings_that_clashes_followed_are_not_dated_by_the_clashes(pipeline: Any) -> None:
    text = (
        "Tuesday's clashes followed several meetings between the foreign ministers of India "
        "and China."
    )
    talks = one_event(pipeline, text, "CONSULT", published=DAY)
    assert set(talks.source) == {"IND", "CHN"}
    assert talks.date is None or talks.date.value != "2026-05-12", talks.date


def test_a_year_inside_a_noun_does_not_make_followed_meetings_old(pipeline: Any) -> None:
    text = (
        "Tuesday's clashes - the worst breach of a 2021 truce between India and China - "
        "followed several meetings between the foreign ministers of India and China."
    )
    talks = one_event(pipeline, text, "CONSULT", published=DAY)
    assert talks.status == "occurred"
    assert talks.date is None or talks.date.value != "2026-05-12", talks.date


def test_an_old_year_in_the_sentence_still_makes_undated_talks_background(
    pipeline: Any,
) -> None:
    text = "Ethiopia won the war in 1999, and Ethiopia and Eritrea held talks."
    talks = one_event(pipeline, text, "CONSULT", published=DAY)
    assert talks.status == "historical"


def test_talks_held_on_a_day_keep_that_day(pipeline: Any) -> None:
    text = "On Tuesday the foreign ministers of India and China held talks in Delhi."
    talks = one_event(pipeline, text, "CONSULT", published=DAY)
    assert talks.date is not None and talks.date.value == "2026-05-12"


# ---------------------------------------------------------------- threats, releases (item 6)


def test_vowing_that_a_named_state_will_regret_it_threatens_that_state(pipeline: Any) -> None:
    threat = one_event(
        pipeline, "Iran vowed that Israel will regret the attack.", "THREATEN", published=DAY
    )
    assert threat.source == ["IRN"]
    assert threat.target == ["ISR"]


def test_vowing_that_a_named_state_will_do_harm_threatens_no_one(pipeline: Any) -> None:
    text = "The chancellor vowed that Germany will crush inflation."
    assert not events_of(pipeline, text, "THREATEN", published=DAY)


def test_vowing_that_a_named_state_will_not_suffer_threatens_no_one(pipeline: Any) -> None:
    text = "Iran vowed that Israel will not suffer from the sanctions."
    assert not events_of(pipeline, text, "THREATEN", published=DAY)


def test_pupils_freed_by_gunmen_are_the_releases_target(pipeline: Any) -> None:
    release = one_event(
        pipeline, "Gunmen freed 24 pupils in Kaduna on Sunday.", "RETREAT", published=DAY
    )
    assert release.source == ["Gunmen"]
    assert release.target == ["Pupils"]


def test_a_release_of_named_prisoners_keeps_its_state_target(pipeline: Any) -> None:
    release = one_event(
        pipeline, "Armenia released five Azerbaijani soldiers.", "RETREAT", published=DAY
    )
    assert release.target == ["AZE"]


# ---------------------------------------------------------------- "by" + gerund (item 5's l03)


def test_a_recall_told_by_responded_by_recalling_is_the_subjects(pipeline: Any) -> None:
    text = "Australia has responded by recalling its ambassador from Jakarta."
    recall = one_event(pipeline, text, "SANCTION", published=DAY)
    assert recall.mode == "envoy"
    assert recall.source == ["AUS"]
    assert recall.target == ["IDN"]


def test_a_gerund_under_a_passive_by_has_no_doer(pipeline: Any) -> None:
    text = "The talks were ended by expelling the observers."
    assert not [e for e in events_of(pipeline, text, "SANCTION", published=DAY) if e.source]


def test_a_carmaker_responding_by_recalling_cars_recalls_no_envoy(pipeline: Any) -> None:
    text = "Toyota responded by recalling 20,000 vehicles from Japan."
    assert not events_of(pipeline, text, "SANCTION", published=DAY)


def test_prisoners_exchanged_by_two_states_stay_each_others(pipeline: Any) -> None:
    text = "Armenia and Azerbaijan exchanged 30 prisoners each on Tuesday."
    release = one_event(pipeline, text, "RETREAT", published=DAY)
    assert set(release.target) == {"ARM", "AZE"}, release


# ---------------------------------------------------------------- conjoined clauses (item 4)


def test_a_second_clause_keeps_its_own_subject_after_a_date(pipeline: Any) -> None:
    text = (
        "Armenia released five Azerbaijani soldiers on Monday and Azerbaijan freed two "
        "Armenian civilians."
    )
    releases = events_of(pipeline, text, "RETREAT", published=DAY)
    assert [e.source for e in releases] == [["ARM"], ["AZE"]], releases
    assert releases[0].target == ["AZE"]


def test_a_second_clause_keeps_its_own_subject_after_a_place(pipeline: Any) -> None:
    text = "India summoned the Pakistani envoy in Delhi and Pakistan expelled an Indian diplomat."
    expulsion = one_event(pipeline, text, "SANCTION", published=DAY)
    assert expulsion.source == ["PAK"]
    assert expulsion.target == ["IND"]


def test_a_conjoined_verb_without_a_subject_of_its_own_keeps_the_first(pipeline: Any) -> None:
    text = (
        "Kenya expelled two Somali diplomats on Friday and recalled its ambassador from Mogadishu."
    )
    acts = events_of(pipeline, text, "SANCTION", published=DAY)
    assert [e.source for e in acts] == [["KEN"], ["KEN"]], acts


# ---------------------------------------------------------------- a lead's "both sides" (item 6)

_LEAD = (
    "A 48-hour truce in the south unravelled within hours, with both sides accusing the other "
    "of violating its terms."
)


def test_a_leads_both_sides_are_the_pair_the_next_sentence_names(pipeline: Any) -> None:
    text = _LEAD + " Two Thai soldiers and four Cambodians were killed after it began."
    accusation = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert set(accusation.source) == {"THA", "KHM"}
    assert set(accusation.target) == {"THA", "KHM"}


def test_a_leads_both_sides_with_no_pair_after_it_stay_no_one(pipeline: Any) -> None:
    text = _LEAD + " Four soldiers were killed near the border after it began."
    assert not events_of(pipeline, text, "ACCUSE", published=DAY)


def test_both_sides_after_the_lead_do_not_look_ahead(pipeline: Any) -> None:
    text = (
        "The truce in the south held for a week. Both sides accused the other of violating "
        "its terms. Two Thai soldiers and four Cambodians were killed on Friday."
    )
    accusations = events_of(pipeline, text, "ACCUSE", published=DAY)
    assert not [e for e in accusations if "THA" in e.source], accusations
