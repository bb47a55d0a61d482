"""The web pages: server-rendered, autoescaped, no inline script, one query set per page.

Each handler gathers plain data with a fixed number of queries (the article page: one analysis
read, whatever the number of highlights; ``tests/test_api.py`` counts them) and hands it to a
template. Tracks, agreements and stories are the store's resolved records, kept up to date on
every save, so no page recomputes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from parley.models import Page
from parley.serve.app import Services, services
from parley.serve.highlight import highlight
from parley.serve.templating import safe_url, templates
from parley.serve.timeline import article_meta, rounds_chart, track_entries
from parley.store import Filters

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Svc = Annotated[Services, Depends(services)]


def _page(request: Request, name: str, **context: Any) -> Response:
    return templates.TemplateResponse(request, name, context)


def _json(view: BaseModel | Sequence[BaseModel]) -> Any:
    """A listing as its JSON twin (the API's answer to the same query) for a template; a
    page stays an object with ``items`` and ``next``."""
    if isinstance(view, Page):
        return SimpleNamespace(items=_json(view.items), next=view.next)
    if isinstance(view, BaseModel):
        return view.model_dump(mode="json")
    return [v.model_dump(mode="json") for v in view]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, svc: Svc) -> Response:
    tracks = svc.store.tracks()
    agreements = svc.store.agreements()
    stories = svc.store.stories(min_sources=2, limit=12)
    ids = {a for tr in tracks for a in (*tr.parties, *tr.mediators)}
    recent = svc.store.recent_articles(15)
    meta = article_meta(svc.store.sources(s.first_report for s in stories))
    names = svc.store.names(ids)
    return _page(
        request,
        "home.html",
        counts=svc.store.counts(),
        recent=_json(recent),
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
    page = svc.store.list_articles(f, 50, cursor)
    return _page(
        request, "articles.html", page=_json(page), outlet=outlet or "", since=since, until=until
    )


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
    page = svc.store.list_actors(Filters(actor=q or None), 100, cursor)
    return _page(request, "actors.html", page=_json(page), q=q or "")


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor(request: Request, svc: Svc, actor_id: str) -> Response:
    found = svc.store.actor(actor_id)
    f = Filters(actor_ids=(actor_id,))
    quotes = svc.store.list_quotes(f, 100)
    events = svc.store.list_events(f, 100)
    claims = svc.store.list_claims(f, 50)
    tracks = [rec for rec in svc.store.tracks() if actor_id in {*rec.parties, *rec.mediators}]
    return _page(
        request,
        "actor.html",
        actor=_json(found),
        quotes=_json(quotes),
        events=_json(events),
        claims=_json(claims),
        tracks=tracks,
    )


@router.get("/tracks/{name:path}", response_class=HTMLResponse)
def track(request: Request, svc: Svc, name: str) -> Response:
    rec = svc.store.track(name)
    meta = article_meta(rec.sources)
    tr = rec
    names = svc.store.names({*tr.parties, *tr.mediators, *(p.actor for p in tr.positions)})
    return _page(
        request,
        "track.html",
        track=tr,
        chart=rounds_chart(tr, meta),
        entries=track_entries(rec, meta, names),
        names=names,
        agreements=rec.agreements,
    )


@router.get("/agreements/{name:path}", response_class=HTMLResponse)
def agreement(request: Request, svc: Svc, name: str) -> Response:
    rec = svc.store.agreement(name)
    ag = rec
    names = svc.store.names(
        {
            *ag.parties,
            *(s.attributed_to or "" for s in ag.statuses),
            *(s.host or "" for s in ag.statuses),
        }
    )
    return _page(request, "agreement.html", ag=ag, meta=article_meta(rec.sources), names=names)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, svc: Svc, story_id: str) -> Response:
    found = svc.store.story(story_id)
    sources = list(article_meta({s.article_id: s for s in found.articles}).values())
    members = [_json(m) for m in found.members]
    return _page(request, "story.html", story=found, members=members, sources=sources)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, svc: Svc, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    words = q.strip()
    found = quotes = None
    if len(words) >= 2:
        f = Filters(q=words)
        found = _json(svc.store.list_articles(f, 50))
        quotes = _json(svc.store.list_quotes(f, 50))
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
