"""full-text search: SQLite FTS5 and PostgreSQL GIN indexes over article, quote and claim text

Search used ``LIKE '%words%'``, which reads every row's text: hundreds of milliseconds on a
store of 200,000 articles. Here each searchable text gets a full-text index, kept up to date by
the database itself, so every writer (ingest, the API, a person with ``sqlite3``) is covered:

* SQLite: a contentless FTS5 table per text (``articles_fts`` over title and text,
  ``quotes_fts``, ``attributions_fts``) and a small key table mapping each FTS row id to its
  record (``*_fts_keys``), filled and emptied by triggers on the record table. The key table
  (rather than the record table's own implicit rowid) keeps the index right when a later
  migration copies the record table, which renumbers implicit rowids.
* Both: indexes on ``lower(outlet)``, events' ``status`` and claims' ``reporter_kind``, each
  followed by the newest-first order of the listings.
* PostgreSQL: a GIN index on ``to_tsvector('simple', …)`` of the same texts; queries use the
  same expression, so the planner uses the index.

Both use word tokens without stemming (FTS5 ``unicode61``, PostgreSQL ``simple``), so the two
databases find the same records. Existing rows are indexed here.

Revision ID: 0005_fulltext
Revises: 0006_reliability
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0005_fulltext"
down_revision = "0006_reliability"  # was "0003"; re-chained after main gained 0004 and 0006
branch_labels = None
depends_on = None

# record table -> (its key columns, its searchable text columns)
SEARCHED = {
    "articles": (("id",), ("title", "text")),
    "quotes": (("article_id", "idx"), ("text",)),
    "attributions": (("article_id", "idx"), ("claim",)),
}

# The PostgreSQL expression each index covers; parley.store.search builds the same one.
PG_DOCUMENT = {
    "articles": "to_tsvector('simple', coalesce(title, '') || ' ' || text)",
    "quotes": "to_tsvector('simple', text)",
    "attributions": "to_tsvector('simple', claim)",
}


def _sqlite_upgrade(table: str, keys: tuple[str, ...], texts: tuple[str, ...]) -> None:
    fts, keyt = f"{table}_fts", f"{table}_fts_keys"
    key_cols = ", ".join(keys)
    match_old = " AND ".join(f"{k} = old.{k}" for k in keys)
    op.execute(
        f"CREATE TABLE {keyt} (fts_id INTEGER PRIMARY KEY, "
        + ", ".join(f"{k} {'INTEGER' if k == 'idx' else 'VARCHAR(64)'} NOT NULL" for k in keys)
        + f", UNIQUE ({key_cols}))"
    )
    op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(texts)}, content='')")
    new_texts = ", ".join(f"new.{c}" for c in texts)
    old_texts = ", ".join(f"old.{c}" for c in texts)
    add = (
        f"INSERT INTO {keyt} ({key_cols}) VALUES ({', '.join(f'new.{k}' for k in keys)}); "
        f"INSERT INTO {fts} (rowid, {', '.join(texts)}) VALUES ("
        f"(SELECT fts_id FROM {keyt} WHERE "
        + " AND ".join(f"{k} = new.{k}" for k in keys)
        + f"), {new_texts});"
    )
    # A contentless FTS5 table forgets a row when given the exact values it indexed.
    remove = (
        f"INSERT INTO {fts} ({fts}, rowid, {', '.join(texts)}) "
        f"SELECT 'delete', fts_id, {old_texts} FROM {keyt} WHERE {match_old}; "
        f"DELETE FROM {keyt} WHERE {match_old};"
    )
    op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {remove} END")
    op.execute(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {', '.join((*keys, *texts))} ON {table} "
        f"BEGIN {remove} {add} END"
    )
    op.execute(f"INSERT INTO {keyt} ({key_cols}) SELECT {key_cols} FROM {table}")
    on_keys = " AND ".join(f"k.{k} = r.{k}" for k in keys)
    op.execute(
        f"INSERT INTO {fts} (rowid, {', '.join(texts)}) "
        f"SELECT k.fts_id, {', '.join(f'r.{c}' for c in texts)} FROM {table} r "
        f"JOIN {keyt} k ON {on_keys}"
    )


def _sqlite_downgrade(table: str) -> None:
    fts = f"{table}_fts"
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
    op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.execute(f"DROP TABLE IF EXISTS {fts}_keys")


# Listings filter on the outlet in any case (``lower(outlet) = ?``), events on their status and
# claims on the reporter's kind, and show the newest first: an index on the filter followed by
# the listing's order gives a page without sorting every match.
OUTLET_TABLES = ("articles", "quotes", "attributions", "events")
ORDER = {
    "articles": ("published_at", "id"),
    "quotes": ("published_at", "article_id", "idx"),
    "attributions": ("published_at", "article_id", "idx"),
    "events": ("published_at", "article_id", "idx"),
}
FILTERED = {
    "ix_events_status_newest": ("events", "status"),
    "ix_attributions_kind_newest": ("attributions", "reporter_kind"),
}


def _order(table: str, dialect: str) -> str:
    """The listing's order as index columns (PostgreSQL needs the NULLS LAST spelled out)."""
    first, *rest = ORDER[table]
    first = f"{first} DESC NULLS LAST" if dialect == "postgresql" else first
    return ", ".join((first, *rest))


# Listings sort newest first with undated rows last (``published_at DESC NULLS LAST``).
# PostgreSQL reads an ascending index backwards as ``DESC NULLS FIRST``, which does not give
# that order, so it would sort every matching row for each page; these indexes give it as is.
# (SQLite orders NULLs first ascending, so its indexes of migration 0003 already serve.)
PG_NEWEST_FIRST = {
    "articles": ("published_at DESC NULLS LAST", "id"),
    "quotes": ("published_at DESC NULLS LAST", "article_id", "idx"),
    "attributions": ("published_at DESC NULLS LAST", "article_id", "idx"),
    "events": ("published_at DESC NULLS LAST", "article_id", "idx"),
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in OUTLET_TABLES:
        op.execute(
            f"CREATE INDEX ix_{table}_outlet_lower ON {table} "
            f"(lower(outlet), {_order(table, dialect)})"
        )
    for name, (table, column) in FILTERED.items():
        op.execute(f"CREATE INDEX {name} ON {table} ({column}, {_order(table, dialect)})")
    if dialect == "postgresql":
        for table, columns in PG_NEWEST_FIRST.items():
            op.execute(f"CREATE INDEX ix_{table}_newest ON {table} ({', '.join(columns)})")
        op.execute(
            "CREATE INDEX ix_events_type_newest ON events "
            "(type, published_at DESC NULLS LAST, article_id, idx)"
        )
    for table, (keys, texts) in SEARCHED.items():
        if dialect == "sqlite":
            _sqlite_upgrade(table, keys, texts)
        elif dialect == "postgresql":
            op.execute(f"CREATE INDEX ix_{table}_fts ON {table} USING GIN ({PG_DOCUMENT[table]})")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in OUTLET_TABLES:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_outlet_lower")
    for name in FILTERED:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    if dialect == "postgresql":
        for table in (*PG_NEWEST_FIRST, "events_type"):
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_newest")
    for table in SEARCHED:
        if dialect == "sqlite":
            _sqlite_downgrade(table)
        elif dialect == "postgresql":
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_fts")
