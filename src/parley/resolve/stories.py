"""Stories: the same real-world event reported by several articles becomes one record.

Two events are the same story when they have the same PLOVER type, share most of their actors
(Jaccard of source ∪ target ≥ 0.5, or one set inside the other), and their dates agree within
the tolerance their precision allows (an event dated only by its year matches only another of
the same year: "the talks this year" spans many sessions). Numbers may disagree — that is
news in itself, recorded in ``Story.disagreements`` — but dates that are clearly apart (an
exchange in October and one in February) make two stories. Clustering is single-link over
those pairs, in publication order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parley.models import Analysis, Event, Story

__all__ = ["EventRef", "cluster_stories", "same_story", "event_day"]

_CLUSTERED = {"occurred", "historical", "planned"}


@dataclass(frozen=True)
class EventRef:
    """An event with the article it came from."""

    article_id: str
    index: int
    event: Event
    outlet: str | None
    published_at: dt.date | None

    @property
    def ref(self) -> str:
        return f"{self.article_id}#{self.index}"


def event_day(ref: EventRef) -> tuple[dt.date | None, int]:
    """The event's date and a tolerance in days that its precision allows."""
    d = ref.event.date
    if d is not None and d.value:
        value = d.value
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value), 1 if d.precision == "day" else 3
            if len(value) == 7:
                return dt.date.fromisoformat(value + "-15"), 16
            if len(value) >= 4 and value[:4].isdigit():
                return dt.date(int(value[:4]), 7, 1), 183
        except ValueError:
            pass
    if ref.event.status == "historical":
        return None, 0
    return ref.published_at, 2


def same_story(a: EventRef, b: EventRef) -> bool:
    """Whether two reported events are one real-world event (see module doc)."""
    if a.event.type != b.event.type or a.article_id == b.article_id:
        return False
    actors_a = set(a.event.source) | set(a.event.target)
    actors_b = set(b.event.source) | set(b.event.target)
    if not actors_a or not actors_b:
        return False
    overlap = len(actors_a & actors_b) / len(actors_a | actors_b)
    if overlap < 0.5 and not (actors_a <= actors_b or actors_b <= actors_a):
        return False
    (day_a, tol_a), (day_b, tol_b) = event_day(a), event_day(b)
    if day_a is None or day_b is None:
        return False
    if (tol_a > 31) != (tol_b > 31):
        # "talks this year" sums up many sessions; it is no report of one of them.
        return False
    return abs((day_a - day_b).days) <= max(tol_a, tol_b)


def _refs(analyses: Iterable[Analysis]) -> list[EventRef]:
    out = []
    for an in analyses:
        art = an.article
        for i, ev in enumerate(an.events):
            if ev.status in _CLUSTERED:
                out.append(EventRef(art.id, i, ev, art.outlet, art.published_at))
    out.sort(key=lambda r: (r.published_at or dt.date.min, r.article_id, r.index))
    return out


def cluster_stories(analyses: Sequence[Analysis], min_sources: int = 1) -> list[Story]:
    """Group events of many articles into stories; keep those seen by ``min_sources`` articles."""
    refs = _refs(analyses)
    parent = list(range(len(refs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(refs):
        for j in blocks[r.event.type]:
            if same_story(refs[j], r):
                parent[find(i)] = find(j)
        blocks[r.event.type].append(i)
    groups: dict[int, list[EventRef]] = defaultdict(list)
    for i, r in enumerate(refs):
        groups[find(i)].append(r)
    stories = [_story(members) for members in groups.values()]
    return [s for s in stories if len({e.split("#")[0] for e in s.events}) >= min_sources]


def _story(members: list[EventRef]) -> Story:
    first = members[0]
    day, _ = event_day(first)
    digest = hashlib.sha256(first.ref.encode()).hexdigest()[:12]
    return Story(
        id=f"story:{digest}",
        type=first.event.type,
        date=day.isoformat() if day else None,
        events=[m.ref for m in members],
        sources=list(dict.fromkeys(m.outlet or "unknown outlet" for m in members)),
        first_report=first.article_id,
        disagreements=_disagreements(members),
    )


def _disagreements(members: list[EventRef]) -> list[str]:
    """Where reports of one story differ: quantities of the same unit, and dates."""
    notes = []
    by_unit: dict[str, dict[float, list[str]]] = defaultdict(lambda: defaultdict(list))
    for m in members:
        for q in m.event.quantities:
            by_unit[q.unit][q.value].append(m.outlet or m.article_id)
    for unit, values in by_unit.items():
        if len(values) > 1:
            parts = "; ".join(f"{v:g} ({', '.join(dict.fromkeys(who))})"
                              for v, who in sorted(values.items()))
            notes.append(f"{unit}: {parts}")
    dates = {m.event.date.value for m in members if m.event.date and m.event.date.value}
    # "2026-06" and "2026-06-12" agree at the coarser precision; only incompatible dates differ.
    precise = {d for d in dates if not any(o != d and o.startswith(d) for o in dates)}
    if len(precise) > 1:
        notes.append("date: " + "; ".join(sorted(precise)))
    return notes
