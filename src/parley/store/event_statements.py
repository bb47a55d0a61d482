"""The statement of a page of events, built once per shape of request and then reused.

Building a listing's statement in SQLAlchemy costs more than running it: a page of events by
an actor, a country or a date range is a union of branches (one per actor, per arm of the date
test, the days of a range), each a subquery whose columns SQLAlchemy copies and whose cache
key it computes on every call; at a million events that was 2.5 of the 5–8 ms a page took, the
SQL 1–3. The statement depends only on the request's *shape* (which filters are given, how
many actors or days, which way each filter is read, where a cursor holds NULLs), not on its
values, so each shape's statement is built once with every value a named bound parameter and
run again with the new values (:class:`EventShape`, :func:`event_page`): SQLAlchemy then finds
it in its compiled cache without walking it. Values are always bound, never written into SQL.

The rows and their order are those of the statements ``parley.store.queries`` built before
(``tests/test_events_by_date_pages.py``, ``tests/test_search.py`` compare the ways a page can
be read); the names of the values are those :func:`parley.store.queries.list_events` fills in.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from parley.store import schema as t
from parley.store.paging import SortKey, after_values

__all__ = ["EventShape", "event_page", "day_cutoff", "union_of", "RECORD_KEYS", "LINK_KEYS"]

#: Newest article first, then the event's order in its article (the events listing's order).
RECORD_KEYS = (
    SortKey(t.events.c.published_at, descending=True),
    SortKey(t.events.c.article_id),
    SortKey(t.events.c.idx),
)
#: The same order on ``event_actors`` (an actor's newest events, off its index).
LINK_KEYS = (
    SortKey(t.event_actors.c.published_at, descending=True),
    SortKey(t.event_actors.c.article_id),
    SortKey(t.event_actors.c.event_idx),
)


@dataclass(frozen=True)
class EventShape:
    """What a page of events' statement depends on besides its values.

    ``route`` is how the page's candidates are found: ``"plain"`` (the filters on the events
    themselves, read off whichever index SQLite or PostgreSQL picks), ``"actors"`` (the newest
    page of each of ``actors`` actors, plus one of the events placed in the country when
    ``placed``) or ``"dates"`` (a page of each arm of the date test and of each own date in
    the range: ``days`` branches on PostgreSQL, one joined with the JSON list of days on
    SQLite). ``cursor`` tells which of a cursor's values are NULL (None: no cursor).
    """

    dialect: str
    paged: bool
    outlet: bool = False
    type: bool = False
    status: bool = False
    hidden: bool = False
    since: bool = False
    until: bool = False
    cursor: tuple[bool, ...] | None = None
    route: str = "plain"
    actors: int = 0
    placed: bool = False
    in_country: bool = False  # route "actors" by named actors: each branch tests the country
    days: int = 0
    cutoff: tuple[bool, ...] | None = None  # route "dates", SQLite: see day_cutoff
    actor_walk: bool | None = None  # route "plain": ids named (walk the order's index or not)
    country_walk: bool | None = None  # route "plain": a country named


def _bind(name: str, like: sa.ColumnElement[Any] | None = None) -> sa.BindParameter[Any]:
    return sa.bindparam(name, type_=None if like is None else like.type)


def _key(column: sa.ColumnElement[Any], walk: bool | None) -> sa.ColumnElement[Any]:
    """``column``, or the same value with its index hidden from SQLite's planner (a filter
    that matches many rows is tested while walking the listing's order, see queries)."""
    return column.concat("") if walk else column


def _after(shape: EventShape, keys: tuple[SortKey, ...]) -> list[sa.ColumnElement[bool]]:
    """The cursor's condition on ``keys`` (none without a cursor); its values are ``k0``…"""
    if shape.cursor is None:
        return []
    values = [
        None if null else _bind(f"k{i}", k.column)
        for i, (k, null) in enumerate(zip(keys, shape.cursor, strict=True))
    ]
    return [after_values(keys, values)]


def _date_arms(shape: EventShape) -> list[sa.ColumnElement[bool]]:
    """Own date in the range, else undated in an article of the range, else a coarser own
    date containing ``since`` (values ``lo``, ``hi`` as ISO text, ``since``, ``until``,
    ``prefixes``)."""
    if not (shape.since or shape.until):
        return []
    e = t.events.c
    own = [e.date_value >= _bind("lo", e.date_value)] if shape.since else []
    own += [e.date_value <= _bind("hi", e.date_value)] if shape.until else []
    article = [e.published_at >= _bind("since", e.published_at)] if shape.since else []
    article += [e.published_at <= _bind("until", e.published_at)] if shape.until else []
    arms = [sa.and_(*own), sa.and_(e.date_value.is_(None), *article)]
    if shape.since:
        prefixes = sa.bindparam("prefixes", expanding=True, type_=e.date_value.type)
        arms.append(sa.and_(e.date_value.in_(prefixes), *own[1:]))
    return arms


def _conditions(shape: EventShape, dates: bool) -> list[sa.ColumnElement[bool]]:
    """The filters on the events themselves (outlet, type, status; dates when ``dates``)."""
    e = t.events.c
    out: list[sa.ColumnElement[bool]] = []
    if shape.outlet:
        out.append(sa.func.lower(e.outlet) == _bind("outlet", e.outlet))
    if shape.type:
        out.append(e.type == _bind("type", e.type))
    if shape.status:
        out.append(e.status == _bind("status", e.status))
    elif shape.hidden:
        out.append(e.status.not_in(sa.bindparam("hidden", expanding=True, type_=e.status.type)))
    arms = _date_arms(shape) if dates else []
    if arms:
        out.append(sa.or_(*arms))
    return out


def _in_country(walk: bool | None) -> sa.ColumnElement[bool]:
    """Placed in the country ``code`` or involving one of its actors."""
    e, ea, ac = t.events, t.event_actors, t.actors
    code = _bind("code", ac.c.country)
    involved = (
        sa.select(ea.c.event_id).join(ac, ac.c.id == ea.c.actor_id).where(ac.c.country == code)
    )
    return sa.or_(_key(e.c.place_country, walk) == code, _key(e.c.id, walk).in_(involved))


def _branch(shape: EventShape, keys: tuple[SortKey, ...], query: sa.Select[Any]) -> sa.Select[Any]:
    """``query``'s first ``limit`` distinct rows in ``keys`` order, after the cursor."""
    ordered = query.where(*_after(shape, keys)).distinct().order_by(*(k.order() for k in keys))
    return ordered.limit(_bind("limit", t.events.c.idx))


def union_of(branches: list[sa.Select[Any]]) -> sa.Select[Any]:
    """(article_id, idx) of the first ``limit`` rows of all branches (selects of
    ``published_at``, ``article_id``, ``idx``) together, in listing order."""
    names = ("published_at", "article_id", "idx")
    subqueries = [b.subquery() for b in branches]
    selects = [sa.select(*(q.c[n] for n in names)) for q in subqueries]
    union = (sa.union(*selects) if len(selects) > 1 else selects[0]).subquery()
    order = [union.c.published_at.desc().nulls_last(), union.c.article_id, union.c.idx]
    picked = sa.select(union.c.article_id, union.c.idx).order_by(*order)
    return picked.limit(_bind("limit", t.events.c.idx))


def _by_actors(shape: EventShape) -> sa.Select[Any]:
    """Route "actors": each actor's (``a0``…) newest events off ``event_actors``' index."""
    e, ea = t.events, t.event_actors
    conds = _conditions(shape, dates=True)
    if shape.in_country:
        conds.append(_in_country(None))
    on = sa.and_(e.c.article_id == ea.c.article_id, e.c.idx == ea.c.event_idx)
    linked = sa.select(ea.c.published_at, ea.c.article_id, ea.c.event_idx.label("idx")).join(e, on)
    actors = [ea.c.actor_id == _bind(f"a{i}", ea.c.actor_id) for i in range(shape.actors)]
    branches = [_branch(shape, LINK_KEYS, linked.where(a, *conds)) for a in actors]
    if shape.placed:
        placed = sa.select(e.c.published_at, e.c.article_id, e.c.idx)
        code = _bind("code", e.c.place_country)
        branches.append(
            _branch(shape, RECORD_KEYS, placed.where(e.c.place_country == code, *conds))
        )
    if not branches:
        return sa.select(e.c.article_id, e.c.idx).where(sa.false())
    return union_of(branches)


def _days() -> sa.TableValuedAlias:
    """The JSON list of days ``days`` as a table (SQLite's ``json_each``)."""
    days = sa.func.json_each(sa.bindparam("days", type_=sa.Text))
    return days.table_valued("value").alias("day")


def _day_page(shape: EventShape, day: sa.TableValuedAlias) -> sa.Select[Any]:
    """The row ids of a day's events in listing order after the cursor, off the (date,
    listing order) index alone (the row id is in every index), correlated with ``day``."""
    e = t.events
    rowid: sa.ColumnClause[int] = sa.literal_column("events.rowid", sa.Integer)
    conds = [*_conditions(shape, dates=False), *_after(shape, RECORD_KEYS)]
    page = sa.select(rowid).where(e.c.date_value == day.c.value, *conds)
    return page.order_by(*(k.order() for k in RECORD_KEYS)).correlate(day)


def _each_day(shape: EventShape) -> sa.Select[Any]:
    """(SQLite) The first page of each day of the JSON list ``days``, as one branch: the days
    joined with a correlated page of each day's events; only those not after the cutoff
    (values ``c0``…, see :func:`day_cutoff`), so that a range of busy days looks up about a
    page of events rather than a page of each day."""
    found, day = t.events.alias("found"), _days()
    page = _day_page(shape, day).limit(_bind("limit", t.events.c.idx))
    if shape.cutoff is not None:
        nulls = zip(RECORD_KEYS, shape.cutoff, strict=True)
        cut = [None if null else _bind(f"c{i}", k.column) for i, (k, null) in enumerate(nulls)]
        page = page.where(sa.not_(after_values(RECORD_KEYS, cut)))
        if cut[0] is not None:  # the same test, as a range SQLite reads the index by
            page = page.where(RECORD_KEYS[0].column >= cut[0])
    joined = day.join(found, sa.literal_column("found.rowid").in_(page))
    return sa.select(found.c.published_at, found.c.article_id, found.c.idx).select_from(joined)


@functools.lru_cache(maxsize=128)
def day_cutoff(shape: EventShape) -> sa.Select[Any]:
    """(SQLite, route "dates") The key of the row a page cannot reach past: of each day's
    ``nth`` event after the cursor (from 0; ``nth`` is the page's size, so the one after a
    page), the first in listing order. That day alone has more than a page of events up to
    it, so no event after it is on the page, whichever day it is of. One row id per day is
    read off the index and looked up; the day pages then read up to it (in a range of busy
    days, about one page in all) instead of a page of every day."""
    found, day = t.events.alias("found"), _days()
    nth = _day_page(shape, day).limit(1).offset(_bind("nth", t.events.c.idx))
    joined = day.join(found, sa.literal_column("found.rowid") == nth.scalar_subquery())
    keys = (found.c.published_at, found.c.article_id, found.c.idx)
    order = (keys[0].desc().nulls_last(), keys[1], keys[2])
    return sa.select(*keys).select_from(joined).order_by(*order).limit(1)


def _by_dates(shape: EventShape) -> sa.Select[Any]:
    """Route "dates": a page of each arm of the date test but the range (undated, coarser
    date) and of each own date in the range (``d0``… on PostgreSQL, ``days`` on SQLite)."""
    e = t.events
    conds = _conditions(shape, dates=False)
    _, *arms = _date_arms(shape)
    keyed = sa.select(e.c.published_at, e.c.article_id, e.c.idx)
    branches = [_branch(shape, RECORD_KEYS, keyed.where(arm, *conds)) for arm in arms]
    if shape.dialect == "sqlite":
        branches.append(_each_day(shape))
    else:
        days = [e.c.date_value == _bind(f"d{i}", e.c.date_value) for i in range(shape.days)]
        branches += [_branch(shape, RECORD_KEYS, keyed.where(d, *conds)) for d in days]
    return union_of(branches)


def _picked(shape: EventShape, picked: sa.Select[Any]) -> sa.ColumnElement[bool]:
    """The events whose (article_id, idx) ``picked`` lists; on SQLite by their id, which
    looks each one up once (see ``parley.store.queries._picked_events``)."""
    e = t.events
    if shape.dialect != "sqlite":
        return sa.tuple_(e.c.article_id, e.c.idx).in_(picked)
    listed = picked.subquery()
    ids = listed.c.article_id + "#" + sa.cast(listed.c.idx, sa.Text)
    return e.c.id.in_(sa.select(ids))


def _plain(shape: EventShape) -> list[sa.ColumnElement[bool]]:
    """Route "plain": the actor (``ids``) and country (``code``) tests on each event."""
    e, ea = t.events, t.event_actors
    out: list[sa.ColumnElement[bool]] = []
    if shape.actor_walk is not None:
        ids = sa.bindparam("ids", expanding=True, type_=ea.c.actor_id.type)
        of_actor = sa.select(ea.c.event_id).where(ea.c.actor_id.in_(ids))
        out.append(_key(e.c.id, shape.actor_walk).in_(of_actor))
    if shape.country_walk is not None:
        out.append(_in_country(shape.country_walk))
    arms = _date_arms(shape)
    if arms:
        out.append(sa.or_(*arms))
    return out


@functools.lru_cache(maxsize=512)
def event_page(shape: EventShape) -> sa.Select[Any]:
    """The statement of a page of events of ``shape``: each event's article id, index,
    outlet, date, title and stored JSON, in listing order, ``limit`` rows when paged."""
    e, a = t.events, t.articles
    query = sa.select(
        e.c.article_id, e.c.idx, e.c.outlet, e.c.published_at, a.c.title, e.c.data
    ).join(a, a.c.id == e.c.article_id)
    query = query.where(*_conditions(shape, dates=False))
    if shape.route == "actors":
        query = query.where(_picked(shape, _by_actors(shape)))
    elif shape.route == "dates":
        query = query.where(_picked(shape, _by_dates(shape)))
    else:
        query = query.where(*_plain(shape))
    query = query.order_by(*(k.order() for k in RECORD_KEYS)).where(*_after(shape, RECORD_KEYS))
    return query.limit(_bind("limit", e.c.idx)) if shape.paged else query
