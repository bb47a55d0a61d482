"""Pages of events by a date range, read day by day off the (date, listing order) index, are the
whole sorted listing cut into pages: every event once, newest article first, whatever the mix of
own dates, coarser dates, undated events and statuses.

On SQLite the days of the range are one branch (a JSON list of the days joined with a page of
each day's events, ``parley.store.queries._each_day``) and the page is then looked up by event
id; the listing without a limit takes none of these paths, so it is the reference.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from parley.models import Analysis, Article, Event, EventStatus, Span, TimeExpression
from parley.serve import create_app
from parley.store import Filters, Store, open_store
from parley.store.queries import UNCERTAIN_STATUSES

TEXT = "Chile met Peru."
STATUSES: list[EventStatus] = ["occurred", "planned", "negated", "occurred"]


def _date(n: int) -> TimeExpression | None:
    """Own dates across June and July, a coarser month or year now and then, or none."""
    if n % 7 == 6:
        return None
    if n % 11 == 10:
        return TimeExpression(text="June", start=0, end=0, value="2026-06", precision="month")
    day = dt.date(2026, 6, 1) + dt.timedelta(days=(n * 5) % 45)
    return TimeExpression(text="", start=0, end=0, value=day.isoformat(), precision="day")


def _analysis(n: int) -> Analysis:
    whole = Span(start=0, end=len(TEXT), text=TEXT)
    events = [
        Event(
            type=("CONSULT", "AGREE")[(n + k) % 2],
            source=["CHL"],
            target=["PER"],
            status=STATUSES[(n + k) % 4],
            date=_date(n + k),
            evidence=whole,
        )
        for k in range(3)
    ]
    article = Article(
        id=f"{n:064d}",
        text=TEXT,
        outlet=("Wire", "Gazette")[n % 2],
        published_at=dt.date(2026, 6, 1) + dt.timedelta(days=(n * 3) % 50),
    )
    return Analysis(article=article, events=events)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = open_store(str(tmp_path / "dates.db"))
    store.save_many([_analysis(n) for n in range(40)])
    return store


RANGES = [
    {"since": "2026-06-10", "until": "2026-07-05"},
    {"since": "2026-06-10"},
    {"until": "2026-06-20"},
    {"since": "2026-06-15", "until": "2026-06-30", "type": "AGREE"},
    {"since": "2026-06-01", "until": "2026-06-30", "outlet": "gazette", "all": "true"},
    {"since": "2026-06-01", "until": "2026-07-31", "status": "planned"},
]


def _walk(client: TestClient, params: dict[str, Any]) -> list[str]:
    ids: list[str] = []
    cursor = None
    while True:
        asked = {**params, "limit": 4, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/v1/events", params=asked).json()
        ids += [f"{e['article_id']}#{e['index']}" for e in body["items"]]
        if not (cursor := body["next"]):
            return ids


def _whole(store: Store, params: dict[str, Any]) -> list[str]:
    dates = {k: dt.date.fromisoformat(params[k]) for k in ("since", "until") if k in params}
    f = Filters(
        type=params.get("type"),
        status=params.get("status"),
        outlet=params.get("outlet"),
        hidden_statuses=() if params.get("all") else UNCERTAIN_STATUSES,
        **dates,
    )
    return [f"{e.article_id}#{e.index}" for e in store.list_events(f, None, None).items]


def test_pages_of_events_by_date_are_the_whole_listing_in_order(store: Store) -> None:
    with TestClient(create_app(store)) as client:
        for params in RANGES:
            whole = _whole(store, params)
            assert len(whole) > 8, params  # several pages
            assert _walk(client, params) == whole, params
    store.close()


def _undated_article(n: int) -> Analysis:
    """Events of a busy day, some in articles without a publication date (listed last)."""
    whole = Span(start=0, end=len(TEXT), text=TEXT)
    day = TimeExpression(text="", start=0, end=0, value="2026-06-12", precision="day")
    events = [Event(type="CONSULT", source=["CHL"], date=day, evidence=whole) for _ in range(3)]
    published = None if n % 3 else dt.date(2026, 6, 12 + n % 4)
    article = Article(id=f"u{n:03d}", text=TEXT, outlet="Wire", published_at=published)
    return Analysis(article=article, events=events)


def test_pages_of_a_busy_day_reach_the_events_of_undated_articles(tmp_path: Path) -> None:
    """A page of a range stops each day's events at the row a busy day alone fills the page
    up to; when that row is of an undated article (last in the listing) the pages still reach
    every undated article's events, in order."""
    store = open_store(str(tmp_path / "undated.db"))
    store.save_many([_undated_article(n) for n in range(12)])
    params = {"since": "2026-06-10", "until": "2026-06-20"}
    with TestClient(create_app(store)) as client:
        whole = _whole(store, params)
        assert len(whole) == 36
        assert whole[-1].startswith("u011")  # undated articles last
        assert _walk(client, params) == whole
    store.close()
