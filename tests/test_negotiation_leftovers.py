"""Left-over negotiation constructions of the review (nego16, issue 13).

A state's body (its security council, ministry or army) stands for the state as a party and
in stories; talks among three or more states keep every side; pacts named by their date are
agreement records, with the steps taken under them; sessions told without "round" are
rounds with their number; an agreement "the two sides" announced is the sides' agreement.
The constructions come from docs/review/negotiation.md (rounds 12 and 13, "Left"), rewritten
in our own words with other names, places and numbers; each is tested both ways.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.negotiation.extractor import find_rounds
from parley.models import ActorInText, Analysis, Article, Event, RawDocument, Span, Track
from parley.resolve import cluster_stories, merge_agreements


def _run(pipeline, text: str, day: str = "2026-03-10", outlet: str | None = None) -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(
        source=f"{outlet or 't'}.txt",
        text=text,
        published_at=dt.date.fromisoformat(day),
        outlet=outlet,
    )
    return pipeline.run(raw)


def _track_with(an: Analysis, party: str) -> Track | None:
    return next((t for t in an.tracks if party in t.parties), None)


# -- 1. a state's body is its state ------------------------------------------------------------


@pytest.mark.model
def test_an_organisation_after_a_states_possessive_is_of_that_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "Chile's National Security Council met in Santiago on Monday.")
    [council] = [a for a in an.actors if a.name == "National Security Council"]
    assert council.country == "CHL"


@pytest.mark.model
def test_an_organisation_without_a_possessive_has_no_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "The National Security Council met in Santiago on Monday.")
    [council] = [a for a in an.actors if a.name == "National Security Council"]
    assert council.country is None


@pytest.mark.model
def test_a_states_security_council_sits_for_its_state_in_talks(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Chile's National Security Council met on Monday. The National Security Council "
        "later held talks with Bolivia in Lima on access to the sea. The talks will resume "
        "in Lima next month.",
    )
    track = _track_with(an, "BOL")
    assert track is not None and track.parties == ["BOL", "CHL"]


@pytest.mark.model
def test_a_charity_of_a_state_is_no_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Chile's Refugee Council met on Monday. The Refugee Council later held talks with "
        "Bolivia in Lima on access to the sea. The talks will resume in Lima next month.",
    )
    assert _track_with(an, "CHL") is None


@pytest.mark.model
def test_an_army_sits_for_its_state(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Commanders of the Chinese army held talks with Vietnam in Hanoi on Monday on the "
        "disputed border. The next round will be held in Hanoi in May.",
    )
    track = _track_with(an, "VNM")
    assert track is not None and track.parties == ["CHN", "VNM"]


def _decision(source: str, actor: ActorInText, outlet: str, aid: str) -> Analysis:
    words = "x" * 40
    event = Event(
        type="SANCTION",
        mode="sever",
        source=[source],
        target=["ECU"],
        evidence=Span(start=0, end=10, text=words[:10]),
    )
    art = Article(id=aid, text=words, outlet=outlet, published_at=dt.date(2026, 3, 9))
    return Analysis(article=art, actors=[actor], events=[event])


def _state(code: str) -> ActorInText:
    return ActorInText(id=code, name=code, kind="state", country=code)


def test_a_decision_of_a_states_security_council_is_the_states_in_stories() -> None:
    council = ActorInText(
        id="new:national-security-council",
        name="National Security Council",
        kind="organisation",
        country="PER",
    )
    one = _decision("PER", _state("PER"), "Outlet A", "a1")
    two = _decision("new:national-security-council", council, "Outlet B", "a2")
    [story] = cluster_stories([one, two], min_sources=2)
    assert sorted(story.events) == ["a1#0", "a2#0"]


def test_a_decision_of_a_states_charity_is_not_the_states_in_stories() -> None:
    charity = ActorInText(
        id="new:refugee-council", name="Refugee Council", kind="organisation", country="PER"
    )
    one = _decision("PER", _state("PER"), "Outlet A", "a1")
    two = _decision("new:refugee-council", charity, "Outlet B", "a2")
    assert cluster_stories([one, two], min_sources=2) == []


# -- 2. talks among three or more states --------------------------------------------------------


@pytest.mark.model
def test_talks_among_three_states_keep_every_side_and_no_mediator(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Talks between Uzbekistan, Tajikistan and Kyrgyzstan on sharing river water opened "
        "in Geneva on Monday, mediated by Kazakhstan.",
    )
    track = _track_with(an, "UZB")
    assert track is not None
    assert track.parties == ["KGZ", "TJK", "UZB"]
    assert "KAZ" in track.mediators and "KAZ" not in track.parties


@pytest.mark.model
def test_talks_of_two_states_with_a_mediator_keep_two_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Talks between Uzbekistan and Tajikistan on sharing river water opened in Geneva on "
        "Monday, mediated by Kazakhstan.",
    )
    track = _track_with(an, "UZB")
    assert track is not None and track.parties == ["TJK", "UZB"]
    assert "KAZ" in track.mediators


@pytest.mark.model
def test_a_state_the_sides_discussed_is_no_third_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Peru and Chile held talks in Lima on Monday. The two sides also discussed "
        "Bolivia's gas exports and the safety of shipping.",
    )
    track = _track_with(an, "PER")
    assert track is not None and track.parties == ["CHL", "PER"]


@pytest.mark.model
def test_a_list_of_states_under_another_verb_is_no_table(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Peru, Chile and Bolivia share the river, and Peru and Chile held talks on it in "
        "Geneva on Monday.",
    )
    track = _track_with(an, "PER")
    assert track is not None and track.parties == ["CHL", "PER"]


@pytest.mark.model
def test_foreign_ministers_of_four_states_meeting_are_four_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The foreign ministers of Uzbekistan, Tajikistan, Kyrgyzstan and Turkmenistan met in "
        "Geneva on Monday to discuss sharing river water.",
    )
    track = _track_with(an, "UZB")
    assert track is not None and track.parties == ["KGZ", "TJK", "TKM", "UZB"]


@pytest.mark.model
def test_the_six_party_talks_seat_all_six(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Envoys of the United States and North Korea held talks in Beijing on Tuesday on the "
        "sidelines of the six-party talks on the nuclear programme.",
    )
    track = _track_with(an, "PRK")
    assert track is not None
    assert track.parties == ["CHN", "JPN", "KOR", "PRK", "RUS", "USA"]


@pytest.mark.model
def test_two_envoys_without_the_six_party_format_are_two_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Envoys of the United States and North Korea held talks in Beijing on Tuesday on the "
        "nuclear programme.",
    )
    track = _track_with(an, "PRK")
    assert track is not None and track.parties == ["PRK", "USA"]


# -- 3. pacts named by their date ---------------------------------------------------------------


def _agreement(an: Analysis, name: str):  # type: ignore[no-untyped-def]
    return next((a for a in an.agreements if a.name == name), None)


@pytest.mark.model
def test_a_pact_named_by_its_day_is_an_agreement_with_its_step(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Peru decided on Monday to suspend the March 4 fisheries agreement with Ecuador, "
        "the foreign ministry said.",
    )
    pact = _agreement(an, "March 4 agreement")
    assert pact is not None
    assert any(s.status.startswith("suspended") for s in pact.statuses)


@pytest.mark.model
def test_a_pact_named_by_its_day_was_signed_that_day_of_the_year_told(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Peru decided on Monday to suspend the March 4 fisheries agreement with Ecuador. The "
        "agreement was signed by the fisheries ministers of the two countries during the 2019 "
        "summit in Quito.",
    )
    pact = _agreement(an, "March 4 agreement")
    assert pact is not None
    assert [s.date for s in pact.statuses if s.status == "signed"] == ["2019-03-04"]


@pytest.mark.model
def test_a_pact_named_by_its_day_signed_in_no_year_told_stays_undated(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Peru decided on Monday to suspend the March 4 fisheries agreement with Ecuador. The "
        "agreement was signed by the fisheries ministers of the two countries during a summit "
        "in Quito.",
    )
    pact = _agreement(an, "March 4 agreement")
    assert pact is not None
    assert [s.date for s in pact.statuses if s.status == "signed"] == [None]


@pytest.mark.model
def test_a_day_an_agreement_was_signed_names_no_pact(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "Peru signed a fisheries agreement with Ecuador on March 4.")
    assert _agreement(an, "March 4 agreement") is None


@pytest.mark.model
def test_a_pact_of_a_day_is_the_pact_named_by_that_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The cabinet discussed a proposal to suspend the fisheries accord of March 4, 2019.",
    )
    assert _agreement(an, "March 4 agreement") is not None


@pytest.mark.model
def test_a_pact_named_by_year_and_city_is_that_citys_declaration(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "Both leaders pledged to honour the 2019 Quito declaration on fishing.")
    assert _agreement(an, "Quito Declaration") is not None


@pytest.mark.model
def test_a_year_and_a_states_name_is_no_declaration_of_a_city(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "Both leaders pledged to honour the 2019 Peru declaration on fishing.")
    assert _agreement(an, "Peru Declaration") is None


@pytest.mark.model
def test_two_wordings_of_a_dated_pact_are_one_record_across_articles(pipeline) -> None:  # type: ignore[no-untyped-def]
    one = _run(
        pipeline,
        "Peru decided on Monday to suspend the Sept. 4 fisheries agreement with Ecuador.",
        outlet="Outlet A",
    )
    two = _run(
        pipeline,
        "Ecuador said on Tuesday it regretted the suspension of the September 4 agreement.",
        day="2026-03-11",
        outlet="Outlet B",
    )
    names = [a.name for a in merge_agreements([one, two])]
    assert names.count("September 4 agreement") == 1


@pytest.mark.model
def test_posts_dismantled_under_a_pact_are_a_step_of_carrying_it_out(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Peru and Ecuador dismantled eleven border posts on Friday under the March 4 agreement.",
    )
    pact = _agreement(an, "March 4 agreement")
    assert pact is not None
    [done] = [s for s in pact.statuses if s.status == "implemented"]
    assert done.date == "2026-03-06"


@pytest.mark.model
def test_posts_to_be_dismantled_under_a_pact_are_no_step(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Peru and Ecuador will dismantle eleven border posts under the March 4 agreement.",
    )
    pact = _agreement(an, "March 4 agreement")
    assert pact is not None
    assert not [s for s in pact.statuses if s.status.startswith("implemented")]


@pytest.mark.model
def test_a_clause_describing_a_process_under_a_treaty_is_no_step(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "The arbitration that led to the Fisheries Treaty, under the Andes Water Treaty, was "
        "the first of its kind.",
    )
    pact = _agreement(an, "Andes Water Treaty")
    assert pact is not None and not pact.statuses


# -- 4. sessions told without "round"; the sides' agreement -----------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The second session of talks ended in Lima.", 2),
        ("It will be the 12th meeting of the corps commanders since the clash.", 12),
        ("The third session of the peace talks opened in Quito.", 3),
        ("The two sides met in Lima for the fourth time on Monday.", 4),
        ("Talks resumed for a third time in Quito on Monday.", 4),
    ],
)
def test_a_numbered_session_without_round_is_a_round(text: str, number: int) -> None:
    assert [n for n, _, _ in find_rounds(text)] == [number]


@pytest.mark.parametrize(
    "text",
    [
        "The two sides met for the first time since 2019.",
        "The negotiators met for the third time this year.",
        "The two sides met for the second time in five years.",
        "The 75th session of the General Assembly opened in New York.",
        "Two meetings of the negotiators were cancelled.",
        "The second meeting of the cabinet approved the budget.",
    ],
)
def test_other_counted_sessions_are_no_round(text: str) -> None:
    assert find_rounds(text) == []


@pytest.mark.model
def test_the_second_session_of_talks_is_round_two(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Negotiators from Peru and Ecuador held the second session of talks in Lima on Monday.",
    )
    track = _track_with(an, "PER")
    assert track is not None
    assert [(r.ordinal, r.status) for r in track.rounds] == [(2, "held")]


@pytest.mark.model
def test_an_agreement_the_two_sides_announced_is_the_sides_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Peru and Ecuador held talks in Lima on Monday. The two sides had announced an "
        "agreement last week to pull troops back from the border.",
    )
    pact = _agreement(an, "Ecuador–Peru agreement")
    assert pact is not None and pact.parties == ["ECU", "PER"]
    assert any(s.status == "agreed" for s in pact.statuses)


@pytest.mark.model
def test_an_agreement_the_two_sides_hope_for_is_none(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline,
        "Peru and Ecuador held talks in Lima on Monday. The two sides hope to reach an "
        "agreement next month to pull troops back from the border.",
    )
    assert _agreement(an, "Ecuador–Peru agreement") is None
