"""API at a million events: listing-order indexes for the actor links, dates and types

The listings show the newest article first (``published_at DESC``, undated last, then article
and index). Three things made pages slow on a large store, each fixed here:

* SQLite indexes of ``(published_at, article_id, idx)`` read backwards give ``article_id DESC``,
  so every page sorted the ties of its first day (a thousand events a day at a million). SQLite
  honours ``DESC`` in an index, and its ``DESC`` puts NULLs last as the listings do, so
  ``ix_*_newest`` give the listing order as is (PostgreSQL has them since ``0005_fulltext``).
* The actor filters went through ``event_actors`` and ``mentions``, which did not know the
  listing order: every match was looked up and sorted. Both now carry the article's date (and
  the links the event's index), copied on save like the record tables' (migration 0003), with an
  index of actor then listing order, so one actor's newest records are read off in order.
* Events by place, by date and by type, quotes by speaker and claims by reporter get the same
  ``(filter, listing order)`` indexes.

Revision ID: 0008_api
Revises: 0007_speed
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_api"
down_revision = "0007_speed"
branch_labels = None
depends_on = None

RECORD_ORDER = "article_id, idx"
# SQLite only: PostgreSQL built these in 0005_fulltext.
SQLITE_NEWEST = {
    "ix_articles_newest": ("articles", "", "id"),
    "ix_quotes_newest": ("quotes", "", RECORD_ORDER),
    "ix_attributions_newest": ("attributions", "", RECORD_ORDER),
    "ix_events_newest": ("events", "", RECORD_ORDER),
    "ix_events_type_newest": ("events", "type", RECORD_ORDER),
}
# Both databases: a filter column, then the listing order.
BOTH_NEWEST = {
    "ix_event_actors_actor_newest": ("event_actors", "actor_id", "article_id, event_idx"),
    "ix_mentions_actor_newest": ("mentions", "actor_id", "article_id"),
    "ix_events_place_newest": ("events", "place_country", RECORD_ORDER),
    "ix_events_date_newest": ("events", "date_value", RECORD_ORDER),
    "ix_quotes_speaker_newest": ("quotes", "speaker_actor_id", RECORD_ORDER),
    "ix_attributions_reporter_newest": ("attributions", "reporter_actor_id", RECORD_ORDER),
}


def _create(name: str, table: str, first: str, rest: str, dialect: str) -> None:
    newest = "published_at DESC NULLS LAST" if dialect == "postgresql" else "published_at DESC"
    columns = ", ".join(c for c in (first, newest, rest) if c)
    op.execute(f"CREATE INDEX {name} ON {table} ({columns})")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column("mentions", sa.Column("published_at", sa.Date(), nullable=True))
    op.add_column("event_actors", sa.Column("published_at", sa.Date(), nullable=True))
    op.add_column(
        "event_actors",
        sa.Column("event_idx", sa.Integer(), nullable=False, server_default="0"),
    )
    # Correlated subqueries: the one UPDATE form SQLite and PostgreSQL both accept.
    op.execute(
        "UPDATE mentions SET published_at = "
        "(SELECT articles.published_at FROM articles WHERE articles.id = mentions.article_id)"
    )
    for column, source in (("published_at", "published_at"), ("event_idx", "idx")):
        op.execute(
            f"UPDATE event_actors SET {column} = "
            f"(SELECT events.{source} FROM events WHERE events.id = event_actors.event_id)"
        )
    indexes = {**(SQLITE_NEWEST if dialect == "sqlite" else {}), **BOTH_NEWEST}
    for name, (table, first, rest) in indexes.items():
        _create(name, table, first, rest, dialect)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name in (*(SQLITE_NEWEST if dialect == "sqlite" else {}), *BOTH_NEWEST):
        op.execute(f"DROP INDEX IF EXISTS {name}")
    with op.batch_alter_table("event_actors", schema=None) as batch_op:
        batch_op.drop_column("event_idx")
        batch_op.drop_column("published_at")
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_column("published_at")
