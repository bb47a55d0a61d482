"""actor counts: each actor's article and mention counts kept on its row, with listing indexes

The actor listing (most mentioned first) counted every mention per request: a scan of
``mentions`` on every page, seconds on a large store. The counts now live on ``actors``, kept
by every save (:mod:`parley.store.counts`) and filled here from the stored mentions; indexes on
``(n_mentions, name, id)``, alone and after ``kind`` and ``country`` (the listing's filters),
give a page without sorting.

Revision ID: 0007_speed
Revises: 0005_fulltext
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_speed"
down_revision = "0005_fulltext"
branch_labels = None
depends_on = None

RECOUNT = (
    "UPDATE actors SET "
    "n_articles = (SELECT count(DISTINCT m.article_id) FROM mentions m "
    "WHERE m.actor_id = actors.id), "
    "n_mentions = (SELECT count(*) FROM mentions m WHERE m.actor_id = actors.id)"
)
# The listing's order (most mentioned first, then name and id), alone and after each filter;
# descending in the index itself, so both databases read a page off it in order.
ORDER = "n_mentions DESC, name, id"
INDEXES = {
    "ix_actors_mentioned": ORDER,
    "ix_actors_kind_mentioned": f"kind, {ORDER}",
    "ix_actors_country_mentioned": f"country, {ORDER}",
}


def upgrade() -> None:
    with op.batch_alter_table("actors", schema=None) as batch_op:
        for column in ("n_articles", "n_mentions"):
            batch_op.add_column(sa.Column(column, sa.Integer(), nullable=False, server_default="0"))
    op.execute(RECOUNT)
    for name, columns in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON actors ({columns})")


def downgrade() -> None:
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_column("n_mentions")
        batch_op.drop_column("n_articles")
