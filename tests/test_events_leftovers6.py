"""Left-overs of round 13 and events27 (issue #11, events29), in our own words, both ways.

A state's service named in full once ("the U.S. Coast Guard") keeps its state when the text
drops the state; police "of" a state are its police; agencies of one state working together
are no COOPERATE; courts, juries and prosecutors act for the state of their place, never for
the defendant's. A quoted relative clause in the present on a subject is an epithet, no act.
An act a past decision plans is done when the text tells it again as approved. A one-word
surname the parser tags as a place, after the full name, is the person; "was out of the
country attending a meeting" is the subject's meeting; the place after the other side of talks
is their venue, not their country. Former states (the Soviet Union, Yugoslavia, East Germany)
are known; a participle of threatening on an act is no threat.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

import pytest

from events_kit import events_of, one_event
from parley.models import Analysis, RawDocument

pytestmark = pytest.mark.model

DAY = dt.date(2026, 5, 15)  # a Friday


def _events(pipeline: Any, text: str) -> list[Any]:
    return events_of(pipeline, text, published=DAY)


def _analysis(pipeline: Any, text: str) -> Analysis:
    result: Analysis = pipeline.run(RawDocument(source="event-test", text=text, published_at=DAY))
    return result


def _country(analysis: Analysis, actor_id: str) -> str | None:
    return next((a.country for a in analysis.actors if a.id == actor_id), None)


# ---------------------------------------------------------------- state services (item 1)


def test_a_service_named_once_with_its_state_keeps_that_state(pipeline: Any) -> None:
    text = (
        "In recent weeks, the U.S. Coast Guard has monitored a Russian trawler near Guam. "
        "On Tuesday the Coast Guard seized a Chinese fishing boat."
    )
    analysis = _analysis(pipeline, text)
    seizures = [e for e in analysis.events if e.type == "COERCE"]
    assert len(seizures) == 1, analysis.events
    assert _country(analysis, seizures[0].source[0]) == "USA"
    assert seizures[0].target == ["CHN"]


def test_a_service_never_named_with_a_state_has_none(pipeline: Any) -> None:
    analysis = _analysis(pipeline, "On Tuesday the Coast Guard seized a Chinese fishing boat.")
    seizures = [e for e in analysis.events if e.type == "COERCE"]
    assert len(seizures) == 1, analysis.events
    assert _country(analysis, seizures[0].source[0]) is None


def test_a_service_named_with_two_states_takes_neither(pipeline: Any) -> None:
    text = (
        "The Indian Navy and the Pakistani Navy held talks on Monday. "
        "On Tuesday the Navy seized a fishing boat."
    )
    analysis = _analysis(pipeline, text)
    navy = next(a for a in analysis.actors if a.name == "Navy")
    assert navy.country is None


def test_police_of_a_state_are_that_states_not_the_detainees(pipeline: Any) -> None:
    text = "The Border Police of Moldova arrested two Ukrainian smugglers on Tuesday."
    arrest = one_event(pipeline, text, "COERCE", published=DAY)
    assert arrest.source == ["MDA"]
    assert arrest.target == ["UKR"]


def test_a_grand_jury_in_a_city_acts_for_that_citys_state(pipeline: Any) -> None:
    text = "A grand jury in Miami indicted a Colombian businessman on Tuesday."
    charge = one_event(pipeline, text, "COERCE", published=DAY)
    assert charge.source == ["USA"]
    assert charge.target == ["COL"]


def test_a_court_under_a_dateline_acts_for_the_datelines_state(pipeline: Any) -> None:
    text = "MADRID, Spain - A court sentenced two Moroccan men to twenty years in prison."
    verdict = one_event(pipeline, text, "SANCTION", published=DAY)
    assert verdict.source == ["ESP"]
    assert verdict.target == ["MAR"]


def test_a_court_with_no_place_never_takes_the_defendants_country(pipeline: Any) -> None:
    text = "A court sentenced a Mexican cartel leader to life in prison on Tuesday."
    verdict = one_event(pipeline, text, "SANCTION", published=DAY)
    assert verdict.source == ["Court"]
    assert verdict.sectors.get("Court") == "judiciary"
    assert "MEX" not in verdict.source and verdict.countries.get("Court") != "MEX"


# ---------------------------------------------------------------- one state's agencies (item 2)


def test_agencies_of_one_state_coordinating_are_no_cooperation(pipeline: Any) -> None:
    text = (
        "In recent weeks, the U.S. Coast Guard has monitored a Russian trawler near Guam. "
        "The Coast Guard continues to coordinate with Department of Defense partners."
    )
    assert [e for e in _events(pipeline, text) if e.type == "COOPERATE"] == []


def test_a_service_cooperating_with_another_states_navy_stays(pipeline: Any) -> None:
    text = "The U.S. Coast Guard is cooperating with the Philippine Navy on patrols at sea."
    event = one_event(pipeline, text, "COOPERATE", published=DAY)
    assert event.source == ["USA"]
    assert event.countries.get(event.target[0]) == "PHL"


# ---------------------------------------------------------------- decided, then approved (item 3)


def test_a_decided_sanction_told_again_as_approved_today_is_done(pipeline: Any) -> None:
    text = (
        "An envoy says the EU's foreign ministers have decided to impose sanctions against "
        "officials in Belarus. The envoy said the sanctions the ministers formally adopted "
        "today include an asset freeze."
    )
    sanction = one_event(pipeline, text, "SANCTION", published=DAY)
    assert sanction.status == "occurred"
    assert sanction.date is not None and sanction.date.value == DAY.isoformat()
    assert sanction.target == ["BLR"]


def test_a_decided_sanction_still_to_be_approved_stays_planned(pipeline: Any) -> None:
    text = (
        "The EU's foreign ministers have decided to impose sanctions on Belarus. "
        "The sanctions they will approve next week include a travel ban."
    )
    sanction = one_event(pipeline, text, "SANCTION", published=DAY)
    assert sanction.status == "planned"


# ---------------------------------------------------------------- surnames, meetings, venues


def test_a_surname_tagged_a_place_after_the_full_name_is_the_person(pipeline: Any) -> None:
    text = (
        "The radio referred to President Jean Kandoria. Kandoria attended a meeting with "
        "rebel leaders in Arusha, Tanzania."
    )
    meeting = one_event(pipeline, text, "CONSULT", published=DAY)
    assert meeting.source == ["new:jean-kandoria"]


def test_a_one_word_place_name_never_written_after_a_given_name_stays_a_place(
    pipeline: Any,
) -> None:
    analysis = _analysis(pipeline, "Kandoria sent troops to the border on Tuesday.")
    assert [a for a in analysis.actors if a.kind == "person"] == []


def test_out_of_the_country_attending_a_meeting_is_the_subjects_meeting(pipeline: Any) -> None:
    text = (
        "President Jean Ndayizeye was out of the country attending a meeting with rebel "
        "leaders in Arusha, Tanzania."
    )
    meeting = one_event(pipeline, text, "CONSULT", published=DAY)
    assert meeting.source == ["new:jean-ndayizeye"]
    assert meeting.target == ["Rebel leaders"]


def test_the_place_after_the_other_side_of_talks_is_their_venue(pipeline: Any) -> None:
    text = "President Jean Ndayizeye attended a meeting with rebel leaders in Arusha, Tanzania."
    meeting = one_event(pipeline, text, "CONSULT", published=DAY)
    assert meeting.target == ["Rebel leaders"]
    assert meeting.countries.get("Rebel leaders") is None  # not Tanzania's rebels


def test_a_sector_in_a_place_that_acts_keeps_the_places_country(pipeline: Any) -> None:
    text = "Opposition leaders in Georgia met the president on Tuesday."
    meeting = one_event(pipeline, text, "CONSULT", published=DAY)
    assert meeting.countries.get(meeting.source[0]) == "GEO"


# ---------------------------------------------------------------- a quoted epithet (item 5)


_COUP = "LUSAKA, Zambia - A little known group announced a military takeover today. "


def test_a_quoted_present_relative_clause_on_a_subject_is_no_act(pipeline: Any) -> None:
    text = _COUP + '"The government which is killing people is over," the radio said.'
    assert [e for e in _events(pipeline, text) if e.type == "ASSAULT"] == []


def test_the_same_relative_clause_outside_quotes_still_tells_an_act(pipeline: Any) -> None:
    text = _COUP + "The government which is killing people is over, the radio said."
    assault = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert assault.source == ["ZMB"]


def test_a_quoted_relative_clause_between_commas_still_tells_an_act(pipeline: Any) -> None:
    text = _COUP + '"The army, which is shelling our villages, must stop," the mayor said.'
    assault = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert assault.source == ["ZMB"]


def test_a_quoted_past_relative_clause_still_tells_an_act(pipeline: Any) -> None:
    text = _COUP + '"The army which shelled the town on Monday has withdrawn," the mayor said.'
    assault = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert assault.date is not None and assault.date.value == "2026-05-11"


# ---------------------------------------------------------------- former states (item 6)


def test_a_soviet_leader_is_of_the_soviet_union(pipeline: Any) -> None:
    text = "Soviet leader Mikhail Gorbachev met President Reagan in Geneva in 1985."
    meeting = one_event(pipeline, text, "CONSULT", published=DAY)
    assert meeting.countries.get("new:mikhail-gorbachev") == "SUN"


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The Soviet Union invaded Afghanistan in 1979.", "SUN"),
        ("Yugoslav troops shelled the town of Vukovar in 1991.", "YUG"),
        ("East German guards shot a man at the border in 1962.", "DDR"),
    ],
)
def test_former_states_act_under_their_own_codes(pipeline: Any, text: str, state: str) -> None:
    assault = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert assault.source == [state]
    assert assault.status == "historical"


def test_moscow_stays_russia(pipeline: Any) -> None:
    text = "Moscow sent troops to the border on Tuesday."
    assert one_event(pipeline, text, "MOBILIZE", published=DAY).source == ["RUS"]


def test_each_former_state_has_its_first_and_last_day() -> None:
    path = resources.files("parley") / "data" / "actors" / "historical_states.json"
    data = json.loads(path.read_text("utf-8"))
    existed = data["existed"]
    for actor in data["actors"]:
        days = existed[actor["id"]]
        assert dt.date.fromisoformat(days["start"]) < dt.date.fromisoformat(days["end"])


def test_a_deployment_threatening_allies_is_no_threat_and_dated_by_its_year(
    pipeline: Any,
) -> None:
    text = "The crisis followed a Soviet deployment of missiles threatening allies in 1977."
    found = _events(pipeline, text)
    assert [e for e in found if e.type == "THREATEN"] == []
    deployment = one_event(pipeline, text, "MOBILIZE", published=DAY)
    assert deployment.source == ["SUN"]
    assert deployment.date is not None and deployment.date.value == "1977"
    assert deployment.status == "historical"


def test_a_statement_threatening_retaliation_still_threatens(pipeline: Any) -> None:
    text = "The Azerbaijani army issued a statement threatening retaliation against Armenia."
    threat = one_event(pipeline, text, "THREATEN", published=DAY)
    assert threat.source == ["AZE"]
    assert threat.target == ["ARM"]


# ---------------------------------------------------------------- "Earlier" and the two Congos


def test_a_past_perfect_after_a_bare_earlier_is_news_not_background(pipeline: Any) -> None:
    text = (
        "Syrian rebels detained two Indian engineers on Monday. Earlier, the rebels had "
        "seized a border crossing between Syria and Jordan."
    )
    seizure = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert seizure.status == "occurred"


def test_a_past_perfect_counted_years_earlier_stays_background(pipeline: Any) -> None:
    text = (
        "Syrian rebels detained two Indian engineers on Monday. Two years earlier, the rebels "
        "had seized a border crossing between Syria and Jordan."
    )
    seizure = one_event(pipeline, text, "ASSAULT", published=DAY)
    assert seizure.status == "historical"


def test_a_bare_congo_beside_the_drc_is_the_other_congo(pipeline: Any) -> None:
    text = (
        "The Republic of Congo and the Democratic Republic of Congo (DRC) signed a border "
        "accord on Monday. On Tuesday Congo accused the DRC of shelling its villages."
    )
    accusation = one_event(pipeline, text, "ACCUSE", published=DAY)
    assert accusation.source == ["COG"]
    assert accusation.target == ["COD"]


def test_a_bare_congo_beside_the_full_names_only_stays_unresolved(pipeline: Any) -> None:
    text = (
        "The Democratic Republic of Congo and the Republic of Congo signed a border accord "
        "on Monday. On Tuesday Congo accused Angola of shelling its villages."
    )
    found = _events(pipeline, text)
    assert [e for e in found if e.type == "ACCUSE"] == []  # the accuser unknown: no record


# ---------------------------------------------------------------- troops opposed to a coup (item 5)


_RADIO = "A little known group seized Zambia's state radio today. "


def test_troops_opposed_to_a_takeover_are_the_states_and_talk_to_the_coup_leaders(
    pipeline: Any,
) -> None:
    text = _RADIO + (
        "A senior officer said troops opposed to the attempted takeover had surrounded the "
        "building and opened negotiations with the coup leaders inside."
    )
    talks = one_event(pipeline, text, "CONSULT", published=DAY)
    assert talks.source == ["ZMB"]
    assert talks.target == ["Coup leaders"]
    assert talks.sectors.get("Coup leaders") == "rebels"
    assert [e for e in _events(pipeline, text) if e.type == "REJECT"] == []  # no act "opposed"


def test_troops_opposed_to_the_president_are_not_his_states_forces(pipeline: Any) -> None:
    text = _RADIO + "Troops opposed to President Hichilema opened fire on protesters."
    assert [e for e in _events(pipeline, text) if "ZMB" in e.source] == []


def test_a_titled_conjunct_beside_a_known_leader_keeps_its_title_country(pipeline: Any) -> None:
    text = "President Biden and French President Jean Dupont met in Paris on Tuesday."
    meeting = one_event(pipeline, text, "CONSULT", published=DAY)
    assert meeting.countries.get("new:jean-dupont") == "FRA"


def test_an_untitled_conjunct_beside_a_known_leader_has_no_country(pipeline: Any) -> None:
    text = "President Biden and Jean Dupont met in Paris on Tuesday."
    meeting = one_event(pipeline, text, "CONSULT", published=DAY)
    assert "new:jean-dupont" in meeting.source
    assert meeting.countries.get("new:jean-dupont") is None


def test_a_verb_coordinated_with_a_second_one_is_no_reduced_relative(pipeline: Any) -> None:
    text = "Zambian troops withdrew from the border on Monday and returned to their barracks."
    withdrawal = one_event(pipeline, text, "RETREAT", published=DAY)
    assert withdrawal.source == ["ZMB"]
