"""stories: the actors and states each member shares, so a refresh reads only joinable stories

A refresh looks up the stories a new event could join by type and days (``story_events``'s
(type, day) index) and then reads every article behind them. Clustering pairs only events
that share an actor or a state, but the lookup did not know the members' actors: in a busy
run every story of a type within weeks of a chunk was read again, so resolving the articles
of a 100,000-article run read about 18,000 analyses for every 500 resolved. ``actor_keys``
holds a member's actors and their states (a JSON list). It is nullable and starts empty: a
member stored without it meets every new event of its type and days, as before, and the next
refresh of its story fills it.

Revision ID: 0012_story_member_keys
Revises: 0011_events_date_status
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_story_member_keys"
down_revision = "0011_events_date_status"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite adds a nullable column without copying the table.
    op.add_column("story_events", sa.Column("actor_keys", sa.JSON(none_as_null=True)))


def downgrade() -> None:
    with op.batch_alter_table("story_events") as batch:
        batch.drop_column("actor_keys")
