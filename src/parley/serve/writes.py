"""The one write: analyse a posted article and store it, for holders of the API token.

Without a configured token every write is refused (403), so a server started without one is
read-only whatever a client sends; with one, a missing or wrong ``Authorization: Bearer`` is 401.
Bodies are read with a size cap, so a huge upload is refused (413) without being buffered.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from typing import Any

from fastapi import HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.requests import ClientDisconnect

from parley.errors import EmptyInput
from parley.models import Analysis, RawDocument
from parley.resolve import refresh_resolved
from parley.serve.app import Services

__all__ = [
    "ArticleIn",
    "MAX_BYTES",
    "check_token",
    "check_size",
    "read_article",
    "analyze_and_save",
]

MAX_BYTES = 1_000_000


class ArticleIn(BaseModel):
    """A new article as posted to ``POST /api/v1/articles``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        default="",
        description="the article's text (plain text); leave it out and give 'url' to have the "
        "server fetch the page (public addresses only, robots.txt honoured)",
    )
    title: str | None = None
    subtitle: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: dt.date | None = None


def check_token(services: Services, request: Request) -> None:
    """Allow the request only with the configured bearer token.

    Raises:
        HTTPException: 403 when no token is configured, 401 when it is missing or wrong.
    """
    if services.token is None:
        raise HTTPException(
            403,
            "Writes are disabled: start the server with a token "
            "(parley serve --token-env PARLEY_API_TOKEN).",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), services.token.encode()
    ):
        raise HTTPException(
            401,
            "Missing or wrong token: send 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise HTTPException(413, f"Article too large: the limit is {MAX_BYTES} bytes.")
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BYTES:
                raise HTTPException(413, f"Article too large: the limit is {MAX_BYTES} bytes.")
            chunks.append(chunk)
    except ClientDisconnect as e:  # gone (or cut off for sending too slowly): nobody to answer
        raise HTTPException(400, "The client disconnected before sending the whole body.") from e
    return b"".join(chunks)


def _parse(body: bytes, content_type: str) -> ArticleIn:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HTTPException(422, "The body is not UTF-8 text.") from e
    if "json" not in content_type:
        return ArticleIn(text=text)
    try:
        data: Any = json.loads(text)
        return ArticleIn.model_validate(data)
    except json.JSONDecodeError as e:
        raise HTTPException(422, f"The body is not valid JSON: {e}.") from e
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise HTTPException(422, f"Invalid article: {where}: {first['msg']}.") from e


async def read_article(request: Request) -> ArticleIn:
    """The posted article: a JSON object (``application/json``) or the raw text.

    Raises:
        HTTPException: 413 over :data:`MAX_BYTES`, 422 for a body that is not an article.
    """
    article = _parse(await _body(request), request.headers.get("content-type", ""))
    if not article.text.strip() and not article.url:
        raise HTTPException(422, "The article text is empty (give 'text', or a 'url' to fetch).")
    return article


def check_size(services: Services, posted: ArticleIn) -> None:
    """Refuse an article over the configured ``max_article_chars`` before analysing it.

    Raises:
        HTTPException: 413 with the limit and how to raise it.
    """
    limit = services.settings.max_article_chars
    if len(posted.text) > limit:
        raise HTTPException(
            413,
            f"Article too long: {len(posted.text):,} characters; the limit is {limit:,} "
            f"(max_article_chars in parley.toml or PARLEY_MAX_ARTICLE_CHARS).",
        )


def analyze_and_save(services: Services, posted: ArticleIn) -> tuple[Analysis, bool]:
    """Normalise, analyse and store ``posted``, then bring the tracks, agreements and stories
    it touches up to date; returns the analysis and whether it is new.

    Raises:
        InputError: the text cannot be analysed (empty after cleaning, not English, …), or
            the URL cannot be fetched (a private address, robots.txt, HTTP error: FetchError).
    """
    pipeline = services.pipeline()
    if posted.text.strip() or not posted.url:
        raw = RawDocument(source="api", **posted.model_dump())
    else:
        from parley.collect.fetch import fetch_document

        meta = posted.model_dump(exclude={"text", "url"})
        raw = fetch_document(posted.url, services.settings.collect, **meta)
    article = pipeline.normalize(raw)
    if not article.text.strip():
        raise EmptyInput("The article text is empty after cleaning.")
    analysis = pipeline.analyze(article)
    new = not services.store.has_article(article.id)
    services.store.save(analysis)
    # Only the records this article can change are recomputed, so a write stays fast.
    refresh_resolved(services.store, {article.id})
    return analysis, new
