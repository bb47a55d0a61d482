"""Ingest a large generated corpus, streamed, and print the memory curve and write rates.

The corpus is generated on the fly from varied templates (talks, ceasefires, sanctions, prisoner
exchanges, treaty steps, quotes and attributions) over actors of the shipped knowledge base,
with random places, numbers and dates, so no two articles are alike and nothing is held in
memory: each article is made when the ingest asks for it. Every article goes through the real
pipeline (normalise, parse, extract) and the store (``Store.save_many``, in batches as any batch
run saves); resolution runs at the end as in any run.

Printed: at every tenth of the run, the articles stored, the memory (current and peak so far, this
process and its worker processes together) as RSS and split into anonymous memory (``RssAnon``:
what the run itself holds) and file-backed memory (``RssFile``: code and SQLite's memory map of the
store, OS cache pages the kernel reclaims under pressure, bounded by the map size), the elapsed
time and the store's write rate (articles saved per second spent inside ``Store.save_many``), then
the flatness of the curve (each peak at 100 % over the same peak at 10 %). ``--db`` takes a SQLite
path or a PostgreSQL URL, so the write rate of each backend is measured the same way. Usage::

    python bench/scale.py [--n 100000] [--workers 1] [--db /tmp/parley-scale.db] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import machine_summary  # noqa: E402

OUTLETS = ["Reuters", "AP", "Al Jazeera", "Eurasianet", "Bench Wire", "Daily Ledger"]
PLACES = ["Geneva", "Astana", "Doha", "Oslo", "Vienna", "Istanbul", "Nairobi", "Baku", "Muscat"]
TEMPLATES = [
    "{a} and {b} held a {n}th round of talks in {place} on {day}, officials said.",
    '"We are ready to continue," {p} told reporters in {place}, adding that {b} had not replied.',
    "{a} accused {b} of violating the ceasefire near {place}, according to the defence ministry.",
    "The two sides exchanged {n} detainees on {day}, {p} said in a statement.",
    "{a} signed an agreement with {b} on {day} to extend the grain corridor for {n} months.",
    "{p} said {a} would not accept any deal that left troops in {place}.",
    "Sanctions on {b} will stay until the talks in {place} produce results, {p} said.",
    "Negotiators from {a} are expected to meet their {b} counterparts in {place} next week.",
    "{a} rejected a proposal from {b} to hold a referendum, two diplomats told the newspaper.",
    "The parliament of {a} ratified the treaty with {b} on {day} by {n} votes to 12.",
]


def _names(kind: str) -> list[str]:
    from parley.kb import load_kb

    return [a.name for a in load_kb().of_kind(kind)]


def corpus(n: int, seed: int = 15) -> Iterator[Any]:
    """``n`` generated raw documents, made one at a time."""
    from parley.models import RawDocument

    rng = random.Random(seed)
    states, people = _names("state"), _names("person")
    start = dt.date(2024, 1, 1)
    for i in range(n):
        published = start + dt.timedelta(days=rng.randrange(900))
        paragraphs = []
        for _ in range(rng.randrange(6, 14)):
            a, b = rng.sample(states, 2)
            day = (published - dt.timedelta(days=rng.randrange(7))).strftime("%A")
            paragraphs.append(
                rng.choice(TEMPLATES).format(
                    a=a, b=b, p=rng.choice(people), place=rng.choice(PLACES), day=day,
                    n=rng.randrange(2, 60),
                )
            )  # fmt: skip
        yield RawDocument(
            source=f"generated:{i}",
            text="\n\n".join(paragraphs),
            title=f"Dispatch {i}: {paragraphs[0][:60]}",
            outlet=rng.choice(OUTLETS),
            published_at=published,
            url=f"https://scale.example/{i}",
        )


#: The memory lines of /proc/<pid>/status the curve reports, by the name used in the figures.
#: RSS is anonymous memory (the heap: models, Python objects) plus file-backed pages (the code and
#: SQLite's memory map of the store: OS cache pages the kernel takes back when it needs them) plus
#: shared memory; only the anonymous part is memory the run holds.
MEMORY_FIELDS = {"VmRSS": "rss_mb", "RssAnon": "anon_mb", "RssFile": "file_mb"}


def _memory_mb(pid: str = "self") -> dict[str, float]:
    """Resident, anonymous and file-backed memory of a process in MiB (zeros when it is gone)."""
    found = dict.fromkeys(MEMORY_FIELDS.values(), 0.0)
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key = line.split(":", 1)[0]
            if key in MEMORY_FIELDS:
                found[MEMORY_FIELDS[key]] = int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return found


def _children(pid: int | None = None) -> list[str]:
    """Process ids of the descendants of ``pid`` (this process: the worker pool, spawned or
    forked by its fork server, and that server), where Linux lists them."""
    pid = os.getpid() if pid is None else pid
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [d for child in found for d in (child, *_children(int(child)))]


class Sampler(threading.Thread):
    """Samples this process's (and its children's) memory every ``interval`` s.

    ``current`` and ``peak`` hold, for each of RSS, anonymous and file-backed memory, the sum
    over this process and its workers; the peaks are taken per kind, so the anonymous peak is
    not hidden by the map growing.
    """

    def __init__(self, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.current = dict.fromkeys(MEMORY_FIELDS.values(), 0.0)
        self.peak = dict(self.current)
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            total = _memory_mb()
            for pid in _children():
                for kind, mib in _memory_mb(pid).items():
                    total[kind] += mib
            self.current = total
            self.peak = {k: max(v, total[k]) for k, v in self.peak.items()}
            self.stop.wait(self.interval)

    def row(self) -> dict[str, int]:
        """Current and peak memory of every kind, rounded to MiB, for the curve."""
        row = {k: round(v) for k, v in self.current.items()}
        row.update({f"peak_{k}": round(v) for k, v in self.peak.items()})
        return row


def _rounded(mib: dict[str, float]) -> list[tuple[str, int]]:
    return [(k, round(v)) for k, v in mib.items()]


def run(n: int, db: str, workers: int) -> dict[str, Any]:
    """Ingest ``n`` generated articles into ``db``; the memory curve and write rates."""
    from parley import batch
    from parley.pipeline import Pipeline
    from parley.settings import Settings
    from parley.store import open_store

    sampler = Sampler()
    sampler.start()
    curve: list[dict[str, float]] = []
    saved = {"n": 0, "seconds": 0.0}
    started = time.perf_counter()
    with open_store(db) as store:
        save_many = store.save_many
        every = max(1, n // 10)

        def timed_save(analyses: Any) -> None:
            t0 = time.perf_counter()
            save_many(analyses)
            saved["seconds"] += time.perf_counter() - t0
            before, saved["n"] = saved["n"], saved["n"] + len(analyses)
            if saved["n"] // every > before // every:  # a tenth of the run was crossed
                curve.append(
                    {
                        "articles": saved["n"],
                        **sampler.row(),
                        "elapsed_s": round(time.perf_counter() - started, 1),
                        "saves_per_s": round(saved["n"] / saved["seconds"], 1),
                    }
                )
                print(curve[-1], flush=True)

        # Batch runs store through save_many (save_batch analyses per transaction).
        store.save_many = timed_save  # type: ignore[method-assign]
        pipeline = Pipeline(Settings(db=db))
        report = batch.ingest_documents(corpus(n), store, pipeline, progress=False, workers=workers)
    sampler.stop.set()
    print(
        {"after resolution": report.new, **{f"peak_{k}": v for k, v in _rounded(sampler.peak)}},
        f"elapsed {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    first, last = (curve[0], curve[-1]) if curve else ({}, {})
    return {
        "articles": n,
        "stored": report.new,
        "rejected": report.rejected,
        "workers": workers,
        "backend": "postgresql" if db.startswith("postgres") else "sqlite",
        "curve": curve,
        **{f"peak_{k}": v for k, v in _rounded(sampler.peak)},
        # Flatness of each kind of memory: its peak at the end over its peak at the first tenth.
        **{
            f"peak_{k}_growth_10_to_100": (
                round(last[f"peak_{k}"] / first[f"peak_{k}"], 3)
                if curve and first[f"peak_{k}"]
                else None
            )
            for k in MEMORY_FIELDS.values()
        },
        "saves_per_s": round(saved["n"] / saved["seconds"], 1) if saved["seconds"] else None,
        "articles_per_s_overall": round(report.new / (time.perf_counter() - started), 2),
        "machine": machine_summary(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--db", default="/tmp/parley-scale.db", help="SQLite path or URL")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if "://" not in args.db:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
    figures = run(args.n, args.db, args.workers)
    print(f"machine: {figures['machine']}")
    print(
        f"{figures['stored']:,} stored ({figures['backend']}), "
        f"peak RSS {figures['peak_rss_mb']} MiB "
        f"(anonymous {figures['peak_anon_mb']}, file-backed {figures['peak_file_mb']}), "
        f"peak at 100 % / at 10 %: RSS {figures['peak_rss_mb_growth_10_to_100']}, anonymous "
        f"{figures['peak_anon_mb_growth_10_to_100']}, store writes "
        f"{figures['saves_per_s']} articles/s, overall {figures['articles_per_s_overall']} "
        "articles/s"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
