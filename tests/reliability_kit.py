"""Helpers shared by the reliability tests: databases of both kinds, a small real corpus, the
``parley`` command, and a canonical dump of everything a run stores (to compare two runs)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from parley.store import engine_url, open_store
from parley.store import schema as t
from parley.store.schema import metadata

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "src" / "parley" / "demo" / "articles"
#: Demo articles that make a three-outlet story and a negotiation track with rounds.
SMALL_CORPUS = (
    "2026-03-03-reuters-geneva-first-round.txt",
    "2026-04-15-reuters-astana-second-round.txt",
    "2026-04-21-ap-detainee-exchange.txt",
    "2026-04-21-reuters-detainee-exchange.txt",
    "2026-04-22-aljazeera-exchange-numbers.txt",
    "2026-05-19-reuters-avaza-signing.txt",
)
PARLEY = str(Path(sys.executable).parent / "parley")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def small_corpus(folder: Path) -> Path:
    """A folder holding :data:`SMALL_CORPUS` (copies of bundled demo articles)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in SMALL_CORPUS:
        shutil.copy(DEMO / name, folder / name)
    return folder


def pg_url() -> str:
    url = os.environ.get("PARLEY_TEST_PG_URL", "")
    if not url:
        pytest.skip("PostgreSQL not configured: set PARLEY_TEST_PG_URL (make test does)")
    return url


def reset_pg(url: str) -> None:
    """Drop every Parley table (and the migration version) from the test database."""
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


def empty_db(backend: str, tmp_path: Path) -> str:
    """The URL of an empty database of ``backend`` (nothing created yet)."""
    if backend == "sqlite":
        return str(tmp_path / "parley.db")
    url = pg_url()
    reset_pg(url)
    return url


def subprocess_env() -> dict[str, str]:
    """The environment for a child ``parley``: no settings file, no inherited database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_")}
    env["PARLEY_CONFIG"] = os.devnull
    return env


#: Columns that record when or by whom something was stored, not what.
_WHEN = {"ingested_at", "at", "started_at", "finished_at", "host", "pid", "id"}


def dump(url: str) -> dict[str, Any]:
    """What the database holds, as sorted canonical JSON per table: articles and their records,
    resolved tracks, agreements and stories, and rejections (times and run ids left out)."""
    out: dict[str, Any] = {}
    with open_store(url) as store, store.engine.connect() as conn:
        for table in (*t.PER_ARTICLE, t.articles, t.actors, *t.RESOLVED, t.rejections):
            drop = _WHEN if table in (t.rejections, t.runs) else _WHEN - {"id"}
            rows = conn.execute(sa.select(table)).mappings()
            kept = ({k: v for k, v in r.items() if k not in drop} for r in rows)
            out[table.name] = sorted(json.dumps(r, sort_keys=True, default=str) for r in kept)
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition: Any, what: str, limit: float = 180.0) -> None:
    """Poll ``condition`` until true; failing after ``limit`` seconds (a guard, not a timing)."""
    end = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < end, f"gave up waiting for {what}"
        time.sleep(0.2)


def free_port(ports: range) -> int:
    """The first port of ``ports`` (a test's own range) that nothing listens on; skipped, saying
    so, when every one is taken."""
    for port in ports:
        with contextlib.closing(socket.socket()) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip(f"no free port in {ports}")
