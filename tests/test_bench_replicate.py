"""bench/api_latency.py's fast build copies articles inside SQLite; the copies must be exactly
the rows ``Store.save_many`` writes for the same analyses under the new ids, or the benchmark
would time a store no user could have."""

from __future__ import annotations

import importlib.util
import json
import random
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from parley.models import Analysis
from parley.store import Filters, open_store

BENCH = Path(__file__).resolve().parents[1] / "bench" / "api_latency.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parley_bench_api_latency", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _renamed(a: Analysis, number: int) -> Analysis:
    article = a.article.model_copy(update={"id": f"bench{number:07d}"})
    return a.model_copy(update={"article": article})


def _rows(db: Path, tables: dict[str, str]) -> dict[str, list[Any]]:
    """Every row of the per-article tables and of actors, in a fixed order; the time of
    ingestion and the analysis JSON's spacing aside (the JSON is compared parsed)."""
    out: dict[str, list[Any]] = {}
    with sqlite3.connect(db) as c:
        for table in (*tables, "actors"):
            columns = [r[1] for r in c.execute(f"PRAGMA table_info({table})")]
            kept = [x for x in columns if x != "ingested_at"]
            quoted = ", ".join('"' + x + '"' for x in kept)
            rows = c.execute(f"SELECT {quoted} FROM {table}")
            parsed = [
                tuple(
                    json.loads(v) if k in ("json", "data") and v else v
                    for k, v in zip(kept, r, strict=True)
                )
                for r in rows
            ]
            out[table] = sorted(parsed, key=repr)
    return out


def test_copies_are_the_rows_save_many_writes(tmp_path: Path) -> None:
    bench = load_bench()
    rng = random.Random(3)
    people, states = bench._people_and_states(rng)
    base = [bench.synthetic(i, rng, people, states, 3) for i in range(6)]
    copied, saved = tmp_path / "copied.db", tmp_path / "saved.db"
    with open_store(str(copied)) as store:
        store.save_many(base)
    bench.replicate(str(copied), 6, 3)
    with open_store(str(saved)) as store:
        store.save_many(
            [*base, *(_renamed(a, i + 6 * k) for k in (1, 2) for i, a in enumerate(base))]
        )
    assert _rows(copied, bench.PER_ARTICLE) == _rows(saved, bench.PER_ARTICLE)
    word = base[0].quotes[0].text.split()[-1]
    with open_store(str(copied)) as a, open_store(str(saved)) as b:
        found = [s.list_quotes(Filters(q=word), None, None).items for s in (a, b)]
        assert found[0] == found[1] and len(found[0]) >= 3  # the copies are searchable too
        assert a.counts() == b.counts()
