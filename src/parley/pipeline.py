"""``analyze(article) -> Analysis``: normalise, parse, extract — in that order, top to bottom.

The :class:`Pipeline` holds the only expensive state (the spaCy pipeline and the knowledge base)
and is otherwise pure: no I/O, no globals. A local process pool and a Dask cluster both call
:meth:`Pipeline.analyze`; only the driver writes to the store.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

import parley.extract.builtin  # noqa: F401  (registers the built-in extractors)
import parley.knowledge as knowledge
from parley.errors import ConfigError
from parley.extract.base import GIVEN, Context, Extractor, extractors, isolated, names
from parley.kb import KnowledgeBase, load_kb
from parley.models import Analysis, Article, RawDocument
from parley.nlp import load_pipeline
from parley.normalize import normalize
from parley.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

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
        (seven of them cost about 3 % of a 200-article ingest)."""
        if self._nlp is None:
            self._nlp = load_pipeline(self.settings.model, self.kb)
            if self.freeze_on_load:
                gc.freeze()
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
        """Stages 2–3: parse the normalised text and run the extractors in order."""
        doc = self.nlp(article.text)
        ctx = Context(article=article, doc=doc, kb=self.kb, analysis=Analysis(article=article))
        return self._extract(ctx)

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        """Like :meth:`analyze` over many articles, letting spaCy batch the parsing."""
        items = list(articles)
        docs = self.nlp.pipe((a.text for a in items), batch_size=batch_size)
        for article, doc in zip(items, docs, strict=True):
            ctx = Context(article=article, doc=doc, kb=self.kb, analysis=Analysis(article=article))
            yield self._extract(ctx)

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
