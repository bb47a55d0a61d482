"""The store: open (and migrate) a database, save analyses idempotently, answer queries.

Writes are idempotent: saving the analysis of an article already stored replaces its rows in one
transaction (delete by article, then insert), so re-ingesting the same text changes nothing and
an interrupted batch loses at most the batch in flight (:meth:`Store.save_many`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from alembic.util.exc import CommandError

from parley.errors import NotFound, StoreError
from parley.models import (
    ActorInText,
    ActorRow,
    AgreementRecord,
    Analysis,
    Article,
    ArticleRow,
    FoundClaim,
    FoundEvent,
    FoundQuote,
    Page,
    Rejection,
    Source,
    Story,
    StoryRecord,
    TrackRecord,
)
from parley.store import counts, queries, resolved
from parley.store import schema as t
from parley.store.collect import CollectQueries
from parley.store.connect import create_engine, writer
from parley.store.migrate import upgrade
from parley.store.paging import page_of
from parley.store.queries import Filters
from parley.store.rows import actor_row, article_row, child_rows, utc
from parley.store.transaction import Transaction

if TYPE_CHECKING:
    from parley.kb import KnowledgeBase

__all__ = ["Store", "open_store", "engine_url"]

NO_FILTERS = Filters()

log = logging.getLogger(__name__)


def engine_url(url: str) -> str:
    """A SQLAlchemy URL for ``url``: a bare path is a SQLite file; PostgreSQL uses psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{url}"
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def open_store(url: str, kb: KnowledgeBase | None = None) -> Store:
    """Open the database at ``url`` (a path or SQLAlchemy URL), creating or upgrading it.

    Args:
        url: a SQLite file path, ``sqlite:///…`` or ``postgresql://…``.
        kb: knowledge base used to resolve actor names in queries (optional).

    Raises:
        StoreError: the database cannot be reached or migrated.
    """
    full = engine_url(url)
    if full.startswith("sqlite:///") and full != "sqlite:///:memory:":
        folder = Path(full.removeprefix("sqlite:///")).parent
        if not folder.is_dir():
            raise StoreError(f"Cannot create database {url}: folder {folder} does not exist.")
    try:
        engine = create_engine(full)
    except (sa.exc.ArgumentError, ImportError) as e:
        raise StoreError(f"Cannot open database {url!r}: {e}. Give a path or a URL.") from e
    try:
        upgrade(engine)
    except CommandError as e:
        raise StoreError(
            f"Cannot migrate database {url}: {e}. Was it written by a newer Parley? Upgrade Parley."
        ) from e
    except sa.exc.SQLAlchemyError as e:
        raise StoreError(f"Cannot open database {url}: {e.__class__.__name__}: {e}") from e
    store = Store(engine, kb)
    store.mark_stale_runs()
    return store


class Store:
    """A Parley database. Build it with :func:`open_store`; close it (or use ``with``).

    Reads use ``engine``; every write goes through ``writer``, whose transactions hold the
    store-wide write lock (:mod:`parley.store.connect`), so several processes can write at once.
    """

    def __init__(self, engine: sa.Engine, kb: KnowledgeBase | None = None) -> None:
        self.engine = engine
        self.writer = writer(engine)
        self.kb = kb

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    @property
    def collect(self) -> CollectQueries:
        """Feeds, fetch log, subscriptions and alerts (:mod:`parley.store.collect`)."""
        return CollectQueries(self.engine)

    # -- writes -------------------------------------------------------------------------------

    def save(self, analysis: Analysis) -> None:
        """Store ``analysis``, replacing whatever was stored for its article, in one transaction."""
        self.save_many([analysis])

    def save_many(self, analyses: Sequence[Analysis]) -> None:
        """Store several analyses in one transaction, each replacing its article's rows.

        A batch run saves its results this way: one transaction and one statement per table for
        the whole batch (``executemany``) instead of for each article, which is most of what a
        save costs. All or none of the batch is stored, so a killed run loses at most the batch
        in flight, and a re-run (which skips stored articles) stores exactly the rest. The same
        article twice in ``analyses`` keeps the last.
        """
        batch = list({a.article.id: a for a in analyses}.values())
        if not batch:
            return
        ids = [a.article.id for a in batch]
        with self.writer.begin() as conn:
            ingested = dict(
                conn.execute(
                    sa.select(t.articles.c.id, t.articles.c.ingested_at).where(
                        t.articles.c.id.in_(ids)
                    )
                ).all()
            )
            deltas = counts.stored(conn, ids)
            self._delete(conn, ids)
            now = dt.datetime.now(dt.UTC)
            rows = [article_row(a.article, ingested.get(a.article.id) or now) for a in batch]
            conn.execute(sa.insert(t.articles), rows)
            self._upsert_actors(conn, [actor for a in batch for actor in a.actors])
            tables: dict[sa.Table, list[dict[str, Any]]] = {}
            for a in batch:
                for table, table_rows in child_rows(a):
                    tables.setdefault(table, []).extend(table_rows)
            for table, table_rows in tables.items():  # parents before children, as yielded
                if table_rows:
                    conn.execute(sa.insert(table), table_rows)
            deltas.update(counts.added(tables.get(t.mentions, [])))  # update keeps negatives
            counts.apply(conn, deltas)
            # The articles are usable now, so earlier failures for them no longer stand.
            conn.execute(sa.delete(t.rejections).where(t.rejections.c.article_id.in_(ids)))

    @staticmethod
    def _delete(conn: sa.Connection, article_ids: Sequence[str]) -> None:
        for table in (*t.PER_ARTICLE, t.articles):
            key = table.c.id if table is t.articles else table.c.article_id
            conn.execute(sa.delete(table).where(key.in_(article_ids)))

    @staticmethod
    def _upsert_actors(conn: sa.Connection, actors: Sequence[ActorInText]) -> None:
        # Portable upsert (SQLite and PostgreSQL differ in ON CONFLICT details); writes hold
        # the store-wide write lock, so read-then-write does not race another process. An actor
        # seen in several articles of a batch ends as if they were saved one after the other:
        # the last one's name, kind and country, the roles of all in order of appearance.
        wanted: dict[str, dict[str, Any]] = {}
        for actor in actors:
            row = actor_row(actor)
            before = wanted.get(actor.id)
            if before is not None:
                row["data"]["roles"] = _union(before["data"]["roles"], row["data"]["roles"])
            wanted[actor.id] = row
        if not wanted:
            return
        stored = {
            r.id: r
            for r in conn.execute(sa.select(t.actors).where(t.actors.c.id.in_(list(wanted))))
        }
        fresh = [row for actor_id, row in wanted.items() if actor_id not in stored]
        changed = [
            update
            for actor_id, row in wanted.items()
            if actor_id in stored and (update := _actor_update(stored[actor_id], row)) is not None
        ]
        if fresh:
            conn.execute(sa.insert(t.actors), fresh)
        if changed:
            # Most actors recur unchanged (the same states in every article): only the others
            # are written, in one executemany.
            ac = t.actors
            statement = (
                sa.update(ac)
                .where(ac.c.id == sa.bindparam("b_id"))
                .values({c: sa.bindparam(f"b_{c}") for c in _ACTOR_COLUMNS})
            )
            conn.execute(statement, changed)

    def optimize(self) -> None:
        """Refresh the query planner's statistics where they have drifted (SQLite ``PRAGMA
        optimize``, bounded by ``analysis_limit`` so it costs milliseconds): with them the
        planner knows a common actor or country from a rare one and picks the cheaper plan.
        PostgreSQL's autovacuum keeps its own statistics."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.writer.begin() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("PRAGMA optimize")

    def reject(self, rejection: Rejection) -> None:
        """Record a rejection; recording the same source, stage and reason again only updates
        its time, so re-running a batch does not pile up duplicates."""
        r = t.rejections
        same = sa.and_(
            r.c.source == rejection.source,
            r.c.stage == rejection.stage,
            r.c.reason == rejection.reason,
        )
        with self.writer.begin() as conn:
            found = conn.execute(sa.select(r.c.id).where(same)).scalars().first()
            row = {**rejection.model_dump(), "at": utc(rejection.at)}
            if found is None:
                conn.execute(sa.insert(r), [row])
            else:
                conn.execute(sa.update(r).where(r.c.id == found).values(**row))

    def start_run(self, paths: Iterable[str]) -> str:
        """Record the start of a batch run; returns its id for :meth:`update_run`."""
        run_id = uuid.uuid4().hex
        row = {
            "id": run_id,
            "started_at": dt.datetime.now(dt.UTC),
            "status": "running",
            "paths": [str(p) for p in paths],
            "host": socket.gethostname(),
            "pid": os.getpid(),
            **dict.fromkeys(("read", "new", "skipped", "rejected"), 0),
        }
        with self.writer.begin() as conn:
            conn.execute(sa.insert(t.runs), [row])
        return run_id

    def update_run(self, run_id: str, status: str = "running", **counts: int) -> None:
        """Record a batch run's progress (``read``, ``new``, ``skipped``, ``rejected``)."""
        values: dict[str, Any] = {"status": status, **counts}
        if status != "running":
            values["finished_at"] = dt.datetime.now(dt.UTC)
        with self.writer.begin() as conn:
            conn.execute(sa.update(t.runs).where(t.runs.c.id == run_id).values(**values))

    def mark_stale_runs(self) -> int:
        """Mark ``stale`` the runs still ``running`` whose process on this host is gone (killed
        with SIGKILL, or the machine went down); returns how many."""
        r = t.runs
        here = socket.gethostname()
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(r.c.id, r.c.pid).where(r.c.status == "running", r.c.host == here)
            ).all()
        dead = [row.id for row in rows if row.pid is not None and not _alive(row.pid)]
        if dead:
            values = {"status": "stale", "finished_at": dt.datetime.now(dt.UTC)}
            with self.writer.begin() as conn:
                conn.execute(sa.update(r).where(r.c.id.in_(dead)).values(**values))
            log.info("marked %d dead run(s) stale", len(dead))
        return len(dead)

    # -- reads --------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether the analysis of this article is stored."""
        return bool(self.known(article_id))

    def known(self, *article_ids: str) -> set[str]:
        """Which of ``article_ids`` are stored (one query for a whole batch)."""
        if not article_ids:
            return set()
        query = sa.select(t.articles.c.id).where(t.articles.c.id.in_(article_ids))
        with self.engine.connect() as conn:
            return set(conn.execute(query).scalars())

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one article whose id, or the hash part of it, starts with
        ``prefix`` (``0ea758b6`` finds ``sha256:0ea758b6e657c388``).

        Raises:
            NotFound: no article, or several, match.
        """
        a = t.articles.c.id
        with self.engine.connect() as conn:
            if conn.execute(sa.select(a).where(a == prefix)).first():
                return prefix
            matches = sa.or_(
                a.startswith(prefix, autoescape=True), a.contains(":" + prefix, autoescape=True)
            )
            ids = list(conn.execute(sa.select(a).where(matches).limit(2)).scalars())
        if len(ids) != 1:
            what = "No article" if not ids else "Several articles"
            raise NotFound(f"{what} with id {prefix!r}. List ids with 'parley articles'.")
        return str(ids[0])

    def analysis(self, article_id: str) -> Analysis:
        """The stored analysis of an article (id or unique id prefix), exactly as saved.

        Raises:
            NotFound: no such article.
        """
        aid = self.resolve_id(article_id)
        query = (
            sa.select(t.analyses.c.json, t.articles.c.text)
            .join(t.articles, t.articles.c.id == t.analyses.c.article_id)
            .where(t.analyses.c.article_id == aid)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).one()
        return _analysis(row.json, row.text)

    def article(self, article_id: str) -> Article:
        """The stored article (with its text); see :meth:`analysis`."""
        return self.analysis(article_id).article

    def articles(
        self, limit: int | None = 100, since: dt.date | None = None, outlet: str | None = None
    ) -> list[Article]:
        """Stored articles, newest first, optionally from ``since`` and by ``outlet``."""
        a = t.articles
        query = (
            sa.select(t.analyses.c.json, a.c.text)
            .join(a, a.c.id == t.analyses.c.article_id)
            .order_by(a.c.published_at.desc().nulls_last(), a.c.ingested_at.desc(), a.c.id)
            .limit(limit)
        )
        query = queries.where_published(query, a, outlet, since)
        with self.engine.connect() as conn:
            return [_analysis(r.json, r.text).article for r in conn.execute(query)]

    # -- listings (one query layer: the CLI, the pages and the API all call these) ----------

    def _read(self) -> sa.Connection:
        return self.engine.connect()

    def list_articles(
        self, f: Filters = NO_FILTERS, limit: int | None = 50, cursor: str | None = None
    ) -> Page[ArticleRow]:
        """Articles without their text, newest first; ``f.q`` searches title and text."""
        with self._read() as conn:
            return queries.list_articles(conn, self.kb, f, limit, cursor)

    def recent_articles(self, limit: int = 15) -> list[ArticleRow]:
        """The articles stored most recently."""
        with self._read() as conn:
            return queries.recent_articles(conn, limit)

    def list_actors(
        self, f: Filters = NO_FILTERS, limit: int | None = 50, cursor: str | None = None
    ) -> Page[ActorRow]:
        """Actors seen in stored articles, most mentioned first; see
        :func:`parley.store.queries.list_actors`."""
        with self._read() as conn:
            return queries.list_actors(conn, self.kb, f, limit, cursor)

    def actor(self, actor_id: str) -> ActorRow:
        """One actor by exact id, with its article and mention counts.

        Raises:
            NotFound: no actor has this id.
        """
        found = self.list_actors(Filters(actor_ids=(actor_id,)), 1).items
        if not found:
            raise NotFound(f"No actor with id {actor_id!r}.")
        return found[0]

    def actor_ids(self, name: str) -> set[str]:
        """Every actor id a person may mean by ``name`` (the id itself, aliases, names)."""
        with self._read() as conn:
            return {name, *queries.resolve_actor(conn, name, self.kb)}

    def list_quotes(
        self, f: Filters = NO_FILTERS, limit: int | None = 50, cursor: str | None = None
    ) -> Page[FoundQuote]:
        """Quotes, newest first; ``f.actor`` is the speaker, ``f.q`` words of the quote."""
        with self._read() as conn:
            return queries.list_quotes(conn, self.kb, f, limit, cursor)

    def list_claims(
        self, f: Filters = NO_FILTERS, limit: int | None = 50, cursor: str | None = None
    ) -> Page[FoundClaim]:
        """Attributed claims, newest first; ``f.actor`` is the reporter, ``f.type`` its kind."""
        with self._read() as conn:
            return queries.list_claims(conn, self.kb, f, limit, cursor)

    def list_events(
        self, f: Filters = NO_FILTERS, limit: int | None = 50, cursor: str | None = None
    ) -> Page[FoundEvent]:
        """Events, newest first, each with the names of its actors; see
        :func:`parley.store.queries.list_events`."""
        with self._read() as conn:
            return queries.list_events(conn, self.kb, f, limit, cursor)

    def list_stories(
        self,
        f: Filters = NO_FILTERS,
        min_sources: int = 1,
        limit: int | None = 50,
        cursor: str | None = None,
    ) -> Page[Story]:
        """Stories seen in at least ``min_sources`` articles, newest first, by PLOVER type
        (``f.type``) and date; one query for the page, one for its members."""
        with self._read() as conn:
            ids = queries.list_story_ids(conn, f, min_sources, limit, cursor)
            found = resolved.select_stories_by_id(conn, ids.items)
        return Page[Story](items=found, next=ids.next)

    def list_tracks(
        self, actor: str | None = None, limit: int | None = 50, cursor: str | None = None
    ) -> Page[TrackRecord]:
        """Tracks by name; ``actor`` (name, alias or id) is a party or mediator."""
        ids = self.actor_ids(actor) if actor else None
        found = [
            rec for rec in self.tracks() if ids is None or ids & {*rec.parties, *rec.mediators}
        ]
        items, nxt = page_of(found, lambda rec: [rec.name, rec.key], limit, cursor)
        return Page[TrackRecord](items=items, next=nxt)

    def list_agreements(
        self,
        actor: str | None = None,
        status: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
    ) -> Page[AgreementRecord]:
        """Agreements by name; ``actor`` is a party, ``status`` the current status."""
        ids = self.actor_ids(actor) if actor else None
        found = [
            rec
            for rec in self.agreements()
            if (ids is None or ids & set(rec.parties))
            and (status is None or (rec.status or "").lower() == status.lower())
        ]
        items, nxt = page_of(found, lambda rec: [rec.name, rec.key], limit, cursor)
        return Page[AgreementRecord](items=items, next=nxt)

    # -- the CLI's lists: the listings above, every row at once ----------------------------

    def actors(
        self, kind: str | None = None, country: str | None = None, q: str | None = None
    ) -> list[ActorRow]:
        """Actors seen in stored articles, most mentioned first (``q``: a name or id)."""
        return self.list_actors(Filters(actor=q, type=kind, country=country), None).items

    def quotes(
        self,
        speaker: str | None = None,
        outlet: str | None = None,
        since: dt.date | None = None,
        limit: int | None = None,
    ) -> list[FoundQuote]:
        """Quotes, optionally by ``speaker`` (a name, alias or actor id), outlet and date."""
        return self.list_quotes(Filters(actor=speaker, outlet=outlet, since=since), limit).items

    def claims(
        self,
        reporter: str | None = None,
        outlet: str | None = None,
        since: dt.date | None = None,
        limit: int | None = None,
    ) -> list[FoundClaim]:
        """Attributed claims, optionally by ``reporter`` (name, alias or id), outlet, date."""
        return self.list_claims(Filters(actor=reporter, outlet=outlet, since=since), limit).items

    def events(
        self,
        type: str | None = None,
        actor: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        status: str | None = None,
        limit: int | None = None,
        hidden_statuses: tuple[str, ...] = (),
    ) -> list[FoundEvent]:
        """Events by PLOVER type, actor (name, alias or id), country (code or name), date
        range and status, without those of ``hidden_statuses`` unless ``status`` asks for
        one; see :func:`parley.store.queries.list_events`."""
        f = Filters(
            type=type,
            actor=actor,
            country=country,
            since=since,
            until=until,
            status=status,
            hidden_statuses=hidden_statuses,
        )
        return self.list_events(f, limit).items

    def stories(
        self, since: dt.date | None = None, min_sources: int = 1, limit: int | None = None
    ) -> list[Story]:
        """Stories seen in at least ``min_sources`` articles, from ``since`` on, newest first."""
        return self.list_stories(Filters(since=since), min_sources, limit).items

    def rejections(self, limit: int | None = None) -> list[Rejection]:
        """Everything that could not be used, most recent first."""
        with self._read() as conn:
            return queries.select_rejections(conn, limit)

    def counts(self) -> dict[str, int]:
        """How many records of each kind are stored."""
        with self._read() as conn:
            return queries.count_rows(conn)

    # -- resolved records (tracks, agreements, stories) ---------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """A write transaction, committed when the block ends (rolled back on an error).

        Resolution (:func:`parley.resolve.refresh_resolved`) reads the analyses and replaces
        the resolved rows through it, so both happen in this one transaction.
        """
        with self.writer.begin() as conn:
            yield Transaction(conn)

    def tracks(self) -> list[TrackRecord]:
        """Every negotiation track, by name, with rounds, positions and agreements."""
        with self._read() as conn:
            return resolved.select_tracks(conn)

    def track(self, name: str) -> TrackRecord:
        """One track by key, name (any case) or the start of its name.

        Raises:
            NotFound: no track, or several, match.
        """
        with self._read() as conn:
            return resolved.select_track(conn, name)

    def agreements(self) -> list[AgreementRecord]:
        """Every agreement with its status timeline, by name."""
        with self._read() as conn:
            return resolved.select_agreements(conn)

    def agreement(self, name: str) -> AgreementRecord:
        """One agreement by name ('New START', 'new start treaty') or the start of its name.

        Raises:
            NotFound: no agreement, or several, match.
        """
        with self._read() as conn:
            return resolved.select_agreement(conn, name)

    def story(self, story_id: str) -> StoryRecord:
        """One story by id, with its member events in report order (each as the events
        listing shows it) and the articles that report it.

        Raises:
            NotFound: no story has this id.
        """
        with self._read() as conn:
            found = resolved.select_stories_by_id(conn, [story_id])
            if not found:
                raise NotFound(
                    f"No story with id {story_id!r}. List stories with 'parley stories'."
                )
            members = queries.events_by_id(conn, found[0].events)
            sources = resolved.select_sources(conn, resolved.story_articles(found[0]))
        articles = [sources[a] for a in resolved.story_articles(found[0]) if a in sources]
        return StoryRecord(**dict(found[0]), members=members, articles=articles)

    def sources(self, article_ids: Iterable[str | None]) -> dict[str, Source]:
        """Outlet, date and title of each stored article among ``article_ids``, to cite it."""
        with self._read() as conn:
            return resolved.select_sources(conn, article_ids)

    def names(self, actor_ids: Iterable[str]) -> dict[str, str]:
        """Actor id → name for the stored actors among ``actor_ids``."""
        with self._read() as conn:
            return queries.actor_names(conn, actor_ids)


_ACTOR_COLUMNS = ("name", "kind", "country", "data")


def _union(first: Sequence[str], second: Sequence[str]) -> list[str]:
    """Both lists' items once each, in order of first appearance."""
    return list(dict.fromkeys([*first, *second]))


def _actor_update(old: sa.Row[Any], row: dict[str, Any]) -> dict[str, Any] | None:
    """The bound values updating ``old`` to ``row`` (roles merged), or None if it would not
    change."""
    data = {**(old.data or {}), "roles": _union(old.data.get("roles", []), row["data"]["roles"])}
    new = {**row, "data": data}
    if all(getattr(old, c) == new[c] for c in _ACTOR_COLUMNS):
        return None
    return {"b_id": old.id, **{f"b_{c}": new[c] for c in _ACTOR_COLUMNS}}


def _alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _analysis(json: dict[str, Any], text: str) -> Analysis:
    data = {**json, "article": {**json["article"], "text": text}}
    return Analysis.model_validate(data)
