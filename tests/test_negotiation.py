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


def test_the_sample_yields_its_tracks_rounds_and_new_start_timeline(pipeline, sample_dir, kb) -> None:  # type: ignore[no-untyped-def]
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
