"""The store under hostile input and rough handling (SQLite and PostgreSQL): NUL characters
anywhere, several processes creating one database, runs whose process was killed, SIGTERM and
kill -9 of a multi-process ingest, and a corpus salted with one bad record of every kind."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from parley.models import Analysis, RawDocument, Rejection
from parley.resolve import refresh_resolved
from parley.store import Store, open_store
from parley.store import schema as t
from parley.store.migrate import current_revision, head_revision
from reliability_kit import (
    BACKENDS,
    DEMO,
    PARLEY,
    alive,
    dump,
    empty_db,
    pg_url,
    reset_pg,
    subprocess_env,
    wait_for,
)

NUL = "\x00"
TEXT = (
    "Envoys from Norway and Iceland met in Tromsø on Monday to discuss fishing quotas.\n\n"
    "\u201cWe made progress,\u201d the Norwegian foreign minister said after the meeting."
)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return empty_db(str(request.param), tmp_path)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s


def nul_analysis(pipeline: Any) -> Analysis:
    raw = RawDocument(
        source=f"feed.jsonl:3{NUL}",
        text=TEXT,
        title=f"Quota{NUL} talks",
        subtitle=NUL,
        outlet=f"North{NUL}Wire",
        url=f"https://example.org/a{NUL}b",
    )
    return pipeline.analyze(pipeline.normalize(raw))  # type: ignore[no-any-return]


def test_nul_characters_are_stored_as_replacement_characters(store: Store, pipeline: Any) -> None:
    analysis = nul_analysis(pipeline)
    store.save(analysis)
    refresh_resolved(store, {analysis.article.id})
    [stored] = store.articles()
    assert stored.title == "Quota\ufffd talks" and stored.outlet == "North\ufffdWire"
    assert stored.url == "https://example.org/a\ufffdb" and NUL not in stored.model_dump_json()
    at = dt.datetime(2026, 2, 5, tzinfo=dt.UTC)
    store.reject(Rejection(source=f"x{NUL}", stage="ingest", reason=f"r{NUL}", at=at))
    assert store.rejections()[0].reason == "r\ufffd"


@pytest.mark.parametrize("value", [NUL, f"Norway{NUL}", f"%{NUL}_"])
def test_queries_with_nul_in_a_parameter_answer_not_fail(
    store: Store, pipeline: Any, value: str
) -> None:
    # PostgreSQL refuses NUL in any bound text ("cannot contain NUL"); the store scrubs it.
    store.save(nul_analysis(pipeline))
    assert store.quotes(speaker=value) == [] and store.claims(reporter=value) == []
    assert store.events(actor=value, country=value) == []
    assert store.articles(outlet=value) == []
    assert isinstance(store.actors(q=value), list)


@pytest.mark.postgres
def test_nul_handling_is_identical_on_both_databases(pipeline: Any, tmp_path: Path) -> None:
    analysis = nul_analysis(pipeline)
    urls = [str(tmp_path / "nul.db"), pg_url()]
    reset_pg(urls[1])
    for url in urls:
        with open_store(url) as store:
            store.save(analysis)
            refresh_resolved(store, None)
    assert dump(urls[0]) == dump(urls[1])


# -- creating and opening ----------------------------------------------------------------------

OPEN = "import sys; from parley.store import open_store; open_store(sys.argv[1]).close()"


def test_json_values_are_scrubbed_exactly_when_they_hold_a_nul() -> None:
    """The JSON columns are written without copying each analysis to look for a NUL first: a
    value without one is dumped as is; a NUL in a key or a nested string, also next to text
    that spells a backslash and 'u0000', gives what scrubbing then dumping gives."""
    from parley.store.connect import _dumps, has_nul, scrub

    values: list[Any] = [
        {"text": "clean", "spans": [[0, 5]], "nested": {"k": ("a", "b")}},
        {"text": f"a{NUL}b"},
        {f"key{NUL}": 1},
        {"deep": [{"x": ["y", f"z{NUL}"]}]},
        {"slash": "a\\u0000 b"},
        {"slash": f"a\\u0000 b{NUL}", "other": "\\"},
    ]
    for value in values:
        assert _dumps(value) == json.dumps(scrub(value))
        assert has_nul(value) == (scrub(value) != value)
    assert [has_nul(v) for v in values] == [False, True, True, True, False, True]


@pytest.mark.parametrize("backend", BACKENDS)
def test_processes_creating_one_database_at_once_all_succeed(backend: str, tmp_path: Path) -> None:
    for trial in range(3):
        url = empty_db(backend, tmp_path / str(trial))
        (tmp_path / str(trial)).mkdir(exist_ok=True)
        procs = [
            subprocess.Popen([sys.executable, "-c", OPEN, url], stderr=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        errors = [p.communicate(timeout=300)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0], errors
        with open_store(url) as store, store.engine.connect() as conn:
            assert current_revision(conn) == head_revision()


HOLD_A_RUN = (
    "import sys, time; from parley.store import open_store\n"
    "s = open_store(sys.argv[1]); s.start_run(['corpus']); print('started', flush=True)\n"
    "time.sleep(600)\n"
)


def run_statuses(url: str) -> list[str]:
    with open_store(url) as store, store.engine.connect() as conn:
        return list(conn.execute(sa.select(t.runs.c.status)).scalars())


def test_a_run_killed_with_sigkill_is_marked_stale_on_the_next_open(db_url: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_A_RUN, db_url], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
    assert run_statuses(db_url) == ["running"]  # alive: left alone
    proc.kill()
    proc.wait()
    assert run_statuses(db_url) == ["stale"]


# -- signals and workers -------------------------------------------------------------------------


def children(pid: int) -> dict[int, str]:
    """Live child processes of ``pid`` (zombies count as gone), with their command lines."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state != "Z":
            found[int(entry.name)] = cmd
    return found


def start_pool_ingest(url: str, corpus: Path) -> tuple[subprocess.Popen[str], list[int]]:
    proc = subprocess.Popen(
        [PARLEY, "ingest", "--no-progress", "--workers", "2", "--db", url, str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
    )

    wait_for(lambda: len(pool_workers(proc.pid)) == 2, "two workers")
    return proc, [*pool_workers(proc.pid), *fork_servers(proc.pid)]


def fork_servers(pid: int) -> list[int]:
    """The fork server ``pid`` started for its pool, if it has one."""
    return [child for child, cmd in children(pid).items() if "multiprocessing.forkserver" in cmd]


def pool_workers(pid: int) -> list[int]:
    """The pool workers of ``pid``: spawned children, or forked by its fork server."""
    spawned = [child for child, cmd in children(pid).items() if "spawn_main" in cmd]
    return spawned + [worker for server in fork_servers(pid) for worker in children(server)]


CITIES = ("Oslo", "Vienna", "Geneva", "Doha", "Astana", "Nairobi", "Lima", "Hanoi")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 short articles: many batches, so both pool workers are started and the run is still
    under way when a test stops it."""
    folder = tmp_path_factory.mktemp("pool")
    for i in range(150):
        city = CITIES[i % len(CITIES)]
        text = f"Delegations met in {city} on day {i + 1} and agreed to meet again next week."
        (folder / f"talks-{i:02d}.txt").write_text(text + "\n", "utf-8")
    return folder


def test_kill_9_of_a_pool_ingest_takes_its_workers_with_it(tmp_path: Path, corpus: Path) -> None:
    proc, workers = start_pool_ingest(str(tmp_path / "p.db"), corpus)
    proc.kill()
    proc.communicate()
    wait_for(lambda: not any(alive(w) for w in workers), "the workers to end", limit=60)


def _run_started(path: str) -> bool:
    """The ingest has opened its store and recorded its run (read-only: never creates the file)."""
    if not Path(path).exists():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT status FROM runs").fetchall() == [("running",)]
    except sqlite3.Error:
        return False


def test_sigterm_records_the_run_as_interrupted(tmp_path: Path, corpus: Path) -> None:
    # The pool starts before the store opens (its workers load their models meanwhile), so the
    # signal is sent once the run is recorded: a run under way that is stopped says so.
    url = str(tmp_path / "p.db")
    proc, workers = start_pool_ingest(url, corpus)
    wait_for(lambda: _run_started(url), "the run to be recorded")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode != 0 and "Traceback" not in err
    assert run_statuses(url) == ["interrupted"]
    wait_for(lambda: not any(alive(w) for w in workers), "the workers to end", limit=60)


# -- a salted corpus -----------------------------------------------------------------------------


def salted_corpus(folder: Path) -> tuple[int, dict[str, str]]:
    """Good articles mixed with one bad input of every kind; returns how many are good, and
    for each bad source (file name or JSONL line) a word its rejection reason must contain."""
    folder.mkdir()
    demo = sorted(DEMO.iterdir())
    shutil.copy(demo[0], folder / "good-1.txt")
    shutil.copy(demo[1], folder / "a.txt")
    (folder / "a.json").write_text("", "utf-8")  # `parley analyze a.txt --json > a.json`
    statement = (  # a document as the subject once made attribution recurse without end
        "The joint statement released in Reykjavik on Friday said both delegations would meet "
        "again in May to settle the fishing quotas, officials told reporters."
    )
    (folder / "statement.txt").write_text(statement + "\n", "utf-8")
    nul = {"text": demo[2].read_text("utf-8"), "title": f"T{NUL}", "outlet": f"O{NUL}"}
    nul["url"] = f"https://example.org/{NUL}"
    lines = [json.dumps(nul), "{broken", json.dumps({"title": "no text"})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    paragraphs = "".join(f"<p>{p}</p>" for p in demo[3].read_text("utf-8").split("\n\n"))
    (folder / "deep.html").write_text(f"<html><body>{'<div>' * 600}{paragraphs}</body></html>")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "marks.txt").write_text("!!! ??? ... --- ***\n", "utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "huge.txt").write_text("Talks went on. " * 60_000, "utf-8")  # 900,000 chars
    bad = {
        "feed.jsonl:2": "malformed JSON",
        "feed.jsonl:3": "no 'text'",
        "pipe.txt": "named pipe",
        "loop.txt": "symbolic link loop",
        "marks.txt": "only punctuation",
        "photo.txt": "binary",
        "empty.txt": "empty",
        "huge.txt": "too large",
    }
    return 5, bad


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_salted_corpus_stores_every_good_record_and_rejects_each_bad_one(
    backend: str, tmp_path: Path
) -> None:
    url = empty_db(backend, tmp_path)
    good, bad = salted_corpus(tmp_path / "salted")
    done = subprocess.run(
        [PARLEY, "ingest", "--no-progress", "--db", url, str(tmp_path / "salted")],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=900,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]
    with open_store(url) as store:
        assert store.counts()["articles"] == good
        rejected = {Path(r.source).name: r.reason for r in store.rejections()}
    assert set(rejected) == set(bad)
    for source, word in bad.items():
        assert word in rejected[source], (source, rejected[source])
