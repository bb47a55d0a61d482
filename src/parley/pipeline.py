"""``analyze(article) -> Analysis``: normalise, parse, extract — in that order, top to bottom.

The :class:`Pipeline` holds the only expensive state (the spaCy pipeline and the knowledge base)
and is otherwise pure: no I/O, no globals. A local process pool and a Dask cluster both call
:meth:`Pipeline.analyze`; only the driver writes to the store.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

import parley.extract.builtin  # noqa: F401  (registers the built-in extractors)
import parley.knowledge as knowledge
from parley.collector import settle_for_batch
from parley.errors import ConfigError
from parley.extract.base import GIVEN, Context, Extractor, extractors, isolated, names
from parley.extract.events.finish import EXTRACTOR_NAME as HEADLINE_EXTRACTOR
from parley.extract.events.headline import (
    headline_events,
    headline_warnings,
    may_tell_events,
    parseable_headline,
)
from parley.kb import KnowledgeBase, load_kb
from parley.models import Analysis, Article, RawDocument
from parley.nlp import load_pipeline
from parley.normalize import normalize
from parley.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["Pipeline"]

log = logging.getLogger(__name__)


class Pipeline:
    """The per-document pipeline: ``RawDocument -> Article -> Doc -> Analysis``."""

    def __init__(
        self,
        settings: Settings,
        kb: KnowledgeBase | None = None,
        nlp: Language | None = None,
        *,
        freeze_on_load: bool = False,
    ) -> None:
        self.settings = settings
        self.freeze_on_load = freeze_on_load
        if settings.knowledge_dirs:
            knowledge.configure(settings.knowledge_dirs)
        self.kb = kb if kb is not None else load_kb(settings.actor_files)
        self._nlp = nlp
        self.extractors: list[Extractor] = [extractors.get(n)() for n in settings.extractors]
        self._check_order()

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline with the knowledge-base rulers, loaded on first use: a driver
        that only normalises while worker processes parse (``ingest --workers``, Dask) never
        pays the model's seconds and hundreds of megabytes.

        With ``freeze_on_load`` (a process that keeps this pipeline to its end, such as a batch
        run), everything alive once the model is loaded is exempted from garbage collection
        (``gc.freeze``): each full collection of a run walked the model's objects for nothing
        (seven of them cost about 3 % of a 200-article ingest); and the collector's young
        generation is let grow (:mod:`parley.collector`)."""
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings.model, self.kb)
            if self.freeze_on_load:
                settle_for_batch()
        return self._nlp

    def _check_order(self) -> None:
        """Every name an extractor requires is assigned by an earlier one (or given)."""
        known = names()
        available = set(GIVEN)
        for ex in self.extractors:
            unknown = sorted({*ex.requires, *ex.assigns} - known)
            if unknown:
                raise ConfigError(
                    f"Extractor '{ex.name}' declares {', '.join(unknown)}, which is neither an "
                    f"analysis list nor a product in parley.extract.base.Products."
                )
            missing = [r for r in ex.requires if r not in available]
            if missing:
                raise ConfigError(_missing_message(ex.name, missing))
            available.update(ex.assigns)

    def _extract(self, ctx: Context) -> Analysis:
        """Run the extractors in order; one that raises loses only its own records (see
        :func:`parley.extract.base.isolated`), and the analysis carries a warning naming it."""
        for ex in self.extractors:
            isolated(ctx, ex.name, partial(ex, ctx))
        return ctx.analysis

    def normalize(self, raw: RawDocument) -> Article:
        """Stage 1: text repair, metadata, language (raises ``InputError`` subclasses)."""
        return normalize(raw, self.kb, languages=self.settings.languages)

    def analyze(self, article: Article) -> Analysis:
        """Stages 2–3: parse the normalised text and run the extractors in order; then the
        events the headline alone tells (:meth:`_headline`)."""
        doc = self.nlp(article.text)
        ctx = Context(article=article, doc=doc, kb=self.kb, analysis=Analysis(article=article))
        headline = self._headline_text(article)
        return self._headline(self._extract(ctx), self.nlp(headline) if headline else None)

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        """Like :meth:`analyze` over many articles, letting spaCy batch the parsing (of the
        headlines too)."""
        items = list(articles)
        docs = self.nlp.pipe((a.text for a in items), batch_size=batch_size)
        headlines = [self._headline_text(a) for a in items]
        parsed = iter(self.nlp.pipe((h for h in headlines if h), batch_size=batch_size))
        for article, doc, headline in zip(items, docs, headlines, strict=True):
            ctx = Context(article=article, doc=doc, kb=self.kb, analysis=Analysis(article=article))
            analysis = self._extract(ctx)
            yield self._headline(analysis, next(parsed) if headline else None)

    def _headline_text(self, article: Article) -> str | None:
        """The headline as it is parsed (:func:`parseable_headline`), or None when there is
        none or no events extractor to read it."""
        if not article.title or not article.title.strip() or self._events_at() is None:
            return None
        return parseable_headline(article.title, self.kb)

    def _events_at(self) -> int | None:
        return next(
            (i for i, ex in enumerate(self.extractors) if ex.name == HEADLINE_EXTRACTOR), None
        )

    def _headline(self, analysis: Analysis, doc: Doc | None) -> Analysis:
        """Add the events told only in the article's headline (events20): the headline, parsed
        as a text of its own (``doc``), goes through the extractors up to the events when a
        word of it is a trigger; those events the body does not tell again join the analysis,
        their offsets below zero (see :mod:`parley.extract.events.headline`)."""
        article, events = analysis.article, self._events_at()
        if doc is None or events is None or not article.title:
            return analysis
        if not may_tell_events(doc, getattr(self.extractors[events], "lexicon", None)):
            return analysis  # no trigger: the extractors would find nothing
        headline = Article(
            id=article.id,
            text=doc.text,
            outlet=article.outlet,
            published_at=article.published_at,
            language=article.language,
        )
        ctx = Context(headline, doc, self.kb, Analysis(article=headline))
        for ex in self.extractors[: events + 1]:
            isolated(ctx, ex.name, partial(ex, ctx))
        found = headline_events(ctx.analysis.events, analysis.events, article.title, doc, self.kb)
        analysis.events.extend(found)
        analysis.warnings.extend(headline_warnings(ctx.analysis.warnings, article.title))
        return analysis

    def run(self, raw: RawDocument) -> Analysis:
        """Normalise and analyse one raw document."""
        return self.analyze(self.normalize(raw))


def _producers(name: str) -> list[str]:
    """Registered extractors that assign ``name``."""
    return [n for n in extractors if name in extractors.get(n).assigns]


def _missing_message(extractor: str, missing: list[str]) -> str:
    parts = []
    for name in missing:
        producers = _producers(name)
        by = " or ".join(f"'{p}'" for p in producers) if producers else "no registered extractor"
        parts.append(f"{name} (assigned by {by})")
    return (
        f"Extractor '{extractor}' needs {', '.join(parts)}, which no earlier extractor in "
        f"'extractors' assigns. Add the producer before '{extractor}' in parley.toml."
    )
