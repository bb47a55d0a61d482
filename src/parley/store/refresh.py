"""Keep the resolved tables (tracks, agreements, stories) in step with the stored analyses.

:func:`refresh_resolved` recomputes only what new or re-saved articles can change:

1. the tracks and agreements whose key the articles report now, or reported at their last
   refresh (``article_tracks``, ``article_agreements``);
2. the stories that hold their events, and those a new event could join: same event type and
   dates within tolerance, found with a range query on ``story_events``;
3. it loads every stored analysis behind those records, runs the pure functions of
   :mod:`parley.resolve` on them, keeps the records that were affected, and replaces them in one
   transaction.

Because each affected record is recomputed from *all* its articles, and clustering and merging
depend only on the set of analyses, incremental refreshes give the same rows as a run from
scratch (``article_ids=None``); ``tests/test_resolved_store.py`` checks it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from parley.models import Agreement, Analysis, Round, Story, Track
from parley.resolve import cluster_stories, merge_agreements, merge_tracks
from parley.resolve.agreements import agreement_key
from parley.resolve.stories import EventRef, event_day
from parley.resolve.tracks import track_key
from parley.store import schema as t

if TYPE_CHECKING:
    from parley.store.store import Store

__all__ = ["RefreshReport", "refresh_resolved", "refresh", "load_analyses", "split_ref"]

log = logging.getLogger(__name__)

Row = dict[str, Any]
# Parts of the analysis JSON that resolution reads; the rest is dropped before validation.
_KEEP = ("schema", "article", "events", "agreements", "rounds", "tracks")
_CHUNK = 500


@dataclass(frozen=True)
class RefreshReport:
    """What a refresh did: analyses read and records written of each kind."""

    articles: int = 0
    tracks: int = 0
    agreements: int = 0
    stories: int = 0


@dataclass
class _Scope:
    """What a refresh recomputes: the articles that changed and the records they touch."""

    ids: set[str]
    track_keys: set[str]
    agreement_keys: set[str]
    story_ids: set[str]
    old_refs: set[tuple[str, int]]


def refresh_resolved(store: Store, article_ids: set[str] | None = None) -> RefreshReport:
    """Recompute the resolved records that ``article_ids`` affect; all of them when None.

    Stored articles never refreshed (a batch interrupted before its refresh) are included, so
    calling this after any save brings the resolved tables up to date.

    Args:
        store: the store to update.
        article_ids: articles just saved (or re-saved); None rebuilds everything from scratch.

    Returns:
        How many analyses were read and how many records were rewritten.
    """
    with store.writer.begin() as conn:
        return refresh(conn, article_ids)


def refresh(conn: sa.Connection, article_ids: set[str] | None) -> RefreshReport:
    """:func:`refresh_resolved` inside the caller's transaction."""
    if article_ids is None:
        for table in t.RESOLVED:
            conn.execute(sa.delete(table))
        analyses = load_analyses(conn, None)
        ids = {a.article.id for a in analyses}
        scope = _Scope(
            ids,
            _all_keys(analyses, _track_keys),
            _all_keys(analyses, _agreement_keys),
            set(),
            set(),
        )
        return _replace(conn, analyses, scope)
    ids = set(article_ids) | _unresolved(conn)
    if not ids:
        return RefreshReport()
    new = load_analyses(conn, ids)
    scope = _scope(conn, ids, new)
    needed = _articles_behind(conn, scope) - {a.article.id for a in new}
    analyses = [*new, *load_analyses(conn, needed)]
    analyses.sort(key=_published)
    return _replace(conn, analyses, scope)


# -- reading -------------------------------------------------------------------------------------


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(items)
    for i in range(0, len(ordered), _CHUNK):
        yield ordered[i : i + _CHUNK]


def load_analyses(conn: sa.Connection, ids: Iterable[str] | None) -> list[Analysis]:
    """Stored analyses (all when ``ids`` is None), reduced to what resolution reads, oldest
    first; the article text is left empty."""
    query = sa.select(t.analyses.c.json)
    if ids is None:
        rows = [r for (r,) in conn.execute(query)]
    else:
        rows = [
            r
            for chunk in _chunks(ids)
            for (r,) in conn.execute(query.where(t.analyses.c.article_id.in_(chunk)))
        ]
    return sorted((_slim(data) for data in rows), key=_published)


def _published(an: Analysis) -> tuple[dt.date, str]:
    """The order resolution reads articles in: publication date, then id."""
    return an.article.published_at or dt.date.min, an.article.id


def _slim(data: dict[str, Any]) -> Analysis:
    slim = {k: data[k] for k in _KEEP if k in data}
    slim["article"] = {**data["article"], "text": ""}
    return Analysis.model_validate(slim)


def _unresolved(conn: sa.Connection) -> set[str]:
    a, r = t.articles.c.id, t.resolved_articles.c.article_id
    query = sa.select(a).outerjoin(t.resolved_articles, a == r).where(r.is_(None))
    return set(conn.execute(query).scalars())


def _track_keys(an: Analysis) -> set[str]:
    return {track_key(tr) for tr in an.tracks}


def _agreement_keys(an: Analysis) -> set[str]:
    return {agreement_key(ag.name) for ag in an.agreements}


def _all_keys(analyses: Iterable[Analysis], keys_of: Any) -> set[str]:
    return {k for an in analyses for k in keys_of(an)}


def _column_for(
    conn: sa.Connection, want: sa.Column[Any], where: sa.Column[Any], values: Iterable[str]
) -> set[str]:
    """Values of ``want`` in rows whose ``where`` is one of ``values`` (chunked IN queries)."""
    return {
        v
        for chunk in _chunks(values)
        for v in conn.execute(sa.select(want).where(where.in_(chunk))).scalars()
    }


def _scope(conn: sa.Connection, ids: set[str], new: list[Analysis]) -> _Scope:
    at, ag, se = t.article_tracks.c, t.article_agreements.c, t.story_events.c
    story_ids = _column_for(conn, se.story_id, se.article_id, ids) | _candidates(conn, new)
    old_refs = {
        (aid, idx)
        for chunk in _chunks(story_ids)
        for aid, idx in conn.execute(
            sa.select(se.article_id, se.event_index).where(se.story_id.in_(chunk))
        )
    }
    old_tracks = _column_for(conn, at.track_key, at.article_id, ids)
    old_agreements = _column_for(conn, ag.agreement_key, ag.article_id, ids)
    return _Scope(
        ids=ids,
        track_keys=_all_keys(new, _track_keys) | old_tracks,
        agreement_keys=_all_keys(new, _agreement_keys) | old_agreements,
        story_ids=story_ids,
        old_refs=old_refs,
    )


def _candidates(conn: sa.Connection, new: list[Analysis]) -> set[str]:
    """Stories a new event could join: same type, days within either side's tolerance.

    A superset is harmless (those stories are recomputed to the same rows); missing one is not,
    so the condition mirrors :func:`parley.resolve.same_story`'s date test exactly.
    """
    se = t.story_events.c
    conditions = []
    for row in _event_rows(new, cluster_stories(new)):
        day = row["day"]
        if day is None:
            continue
        conditions.append(
            sa.and_(
                se.type == row["type"],
                sa.or_(
                    se.day.between(row["day_from"], row["day_to"]),
                    sa.and_(se.day_from <= day, se.day_to >= day),
                ),
            )
        )
    found: set[str] = set()
    for i in range(0, len(conditions), 100):
        query = sa.select(se.story_id).where(sa.or_(*conditions[i : i + 100]))
        found |= set(conn.execute(query).scalars())
    return found


def _articles_behind(conn: sa.Connection, scope: _Scope) -> set[str]:
    """Every article that reported an affected track, agreement or story."""
    at, ag = t.article_tracks.c, t.article_agreements.c
    return (
        set(scope.ids)
        | _column_for(conn, at.article_id, at.track_key, scope.track_keys)
        | _column_for(conn, ag.article_id, ag.agreement_key, scope.agreement_keys)
        | {aid for aid, _ in scope.old_refs}
    )


# -- writing -------------------------------------------------------------------------------------


def _replace(conn: sa.Connection, analyses: list[Analysis], scope: _Scope) -> RefreshReport:
    present = [a for a in analyses if a.article.id in scope.ids]
    tracks = [tr for tr in merge_tracks(analyses) if track_key(tr) in scope.track_keys]
    agreements = [
        ag for ag in merge_agreements(analyses) if agreement_key(ag.name) in scope.agreement_keys
    ]
    stories = [s for s in cluster_stories(analyses) if _touched(s, scope)]
    _write_tracks(conn, scope, tracks, analyses, present)
    _write_agreements(conn, scope, agreements, present)
    _write_stories(conn, scope, stories, analyses)
    _mark_resolved(conn, [a.article.id for a in present])
    log.info(
        "refreshed %d tracks, %d agreements, %d stories from %d analyses",
        len(tracks),
        len(agreements),
        len(stories),
        len(analyses),
    )
    return RefreshReport(len(analyses), len(tracks), len(agreements), len(stories))


def split_ref(ref: str) -> tuple[str, int]:
    """``'sha256:ab12#3'`` → ``('sha256:ab12', 3)`` (a Story's event reference)."""
    aid, _, idx = ref.rpartition("#")
    return aid, int(idx)


def _touched(story: Story, scope: _Scope) -> bool:
    refs = [split_ref(r) for r in story.events]
    return any(aid in scope.ids or (aid, i) in scope.old_refs for aid, i in refs)


def _delete_in(conn: sa.Connection, column: sa.Column[Any], values: Iterable[str]) -> None:
    for chunk in _chunks(values):
        conn.execute(sa.delete(column.table).where(column.in_(chunk)))


def _insert(conn: sa.Connection, table: sa.Table, rows: Sequence[Row]) -> None:
    if rows:
        conn.execute(sa.insert(table), list(rows))


def _write_tracks(
    conn: sa.Connection,
    scope: _Scope,
    tracks: list[Track],
    analyses: list[Analysis],
    present: list[Analysis],
) -> None:
    for table in (t.positions, t.rounds, t.tracks):
        _delete_in(conn, table.c.key if table is t.tracks else table.c.track_key, scope.track_keys)
    _delete_in(conn, t.article_tracks.c.article_id, scope.ids)
    published = {a.article.id: a.article.published_at for a in analyses}
    for tr in tracks:
        key = track_key(tr)
        _insert(conn, t.tracks, [_track_row(key, tr)])
        histories = round_histories(key, tr, analyses)
        pairs = zip(tr.rounds, histories, strict=True)
        _insert(conn, t.rounds, [_round_row(key, i, r, h) for i, (r, h) in enumerate(pairs)])
        _insert(
            conn,
            t.positions,
            [
                {
                    "track_key": key,
                    "idx": i,
                    "actor": p.actor,
                    "on": p.on,
                    "position": p.position,
                    "red_line": p.red_line,
                    "attributed_to": p.attributed_to,
                    "article_id": p.article_id,
                    "published_at": published.get(p.article_id or ""),
                    "data": p.model_dump(mode="json"),
                }
                for i, p in enumerate(tr.positions)
            ],
        )
    _insert(
        conn,
        t.article_tracks,
        [
            {"article_id": a.article.id, "track_key": k}
            for a in present
            for k in sorted(_track_keys(a))
        ],
    )


def _track_row(key: str, tr: Track) -> Row:
    return {
        "key": key,
        "name": tr.name,
        "parties": tr.parties,
        "mediators": tr.mediators,
        "issues": tr.issues,
        "data": tr.model_dump(mode="json"),
    }


def round_histories(key: str, merged: Track, analyses: Sequence[Analysis]) -> list[list[Round]]:
    """Every article's report of each round of the merged track ``merged`` (key ``key``), in
    publication order, aligned with ``merged.rounds``.

    A number can name two sessions (one cancelled, one held later); a report then belongs to
    the first session whose last report is not older than it.
    """
    order = {an.article.id: _published(an) for an in analyses}
    out: list[list[Round]] = [[] if r.ordinal is not None else [r] for r in merged.rounds]
    for an in analyses:  # already oldest first
        for tr in (tr for tr in an.tracks if track_key(tr) == key):
            for r in tr.rounds:
                if r.ordinal is None:
                    continue
                stamped = r if r.article_id else r.model_copy(update={"article_id": an.article.id})
                slot = _session_of(merged.rounds, r.ordinal, order[an.article.id], order)
                if slot is not None:
                    out[slot].append(stamped)
    return [h or [r] for h, r in zip(out, merged.rounds, strict=True)]


def _session_of(
    rounds: list[Round],
    ordinal: int,
    when: tuple[dt.date, str],
    order: dict[str, tuple[dt.date, str]],
) -> int | None:
    same = [i for i, r in enumerate(rounds) if r.ordinal == ordinal]
    for i in same:
        last = order.get(rounds[i].article_id or "")
        if last is not None and when <= last:
            return i
    return same[-1] if same else None


def _round_row(key: str, i: int, r: Round, history: list[Round]) -> Row:
    return {
        "track_key": key,
        "idx": i,
        "ordinal": r.ordinal,
        "venue": r.venue,
        "date": r.date,
        "status": r.status,
        "article_id": r.article_id,
        "history": [h.model_dump(mode="json") for h in history],
    }


def _write_agreements(
    conn: sa.Connection, scope: _Scope, agreements: list[Agreement], present: list[Analysis]
) -> None:
    _delete_in(conn, t.agreement_statuses.c.agreement_key, scope.agreement_keys)
    _delete_in(conn, t.agreements.c.key, scope.agreement_keys)
    _delete_in(conn, t.article_agreements.c.article_id, scope.ids)
    for ag in agreements:
        key = agreement_key(ag.name)
        _insert(
            conn,
            t.agreements,
            [
                {
                    "key": key,
                    "name": ag.name,
                    "kind": ag.kind,
                    "parties": ag.parties,
                    "status": ag.status,
                    "date": ag.date,
                    "data": ag.model_dump(mode="json"),
                }
            ],
        )
        _insert(
            conn,
            t.agreement_statuses,
            [
                {
                    "agreement_key": key,
                    "idx": i,
                    "status": s.status,
                    "date": s.date,
                    "until": s.until,
                    "by": s.by,
                    "attributed_to": s.attributed_to,
                    "article_id": s.article_id,
                    "evidence": s.evidence.model_dump(mode="json") if s.evidence else None,
                }
                for i, s in enumerate(ag.statuses)
            ],
        )
    _insert(
        conn,
        t.article_agreements,
        [
            {"article_id": a.article.id, "agreement_key": k}
            for a in present
            for k in sorted(_agreement_keys(a))
        ],
    )


def _write_stories(
    conn: sa.Connection, scope: _Scope, stories: list[Story], analyses: list[Analysis]
) -> None:
    _delete_in(conn, t.story_events.c.story_id, scope.story_ids)
    _delete_in(conn, t.stories.c.id, scope.story_ids)
    _insert(
        conn,
        t.stories,
        [
            {
                "id": s.id,
                "type": s.type,
                "date": s.date,
                "first_report": s.first_report,
                "sources": s.sources,
                "article_count": len({split_ref(r)[0] for r in s.events}),
                "disagreements": s.disagreements,
            }
            for s in stories
        ],
    )
    _insert(conn, t.story_events, list(_event_rows(analyses, stories)))


def _event_rows(analyses: Sequence[Analysis], stories: list[Story]) -> Iterator[Row]:
    """``story_events`` rows: each member event with its day and the tolerance window."""
    by_id = {a.article.id: a for a in analyses}
    for s in stories:
        for ref in s.events:
            aid, idx = split_ref(ref)
            art = by_id[aid].article
            day, tol = event_day(
                EventRef(aid, idx, by_id[aid].events[idx], art.outlet, art.published_at)
            )
            yield {
                "story_id": s.id,
                "article_id": aid,
                "event_index": idx,
                "type": s.type,
                "day": day,
                "day_from": day - dt.timedelta(days=tol) if day else None,
                "day_to": day + dt.timedelta(days=tol) if day else None,
            }


def _mark_resolved(conn: sa.Connection, ids: list[str]) -> None:
    _delete_in(conn, t.resolved_articles.c.article_id, ids)
    _insert(conn, t.resolved_articles, [{"article_id": i} for i in sorted(ids)])
