"""The one database schema, for SQLite and PostgreSQL alike (SQLAlchemy Core).

Each per-article table holds typed columns for what people filter on plus a ``data`` JSON column
with the full record, so a query can rebuild the exact :mod:`parley.models` object. The full
analysis JSON is kept in ``analyses`` so ``show`` and the exports reproduce it byte for byte.
Changing this file needs a new Alembic revision in ``migrations/versions`` (a test compares them).
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "metadata",
    "articles",
    "repairs",
    "rejections",
    "actors",
    "mentions",
    "quotes",
    "attributions",
    "events",
    "event_actors",
    "analyses",
    "runs",
    "PER_ARTICLE",
]

# Explicit constraint names keep migrations identical on SQLite and PostgreSQL.
metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = sa.String(200)
TZ = sa.DateTime(timezone=True)


def _article_fk() -> sa.Column[str]:
    return sa.Column(
        "article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    )


articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.String(200), index=True),
    sa.Column("title", sa.Text),
    sa.Column("subtitle", sa.Text),
    sa.Column("dateline", sa.String(200)),
    sa.Column("published_at", sa.Date, index=True),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("fetched_at", TZ),
    sa.Column("ingested_at", TZ, nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
)

repairs = sa.Table(
    "repairs",
    metadata,
    _article_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("glued", sa.Text, nullable=False),
    sa.Column("split", sa.JSON, nullable=False),
    sa.Column("why", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("article_id", "idx"),
)

rejections = sa.Table(
    "rejections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("stage", sa.String(40), nullable=False, index=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", TZ, nullable=False, index=True),
    sa.Column("article_id", ID, index=True),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("name", sa.String(300), nullable=False, index=True),
    sa.Column("kind", sa.String(40), nullable=False, index=True),
    sa.Column("country", sa.String(3), index=True),
    sa.Column("data", sa.JSON, nullable=False),
)

mentions = sa.Table(
    "mentions",
    metadata,
    _article_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("actor_id", ID, index=True),
    sa.Column("label", sa.String(40), nullable=False, index=True),
    sa.Column("role", sa.Text),
    sa.Column("how", sa.String(40), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.PrimaryKeyConstraint("article_id", "idx"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    _article_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("direct", sa.Boolean, nullable=False),
    sa.Column("speaker_actor_id", ID, index=True),
    sa.Column("speaker_text", sa.Text),
    sa.Column("cue", sa.String(100)),
    sa.Column("data", sa.JSON, nullable=False),
    sa.PrimaryKeyConstraint("article_id", "idx"),
)

attributions = sa.Table(
    "attributions",
    metadata,
    _article_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("claim", sa.Text, nullable=False),
    sa.Column("cue", sa.String(100), nullable=False),
    sa.Column("reporter_actor_id", ID, index=True),
    sa.Column("reporter_kind", sa.String(40), nullable=False, index=True),
    sa.Column("reporter_text", sa.Text, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.PrimaryKeyConstraint("article_id", "idx"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", ID, primary_key=True),
    _article_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("type", sa.String(40), nullable=False, index=True),
    sa.Column("mode", sa.String(60), index=True),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("date_value", sa.String(40), index=True),
    sa.Column("date_precision", sa.String(20)),
    sa.Column("place_country", sa.String(3), index=True),
    sa.Column("source", sa.JSON, nullable=False),
    sa.Column("target", sa.JSON, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.UniqueConstraint("article_id", "idx"),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    _article_fk(),
    sa.Column("actor_id", ID, nullable=False, index=True),
    sa.Index("ix_event_actors_article_id", "article_id"),
    sa.Column("role", sa.String(20), nullable=False),
    sa.PrimaryKeyConstraint("event_id", "actor_id", "role"),
)

analyses = sa.Table(
    "analyses",
    metadata,
    sa.Column("article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("schema", sa.String(40), nullable=False),
    sa.Column("json", sa.JSON, nullable=False),
)

runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("started_at", TZ, nullable=False, index=True),
    sa.Column("finished_at", TZ),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("paths", sa.JSON, nullable=False),
    sa.Column("read", sa.Integer, nullable=False),
    sa.Column("new", sa.Integer, nullable=False),
    sa.Column("skipped", sa.Integer, nullable=False),
    sa.Column("rejected", sa.Integer, nullable=False),
)

# Tables whose rows belong to one article, children first (the order deletes must follow).
PER_ARTICLE = (event_actors, events, attributions, quotes, mentions, repairs, analyses)
