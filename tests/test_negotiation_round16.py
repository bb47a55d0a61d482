"""Round 16 of the negotiation review (docs/review/negotiation.md): constructions that failed on
four fresh processes, rewritten in our own words with other names, places and numbers. Each is
tested both ways: the construction that must give the record, and a near neighbour that must not.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import Analysis, RawDocument


def _run(pipeline, text: str, day: str = "2021-03-12") -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(source="t.txt", text=text, published_at=dt.date.fromisoformat(day))
    return pipeline.run(raw)


def _tracks(an: Analysis) -> list[tuple[list[str], list[str]]]:
    return [(sorted(t.parties), sorted(t.mediators)) for t in an.tracks]


def _rounds(an: Analysis) -> set[tuple[int | None, str, str | None, str | None]]:
    return {(r.ordinal, r.status, r.venue, r.date) for t in an.tracks for r in t.rounds}


def _steps(an: Analysis, name: str) -> list[tuple[str, str | None]]:
    [ag] = [a for a in an.agreements if a.name == name]
    return [(s.status, s.date) for s in ag.statuses]


# -- a rebel coalition of the north of Mali is a side ---------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("rebels", "side"),
    [
        ("the Coordination of Azawad Movements", "group:cma"),
        ("the National Movement for the Liberation of Azawad", "group:mnla"),
        ("the MNLA", "group:mnla"),
    ],
)
def test_a_northern_malian_movement_is_a_side(
    pipeline,  # type: ignore[no-untyped-def]
    rebels: str,
    side: str,
) -> None:
    text = f"Mali and {rebels} held peace talks in Niamey on Sunday, mediated by Algeria."
    an = _run(pipeline, text, day="2016-02-08")
    # Niger hosts the talks in its capital
    assert _tracks(an) == [(sorted(["MLI", side]), ["DZA", "NER"])]


@pytest.mark.model
def test_an_unknown_coalition_stays_no_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Mali and the Coalition of Sahel Peoples held peace talks in Niamey on Sunday."
    an = _run(pipeline, text, day="2016-02-08")
    assert all("group:cma" not in t.parties for t in an.tracks)


# -- who reacts to the accord is no side of the talks ---------------------------------------

_REACTED = (
    "Colombia's main rebel alliance signed a landmark deal on Saturday. The Havana Accord aims "
    "to bring stability to the south of the country. The document had already been signed in "
    "May by the government, but the ELN had been holding out until amendments were agreed. "
    "Norwegian Foreign Minister Lars Berg and his Swedish counterpart Eva Lind {verb} the ELN's "
    "commitment to the accord and urged Colombia to ensure the deal was implemented. Manuel "
    "Rojas, the foreign minister of Cuba, which has been leading international efforts to "
    "mediate the peace talks, attended the ceremony. The accord, hammered out over months "
    "under the auspices of the UN, calls for elected local councils."
)


@pytest.mark.model
def test_ministers_who_welcome_the_accord_are_no_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, _REACTED.format(verb="welcomed"), day="2019-06-17")
    assert [parties for parties, _ in _tracks(an)] == [["COL", "group:eln"]]
    [accord] = [a for a in an.agreements if a.name == "Havana Accord"]
    assert sorted(accord.parties) == ["COL", "group:eln"]


@pytest.mark.model
def test_ministers_who_negotiate_the_accord_are_sides(pipeline) -> None:  # type: ignore[no-untyped-def]
    # not a reaction: "negotiated" puts Norway at the table
    an = _run(pipeline, _REACTED.format(verb="negotiated"), day="2019-06-17")
    assert any("NOR" in parties for parties, _ in _tracks(an))


# -- an actor named in a modifier of affiliation is no party --------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "haven",
    [
        "a haven for al Qaeda-linked gunmen",
        "a haven for gunmen linked to al Qaeda",
    ],
)
def test_an_affiliation_names_no_party_of_the_accord(
    pipeline,  # type: ignore[no-untyped-def]
    haven: str,
) -> None:
    text = (
        "Mali's government and the MNLA signed a peace accord in Kidal on Friday, mediated by "
        f"Algeria. The so-called Kidal Accord aims to calm the north, {haven}."
    )
    an = _run(pipeline, text, day="2016-04-02")
    [accord] = [a for a in an.agreements if a.name == "Kidal Accord"]
    assert sorted(accord.parties) == ["MLI", "group:mnla"]


@pytest.mark.model
def test_a_side_named_in_the_accords_sentence_stays_a_party(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The so-called Kidal Accord between Mali and al Qaeda was denounced by Algeria as a "
        "forgery on Friday."
    )
    an = _run(pipeline, text, day="2016-04-02")
    [accord] = [a for a in an.agreements if a.name == "Kidal Accord"]
    assert "group:al-qaeda" in accord.parties


# -- "the document" refers back to the accord named before ----------------------------------


@pytest.mark.model
def test_the_document_is_the_accord_named_before(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mali's government and the MNLA reached the Kidal Accord after talks mediated by "
        "Algeria. The government signed the document on April 3 in Bamako."
    )
    an = _run(pipeline, text, day="2016-04-09")
    assert ("signed", "2016-04-03") in _steps(an, "Kidal Accord")


@pytest.mark.model
def test_a_document_with_no_accord_before_is_no_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "On Tuesday evening, the president signed the document pardoning the former mayor."
    an = _run(pipeline, text, day="2016-04-09")
    assert an.agreements == []


# -- amendments agreed are no agreement agreed ----------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("clause", "agreed"),
    [
        ("the MNLA had held out until amendments were agreed last week", False),
        ("the MNLA had held out until changes to it were agreed last week", False),
        ("the MNLA and the government agreed the accord last week", True),
    ],
)
def test_amendments_agreed_are_no_agreement_agreed(
    pipeline,  # type: ignore[no-untyped-def]
    clause: str,
    agreed: bool,
) -> None:
    text = f"Mali's government signed the Kidal Accord in May with Algeria mediating, but {clause}."
    an = _run(pipeline, text, day="2016-06-20")
    steps = {status for status, _ in _steps(an, "Kidal Accord")}
    assert ("agreed" in steps) is agreed


# -- a commission's numbered meetings are rounds --------------------------------------------


@pytest.mark.model
def test_numbered_body_meetings_are_rounds(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nepal and China held the 7th Joint Boundary Committee Meeting (JBCM) in Kathmandu on "
        "Tuesday and Wednesday. The two sides reviewed the progress made at the 6th JBCM in "
        "Lhasa and agreed to hold the 8th JBCM in Beijing at an early date."
    )
    an = _run(pipeline, text, day="2022-03-04")
    assert _rounds(an) == {
        (7, "held", "Kathmandu", "2022-03-01"),
        (6, "held", "Lhasa", None),
        (8, "planned", "Beijing", None),
    }


@pytest.mark.model
@pytest.mark.parametrize(
    "meeting",
    [
        "the 46th annual meeting of the Asian Development Bank",
        "the 7th meeting of the bank's shareholders",
    ],
)
def test_a_numbered_meeting_of_no_body_of_the_sides_is_no_round(
    pipeline,  # type: ignore[no-untyped-def]
    meeting: str,
) -> None:
    text = f"Nepal and China held boundary talks in Kathmandu on Tuesday, after {meeting}."
    an = _run(pipeline, text, day="2022-03-04")
    assert {n for n, *_ in _rounds(an)} <= {None}


# -- a round that has not met is still to come, with no other meeting's day or place --------


@pytest.mark.model
@pytest.mark.parametrize(
    ("verb", "status"),
    [
        ("has still not taken place", "planned"),
        ("has yet to take place", "planned"),
        ("did not take place", "cancelled"),
    ],
)
def test_a_negated_round_has_not_met(
    pipeline,  # type: ignore[no-untyped-def]
    verb: str,
    status: str,
) -> None:
    text = (
        "Nepal and China held the 7th Joint Boundary Committee Meeting (JBCM) in Kathmandu. "
        f"However, the 9th round of Nepal-China boundary talks {verb} despite plans made at "
        "the 7th JBCM held on March 2 in Kathmandu."
    )
    an = _run(pipeline, text, day="2022-04-10")
    nine = [r for r in _rounds(an) if r[0] == 9]
    assert nine == [(9, status, None, None)]
    assert 8 not in {r[0] for r in _rounds(an)}  # the numbered meeting is no "round 8"


# -- a round "held in" a place met there -----------------------------------------------------


@pytest.mark.model
def test_a_round_held_in_a_place_met_there(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The second round of indirect talks between Kenya and Somalia will be held in Geneva on "
        "Saturday, Qatar said. The meeting in Geneva follows a first round of indirect talks "
        "held in Doha on May 2."
    )
    an = _run(pipeline, text, day="2022-05-09")
    assert (1, "held", "Doha", "2022-05-02") in _rounds(an)


@pytest.mark.model
def test_a_round_with_a_place_of_its_own_keeps_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The second round of indirect talks between Kenya and Somalia will be held in Geneva on "
        "Saturday, Qatar said. The first round of indirect talks, in Doha on May 2, was cordial."
    )
    an = _run(pipeline, text, day="2022-05-09")
    assert (2, "planned", "Geneva", "2022-05-14") in _rounds(an)


# -- a treaty recalled as history makes no track --------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "day", "tracks"),
    [
        (
            "The talks in Oslo are the first since the United States withdrew from the JCPOA "
            "in 2018.",
            "2024-09-02",
            [],
        ),
        # the same step told as news keeps the treaty's track
        (
            "The United States withdrew from the JCPOA on Tuesday.",
            "2018-05-10",
            ["China–Germany–France–UK–Iran–Russia–US arms control"],
        ),
    ],
)
def test_a_treaty_recalled_as_history_makes_no_track(
    pipeline,  # type: ignore[no-untyped-def]
    text: str,
    day: str,
    tracks: list[str],
) -> None:
    an = _run(pipeline, text, day=day)
    assert [t.name for t in an.tracks if t.name.endswith("arms control")] == tracks


# -- a body that convenes on its own mediates nothing ---------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "mediators"),
    [
        ("Colombia's cabinet convened on Sunday to debate the deal.", ["CUB"]),
        ("Norway convened talks on the deal on Sunday.", ["CUB", "NOR"]),
    ],
)
def test_a_cabinet_that_convenes_is_no_mediator(
    pipeline,  # type: ignore[no-untyped-def]
    sentence: str,
    mediators: list[str],
) -> None:
    text = (
        "Colombia and the ELN reached a prisoner exchange deal in talks mediated by Cuba. "
        + sentence
    )
    an = _run(pipeline, text, day="2019-03-12")
    assert _tracks(an) == [(["COL", "group:eln"], mediators)]


# -- an exchange deal a government approves -------------------------------------------------


@pytest.mark.model
def test_an_approved_exchange_deal_is_agreed(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Hours after Israel's cabinet approved a prisoner exchange deal with Gaza's Hamas, the "
        "families of the captives gathered in Tel Aviv."
    )
    an = _run(pipeline, text, day="2011-10-12")
    [deal] = [a for a in an.agreements if a.kind == "exchange deal"]
    assert sorted(deal.parties) == ["ISR", "group:hamas"]
    assert [(s.status, s.date) for s in deal.statuses] == [("agreed", "2011-10-12")]


@pytest.mark.model
def test_an_approval_to_come_agrees_nothing(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Israel's cabinet will vote on a prisoner exchange deal with Hamas on Sunday."
    an = _run(pipeline, text, day="2011-10-12")
    assert all(
        s.status != "agreed" for a in an.agreements if a.kind == "exchange deal" for s in a.statuses
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "step"),
    [
        (
            "The swap is due to take place on Thursday at the Kerem Shalom crossing.",
            "implemented (expected)",
        ),
        (
            "The swap will take place on Thursday at the Kerem Shalom crossing.",
            "implemented (expected)",
        ),
        ("The swap took place on Tuesday at the Kerem Shalom crossing.", "implemented"),
    ],
)
def test_the_swap_taking_place_carries_out_the_deal(
    pipeline,  # type: ignore[no-untyped-def]
    sentence: str,
    step: str,
) -> None:
    text = (
        "Israel and Hamas reached a prisoner exchange deal through Egyptian mediation. " + sentence
    )
    an = _run(pipeline, text, day="2011-10-16")
    [deal] = [a for a in an.agreements if a.kind == "exchange deal"]
    assert step in {s.status for s in deal.statuses}


# -- a memorandum named head first by its short form ----------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "memorandum",
    [
        "the MOU on the Three-Step Roadmap for Expediting the Nepal-China Boundary Negotiations",
        "the Memorandum of Understanding on the Three-Step Roadmap for Expediting the "
        "Nepal-China Boundary Negotiations",
    ],
)
def test_a_memorandum_named_head_first_is_an_agreement(
    pipeline,  # type: ignore[no-untyped-def]
    memorandum: str,
) -> None:
    text = (
        f"Nepal and China held boundary talks in Kathmandu on Tuesday on implementing {memorandum}."
    )
    an = _run(pipeline, text, day="2022-03-04")
    name = memorandum.removeprefix("the ")
    assert [(a.name, sorted(a.parties)) for a in an.agreements] == [(name, ["CHN", "NPL"])]


@pytest.mark.model
@pytest.mark.parametrize(
    "tail",
    [
        "signed an MoU on Sunday",
        "discussed the MoU on trade",
    ],
)
def test_an_mou_with_no_name_after_it_is_no_named_agreement(
    pipeline,  # type: ignore[no-untyped-def]
    tail: str,
) -> None:
    text = f"Nepal and China held boundary talks in Kathmandu on Tuesday and {tail}."
    an = _run(pipeline, text, day="2022-03-04")
    assert all(not a.name.startswith(("MoU on", "MOU on")) for a in an.agreements)


@pytest.mark.model
def test_a_swap_with_no_deal_in_sight_is_no_agreement(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The envoy announced the exchange of 90 Armenian and Azerbaijani prisoners on each side. "
        "The swap took place this afternoon on the border."
    )
    an = _run(pipeline, text, day="2024-02-05")
    assert [a for a in an.agreements if a.kind == "exchange deal"] == []
