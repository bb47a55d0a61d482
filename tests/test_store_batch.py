"""Batched saves: several analyses in one transaction store exactly what one-by-one saves do,
and every actor's mention counts (kept on its row for the listing) always equal a fresh count.

Runs against SQLite and, when ``PARLEY_TEST_PG_URL`` is set, PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from parley import batch
from parley.models import Analysis, Mention, Rejection
from parley.settings import Settings
from parley.store import Store, open_store
from parley.store import schema as t
from parley.store.counts import recount
from reliability_kit import BACKENDS, dump, empty_db
from test_store import KB, PUTIN, UKR, make_analysis, span


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return empty_db(request.param, tmp_path)


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with open_store(url, kb=KB) as s:
        yield s


def _many(n: int) -> list[Analysis]:
    """``n`` articles naming the same actors (so the batch upserts each actor many times)."""
    return [make_analysis(ident=f"art-{i:03d}", quotes=1 + i % 3) for i in range(n)]


def _counts(store: Store) -> dict[str, tuple[int, int]]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(t.actors.c.id, t.actors.c.n_articles, t.actors.c.n_mentions))
        return {r.id: (r.n_articles, r.n_mentions) for r in rows}


def _recounted(store: Store) -> dict[str, tuple[int, int]]:
    """The counts as rebuilt from the mentions (in a transaction rolled back afterwards)."""
    with store.engine.connect() as conn:
        trans = conn.begin()
        recount(conn)
        rows = conn.execute(sa.select(t.actors.c.id, t.actors.c.n_articles, t.actors.c.n_mentions))
        found = {r.id: (r.n_articles, r.n_mentions) for r in rows}
        trans.rollback()
    return found


def test_a_batch_stores_what_one_by_one_saves_store(tmp_path: Path) -> None:
    analyses = _many(7)
    with open_store(str(tmp_path / "one.db"), kb=KB) as one:
        for a in analyses:
            one.save(a)
    with open_store(str(tmp_path / "many.db"), kb=KB) as many:
        many.save_many(analyses[:3])
        many.save_many(analyses[3:])
    assert dump(str(tmp_path / "many.db")) == dump(str(tmp_path / "one.db"))


def test_a_batch_replaces_stored_articles_and_keeps_the_last_of_a_repeat(store: Store) -> None:
    store.save_many(_many(4))
    again = make_analysis(ident="art-001", quotes=5)
    store.save_many([make_analysis(ident="art-001", quotes=2), make_analysis(ident="new"), again])
    assert store.analysis("art-001") == again
    assert store.counts()["articles"] == 5
    assert store.counts()["quotes"] == 1 + 5 + 3 + 1 + 1


def test_actor_counts_follow_saves_resaves_and_batches(store: Store) -> None:
    store.save_many(_many(5))
    assert _counts(store)[PUTIN] == (5, 5)
    # Re-saved with Putin mentioned twice and Ukraine not at all.
    a = make_analysis(ident="art-002")
    text = a.article.text
    twice = Mention(**span(text, "Putin").model_dump(), actor=PUTIN, label="PERSON")
    store.save(a.model_copy(update={"mentions": [a.mentions[0], twice]}))
    assert _counts(store)[PUTIN] == (5, 6)
    assert _counts(store)[UKR] == (4, 4)
    assert _counts(store) == _recounted(store)
    listed = store.list_actors().items
    assert [(r.id, r.articles, r.mentions) for r in listed[:2]] == [(PUTIN, 5, 6), (UKR, 4, 4)]


def test_a_batch_run_saves_in_batches_and_records_rejections(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = store.save_many

    def counting(analyses: Any) -> None:
        calls.append(len(analyses))
        real(analyses)

    monkeypatch.setattr(store, "save_many", counting)
    analyses = _many(7)
    bad = Rejection(
        source="broken.txt", stage="read", reason="unreadable", at=dt.datetime.now(dt.UTC)
    )
    items: list[Any] = [*[a.article for a in analyses[:4]], bad, *[a.article for a in analyses[4:]]]

    class Known:
        settings = Settings(save_batch=3)

        def normalize(self, article: Any) -> Any:
            return article

        def analyze(self, article: Any) -> Analysis:
            return next(a for a in analyses if a.article.id == article.id)

        def analyze_many(self, articles: Any, batch_size: int = 16) -> Iterator[Analysis]:
            return (self.analyze(a) for a in articles)

    report = batch.ingest_documents(items, store, Known(), progress=False)
    assert report.counts() == {"read": 8, "new": 7, "skipped": 0, "rejected": 1}
    assert calls == [3, 3, 1]
    assert store.counts()["articles"] == 7
    assert [r.source for r in store.rejections()] == ["broken.txt"]
