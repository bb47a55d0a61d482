"""Tables and queries for following the news: feeds and their items, the fetch log,
subscriptions, alerts and their deliveries.

The watcher's state lives here so a restart resumes exactly: a feed's items are recorded as
``pending`` in the same transaction that stores the feed's new validators, and each item is
marked done (with its article id) once its analysis is saved. An item is therefore never lost
(it stays pending until done) nor stored twice (saving an analysis is idempotent by article id).
Alerts are unique per (subscription, change key), so each change is emitted once.

Reached through :attr:`parley.store.Store.collect`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from parley.store.connect import writer
from parley.store.schema import ID, TZ, metadata

__all__ = [
    "feeds",
    "feed_items",
    "fetch_log",
    "subscriptions",
    "alerts",
    "deliveries",
    "CollectQueries",
    "ItemRow",
]

URL = sa.String(2000)

feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("url", URL, nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("added_at", TZ, nullable=False),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("checked_at", TZ),
    sa.Column("ok_at", TZ),
    sa.Column("outcome", sa.String(20)),
    sa.Column("error", sa.Text),
    sa.Column("failures", sa.Integer, nullable=False, default=0),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
)

feed_items = sa.Table(
    "feed_items",
    metadata,
    sa.Column("feed_id", sa.Integer, sa.ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    sa.Column("key", URL, nullable=False),
    sa.Column("url", URL, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("published_at", sa.Date),
    sa.Column("seen_at", TZ, nullable=False),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("article_id", ID),
    sa.Column("reason", sa.Text),
    sa.Column("done_at", TZ),
    sa.PrimaryKeyConstraint("feed_id", "key"),
    sa.Index("ix_feed_items_state", "state"),
)

fetch_log = sa.Table(
    "fetch_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", TZ, nullable=False, index=True),
    sa.Column("url", URL, nullable=False),
    sa.Column("feed_id", sa.Integer),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("status", sa.Integer),
    sa.Column("bytes", sa.Integer),
    sa.Column("reason", sa.Text),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Index("ix_fetch_log_url", "url"),
)

subscriptions = sa.Table(
    "subscriptions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("track", sa.String(300)),
    sa.Column("agreement", sa.String(300)),
    sa.Column("actor", sa.String(200)),
    sa.Column("event_types", sa.JSON, nullable=False),
    sa.Column("min_sources", sa.Integer, nullable=False),
    sa.Column("webhook", URL),
    sa.Column("secret", sa.Text),
    sa.Column("jsonl", sa.Text),
    sa.Column("created_at", TZ, nullable=False),
)

alerts = sa.Table(
    "alerts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "subscription_id",
        sa.Integer,
        sa.ForeignKey("subscriptions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("key", sa.String(600), nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("created_at", TZ, nullable=False, index=True),
    sa.UniqueConstraint("subscription_id", "key"),
)

deliveries = sa.Table(
    "deliveries",
    metadata,
    sa.Column(
        "alert_id", sa.Integer, sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("target", sa.String(40), nullable=False),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("error", sa.Text),
    sa.Column("at", TZ, nullable=False),
    sa.PrimaryKeyConstraint("alert_id", "target"),
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class ItemRow:
    """A feed item waiting to be fetched."""

    feed_id: int
    key: str
    url: str
    title: str | None
    published_at: dt.date | None
    attempts: int


def _dicts(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in rows]


class CollectQueries:
    """Reads and writes of the collect tables, each in its own short transaction."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        # Writes take the store-wide write lock (parley.store.connect), like Store's own.
        self.writer = writer(engine)

    # -- feeds ------------------------------------------------------------------------------

    def add_feed(self, url: str) -> tuple[int, bool]:
        """Follow the feed at ``url`` (canonical); returns its id and whether it is new."""
        with self.writer.begin() as conn:
            found = conn.execute(sa.select(feeds.c.id).where(feeds.c.url == url)).scalar()
            if found is not None:
                conn.execute(sa.update(feeds).where(feeds.c.id == found).values(active=True))
                return int(found), False
            row = {"url": url, "added_at": _now(), "failures": 0, "active": True}
            key = conn.execute(sa.insert(feeds).values(**row)).inserted_primary_key
            assert key is not None
            return int(key[0]), True

    def remove_feed(self, url_or_id: str) -> bool:
        """Stop following a feed (its history stays); whether one matched."""
        match = feeds.c.url == url_or_id
        if url_or_id.isdigit():
            match = sa.or_(match, feeds.c.id == int(url_or_id))
        with self.writer.begin() as conn:
            return bool(conn.execute(sa.update(feeds).where(match).values(active=False)).rowcount)

    def feeds(self, active_only: bool = False) -> list[dict[str, Any]]:
        """Every feed with its state and item counts by state."""
        counts = sa.select(
            feed_items.c.feed_id, feed_items.c.state, sa.func.count().label("n")
        ).group_by(feed_items.c.feed_id, feed_items.c.state)
        query = sa.select(feeds).order_by(feeds.c.id)
        if active_only:
            query = query.where(feeds.c.active.is_(True))
        with self.engine.connect() as conn:
            found = _dicts(conn.execute(query))
            tally: dict[int, dict[str, int]] = {}
            for r in conn.execute(counts):
                tally.setdefault(r.feed_id, {})[r.state] = int(r.n)
        for f in found:
            f["items"] = tally.get(f["id"], {})
        return found

    def record_feed(self, feed_id: int, outcome: str, error: str | None = None) -> None:
        """A feed check that changed nothing or failed: its outcome and failure count."""
        values: dict[str, Any] = {"checked_at": _now(), "outcome": outcome, "error": error}
        if outcome == "failed":
            values["failures"] = feeds.c.failures + 1
        else:
            values["failures"] = 0
            values["ok_at"] = values["checked_at"]
        with self.writer.begin() as conn:
            conn.execute(sa.update(feeds).where(feeds.c.id == feed_id).values(**values))

    def record_items(
        self,
        feed_id: int,
        items: Sequence[Any],
        etag: str | None,
        last_modified: str | None,
        title: str | None,
    ) -> int:
        """Record new items as pending and the feed's validators, in one transaction (so a
        304 next time can never hide an item that was not recorded). Returns how many are new."""
        with self.writer.begin() as conn:
            known = set(
                conn.execute(
                    sa.select(feed_items.c.key).where(feed_items.c.feed_id == feed_id)
                ).scalars()
            )
            now = _now()
            rows = []
            for item in items:
                if item.key in known:
                    continue
                known.add(item.key)
                rows.append(
                    {
                        "feed_id": feed_id,
                        "key": item.key,
                        "url": item.url,
                        "title": item.title,
                        "published_at": item.published_at,
                        "seen_at": now,
                        "state": "pending",
                        "attempts": 0,
                    }
                )
            if rows:
                conn.execute(sa.insert(feed_items), rows)
            values: dict[str, Any] = {
                "etag": etag,
                "last_modified": last_modified,
                "checked_at": now,
            }
            values.update({"ok_at": now, "outcome": "ok", "error": None, "failures": 0})
            if title:
                values["title"] = title
            conn.execute(sa.update(feeds).where(feeds.c.id == feed_id).values(**values))
        return len(rows)

    def pending_items(self, feed_id: int, max_attempts: int = 3) -> list[ItemRow]:
        """Items of a feed still to fetch (new, or failed fewer than ``max_attempts`` times),
        oldest first."""
        i = feed_items.c
        query = (
            sa.select(i.feed_id, i.key, i.url, i.title, i.published_at, i.attempts)
            .where(i.feed_id == feed_id)
            .where(
                sa.or_(
                    i.state == "pending", sa.and_(i.state == "failed", i.attempts < max_attempts)
                )
            )
            .order_by(i.published_at.nulls_last(), i.seen_at, i.key)
        )
        with self.engine.connect() as conn:
            return [ItemRow(**r._mapping) for r in conn.execute(query)]

    def finish_item(
        self,
        item: ItemRow,
        state: str,
        article_id: str | None = None,
        reason: str | None = None,
    ) -> None:
        """Mark an item ``stored``, ``rejected`` (final) or ``failed`` (tried again later)."""
        i = feed_items.c
        values = {
            "state": state,
            "article_id": article_id,
            "reason": reason,
            "done_at": _now(),
            "attempts": i.attempts + 1,
        }
        where = sa.and_(i.feed_id == item.feed_id, i.key == item.key)
        with self.writer.begin() as conn:
            conn.execute(sa.update(feed_items).where(where).values(**values))

    def items(self, feed_id: int | None = None, state: str | None = None) -> list[dict[str, Any]]:
        """Feed items with their state, newest seen first."""
        query = sa.select(feed_items).order_by(feed_items.c.seen_at.desc(), feed_items.c.key)
        if feed_id is not None:
            query = query.where(feed_items.c.feed_id == feed_id)
        if state is not None:
            query = query.where(feed_items.c.state == state)
        with self.engine.connect() as conn:
            return _dicts(conn.execute(query))

    # -- fetch log --------------------------------------------------------------------------

    def log_fetch(
        self,
        url: str,
        kind: str,
        outcome: str,
        *,
        feed_id: int | None = None,
        status: int | None = None,
        size: int | None = None,
        reason: str | None = None,
        validators: tuple[str | None, str | None] = (None, None),
    ) -> None:
        """Record one fetch: ``outcome`` is ok, unchanged, failed or rejected; ``validators``
        (ETag, Last-Modified) let the next fetch of the same page ask 'changed?'."""
        row = {
            "etag": validators[0],
            "last_modified": validators[1],
            "at": _now(),
            "url": url,
            "feed_id": feed_id,
            "kind": kind,
            "outcome": outcome,
            "status": status,
            "bytes": size,
            "reason": reason,
        }
        with self.writer.begin() as conn:
            conn.execute(sa.insert(fetch_log), [row])

    def page_validators(self, url: str) -> tuple[str | None, str | None]:
        """ETag and Last-Modified of the last successful fetch of ``url`` that had any."""
        f = fetch_log.c
        query = (
            sa.select(f.etag, f.last_modified)
            .where(f.url == url, f.outcome == "ok")
            .where(sa.or_(f.etag.is_not(None), f.last_modified.is_not(None)))
            .order_by(f.id.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return (row.etag, row.last_modified) if row else (None, None)

    def articles_since(self, when: dt.datetime) -> list[str]:
        """Ids of the articles first stored at or after ``when`` (for alerts after an ingest)."""
        from parley.store import schema as t

        query = sa.select(t.articles.c.id).where(t.articles.c.ingested_at >= when)
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def fetches(
        self, limit: int | None = 100, outcome: str | None = None, url: str | None = None
    ) -> list[dict[str, Any]]:
        """The fetch log, newest first."""
        query = sa.select(fetch_log).order_by(fetch_log.c.id.desc()).limit(limit)
        if outcome:
            query = query.where(fetch_log.c.outcome == outcome)
        if url:
            query = query.where(fetch_log.c.url == url)
        with self.engine.connect() as conn:
            return _dicts(conn.execute(query))

    # -- subscriptions ----------------------------------------------------------------------

    def subscribe(self, **fields: Any) -> tuple[int, bool]:
        """Store a subscription (see :class:`parley.collect.alerts.Subscription`); its id and
        whether it is new (subscribing twice to the same thing gives the same subscription)."""
        row = {"event_types": [], "min_sources": 1, **fields}
        with self.writer.begin() as conn:
            for old in conn.execute(sa.select(subscriptions)):
                if all(getattr(old, k) == v for k, v in row.items()):
                    return int(old.id), False
            key = conn.execute(
                sa.insert(subscriptions).values(**row, created_at=_now())
            ).inserted_primary_key
        assert key is not None
        return int(key[0]), True

    def unsubscribe(self, sub_id: int) -> bool:
        """Delete a subscription and its alerts; whether it existed."""
        with self.writer.begin() as conn:
            gone = conn.execute(sa.delete(subscriptions).where(subscriptions.c.id == sub_id))
            return bool(gone.rowcount)

    def subscriptions(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return _dicts(conn.execute(sa.select(subscriptions).order_by(subscriptions.c.id)))

    # -- alerts -----------------------------------------------------------------------------

    def add_alerts(self, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert the alerts not recorded yet (by subscription and key); ids of the new ones."""
        if not rows:
            return []
        a = alerts.c
        new: list[int] = []
        with self.writer.begin() as conn:
            for sub_id in {r["subscription_id"] for r in rows}:
                known = set(
                    conn.execute(sa.select(a.key).where(a.subscription_id == sub_id)).scalars()
                )
                for row in rows:
                    if row["subscription_id"] != sub_id or row["key"] in known:
                        continue
                    known.add(row["key"])
                    key = conn.execute(
                        sa.insert(alerts).values(**row, created_at=_now())
                    ).inserted_primary_key
                    assert key is not None
                    new.append(int(key[0]))
        return sorted(new)

    def alerts(
        self, subscription_id: int | None = None, limit: int | None = 100, ids: Sequence[int] = ()
    ) -> list[dict[str, Any]]:
        """Alerts, newest first (or those with ``ids``, oldest first)."""
        query = sa.select(alerts)
        if ids:
            query = query.where(alerts.c.id.in_(list(ids))).order_by(alerts.c.id)
        else:
            query = query.order_by(alerts.c.id.desc()).limit(limit)
        if subscription_id is not None:
            query = query.where(alerts.c.subscription_id == subscription_id)
        with self.engine.connect() as conn:
            return _dicts(conn.execute(query))

    def record_delivery(
        self, alert_id: int, target: str, state: str, attempts: int, error: str | None = None
    ) -> None:
        """The outcome of delivering one alert to one target (``webhook``, ``jsonl``)."""
        row = {"state": state, "attempts": attempts, "error": error, "at": _now()}
        where = sa.and_(deliveries.c.alert_id == alert_id, deliveries.c.target == target)
        with self.writer.begin() as conn:
            if conn.execute(sa.update(deliveries).where(where).values(**row)).rowcount == 0:
                conn.execute(
                    sa.insert(deliveries), [{**row, "alert_id": alert_id, "target": target}]
                )

    def deliveries(self, state: str | None = None) -> list[dict[str, Any]]:
        query = sa.select(deliveries).order_by(deliveries.c.alert_id, deliveries.c.target)
        if state:
            query = query.where(deliveries.c.state == state)
        with self.engine.connect() as conn:
            return _dicts(conn.execute(query))

    def story_actors(self, refs: Sequence[str]) -> set[str]:
        """Actor ids of the events ``refs`` (``article_id#index``) name, in any role."""
        from parley.store import schema as t

        pairs = [(a, int(i)) for a, _, i in (r.rpartition("#") for r in refs) if i.isdigit()]
        if not pairs:
            return set()
        e, ea = t.events.c, t.event_actors.c
        match = sa.or_(*(sa.and_(e.article_id == a, e.idx == i) for a, i in pairs))
        query = sa.select(ea.actor_id).join(t.events, e.id == ea.event_id).where(match)
        with self.engine.connect() as conn:
            return set(conn.execute(query).scalars())
