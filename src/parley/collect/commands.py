"""The CLI commands for following the news: ``fetch``, ``watch``, ``feeds``, ``subscribe``,
``unsubscribe``, ``subscriptions``, ``alerts``. Thin wrappers over :mod:`parley.collect`,
registered on :data:`parley.cli.app` when the CLI module loads.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from parley import cli as _cli
from parley.cli import (
    AsJson,
    Db,
    Limit,
    _edge,
    _out,
    _print_json_lines,
    _settings,
    app,
    open_store,  # imports the store on first use: `parley analyze` never loads SQLAlchemy
)
from parley.collect.alerts import Subscription

__all__ = ["fetch_cli", "watch_cli", "feeds_cli", "subscribe_cli", "alerts_cli"]


@app.command("fetch")
@_edge
def fetch_cli(
    urls: Annotated[list[str], typer.Argument(help="Article URLs.", show_default=False)],
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """Download, analyse and store article pages (robots.txt honoured, private hosts refused)."""
    from parley.collect.watch import fetch_urls

    settings = _settings(db)
    with open_store(settings.db_url) as store:
        report = fetch_urls(urls, store, _cli._pipeline(settings), settings.collect, sys.stdout)
        failures = store.collect.fetches(limit=len(urls), outcome="failed")
    _report(report.to_json(), as_json)
    for f in failures:
        typer.echo(f"Failed {f['url']}: {f['reason']}", err=True)


def _report(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(data))
    else:
        typer.echo(", ".join(f"{k} {v}" for k, v in data.items()), err=True)


@app.command("watch")
@_edge
def watch_cli(
    add: Annotated[
        list[str] | None, typer.Option("--add", help="Follow this feed URL (repeatable).")
    ] = None,
    remove: Annotated[
        list[str] | None, typer.Option("--remove", help="Stop following this feed (URL or id).")
    ] = None,
    once: Annotated[
        bool, typer.Option("--once", help="Run one cycle and exit (for cron).")
    ] = False,
    interval: Annotated[
        float | None, typer.Option("--interval", help="Seconds between cycles (default 900).")
    ] = None,
    db: Db = None,
) -> None:
    """Follow RSS/Atom feeds and news sitemaps: store new articles, print alerts as JSON Lines.

    Without --once, runs a cycle every --interval seconds until interrupted; a restart resumes
    where it stopped. With --add/--remove only, changes the list of feeds and exits.
    """
    from parley.collect.fetch import canonical_url  # not at the top: it loads httpx
    from parley.collect.watch import watch

    settings = _settings(db)
    with open_store(settings.db_url) as store:
        for url in add or []:
            fid, new = store.collect.add_feed(canonical_url(url))
            typer.echo(f"{'Following' if new else 'Already following'} feed {fid}: {url}", err=True)
        for key in remove or []:
            gone = store.collect.remove_feed(key)
            typer.echo(f"{'Stopped following' if gone else 'No feed'} {key}", err=True)
        if (add or remove) and not once and interval is None:
            return
        pipeline = _cli._pipeline(settings)
        every = interval if interval is not None else settings.collect.interval
        try:
            watch(
                store,
                pipeline,
                settings.collect,
                every,
                sys.stdout,
                cycles=1 if once else None,
                on_cycle=lambda r: typer.echo(f"Cycle: {r}", err=True),
            )
        except KeyboardInterrupt:
            typer.echo("Stopped; the next run resumes where this one stopped.", err=True)


@app.command("feeds")
@_edge
def feeds_cli(
    log: Annotated[bool, typer.Option("--log", help="Show the fetch log instead.")] = False,
    failed: Annotated[bool, typer.Option("--failed", help="Only failures (with --log).")] = False,
    limit: Limit = 50,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """List followed feeds with their state, or (--log) every fetch and failure with its reason."""
    with open_store(_settings(db).db_url) as store:
        if log:
            rows = [
                *store.collect.fetches(limit, "failed"),
                *([] if failed else store.collect.fetches(limit)),
            ]
            rows = sorted({r["id"]: r for r in rows}.values(), key=lambda r: -r["id"])[:limit]
        else:
            rows = store.collect.feeds()
    if as_json:
        _print_json_lines(json.loads(json.dumps(r, default=str)) for r in rows)
        return
    cols = (
        ("at", "kind", "outcome", "status", "url", "reason")
        if log
        else ("id", "url", "title", "outcome", "checked_at", "failures", "items", "error")
    )
    table = Table(title="Fetch log" if log else "Feeds")
    for c in cols:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*(_cell(r.get(c)) for c in cols))
    _out().print(table)


def _cell(value: Any) -> str:
    from rich.markup import escape

    if isinstance(value, dict):
        value = ", ".join(f"{k} {v}" for k, v in sorted(value.items()))
    return escape("" if value is None else str(value))


@app.command("subscribe")
@_edge
def subscribe_cli(
    name: Annotated[str, typer.Argument(help="A name for this subscription.")],
    track: Annotated[str | None, typer.Option("--track", help="Track name (or its start).")] = None,
    agreement: Annotated[str | None, typer.Option("--agreement", help="Agreement name.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor id or name.")] = None,
    event_type: Annotated[
        list[str] | None, typer.Option("--event-type", help="PLOVER type to watch (repeatable).")
    ] = None,
    min_sources: Annotated[
        int, typer.Option("--min-sources", min=1, help="Hold changes until N articles report them.")
    ] = 1,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST alerts here.")] = None,
    secret_env: Annotated[
        str | None, typer.Option("--secret-env", help="Environment variable with the HMAC key.")
    ] = None,
    jsonl: Annotated[
        str | None, typer.Option("--jsonl", help="Append alerts to this file.")
    ] = None,
    db: Db = None,
) -> None:
    """Subscribe to changes: a track's rounds, an agreement's status, disagreeing sources,
    new events of some types."""
    import os

    if not (track or agreement or actor or event_type):
        raise typer.BadParameter("give --track, --agreement, --actor or --event-type")
    secret = os.environ.get(secret_env) if secret_env else None
    sub = Subscription(
        name=name,
        track=track,
        agreement=agreement,
        actor=actor,
        event_types=event_type or [],
        min_sources=min_sources,
        webhook=webhook,
        secret=secret,
        jsonl=jsonl,
    )
    with open_store(_settings(db).db_url) as store:
        sub_id, new = store.collect.subscribe(**sub.model_dump(exclude={"id", "created_at"}))
    typer.echo(f"Subscription {sub_id}: {name}{'' if new else ' (already there)'}", err=True)


@app.command("unsubscribe")
@_edge
def unsubscribe_cli(
    sub_id: Annotated[int, typer.Argument(help="Subscription id.")], db: Db = None
) -> None:
    """Delete a subscription and its alerts."""
    with open_store(_settings(db).db_url) as store:
        if not store.collect.unsubscribe(sub_id):
            from parley.errors import NotFound

            raise NotFound(f"No subscription {sub_id}. List them with 'parley subscriptions'.")


@app.command("subscriptions")
@_edge
def subscriptions_cli(as_json: AsJson = False, db: Db = None) -> None:
    """List subscriptions (webhook secrets are not shown)."""
    with open_store(_settings(db).db_url) as store:
        subs = [Subscription.model_validate(r).public() for r in store.collect.subscriptions()]
    if as_json:
        _print_json_lines(subs)
        return
    table = Table(title="Subscriptions")
    cols = ("id", "name", "track", "agreement", "actor", "event_types", "min_sources", "webhook")
    for c in cols:
        table.add_column(c, overflow="fold")
    for s in subs:
        table.add_row(*(_cell(s.get(c)) for c in cols))
    _out().print(table)


@app.command("alerts")
@_edge
def alerts_cli(
    subscription: Annotated[
        int | None, typer.Option("--subscription", help="Only this one.")
    ] = None,
    limit: Limit = 50,
    as_json: AsJson = False,
    db: Db = None,
) -> None:
    """List alerts, newest first, with how each delivery went."""
    from parley.collect.webhooks import alert_json

    with open_store(_settings(db).db_url) as store:
        rows = [alert_json(a, None) for a in store.collect.alerts(subscription, limit)]
        states = {(d["alert_id"], d["target"]): d for d in store.collect.deliveries()}
    for row in rows:
        row["deliveries"] = [
            {"target": t, "state": d["state"], "attempts": d["attempts"], "error": d["error"]}
            for (a, t), d in states.items()
            if a == row["id"]
        ]
    if as_json:
        _print_json_lines(rows)
        return
    table = Table(title="Alerts")
    for c in ("id", "created_at", "kind", "title", "deliveries"):
        table.add_column(c, overflow="fold")
    for r in rows:
        sent = "; ".join(f"{d['target']} {d['state']}" for d in r["deliveries"])
        table.add_row(str(r["id"]), r["created_at"][:19], r["kind"], _cell(r["title"]), sent)
    _out().print(table)
