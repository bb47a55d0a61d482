"""stories: mark the one-sided reports that matched several disputes

Story clustering keeps a report naming one side ("Chile rejected the proposal") apart when it
matches the reports of two disputes of that side (Chile–Peru, Chile–Bolivia): linked to both it
made one story of them, and in a busy corpus one story of every dispute of the weeks. Whether a
report is so undecided can only turn from no to yes as reports are added, so the mark is kept
with the member and a refresh need not read every dispute it matched again. Existing rows start
unmarked: they were clustered before the rule, and a rebuild (``parley resolve``)
applies it to them.

Revision ID: 0013_story_undecided
Revises: 0012_story_member_keys
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_story_undecided"
down_revision = "0012_story_member_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "story_events",
        sa.Column("undecided", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("story_events") as batch:
        batch.drop_column("undecided")
