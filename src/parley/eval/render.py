"""Rich tables of an :class:`~parley.eval.report.EvalReport` for the terminal."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from parley.eval.events import NONE, EventScores
from parley.eval.matching import Score
from parley.eval.report import EvalReport

__all__ = ["render_report"]

# How many misses / spurious items / notes per kind the terminal shows; --json has more.
SHOW = 8


def render_report(report: EvalReport) -> list[Table]:
    """Tables a person reads top to bottom: totals, event types, confusion, documents, errors."""
    tables = [_totals(report)]
    events = report.events
    if events is not None and events.gold_counts:
        tables += [_per_type(events), _confusion(events)]
    if len(report.documents) > 1:
        tables.append(_documents(report))
    errors = _errors(report)
    if errors.row_count:
        tables.append(errors)
    return tables


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def _score_row(s: Score) -> list[str]:
    gold = s.tp - s.tp_optional + s.fn
    return [
        str(gold),
        str(s.found),
        str(s.tp),
        str(s.fp),
        str(s.fn),
        _pct(s.precision),
        _pct(s.recall),
        _pct(s.f1),
    ]


def _count_columns(table: Table, first: str) -> Table:
    table.add_column(first)
    for name in ("gold", "found", "TP", "FP", "FN", "P", "R", "F1"):
        table.add_column(name, justify="right")
    return table


def _totals(report: EvalReport) -> Table:
    table = _count_columns(Table(title=f"Evaluation against {escape(report.gold)}"), "kind")
    for kind, s in report.totals.items():
        table.add_row(kind, *_score_row(s))
    if report.notes:
        table.caption = "; ".join(report.notes)
    return table


def _per_type(events: EventScores) -> Table:
    table = _count_columns(Table(title="Events by PLOVER type (type + actors)"), "type")
    for t, s in sorted(events.per_type.items()):
        mark = "" if t in events.gold_counts else " (not in gold)"
        table.add_row(t + mark, *_score_row(s))
    table.caption = (
        f"macro-F1 over gold types {events.macro_f1():.2f} · status agrees "
        f"{_pct(events.status_accuracy)} · date agrees {_pct(events.date_accuracy)} "
        f"(of type-level matches)"
    )
    return table


def _confusion(events: EventScores) -> Table:
    rows = sorted(events.gold_types() | {g for g, _ in events.confusion if g != NONE})
    cols = sorted({f for _, f in events.confusion if f != NONE})
    # Four letters name every PLOVER type uniquely and keep 16 columns within a terminal.
    table = Table(title="Event confusion (rows: gold type, columns: found type)", padding=(0, 1))
    table.add_column("gold \\ found", no_wrap=True)
    for c in [*cols, NONE]:
        table.add_column(c[:4], justify="right", no_wrap=True)
    for r in [*rows, NONE]:
        cells = [events.confusion.get((r, c), 0) for c in [*cols, NONE]]
        table.add_row(r, *[str(n) if n else "·" for n in cells])
    table.caption = "'none' column: gold events missed; 'none' row: found events matching none"
    return table


def _documents(report: EvalReport) -> Table:
    kinds = list(report.totals)
    table = Table(title="F1 per document")
    table.add_column("document")
    for k in kinds:
        table.add_column(k, justify="right")
    for doc in report.documents:
        table.add_row(
            escape(doc.id), *[_pct(doc.scores[k].f1) if k in doc.scores else "-" for k in kinds]
        )
    return table


def _errors(report: EvalReport) -> Table:
    table = Table(title="Misses (gold not found), spurious (found, not in gold), notes")
    for name in ("document", "kind", "what", "item"):
        table.add_column(name, overflow="fold")
    for doc in report.documents:
        for kind, s in doc.scores.items():
            for what, items in (("miss", s.misses), ("spurious", s.spurious), ("note", s.notes)):
                for item in items[:SHOW]:
                    table.add_row(escape(doc.id), kind, what, escape(item))
                if len(items) > SHOW:
                    table.add_row(
                        escape(doc.id), kind, what, f"… {len(items) - SHOW} more (see --json)"
                    )
    if report.stories is not None:
        for what, items in (("miss", report.stories.misses), ("spurious", report.stories.spurious)):
            for item in items[:SHOW]:
                table.add_row("*", "stories", what, escape(item))
    return table
