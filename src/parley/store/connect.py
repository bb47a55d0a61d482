"""Engines that many processes can share safely: one writer at a time, no NUL reaches SQL.

Three guarantees, the same on SQLite and PostgreSQL:

1. **One writer at a time.** A transaction begun on :func:`writer` holds the store-wide write
   lock from its first statement: ``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped advisory
   lock on PostgreSQL. Whatever such a transaction reads (to resolve stories, to upsert actors)
   cannot be changed by another process before it commits, so concurrent ``ingest`` runs and
   API writes never collide on a key or deadlock.
2. **Transactional DDL on SQLite.** The Python driver normally commits before every DDL
   statement; here Parley issues ``BEGIN`` itself, so a migration (creating a new database
   included) is one transaction: a process killed half-way leaves the file as it was.
3. **No NUL character reaches the database.** PostgreSQL refuses ``\\x00`` in text and ``\\u0000``
   in JSON; every string bound to a statement (and every JSON value) has it replaced by U+FFFD,
   which keeps the length, so spans into article text stay valid, and both databases store the
   same thing.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

__all__ = ["create_engine", "writer", "scrub", "WRITE_LOCK_KEY", "BUSY_TIMEOUT_MS"]

#: The PostgreSQL advisory lock key every Parley writer takes (an arbitrary 63-bit constant).
WRITE_LOCK_KEY = 0x5041524C4559  # "PARLEY"
#: How long a SQLite writer waits for another to finish before giving up.
BUSY_TIMEOUT_MS = 120_000
_WRITE = "parley_write"
NUL = "\x00"
REPLACEMENT = "\ufffd"


def scrub(value: Any) -> Any:
    """``value`` with every NUL character in its strings (nested too) replaced by U+FFFD."""
    if isinstance(value, str):
        return value.replace(NUL, REPLACEMENT) if NUL in value else value
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(scrub(v) for v in value)
    return value


def has_nul(value: Any) -> bool:
    """Whether a NUL character is in any string of ``value`` (nested too); cheaper than
    :func:`scrub`, which rebuilds every list and dict, when (as nearly always) none is."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return _any_nul(value.keys()) or _any_nul(value.values())
    if isinstance(value, list | tuple):
        return _any_nul(value)
    return False


def _any_nul(values: Iterable[Any]) -> bool:
    # strings checked in the loop: one call per leaf would cost what scrub's copies cost
    for v in values:
        if isinstance(v, str):
            if NUL in v:
                return True
        elif isinstance(v, dict | list | tuple) and has_nul(v):
            return True
    return False


def _dumps(value: Any) -> str:
    """JSON of ``value`` with its NUL characters replaced (:func:`scrub`). JSON escapes a NUL
    as ``\\u0000``, so text without that sequence came from a value without NUL, and is what
    the scrubbed value gives: the analyses' JSON is no longer copied whole to be checked."""
    text = json.dumps(value)
    return text if "\\u0000" not in text else json.dumps(scrub(value))


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url`` (a SQLAlchemy URL) with the guarantees above.

    Raises:
        sqlalchemy.exc.ArgumentError, ImportError: the URL is not usable.
    """
    engine = sa.create_engine(url, json_serializer=_dumps)
    sa.event.listen(engine, "before_cursor_execute", _scrub_parameters, retval=True)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
    elif engine.dialect.name == "postgresql":
        sa.event.listen(engine, "begin", _postgres_begin)
    return engine


def writer(engine: sa.Engine) -> sa.Engine:
    """``engine`` (sharing its pool) whose transactions take the store-wide write lock."""
    return engine.execution_options(**{_WRITE: True})


def _scrub_parameters(
    _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
) -> tuple[str, Any]:
    return statement, scrub(parameters) if has_nul(parameters) else parameters


#: SQLite page cache per connection (KiB) and the part of the file read through a memory map.
CACHE_KIB = 65536
MMAP_BYTES = 1 << 30


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Parley issues BEGIN itself (see _sqlite_begin), so DDL is transactional too.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    # The API may read while a batch writes; WAL lets readers and one writer coexist.
    _journal_mode_wal(cur)
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process still
    # loses nothing committed and the file is never corrupt; only a power cut may roll back
    # the last commits. Saving an article costs a fraction of the time it did with FULL.
    cur.execute("PRAGMA synchronous=NORMAL")
    # SQLite's own page cache is 2 MB by default: on a store of gigabytes every page of an
    # index walk was read again through a system call. 64 MB a connection holds the top of
    # the listing indexes; mapping the file lets reads past it come from the OS cache directly.
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cur.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    cur.close()


def _journal_mode_wal(cur: Any) -> None:
    """Switch the file to WAL, waiting as a writer would for another process doing the same.

    Two processes opening a new database at once ("two ingests into a fresh store") both
    convert it to WAL; the loser gets "database is locked" at once, without SQLite's busy
    handler ever waiting, so the wait is done here, up to the same timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(2 * pause, 0.1)


# Both run on the driver's connection directly: they are part of beginning a transaction, not
# statements of it (so query counts and statement hooks see only what the caller executes).


def _sqlite_begin(conn: sa.Connection) -> None:
    write = conn.get_execution_options().get(_WRITE, False)
    _driver(conn).execute("BEGIN IMMEDIATE" if write else "BEGIN")


def _postgres_begin(conn: sa.Connection) -> None:
    if conn.get_execution_options().get(_WRITE, False):
        _driver(conn).execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def _driver(conn: sa.Connection) -> Any:
    return conn.connection.driver_connection
