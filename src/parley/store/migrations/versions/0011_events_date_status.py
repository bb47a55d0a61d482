"""events by date: the (date, listing order) index also holds the status

Event listings leave negated and hypothetical events out by default, and a page of events by
date reads each day's first page off ``ix_events_date_newest`` (migration 0008_api) and tests
the status of every entry it reads: about fifty entries for each day of the range, each a
lookup of the event's row for its status alone (a month: 1,600 lookups a page). With the status
as the index's last column the day branches read the index only.

Revision ID: 0011_events_date_status
Revises: 0010_fts_by_day
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0011_events_date_status"
down_revision = "0010_fts_by_day"
branch_labels = None
depends_on = None


def _create(with_status: bool) -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    newest = "published_at DESC NULLS LAST" if postgres else "published_at DESC"
    columns = f"date_value, {newest}, article_id, idx" + (", status" if with_status else "")
    op.execute("DROP INDEX IF EXISTS ix_events_date_newest")
    op.execute(f"CREATE INDEX ix_events_date_newest ON events ({columns})")


def upgrade() -> None:
    _create(with_status=True)


def downgrade() -> None:
    _create(with_status=False)
