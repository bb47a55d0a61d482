"""The extractor contract and registry.

An extractor is a class with a versioned ``name``, the names it ``requires`` and ``assigns``,
and a ``__call__(ctx)`` that appends records to ``ctx.analysis``. It does no I/O.

A name is an :class:`~parley.models.Analysis` list (``mentions``, ``events``, …) or a field of
:class:`Products`, the typed hand-offs one extractor leaves for later ones (the actors
extractor's token→actor index, the dates extractor's kinds, …). The pipeline checks every
``requires`` against what earlier extractors assign before it runs anything, so a misconfigured
``parley.toml`` fails at start-up, naming the extractor that would have produced what is missing,
not mid-batch with silently thinner records.
"""

from __future__ import annotations

import importlib.metadata
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar, Literal, Protocol

from parley.errors import UnknownExtractor
from parley.models import Analysis, AnalysisWarning, Article, Attribution, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from parley.kb import KnowledgeBase

__all__ = [
    "Context",
    "DateKind",
    "Extractor",
    "Products",
    "GIVEN",
    "names",
    "isolated",
    "per_sentence",
    "Registry",
    "extractors",
    "register",
    "load_plugins",
    "actor_at",
    "country_of",
    "is_state",
]

log = logging.getLogger(__name__)


DateKind = Literal["point", "range", "duration"]


@dataclass
class Products:
    """The typed hand-offs between extractors of one article; None until the producer ran.

    Each field is a name an extractor may list in ``assigns`` (it fills the field) or
    ``requires`` (it reads it), so the start-up check sees every hand-off; none of them is part
    of the public record.
    """

    actor_at: dict[int, str] | None = None
    """Token index → actor id for every token of a resolved mention (``parley.actors.v1``)."""
    mentions_by_sent: dict[int, list[Mention]] | None = None
    """Start token of a sentence → its mentions in reading order (``parley.actors.v1``)."""
    place_at: dict[int, str | None] | None = None
    """Start token of a place mention → ISO3 country (``parley.actors.v1``)."""
    date_kind: dict[int, DateKind] | None = None
    """Start offset of a time expression → point, range or duration (``parley.dates.v1``)."""
    quotes_by_sentence: dict[int, list[Quote]] | None = None
    """Sentence start offset → the quotes in it (``parley.quotes.v1``)."""
    claims_by_sentence: dict[int, Attribution] | None = None
    """Sentence start offset → the first claim attributed in it (``parley.attributions.v1``)."""


# Names every extractor may rely on before any extractor has run.
GIVEN = ("article", "doc", "kb")  # not a word list: context fields


def names() -> frozenset[str]:
    """Every name ``requires``/``assigns`` may use: the givens, Analysis lists, products."""
    lists = {k for k, f in Analysis.model_fields.items() if k not in ("article", "schema_")}
    return frozenset({*GIVEN, *lists, *(f.name for f in fields(Products))})


@dataclass
class Context:
    """What every extractor sees for one article.

    ``doc`` is the spaCy Doc over ``article.text`` (offsets agree). ``analysis`` fills up as
    extractors run in order; ``products`` carries the typed hand-offs between them.
    """

    article: Article
    doc: Doc
    kb: KnowledgeBase
    analysis: Analysis
    products: Products = field(default_factory=Products)


def actor_at(ctx: Context) -> dict[int, str]:
    """Token index → actor id, as the actors extractor left it (empty before it has run)."""
    return ctx.products.actor_at or {}


class _Saved:
    """The record lists and products of a context, to put back when an extractor fails."""

    def __init__(self, ctx: Context) -> None:
        # the model's fields as iterating it yields them (no extras: the models forbid them),
        # read from its dict: pydantic's iterator costs more than the copy, once per extractor
        # and sentence
        fields = vars(ctx.analysis).items()
        self.lists = {k: list(v) for k, v in fields if isinstance(v, list) and k[:1] != "_"}
        self.products = replace(ctx.products)

    def restore(self, ctx: Context) -> None:
        warnings = ctx.analysis.warnings
        for key, value in self.lists.items():
            setattr(ctx.analysis, key, value)
        ctx.analysis.warnings = warnings  # warnings raised meanwhile are kept
        ctx.products = self.products


def isolated(
    ctx: Context, extractor: str, step: Callable[[], None], where: Span | None = None
) -> bool:
    """Run ``step``; if it raises, undo what it added and record an :class:`AnalysisWarning`.

    One bad sentence (or one bug an article triggers) must cost only that extractor's records
    there, never the article or the batch. ``where`` is the sentence ``step`` works on (None:
    the whole article). Returns whether ``step`` completed.
    """
    saved = _Saved(ctx)
    try:
        step()
    except Exception as e:  # an extractor bug must not lose the article
        saved.restore(ctx)
        warning = AnalysisWarning(
            extractor=extractor,
            error=f"{type(e).__name__}: {e}",
            start=where.start_char if where is not None else None,
            end=where.end_char if where is not None else None,
            text=where.text if where is not None else None,
        )
        ctx.analysis.warnings.append(warning)
        log.warning("%s: %s failed%s: %s", ctx.article.id, extractor, _at(where), warning.error)
        log.debug("the failure in %s", extractor, exc_info=True)  # the traceback, for debugging
        return False
    return True


def _at(where: Span | None) -> str:
    return "" if where is None else f" on characters {where.start_char}-{where.end_char}"


def per_sentence(ctx: Context, extractor: str, step: Callable[[Span], None]) -> None:
    """Call ``step`` on each sentence, isolated: a sentence that raises loses only its records."""
    for sent in ctx.doc.sents:
        isolated(ctx, extractor, partial(step, sent), sent)


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
