"""The store: one schema for SQLite and PostgreSQL, migrations, idempotent writes, queries.

>>> store = open_store("parley.db")
>>> store.save(analysis)            # replaces the article's rows in one transaction
>>> store.quotes(speaker="Putin")   # -> list[Found[Quote]]
>>> store.refresh_resolved({analysis.article.id})  # tracks, agreements, stories
>>> store.track("Armenia–Azerbaijan")  # -> TrackRecord
"""

from parley.store.queries import ActorSummary, Found, country_code
from parley.store.refresh import RefreshReport, refresh_resolved
from parley.store.resolved import AgreementRecord, RoundRecord, Source, TrackRecord
from parley.store.store import Store, engine_url, open_store

__all__ = [
    "Store",
    "open_store",
    "engine_url",
    "Found",
    "ActorSummary",
    "country_code",
    "refresh_resolved",
    "RefreshReport",
    "TrackRecord",
    "RoundRecord",
    "AgreementRecord",
    "Source",
]
