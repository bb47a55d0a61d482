"""The result of an evaluation: scores per document and in total, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parley.eval.events import EventScores
from parley.eval.matching import Score

__all__ = ["REPORT_FORMAT", "KIND_ORDER", "DocReport", "EvalReport"]

REPORT_FORMAT = "parley-eval/1"

# The order kinds are shown in: from the text's surface to cross-document structure.
KIND_ORDER = (
    "metadata",
    "repairs",
    "actors",
    "places",
    "quotes",
    "attributions",
    "dates",
    "event_types",
    "events",
    "source_countries",
    "target_countries",
    "actor_countries",
    "tracks",
    "rounds",
    "agreements",
    "agreement_statuses",
    "stories",
)


def _ordered(kinds: dict[str, Score]) -> dict[str, Score]:
    known = [k for k in KIND_ORDER if k in kinds]
    return {k: kinds[k] for k in [*known, *sorted(set(kinds) - set(known))]}


@dataclass
class DocReport:
    """Scores for one gold document. Only kinds the gold annotates are present."""

    id: str
    scores: dict[str, Score] = field(default_factory=dict)
    events: EventScores | None = None
    article_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Counts, P/R/F1 and the lists of misses, spurious items and notes per kind."""
        out: dict[str, Any] = {
            "id": self.id,
            "article_id": self.article_id,
            "scores": {k: s.to_json() for k, s in _ordered(self.scores).items()},
        }
        if self.events is not None:
            out["events"] = self.events.to_json()
        return out


@dataclass
class EvalReport:
    """Scores of a whole gold file: per document, summed over documents, and for stories."""

    gold: str
    documents: list[DocReport] = field(default_factory=list)
    stories: Score | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, Score]:
        """Each kind's counts summed over documents (micro-average), stories included."""
        out: dict[str, Score] = {}
        for doc in self.documents:
            for kind, s in doc.scores.items():
                out.setdefault(kind, Score(kind)).add(s)
        if self.stories is not None:
            out["stories"] = self.stories
        return _ordered(out)

    @property
    def events(self) -> EventScores | None:
        """Event scores summed over documents (None when no document annotates events)."""
        docs = [d.events for d in self.documents if d.events is not None]
        if not docs:
            return None
        total = EventScores()
        for e in docs:
            total.add(e)
        return total

    def f1(self, kind: str) -> float | None:
        """Total F1 of ``kind`` (None when the gold does not annotate it)."""
        s = self.totals.get(kind)
        return None if s is None else s.f1

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-ready data (``parley-eval/1``)."""
        events = self.events
        return {
            "format": REPORT_FORMAT,
            "gold": self.gold,
            "totals": {k: _summary(s) for k, s in self.totals.items()},
            "events": events.to_json() if events is not None else None,
            "stories": self.stories.to_json() if self.stories is not None else None,
            "documents": [d.to_json() for d in self.documents],
            "notes": list(self.notes),
        }


def _summary(s: Score) -> dict[str, Any]:
    data = s.to_json()
    for key in ("misses", "spurious", "notes"):
        data.pop(key)
    return data
