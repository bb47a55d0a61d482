"""Normalisation: raw text or HTML → a clean :class:`~parley.models.Article`.

``normalize(raw, kb, languages)`` is the stage function the pipeline calls; the steps are listed,
in order, in :mod:`parley.normalize.normalizer`.
"""

from parley.normalize.normalizer import Normalizer, article_id, normalize, normalizer_for

__all__ = ["Normalizer", "article_id", "normalize", "normalizer_for"]
