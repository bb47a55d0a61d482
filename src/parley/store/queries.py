"""Read queries over the store: every filter is a bound parameter on an indexed column.

Results are the records of :mod:`parley.models`, rebuilt from the JSON kept with each row, paired
with where they were found (:class:`Found`), so a query returns exactly what extraction produced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel

from parley.kb import alias_key
from parley.models import ActorInText, Attribution, Event, Quote, Rejection
from parley.store import schema as t
from parley.store.rows import from_db_time

if TYPE_CHECKING:
    from parley.kb import KnowledgeBase

__all__ = [
    "Found",
    "ActorSummary",
    "country_code",
    "resolve_actor",
    "select_quotes",
    "select_claims",
    "select_events",
    "select_actors",
    "select_rejections",
    "count_rows",
    "where_published",
    "in_country",
    "actor_counts",
]

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class Found(Generic[R]):
    """A record and the article it was found in."""

    article_id: str
    index: int
    outlet: str | None
    published_at: dt.date | None
    title: str | None
    record: R

    def to_json(self) -> dict[str, Any]:
        """The record's JSON with the article's id, outlet, date and title alongside."""
        return {
            **self.record.model_dump(mode="json"),
            "article_id": self.article_id,
            "index": self.index,
            "outlet": self.outlet,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "title": self.title,
        }


@dataclass(frozen=True)
class ActorSummary:
    """An actor of the store with the number of articles and mentions that refer to it."""

    actor: ActorInText
    articles: int
    mentions: int


def country_code(value: str, kb: KnowledgeBase | None = None) -> str:
    """An ISO 3166-1 alpha-3 code for a code or a country name ('Ukraine', 'UA' → 'UKR').

    Names are looked up among the knowledge base's states first (which knows 'Russia'), then in
    ISO 3166 via pycountry; anything else is returned upper-cased, to match nothing quietly.
    """
    import pycountry

    if len(value) == 3 and value.isalpha():
        return value.upper()
    states = [a.country for a in (kb.lookup(value) if kb else []) if a.kind == "state"]
    if states and states[0]:
        return states[0]
    try:
        return str(pycountry.countries.lookup(value).alpha_3)
    except LookupError:
        return value.upper()


def resolve_actor(conn: sa.Connection, name: str, kb: KnowledgeBase | None) -> list[str]:
    """Actor ids a person may mean by ``name``: an exact id, KB aliases, or a name substring."""
    ids: list[str] = []
    if conn.execute(sa.select(t.actors.c.id).where(t.actors.c.id == name)).first():
        ids.append(name)
    if kb is not None:
        ids.extend(a.id for a in kb.lookup(name))
    needle = alias_key(name) or name.lower()
    query = sa.select(t.actors.c.id).where(
        sa.func.lower(t.actors.c.name).contains(needle, autoescape=True)
    )
    ids.extend(conn.execute(query).scalars())
    return list(dict.fromkeys(ids))


def _with_article(table: sa.Table) -> sa.Select[Any]:
    """A record table's rows, newest first, with the article's title.

    Date and outlet come from the record's own copies (indexed, see migration 0003), so the
    sort needs no join; the join only adds the title.
    """
    a = t.articles
    return (
        sa.select(
            table.c.article_id,
            table.c.idx,
            table.c.outlet,
            table.c.published_at,
            a.c.title,
            table.c.data,
        )
        .join(a, a.c.id == table.c.article_id)
        .order_by(table.c.published_at.desc().nulls_last(), table.c.article_id, table.c.idx)
    )


def where_published(
    query: sa.Select[Any],
    table: sa.Table,
    outlet: str | None,
    since: dt.date | None,
    until: dt.date | None = None,
) -> sa.Select[Any]:
    """Narrow ``query`` by ``table``'s own ``outlet`` (any case) and ``published_at`` range.

    Serves ``articles`` and the record tables alike: both carry the two columns.
    """
    if outlet:
        query = query.where(sa.func.lower(table.c.outlet) == outlet.lower())
    if since:
        query = query.where(table.c.published_at >= since)
    if until:
        query = query.where(table.c.published_at <= until)
    return query


def _found(conn: sa.Connection, query: sa.Select[Any], model: type[R]) -> list[Found[R]]:
    return [
        Found(r.article_id, r.idx, r.outlet, r.published_at, r.title, model.model_validate(r.data))
        for r in conn.execute(query)
    ]


def _who(
    column: sa.Column[Any], text: sa.Column[Any], ids: Sequence[str], name: str
) -> sa.ColumnElement[bool]:
    """Rows whose resolved actor is one of ``ids`` or whose surface text contains ``name``."""
    by_text = sa.func.lower(text).contains(name.lower(), autoescape=True)
    return sa.or_(column.in_(ids), by_text) if ids else by_text


def select_quotes(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    speaker: str | None = None,
    outlet: str | None = None,
    since: dt.date | None = None,
    limit: int | None = None,
) -> list[Found[Quote]]:
    """Quotes, newest article first, optionally by speaker (name or id), outlet and date."""
    q = t.quotes
    query = where_published(_with_article(q), q, outlet, since).limit(limit)
    if speaker:
        ids = resolve_actor(conn, speaker, kb)
        query = query.where(_who(q.c.speaker_actor_id, q.c.speaker_text, ids, speaker))
    return _found(conn, query, Quote)


def select_claims(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    reporter: str | None = None,
    outlet: str | None = None,
    since: dt.date | None = None,
    limit: int | None = None,
) -> list[Found[Attribution]]:
    """Attributed claims, newest article first, optionally by reporter, outlet and date."""
    c = t.attributions
    query = where_published(_with_article(c), c, outlet, since).limit(limit)
    if reporter:
        ids = resolve_actor(conn, reporter, kb)
        query = query.where(_who(c.c.reporter_actor_id, c.c.reporter_text, ids, reporter))
    return _found(conn, query, Attribution)


def select_events(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    *,
    type: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[Found[Event]]:
    """Events, newest first, filtered by PLOVER type, actor, country, date and status.

    ``actor`` matches events whose source, target or mediator is that actor; ``country``
    matches the place of the event or the country of any actor involved. Dates compare the
    event's own date when known, else the article's publication date.
    """
    e, ea = t.events, t.event_actors
    query = _with_article(e).limit(limit)
    if type:
        query = query.where(e.c.type == type.upper())
    if status:
        query = query.where(e.c.status == status.lower())
    if actor:
        ids = resolve_actor(conn, actor, kb)
        query = query.where(e.c.id.in_(sa.select(ea.c.event_id).where(ea.c.actor_id.in_(ids))))
    if country:
        query = query.where(in_country(country_code(country, kb)))
    return _found(conn, _event_dates(query, since, until), Event)


def in_country(code: str) -> sa.ColumnElement[bool]:
    """Events placed in the country with ISO3 ``code`` or involving one of its actors."""
    e, ea, ac = t.events, t.event_actors, t.actors
    involved = (
        sa.select(ea.c.event_id).join(ac, ac.c.id == ea.c.actor_id).where(ac.c.country == code)
    )
    return sa.or_(e.c.place_country == code, e.c.id.in_(involved))


def _event_dates(
    query: sa.Select[Any], since: dt.date | None, until: dt.date | None
) -> sa.Select[Any]:
    # ISO strings order like dates, so one comparison serves day, month and year precision.
    day = sa.func.coalesce(t.events.c.date_value, sa.cast(t.events.c.published_at, sa.String))
    if since:
        start = since.isoformat()
        # A coarser value that contains ``since`` ('2026-02' for 2026-02-15) still counts.
        query = query.where(sa.or_(day >= start, sa.literal(start, sa.String).like(day + "%")))
    if until:
        query = query.where(day <= until.isoformat())
    return query


def actor_counts() -> sa.Subquery:
    """Per actor id: how many articles mention it (``n_articles``) and how often
    (``n_mentions``). A subquery, because PostgreSQL cannot GROUP BY a json column."""
    m = t.mentions
    return (
        sa.select(
            m.c.actor_id,
            sa.func.count(sa.distinct(m.c.article_id)).label("n_articles"),
            sa.func.count().label("n_mentions"),
        )
        .group_by(m.c.actor_id)
        .subquery()
    )


def select_actors(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    kind: str | None = None,
    country: str | None = None,
    q: str | None = None,
) -> list[ActorSummary]:
    """Actors seen in stored articles, most-mentioned first."""
    ac = t.actors
    seen = actor_counts()
    n_mentions = sa.func.coalesce(seen.c.n_mentions, 0)
    query = (
        sa.select(
            ac,
            sa.func.coalesce(seen.c.n_articles, 0).label("n_articles"),
            n_mentions.label("n_mentions"),
        )
        .outerjoin(seen, seen.c.actor_id == ac.c.id)
        .order_by(n_mentions.desc(), ac.c.name)
    )
    if kind:
        query = query.where(ac.c.kind == kind.lower())
    if country:
        query = query.where(ac.c.country == country_code(country, kb))
    if q:
        query = query.where(ac.c.id.in_(resolve_actor(conn, q, kb)))
    return [_summary(r) for r in conn.execute(query)]


def _summary(r: sa.Row[Any]) -> ActorSummary:
    actor = ActorInText(
        id=r.id, name=r.name, kind=r.kind, country=r.country, roles=r.data.get("roles", [])
    )
    return ActorSummary(actor, r.n_articles, r.n_mentions)


def select_rejections(conn: sa.Connection, limit: int | None = None) -> list[Rejection]:
    """Rejections, most recent first."""
    r = t.rejections
    query = sa.select(r).order_by(r.c.at.desc(), r.c.id.desc()).limit(limit)
    return [
        Rejection(
            source=row.source,
            stage=row.stage,
            reason=row.reason,
            at=from_db_time(row.at),
            article_id=row.article_id,
        )
        for row in conn.execute(query)
    ]


def count_rows(conn: sa.Connection) -> dict[str, int]:
    """How many records of each kind the store holds."""
    tables = {
        "articles": t.articles,
        "actors": t.actors,
        "mentions": t.mentions,
        "quotes": t.quotes,
        "claims": t.attributions,
        "events": t.events,
        "rejections": t.rejections,
    }
    return {
        name: int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
        for name, table in tables.items()
    }
