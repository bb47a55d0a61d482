"""Outlet recognition: the medium that published an article is one of its actors.

The article's ``outlet`` metadata ("Outlet: Eurasianet" in a header) names the publisher even
when the body never does; it joins the article's actors without mentions when the knowledge
base knows exactly one media outlet by that name.
"""

from __future__ import annotations

from parley.kb import KnowledgeBase
from parley.models import Actor, ActorInText

__all__ = ["outlet_actor", "record_without_mentions"]


def outlet_actor(kb: KnowledgeBase, outlet: str | None) -> Actor | None:
    """The knowledge-base media outlet the article's ``outlet`` metadata names, if unique."""
    if not outlet:
        return None
    found = [a for a in kb.lookup(outlet) if a.kind == "media outlet"]
    return found[0] if len(found) == 1 else None


def record_without_mentions(actor: Actor) -> ActorInText:
    """An actor record for an actor the article's body does not name."""
    return ActorInText(id=actor.id, name=actor.name, kind=actor.kind, country=actor.country)
