"""A track's timeline: rounds laid out for an inline SVG, and every dated change in order.

Everything comes from the store's resolved records (:class:`~parley.models.TrackRecord`): each
round carries its history, every article's report of it in publication order, so the page can
show a round planned, then cancelled, then held, with the article behind each step. Layout is
computed here (plain numbers) and drawn by the template, so the page needs no JavaScript and no
external library, and every label passes through autoescaping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from parley.models import Agreement, Round, RoundRecord, Source, Track, TrackRecord

__all__ = [
    "RoundDot",
    "RoundsChart",
    "Step",
    "Entry",
    "rounds_chart",
    "track_entries",
    "ArticleMeta",
    "article_meta",
]

STEP = 150  # horizontal distance between rounds, in SVG units
MARGIN = 70
HEIGHT = 150


@dataclass(frozen=True)
class ArticleMeta:
    """What a timeline shows of a source article."""

    id: str
    title: str | None
    outlet: str | None
    published_at: dt.date | None


def article_meta(sources: Mapping[str, Source]) -> dict[str, ArticleMeta]:
    """The store's citation records as the pages' :class:`ArticleMeta`, by article id."""
    return {
        i: ArticleMeta(s.article_id, s.title, s.outlet, s.published_at) for i, s in sources.items()
    }


@dataclass(frozen=True)
class RoundDot:
    x: int
    label: str
    status: str
    date: str
    venue: str
    title: str

    @property
    def css(self) -> str:
        return "round-" + self.status.replace(" ", "-")


@dataclass(frozen=True)
class RoundsChart:
    width: int
    height: int
    dots: list[RoundDot]

    @property
    def line_end(self) -> int:
        return self.width - MARGIN // 2


def _round_label(r: Round) -> str:
    return f"R{r.ordinal}" if r.ordinal is not None else "R?"


def _round_title(r: Round, meta: Mapping[str, ArticleMeta]) -> str:
    parts = [f"Round {r.ordinal if r.ordinal is not None else '?'}: {r.status}"]
    if r.venue:
        parts.append(f"in {r.venue}")
    if r.date:
        parts.append(f"on {r.date}")
    src = meta.get(r.article_id or "")
    if src:
        parts.append(f"(reported by {src.outlet or 'unknown outlet'})")
    return " ".join(parts)


def rounds_chart(track: Track, meta: Mapping[str, ArticleMeta]) -> RoundsChart:
    """Rounds in order along a line, one dot each, coloured by status."""
    dots = [
        RoundDot(
            x=MARGIN + i * STEP,
            label=_round_label(r),
            status=r.status,
            date=r.date or "",
            venue=(r.venue or "")[:22],
            title=_round_title(r, meta),
        )
        for i, r in enumerate(track.rounds)
    ]
    width = max(2 * MARGIN + STEP * max(len(dots) - 1, 0), 300)
    return RoundsChart(width, HEIGHT, dots)


@dataclass(frozen=True)
class Step:
    """One article's report of a round: what it said the status and date were."""

    status: str
    date: str
    article: ArticleMeta | None
    evidence: str


@dataclass(frozen=True)
class Entry:
    """One dated change on a track's timeline, with the article that reported it (and, for a
    round, every report of it in order)."""

    date: str
    kind: str  # "round" | "position" | "agreement"
    label: str
    detail: str
    status: str
    article: ArticleMeta | None
    evidence: str
    history: tuple[Step, ...] = ()
    anchor: str = ""  # the element id of a round's entry: 'round-<index in track.rounds>'

    @property
    def path(self) -> str:
        """The round's statuses as reported, repeats dropped: 'planned → cancelled → held'."""
        statuses = [s.status for s in self.history]
        changes = [s for i, s in enumerate(statuses) if i == 0 or s != statuses[i - 1]]
        return " → ".join(changes)


def _day(value: str | None, src: ArticleMeta | None) -> str:
    if value:
        return value
    return src.published_at.isoformat() if src and src.published_at else ""


def _steps(rec: RoundRecord, meta: Mapping[str, ArticleMeta]) -> tuple[Step, ...]:
    steps = []
    for h in rec.history:
        src = meta.get(h.article_id or "")
        steps.append(Step(h.status, h.date or "", src, h.evidence.text if h.evidence else ""))
    return tuple(steps)


def _round_entries(rounds: Sequence[RoundRecord], meta: Mapping[str, ArticleMeta]) -> list[Entry]:
    out = []
    for i, r in enumerate(rounds):
        src = meta.get(r.article_id or "")
        place = f" in {r.venue}" if r.venue else ""
        label = f"Round {r.ordinal if r.ordinal is not None else '?'}{place}"
        evidence = r.evidence.text if r.evidence else ""
        out.append(
            Entry(
                _day(r.date, src),
                "round",
                label,
                "",
                r.status,
                src,
                evidence,
                _steps(r, meta),
                f"round-{i}",
            )
        )
    return out


def _position_entries(
    track: Track, meta: Mapping[str, ArticleMeta], names: Mapping[str, str]
) -> list[Entry]:
    out = []
    for p in track.positions:
        src = meta.get(p.article_id or "")
        who = names.get(p.actor, p.actor)
        status = "red line" if p.red_line else "position"
        evidence = p.evidence.text if p.evidence else ""
        out.append(
            Entry(
                _day(None, src), "position", f"{who} on {p.on}", p.position, status, src, evidence
            )
        )
    return out


def _agreement_entries(
    agreements: Sequence[Agreement], meta: Mapping[str, ArticleMeta]
) -> list[Entry]:
    out = []
    for ag in agreements:
        for st in ag.statuses:
            src = meta.get(st.article_id or "")
            detail = f"until {st.until}" if st.until else (f"by {st.by}" if st.by else "")
            if st.venue:
                detail = f"{detail} in {st.venue}".strip()
            evidence = st.evidence.text if st.evidence else ""
            out.append(
                Entry(_day(st.date, src), "agreement", ag.name, detail, st.status, src, evidence)
            )
    return out


def track_entries(
    rec: TrackRecord, meta: Mapping[str, ArticleMeta], names: Mapping[str, str]
) -> list[Entry]:
    """Rounds (each with its history), position changes and the status changes of the
    track's agreements, oldest first (undated last)."""
    entries = [
        *_round_entries(rec.rounds, meta),
        *_position_entries(rec, meta, names),
        *_agreement_entries(rec.agreements, meta),
    ]
    return sorted(entries, key=lambda e: (e.date == "", e.date))
