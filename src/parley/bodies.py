"""A state's bodies act for the state: "South Korea's National Security Council decided to
suspend the agreement" is South Korea's decision, and "the Chinese army" sits at the table for
China.

Parties (``parley.extract.negotiation.parties``) and stories (``parley.resolve.stories``)
both read an actor through :func:`body_state`, so that a track and a story see one side
however an outlet names it. A body is an armed force with a state, or an organisation with a
state whose name ends in a word of ``state_body_heads`` (a ministry, a security council, a
cabinet, an army) or of ``legislature_heads`` (a parliament, the Knesset); charities and
companies with a country are no bodies of it.
"""

from __future__ import annotations

from parley import knowledge

__all__ = ["body_state"]

_LEXICON = "lexicon/negotiation.json"


def body_state(kind: str | None, name: str, country: str | None) -> str | None:
    """The state an actor of ``kind`` named ``name`` acts for as one of its bodies, else None."""
    if country is None:
        return None
    if kind == "armed force":
        return country
    if kind != "organisation":
        return None
    words = name.lower().replace("defense", "defence").split()
    heads = [
        *knowledge.phrases(_LEXICON, "state_body_heads"),
        *knowledge.phrases(_LEXICON, "legislature_heads"),
    ]
    return country if any(words[-len(h.split()) :] == h.split() for h in heads) else None
