"""Feeds, alerts and subscriptions over HTTP; article submission by URL under the SSRF rules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from collect_site import Site, article_html, page
from parley.serve import create_app
from parley.settings import CollectSettings, Settings
from parley.store import Store, open_store

TOKEN = "collect-token-31"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE = "<script>alert('x')</script> Round & <b>bold</b>"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "api.db")) as s:
        yield s


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=TOKEN)) as c:
        yield c


def _alert(store: Store) -> None:
    sub, _ = store.collect.subscribe(name="t", track="Armenia", webhook="https://hooks.example/x")
    row = {"subscription_id": sub, "key": "k1", "kind": "round", "title": HOSTILE}
    store.collect.add_alerts([{**row, "data": {"article_id": "sha256:abc", "status": "held"}}])


def test_subscriptions_need_the_token_and_never_show_the_secret(client: TestClient) -> None:
    body = {
        "name": "talks",
        "track": "Armenia",
        "webhook": "https://hooks.example/p",
        "secret": "s",
    }
    assert client.post("/api/v1/subscriptions", json=body).status_code == 401
    assert client.get("/api/v1/subscriptions").status_code == 401
    made = client.post("/api/v1/subscriptions", json=body, headers=AUTH)
    assert made.status_code == 201
    same = client.post("/api/v1/subscriptions", json=body, headers=AUTH)
    assert (same.status_code, same.json()["id"]) == (200, made.json()["id"])
    listed = client.get("/api/v1/subscriptions", headers=AUTH).json()["items"]
    assert [(s["name"], s["signed"]) for s in listed] == [("talks", True)]
    assert "secret" not in listed[0]
    sub_id = made.json()["id"]
    assert client.delete(f"/api/v1/subscriptions/{sub_id}", headers=AUTH).status_code == 200
    assert client.delete(f"/api/v1/subscriptions/{sub_id}", headers=AUTH).status_code == 404


@pytest.mark.parametrize(
    "body, message",
    [
        ({"name": "x"}, "Give a track"),
        ({"name": "x", "track": "A", "min_sources": 0}, "min_sources"),
        ({"name": "x", "track": "A", "webhook": "http://127.0.0.1:9/hook"}, "loopback"),
        ({"name": "x", "track": "A", "webhook": "http://169.254.169.254/"}, "link-local"),
    ],
)
def test_bad_subscriptions_are_refused_with_a_reason(
    client: TestClient, body: dict[str, Any], message: str
) -> None:
    got = client.post("/api/v1/subscriptions", json=body, headers=AUTH)
    assert got.status_code == 422 and message in got.json()["error"]


def test_alerts_as_json_page_and_atom_feed_are_escaped(client: TestClient, store: Store) -> None:
    _alert(store)
    (item,) = client.get("/api/v1/alerts").json()["items"]
    assert item["title"] == HOSTILE
    html = client.get("/alerts", headers={"accept": "text/html"}).text
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    atom = client.get("/alerts.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(atom.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    (entry,) = root.findall("a:entry", ns)
    assert entry.findtext("a:title", namespaces=ns) == HOSTILE
    assert entry.find("a:link", ns).get("href").endswith("/articles/sha256:abc")  # type: ignore[union-attr]


def test_the_feeds_page_shows_state_and_failures(client: TestClient, store: Store) -> None:
    fid, _ = store.collect.add_feed("https://news.example/feed.xml")
    store.collect.record_feed(fid, "failed", "HTTP 500 from https://news.example/feed.xml")
    store.collect.log_fetch("https://news.example/feed.xml", "feed", "failed", reason="HTTP 500")
    (feed,) = client.get("/api/v1/feeds").json()["items"]
    assert (feed["failures"], feed["outcome"]) == (1, "failed")
    html = client.get("/feeds", headers={"accept": "text/html"}).text
    assert "HTTP 500 from https://news.example/feed.xml" in html
    assert client.get("/api/v1/fetches?outcome=failed").json()["items"][0]["reason"] == "HTTP 500"


def test_following_a_feed_over_the_api(client: TestClient) -> None:
    url = "https://news.example/rss?utm_source=x"
    assert client.post("/api/v1/feeds", json={"url": url}).status_code == 401
    assert client.post("/api/v1/feeds", json={"url": url}, headers=AUTH).status_code == 201
    refused = client.post("/api/v1/feeds", json={"url": "http://10.1.1.1/rss"}, headers=AUTH)
    assert refused.status_code == 422 and "private" in refused.json()["error"]
    (feed,) = client.get("/api/v1/feeds").json()["items"]
    assert feed["url"] == "https://news.example/rss"


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1:1/article", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/x", "loopback"),
        ("file:///etc/passwd", "not an http(s) URL"),
    ],
)
def test_submitting_a_private_url_is_refused(
    store: Store, pipeline: Any, url: str, reason: str
) -> None:
    with TestClient(create_app(store, token=TOKEN, pipeline=pipeline)) as c:
        got = c.post("/api/v1/articles", json={"url": url}, headers=AUTH)
    assert got.status_code == 422 and reason in got.json()["error"]
    assert store.counts()["articles"] == 0


@pytest.mark.model
def test_submitting_an_allowed_url_fetches_and_stores_the_article(
    tmp_path: Path, pipeline: Any
) -> None:
    site = Site().start()
    try:
        text = [
            "Foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday for a new "
            "round of talks mediated by Switzerland, officials said.",
            "The ministers agreed to meet again in Astana next month and to exchange detainees "
            "before then, the Swiss foreign ministry said.",
        ]
        site.routes["/story.html"] = page(article_html("Talks resume", text))
        cfg = CollectSettings(allow_hosts=["127.0.0.1"], politeness_delay=0, retries=0)
        settings = Settings(db=str(tmp_path / "url.db"), collect=cfg)
        with TestClient(create_app(settings, token=TOKEN, pipeline=pipeline)) as c:
            got = c.post(
                "/api/v1/articles",
                json={"url": site.url("/story.html?utm_source=x"), "outlet": "Test Wire"},
                headers=AUTH,
            )
        assert got.status_code == 201, got.text
        article = got.json()["article"]
        assert article["url"] == site.url("/story.html")
        assert (article["outlet"], article["title"]) == ("Test Wire", "Talks resume")
    finally:
        site.stop()


def test_a_subscription_id_beyond_the_stores_integers_is_refused_not_a_server_error(
    client: TestClient,
) -> None:
    # PostgreSQL's integer column cannot even compare with 3,000,000,000: refused as input.
    assert client.get("/api/v1/alerts", params={"subscription": 3_000_000_000}).status_code == 422
    assert client.get("/api/v1/alerts", params={"subscription": 0}).status_code == 422
    gone = client.delete("/api/v1/subscriptions/3000000000", headers=AUTH)
    assert gone.status_code == 422
    assert client.get("/api/v1/alerts", params={"subscription": 7}).status_code == 200
