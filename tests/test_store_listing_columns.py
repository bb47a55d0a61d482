"""Migration 0003: events, quotes and claims get their article's date and outlet, old rows too.

The listings sort and filter on these copies (``parley.store.queries``), so a database written
before 0003 must come out of the upgrade with every copy filled, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from parley.models import Analysis, Article, Event, Quote, Span
from parley.store import engine_url, open_store
from parley.store.migrate import alembic_config
from parley.store.schema import metadata

ARTICLES = [  # (id, outlet, published_at)
    ("sha256:aaaa", "Reuters", dt.date(2026, 3, 1)),
    ("sha256:bbbb", None, None),
]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.db'}"
    found = os.environ.get("PARLEY_TEST_PG_URL")
    if not found:
        pytest.skip("PostgreSQL not configured: set PARLEY_TEST_PG_URL (make test does)")
    engine = sa.create_engine(engine_url(found))
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    return engine_url(found)


def _old_rows(conn: sa.Connection) -> None:
    """Rows as a 0002 database holds them (no copies), written with plain SQL."""
    now = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    for i, (aid, outlet, day) in enumerate(ARTICLES):
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, outlet, published_at, text, ingested_at, status) "
                "VALUES (:id, :outlet, :day, 'text', :now, 'ok')"
            ),
            {"id": aid, "outlet": outlet, "day": day, "now": now},
        )
        conn.execute(
            sa.text(
                'INSERT INTO quotes (article_id, idx, start, "end", text, direct, data) '
                "VALUES (:id, 0, 0, 4, 'text', true, '{}')"
            ),
            {"id": aid},
        )
        conn.execute(
            sa.text(
                'INSERT INTO attributions (article_id, idx, start, "end", claim, cue, '
                "reporter_kind, reporter_text, data) "
                "VALUES (:id, 0, 0, 4, 'text', 'said', 'anonymous', 'officials', '{}')"
            ),
            {"id": aid},
        )
        conn.execute(
            sa.text(
                "INSERT INTO events (id, article_id, idx, type, status, source, target, "
                "confidence, data) "
                "VALUES (:eid, :id, 0, 'CONSULT', 'occurred', '[]', '[]', 1.0, '{}')"
            ),
            {"eid": f"{aid}#{i}", "id": aid},
        )


def test_upgrade_fills_the_copies_of_existing_rows(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
        _old_rows(conn)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
        for table in ("quotes", "attributions", "events"):
            rows = conn.execute(
                sa.text(f"SELECT article_id, outlet, published_at FROM {table} ORDER BY article_id")
            )
            got = [(r[0], r[1], r[2] and dt.date.fromisoformat(str(r[2]))) for r in rows]
            assert got == ARTICLES, table
    engine.dispose()


def test_saving_writes_the_copies(tmp_path: Path) -> None:
    text = "Envoys met. They said no."
    article = Article(id="sha256:cccc", text=text, outlet="AP", published_at=dt.date(2026, 5, 4))
    evidence = Span(start=0, end=11, text=text[:11])
    analysis = Analysis(
        article=article,
        events=[Event(type="CONSULT", evidence=evidence)],
        quotes=[Quote(text="no", start=22, end=24)],
    )
    with open_store(str(tmp_path / "new.db")) as store:
        store.save(analysis)
        with store.engine.connect() as conn:
            for table in ("quotes", "events"):
                row = conn.execute(sa.text(f"SELECT outlet, published_at FROM {table}")).one()
                assert (row[0], str(row[1])) == ("AP", "2026-05-04"), table
