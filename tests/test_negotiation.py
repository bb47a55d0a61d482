"""Agreements, rounds, issues and positions from single articles (real model), and the sample."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from parley.extract.negotiation import find_issues, find_rounds
from parley.models import Analysis, RawDocument

pytestmark = pytest.mark.model


def _run(pipeline, text: str, day: str = "2026-05-19") -> Analysis:  # type: ignore[no-untyped-def]
    raw = RawDocument(source="t.txt", text=text, published_at=dt.date.fromisoformat(day))
    return pipeline.run(raw)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They met for the first round in March.", [1]),
        ("A third round is planned; round two ended badly.", [3, 2]),
        ("The 4th round opened.", [4]),
        ("Another round of shelling hit the city.", []),
    ],
)
def test_numbered_rounds_are_found_and_bare_rounds_ignored(text: str, expected: list[int]) -> None:
    assert [n for n, _, _ in find_rounds(text)] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("There was no progress on the key issues: the status of Nagorno-Karabakh and "
         "the return of refugees.", ["status of Nagorno-Karabakh", "return of refugees"]),
        ("The outstanding issues of trade and transit remain.", ["trade and transit remain"]),
        ("Nothing was said about the weather.", []),
    ],
)
def test_issues_on_the_table_are_split_into_items(sentence: str, expected: list[str]) -> None:
    assert find_issues(sentence) == expected


def test_a_named_treaty_unknown_to_the_data_gets_its_signing_with_parties(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("The presidents of Kazakhstan and Turkmenistan signed the Aral Shore Water Treaty "
            "on Tuesday in Ashgabat. The treaty must still be ratified by both parliaments.")
    an = _run(pipeline, text)
    [treaty] = [a for a in an.agreements if "Aral" in a.name]
    assert treaty.name == "Aral Shore Water Treaty"
    assert set(treaty.parties) == {"KAZ", "TKM"}
    assert treaty.statuses[0].status == "signed"
    assert treaty.statuses[0].date == "2026-05-19"


def test_a_suspension_refers_back_to_the_treaty_named_earlier(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Russia and the United States once observed the INF Treaty closely. "
            "On Monday the agreement was suspended by Moscow, officials said.")
    an = _run(pipeline, text, "2026-09-10")
    [inf] = [a for a in an.agreements if a.name == "INF Treaty"]
    assert "suspended" in [s.status for s in inf.statuses]
    assert inf.statuses[-1].date == "2026-09-07"


def test_talks_give_a_track_and_a_cancelled_round_is_cancelled(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Armenia and Azerbaijan held peace talks in Geneva on Tuesday, mediated by "
            "Switzerland. Switzerland later called off the third round of the talks after a "
            "shooting on the border.")
    an = _run(pipeline, text, "2026-06-12")
    [track] = [t for t in an.tracks if set(t.parties) == {"ARM", "AZE"}]
    assert track.mediators == ["CHE"]
    assert {(r.ordinal, r.status) for r in track.rounds} >= {(3, "cancelled")}


def test_the_sample_yields_its_tracks_rounds_and_new_start_timeline(  # type: ignore[no-untyped-def]
    pipeline, sample_dir, kb
) -> None:
    gold = json.loads((sample_dir / "abu-dhabi-talks.gold.json").read_text())["documents"][0]
    an = _run(pipeline, (sample_dir / "abu-dhabi-talks.txt").read_text(), gold["published_at"])
    [talks] = [t for t in an.tracks if set(t.parties) == {"RUS", "UKR"}]
    assert talks.mediators == ["USA"]
    rounds = {r.ordinal: r for r in talks.rounds}
    assert (rounds[1].status, rounds[1].venue) == ("held", "Abu Dhabi")
    assert (rounds[2].status, rounds[2].venue) == ("held", "Abu Dhabi")
    assert rounds[3].status == "planned"
    assert set(talks.issues) == set(gold["tracks"][0]["issues"])
    stances = {(p.actor, p.on) for p in talks.positions}
    expected = {(kb.lookup(p["actor"])[0].id, p["on"]) for p in gold["tracks"][0]["positions"]}
    assert expected <= stances
    [new_start] = [a for a in an.agreements if a.name == "New START"]
    timeline = {s.status: s for s in new_start.statuses}
    assert timeline["expiring"].date == "2026-02-05"
    assert timeline["observed informally (expected)"].until == "2026-08-05"
    assert timeline["extension proposed"].by == "person:vladimir-putin"


@pytest.mark.parametrize(
    "text, day, expected",
    [
        # sentence-initial "The" is not part of the name; the date of the voting verb dates it
        ("The Aral Shore Water Treaty was debated for hours. Uzbekistan's Senate voted on "
         "Monday to ratify the Aral Shore Water Treaty.", "2026-06-24",
         {("ratified", "2026-06-22", "UZB")}),
        # requirements and rules of the text are not statuses
        ("Uzbekistan and Kazakhstan signed the Aral Shore Water Treaty on Friday. The treaty "
         "must be ratified by both parliaments. The treaty enters into force when the "
         "instruments of ratification are exchanged.", "2026-05-24",
         {("signed", "2026-05-22", None)}),
    ],
)
def test_treaty_statuses_are_acts_with_their_dates_and_actors(  # type: ignore[no-untyped-def]
    pipeline, text: str, day: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    an = _run(pipeline, text, day)
    [treaty] = [a for a in an.agreements if "Aral" in a.name]
    assert treaty.name == "Aral Shore Water Treaty"
    got = {(s.status, s.date, s.by) for s in treaty.statuses}
    assert {(st, d) for st, d, _ in got} == {(st, d) for st, d, _ in expected}
    assert all(by is None or (st, d, by) in got for st, d, by in expected)


def test_an_agreed_prisoner_swap_is_an_exchange_deal_named_after_its_parties(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Serbia and Croatia agreed on Monday to exchange prisoners before the end of the "
            "month, mediators said after talks in Vienna.")
    an = _run(pipeline, text, "2026-03-11")
    [deal] = [a for a in an.agreements if a.kind == "exchange deal"]
    assert deal.name == "Croatia–Serbia prisoner exchange"
    assert [(s.status, s.date) for s in deal.statuses] == [("agreed", "2026-03-09")]


@pytest.mark.parametrize(
    "sentence, status, venue",
    [
        ("Georgia and Russia closed the second round of talks in Prague on Monday, "
         "agreeing to meet again in May.", "held", "Prague"),
        ("Georgia and Russia will open a second round of talks in Prague next month.",
         "planned", "Prague"),
        ("Norway called off the second round of talks between Georgia and Russia in Prague.",
         "cancelled", "Prague"),
        ("The second round of talks between Georgia and Russia, held in the Czech capital "
         "over two days, ended without a statement.", "held", "Prague"),
    ],
)
def test_a_round_takes_its_status_from_its_own_clause_and_its_venue_nearby(  # type: ignore[no-untyped-def]
    pipeline, sentence: str, status: str, venue: str
) -> None:
    an = _run(pipeline, sentence, "2026-04-02")
    rounds = [r for t in an.tracks for r in t.rounds if r.ordinal == 2]
    assert [(r.status, r.venue) for r in rounds] == [(status, venue)]


@pytest.mark.parametrize(
    "text",
    [
        # a wire dateline parsed as a subject, and a credit, never sign anything
        "AVAZA, Turkmenistan, May 19 (Reuters) — The presidents of Kazakhstan and Turkmenistan "
        "signed the Aral Shore Water Treaty on Tuesday.",
        # two leaders of two states signing is the parties acting together
        "Kassym-Jomart Tokayev and Serdar Berdimuhamedov signed the Aral Shore Water Treaty on "
        "Tuesday.",
    ],
)
def test_a_joint_signature_names_no_single_signatory(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    an = _run(pipeline, text, "2026-05-19")
    [treaty] = [a for a in an.agreements if "Aral" in a.name]
    assert [(s.status, s.by) for s in treaty.statuses] == [("signed", None)]
