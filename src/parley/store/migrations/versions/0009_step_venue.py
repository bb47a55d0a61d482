"""agreement steps: where each step took place and whose ground it was

An agreement's timeline told when a step happened and who acted, not where: "signed at a
ceremony in Havana" lost Havana, and with it the state that hosted the signing without being a
side. ``agreement_statuses`` gets ``venue`` (the place as the text names it) and ``host`` (the
actor id of the state or organisation hosting the step). Both are nullable and start empty:
the steps stored so far were read without them, and the next refresh of an agreement fills
them (its ``data`` JSON carries them from then on, as the API shows them).

Revision ID: 0009_step_venue
Revises: 0008_api
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_step_venue"
down_revision = "0008_api"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("agreement_statuses") as batch:
        batch.add_column(sa.Column("venue", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("host", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agreement_statuses") as batch:
        batch.drop_column("host")
        batch.drop_column("venue")
