"""The one query layer: filtered, cursor-paged listings over the store's tables.

Every listing is one indexed query (plus one to name the actors of a page of events), ordered by
a total key so cursors (:mod:`parley.store.paging`) are stable, and answers the view models of
:mod:`parley.models`. The CLI, the web pages and the API all call these through
:class:`parley.store.Store`, so a page and its JSON twin come from the same query. Text search
(``q``) goes through the full-text indexes of :mod:`parley.store.search` (SQLite FTS5,
PostgreSQL GIN), never a scan of the text.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa

from parley.kb import alias_key
from parley.knowledge import places
from parley.models import (
    ActorRow,
    ArticleRow,
    FoundClaim,
    FoundEvent,
    FoundIn,
    FoundQuote,
    Page,
    Rejection,
)
from parley.store import schema as t
from parley.store.event_statements import (
    RECORD_KEYS,
    EventShape,
    day_cutoff,
    event_page,
    union_of,
)
from parley.store.paging import (
    BadCursor,
    SortKey,
    after,
    after_values,
    cursor_values,
    decode_cursor,
    encode_cursor,
)
from parley.store.rows import from_db_time
from parley.store.search import (
    DAY_SPAN,
    day_number,
    fts_phrase,
    sqlite_hits,
    sqlite_nth_hit,
    sqlite_window,
    text_matches,
)

if TYPE_CHECKING:
    from parley.kb import KnowledgeBase

__all__ = [
    "Filters",
    "UNCERTAIN_STATUSES",
    "country_code",
    "resolve_actor",
    "where_published",
    "list_articles",
    "recent_articles",
    "search_articles",
    "list_quotes",
    "list_claims",
    "list_events",
    "events_by_id",
    "list_story_ids",
    "list_actors",
    "actor_names",
    "select_rejections",
    "count_rows",
]

T = TypeVar("T")
F = TypeVar("F", bound=FoundIn)


# What an event listing leaves out unless asked for everything: events that did not happen or
# might happen are judged wrong far more often than the rest (docs/review/events.md).
UNCERTAIN_STATUSES = ("negated", "hypothetical")


@dataclass(frozen=True)
class Filters:
    """What a listing may be narrowed by; each is optional and ANDed with the others.

    ``actor`` is a name, alias or id as a person types it; ``actor_ids`` are exact ids (the
    actor page uses them so "Iran" does not also match "Iranian Foreign Ministry"). ``type`` is
    the PLOVER type of events and stories, the reporter kind of claims, the kind of actors.
    """

    actor: str | None = None
    actor_ids: tuple[str, ...] = ()
    country: str | None = None
    type: str | None = None
    status: str | None = None
    hidden_statuses: tuple[str, ...] = ()  # events of these statuses are left out, unless asked
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None


def country_code(value: str, kb: KnowledgeBase | None = None) -> str:
    """An ISO 3166-1 alpha-3 code for a code or a country name ('Ukraine', 'UA' → 'UKR').

    Names are looked up among the knowledge base's states first (which knows 'Russia'), then in
    ISO 3166 (the one name lookup, :func:`parley.knowledge.places.country_code`); anything else
    is returned upper-cased, to match nothing quietly.
    """
    if len(value) == 3 and value.isalpha():
        return value.upper()
    states = [a.country for a in (kb.lookup(value) if kb else []) if a.kind == "state"]
    if states and states[0]:
        return states[0]
    return places.country_code(value) or value.upper()


# Statements every request may run, built once with their values bound: building a statement
# costs SQLAlchemy more than running one of these does.
_ACTOR_BY_ID = sa.select(t.actors.c.id).where(t.actors.c.id == sa.bindparam("id"))
_ACTORS_NAMED = sa.select(t.actors.c.id).where(
    sa.func.lower(t.actors.c.name).contains(sa.bindparam("needle", type_=sa.String), escape="/")
)
_ACTOR_NAMES = sa.select(t.actors.c.id, t.actors.c.name).where(
    t.actors.c.id.in_(sa.bindparam("ids", expanding=True))
)
_ACTORS_OF_COUNTRY = sa.select(t.actors.c.id).where(t.actors.c.country == sa.bindparam("code"))


def _like_escaped(text: str) -> str:
    """``text`` with LIKE's wildcards taken literally (escape character ``/``), as
    SQLAlchemy's ``autoescape`` writes it."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def resolve_actor(conn: sa.Connection, name: str, kb: KnowledgeBase | None) -> list[str]:
    """Actor ids a person may mean by ``name``: an exact id, KB aliases, or a name substring."""
    ids: list[str] = []
    if conn.execute(_ACTOR_BY_ID, {"id": name}).first():
        ids.append(name)
    if kb is not None:
        ids.extend(a.id for a in kb.lookup(name))
    needle = alias_key(name) or name.lower()
    ids.extend(conn.execute(_ACTORS_NAMED, {"needle": _like_escaped(needle)}).scalars())
    return list(dict.fromkeys(ids))


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


def _page(
    conn: sa.Connection,
    query: sa.Select[Any],
    keys: Sequence[SortKey],
    limit: int | None,
    cursor: str | None,
    to_item: Callable[[sa.Row[Any]], T],
) -> Page[T]:
    """Run ``query`` ordered by ``keys`` from ``cursor``; one extra row tells if more remain.

    The cursor holds the last row's values of the key columns, read back by their names.
    ``limit`` None returns every row (the CLI's listings) and no cursor.
    """
    query = query.order_by(*(k.order() for k in keys))
    if cursor:
        query = query.where(after(keys, cursor))
    rows = list(conn.execute(query if limit is None else query.limit(limit + 1)))
    return _rows_page(rows, keys, limit, to_item)


def _rows_page(
    rows: list[sa.Row[Any]],
    keys: Sequence[SortKey],
    limit: int | None,
    to_item: Callable[[sa.Row[Any]], T],
) -> Page[T]:
    """The page of ``rows`` (up to ``limit`` + 1 of them, in ``keys`` order): its items, and
    a cursor when the extra row says more remain."""
    more = limit is not None and len(rows) > limit
    rows = rows[:limit]
    names = [k.column.name for k in keys]
    nxt = encode_cursor([getattr(rows[-1], n) for n in names]) if more and rows else None
    return Page[T](items=[to_item(r) for r in rows], next=nxt)


def _names_actors(f: Filters) -> bool:
    """Whether ``f`` narrows by actor or country (read off the actors' indexes instead)."""
    return bool(f.actor or f.actor_ids or f.country)


def _ids(conn: sa.Connection, f: Filters, kb: KnowledgeBase | None) -> list[str] | None:
    """Actor ids the filters name, or None when they name no actor."""
    if f.actor_ids:
        return list(f.actor_ids)
    if f.actor:
        return resolve_actor(conn, f.actor, kb)
    return None


# A newest-first page whose filter matches many rows is found fastest by walking the newest-first
# index and testing each row (a few rows per match to skip); one whose filter matches few, by
# fetching the matches and sorting them. SQLite's planner has no per-value statistics and cannot
# tell "Ukraine" from a village, so on SQLite the query layer counts the matches up to a bound
# and, above it, hides the filter's own index (``id || ''``: same rows, no index) so that the
# order's index is walked. PostgreSQL's planner weighs this itself from its statistics.
_MIN_WALK = 500


def _walk_bound(conn: sa.Connection, table: sa.Table, limit: int) -> int:
    """Matches above which walking is cheaper: about sqrt(page size × table size), where the
    walk reads table size / matches rows per row of the page and sorting reads every match."""
    size = conn.execute(sa.select(sa.func.max(sa.column("rowid"))).select_from(table)).scalar()
    return max(_MIN_WALK, math.isqrt((limit + 1) * int(size or 0)))


def _walks(
    conn: sa.Connection, table: sa.Table, limit: int | None, *matches: sa.Select[Any]
) -> bool:
    """Whether a page of ``table`` filtered by ``matches`` (selects of the matching keys) should
    walk the newest-first index (see above); counts at most the bound."""
    if conn.dialect.name != "sqlite" or limit is None:
        return False
    bound = _walk_bound(conn, table, limit)
    found = 0
    for match in matches:
        capped = sa.select(sa.func.count()).select_from(match.limit(bound - found).subquery())
        found += int(conn.execute(capped).scalar_one())
        if found >= bound:
            return True
    return False


def _key(column: sa.Column[Any], walk: bool) -> sa.ColumnElement[Any]:
    """``column``, or the same value with its index hidden from SQLite's planner."""
    return column.concat("") if walk else column


def _text(
    conn: sa.Connection, table: sa.Table, q: str, limit: int | None
) -> sa.ColumnElement[bool]:
    """Rows of ``table`` whose text holds ``q``; a common word walks (see above)."""
    hits = sqlite_hits(table, q) if conn.dialect.name == "sqlite" else None
    walk = hits is not None and _walks(conn, table, limit, hits)
    dense = walk and hits is not None and _dense(conn, table, limit or 0, hits)
    return text_matches(conn.dialect.name, table, q, walk=walk, dense=dense)


# Asking FTS5 whether one row matches costs about 100-400 times as much as listing one hit
# (measured at a million events): per page, a walk that asks costs about limit x rows / hits
# questions, one that lists costs hits entries; asking wins above sqrt(_ASK_COST x limit x rows).
_ASK_COST = 200


def _dense(conn: sa.Connection, table: sa.Table, limit: int, hits: sa.Select[Any]) -> bool:
    """Whether a word with many hits is in so many rows that a walk should ask FTS5 about each
    row it meets (see :func:`parley.store.search.text_matches`); counts at most the bound."""
    size = conn.execute(sa.select(sa.func.max(sa.column("rowid"))).select_from(table)).scalar()
    bound = math.isqrt(_ASK_COST * (limit + 1) * int(size or 0))
    capped = sa.select(sa.func.count()).select_from(hits.limit(bound).subquery())
    return int(conn.execute(capped).scalar_one()) >= bound


# -- words, read off the full-text index newest day first -------------------------------------
#
# On SQLite a hit's FTS5 row id starts with its article's day (parley.store.search.DAY_SPAN),
# so FTS5 itself hands out a word's hits newest day first and can stop after a page's worth:
# the (limit + 1)-th hit below the cursor's day names the oldest day a page can reach, and the
# page is sorted from the hits of that window of days only, not from every hit of the word.
# A window whose hits the other filters (outlet, claims' kind) thin out below a page is widened
# (eight times the hits each try) and, after _WINDOW_TRIES, reaches the oldest hit.
_WINDOW_TRIES = 3
_NO_CEILING = 2**63 - 1


def _reads_by_day(conn: sa.Connection, limit: int | None) -> bool:
    """Whether a page of words is read off the index by day (SQLite, paged listings)."""
    return conn.dialect.name == "sqlite" and limit is not None


def _ceiling(cursor: str | None, until: dt.date | None, n_keys: int) -> int:
    """The FTS5 row id below which a page's hits lie: past the day of ``until`` and of the
    cursor's row (the listing keys start with the date, or None for an undated row)."""
    hi = _NO_CEILING if until is None else (day_number(until) + 1) * DAY_SPAN
    if cursor:
        day = decode_cursor(cursor, n_keys)[0]
        try:
            last = dt.date.fromisoformat(day) if day is not None else None
        except (TypeError, ValueError) as e:
            raise BadCursor("Invalid cursor: pass the 'next' value of the previous page.") from e
        hi = min(hi, (day_number(last) + 1) * DAY_SPAN)
    return hi


@dataclass(frozen=True)
class _Words:
    """What the statement of a page of words (:func:`_words_page`) depends on besides its
    values: the table and which filters and cursor values (None: no cursor) it has."""

    table: str
    outlet: bool = False
    since: bool = False
    until: bool = False
    kind: bool = False  # claims: the reporter's kind
    cursor: tuple[bool, ...] | None = None


_SEARCHED = {table.name: table for table in (t.articles, t.quotes, t.attributions)}


def _listing_keys(table: sa.Table) -> tuple[SortKey, ...]:
    return _ARTICLE_KEYS if table is t.articles else _record_keys(table)


@functools.lru_cache(maxsize=256)
def _words_page(shape: _Words) -> sa.Select[Any]:
    """The page of a window of a word's hits (values ``fts_phrase``, ``lo``, ``hi``), with
    the other filters (``outlet``, ``since``, ``until``, ``kind``) and the cursor (``k0``…),
    ``limit`` rows; built once per shape, its values bound (building cost more than running)."""
    table = _SEARCHED[shape.table]
    articles = table is t.articles
    query = sa.select(*(table.c[n] for n in _ARTICLE_COLUMNS)) if articles else _with_article(table)
    keys = _listing_keys(table)
    query = query.where(*_bound_filters(table, shape), sqlite_window(table))
    query = query.order_by(*(k.order() for k in keys)).where(*_bound_after(keys, shape.cursor))
    return query.limit(sa.bindparam("limit", type_=sa.Integer))


def _bound_filters(
    table: sa.Table, shape: _Words | _Spoken | _Mentioning
) -> list[sa.ColumnElement[bool]]:
    """The outlet, date and (claims) reporter-kind filters of ``shape`` on ``table``, their
    values bound (``outlet``, ``since``, ``until``, ``kind``)."""
    c = table.c
    out: list[sa.ColumnElement[bool]] = []
    if shape.outlet:
        out.append(sa.func.lower(c.outlet) == sa.bindparam("outlet", type_=sa.String))
    if shape.since:
        out.append(c.published_at >= sa.bindparam("since", type_=sa.Date))
    if shape.until:
        out.append(c.published_at <= sa.bindparam("until", type_=sa.Date))
    if shape.kind:
        out.append(c.reporter_kind == sa.bindparam("kind", type_=sa.String))
    return out


def _bound_after(
    keys: Sequence[SortKey], nulls: tuple[bool, ...] | None
) -> list[sa.ColumnElement[bool]]:
    """The cursor's condition (none without a cursor), its values bound (``k0``…)."""
    if nulls is None:
        return []
    pairs = enumerate(zip(keys, nulls, strict=True))
    last = [None if null else sa.bindparam(f"k{i}", type_=k.column.type) for i, (k, null) in pairs]
    return [after_values(keys, last)]


def _bound_values(
    f: Filters, table: sa.Table, keys: Sequence[SortKey], limit: int, cursor: str | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The shape fields (filters given, the cursor's NULLs) and the values of a page of
    ``table`` by the filters of :func:`_bound_filters`."""
    values: dict[str, Any] = {"limit": limit + 1}
    last = cursor_values(keys, cursor) if cursor else None
    values.update({f"k{i}": v for i, v in enumerate(last or []) if v is not None})
    kind = f.type.lower() if f.type and table is t.attributions else None
    filters = {"outlet": f.outlet.lower() if f.outlet else None, "since": f.since}
    filters.update(until=f.until, kind=kind)
    values.update({k: v for k, v in filters.items() if v})
    shape: dict[str, Any] = {k: bool(v) for k, v in filters.items()}
    shape["cursor"] = None if last is None else tuple(v is None for v in last)
    return shape, values


def _text_by_day(
    conn: sa.Connection,
    table: sa.Table,
    f: Filters,
    limit: int,
    cursor: str | None,
    to_item: Callable[[sa.Row[Any]], T],
) -> Page[T]:
    """The page of ``table``'s rows whose text holds ``f.q`` (narrowed by outlet, dates and,
    for claims, ``f.type``), read off the full-text index a window of days at a time (above).

    A window holding a whole page is exact: every hit it leaves out is of an older day, so
    sorts after the page; a window short of a page is widened until it reaches ``f.since``."""
    keys = _listing_keys(table)
    fields, values = _bound_values(f, table, keys, limit, cursor)
    phrase = fts_phrase(f.q or "")
    if phrase is None:
        return Page[T](items=[], next=None)
    values["fts_phrase"] = phrase
    shape = _Words(table=table.name, **fields)
    floor = day_number(f.since) * DAY_SPAN if f.since else 0
    hi = _ceiling(cursor, f.until, len(keys))
    want = limit + 1
    for _ in range(_WINDOW_TRIES):
        nth = {"fts_phrase": phrase, "below": hi, "n": want - 1}
        found = conn.execute(sqlite_nth_hit(table), nth).scalar()
        lo = floor if found is None else max(floor, int(found) // DAY_SPAN * DAY_SPAN)
        page = _words_window(conn, shape, values, lo, hi, limit, to_item)
        if page.next is not None or lo <= floor:
            return page
        want *= 8
    return _words_window(conn, shape, values, floor, hi, limit, to_item)


def _words_window(
    conn: sa.Connection,
    shape: _Words,
    values: dict[str, Any],
    lo: int,
    hi: int,
    limit: int,
    to_item: Callable[[sa.Row[Any]], T],
) -> Page[T]:
    """The page read off the hits whose FTS5 row ids are in ``lo``..``hi - 1``."""
    rows = list(conn.execute(_words_page(shape), {**values, "lo": lo, "hi": hi}))
    return _rows_page(rows, _listing_keys(_SEARCHED[shape.table]), limit, to_item)


# -- one actor's newest records, read off an index ---------------------------------------------
#
# ``event_actors`` and ``mentions`` carry the listing order (migration 0008_api), indexed after
# the actor: one actor's newest events or articles are read off that index in order, and only
# those rows are looked up and tested against the other filters. A filter naming several actors
# (a typed name, a country's actors) reads each actor's newest page so (a "branch"), and the
# union of the branches holds the page: any row of the page is within the first page of every
# branch it belongs to. Past _MAX_BRANCHES actors the plain filter is used.
_MAX_BRANCHES = 32


def _country_actors(conn: sa.Connection, code: str) -> list[str]:
    """Ids of the stored actors of the country ``code`` (an index on ``actors.country``)."""
    return list(conn.execute(_ACTORS_OF_COUNTRY, {"code": code}).scalars())


def _branch(
    keys: Sequence[SortKey], query: sa.Select[Any], limit: int, cursor: str | None
) -> sa.Subquery:
    """``query``'s first ``limit + 1`` distinct rows in ``keys`` order, after ``cursor``."""
    if cursor:
        query = query.where(after(keys, cursor))
    ordered = query.distinct().order_by(*(k.order() for k in keys)).limit(limit + 1)
    return ordered.subquery()


def _union(branches: list[sa.Subquery], names: Sequence[str], limit: int) -> sa.Select[Any]:
    """The keys (``names``) of the first ``limit + 1`` rows of all branches together, each
    once, in listing order: only those rows are then looked up, not every branch's page."""
    columns = ("published_at", *names)
    selects = [sa.select(*(b.c[c] for c in columns)) for b in branches]
    union = (sa.union(*selects) if len(selects) > 1 else selects[0]).subquery()
    order = [union.c.published_at.desc().nulls_last(), *(union.c[n] for n in names)]
    return sa.select(*(union.c[n] for n in names)).order_by(*order).limit(limit + 1)


def _own_dates(conn: sa.Connection, f: Filters, most: int) -> list[str] | None:
    """The distinct event dates in ``f.since``..``f.until`` (the range arm of
    :func:`_date_arms`), or None past ``most``.

    Found in one statement by hopping from one value to the next in the index on
    ``date_value`` (a seek each), so each day becomes a branch read in listing order: a page
    of a month of events reads at most a page per day rather than sorting the whole month."""
    if most < 0:
        return None
    upto = " AND date_value <= :hi" if f.until else ""
    first = "date_value >= :lo" if f.since else "date_value IS NOT NULL"
    sql = (
        "WITH RECURSIVE d(v, n) AS ("
        f"SELECT (SELECT min(date_value) FROM events WHERE {first}{upto}), 0 "
        "UNION ALL "
        f"SELECT (SELECT min(date_value) FROM events WHERE date_value > d.v{upto}), n + 1 "
        "FROM d WHERE d.v IS NOT NULL AND n <= :most"
        ") SELECT v FROM d WHERE v IS NOT NULL"
    )
    params = {
        "lo": f.since.isoformat() if f.since else None,
        "hi": f.until.isoformat() if f.until else None,
        "most": most,
    }
    wanted = {k: v for k, v in params.items() if f":{k}" in sql}
    days = [str(v) for v in conn.execute(sa.text(sql), wanted).scalars()]
    return days if len(days) <= most else None


def _article_conditions(
    conn: sa.Connection, kb: KnowledgeBase | None, f: Filters, ids: list[str] | None
) -> list[sa.ColumnElement[bool]]:
    """The article filters a branch tests on each candidate (outlet, dates, words, and the
    country when an actor is named too)."""
    a, m = t.articles, t.mentions
    out: list[sa.ColumnElement[bool]] = []
    if f.outlet:
        out.append(sa.func.lower(a.c.outlet) == f.outlet.lower())
    if f.since:
        out.append(a.c.published_at >= f.since)
    if f.until:
        out.append(a.c.published_at <= f.until)
    if f.q:
        out.append(text_matches(conn.dialect.name, a, f.q, walk=True))
    if ids is not None and f.country:
        of_country = (
            sa.select(m.c.article_id)
            .join(t.actors, t.actors.c.id == m.c.actor_id)
            .where(t.actors.c.country == country_code(f.country, kb))
        )
        out.append(a.c.id.in_(of_country))
    return out


def _articles_by_actors(
    conn: sa.Connection,
    f: Filters,
    kb: KnowledgeBase | None,
    ids: list[str] | None,
    limit: int | None,
    cursor: str | None,
) -> sa.Select[Any] | None:
    """Ids of the candidates for a page of articles by actor or country, read off the
    mentions' listing-order index (above); None when the plain filter is to be used."""
    if limit is None or (ids is None and not f.country):
        return None
    a, m = t.articles, t.mentions
    actors = ids if ids is not None else _country_actors(conn, country_code(f.country or "", kb))
    if len(actors) > _MAX_BRANCHES:
        return None
    conds = _article_conditions(conn, kb, f, ids)
    keys = (SortKey(m.c.published_at, descending=True), SortKey(m.c.article_id))
    mentioned = sa.select(m.c.published_at, m.c.article_id).join(a, a.c.id == m.c.article_id)
    branches = [
        _branch(keys, mentioned.where(m.c.actor_id == x, *conds), limit, cursor) for x in actors
    ]
    if not branches:
        return sa.select(a.c.id).where(sa.false())
    return _union(branches, ("article_id",), limit)


# -- articles ----------------------------------------------------------------------------------

_ARTICLE_COLUMNS = ("id", "title", "outlet", "url", "published_at", "dateline", "language")
_ARTICLE_KEYS = (SortKey(t.articles.c.published_at, descending=True), SortKey(t.articles.c.id))


def _article_item(r: sa.Row[Any]) -> ArticleRow:
    return ArticleRow.model_validate({c: getattr(r, c) for c in _ARTICLE_COLUMNS})


@dataclass(frozen=True)
class _Mentioning:
    """What the statement of a page of articles by actors (:func:`_mentioning_page`) depends
    on besides its values: the filters given, the cursor, how many actors, and whether named
    actors are also narrowed to a country."""

    outlet: bool = False
    since: bool = False
    until: bool = False
    kind: bool = False  # never: articles have no reporter
    cursor: tuple[bool, ...] | None = None
    actors: int = 0
    in_country: bool = False


_MENTION_KEYS = (
    SortKey(t.mentions.c.published_at, descending=True),
    SortKey(t.mentions.c.article_id),
)


@functools.lru_cache(maxsize=256)
def _mentioning_page(shape: _Mentioning) -> sa.Select[Any]:
    """A page of articles mentioning one of the actors ``x0``…: each actor's newest page
    read off the mentions' (actor, listing order) index (a branch each), then the page of
    their union; built once per shape, its values bound."""
    a, m, ac = t.articles, t.mentions, t.actors
    filters = _bound_filters(a, shape)
    conds = list(filters)
    if shape.in_country:
        code = sa.bindparam("code", type_=ac.c.country.type)
        of_country = sa.select(m.c.article_id).join(ac, ac.c.id == m.c.actor_id)
        conds.append(a.c.id.in_(of_country.where(ac.c.country == code)))
    limit = sa.bindparam("limit", type_=sa.Integer)
    mentioned = sa.select(m.c.published_at, m.c.article_id).join(a, a.c.id == m.c.article_id)
    mentioned = mentioned.where(*conds, *_bound_after(_MENTION_KEYS, shape.cursor))
    actors = [
        m.c.actor_id == sa.bindparam(f"x{i}", type_=m.c.actor_id.type) for i in range(shape.actors)
    ]
    order = [k.order() for k in _MENTION_KEYS]
    pages = [mentioned.where(x).distinct().order_by(*order).limit(limit).subquery() for x in actors]
    selects = [sa.select(p.c.published_at, p.c.article_id) for p in pages]
    query = sa.select(*(a.c[c] for c in _ARTICLE_COLUMNS)).where(*filters)
    if selects:
        union = (sa.union(*selects) if len(selects) > 1 else selects[0]).subquery()
        newest = [union.c.published_at.desc().nulls_last(), union.c.article_id]
        picked = sa.select(union.c.article_id).order_by(*newest).limit(limit)
        query = query.where(a.c.id.in_(picked))
    else:
        query = query.where(sa.false())
    query = query.order_by(*(k.order() for k in _ARTICLE_KEYS))
    return query.where(*_bound_after(_ARTICLE_KEYS, shape.cursor)).limit(limit)


def _mentioning(
    conn: sa.Connection, kb: KnowledgeBase | None, f: Filters, limit: int | None, cursor: str | None
) -> Page[ArticleRow] | None:
    """The page of articles by actor or country, without words, when read branch by branch
    (up to _MAX_BRANCHES actors, paged); None otherwise (:func:`_articles_query`)."""
    if f.q or limit is None or not _names_actors(f):
        return None
    ids = _ids(conn, f, kb)
    code = country_code(f.country, kb) if f.country else None
    actors = ids if ids is not None else _country_actors(conn, code or "")
    if len(actors) > _MAX_BRANCHES:
        return None
    fields, values = _bound_values(f, t.articles, _ARTICLE_KEYS, limit, cursor)
    values.update({f"x{i}": x for i, x in enumerate(actors)})
    in_country = ids is not None and code is not None
    if in_country:
        values["code"] = code
    shape = _Mentioning(actors=len(actors), in_country=in_country, **fields)
    rows = list(conn.execute(_mentioning_page(shape), values))
    return _rows_page(rows, _ARTICLE_KEYS, limit, _article_item)


def _articles_query(
    conn: sa.Connection,
    f: Filters,
    kb: KnowledgeBase | None,
    limit: int | None = None,
    cursor: str | None = None,
) -> sa.Select[Any]:
    a, m = t.articles, t.mentions
    query = sa.select(*(a.c[c] for c in _ARTICLE_COLUMNS))
    query = where_published(query, a, f.outlet, f.since, f.until)
    ids = _ids(conn, f, kb)
    picked = _articles_by_actors(conn, f, kb, ids, limit, cursor)
    if picked is not None:
        return query.where(a.c.id.in_(picked))
    if ids is not None:
        of_actor = sa.select(m.c.article_id).where(m.c.actor_id.in_(ids))
        query = query.where(_key(a.c.id, _walks(conn, a, limit, of_actor)).in_(of_actor))
    if f.country:
        code = country_code(f.country, kb)
        of_country = (
            sa.select(m.c.article_id)
            .join(t.actors, t.actors.c.id == m.c.actor_id)
            .where(t.actors.c.country == code)
        )
        query = query.where(_key(a.c.id, _walks(conn, a, limit, of_country)).in_(of_country))
    if f.q:
        query = query.where(_text(conn, a, f.q, limit))
    return query


def list_articles(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    f: Filters,
    limit: int | None,
    cursor: str | None,
) -> Page[ArticleRow]:
    """Articles, newest publication date first (undated last), without their text; ``q``
    keeps those whose title or text holds its words as a phrase (full-text index)."""
    if f.q and limit is not None and _reads_by_day(conn, limit) and not _names_actors(f):
        return _text_by_day(conn, t.articles, f, limit, cursor, _article_item)
    mentioning = _mentioning(conn, kb, f, limit, cursor)
    if mentioning is not None:
        return mentioning
    query = _articles_query(conn, f, kb, limit, cursor)
    return _page(conn, query, _ARTICLE_KEYS, limit, cursor, _article_item)


def search_articles(
    conn: sa.Connection, f: Filters, limit: int | None, cursor: str | None
) -> Page[ArticleRow]:
    """Articles whose title or text holds the words of ``f.q`` as a phrase (the full-text
    index of :mod:`parley.store.search`), newest first."""
    return list_articles(
        conn,
        None,
        Filters(q=f.q or "", outlet=f.outlet, since=f.since, until=f.until),
        limit,
        cursor,
    )


def recent_articles(conn: sa.Connection, limit: int) -> list[ArticleRow]:
    """The articles stored most recently (what changed since a person last looked)."""
    a = t.articles
    query = (
        sa.select(*(a.c[c] for c in _ARTICLE_COLUMNS))
        .order_by(a.c.ingested_at.desc(), a.c.id)
        .limit(limit)
    )
    return [_article_item(r) for r in conn.execute(query)]


# -- records found in articles -----------------------------------------------------------------


def _with_article(table: sa.Table) -> sa.Select[Any]:
    """A record table's rows with the article's title.

    Date and outlet come from the record's own copies (indexed, see migration 0003), so
    filtering and sorting need no join; the join only adds the title of the page's rows.
    """
    a = t.articles
    return sa.select(
        table.c.article_id,
        table.c.idx,
        table.c.outlet,
        table.c.published_at,
        a.c.title,
        table.c.data,
    ).join(a, a.c.id == table.c.article_id)


def _record_keys(table: sa.Table) -> tuple[SortKey, ...]:
    """Newest article first, then the record's order in its article."""
    return (
        SortKey(table.c.published_at, descending=True),
        SortKey(table.c.article_id),
        SortKey(table.c.idx),
    )


def _found(model: type[F]) -> Callable[[sa.Row[Any]], F]:
    """Build ``model`` from a row of :func:`_with_article`: the record's JSON and its article."""

    def item(r: sa.Row[Any]) -> F:
        where = {
            "article_id": r.article_id,
            "index": r.idx,
            "outlet": r.outlet,
            "published_at": r.published_at,
            "title": r.title,
        }
        return model.model_validate({**r.data, **where})

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
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    f: Filters,
    limit: int | None,
    cursor: str | None,
) -> Page[FoundQuote]:
    """Quotes, newest article first; by speaker (``actor``), outlet, dates and words (``q``)."""
    q = t.quotes
    if f.q and limit is not None and _reads_by_day(conn, limit) and not _names_actors(f):
        return _text_by_day(conn, q, f, limit, cursor, _found(FoundQuote))
    spoken = _spoken(conn, q, kb, f, limit, cursor, _found(FoundQuote))
    if spoken is not None:
        return spoken
    query = where_published(_with_article(q), q, f.outlet, f.since, f.until)
    query = _said_by(conn, query, q, (q.c.speaker_actor_id, q.c.speaker_text), kb, f, limit, cursor)
    return _page(conn, query, _record_keys(q), limit, cursor, _found(FoundQuote))


@dataclass(frozen=True)
class _Spoken:
    """What the statement of a page of quotes or claims by who said them
    (:func:`_spoken_page`) depends on besides its values: the table, the filters given, how
    many actor ids, whether unresolved speakers are matched by their words, the cursor."""

    table: str
    outlet: bool = False
    since: bool = False
    until: bool = False
    kind: bool = False
    cursor: tuple[bool, ...] | None = None
    ids: int = 0
    by_text: bool = False


#: The speaker's (reporter's) actor column and surface text of quotes and claims.
_WHO = {
    "quotes": ("speaker_actor_id", "speaker_text"),
    "attributions": ("reporter_actor_id", "reporter_text"),
}


@functools.lru_cache(maxsize=256)
def _spoken_page(shape: _Spoken) -> sa.Select[Any]:
    """A page of quotes or claims said by the actors ``s0``… (or, unresolved, in words
    holding ``who_text``): each one's newest page read off the (actor, listing order) index
    (a branch each, see "branch" above), then the page of their union; built once per shape,
    its values bound."""
    table = _SEARCHED[shape.table]
    c, keys = table.c, _record_keys(table)
    conds, after_cursor = _bound_filters(table, shape), _bound_after(keys, shape.cursor)
    who, text = (c[n] for n in _WHO[shape.table])
    arms = [who == sa.bindparam(f"s{i}", type_=who.type) for i in range(shape.ids)]
    if shape.by_text:
        words = sa.bindparam("who_text", type_=sa.String)
        arms.append(sa.and_(who.is_(None), text.icontains(words, escape="/")))
    keyed = sa.select(c.published_at, c.article_id, c.idx).where(*conds, *after_cursor)
    order = [k.order() for k in keys]
    limit = sa.bindparam("limit", type_=sa.Integer)
    branches = [keyed.where(arm).distinct().order_by(*order).limit(limit) for arm in arms]
    query = _with_article(table).where(*conds)
    picked = sa.tuple_(c.article_id, c.idx).in_(union_of(branches)) if branches else sa.false()
    return query.where(picked).order_by(*order).where(*after_cursor).limit(limit)


def _spoken(
    conn: sa.Connection,
    table: sa.Table,
    kb: KnowledgeBase | None,
    f: Filters,
    limit: int | None,
    cursor: str | None,
    to_item: Callable[[sa.Row[Any]], T],
) -> Page[T] | None:
    """The page of quotes or claims by who said them, without words, when read branch by
    branch (a few actors, paged); None otherwise (the plain filter, :func:`_said_by`)."""
    if f.q or limit is None or not (f.actor or f.actor_ids):
        return None
    ids = _ids(conn, f, kb) or []
    if len(ids) >= _MAX_BRANCHES:
        return None
    keys = _record_keys(table)
    fields, values = _bound_values(f, table, keys, limit, cursor)
    values.update({f"s{i}": x for i, x in enumerate(ids)})
    by_text = bool(f.actor and not f.actor_ids)
    if by_text:
        values["who_text"] = _like_escaped(f.actor or "")
    shape = _Spoken(table=table.name, ids=len(ids), by_text=by_text, **fields)
    rows = list(conn.execute(_spoken_page(shape), values))
    return _rows_page(rows, keys, limit, to_item)


def _said_by(
    conn: sa.Connection,
    query: sa.Select[Any],
    table: sa.Table,
    who: tuple[sa.Column[Any], sa.Column[Any]],
    kb: KnowledgeBase | None,
    f: Filters,
    limit: int | None,
    cursor: str | None,
) -> sa.Select[Any]:
    """``query`` (quotes or claims, already narrowed by outlet, dates and the claims' kind)
    narrowed by who said it (``who``: the actor column and the surface text) and words.

    By actor, each actor's newest page is read off an index of (actor, listing order), and
    for a typed name the unresolved speakers' text is a branch of its own (see "branch")."""
    ids = _ids(conn, f, kb)
    text = _text(conn, table, f.q, limit if ids is None else None) if f.q else None
    if ids is None or limit is None or len(ids) >= _MAX_BRANCHES:
        if ids is not None:
            query = query.where(_who(*who, ids, f))
        return query if text is None else query.where(text)
    conds = [c for c in (query.whereclause, text) if c is not None]
    keyed = sa.select(table.c.published_at, table.c.article_id, table.c.idx).where(*conds)
    arms = [who[0] == x for x in ids]
    if f.actor and not f.actor_ids:
        arms.append(sa.and_(who[0].is_(None), who[1].icontains(f.actor, autoescape=True)))
    keys = _record_keys(table)
    branches = [_branch(keys, keyed.where(arm), limit, cursor) for arm in arms]
    if not branches:
        return query.where(sa.false())
    picked = _union(branches, ("article_id", "idx"), limit)
    return query.where(sa.tuple_(table.c.article_id, table.c.idx).in_(picked))


def list_claims(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    f: Filters,
    limit: int | None,
    cursor: str | None,
) -> Page[FoundClaim]:
    """Attributed claims, newest article first; by reporter (``actor``), reporter kind
    (``type``: outlet, anonymous, …), outlet, dates and words (``q``)."""
    c = t.attributions
    if f.q and limit is not None and _reads_by_day(conn, limit) and not _names_actors(f):
        return _text_by_day(conn, c, f, limit, cursor, _found(FoundClaim))
    spoken = _spoken(conn, c, kb, f, limit, cursor, _found(FoundClaim))
    if spoken is not None:
        return spoken
    query = where_published(_with_article(c), c, f.outlet, f.since, f.until)
    if f.type:
        query = query.where(c.c.reporter_kind == f.type.lower())
    who = (c.c.reporter_actor_id, c.c.reporter_text)
    query = _said_by(conn, query, c, who, kb, f, limit, cursor)
    return _page(conn, query, _record_keys(c), limit, cursor, _found(FoundClaim))


def _prefixes(day: str) -> list[str]:
    """The strings a coarser date containing ``day`` may be ('2026', '2026-02'), and shorter
    ones that match nothing. Not ``day`` itself: the range arm has it, in listing order off its
    index, where an ``IN`` list sorted every event of that day for each page."""
    return [day[:i] for i in range(1, len(day))]


def _event_request(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    f: Filters,
    limit: int | None,
    cursor: str | None,
) -> tuple[EventShape, dict[str, Any]]:
    """The shape of a page of events and its statement's values (names as in
    :mod:`parley.store.event_statements`); runs the lookups the shape depends on."""
    values: dict[str, Any] = {}
    shape: dict[str, Any] = {"dialect": conn.dialect.name, "paged": limit is not None}
    if f.outlet:
        values["outlet"] = f.outlet.lower()
    if f.type:
        values["type"] = f.type.upper()
    if f.status:
        values["status"] = f.status.lower()
    elif f.hidden_statuses:
        values["hidden"] = list(f.hidden_statuses)
    if f.since:
        lo = f.since.isoformat()
        values.update(lo=lo, since=f.since, prefixes=_prefixes(lo))
    if f.until:
        values.update(hi=f.until.isoformat(), until=f.until)
    for name in ("outlet", "type", "status", "hidden", "since", "until"):
        shape[name] = name in values
    if limit is not None:
        values["limit"] = limit + 1
    if cursor:
        last = cursor_values(RECORD_KEYS, cursor)
        shape["cursor"] = tuple(v is None for v in last)
        values.update({f"k{i}": v for i, v in enumerate(last) if v is not None})
    shape.update(_event_route(conn, kb, f, limit, values))
    if limit is not None and "days" in values:
        shape["cutoff"] = _day_cutoff(conn, EventShape(**shape), limit, values)
    return EventShape(**shape), values


def _day_cutoff(
    conn: sa.Connection, shape: EventShape, limit: int, values: dict[str, Any]
) -> tuple[bool, ...] | None:
    """(SQLite, a page of events by dates) The key no event of the page is after
    (:func:`parley.store.event_statements.day_cutoff`), added to ``values`` as ``c0``…;
    returns which of its values are NULL, or None when no day has a page's worth of events
    (no cutoff)."""
    row = conn.execute(day_cutoff(shape), {**values, "nth": limit}).first()
    if row is None:
        return None
    values.update({f"c{i}": v for i, v in enumerate(row) if v is not None})
    return tuple(v is None for v in row)


def _event_route(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    f: Filters,
    limit: int | None,
    values: dict[str, Any],
) -> dict[str, Any]:
    """How a page of events finds its candidates (the ``route`` of :class:`EventShape` and
    what it depends on), adding the values it needs to ``values``.

    By a date range alone, a page of each day of the range (up to two months of days) and of
    the other arms of the date test; by actors or a country's actors (up to _MAX_BRANCHES),
    each actor's newest page; otherwise the filters tested on each event, a common actor or
    country walking the newest-first index (see _walks)."""
    ids = _ids(conn, f, kb)
    code = country_code(f.country, kb) if f.country else None
    if limit is not None and ids is None and not code and (f.since or f.until):
        days = _own_dates(conn, f, 2 * _MAX_BRANCHES - (2 if f.since else 1))
        if days is not None and conn.dialect.name == "sqlite":
            values["days"] = json.dumps(days)
            return {"route": "dates"}
        if days is not None:
            values.update({f"d{i}": day for i, day in enumerate(days)})
            return {"route": "dates", "days": len(days)}
    if limit is not None and (ids is not None or code):
        actors = ids if ids is not None else _country_actors(conn, code or "")
        if len(actors) <= _MAX_BRANCHES:
            values.update({f"a{i}": a for i, a in enumerate(actors)})
            values.update({"code": code} if code else {})
            named = ids is not None
            return {
                "route": "actors",
                "actors": len(actors),
                "placed": not named and bool(code),
                "in_country": named and bool(code),
            }
    return _event_walks(conn, ids, code, limit, values)


def _event_walks(
    conn: sa.Connection,
    ids: list[str] | None,
    code: str | None,
    limit: int | None,
    values: dict[str, Any],
) -> dict[str, Any]:
    """The plain route: whether the actor (``ids``) and country (``code``) filters, tested
    on each event, walk the newest-first index (None: not given)."""
    e, ea, ac = t.events, t.event_actors, t.actors
    out: dict[str, Any] = {}
    if ids is not None:
        values["ids"] = ids
        of_actor = sa.select(ea.c.event_id).where(ea.c.actor_id.in_(ids))
        out["actor_walk"] = _walks(conn, e, limit, of_actor)
    if code:
        values["code"] = code
        involved = (
            sa.select(ea.c.event_id).join(ac, ac.c.id == ea.c.actor_id).where(ac.c.country == code)
        )
        placed = sa.select(e.c.id).where(e.c.place_country == code)
        out["country_walk"] = _walks(conn, e, limit, placed, involved)
    return out


def list_events(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    f: Filters,
    limit: int | None,
    cursor: str | None,
) -> Page[FoundEvent]:
    """Events, newest article first, with ``names`` mapping each actor id to its name.

    ``actor`` matches source, target or mediator; ``country`` the place or any actor's country;
    ``since``/``until`` the event's own date when known, else the article's. The statement is
    built once per shape of request (:mod:`parley.store.event_statements`).
    """
    shape, values = _event_request(conn, kb, f, limit, cursor)
    rows = list(conn.execute(event_page(shape), values))
    page = _rows_page(rows, RECORD_KEYS, limit, _found(FoundEvent))
    _name_actors(conn, page.items)
    return page


def events_by_id(conn: sa.Connection, ids: Sequence[str]) -> list[FoundEvent]:
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
    to_item = _found(FoundEvent)
    found = [to_item(rows[i]) for i in wanted if i in rows]
    _name_actors(conn, found)
    return found


def _name_actors(conn: sa.Connection, events: Sequence[FoundEvent]) -> None:
    """Give each event a ``names`` map of its actor ids (one query for them all)."""
    names = actor_names(conn, {a for e in events for a in (*e.source, *e.target, *e.mediator)})
    for e in events:
        e.names = {a: names.get(a, a) for a in (*e.source, *e.target, *e.mediator)}


def actor_names(conn: sa.Connection, ids: Iterable[str]) -> dict[str, str]:
    """Actor id → name for the stored actors among ``ids`` (unknown ids are left out)."""
    wanted = sorted(set(ids))
    out: dict[str, str] = {}
    for i in range(0, len(wanted), 500):
        rows = conn.execute(_ACTOR_NAMES, {"ids": wanted[i : i + 500]})
        out.update({r.id: r.name for r in rows})
    return out


# -- stories -----------------------------------------------------------------------------------


def list_story_ids(
    conn: sa.Connection, f: Filters, min_sources: int, limit: int | None, cursor: str | None
) -> Page[str]:
    """Ids of the stories seen in at least ``min_sources`` articles, newest first; by PLOVER
    type and date (``since``/``until`` compare the story's ISO date, so '2026-02' is before
    2026-02-01)."""
    s = t.stories.c
    query = sa.select(s.id, s.date).where(s.article_count >= min_sources)
    if f.type:
        query = query.where(s.type == f.type.upper())
    if f.since:
        query = query.where(s.date >= f.since.isoformat())
    if f.until:
        query = query.where(s.date <= f.until.isoformat())
    keys = (SortKey(s.date, descending=True), SortKey(s.id))
    return _page(conn, query, keys, limit, cursor, lambda r: str(r.id))


# -- actors ------------------------------------------------------------------------------------


def _actor_item(r: sa.Row[Any]) -> ActorRow:
    return ActorRow(
        id=r.id,
        name=r.name,
        kind=r.kind,
        country=r.country,
        roles=list((r.data or {}).get("roles", [])),
        articles=int(r.n_articles),
        mentions=int(r.n_mentions),
    )


def list_actors(
    conn: sa.Connection,
    kb: KnowledgeBase | None,
    f: Filters,
    limit: int | None,
    cursor: str | None,
) -> Page[ActorRow]:
    """Actors seen in stored articles, most mentioned first, then by name; by kind
    (``type``), country and name, alias or id (``actor``).

    The counts are columns of ``actors`` kept by every save (:mod:`parley.store.counts`), so
    a page is read off an index on them rather than counted from every mention.
    """
    ac = t.actors
    query = sa.select(ac)
    if f.type:
        query = query.where(ac.c.kind == f.type.lower())
    if f.country:
        query = query.where(ac.c.country == country_code(f.country, kb))
    ids = _ids(conn, f, kb)
    if ids is not None:
        query = query.where(ac.c.id.in_(ids))
    keys = (SortKey(ac.c.n_mentions, descending=True), SortKey(ac.c.name), SortKey(ac.c.id))
    return _page(conn, query, keys, limit, cursor, _actor_item)


# -- the rest ----------------------------------------------------------------------------------


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
