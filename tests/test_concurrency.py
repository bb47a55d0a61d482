"""Many writers at once: concurrent ``parley ingest`` processes and API writes never crash each
other, store every article once, and leave the same tracks, agreements and stories as one
sequential run (SQLite and PostgreSQL).

Each writer holds the store-wide write lock for its transaction (``parley.store.connect``), so
resolution reads what it then rewrites, and upserts cannot collide on a key.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from parley import batch
from parley.serve import create_app
from parley.store import open_store
from reliability_kit import (
    BACKENDS,
    DEMO,
    PARLEY,
    dump,
    empty_db,
    reset_pg,
    small_corpus,
    subprocess_env,
)

TOKEN = "concurrency-token-31"
#: Articles posted through the API while an ingest runs (not in the ingested corpus).
POSTED = (
    "2026-04-02-ap-caspian-final-round.txt",
    "2026-06-12-ap-third-round-cancelled.txt",
    "2026-03-20-aljazeera-analysis-red-lines.txt",
)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return small_corpus(tmp_path / "corpus")


def _fresh(backend: str, tmp_path: Path, name: str) -> str:
    if backend == "sqlite":
        return str(tmp_path / f"{name}.db")
    return empty_db(backend, tmp_path)


def _sequential(url: str, corpus: Path, pipeline: Any) -> dict[str, Any]:
    with open_store(url) as store:
        batch.ingest([corpus], store, pipeline, progress=False)
    return dump(url)


def _ingest(url: str, corpus: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PARLEY, "ingest", "--no-progress", "--db", url, str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )


def _finish(procs: list[subprocess.Popen[str]]) -> None:
    for proc in procs:
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-3000:]
        assert "Traceback" not in err, err[-3000:]


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_ingests_store_each_article_once_and_resolve_as_one_run(
    backend: str, writers: int, corpus: Path, tmp_path: Path, pipeline: Any
) -> None:
    url = _fresh(backend, tmp_path, "sequential")
    expected = _sequential(url, corpus, pipeline)
    if backend == "postgres":
        reset_pg(url)
    else:
        url = str(tmp_path / "concurrent.db")
    _finish([_ingest(url, corpus) for _ in range(writers)])
    found = dump(url)
    assert len(found["articles"]) == len(list(corpus.iterdir()))
    assert found == expected
    assert found["stories"] and found["tracks"]  # the comparison covers resolved records


def _post_all(client: TestClient, names: tuple[str, ...]) -> list[int]:
    """POST each article from its own thread, all at once; the status codes."""
    codes: list[int] = [0] * len(names)

    def post(i: int) -> None:
        text = (DEMO / names[i]).read_text("utf-8")
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
        codes[i] = client.post("/api/v1/articles", content=text, headers=headers).status_code

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(names))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes


@pytest.fixture
def served(backend: str, tmp_path: Path, pipeline: Any) -> Iterator[tuple[str, TestClient]]:
    url = _fresh(backend, tmp_path, "served")
    with (
        open_store(url) as store,
        TestClient(create_app(store, token=TOKEN, pipeline=pipeline)) as client,
    ):
        yield url, client


def test_api_posts_during_an_ingest_all_succeed_and_match_a_sequential_run(
    backend: str, corpus: Path, served: tuple[str, TestClient], pipeline: Any, tmp_path: Path
) -> None:
    url, client = served
    running = _ingest(url, corpus)
    codes = _post_all(client, POSTED)
    codes += _post_all(client, POSTED)  # the same articles again, still concurrently
    _finish([running])
    assert codes == [201] * len(POSTED) + [200] * len(POSTED)
    found = dump(url)

    if backend == "postgres":
        reset_pg(url)
        reference = url
    else:
        reference = str(tmp_path / "reference.db")
    with (
        open_store(reference) as store,
        TestClient(create_app(store, token=TOKEN, pipeline=pipeline)) as client,
    ):
        batch.ingest([corpus], store, pipeline, progress=False)
        for name in POSTED:
            assert _post_all(client, (name,)) == [201]
    assert found == dump(reference)


def _connect_at_once(url: str, barrier: Any, errors: Any) -> None:
    from parley.store.connect import create_engine

    engine = create_engine(url)
    barrier.wait()
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception as e:  # reported to the parent, which asserts there were none
        errors.put(f"{e.__class__.__name__}: {e}")
    finally:
        engine.dispose()


def test_processes_opening_a_new_sqlite_store_at_once_all_get_in(tmp_path: Path) -> None:
    # Each connection switches the file to WAL; two processes doing it on a new file at the same
    # moment made one fail at once with "database is locked" (seen with two ingests into a
    # fresh store), the busy timeout notwithstanding.
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    errors = ctx.Queue()
    for round_ in range(8):
        url = f"sqlite:///{tmp_path / f'fresh-{round_}.db'}"
        barrier = ctx.Barrier(4)
        procs = [
            ctx.Process(target=_connect_at_once, args=(url, barrier, errors)) for _ in range(4)
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=300)
        assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    found = []
    while not errors.empty():
        found.append(errors.get())
    assert found == []
