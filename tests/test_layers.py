"""The layers keep their places: SQL lives in the store, resolution sits above it, and the API
describes every answer it gives.

These read the source (imports and calls, by AST) and the served OpenAPI document, so a change
that puts a query in a web handler, makes the store call resolution, or adds an endpoint that
answers an untyped dict fails here with the file and line to look at.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from parley.settings import Settings

SRC = Path(__file__).resolve().parents[1] / "src" / "parley"


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every module ``path`` imports (at the top, in functions or under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((a.name, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module, node.lineno
            yield from ((f"{node.module}.{a.name}", node.lineno) for a in node.names)


def _in(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def _sql_uses(path: Path) -> Iterator[str]:
    """Where ``path`` imports SQLAlchemy, builds ``sa.text``/``select(...)`` or opens the
    store's engine itself."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for name, line in _imports(path):
        if _in(name, "sqlalchemy"):
            yield f"{path.name}:{line} imports {name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("text", "engine"):
            on_sa = isinstance(node.value, ast.Name) and node.value.id == "sa"
            if node.attr == "engine" or on_sa:
                yield f"{path.name}:{node.lineno} uses .{node.attr}"
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called == "select":
                yield f"{path.name}:{node.lineno} calls select(...)"


def test_no_sql_outside_the_store() -> None:
    found = [
        use for name, path in _modules() if not _in(name, "parley.store") for use in _sql_uses(path)
    ]
    assert found == []


def test_the_sql_check_sees_a_query_written_in_a_handler(tmp_path: Path) -> None:
    handler = tmp_path / "handler.py"
    handler.write_text(
        "import sqlalchemy as sa\n"
        "def page(svc):\n"
        "    with svc.store.engine.connect() as conn:\n"
        "        return conn.execute(sa.text('select 1'))\n",
        encoding="utf-8",
    )
    assert len(list(_sql_uses(handler))) == 3


def _reaches(start: str, forbidden: str) -> list[list[str]]:
    """Import chains from the modules of package ``start`` to package ``forbidden``."""
    # The root package's __init__ imports its public names lazily (PEP 562), so importing
    # ``parley.x`` does not import what ``parley.analyze`` uses: that edge is left out.
    graph = {name: [i for i, _ in _imports(path) if i != "parley"] for name, path in _modules()}
    chains: list[list[str]] = []
    for root in (n for n in graph if _in(n, start)):
        seen, stack = {root}, [[root]]
        while stack:
            chain = stack.pop()
            for target in graph.get(chain[-1], []):
                if _in(target, forbidden):
                    chains.append([*chain, target])
                elif target in graph and target not in seen:
                    seen.add(target)
                    stack.append([*chain, target])
    return chains


def test_the_store_never_imports_resolution() -> None:
    # Resolution uses the store; the store knows nothing of it, directly or through others.
    assert _reaches("parley.store", "parley.resolve") == []


def test_resolution_uses_the_store_and_borrows_nothing_from_extraction() -> None:
    assert _reaches("parley.resolve", "parley.extract") == []
    assert any(_in(i, "parley.store") for i, _ in _imports(SRC / "resolve" / "refresh.py"))


def test_the_walk_finds_an_indirect_import() -> None:
    # The check above is only as good as the walk: it must see store -> models -> ... chains.
    assert _reaches("parley.store", "parley.models")


@pytest.fixture(scope="module")
def openapi(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from parley.serve import create_app

    db = tmp_path_factory.mktemp("openapi") / "p.db"
    with TestClient(create_app(Settings(db=str(db)))) as client:
        schema: dict[str, Any] = client.get("/openapi.json").json()
    return schema


def _resolve(schema: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _typed(schema: dict[str, Any], doc: dict[str, Any]) -> bool:
    """Whether a response schema names its fields (an untyped object or ``{}`` does not)."""
    schema = _resolve(schema, doc)
    if "anyOf" in schema or "oneOf" in schema:
        return all(_typed(s, doc) for s in schema.get("anyOf", schema.get("oneOf", [])))
    return bool(schema.get("properties"))


def test_every_endpoint_documents_its_answer(openapi: dict[str, Any]) -> None:
    untyped = []
    for path, item in openapi["paths"].items():
        for method, op in item.items():
            ok = op.get("responses", {}).get("200", {})
            schema = ok.get("content", {}).get("application/json", {}).get("schema", {})
            if not _typed(schema, openapi):
                untyped.append(f"{method.upper()} {path}")
    assert untyped == []
    assert len([op for item in openapi["paths"].values() for op in item]) >= 15


def test_a_listing_documents_its_items(openapi: dict[str, Any]) -> None:
    op = openapi["paths"]["/api/v1/events"]["get"]
    page = _resolve(op["responses"]["200"]["content"]["application/json"]["schema"], openapi)
    item = _resolve(page["properties"]["items"]["items"], openapi)
    assert {"type", "evidence", "article_id", "outlet", "published_at", "names"} <= set(
        item["properties"]
    )
    track = openapi["paths"]["/api/v1/tracks/{name}"]["get"]["responses"]["200"]
    rounds = _resolve(track["content"]["application/json"]["schema"], openapi)["properties"]
    assert _resolve(rounds["rounds"]["items"], openapi)["properties"]["history"]
