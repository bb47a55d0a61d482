"""listings by status, outlet and reporter kind: their SQLite indexes in the listing's order

Events by status, records by outlet and claims by reporter kind are read off an index of
(filter, ``published_at``, article, index), built by ``0005_fulltext`` with ``published_at``
ascending on SQLite. Read backwards that gives ``article_id DESC`` within a day, not the
listing's order, so SQLite sorted the ties of each page's first day: it looked up every event
of that day with the filter's value (with its article's title) to keep fifty (events by status
at a million events: 2 ms of SQL a page). Migration ``0008_api`` made the unfiltered indexes
``published_at DESC`` for the same reason; these get the same order here. PostgreSQL has had
them in the listing's order (``DESC NULLS LAST``) since ``0005_fulltext``: nothing changes there.

Revision ID: 0014_filtered_newest
Revises: 0013_story_undecided
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0014_filtered_newest"
down_revision = "0013_story_undecided"
branch_labels = None
depends_on = None

RECORD_ORDER = "article_id, idx"
# name: (table, the filter's column or expression, the listing order after the date)
INDEXES = {
    "ix_events_status_newest": ("events", "status", RECORD_ORDER),
    "ix_attributions_kind_newest": ("attributions", "reporter_kind", RECORD_ORDER),
    "ix_articles_outlet_lower": ("articles", "lower(outlet)", "id"),
    "ix_quotes_outlet_lower": ("quotes", "lower(outlet)", RECORD_ORDER),
    "ix_attributions_outlet_lower": ("attributions", "lower(outlet)", RECORD_ORDER),
    "ix_events_outlet_lower": ("events", "lower(outlet)", RECORD_ORDER),
}


def _recreate(newest: str) -> None:
    for name, (table, first, rest) in INDEXES.items():
        op.execute(f"DROP INDEX IF EXISTS {name}")
        op.execute(f"CREATE INDEX {name} ON {table} ({first}, {newest}, {rest})")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _recreate("published_at DESC")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _recreate("published_at")
