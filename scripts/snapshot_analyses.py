"""Write (or check) the analysis-JSON snapshots of every bundled gold and demo document.

``tests/test_snapshots.py`` compares today's analyses with these files, so a refactoring that
changes any record fails. A change that is meant to alter the output regenerates them:

    .venv/bin/python scripts/snapshot_analyses.py

and the diff of ``tests/snapshots/`` shows, record by record, what the change did. The shared
sample is someone else's text: only a digest of its analysis is kept, never the records.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SNAPSHOTS = REPO / "tests" / "snapshots"
OURS = {
    "demo-corpus": REPO / "tests" / "golden" / "demo-corpus.gold.json",
    "events": REPO / "tests" / "golden" / "events.gold.json",
    "quotes-dev": REPO / "tests" / "golden" / "quotes-dev.gold.json",
    "quotes-test": REPO / "tests" / "golden" / "quotes-test.gold.json",
}
SAMPLE_NAME = "abu-dhabi-talks"


def sample_gold() -> Path | None:
    """The shared sample's gold file, when this workplace has it."""
    folder = Path(os.environ.get("PARLEY_SAMPLES", REPO.parent / "shared" / "samples"))
    path = folder / f"{SAMPLE_NAME}.gold.json"
    return path if path.is_file() else None


def analyses(gold_path: Path, pipeline: object) -> list[str]:
    """One canonical JSON line per document of a gold file, in the gold's order."""
    from parley.eval.gold import load_gold
    from parley.eval.run import raw_document

    gold = load_gold(gold_path)
    lines = []
    for doc in gold.documents:
        analysis = pipeline.run(raw_document(doc, gold_path))  # type: ignore[attr-defined]
        data = analysis.to_json()
        # The source path depends on where the repository (and the shared sample) is checked
        # out: keep it relative to the repository, and only the file name of an outside file.
        source = str(data["article"]["source"])
        if source.startswith(str(REPO) + os.sep):
            data["article"]["source"] = source[len(str(REPO)) + 1 :]
        elif os.sep in source:
            data["article"]["source"] = os.path.basename(source)
        lines.append(json.dumps(data, sort_keys=True, ensure_ascii=False))
    return lines


def digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    from parley.pipeline import Pipeline
    from parley.settings import Settings

    pipeline = Pipeline(Settings())
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in OURS.items():
        lines = analyses(path, pipeline)
        (SNAPSHOTS / f"{name}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        print(f"{name}: {len(lines)} analyses")
    sample = sample_gold()
    if sample is None:
        print("sample absent (PARLEY_SAMPLES): its digest is left as it was", file=sys.stderr)
    else:
        (SNAPSHOTS / f"{SAMPLE_NAME}.sha256").write_text(digest(analyses(sample, pipeline)) + "\n")
        print(f"{SAMPLE_NAME}: digest written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
