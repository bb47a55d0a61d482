"""A page of events read off an index by actor, country or date leaves hidden events out as it
reads, so newer negated or hypothetical events never cut a page short.

The filtered listings read each actor's (or date's) first ``limit + 1`` events off an index and
then look the page up. Reading the candidates without the default view's status test let the
newest hidden events fill them: the page came back short and without a cursor, and the events
that did happen behind them were unreachable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from parley.models import ActorInText, Analysis, Article, Event, EventStatus, Span
from parley.serve import create_app
from parley.store import open_store

TEXT = "Chile met Peru."
# Newest first: the two newest events did not happen, the two oldest did.
DAYS: list[tuple[int, EventStatus]] = [
    (4, "negated"),
    (3, "hypothetical"),
    (2, "occurred"),
    (1, "occurred"),
]
ACTORS = [
    ActorInText(id="CHL", name="Chile", kind="state", country="CHL"),
    ActorInText(id="PER", name="Peru", kind="state", country="PER"),
]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "hidden.db")
    whole = Span(start=0, end=len(TEXT), text=TEXT)
    with open_store(path) as store:
        for day, status in DAYS:
            event = Event(
                type="CONSULT", source=["CHL"], target=["PER"], status=status, evidence=whole
            )
            article = Article(
                id=f"{day}" * 64,
                text=TEXT,
                outlet="Test Wire",
                published_at=dt.date(2026, 5, day),
            )
            store.save(Analysis(article=article, actors=ACTORS, events=[event]))
    return path


def _every_page(client: TestClient, params: dict[str, Any]) -> list[list[str]]:
    """The published dates of each page's events, following the cursors to the end."""
    pages: list[list[str]] = []
    cursor: str | None = None
    while True:
        asked = {**params, "limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/v1/events", params=asked).json()
        pages.append([e["published_at"] for e in body["items"]])
        cursor = body["next"]
        if not cursor:
            return pages


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "CHL"},
        {"country": "CHL"},
        {"since": "2026-05-01", "until": "2026-05-31"},
        {"actor": "CHL", "type": "CONSULT", "since": "2026-05-01"},
    ],
    ids=["actor", "country", "dates", "type+actor+date"],
)
def test_hidden_events_do_not_cut_a_filtered_page_short(db: str, params: dict[str, Any]) -> None:
    store = open_store(db)
    with TestClient(create_app(store)) as client:
        pages = _every_page(client, params)
        everything = client.get("/api/v1/events", params={**params, "all": "true"}).json()
    store.close()
    assert pages == [["2026-05-02", "2026-05-01"]]
    assert len(everything["items"]) == 4  # the hidden ones are there when asked for
