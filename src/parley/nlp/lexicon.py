"""Word lists the actor extractor reads: offices and ranks (``titles.json``), demonyms.

Both are package data (``parley/data/``) read through :mod:`parley.knowledge`, so users extend
them with a file of the same name in a knowledge folder; this module only indexes them.
:func:`load_lexicon` builds the index once (again only when the knowledge folders change).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

import parley.knowledge as knowledge
from parley.errors import KnowledgeBaseError
from parley.kb import load_demonyms

__all__ = ["Office", "Lexicon", "load_lexicon"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Office:
    """An office named by one of ``phrases``; ``keys`` are role-key prefixes to try in order."""

    phrases: tuple[str, ...]
    keys: tuple[str, ...]


@dataclass
class Lexicon:
    """Offices, ranks, non-actor head nouns and demonyms, indexed for lookup."""

    offices: list[Office] = field(default_factory=list)
    ranks: frozenset[str] = frozenset()
    non_actor_heads: frozenset[str] = frozenset()
    demonyms: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.office_by_phrase: dict[str, Office] = {
            p.lower(): o for o in self.offices for p in o.phrases
        }

    def country_of_demonym(self, word: str) -> str | None:
        """ISO3 code of a demonym, singular or plural: "Russian", "Russians", "Americans"."""
        if word in self.demonyms:
            return self.demonyms[word]
        for suffix in ("s", "es"):
            if word.endswith(suffix) and word[: -len(suffix)] in self.demonyms:
                return self.demonyms[word[: -len(suffix)]]
        return None

    @classmethod
    def from_data(
        cls,
        titles: Mapping[str, object],
        demonyms: Mapping[str, str],
    ) -> Lexicon:
        """Build from the parsed ``titles.json`` object and a demonym → ISO3 mapping."""
        offices = [
            Office(tuple(_strings(o, "phrases")), tuple(_strings(o, "keys")))
            for o in _items(titles, "offices")
        ]
        return cls(
            offices=offices,
            ranks=frozenset(w.lower() for w in _strings(titles, "ranks")),
            non_actor_heads=frozenset(w.lower() for w in _strings(titles, "non_actor_heads")),
            demonyms=dict(demonyms),
        )


def _items(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise KnowledgeBaseError(f"titles.json: '{key}' must be a list of objects")
    return value


def _strings(data: Mapping[str, object], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeBaseError(f"titles.json: '{key}' must be a list of strings")
    return value


@knowledge.derived
def load_lexicon() -> Lexicon:
    """The titles and demonyms, shipped and the user's (indexed once).

    Raises:
        KnowledgeBaseError: a data file is missing, not valid JSON or has the wrong shape.
    """
    return Lexicon.from_data(knowledge.load("titles.json"), load_demonyms())
