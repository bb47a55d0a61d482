"""The JSON API over a real store: filters, cursors, the one error shape, the token write path.

The store is the demo corpus (and the sample, when present) analysed by the real pipeline
(``served_db`` in conftest), so these tests read what a user of ``parley serve`` would read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from parley.serve import create_app
from parley.serve.templating import safe_url
from parley.store import open_store

pytestmark = pytest.mark.model

TOKEN = "test-token-7d1f"


@pytest.fixture(scope="module")
def client(served_db: Path, kb: Any, pipeline: Any) -> Iterator[TestClient]:
    store = open_store(str(served_db), kb=kb)
    with TestClient(create_app(store, token=TOKEN, pipeline=pipeline)) as c:
        yield c
    store.close()


@pytest.fixture(scope="module")
def read_only(served_db: Path) -> Iterator[TestClient]:
    store = open_store(str(served_db))
    with TestClient(create_app(store)) as c:
        yield c
    store.close()


def _all(client: TestClient, path: str, limit: int, **params: Any) -> list[dict[str, Any]]:
    """Every item of a listing, following ``next`` page by page."""
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        query = {**params, "limit": limit, **({"cursor": cursor} if cursor else {})}
        body = client.get(path, params=query).json()
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items
    raise AssertionError("pagination never ended")


def _key(item: dict[str, Any]) -> str:
    if "article_id" in item:
        return f"{item['article_id']}#{item['index']}"
    return str(item.get("id") or item.get("name"))


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/articles",
        "/api/v1/actors",
        "/api/v1/quotes",
        "/api/v1/claims",
        "/api/v1/events",
        "/api/v1/tracks",
        "/api/v1/agreements",
        "/api/v1/stories",
    ],
)
def test_lists_answer_items_and_next(client: TestClient, path: str) -> None:
    body = client.get(path).json()
    assert set(body) == {"items", "next"}
    assert body["items"], f"{path} is empty on the demo corpus"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/articles",
        "/api/v1/actors",
        "/api/v1/quotes",
        "/api/v1/events",
        "/api/v1/stories",
        "/api/v1/agreements",
    ],
)
def test_following_next_yields_every_item_once(client: TestClient, path: str) -> None:
    whole = client.get(path, params={"limit": 200}).json()
    assert whole["next"] is None
    paged = _all(client, path, limit=2)
    assert [_key(i) for i in paged] == [_key(i) for i in whole["items"]]
    assert len({_key(i) for i in paged}) == len(paged)


def test_events_filter_by_type_and_status(client: TestClient) -> None:
    events = client.get("/api/v1/events", params={"limit": 200}).json()["items"]
    kind, status = events[0]["type"], events[0]["status"]
    found = _all(client, "/api/v1/events", 50, type=kind.lower(), status=status)
    assert found and all(e["type"] == kind and e["status"] == status for e in found)
    expected = [e for e in events if e["type"] == kind and e["status"] == status]
    assert len(found) == len(expected)


def test_events_filter_by_actor_name(client: TestClient) -> None:
    found = _all(client, "/api/v1/events", 50, actor="Armenia")
    assert found
    for e in found:
        involved = {e["names"][a] for a in (*e["source"], *e["target"], *e["mediator"])}
        assert any("Armenia" in name for name in involved), involved


def test_events_filter_by_dates(client: TestClient) -> None:
    since, until = dt.date(2026, 4, 1), dt.date(2026, 4, 30)
    found = _all(client, "/api/v1/events", 50, since=since.isoformat(), until=until.isoformat())
    assert found
    for e in found:
        day = (e["date"] or {}).get("value") or e["published_at"]
        # A coarser date that contains the range ('2026') counts, as documented.
        assert day[:7] == "2026-04" or "2026-04".startswith(day), e


@pytest.mark.parametrize("outlet", ["Reuters", "reuters", "AP"])
def test_articles_filter_by_outlet(client: TestClient, outlet: str) -> None:
    found = _all(client, "/api/v1/articles", 50, outlet=outlet)
    assert found and all(a["outlet"].lower() == outlet.lower() for a in found)


def test_quotes_filter_by_speaker(client: TestClient) -> None:
    quotes = client.get("/api/v1/quotes", params={"limit": 200}).json()["items"]
    speaker = next(q["speaker"]["actor"] for q in quotes if q["speaker"] and q["speaker"]["actor"])
    found = _all(client, "/api/v1/quotes", 50, actor=speaker)
    assert found and all(q["speaker"]["actor"] == speaker for q in found)


def test_article_answers_the_analysis_contract(client: TestClient, served_db: Path) -> None:
    first = client.get("/api/v1/articles", params={"limit": 1}).json()["items"][0]
    body = client.get(f"/api/v1/articles/{first['id']}").json()
    with open_store(str(served_db)) as store:
        assert body == store.analysis(first["id"]).to_json()
    assert body["schema"] == "parley-analysis/1" and "text" not in body["article"]
    with_text = client.get(f"/api/v1/articles/{first['id'][:14]}?with_text=true").json()
    assert with_text["article"]["text"]


def test_track_and_agreement_by_name(client: TestClient) -> None:
    track = client.get("/api/v1/tracks").json()["items"][0]
    assert client.get(f"/api/v1/tracks/{track['name']}").json() == track
    agreement = client.get("/api/v1/agreements").json()["items"][0]
    assert client.get(f"/api/v1/agreements/{agreement['name'].upper()}").json() == agreement


def test_search_finds_articles_and_quotes(client: TestClient) -> None:
    articles = client.get("/api/v1/search", params={"q": "DETAINEE"}).json()["items"]
    assert articles and all("detainee" in (a["title"] or "").lower() or a["id"] for a in articles)
    quote = client.get("/api/v1/quotes", params={"limit": 1}).json()["items"][0]
    words = quote["text"].split()[:3]
    found = client.get("/api/v1/search", params={"q": " ".join(words), "kind": "quotes"}).json()
    assert any(q["text"] == quote["text"] for q in found["items"])


def test_search_treats_like_wildcards_as_text(client: TestClient) -> None:
    assert client.get("/api/v1/search", params={"q": "%_%"}).json()["items"] == []


def test_actor_names_treat_like_wildcards_as_text(client: TestClient) -> None:
    """A typed name is matched as text in actor names and unresolved speakers' words: '%'
    or '_' (bound, escaped) match no actor, where as wildcards they would match every one."""
    assert client.get("/api/v1/actors").json()["items"]
    for wild in ("%", "_", "%_%"):
        assert client.get("/api/v1/actors", params={"q": wild}).json()["items"] == [], wild
        assert client.get("/api/v1/quotes", params={"actor": wild}).json()["items"] == [], wild
        assert client.get("/api/v1/events", params={"actor": wild}).json()["items"] == [], wild


ERRORS = [
    # (method, path, headers, body, status)
    ("get", "/api/v1/articles/no-such-article", {}, None, 404),
    ("get", "/api/v1/no-such-endpoint", {}, None, 404),
    ("get", "/api/v1/tracks/No such track", {}, None, 404),
    ("get", "/api/v1/actors/no:such:actor", {}, None, 404),
    ("get", "/api/v1/events?limit=500", {}, None, 422),
    ("get", "/api/v1/events?since=yesterday", {}, None, 422),
    ("get", "/api/v1/events?cursor=not-a-cursor", {}, None, 422),
    ("get", "/api/v1/search", {}, None, 422),
    ("delete", "/api/v1/articles", {}, None, 405),
    ("post", "/api/v1/articles", {}, {"text": "Some text."}, 401),
    ("post", "/api/v1/articles", {"Authorization": "Bearer wrong"}, {"text": "Some text."}, 401),
    ("post", "/api/v1/articles", {"Authorization": f"Bearer {TOKEN}"}, {"text": "  "}, 422),
    ("post", "/api/v1/articles", {"Authorization": f"Bearer {TOKEN}"}, {"txt": "x"}, 422),
    (
        "post",
        "/api/v1/articles",
        {"Authorization": f"Bearer {TOKEN}"},
        {"text": "x" * 1_000_001},
        413,
    ),
]


@pytest.mark.parametrize("method, path, headers, body, status", ERRORS)
def test_every_error_has_one_shape(
    client: TestClient, method: str, path: str, headers: dict[str, str], body: Any, status: int
) -> None:
    response = client.request(method, path, headers=headers, json=body)
    assert response.status_code == status
    answer = response.json()
    assert set(answer) == {"ok", "error", "status"}
    assert answer["ok"] is False and answer["status"] == status and answer["error"]


def test_writes_are_refused_without_a_configured_token(read_only: TestClient) -> None:
    response = read_only.post(
        "/api/v1/articles",
        json={"text": "Any text at all."},
        headers={"Authorization": "Bearer anything"},
    )
    assert response.status_code == 403
    assert response.json()["status"] == 403 and "token" in response.json()["error"]


FRENCH = (
    "Les ministres des affaires étrangères se sont réunis mardi à Genève pour discuter d'un "
    "éventuel cessez-le-feu. Selon plusieurs diplomates, les discussions ont duré toute la "
    "journée et reprendront la semaine prochaine dans la même ville."
)


def test_non_english_text_is_refused_with_the_reason(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles",
        content=FRENCH.encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"},
    )
    assert response.status_code == 422
    assert "language" in response.json()["error"].lower() or "fr" in response.json()["error"]


NEW_ARTICLE = {
    "title": "Norway hosts new round of Colombia talks in Oslo",
    "outlet": "Test Wire",
    "published_at": "2026-10-02",
    "url": "https://example.org/test-wire/oslo-round",
    "text": (
        "OSLO, Oct 2 (Test Wire) - Colombia's government and the ELN guerrilla group met in Oslo "
        "on Thursday for a fresh round of peace talks hosted by Norway.\n\n"
        '"We came here to close the chapter on ceasefire monitoring," said Otty Patiño, the '
        "government's chief negotiator, after the first day of meetings.\n\n"
        "Norway's foreign ministry said the delegations agreed to meet again in November."
    ),
}


def test_a_posted_article_is_stored_and_shown(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles", json=NEW_ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 201, response.text
    analysis = response.json()
    article_id = analysis["article"]["id"]
    assert response.headers["location"] == f"/api/v1/articles/{article_id}"
    listed = client.get("/api/v1/articles", params={"outlet": "Test Wire"}).json()["items"]
    assert [a["id"] for a in listed] == [article_id]
    assert NEW_ARTICLE["title"] in client.get("/", headers={"Accept": "text/html"}).text
    again = client.post(
        "/api/v1/articles", json=NEW_ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert again.status_code == 200 and again.json()["article"]["id"] == article_id


HOSTILE = {
    "title": 'Envoy <script>window.__pwned=1</script> says <img src=x onerror="window.__pwned=1">',
    "outlet": "Hostile <b>Wire</b>",
    "url": "javascript:window.__pwned=1",
    "text": (
        "GENEVA (Hostile Wire) - Negotiators from Armenia and Azerbaijan met in Geneva on "
        'Monday.\n\n"<script>window.__pwned=1</script> We will not sign this text," said '
        "Ararat Mirzoyan, Armenia's foreign minister.\n\n\"<img src=x "
        'onerror="window.__pwned=1"> is not a map we accept," said Jeyhun Bayramov.'
    ),
}


def test_hostile_article_is_escaped_on_every_page(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles", json=HOSTILE, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code in (200, 201), response.text
    article_id = response.json()["article"]["id"]
    pages = [f"/articles/{article_id}", "/", "/search?q=pwned", "/articles"]
    for path in pages:
        html = client.get(path, headers={"Accept": "text/html"}).text
        assert "<script>window" not in html and "<img src=x" not in html, path
        assert 'href="javascript' not in html.lower(), path
    page = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "javascript:window.__pwned=1" in page  # shown as text, not as a link


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,hi", None),
        ("//example.org/no-scheme", None),
        ("https:no-host", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize("path", ["/", "/api/v1/articles", "/docs", "/static/parley.css"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"


def test_openapi_and_self_contained_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/v1/events", "/api/v1/articles/{article_id}", "/api/v1/search"):
        assert path in schema["paths"]
    docs = client.get("/docs").text
    assert "/api/v1/events" in docs and '<script src="/static/parley.js"' in docs
    assert "cdn" not in docs.lower() and "http://" not in docs and "https://" not in docs


_DOCUMENTED = {
    "/api/v1/articles": "Page_ArticleRow_",
    "/api/v1/actors": "Page_ActorRow_",
    "/api/v1/quotes": "Page_FoundQuote_",
    "/api/v1/claims": "Page_FoundClaim_",
    "/api/v1/events": "Page_FoundEvent_",
    "/api/v1/tracks": "Page_TrackRecord_",
    "/api/v1/agreements": "Page_AgreementRecord_",
    "/api/v1/stories": "Page_Story_",
    "/api/v1/tracks/{name}": "TrackRecord",
    "/api/v1/agreements/{name}": "AgreementRecord",
    "/api/v1/stories/{story_id}": "StoryRecord",
}


def test_answers_are_the_documented_records(client: TestClient) -> None:
    """The listings answer their pages' JSON without FastAPI re-checking it: each answer must
    still be what the OpenAPI schema documents, field for field, and read back unchanged."""
    from parley import models

    schema = client.get("/openapi.json").json()
    track = client.get("/api/v1/tracks").json()["items"][0]["name"]
    agreement = client.get("/api/v1/agreements").json()["items"][0]["name"]
    story = client.get("/api/v1/stories").json()["items"][0]["id"]
    for path, model_name in _DOCUMENTED.items():
        ok = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert ok["schema"]["$ref"].endswith("/" + model_name), path
        name = track if path.startswith("/api/v1/tracks/") else agreement
        url = path.format(name=name, story_id=story)
        response = client.get(url)
        assert response.status_code == 200 and response.headers["content-type"] == (
            "application/json"
        ), url
        model: Any = getattr(models, model_name.removeprefix("Page_").removesuffix("_"))
        if model_name.startswith("Page_"):
            model = models.Page[model]
        body = response.json()
        assert model.model_validate(body).model_dump(mode="json", by_alias=True) == body, url


def test_browsers_get_an_error_page(client: TestClient) -> None:
    response = client.get("/articles/nope", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"] and "No article" in response.text


# -- resolved records: stories, tracks after a write, fixed query counts ----------------------


def test_a_story_answers_its_members_with_evidence_and_outlet(client: TestClient) -> None:
    stories = client.get("/api/v1/stories", params={"min_sources": 2}).json()["items"]
    assert stories, "no story is reported by two articles in the demo corpus"
    for listed in stories:
        body = client.get(f"/api/v1/stories/{listed['id']}").json()
        assert {k: body[k] for k in listed} == listed
        assert [f"{m['article_id']}#{m['index']}" for m in body["members"]] == listed["events"]
        assert all(m["type"] == listed["type"] and m["evidence"]["text"] for m in body["members"])
        assert {m["outlet"] for m in body["members"]} == set(listed["sources"])
        assert (
            len(body["articles"]) >= 2
            and body["articles"][0]["article_id"] == (listed["first_report"])
        )


def test_stories_filter_by_type_and_sources(client: TestClient) -> None:
    every = _all(client, "/api/v1/stories", 200)
    kind = every[0]["type"]
    typed = _all(client, "/api/v1/stories", 3, type=kind.lower())
    assert typed == [s for s in every if s["type"] == kind]
    several = _all(client, "/api/v1/stories", 3, min_sources=2)
    assert several == [s for s in every if len({e.split("#")[0] for e in s["events"]}) >= 2]


def test_story_page_shows_each_report(client: TestClient) -> None:
    story = client.get("/api/v1/stories", params={"min_sources": 2}).json()["items"][0]
    home = client.get("/", headers={"Accept": "text/html"}).text
    assert f'href="/stories/{story["id"].replace(":", "%3A")}"' in home
    body = client.get(f"/api/v1/stories/{story['id']}").json()
    page = client.get(f"/stories/{story['id']}", headers={"Accept": "text/html"}).text
    assert page.count('class="entry member"') == len(body["members"])
    for outlet in story["sources"]:
        assert outlet in page
    for d in story["disagreements"]:
        assert d in page


def test_unknown_story_is_not_found(client: TestClient) -> None:
    response = client.get("/api/v1/stories/story:nope")
    assert response.status_code == 404 and "No story" in response.json()["error"]


REFRESHED = {
    "title": "Qatar hosts third round of Sudan talks in Doha",
    "outlet": "Refresh Wire",
    "published_at": "2026-11-03",
    "text": (
        "DOHA, Nov 3 (Refresh Wire) - Sudan's army and the Rapid Support Forces met in Doha on "
        "Monday for a third round of ceasefire talks mediated by Qatar.\n\n"
        "Qatar's foreign ministry said the two delegations would meet again next week."
    ),
}


def test_a_posted_article_updates_tracks_and_stories_at_once(client: TestClient) -> None:
    response = client.post(
        "/api/v1/articles", json=REFRESHED, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code in (200, 201), response.text
    analysis = response.json()
    article_id = analysis["article"]["id"]
    assert analysis["events"], "the posted article yields no event"
    refs = {f"{article_id}#{i}" for i in range(len(analysis["events"]))}
    stories = _all(client, "/api/v1/stories", 200)
    assert refs <= {e for s in stories for e in s["events"]}
    assert analysis["tracks"], "the posted article yields no track"
    for tr in analysis["tracks"]:
        found = client.get("/api/v1/tracks", params={"limit": 200}).json()["items"]
        cited = [t for t in found if article_id in t["sources"]]
        assert cited, f"track {tr['name']!r} is not served right after the write"


def _query_count(client: TestClient, path: str) -> int:
    import sqlalchemy as sa

    engine = client.app.state.services.store.engine  # type: ignore[attr-defined]
    seen: list[str] = []

    def count(*_args: Any) -> None:
        seen.append("q")

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        assert client.get(path, headers={"Accept": "text/html"}).status_code == 200
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_article_page_queries_do_not_grow_with_its_records(client: TestClient) -> None:
    articles = _all(client, "/api/v1/articles", 200)
    sizes = {}
    for a in articles:
        an = client.get(f"/api/v1/articles/{a['id']}").json()
        sizes[a["id"]] = len(an["quotes"]) + len(an["events"]) + len(an["mentions"])
    small, big = min(sizes, key=sizes.__getitem__), max(sizes, key=sizes.__getitem__)
    assert sizes[big] >= sizes[small] + 10
    counts = {_query_count(client, f"/articles/{i}") for i in (small, big)}
    assert len(counts) == 1 and counts.pop() <= 3, counts


@pytest.mark.parametrize(
    "page",
    ["/", "/stories/{story}", "/tracks/{track}", "/agreements/{agreement}", "/actors/{actor}"],
)
def test_resolved_pages_issue_a_fixed_number_of_queries(client: TestClient, page: str) -> None:
    story = client.get("/api/v1/stories", params={"min_sources": 2}).json()["items"][0]["id"]
    track = client.get("/api/v1/tracks").json()["items"][0]
    agreement = client.get("/api/v1/agreements").json()["items"][0]["name"]
    path = page.format(
        story=story, track=track["name"], agreement=agreement, actor=track["parties"][0]
    )
    # A constant: the home page's seven counts plus a few chunked reads of the resolved
    # tables; one query per track, story or event would push it far past this on the corpus.
    assert _query_count(client, path) <= 25, path


def test_the_cli_lists_and_the_api_answer_one_query(
    client: TestClient, served_db: Path, kb: Any
) -> None:
    # The CLI's lists are the API's listings without a limit: same records, same order, and
    # the same JSON (``parley events --json`` leaves out the actors' ``names``).
    first = client.get("/api/v1/events", params={"limit": 1}).json()["items"][0]
    actor = first["source"][0]
    with open_store(str(served_db), kb=kb) as store:
        events = [e.model_dump(mode="json") for e in store.events(actor=actor)]
        quotes = [q.model_dump(mode="json") for q in store.quotes(outlet=first["outlet"])]
    api_events = _all(client, "/api/v1/events", 7, actor=actor)
    assert events == api_events
    assert events and all(set(e["names"]) >= set(e["source"]) for e in api_events)
    assert quotes == _all(client, "/api/v1/quotes", 7, outlet=first["outlet"])
