"""Builders for the small hand-made knowledge bases of the actor and NLP tests."""

from __future__ import annotations

import datetime as dt

from parley.models import Actor, Role


def role(key: str, title: str, start: str = "2020-01-01", end: str | None = None) -> Role:
    """A role held from ``start`` (ISO day) to ``end`` (open when None)."""
    return Role(
        title=title,
        key=key,
        start=dt.date.fromisoformat(start),
        end=dt.date.fromisoformat(end) if end else None,
    )


def person(pid: str, name: str, country: str, *roles: Role, aliases: tuple[str, ...] = ()) -> Actor:
    """A person of ``country`` holding ``roles``."""
    return Actor(
        id=pid, name=name, kind="person", country=country, roles=list(roles), aliases=list(aliases)
    )
