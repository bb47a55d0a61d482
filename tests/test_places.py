"""Places: where things happen, not the states that act (real model)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import RawDocument

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia and Ukraine agreed to meet again in Geneva.", {"Geneva": "CHE"}),
        (
            "The US media outlet said the talks in the United Arab Emirates went well.",
            {"United Arab Emirates": "ARE"},
        ),
        ("Troops gathered near the Belarusian border on Friday.", {"Belarusian border": "BLR"}),
        ("Armenia accused Azerbaijan of shelling villages.", {}),
    ],
)
def test_places_are_locations_and_acting_states_are_not(  # type: ignore[no-untyped-def]
    pipeline, text: str, expected: dict[str, str]
) -> None:
    an = pipeline.run(RawDocument(source="t", text=text, published_at=dt.date(2026, 3, 1)))
    assert {p.name: p.country for p in an.places} == expected


def test_a_city_known_as_a_capital_keeps_its_coordinates(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The delegations met in Abu Dhabi on Thursday."
    an = pipeline.run(RawDocument(source="t", text=text, published_at=dt.date(2026, 3, 1)))
    [place] = an.places
    assert place.country == "ARE" and place.lat == pytest.approx(24.45, abs=0.1)
