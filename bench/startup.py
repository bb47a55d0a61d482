"""Start-up of Parley commands against loading the bare spaCy model, measured in one run.

Each round runs, one after the other in fresh processes,

1. ``python -c "import spacy; spacy.load(MODEL)"`` — the floor: Parley cannot start faster;
2. ``parley analyze ONE_SENTENCE.txt --json`` — model, knowledge-base rulers, every extractor;
3. ``parley version`` and ``parley articles --db EMPTY`` — commands that must not load spaCy.

Rounds alternate the commands so that load from other processes on the machine falls on all of
them alike; the figures are medians of CPU time (user + system of the child), which a busy
machine distorts far less than wall time (also printed). One untimed warm-up round fills the
disk cache (``PARLEY_CACHE_DIR``) and writes bytecode, as any installed copy has.

    python bench/startup.py [--rounds 5] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import MODEL, machine_summary  # noqa: E402

SENTENCE = "The foreign ministers of Armenia and Azerbaijan met in Geneva on Monday.\n"


def run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process running ``argv`` (which must succeed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def commands(workdir: Path) -> dict[str, list[str]]:
    """The commands to time, by label."""
    one = workdir / "one.txt"
    one.write_text(SENTENCE, encoding="utf-8")
    parley = str(Path(sys.executable).with_name("parley"))
    return {
        "bare model load": [sys.executable, "-c", f"import spacy; spacy.load('{MODEL}')"],
        "parley analyze (one sentence)": [parley, "analyze", str(one), "--json"],
        "parley version": [parley, "version"],
        "parley articles (empty store)": [parley, "articles", "--db", str(workdir / "e.db")],
    }


def measure(rounds: int) -> dict[str, Any]:
    """Time every command ``rounds`` times, interleaved; return medians and the ratio."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed copy has its bytecode
    with tempfile.TemporaryDirectory(prefix="parley-startup-") as tmp:
        cmds = commands(Path(tmp))
        for argv in cmds.values():  # warm-up: disk cache, bytecode, the empty store
            run(argv, env)
        walls: dict[str, list[float]] = {k: [] for k in cmds}
        cpus: dict[str, list[float]] = {k: [] for k in cmds}
        for _ in range(rounds):
            for label, argv in cmds.items():
                wall, cpu = run(argv, env)
                walls[label].append(wall)
                cpus[label].append(cpu)
    med = {
        k: {"cpu_s": statistics.median(v), "wall_s": statistics.median(walls[k])}
        for k, v in cpus.items()
    }
    analyze = med["parley analyze (one sentence)"]["cpu_s"]
    bare = med["bare model load"]["cpu_s"]
    ratio = round(analyze / bare, 3)
    return {"rounds": rounds, "median": med, "ratio_analyze_over_bare_cpu": ratio}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    figures = measure(args.rounds)
    figures["machine"] = machine_summary()
    print(f"machine: {figures['machine']}")
    print(f"{'command':34} {'cpu s':>7} {'wall s':>7}   (medians of {args.rounds} rounds)")
    for label, m in figures["median"].items():
        print(f"{label:34} {m['cpu_s']:7.2f} {m['wall_s']:7.2f}")
    print(f"analyze / bare model load (CPU): {figures['ratio_analyze_over_bare_cpu']:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
