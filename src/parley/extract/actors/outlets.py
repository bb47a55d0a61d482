"""Outlet recognition: the medium that published an article is one of its actors.

The article's ``outlet`` metadata ("Outlet: Eurasianet" in a header) names the publisher even
when the body never does; it joins the article's actors without mentions when the knowledge
base knows exactly one media outlet by that name.

Some outlets go by a short name that several share: "the Times" is the New York paper in an
article from New York and the London one in an article from London. The candidates and their
places are data (``outlet_short_names`` in ``parley/data/lexicon/actors.json``); without a
place that picks one, the mention stays an unlinked outlet.
"""

from __future__ import annotations

from collections.abc import Iterable

from parley.kb import KnowledgeBase, alias_key
from parley.knowledge import table
from parley.models import Actor, ActorInText

__all__ = ["outlet_actor", "record_without_mentions", "shared_short_name", "outlet_by_place"]

_LEX = "lexicon/actors.json"


def outlet_actor(kb: KnowledgeBase, outlet: str | None) -> Actor | None:
    """The knowledge-base media outlet the article's ``outlet`` metadata names, if unique."""
    if not outlet:
        return None
    found = [a for a in kb.lookup(outlet) if a.kind == "media outlet"]
    return found[0] if len(found) == 1 else None


def record_without_mentions(actor: Actor) -> ActorInText:
    """An actor record for an actor the article's body does not name."""
    return ActorInText(id=actor.id, name=actor.name, kind=actor.kind, country=actor.country)


def shared_short_name(text: str) -> bool:
    """Whether ``text`` is a short name several outlets share ("Times")."""
    return alias_key(text) in table(_LEX, "outlet_short_names")


def outlet_by_place(kb: KnowledgeBase, text: str, hints: Iterable[str | None]) -> str | None:
    """The outlet the short name ``text`` means given the article's dateline and publisher
    (``hints``): the one whose place or own name a hint gives, if exactly one."""
    places: dict[str, str] = table(_LEX, "outlet_short_names").get(alias_key(text), {})
    found = set()
    for hint in (alias_key(h) for h in hints if h):
        for place, outlet_id in places.items():
            if outlet_id not in kb:
                continue  # a user's knowledge base without that outlet
            named = outlet_id in {a.id for a in kb.lookup(hint)}
            if named or f" {place} " in f" {hint} ":
                found.add(outlet_id)
    return found.pop() if len(found) == 1 else None
