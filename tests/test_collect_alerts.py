"""Alerts: replaying the demo corpus as a feed, in date order, raises each expected change once
and delivers it to a local webhook with a valid signature; a failing webhook is retried and its
failure recorded."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from collect_site import Entry, Handler, Site, page, rss, send
from parley.collect.alerts import Subscription
from parley.collect.watch import watch_once
from parley.collect.webhooks import SIGNATURE_HEADER
from parley.settings import CollectSettings
from parley.store import Store, open_store

DEMO = Path(__file__).resolve().parents[1] / "src" / "parley" / "demo" / "articles"
SECRET = "not-a-real-secret"

# What an analyst following the Armenia–Azerbaijan talks and the Caspian treaty should be told,
# as the demo corpus tells it (README: the third round announced, cancelled in June and held in
# September; the treaty signed, ratified by each party, in force and suspended).
EXPECTED = {
    "Armenia–Azerbaijan peace talks: round 1 held (Geneva, 2026-03-03)",
    "Armenia–Azerbaijan peace talks: round 2 announced (Astana, 2026-04-15)",
    "Armenia–Azerbaijan peace talks: round 2 held (Astana, 2026-04-15)",
    "Armenia–Azerbaijan peace talks: round 3 announced (Geneva, 2026-06)",
    "Armenia–Azerbaijan peace talks: round 3 cancelled (Geneva, 2026-06-12)",
    "Armenia–Azerbaijan peace talks: round 3 held (Geneva, 2026-09-23)",
    "Armenia–Azerbaijan peace talks: round 4 announced (Astana, 2026-11)",
    "Caspian Arms Limitation Treaty: signed (2026-05-19)",
    "Caspian Arms Limitation Treaty: ratified by KAZ (2026-06-25)",
    "Caspian Arms Limitation Treaty: ratified by TKM (2026-07-08)",
    "Caspian Arms Limitation Treaty: in force (2026-07-15)",
    "Caspian Arms Limitation Treaty: suspended by TKM (2026-09-10)",
}


def _cfg(**kw: object) -> CollectSettings:
    base = dict(allow_hosts=["127.0.0.1"], politeness_delay=0, retries=0, backoff=0.01)
    return CollectSettings.model_validate({**base, **kw})


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site().start()
    yield s
    s.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "alerts.db")) as s:
        yield s


def _hook(site: Site, fail: bool = False) -> None:
    def route(h: Handler) -> None:
        send(h, 500 if fail else 204, b"", "text/plain")

    site.routes["/hook"] = route


def _subscribe(store: Store, site: Site) -> None:
    for name, key in (("talks", {"track": "Armenia"}), ("treaty", {"agreement": "Caspian"})):
        sub = Subscription(name=name, webhook=site.url("/hook"), secret=SECRET, **key)
        store.collect.subscribe(**sub.model_dump(exclude={"id", "created_at"}))


def _serve_demo(site: Site) -> list[Entry]:
    """Each demo article as a plain-text page; the feed entries in publication order."""
    entries = []
    for path in sorted(DEMO.glob("*.txt")):
        site.routes[f"/demo/{path.name}"] = page(path.read_bytes(), "text/plain; charset=utf-8")
        day = dt.date.fromisoformat(path.name[:10])
        entries.append(Entry(site.url(f"/demo/{path.name}"), path.stem, day))
    return entries


@pytest.mark.model
@pytest.mark.timeout(300)
def test_replaying_the_demo_corpus_raises_each_expected_alert_once(
    site: Site, store: Store, pipeline, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    entries = _serve_demo(site)
    _hook(site)
    _subscribe(store, site)
    sub = Subscription(
        name="armenia", actor="ARM", event_types=["RETREAT"], jsonl=str(tmp_path / "armenia.jsonl")
    )
    store.collect.subscribe(**sub.model_dump(exclude={"id", "created_at"}))
    shown: list[Entry] = []
    site.routes["/feed.xml"] = lambda h: send(h, 200, rss("Demo", shown), "application/rss+xml")
    store.collect.add_feed(site.url("/feed.xml"))
    for entry in entries:  # one new article per cycle, oldest first
        shown.append(entry)
        watch_once(store, pipeline, _cfg())
    watch_once(store, pipeline, _cfg())  # a cycle with nothing new raises nothing

    followed = store.collect.subscriptions()
    by_sub = {s["name"]: s["id"] for s in followed}
    alerts = store.collect.alerts(limit=None)
    titles = [a["title"] for a in alerts if a["subscription_id"] != by_sub["armenia"]]
    assert sorted(titles) == sorted(EXPECTED)
    posted = [s for s in site.seen if s.path == "/hook"]
    assert len(posted) == len(EXPECTED)
    for hit in posted:
        want = "sha256=" + hmac.new(SECRET.encode(), hit.body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(hit.headers[SIGNATURE_HEADER.lower()], want)
        assert hit.headers["content-type"] == "application/json"
    assert sorted(json.loads(h.body)["title"] for h in posted) == sorted(EXPECTED)
    assert {d["state"] for d in store.collect.deliveries()} == {"delivered"}

    # Following an actor: the sources that disagree on the detainee exchange, once, and the
    # new RETREAT events (the exchange itself) as their articles arrive.
    mine = [a for a in alerts if a["subscription_id"] == by_sub["armenia"]]
    lines = [json.loads(x) for x in (tmp_path / "armenia.jsonl").read_text().splitlines()]
    assert sorted(x["id"] for x in lines) == sorted(a["id"] for a in mine)
    disagreements = [a["data"]["disagreement"] for a in mine if a["kind"] == "story"]
    assert disagreements.count("detainees: 12 (Reuters); 14 (AP)") == 1
    watched = {
        f"event:{art.id}#{i}"
        for art in store.articles(limit=None)
        for i, ev in enumerate(store.analysis(art.id).events)
        if ev.type == "RETREAT" and "ARM" in {*ev.source, *ev.target, *ev.mediator}
    }
    assert len(watched) >= 3  # the exchange, as AP, Reuters and Al Jazeera report it
    assert {a["key"] for a in mine if a["kind"] == "event"} == watched
    assert len({a["key"] for a in mine}) == len(mine)


@pytest.mark.model
@pytest.mark.timeout(300)
def test_a_failing_webhook_is_retried_and_its_failure_recorded(
    site: Site, store: Store, pipeline
) -> None:  # type: ignore[no-untyped-def]
    entries = [e for e in _serve_demo(site) if "avaza-signing" in e.link]
    _hook(site, fail=True)
    _subscribe(store, site)
    site.routes["/feed.xml"] = page(rss("Demo", entries), "application/rss+xml")
    store.collect.add_feed(site.url("/feed.xml"))
    report = watch_once(store, pipeline, _cfg(webhook_retries=2))
    assert len(report.alerts) == 1
    (delivery,) = store.collect.deliveries()
    assert delivery["state"] == "failed" and delivery["attempts"] == 3
    assert "HTTP 500" in delivery["error"]
    assert site.hits("/hook") == 3
