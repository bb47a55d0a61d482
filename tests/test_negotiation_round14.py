"""Round 14 of the negotiation review (docs/review/negotiation.md): constructions that failed on
three fresh processes, rewritten in our own words with other names, places and numbers. Each is
tested both ways: the construction that must give the record, and a near neighbour that must not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import Analysis, RawDocument


def _run(pipeline, text: str, day: str = "2004-03-08") -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(source="t.txt", text=text, published_at=dt.date.fromisoformat(day))
    return pipeline.run(raw)


def _agreements(an: Analysis) -> list[tuple[str, list[str], list[tuple[str, str | None]]]]:
    return [(a.name, a.parties, [(s.status, s.date) for s in a.statuses]) for a in an.agreements]


def _mediators(an: Analysis) -> list[str]:
    return sorted({m for t in an.tracks for m in t.mediators})


# -- a peace accord between a state and an armed movement -----------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "records"),
    [
        # the two sides that sign an unnamed peace accord name it, a movement among them
        (
            "The Colombian government and the ELN rebels signed a peace accord in Quito on "
            "Sunday, ending years of fighting.",
            [("Colombia–ELN peace agreement", ["COL", "group:eln"], [("signed", "2004-03-07")])],
        ),
        # one adjective before "peace" still names it; a wire dateline's city signs nothing
        (
            "QUITO, March 8 (Xinhua) — The Colombian government and the ELN will sign a "
            "comprehensive peace agreement on March 14, a mediator said here Monday.",
            [
                (
                    "Colombia–ELN peace agreement",
                    ["COL", "group:eln"],
                    [("signed (expected)", "2004-03-14")],
                )
            ],
        ),
        # a ceremony the two attend names no signers of an accord the article may name
        # otherwise; an accord "to end hostilities" is their cessation, no peace agreement
        (
            "Colombia's president and the ELN commander shook hands during the signing of the "
            "peace agreement in Quito on Sunday.",
            [],
        ),
        (
            "The Colombian government and the ELN rebels signed a peace accord to end armed "
            "hostilities in Quito on Sunday.",
            [],
        ),
        # a peace accord only talked about by one side is no record
        (
            "The ELN said on Sunday that a peace accord with the government was still far away.",
            [],
        ),
    ],
)
def test_a_peace_accord_signed_by_a_state_and_an_armed_movement(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    records: list[tuple[str, list[str], list[tuple[str, str | None]]]],
) -> None:
    assert _agreements(_run(pipeline, text)) == records


@pytest.mark.model
def test_the_sudanese_movement_of_the_civil_war_is_a_side_and_igad_spelled_with_a_hyphen(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    an = _run(
        pipeline,
        "The Sudanese government and the SPLM/A resumed peace talks in Machakos on Monday under "
        "the auspices of the Inter-Governmental Authority on Development.",
        day="2002-06-18",
    )
    assert [sorted(t.parties) for t in an.tracks] == [["SDN", "group:splm-a"]]
    assert _mediators(an) == ["igo:igad"]


# -- the sides a facilitator's talks name are sides -----------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "tracks", "mediators"),
    [
        # the names modifying the talks a facilitator is "for" are the talks' sides
        (
            "Peru and the ELN met in Lima last week. Special Envoy Anna Lund, Sweden's "
            "facilitator for the Peru-ELN peace talks, hosted the meetings in Lima.",
            [["PER", "group:eln"]],
            ["SWE"],
        ),
        # a facilitator of talks named without their sides still hosts them
        (
            "Peru and the ELN met in Lima last week. Sweden, the facilitator of the peace "
            "talks, hosted the meetings in Lima.",
            [["PER", "group:eln"]],
            ["SWE"],
        ),
    ],
)
def test_the_sides_named_in_the_talks_a_facilitator_serves_stay_sides(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    tracks: list[list[str]],
    mediators: list[str],
) -> None:
    an = _run(pipeline, text, day="2016-06-16")
    assert [sorted(t.parties) for t in an.tracks] == tracks
    assert [m for m in _mediators(an) if not m.startswith(("person:", "new:"))] == mediators


# -- a numbered round told as held is held ------------------------------------------------


def _rounds(an: Analysis) -> list[tuple[int | None, str]]:
    return [(r.ordinal, r.status) for t in an.tracks for r in t.rounds]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "rounds"),
    [
        # a wish in the main clause does not make the completed third round a plan
        (
            "'I would like to congratulate Peru and the ELN on having completed a constructive "
            "third round of peace talks,' the Swedish minister said.\n\n"
            "The third round of talks between Peru and the ELN took place from 9-15 March.",
            [(3, "held")],
        ),
        # a third round still to come stays planned
        (
            "'I would like to congratulate Peru and the ELN on their progress,' the Swedish "
            "minister said.\n\nThe third round of talks between Peru and the ELN will take "
            "place in April.",
            [(3, "planned")],
        ),
    ],
)
def test_a_numbered_round_told_as_held_is_held(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    rounds: list[tuple[int | None, str]],
) -> None:
    assert _rounds(_run(pipeline, text, day="2017-03-16")) == rounds


# -- a round of fighting is no session --------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "Peru and Chile held talks in Quito on Monday. The latest round of hostilities "
            "erupted on May 14 along their border.",
            ["2026-06-08"],
        ),
        (
            "Peru and Chile held talks in Quito on Monday. A new round of clashes broke out "
            "on May 14.",
            ["2026-06-08"],
        ),
        # the latest round of talks is a session
        (
            "Peru and Chile held talks in Quito on Monday. The latest round of talks took "
            "place on May 14 in Lima.",
            ["2026-05-14", "2026-06-08"],
        ),
    ],
)
def test_a_round_of_hostilities_is_no_round_of_talks(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    dates: list[str],
) -> None:
    an = _run(pipeline, text, day="2026-06-10")
    assert sorted(r.date or "" for t in an.tracks for r in t.rounds) == dates


# -- a ceasefire agreed, asked for, or agreed to be kept --------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "records"),
    [
        # an appeal to agree is no agreement
        (
            "Peru and Chile held talks in Quito on Monday. Last Friday, the Ecuadorian "
            "president called both leaders, appealing to them to agree to an immediate "
            "ceasefire.",
            [],
        ),
        (
            "Last Friday, the UN chief urged Peru and Chile to agree to an immediate ceasefire.",
            [],
        ),
        # the sides agreeing to implement a ceasefire agree it
        (
            "Peru and Chile have agreed to implement a ceasefire from midnight tonight, "
            "following talks hosted by Ecuador.",
            [("Chile–Peru ceasefire", ["CHL", "PER"], [("agreed", "2026-06-10")])],
        ),
        # agreeing to discuss one agrees nothing
        (
            "Peru and Chile have agreed to discuss a ceasefire next week, following talks "
            "hosted by Ecuador.",
            [],
        ),
    ],
)
def test_a_ceasefire_agreed_to_be_implemented_is_agreed_an_appeal_is_not(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    records: list[tuple[str, list[str], list[tuple[str, str | None]]]],
) -> None:
    assert _agreements(_run(pipeline, text, day="2026-06-10")) == records


# -- those thanked for their mediation mediated -------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "tracks", "mediators"),
    [
        (
            "Peru and Chile have thanked Ecuador for its crucial mediation in reaching an "
            "immediate ceasefire. 'Both sides agreed to implement the ceasefire in good "
            "faith,' the Chilean minister said.",
            [["CHL", "PER"]],
            ["ECU"],
        ),
        (
            "Peru and Chile have thanked Ecuador for its support. The two sides held talks in "
            "Lima on Monday.",
            [["CHL", "PER"]],
            [],
        ),
    ],
)
def test_the_one_thanked_for_its_mediation_mediates(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    tracks: list[list[str]],
    mediators: list[str],
) -> None:
    an = _run(pipeline, text, day="2026-06-10")
    assert [sorted(t.parties) for t in an.tracks] == tracks
    assert _mediators(an) == mediators
