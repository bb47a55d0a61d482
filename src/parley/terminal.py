"""Rich renderables of Parley's records for the terminal: what ``parley`` shows people.

Machine output (``--json``) never goes through here. Every cell is escaped, because article text
may hold ``[brackets]`` that rich would otherwise read as markup.
"""

from __future__ import annotations

import datetime as dt

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from parley.models import (
    ActorRow,
    AgreementRecord,
    AgreementStatus,
    Analysis,
    Article,
    FoundClaim,
    FoundEvent,
    FoundQuote,
    Rejection,
    Round,
    Source,
    Story,
    TrackRecord,
)

__all__ = [
    "actors_table",
    "analysis_view",
    "articles_table",
    "claims_table",
    "counts_table",
    "events_table",
    "quotes_table",
    "rejections_table",
    "short_id",
    "tracks_table",
    "track_view",
    "agreements_table",
    "treaty_view",
    "stories_table",
]


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _s(value: object) -> str:
    """Cell text: escaped (article text may hold [brackets] rich would read as markup)."""
    return "" if value is None else escape(str(value))


def _clip(text: str, width: int = 90) -> str:
    return _s(text if len(text) <= width else text[: width - 1] + "…")


def short_id(article_id: str) -> str:
    """The first 12 characters of an id's hash (``sha256:0ea758b6e657…`` → ``0ea758b6e657``);
    ``parley show`` accepts it."""
    return article_id.rsplit(":", 1)[-1][:12]


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def articles_table(articles: list[Article]) -> Table:
    """Articles as rows: short id, date, outlet, title."""
    table = _table(f"Articles ({len(articles)})", "id", "published", "outlet", "title")
    for a in articles:
        table.add_row(short_id(a.id), _date(a.published_at), _s(a.outlet), _s(a.title))
    return table


def actors_table(actors: list[ActorRow], limit: int | None = None, with_ids: bool = True) -> Table:
    """Actors with roles and counts; the first ``limit`` only when given."""
    shown = actors[:limit] if limit else actors
    columns = ("name", "kind", "country", "roles", "articles", "mentions")
    table = _table(
        f"Actors ({len(shown)} of {len(actors)})", *(("id",) if with_ids else ()), *columns
    )
    for s in shown:
        a = s
        cells = [_s(a.name), a.kind, _s(a.country), _s("; ".join(a.roles))]
        cells += [str(s.articles), str(s.mentions)]
        table.add_row(*([_s(a.id)] if with_ids else []), *cells)
    return table


def counts_table(counts: dict[str, int]) -> Table:
    """Record kinds and how many of each."""
    table = _table("Records", "kind", "count")
    for kind, n in counts.items():
        table.add_row(kind, str(n))
    return table


def rejections_table(rejections: list[Rejection]) -> Table:
    """Rejections: when, source, stage, reason."""
    table = _table(f"Rejections ({len(rejections)})", "when", "source", "stage", "reason")
    for r in rejections:
        table.add_row(r.at.strftime("%Y-%m-%d %H:%M"), _s(r.source), r.stage, _s(r.reason))
    return table


def quotes_table(found: list[FoundQuote], names: dict[str, str] | None = None) -> Table:
    """Quotes with date, outlet and speaker; direct quotes in quotation marks."""
    table = _table(f"Quotes ({len(found)})", "date", "outlet", "speaker", "quote", "article")
    for f in found:
        q = f
        who = ""
        if q.speaker:
            who = (names or {}).get(q.speaker.actor or "", q.speaker.text)
        text = f"“{q.text}”" if q.direct else q.text
        table.add_row(
            _date(f.published_at), _s(f.outlet), _s(who), _clip(text), short_id(f.article_id)
        )
    return table


def claims_table(found: list[FoundClaim]) -> Table:
    """Attributed claims with their reporter and cue."""
    table = _table(
        f"Claims ({len(found)})", "date", "outlet", "reporter", "cue", "claim", "article"
    )
    for f in found:
        c = f
        table.add_row(
            _date(f.published_at),
            _s(f.outlet),
            _s(c.reporter.actor or c.reporter.text),
            _s(c.cue),
            _clip(c.claim.text),
            short_id(f.article_id),
        )
    return table


def _names(ids: list[str], names: dict[str, str]) -> str:
    return _s(", ".join(names.get(i, i) for i in ids))


def events_table(found: list[FoundEvent], names: dict[str, str]) -> Table:
    """Events with actors by name (``names``: id → name; unknown ids shown as ids)."""
    table = _table(
        f"Events ({len(found)})",
        "date",
        "type",
        "mode",
        "source",
        "target",
        "status",
        "evidence",
        "article",
    )
    for f in found:
        e = f
        day = e.date.value if e.date and e.date.value else _date(f.published_at)
        table.add_row(
            _s(day),
            e.type,
            _s(e.mode),
            _names(e.source, names),
            _names(e.target, names),
            e.status,
            _clip(e.evidence.text, 70),
            short_id(f.article_id),
        )
    return table


def analysis_view(analysis: Analysis) -> RenderableType:
    """A person's summary of one analysis: metadata, repairs, actors, then record counts."""
    a = analysis.article
    meta = Table(title=_s(a.title or a.id), title_justify="left", show_header=False)
    for key in ("id", "outlet", "published_at", "dateline", "language", "url", "source"):
        meta.add_row(key, _s(getattr(a, key)))
    parts: list[RenderableType] = [meta]
    if a.repairs:
        repairs = _table("Repairs", "glued", "split", "why")
        for r in a.repairs:
            repairs.add_row(_s(r.glued), _s(" | ".join(r.split)), _s(r.why))
        parts.append(repairs)
    actors = _table("Actors", "name", "kind", "country", "roles", "mentions")
    for act in analysis.actors:
        actors.add_row(
            _s(act.name),
            act.kind,
            _s(act.country),
            _s("; ".join(act.roles)),
            str(len(act.mentions)),
        )
    names = {act.id: act.name for act in analysis.actors}
    parts += [actors, counts_table(_record_counts(analysis))]
    located = [
        FoundEvent(
            **dict(e),
            article_id=a.id,
            index=i,
            outlet=a.outlet,
            published_at=a.published_at,
            title=a.title,
        )
        for i, e in enumerate(analysis.events)
    ]
    if located:
        parts.append(events_table(located, names))
    if analysis.warnings:
        parts.append(_warnings_table(analysis))
    return Group(*parts)


def _warnings_table(analysis: Analysis) -> RenderableType:
    """Extractors that failed on part of the article: their records there are missing."""
    table = _table("Warnings: records missing here", "extractor", "where", "error")
    for w in analysis.warnings:
        where = _s(_clip(w.text)) if w.text is not None else "whole article"
        table.add_row(_s(w.extractor), where, _s(w.error))
    return table


def _record_counts(analysis: Analysis) -> dict[str, int]:
    kinds = (
        "mentions",
        "quotes",
        "attributions",
        "events",
        "dates",
        "places",
        "agreements",
        "rounds",
        "tracks",
    )
    return {k: len(getattr(analysis, k)) for k in kinds}


# -- resolved records --------------------------------------------------------------------------


def _round_label(r: Round) -> str:
    number = f"Round {r.ordinal}" if r.ordinal is not None else "Round"
    parts = [number, r.status, r.venue or "venue unknown", r.date or "date unknown"]
    return " · ".join(_s(p) for p in parts)


def _cite(sources: dict[str, Source], article_id: str | None) -> str:
    src = sources.get(article_id or "")
    return _s(src.cite()) if src else _s(short_id(article_id) if article_id else "")


def tracks_table(records: list[TrackRecord], names: dict[str, str]) -> Table:
    """Tracks with parties, mediators, number of rounds and the latest round."""
    table = _table(
        f"Negotiation tracks ({len(records)})",
        "track",
        "parties",
        "mediators",
        "rounds",
        "latest round",
        "articles",
    )
    for rec in records:
        latest = rec.latest_round()
        table.add_row(
            _s(rec.name),
            _names(rec.parties, names),
            _names(rec.mediators, names),
            str(len(rec.rounds)),
            _round_label(latest) if latest else "",
            str(len(rec.sources)),
        )
    return table


def _rounds_tree(rec: TrackRecord) -> Tree:
    tree = Tree(f"[bold]{_s(rec.name)}[/bold] — rounds")
    for r in rec.rounds:
        branch = tree.add(_round_label(r))
        for h in r.history:
            where = ", ".join(x for x in (h.venue, h.date) if x)
            text = f"{h.status}" + (f" ({where})" if where else "")
            branch.add(f"{_s(text)} — {_cite(rec.sources, h.article_id)}")
    return tree


def _positions_table(rec: TrackRecord, names: dict[str, str]) -> Table:
    table = _table(
        "Positions over time",
        "reported",
        "actor",
        "on",
        "position",
        "red line",
        "attributed to",
        "source",
    )
    for p in rec.positions:
        src = rec.sources.get(p.article_id or "")
        table.add_row(
            _date(src.published_at if src else None),
            _names([p.actor], names),
            _s(p.on),
            _clip(p.position, 70),
            "yes" if p.red_line else "",
            _s(p.attributed_to),
            _cite(rec.sources, p.article_id),
        )
    return table


def track_view(rec: TrackRecord, names: dict[str, str]) -> RenderableType:
    """One track: who, what is on the table, rounds with every report, positions, agreements."""
    meta = Table(title=_s(rec.name), title_justify="left", show_header=False)
    meta.add_row("parties", _names(rec.parties, names))
    meta.add_row("mediators", _names(rec.mediators, names))
    meta.add_row("issues", _s("; ".join(rec.issues)))
    latest = rec.latest_round()
    meta.add_row("where it stands", _round_label(latest) if latest else "no round known")
    parts: list[RenderableType] = [meta, _rounds_tree(rec)]
    if rec.positions:
        parts.append(_positions_table(rec, names))
    parts += [_timeline_table(a, names) for a in rec.agreements]
    return Group(*parts)


def agreements_table(records: list[AgreementRecord], names: dict[str, str]) -> Table:
    """Agreements with kind, parties, current status and its date."""
    table = _table(
        f"Agreements ({len(records)})", "name", "kind", "parties", "status", "since", "statuses"
    )
    for rec in records:
        ag = rec
        table.add_row(
            _s(ag.name),
            _s(ag.kind),
            _names(ag.parties, names),
            _s(ag.status),
            _s(ag.date),
            str(len(ag.statuses)),
        )
    return table


def _timeline_table(rec: AgreementRecord, names: dict[str, str]) -> Table:
    ag = rec
    title = f"{ag.name} ({ag.kind}; {', '.join(names.get(p, p) for p in ag.parties)})"
    if ag.aliases:  # "New START … also: Treaty on Strategic Offensive Arms"
        title += f"\nalso: {'; '.join(ag.aliases)}"
    table = _table(_s(title), "date", "status", "by", "where", "source", "evidence")
    for st in ag.statuses:
        when = st.date or ""
        if st.until:
            when += f" → {st.until}"
        table.add_row(
            _s(when),
            _s(st.status),
            _s(names.get(st.by or "", st.by)),
            _s(_where(st, names)),
            _cite(rec.sources, st.article_id),
            _clip(st.evidence.text.strip(), 70) if st.evidence else "",
        )
    return table


def _where(st: AgreementStatus, names: dict[str, str]) -> str:
    """ "Havana (host: Cuba)": the step's venue and, when known, whose ground it was."""
    host = names.get(st.host, st.host) if st.host else None
    if st.venue and host and host != st.venue:
        return f"{st.venue} (host: {host})"
    return st.venue or host or ""


def treaty_view(rec: AgreementRecord, names: dict[str, str]) -> RenderableType:
    """An agreement's status timeline with dates, sources and evidence."""
    return _timeline_table(rec, names)


def stories_table(stories: list[Story]) -> Table:
    """Stories: date, PLOVER type, outlets that reported it, and where the reports disagree."""
    table = _table(
        f"Stories ({len(stories)})",
        "date",
        "type",
        "sources",
        "articles",
        "disagreements",
        "first report",
    )
    for st in stories:
        articles = {e.rsplit("#", 1)[0] for e in st.events}
        table.add_row(
            _s(st.date),
            st.type,
            _s(", ".join(st.sources)),
            str(len(articles)),
            _s("\n".join(st.disagreements)),
            short_id(st.first_report or ""),
        )
    return table
