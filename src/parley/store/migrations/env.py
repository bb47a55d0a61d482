"""Alembic environment: run migrations on the connection :func:`parley.store.migrate` passes in.

Parley never runs Alembic from an ``alembic.ini``; the store opens the database and hands its
connection over through ``config.attributes["connection"]``, so this works from an installed
package and for both SQLite and PostgreSQL.
"""

from __future__ import annotations

from alembic import context

from parley.store.schema import metadata


def run_migrations_online() -> None:
    """Run every pending revision on the connection given by the caller."""
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("parley migrations must be run through parley.store.open_store()")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode recreates tables the portable way.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("parley migrations run online only (through parley.store.open_store())")
run_migrations_online()
