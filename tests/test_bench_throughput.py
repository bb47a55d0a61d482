"""Smoke test of bench/throughput.py: it runs end to end and writes its figures (not timed)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "throughput.py"


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parley_bench_throughput", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_repeat_cycles_the_corpus_to_the_asked_size() -> None:
    bench = load_bench()
    assert bench.repeat(["a", "b"], 5) == ["a", "b", "a", "b", "a"]


@pytest.mark.model
def test_bench_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(
        "GENEVA — Delegations from Armenia and Azerbaijan met on Monday to discuss the border. "
        "The foreign minister said the talks were useful and would continue next month.\n",
        "utf-8",
    )
    out = tmp_path / "bench.json"
    args = ["--n", "3", "--corpus", str(corpus), "--json", str(out), "--in-process-only"]
    assert load_bench().main(args) == 0
    figures = json.loads(out.read_text("utf-8"))
    assert figures["articles"] == 3 and figures["unique_articles"] == 1
    assert figures["bare"]["articles_per_s"] > 0 and figures["parley"]["articles_per_s"] > 0
    assert figures["machine"]["spacy"].startswith("3.")


@pytest.mark.model
def test_whole_process_bench_runs_the_four_processes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(
        "GENEVA — The foreign ministers of Armenia and Azerbaijan met on Monday.\n", "utf-8"
    )
    figures = load_bench().whole_process(2, 16, [corpus], rounds=1)
    assert set(figures["wall_s"]) == {"bare", "parley", "parley_2w", "bare_2p"}
    assert figures["throughput_parley_over_bare"] > 0 and figures["speedup_two_workers"] > 0
    # the machine's own two-process ceiling, against which the two-worker figure reads
    assert figures["speedup_two_bare_processes"] > 0


@pytest.mark.model
def test_whole_process_bench_alternates_with_another_tree(tmp_path: Path) -> None:
    """``--against`` runs both ingests of another source tree in each round beside this
    tree's, and reports its ratios and each round's figures."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text(
        "GENEVA — The foreign ministers of Armenia and Azerbaijan met on Monday.\n", "utf-8"
    )
    src = BENCH.parents[1] / "src"
    figures = load_bench().whole_process(2, 16, [corpus], rounds=2, against=src)
    assert {"parley_against", "parley_2w_against"} <= set(figures["wall_s"])
    assert len(figures["each_round"]["parley_against"]) == 2
    assert len(figures["load_at_round_start"]) == 2
    assert figures["throughput_against_over_bare"] > 0
    assert figures["speedup_two_workers_against"] > 0
