"""Rich renderables of Parley's records for the terminal: what ``parley`` shows people.

Machine output (``--json``) never goes through here. Every cell is escaped, because article text
may hold ``[brackets]`` that rich would otherwise read as markup.
"""

from __future__ import annotations

import datetime as dt

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.table import Table

from parley.models import Analysis, Article, Attribution, Event, Quote, Rejection
from parley.store.queries import ActorSummary, Found

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


def actors_table(
    actors: list[ActorSummary], limit: int | None = None, with_ids: bool = True
) -> Table:
    """Actors with roles and counts; the first ``limit`` only when given."""
    shown = actors[:limit] if limit else actors
    columns = ("name", "kind", "country", "roles", "articles", "mentions")
    table = _table(
        f"Actors ({len(shown)} of {len(actors)})", *(("id",) if with_ids else ()), *columns
    )
    for s in shown:
        a = s.actor
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


def quotes_table(found: list[Found[Quote]], names: dict[str, str] | None = None) -> Table:
    """Quotes with date, outlet and speaker; direct quotes in quotation marks."""
    table = _table(f"Quotes ({len(found)})", "date", "outlet", "speaker", "quote", "article")
    for f in found:
        q = f.record
        who = ""
        if q.speaker:
            who = (names or {}).get(q.speaker.actor or "", q.speaker.text)
        text = f"“{q.text}”" if q.direct else q.text
        table.add_row(
            _date(f.published_at), _s(f.outlet), _s(who), _clip(text), short_id(f.article_id)
        )
    return table


def claims_table(found: list[Found[Attribution]]) -> Table:
    """Attributed claims with their reporter and cue."""
    table = _table(
        f"Claims ({len(found)})", "date", "outlet", "reporter", "cue", "claim", "article"
    )
    for f in found:
        c = f.record
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


def events_table(found: list[Found[Event]], names: dict[str, str]) -> Table:
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
        e = f.record
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
        Found(a.id, i, a.outlet, a.published_at, a.title, e) for i, e in enumerate(analysis.events)
    ]
    if located:
        parts.append(events_table(located, names))
    return Group(*parts)


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
