"""Full-text search conditions: SQLite FTS5 and PostgreSQL text-search indexes.

Migration ``0005_fulltext`` builds the indexes (and, on SQLite, the triggers that keep them up to
date); this module builds the conditions that use them. A search is for the words of the query,
in order, as a phrase: "peace talks" finds "…the peace talks in Geneva…" whatever the case, but
not "talks about peace". Words are runs of letters and digits, so quote marks, ``%`` or ``_`` in
a query are never syntax, and the words reach the database as a bound parameter.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import sqlalchemy as sa

__all__ = [
    "DAY_SPAN",
    "MIGRATION_ONLY",
    "day_number",
    "fts_phrase",
    "fts_words",
    "sqlite_hits",
    "sqlite_nth_hit",
    "sqlite_window",
    "text_matches",
]

#: SQLite gives each indexed row an FTS5 row id of its article's day times ``DAY_SPAN`` plus its
#: number within the day (migration ``0010_fts_by_day``), so the index lists a word's hits
#: newest day first when read by descending row id, the order of every listing; undated rows
#: are day 0, last, as the listings put them.
DAY_SPAN = 1 << 32
#: ``date.toordinal()`` plus this is SQLite's ``julianday()`` of the date, rounded down.
_JULIAN_OFFSET = 1721424

# What migrations 0005 and 0007 add that the schema metadata does not describe (FTS5 virtual
# tables and their shadow and key tables; expression, descending and PostgreSQL-only indexes), so
# a comparison of the database with the metadata leaves them out (tests/test_search.py checks
# them instead).
MIGRATION_ONLY = re.compile(
    r"^(?:(?:articles|quotes|attributions)_fts(?:_\w+)?"
    r"|ix_\w+_(?:fts|outlet_lower|newest|mentioned))$"
)

# The searchable text of each table, exactly as the PostgreSQL index expression reads it.
_PG_DOCUMENT = {
    "articles": "to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text)",
    "quotes": "to_tsvector('simple', quotes.text)",
    "attributions": "to_tsvector('simple', attributions.claim)",
}
_KEYS = {
    "articles": ("id",),
    "quotes": ("article_id", "idx"),
    "attributions": ("article_id", "idx"),
}


def fts_words(query: str) -> list[str]:
    """The words of ``query``, lower-cased: what both databases index."""
    return re.findall(r"\w+", query.lower())


def text_matches(
    dialect: str, table: sa.Table, query: str, walk: bool = False, dense: bool = False
) -> sa.ColumnElement[bool]:
    """A condition true for the rows of ``table`` whose indexed text holds ``query``'s words as
    a phrase; false for a query without words.

    Args:
        dialect: ``"sqlite"`` or ``"postgresql"`` (the connection's ``dialect.name``).
        table: ``articles``, ``quotes`` or ``attributions``.
        query: What a person typed.
        walk: (SQLite) the listing walks its newest-first index and tests each row it meets
            against the hits (listed once per query), instead of looking up every hit and
            sorting them: for a common word a page then costs a pass over the word's entries
            and a probe per row walked (see :func:`sqlite_hits` to tell common from rare).
        dense: (SQLite, with ``walk``) the word is in a large share of the rows, so the walk
            meets a hit every few rows: asking FTS5 about each row met then costs less than
            listing every hit first.
    """
    words = fts_words(query)
    if not words:
        return sa.false()
    if dialect == "postgresql":
        sql = f"{_PG_DOCUMENT[table.name]} @@ phraseto_tsquery('simple', :fts_words)"
        return sa.and_(sa.text(sql).bindparams(fts_words=" ".join(words)))
    if walk and dense:
        return _sqlite_ask(table, _phrase(words))
    if walk:
        return _sqlite_probe(table, _phrase(words))
    return _sqlite_match(table, _phrase(words))


def sqlite_hits(table: sa.Table, query: str) -> sa.Select[Any] | None:
    """The FTS5 row ids matching ``query`` in ``table``'s index (to count them), or None for a
    query without words."""
    words = fts_words(query)
    if not words:
        return None
    fts, _, match = _sqlite_parts(table, _phrase(words))
    return sa.select(fts.c.rowid).where(match)


def day_number(day: dt.date | None) -> int:
    """The day part of an FTS5 row id (0 when undated), as the migration's triggers compute
    it in SQL: ``CAST(julianday(published_at) AS INTEGER)``."""
    return 0 if day is None else day.toordinal() + _JULIAN_OFFSET


def fts_phrase(query: str) -> str | None:
    """The FTS5 phrase of ``query``'s words (the value of ``fts_phrase`` in the statements
    below), or None for a query without words."""
    words = fts_words(query)
    return _phrase(words) if words else None


def sqlite_nth_hit(table: sa.Table) -> sa.Select[Any]:
    """The row id of the ``n``-th hit (from 0) of the phrase ``fts_phrase`` in ``table``'s
    index below the row id ``below``, counting down: FTS5 reads its hits in that order itself
    and stops there, without listing the rest. Values bound: ``fts_phrase``, ``below``, ``n``."""
    fts, _, match = _sqlite_parts(table, None)
    below = sa.bindparam("below", type_=sa.BigInteger)
    return (
        sa.select(fts.c.rowid)
        .where(match, fts.c.rowid < below)
        .order_by(fts.c.rowid.desc())
        .limit(1)
        .offset(sa.bindparam("n", type_=sa.Integer))
    )


def sqlite_window(table: sa.Table) -> sa.ColumnElement[bool]:
    """Rows of ``table`` matching the phrase ``fts_phrase`` whose FTS5 row id is in ``lo``..
    ``hi - 1``: the hits of a window of days, read off the index as one range (values bound:
    ``fts_phrase``, ``lo``, ``hi``)."""
    fts, _, match = _sqlite_parts(table, None)
    lo, hi = sa.bindparam("lo", type_=sa.BigInteger), sa.bindparam("hi", type_=sa.BigInteger)
    hits = sa.select(fts.c.rowid).where(match, fts.c.rowid >= lo, fts.c.rowid < hi)
    return _keyed(table, hits)


def _phrase(words: list[str]) -> str:
    return '"' + " ".join(words) + '"'


def _sqlite_parts(
    table: sa.Table, phrase: str | None
) -> tuple[sa.TableClause, sa.TableClause, sa.TextClause]:
    """The FTS5 table, the key table and the match of ``phrase`` (None: left to bind)."""
    fts = sa.table(f"{table.name}_fts", sa.column("rowid"))
    keys = sa.table(
        f"{table.name}_fts_keys", sa.column("fts_id"), *map(sa.column, _KEYS[table.name])
    )
    match = sa.text(f"{table.name}_fts MATCH :fts_phrase")
    if phrase is not None:
        match = match.bindparams(fts_phrase=phrase)
    return fts, keys, match


def _sqlite_match(table: sa.Table, phrase: str) -> sa.ColumnElement[bool]:
    """Rows whose key is among the FTS5 hits, through the key table."""
    fts, _, match = _sqlite_parts(table, phrase)
    return _keyed(table, sa.select(fts.c.rowid).where(match))


def _keyed(table: sa.Table, hits: sa.Select[Any]) -> sa.ColumnElement[bool]:
    """Rows of ``table`` whose key the key table maps one of ``hits`` (FTS5 row ids) to."""
    keys = sa.table(
        f"{table.name}_fts_keys", sa.column("fts_id"), *map(sa.column, _KEYS[table.name])
    )
    names = _KEYS[table.name]
    if len(names) == 1:
        found = sa.select(*(keys.c[n] for n in names)).where(keys.c.fts_id.in_(hits))
        return table.c[names[0]].in_(found)
    # By row id: with the pair ``(article_id, idx) IN (…)`` SQLite read the hits' articles off
    # the list first and then tried the list's pairs on each (a page of a common word's quotes
    # at a million: 2 ms of SQL; by row id, each hit is looked up once: 0.8 ms).
    hit = table.alias(f"{table.name}_hit")
    on = sa.and_(*(hit.c[n] == keys.c[n] for n in names))
    rowids = sa.select(sa.literal_column(f"{hit.name}.rowid", sa.Integer))
    rowids = rowids.select_from(keys.join(hit, on)).where(keys.c.fts_id.in_(hits))
    return sa.literal_column(f"{table.name}.rowid", sa.Integer).in_(rowids)


def _sqlite_probe(table: sa.Table, phrase: str) -> sa.ColumnElement[bool]:
    """Rows whose FTS5 entry (found through the key table by the row's key) is among the hits.

    The hits are listed once per query (SQLite keeps a non-correlated ``IN`` list in a
    temporary index: a pass over the word's entries), then each row walked costs a key lookup
    and a probe of that list. Asking FTS5 about each row instead (``rowid = ? AND MATCH``)
    re-reads the word's whole entry list per row: 0.1-0.7 ms a row for a common word."""
    fts, keys, match = _sqlite_parts(table, phrase)
    same = [keys.c[n] == table.c[n] for n in _KEYS[table.name]]
    entry = sa.select(keys.c.fts_id).where(*same).scalar_subquery()
    return entry.in_(sa.select(fts.c.rowid).where(match))


def _sqlite_ask(table: sa.Table, phrase: str) -> sa.ColumnElement[bool]:
    """Rows whose own FTS5 entry (found through the key table by the row's key) matches: one
    FTS5 query per row, correlated with the outer query (cheap per page only when most rows
    match, see :func:`text_matches`)."""
    fts, keys, match = _sqlite_parts(table, phrase)
    same = [keys.c[n] == table.c[n] for n in _KEYS[table.name]]
    entry = sa.select(fts.c.rowid).where(*same, fts.c.rowid == keys.c.fts_id, match)
    return entry.exists()
