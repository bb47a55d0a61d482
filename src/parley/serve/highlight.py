"""Split an article's text into segments, each with the quotes, claims and events covering it.

Highlighting happens here, on plain strings: the template writes each segment's text through
Jinja's autoescaping and wraps it in an element whose classes and title it also escapes. No HTML
is ever built from article text, so hostile text can only ever show as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parley.models import Analysis, Event

__all__ = ["Mark", "Segment", "LegendEntry", "Highlights", "highlight", "PALETTE"]

# Number of distinct colours per kind in the stylesheet (classes c0…c7, r0…r7, e0…e7).
PALETTE = 8


@dataclass(frozen=True)
class Mark:
    """One highlighted record: its kind, index in the analysis, colour class and hover text."""

    kind: str  # "quote" | "claim" | "event"
    index: int
    start: int
    end: int
    colour: str
    title: str


@dataclass
class Segment:
    """A stretch of text and the marks covering all of it."""

    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        """CSS classes: one per kind present, plus each mark's colour class."""
        kinds = dict.fromkeys(m.kind for m in self.marks)
        colours = dict.fromkeys(m.colour for m in self.marks)
        return " ".join(["hl", *(f"hl-{k}" for k in kinds), *colours])

    @property
    def title(self) -> str:
        return "\n".join(m.title for m in self.marks)

    @property
    def event(self) -> int | None:
        """The first event this segment belongs to (where a click on it leads)."""
        return next((m.index for m in self.marks if m.kind == "event"), None)


@dataclass(frozen=True)
class LegendEntry:
    kind: str
    label: str
    colour: str


@dataclass
class Highlights:
    segments: list[Segment]
    legend: list[LegendEntry]

    def colour(self, kind: str, label: str) -> str:
        """The colour class the legend gives ``label`` of ``kind`` ('' when absent)."""
        return next((e.colour for e in self.legend if e.kind == kind and e.label == label), "")

    def kinds(self) -> list[str]:
        """The kinds present, in legend order."""
        return list(dict.fromkeys(e.kind for e in self.legend))


class _Colours:
    """Colour classes given in order of first appearance, one palette per kind."""

    def __init__(self, prefix: str, kind: str) -> None:
        self.prefix, self.kind = prefix, kind
        self.seen: dict[str, str] = {}

    def of(self, label: str) -> str:
        if label not in self.seen:
            self.seen[label] = f"{self.prefix}{len(self.seen) % PALETTE}"
        return self.seen[label]

    def legend(self) -> list[LegendEntry]:
        return [LegendEntry(self.kind, label, c) for label, c in self.seen.items()]


def _names(analysis: Analysis) -> dict[str, str]:
    return {a.id: a.name for a in analysis.actors}


def _event_title(e: Event, names: dict[str, str]) -> str:
    who = ", ".join(names.get(a, a) for a in e.source) or "?"
    whom = ", ".join(names.get(a, a) for a in e.target)
    when = f" on {e.date.value}" if e.date and e.date.value else ""
    return f"Event {e.type} ({e.status}{when}): {who}" + (f" → {whom}" if whom else "")


def _marks(analysis: Analysis) -> tuple[list[Mark], list[LegendEntry]]:
    names = _names(analysis)
    speakers, reporters = _Colours("c", "quote"), _Colours("r", "claim")
    types = _Colours("e", "event")
    marks: list[Mark] = []
    for i, q in enumerate(analysis.quotes):
        who = _speaker(q.speaker.actor if q.speaker else None, q.speaker, names)
        cue = f" ({q.cue})" if q.cue else ""
        marks.append(Mark("quote", i, q.start, q.end, speakers.of(who), f"Quote by {who}{cue}"))
    for i, a in enumerate(analysis.attributions):
        who = names.get(a.reporter.actor or "", a.reporter.text)
        title = f"Claim {a.cue} {who} ({a.reporter.kind})"
        marks.append(Mark("claim", i, a.claim.start, a.claim.end, reporters.of(who), title))
    for i, e in enumerate(analysis.events):
        span = e.evidence
        marks.append(
            Mark("event", i, span.start, span.end, types.of(e.type), _event_title(e, names))
        )
    return marks, [*speakers.legend(), *reporters.legend(), *types.legend()]


def _speaker(actor: str | None, speaker: object, names: dict[str, str]) -> str:
    if actor and actor in names:
        return names[actor]
    text = getattr(speaker, "text", None)
    return str(text) if text else "unknown speaker"


def split(text: str, marks: list[Mark]) -> list[Segment]:
    """``text`` cut at every mark boundary; each piece lists the marks covering it."""
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    segments = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in valid if m.start <= a and b <= m.end]
        segments.append(Segment(text[a:b], covering))
    return segments


def highlight(analysis: Analysis) -> Highlights:
    """Segments of the article text with its quotes, claims and events, and their legend."""
    marks, legend = _marks(analysis)
    return Highlights(split(analysis.article.text, marks), legend)
