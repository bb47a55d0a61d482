"""Parley: a structured, source-attributed record of diplomacy and conflict news.

The library in three calls, for a notebook or a script::

    import parley

    analysis = parley.analyze(text, published_at="2026-02-05", title="Talks in Oslo")
    analysis.events, analysis.quotes, analysis.warnings

    with parley.open_store("parley.db") as store:
        store.save(analysis)

:func:`analyze` builds one default :class:`Pipeline` (settings from ``parley.toml`` and the
environment) on first use and keeps it. Everything else is imported on first access, so
``import parley`` costs no spaCy, SQLAlchemy or pydantic start-up.
"""

# No ``from __future__ import annotations`` and only private module names here: every public
# name of this module is in ``__all__`` (tests/test_package.py holds it to that).
import datetime as _dt
import importlib as _importlib
import typing as _t
from functools import cache as _cache

if _t.TYPE_CHECKING:
    from parley.errors import ConfigError, InputError, ParleyError
    from parley.models import (
        Actor,
        ActorInText,
        Agreement,
        Analysis,
        AnalysisWarning,
        Article,
        Attribution,
        Event,
        Mention,
        Place,
        Quote,
        RawDocument,
        Round,
        TimeExpression,
        Track,
    )
    from parley.pipeline import Pipeline
    from parley.settings import Settings, load_settings
    from parley.store import Store, open_store

__version__ = "0.1.0"

# Public name -> the module that defines it; imported on first access (PEP 562).
_LAZY = {
    "Pipeline": "parley.pipeline",
    "Settings": "parley.settings",
    "load_settings": "parley.settings",
    "Store": "parley.store",
    "open_store": "parley.store",
    "ParleyError": "parley.errors",
    "InputError": "parley.errors",
    "ConfigError": "parley.errors",
    **dict.fromkeys(
        (
            "Actor",
            "ActorInText",
            "Agreement",
            "Analysis",
            "AnalysisWarning",
            "Article",
            "Attribution",
            "Event",
            "Mention",
            "Place",
            "Quote",
            "RawDocument",
            "Round",
            "TimeExpression",
            "Track",
        ),
        "parley.models",
    ),
}

__all__ = [
    "__version__",
    "analyze",
    "default_pipeline",
    "open_store",
    "load_settings",
    "Pipeline",
    "Settings",
    "Store",
    "ParleyError",
    "InputError",
    "ConfigError",
    "Actor",
    "ActorInText",
    "Agreement",
    "Analysis",
    "AnalysisWarning",
    "Article",
    "Attribution",
    "Event",
    "Mention",
    "Place",
    "Quote",
    "RawDocument",
    "Round",
    "TimeExpression",
    "Track",
]


def __getattr__(name: str) -> _t.Any:
    """Import a public name's module on first access and keep the name."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'parley' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


@_cache
def default_pipeline() -> "Pipeline":
    """The pipeline :func:`analyze` uses, built once per process from the user's settings."""
    from parley.pipeline import Pipeline
    from parley.settings import load_settings

    return Pipeline(load_settings())


def analyze(
    text: str,
    published_at: _dt.date | str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> "Analysis":
    """Analyse one article's text with the default pipeline.

    ``published_at`` (a date or ``YYYY-MM-DD``) anchors relative dates ("on Monday"); without it
    they stay unresolved.

    Raises:
        InputError: the text is empty, not English, or otherwise unusable (nothing is guessed).
    """
    from parley.models import RawDocument

    day = _dt.date.fromisoformat(published_at) if isinstance(published_at, str) else published_at
    raw = RawDocument(
        source=url or "<text>", text=text, title=title, outlet=outlet, url=url, published_at=day
    )
    return default_pipeline().run(raw)
