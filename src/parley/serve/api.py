"""The JSON API, ``/api/v1``: read everything, page with cursors, write with a token.

Lists answer ``{"items": [...], "next": cursor | null}``; pass ``next`` back as ``cursor`` to get
the following page (``limit`` ≤ 200). ``GET /articles/{id}`` answers the analysis JSON, the same
shape as ``parley analyze --json`` (``parley-analysis/1``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from parley.errors import NotFound
from parley.models import (
    ActorRow,
    AgreementRecord,
    AnalysisOut,
    ArticleRow,
    FoundClaim,
    FoundEvent,
    FoundQuote,
    Overview,
    Page,
    Story,
    StoryRecord,
    TrackRecord,
)
from parley.serve.app import Services, services
from parley.serve.writes import (
    ArticleIn,
    analyze_and_save,
    check_size,
    check_token,
    read_article,
)
from parley.store import Filters
from parley.store.queries import UNCERTAIN_STATUSES

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


def _answer(record: BaseModel) -> Response:
    """A record or page answered as its own JSON, the bytes FastAPI would write for it.

    The store builds these models from its own rows, already checked; FastAPI would dump the
    model, validate the dump against the response model again and serialise it, about 0.7 ms
    of a 4 ms page of events (pydantic's own serialiser takes 0.1). The decorator's
    ``response_model`` still documents the shape in the OpenAPI schema, and
    ``tests/test_api.py`` reads each answer back through that model."""
    return Response(record.model_dump_json(by_alias=True), media_type="application/json")


@router.get("", summary="What the store holds, and where to look")
def root(svc: Svc) -> Overview:
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
        "feeds",
        "fetches",
        "alerts",
    ]
    return Overview(counts=svc.store.counts(), endpoints=[f"/api/v1/{n}" for n in lists])


@router.get("/articles", summary="Articles, newest first", response_model=Page[ArticleRow])
def articles(
    svc: Svc,
    actor: Actor = None,
    country: Country = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Stored articles (metadata only), newest publication date first."""
    f = Filters(actor=actor, country=country, outlet=outlet, since=since, until=until)
    return _answer(svc.store.list_articles(f, limit, cursor))


@router.get(
    "/articles/{article_id}",
    summary="One article's analysis (parley-analysis/1)",
    response_class=JSONResponse,
    responses={200: {"model": AnalysisOut, "description": "The analysis JSON."}},
)
def article(
    svc: Svc,
    article_id: str,
    with_text: Annotated[bool, Query(description="Include the text.")] = False,
) -> JSONResponse:
    """The analysis JSON of an article, by id or unique id prefix.

    Answered as ``parley analyze --json`` writes it (the article text only when asked), not
    re-validated: the stored analysis is the contract, documented by ``AnalysisOut``.
    """
    return JSONResponse(svc.store.analysis(article_id).to_json(with_text=with_text))


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
    response_class=JSONResponse,
    responses={
        200: {"model": AnalysisOut, "description": "Stored already: its analysis JSON."},
        201: {"model": AnalysisOut, "description": "Stored now: its analysis JSON."},
    },
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


@router.get("/actors", summary="Actors, most mentioned first", response_model=Page[ActorRow])
def actors(
    svc: Svc,
    type: Annotated[str | None, Query(description="Kind: person, state, …")] = None,
    country: Country = None,
    q: Annotated[str | None, Query(description="Name, alias or id.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Actors seen in stored articles, with how many articles and mentions name them."""
    f = Filters(actor=q, type=type, country=country)
    return _answer(svc.store.list_actors(f, limit, cursor))


@router.get("/actors/{actor_id}", summary="One actor")
def actor(svc: Svc, actor_id: Annotated[str, Path()]) -> ActorRow:
    """An actor by exact id, with its article and mention counts."""
    try:
        return svc.store.actor(actor_id)
    except NotFound:
        raise NotFound(f"No actor with id {actor_id!r}. List actors at /api/v1/actors.") from None


@router.get("/quotes", summary="Quotes, newest first", response_model=Page[FoundQuote])
def quotes(
    svc: Svc,
    actor: Actor = None,
    outlet: Outlet = None,
    since: Since = None,
    until: Until = None,
    q: Words = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Quotes; ``actor`` is the speaker."""
    f = Filters(actor=actor, outlet=outlet, since=since, until=until, q=q)
    return _answer(svc.store.list_quotes(f, limit, cursor))


@router.get("/claims", summary="Attributed claims, newest first", response_model=Page[FoundClaim])
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
) -> Response:
    """Claims and who they are attributed to; ``actor`` is the reporter."""
    f = Filters(actor=actor, type=type, outlet=outlet, since=since, until=until, q=q)
    return _answer(svc.store.list_claims(f, limit, cursor))


@router.get("/events", summary="Events, newest first", response_model=Page[FoundEvent])
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
    every: Annotated[
        bool,
        Query(alias="all", description="Also negated and hypothetical events (left out)."),
    ] = False,
) -> Response:
    """PLOVER events with their evidence; ``names`` maps each actor id to its name. Events
    that did not happen or might happen (negated, hypothetical) only with ``all`` or
    ``status``."""
    f = Filters(
        actor=actor,
        country=country,
        type=type,
        status=status,
        outlet=outlet,
        since=since,
        until=until,
        hidden_statuses=() if every else UNCERTAIN_STATUSES,
    )
    return _answer(svc.store.list_events(f, limit, cursor))


@router.get("/tracks", summary="Negotiation tracks", response_model=Page[TrackRecord])
def tracks(svc: Svc, actor: Actor = None, limit: Limit = 50, cursor: Cursor = None) -> Response:
    """Negotiation tracks merged across articles, by name, with each round's history (every
    article's report of it) and the articles cited; ``actor`` is a party or mediator."""
    return _answer(svc.store.list_tracks(actor, limit, cursor))


@router.get("/tracks/{name:path}", summary="One negotiation track", response_model=TrackRecord)
def track(svc: Svc, name: str) -> Response:
    """A track by key, name (any case) or the start of its name, with its rounds' histories,
    positions, agreements and cited articles."""
    return _answer(svc.store.track(name))


@router.get(
    "/agreements",
    summary="Agreements and their status timelines",
    response_model=Page[AgreementRecord],
)
def agreements(
    svc: Svc,
    actor: Actor = None,
    status: Annotated[str | None, Query(description="Current status.")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Agreements merged across articles; ``actor`` is a party, ``status`` the latest one.
    Each status carries the outlet and date of the article it comes from."""
    return _answer(svc.store.list_agreements(actor, status, limit, cursor))


@router.get("/agreements/{name:path}", summary="One agreement", response_model=AgreementRecord)
def agreement(svc: Svc, name: str) -> Response:
    """An agreement by name ('new start treaty' finds New START), with its dated status
    timeline, evidence and source articles."""
    return _answer(svc.store.agreement(name))


@router.get(
    "/stories",
    summary="Stories: one real-world event seen in several articles",
    response_model=Page[Story],
)
def stories(
    svc: Svc,
    type: Annotated[str | None, Query(description="PLOVER type.")] = None,
    min_sources: Annotated[
        int, Query(ge=1, le=1_000_000, description="At least this many articles.")
    ] = 1,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Response:
    """Stories, newest first, with their member events (``article_id#index``) and sources."""
    f = Filters(type=type, since=since, until=until)
    return _answer(svc.store.list_stories(f, min_sources, limit, cursor))


@router.get(
    "/stories/{story_id}", summary="One story with its member events", response_model=StoryRecord
)
def story(svc: Svc, story_id: str) -> Response:
    """A story with each member event as the events listing shows it (evidence, outlet,
    date, title), and the articles that report it."""
    return _answer(svc.store.story(story_id))


@router.get(
    "/search",
    summary="Search article titles and texts, or quotes",
    response_model=Page[ArticleRow] | Page[FoundQuote],
)
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
) -> Response:
    """Articles whose title or text contains ``q``, or quotes that do (case-insensitive)."""
    if not q.strip():
        raise HTTPException(422, "Invalid request: query.q: give words to search for.")
    f = Filters(q=q.strip(), outlet=outlet, since=since, until=until)
    found: Page[FoundQuote] | Page[ArticleRow]
    if kind == "quotes":
        found = svc.store.list_quotes(f, limit, cursor)
    else:
        found = svc.store.list_articles(f, limit, cursor)
    return _answer(found)
