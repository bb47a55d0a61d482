"""resolved records: tracks, rounds, positions, agreements with status timelines, stories

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreements",
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=60), nullable=True),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_agreements")),
    )
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreements_name"), ["name"], unique=False)

    op.create_table(
        "article_agreements",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("agreement_key", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "agreement_key", name=op.f("pk_article_agreements")),
    )
    with op.batch_alter_table("article_agreements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_agreements_agreement_key"), ["agreement_key"], unique=False
        )

    op.create_table(
        "article_tracks",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("track_key", sa.String(length=400), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "track_key", name=op.f("pk_article_tracks")),
    )
    with op.batch_alter_table("article_tracks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_tracks_track_key"), ["track_key"], unique=False
        )

    op.create_table(
        "stories",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("first_report", sa.String(length=200), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("disagreements", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stories_article_count"), ["article_count"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_stories_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_stories_type"), ["type"], unique=False)

    op.create_table(
        "tracks",
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("mediators", sa.JSON(), nullable=False),
        sa.Column("issues", sa.JSON(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_tracks")),
    )
    with op.batch_alter_table("tracks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tracks_name"), ["name"], unique=False)

    op.create_table(
        "agreement_statuses",
        sa.Column("agreement_key", sa.String(length=400), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=60), nullable=False),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("until", sa.String(length=40), nullable=True),
        sa.Column("by", sa.Text(), nullable=True),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("article_id", sa.String(length=200), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_key"],
            ["agreements.key"],
            name=op.f("fk_agreement_statuses_agreement_key_agreements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agreement_key", "idx", name=op.f("pk_agreement_statuses")),
    )
    op.create_table(
        "positions",
        sa.Column("track_key", sa.String(length=400), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("on", sa.Text(), nullable=False),
        sa.Column("position", sa.Text(), nullable=False),
        sa.Column("red_line", sa.Boolean(), nullable=False),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("article_id", sa.String(length=200), nullable=True),
        sa.Column("published_at", sa.Date(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["track_key"],
            ["tracks.key"],
            name=op.f("fk_positions_track_key_tracks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("track_key", "idx", name=op.f("pk_positions")),
    )
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_positions_actor"), ["actor"], unique=False)

    op.create_table(
        "resolved_articles",
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_resolved_articles_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_resolved_articles")),
    )
    op.create_table(
        "rounds",
        sa.Column("track_key", sa.String(length=400), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=True),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("article_id", sa.String(length=200), nullable=True),
        sa.Column("history", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["track_key"],
            ["tracks.key"],
            name=op.f("fk_rounds_track_key_tracks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("track_key", "idx", name=op.f("pk_rounds")),
    )
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rounds_status"), ["status"], unique=False)

    op.create_table(
        "story_events",
        sa.Column("story_id", sa.String(length=200), nullable=False),
        sa.Column("article_id", sa.String(length=200), nullable=False),
        sa.Column("event_index", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("day_from", sa.Date(), nullable=True),
        sa.Column("day_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_events_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "event_index", name=op.f("pk_story_events")),
    )
    with op.batch_alter_table("story_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_story_events_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index("ix_story_events_story_id", ["story_id"], unique=False)
        batch_op.create_index("ix_story_events_type_day", ["type", "day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("story_events", schema=None) as batch_op:
        batch_op.drop_index("ix_story_events_type_day")
        batch_op.drop_index("ix_story_events_story_id")
        batch_op.drop_index(batch_op.f("ix_story_events_article_id"))

    op.drop_table("story_events")
    with op.batch_alter_table("rounds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rounds_status"))

    op.drop_table("rounds")
    op.drop_table("resolved_articles")
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_positions_actor"))

    op.drop_table("positions")
    op.drop_table("agreement_statuses")
    with op.batch_alter_table("tracks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tracks_name"))

    op.drop_table("tracks")
    with op.batch_alter_table("stories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stories_type"))
        batch_op.drop_index(batch_op.f("ix_stories_date"))
        batch_op.drop_index(batch_op.f("ix_stories_article_count"))

    op.drop_table("stories")
    with op.batch_alter_table("article_tracks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_tracks_track_key"))

    op.drop_table("article_tracks")
    with op.batch_alter_table("article_agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_agreements_agreement_key"))

    op.drop_table("article_agreements")
    with op.batch_alter_table("agreements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreements_name"))

    op.drop_table("agreements")
