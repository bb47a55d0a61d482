"""Round 17 of the negotiation review (docs/review/negotiation.md): constructions that failed on
four fresh processes, rewritten in our own words with other names, places and numbers. Each is
tested both ways: the construction that must give the record, and a near neighbour that must not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import Analysis, RawDocument


def _run(pipeline, text: str, day: str = "2021-03-11") -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(source="t.txt", text=text, published_at=dt.date.fromisoformat(day))
    return pipeline.run(raw)


def _tracks(an: Analysis) -> list[tuple[list[str], list[str]]]:
    return [(sorted(t.parties), sorted(t.mediators)) for t in an.tracks]


def _rounds(an: Analysis) -> set[tuple[int | None, str, str | None, str | None]]:
    return {(r.ordinal, r.status, r.venue, r.date) for t in an.tracks for r in t.rounds}


def _agreements(an: Analysis) -> dict[str, list[tuple[str, str | None]]]:
    return {a.name: [(s.status, s.date) for s in a.statuses] for a in an.agreements}


# -- an armed alliance and its member armies are one side -----------------------------------

_ALLIANCE = (
    "Envoys of the rebel armies that form the Three Brotherhood Alliance, the Ta'ang National "
    "Liberation Army (TNLA), the MNDAA and the Arakan Army met officers of the Myanmar junta "
    "for peace talks in Ruili on Tuesday, mediated by China."
)


@pytest.mark.model
def test_an_alliance_listed_with_its_members_is_one_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _ALLIANCE)
    assert _tracks(an) == [(["force:tatmadaw", "group:three-brotherhood-alliance"], ["CHN"])]


@pytest.mark.model
def test_a_liberation_army_inside_a_longer_name_is_not_colombias(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _ALLIANCE)
    assert all("group:eln" not in t.parties for t in an.tracks)
    assert "group:eln" not in {a.id for a in an.actors}


@pytest.mark.model
def test_a_member_army_named_alone_stays_itself(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline, "The Arakan Army and the Myanmar military held peace talks in Kunming on Tuesday."
    )
    assert _tracks(an) == [(["force:tatmadaw", "group:arakan-army"], [])]


# -- a joint commission's own numbered meetings are rounds, and it mediates nothing ---------

_TALKS = "Peru and Chile held talks on water sharing. "


@pytest.mark.model
def test_a_commission_convening_its_numbered_meeting_holds_that_round(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _TALKS + (
        "The 40th Joint Water Commission meeting took place in Arica. The Joint Water "
        "Commission (JWC) convened its 41st meeting in Santiago from March 4-6, 2021. Both sides "
        "agreed to hold the next meeting of the JWC in Chile."
    )
    an = _run(pipeline, text, day="2021-03-12")
    assert _tracks(an) == [(["CHL", "PER"], [])]  # the commission is no mediator
    assert _rounds(an) == {
        (40, "held", "Arica", None),
        (41, "held", "Santiago", "2021-03-04"),
        (42, "planned", "Chile", None),
    }


@pytest.mark.model
def test_a_numbered_meeting_of_a_named_commission_is_a_round(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _TALKS + "They held the 41st meeting of the Joint Water Commission in Santiago."
    an = _run(pipeline, text, day="2021-03-12")
    assert {(o, s, v) for o, s, v, _ in _rounds(an)} == {(41, "held", "Santiago")}


@pytest.mark.model
@pytest.mark.parametrize(
    "other",
    [
        "The Andean Development Bank held its 46th annual meeting in Santiago on March 4.",
        "They attended the 46th annual meeting of the Andean Development Bank in Santiago.",
        "The next meeting of the OAS will be held in Quito.",
    ],
)
def test_a_meeting_of_no_body_of_the_sides_is_no_round(pipeline, other: str) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _TALKS + other, day="2021-03-12")
    assert _rounds(an) == set()


@pytest.mark.model
def test_norway_convening_the_talks_still_mediates(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(
        pipeline, "Peru and Chile held talks on water sharing in Lima. Norway convened the talks."
    )
    assert _tracks(an) == [(["CHL", "PER"], ["NOR"])]


# -- a span of days is dated by the day it begins -------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("written", "day"),
    [("from 10 to 11 January 2020", "2020-01-10"), ("on January 23-24, 2020", "2020-01-23")],
)
def test_a_round_held_over_a_span_of_days_is_dated_by_its_first(
    pipeline,  # type: ignore[no-untyped-def]
    written: str,
    day: str,
) -> None:
    text = f"The third round of peace talks between Peru and Chile was held in Lima {written}."
    an = _run(pipeline, text, day="2021-03-11")
    assert _rounds(an) == {(3, "held", "Lima", day)}


@pytest.mark.model
def test_a_span_of_years_is_no_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, "He was jailed for 10 to 15 years in May.", day="2021-06-01")
    assert [d.value for d in an.dates] == ["2021-05"]


# -- a treaty's provision, works that comply, a freeze in relations -------------------------

_SIGNED = "Chile and Peru signed the Caspian Fisheries Treaty in 1998. "


@pytest.mark.model
def test_a_provision_names_its_treaty(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _SIGNED + "Article IV of the Caspian Fisheries Treaty governs dams.")
    assert list(_agreements(an)) == ["Caspian Fisheries Treaty"]


@pytest.mark.model
def test_works_that_comply_tell_no_informal_observance(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _SIGNED + "Chile insists that its dams fully comply with the Caspian Fisheries Treaty."
    an = _run(pipeline, text)
    assert _agreements(an) == {"Caspian Fisheries Treaty": [("signed", "1998")]}


@pytest.mark.model
def test_countries_that_comply_observe_the_treaty(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _SIGNED + "The two countries fully comply with the Caspian Fisheries Treaty."
    an = _run(pipeline, text)
    assert ("observed informally", None) in _agreements(an)["Caspian Fisheries Treaty"]


@pytest.mark.model
def test_a_freeze_in_relations_suspends_no_treaty(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _SIGNED + "The treaty has survived the freeze in relations.")
    assert _agreements(an) == {"Caspian Fisheries Treaty": [("signed", "1998")]}


@pytest.mark.model
def test_a_freeze_of_the_treaty_suspends_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _SIGNED + "Chile announced a freeze of the Caspian Fisheries Treaty on Monday."
    an = _run(pipeline, text)
    assert ("suspended", "2021-03-08") in _agreements(an)["Caspian Fisheries Treaty"]


# -- an accord told by its sides; a signing still to come -----------------------------------


@pytest.mark.model
def test_an_accord_between_two_states_that_is_signed_is_theirs(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An accord between Peru and Bolivia was signed by the foreign ministers of the two "
        "countries on 4 June 2011."
    )
    an = _run(pipeline, text, day="2011-06-05")
    assert _agreements(an) == {"Bolivia–Peru agreement": [("signed", "2011-06-04")]}


@pytest.mark.model
def test_an_accord_between_two_states_only_talked_about_is_no_record(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Peru and Bolivia held talks on an agreement between Peru and Bolivia on Saturday."
    an = _run(pipeline, text, day="2011-06-05")
    assert _agreements(an) == {}


@pytest.mark.model
def test_an_accord_the_sides_are_to_sign_is_expected(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru and Bolivia are to sign an accord establishing diplomatic ties. Both parliaments "
        "are expected to ratify it."
    )
    an = _run(pipeline, text, day="2011-06-05")
    steps = _agreements(an)["Bolivia–Peru normalisation agreement"]
    assert [s for s, _ in steps][:1] == ["signed (expected)"]
    assert all(s != "signed" for s, _ in steps)


@pytest.mark.model
def test_a_delayed_signing_is_no_signing(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The signing of an accord to restore diplomatic ties between Peru and Bolivia was "
        "delayed on Saturday."
    )
    an = _run(pipeline, text, day="2011-06-05")
    assert _agreements(an) == {
        "Bolivia–Peru normalisation agreement": [("signed (expected)", "2011-06-04")]
    }


@pytest.mark.model
def test_ministers_there_to_watch_the_signing_tell_no_signing(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peru and Bolivia will sign the border treaty. Major powers expressed their support for "
        "the treaty, with the foreign ministers of Chile and Spain in the room to watch the "
        "signing."
    )
    an = _run(pipeline, text, day="2011-06-05")
    assert _agreements(an) == {"Bolivia–Peru border treaty": [("signed (expected)", None)]}


@pytest.mark.model
def test_a_signing_after_a_delay_is_a_signing(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Peru and Bolivia signed the border treaty on Saturday after a delay of three hours."
    an = _run(pipeline, text, day="2011-06-05")
    assert _agreements(an) == {"Bolivia–Peru border treaty": [("signed", "2011-06-04")]}


# -- a prisoner deal reached, and told with "in exchange for" -------------------------------

_REACHED = (
    "On Wednesday, Canadian officials announced that Canada and Iran had reached a deal that "
    "involves the release of four Canadian prisoners in exchange for an Iranian engineer. "
)


@pytest.mark.model
def test_an_exchange_inside_a_deal_reached_is_the_deal_agreed(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _REACHED)
    assert _agreements(an) == {"Canada–Iran prisoner exchange": [("agreed", "2021-03-10")]}


@pytest.mark.model
def test_a_deal_reached_to_free_people_in_exchange_is_agreed(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada and Iran reportedly reached a deal Wednesday to free three Canadian prisoners "
        "from Iranian jails in exchange for the release of an Iranian engineer."
    )
    an = _run(pipeline, text)
    assert _agreements(an) == {"Canada–Iran prisoner exchange": [("agreed", "2021-03-10")]}


@pytest.mark.model
def test_an_exchange_in_the_works_is_not_carried_out(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _REACHED + (
        "Official word on the prisoner swap has not been released publicly by Canadian "
        "agencies, but the agency reported that a deal was reached and the swap was in the works."
    )
    an = _run(pipeline, text)
    steps = _agreements(an)["Canada–Iran prisoner exchange"]
    assert all(not s.startswith("implemented") for s, _ in steps)


@pytest.mark.model
def test_a_hoped_release_in_exchange_is_no_deal(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Iran said four Canadian prisoners could be freed in exchange for a jailed engineer."
    an = _run(pipeline, text)
    assert _agreements(an) == {}


@pytest.mark.model
def test_an_earlier_years_release_in_exchange_is_no_step_of_this_deal(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = _REACHED + (
        "Last year, Canada brokered a deal in which two Iranians were released in exchange for "
        "a Canadian student."
    )
    an = _run(pipeline, text)
    assert _agreements(an) == {"Canada–Iran prisoner exchange": [("agreed", "2021-03-10")]}


@pytest.mark.model
@pytest.mark.parametrize(
    ("headline", "steps"),
    [
        ("Canada, Iran reach prisoner swap deal as tensions ease", [("implemented", "2021-03-11")]),
        ("Canada, Iran hold talks as tensions ease", None),
    ],
)
def test_people_freed_in_exchange_carry_out_the_deal_of_the_headline(
    pipeline,  # type: ignore[no-untyped-def]
    headline: str,
    steps: list[tuple[str, str]] | None,
) -> None:
    text = (
        f"{headline}\n\nThe four Canadian prisoners freed by Iran in exchange for a jailed "
        "Iranian engineer have arrived back in Canada."
    )
    an = _run(pipeline, text)
    assert _agreements(an).get("Canada–Iran prisoner exchange") == steps


# -- a role in mediating ------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "praise",
    [
        "Canada praised the role of Oman in mediating between Canada and Iran.",
        "\"We are grateful for Oman's efforts that facilitated conversations between Iranian "
        'authorities and Canadian officials," he said.',
    ],
)
def test_a_role_in_mediating_mediates(pipeline, praise: str) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _REACHED + praise)
    assert _tracks(an) == [(["CAN", "IRN"], ["OMN"])]


@pytest.mark.model
def test_a_role_in_the_region_mediates_nothing(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _REACHED + "Canada praised the role of Oman in the region.")
    assert _tracks(an) == [(["CAN", "IRN"], [])]


# -- a described truce and the name it is known as ------------------------------------------


@pytest.mark.model
def test_a_truce_known_by_a_name_is_one_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At the second round of talks in Lusaka, Zambia and the UNITA rebels agreed on a "
        "ceasefire in the northern provinces known as the Kasama Agreement."
    )
    an = _run(pipeline, text)
    assert len(an.agreements) == 1


@pytest.mark.model
def test_a_truce_and_another_named_accord_stay_two(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "At the second round of talks in Lusaka, Zambia and the UNITA rebels agreed on a "
        "ceasefire in the northern provinces, and they recalled the Kasama Agreement."
    )
    an = _run(pipeline, text)
    assert len(an.agreements) == 2
