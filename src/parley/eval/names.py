"""Deciding whether a name in a gold file and an actor in an analysis are the same actor.

A gold file names actors ("Donald Trump", "the delegations"); an analysis refers to them by id
("person:donald-trump") or by the words of the text ("the US president"). Both sides are turned
into *keys*: ``name:<alias_key>`` for every name they are known by and ``kb:<id>`` for every
knowledge-base actor they resolve to. Two sides are the same actor when their keys meet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parley.eval.gold import GoldActor
from parley.eval.text import texts_overlap
from parley.kb import KnowledgeBase, alias_key
from parley.models import ActorInText

__all__ = ["NameResolver"]


def _contains(text: str, name: str) -> bool:
    key, hay = alias_key(name), alias_key(text)
    return bool(key) and f" {key} " in f" {hay} "


class NameResolver:
    """Keys for gold names and found actor ids within one document."""

    def __init__(
        self,
        gold_actors: Sequence[GoldActor] = (),
        found_actors: Sequence[ActorInText] = (),
        kb: KnowledgeBase | None = None,
    ) -> None:
        self.kb = kb
        self.found = {a.id: a for a in found_actors}
        self._gold_by_key: dict[str, GoldActor] = {}
        for actor in gold_actors:
            for name in (actor.name, *actor.aliases):
                self._gold_by_key.setdefault(alias_key(name), actor)

    def gold_keys(self, name: str) -> frozenset[str]:
        """Keys of a name used in the gold file, widened by the gold actor list and the KB."""
        actor = self._gold_by_key.get(alias_key(name))
        names = [name] if actor is None else [name, actor.name, *actor.aliases]
        keys = {f"name:{alias_key(n)}" for n in names}
        keys.update(self._kb_keys(names, canonical=actor.name if actor else name))
        return frozenset(k for k in keys if k != "name:")

    def _kb_keys(self, names: Sequence[str], canonical: str) -> set[str]:
        if self.kb is None:
            return set()
        keys = {f"kb:{a.id}" for a in self.kb.lookup(canonical)}
        for n in names:
            hits = self.kb.lookup(n)
            if len(hits) == 1:  # an ambiguous alias ("Trump") must not merge two actors
                keys.add(f"kb:{hits[0].id}")
        return keys

    def resolved(self, name: str) -> bool:
        """Whether a gold name is a known actor (gold actor list or KB), not a bare description."""
        if alias_key(name) in self._gold_by_key:
            return True
        return self.kb is not None and bool(self.kb.lookup(name))

    def found_keys(self, actor_id: str | None, text: str | None = None) -> frozenset[str]:
        """Keys of a found actor reference: its id, its names, and the words used in the text."""
        keys: set[str] = set()
        if actor_id:
            keys.add(f"kb:{actor_id}")
            in_text = self.found.get(actor_id)
            if in_text is not None:
                keys.add(f"name:{alias_key(in_text.name)}")
            if self.kb is not None and actor_id in self.kb:
                keys.add(f"name:{alias_key(self.kb[actor_id].name)}")
            if in_text is None and (self.kb is None or actor_id not in self.kb):
                keys.add(f"name:{alias_key(actor_id)}")  # a bare name used as an id
        if text:
            keys.add(f"name:{alias_key(text)}")
            hits = self.kb.lookup(text) if self.kb is not None else []
            if len(hits) == 1:  # the words name one known actor even if the system left them
                keys.add(f"kb:{hits[0].id}")
        return frozenset(k for k in keys if k != "name:")

    def gold_country(self, name: str) -> str | None:
        """The country (ISO3) of an actor named in the gold: the gold actor list's, else the
        knowledge base's for the one actor the name resolves to; None for none."""
        actor = self._gold_by_key.get(alias_key(name))
        if actor is not None and actor.country:
            return actor.country
        if self.kb is None:
            return None
        ids = [k.removeprefix("kb:") for k in self.gold_keys(name) if k.startswith("kb:")]
        countries = {self.kb[i].country for i in ids if i in self.kb and self.kb[i].country}
        return countries.pop() if len(countries) == 1 else None

    def found_country(self, actor_id: str) -> str | None:
        """The country (ISO3) of a found actor id, from the analysis or the knowledge base."""
        in_text = self.found.get(actor_id)
        if in_text is not None and in_text.country:
            return in_text.country
        if self.kb is not None and actor_id in self.kb:
            return self.kb[actor_id].country
        return None

    def display(self, actor_id: str) -> str:
        """A readable name for a found actor id."""
        if actor_id in self.found:
            return self.found[actor_id].name
        if self.kb is not None and actor_id in self.kb:
            return self.kb[actor_id].name
        return actor_id

    def same(self, gold_name: str, actor_id: str | None, text: str | None = None) -> bool:
        """Whether a gold name and a found reference (id and/or text) are the same actor.

        A gold name that resolves to no known actor ("the delegations", "a Western source")
        is compared with the found text by overlap instead.
        """
        if self.gold_keys(gold_name) & self.found_keys(actor_id, text):
            return True
        if text is None:
            return False
        if not self.resolved(gold_name):
            return texts_overlap(gold_name, text)
        # Words the system left unresolved may still hold a name the gold knows ("a statement
        # from the Foreign Ministry"); a resolved actor id is trusted over its words.
        return actor_id is None and any(_contains(text, n) for n in self._names_of(gold_name))

    def _names_of(self, gold_name: str) -> list[str]:
        actor = self._gold_by_key.get(alias_key(gold_name))
        return [gold_name] if actor is None else [gold_name, actor.name, *actor.aliases]

    def any_same(self, gold_names: Iterable[str], actor_id: str | None, text: str | None) -> bool:
        """Whether any of ``gold_names`` is the same actor as the found reference."""
        return any(self.same(n, actor_id, text) for n in gold_names)

    def covers(self, gold_names: Iterable[str], found_ids: Iterable[str]) -> bool:
        """Whether every gold name is among the found actor ids (the found set may be larger)."""
        ids = list(found_ids)
        return all(any(self.same(n, i) for i in ids) for n in gold_names)
