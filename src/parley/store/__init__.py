"""The store: one schema for SQLite and PostgreSQL, migrations, idempotent writes, one query layer.

>>> store = open_store("parley.db")
>>> store.save(analysis)            # replaces the article's rows in one transaction
>>> store.quotes(speaker="Putin")   # -> list[FoundQuote]
>>> store.list_events(Filters(type="CONSULT"), limit=50, cursor=None)  # -> Page[FoundEvent]
>>> store.track("Armenia–Azerbaijan")  # -> TrackRecord

The store knows nothing of resolution: :func:`parley.resolve.refresh_resolved` computes tracks,
agreements and stories and writes them through :meth:`Store.transaction`.
"""

from parley.store.queries import Filters, country_code
from parley.store.store import Store, engine_url, open_store
from parley.store.transaction import Transaction

__all__ = ["Store", "open_store", "engine_url", "Filters", "country_code", "Transaction"]
