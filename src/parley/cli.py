"""The ``parley`` command: thin commands over the library, tables for people, JSON for machines.

Every command that reads or writes a database takes ``--db`` (or ``PARLEY_DB``; default
``parley.db``). Exit codes: 0 success, 1 a Parley error (printed as ``Error: …`` on stderr) or a
``--strict`` ingest with rejections, 2 a usage error.
"""

import datetime as dt
import functools
import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from parley import __version__
from parley.errors import InputError, ParleyError
from parley.models import SCHEMA_VERSION, AgreementRecord, Analysis, Rejection, TrackRecord
from parley.settings import Settings, load_settings
from parley.terminal import (
    actors_table,
    agreements_table,
    analysis_view,
    articles_table,
    claims_table,
    counts_table,
    events_table,
    quotes_table,
    rejections_table,
    stories_table,
    track_view,
    tracks_table,
    treaty_view,
)

if TYPE_CHECKING:
    # The store (SQLAlchemy, Alembic) is imported by the commands that use it, so `parley
    # version` and `parley analyze` start without it.
    from parley.store import Store

__all__ = ["app", "main"]

P = ParamSpec("P")
R = TypeVar("R")

app = typer.Typer(
    help="Parley: a structured, source-attributed record of diplomacy and conflict news.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="PARLEY_DB",
        help="SQLite file or SQLAlchemy URL (postgresql://…). Default: parley.db.",
        show_default=False,
    ),
]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON (one object per line).")]
# Events carry their actors' names for the pages; the CLI's JSON lines keep the stored shape.
_NAMES = {"names"}
Day = Annotated[
    dt.datetime | None,
    typer.Option(formats=["%Y-%m-%d"], help="A date, YYYY-MM-DD.", show_default=False),
]
Since = Annotated[
    dt.datetime | None,
    typer.Option("--since", formats=["%Y-%m-%d"], help="Only from this date (YYYY-MM-DD) on."),
]
Limit = Annotated[int | None, typer.Option("--limit", help="Show at most this many.")]
Outlet = Annotated[str | None, typer.Option("--outlet", help="Only from this outlet.")]
Paths = Annotated[
    list[Path], typer.Argument(help="Files or folders (.txt, .html, .jsonl).", show_default=False)
]


def _edge(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn Parley errors into 'Error: …' on stderr and exit code 1 (the CLI's only edge)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except ParleyError as e:
            typer.echo(f"Error: {e}", err=True)
            raise typer.Exit(1) from None

    return wrapper


def open_store(url: str, kb: Any = None) -> "Store":
    """:func:`parley.store.open_store`, imported on first use (see the imports above)."""
    from parley.store import open_store as _open

    return _open(url, kb=kb)


def _settings(db: str | None = None) -> Settings:
    return load_settings(db=db)


@contextmanager
def _store(db: str | None, with_kb: bool = False) -> Iterator["Store"]:
    settings = _settings(db)
    kb = None
    if with_kb:
        from parley.kb import load_kb

        kb = load_kb(settings.actor_files)
    with open_store(settings.db_url, kb=kb) as store:
        yield store


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _out() -> Console:
    # Made per call, so the CLI test runner's captured stdout is the one written to.
    return Console(highlight=False)


def _print_json_lines(items: Iterable[dict[str, Any]]) -> None:
    for item in items:
        typer.echo(json.dumps(item, ensure_ascii=False))


def _pipeline(settings: Settings) -> Any:
    from parley.pipeline import Pipeline

    return Pipeline(settings)


@app.callback()
def _root(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
) -> None:
    """Parley: a structured, source-attributed record of diplomacy and conflict news."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@app.command("ingest")
@_edge
def ingest_cli(
    paths: Paths,
    published_at: Annotated[
        dt.datetime | None,
        typer.Option(
            "--published-at", formats=["%Y-%m-%d"], help="Date for sources that state none."
        ),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Outlet for sources that state none.")
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 if anything was rejected.")
    ] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Analysis processes.")] = 1,
    dask: Annotated[
        str | None, typer.Option("--dask", help="Analyse on the Dask scheduler at this address.")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress line on stderr.")] = True,
    db: Db = None,
) -> None:
    """Analyse articles and store the results; already stored articles are skipped."""
    from parley import batch
    from parley.collect.watch import alert_after_ingest

    settings = _settings(db)
    started = dt.datetime.now(dt.UTC)
    if not dask:
        batch.start_workers(workers, settings)  # they load models while the store opens
    try:
        with open_store(settings.db_url) as store:
            if dask:
                report = _ingest_dask(paths, store, settings, dask, _day(published_at), outlet)
            else:
                pipeline = _pipeline(settings)
                if hasattr(pipeline, "freeze_on_load"):  # kept to the end: see Pipeline.nlp
                    pipeline.freeze_on_load = True
                report = batch.ingest(
                    paths, store, pipeline, _day(published_at), outlet, progress, workers
                )
            alert_after_ingest(store, settings.collect, started, sys.stdout)
    finally:
        batch.drop_workers()
    _out().print(report)
    if strict and report.rejected:
        raise typer.Exit(1)


def _ingest_dask(
    paths: list[Path],
    store: "Store",
    settings: Settings,
    address: str,
    published_at: dt.date | None,
    outlet: str | None,
) -> Any:
    from parley.batch import ingest_dask

    try:
        from distributed import Client
    except ImportError as e:
        raise ParleyError(
            "--dask needs the 'distributed' package: pip install 'parley[dask]'"
        ) from e
    with Client(address) as client:  # type: ignore[no-untyped-call]
        return ingest_dask(paths, store, settings, client, published_at, outlet)


@app.command("analyze")
@_edge
def analyze_cli(
    paths: Paths,
    published_at: Annotated[
        dt.datetime | None,
        typer.Option(
            "--published-at", formats=["%Y-%m-%d"], help="Date for sources that state none."
        ),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Outlet for sources that state none.")
    ] = None,
    as_json: AsJson = False,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include the normalised text in the JSON.")
    ] = False,
) -> None:
    """Analyse articles without storing them: one analysis JSON per line, or a summary.

    Rejected inputs are reported on stderr; the exit code is 1 only if nothing was analysed.
    """
    from parley.ingest import read_sources, to_rejection

    settings = _settings()
    pipeline = _pipeline(settings)
    done = 0
    limit = settings.max_article_chars
    for item in read_sources(paths, _day(published_at), outlet, max_chars=limit):
        if isinstance(item, Rejection):
            _report_rejection(item)
            continue
        if done == 0:
            _load_for_good(pipeline)
        try:
            analysis: Analysis = pipeline.run(item)
        except InputError as e:
            _report_rejection(to_rejection(item.source, e))
            continue
        done += 1
        if as_json:
            _print_json_lines([analysis.to_json(with_text=with_text)])
        else:
            _out().print(analysis_view(analysis))
    if done == 0:
        raise typer.Exit(1)


def _load_for_good(pipeline: Any) -> None:
    """In the console script's own process, load the model, then exempt everything alive
    from garbage collection (``gc.freeze``): the model lives as long as the process, and a
    full collection soon after loading it, and the exit, walked its objects for nothing
    (0.08 s and more of a one-sentence analysis)."""
    import gc

    if _OWN_PROCESS:
        pipeline.nlp  # noqa: B018 - loads the model
        gc.freeze()


def _report_rejection(r: Rejection) -> None:
    typer.echo(f"Rejected {r.source} ({r.stage}): {r.reason}", err=True)


@app.command("articles")
@_edge
def articles_cli(
    limit: Limit = 50,
    since: Since = None,
    outlet: Outlet = None,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """List stored articles, newest first."""
    with _store(db) as store:
        found = store.articles(limit=limit, since=_day(since), outlet=outlet)
    if as_json:
        _print_json_lines(a.model_dump(mode="json", exclude={"text"}) for a in found)
    else:
        _out().print(articles_table(found))


@app.command("actors")
@_edge
def actors_cli(
    kind: Annotated[str | None, typer.Option("--kind", help="person, state, igo, …")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO alpha-3 code or country name.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="A name, alias or actor id.")] = None,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """List actors seen in stored articles, most mentioned first."""
    with _store(db, with_kb=bool(name or country)) as store:
        found = store.actors(kind=kind, country=country, q=name)
    if as_json:
        _print_json_lines(s.model_dump(mode="json") for s in found)
    else:
        _out().print(actors_table(found))


@app.command("show")
@_edge
def show_cli(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix of it).")],
    as_json: AsJson = False,
    with_text: Annotated[
        bool, typer.Option("--with-text", help="Include the normalised text in the JSON.")
    ] = False,
    db: Db = None,
) -> None:
    """Show one stored article: metadata, repairs, actors with roles, and its records."""
    with _store(db) as store:
        analysis = store.analysis(article_id)
    if as_json:
        typer.echo(json.dumps(analysis.to_json(with_text=with_text), ensure_ascii=False))
    else:
        _out().print(analysis_view(analysis))


@app.command("rejections")
@_edge
def rejections_cli(limit: Limit = None, as_json: AsJson = False, db: Db = None) -> None:
    """List inputs that could not be used, and why."""
    with _store(db) as store:
        found = store.rejections(limit=limit)
    if as_json:
        _print_json_lines(r.model_dump(mode="json") for r in found)
    else:
        _out().print(rejections_table(found))


@app.command("quotes")
@_edge
def quotes_cli(
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Speaker name, alias or actor id.")
    ] = None,
    outlet: Outlet = None,
    since: Since = None,
    limit: Limit = None,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """List quotes, optionally by speaker, outlet and date."""
    with _store(db, with_kb=bool(speaker)) as store:
        found = store.quotes(speaker=speaker, outlet=outlet, since=_day(since), limit=limit)
        names = {s.id: s.name for s in store.actors()} if not as_json else {}
    if as_json:
        _print_json_lines(f.model_dump(mode="json", exclude=_NAMES) for f in found)
    else:
        _out().print(quotes_table(found, names))


@app.command("claims")
@_edge
def claims_cli(
    reporter: Annotated[
        str | None, typer.Option("--reporter", help="Reporter or source, by name or id.")
    ] = None,
    outlet: Outlet = None,
    since: Since = None,
    limit: Limit = None,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """List attributed claims ('according to …'), optionally by reporter, outlet and date."""
    with _store(db, with_kb=bool(reporter)) as store:
        found = store.claims(reporter=reporter, outlet=outlet, since=_day(since), limit=limit)
    if as_json:
        _print_json_lines(f.model_dump(mode="json", exclude=_NAMES) for f in found)
    else:
        _out().print(claims_table(found))


@app.command("events")
@_edge
def events_cli(
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="An actor involved, by name or id.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Place or actor country (code or name).")
    ] = None,
    since: Since = None,
    until: Annotated[
        dt.datetime | None,
        typer.Option("--until", formats=["%Y-%m-%d"], help="Only up to this date (YYYY-MM-DD)."),
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="occurred, planned, proposed, refused, …")
    ] = None,
    every: Annotated[
        bool,
        typer.Option(
            "--all", help="Also list negated and hypothetical events (left out by default)."
        ),
    ] = False,
    limit: Limit = None,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """List events, filtered by type, actor, country, date range and status; events that did
    not happen or might happen (negated, hypothetical) only with --all or --status."""
    from parley.store.queries import UNCERTAIN_STATUSES

    with _store(db, with_kb=bool(actor or country)) as store:
        found = store.events(
            type=type_,
            actor=actor,
            country=country,
            since=_day(since),
            until=_day(until),
            status=status,
            limit=limit,
            hidden_statuses=() if every else UNCERTAIN_STATUSES,
        )
        names = {s.id: s.name for s in store.actors()} if not as_json else {}
    if as_json:
        _print_json_lines(f.model_dump(mode="json", exclude=_NAMES) for f in found)
    else:
        _out().print(events_table(found, names))


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover_jsonl = "plover-jsonl"


class ExportKind(StrEnum):
    events = "events"
    quotes = "quotes"
    claims = "claims"
    articles = "articles"


@app.command("export")
@_edge
def export_cli(
    out: Annotated[Path, typer.Argument(help="File to write.", show_default=False)],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="Output format.")
    ] = ExportFormat.jsonl,
    kind: Annotated[ExportKind, typer.Option("--kind", help="Which records.")] = ExportKind.events,
    db: Db = None,
) -> None:
    """Write stored records to a file (JSON Lines, CSV, Parquet or PLOVER JSON Lines)."""
    from parley.store.export import export

    with _store(db) as store:
        n = export(store, kind.value, fmt.value, out)
    typer.echo(f"Wrote {n} {kind.value} to {out}", err=True)


@app.command("eval")
@_edge
def eval_cli(
    gold: Annotated[Path, typer.Argument(help="A parley-gold/1 file.", show_default=False)],
    kinds: Annotated[
        str | None, typer.Option("--kinds", help="Comma-separated record kinds to score.")
    ] = None,
    gate: Annotated[
        bool, typer.Option("--gate", help="Exit 1 if a score falls below its pinned floor.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Score extraction against a person's gold annotation: precision, recall, F1 per kind."""
    from parley.eval import check_floors, floors_for, render_report, run_eval
    from parley.resolve import cluster_stories

    chosen = [k.strip() for k in kinds.split(",") if k.strip()] if kinds else None
    report = run_eval(gold, _pipeline(_settings()), kinds=chosen, resolve_stories=cluster_stories)
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        console = _out()
        for table in render_report(report):
            console.print(table)
    failures = check_floors(report, floors_for(gold)) if gate else []
    for failure in failures:
        typer.echo(f"Below floor: {failure}", err=True)
    if failures:
        raise typer.Exit(1)


@app.command("demo")
@_edge
def demo_cli(db: Db = None) -> None:
    """Analyse the bundled demo corpus into the database and print what was found."""
    from parley import batch

    settings = _settings(db)
    folder = resources.files("parley") / "demo" / "articles"
    with resources.as_file(folder) as path, open_store(settings.db_url) as store:
        report = batch.ingest([path], store, _pipeline(settings), progress=True)
        console = _out()
        console.print(report)
        console.print(articles_table(store.articles(limit=None)))
        console.print(actors_table(store.actors(), limit=25, with_ids=False))
        console.print(counts_table(store.counts()))
        _print_timelines(console, store)
    console.print(
        f"Stored in {escape(settings.db)}. Try: parley events --db {escape(settings.db)}, "
        "parley tracks, parley stories, parley brief TRACK, parley show ID."
    )


def _actor_ids_of(store: "Store", *records: TrackRecord | AgreementRecord) -> dict[str, str]:
    """Names of the actors the resolved records mention, for display."""
    ids: set[str] = set()
    agreements = [r for r in records if isinstance(r, AgreementRecord)]
    for rec in records:
        if isinstance(rec, TrackRecord):
            ids |= {*rec.parties, *rec.mediators, *(p.actor for p in rec.positions)}
            agreements += rec.agreements
    for ag in agreements:
        ids |= {*ag.parties, *(s.by for s in ag.statuses if s.by)}
    return store.names(ids)


@app.command("tracks")
@_edge
def tracks_cli(as_json: AsJson = False, db: Db = None) -> None:
    """List negotiation tracks with their parties, mediators and latest round."""
    with _store(db) as store:
        found = store.tracks()
        names = _actor_ids_of(store, *found) if not as_json else {}
    if as_json:
        _print_json_lines(rec.model_dump(mode="json") for rec in found)
    else:
        _out().print(tracks_table(found, names))


@app.command("track")
@_edge
def track_cli(
    name: Annotated[str, typer.Argument(help="Track name (or the start of it).")],
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """Show a track's timeline: rounds and every report of them, positions, agreements."""
    with _store(db) as store:
        rec = store.track(name)
        names = _actor_ids_of(store, rec)
    if as_json:
        typer.echo(json.dumps(rec.model_dump(mode="json"), ensure_ascii=False))
    else:
        _out().print(track_view(rec, names))


@app.command("treaties")
@_edge
def treaties_cli(as_json: AsJson = False, db: Db = None) -> None:
    """List agreements (treaties, ceasefires, exchange deals) with their current status."""
    with _store(db) as store:
        found = store.agreements()
        names = _actor_ids_of(store, *found)
    if as_json:
        _print_json_lines(rec.model_dump(mode="json") for rec in found)
    else:
        _out().print(agreements_table(found, names))


@app.command("treaty")
@_edge
def treaty_cli(
    name: Annotated[str, typer.Argument(help="Agreement name (or the start of it).")],
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """Show an agreement's status timeline with dates, sources and evidence."""
    with _store(db) as store:
        rec = store.agreement(name)
        names = _actor_ids_of(store, rec)
    if as_json:
        typer.echo(json.dumps(rec.model_dump(mode="json"), ensure_ascii=False))
    else:
        _out().print(treaty_view(rec, names))


@app.command("stories")
@_edge
def stories_cli(
    since: Since = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="Only stories reported by N articles.")
    ] = 1,
    limit: Limit = None,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """List stories (one real-world event in many articles): type, date, sources, disagreements."""
    with _store(db) as store:
        found = store.stories(since=_day(since), min_sources=min_sources, limit=limit)
    if as_json:
        _print_json_lines(s.model_dump(mode="json") for s in found)
    else:
        _out().print(stories_table(found))


class BriefFormat(StrEnum):
    md = "md"
    html = "html"


class FigureFormat(StrEnum):
    svg = "svg"
    png = "png"


@app.command("brief")
@_edge
def brief_cli(
    track: Annotated[str, typer.Argument(help="Track name (or the start of it).")],
    fmt: Annotated[BriefFormat, typer.Option("--format", help="md or html.")] = BriefFormat.md,
    since: Since = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: brief-<track>.<fmt>).")
    ] = None,
    figure: Annotated[
        FigureFormat, typer.Option("--figure", help="Timeline figure format.")
    ] = FigureFormat.svg,
    db: Db = None,
) -> None:
    """Write a one-page brief on a track (standing, changes, positions, agreements, sources)."""
    from parley.brief import write_brief

    with _store(db) as store:
        path, drawn = write_brief(store, track, fmt.value, out, _day(since), figure.value)
    typer.echo(f"Wrote {path} and {drawn}", err=True)


@app.command("resolve")
@_edge
def resolve_cli(db: Db = None) -> None:
    """Rebuild tracks, agreements and stories from every stored analysis (ingest keeps them
    up to date; use this after upgrading Parley or changing the resolution rules)."""
    with _store(db) as store:
        from parley.resolve import refresh_resolved

        report = refresh_resolved(store, None)
    typer.echo(
        f"Resolved {report.articles} articles: {report.tracks} tracks, "
        f"{report.agreements} agreements, {report.stories} stories.",
        err=True,
    )


def _print_timelines(console: Console, store: "Store") -> None:
    """Each track's timeline, then the agreements no track has shown yet."""
    tracks, agreements = store.tracks(), store.agreements()
    names = _actor_ids_of(store, *tracks, *agreements)
    shown: set[str] = set()
    for rec in tracks:
        console.print(track_view(rec, names))
        shown |= {a.key for a in rec.agreements}
    for ag in agreements:
        if ag.key not in shown and ag.statuses:
            console.print(treaty_view(ag, names))


@app.command("version")
def version_cli() -> None:
    """Print Parley's version and the analysis schema it writes."""
    typer.echo(f"parley {__version__} ({SCHEMA_VERSION})")


@app.command("serve")
@_edge
def serve_cli(
    db: Db = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    token_env: Annotated[
        str, typer.Option("--token-env", help="Environment variable holding the write token.")
    ] = "PARLEY_API_TOKEN",
    request_timeout: Annotated[
        float,
        typer.Option(
            "--request-timeout",
            min=0.1,
            help="Seconds a client has to send a whole request; slower ones are disconnected.",
        ),
    ] = 30.0,
    workers: Annotated[
        int,
        typer.Option("--workers", min=1, help="Server processes answering requests side by side."),
    ] = 1,
) -> None:
    """Serve the web pages and the JSON API (/api/v1, docs at /docs); read-only without a token."""
    import os

    from parley.serve import create_app
    from parley.serve.server import run, run_workers

    token = os.environ.get(token_env) or None
    typer.echo(
        f"Parley on http://{host}:{port}/ (writes {'on' if token else 'off'}, "
        f"{workers} worker{'s' if workers > 1 else ''})",
        err=True,
    )
    settings = _settings(db)
    if workers == 1:
        run(create_app(settings, token=token), host, port, request_timeout)
        return
    open_store(settings.db_url).close()  # migrate once, before the workers start
    run_workers(settings.db_url, host, port, workers, token_env, request_timeout)


# Set by the console script only: an application that runs the commands in its own process
# (a test's CliRunner, a notebook) keeps its garbage collector as it is.
_OWN_PROCESS = False


def main() -> None:
    """Entry point of the ``parley`` console script."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    app()


# Commands for feeds, fetching and alerts live beside their library (they register on ``app``).
from parley.collect import commands as _collect_commands  # noqa: E402,F401
