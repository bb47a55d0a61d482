"""One knowledge layer: every word list, table and threshold Parley's extractors read.

Knowledge is data, not code. Each file lives under ``parley/data/`` (word lists for the
extractors under ``parley/data/lexicon/``) and is read through this module only:

- :func:`load` parses a file once per process and merges the user's extension files over it;
- :func:`words` and :func:`phrases` return a named list from a file, and a key that does not
  exist is an error, never a silent empty set;
- :func:`table` returns a named mapping, :func:`number` a named threshold;
- :func:`document` is :func:`load` for a file that declares its ``"format"``;
- :func:`derived` caches what a module builds from these files (an index, a compiled lexicon)
  and drops it when :func:`configure` changes the user's folders.

**Extending.** A user points ``PARLEY_KNOWLEDGE`` (folders separated by ``os.pathsep``) or
``knowledge_dirs`` in ``parley.toml`` at folders laid out like ``parley/data/``; a file there
with the same relative name as a shipped one is merged into it: lists are extended (duplicates
dropped, order kept), mappings merged key by key, and other values replaced.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from parley.errors import KnowledgeBaseError

__all__ = [
    "configure",
    "derived",
    "document",
    "extension_dirs",
    "extensions",
    "load",
    "merge",
    "number",
    "phrases",
    "shipped",
    "table",
    "words",
]

T = TypeVar("T")

_configured: tuple[Path, ...] | None = None
_derived: list[Callable[[], None]] = []


def derived(build: Callable[[], T]) -> Callable[[], T]:
    """Cache ``build()`` (made from knowledge files) until :func:`configure` changes them."""
    cached = cache(build)
    _derived.append(cached.cache_clear)
    return cached


def configure(dirs: Sequence[Path | str]) -> None:
    """Use ``dirs`` as the user's extension folders (``knowledge_dirs`` in settings); clears
    every cached file so the next :func:`load` reads them."""
    global _configured
    _configured = tuple(Path(d) for d in dirs)
    for clear in (shipped.cache_clear, extensions.cache_clear, load.cache_clear):
        clear()
    words.cache_clear()
    phrases.cache_clear()
    for clear in _derived:
        clear()


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
def shipped(name: str) -> Mapping[str, Any]:
    """The file ``parley/data/<name>`` as shipped, without the user's extensions.

    Raises:
        KnowledgeBaseError: the file is missing (a broken install) or not a JSON object.
    """
    item = resources.files("parley") / "data" / name
    try:
        return _parse(item.read_text("utf-8"), f"parley/data/{name}")
    except FileNotFoundError as e:
        raise KnowledgeBaseError(f"parley/data/{name} is missing; reinstall Parley") from e


@cache
def extensions(name: str) -> tuple[Mapping[str, Any], ...]:
    """The user's files named ``name``, one per extension folder that has it, in folder order."""
    found = (folder / name for folder in extension_dirs())
    return tuple(_parse(p.read_text("utf-8"), str(p)) for p in found if p.is_file())


@cache
def load(name: str) -> Mapping[str, Any]:
    """The shipped file ``parley/data/<name>`` with the user's extensions merged over it.

    The result is shared by every caller: read it, never change it.

    Raises:
        KnowledgeBaseError: the shipped file is missing (a broken install) or a file is not a
            JSON object.
    """
    data: Mapping[str, Any] = shipped(name)
    for extra in extensions(name):
        data = merge(data, extra)
    return data


def document(name: str, fmt: str) -> Mapping[str, Any]:
    """:func:`load` for a file that must declare ``"format": fmt`` (``parley-plover/1``, …).

    Raises:
        KnowledgeBaseError: as :func:`load`, or the file declares another format.
    """
    data = load(name)
    if data.get("format") != fmt:
        raise KnowledgeBaseError(f'parley/data/{name}: expected an object with "format": "{fmt}"')
    return data


def _value(name: str, key: str) -> Any:
    data = load(name)
    if key not in data:
        raise KnowledgeBaseError(f"parley/data/{name} has no '{key}'")
    return data[key]


@cache
def phrases(name: str, key: str) -> tuple[str, ...]:
    """The list ``key`` of file ``name`` in its order, as written (kept until
    :func:`configure`: extractors ask for a list per token or sentence, and checking every
    entry's type on each call cost more than the test it served).

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


def number(name: str, key: str) -> float:
    """The threshold ``key`` of file ``name`` (one value, in the data, not a default in code).

    Raises:
        KnowledgeBaseError: the key is absent or not a number.
    """
    value = _value(name, key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise KnowledgeBaseError(f"parley/data/{name}: '{key}' must be a number")
    return value


def table(name: str, key: str) -> Mapping[str, Any]:
    """The mapping ``key`` of file ``name``.

    Raises:
        KnowledgeBaseError: the key is absent or not a mapping.
    """
    value = _value(name, key)
    if not isinstance(value, dict):
        raise KnowledgeBaseError(f"parley/data/{name}: '{key}' must be an object")
    return value
