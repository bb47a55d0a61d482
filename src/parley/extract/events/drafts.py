"""Events while they are built (:class:`Draft`) and the rules that combine drafts.

The events extractor builds one draft per trigger, then keeps, completes or merges drafts in
text order with these helpers, and turns the kept ones into :class:`parley.models.Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.models import EventStatus, Place, TimeExpression
from parley.nlp.docs import doc_sents

if TYPE_CHECKING:
    from spacy.tokens import Token

    from parley.extract.events.plover import TriggerRule

__all__ = ["Draft", "rejection_target", "last_sides", "complete", "same_happening", "confidence"]


@dataclass
class Draft:
    """An event while it is being built; becomes a models.Event at the end."""

    token: Token
    rule: TriggerRule
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    mediator: list[str] = field(default_factory=list)
    status: EventStatus = "occurred"
    date: TimeExpression | None = None
    place: Place | None = None
    mode: str | None = None
    anaphoric: bool = False
    historical_mod: bool = False
    new_instance: bool = False
    from_group: bool = False
    unknown_source: bool = False  # victims of an attack whose author the text does not name
    agentless: bool = False  # "five activists were detained": a passive act with no agent
    about: Draft | None = None  # "the swap was agreed": the event this one is about
    void: bool = False  # no event of its own ("mediators suspended the talks")
    date_said: bool = False  # dated by the statement reporting it ("said on Saturday that ...")
    alleged_by: list[str] = field(default_factory=list)  # "X blamed Y for an attack": X says so

    @property
    def actors(self) -> set[str]:
        return set(self.source) | set(self.target)


def rejection_target(draft: Draft, earlier: list[Draft], window: int = 3) -> list[str]:
    """Whom a rejection without a named target answers: another party's recent request."""
    sentences = doc_sents(draft.token.doc)
    here = next(i for i, s in enumerate(sentences) if s.start <= draft.token.i < s.end)
    recent_start = sentences[max(0, here - window)].start
    for other in reversed(earlier):
        if other.token.i < recent_start:
            break
        if (
            other.rule.type == "REQUEST"
            and other.source
            and not set(other.source) & set(draft.source)
        ):
            return list(other.source)
    return []


def last_sides(kept: list[Draft]) -> list[str]:
    """The two sides of the last two-party reciprocal event (talks, an exchange), if any."""
    for draft in reversed(kept):
        if (
            draft.rule.reciprocal
            and len(draft.source) == 2
            and set(draft.source) == set(draft.target)
        ):
            return list(draft.source)
    return []


def complete(kept: Draft, later: Draft) -> None:
    """Fill what ``kept`` lacks (date, place, mediators) from a later report of it."""
    kept.date = kept.date or later.date
    kept.place = kept.place or later.place
    kept.mediator = kept.mediator or later.mediator


def same_happening(a: Draft, b: Draft) -> bool:
    """The same happening told twice (a headline and the lead): same type, status and sides.
    A kidnapping, a shooting and the taking of a town by the same side are different acts: a
    mode sets them apart (round 5: "took hostages" had swallowed "gunned down", and "began
    bombarding" the retaking of a building). So are an expulsion and a recall by the same
    state ("expelled two diplomats and recalled its ambassador", events27): two sanctions of
    named, different kinds."""

    def key(d: Draft) -> tuple[str, str, frozenset[str], frozenset[str]]:
        return d.rule.type, d.status, frozenset(d.source), frozenset(d.target)

    if a.mode != b.mode and a.rule.type == "ASSAULT":
        return False
    if a.rule.type == "SANCTION" and a.mode and b.mode and a.mode != b.mode:
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "also" for c in b.token.children):
        return False  # "is also calling on the authorities to end the arrests": another act
    if not (a.target or b.target) and _other_things(a.token, b.token):
        return False  # "asked for a ceasefire" then "asked for observers": two requests
    return key(a) == key(b) and (a.date is None or b.date is None or a.date.value == b.date.value)


def _other_things(a: Token, b: Token) -> bool:
    """Whether two verbs each name what they act on and the two share no noun ("requested a
    ceasefire" and "requested observers"; events20): with no target to tell them apart, what
    they act on does. Nouns are compared by lemma; a verb naming nothing cannot differ."""
    mine, theirs = _acted_on(a), _acted_on(b)
    return a.pos_ == b.pos_ == "VERB" and bool(mine) and bool(theirs) and not mine & theirs


def _acted_on(verb: Token) -> set[str]:
    """Lemmas of the nouns a verb acts on: its object, its prepositions' objects, and the
    objects of its complement clause ("asked for a ceasefire", "called on them to free X")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    nouns = [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns += [
        p
        for h in heads
        for c in h.children
        if c.dep_ == "prep"
        for p in c.children
        if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME", "GPE")
    ]
    return {n.lemma_.lower() for n in nouns if n.pos_ == "NOUN"}


def confidence(draft: Draft) -> float:
    """How sure the event is: named sides and a verb trigger raise it, a group anaphor lowers it."""
    score = 0.45
    score += 0.2 if draft.source else 0.0
    score += 0.1 if draft.target else 0.0
    score += 0.1 if draft.token.pos_ == "VERB" else 0.0
    score -= 0.15 if draft.from_group else 0.0
    return round(max(0.1, min(score, 0.95)), 2)
