"""Feeds, alerts and subscriptions on the web: JSON under ``/api/v1``, two pages, an Atom feed.

- ``GET /api/v1/feeds`` (state of each followed feed), ``GET /api/v1/fetches`` (the fetch log,
  failures with their reasons), ``GET /api/v1/alerts``;
- ``GET/POST /api/v1/subscriptions`` and ``DELETE /api/v1/subscriptions/{id}``, and
  ``POST /api/v1/feeds`` / ``DELETE /api/v1/feeds/{id}``: only with the write token (a
  subscription holds a webhook URL and secret, which are not for every reader);
- pages ``/feeds`` and ``/alerts``; ``/alerts.atom`` for any feed reader.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import ValidationError

from parley.collect.alerts import Subscription
from parley.collect.fetch import canonical_url
from parley.collect.net import precheck_url
from parley.collect.views import AlertOut, Created, Done, FeedOut, FetchOut, SubscriptionOut
from parley.collect.webhooks import alert_json
from parley.errors import NotFound
from parley.models import Page
from parley.serve.app import Services, services
from parley.serve.templating import templates
from parley.serve.writes import check_token

__all__ = ["api", "pages"]

api = APIRouter(prefix="/api/v1", tags=["collect"])
pages = APIRouter(include_in_schema=False)

Svc = Annotated[Services, Depends(services)]
Limit = Annotated[int, Query(ge=1, le=500, description="At most this many.")]
#: Subscription ids are 32-bit integers in both stores; a larger one names none (422, not 500).
MAX_ID = 2**31 - 1
SubId = Annotated[
    int | None, Query(ge=1, le=MAX_ID, description="Only this subscription's alerts.")
]
ATOM = "http://www.w3.org/2005/Atom"


@api.get("/feeds", summary="Followed feeds and their state")
def feeds(svc: Svc) -> Page[FeedOut]:
    """Each feed: URL, title, last check and its outcome, consecutive failures, last error,
    item counts by state (stored, pending, failed, rejected)."""
    return Page(items=[FeedOut.model_validate(f) for f in svc.store.collect.feeds()])


@api.get("/fetches", summary="The fetch log, newest first")
def fetches(
    svc: Svc,
    outcome: Annotated[str | None, Query(description="ok, unchanged, failed or rejected.")] = None,
    limit: Limit = 100,
) -> Page[FetchOut]:
    """Every fetch of a feed or page, with its HTTP status and, for failures, the reason."""
    return Page(
        items=[FetchOut.model_validate(f) for f in svc.store.collect.fetches(limit, outcome)]
    )


@api.get("/alerts", summary="Alerts, newest first")
def alerts(svc: Svc, subscription: SubId = None, limit: Limit = 100) -> Page[AlertOut]:
    """Alerts raised for subscriptions: kind, title, data, time."""
    found = svc.store.collect.alerts(subscription, limit)
    return Page(items=[AlertOut.model_validate(alert_json(a, None)) for a in found])


def _created(what: str) -> dict[int | str, dict[str, Any]]:
    return {
        200: {"model": Created, "description": f"{what} existed already: its id."},
        201: {"model": Created, "description": f"{what} made now: its id."},
    }


@api.post(
    "/feeds",
    summary="Follow a feed (needs the token)",
    status_code=201,
    response_class=JSONResponse,
    responses=_created("The feed"),
)
async def add_feed(request: Request, svc: Svc) -> JSONResponse:
    """Body ``{"url": FEED_URL}``; a URL naming a private address is refused now,
    and every fetch checks where its name resolves to."""
    check_token(svc, request)
    url = str((await _body(request)).get("url") or "")
    precheck_url(url, svc.settings.collect.allow_hosts)
    fid, new = svc.store.collect.add_feed(canonical_url(url))
    return _answer(Created(id=fid, new=new))


@api.delete("/feeds/{feed_id}", summary="Stop following a feed (needs the token)")
def remove_feed(request: Request, svc: Svc, feed_id: int) -> Done:
    check_token(svc, request)
    if not svc.store.collect.remove_feed(str(feed_id)):
        raise NotFound(f"No feed {feed_id}.")
    return Done()


@api.get("/subscriptions", summary="Subscriptions (needs the token)")
def list_subscriptions(request: Request, svc: Svc) -> Page[SubscriptionOut]:
    """Every subscription; webhook secrets are never returned."""
    check_token(svc, request)
    subs = [Subscription.model_validate(r).public() for r in svc.store.collect.subscriptions()]
    return Page(items=[SubscriptionOut.model_validate(s) for s in subs])


@api.post(
    "/subscriptions",
    summary="Subscribe (needs the token)",
    status_code=201,
    response_class=JSONResponse,
    responses=_created("The same subscription"),
)
async def subscribe(request: Request, svc: Svc) -> JSONResponse:
    """Body: ``name`` and at least one of ``track``, ``agreement``, ``actor``,
    ``event_types``; optional ``min_sources``, ``webhook``, ``secret``."""
    check_token(svc, request)
    data = await _body(request)
    data.pop("jsonl", None)  # a file on the server is for the CLI, not for API clients
    try:
        sub = Subscription.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise HTTPException(422, f"Invalid subscription: {where}: {first['msg']}.") from e
    if not (sub.track or sub.agreement or sub.actor or sub.event_types):
        raise HTTPException(422, "Give a track, an agreement, an actor or event_types.")
    if sub.webhook:
        precheck_url(sub.webhook, svc.settings.collect.allow_hosts)
    sub_id, new = svc.store.collect.subscribe(**sub.model_dump(exclude={"id", "created_at"}))
    return _answer(Created(id=sub_id, new=new))


def _answer(made: Created) -> JSONResponse:
    return JSONResponse(made.model_dump(), status_code=201 if made.new else 200)


@api.delete("/subscriptions/{sub_id}", summary="Delete a subscription (needs the token)")
def unsubscribe(request: Request, svc: Svc, sub_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Done:
    check_token(svc, request)
    if not svc.store.collect.unsubscribe(sub_id):
        raise NotFound(f"No subscription {sub_id}.")
    return Done()


async def _body(request: Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError as e:
        raise HTTPException(422, "The body is not valid JSON.") from e
    if not isinstance(data, dict):
        raise HTTPException(422, "The body must be a JSON object.")
    return data


@pages.get("/feeds", response_class=HTMLResponse)
def feeds_page(request: Request, svc: Svc) -> Response:
    context = {"feeds": svc.store.collect.feeds(), "log": svc.store.collect.fetches(100)}
    return templates.TemplateResponse(request, "feeds.html", context)


@pages.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, svc: Svc, subscription: SubId = None) -> Response:
    found = [alert_json(a, None) for a in svc.store.collect.alerts(subscription, 200)]
    context = {"alerts": found, "subscription": subscription}
    return templates.TemplateResponse(request, "alerts.html", context)


@pages.get("/alerts.atom")
def alerts_atom(request: Request, svc: Svc, subscription: SubId = None) -> Response:
    """The alerts as an Atom feed, newest first (built with ElementTree, so escaped)."""
    found = svc.store.collect.alerts(subscription, 200)
    base = str(request.base_url).rstrip("/")
    return Response(_atom(found, base, subscription), media_type="application/atom+xml")


def _atom(found: list[dict[str, Any]], base: str, subscription: int | None) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    suffix = f"?subscription={subscription}" if subscription is not None else ""
    _text(feed, "title", "Parley alerts")
    _text(feed, "id", f"{base}/alerts.atom{suffix}")
    newest = found[0]["created_at"] if found else dt.datetime.now(dt.UTC)
    _text(feed, "updated", _stamp(newest))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base}/alerts.atom{suffix}")
    for alert in found:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", f"{base}/alerts#{alert['id']}")
        _text(entry, "title", alert["title"])
        _text(entry, "updated", _stamp(alert["created_at"]))
        _text(entry, "summary", _summary(alert["data"]))
        article = alert["data"].get("article_id")
        if article:
            ET.SubElement(entry, f"{{{ATOM}}}link", href=f"{base}/articles/{article}")
    out: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return out


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = value


def _stamp(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat()
    return str(value)


def _summary(data: dict[str, Any]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in data.items() if v not in (None, [], ""))
