"""Pinned F1 floors per record kind per gold file: the evaluation gate CI enforces.

A floor is the lowest F1 a kind may score on a gold file; a golden test fails when a change
drops a kind below it. Floors only ever go up: raise one when the system has durably improved,
and say in the commit which change earned it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from parley.eval.report import EvalReport

__all__ = ["FLOORS", "floors_for", "check_floors"]

# Gold file name → kind → minimum F1. "event_macro_f1" floors the macro-F1 over gold event types.
# A file named here is evaluated by the golden test (tests/test_eval.py): the shared sample is
# found through PARLEY_SAMPLES, every other name in tests/golden/.
# Floors sit a few points under the figures measured when they were last raised (2026-11-25;
# the README's accuracy table has the figures themselves), so noise does not fail CI but a real
# regression does.
FLOORS: dict[str, dict[str, float]] = {
    "abu-dhabi-talks.gold.json": {
        "metadata": 0.95,
        "repairs": 0.95,
        "actors": 0.90,
        "places": 0.55,
        "quotes": 0.90,
        "attributions": 0.60,
        "dates": 0.80,
        "event_types": 0.75,
        "events": 0.70,
        "event_macro_f1": 0.85,
        "tracks": 0.95,
        "rounds": 0.95,
        "agreements": 0.95,
        "agreement_statuses": 0.95,
        "issues": 0.80,
        "positions": 0.80,
    },
    # Our quotes set, split on 2026-12-04 before tuning: the development part is tuned against,
    # the frozen test part never is (tests/golden/test_gold_data.py pins its digest).
    "quotes-dev.gold.json": {
        "metadata": 0.95,
        "actors": 0.84,
        "quotes": 0.93,
        "attributions": 0.86,
    },
    "quotes-test.gold.json": {
        "metadata": 0.95,
        "actors": 0.80,
        "quotes": 0.95,
        "attributions": 0.85,
    },
    # The events set in two parts (scripts/split_event_gold.py): dev is tuned against, test was
    # frozen before tuning (2026-12-04) and is only scored.
    # Raised 2026-12-04 by the events review work (dev 0.89/0.86/0.80/0.85, test
    # 0.96/0.86/0.76/0.85 for dates/event types/events/macro-F1).
    "events.dev.gold.json": {
        "dates": 0.86,
        "event_types": 0.83,
        "events": 0.77,
        "event_macro_f1": 0.82,
    },
    "events.test.gold.json": {
        "dates": 0.93,
        "event_types": 0.83,
        "events": 0.73,
        "event_macro_f1": 0.82,
    },
    # The second demo-size corpus (issue 13, 2026-12-04): tracks 1.00, rounds 1.00, agreements
    # 1.00, statuses 1.00, stories 0.46 (most missed pairs lack the event in one report).
    # Raised 2026-12-04 (nego2): rounds and agreement steps are told as events with the sides,
    # so event types 0.84, events 0.72; stories 0.94 once undated agreement steps join the
    # dated one.
    "negotiation-corpus.gold.json": {
        "event_types": 0.78,
        "events": 0.66,
        "tracks": 0.95,
        "rounds": 0.95,
        "agreements": 0.95,
        "agreement_statuses": 0.95,
        "stories": 0.88,
    },
    # events and stories raised 2026-12-04 (nego2: rounds, agreement steps and agreed deals
    # told as events; undated steps join their dated one): events 0.74, stories 0.77.
    "demo-corpus.gold.json": {
        "metadata": 0.95,
        "actors": 0.90,
        "quotes": 0.92,
        "attributions": 0.86,
        "dates": 0.80,
        "event_types": 0.74,
        "events": 0.71,
        "event_macro_f1": 0.60,
        "tracks": 0.95,
        "rounds": 0.95,
        "agreements": 0.95,
        "agreement_statuses": 0.95,
        "stories": 0.72,
        "issues": 0.70,
        "positions": 0.70,
    },
}


def floors_for(gold_path: Path | str) -> dict[str, float]:
    """The floors pinned for a gold file (by file name); empty when none are pinned."""
    return dict(FLOORS.get(Path(gold_path).name, {}))


def check_floors(report: EvalReport, floors: Mapping[str, float]) -> list[str]:
    """Every floor the report falls below, as a sentence; an empty list means the gate passes.

    A floored kind that the report does not score at all is a violation too: a gold file that
    lost its annotations must not pass silently.
    """
    violations = []
    for kind, floor in sorted(floors.items()):
        value = _value(report, kind)
        if value is None:
            violations.append(f"{kind}: not scored in {report.gold} (floor {floor:.2f})")
        elif value + 1e-9 < floor:
            violations.append(
                f"{kind}: F1 {value:.3f} is below the floor {floor:.3f} "
                f"pinned for {Path(report.gold).name}"
            )
    return violations


def _value(report: EvalReport, kind: str) -> float | None:
    if kind == "event_macro_f1":
        events = report.events
        return None if events is None else events.macro_f1()
    return report.f1(kind)
