"""Paginated, filtered listings over the store's tables, for the API and the web pages.

Every listing is one indexed query (plus one to name the actors of a page of events), ordered by
a total key so cursors (:mod:`parley.serve.paging`) are stable. Items have the JSON shape of
:meth:`parley.store.queries.Found.to_json`, so the API, ``parley … --json`` and exports agree.
Text search (``q``) goes through the full-text indexes of :mod:`parley.store.search` (SQLite
FTS5, PostgreSQL GIN), never a scan of the text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from pydantic import BaseModel

from parley.models import Attribution, Event, Quote
from parley.serve.paging import SortKey, after, encode_cursor
from parley.store import schema as t
from parley.store.queries import (
    Found,
    actor_counts,
    country_code,
    in_country,
    resolve_actor,
    where_published,
)
from parley.store.resolved import select_stories_by_id
from parley.store.search import text_matches

if TYPE_CHECKING:
    from parley.kb import KnowledgeBase

__all__ = [
    "Filters",
    "Page",
    "list_articles",
    "list_recent_articles",
    "list_quotes",
    "list_claims",
    "list_events",
    "events_by_id",
    "list_stories",
    "list_actors",
    "search_articles",
    "actor_names",
]

Item = dict[str, Any]


@dataclass(frozen=True)
class Filters:
    """What a listing may be narrowed by; each is optional and ANDed with the others.

    ``actor`` is a name, alias or id as a person types it; ``actor_ids`` are exact ids (the
    actor page uses them so "Iran" does not also match "Iranian Foreign Ministry").
    """

    actor: str | None = None
    actor_ids: tuple[str, ...] = ()
    country: str | None = None
    type: str | None = None
    status: str | None = None
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None


@dataclass
class Page:
    """One page of a listing: its items and the cursor of the next page (None at the end)."""

    items: list[Item] = field(default_factory=list)
    next: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"items": self.items, "next": self.next}


def _page(
    conn: sa.Connection,
    query: sa.Select[Any],
    keys: Sequence[SortKey],
    key_names: Sequence[str],
    limit: int,
    cursor: str | None,
    to_item: Callable[[sa.Row[Any]], Item],
) -> Page:
    """Run ``query`` ordered by ``keys`` from ``cursor``; one extra row tells if more remain."""
    query = query.order_by(*(k.order() for k in keys))
    if cursor:
        query = query.where(after(keys, cursor))
    rows = list(conn.execute(query.limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor([getattr(rows[-1], n) for n in key_names]) if more and rows else None
    return Page([to_item(r) for r in rows], nxt)


def _ids(conn: sa.Connection, f: Filters, kb: KnowledgeBase | None) -> list[str] | None:
    """Actor ids the filters name, or None when they name no actor."""
    if f.actor_ids:
        return list(f.actor_ids)
    if f.actor:
        return resolve_actor(conn, f.actor, kb)
    return None


def _article_where(query: sa.Select[Any], f: Filters) -> sa.Select[Any]:
    return where_published(query, t.articles, f.outlet, f.since, f.until)


# -- articles ----------------------------------------------------------------------------------

_ARTICLE_COLUMNS = ("id", "title", "outlet", "url", "published_at", "dateline", "language")


def _article_item(r: sa.Row[Any]) -> Item:
    item: Item = {c: getattr(r, c) for c in _ARTICLE_COLUMNS}
    item["published_at"] = r.published_at.isoformat() if r.published_at else None
    return item


def _articles_query(conn: sa.Connection, f: Filters, kb: KnowledgeBase | None) -> sa.Select[Any]:
    a, m = t.articles, t.mentions
    query = _article_where(sa.select(*(a.c[c] for c in _ARTICLE_COLUMNS), a.c.ingested_at), f)
    ids = _ids(conn, f, kb)
    if ids is not None:
        query = query.where(a.c.id.in_(sa.select(m.c.article_id).where(m.c.actor_id.in_(ids))))
    if f.country:
        code = country_code(f.country, kb)
        in_country = sa.select(m.c.article_id).join(t.actors, t.actors.c.id == m.c.actor_id)
        query = query.where(a.c.id.in_(in_country.where(t.actors.c.country == code)))
    return query


def list_articles(
    conn: sa.Connection, kb: KnowledgeBase | None, f: Filters, limit: int, cursor: str | None
) -> Page:
    """Articles, newest publication date first (undated last), without their text."""
    keys = (SortKey(t.articles.c.published_at, descending=True), SortKey(t.articles.c.id))
    query = _articles_query(conn, f, kb)
    return _page(conn, query, keys, ("published_at", "id"), limit, cursor, _article_item)


def list_recent_articles(conn: sa.Connection, limit: int) -> list[Item]:
    """The articles stored most recently (what changed since a person last looked)."""
    a = t.articles
    query = (
        sa.select(*(a.c[c] for c in _ARTICLE_COLUMNS))
        .order_by(a.c.ingested_at.desc(), a.c.id)
        .limit(limit)
    )
    return [_article_item(r) for r in conn.execute(query)]


def search_articles(conn: sa.Connection, f: Filters, limit: int, cursor: str | None) -> Page:
    """Articles whose title or text holds the words of ``f.q`` as a phrase (full-text index,
    see :mod:`parley.store.search`), newest first."""
    a = t.articles
    query = _article_where(sa.select(*(a.c[c] for c in _ARTICLE_COLUMNS)), f).where(
        text_matches(conn.dialect.name, a, f.q or "")
    )
    keys = (SortKey(a.c.published_at, descending=True), SortKey(a.c.id))
    return _page(conn, query, keys, ("published_at", "id"), limit, cursor, _article_item)


# -- records found in articles -----------------------------------------------------------------


def _with_article(table: sa.Table) -> sa.Select[Any]:
    # Date and outlet come from the record's own copies (indexed); the join only adds the
    # title of the page's rows.
    a = t.articles
    return sa.select(
        table.c.article_id,
        table.c.idx,
        table.c.outlet,
        table.c.published_at,
        a.c.title,
        table.c.data,
    ).join(a, a.c.id == table.c.article_id)


def _record_where(query: sa.Select[Any], table: sa.Table, f: Filters) -> sa.Select[Any]:
    """Outlet and publication-date filters on a record table's own copies of them."""
    return where_published(query, table, f.outlet, f.since, f.until)


def _record_keys(table: sa.Table) -> tuple[SortKey, ...]:
    return (
        SortKey(table.c.published_at, descending=True),
        SortKey(table.c.article_id),
        SortKey(table.c.idx),
    )


_RECORD_KEY_NAMES = ("published_at", "article_id", "idx")


def _found_item(model: type[BaseModel]) -> Callable[[sa.Row[Any]], Item]:
    def item(r: sa.Row[Any]) -> Item:
        record = model.model_validate(r.data)
        return Found(r.article_id, r.idx, r.outlet, r.published_at, r.title, record).to_json()

    return item


def _who(
    column: sa.Column[Any], text: sa.Column[Any], ids: list[str], f: Filters
) -> sa.ColumnElement[bool]:
    """Rows said by one of ``ids``, or (for a typed name) whose unresolved speaker's surface
    text contains it.

    A row resolved to another actor is not matched by text ("Iran" must not match the
    "Iranian foreign ministry"), and keeping the text test to unresolved rows lets both
    branches use the index on ``column``.
    """
    if f.actor_ids or not f.actor:
        return column.in_(ids)
    by_text = sa.and_(column.is_(None), text.icontains(f.actor, autoescape=True))
    return sa.or_(column.in_(ids), by_text) if ids else by_text


def list_quotes(
    conn: sa.Connection, kb: KnowledgeBase | None, f: Filters, limit: int, cursor: str | None
) -> Page:
    """Quotes, newest article first; by speaker (``actor``), outlet, dates and words (``q``)."""
    q = t.quotes
    query = _record_where(_with_article(q), q, f)
    ids = _ids(conn, f, kb)
    if ids is not None:
        query = query.where(_who(q.c.speaker_actor_id, q.c.speaker_text, ids, f))
    if f.q:
        query = query.where(text_matches(conn.dialect.name, q, f.q))
    return _page(conn, query, _record_keys(q), _RECORD_KEY_NAMES, limit, cursor, _found_item(Quote))


def list_claims(
    conn: sa.Connection, kb: KnowledgeBase | None, f: Filters, limit: int, cursor: str | None
) -> Page:
    """Attributed claims, newest article first; by reporter (``actor``), reporter kind
    (``type``: outlet, anonymous, …), outlet, dates and words (``q``)."""
    c = t.attributions
    query = _record_where(_with_article(c), c, f)
    ids = _ids(conn, f, kb)
    if ids is not None:
        query = query.where(_who(c.c.reporter_actor_id, c.c.reporter_text, ids, f))
    if f.type:
        query = query.where(c.c.reporter_kind == f.type.lower())
    if f.q:
        query = query.where(text_matches(conn.dialect.name, c, f.q))
    page = _page(
        conn, query, _record_keys(c), _RECORD_KEY_NAMES, limit, cursor, _found_item(Attribution)
    )
    return page


def _prefixes(day: str) -> list[str]:
    return [day[:i] for i in range(1, len(day) + 1)]


def _event_dates(query: sa.Select[Any], f: Filters) -> sa.Select[Any]:
    """Events whose own date (else their article's) falls in ``since``..``until``.

    Dates are ISO strings, which order like dates; a coarser date that contains ``since``
    ('2026-02' for 2026-02-15) counts too, i.e. one that is a prefix of it. Each branch of the
    OR is a range or equality on an index of ``(date_value, published_at)``.
    """
    if not (f.since or f.until):
        return query
    e = t.events.c
    lo, hi = (f.since.isoformat() if f.since else None), (f.until.isoformat() if f.until else None)
    own = [e.date_value >= lo] if lo else []
    own += [e.date_value <= hi] if hi else []
    article = [e.published_at >= f.since] if f.since else []
    article += [e.published_at <= f.until] if f.until else []
    branches = [sa.and_(*own), sa.and_(e.date_value.is_(None), *article)]
    if lo:
        branches.append(sa.and_(e.date_value.in_(_prefixes(lo)), *own[1:]))
    return query.where(sa.or_(*branches))


def _events_query(conn: sa.Connection, kb: KnowledgeBase | None, f: Filters) -> sa.Select[Any]:
    e, ea = t.events, t.event_actors
    # Dates are not the article's alone here: _event_dates filters them.
    query = where_published(_with_article(e), e, f.outlet, since=None)
    if f.type:
        query = query.where(e.c.type == f.type.upper())
    if f.status:
        query = query.where(e.c.status == f.status.lower())
    ids = _ids(conn, f, kb)
    if ids is not None:
        query = query.where(e.c.id.in_(sa.select(ea.c.event_id).where(ea.c.actor_id.in_(ids))))
    if f.country:
        query = query.where(in_country(country_code(f.country, kb)))
    return _event_dates(query, f)


def list_events(
    conn: sa.Connection, kb: KnowledgeBase | None, f: Filters, limit: int, cursor: str | None
) -> Page:
    """Events, newest article first, with ``names`` mapping each actor id to its name.

    ``actor`` matches source, target or mediator; ``country`` the place or any actor's country;
    ``since``/``until`` the event's own date when known, else the article's.
    """
    e = t.events
    query = _events_query(conn, kb, f)
    page = _page(conn, query, _record_keys(e), _RECORD_KEY_NAMES, limit, cursor, _found_item(Event))
    return _named(conn, page)


# -- stories -----------------------------------------------------------------------------------


def list_stories(
    conn: sa.Connection, f: Filters, min_sources: int, limit: int, cursor: str | None
) -> Page:
    """Stories seen in at least ``min_sources`` articles, newest first; by PLOVER type and
    date (``since``/``until`` compare the story's ISO date, so '2026-02' is before
    2026-02-01). One keyset query for the page, one for its members."""
    s = t.stories.c
    query = sa.select(s.id, s.date).where(s.article_count >= min_sources)
    if f.type:
        query = query.where(s.type == f.type.upper())
    if f.since:
        query = query.where(s.date >= f.since.isoformat())
    if f.until:
        query = query.where(s.date <= f.until.isoformat())
    keys = (SortKey(s.date, descending=True), SortKey(s.id))
    page = _page(conn, query, keys, ("date", "id"), limit, cursor, lambda r: {"id": r.id})
    found = select_stories_by_id(conn, [it["id"] for it in page.items])
    return Page([story.model_dump(mode="json") for story in found], page.next)


def _named(conn: sa.Connection, page: Page) -> Page:
    """Give each event item a ``names`` map of its actor ids (one query for the page)."""
    wanted = {a for it in page.items for r in ("source", "target", "mediator") for a in it[r]}
    names = actor_names(conn, wanted)
    for item in page.items:
        ids = [*item["source"], *item["target"], *item["mediator"]]
        item["names"] = {a: names.get(a, a) for a in ids}
    return page


def events_by_id(conn: sa.Connection, ids: Sequence[str]) -> list[Item]:
    """The events with these ids (``article_id#index``, as a story lists them), in that
    order, shaped like :func:`list_events` items; two queries whatever their number."""
    e = t.events
    wanted = list(dict.fromkeys(ids))
    rows = {
        r.id: r
        for i in range(0, len(wanted), 500)
        for r in conn.execute(
            _with_article(e).add_columns(e.c.id).where(e.c.id.in_(wanted[i : i + 500]))
        )
    }
    to_item = _found_item(Event)
    return _named(conn, Page([to_item(rows[i]) for i in wanted if i in rows])).items


def actor_names(conn: sa.Connection, ids: set[str] | Sequence[str]) -> dict[str, str]:
    """Names of the actors with these ids (one query)."""
    if not ids:
        return {}
    query = sa.select(t.actors.c.id, t.actors.c.name).where(t.actors.c.id.in_(list(ids)))
    return {r.id: r.name for r in conn.execute(query)}


# -- actors ------------------------------------------------------------------------------------


def _actor_item(r: sa.Row[Any]) -> Item:
    return {
        "id": r.id,
        "name": r.name,
        "kind": r.kind,
        "country": r.country,
        "roles": list((r.data or {}).get("roles", [])),
        "articles": int(r.n_articles),
        "mentions": int(r.n_mentions),
    }


def _actors_query(conn: sa.Connection, kb: KnowledgeBase | None, f: Filters) -> sa.Subquery:
    ac = t.actors
    seen = actor_counts()
    query = sa.select(
        ac,
        sa.func.coalesce(seen.c.n_articles, 0).label("n_articles"),
        sa.func.coalesce(seen.c.n_mentions, 0).label("n_mentions"),
    ).outerjoin(seen, seen.c.actor_id == ac.c.id)
    if f.type:
        query = query.where(ac.c.kind == f.type.lower())
    if f.country:
        query = query.where(ac.c.country == country_code(f.country, kb))
    ids = _ids(conn, f, kb)
    if ids is not None:
        query = query.where(ac.c.id.in_(ids))
    return query.subquery()


def list_actors(
    conn: sa.Connection, kb: KnowledgeBase | None, f: Filters, limit: int, cursor: str | None
) -> Page:
    """Actors seen in stored articles, most mentioned first; by kind (``type``), country, name."""
    sub = _actors_query(conn, kb, f)
    keys = (SortKey(sub.c.n_mentions, descending=True), SortKey(sub.c.id))
    query = sa.select(sub)
    return _page(conn, query, keys, ("n_mentions", "id"), limit, cursor, _actor_item)
