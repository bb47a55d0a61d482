"""Create or upgrade a database to the current schema with Alembic, programmatically.

The migration scripts live inside the package (``parley/store/migrations``), so an installed
Parley can upgrade a database without any ``alembic.ini`` in the working directory.
"""

from __future__ import annotations

import logging
from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from parley.store.connect import writer

__all__ = ["alembic_config", "upgrade", "current_revision", "head_revision"]

log = logging.getLogger(__name__)


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged scripts, bound to ``connection`` if given."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("parley.store") / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision shipped with this version of Parley."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def current_revision(connection: sa.Connection) -> str | None:
    """The revision the database is at (None for an empty database)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine) -> None:
    """Bring the database behind ``engine`` to the newest revision (no-op when up to date).

    The check and every migration run in one transaction holding the store-wide write lock
    (:func:`parley.store.connect.writer`): two processes creating the same database at once
    both succeed (the second finds it done), and a process killed half-way leaves the database
    as it was before, so the next open simply migrates again.
    """
    with writer(engine).begin() as conn:
        if current_revision(conn) == head_revision():
            return
        log.info("upgrading database %s to %s", engine.url.render_as_string(), head_revision())
        command.upgrade(alembic_config(conn), "head")
