"""The one database schema, for SQLite and PostgreSQL alike (SQLAlchemy Core).

Each per-article table holds typed columns for what people filter on plus a ``data`` JSON column
with the full record, so a query can rebuild the exact :mod:`parley.models` object. The full
analysis JSON is kept in ``analyses`` so ``show`` and the exports reproduce it byte for byte.
Quotes, attributions and events carry copies of their article's ``published_at`` and ``outlet``
(written by :mod:`parley.store.rows`, never edited apart from the article): listings sort newest
first on them through an index instead of sorting every row across a join (migration 0003).
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
    "resolved_articles",
    "article_tracks",
    "article_agreements",
    "tracks",
    "rounds",
    "positions",
    "agreements",
    "agreement_statuses",
    "stories",
    "story_events",
    "RESOLVED",
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
    # Kept by every save (parley.store.counts), so the listing, most mentioned first, pages
    # through an index (``n_mentions DESC``, migration 0007_speed) instead of counting every
    # mention per request.
    sa.Column("n_articles", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_mentions", sa.Integer, nullable=False, server_default="0"),
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
    # The article's date, so one actor's newest mentions are read off an index (0008_api).
    sa.Column("published_at", sa.Date),
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
    sa.Column("speaker_actor_id", ID),
    sa.Column("speaker_text", sa.Text),
    sa.Column("cue", sa.String(100)),
    sa.Column("data", sa.JSON, nullable=False),
    # Copies of the article's, so listings sort and filter without a join (module docstring).
    sa.Column("published_at", sa.Date),
    sa.Column("outlet", sa.String(200)),
    sa.PrimaryKeyConstraint("article_id", "idx"),
    sa.Index("ix_quotes_published_at", "published_at", "article_id", "idx"),
    sa.Index("ix_quotes_speaker_published_at", "speaker_actor_id", "published_at"),
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
    sa.Column("published_at", sa.Date),
    sa.Column("outlet", sa.String(200)),
    sa.PrimaryKeyConstraint("article_id", "idx"),
    sa.Index("ix_attributions_published_at", "published_at", "article_id", "idx"),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", ID, primary_key=True),
    _article_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("mode", sa.String(60), index=True),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("date_value", sa.String(40)),
    sa.Column("date_precision", sa.String(20)),
    sa.Column("place_country", sa.String(3), index=True),
    sa.Column("source", sa.JSON, nullable=False),
    sa.Column("target", sa.JSON, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("published_at", sa.Date),
    sa.Column("outlet", sa.String(200)),
    sa.UniqueConstraint("article_id", "idx"),
    sa.Index("ix_events_published_at", "published_at", "article_id", "idx"),
    sa.Index("ix_events_type_published_at", "type", "published_at"),
    sa.Index("ix_events_date_value_published_at", "date_value", "published_at"),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    _article_fk(),
    sa.Column("actor_id", ID, nullable=False, index=True),
    sa.Index("ix_event_actors_article_id", "article_id"),
    sa.Column("role", sa.String(20), nullable=False),
    # The event's listing order (article date, article, index), so one actor's newest events
    # are read off an index without looking each one up (migration 0008_api).
    sa.Column("published_at", sa.Date),
    sa.Column("event_idx", sa.Integer, nullable=False, server_default="0"),
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
    # Who runs it, so that a run whose process died is marked stale on the next open.
    sa.Column("host", sa.String(255)),
    sa.Column("pid", sa.Integer),
)

# -- resolved records: derived from the analyses by parley.store.resolved, never edited ---------

KEY = sa.String(400)

# Articles whose tracks, agreements and stories are reflected in the resolved tables. Saving an
# article drops its row, so a refresh that never ran (an interrupted batch) is caught up later.
resolved_articles = sa.Table(
    "resolved_articles",
    metadata,
    sa.Column("article_id", ID, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)

# Which articles reported which track / agreement, as of their last refresh. No foreign key on
# purpose: re-saving an article must not erase what it used to report, or a refresh could not
# find the records its old version contributed to. An agreement is filed under each of its link
# keys (parley.resolve.agreement_joins.agreement_link_keys: its name's key and the names it could
# be joined under), so a refresh finds every report a joined record depends on.
article_tracks = sa.Table(
    "article_tracks",
    metadata,
    sa.Column("article_id", ID, primary_key=True),
    sa.Column("track_key", KEY, primary_key=True, index=True),
)

article_agreements = sa.Table(
    "article_agreements",
    metadata,
    sa.Column("article_id", ID, primary_key=True),
    sa.Column("agreement_key", KEY, primary_key=True, index=True),
)

tracks = sa.Table(
    "tracks",
    metadata,
    sa.Column("key", KEY, primary_key=True),
    sa.Column("name", sa.String(300), nullable=False, index=True),
    sa.Column("parties", sa.JSON, nullable=False),
    sa.Column("mediators", sa.JSON, nullable=False),
    sa.Column("issues", sa.JSON, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)


def _track_fk() -> sa.Column[str]:
    return sa.Column(
        "track_key", KEY, sa.ForeignKey("tracks.key", ondelete="CASCADE"), nullable=False
    )


rounds = sa.Table(
    "rounds",
    metadata,
    _track_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("ordinal", sa.Integer),
    sa.Column("venue", sa.String(200)),
    sa.Column("date", sa.String(40)),
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("article_id", ID),
    sa.Column("history", sa.JSON, nullable=False),
    sa.PrimaryKeyConstraint("track_key", "idx"),
)

positions = sa.Table(
    "positions",
    metadata,
    _track_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("actor", ID, nullable=False, index=True),
    sa.Column("on", sa.Text, nullable=False),
    sa.Column("position", sa.Text, nullable=False),
    sa.Column("red_line", sa.Boolean, nullable=False),
    sa.Column("attributed_to", sa.Text),
    sa.Column("article_id", ID),
    sa.Column("published_at", sa.Date),
    sa.Column("data", sa.JSON, nullable=False),
    sa.PrimaryKeyConstraint("track_key", "idx"),
)

agreements = sa.Table(
    "agreements",
    metadata,
    sa.Column("key", KEY, primary_key=True),
    sa.Column("name", sa.String(300), nullable=False, index=True),
    sa.Column("kind", sa.String(60), nullable=False),
    sa.Column("parties", sa.JSON, nullable=False),
    sa.Column("status", sa.String(60)),
    sa.Column("date", sa.String(40)),
    sa.Column("data", sa.JSON, nullable=False),
)

agreement_statuses = sa.Table(
    "agreement_statuses",
    metadata,
    sa.Column(
        "agreement_key",
        KEY,
        sa.ForeignKey("agreements.key", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("status", sa.String(60), nullable=False),
    sa.Column("date", sa.String(40)),
    sa.Column("until", sa.String(40)),
    sa.Column("by", sa.Text),
    sa.Column("attributed_to", sa.Text),
    # Where the step took place and whose ground it was (migration 0009_step_venue).
    sa.Column("venue", sa.String(200)),
    sa.Column("host", ID),
    sa.Column("article_id", ID),
    sa.Column("evidence", sa.JSON),
    sa.PrimaryKeyConstraint("agreement_key", "idx"),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("type", sa.String(40), nullable=False, index=True),
    sa.Column("date", sa.String(40), index=True),
    sa.Column("first_report", ID),
    sa.Column("sources", sa.JSON, nullable=False),
    sa.Column("article_count", sa.Integer, nullable=False, index=True),
    sa.Column("disagreements", sa.JSON, nullable=False),
)

# One row per clustered event. ``day`` ± tolerance (``day_from``..``day_to``) lets a refresh find
# the stories a new event could join with an indexed range query instead of a corpus scan, and
# ``actor_keys`` which of them it could join at all.
story_events = sa.Table(
    "story_events",
    metadata,
    sa.Column("story_id", ID, sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", ID, nullable=False, index=True),
    sa.Column("event_index", sa.Integer, nullable=False),
    sa.Column("type", sa.String(40), nullable=False),
    sa.Column("day", sa.Date),
    sa.Column("day_from", sa.Date),
    sa.Column("day_to", sa.Date),
    # The actors and states a new event must share to join the story (clustering pairs no
    # others): a refresh reads only the stories near in days that share one. NULL: unknown.
    sa.Column("actor_keys", sa.JSON(none_as_null=True)),
    # A report naming one side that matched reports of several disputes, kept apart from all
    # (:func:`parley.resolve.stories.cluster`): a refresh keeps it so without reading them.
    sa.Column("undecided", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.PrimaryKeyConstraint("article_id", "event_index"),
    sa.Index("ix_story_events_story_id", "story_id"),
    sa.Index("ix_story_events_type_day", "type", "day"),
)

# Resolved tables, children first (the order deletes must follow).
RESOLVED = (
    story_events,
    stories,
    agreement_statuses,
    agreements,
    positions,
    rounds,
    tracks,
    article_agreements,
    article_tracks,
    resolved_articles,
)

# Tables whose rows belong to one article, children first (the order deletes must follow).
PER_ARTICLE = (
    event_actors,
    events,
    attributions,
    quotes,
    mentions,
    repairs,
    resolved_articles,
    analyses,
)
