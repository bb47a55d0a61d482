"""listing columns: published_at and outlet copied onto quotes, attributions and events

Listings sort newest first; with the date only on ``articles`` every page sorted all matching
rows across a join. The copies (filled on save, backfilled here) let an index on
``(published_at, article_id, idx)`` or ``(type, published_at)`` give a page directly. Indexes
that the new composite ones make redundant are dropped.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("quotes", "attributions", "events")


def _backfill(table: str) -> None:
    # Correlated subqueries: the one UPDATE form SQLite and PostgreSQL both accept.
    for column in ("published_at", "outlet"):
        op.execute(
            f"UPDATE {table} SET {column} = "
            f"(SELECT articles.{column} FROM articles WHERE articles.id = {table}.article_id)"
        )


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("published_at", sa.Date(), nullable=True))
            batch_op.add_column(sa.Column("outlet", sa.String(length=200), nullable=True))
        _backfill(table)
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index("ix_quotes_speaker_actor_id")
        batch_op.create_index(
            "ix_quotes_published_at", ["published_at", "article_id", "idx"], unique=False
        )
        batch_op.create_index(
            "ix_quotes_speaker_published_at", ["speaker_actor_id", "published_at"], unique=False
        )
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_attributions_published_at", ["published_at", "article_id", "idx"], unique=False
        )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type")
        batch_op.drop_index("ix_events_date_value")
        batch_op.create_index(
            "ix_events_published_at", ["published_at", "article_id", "idx"], unique=False
        )
        batch_op.create_index("ix_events_type_published_at", ["type", "published_at"], unique=False)
        batch_op.create_index(
            "ix_events_date_value_published_at", ["date_value", "published_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_date_value_published_at")
        batch_op.drop_index("ix_events_type_published_at")
        batch_op.drop_index("ix_events_published_at")
        batch_op.create_index("ix_events_date_value", ["date_value"], unique=False)
        batch_op.create_index("ix_events_type", ["type"], unique=False)
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.drop_index("ix_attributions_published_at")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index("ix_quotes_speaker_published_at")
        batch_op.drop_index("ix_quotes_published_at")
        batch_op.create_index("ix_quotes_speaker_actor_id", ["speaker_actor_id"], unique=False)
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("outlet")
            batch_op.drop_column("published_at")
