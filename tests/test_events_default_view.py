"""Event listings leave out events that did not happen or might happen, unless asked.

Review round 4 (docs/review/events.md) found every negated or hypothetical event Parley output
on 60 real articles judged wrong, and no other status so: the CLI and API list the rest by
default, and show everything with ``--all`` / ``all=true`` or a ``--status`` asked for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parley import cli
from parley.models import Analysis, Article, Event, EventStatus, Span
from parley.serve import create_app
from parley.store import open_store

TEXT = "Chile met Peru. Chile did not meet Bolivia. If asked, Chile would meet Ecuador."
STATUSES: list[EventStatus] = ["occurred", "negated", "hypothetical"]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "view.db")
    whole = Span(start=0, end=len(TEXT), text=TEXT)
    events = [
        Event(type="CONSULT", source=["CHL"], target=[target], status=status, evidence=whole)
        for target, status in zip(["PER", "BOL", "ECU"], STATUSES, strict=True)
    ]
    article = Article(id="a" * 64, text=TEXT, outlet="Test Wire", published_at=dt.date(2026, 5, 15))
    with open_store(path) as store:
        store.save(Analysis(article=article, events=events))
    return path


def _statuses(db: str, *args: str) -> list[str]:
    result = CliRunner().invoke(cli.app, ["events", "--json", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return sorted(line.split('"status": "')[1].split('"')[0] for line in result.stdout.splitlines())


def test_the_cli_lists_what_happened_by_default(db: str) -> None:
    assert _statuses(db) == ["occurred"]


def test_the_cli_lists_everything_with_all(db: str) -> None:
    assert _statuses(db, "--all") == sorted(STATUSES)


def test_asking_for_a_status_shows_it(db: str) -> None:
    assert _statuses(db, "--status", "negated") == ["negated"]


def test_the_api_leaves_them_out_unless_asked(db: str) -> None:
    store = open_store(db)
    with TestClient(create_app(store)) as client:
        default = client.get("/api/v1/events").json()["items"]
        every = client.get("/api/v1/events", params={"all": "true"}).json()["items"]
    store.close()
    assert [e["status"] for e in default] == ["occurred"]
    assert sorted(e["status"] for e in every) == sorted(STATUSES)
