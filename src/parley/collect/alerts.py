"""Alerts: what changed for each subscription since the last cycle, each change emitted once.

A subscription names what an analyst follows — a track, an agreement, an actor, event types —
and a minimum number of sources. After every ingest or watch cycle :func:`raise_alerts` reads
the resolved records and the newly stored articles and turns each *change* into an alert with a
stable key; the store keeps one alert per (subscription, key), so re-running a cycle, restarting
the watcher or replaying a feed never repeats one. Changes:

- ``round``: a round of a followed track announced (first reported as planned), cancelled, held
  or under way — once per round number and status (a round cancelled in June and held in
  September gives both);
- ``agreement``: a followed agreement reaches a dated status (signed, ratified by a party, in
  force, suspended, …); undated statuses describe background and forecasts ("signed
  (expected)") what may happen, so neither is an alert;
- ``story``: a story involving the followed actor gains a source whose account disagrees with
  the others (a new entry in its disagreements);
- ``event``: a newly stored event of a watched PLOVER type (involving the actor, if one is set).

``min_sources`` holds back a round change or a disagreement until that many articles report it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from parley.errors import NotFound
from parley.models import RoundRecord, TrackRecord

if TYPE_CHECKING:  # the CLI imports this module; `parley analyze` must not load SQLAlchemy
    from parley.store import Store

__all__ = ["Subscription", "raise_alerts", "find_changes", "ROUND_VERBS"]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How the resolver marks a status that is only forecast ("ratified (expected)").
EXPECTED_SUFFIX = " (expected)"
#: A round's reported status → what the alert says happened.
ROUND_VERBS = {
    "planned": "announced",
    "cancelled": "cancelled",
    "held": "held",
    "under way": "under way",
}


class Subscription(BaseModel):
    """What an analyst follows, and where the alerts go (besides the store and the feed)."""

    model_config = ConfigDict(extra="forbid")

    id: int | None = None
    name: str
    track: str | None = None
    agreement: str | None = None
    actor: str | None = None
    event_types: list[str] = Field(default_factory=list)
    min_sources: int = Field(default=1, ge=1)
    webhook: str | None = None
    secret: str | None = Field(default=None, description="HMAC key for the webhook signature")
    jsonl: str | None = Field(default=None, description="file the alerts are appended to")
    created_at: dt.datetime | None = None

    def public(self) -> dict[str, Any]:
        """The subscription as JSON, the webhook secret left out."""
        return self.model_dump(mode="json", exclude={"secret"}) | {"signed": bool(self.secret)}


def raise_alerts(store: Store, new_articles: Iterable[str] = ()) -> list[int]:
    """Record the alerts every subscription has not had yet; the ids of the new ones.

    Args:
        new_articles: ids of the articles stored in this cycle (for event alerts).
    """
    fresh = sorted(set(new_articles))
    rows: list[dict[str, Any]] = []
    for row in store.collect.subscriptions():
        sub = Subscription.model_validate(row)
        rows += [{**c, "subscription_id": sub.id} for c in find_changes(store, sub, fresh)]
    return store.collect.add_alerts(rows)


def find_changes(store: Store, sub: Subscription, new_articles: list[str]) -> list[dict[str, Any]]:
    """Every change ``sub`` follows as it stands now (key, kind, title, data); the store
    decides which are new."""
    changes: list[dict[str, Any]] = []
    track = _lookup(store.track, sub.track)
    if track is not None:
        changes += _round_changes(track, sub.min_sources)
    if sub.agreement:
        agreement = _lookup(store.agreement, sub.agreement)
        if agreement is not None:
            changes += _agreement_changes(agreement.key, agreement.model_dump(mode="json"))
    if sub.actor:
        changes += _story_changes(store, sub.actor, sub.min_sources)
    if sub.event_types:
        changes += _event_changes(store, sub, new_articles)
    return changes


def _lookup(find: Callable[[str], T], name: str | None) -> T | None:
    if not name:
        return None
    try:
        return find(name)
    except NotFound:
        return None  # nothing reported about it yet


def _round_changes(rec: TrackRecord, min_sources: int) -> list[dict[str, Any]]:
    out = []
    for merged in rec.rounds:
        for status, reports in _reports_by_status(merged).items():
            verb = ROUND_VERBS.get(status)
            if verb is None or len(reports) < min_sources:
                continue
            out.append(_round_alert(rec, merged, status, verb, reports))
    return out


def _reports_by_status(merged: RoundRecord) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for report in merged.history or [merged]:
        found.setdefault(report.status, []).append(report)
    return found


def _round_alert(
    rec: TrackRecord, merged: RoundRecord, status: str, verb: str, reports: list[Any]
) -> dict[str, Any]:
    r = merged
    which = f"round {r.ordinal}" if r.ordinal else f"round at {r.venue or '?'} {r.date or ''}"
    first = reports[0]
    where = ", ".join(x for x in (first.venue or r.venue, first.date or r.date) if x)
    sources = [rec.sources[x.article_id].cite() for x in reports if x.article_id in rec.sources]
    return {
        "key": f"round:{rec.key}:{r.ordinal or r.venue or r.date}:{verb}",
        "kind": "round",
        "title": f"{rec.name}: {which} {verb}" + (f" ({where})" if where else ""),
        "data": {
            "track": rec.name,
            "ordinal": r.ordinal,
            "status": status,
            "change": verb,
            "venue": first.venue or r.venue,
            "date": first.date or r.date,
            "article_id": first.article_id,
            "sources": sources,
        },
    }


def _agreement_changes(key: str, agreement: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for status in agreement["statuses"]:
        if not status.get("date") or status["status"].endswith(EXPECTED_SUFFIX):
            continue
        by = f" by {status['by']}" if status.get("by") else ""
        out.append(
            {
                "key": f"agreement:{key}:{status['status']}:{status.get('by') or ''}:"
                f"{status['date']}",
                "kind": "agreement",
                "title": f"{agreement['name']}: {status['status']}{by} ({status['date']})",
                "data": {
                    "agreement": agreement["name"],
                    "status": status["status"],
                    "by": status.get("by"),
                    "date": status["date"],
                    "article_id": status.get("article_id"),
                },
            }
        )
    return out


def _story_changes(store: Store, actor: str, min_sources: int) -> list[dict[str, Any]]:
    out = []
    for story in store.stories(min_sources=max(2, min_sources)):
        if not story.disagreements:
            continue
        ids = store.collect.story_actors(story.events)
        labels = {i.lower() for i in ids} | {n.lower() for n in store.names(ids).values()}
        if actor.lower() not in labels:
            continue
        for disagreement in story.disagreements:
            out.append(
                {
                    "key": f"story:{story.type}:{story.date}:{disagreement}",
                    "kind": "story",
                    "title": f"Sources disagree on a {story.type} story ({story.date}): "
                    f"{disagreement}",
                    "data": {
                        "story": story.id,
                        "type": story.type,
                        "date": story.date,
                        "sources": story.sources,
                        "disagreement": disagreement,
                    },
                }
            )
    return out


def _event_changes(
    store: Store, sub: Subscription, new_articles: list[str]
) -> list[dict[str, Any]]:
    types = {t.upper() for t in sub.event_types}
    actor = sub.actor.lower() if sub.actor else None
    out = []
    for aid in new_articles:
        try:
            analysis = store.analysis(aid)
        except NotFound:
            continue
        names = {a.id: a.name for a in analysis.actors}
        for idx, ev in enumerate(analysis.events):
            involved = {*ev.source, *ev.target, *ev.mediator}
            labels = {i.lower() for i in involved} | {names.get(i, "").lower() for i in involved}
            if ev.type.upper() not in types or (actor and actor not in labels):
                continue
            who = ", ".join(names.get(i, i) for i in ev.source) or "someone"
            out.append(
                {
                    "key": f"event:{aid}#{idx}",
                    "kind": "event",
                    "title": f"New {ev.type} event: {who} — {ev.evidence.text.strip()[:160]}",
                    "data": {
                        "type": ev.type,
                        "status": ev.status,
                        "source": ev.source,
                        "target": ev.target,
                        "date": ev.date.value if ev.date else None,
                        "article_id": aid,
                        "evidence": ev.evidence.text,
                    },
                }
            )
    return out
