"""Memory of a batch run's closing refresh: all the run's analyses at once against chunks.

A batch run ends by resolving its new articles (tracks, agreements, stories). It used to read
every analysis of the run into memory in one refresh; it now resolves their stories a chunk at
a time and merges their tracks and agreements once, from the parts of the analyses a merge
reads (:func:`parley.resolve.refresh_unresolved`). This bench builds stores of ``--sizes`` synthetic
articles (the analyses of ``bench/api_latency.py``: five dated events, actors, quotes; no
spaCy), saved as a batch run saves them and left unresolved, then resolves each store in a
fresh process both ways and prints that process's peak resident memory and CPU seconds, and
the rows each way leaves (the same):

a. ``refresh_resolved(store, every id)``: one refresh of the whole run (before);
b. ``refresh_unresolved(store)``: stories in chunks of 500 articles, one transaction each,
   then tracks and agreements in one (now).

Both give the same rows (``tests/test_resolved_store.py``). ``--coarse F`` dates that share of
the events to their month (five in six) or year only, as "in March" or "last year" do: their
wide windows put each chunk's events near the stories of many chunks, which the closing
refresh then re-clusters (the generated corpus of ``scale.py`` does this). Usage::

    python bench/refresh_memory.py [--sizes 2000 8000] [--coarse 0.3] [--dir /tmp]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import _people_and_states, synthetic  # noqa: E402
from throughput import machine_summary  # noqa: E402

_CHILD = """
import json, resource, sys, time
from parley.resolve import refresh_resolved, refresh_unresolved
from parley.store import open_store
TABLES = ("stories", "story_events", "tracks", "resolved_articles")
with open_store(sys.argv[1]) as store:
    cpu = time.process_time()
    if sys.argv[2] == "all":
        with store.engine.connect() as conn:
            ids = set(conn.exec_driver_sql("SELECT id FROM articles").scalars())
        report = refresh_resolved(store, ids)
    else:
        report = refresh_unresolved(store)
    cpu = time.process_time() - cpu
    with store.engine.connect() as conn:
        rows = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in TABLES}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
status = dict(l.split(":", 1) for l in open("/proc/self/status") if l.startswith("Rss"))
kib = {k: int(v.split()[0]) for k, v in status.items()}
# The store's file is read through a memory map (up to 1 GiB), whose pages count as resident:
# RssFile is that (shared, given back under pressure), RssAnon the process's own memory.
mapped = {
    "anon_mb_at_end": kib.get("RssAnon", 0) // 1024,
    "file_mb_at_end": kib.get("RssFile", 0) // 1024,
}
# Stories re-clustered, summed over the chunks (one re-clustered by two counts twice).
done = {"stories_refreshed": report.stories}
print(json.dumps({"peak_mb": round(peak), **mapped, "cpu_s": round(cpu, 2), **done, **rows}))
"""


def build(path: Path, n: int, coarse: float = 0.0) -> None:
    """A store of ``n`` synthetic analyses saved in batches of 50 and never resolved; a
    ``coarse`` share of the events dated to the month or the year only."""
    from parley.store import open_store

    rng = random.Random(15)
    dating = random.Random(7)
    people, states = _people_and_states(rng)
    with open_store(str(path)) as store:
        batch = []
        for i in range(n):
            batch.append(_coarsened(synthetic(i, rng, people, states, 5), dating, coarse))
            if len(batch) == 50:
                store.save_many(batch)
                batch = []
        if batch:
            store.save_many(batch)


def _coarsened(an: Any, rng: random.Random, share: float) -> Any:
    """``an`` with about ``share`` of its dated events dated to the month or the year only."""
    for ev in an.events:
        draw = rng.random()
        if ev.date is None or draw >= share:
            continue
        month = draw < share * 5 / 6
        value = ev.date.value[:7] if month else ev.date.value[:4]
        ev.date = ev.date.model_copy(
            update={"value": value, "text": value, "precision": "month" if month else "year"}
        )
    return an


def resolve(path: Path, mode: str) -> dict[str, float]:
    """Resolve a copy of the store at ``path`` in a new process; its peak memory and CPU."""
    copy = path.with_name(f"{path.stem}-{mode}.db")
    shutil.copyfile(path, copy)
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(copy), mode],
        check=True,
        capture_output=True,
        text=True,
    )
    copy.unlink()
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000])
    parser.add_argument("--dir", type=Path, default=None, help="where the stores go")
    parser.add_argument(
        "--coarse", type=float, default=0.0, help="share of events dated to month or year"
    )
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="parley-refresh-", dir=args.dir) as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"s{n}.db"
            started = time.perf_counter()
            build(path, n, args.coarse)
            built = time.perf_counter() - started
            row = {"articles": n, "coarse": args.coarse, "build_s": round(built, 1)}
            for mode in ("all", "chunked"):
                row[mode] = resolve(path, mode)
            rows.append(row)
            print(json.dumps(row), flush=True)
    print(
        f"machine: {machine_summary()}; this process peak "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
