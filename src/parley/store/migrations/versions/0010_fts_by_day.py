"""full-text row ids by day (SQLite): a word's hits come out of FTS5 newest day first

Every listing shows the newest article first. FTS5 returns a word's hits in row id order, and
the row ids were handed out in insertion order, so a page of a common word listed every hit
(70,000 for a word in a tenth of 600,000 quotes), then sorted or probed them. Here a row's FTS5
id is its article's day (``julianday(published_at)`` rounded down, 0 when undated) times 2^32
plus its number within that day, so read by descending id the hits come newest day first and
FTS5 stops after a page's worth (``parley.store.search.DAY_SPAN``, ``parley.store.queries``).

The triggers of ``0005_fulltext`` are replaced: the id is computed on insert (the next number
of the day, one seek of the key table's primary key), and a change of a record's date moves it
to its new day. Existing rows are renumbered and the three indexes rebuilt. PostgreSQL is
unchanged (its GIN indexes have no order; its planner combines them with the listing indexes).

Revision ID: 0010_fts_by_day
Revises: 0009_step_venue
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0010_fts_by_day"
down_revision = "0009_step_venue"
branch_labels = None
depends_on = None

# record table -> (its key columns, its searchable text columns), as in 0005_fulltext
SEARCHED = {
    "articles": (("id",), ("title", "text")),
    "quotes": (("article_id", "idx"), ("text",)),
    "attributions": (("article_id", "idx"), ("claim",)),
}
SPAN = "4294967296"  # 2^32 = parley.store.search.DAY_SPAN


def _day(row: str) -> str:
    return f"coalesce(CAST(julianday({row}.published_at) AS INTEGER), 0)"


def _next_id(keyt: str) -> str:
    """The next FTS5 id of ``new``'s day: one past the day's highest (a primary key seek)."""
    first = f"({_day('new')} * {SPAN})"
    return (
        f"(SELECT coalesce(max(fts_id), {first}) + 1 FROM {keyt} "
        f"WHERE fts_id >= {first} AND fts_id < {first} + {SPAN})"
    )


def _triggers(table: str, keys: tuple[str, ...], texts: tuple[str, ...], by_day: bool) -> None:
    fts, keyt = f"{table}_fts", f"{table}_fts_keys"
    key_cols = ", ".join(keys)
    text_cols = ", ".join(texts)
    match_old = " AND ".join(f"{k} = old.{k}" for k in keys)
    match_new = " AND ".join(f"{k} = new.{k}" for k in keys)
    new_keys = ", ".join(f"new.{k}" for k in keys)
    if by_day:
        add_key = f"INSERT INTO {keyt} (fts_id, {key_cols}) VALUES ({_next_id(keyt)}, {new_keys});"
    else:
        add_key = f"INSERT INTO {keyt} ({key_cols}) VALUES ({new_keys});"
    add = (
        f"{add_key} INSERT INTO {fts} (rowid, {text_cols}) VALUES ("
        f"(SELECT fts_id FROM {keyt} WHERE {match_new}), "
        + ", ".join(f"new.{c}" for c in texts)
        + ");"
    )
    remove = (
        f"INSERT INTO {fts} ({fts}, rowid, {text_cols}) "
        f"SELECT 'delete', fts_id, {', '.join(f'old.{c}' for c in texts)} FROM {keyt} "
        f"WHERE {match_old}; DELETE FROM {keyt} WHERE {match_old};"
    )
    changed = (*keys, *texts, "published_at") if by_day else (*keys, *texts)
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
    op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {add} END")
    op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {remove} END")
    op.execute(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {', '.join(changed)} ON {table} "
        f"BEGIN {remove} {add} END"
    )


def _renumber(table: str, keys: tuple[str, ...], texts: tuple[str, ...], by_day: bool) -> None:
    """Give every stored row its id (by day, or in key order) and rebuild the index."""
    fts, keyt = f"{table}_fts", f"{table}_fts_keys"
    key_cols = ", ".join(keys)
    on_keys = " AND ".join(f"k.{k} = r.{k}" for k in keys)
    op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('delete-all')")
    op.execute(f"DELETE FROM {keyt}")
    if by_day:
        day = _day("r")
        number = f"{day} * {SPAN} + row_number() OVER (PARTITION BY {day} ORDER BY {key_cols})"
    else:
        number = f"row_number() OVER (ORDER BY {key_cols})"
    op.execute(
        f"INSERT INTO {keyt} (fts_id, {key_cols}) SELECT {number}, "
        + ", ".join(f"r.{k}" for k in keys)
        + f" FROM {table} r"
    )
    op.execute(
        f"INSERT INTO {fts} (rowid, {', '.join(texts)}) "
        f"SELECT k.fts_id, {', '.join(f'r.{c}' for c in texts)} FROM {table} r "
        f"JOIN {keyt} k ON {on_keys}"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, (keys, texts) in SEARCHED.items():
        _triggers(table, keys, texts, by_day=True)
        _renumber(table, keys, texts, by_day=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, (keys, texts) in SEARCHED.items():
        _triggers(table, keys, texts, by_day=False)
        _renumber(table, keys, texts, by_day=False)
