"""A one-page brief on a negotiation track, as an analyst would send it (Markdown or HTML).

Every statement carries numbered citations to the articles it rests on (outlet, date, article
id), listed at the end. The brief says where the talks stand (the latest round and its status),
what changed since a date, the issues and each side's positions (with who reported them), the
status of the agreements between the parties, and a timeline figure (matplotlib, Agg backend)
written next to the brief. HTML is rendered by Jinja2 with autoescaping, and the figure is
embedded as a base64 ``data:`` image, so nothing in an article can inject markup or script.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from parley.errors import InputError
from parley.models import Source, TrackRecord

if TYPE_CHECKING:
    from parley.store import Store

__all__ = [
    "Statement",
    "Brief",
    "build_brief",
    "render_markdown",
    "render_html",
    "draw_timeline",
    "write_brief",
]

log = logging.getLogger(__name__)

Format = Literal["md", "html"]


@dataclass(frozen=True)
class Statement:
    """One sentence of the brief, the day it refers to, and the articles that support it."""

    text: str
    day: dt.date | None
    sources: tuple[str, ...]
    kind: str = "note"  # round | position | agreement: the lane it takes in the figure
    label: str = ""  # a few words for the figure


@dataclass
class Brief:
    """Everything a brief says, before rendering."""

    title: str
    parties: list[str]
    mediators: list[str]
    issues: list[str]
    standing: list[Statement]
    changes: list[Statement]
    positions: list[Statement]
    agreements: dict[str, list[Statement]]
    timeline: list[Statement]
    since: dt.date | None
    sources: dict[str, Source] = field(default_factory=dict)

    def citations(self) -> list[Source]:
        """The cited articles in the order they are numbered (first citation first)."""
        seen: dict[str, Source] = {}
        for st in self._all():
            for aid in st.sources:
                if aid in self.sources and aid not in seen:
                    seen[aid] = self.sources[aid]
        return list(seen.values())

    def number(self, article_id: str) -> int:
        """The citation number of an article (1-based)."""
        ids = [s.article_id for s in self.citations()]
        return ids.index(article_id) + 1

    def refs(self, st: Statement) -> str:
        """``'[1][3]'``: the citation marks of a statement."""
        return "".join(f"[{self.number(a)}]" for a in st.sources if a in self.sources)

    def _all(self) -> list[Statement]:
        agreements = [st for sts in self.agreements.values() for st in sts]
        return [*self.standing, *self.changes, *self.positions, *agreements, *self.timeline]


def _day(value: str | None, fallback: dt.date | None = None) -> dt.date | None:
    """The day an ISO value ('2026-06-16', '2026-06', '2026-06-16/2026-06-17') points at."""
    if value:
        head = value.split("/", 1)[0]
        for text in (head[:10], head[:7] + "-15"):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                continue
    return fallback


def _published(rec: TrackRecord, article_id: str | None) -> dt.date | None:
    src = rec.sources.get(article_id or "")
    return src.published_at if src else None


def _round_statements(rec: TrackRecord) -> list[Statement]:
    out = []
    for r in rec.rounds:
        for h in r.history:
            number = f"Round {h.ordinal}" if h.ordinal is not None else "A round"
            where = " in " + h.venue if h.venue else ""
            when = f" ({h.date})" if h.date else ""
            verb = {
                "held": "was held",
                "planned": "was planned",
                "cancelled": "was cancelled",
                "under way": "was under way",
            }.get(h.status, "was reported")
            out.append(
                Statement(
                    f"{number} {verb}{where}{when}.",
                    _day(h.date, _published(rec, h.article_id)),
                    (h.article_id or "",),
                    "round",
                    f"R{h.ordinal or '?'} {h.status}",
                )
            )
    return out


def _position_statements(rec: TrackRecord, names: dict[str, str]) -> list[Statement]:
    out = []
    for p in rec.positions:
        who = names.get(p.actor, p.actor)
        line = " (a red line)" if p.red_line else ""
        via = f", according to {p.attributed_to}" if p.attributed_to else ""
        out.append(
            Statement(
                f"{who} on {p.on}: {p.position}{line}{via}.",
                _published(rec, p.article_id),
                (p.article_id or "",),
                "position",
                f"{who}: {p.on}",
            )
        )
    return out


def _agreement_statements(rec: TrackRecord, names: dict[str, str]) -> dict[str, list[Statement]]:
    out: dict[str, list[Statement]] = {}
    for a in rec.agreements:
        rows = []
        for st in a.statuses:
            by = f" by {names.get(st.by, st.by)}" if st.by else ""
            when = f" on {st.date}" if st.date else ""
            src = a.sources.get(st.article_id or "")
            rows.append(
                Statement(
                    f"{a.name}: {st.status}{by}{when}.",
                    _day(st.date, src.published_at if src else None),
                    (st.article_id or "",),
                    "agreement",
                    st.status + by,
                )
            )
        out[a.name] = rows
    return out


def _standing(rec: TrackRecord) -> list[Statement]:
    latest = rec.latest_round()
    if latest is None:
        return [Statement("No round of these talks has been reported yet.", None, ())]
    r = latest
    number = f" (round {r.ordinal})" if r.ordinal is not None else ""
    text = f"Latest round{number}: {r.status}"
    text += (f" in {r.venue}" if r.venue else "") + (f", {r.date}" if r.date else "") + "."
    out = [Statement(text, _day(r.date), (r.article_id or "",), "round")]
    nxt = [x for x in rec.rounds if x.status == "planned" and (x.ordinal or 0) > (r.ordinal or 0)]
    if nxt:
        n = nxt[0]
        out.append(
            Statement(
                f"Next: round {n.ordinal} is planned"
                + (f" in {n.venue}" if n.venue else "")
                + (f" ({n.date})" if n.date else "")
                + ".",
                _day(n.date),
                (n.article_id or "",),
                "round",
            )
        )
    return out


def _reported_since(
    statements: list[Statement], sources: dict[str, Source], since: dt.date
) -> list[Statement]:
    """Statements first reported on or after ``since`` (news, whatever day it is about)."""

    def new(st: Statement) -> bool:
        days = [sources[a].published_at for a in st.sources if a in sources]
        return any(d is not None and d >= since for d in days)

    return [st for st in statements if new(st)]


def build_brief(store: Store, track: str, since: dt.date | None = None) -> Brief:
    """Gather what a brief on ``track`` says, with its sources, from the store.

    Raises:
        NotFound: no such track (or several match the name).
    """
    rec = store.track(track)
    ids = {*rec.parties, *rec.mediators, *(p.actor for p in rec.positions)}
    ids |= {p for a in rec.agreements for p in a.parties}
    names = store.names(ids)
    sources = dict(rec.sources)
    for a in rec.agreements:
        sources.update(a.sources)
    rounds = _round_statements(rec)
    positions = _position_statements(rec, names)
    agreements = _agreement_statements(rec, names)
    timeline = sorted(
        [*rounds, *(s for v in agreements.values() for s in v)], key=lambda s: s.day or dt.date.min
    )
    everything = sorted([*timeline, *positions], key=lambda s: s.day or dt.date.min)
    changes = _reported_since(everything, sources, since) if since else everything[-5:]
    return Brief(
        title=rec.name,
        parties=[names.get(p, p) for p in rec.parties],
        mediators=[names.get(p, p) for p in rec.mediators],
        issues=list(rec.issues),
        standing=_standing(rec),
        changes=changes,
        positions=positions,
        agreements=agreements,
        timeline=timeline,
        since=since,
        sources=sources,
    )


# -- figure ------------------------------------------------------------------------------------

_LANES = {"round": 2, "agreement": 1, "position": 0}


def draw_timeline(brief: Brief, path: Path) -> Path:
    """Draw the track's dated rounds and agreement statuses (and positions) on a time axis;
    the format follows ``path``'s suffix (.svg or .png)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 3.2), layout="constrained")
    statements = [s for s in [*brief.timeline, *brief.positions] if s.day]
    dated = [(mdates.date2num(s.day), s) for s in statements]  # type: ignore[no-untyped-call]
    for i, (x, st) in enumerate(dated):
        lane = _LANES.get(st.kind, 0)
        ax.plot(
            [x], [lane], marker=_marker(st.text), color=f"C{lane}", linestyle="none", markersize=8
        )
        # Alternate label heights so neighbouring labels do not print over each other.
        ax.annotate(
            _short(st.label or st.text),
            (x, lane),
            xytext=(0, 7 + 9 * (i % 2)),
            textcoords="offset points",
            fontsize=6.5,
            rotation=20,
            ha="left",
        )
    ax.set_yticks(list(_LANES.values()), [k + "s" for k in _LANES])
    ax.set_ylim(-0.6, 2.9)
    ax.set_title(brief.title, fontsize=10)
    ax.xaxis_date()
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    fig.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else None)
    plt.close(fig)
    return path


def _marker(text: str) -> str:
    lowered = text.lower()
    for word, marker in (("cancel", "x"), ("suspend", "x"), ("planned", "o"), ("held", "s")):
        if word in lowered:
            return marker
    return "D"


def _short(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# -- rendering -----------------------------------------------------------------------------------


def _md_line(brief: Brief, st: Statement) -> str:
    return f"- {_md_escape(st.text)} {brief.refs(st)}".rstrip()


def _md_escape(text: str) -> str:
    """Text safe inside Markdown: no raw HTML, no accidental emphasis or links."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def render_markdown(brief: Brief, figure: str | None = None) -> str:
    """The brief as Markdown; ``figure`` is the figure's file name, linked as an image."""
    lines = [f"# {_md_escape(brief.title)}", ""]
    lines.append(f"**Parties:** {_md_escape(', '.join(brief.parties))}  ")
    if brief.mediators:
        lines.append(f"**Mediators:** {_md_escape(', '.join(brief.mediators))}  ")
    lines += ["", "## Where the talks stand", *(_md_line(brief, s) for s in brief.standing)]
    since = f"since {brief.since.isoformat()}" if brief.since else "(latest developments)"
    lines += ["", f"## What changed {since}"]
    lines += [_md_line(brief, s) for s in brief.changes] or ["- Nothing reported."]
    lines += ["", "## Issues and positions"]
    if brief.issues:
        lines.append(f"On the table: {_md_escape('; '.join(brief.issues))}.")
        lines.append("")
    lines += [_md_line(brief, s) for s in brief.positions] or ["- No positions reported."]
    lines += ["", "## Agreements"]
    for name, statuses in brief.agreements.items():
        lines += [f"### {_md_escape(name)}", *(_md_line(brief, s) for s in statuses), ""]
    if not brief.agreements:
        lines.append("- No agreement between the parties has been reported.")
    lines += ["", "## Timeline"]
    if figure:
        lines.append(f"![Timeline of {_md_escape(brief.title)}]({figure})")
    lines += [_md_line(brief, s) for s in brief.timeline]
    lines += ["", "## Sources"]
    lines += [f"{i}. {_md_escape(_citation(s))}" for i, s in enumerate(brief.citations(), 1)]
    return "\n".join(lines) + "\n"


def _citation(s: Source) -> str:
    when = s.published_at.isoformat() if s.published_at else "undated"
    title = f" — {s.title}" if s.title else ""
    return f"{s.outlet or 'unknown outlet'}, {when}, article {s.article_id}{title}"


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Brief: {{ b.title }}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.4rem}sup{color:#555}
img{max-width:100%}ol.sources{font-size:.85rem}</style></head><body>
<h1>{{ b.title }}</h1>
<p><b>Parties:</b> {{ b.parties|join(", ") }}{% if b.mediators %}.
<b>Mediators:</b> {{ b.mediators|join(", ") }}{% endif %}.</p>
{% macro items(sts) %}<ul>{% for s in sts %}<li>{{ s.text }}{% for a in s.sources
 if a in b.sources %} <sup><a href="#src-{{ b.number(a) }}">[{{ b.number(a) }}]</a></sup>
{%- endfor %}</li>{% else %}<li>Nothing reported.</li>{% endfor %}</ul>{% endmacro %}
<h2>Where the talks stand</h2>{{ items(b.standing) }}
<h2>What changed {% if b.since %}since {{ b.since.isoformat() }}{% else %}(latest developments)
{%- endif %}</h2>{{ items(b.changes) }}
<h2>Issues and positions</h2>
{% if b.issues %}<p>On the table: {{ b.issues|join("; ") }}.</p>{% endif %}{{ items(b.positions) }}
<h2>Agreements</h2>{% for name, sts in b.agreements.items() %}<h3>{{ name }}</h3>{{ items(sts) }}
{% else %}<p>No agreement between the parties has been reported.</p>{% endfor %}
<h2>Timeline</h2>{% if figure %}<img alt="Timeline of {{ b.title }}" src="{{ figure }}">{% endif %}
{{ items(b.timeline) }}
<h2>Sources</h2><ol class="sources">{% for s in b.citations() %}
<li id="src-{{ loop.index }}">{{ cite(s) }}</li>{% endfor %}</ol>
</body></html>
"""


def render_html(brief: Brief, figure: bytes | None = None, figure_type: str = "svg") -> str:
    """The brief as one self-contained HTML page; every text is escaped (Jinja2 autoescape)
    and the figure, if given, is embedded as a base64 ``data:`` image."""
    from jinja2 import Environment

    env = Environment(autoescape=True)
    mime = "image/svg+xml" if figure_type == "svg" else "image/png"
    src = f"data:{mime};base64,{base64.b64encode(figure).decode()}" if figure else None
    return env.from_string(_HTML).render(b=brief, figure=src, cite=_citation)


def write_brief(
    store: Store,
    track: str,
    fmt: Format = "md",
    out: Path | None = None,
    since: dt.date | None = None,
    figure_type: Literal["svg", "png"] = "svg",
) -> tuple[Path, Path]:
    """Write a brief on ``track`` and its timeline figure next to it.

    Args:
        store: where the resolved track is read from.
        track: the track's name (or the start of it).
        fmt: ``md`` or ``html``.
        out: the brief's file (default: ``brief-<track>.<fmt>`` in the working folder).
        since: report what changed from this date on.
        figure_type: ``svg`` or ``png``.

    Returns:
        The brief's path and the figure's path.

    Raises:
        NotFound: no such track.
        InputError: the output folder does not exist.
    """
    brief = build_brief(store, track, since)
    out = out or Path(f"brief-{_slug(brief.title)}.{fmt}")
    if not out.parent.is_dir():
        raise InputError(f"Cannot write {out}: folder {out.parent} does not exist. Create it.")
    figure = draw_timeline(brief, out.with_name(f"{out.stem}-timeline.{figure_type}"))
    if fmt == "html":
        text = render_html(brief, figure.read_bytes(), figure_type)
    else:
        text = render_markdown(brief, figure.name)
    out.write_text(text, encoding="utf-8")
    log.info("wrote %s and %s", out, figure)
    return out, figure


def _slug(name: str) -> str:
    from parley.kb import alias_key

    return alias_key(name).replace(" ", "-") or "track"
