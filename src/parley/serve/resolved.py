"""Cross-article records (tracks, agreements, stories) for the API and pages, cached.

The store keeps per-article analyses only, so these are computed here with the pure functions of
:mod:`parley.resolve` over every stored analysis, and cached until the store changes (its article
count or latest ingestion time moves). Only the parts resolution reads are loaded: the article
metadata, events, agreements and tracks; never the text, mentions or quotes.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import sqlalchemy as sa

from parley.models import Agreement, Analysis, Story, Track
from parley.resolve import cluster_stories, merge_agreements, merge_tracks
from parley.resolve.agreements import agreement_key
from parley.serve.paging import BadCursor, decode_cursor, encode_cursor
from parley.store import schema as t

__all__ = ["Resolved", "ResolvedCache", "load_analyses", "page_of"]

log = logging.getLogger(__name__)

T = TypeVar("T")

# Parts of the analysis JSON that resolution needs; the rest is dropped before validation.
_KEEP = ("schema", "article", "events", "agreements", "rounds", "tracks")


@dataclass(frozen=True)
class Resolved:
    """Tracks, agreements and stories of the whole store at one moment."""

    tracks: list[Track] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)

    def track(self, name: str) -> Track | None:
        """The track called ``name`` (case-insensitive), if any."""
        wanted = name.casefold()
        return next((tr for tr in self.tracks if tr.name.casefold() == wanted), None)

    def agreement(self, name: str) -> Agreement | None:
        """The agreement called ``name`` ("New START", "new start treaty"), if any."""
        wanted = agreement_key(name)
        return next((a for a in self.agreements if agreement_key(a.name) == wanted), None)

    def actor_ids(self) -> set[str]:
        """Every actor id these records name (to look their names up in one query)."""
        ids = {a for tr in self.tracks for a in (*tr.parties, *tr.mediators)}
        ids |= {p.actor for tr in self.tracks for p in tr.positions}
        ids |= {a for ag in self.agreements for a in ag.parties}
        return ids


def load_analyses(conn: sa.Connection) -> Iterator[Analysis]:
    """Every stored analysis, reduced to what resolution reads (the text is left empty)."""
    rows = conn.execution_options(yield_per=500).execute(sa.select(t.analyses.c.json))
    for (data,) in rows:
        slim = {k: data[k] for k in _KEEP if k in data}
        slim["article"] = {**data["article"], "text": ""}
        yield Analysis.model_validate(slim)


def _safely(resolver: Callable[[Sequence[Analysis]], list[T]], analyses: Sequence[Analysis]
             ) -> list[T]:
    # One failing resolver must not take every page down with it; the log says which failed.
    try:
        return resolver(analyses)
    except Exception:
        log.exception("%s failed; serving no records of that kind", resolver.__name__)
        return []


def _undated_first(analyses: Sequence[Analysis]) -> list[Analysis]:
    # merge_tracks/merge_agreements sort by ``published_at or 0``, which raises on a mix of
    # dated and undated articles; dt.date.min gives the order they mean (undated first) and is
    # used for nothing but that order there.
    return [
        an if an.article.published_at else an.model_copy(
            update={"article": an.article.model_copy(update={"published_at": dt.date.min})})
        for an in analyses
    ]


def resolve_all(analyses: Sequence[Analysis]) -> Resolved:
    """Tracks, agreements and stories of ``analyses`` (pure)."""
    stories = _safely(cluster_stories, analyses)
    stories.sort(key=lambda s: (s.date or "", s.id), reverse=True)
    ordered = _undated_first(analyses)
    return Resolved(_safely(merge_tracks, ordered), _safely(merge_agreements, ordered), stories)


class ResolvedCache:
    """Recomputes :class:`Resolved` when the store has changed, at most once at a time."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._stamp: tuple[Any, ...] | None = None
        self._value = Resolved()

    def _current_stamp(self, conn: sa.Connection) -> tuple[Any, ...]:
        a = t.articles
        row = conn.execute(sa.select(sa.func.count(), sa.func.max(a.c.ingested_at))).one()
        return (row[0], row[1])

    def get(self) -> Resolved:
        """The records for the store as it is now."""
        with self._lock, self.engine.connect() as conn:
            stamp = self._current_stamp(conn)
            if stamp != self._stamp:
                started = dt.datetime.now()
                self._value = resolve_all(list(load_analyses(conn)))
                self._stamp = stamp
                log.info("resolved %s articles in %s", stamp[0], dt.datetime.now() - started)
            return self._value


def page_of(
    items: Sequence[T],
    key: Callable[[T], list[Any]],
    limit: int,
    cursor: str | None,
    reverse: bool = False,
) -> tuple[list[T], str | None]:
    """A page of an in-memory list already sorted by ``key`` (descending when ``reverse``).

    Raises:
        BadCursor: the cursor was not made for this listing.
    """
    start = 0
    if cursor:
        sample = key(items[0]) if items else []
        last = decode_cursor(cursor, len(sample)) if items else []
        if any(not isinstance(v, type(s)) for v, s in zip(last, sample, strict=True)):
            raise BadCursor("Invalid cursor: pass the 'next' value of the previous page.")
        start = next(
            (i for i, it in enumerate(items) if (key(it) < last if reverse else key(it) > last)),
            len(items),
        )
    chunk = list(items[start : start + limit])
    more = start + limit < len(items)
    return chunk, encode_cursor(key(chunk[-1])) if more and chunk else None
