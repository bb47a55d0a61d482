"""A write transaction on the store, and the reads and writes of the resolved tables in it.

Resolution (:mod:`parley.resolve.refresh`) sits above the store: it decides *what* the tracks,
agreements and stories are, and this module only stores them. Everything it does goes through a
:class:`Transaction` the caller opens with :meth:`parley.store.Store.transaction`, so the
analyses resolution reads and the rows it writes belong to one database transaction.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from parley.keys import split_ref
from parley.models import Agreement, Analysis, Article, Round, Story, Track
from parley.store import schema as t

__all__ = ["Transaction", "KeyedTrack", "KeyedAgreement", "StoryMember", "EventWindow"]

Row = dict[str, Any]
# Parts of the analysis JSON that resolution reads; the rest is dropped before validation.
_KEEP = ("schema", "article", "events", "agreements", "rounds", "tracks")
_CHUNK = 500


@dataclass(frozen=True)
class KeyedTrack:
    """A merged track under its key, with every article's report of each round."""

    key: str
    track: Track
    histories: list[list[Round]]


@dataclass(frozen=True)
class KeyedAgreement:
    """A merged agreement under its key."""

    key: str
    agreement: Agreement


@dataclass(frozen=True)
class StoryMember:
    """An event of a story, with its day and the window of days another report may have."""

    story_id: str
    article_id: str
    event_index: int
    type: str
    day: dt.date | None
    tolerance: int
    # What another event must share with this one to join its story (actors and their
    # states); None when unknown, and then any event of the type and days may join.
    keys: frozenset[str] | None = None
    # A report naming one side that matched the reports of several disputes: it stays apart
    # from all, and adding events cannot change that (:func:`parley.resolve.stories.cluster`).
    undecided: bool = False


@dataclass(frozen=True)
class EventWindow:
    """A new event's type and day ± tolerance: the stories it could join are looked up by it,
    and among them only those with a member sharing one of its ``keys`` (None: any member)."""

    type: str
    day: dt.date
    tolerance: int
    keys: frozenset[str] | None = None


class _Near:
    """The windows of one event type, indexed for :meth:`Transaction.stories_near`."""

    def __init__(self, windows: list[EventWindow]) -> None:
        self.windows = windows
        self.days = sorted(w.day for w in windows)
        self.by_tolerance: dict[int, list[dt.date]] = {}
        for w in windows:
            self.by_tolerance.setdefault(w.tolerance, []).append(w.day)
        for days in self.by_tolerance.values():
            days.sort()

    @staticmethod
    def by_type(windows: Iterable[EventWindow]) -> dict[str, _Joinable]:
        grouped: dict[str, list[EventWindow]] = {}
        for w in windows:
            grouped.setdefault(w.type, []).append(w)
        return {kind: _Joinable(ws) for kind, ws in grouped.items()}

    def spans(self, wide: int) -> list[tuple[dt.date, dt.date]]:
        """Merged day ranges holding every member either side of the test can accept."""
        out: list[tuple[dt.date, dt.date]] = []
        ranges = sorted(
            (w.day - dt.timedelta(days=r), w.day + dt.timedelta(days=r))
            for w in self.windows
            for r in [max(w.tolerance, wide)]
        )
        for lo, hi in ranges:
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], hi))
            else:
                out.append((lo, hi))
        return out

    def meets(self, row: Any) -> bool:
        """A member's day inside a window, or a window's day inside the member's window."""
        day, first, last = _as_date(row.day), row.day_from, row.day_to
        if first is not None and last is not None:
            i = bisect.bisect_left(self.days, _as_date(first))
            if i < len(self.days) and self.days[i] <= _as_date(last):
                return True
        for tol, days in self.by_tolerance.items():
            i = bisect.bisect_left(days, day - dt.timedelta(days=tol))
            if i < len(days) and days[i] <= day + dt.timedelta(days=tol):
                return True
        return False


class _Joinable:
    """The windows of one event type, by the keys a member must share to join them.

    Clustering pairs only events that share an actor or a state, so a story whose members
    share none with the new events is left as it is, however near its days: in a busy corpus
    most stories of a week are other stories, and reading their articles was most of a
    refresh. A member stored without keys (before they were kept, or whose sides another
    report lent) meets any window, as a window without keys meets any member."""

    def __init__(self, windows: list[EventWindow]) -> None:
        self.all = _Near(windows)
        wild = [w for w in windows if w.keys is None]
        self.wild = _Near(wild) if wild else None
        by_key: dict[str, list[EventWindow]] = {}
        for w in windows:
            for key in w.keys or ():
                by_key.setdefault(key, []).append(w)
        self.by_key = {key: _Near(ws) for key, ws in by_key.items()}

    def spans(self, wide: int) -> list[tuple[dt.date, dt.date]]:
        return self.all.spans(wide)

    def meets(self, row: Any) -> bool:
        """A member that shares a key with a window it meets in days (:meth:`_Near.meets`)."""
        keys = row.actor_keys
        if keys is None:
            return self.all.meets(row)
        if self.wild is not None and self.wild.meets(row):
            return True
        return any(near.meets(row) for key in keys if (near := self.by_key.get(key)) is not None)


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(items)
    for i in range(0, len(ordered), _CHUNK):
        yield ordered[i : i + _CHUNK]


def _as_date(value: dt.date | str) -> dt.date:
    """A date column's value (SQLite hands back text from an expression over it)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


_ACTOR_KEEP = ("id", "name", "kind", "country")


def _slim(data: dict[str, Any], events: bool = True) -> Analysis:
    slim = {k: data[k] for k in _KEEP if k in data and (events or k != "events")}
    slim["article"] = {**data["article"], "text": ""}
    # Story clustering lifts a person, a state's body and a group to their state
    # (``EventRef.countries``, ``bodies``, ``homes``): keep the actors that carry one, and of
    # them only what it reads, so the slim analysis stays small.
    placed = (
        {k: a[k] for k in _ACTOR_KEEP if k in a} for a in data.get("actors", ()) if a.get("country")
    )
    slim["actors"] = list(placed) if events else []
    return Analysis.model_validate(slim)


class Transaction:
    """One open write transaction: read stored analyses, replace resolved rows."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn

    # -- reads -----------------------------------------------------------------------------

    def analyses(self, ids: Iterable[str] | None, events: bool = True) -> list[Analysis]:
        """Stored analyses (all when ``ids`` is None), reduced to what resolution reads; the
        article text is left empty. In no particular order. Without ``events``, the events and
        actors are left out too (what merging tracks and agreements reads is a small part)."""
        query = sa.select(t.analyses.c.json)
        if ids is None:
            return [_slim(r, events) for (r,) in self.conn.execute(query)]
        return [
            _slim(r, events)
            for chunk in _chunks(ids)
            for (r,) in self.conn.execute(query.where(t.analyses.c.article_id.in_(chunk)))
        ]

    def record_parts(self, ids: Iterable[str]) -> tuple[list[Analysis], set[str]]:
        """What merging tracks and agreements reads of the stored articles among ``ids``: an
        analysis holding only the article's id, date and title, its tracks and its agreements,
        for each article that reports a track or an agreement; and the ids of every stored
        article among ``ids``.

        The database extracts the two parts from the analysis JSON, so neither the article's
        text nor its events are parsed: a track can span every article of a run, and its merge
        reads nothing else."""
        a, an = t.articles.c, t.analyses.c
        query = sa.select(
            a.id, a.published_at, a.title, an.json["tracks"], an.json["agreements"]
        ).join(t.analyses, an.article_id == a.id)
        parts: list[Analysis] = []
        stored: set[str] = set()
        for chunk in _chunks(ids):
            for aid, day, title, tracks, agreements in self.conn.execute(
                query.where(a.id.in_(chunk))
            ):
                stored.add(aid)
                if tracks or agreements:
                    article = Article(id=aid, text="", title=title, published_at=day)
                    parts.append(
                        Analysis.model_validate(
                            {
                                "article": article,
                                "tracks": tracks or [],
                                "agreements": agreements or [],
                            }
                        )
                    )
        return parts, stored

    def in_publication_order(self, ids: Iterable[str]) -> list[str]:
        """The stored articles among ``ids``, oldest first (publication day, undated first,
        then id): the order resolution merges them in."""
        a = t.articles.c
        found = [
            (day or dt.date.min, aid)
            for chunk in _chunks(ids)
            for aid, day in self.conn.execute(
                sa.select(a.id, a.published_at).where(a.id.in_(chunk))
            )
        ]
        return [aid for _, aid in sorted(found)]

    def unresolved(self) -> set[str]:
        """Stored articles never resolved (a batch interrupted before its refresh)."""
        a, r = t.articles.c.id, t.resolved_articles.c.article_id
        query = sa.select(a).outerjoin(t.resolved_articles, a == r).where(r.is_(None))
        return set(self.conn.execute(query).scalars())

    def unresolved_after(self, after: tuple[dt.date, str], limit: int) -> list[tuple[dt.date, str]]:
        """Up to ``limit`` stored articles never resolved, as (publication day, id), after
        ``after`` in that order (an undated article counts as ``dt.date.min``): pages of
        :meth:`unresolved` that a caller can resolve one at a time. Pages of nearby days touch
        nearby stories only, so each page reads few articles besides its own."""
        a, r = t.articles.c, t.resolved_articles.c.article_id
        day = sa.func.coalesce(a.published_at, sa.literal(dt.date.min, sa.Date))
        query = (
            sa.select(day, a.id)
            .outerjoin(t.resolved_articles, a.id == r)
            .where(r.is_(None), sa.tuple_(day, a.id) > sa.tuple_(*after))
            .order_by(day, a.id)
            .limit(limit)
        )
        return [(_as_date(d), i) for d, i in self.conn.execute(query)]

    def _column_for(
        self, want: sa.Column[Any], where: sa.Column[Any], values: Iterable[str]
    ) -> set[str]:
        """Values of ``want`` in rows whose ``where`` is one of ``values`` (chunked IN)."""
        return {
            v
            for chunk in _chunks(values)
            for v in self.conn.execute(sa.select(want).where(where.in_(chunk))).scalars()
        }

    def track_keys_of(self, article_ids: Iterable[str]) -> set[str]:
        """Keys of the tracks these articles reported at their last refresh."""
        at = t.article_tracks.c
        return self._column_for(at.track_key, at.article_id, article_ids)

    def agreement_keys_of(self, article_ids: Iterable[str]) -> set[str]:
        """Keys of the agreements these articles reported at their last refresh."""
        ag = t.article_agreements.c
        return self._column_for(ag.agreement_key, ag.article_id, article_ids)

    def articles_of_tracks(self, keys: Iterable[str]) -> set[str]:
        """The articles that reported any of these tracks."""
        at = t.article_tracks.c
        return self._column_for(at.article_id, at.track_key, keys)

    def articles_of_agreements(self, keys: Iterable[str]) -> set[str]:
        """The articles that reported any of these agreements."""
        ag = t.article_agreements.c
        return self._column_for(ag.article_id, ag.agreement_key, keys)

    def stories_of(self, article_ids: Iterable[str]) -> set[str]:
        """Ids of the stories holding an event of these articles."""
        se = t.story_events.c
        return self._column_for(se.story_id, se.article_id, article_ids)

    def members_of(self, story_ids: Iterable[str]) -> set[tuple[str, int]]:
        """``(article_id, event_index)`` of every event of these stories."""
        se = t.story_events.c
        return {
            (aid, idx)
            for chunk in _chunks(story_ids)
            for aid, idx in self.conn.execute(
                sa.select(se.article_id, se.event_index).where(se.story_id.in_(chunk))
            )
        }

    def undecided_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The undecided story members among these articles' events: ref (``article#index``)
        → the story holding it."""
        se = t.story_events.c
        return {
            f"{aid}#{idx}": story
            for chunk in _chunks(article_ids)
            for aid, idx, story in self.conn.execute(
                sa.select(se.article_id, se.event_index, se.story_id).where(
                    se.article_id.in_(chunk), se.undecided.is_(True)
                )
            )
        }

    def member_windows(
        self, article_ids: Iterable[str] = (), story_ids: Iterable[str] = ()
    ) -> list[EventWindow]:
        """The stored windows of the story members of these articles, and of the undecided
        members of these stories: what a report taken out of a story, or an undecided one,
        may have met."""
        se = t.story_events.c
        cols = (se.type, se.day, se.day_to, se.actor_keys)
        rows = [
            *(
                r
                for chunk in _chunks(article_ids)
                for r in self.conn.execute(sa.select(*cols).where(se.article_id.in_(chunk)))
            ),
            *(
                r
                for chunk in _chunks(story_ids)
                for r in self.conn.execute(
                    sa.select(*cols).where(se.story_id.in_(chunk), se.undecided.is_(True))
                )
            ),
        ]
        return [
            EventWindow(
                r.type,
                _as_date(r.day),
                (_as_date(r.day_to) - _as_date(r.day)).days,
                frozenset(r.actor_keys) if r.actor_keys is not None else None,
            )
            for r in rows
            if r.day is not None and r.day_to is not None
        ]

    def widest_reach(self) -> dict[str, int]:
        """Per event type, the largest tolerance of a stored story member (its ``day`` ±
        that many days is its window): how far from a day a member whose window holds the
        day can lie."""
        se = t.story_events.c
        if self.conn.dialect.name == "sqlite":
            width: Any = sa.func.julianday(se.day_to) - sa.func.julianday(se.day)
        else:
            width = se.day_to - se.day
        query = sa.select(se.type, sa.func.max(width)).group_by(se.type)
        return {kind: int(w or 0) for kind, w in self.conn.execute(query)}

    def stories_near(self, windows: Sequence[EventWindow], reach: Mapping[str, int]) -> set[str]:
        """Stories of the same type as a window with a member whose day is inside it, or
        whose own window holds the window's day: the two sides of the date test that joins
        events into a story.

        ``reach`` bounds each type's member windows (:meth:`widest_reach`, or more), so both
        sides read a range of the (type, day) index around the windows' days and the rows
        are tested here; an OR of both sides per window made the database scan every member
        for every few windows, which grew with the square of a run."""
        se = t.story_events.c
        found: set[str] = set()
        for kind, near in _Near.by_type(windows).items():
            wide = reach.get(kind, 0)
            for lo, hi in near.spans(wide):
                query = sa.select(se.story_id, se.day, se.day_from, se.day_to, se.actor_keys).where(
                    se.type == kind, se.day.between(lo, hi)
                )
                found |= {r.story_id for r in self.conn.execute(query) if near.meets(r)}
        return found

    # -- writes ----------------------------------------------------------------------------

    def clear_resolved(self) -> None:
        """Delete every resolved row (a rebuild from scratch follows)."""
        for table in t.RESOLVED:
            self.conn.execute(sa.delete(table))

    def _delete_in(self, column: sa.Column[Any], values: Iterable[str]) -> None:
        for chunk in _chunks(values):
            self.conn.execute(sa.delete(column.table).where(column.in_(chunk)))

    def _insert(self, table: sa.Table, rows: Sequence[Row]) -> None:
        if rows:
            self.conn.execute(sa.insert(table), list(rows))

    def replace_tracks(
        self,
        keys: Iterable[str],
        tracks: Sequence[KeyedTrack],
        reports: dict[str, set[str]],
        published: dict[str, dt.date | None],
    ) -> None:
        """Replace the tracks under ``keys`` with ``tracks``, and the article → track links
        of the articles in ``reports`` (article id → keys of the tracks it reports)."""
        keys = set(keys)
        for table in (t.positions, t.rounds, t.tracks):
            self._delete_in(table.c.key if table is t.tracks else table.c.track_key, keys)
        self._delete_in(t.article_tracks.c.article_id, reports)
        for kt in tracks:
            self._insert(t.tracks, [_track_row(kt.key, kt.track)])
            pairs = enumerate(zip(kt.track.rounds, kt.histories, strict=True))
            self._insert(t.rounds, [_round_row(kt.key, i, r, h) for i, (r, h) in pairs])
            self._insert(t.positions, _position_rows(kt, published))
        self._insert(
            t.article_tracks,
            [
                {"article_id": a, "track_key": k}
                for a in sorted(reports)
                for k in sorted(reports[a])
            ],
        )

    def replace_agreements(
        self,
        keys: Iterable[str],
        agreements: Sequence[KeyedAgreement],
        reports: dict[str, set[str]],
    ) -> None:
        """Replace the agreements under ``keys`` with ``agreements``, and the article →
        agreement links of the articles in ``reports``."""
        keys = set(keys)
        self._delete_in(t.agreement_statuses.c.agreement_key, keys)
        self._delete_in(t.agreements.c.key, keys)
        self._delete_in(t.article_agreements.c.article_id, reports)
        for ka in agreements:
            self._insert(t.agreements, [_agreement_row(ka)])
            self._insert(t.agreement_statuses, _status_rows(ka))
        self._insert(
            t.article_agreements,
            [
                {"article_id": a, "agreement_key": k}
                for a in sorted(reports)
                for k in sorted(reports[a])
            ],
        )

    def replace_stories(
        self, ids: Iterable[str], stories: Sequence[Story], members: Sequence[StoryMember]
    ) -> None:
        """Replace the stories with ``ids`` by ``stories`` and their ``members``.

        A story stored with the same row and members is left in place: each chunk of a batch
        run re-clusters every story near its articles, and most of them come out unchanged,
        so deleting and re-inserting them all (with their indexes) was most of the run's
        closing refresh."""
        rows = {s.id: _story_row(s) for s in stories}
        members_of: dict[str, list[Row]] = {i: [] for i in rows}
        for m in members:
            members_of[m.story_id].append(_member_row(m))
        same = self._unchanged_stories(set(ids) & rows.keys(), rows, members_of)
        stale = set(ids) - same
        self._delete_in(t.story_events.c.story_id, stale)
        self._delete_in(t.stories.c.id, stale)
        self._insert(t.stories, [row for i, row in rows.items() if i not in same])
        self._insert(t.story_events, [r for i in rows if i not in same for r in members_of[i]])

    def _unchanged_stories(
        self, ids: set[str], rows: Mapping[str, Row], members_of: Mapping[str, list[Row]]
    ) -> set[str]:
        """Those of ``ids`` whose stored row and members equal ``rows`` and ``members_of``."""
        st, se = t.stories, t.story_events.c
        stored: dict[str, list[Row]] = {i: [] for i in ids}
        same: set[str] = set()
        for chunk in _chunks(ids):
            for row in self.conn.execute(sa.select(st).where(st.c.id.in_(chunk))).mappings():
                if all(row[k] == v for k, v in rows[row["id"]].items()):
                    same.add(row["id"])
            query = sa.select(*t.story_events.c).where(se.story_id.in_(chunk))
            for member in self.conn.execute(query).mappings():
                stored[member["story_id"]].append(dict(member))
        return {i for i in same if _member_keys(stored[i]) == _member_keys(members_of[i])}

    def mark_resolved(self, article_ids: Iterable[str]) -> None:
        """Record that these articles' records are in the resolved tables."""
        ids = sorted(set(article_ids))
        self._delete_in(t.resolved_articles.c.article_id, ids)
        self._insert(t.resolved_articles, [{"article_id": i} for i in ids])


def _track_row(key: str, tr: Track) -> Row:
    return {
        "key": key,
        "name": tr.name,
        "parties": tr.parties,
        "mediators": tr.mediators,
        "issues": tr.issues,
        "data": tr.model_dump(mode="json"),
    }


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


def _position_rows(kt: KeyedTrack, published: dict[str, dt.date | None]) -> list[Row]:
    return [
        {
            "track_key": kt.key,
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
        for i, p in enumerate(kt.track.positions)
    ]


def _agreement_row(ka: KeyedAgreement) -> Row:
    ag = ka.agreement
    return {
        "key": ka.key,
        "name": ag.name,
        "kind": ag.kind,
        "parties": ag.parties,
        "status": ag.status,
        "date": ag.date,
        "data": ag.model_dump(mode="json"),
    }


def _status_rows(ka: KeyedAgreement) -> list[Row]:
    return [
        {
            "agreement_key": ka.key,
            "idx": i,
            "status": s.status,
            "date": s.date,
            "until": s.until,
            "by": s.by,
            "attributed_to": s.attributed_to,
            "venue": s.venue,
            "host": s.host,
            "article_id": s.article_id,
            "evidence": s.evidence.model_dump(mode="json") if s.evidence else None,
        }
        for i, s in enumerate(ka.agreement.statuses)
    ]


def _story_row(s: Story) -> Row:
    return {
        "id": s.id,
        "type": s.type,
        "date": s.date,
        "first_report": s.first_report,
        "sources": s.sources,
        "article_count": len({split_ref(r)[0] for r in s.events}),
        "disagreements": s.disagreements,
    }


def _member_keys(rows: Iterable[Row]) -> list[tuple[Any, ...]]:
    """Member rows in a comparable order (the database returns them in any)."""
    return sorted(
        tuple(tuple(v) if isinstance(v, list) else v for v in (r[k] for k in _MEMBER_COLUMNS))
        for r in rows
    )


_MEMBER_COLUMNS = (
    "story_id",
    "article_id",
    "event_index",
    "type",
    "day",
    "day_from",
    "day_to",
    "actor_keys",
    "undecided",
)


def _member_row(m: StoryMember) -> Row:
    return {
        "story_id": m.story_id,
        "article_id": m.article_id,
        "event_index": m.event_index,
        "type": m.type,
        "day": m.day,
        "day_from": m.day - dt.timedelta(days=m.tolerance) if m.day else None,
        "day_to": m.day + dt.timedelta(days=m.tolerance) if m.day else None,
        "actor_keys": sorted(m.keys) if m.keys is not None else None,
        "undecided": m.undecided,
    }
