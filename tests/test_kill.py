"""kill -9 at 20 reproducible points of an ingest, database creation and migration included:
the next open works, no run stays ``running``, and the resumed run stores exactly what a clean
run stores (SQLite and PostgreSQL).

The child (``tests/kill_child.py``) sends itself SIGKILL just before its N-th SQL statement, with
N drawn by a seeded random generator, so every point is real and every failure reproducible.
"""

from __future__ import annotations

import pickle
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from parley.ingest import read_sources
from parley.models import RawDocument
from parley.store import open_store
from parley.store import schema as t
from parley.store.connect import create_engine, writer
from parley.store.migrate import alembic_config
from parley.store.store import engine_url
from reliability_kit import BACKENDS, dump, empty_db, small_corpus, subprocess_env

CHILD = Path(__file__).with_name("kill_child.py")
SEED = 20261204
POINTS = {"create": 5, "migrate": 3, "ingest": 12}  # 20 in all


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_corpus(tmp_path_factory.mktemp("kill") / "corpus")


@pytest.fixture(scope="module")
def analyses(corpus: Path, pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real pipeline's analyses of the corpus, pickled for the children to replay."""
    found = {}
    for raw in read_sources([corpus]):
        assert isinstance(raw, RawDocument)
        article = pipeline.normalize(raw)
        found[article.id] = pipeline.analyze(article)
    path = tmp_path_factory.mktemp("analyses") / "analyses.pickle"
    path.write_bytes(pickle.dumps(found))
    return path


def _child(url: str, corpus: Path, analyses: Path, kill_at: int = 0) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, str(CHILD), url, str(corpus), str(analyses), str(kill_at)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        cwd=CHILD.parent,
        timeout=600,
    )
    assert done.returncode in (0, -signal.SIGKILL), done.stderr[-3000:]
    return done.returncode, done.stdout


def _at_0003(url: str) -> None:
    """Bring an empty database to revision 0003 (what an older Parley created)."""
    engine = create_engine(engine_url(url))
    with writer(engine).begin() as conn:
        command.upgrade(alembic_config(conn), "0003")
    engine.dispose()


def _prepared(backend: str, tmp_path: Path, name: str, old: bool) -> str:
    url = str(tmp_path / f"{name}.db") if backend == "sqlite" else empty_db(backend, tmp_path)
    if old:
        _at_0003(url)
    return url


def _counts(stdout: str) -> tuple[int, int]:
    opened, total = stdout.split()
    return int(opened), int(total)


@pytest.mark.parametrize("backend", BACKENDS)
def test_kill_9_anywhere_then_resume_equals_a_clean_run(
    backend: str, corpus: Path, analyses: Path, tmp_path: Path
) -> None:
    clean = _prepared(backend, tmp_path, "clean", old=False)
    code, out = _child(clean, corpus, analyses)
    assert code == 0
    created, total = _counts(out)
    expected = dump(clean)
    assert expected["articles"] and expected["stories"]
    migrated, _ = _counts(_child(_prepared(backend, tmp_path, "m", old=True), corpus, analyses)[1])
    rng = random.Random(SEED)
    points = (
        [("create", rng.randint(1, created)) for _ in range(POINTS["create"])]
        + [("migrate", rng.randint(1, migrated)) for _ in range(POINTS["migrate"])]
        + [("ingest", rng.randint(created + 1, total)) for _ in range(POINTS["ingest"])]
    )
    for i, (phase, kill_at) in enumerate(points):
        url = _prepared(backend, tmp_path, f"trial{i}", old=phase == "migrate")
        assert _child(url, corpus, analyses, kill_at)[0] == -signal.SIGKILL, (phase, kill_at)
        with open_store(url) as store, store.engine.connect() as conn:  # the next open works
            statuses = set(conn.execute(sa.select(t.runs.c.status)).scalars())
        assert "running" not in statuses, (phase, kill_at)
        assert _child(url, corpus, analyses)[0] == 0
        assert dump(url) == expected, (phase, kill_at)
