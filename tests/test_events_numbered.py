"""Numbered rounds and role descriptions: "the third round, held in March" is not the fourth.

Each construction in our own words, both ways: two events when the text numbers two rounds,
one when it tells the same round twice; no CONSULT between the mediators of "X and Y, which
mediate the talks".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from parley.models import Event, RawDocument

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2026, 10, 14)  # a Wednesday


def _consults(pipeline: Any, text: str) -> list[Event]:
    raw = RawDocument(source="numbered-rounds", text=text, published_at=PUBLISHED)
    return [e for e in pipeline.run(raw).events if e.type == "CONSULT"]


def test_an_earlier_numbered_round_with_its_own_date_is_an_event_of_its_own(
    pipeline: Any,
) -> None:
    found = _consults(
        pipeline,
        "Peru and Chile opened the fourth round of their maritime talks in Lima on Monday. "
        "The third round, held in Santiago in March, ended without agreement.",
    )
    by_date = {e.date.value if e.date else None: e for e in found}
    assert set(by_date) == {"2026-10-12", "2026-03"}, found
    assert by_date["2026-10-12"].place is not None and by_date["2026-10-12"].place.name == "Lima"
    assert by_date["2026-03"].place is not None and by_date["2026-03"].place.name == "Santiago"
    assert by_date["2026-03"].status == "historical"


def test_the_same_round_told_twice_stays_one_event(pipeline: Any) -> None:
    found = _consults(
        pipeline,
        "Peru and Chile opened the fourth round of their maritime talks in Lima on Monday. "
        "The fourth round, held on Monday, ended without agreement.",
    )
    assert len(found) == 1, found
    assert found[0].date is not None and found[0].date.value == "2026-10-12"


def test_a_round_numbered_differently_is_not_merged_into_the_first(pipeline: Any) -> None:
    found = _consults(
        pipeline,
        "Peru and Chile held the fourth round of their maritime talks in Lima on Monday. "
        "The second round ended without agreement.",
    )
    assert len(found) == 2, found
    assert found[0].date is not None and found[0].date.value == "2026-10-12"


def test_a_present_tense_which_clause_tells_a_role_not_a_meeting(pipeline: Any) -> None:
    found = _consults(
        pipeline,
        "Peru and Chile will hold a fourth round of maritime talks in Lima next week. "
        "Norway, which hosts the talks, said the two sides would discuss fishing rights.",
    )
    assert [(e.status, e.trigger.text) for e in found] == [("planned", "round")], found


def test_a_dated_past_which_clause_still_reports_the_talks(pipeline: Any) -> None:
    found = _consults(
        pipeline,
        "Norway, which hosted talks between Peru and Chile on Monday, said the delegations "
        "would meet again in June.",
    )
    held = [e for e in found if e.status == "occurred"]
    assert len(held) == 1, found
    assert set(held[0].source) == {"PER", "CHL"}
    assert held[0].date is not None and held[0].date.value == "2026-10-12"
