"""Latency of the main API queries on a synthetic store of ≥100k events.

How the database is made: articles are generated from sentence templates over actors of the
shipped knowledge base, as :class:`parley.models.Analysis` objects with real offsets (actors,
mentions, quotes, attributions, events, some with rounds/tracks). They are mapped to rows with
the store's own mapping functions (``parley.store.rows``: ``article_row``, ``actor_row``,
``child_rows``, exactly what ``Store.save`` writes) and inserted with bulk ``executemany``
inserts, a few thousand rows per statement, in one transaction per 1000 articles. That takes
seconds instead of the minutes that ``Store.save`` (one transaction per article) would.

Then each query is timed through the ASGI app in-process (``fastapi.testclient``), so the figures
are the server's own cost (routing, SQL, JSON/HTML) without network noise: p50, p95 and max in
milliseconds over ``--repeat`` calls each, printed as a table with the database size and machine.
Not run by the tests. Usage::

    python bench/api_latency.py [--articles 20000] [--events-per-article 5] [--repeat 30]
                                [--db /tmp/parley-bench.db] [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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
from parley.store import schema as t
from parley.store.rows import actor_row, article_row, child_rows

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


def _insert_batch(conn: sa.Connection, batch: list[Analysis], known: set[str]) -> None:
    now = dt.datetime.now(dt.UTC)
    conn.execute(sa.insert(t.articles), [article_row(a.article, now) for a in batch])
    fresh = {x.id: x for a in batch for x in a.actors if x.id not in known}
    if fresh:
        conn.execute(sa.insert(t.actors), [actor_row(x) for x in fresh.values()])
        known.update(fresh)
    tables: dict[str, tuple[sa.Table, list[dict[str, Any]]]] = {}
    for analysis in batch:
        for table, rows in child_rows(analysis):
            tables.setdefault(table.name, (table, []))[1].extend(rows)
    for table, rows in tables.values():  # child_rows yields parents first, dicts keep order
        if rows:
            conn.execute(sa.insert(table), rows)


def build(db: Path, n_articles: int, n_events: int, seed: int = 7) -> float:
    """Create the synthetic database; returns the seconds it took."""
    rng = random.Random(seed)
    people, states = _people_and_states(rng)
    started = time.perf_counter()
    store = open_store(str(db))
    known: set[str] = set()
    batch: list[Analysis] = []
    with store:
        for i in range(n_articles):
            batch.append(synthetic(i, rng, people, states, n_events))
            if len(batch) == 1000 or i == n_articles - 1:
                with store.engine.begin() as conn:
                    _insert_batch(conn, batch, known)
                batch = []
    return time.perf_counter() - started


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
    """(label, path) of each query timed."""
    yield "articles, first page", "/api/v1/articles?limit=50"
    yield "events by actor", f"/api/v1/events?actor={ids['actor']}&limit=50"
    yield "events by type", "/api/v1/events?type=CONSULT&limit=50"
    yield "events by date range", "/api/v1/events?since=2025-03-01&until=2025-03-31&limit=50"
    yield (
        "events by type+actor+date",
        (f"/api/v1/events?type=AGREE&actor={ids['actor']}&since=2024-06-01&limit=50"),
    )
    yield "quotes by speaker", f"/api/v1/quotes?actor={ids['speaker']}&limit=50"
    yield "article analysis JSON", f"/api/v1/articles/{ids['article']}"
    yield "article page (HTML)", f"/articles/{ids['article']}"
    yield "search articles (LIKE)", "/api/v1/search?q=reactor"
    yield "search quotes (LIKE)", "/api/v1/search?q=referendum&kind=quotes"


def run(db: Path, repeat: int) -> Table:
    """Time every query against ``db``; a rich table of the results."""
    from fastapi.testclient import TestClient

    from parley.serve import create_app

    store = open_store(str(db))
    client = TestClient(create_app(store))
    ids = _sample_ids(db)
    counts = store.counts()
    size = db.stat().st_size / 1e6
    title = (
        f"API latency · {counts['articles']:,} articles, {counts['events']:,} events, "
        f"{counts['quotes']:,} quotes · SQLite {sqlite3.sqlite_version}, {size:.0f} MB · "
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    table = Table(title=title, title_justify="left")
    for col in ("query", "items", "p50 ms", "p95 ms", "max ms"):
        table.add_column(col, justify="left" if col == "query" else "right")
    for label, path in queries(ids):
        response = client.get(path)
        response.raise_for_status()
        body = response.json() if "json" in response.headers["content-type"] else {}
        n = len(body.get("items", [])) if isinstance(body, dict) else 0
        ms = sorted(measure(lambda p=path: client.get(p), repeat))
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        table.add_row(
            label,
            str(n) if "items" in body else "—",
            f"{statistics.median(ms):.1f}",
            f"{p95:.1f}",
            f"{ms[-1]:.1f}",
        )
    store.close()
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--events-per-article", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--db", type=Path, default=Path("/tmp/parley-bench.db"))
    parser.add_argument("--keep", action="store_true", help="reuse an existing database")
    args = parser.parse_args()
    console = Console()
    if not (args.keep and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        seconds = build(args.db, args.articles, args.events_per_article)
        console.print(f"Built {args.db} in {seconds:.1f} s")
    console.print(run(args.db, args.repeat))


if __name__ == "__main__":
    main()
