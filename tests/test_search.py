"""Full-text search (migration 0005) and the query plans of every API listing and filter.

Search must go through the full-text indexes (SQLite FTS5, PostgreSQL GIN), and every filter
the API offers must have an index to use: at a million events a scan is seconds, not the
milliseconds a page needs. The plan test records the SQL each API request runs and asks the
database how it would run it (EXPLAIN QUERY PLAN on SQLite; EXPLAIN with sequential scans
priced out on PostgreSQL, so a plan that still scans a table has no index to use instead).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from parley.kb import KnowledgeBase
from parley.models import (
    ActorInText,
    Analysis,
    Article,
    Attribution,
    Event,
    Mention,
    Quote,
    Reporter,
    Span,
    Speaker,
    TimeExpression,
)
from parley.serve import create_app
from parley.settings import Settings
from parley.store import Store, engine_url, open_store, queries
from parley.store.queries import Filters, list_claims, list_quotes, search_articles
from parley.store.schema import metadata
from parley.store.search import fts_words

KB = KnowledgeBase([])


def _pg_url() -> str:
    url = os.environ.get("PARLEY_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL not configured: set PARLEY_TEST_PG_URL (make test does)")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "parley.db")
    url = _pg_url()
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url, kb=KB) as s:
        yield s


def analysis(ident: str, title: str, text: str, outlet: str = "Wire", day: int = 1) -> Analysis:
    """An article with one quote (its first sentence) and one claim (its second)."""
    first, second = (s.strip() for s in text.split(".")[:2])
    article = Article(
        id=ident,
        text=text,
        title=title,
        outlet=outlet,
        published_at=dt.date(2026, 3, day),
        language="en",
    )
    quote = Quote(
        text=first,
        start=0,
        end=len(first),
        direct=True,
        speaker=Speaker(text="Ms Okafor", actor="person:okafor"),
        extractor="test",
    )
    claim = Attribution(
        claim={
            "start": text.index(second),
            "end": text.index(second) + len(second),
            "text": second,
        },
        cue="said",
        reporter=Reporter(kind="anonymous", text="officials"),
        extractor="test",
    )
    actor = ActorInText(
        id="person:okafor",
        name="Ada Okafor",
        kind="person",
        country="NGA",
        mentions=[Span(start=0, end=3, text="The")],
    )
    event = Event(
        type="CONSULT",
        source=["person:okafor"],
        evidence=Span(start=0, end=len(first), text=first),
        extractor="test",
    )
    mention = Mention(start=0, end=3, text=text[:3], actor="person:okafor", label="PERSON")
    return Analysis(
        article=article,
        quotes=[quote],
        attributions=[claim],
        actors=[actor],
        mentions=[mention],
        events=[event],
    )


DOCS = [
    ("a1", "Border talks resume", "The border talks resumed in Lomé. Delegates met twice."),
    ("a2", "Ceasefire holds", "A ceasefire held overnight. Officials said the Border was calm."),
    ("a3", "Grain deal", "Ministers signed a grain deal. Shipments begin in April."),
]


def _ids(page: Any) -> list[str]:
    return [getattr(item, "article_id", None) or item.id for item in page.items]


def test_search_finds_phrases_in_any_case_newest_first(store: Store) -> None:
    for day, (ident, title, text) in enumerate(DOCS, start=1):
        store.save(analysis(ident, title, text, day=day))
    with store.engine.connect() as conn:
        assert _ids(search_articles(conn, Filters(q="BORDER"), 10, None)) == ["a2", "a1"]
        assert _ids(search_articles(conn, Filters(q="border talks"), 10, None)) == ["a1"]
        assert _ids(search_articles(conn, Filters(q="talks border"), 10, None)) == []
        assert _ids(search_articles(conn, Filters(q="grain"), 10, None)) == ["a3"]  # title
        quotes = list_quotes(conn, None, Filters(q="Ceasefire held"), 10, None)
        assert [q.text for q in quotes.items] == ["A ceasefire held overnight"]
        claims = list_claims(conn, None, Filters(q="shipments"), 10, None)
        assert [c.article_id for c in claims.items] == ["a3"]


def test_search_follows_resaves_and_filters(store: Store) -> None:
    for day, (ident, title, text) in enumerate(DOCS, start=1):
        store.save(analysis(ident, title, text, outlet="Wire" if day < 3 else "Post", day=day))
    # Saving again replaces the article: its old words are gone, its new ones found.
    store.save(analysis("a1", "Water talks", "Water rights were discussed. Nobody left."))
    with store.engine.connect() as conn:
        assert _ids(search_articles(conn, Filters(q="border"), 10, None)) == ["a2"]
        assert _ids(search_articles(conn, Filters(q="water rights"), 10, None)) == ["a1"]
        assert _ids(search_articles(conn, Filters(q="in", outlet="post"), 10, None)) == ["a3"]
        quotes = list_quotes(conn, None, Filters(q="border talks"), 10, None)
        assert quotes.items == []


def test_search_words_are_never_syntax(store: Store) -> None:
    store.save(analysis(*DOCS[0]))
    with store.engine.connect() as conn:
        cases = {
            '"': [],
            "%_%": [],
            "border* OR": [],
            "NEAR(border talks)": [],
            "'; DROP TABLE articles; --": [],
            "(Border) talks!": ["a1"],
        }
        for q, expected in cases.items():
            assert _ids(search_articles(conn, Filters(q=q), 10, None)) == expected, q
    assert fts_words("NEAR(border talks)") == ["near", "border", "talks"]


# -- query plans --------------------------------------------------------------------------------

# Every listing, filter and search the API offers, with a value for each filter.
REQUESTS = [
    ("/api/v1/articles", {}),
    ("/api/v1/articles", {"actor": "person:okafor"}),
    ("/api/v1/articles", {"country": "NGA"}),
    ("/api/v1/articles", {"outlet": "wire"}),
    ("/api/v1/articles", {"since": "2026-03-02", "until": "2026-03-03"}),
    ("/api/v1/quotes", {}),
    ("/api/v1/quotes", {"actor": "person:okafor"}),
    ("/api/v1/quotes", {"outlet": "wire"}),
    ("/api/v1/quotes", {"since": "2026-03-02"}),
    ("/api/v1/quotes", {"q": "ceasefire"}),
    ("/api/v1/claims", {}),
    ("/api/v1/claims", {"actor": "person:okafor"}),
    ("/api/v1/claims", {"type": "anonymous"}),
    ("/api/v1/claims", {"outlet": "wire"}),
    ("/api/v1/claims", {"q": "calm"}),
    ("/api/v1/events", {}),
    ("/api/v1/events", {"actor": "person:okafor"}),
    ("/api/v1/events", {"country": "NGA"}),
    ("/api/v1/events", {"type": "CONSULT"}),
    ("/api/v1/events", {"status": "planned"}),
    ("/api/v1/events", {"outlet": "wire"}),
    ("/api/v1/events", {"since": "2026-03-02", "until": "2026-03-03"}),
    ("/api/v1/stories", {}),
    ("/api/v1/stories", {"type": "CONSULT", "min_sources": 2}),
    ("/api/v1/actors", {}),
    ("/api/v1/actors", {"type": "person"}),
    ("/api/v1/search", {"q": "border talks"}),
    ("/api/v1/search", {"q": "border", "outlet": "wire", "since": "2026-03-01"}),
    ("/api/v1/search", {"q": "ceasefire", "kind": "quotes"}),
]

# Tables whose size grows with the corpus; small lookup tables (actors) may be scanned.
LARGE = ("articles", "quotes", "attributions", "events", "event_actors", "mentions", "stories")


def _statements(url: str) -> dict[str, list[tuple[str, Any]]]:
    """The SQL each API request runs (with its parameters), by request."""
    return _statements_of(url, REQUESTS)


def _statements_of(
    url: str, requests: list[tuple[str, dict[str, Any]]]
) -> dict[str, list[tuple[str, Any]]]:
    """The SQL each of ``requests`` runs (with its parameters), by request."""
    app = create_app(Settings(db=url))
    engine: sa.Engine = app.state.services.store.engine
    seen: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    out: dict[str, list[tuple[str, Any]]] = {}
    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        with TestClient(app) as client:
            for path, params in requests:
                seen.clear()
                response = client.get(path, params=params)
                assert response.status_code == 200, (path, params, response.text)
                out[f"{path} {params}"] = list(seen)
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)
    return out


def _sqlite_scans(conn: sa.Connection, statement: str, params: Any) -> list[str]:
    rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
    details = [str(r[-1]) for r in rows]
    # "SCAN events" reads every row; "SCAN events USING INDEX …" walks an index in order.
    return [d for d in details if re.fullmatch(rf"SCAN ({'|'.join(LARGE)})( AS \w+)?", d)]


def _pg_scans(conn: sa.Connection, statement: str, params: Any) -> list[str]:
    conn.exec_driver_sql("SET enable_seqscan = off")
    rows = conn.exec_driver_sql(f"EXPLAIN {statement}", params).all()
    return [
        str(r[0]).strip() for r in rows if re.search(rf"Seq Scan on ({'|'.join(LARGE)})\b", r[0])
    ]


def test_every_listing_filter_and_search_uses_an_index(db_url: str) -> None:
    with open_store(db_url, kb=KB) as store:
        for day, (ident, title, text) in enumerate(DOCS, start=1):
            store.save(analysis(ident, title, text, day=day))
        # No ANALYZE: with statistics of three rows a scan is rightly cheapest; without them
        # each planner prices tables as large, as they are in use.
    statements = _statements(db_url)
    with open_store(db_url, kb=KB) as store, store.engine.connect() as conn:
        explain = _sqlite_scans if conn.dialect.name == "sqlite" else _pg_scans
        scans = {
            request: found
            for request, runs in statements.items()
            for statement, params in runs
            if (found := explain(conn, statement, params))
        }
    assert scans == {}
    assert all(statements.values()), "every request ran SQL"


ACTOR_LISTINGS = [{}, {"type": "person"}, {"country": "NGA"}]


def _sqlite_sorts(conn: sa.Connection, statement: str, params: Any) -> list[str]:
    rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
    return [str(r[-1]) for r in rows if "TEMP B-TREE" in str(r[-1])]


def _pg_sorts(conn: sa.Connection, statement: str, params: Any) -> list[str]:
    conn.exec_driver_sql("SET enable_seqscan = off")
    rows = conn.exec_driver_sql(f"EXPLAIN {statement}", params).all()
    return [str(r[0]).strip() for r in rows if re.search(r"\bSort\b", r[0])]


def test_the_actor_listing_pages_off_its_counts_index_without_counting(db_url: str) -> None:
    """Most mentioned first comes from the counts kept on ``actors`` (migration 0007), read in
    order from an index: no request groups the mentions or sorts the actors."""
    with open_store(db_url, kb=KB) as store:
        for day, (ident, title, text) in enumerate(DOCS, start=1):
            store.save(analysis(ident, title, text, day=day))
    statements = _statements_of(db_url, [("/api/v1/actors", p) for p in ACTOR_LISTINGS])
    with open_store(db_url, kb=KB) as store, store.engine.connect() as conn:
        explain = _sqlite_sorts if conn.dialect.name == "sqlite" else _pg_sorts
        sorts = {
            request: found
            for request, runs in statements.items()
            for statement, params in runs
            if "FROM actors" in statement and (found := explain(conn, statement, params))
        }
        listed = [s for runs in statements.values() for s, _ in runs]
    assert sorts == {}
    assert listed
    assert not [s for s in listed if re.search(r"\b(?:FROM|JOIN)\s+mentions\b", s)]


WALKED = [
    ("/api/v1/articles", {"actor": "person:okafor"}),
    ("/api/v1/articles", {"country": "NGA"}),
    ("/api/v1/events", {"actor": "person:okafor"}),
    ("/api/v1/events", {"country": "NGA"}),
    ("/api/v1/events", {"country": "NGA", "type": "CONSULT"}),
    ("/api/v1/search", {"q": "border"}),
    ("/api/v1/search", {"q": "ceasefire held", "kind": "quotes"}),
    ("/api/v1/claims", {"q": "delegates met"}),
    ("/api/v1/events", {"since": "2026-03-01", "until": "2026-03-02"}),
    ("/api/v1/events", {"since": "2026-03-02", "type": "CONSULT", "actor": "person:okafor"}),
    ("/api/v1/quotes", {"actor": "person:okafor", "q": "border"}),
    ("/api/v1/quotes", {"actor": "person:okafor"}),
    ("/api/v1/claims", {"actor": "officials", "outlet": "wire"}),  # unresolved: by its text
]


def test_common_filters_walk_the_newest_first_index_and_find_the_same_rows(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An actor, a country or a word with many matches is paged by walking the newest-first
    index (SQLite; see parley.store.queries): the same rows, in the same order, no full scan."""
    with open_store(db_url, kb=KB) as store:
        for day, (ident, title, text) in enumerate(DOCS, start=1):
            store.save(analysis(ident, title, text, day=day))

    def answers() -> list[Any]:
        app = create_app(Settings(db=db_url))
        with TestClient(app) as client:
            return [client.get(path, params={**p, "limit": 2}).json() for path, p in WALKED]

    by_day = answers()  # words alone are read off the full-text index by day (SQLite)
    monkeypatch.setattr(queries, "_reads_by_day", lambda *_: False)
    branched = answers()  # an actor or country reads each actor's listing-order index
    monkeypatch.setattr(queries, "_MAX_BRANCHES", 0)  # too many actors: the plain filter
    sorted_ = answers()
    monkeypatch.setattr(queries, "_walk_bound", lambda *_: 1)  # every filter counts as common
    walked = answers()
    monkeypatch.setattr(queries, "_ASK_COST", 0)  # every word is dense: FTS5 asked per row
    asked = answers()
    assert walked == sorted_ == branched == asked == by_day
    assert all(a["next"] for a in walked[:4])  # several pages: the order matters
    assert [len(a["items"]) for a in walked[5:8]] == [2, 1, 1]
    assert all(a["items"] for a in walked[8:])
    statements = _statements_of(db_url, WALKED)
    with open_store(db_url, kb=KB) as store, store.engine.connect() as conn:
        explain = _sqlite_scans if conn.dialect.name == "sqlite" else _pg_scans
        scans = [
            found for runs in statements.values() for s, p in runs if (found := explain(conn, s, p))
        ]
        if conn.dialect.name == "sqlite":
            walked_sql = [s for runs in statements.values() for s, _ in runs]
            assert any("|| ?) IN" in s for s in walked_sql)
            assert any("EXISTS (SELECT articles_fts.rowid" in s for s in walked_sql)
    assert scans == []


# The index each listing by actor, country, type, date or speaker reads its page off (0008_api).
LISTING_ORDER = [
    ("/api/v1/events", {"actor": "person:okafor"}, "ix_event_actors_actor_newest"),
    ("/api/v1/events", {"country": "NGA"}, "ix_event_actors_actor_newest"),
    ("/api/v1/events", {"country": "NGA"}, "ix_events_place_newest"),
    (
        "/api/v1/events",
        {"actor": "person:okafor", "type": "CONSULT"},
        "ix_event_actors_actor_newest",
    ),
    ("/api/v1/events", {}, "ix_events_newest"),
    # These events have no own date: the undated arm is read in listing order, off (date,
    # listing order) by SQLite, off the newest-first index by its date range by PostgreSQL.
    (
        "/api/v1/events",
        {"since": "2026-03-01", "until": "2026-03-02"},
        "ix_events_date_newest|ix_events_newest",
    ),
    ("/api/v1/events", {"type": "CONSULT"}, "ix_events_type_newest"),
    ("/api/v1/articles", {"actor": "person:okafor"}, "ix_mentions_actor_newest"),
    ("/api/v1/articles", {"country": "NGA"}, "ix_mentions_actor_newest"),
    ("/api/v1/articles", {}, "ix_articles_newest"),
    # The actor page lists the actor's quotes and claims by exact id.
    ("/actors/person:okafor", {}, "ix_quotes_speaker_newest"),
    ("/actors/person:okafor", {}, "ix_attributions_reporter_newest"),
    ("/actors/person:okafor", {}, "ix_event_actors_actor_newest"),
]


def _plan(conn: sa.Connection, statement: str, params: Any) -> list[str]:
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
        return [str(r[-1]) for r in rows]
    # Tables of a few rows have no statistics worth the name: price scans and sorts out, so
    # the plan shows which index could give the order (a sort stays only if none can).
    conn.exec_driver_sql("SET enable_seqscan = off")
    conn.exec_driver_sql("SET enable_sort = off")
    return [str(r[0]) for r in conn.exec_driver_sql(f"EXPLAIN {statement}", params)]


def test_filtered_listings_read_their_page_off_a_listing_order_index(db_url: str) -> None:
    """Events and articles by actor or country, events by type and quotes by speaker are read
    in the listing's order from an index of (filter, newest first): at a million events a page
    costs its own rows, not a lookup and sort of every match. Plans of both databases."""
    with open_store(db_url, kb=KB) as store:
        for day, (ident, title, text) in enumerate(DOCS, start=1):
            store.save(analysis(ident, title, text, day=day))
    requests = [(path, params) for path, params, _ in LISTING_ORDER]
    statements = _statements_of(db_url, requests)
    missing = []
    with open_store(db_url, kb=KB) as store, store.engine.connect() as conn:
        for path, params, index in LISTING_ORDER:
            plans = [
                line
                for statement, p in statements[f"{path} {params}"]
                for line in _plan(conn, statement, p)
            ]
            if not any(re.search(rf"\b(?:{index})\b", line) for line in plans):
                missing.append((path, params, index, plans))
    assert missing == []


# Filters whose (filter, listing order) index SQLite reads backwards would give article_id
# DESC within a day: migration 0013 orders them as the listing does, so no page sorts.
UNSORTED = [
    ("/api/v1/events", {"status": "planned"}, "ix_events_status_newest"),
    ("/api/v1/events", {"outlet": "wire"}, "ix_events_outlet_lower"),
    ("/api/v1/quotes", {"outlet": "wire"}, "ix_quotes_outlet_lower"),
    ("/api/v1/claims", {"outlet": "wire"}, "ix_attributions_outlet_lower"),
    ("/api/v1/claims", {"type": "anonymous"}, "ix_attributions_kind_newest"),
    ("/api/v1/articles", {"outlet": "wire"}, "ix_articles_outlet_lower"),
]


def test_listings_by_status_outlet_and_kind_read_their_order_off_the_index(db_url: str) -> None:
    """A page of events by status, of records by outlet or of claims by reporter kind is read
    in the listing's order off its index: no sort of the first day's ties, on either database."""
    with open_store(db_url, kb=KB) as store:
        for day, (ident, title, text) in enumerate(DOCS, start=1):
            store.save(analysis(ident, title, text, day=day))
            store.save(analysis(f"{ident}b", title, text, day=day))  # ties within a day
    statements = _statements_of(db_url, [(path, params) for path, params, _ in UNSORTED])
    found = {}
    with open_store(db_url, kb=KB) as store, store.engine.connect() as conn:
        for path, params, index in UNSORTED:
            runs = statements[f"{path} {params}"]
            pages = [(s, p) for s, p in runs if "ORDER BY" in s and "LIMIT" in s]
            plans = [line for s, p in pages for line in _plan(conn, s, p)]
            used = any(re.search(rf"\b{index}\b", line) for line in plans)
            sorts = [line for line in plans if re.search(r"TEMP B-TREE|\bSort\b", line)]
            found[(path, str(params))] = (used, sorts)
    assert found == {(path, str(params)): (True, []) for path, params, _ in UNSORTED}


def test_pages_by_dates_and_by_words_look_each_row_up_once(tmp_path: Path) -> None:
    """(SQLite) A page of events by a date range reads each day's entries only up to the row
    one day alone fills the page to (a range on the (date, listing order) index), and a page
    of quotes by words looks its hits up by row id: at a million events a page cost a lookup
    of a page of every day of the range, and of every quote's article first."""
    db = str(tmp_path / "parley.db")
    with open_store(db, kb=KB) as store:
        for day, (ident, title, text) in enumerate(DOCS, start=1):
            found = analysis(ident, title, text, day=day)
            value = "2026-03-02"  # one busy day: every event's own date
            found.events[0].date = TimeExpression(text="", start=0, end=0, value=value)
            store.save(found)
    asked = [
        ("/api/v1/events", {"since": "2026-03-01", "until": "2026-03-03", "limit": 1}),
        ("/api/v1/quotes", {"q": "ceasefire"}),
    ]
    statements = _statements_of(db, asked)
    with open_store(db, kb=KB) as store, store.engine.connect() as conn:
        plans = {
            request: [line for s, p in runs for line in _plan(conn, s, p)]
            for request, runs in statements.items()
        }
    events, quotes = plans.values()
    assert any(
        re.search(r"ix_events_date_newest \(date_value=\? AND published_at>\?\)", line)
        for line in events
    ), events
    assert any("SEARCH quotes USING INTEGER PRIMARY KEY" in line for line in quotes), quotes
