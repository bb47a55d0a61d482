"""SQLite's full-text index hands out a word's hits newest day first (migration 0010_fts_by_day).

A page of articles, quotes or claims holding a word is read off the FTS5 index a window of days
at a time (``parley.store.queries``): the (limit + 1)-th hit below the cursor names the oldest
day the page can reach, and only that window's hits are sorted, where a common word's page used
to list every hit of the word. These tests check the row ids, that every page equals the same
slice of the whole sorted listing (filters that thin the window out, date ranges, undated
articles, cursors), that a page reads a window and not every hit, and the upgrade of a store
written before the migration.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from fastapi.testclient import TestClient

from parley.kb import KnowledgeBase
from parley.models import Analysis, Article, Attribution, Quote, Reporter, Span, Speaker
from parley.serve import create_app
from parley.store import Filters, Store, open_store, queries
from parley.store.migrate import alembic_config
from parley.store.search import DAY_SPAN, day_number

KB = KnowledgeBase([])
FIRST = dt.date(2025, 11, 20)


def _analysis(n: int, day: dt.date | None, word: str, outlet: str) -> Analysis:
    """Article ``n``: a title, a quote and a claim, each holding ``word``."""
    said = f"We will keep the {word} open"
    claim = f"The {word} reopens on Monday"
    text = f"\u201c{said}\u201d, said a spokesman. {claim}, officials said."
    start = text.index(claim)
    article = Article(
        id=f"art{n:04d}",
        text=text,
        title=f"Report {n} on the {word}",
        outlet=outlet,
        published_at=day,
        language="en",
    )
    quote = Quote(
        text=said, start=1, end=1 + len(said), speaker=Speaker(text="a spokesman"), cue="said"
    )
    attribution = Attribution(
        claim=Span(start=start, end=start + len(claim), text=claim),
        cue="said",
        reporter=Reporter(kind="anonymous", text="officials"),
    )
    return Analysis(article=article, quotes=[quote], attributions=[attribution])


def _corpus() -> list[Analysis]:
    """Forty articles over twelve days, three outlets, a rarer second word, three undated."""
    out = []
    for n in range(40):
        day = None if n % 13 == 12 else FIRST + dt.timedelta(days=n % 12)
        word = "corridor" if n % 3 else "reservoir"
        out.append(_analysis(n, day, word, ("Wire", "Gazette", "Courier")[n % 3]))
    return out


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "days.db"), kb=KB) as s:
        s.save_many(_corpus())
        yield s


def _fts_days(store: Store, table: str) -> dict[str, int]:
    """Each indexed record's FTS5 row id divided by the day span, by article id."""
    with store.engine.connect() as conn:
        key = "id" if table == "articles" else "article_id"
        rows = conn.exec_driver_sql(f"SELECT fts_id, {key} FROM {table}_fts_keys")
        return {r[1]: r[0] // DAY_SPAN for r in rows}


def test_a_rows_fts_id_starts_with_its_articles_day(store: Store) -> None:
    want = {a.article.id: day_number(a.article.published_at) for a in _corpus()}
    for table in ("articles", "quotes", "attributions"):
        assert _fts_days(store, table) == want, table
    assert day_number(None) == 0 and day_number(FIRST) > 2_400_000  # SQLite's julianday()
    moved = _corpus()[0]
    later = moved.article.model_copy(update={"published_at": dt.date(2026, 2, 1)})
    store.save(moved.model_copy(update={"article": later}))  # a re-save under a new date
    assert _fts_days(store, "quotes")[moved.article.id] == day_number(dt.date(2026, 2, 1))
    assert store.list_quotes(Filters(q="reservoir"), 1).items[0].article_id == moved.article.id


PATHS = {
    "articles": ("/api/v1/search", {}),
    "quotes": ("/api/v1/quotes", {}),
    "claims": ("/api/v1/claims", {}),
}
FILTERS = [
    {"q": "corridor"},
    {"q": "reservoir"},  # every third article: windows widened
    {"q": "corridor", "outlet": "courier"},
    {"q": "corridor", "since": "2025-11-23", "until": "2025-11-27"},
    {"q": "reservoir", "until": "2025-11-25"},
    {"q": "open corridor"},  # no quote holds it as a phrase
]


def _key(item: dict[str, Any]) -> tuple[Any, ...]:
    return (item.get("article_id") or item["id"], item.get("index"), item["published_at"])


def _walk(client: TestClient, path: str, params: dict[str, Any]) -> list[Any]:
    """The keys of every item of every page of ``limit=3``, following the cursors."""
    keys: list[Any] = []
    cursor = None
    while True:
        asked = {**params, "limit": 3, **({"cursor": cursor} if cursor else {})}
        body = client.get(path, params=asked).json()
        keys += [_key(item) for item in body["items"]]
        if not (cursor := body["next"]):
            return keys


def _whole(store: Store, kind: str, params: dict[str, Any]) -> list[Any]:
    """The keys of the whole listing in one sorted query (no limit: not read by day)."""
    dates = {k: dt.date.fromisoformat(params[k]) for k in ("since", "until") if k in params}
    f = Filters(q=params["q"], outlet=params.get("outlet"), **dates)
    listing = {"articles": store.list_articles, "quotes": store.list_quotes}
    page = listing.get(kind, store.list_claims)(f, None, None)
    return [_key(item.model_dump(mode="json")) for item in page.items]


@pytest.mark.parametrize("tries", [3, 1])
def test_pages_of_a_word_are_the_whole_listing_in_order(
    store: Store, tries: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "_WINDOW_TRIES", tries)  # 1: the fallback to every hit
    with TestClient(create_app(store)) as client:
        for kind, (path, fixed) in PATHS.items():
            for params in FILTERS:
                paged = _walk(client, path, {**fixed, **params})
                assert paged == _whole(store, kind, params), (kind, params)
    assert _whole(store, "quotes", FILTERS[0])[-1][-1] is None  # undated last
    assert len(_whole(store, "quotes", FILTERS[2])) == 13  # Courier: a third of the hits
    assert _whole(store, "quotes", FILTERS[-1]) == []


def test_a_page_of_a_common_word_reads_only_its_window_of_days(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    windows: list[tuple[int, int]] = []
    real = queries._words_window

    def window(conn: sa.Connection, shape: Any, values: Any, lo: int, hi: int, *rest: Any) -> Any:
        windows.append((lo, hi))
        return real(conn, shape, values, lo, hi, *rest)

    monkeypatch.setattr(queries, "_words_window", window)
    with TestClient(create_app(store)) as client:
        page = client.get("/api/v1/search", params={"q": "corridor", "limit": 3}).json()
    # Three articles of the word on each of the two newest days: the page is the newest day's,
    # and its fourth hit (is there more?) is on the day before; the eleven older days of hits
    # are never read.
    assert {a["published_at"] for a in page["items"]} == {"2025-12-01"} and page["next"]
    assert windows == [(day_number(dt.date(2025, 11, 30)) * DAY_SPAN, 2**63 - 1)]


def test_the_upgrade_renumbers_what_an_older_store_indexed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0009_step_venue")
    engine.dispose()
    old = [(f"old{n}", FIRST + dt.timedelta(days=n), f"The reservoir report {n}") for n in range(3)]
    with engine.begin() as conn:
        for ident, day, text in old:
            conn.execute(
                sa.text(
                    "INSERT INTO articles (id, title, published_at, text, ingested_at, status) "
                    "VALUES (:id, 'Old', :day, :text, '2026-01-01 00:00:00', 'ok')"
                ),
                {"id": ident, "day": day, "text": text},
            )
        before = [r[0] for r in conn.exec_driver_sql("SELECT fts_id FROM articles_fts_keys")]
    assert sorted(before) == [1, 2, 3]  # numbered as inserted
    engine.dispose()
    with open_store(url, kb=KB) as upgraded:
        assert _fts_days(upgraded, "articles") == {i: day_number(d) for i, d, _ in old}
        found = upgraded.list_articles(Filters(q="reservoir report"), 2)
        assert [a.id for a in found.items] == ["old2", "old1"] and found.next
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0009_step_venue")
        after = sorted(r[0] for r in conn.exec_driver_sql("SELECT fts_id FROM articles_fts_keys"))
        hits = conn.exec_driver_sql(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'reservoir'"
        ).scalar()
    engine.dispose()
    assert after == [1, 2, 3] and hits == 3
