"""run owners: the host and process id of each batch run, to tell a dead run from a live one

A run killed with SIGKILL (or a crashed machine) cannot record its own end; with its owner
recorded, the next open of the store marks it ``stale`` when that process is gone, instead of
showing it ``running`` for ever.

Revision ID: 0006_reliability
Revises: 0004_feeds_alerts (re-chained onto main's head)
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_reliability"
down_revision = "0004_feeds_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("host", sa.String(255), nullable=True))
        batch_op.add_column(sa.Column("pid", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.drop_column("pid")
        batch_op.drop_column("host")
