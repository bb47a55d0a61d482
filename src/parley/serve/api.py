"""The JSON API, ``/api/v1``: read everything, page with cursors, write with a token.

Lists answer ``{"items": [...], "next": cursor | null}``; pass ``next`` back as ``cursor`` to get
the following page (``limit`` ≤ 200). ``GET /articles/{id}`` answers the analysis JSON, the same
shape as ``parley analyze --json`` (``parley-analysis/1``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from parley.errors import NotFound
from parley.serve import listing
from parley.serve.app import Services, services
from parley.serve.listing import Filters, Page
from parley.serve.paging import page_of
from parley.serve.writes import (
    ArticleIn,
    analyze_and_save,
    check_size,
    check_token,
    read_article,
)
from parley.store.queries import resolve_actor

__all__ = ["router"]

router = APIRouter(prefix="/api/v1", tags=["api"])

Svc = Annotated[Services, Depends(services)]
Limit = Annotated[int, Query(ge=1, le=200, description="Items per page (at most 200).")]
Cursor = Annotated[str | None, Query(description="The 'next' value of the previous page.")]
Actor = Annotated[str | None, Query(description="Actor name, alias or id.")]
Country = Annotated[str | None, Query(description="ISO 3166 code or country name.")]
Outlet = Annotated[str | None, Query(description="Outlet name (case-insensitive).")]
Since = Annotated[dt.date | None, Query(description="From this date on (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="Up to this date (YYYY-MM-DD).")]
Words = Annotated[str | None, Query(description="Words the text contains.")]


@contextmanager
def _conn(svc: Services) -> Iterator[sa.Connection]:
    with svc.store.engine.connect() as conn:
        yield conn


@router.get("", summary="What the store holds, and where to look")
def root(svc: Svc) -> dict[str, Any]:
    """Counts of stored records and the list endpoints."""
    lists = [
        "articles",
        "actors",
        "quotes",
        "claims",
        "events",
        "tracks",
        "agreements",
        "stories",
        "search",
    ]
    return {"counts": svc.store.counts(), "endpoints": [f"/api/v1/{n}" for n in lists]}


@router.get("/articles", summary="Articles, newest first")
def articles(
    svc: Svc,
    actor: Actor = None,
    country: Country = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Stored articles (metadata only), newest publication date first."""
    f = Filters(actor=actor, country=country, outlet=outlet, since=since, until=until)
    with _conn(svc) as conn:
        return listing.list_articles(conn, svc.store.kb, f, limit, cursor).to_json()


@router.get("/articles/{article_id}", summary="One article's analysis (parley-analysis/1)")
def article(
    svc: Svc,
    article_id: str,
    with_text: Annotated[bool, Query(description="Include the text.")] = False,
) -> dict[str, Any]:
    """The analysis JSON of an article, by id or unique id prefix."""
    return svc.store.analysis(article_id).to_json(with_text=with_text)


_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/articles",
    summary="Analyse and store a new article (needs the token)",
    status_code=201,
    openapi_extra=_POST_BODY,
)
async def post_article(request: Request, svc: Svc) -> JSONResponse:
    """Analyse the posted article and store it; answers its analysis JSON.

    201 when new, 200 when it was stored already; 401/403 without the right token; 413 over
    1 MB or ``max_article_chars``; 422 for empty, unreadable or non-English text (the error
    says which).
    """
    check_token(svc, request)
    posted = await read_article(request)
    check_size(svc, posted)
    analysis, new = await run_in_threadpool(analyze_and_save, svc, posted)
    location = f"/api/v1/articles/{analysis.article.id}"
    return JSONResponse(
        analysis.to_json(), status_code=201 if new else 200, headers={"Location": location}
    )


@router.get("/actors", summary="Actors, most mentioned first")
def actors(
    svc: Svc,
    type: Annotated[str | None, Query(description="Kind: person, state, …")] = None,
    country: Country = None,
    q: Annotated[str | None, Query(description="Name, alias or id.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Actors seen in stored articles, with how many articles and mentions name them."""
    f = Filters(actor=q, type=type, country=country)
    with _conn(svc) as conn:
        return listing.list_actors(conn, svc.store.kb, f, limit, cursor).to_json()


@router.get("/actors/{actor_id}", summary="One actor")
def actor(svc: Svc, actor_id: Annotated[str, Path()]) -> dict[str, Any]:
    """An actor by exact id, with its article and mention counts."""
    with _conn(svc) as conn:
        page = listing.list_actors(conn, None, Filters(actor_ids=(actor_id,)), 1, None)
    if not page.items:
        raise NotFound(f"No actor with id {actor_id!r}. List actors at /api/v1/actors.")
    return dict(page.items[0])


@router.get("/quotes", summary="Quotes, newest first")
def quotes(
    svc: Svc,
    actor: Actor = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    q: Words = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Quotes; ``actor`` is the speaker."""
    f = Filters(actor=actor, outlet=outlet, since=since, until=until, q=q)
    with _conn(svc) as conn:
        return listing.list_quotes(conn, svc.store.kb, f, limit, cursor).to_json()


@router.get("/claims", summary="Attributed claims, newest first")
def claims(
    svc: Svc,
    actor: Actor = None,
    type: Annotated[
        str | None, Query(description="Reporter kind: outlet, anonymous, person, …")
    ] = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    q: Words = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Claims and who they are attributed to; ``actor`` is the reporter."""
    f = Filters(actor=actor, type=type, outlet=outlet, since=since, until=until, q=q)
    with _conn(svc) as conn:
        return listing.list_claims(conn, svc.store.kb, f, limit, cursor).to_json()


@router.get("/events", summary="Events, newest first")
def events(
    svc: Svc,
    actor: Actor = None,
    country: Country = None,
    type: Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT.")] = None,
    status: Annotated[str | None, Query(description="occurred, planned, …")] = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """PLOVER events with their evidence; ``names`` maps each actor id to its name."""
    f = Filters(
        actor=actor,
        country=country,
        type=type,
        status=status,
        outlet=outlet,
        since=since,
        until=until,
    )
    with _conn(svc) as conn:
        return listing.list_events(conn, svc.store.kb, f, limit, cursor).to_json()


def _actor_ids(svc: Services, actor: str | None) -> set[str] | None:
    if not actor:
        return None
    with _conn(svc) as conn:
        return {actor, *resolve_actor(conn, actor, svc.store.kb)}


@router.get("/tracks", summary="Negotiation tracks")
def tracks(
    svc: Svc, actor: Actor = None, limit: Limit = 50, cursor: Cursor = None
) -> dict[str, Any]:
    """Negotiation tracks merged across articles, by name, with each round's history (every
    article's report of it) and the articles cited; ``actor`` is a party or mediator."""
    ids = _actor_ids(svc, actor)
    found = [
        rec
        for rec in svc.store.tracks()
        if ids is None or ids & {*rec.track.parties, *rec.track.mediators}
    ]
    items, nxt = page_of(found, lambda rec: [rec.track.name, rec.key], limit, cursor)
    return Page([rec.to_json() for rec in items], nxt).to_json()


@router.get("/tracks/{name:path}", summary="One negotiation track")
def track(svc: Svc, name: str) -> dict[str, Any]:
    """A track by key, name (any case) or the start of its name, with its rounds' histories,
    positions, agreements and cited articles."""
    return svc.store.track(name).to_json()


@router.get("/agreements", summary="Agreements and their status timelines")
def agreements(
    svc: Svc,
    actor: Actor = None,
    status: Annotated[str | None, Query(description="Current status.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Agreements merged across articles; ``actor`` is a party, ``status`` the latest one.
    Each status carries the outlet and date of the article it comes from."""
    ids = _actor_ids(svc, actor)
    found = [
        rec
        for rec in svc.store.agreements()
        if (ids is None or ids & set(rec.agreement.parties))
        and (status is None or (rec.agreement.status or "").lower() == status.lower())
    ]
    items, nxt = page_of(found, lambda rec: [rec.agreement.name, rec.key], limit, cursor)
    return Page([rec.to_json() for rec in items], nxt).to_json()


@router.get("/agreements/{name:path}", summary="One agreement")
def agreement(svc: Svc, name: str) -> dict[str, Any]:
    """An agreement by name ('new start treaty' finds New START), with its dated status
    timeline, evidence and source articles."""
    return svc.store.agreement(name).to_json()


@router.get("/stories", summary="Stories: one real-world event seen in several articles")
def stories(
    svc: Svc,
    type: Annotated[str | None, Query(description="PLOVER type.")] = None,
    min_sources: Annotated[int, Query(ge=1, description="At least this many articles.")] = 1,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Stories, newest first, with their member events (``article_id#index``) and sources."""
    f = Filters(type=type, since=since, until=until)
    with _conn(svc) as conn:
        return listing.list_stories(conn, f, min_sources, limit, cursor).to_json()


@router.get("/stories/{story_id}", summary="One story with its member events")
def story(svc: Svc, story_id: str) -> dict[str, Any]:
    """A story with each member event as the events listing shows it (evidence, outlet,
    date, title), and the articles that report it."""
    found = svc.store.story(story_id)
    with _conn(svc) as conn:
        members = listing.events_by_id(conn, found.events)
    sources = svc.store.sources(e["article_id"] for e in members)
    return {
        **found.model_dump(mode="json"),
        "members": members,
        "articles": [
            sources[a].to_json()
            for a in dict.fromkeys(e["article_id"] for e in members)
            if a in sources
        ],
    }


@router.get("/search", summary="Search article titles and texts, or quotes")
def search(
    svc: Svc,
    q: Annotated[str, Query(min_length=2, max_length=200, description="Words to find.")],
    kind: Annotated[
        Literal["articles", "quotes"], Query(description="What to search.")
    ] = "articles",
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> dict[str, Any]:
    """Articles whose title or text contains ``q``, or quotes that do (case-insensitive)."""
    if not q.strip():
        raise HTTPException(422, "Invalid request: query.q: give words to search for.")
    f = Filters(q=q.strip(), outlet=outlet, since=since, until=until)
    with _conn(svc) as conn:
        if kind == "quotes":
            return listing.list_quotes(conn, None, f, limit, cursor).to_json()
        return listing.search_articles(conn, f, limit, cursor).to_json()
