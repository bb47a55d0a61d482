"""The FastAPI application: JSON API under ``/api/v1``, web pages, one error shape, security.

:func:`create_app` wires a :class:`Services` object (store, settings, write token and the
lazily loaded pipeline) into the routers of
:mod:`parley.serve.api` and :mod:`parley.serve.web`. Every error a client sees is
``{"ok": false, "error": "...", "status": N}`` (browsers asking for a page get the same message
as an HTML page). Every response carries a strict Content-Security-Policy: scripts and styles
only from this server's ``/static``, nothing inline.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley import __version__
from parley.errors import InputError, NotFound, ParleyError, StoreError
from parley.serve.templating import templates
from parley.settings import Settings
from parley.store import Store, open_store
from parley.store.paging import BadCursor

if TYPE_CHECKING:
    from parley.batch import Analyzer

__all__ = ["create_app", "Services", "SECURITY_HEADERS"]

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class Services:
    """What every request handler needs: the store, settings, token and pipeline."""

    def __init__(
        self, store: Store, settings: Settings, token: str | None, pipeline: Analyzer | None
    ) -> None:
        self.store = store
        self.settings = settings
        self.token = token or None
        self._pipeline = pipeline
        self._pipeline_lock = threading.Lock()

    def pipeline(self) -> Analyzer:
        """The analysis pipeline, loaded on first use (loading spaCy takes seconds)."""
        with self._pipeline_lock:
            if self._pipeline is None:
                from parley.pipeline import Pipeline

                log.info("loading the analysis pipeline for the first write")
                self._pipeline = Pipeline(self.settings, kb=self.store.kb)
            return self._pipeline


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode().lower() not in SECURITY_HEADERS
                ]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


#: The longest query parameter value accepted (names, words and cursors are far shorter).
MAX_PARAM_CHARS = 4096


class QueryGuard:
    """ASGI middleware refusing, with a 422 in the one error shape, a request whose path or
    query holds a NUL character or a parameter over :data:`MAX_PARAM_CHARS` characters, before
    any handler or database sees it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        problem = _query_problem(scope) if scope["type"] == "http" else None
        if problem is None:
            await self.app(scope, receive, send)
            return
        response = error_response(Request(scope), 422, f"Invalid request: {problem}.")
        await response(scope, receive, send)


def _query_problem(scope: Scope) -> str | None:
    if "\x00" in scope.get("path", ""):
        return "the path contains a NUL character"
    query = scope.get("query_string", b"").decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True):
        if "\x00" in name or "\x00" in value:
            return f"parameter {name[:40]!r} contains a NUL character"
        if len(value) > MAX_PARAM_CHARS:
            return f"parameter {name[:40]!r} is longer than {MAX_PARAM_CHARS} characters"
    return None


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request, status: int, message: str, headers: Mapping[str, str] | None = None
) -> Response:
    """The one error shape: JSON for clients, the same message as a page for browsers."""
    if _wants_html(request):
        context = {"status": status, "message": message}
        return templates.TemplateResponse(
            request, "error.html", context, status_code=status, headers=dict(headers or {})
        )
    body = {"ok": False, "error": message, "status": status}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "Invalid request: " + "; ".join(parts)


def _register_errors(app: FastAPI) -> None:
    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return error_response(request, exc.status_code, str(exc.detail), exc.headers)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, _validation_message(exc))

    async def parley_error(request: Request, exc: Exception) -> Response:
        status = {NotFound: 404, InputError: 422, BadCursor: 422, StoreError: 503}
        code = next((c for k, c in status.items() if isinstance(exc, k)), 500)
        return error_response(request, code, str(exc))

    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "Internal error; the server log has the details.")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    for kind in (ParleyError, BadCursor):
        app.add_exception_handler(kind, parley_error)
    app.add_exception_handler(Exception, crash)


def _services(
    settings_or_store: Settings | Store, token: str | None, pipeline: Analyzer | None
) -> Services:
    if isinstance(settings_or_store, Store):
        return Services(settings_or_store, Settings(), token, pipeline)
    from parley.kb import load_kb

    settings = settings_or_store
    store = open_store(settings.db_url, kb=load_kb(settings.actor_files))
    return Services(store, settings, token, pipeline)


def create_app(
    settings_or_store: Settings | Store,
    token: str | None = None,
    *,
    pipeline: Analyzer | None = None,
) -> FastAPI:
    """The Parley web application over a store.

    Args:
        settings_or_store: settings (the database is opened from ``settings.db``) or an open
            :class:`~parley.store.Store`.
        token: the bearer token that allows writes (``POST /api/v1/articles``); with None every
            write is refused with 403.
        pipeline: an analysis pipeline to use for writes instead of loading one on first use.

    Raises:
        StoreError: the database cannot be opened.
    """
    from parley.serve import api, collect, web

    app = FastAPI(
        title="Parley",
        version=__version__,
        description="A structured, source-attributed record of diplomacy and conflict news.",
        docs_url=None,  # FastAPI's page loads scripts from a CDN; ours (/docs) is self-contained
        redoc_url=None,
    )
    app.state.services = _services(settings_or_store, token, pipeline)
    _register_errors(app)
    app.add_middleware(QueryGuard)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(collect.api)
    app.include_router(collect.pages)
    app.include_router(web.router)
    return app


def services(request: Request) -> Services:
    """The :class:`Services` of the app serving ``request`` (a FastAPI dependency)."""
    found: Any = request.app.state.services
    assert isinstance(found, Services)
    return found
