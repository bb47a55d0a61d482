"""The web pages: server-rendered, autoescaped, no inline script, one query set per page.

Each handler gathers plain data with a fixed number of queries (the article page: one analysis
read, whatever the number of highlights; ``tests/test_api.py`` counts them) and hands it to a
template. Tracks, agreements and stories are the store's resolved records, kept up to date on
every save, so no page recomputes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from parley.errors import NotFound
from parley.serve import listing
from parley.serve.app import Services, services
from parley.serve.highlight import highlight
from parley.serve.listing import Filters
from parley.serve.templating import safe_url, templates
from parley.serve.timeline import ArticleMeta, article_meta, rounds_chart, track_entries
from parley.store import schema as t
from parley.store.resolved import story_articles

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Svc = Annotated[Services, Depends(services)]


def _page(request: Request, name: str, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context)


def _meta(conn: sa.Connection, ids: Iterable[str]) -> dict[str, ArticleMeta]:
    """Title, outlet and date of the articles with these ids (one query)."""
    wanted = [i for i in set(ids) if i]
    if not wanted:
        return {}
    a = t.articles
    query = sa.select(a.c.id, a.c.title, a.c.outlet, a.c.published_at).where(a.c.id.in_(wanted))
    return {r.id: ArticleMeta(r.id, r.title, r.outlet, r.published_at) for r in conn.execute(query)}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, svc: Svc) -> Response:
    tracks = [rec.track for rec in svc.store.tracks()]
    agreements = [rec.agreement for rec in svc.store.agreements()]
    stories = svc.store.stories(min_sources=2, limit=12)
    ids = {a for tr in tracks for a in (*tr.parties, *tr.mediators)}
    with svc.store.engine.connect() as conn:
        recent = listing.list_recent_articles(conn, 15)
        meta = _meta(conn, (s.first_report or "" for s in stories))
        names = listing.actor_names(conn, ids)
    return _page(
        request,
        "home.html",
        counts=svc.store.counts(),
        recent=recent,
        tracks=tracks,
        agreements=agreements,
        stories=stories,
        meta=meta,
        names=names,
    )


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    svc: Svc,
    outlet: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    cursor: str | None = None,
) -> Response:
    f = Filters(outlet=outlet or None, since=since, until=until)
    with svc.store.engine.connect() as conn:
        page = listing.list_articles(conn, svc.store.kb, f, 50, cursor)
    return _page(request, "articles.html", page=page, outlet=outlet or "", since=since, until=until)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, svc: Svc, article_id: str) -> Response:
    analysis = svc.store.analysis(article_id)
    names = {a.id: a.name for a in analysis.actors}
    return _page(
        request,
        "article.html",
        an=analysis,
        art=analysis.article,
        href=safe_url(analysis.article.url),
        hl=highlight(analysis),
        names=names,
    )


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, svc: Svc, q: str | None = None, cursor: str | None = None) -> Response:
    with svc.store.engine.connect() as conn:
        page = listing.list_actors(conn, svc.store.kb, Filters(actor=q or None), 100, cursor)
    return _page(request, "actors.html", page=page, q=q or "")


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor(request: Request, svc: Svc, actor_id: str) -> Response:
    f = Filters(actor_ids=(actor_id,))
    with svc.store.engine.connect() as conn:
        found = listing.list_actors(conn, None, f, 1, None).items
        if not found:
            raise NotFound(f"No actor with id {actor_id!r}.")
        quotes = listing.list_quotes(conn, None, f, 100, None)
        events = listing.list_events(conn, None, f, 100, None)
        claims = listing.list_claims(conn, None, f, 50, None)
    tracks = [
        rec.track
        for rec in svc.store.tracks()
        if actor_id in {*rec.track.parties, *rec.track.mediators}
    ]
    return _page(
        request,
        "actor.html",
        actor=found[0],
        quotes=quotes,
        events=events,
        claims=claims,
        tracks=tracks,
    )


@router.get("/tracks/{name:path}", response_class=HTMLResponse)
def track(request: Request, svc: Svc, name: str) -> Response:
    rec = svc.store.track(name)
    meta = article_meta(rec.sources)
    tr = rec.track
    names = svc.store.names({*tr.parties, *tr.mediators, *(p.actor for p in tr.positions)})
    return _page(
        request,
        "track.html",
        track=tr,
        chart=rounds_chart(tr, meta),
        entries=track_entries(rec, meta, names),
        names=names,
        agreements=[a.agreement for a in rec.agreements],
    )


@router.get("/agreements/{name:path}", response_class=HTMLResponse)
def agreement(request: Request, svc: Svc, name: str) -> Response:
    rec = svc.store.agreement(name)
    ag = rec.agreement
    names = svc.store.names({*ag.parties, *(s.attributed_to or "" for s in ag.statuses)})
    return _page(request, "agreement.html", ag=ag, meta=article_meta(rec.sources), names=names)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, svc: Svc, story_id: str) -> Response:
    found = svc.store.story(story_id)
    with svc.store.engine.connect() as conn:
        members = listing.events_by_id(conn, found.events)
        meta = _meta(conn, story_articles(found))
    sources = [meta[a] for a in story_articles(found) if a in meta]
    return _page(request, "story.html", story=found, members=members, sources=sources)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, svc: Svc, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    words = q.strip()
    found = quotes = None
    if len(words) >= 2:
        f = Filters(q=words)
        with svc.store.engine.connect() as conn:
            found = listing.search_articles(conn, f, 50, None)
            quotes = listing.list_quotes(conn, None, f, 50, None)
    return _page(request, "search.html", q=q, found=found, quotes=quotes)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Response:
    """The API reference, rendered from the OpenAPI schema (no scripts from elsewhere)."""
    schema = request.app.openapi()
    ops = [
        {
            "method": method.upper(),
            "path": path,
            "summary": op.get("summary", ""),
            "doc": op.get("description", ""),
            "params": [
                (p["name"], p.get("in", ""), p.get("description", ""), p.get("required", False))
                for p in op.get("parameters", [])
            ],
        }
        for path, item in schema.get("paths", {}).items()
        for method, op in item.items()
    ]
    return _page(request, "docs.html", ops=ops, info=schema.get("info", {}))
