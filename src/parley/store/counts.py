"""Each actor's mention counts, kept on its ``actors`` row as articles are saved.

The actor listing is ordered by how often an actor is mentioned. Counting every mention per
request costs a scan of ``mentions`` (millions of rows on a large store); instead every save
adjusts ``actors.n_articles`` and ``actors.n_mentions`` by what it removes and adds, in the same
write transaction, so the counts always agree with the stored mentions and the listing pages
through an index on them (migration ``0007_speed``). :func:`recount` rebuilds them from scratch
(the migration and anything that writes mentions by hand use it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from parley.store import schema as t

__all__ = ["Deltas", "stored", "added", "apply", "recount"]

#: actor id -> (change in articles mentioning it, change in its mentions)
Deltas = Counter[tuple[str, str]]


def stored(conn: sa.Connection, article_ids: Sequence[str]) -> Deltas:
    """What the stored mentions of these articles count, as negative deltas (they are about
    to be replaced)."""
    m = t.mentions.c
    query = (
        sa.select(m.actor_id, sa.func.count(sa.distinct(m.article_id)), sa.func.count())
        .where(m.article_id.in_(article_ids), m.actor_id.is_not(None))
        .group_by(m.actor_id)
    )
    deltas: Deltas = Counter()
    for actor_id, n_articles, n_mentions in conn.execute(query):
        deltas[(actor_id, "articles")] -= int(n_articles)
        deltas[(actor_id, "mentions")] -= int(n_mentions)
    return deltas


def added(rows: Iterable[Mapping[str, Any]]) -> Deltas:
    """What new ``mentions`` rows add to the counts."""
    deltas: Deltas = Counter()
    pairs: set[tuple[str, str]] = set()
    for row in rows:
        actor_id = row.get("actor_id")
        if actor_id is None:
            continue
        deltas[(actor_id, "mentions")] += 1
        pairs.add((actor_id, row["article_id"]))
    for actor_id, _ in pairs:
        deltas[(actor_id, "articles")] += 1
    return deltas


def apply(conn: sa.Connection, deltas: Deltas) -> None:
    """Add ``deltas`` to the actors' counts (one ``executemany``; unchanged actors untouched)."""
    actors = sorted({actor_id for actor_id, _ in deltas})
    params = [
        {"b_id": a, "b_articles": deltas[(a, "articles")], "b_mentions": deltas[(a, "mentions")]}
        for a in actors
        if deltas[(a, "articles")] or deltas[(a, "mentions")]
    ]
    if not params:
        return
    ac = t.actors.c
    statement = (
        sa.update(t.actors)
        .where(ac.id == sa.bindparam("b_id"))
        .values(
            n_articles=ac.n_articles + sa.bindparam("b_articles", type_=sa.Integer),
            n_mentions=ac.n_mentions + sa.bindparam("b_mentions", type_=sa.Integer),
        )
    )
    conn.execute(statement, params)


def recount(conn: sa.Connection) -> None:
    """Set every actor's counts from the stored mentions (correlated subqueries: the one
    ``UPDATE`` form SQLite and PostgreSQL both accept)."""
    conn.execute(sa.text(RECOUNT_SQL))


RECOUNT_SQL = (
    "UPDATE actors SET "
    "n_articles = (SELECT count(DISTINCT m.article_id) FROM mentions m "
    "WHERE m.actor_id = actors.id), "
    "n_mentions = (SELECT count(*) FROM mentions m WHERE m.actor_id = actors.id)"
)
