"""Cascade steps 4, 5 and 7: office titles, "his counterpart" and roles stated next to names.

Step 4 links a title mention ("the Russian president") to the office holder on the article's
date; step 7 records a role stated next to a name ("Ukrainian Foreign Minister Andriy Sibiga",
"X, head of Y") on that mention and actor; step 5 resolves "his counterpart" to the holder of
the antecedent's office in the other state of the article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.extract.actors.records import Found
from parley.extract.actors.state import Ledger, Reading
from parley.kb import KnowledgeBase
from parley.models import Actor
from parley.nlp.counterparts import (
    counterpart_holder,
    counterpart_phrases,
    own_office,
    subject_candidates,
)
from parley.nlp.names import name_similarity
from parley.nlp.roles import StatedRole
from parley.nlp.titles import TitleHit

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Titles", "Counterparts"]

# A name resolved only by title-holder agreement must still look like the holder's name.
_TITLE_NAME_AGREEMENT = 0.7


@dataclass
class Titles:
    """Steps 4 and 7 over one article's title hits."""

    r: Reading
    ledger: Ledger

    def resolve(self) -> None:
        """Roles stated next to persons first; the title hits left over are mentions."""
        attached: set[int] = set()
        for f in [f for f in self.ledger.found if f.label == "PERSON"]:
            hit = self.role_of(f)
            if hit is not None:
                attached.add(id(hit))
        for hit in self.r.hits:
            if id(hit) in attached or hit.holder is None:
                continue
            role = hit.role_text()
            self.ledger.add(hit.start, hit.end, "TITLE", hit.holder.id, "title", 0.85, role=role)
            self.ledger.title_by[hit.start] = hit

    def role_of(self, person: Found) -> TitleHit | None:
        """Record the role stated next to ``person``; return the title hit it used, if any."""
        stated = self.r.roles.role_of(person.start, person.end)
        if stated is None:
            self._country_from_clause(person)
            return None
        if stated.hit is not None:
            self._agree_with_title(person, stated.hit)
        elif self._contradicted(person, stated):
            self._unlink(person)  # "Andrei Sibiga, a UN officer" is not Ukraine's minister
        if person.actor and person.actor.startswith("new:"):
            self._infer_country(person.actor, stated)
        if stated.text and person.actor:
            person.role = stated.text
            roles = self.ledger.stated_roles.setdefault(person.actor, [])
            if stated.text.lower() not in {r.lower() for r in roles}:
                roles.append(stated.text)
        return stated.hit

    def _contradicted(self, person: Found, stated: StatedRole) -> bool:
        """Whether a role stated beside a known person names only states or organisations
        that person, whose offices the knowledge base lists, has nothing to do with (no role
        of theirs, not their country): the kind of actor does not agree."""
        actor = self.r.kb.actors.get(person.actor or "")
        if actor is None or actor.kind != "person" or not actor.roles:
            return False  # a person whose offices the knowledge base does not list
        named = {
            f.actor
            for f in self.ledger.found
            if f.actor and stated.start <= f.start and f.end <= stated.end
            and self.ledger.kind(f.actor) in ("igo", "state")
        }  # fmt: skip
        return bool(named) and not named & _connections(self.r.kb, actor)

    def _unlink(self, person: Found) -> None:
        """Every mention of the known person in this article becomes a new person."""
        old = person.actor
        text = self.r.doc[person.start : person.end].text
        new = self.ledger.new_actor(text, "person")
        for f in self.ledger.found:
            if f.actor == old and f.label == "PERSON":
                f.actor, f.how, f.confidence = new, "new", 0.6

    def _country_from_clause(self, person: Found) -> None:
        """A new person with no stated role is from the country their relative clause names
        ("X, who teaches at the University of Belgrade, said")."""
        actor = self.ledger.new_actors.get(person.actor or "")
        if actor is None or actor.country:
            return
        root = self.r.doc[person.start : person.end].root
        for child in root.children:
            if child.dep_ == "relcl" and child.i >= person.end:
                code = self.r.roles.country_in(child.left_edge.i, child.right_edge.i + 1)
                self.ledger.set_country(actor.id, code)
                return

    def _infer_country(self, actor_id: str, stated: StatedRole) -> None:
        """A person the KB lacks is from the country their stated role names."""
        if actor_id in self.ledger.new_actors:
            code = self.r.roles.country_of_role(stated, self.r.dateline)
            self.ledger.set_country(actor_id, code)

    def _agree_with_title(self, person: Found, hit: TitleHit) -> None:
        """A name the cascade missed is the title holder when the two names look alike."""
        if person.actor is not None and not person.actor.startswith("new:"):
            return
        if hit.holder is None:
            return
        text = self.r.doc[person.start : person.end].text
        if name_similarity(text, hit.holder.name) >= _TITLE_NAME_AGREEMENT:
            if person.actor:
                self.ledger.new_actors.pop(person.actor, None)
            person.actor, person.how, person.confidence = hit.holder.id, "title", 0.8


@dataclass
class Counterparts:
    """Step 5: "his counterpart" → the same office in the other state of the article."""

    r: Reading
    ledger: Ledger

    def resolve(self) -> None:
        found = self.ledger.found
        states = Counter(f.actor for f in found if f.actor and self.ledger.kind(f.actor) == "state")
        for token in counterpart_phrases(self.r.doc):
            antecedent = self._antecedent(token)
            key = self._office_key(antecedent) if antecedent else None
            if antecedent is None or antecedent.actor is None or key is None:
                continue

            def last_seen(actor_id: str, at: int = token.i) -> int:
                ends = [f.end for f in found if f.actor == actor_id and f.end <= at]
                return max(ends) if ends else -1

            holder = counterpart_holder(
                self.r.kb, key, antecedent.actor, states, last_seen, self.r.on
            )
            if holder is not None:
                self.ledger.add(token.left_edge.i, token.i + 1, "TITLE", holder.id, "coref", 0.6)

    def _antecedent(self, token: Token) -> Found | None:
        for i in subject_candidates(token):
            found = self._person_at(i)
            if found is not None:
                return found
        return None

    def _person_at(self, i: int) -> Found | None:
        for f in self.ledger.found:
            if f.start <= i < f.end and f.actor and self.ledger.kind(f.actor) == "person":
                return f
        return None

    def _office_key(self, found: Found) -> str | None:
        hit = self.ledger.title_by.get(found.start)
        if hit is not None and hit.key:
            return hit.key
        return own_office(self.r.kb, found.actor or "", self.r.on)


def _connections(kb: KnowledgeBase, actor: Actor) -> set[str]:
    """Ids of the states and organisations ``actor`` belongs to: the country and the holders
    named in role keys ("secretary_general:UN" → the UN)."""
    out = {actor.country} if actor.country else set()
    for role in actor.roles:
        suffix = (role.key or "").rsplit(":", 1)[-1]
        if suffix:
            out.add(suffix)
            out.update(a.id for a in kb.lookup(suffix))
    return out
