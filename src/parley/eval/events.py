"""Scoring of events: strict and type-level matches, per-type scores and a confusion table.

Two matchings are made per document:

* **type level** — same PLOVER type (or one of the gold ``alt_types``) and the actors agree;
  per-type precision/recall, macro-F1 and the confusion table come from it, so a wrong date or
  status does not hide whether the type was recognised;
* **strict** (kind ``events``) — type level plus the date within ``date_tolerance_days`` and the
  same status. How often date and status agree among type-level matches is reported separately.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from parley.eval.gold import GoldEvent
from parley.eval.matching import Matching, Score, match_items, prf
from parley.eval.names import NameResolver
from parley.eval.records import date_matches
from parley.eval.text import overlap_of_shorter, pieces, texts_overlap
from parley.models import Event

__all__ = ["EventScores", "score_events", "actors_agree", "date_agrees", "evidence_overlaps"]

NONE = "none"


@dataclass
class EventScores:
    """Everything the event scoring of one or more documents yields."""

    strict: Score = field(default_factory=lambda: Score("events"))
    typed: Score = field(default_factory=lambda: Score("event_types"))
    per_type: dict[str, Score] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    gold_counts: Counter[str] = field(default_factory=Counter)
    status_agree: int = 0
    date_agree: int = 0
    date_checked: int = 0

    @property
    def status_accuracy(self) -> float | None:
        """Share of type-level matches whose status also agrees (None with no matches)."""
        return self.status_agree / self.typed.tp if self.typed.tp else None

    @property
    def date_accuracy(self) -> float | None:
        """Share of type-level matches with a gold date whose date also agrees."""
        return self.date_agree / self.date_checked if self.date_checked else None

    def macro_f1(self, gold_types: Sequence[str] | None = None) -> float:
        """Mean F1 over the types present in the gold (all scored types when not given)."""
        types = list(gold_types) if gold_types is not None else sorted(self.gold_types())
        if not types:
            return 0.0
        return sum(self.per_type.get(t, Score(t)).f1 for t in types) / len(types)

    def gold_types(self) -> set[str]:
        """Primary types of the gold events (optional ones included)."""
        return set(self.gold_counts)

    def add(self, other: EventScores) -> None:
        """Accumulate another document's event scores, in place."""
        self.strict.add(other.strict)
        self.typed.add(other.typed)
        for t, s in other.per_type.items():
            self.per_type.setdefault(t, Score(t)).add(s)
        self.confusion.update(other.confusion)
        self.gold_counts.update(other.gold_counts)
        self.status_agree += other.status_agree
        self.date_agree += other.date_agree
        self.date_checked += other.date_checked

    def to_json(self) -> dict[str, Any]:
        """Per-type figures, the confusion cells and the agreement rates."""
        return {
            "macro_f1": round(self.macro_f1(), 4),
            "status_accuracy": _round(self.status_accuracy),
            "date_accuracy": _round(self.date_accuracy),
            "per_type": {t: _counts(s) for t, s in sorted(self.per_type.items())},
            "confusion": [
                {"gold": g, "found": f, "count": n} for (g, f), n in sorted(self.confusion.items())
            ],
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _counts(s: Score) -> dict[str, Any]:
    p, r, f1 = prf(s.tp, s.fp, s.fn)
    return {
        "tp": s.tp,
        "fp": s.fp,
        "fn": s.fn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1, 4),
    }


def actors_agree(g: GoldEvent, f: Event, names: NameResolver) -> bool:
    """Every gold source is among the found sources; for reciprocal gold events (source set ==
    target set, as in talks or exchanges) among the found sources or targets, since direction
    means nothing there. A gold event without sources accepts any."""
    if names.covers(g.source, f.source):
        return True
    return g.reciprocal and names.covers(g.source, [*f.source, *f.target])


def date_agrees(g: GoldEvent, f: Event) -> bool:
    """A gold day is matched within ``date_tolerance_days``; a gold month or year is matched at
    that precision. No gold date accepts any; a gold date with no found date does not match."""
    if g.date is None:
        return True
    found = f.date.value if f.date is not None else None
    return date_matches(found, g.date, g.date_tolerance_days)


def evidence_overlaps(g: GoldEvent, f: Event) -> bool:
    """Whether the gold evidence (each piece around a "...") is in the found event's evidence."""
    if not g.evidence:
        return False
    parts = pieces(g.evidence) or [g.evidence]
    return all(
        texts_overlap(p, f.evidence.text) or overlap_of_shorter(p, f.evidence.text) >= 0.8
        for p in parts
    )


def _typed_agree(names: NameResolver) -> Any:
    def agree(g: GoldEvent, f: Event) -> bool:
        return f.type in g.types and actors_agree(g, f, names)

    return agree


def _prefer(g: GoldEvent, f: Event) -> float:
    # Among same-type candidates, the one told in the same words, on the right day, comes first.
    ev = overlap_of_shorter(g.evidence, f.evidence.text) if g.evidence else 0.0
    return ev + date_agrees(g, f) + (g.status in (None, f.status))


def _show_gold(g: GoldEvent) -> str:
    who = ",".join(g.source) or "?"
    return f"{g.type} {who}→{','.join(g.target) or '?'} [{g.id or '-'}] {g.date or ''}".strip()


def _shower(names: NameResolver) -> Any:
    def show(f: Event) -> str:
        src = ",".join(names.display(a) for a in f.source) or "?"
        tgt = ",".join(names.display(a) for a in f.target) or "?"
        text = " ".join(f.evidence.text.split())[:60]
        return f"{f.type} {src}→{tgt} ({f.status}): {text}"

    return show


def score_events(
    gold: Sequence[GoldEvent], found: Sequence[Event], names: NameResolver
) -> tuple[EventScores, Matching[GoldEvent, Event]]:
    """Score one document's events; also return the type-level matching (for story mapping)."""
    opt = lambda g: g.optional  # noqa: E731
    typed = match_items(gold, found, _typed_agree(names), opt, prefer=_prefer)
    strict = match_items(
        gold,
        found,
        lambda g, f: (
            _typed_agree(names)(g, f) and date_agrees(g, f) and g.status in (None, f.status)
        ),
        opt,
        prefer=_prefer,
    )
    show = _shower(names)
    out = EventScores(
        strict=strict.score("events", opt, _show_gold, show),
        typed=typed.score("event_types", opt, _show_gold, show),
    )
    out.gold_counts.update(g.type for g in gold)
    for gi, fi in typed.pairs:
        g, f = gold[gi], found[fi]
        out.status_agree += g.status in (None, f.status)
        if g.date is not None:
            out.date_checked += 1
            out.date_agree += date_agrees(g, f)
    _per_type(typed, out)
    _confusion(typed, out)
    return out, typed


def _per_type(m: Matching[GoldEvent, Event], out: EventScores) -> None:
    def bucket(t: str) -> Score:
        return out.per_type.setdefault(t, Score(t))

    for g in m.gold:
        bucket(g.type)
    for gi, _ in m.pairs:
        bucket(m.gold[gi].type).tp += 1
    for gi in m.unmatched_gold():
        g = m.gold[gi]
        if not g.optional:
            bucket(g.type).fn += 1
    for fi in m.unmatched_found():
        bucket(m.found[fi].type).fp += 1


def _confusion(m: Matching[GoldEvent, Event], out: EventScores) -> None:
    # Matched pairs sit on the diagonal (an accepted alt type counts as the primary type); a
    # missed gold event is paired with a leftover found event of another type told in the same
    # words, if any. Same type with the wrong actors is an actor error, not a type confusion.
    for gi, _ in m.pairs:
        out.confusion[(m.gold[gi].type, m.gold[gi].type)] += 1
    left = m.unmatched_found()
    for gi in m.unmatched_gold():
        g = m.gold[gi]
        hit = next(
            (fi for fi in left if m.found[fi].type != g.type and evidence_overlaps(g, m.found[fi])),
            None,
        )
        if hit is not None:
            left.remove(hit)
            out.confusion[(g.type, m.found[hit].type)] += 1
        elif not g.optional:
            out.confusion[(g.type, NONE)] += 1
    for fi in left:
        out.confusion[(NONE, m.found[fi].type)] += 1
