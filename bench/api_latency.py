"""Latency of the main API queries on a synthetic store of ≥100k events.

How the database is made: articles are generated from sentence templates over actors of the
shipped knowledge base, as :class:`parley.models.Analysis` objects with real offsets (actors,
mentions, quotes, attributions, events, some with rounds/tracks). They are stored by the store's
own batched write, ``Store.save_many`` (what a batch run uses: bulk ``executemany`` inserts, the
actor counts kept, full-text indexes filled by their triggers), 1000 articles per transaction,
with a 1 GB page cache for the build's connection (its index inserts land all over a file of
several GB), and the store is then optimised as at the end of a run (SQLite ``PRAGMA
optimize``). 200,000 articles take about 20 minutes on a loaded two-core machine. A killed
build keeps every finished thousand; ``--keep`` reuses a built store across runs.

Then every listing, filter and search endpoint of the API is timed against a real server
(``parley serve --workers N``, default two processes, on 127.0.0.1, stopped at the end) by
``--clients`` concurrent clients (default 8; threads of the bench, or with
``--client-processes`` a process each), each sending ``--repeat`` requests per endpoint: p50,
p95 and max in milliseconds, printed as a table with the database size and machine. The
defaults build the issue's store: 200,000 articles and 1,000,000 events. Not run by the
tests. Usage::

    python bench/api_latency.py [--articles 200000] [--events-per-article 5] [--repeat 20]
        [--clients 8] [--client-processes] [--workers 2] [--port 55549]
        [--db /tmp/parley-bench.db] [--keep] [--copies 10]

``--copies 10`` generates a tenth of the articles through ``save_many`` and copies them inside
SQLite (:func:`replicate`): the store in minutes rather than an hour on a loaded machine.

``--service`` times each request answered in process instead (the app called through
Starlette's test client, no server, no sockets): the CPU milliseconds of one request, median
of ``--repeat`` after a warm-up. On a shared machine this is the stable figure: a request's
p95 under ``--clients`` on fewer cores is a multiple of it. ``--profile WORD`` adds a cProfile
of the requests whose label holds WORD (where a request spends its time: SQL, models, JSON).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from rich.console import Console
from rich.table import Table

from parley.kb import load_kb
from parley.models import (
    ActorInText,
    Analysis,
    Article,
    Attribution,
    Event,
    Mention,
    Quote,
    Reporter,
    Round,
    Span,
    Speaker,
    TimeExpression,
    Track,
)
from parley.store import open_store

TYPES = ["CONSULT", "AGREE", "REQUEST", "ACCUSE", "RETREAT", "SUPPORT", "THREATEN", "AID"]
VERBS = {
    "CONSULT": "met",
    "AGREE": "agreed with",
    "REQUEST": "called on",
    "ACCUSE": "accused",
    "RETREAT": "withdrew from talks with",
    "SUPPORT": "backed",
    "THREATEN": "warned",
    "AID": "sent aid to",
}
OUTLETS = ["Reuters", "AP", "Al Jazeera", "BBC", "AFP", "TASS", "Kyiv Independent"]
WORDS = (
    "ceasefire corridor sanctions prisoners border delegation envoy summit grain "
    "pipeline reactor monitors referendum shelling convoy tariff"
).split()


class Writer:
    """Builds one article's text piece by piece, remembering each piece's offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> Span:
        span = Span(start=self.size, end=self.size + len(text), text=text)
        self.parts.append(text)
        self.size += len(text)
        return span

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _people_and_states(rng: random.Random) -> tuple[list[Any], list[Any]]:
    kb = load_kb()
    people = [a for a in kb.actors.values() if a.kind == "person"]
    states = [a for a in kb.actors.values() if a.kind == "state"]
    rng.shuffle(people)
    return people[:400], states


def synthetic(
    i: int, rng: random.Random, people: list[Any], states: list[Any], n_events: int
) -> Analysis:
    """One made-up article with ``n_events`` events, three quotes and a claim."""
    w = Writer()
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(800))
    actors: dict[str, Any] = {}
    mentions, events, quotes = [], [], []
    for _ in range(n_events):
        a, b = rng.sample(states, 2)
        kind = rng.choice(TYPES)
        start = w.size
        ma = w.add(a.name)
        w.add(f" {VERBS[kind]} ")
        mb = w.add(b.name)
        w.add(f" over the {rng.choice(WORDS)} on {day.isoformat()}. ")
        evidence = Span(start=start, end=w.size - 1, text=w.text[start : w.size - 1])
        for actor, m in ((a, ma), (b, mb)):
            actors[actor.id] = actor
            mentions.append(
                Mention(start=m.start, end=m.end, text=m.text, actor=actor.id, label="GPE")
            )
        date = TimeExpression(
            text=day.isoformat(), start=0, end=0, value=day.isoformat(), precision="day"
        )
        events.append(
            Event(
                type=kind,
                source=[a.id],
                target=[b.id],
                date=date,
                evidence=evidence,
                status=rng.choice(["occurred", "occurred", "planned"]),
            )
        )
    for _ in range(3):
        p = rng.choice(people)
        actors[p.id] = p
        w.add("\u201c")
        said = w.add(f"We will not give up the {rng.choice(WORDS)} or the {rng.choice(WORDS)}")
        w.add("\u201d, said ")
        who = w.add(p.name)
        w.add(". ")
        mentions.append(
            Mention(start=who.start, end=who.end, text=who.text, actor=p.id, label="PERSON")
        )
        quotes.append(
            Quote(
                text=said.text,
                start=said.start,
                end=said.end,
                cue="said",
                speaker=Speaker(actor=p.id, text=p.name),
            )
        )
    claim = w.add(f"The {rng.choice(WORDS)} talks will resume next month")
    w.add(", according to officials.")
    claims = [
        Attribution(
            claim=claim, cue="according to", reporter=Reporter(kind="anonymous", text="officials")
        )
    ]
    tracks = []
    if i % 50 == 0:
        a, b = states[i % 7], states[i % 7 + 1]
        tracks = [
            Track(
                name=f"{a.name}–{b.name} peace talks",
                parties=[a.id, b.id],
                rounds=[Round(track="", ordinal=1 + i % 5, status="held", date=day.isoformat())],
            )
        ]
    article = Article(
        id=f"bench{i:07d}",
        text=w.text,
        title=f"Talks on the {rng.choice(WORDS)}",
        outlet=rng.choice(OUTLETS),
        published_at=day,
        language="en",
    )
    in_text = [
        ActorInText(id=x.id, name=x.name, kind=x.kind, country=x.country) for x in actors.values()
    ]
    return Analysis(
        article=article,
        actors=in_text,
        mentions=mentions,
        quotes=quotes,
        attributions=claims,
        events=events,
        tracks=tracks,
    )


def _big_cache(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA cache_size=-1000000")


def build(db: Path, n_articles: int, n_events: int, seed: int = 7) -> float:
    """Create the synthetic database; returns the seconds it took."""
    rng = random.Random(seed)
    people, states = _people_and_states(rng)
    started = time.perf_counter()
    store = open_store(str(db))
    # A larger page cache for the build only: its index inserts land all over a file of GBs.
    sa.event.listen(store.engine, "connect", _big_cache)
    store.engine.dispose()
    batch: list[Analysis] = []
    with store:
        for i in range(n_articles):
            batch.append(synthetic(i, rng, people, states, n_events))
            if len(batch) == 1000 or i == n_articles - 1:
                store.save_many(batch)
                batch = []
                if (i + 1) % 20_000 == 0:
                    print(f"{i + 1:,} articles stored", flush=True)
        store.optimize()
    return time.perf_counter() - started


# The tables save_many writes per article, with their article-id column. A copy of an article
# is the same rows under a new article id (`bench` + 7 digits); ids inside an event id
# (`<article>#<index>`) and inside the stored analysis JSON are renamed too.
PER_ARTICLE = {
    "articles": "id",
    "analyses": "article_id",
    "repairs": "article_id",
    "mentions": "article_id",
    "quotes": "article_id",
    "attributions": "article_id",
    "events": "article_id",
    "event_actors": "article_id",
}
RECOUNT = (
    "UPDATE actors SET "
    "n_articles = (SELECT count(DISTINCT m.article_id) FROM mentions m "
    "WHERE m.actor_id = actors.id), "
    "n_mentions = (SELECT count(*) FROM mentions m WHERE m.actor_id = actors.id)"
)


def _renamed(column: str, key: str, shift: int) -> str:
    """SQL for ``column`` of a copy whose article id is the original's number + ``shift``."""
    new = f"'bench' || printf('%07d', CAST(substr({key}, 6) AS INTEGER) + {shift})"
    if column == key:
        return new
    if column in ("json",):
        return f"replace({column}, '\"' || {key} || '\"', '\"' || {new} || '\"')"
    if column in ("event_id",) or (column == "id" and key == "article_id"):
        return f"{new} || substr({column}, instr({column}, '#'))"
    return column


def replicate(db: str, n_base: int, copies: int) -> None:
    """Make the store hold ``copies`` copies of its first ``n_base`` articles (ids
    ``bench0000000`` …): the rows :meth:`Store.save_many` writes for the same analyses under
    the new ids (``tests/test_bench_replicate.py`` checks this), written by ``INSERT … SELECT``
    inside SQLite, so a million events take minutes instead of an hour of Python. The
    full-text indexes are filled by their triggers; the actor counts are recounted."""
    store = open_store(db)
    sa.event.listen(store.engine, "connect", _big_cache)
    store.engine.dispose()
    with store.writer.begin() as conn:
        for k in range(1, copies):
            for table, key in PER_ARTICLE.items():
                columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
                values = ", ".join(_renamed(c, key, k * n_base) for c in columns)
                quoted = ", ".join(f'"{c}"' for c in columns)
                conn.exec_driver_sql(
                    f"INSERT INTO {table} ({quoted}) SELECT {values} FROM {table} "
                    f"WHERE {key} < 'bench' || printf('%07d', {n_base})"
                )
            print(f"copy {k + 1} of {copies} stored", flush=True)
        conn.exec_driver_sql(RECOUNT)
    store.optimize()
    store.close()


def _sample_ids(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as c:
        actor = c.execute(
            "SELECT actor_id FROM event_actors GROUP BY actor_id "
            "ORDER BY count(*) DESC LIMIT 1 OFFSET 10"
        ).fetchone()[0]
        speaker = c.execute("SELECT speaker_actor_id FROM quotes LIMIT 1").fetchone()[0]
        article = c.execute("SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET 777").fetchone()[0]
    return {"actor": actor, "speaker": speaker, "article": article}


def measure(call: Callable[[], Any], repeat: int) -> list[float]:
    """Milliseconds of ``repeat`` calls, after one warm-up call."""
    call()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return out


def queries(ids: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(label, path) of each query timed: every listing, filter and search of the API."""
    a, sp = ids["actor"], ids["speaker"]
    yield "articles, first page", "/api/v1/articles?limit=50"
    yield "articles by actor", f"/api/v1/articles?actor={a}&limit=50"
    yield "articles by country", "/api/v1/articles?country=UKR&limit=50"
    yield "articles by outlet", "/api/v1/articles?outlet=reuters&limit=50"
    yield "articles by date range", "/api/v1/articles?since=2025-03-01&until=2025-03-31"
    yield "events, first page", "/api/v1/events?limit=50"
    yield "events by actor", f"/api/v1/events?actor={a}&limit=50"
    yield "events by country", "/api/v1/events?country=UKR&limit=50"
    yield "events by type", "/api/v1/events?type=CONSULT&limit=50"
    yield "events by status", "/api/v1/events?status=planned&limit=50"
    yield "events by outlet", "/api/v1/events?outlet=reuters&limit=50"
    yield "events by date range", "/api/v1/events?since=2025-03-01&until=2025-03-31&limit=50"
    yield (
        "events by type+actor+date",
        f"/api/v1/events?type=AGREE&actor={a}&since=2024-06-01&limit=50",
    )
    yield "quotes, first page", "/api/v1/quotes?limit=50"
    yield "quotes by speaker", f"/api/v1/quotes?actor={sp}&limit=50"
    yield "quotes by outlet", "/api/v1/quotes?outlet=reuters&limit=50"
    yield "quotes by words", "/api/v1/quotes?q=referendum&limit=50"
    yield "claims, first page", "/api/v1/claims?limit=50"
    yield "claims by reporter kind", "/api/v1/claims?type=anonymous&limit=50"
    yield "claims by words", "/api/v1/claims?q=ceasefire&limit=50"
    yield "stories", "/api/v1/stories?limit=50"
    yield "stories by type, 2+ sources", "/api/v1/stories?type=CONSULT&min_sources=2"
    yield "actors", "/api/v1/actors?limit=50"
    yield "actors by kind", "/api/v1/actors?type=person&limit=50"
    yield "tracks", "/api/v1/tracks?limit=50"
    yield "agreements", "/api/v1/agreements?limit=50"
    yield "article analysis JSON", f"/api/v1/articles/{ids['article']}"
    yield "article page (HTML)", f"/articles/{ids['article']}"
    yield "search articles, common word", "/api/v1/search?q=talks"
    yield "search articles, rare word", "/api/v1/search?q=reactor"
    yield "search articles, phrase", "/api/v1/search?q=peace+talks"
    yield "search quotes", "/api/v1/search?q=referendum&kind=quotes"
    yield "search page (HTML)", "/search?q=reactor"


def service_times(
    db: Path, repeat: int, skip: list[str], profile: list[str]
) -> tuple[Table, dict[str, Any]]:
    """CPU milliseconds of each query answered in process (median of ``repeat``, after a
    warm-up request), and a cProfile of those whose label holds a word of ``profile``."""
    import cProfile
    import pstats

    from fastapi.testclient import TestClient

    from parley.serve import create_app

    ids = _sample_ids(db)
    store = open_store(str(db), kb=load_kb())
    # Entered once: one event loop thread for every request (a bare TestClient starts one per
    # request, which costs more CPU than a cheap request itself).
    client = TestClient(create_app(store)).__enter__()
    title = (
        f"API service time (CPU ms of one request, in process, median of {repeat}) · "
        f"{db.stat().st_size / 1e6:,.0f} MB · load {os.getloadavg()[0]:.1f}, nice {os.nice(0)}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}"
    )
    table = Table(title=title, title_justify="left")
    for col in ("query", "CPU ms", "wall ms"):
        table.add_column(col, justify="left" if col == "query" else "right")
    figures: dict[str, Any] = {}
    for label, path in queries(ids):
        if any(word in label for word in skip):
            continue
        client.get(path).raise_for_status()
        cpu, wall = [], []
        for _ in range(repeat):
            c0, w0 = time.process_time(), time.perf_counter()
            client.get(path).raise_for_status()
            cpu.append((time.process_time() - c0) * 1000)
            wall.append((time.perf_counter() - w0) * 1000)
        figures[label] = {"cpu_ms": round(statistics.median(cpu), 2)}
        table.add_row(label, f"{statistics.median(cpu):.2f}", f"{statistics.median(wall):.2f}")
        if any(word in label for word in profile):
            prof = cProfile.Profile()
            for _ in range(repeat):
                prof.runcall(client.get, path)
            print(f"--- {label}: {path}")
            pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    client.__exit__(None, None, None)
    store.close()
    return table, figures


def _serve(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``parley serve --workers N`` on 127.0.0.1:``port`` (a child process), once it answers."""
    parley = str(Path(sys.executable).with_name("parley"))
    argv = [parley, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--workers", str(workers)]
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1", timeout=2).raise_for_status()
            return server
        except httpx.HTTPError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"parley serve did not answer on port {port}")


def _timed_get(client: httpx.Client, url: str) -> float:
    started = time.perf_counter()
    client.get(url).raise_for_status()
    return (time.perf_counter() - started) * 1000


def _one_client(base: str, path: str, repeat: int) -> list[float]:
    """Milliseconds of ``repeat`` requests to ``path`` on one kept-alive connection."""
    with httpx.Client(base_url=base, timeout=60) as client:
        return [_timed_get(client, path) for _ in range(repeat)]


def _under_load(base: str, path: str, clients: int, repeat: int, pool: Executor) -> list[float]:
    """Milliseconds of ``clients`` × ``repeat`` requests to ``path``, ``clients`` at a time."""
    with httpx.Client(base_url=base, timeout=60) as warm:
        warm.get(path).raise_for_status()
    running = [pool.submit(_one_client, base, path, repeat) for _ in range(clients)]
    return sorted(ms for got in running for ms in got.result())


def run(
    db: Path,
    repeat: int,
    clients: int,
    port: int,
    skip: list[str],
    workers: int = 2,
    client_processes: bool = False,
) -> tuple[Table, dict[str, Any]]:
    """Time every query against ``db`` under ``clients`` concurrent clients: threads of this
    process, or with ``client_processes`` one process each (then no client waits for another
    client's turn at this process's GIL, as separate users' programs would not)."""
    store = open_store(str(db))
    ids = _sample_ids(db)
    counts = store.counts()
    store.close()
    size = db.stat().st_size / 1e6
    title = (
        f"API latency, {clients} concurrent client{'s' if clients > 1 else ''} "
        f"({'processes' if client_processes else 'threads'}), "
        f"`parley serve --workers {workers}` · {counts['articles']:,} articles, "
        f"{counts['events']:,} events, {counts['quotes']:,} quotes · SQLite "
        f"{sqlite3.sqlite_version}, {size:,.0f} MB · {platform.machine()}, {os.cpu_count()} CPUs, "
        f"load {os.getloadavg()[0]:.1f}, nice {os.nice(0)}, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}"
    )
    table = Table(title=title, title_justify="left")
    for col in ("query", "p50 ms", "p95 ms", "max ms"):
        table.add_column(col, justify="left" if col == "query" else "right")
    figures: dict[str, Any] = {
        "counts": counts,
        "db_mb": round(size),
        "clients": clients,
        "workers": workers,
        "client_processes": client_processes,
    }
    server = _serve(db, port, workers)
    pool: Executor = (ProcessPoolExecutor if client_processes else ThreadPoolExecutor)(clients)
    try:
        for label, path in queries(ids):
            if any(word in label for word in skip):
                table.add_row(label, "skipped", "", "")
                continue
            ms = _under_load(f"http://127.0.0.1:{port}", path, clients, repeat, pool)
            p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
            p50 = statistics.median(ms)
            figures[label] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
            table.add_row(label, f"{p50:.1f}", f"{p95:.1f}", f"{ms[-1]:.1f}")
    finally:
        pool.shutdown()
        server.terminate()
        server.wait(timeout=30)
    return table, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--events-per-article", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20, help="requests per client and query")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument(
        "--client-processes",
        action="store_true",
        help="run each client in its own process (default: threads of this process)",
    )
    parser.add_argument("--port", type=int, default=55549)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--build-only", action="store_true", help="build the database and stop")
    parser.add_argument(
        "--skip", action="append", default=[], help="skip queries whose label has this"
    )
    parser.add_argument("--db", type=Path, default=Path("/tmp/parley-bench.db"))
    parser.add_argument("--keep", action="store_true", help="reuse an existing database")
    parser.add_argument(
        "--service", action="store_true", help="CPU time of each request in process, no server"
    )
    parser.add_argument(
        "--profile", action="append", default=[], help="with --service: cProfile these labels"
    )
    parser.add_argument(
        "--copies",
        type=int,
        default=1,
        help="generate articles/copies articles, then copy them inside SQLite (fast build)",
    )
    args = parser.parse_args()
    console = Console()
    if not (args.keep and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        started = time.perf_counter()
        n_base = args.articles // args.copies
        seconds = build(args.db, n_base, args.events_per_article)
        console.print(f"Generated {n_base:,} articles into {args.db} in {seconds:.1f} s")
        if args.copies > 1:
            replicate(str(args.db), n_base, args.copies)
        console.print(f"Built {args.db} in {time.perf_counter() - started:.1f} s")
    if args.build_only:
        return
    if args.service:
        table, figures = service_times(args.db, args.repeat, args.skip, args.profile)
        console.print(table)
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
        return
    table, figures = run(
        args.db,
        args.repeat,
        args.clients,
        args.port,
        args.skip,
        args.workers,
        args.client_processes,
    )
    console.print(table)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
