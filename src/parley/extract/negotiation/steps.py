"""Where a step of an agreement took place, and whose ground it was.

"Signed the deal at a ceremony in Havana", "was brought into force by an exchange of notes
in Dili": a place after "in" or "at" in the step's own clause (the cue word's phrase, else
the clause of the verb that governs it) is the step's venue. Clauses hanging off it ("…, said
the minister in Geneva", "which was organised in …") are other acts and lend no place. The
host is the state the venue names, or whose capital it is ("Havana" → Cuba); a city of no
capital ("New York") gives a venue and no host, since the text does not say whose ground it
was. A state hosting a step is not thereby a party: parties come from the sides, not from
here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from parley import knowledge
from parley.extract.base import Context
from parley.knowledge.places import city_country

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["a_place", "host_of", "place_in_phrase", "step_place"]

_LEX = "lexicon/negotiation.json"
# Dependencies that start another clause: its places are where something else happened.
_OTHER_CLAUSES = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "parataxis", "conj", "xcomp", "csubj"}
)
_NOMINAL = frozenset({"dobj", "obj", "pobj", "nsubj", "nsubjpass", "attr"})


def a_place(ctx: Context, ent: SpacySpan) -> bool:
    """A place entity, or a town the model tagged an organisation or facility ("negotiations
    in Tarna", a lake resort): the gazetteer knows it as a city and the KB knows no actor of
    another kind by that name."""
    if ent.label_ == "GPE":
        return True
    if ent.label_.lower() not in knowledge.words(_LEX, "venue_entity_labels"):
        return False
    if city_country(ent.text) is None:
        return False
    return all(a.kind in ("state", "place") for a in ctx.kb.lookup(ent.text))


def _clause_tokens(root: Token) -> list[Token]:
    """``root`` and the words of its own clause, in text order."""
    out = [root]
    stack = list(root.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in _OTHER_CLAUSES:
            continue
        out.append(tok)
        stack.extend(tok.children)
    return sorted(out, key=lambda t: t.i)


def _governing_verb(tok: Token) -> Token | None:
    for head in tok.ancestors:
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def _place_in(
    ctx: Context,
    words: list[Token],
    skip: Sequence[tuple[int, int]],
    areas: Sequence[tuple[int, int]],
) -> str | None:
    """The first place entity after "in"/"at" among ``words`` (not inside an agreement's
    name: "the Treaty … in the Timor Sea"; not the area a truce covers: "a truce in El
    Fasher", the "in" hanging on a word of ``areas``)."""
    for tok in words:
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at") or not tok.ent_type_:
            continue
        prep = tok.head
        before = prep.doc[prep.i - 1] if prep.i > 0 else prep
        if any(a <= prep.head.idx < b or a <= before.idx < b for a, b in areas):
            continue  # "a truce in El Fasher", however the parser hangs the "in"
        ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
        if ent is None or any(a <= ent.start_char < b for a, b in skip):
            continue
        if a_place(ctx, ent):
            return ent.text
    return None


def place_in_phrase(ctx: Context, tok: Token) -> str | None:
    """The place after "in"/"at" in the phrase of ``tok`` itself, clauses hanging off it
    left out ("the second round of negotiations … at the UN's European headquarters, in
    Geneva")."""
    return _place_in(ctx, _clause_tokens(tok), [], [])


def host_of(ctx: Context, venue: str | None) -> str | None:
    """The state a venue names or whose capital it is ("Cuba", "Havana" → CUB); None for a
    city of no capital, or when the name fits several states."""
    if not venue:
        return None
    states = {
        a.id
        for a in ctx.kb.lookup(venue)
        if a.kind == "state" and (a.capital == venue or a.name == venue or venue in a.aliases)
    }
    return states.pop() if len(states) == 1 else None


def step_place(
    ctx: Context,
    tok: Token,
    skip: list[tuple[int, int]],
    areas: Sequence[tuple[int, int]] = (),
) -> tuple[str | None, str | None]:
    """(venue, host) of the step whose cue word is ``tok``: a place in the cue's own phrase,
    else in the clause of the verb governing it; ``skip`` are the character spans of the
    agreements' names, ``areas`` those of truce words (their "in" names the area)."""
    venue = _place_in(ctx, _clause_tokens(tok), skip, areas)
    # "formalised the coming into force … in Lima": a cue used as a noun takes its verb's place.
    nominal = tok.pos_ != "VERB" or tok.dep_ in _NOMINAL
    verb = _governing_verb(tok) if nominal else None
    if venue is None and verb is not None:
        venue = _place_in(ctx, _clause_tokens(verb), skip, areas)
    return venue, host_of(ctx, venue)
