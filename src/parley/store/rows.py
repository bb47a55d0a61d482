"""Map one :class:`~parley.models.Analysis` to the rows of each per-article table.

Pure functions, no database: they are the whole of the object→row mapping, so a schema change
shows up here and in ``schema.py`` only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from parley.models import ActorInText, Analysis, Article, Event
from parley.store import schema as t

__all__ = ["utc", "from_db_time", "article_row", "actor_row", "child_rows", "event_id"]

Row = dict[str, Any]


def utc(when: dt.datetime | None) -> dt.datetime | None:
    """Store times in UTC; a naive time is taken to be UTC already."""
    if when is None or when.tzinfo is None:
        return when
    return when.astimezone(dt.UTC)


def from_db_time(when: dt.datetime | None) -> dt.datetime | None:
    """Read a stored time back as an aware UTC datetime (SQLite returns naive ones)."""
    if when is None:
        return None
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def event_id(article_id: str, index: int) -> str:
    """The id of an article's ``index``-th event: ``'<article_id>#<index>'`` (as in ``Story``)."""
    return f"{article_id}#{index}"


def article_row(article: Article, ingested_at: dt.datetime) -> Row:
    """The ``articles`` row of an article."""
    return {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "subtitle": article.subtitle,
        "dateline": article.dateline,
        "published_at": article.published_at,
        "language": article.language,
        "text": article.text,
        "source": article.source,
        "fetched_at": utc(article.fetched_at),
        "ingested_at": utc(ingested_at),
        "status": article.status,
    }


def actor_row(actor: ActorInText) -> Row:
    """The ``actors`` row of an actor seen in an article (mentions stay per article)."""
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "data": {"roles": list(actor.roles)},
    }


def child_rows(analysis: Analysis) -> Iterator[tuple[sa.Table, list[Row]]]:
    """Every per-article table with its rows for ``analysis``, parents before children."""
    aid = analysis.article.id
    json = analysis.to_json(with_text=False)
    yield t.analyses, [{"article_id": aid, "schema": analysis.schema_, "json": json}]
    yield (
        t.repairs,
        [
            {"article_id": aid, "idx": i, **r.model_dump(mode="json")}
            for i, r in enumerate(analysis.article.repairs)
        ],
    )
    published = analysis.article.published_at
    yield (
        t.mentions,
        [
            {
                "article_id": aid,
                "idx": i,
                **m.model_dump(exclude={"actor"}),
                "actor_id": m.actor,
                "published_at": published,
            }
            for i, m in enumerate(analysis.mentions)
        ],
    )
    listed = _listing_columns(analysis.article)
    yield (
        t.quotes,
        [{**_quote_row(aid, i, analysis), **listed} for i in range(len(analysis.quotes))],
    )
    yield (
        t.attributions,
        [
            {**_attribution_row(aid, i, analysis), **listed}
            for i in range(len(analysis.attributions))
        ],
    )
    yield t.events, [{**_event_row(aid, i, e), **listed} for i, e in enumerate(analysis.events)]
    yield (
        t.event_actors,
        [row for i, e in enumerate(analysis.events) for row in _links(aid, i, e, published)],
    )


def _listing_columns(article: Article) -> Row:
    """The article's date and outlet, copied onto its records so listings need no join."""
    return {"published_at": article.published_at, "outlet": article.outlet}


def _quote_row(aid: str, i: int, analysis: Analysis) -> Row:
    q = analysis.quotes[i]
    return {
        "article_id": aid,
        "idx": i,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "direct": q.direct,
        "speaker_actor_id": q.speaker.actor if q.speaker else None,
        "speaker_text": q.speaker.text if q.speaker else None,
        "cue": q.cue,
        "data": q.model_dump(mode="json"),
    }


def _attribution_row(aid: str, i: int, analysis: Analysis) -> Row:
    a = analysis.attributions[i]
    return {
        "article_id": aid,
        "idx": i,
        "start": a.claim.start,
        "end": a.claim.end,
        "claim": a.claim.text,
        "cue": a.cue,
        "reporter_actor_id": a.reporter.actor,
        "reporter_kind": a.reporter.kind,
        "reporter_text": a.reporter.text,
        "data": a.model_dump(mode="json"),
    }


def _event_row(aid: str, i: int, e: Event) -> Row:
    return {
        "id": event_id(aid, i),
        "article_id": aid,
        "idx": i,
        "type": e.type,
        "mode": e.mode,
        "status": e.status,
        "date_value": e.date.value if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "place_country": e.place.country if e.place else None,
        "source": list(e.source),
        "target": list(e.target),
        "confidence": e.confidence,
        "data": e.model_dump(mode="json"),
    }


def _links(aid: str, i: int, e: Event, published: dt.date | None) -> Iterator[Row]:
    # The same actor can be listed twice in one role; the link table keys on the triple.
    seen: set[tuple[str, str]] = set()
    for role, ids in (("source", e.source), ("target", e.target), ("mediator", e.mediator)):
        for actor in ids:
            if (actor, role) not in seen:
                seen.add((actor, role))
                yield {
                    "event_id": event_id(aid, i),
                    "article_id": aid,
                    "actor_id": actor,
                    "role": role,
                    "published_at": published,
                    "event_idx": i,
                }
