"""Event dating and status left over from issue #11 (classes 7 and 5), in our own words.

An archive copy of a wire story tells of the dateline's day, not of the day it was published;
a date the parser hangs on the object of an attack still dates the attack; and "failed to"
denies every act it governs, as "refused to" does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from parley.models import Event, RawDocument

pytestmark = pytest.mark.model

MONDAY = dt.date(2026, 3, 9)
ARCHIVED = dt.date(2026, 4, 2)  # six days after the dateline's Friday, March 27


def _one(pipeline: Any, text: str, event_type: str, published: dt.date = MONDAY) -> Event:
    found = pipeline.run(RawDocument(source="leftovers", text=text, published_at=published))
    events = [e for e in found.events if e.type == event_type]
    assert len(events) == 1, (text, found.events)
    return events[0]


# ---------------------------------------------------------------- a dated wire dateline


def test_an_undated_act_in_an_archived_wire_story_takes_the_datelines_day(pipeline: Any) -> None:
    text = "BRNO, March 27 (Wire) — Hungarian troops withdrew from the border town."
    date = _one(pipeline, text, "RETREAT", ARCHIVED).date
    assert date is not None and (date.value, date.precision) == ("2026-03-27", "approximate")


@pytest.mark.parametrize(
    "text",
    [
        "BRNO (Wire) — Hungarian troops withdrew from the border town.",
        "Hungarian troops withdrew from the border town, officials in Brno said.",
    ],
)
def test_without_a_dated_dateline_an_undated_act_takes_publication(
    pipeline: Any, text: str
) -> None:
    date = _one(pipeline, text, "RETREAT", ARCHIVED).date
    assert date is not None and date.value == ARCHIVED.isoformat()


def test_an_act_with_its_own_day_keeps_it_under_a_dated_dateline(pipeline: Any) -> None:
    text = "BRNO, March 27 (Wire) — Hungarian troops withdrew from the border town on Thursday."
    date = _one(pipeline, text, "RETREAT", ARCHIVED).date
    assert date is not None and (date.value, date.precision) == ("2026-03-26", "day")


# ---------------------------------------------------------------- a date on the attack's object


@pytest.mark.parametrize(
    "text",
    [
        "Armed militants fired rockets at an army base near Kidal at dawn on Friday, Mali said.",
        "Islamist fighters fired rockets at an army camp near Kidal at dawn on Friday.",
        "Jihadist fighters shelled a police post outside Gao on Friday.",
    ],
)
def test_a_date_after_the_attacks_object_dates_the_attack(pipeline: Any, text: str) -> None:
    date = _one(pipeline, text, "ASSAULT").date
    assert date is not None and (date.value, date.precision) == ("2026-03-06", "day")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the base, built in January, near Gao.",
        "Rebel fighters shelled the base, which was built in January.",
        "Rebels violated the January 2019 truce near Gao.",
    ],
)
def test_the_objects_own_time_does_not_date_the_attack(pipeline: Any, text: str) -> None:
    date = _one(pipeline, text, "ASSAULT").date
    assert date is not None and date.value == MONDAY.isoformat()
    assert date.precision == "approximate"


# ---------------------------------------------------------------- "failed to"


def test_failing_to_honour_and_withdraw_denies_both_acts(pipeline: Any) -> None:
    text = "Armenia failed to honour the ceasefire agreement and withdraw its troops from the area."
    assert _one(pipeline, text, "AGREE").status == "negated"
    assert _one(pipeline, text, "RETREAT").status == "negated"


def test_honouring_and_withdrawing_both_happened(pipeline: Any) -> None:
    text = "Armenia honoured the ceasefire agreement and withdrew its troops from the area."
    assert _one(pipeline, text, "AGREE").status == "occurred"
    assert _one(pipeline, text, "RETREAT").status == "occurred"
