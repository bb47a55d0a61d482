"""Store write rates: one transaction per article against batches, SQLite and PostgreSQL.

The analyses are the synthetic ones of ``bench/api_latency.py`` (actors, mentions, quotes,
claims and five events per article, with real offsets; no spaCy), so only the store is timed.
Each mode writes the same ``--n`` articles into a new database and prints articles per second
of wall time and of this process's CPU time (the second is what a loaded machine disturbs
least):

a. ``Store.save`` for each article: one transaction and one statement per table per article
   (what every batch run did before batching);
b. ``Store.save_many`` in batches of ``--batch`` (what ``parley ingest`` does now, default 50).

``--db`` adds a PostgreSQL URL (its tables are dropped first); SQLite files go in a temporary
folder. Usage::

    python bench/store_writes.py [--n 2000] [--batch 50] [--db postgresql://…]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import _people_and_states, synthetic  # noqa: E402
from throughput import machine_summary  # noqa: E402

from parley.store import Store, engine_url, open_store  # noqa: E402
from parley.store.schema import metadata  # noqa: E402


def _analyses(n: int) -> list[Any]:
    rng = random.Random(15)
    people, states = _people_and_states(rng)
    return [synthetic(i, rng, people, states, 5) for i in range(n)]


def _empty(url: str) -> str:
    if "://" in url:
        engine = sa.create_engine(engine_url(url))
        with engine.begin() as conn:
            metadata.drop_all(conn)
            conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        engine.dispose()
    return url


def _timed(url: str, write: Callable[[Store], None]) -> tuple[float, float]:
    with open_store(_empty(url)) as store:
        wall, cpu = time.perf_counter(), time.process_time()
        write(store)
        return time.perf_counter() - wall, time.process_time() - cpu


def measure(url: str, analyses: Sequence[Any], batch: int) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of writing ``analyses`` one per transaction and in batches."""

    def one_by_one(store: Store) -> None:
        for a in analyses:
            store.save(a)

    def batched(store: Store) -> None:
        for i in range(0, len(analyses), batch):
            store.save_many(analyses[i : i + batch])

    return {
        "one per transaction": _timed(url, one_by_one),
        f"batches of {batch}": _timed(url, batched),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--db", action="append", default=[], help="a PostgreSQL URL to add")
    args = parser.parse_args()
    analyses = _analyses(args.n)
    with tempfile.TemporaryDirectory(prefix="parley-writes-") as tmp:
        for url in [str(Path(tmp) / "w.db"), *args.db]:
            backend = "postgresql" if "://" in url else "sqlite"
            for mode, (wall, cpu) in measure(url, analyses, args.batch).items():
                print(
                    f"{backend:10} {mode:20} {args.n / wall:8.1f} articles/s wall "
                    f"{args.n / cpu:8.1f} articles/s CPU ({wall:.1f} s, {cpu:.1f} s CPU)",
                    flush=True,
                )
    print(f"machine: {machine_summary()}")


if __name__ == "__main__":
    main()
