"""A track's timeline: rounds laid out for an inline SVG, and every dated change in order.

Layout is computed here (plain numbers) and drawn by the template, so the page needs no
JavaScript and no external library, and every label passes through autoescaping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from parley.models import Agreement, Round, Track

__all__ = ["RoundDot", "RoundsChart", "Entry", "rounds_chart", "track_entries", "ArticleMeta"]

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
class Entry:
    """One dated change on a track's timeline, with the article that reported it."""

    date: str
    kind: str  # "round" | "position" | "agreement"
    label: str
    detail: str
    status: str
    article: ArticleMeta | None
    evidence: str


def _day(value: str | None, src: ArticleMeta | None) -> str:
    if value:
        return value
    return src.published_at.isoformat() if src and src.published_at else ""


def _round_entries(track: Track, meta: Mapping[str, ArticleMeta]) -> list[Entry]:
    out = []
    for r in track.rounds:
        src = meta.get(r.article_id or "")
        place = f" in {r.venue}" if r.venue else ""
        label = f"Round {r.ordinal if r.ordinal is not None else '?'}{place}"
        evidence = r.evidence.text if r.evidence else ""
        out.append(Entry(_day(r.date, src), "round", label, "", r.status, src, evidence))
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
        out.append(Entry(_day(None, src), "position", f"{who} on {p.on}", p.position, status,
                         src, evidence))
    return out


def _agreement_entries(
    agreements: Sequence[Agreement], meta: Mapping[str, ArticleMeta]
) -> list[Entry]:
    out = []
    for ag in agreements:
        for st in ag.statuses:
            src = meta.get(st.article_id or "")
            detail = f"until {st.until}" if st.until else (f"by {st.by}" if st.by else "")
            evidence = st.evidence.text if st.evidence else ""
            out.append(Entry(_day(st.date, src), "agreement", ag.name, detail, st.status, src,
                             evidence))
    return out


def related_agreements(track: Track, agreements: Sequence[Agreement]) -> list[Agreement]:
    """Agreements between (at least two of) the track's parties."""
    parties = set(track.parties)
    return [a for a in agreements if len(parties & set(a.parties)) >= min(2, len(parties))]


def track_entries(
    track: Track,
    agreements: Sequence[Agreement],
    meta: Mapping[str, ArticleMeta],
    names: Mapping[str, str],
) -> list[Entry]:
    """Rounds, position changes and agreement status changes, oldest first (undated last)."""
    entries = [
        *_round_entries(track, meta),
        *_position_entries(track, meta, names),
        *_agreement_entries(agreements, meta),
    ]
    return sorted(entries, key=lambda e: (e.date == "", e.date))
