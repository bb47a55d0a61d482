"""Refactoring changes no record: today's analyses equal the committed snapshots.

A change meant to alter the output regenerates them (``scripts/snapshot_analyses.py``) and the
diff of ``tests/snapshots/`` shows what it did. The shared sample is compared by digest only.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "snapshot_analyses", REPO / "scripts" / "snapshot_analyses.py"
)
assert _spec is not None and _spec.loader is not None
snap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snap)

HINT = "an intended change regenerates them: .venv/bin/python scripts/snapshot_analyses.py"


def _first_difference(found: list[str], kept: list[str]) -> str:
    for i, (a, b) in enumerate(zip(found, kept, strict=False)):
        if a != b:
            new, old = json.loads(a), json.loads(b)
            keys = sorted(k for k in set(new) | set(old) if new.get(k) != old.get(k))
            return f"document {i} ({new['article']['source']}) differs in {keys}"
    return f"{len(found)} analyses against {len(kept)} in the snapshot"


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(snap.OURS))
def test_analyses_equal_the_snapshot(name: str, pipeline) -> None:  # type: ignore[no-untyped-def]
    kept = (snap.SNAPSHOTS / f"{name}.jsonl").read_text("utf-8").splitlines()
    found = snap.analyses(snap.OURS[name], pipeline)
    assert found == kept, f"{name}: {_first_difference(found, kept)}; {HINT}"


@pytest.mark.model
def test_sample_analysis_equals_its_digest(sample_dir: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    gold = sample_dir / f"{snap.SAMPLE_NAME}.gold.json"
    kept = (snap.SNAPSHOTS / f"{snap.SAMPLE_NAME}.sha256").read_text().strip()
    assert snap.digest(snap.analyses(gold, pipeline)) == kept, f"sample analysis changed; {HINT}"
