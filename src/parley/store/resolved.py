"""Read the resolved records: tracks with their rounds' histories, agreement timelines, stories.

Every record is a view model of :mod:`parley.models` and comes with the articles it rests on
(:class:`~parley.models.Source`: outlet, date, title), so a surface can cite each statement. The
rows are computed by :mod:`parley.resolve.refresh` and written through
:class:`parley.store.transaction.Transaction`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from parley.errors import NotFound
from parley.kb import alias_key
from parley.keys import agreement_key, split_ref
from parley.models import (
    Agreement,
    AgreementRecord,
    Round,
    RoundRecord,
    Source,
    StatusRecord,
    Story,
    Track,
    TrackRecord,
)
from parley.store import schema as t

__all__ = [
    "select_tracks",
    "select_track",
    "select_agreements",
    "select_agreement",
    "select_stories",
    "select_stories_by_id",
    "select_sources",
    "story_articles",
]


def select_sources(conn: sa.Connection, ids: Iterable[str | None]) -> dict[str, Source]:
    """The citation data of each stored article among ``ids``."""
    wanted = sorted({i for i in ids if i})
    a = t.articles.c
    out: dict[str, Source] = {}
    for i in range(0, len(wanted), 500):
        query = sa.select(a.id, a.outlet, a.published_at, a.title).where(
            a.id.in_(wanted[i : i + 500])
        )
        for row in conn.execute(query):
            out[row.id] = Source(
                article_id=row.id, outlet=row.outlet, published_at=row.published_at, title=row.title
            )
    return out


# -- agreements ------------------------------------------------------------------------------


def select_agreements(conn: sa.Connection) -> list[AgreementRecord]:
    """Every agreement with its timeline, by name."""
    rows = conn.execute(
        sa.select(t.agreements.c.key, t.agreements.c.data).order_by(
            t.agreements.c.name, t.agreements.c.key
        )
    ).all()
    found = [(row.key, Agreement.model_validate(row.data)) for row in rows]
    sources = select_sources(conn, (s.article_id for _, ag in found for s in ag.statuses))
    return [_agreement_record(key, ag, sources) for key, ag in found]


def _agreement_record(key: str, ag: Agreement, sources: dict[str, Source]) -> AgreementRecord:
    """The agreement with each status citing the article it comes from."""
    statuses = [
        StatusRecord(**dict(st), source=sources.get(st.article_id or "")) for st in ag.statuses
    ]
    return AgreementRecord(**{**dict(ag), "statuses": statuses, "key": key})


def _only(sources: dict[str, Source], ids: Iterable[str | None]) -> dict[str, Source]:
    return {i: sources[i] for i in ids if i and i in sources}


def select_agreement(conn: sa.Connection, name: str) -> AgreementRecord:
    """The agreement called ``name`` (any case, with or without 'the'/'treaty'), or by one of
    its aliases, or the one whose name starts with it.

    Raises:
        NotFound: none, or several, match.
    """
    every = select_agreements(conn)
    key = agreement_key(name)
    found = [a for a in every if a.key == key]
    # "the Treaty on Strategic Offensive Arms": another name a report gave the record.
    found = found or [a for a in every if key in {agreement_key(x) for x in a.aliases}]
    found = found or _prefixed(every, name, lambda a: a.name)
    _check_one([a.name for a in found], name, "agreement", "parley treaties")
    return found[0]


def _prefixed(items: Sequence[Any], prefix: str, name_of: Any) -> list[Any]:
    wanted = alias_key(prefix)
    return [it for it in items if alias_key(name_of(it)).startswith(wanted)] if wanted else []


def _check_one(names: list[str], name: str, what: str, listing: str) -> None:
    """Raise unless exactly one record matched ``name``."""
    if len(names) == 1:
        return
    if not names:
        raise NotFound(f"No {what} named {name!r}. List them with '{listing}'.")
    listed = "; ".join(sorted(set(names)))
    raise NotFound(f"Several {what}s match {name!r}: {listed}. Give more of the name.")


# -- tracks ----------------------------------------------------------------------------------


def select_tracks(conn: sa.Connection) -> list[TrackRecord]:
    """Every track with its rounds' histories and the agreements between its parties."""
    rows = conn.execute(
        sa.select(t.tracks.c.key, t.tracks.c.data).order_by(t.tracks.c.name, t.tracks.c.key)
    ).all()
    return _track_records(conn, [(row.key, Track.model_validate(row.data)) for row in rows])


def select_track(conn: sa.Connection, name: str) -> TrackRecord:
    """The track called ``name`` (its key, its name in any case, or the start of its name).

    Raises:
        NotFound: none, or several, match.
    """
    rows = conn.execute(sa.select(t.tracks.c.key, t.tracks.c.name)).all()
    exact = [r.key for r in rows if r.key == name or alias_key(r.name) == alias_key(name)]
    keys = exact or [r.key for r in _prefixed(rows, name, lambda r: r.name)]
    _check_one([r.name for r in rows if r.key in keys], name, "track", "parley tracks")
    data = conn.execute(sa.select(t.tracks.c.data).where(t.tracks.c.key == keys[0])).scalar_one()
    return _track_records(conn, [(keys[0], Track.model_validate(data))])[0]


def _track_records(conn: sa.Connection, found: list[tuple[str, Track]]) -> list[TrackRecord]:
    r = t.rounds.c
    histories: dict[str, dict[int, list[Round]]] = {}
    query = sa.select(r.track_key, r.idx, r.history).where(r.track_key.in_([k for k, _ in found]))
    for row in conn.execute(query):
        histories.setdefault(row.track_key, {})[row.idx] = [
            Round.model_validate(h) for h in row.history
        ]
    agreements = select_agreements(conn)
    out = []
    for key, tr in found:
        rounds = [
            RoundRecord(**dict(rd), history=histories.get(key, {}).get(i, [rd]))
            for i, rd in enumerate(tr.rounds)
        ]
        mine = [a for a in agreements if _same_parties(tr, a)]
        out.append(TrackRecord(**{**dict(tr), "rounds": rounds, "key": key, "agreements": mine}))
    sources = select_sources(conn, (i for rec in out for i in _article_ids(rec)))
    for rec in out:
        rec.sources = dict(sorted(_only(sources, _article_ids(rec)).items()))
    return out


def _same_parties(track: Track, agreement: Agreement) -> bool:
    """An agreement belongs to a track when every party of the track is a party to it."""
    return bool(track.parties) and set(track.parties) <= set(agreement.parties)


def _article_ids(rec: TrackRecord) -> list[str | None]:
    ids: list[str | None] = [h.article_id for r in rec.rounds for h in r.history]
    ids += [r.article_id for r in rec.rounds]
    ids += [p.article_id for p in rec.positions]
    ids += [s.article_id for a in rec.agreements for s in a.statuses]
    return ids


# -- stories ---------------------------------------------------------------------------------


def select_stories(
    conn: sa.Connection,
    since: dt.date | None = None,
    min_sources: int = 1,
    limit: int | None = None,
) -> list[Story]:
    """Stories reported by at least ``min_sources`` articles, from ``since`` on, newest first."""
    s = t.stories.c
    query = (
        sa.select(t.stories)
        .where(s.article_count >= min_sources)
        .order_by(s.date.desc().nulls_last(), s.id)
        .limit(limit)
    )
    if since is not None:
        query = query.where(s.date >= since.isoformat())
    return _stories(conn, conn.execute(query).all())


def select_stories_by_id(conn: sa.Connection, ids: Sequence[str]) -> list[Story]:
    """The stored stories among ``ids``, in the order given (unknown ids are left out)."""
    wanted = list(dict.fromkeys(ids))
    rows = {
        row.id: row
        for i in range(0, len(wanted), 500)
        for row in conn.execute(sa.select(t.stories).where(t.stories.c.id.in_(wanted[i : i + 500])))
    }
    return _stories(conn, [rows[i] for i in wanted if i in rows])


def _stories(conn: sa.Connection, rows: Sequence[sa.Row[Any]]) -> list[Story]:
    members = _members(conn, [row.id for row in rows])
    return [
        Story(
            id=row.id,
            type=row.type,
            date=row.date,
            events=members.get(row.id, []),
            sources=list(row.sources),
            first_report=row.first_report,
            disagreements=list(row.disagreements),
        )
        for row in rows
    ]


def _members(conn: sa.Connection, story_ids: list[str]) -> dict[str, list[str]]:
    """Each story's event refs in report order (publication date, article, index)."""
    se, a = t.story_events.c, t.articles.c
    out: dict[str, list[tuple[Any, ...]]] = {}
    for i in range(0, len(story_ids), 500):
        query = (
            sa.select(se.story_id, se.article_id, se.event_index, a.published_at)
            .outerjoin(t.articles, a.id == se.article_id)
            .where(se.story_id.in_(story_ids[i : i + 500]))
        )
        for row in conn.execute(query):
            key = (row.published_at or dt.date.min, row.article_id, row.event_index)
            out.setdefault(row.story_id, []).append(key)
    return {sid: [f"{aid}#{idx}" for _, aid, idx in sorted(keys)] for sid, keys in out.items()}


def story_articles(story: Story) -> list[str]:
    """The ids of the articles that report ``story``, first report first."""
    return list(dict.fromkeys(split_ref(r)[0] for r in story.events))
