"""The knowledge base: actors, their aliases and their date-bounded roles, as data.

Data files are JSON: ``{"format": "parley-actors/1", "actors": [Actor, ...]}``; see
``docs/knowledge-base.md``. The package ships ``parley/data/actors/*.json``; users add their own
files (``actor_files`` in ``parley.toml`` or ``PARLEY_ACTORS``) and an entry with an existing
``id`` extends that actor (aliases and roles are merged) instead of replacing it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

import parley.knowledge as knowledge
from parley.errors import KnowledgeBaseError
from parley.models import Actor

__all__ = ["KnowledgeBase", "load_kb", "load_demonyms", "alias_key", "parse_data_file"]

log = logging.getLogger(__name__)

FORMAT = "parley-actors/1"
DEMONYMS_FORMAT = "parley-demonyms/1"


@functools.lru_cache(maxsize=32_768)
def alias_key(text: str) -> str:
    """Normalise a name for lookup: case-, accent-, punctuation- and 'the'-insensitive.

    Remembered (bounded): the extractors ask about the same few names of an article many
    times, and each answer is four passes over the string."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'`]s\b", "", text.lower())
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


class KnowledgeBase:
    """Actors indexed by id, by alias and by role key.

    ``lookup_only`` holds the ids of actors read from files marked ``"entity_ruler": false``
    (large converted lists of past office holders): they are found by name lookup, title and
    date, but get no entity-ruler patterns, so they neither cost start-up time nor turn a
    bare surname in today's news into a person who left office years ago.
    """

    def __init__(self, actors: Iterable[Actor], lookup_only: Iterable[str] = ()) -> None:
        self.actors: dict[str, Actor] = {}
        self._index: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None
        self._by_kind: dict[tuple[str, ...], tuple[Actor, ...]] = {}
        self.lookup_only: frozenset[str] = frozenset(lookup_only)
        for actor in actors:
            self.add(actor)

    def add(self, actor: Actor) -> None:
        """Add an actor, or merge aliases/roles/metonyms into the one with the same id."""
        old = self.actors.get(actor.id)
        if old is None:
            self.actors[actor.id] = actor
        else:
            merged = old.model_copy(
                update={  # not a word list: field names
                    "aliases": _union(old.aliases, actor.aliases),
                    "roles": old.roles + [r for r in actor.roles if r not in old.roles],
                    "metonyms": _union(old.metonyms, actor.metonyms),
                    "country": actor.country or old.country,
                    "capital": actor.capital or old.capital,
                }
            )
            self.actors[actor.id] = merged
        self._index = None  # rebuilt lazily
        self._by_kind = {}

    def _build(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        by_alias: dict[str, list[str]] = defaultdict(list)
        by_role: dict[str, list[str]] = defaultdict(list)
        for a in self.actors.values():
            for name in (a.name, *a.aliases, *a.metonyms):
                key = alias_key(name)
                if key and a.id not in by_alias[key]:
                    by_alias[key].append(a.id)
            for r in a.roles:
                # An actor may hold the same office twice (two terms): index it once.
                if r.key and a.id not in by_role[r.key]:
                    by_role[r.key].append(a.id)
        return by_alias, by_role

    @property
    def index(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        if getattr(self, "_index", None) is None:
            self._index = self._build()
        assert self._index is not None
        return self._index

    def lookup(self, name: str) -> list[Actor]:
        """Actors whose name, alias or metonym matches ``name`` (normalised).

        Matching ignores case, except that a query written all in lower case does not match an
        acronym: "us" and "who" are pronouns, not the USA and the WHO.
        """
        key = alias_key(name)
        found = [self.actors[i] for i in self.index[0].get(key, [])]
        if name.islower():
            found = [a for a in found if not _only_acronyms(a, key)]
        return found

    def holder(self, role_key: str, on: dt.date | None) -> Actor | None:
        """Who held ``role_key`` (e.g. ``president:RUS``) on ``on``; None if unknown/ambiguous."""
        found = []
        for actor_id in self.index[1].get(role_key, []):
            actor = self.actors[actor_id]
            if any(r.key == role_key for r in actor.roles_on(on)):
                found.append(actor)
        return found[0] if len(found) == 1 else None

    def of_kind(self, *kinds: str) -> list[Actor]:
        """The actors of these kinds, in file order. Kept per set of kinds until an actor is
        added: extractors ask for the states once per round or sentence, and the knowledge
        base holds thousands of actors."""
        found = self._by_kind.get(kinds)
        if found is None:
            found = self._by_kind[kinds] = tuple(a for a in self.actors.values() if a.kind in kinds)
        return list(found)

    def __len__(self) -> int:
        return len(self.actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]


def _is_acronym(name: str) -> bool:
    """True for 'US', 'U.S.', 'the WHO', 'OPEC+': every letter a capital."""
    letters = [c for c in re.sub(r"^the\s+", "", name, flags=re.IGNORECASE) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _only_acronyms(actor: Actor, key: str) -> bool:
    """Whether every name of ``actor`` that normalises to ``key`` is an acronym."""
    names = [n for n in (actor.name, *actor.aliases, *actor.metonyms) if alias_key(n) == key]
    return bool(names) and all(_is_acronym(n) for n in names)


def _union(a: Sequence[str], b: Sequence[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def parse_data_file(text: str, origin: str, fmt: str) -> dict[str, Any]:
    """The JSON object in ``text`` (read from ``origin``), which must declare ``"format": fmt``.

    Raises:
        KnowledgeBaseError: ``text`` is not JSON, or not an object of that format.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise KnowledgeBaseError(f"{origin}: not valid JSON ({e})") from e
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise KnowledgeBaseError(f'{origin}: expected an object with "format": "{fmt}"')
    return data


def _read_file(text: str, origin: str) -> list[Actor]:
    return _actors(parse_data_file(text, origin, FORMAT), origin)


def _actors(data: Mapping[str, Any], origin: str) -> list[Actor]:
    if data.get("format") != FORMAT:
        raise KnowledgeBaseError(f'{origin}: expected an object with "format": "{FORMAT}"')
    try:
        return [Actor.model_validate(item) for item in data.get("actors", [])]
    except ValidationError as e:
        raise KnowledgeBaseError(f"{origin}: invalid actor entry: {e}") from e


def load_kb(extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """Load the shipped actor files, then each of ``extra_files`` in order.

    Raises:
        KnowledgeBaseError: a file is missing, not JSON, or has an invalid entry.
    """
    actors: list[Actor] = []
    lookup_only: list[str] = []
    folder = resources.files("parley") / "data" / "actors"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".json"):
            name = f"actors/{item.name}"
            data = knowledge.shipped(name)
            found = _actors(data, f"parley/data/{name}")
            actors.extend(found)
            if data.get("entity_ruler") is False:
                lookup_only.extend(a.id for a in found)
    ruled = {a.id for a in actors} - set(lookup_only)
    for path in extra_files:
        try:
            extra = _read_file(Path(path).read_text("utf-8"), str(path))
        except OSError as e:
            raise KnowledgeBaseError(f"Cannot read actor file {path}: {e}") from e
        actors.extend(extra)
        ruled.update(a.id for a in extra)  # a user's entry gets patterns
    return KnowledgeBase(actors, [i for i in lookup_only if i not in ruled])


def load_demonyms() -> dict[str, str]:
    """Map each national adjective to its state id: ``{"Russian": "RUS", "US": "USA", ...}``.

    Adjectives are kept apart from actor aliases on purpose: "Russian" in "the Russian
    president" qualifies a title; it does not name the state. Look up with the text as written
    or normalise both sides with :func:`alias_key`.

    Raises:
        KnowledgeBaseError: the shipped file is malformed.
    """
    return dict(_demonyms())


@knowledge.derived
def _demonyms() -> dict[str, str]:
    knowledge.document("demonyms.json", DEMONYMS_FORMAT)
    return {str(k): str(v) for k, v in knowledge.table("demonyms.json", "demonyms").items()}
