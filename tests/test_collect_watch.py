"""The watcher against local feeds: everything once, resumable after kill -9, conditional GET,
and hostile servers that each end as a recorded failure while the watcher goes on."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from collect_light import LightAnalyzer
from collect_site import (
    Entry,
    Handler,
    Site,
    article_html,
    drip,
    feed_route,
    huge,
    never_answers,
    page,
    redirect,
    rss,
    status,
)
from parley.collect.watch import fetch_urls, watch_once
from parley.settings import CollectSettings
from parley.store import Store, open_store

HERE = Path(__file__).resolve().parent
PLACES = ["Geneva", "Vienna", "Doha", "Oslo", "Astana", "Muscat", "Nairobi", "Ankara", "Cairo"]


def _cfg(**kw: object) -> CollectSettings:
    base = dict(
        allow_hosts=["127.0.0.1"],
        politeness_delay=0,
        retries=1,
        backoff=0.01,
        connect_timeout=2,
        read_timeout=1.5,
        total_timeout=3,
        max_bytes=200_000,
        max_feed_items=1000,
    )
    return CollectSettings.model_validate({**base, **kw})


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site().start()
    yield s
    s.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "watch.db")) as s:
        yield s


@pytest.fixture(scope="module")
def light() -> LightAnalyzer:
    return LightAnalyzer()


def _story(feed: int, n: int) -> list[str]:
    place = PLACES[(feed * 7 + n) % len(PLACES)]
    return [
        f"Delegations from the northern and southern provinces met in {place} on day {n} of "
        f"the talks convened by mediator number {feed}, officials said on Tuesday.",
        f"The session, the {n}th of its kind this year, ended with a promise to meet again "
        f"and to exchange {n + feed} detainees before the next round of negotiations.",
    ]


def _three_feeds(site: Site, per_feed: int = 100) -> dict[str, str]:
    """Three feeds of ``per_feed`` HTML articles each; returns feed path → ETag holder key."""
    etags: dict[str, str] = {}
    start = dt.date(2026, 1, 1)
    for f in range(3):
        entries = []
        for n in range(per_feed):
            path = f"/f{f}/story-{n}.html"
            site.routes[path] = page(article_html(f"Talks {f}-{n}", _story(f, n)))
            # Feeds link with tracking parameters; the stored URL must be the canonical one.
            link = site.url(path) + f"?utm_source=feed{f}&utm_medium=rss"
            entries.append(Entry(link, f"Talks {f}-{n}", start + dt.timedelta(days=n)))
        body = rss(f"Feed {f}", entries)
        etags[f"/feed{f}.xml"] = '"v1"'
        key = f"/feed{f}.xml"
        site.routes[key] = feed_route(lambda b=body: b, lambda k=key: etags[k])
    return etags


def _article_pages(site: Site) -> int:
    return sum(1 for s in site.seen if "/story-" in s.path)


def test_three_feeds_of_300_items_are_stored_exactly_once(
    site: Site, store: Store, light: LightAnalyzer
) -> None:
    etags = _three_feeds(site)
    for f in range(3):
        store.collect.add_feed(site.url(f"/feed{f}.xml"))
    first = watch_once(store, light, _cfg())
    assert (len(first.stored), first.new_items, first.rejected, first.failed) == (300, 300, 0, 0)
    assert store.counts()["articles"] == 300
    assert _article_pages(site) == 300
    urls = {a.url for a in store.articles(limit=None)}
    assert len(urls) == 300 and not any("utm_" in (u or "") for u in urls)

    # Unchanged ETag: the feeds answer 304 and nothing is read again.
    second = watch_once(store, light, _cfg())
    assert (second.unchanged, second.new_items, len(second.stored)) == (3, 0, 0)
    assert _article_pages(site) == 300
    assert [s["status"] for s in store.collect.fetches(limit=3)] == [304, 304, 304]

    # A changed ETag re-reads that feed (and finds nothing new to store).
    etags["/feed1.xml"] = '"v2"'
    third = watch_once(store, light, _cfg())
    assert (third.unchanged, third.new_items, len(third.stored)) == (2, 0, 0)
    assert site.hits("/feed1.xml") == 3 and site.hits("/feed0.xml") == 3
    assert _article_pages(site) == 300
    assert store.counts()["articles"] == 300


def test_the_same_article_in_two_feeds_is_stored_once(
    site: Site, store: Store, light: LightAnalyzer
) -> None:
    site.routes["/shared.html"] = page(article_html("Shared", _story(9, 1)))
    for name, tag in (("/a.xml", "a"), ("/b.xml", "b")):
        link = site.url("/shared.html") + f"?utm_campaign={tag}"
        body = rss(name, [Entry(link, "Shared", dt.date(2026, 2, 1))])
        site.routes[name] = feed_route(lambda b=body: b, lambda: '"x"')
        store.collect.add_feed(site.url(name))
    report = watch_once(store, light, _cfg())
    assert len(report.stored) == 1 and report.skipped == 1
    assert store.counts()["articles"] == 1


def _kill_config(tmp_path: Path) -> Path:
    cfg = tmp_path / "parley.toml"
    cfg.write_text(
        "[parley.collect]\nallow_hosts = ['127.0.0.1']\npoliteness_delay = 0\n"
        "retries = 0\nread_timeout = 20\ntotal_timeout = 30\n"
    )
    return cfg


def _run_watcher(db: Path, cfg: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(HERE)}
    return subprocess.Popen(
        [sys.executable, str(HERE / "collect_light.py"), str(db), str(cfg)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.timeout(120)
def test_a_watcher_killed_mid_cycle_resumes_without_loss_or_duplicates(
    site: Site, tmp_path: Path
) -> None:
    _three_feeds(site)
    db = tmp_path / "kill.db"
    with open_store(str(db)) as s:
        for f in range(3):
            s.collect.add_feed(site.url(f"/feed{f}.xml"))
    # The 150th article page blocks until the watcher is killed.
    reached, kill_path = threading.Event(), "/f1/story-49.html"
    normal = site.routes[kill_path]

    def stall(h: Handler) -> None:
        reached.set()
        h.site.closing.wait(30)

    site.routes[kill_path] = stall
    cfg = _kill_config(tmp_path)
    watcher = _run_watcher(db, cfg)
    assert reached.wait(60), watcher.stderr.read() if watcher.stderr else ""
    os.kill(watcher.pid, signal.SIGKILL)
    watcher.wait()
    with open_store(str(db)) as s:
        before = s.counts()["articles"]
    assert 0 < before < 300
    assert _article_pages(site) == 150

    site.routes[kill_path] = normal
    again = _run_watcher(db, cfg)
    out, err = again.communicate(timeout=90)
    assert again.returncode == 0, err
    with open_store(str(db)) as s:
        assert s.counts()["articles"] == 300
        items = s.collect.items()
        assert len(items) == 300 and {i["state"] for i in items} == {"stored"}
        assert len({i["article_id"] for i in items}) == 300
    # Only the page in flight when it died was asked for twice.
    fetched = [x.path for x in site.seen if "/story-" in x.path]
    assert len(fetched) == 301 and fetched.count(kill_path) == 2


HOSTILE = {
    "/404.html": (status(404), "HTTP 404"),
    "/500.html": (status(500), "HTTP 500"),
    "/silent.html": (never_answers, "timed out"),
    "/drip.html": (drip, "longer than 3s"),
    "/huge-declared.html": (huge(True), "over the 200000-byte cap"),
    "/huge.html": (huge(False), "larger than the 200000-byte cap"),
    "/to-private.html": (redirect("http://10.0.0.8/admin"), "10.0.0.8, a private address"),
    "/loop.html": (redirect("/loop2.html"), "redirect loop"),
    "/loop2.html": (redirect("/loop.html"), "redirect loop"),
    "/private/secret.html": (page(article_html("Secret", _story(0, 1))), "robots.txt"),
    "/not-article.html": (
        page(b"<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>"),
        "not an article",
    ),
    "/binary": (page(b"\x89PNG\r\n\x1a\n", "image/png"), "image/png, not text/html"),
}


@pytest.mark.timeout(120)
def test_hostile_pages_each_end_as_a_recorded_failure_and_the_watcher_goes_on(
    site: Site, store: Store, light: LightAnalyzer
) -> None:
    site.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    for path, (route, _) in HOSTILE.items():
        site.routes[path] = route
    site.routes["/good.html"] = page(article_html("Good", _story(5, 5)))
    paths = [p for p in HOSTILE if p != "/loop2.html"]
    entries = [Entry(site.url(p), p, dt.date(2026, 3, 1)) for p in paths]
    entries.append(Entry(site.url("/good.html"), "Good", dt.date(2026, 3, 2)))
    site.routes["/feed.xml"] = feed_route(lambda: rss("Hostile", entries), lambda: '"h"')
    store.collect.add_feed(site.url("/feed.xml"))

    report = watch_once(store, light, _cfg())

    assert len(report.stored) == 1  # the good article after all the bad ones
    reasons = {i["url"].removeprefix(site.base): i["reason"] for i in store.collect.items()}
    for path in paths:
        assert HOSTILE[path][1] in (reasons[path] or ""), (path, reasons[path])
    rejected = {r.source.removeprefix(site.base): r.reason for r in store.rejections()}
    assert set(paths) <= set(rejected)
    logged = {r["url"].removeprefix(site.base) for r in store.collect.fetches(outcome="failed")}
    assert set(paths) - {"/not-article.html"} <= logged


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "body, kind, reason",
    [
        (b"<rss><channel><item><title>unclosed", "application/rss+xml", "malformed feed"),
        (b"<html><body>not a feed</body></html>", "text/html", "text/html, not"),
        (b"just words", "application/xml", "malformed feed"),
    ],
)
def test_bad_feeds_are_recorded_with_a_reason(
    site: Site, store: Store, light: LightAnalyzer, body: bytes, kind: str, reason: str
) -> None:
    site.routes["/bad.xml"] = page(body, kind)
    site.routes["/good.html"] = page(article_html("Good", _story(1, 2)))
    good = rss("Good", [Entry(site.url("/good.html"), "Good", dt.date(2026, 3, 2))])
    site.routes["/good.xml"] = page(good, "application/rss+xml")
    store.collect.add_feed(site.url("/bad.xml"))
    store.collect.add_feed(site.url("/good.xml"))
    report = watch_once(store, light, _cfg())
    assert report.failed_feeds == 1 and len(report.stored) == 1
    bad = next(f for f in store.collect.feeds() if f["url"].endswith("/bad.xml"))
    assert bad["outcome"] == "failed" and reason in bad["error"] and bad["failures"] == 1


@pytest.mark.timeout(60)
def test_a_feed_of_100000_items_is_refused_without_parsing_it(
    site: Site, store: Store, light: LightAnalyzer
) -> None:
    day = dt.date(2026, 1, 1)
    entries = [Entry(f"http://example.org/n/{i}", f"item {i}", day) for i in range(100_000)]
    site.routes["/big.xml"] = page(rss("Big", entries), "application/rss+xml")
    store.collect.add_feed(site.url("/big.xml"))
    report = watch_once(store, light, _cfg(max_bytes=50_000_000))
    assert report.failed_feeds == 1 and report.new_items == 0
    (feed,) = store.collect.feeds()
    assert "lists 100000 items, more than the limit of 1000" in feed["error"]


def test_fetch_stores_pages_and_records_what_failed(
    site: Site, store: Store, light: LightAnalyzer
) -> None:
    site.routes["/a.html"] = page(article_html("A", _story(2, 3)))
    urls = [site.url("/a.html"), site.url("/a.html?utm_source=x"), site.url("/gone.html")]
    report = fetch_urls(urls, store, light, _cfg())
    assert len(report.stored) == 1 and report.skipped == 1 and report.rejected == 1
    (failure,) = store.collect.fetches(outcome="failed")
    assert failure["url"].endswith("/gone.html") and "HTTP 404" in failure["reason"]
