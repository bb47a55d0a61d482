"""One knowledge layer: every word list, table and threshold Parley's extractors read.

Knowledge is data, not code. Each file lives under ``parley/data/`` (word lists for the
extractors under ``parley/data/lexicon/``) and is read through this module only:

- :func:`load` parses a file once per process and merges the user's extension files over it;
- :func:`words` and :func:`phrases` return a named list from a file, and a key that does not
  exist is an error, never a silent empty set;
- :func:`table` returns a named mapping.

**Extending.** A user points ``PARLEY_KNOWLEDGE`` (folders separated by ``os.pathsep``) or
``knowledge_dirs`` in ``parley.toml`` at folders laid out like ``parley/data/``; a file there
with the same relative name as a shipped one is merged into it: lists are extended (duplicates
dropped, order kept), mappings merged key by key, and other values replaced.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from parley.errors import KnowledgeBaseError

__all__ = [
    "configure",
    "extension_dirs",
    "load",
    "merge",
    "phrases",
    "table",
    "words",
]

_configured: tuple[Path, ...] | None = None


def configure(dirs: Sequence[Path | str]) -> None:
    """Use ``dirs`` as the user's extension folders (``knowledge_dirs`` in settings); clears
    every cached file so the next :func:`load` reads them."""
    global _configured
    _configured = tuple(Path(d) for d in dirs)
    load.cache_clear()
    words.cache_clear()


def extension_dirs() -> tuple[Path, ...]:
    """The user's extension folders: those given to :func:`configure`, else ``PARLEY_KNOWLEDGE``."""
    if _configured is not None:
        return _configured
    raw = os.environ.get("PARLEY_KNOWLEDGE", "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p)


def merge(base: Any, extra: Any) -> Any:
    """``extra`` merged over ``base``: lists extended without duplicates, mappings merged key by
    key, anything else replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        seen = {json.dumps(v, sort_keys=True) for v in base}
        return [*base, *(v for v in extra if json.dumps(v, sort_keys=True) not in seen)]
    return extra


def _parse(text: str, origin: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise KnowledgeBaseError(f"{origin}: not valid JSON ({e})") from e
    if not isinstance(data, dict):
        raise KnowledgeBaseError(f"{origin}: expected a JSON object")
    return data


@cache
def load(name: str) -> Mapping[str, Any]:
    """The shipped file ``parley/data/<name>`` with the user's extensions merged over it.

    Raises:
        KnowledgeBaseError: the shipped file is missing (a broken install) or a file is not a
            JSON object.
    """
    item = resources.files("parley") / "data" / name
    try:
        data = _parse(item.read_text("utf-8"), f"parley/data/{name}")
    except FileNotFoundError as e:
        raise KnowledgeBaseError(f"parley/data/{name} is missing; reinstall Parley") from e
    for folder in extension_dirs():
        path = folder / name
        if path.is_file():
            data = merge(data, _parse(path.read_text("utf-8"), str(path)))
    return data


def _value(name: str, key: str) -> Any:
    data = load(name)
    if key not in data:
        raise KnowledgeBaseError(f"parley/data/{name} has no '{key}'")
    return data[key]


def phrases(name: str, key: str) -> tuple[str, ...]:
    """The list ``key`` of file ``name`` in its order, as written.

    Raises:
        KnowledgeBaseError: the key is absent or not a list of strings.
    """
    value = _value(name, key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeBaseError(f"parley/data/{name}: '{key}' must be a list of strings")
    return tuple(value)


@cache
def words(name: str, key: str) -> frozenset[str]:
    """The list ``key`` of file ``name`` as a lower-cased set, for membership tests."""
    return frozenset(p.lower() for p in phrases(name, key))


def table(name: str, key: str) -> Mapping[str, Any]:
    """The mapping ``key`` of file ``name``.

    Raises:
        KnowledgeBaseError: the key is absent or not a mapping.
    """
    value = _value(name, key)
    if not isinstance(value, dict):
        raise KnowledgeBaseError(f"parley/data/{name}: '{key}' must be an object")
    return value
