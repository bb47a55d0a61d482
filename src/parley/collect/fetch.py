"""Fetching pages politely: canonical URLs, robots.txt, a delay per host, conditional GET.

:class:`Fetcher` wraps the SSRF-safe :class:`~parley.collect.net.SafeClient` with what a good
crawler citizen does: it reads each host's ``robots.txt`` once per run (protego) and obeys it,
waits ``politeness_delay`` seconds between requests to the same host, and sends the validators
(ETag, Last-Modified) it was given so an unchanged page costs a 304. :func:`canonical_url` strips
tracking parameters and fragments, so the same article shared with ``?utm_source=…`` is one URL
and therefore one article id.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from parley.collect.net import Response, SafeClient, user_agent
from parley.errors import FetchError
from parley.models import RawDocument
from parley.settings import CollectSettings

__all__ = [
    "Fetcher",
    "Page",
    "Validators",
    "canonical_url",
    "PAGE_TYPES",
    "page_document",
    "fetch_document",
]

log = logging.getLogger(__name__)

#: Content types an article page may have (text/plain pages are read like .txt files).
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def canonical_url(url: str) -> str:
    """``url`` normalised: lower-case host, default port dropped, tracking parameters
    (``utm_*``, ``fbclid``, …) removed, query sorted, fragment dropped.

    Raises:
        FetchError: not an http(s) URL.
    """
    from courlan import normalize_url

    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise FetchError(f"not an http(s) URL: {url!r}")
    try:
        clean = normalize_url(url.strip())
    except (ValueError, AttributeError) as e:
        raise FetchError(f"cannot read the URL {url!r}: {e}") from e
    p = urlsplit(clean)
    return urlunsplit((p.scheme, p.netloc, p.path or "/", p.query, ""))


@dataclass(frozen=True)
class Validators:
    """What a server said about a version of a resource, to ask 'has it changed?' next time."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["if-none-match"] = self.etag
        if self.last_modified:
            out["if-modified-since"] = self.last_modified
        return out

    @classmethod
    def of(cls, response: Response) -> Validators:
        return cls(response.headers.get("etag"), response.headers.get("last-modified"))


@dataclass
class Page:
    """A fetched resource: its canonical URL, the response (None when unchanged: 304)."""

    url: str
    response: Response | None
    validators: Validators

    @property
    def changed(self) -> bool:
        return self.response is not None


class Fetcher:
    """Polite, SSRF-safe GETs for one run. Use as a context manager."""

    def __init__(self, cfg: CollectSettings, client: SafeClient | None = None) -> None:
        self.cfg = cfg
        self.client = client or SafeClient(cfg)
        self._robots: dict[str, object | None] = {}
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()

    def get(
        self,
        url: str,
        accept: tuple[str, ...] = PAGE_TYPES,
        validators: Validators = Validators(),
        max_bytes: int | None = None,
    ) -> Page:
        """Fetch ``url`` (canonicalised) if robots.txt allows, after the per-host delay.

        Raises:
            FetchError: disallowed by robots.txt, or any failure of the request itself.
        """
        url = canonical_url(url)
        self._check_robots(url)
        self._wait(url)
        response = self.client.get(url, validators.headers(), accept, max_bytes)
        if response.not_modified:
            return Page(url, None, validators)
        return Page(url, response, Validators.of(response))

    def _wait(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            pause = self.cfg.politeness_delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _check_robots(self, url: str) -> None:
        if not self.cfg.robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        if rules is not None and not rules.can_fetch(url, user_agent(self.cfg)):  # type: ignore[attr-defined]
            raise FetchError(f"robots.txt of {parts.netloc} disallows {url}")

    def _read_robots(self, origin: str) -> object | None:
        """The host's rules; None (everything allowed) when it has no readable robots.txt."""
        from protego import Protego

        self._wait(origin + "/")
        try:
            response = self.client.get(origin + "/robots.txt", max_bytes=500_000)
        except FetchError as e:
            log.info("no usable robots.txt at %s (%s); fetching as allowed", origin, e)
            return None
        return Protego.parse(response.text())


def page_document(page: Page, **meta: object) -> RawDocument:
    """The raw document of a fetched page: HTML for normalisation, or plain text read like a
    ``.txt`` file (its ``Title:``/``Published:`` header honoured). ``meta`` (title, outlet,
    published_at from a feed item) fills what the page does not say.
    """
    from parley.ingest.metadata import coerce_metadata, split_header

    assert page.response is not None, "an unchanged page has no document"
    text = page.response.text()
    given = {k: v for k, v in meta.items() if v is not None}
    now = dt.datetime.now(dt.UTC)
    if page.response.content_type == "text/plain":
        header, body = split_header(text)
        fields = {**given, **coerce_metadata(header, f"{page.url} header")}
        fields["url"] = canonical_url(str(fields["url"])) if fields.get("url") else page.url
        return RawDocument(source=page.url, text=body, fetched_at=now, **fields)
    return RawDocument(source=page.url, html=text, url=page.url, fetched_at=now, **given)


def fetch_document(url: str, cfg: CollectSettings, **meta: object) -> RawDocument:
    """Fetch one article page under every rule of :class:`Fetcher` (SSRF checks, robots.txt,
    caps) and return its raw document.

    Raises:
        FetchError: the page cannot or may not be fetched (BlockedAddress for private hosts).
    """
    with Fetcher(cfg) as fetcher:
        return page_document(fetcher.get(url), **meta)
