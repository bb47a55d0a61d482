"""The API under hostile requests, on SQLite and PostgreSQL: forged cursors, huge integers,
NUL characters and 50,000-character values get a 422 in the one error shape, never a 500; and a
property-based run over the OpenAPI schema finds no request that makes the server fail.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.resolve import refresh_resolved
from parley.serve import create_app
from parley.store import open_store
from parley.store import schema as t
from reliability_kit import BACKENDS, pg_url, reset_pg

pytestmark = pytest.mark.model

TOKEN = "hostile-token-58"


def copy_store(source: Path, url: str) -> None:
    """Every analysis of the SQLite store ``source`` saved into ``url``, then resolved."""
    with open_store(str(source)) as old, open_store(url) as new:
        with old.engine.connect() as conn:
            ids = list(conn.execute(sa.select(t.articles.c.id)).scalars())
        for ident in ids:
            new.save(old.analysis(ident))
        refresh_resolved(new, None)


@pytest.fixture(scope="module", params=BACKENDS)
def client(
    request: pytest.FixtureRequest, served_db: Path, kb: Any, pipeline: Any
) -> Iterator[TestClient]:
    url = str(served_db)
    if request.param == "postgres":
        url = pg_url()
        reset_pg(url)
        copy_store(served_db, url)
    store = open_store(url, kb=kb)
    with TestClient(create_app(store, token=TOKEN, pipeline=pipeline)) as c:
        yield c
    store.close()


def is_error(response: Any, status: int = 422) -> bool:
    body = response.json()
    return response.status_code == status and body == {
        "ok": False,
        "error": body.get("error"),
        "status": status,
    }


def cursor_of(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


LISTS = ["articles", "actors", "quotes", "claims", "events", "stories", "tracks", "agreements"]
FORGED = [
    "not-a-cursor!",
    cursor_of({"a": 1}),
    cursor_of([]),
    cursor_of([2**70, "x", 1]),
    cursor_of(["x", 2**70, "y"]),
    cursor_of([[1], {"b": 2}, None]),
    cursor_of([True, 1.5e308, "z"]),
    cursor_of(["2026-13-45", "x", 1]),
    cursor_of([10**400, 10**400, 10**400]),
]


@pytest.mark.parametrize("listing", LISTS)
def test_forged_cursors_get_422(client: TestClient, listing: str) -> None:
    for cursor in FORGED:
        response = client.get(f"/api/v1/{listing}", params={"cursor": cursor})
        assert is_error(response), (cursor, response.status_code, response.text[:300])


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/v1/stories", {"min_sources": str(2**64)}),
        ("/api/v1/stories", {"min_sources": str(2**63)}),
        ("/api/v1/stories", {"min_sources": "-" + str(2**70)}),
        ("/api/v1/articles", {"limit": str(10**30)}),
        ("/api/v1/events", {"since": "99999-01-01"}),
    ],
)
def test_out_of_range_numbers_get_422(client: TestClient, path: str, params: Any) -> None:
    assert is_error(client.get(path, params=params))


def text_parameters(client: TestClient) -> list[tuple[str, str]]:
    """Every (GET path, string query parameter) pair the OpenAPI schema declares."""
    pairs = []
    for path, ops in client.get("/openapi.json").json()["paths"].items():
        for param in ops.get("get", {}).get("parameters", []):
            schema = param.get("schema", {})
            types = {s.get("type") for s in schema.get("anyOf", [schema])}
            if param["in"] == "query" and "string" in types and "format" not in schema:
                pairs.append((path, param["name"]))
    return pairs


def test_nul_and_50k_character_values_get_422_on_every_text_parameter(
    client: TestClient,
) -> None:
    pairs = text_parameters(client)
    assert len(pairs) >= 20
    for path, name in pairs:
        url = path.replace("{", "").replace("}", "")
        for value in ("\x00", "Iran\x00", "x" * 50_000):
            response = client.get(url, params={name: value})
            assert is_error(response), (path, name, value[:8], response.status_code)


def test_nul_in_a_path_gets_422(client: TestClient) -> None:
    for path in ("/api/v1/articles/%00", "/api/v1/actors/a%00b", "/api/v1/stories/%00"):
        assert is_error(client.get(path))


def test_the_connection_stays_usable_after_a_refused_request(client: TestClient) -> None:
    assert is_error(client.get("/api/v1/actors", params={"q": "x" * 50_000}))
    assert client.get("/api/v1/actors").status_code == 200


# -- property-based: any request the schema allows, and many it does not ------------------------

ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "\x00", "%", "_", "'", "1e999", "2026-02-30", "-1", str(2**64)]),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.dates().map(str),
)


def operations(client: TestClient) -> list[tuple[str, list[str]]]:
    """Every GET path of the API with the names of its query parameters."""
    found = []
    for path, ops in client.get("/openapi.json").json()["paths"].items():
        if "get" in ops:
            names = [p["name"] for p in ops["get"].get("parameters", []) if p["in"] == "query"]
            found.append((path, names))
    return found


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_generated_request_gets_a_500(client: TestClient, data: st.DataObject) -> None:
    path, names = data.draw(st.sampled_from(operations(client)))
    for part in [p for p in path.split("/") if p.startswith("{")]:
        value = data.draw(ANY_TEXT.filter(lambda s: s not in ("", ".", "..")))
        path = path.replace(part, quote(value, safe=""))
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True)) if names else []
    params = {name: data.draw(ANY_TEXT) for name in chosen}
    response = client.get(path, params=params)
    assert response.status_code < 500, (path, params, response.text[:300])
    if response.status_code >= 400 and path.startswith("/api/"):
        assert is_error(response, response.status_code)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=st.one_of(
        st.text(max_size=300),
        st.dictionaries(
            st.sampled_from(["text", "title", "url", "outlet", "published_at", "other"]),
            ANY_TEXT | st.integers() | st.none() | st.lists(st.integers(), max_size=2),
            max_size=5,
        ).map(json.dumps),
    ),
    content_type=st.sampled_from(["application/json", "text/plain", "", "x/y"]),
)
def test_no_generated_post_gets_a_500(client: TestClient, body: str, content_type: str) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type}
    response = client.post("/api/v1/articles", content=body.encode(), headers=headers)
    assert response.status_code < 500, (body[:200], response.text[:300])
    if response.status_code >= 400:
        assert is_error(response, response.status_code)
