"""Watching feeds and fetching URLs: one cycle checks every feed, stores what is new, alerts.

A cycle, for each followed feed:

1. GET the feed with its stored validators (ETag, Last-Modified); a 304 costs nothing more;
2. parse it and record its new items as ``pending`` together with the new validators, in one
   transaction;
3. fetch, analyse and store each pending item (oldest first), marking it done as soon as its
   analysis is saved.

Every fetch, and every failure with its reason, goes to the fetch log; one feed or page failing
never stops the cycle. Killed at any point (even ``kill -9``), the next cycle finds the items
still pending and carries on: nothing is lost, and since an article's id hashes its text and
canonical URL, nothing is stored twice. After the cycle the resolved records the new articles
touch are refreshed and the subscriptions' alerts raised and delivered.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from parley.collect.feeds import FEED_TYPES, parse_feed
from parley.collect.fetch import Fetcher, Validators, canonical_url, page_document
from parley.collect.net import Response
from parley.errors import FetchError, InputError
from parley.models import Analysis, RawDocument, Rejection
from parley.settings import CollectSettings
from parley.store import Store
from parley.store.collect import ItemRow

if TYPE_CHECKING:
    from parley.batch import Analyzer

__all__ = ["CycleReport", "watch_once", "watch", "fetch_urls", "alert_after_ingest"]

log = logging.getLogger(__name__)


@dataclass
class CycleReport:
    """What one cycle did."""

    feeds: int = 0
    unchanged: int = 0
    failed_feeds: int = 0
    new_items: int = 0
    stored: list[str] = field(default_factory=list)
    skipped: int = 0
    rejected: int = 0
    failed: int = 0
    alerts: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "feeds": self.feeds,
            "unchanged": self.unchanged,
            "failed_feeds": self.failed_feeds,
            "new_items": self.new_items,
            "stored": len(self.stored),
            "skipped": self.skipped,
            "rejected": self.rejected,
            "failed": self.failed,
            "alerts": len(self.alerts),
        }

    def __str__(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in self.to_json().items())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _size(response: Response | None) -> int | None:
    return len(response.body) if response is not None else None


class _Cycle:
    """One cycle's fetcher, pipeline and bookkeeping."""

    def __init__(self, store: Store, pipeline: Analyzer, fetcher: Fetcher) -> None:
        self.store = store
        self.pipeline = pipeline
        self.fetcher = fetcher
        self.report = CycleReport()

    def check_feed(self, feed: dict[str, Any]) -> None:
        """Steps 1-2: fetch and parse the feed, record new items with the validators."""
        q, url, fid = self.store.collect, feed["url"], feed["id"]
        self.report.feeds += 1
        try:
            page = self.fetcher.get(
                url, FEED_TYPES, Validators(feed["etag"], feed["last_modified"])
            )
            if not page.changed:
                q.log_fetch(url, "feed", "unchanged", feed_id=fid, status=304)
                q.record_feed(fid, "unchanged")
                self.report.unchanged += 1
                return
            assert page.response is not None
            title, items = parse_feed(page.response.body, url, self.fetcher.cfg.max_feed_items)
        except FetchError as e:
            q.log_fetch(url, "feed", "failed", feed_id=fid, reason=str(e))
            q.record_feed(fid, "failed", str(e))
            self.report.failed_feeds += 1
            return
        new = q.record_items(fid, items, page.validators.etag, page.validators.last_modified, title)
        q.log_fetch(url, "feed", "ok", feed_id=fid, status=200, size=_size(page.response))
        self.report.new_items += new

    def process(self, item: ItemRow) -> None:
        """Step 3: fetch, analyse and store one item, then mark it done."""
        q = self.store.collect
        try:
            page = self.fetcher.get(item.url)
            raw = page_document(page, title=item.title, published_at=item.published_at)
        except FetchError as e:
            q.log_fetch(item.url, "page", "failed", feed_id=item.feed_id, reason=str(e))
            self._reject(item, e, "failed" if e.transient else "rejected")
            return
        v = (page.validators.etag, page.validators.last_modified)
        q.log_fetch(
            item.url, "page", "ok", feed_id=item.feed_id, size=_size(page.response), validators=v
        )
        try:
            article_id = self.ingest(raw)
        except InputError as e:
            self._reject(item, e, "rejected")
            return
        q.finish_item(item, "stored", article_id=article_id)

    def ingest(self, raw: RawDocument) -> str:
        """Normalise, analyse and save ``raw`` unless it is stored already; its article id.

        Raises:
            InputError: the page is not an article Parley can read (with the reason).
        """
        article = self.pipeline.normalize(raw)
        words = len(article.text.split())
        if words < self.fetcher.cfg.min_words:
            raise InputError(
                f"{raw.source} is not an article: only {words} words of text "
                f"(collect.min_words is {self.fetcher.cfg.min_words})"
            )
        if self.store.has_article(article.id):
            self.report.skipped += 1
            return article.id
        try:
            analysis: Analysis = self.pipeline.analyze(article)
        except InputError:
            raise
        except Exception as e:  # one bad article must not stop the watcher
            log.exception("extraction failed on %s", raw.source)
            raise InputError(f"extraction failed: {type(e).__name__}: {e}") from e
        self.store.save(analysis)
        self.report.stored.append(article.id)
        return article.id

    def _reject(self, item: ItemRow, err: InputError, state: str) -> None:
        self.store.collect.finish_item(item, state, reason=str(err))
        self.store.reject(Rejection(source=item.url, stage=err.stage, reason=str(err), at=_now()))
        if state == "failed":
            self.report.failed += 1
        else:
            self.report.rejected += 1

    def finish(self, cfg: CollectSettings, out: TextIO | None) -> CycleReport:
        """Refresh what the new articles touch, raise and deliver alerts."""
        from parley.collect.alerts import raise_alerts
        from parley.collect.webhooks import deliver
        from parley.resolve import refresh_resolved

        if self.report.stored:
            refresh_resolved(self.store, set(self.report.stored))
        self.report.alerts = raise_alerts(self.store, self.report.stored)
        if self.report.alerts:
            deliver(self.store, self.report.alerts, cfg, out)
        return self.report


def watch_once(
    store: Store,
    pipeline: Analyzer,
    cfg: CollectSettings,
    out: TextIO | None = None,
    fetcher: Fetcher | None = None,
) -> CycleReport:
    """Run one cycle over every followed feed (see the module docstring).

    Args:
        out: where alerts are written as JSON Lines (e.g. stdout); None: nowhere.
    """
    with fetcher or Fetcher(cfg) as f:
        cycle = _Cycle(store, pipeline, f)
        for feed in store.collect.feeds(active_only=True):
            cycle.check_feed(feed)
            for item in store.collect.pending_items(feed["id"]):
                cycle.process(item)
        return cycle.finish(cfg, out)


def watch(
    store: Store,
    pipeline: Analyzer,
    cfg: CollectSettings,
    interval: float,
    out: TextIO | None = None,
    cycles: int | None = None,
    on_cycle: Callable[[CycleReport], None] | None = None,
) -> None:
    """Run cycles every ``interval`` seconds, ``cycles`` times (forever when None)."""
    done = 0
    while cycles is None or done < cycles:
        started = time.monotonic()
        report = watch_once(store, pipeline, cfg, out)
        if on_cycle:
            on_cycle(report)
        done += 1
        if cycles is None or done < cycles:
            time.sleep(max(0.0, interval - (time.monotonic() - started)))


def fetch_urls(
    urls: Iterable[str],
    store: Store,
    pipeline: Analyzer,
    cfg: CollectSettings,
    out: TextIO | None = None,
) -> CycleReport:
    """Fetch, analyse and store each page in ``urls``; failures are logged and recorded as
    rejections with their reason, and the others go on."""
    with Fetcher(cfg) as f:
        cycle = _Cycle(store, pipeline, f)
        for url in urls:
            _fetch_one(cycle, url)
        return cycle.finish(cfg, out)


def alert_after_ingest(
    store: Store, cfg: CollectSettings, since: dt.datetime, out: TextIO | None = None
) -> list[int]:
    """Raise and deliver the alerts an ingest of files or archives caused (the articles
    stored since ``since`` count as new); nothing when no one subscribed."""
    from parley.collect.alerts import raise_alerts
    from parley.collect.webhooks import deliver

    if not store.collect.subscriptions():
        return []
    ids = raise_alerts(store, store.collect.articles_since(since))
    if ids:
        deliver(store, ids, cfg, out)
    return ids


def _fetch_one(cycle: _Cycle, url: str) -> None:
    """Fetch one page, asking with the validators of its last fetch whether it changed."""
    q = cycle.store.collect
    try:
        canonical = canonical_url(url)
        page = cycle.fetcher.get(canonical, validators=Validators(*q.page_validators(canonical)))
        if not page.changed:
            q.log_fetch(canonical, "page", "unchanged", status=304)
            cycle.report.unchanged += 1
            return
        raw = page_document(page)
        v = (page.validators.etag, page.validators.last_modified)
        q.log_fetch(page.url, "page", "ok", size=_size(page.response), validators=v)
        cycle.ingest(raw)
    except InputError as e:
        if isinstance(e, FetchError):
            q.log_fetch(url, "page", "failed", reason=str(e))
        cycle.store.reject(Rejection(source=url, stage=e.stage, reason=str(e), at=_now()))
        cycle.report.rejected += 1
