"""Reading feeds: RSS and Atom (feedparser) and news sitemaps, into a list of items.

A feed is only a list of links here; the articles themselves are fetched one by one by the
watcher. Bad feeds end as :class:`~parley.errors.FetchError` with a readable reason: a document
that is neither a feed nor a sitemap, or one that lists more items than ``max_feed_items`` (a
100,000-item feed is refused before it is parsed, so it cannot eat the memory or the hour).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import Any

from parley.collect.fetch import canonical_url
from parley.errors import FetchError

__all__ = ["FeedItem", "FEED_TYPES", "parse_feed", "count_items"]

log = logging.getLogger(__name__)

FEED_TYPES = (
    "application/rss",
    "application/atom",
    "application/xml",
    "text/xml",
    "application/rdf",
)
_ITEM_TAGS = re.compile(rb"<(?:item|entry|url)[\s>]")
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: a stable key, the article's canonical URL and what the feed says."""

    key: str
    url: str
    title: str | None = None
    published_at: dt.date | None = None


def count_items(body: bytes) -> int:
    """How many items, entries or sitemap URLs ``body`` lists (a cheap scan before parsing)."""
    return len(_ITEM_TAGS.findall(body))


def parse_feed(body: bytes, url: str, max_items: int) -> tuple[str | None, list[FeedItem]]:
    """The title and items of an RSS/Atom feed or a (news) sitemap, oldest first.

    Raises:
        FetchError: too many items, or not a readable feed.
    """
    listed = count_items(body)
    if listed > max_items:
        raise FetchError(
            f"feed {url} lists {listed} items, more than the limit of {max_items} "
            "(collect.max_feed_items); refusing to read it"
        )
    if b"<urlset" in body[:2000]:
        return None, _sitemap(body, url)
    return _feed(body, url)


def _feed(body: bytes, url: str) -> tuple[str | None, list[FeedItem]]:
    import feedparser

    parsed: Any = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    version = parsed.get("version") or ""
    items = [i for i in (_entry(e) for e in parsed.entries) if i is not None]
    # feedparser reads broken XML loosely; keep what it found only if it found usable items.
    if not items and (_broken(parsed) or not version):
        why = parsed.get("bozo_exception") or "no RSS or Atom structure"
        raise FetchError(f"malformed feed at {url}: {why}")
    title = parsed.feed.get("title") or None
    return title, sorted(items, key=_order)


def _broken(parsed: Any) -> bool:
    """Whether feedparser hit a real syntax error (not just an encoding it had to guess)."""
    import feedparser

    if not parsed.bozo:
        return False
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    return not isinstance(parsed.get("bozo_exception"), benign)


def _entry(entry: Any) -> FeedItem | None:
    link = entry.get("link")
    if not link:
        return None
    try:
        url = canonical_url(link)
    except FetchError:
        log.info("skipping a feed item with an unusable link %r", link)
        return None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    day = dt.date(*stamp[:3]) if stamp else None
    return FeedItem(key=entry.get("id") or url, url=url, title=entry.get("title"), published_at=day)


def _sitemap(body: bytes, url: str) -> list[FeedItem]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as e:
        raise FetchError(f"malformed sitemap at {url}: {e}") from e
    items = []
    for node in root.iter(f"{_SITEMAP_NS}url"):
        loc = (node.findtext(f"{_SITEMAP_NS}loc") or "").strip()
        if not loc:
            continue
        title = node.findtext(f".//{_NEWS_NS}title")
        when = node.findtext(f".//{_NEWS_NS}publication_date") or node.findtext(
            f"{_SITEMAP_NS}lastmod"
        )
        try:
            link = canonical_url(loc)
        except FetchError:
            continue
        items.append(FeedItem(key=link, url=link, title=title, published_at=_day(when)))
    return sorted(items, key=_order)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10]) if value else None
    except ValueError:
        return None


def _order(item: FeedItem) -> tuple[dt.date, str]:
    return (item.published_at or dt.date.max, item.key)
