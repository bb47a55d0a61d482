"""The extractor contract and registry.

An extractor is a class with a versioned ``name``, the context fields it ``requires`` and the
analysis fields it ``assigns``, and a ``__call__(ctx)`` that appends records to ``ctx.analysis``.
It does no I/O. The pipeline checks ``requires`` against what earlier extractors assign before
it runs anything, so a misconfigured ``parley.toml`` fails at start-up, not mid-batch.
"""

from __future__ import annotations

import importlib.metadata
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol, cast

from parley.errors import UnknownExtractor
from parley.models import Analysis, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from parley.kb import KnowledgeBase

__all__ = [
    "Context",
    "Extractor",
    "Registry",
    "extractors",
    "register",
    "load_plugins",
    "actor_at",
    "country_of",
    "is_state",
]

log = logging.getLogger(__name__)


@dataclass
class Context:
    """What every extractor sees for one article.

    ``doc`` is the spaCy Doc over ``article.text`` (offsets agree). ``analysis`` fills up as
    extractors run in order. ``scratch`` lets an extractor leave typed helpers for later ones
    (e.g. the actors extractor leaves its token→actor index) without widening the public record.
    """

    article: Article
    doc: Doc
    kb: KnowledgeBase
    analysis: Analysis
    scratch: dict[str, object] = field(default_factory=dict)


def actor_at(ctx: Context) -> dict[int, str]:
    """Token index → actor id, as the actors extractor left it (empty before it has run)."""
    found = ctx.scratch.get("actor_at")
    return cast("dict[int, str]", found) if isinstance(found, dict) else {}


def is_state(ctx: Context, actor_id: str) -> bool:
    """Whether the knowledge base knows ``actor_id`` as a state."""
    return actor_id in ctx.kb and ctx.kb[actor_id].kind == "state"


def country_of(ctx: Context, actor_id: str | None) -> str | None:
    """The state an actor acts for: a state is its own, anyone else their ``country``.

    None for an actor the knowledge base does not know (or one without a country).
    """
    if actor_id is None or actor_id not in ctx.kb:
        return None
    actor = ctx.kb[actor_id]
    return actor.id if actor.kind == "state" else actor.country


class Extractor(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, ctx: Context) -> None: ...


class Registry:
    """Name → extractor class. Names carry a version (``parley.quotes.v1``)."""

    def __init__(self) -> None:
        self._items: dict[str, type[Extractor]] = {}

    def register(self, name: str) -> Callable[[type[Extractor]], type[Extractor]]:
        def deco(cls: type[Extractor]) -> type[Extractor]:
            cls.name = name
            self._items[name] = cls
            return cls

        return deco

    def get(self, name: str) -> type[Extractor]:
        if name not in self._items:
            load_plugins()
        try:
            return self._items[name]
        except KeyError:
            raise UnknownExtractor(name, self._items) from None

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._items))


extractors = Registry()
register = extractors.register


def load_plugins() -> None:
    """Import third-party extractors advertised under the ``parley.extractors`` entry point."""
    for ep in importlib.metadata.entry_points(group="parley.extractors"):
        try:
            ep.load()
        except Exception:  # a broken plugin must not take the built-ins down with it
            log.exception("could not load extractor plugin %s", ep.name)
