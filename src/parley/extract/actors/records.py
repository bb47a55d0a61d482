"""What the actors extractor hands on: mentions, per-actor records and token maps.

The cascade in :mod:`parley.extract.actors.extractor` builds :class:`Found` items in token
offsets; the functions here turn them into :class:`~parley.models.Mention` and
:class:`~parley.models.ActorInText` records in character offsets, and into the token maps later
extractors read from ``ctx.products``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.models import Actor, ActorInText, Mention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Found", "to_mentions", "to_actors", "actor_at", "by_sentence"]


@dataclass
class Found:
    """A mention under construction, in token offsets (end-exclusive)."""

    start: int
    end: int
    label: str
    actor: str | None
    how: str
    confidence: float = 1.0
    role: str | None = None


def _chars(doc: Doc, f: Found) -> tuple[int, int]:
    return doc[f.start].idx, doc[f.end - 1].idx + len(doc[f.end - 1])


def to_mentions(doc: Doc, text: str, found: Iterable[Found]) -> list[Mention]:
    """The mentions in reading order (longer first where two start together)."""
    out = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        start, end = _chars(doc, f)
        out.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                actor=f.actor,
                label=f.label,
                role=f.role,
                how=f.how,
                confidence=f.confidence,
            )
        )
    return out


def to_actors(
    doc: Doc,
    text: str,
    found: Iterable[Found],
    actor_of: Callable[[str], Actor],
    stated_roles: Mapping[str, list[str]],
    on: dt.date | None,
) -> list[ActorInText]:
    """One record per resolved actor, in order of first mention, with its roles on ``on``
    followed by the roles the text states."""
    by_id: dict[str, ActorInText] = {}
    for f in sorted(found, key=lambda f: f.start):
        if f.actor is None:
            continue
        item = by_id.get(f.actor)
        if item is None:
            item = by_id[f.actor] = _record(actor_of(f.actor), stated_roles, on)
        start, end = _chars(doc, f)
        item.mentions.append(Span(start=start, end=end, text=text[start:end]))
    return list(by_id.values())


def _record(actor: Actor, stated_roles: Mapping[str, list[str]], on: dt.date | None) -> ActorInText:
    roles = [r.title for r in actor.roles_on(on)]
    for role in stated_roles.get(actor.id, []):
        if role.lower() not in {r.lower() for r in roles}:
            roles.append(role)
    return ActorInText(
        id=actor.id, name=actor.name, kind=actor.kind, country=actor.country, roles=roles
    )


def actor_at(found: Iterable[Found]) -> dict[int, str]:
    """Token index → actor id for every token of a resolved mention."""
    out: dict[int, str] = {}
    for f in sorted(found, key=lambda f: f.end - f.start, reverse=True):
        if f.actor:
            for i in range(f.start, f.end):
                out[i] = f.actor  # shorter, inner mentions win: "the Russian president's"
    return out


def by_sentence(doc: Doc, mentions: Iterable[Mention]) -> dict[int, list[Mention]]:
    """Sentence start token → mentions inside that sentence."""
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            out.setdefault(span.sent.start, []).append(m)
    return out
