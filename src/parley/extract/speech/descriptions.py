"""Descriptions that stand for a named person: "the person", "the minister", "the Swiss mediator".

Wire copy names a speaker once and then refers to them by role; an analyst follows the role
back (or, in a lede, forward) to the name. Each rule here is narrow on purpose, since a wrong
name is worse than the words kept as they are:

- "the person" takes up an indefinite "a person close to the talks" (same head word, or two
  words for an unnamed official source);
- "the minister" / "the German foreign minister" goes to a person named before with that word
  in their phrase, whose state agrees with any demonym (the one whose state the sentence
  names, when several fit);
- "Switzerland's envoy for X, Marianne Keller," names the role by the name between commas;
- a lede's "the Swiss mediator" is the Swiss person named within the next four sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.speech.cues import LEXICON, Cues
from parley.extract.speech.resolver import FAR, NEAR, Who
from parley.extract.speech.syntax import (
    LOOK_BACK,
    indefinite,
    phrase_bounds,
    sentence_end_after,
    sentences_back,
)
from parley.knowledge import words
from parley.nlp.lexicon import load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from parley.extract.speech.institutions import Institutions
    from parley.extract.speech.resolver import Resolver
    from parley.models import Mention

__all__ = ["Descriptions", "has_role", "person_role"]


class Descriptions:
    """Named people behind role descriptions, for one document."""

    def __init__(self, res: Resolver, cues: Cues, institutions: Institutions) -> None:
        self.res = res
        self.cues = cues
        self.doc = res.ctx.doc
        self.inst = institutions

    def _person_role(self, head: Token) -> bool:
        """Whether ``head`` names a person by role ("envoy"), not an institution ("government")."""
        return person_role(head, self.cues)

    def comma_named(self, head: Token, found: Who) -> Who | None:
        """The person a role phrase names between commas when the parser hung the name on a
        modifier ("Switzerland's envoy for the South Caucasus, Marianne Keller, who …")."""
        if head.pos_ != "NOUN" or not self._person_role(head):
            return None
        lo, hi = phrase_bounds(head)
        for tok in self.doc[lo:hi]:
            edge = tok.left_edge.i
            if tok.dep_ != "appos" or edge <= head.i or self.doc[edge - 1].text != ",":
                continue
            actor, conf = self.res.actor_of_token(tok.i)
            if actor is not None and self.res.kind(actor) == "person":
                return Who(actor, found.text, found.start, found.end, min(conf, found.confidence),
                           "person", head.i)  # fmt: skip
        return None

    def named_later(self, head: Token, found: Who) -> Who | None:
        """The person a lede's "the Swiss mediator said" names further on.

        Wire copy often credits a lead sentence to a role and names its holder a few sentences
        later ("…, the Swiss mediator said. … said Marianne Keller, Switzerland's special
        envoy"). A definite role noun with a demonym and no person before it goes to the first
        person named after it, within the next four sentences, whose phrase names that state.
        """
        if head.tag_ != "NN" or not self._person_role(head):
            return None
        if [c.lower_ for c in head.children if c.dep_ == "det"] != ["the"]:
            return None
        state = self.inst.demonym_state(head)
        if state is None:
            return None
        limit = sentence_end_after(head, 4)
        for m in sorted(self.res.ctx.analysis.mentions, key=lambda m: m.start):
            if not head.idx < m.start < limit or self.res.kind(m.actor) != "person":
                continue
            if self._names_state(m, state):
                return Who(m.actor, found.text, found.start, found.end, FAR, "person", head.i)
        return None

    def _names_state(self, m: Mention, state: str) -> bool:
        """Whether the phrase of the person mention ``m`` (or the person) belongs to ``state``."""
        if self.inst.state_of(self.inst.country_of(m.actor) or "") == state:
            return True
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        lo, hi = phrase_bounds(span.root)
        return any(self.res.actor_of_token(t.i)[0] == state for t in self.doc[lo:hi])

    def definite(self, subj: Token) -> Who | None:
        """The fuller description a definite one refers back to ("a person …" for "the person").

        Only a singular common noun with "the" and no actor of its own is followed back, and
        only to an indefinite phrase ("a"/"an"/"one") with the same head word, so that "the
        official" does not become "two officials".
        """
        if subj.tag_ != "NN" or self.res.actor_of_token(subj.i)[0] is not None:
            return None
        dets = [c.lower_ for c in subj.children if c.dep_ == "det"]
        if dets != ["the"] or any(c.dep_ in ("amod", "compound", "prep") for c in subj.children):
            return None
        for n, sent in enumerate(sentences_back(subj, LOOK_BACK)):
            for tok in reversed([t for t in sent if t.i < subj.i]):
                if self._same_kind_of_person(tok, subj) and tok.tag_ == "NN" and indefinite(tok):
                    found = self.res.who(tok)
                    conf = NEAR if n <= 1 else FAR
                    return Who(found.actor, found.text, found.start, found.end, conf, found.kind,
                               found.head)  # fmt: skip
        return None

    def _same_kind_of_person(self, earlier: Token, later: Token) -> bool:
        """Whether "the official" can take up "a military spokesman": the same head word, or
        two words for an unnamed official source."""
        if earlier.lemma_ == later.lemma_:
            return True
        sources = self.cues.anonymous_heads | self.cues.spokesperson_heads
        return earlier.lemma_.lower() in sources and later.lemma_.lower() in sources

    def titled(self, subj: Token) -> Who | None:
        """The person a bare title refers back to ("the minister" → Foreign Minister Vieira).

        Candidates are people named before with that word in their phrase, latest first; when
        several fit, the one whose state the sentence names wins ("Asked whether Brazil …,
        the minister" is Brazil's minister).
        """
        if subj.tag_ != "NN" or self.res.actor_of_token(subj.i)[0] is not None:
            return None
        dets = [c.lower_ for c in subj.children if c.dep_ == "det"]
        if dets != ["the"] or any(c.dep_ in ("prep", "poss") for c in subj.children):
            return None
        people = [w for w in self._people_titled(subj) if self._fits_modifiers(subj, w)]
        if not people:
            return None
        states = self.inst.states_near(subj)
        kb = self.res.ctx.kb
        best = next(
            (w for w in people if w.actor in kb.actors and kb.actors[w.actor].country in states),
            people[0],
        )
        return Who(best.actor, best.text, best.start, best.end, NEAR, "person", best.head)

    def _fits_modifiers(self, subj: Token, person: Who) -> bool:
        """Whether "the German foreign minister" can be ``person``: each word before the
        title is in the person's phrase ("Foreign Minister X"), or is a demonym of the
        person's state ("the German …" for a German)."""
        words = {w.lower() for w in person.text.replace("'s", " ").split()}
        for mod in (c for c in subj.children if c.dep_ in ("amod", "compound")):
            if mod.lower_ in words:
                continue
            state = self.inst.demonym_state_of(mod)
            if (
                state is None
                or self.inst.state_of(self.inst.country_of(person.actor) or "") != state
            ):
                return False
        return True

    def _people_titled(self, subj: Token) -> list[Who]:
        """People named before ``subj`` whose phrase holds ``subj``'s word, latest first."""
        found: list[Who] = []
        seen: set[str] = set()
        mentions = sorted(self.res.ctx.analysis.mentions, key=lambda m: -m.start)
        for m in mentions:
            if m.start >= subj.idx or m.actor is None or m.actor in seen:
                continue
            if self.res.kind(m.actor) != "person":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            lo, hi = phrase_bounds(span.root)
            if subj.lower_ in {t.lower_ for t in self.doc[lo:hi]}:
                seen.add(m.actor)
                phrase = self.doc[lo:hi]
                found.append(Who(m.actor, phrase.text, phrase.start_char, phrase.end_char, NEAR,
                                 "person", span.root.i))  # fmt: skip
        return found


@knowledge.derived
def _role_nouns() -> frozenset[str]:
    """Nouns that name a person by office or role ("minister", "envoy", "mediator")."""
    return frozenset(p.split()[-1] for p in load_lexicon().office_by_phrase) | words(
        LEXICON, "role_nouns"
    )


def person_role(head: Token, cues: Cues) -> bool:
    """Whether ``head`` names a person by role ("envoy"), not an institution ("government")."""
    lemma = head.lemma_.lower()
    return lemma in _role_nouns() and lemma not in cues.institution_heads


def has_role(name: Token) -> bool:
    """Whether a name has a person's role beside it ("X, the deputy defence minister")."""
    roles = _role_nouns()
    for child in name.children:
        if child.dep_ not in ("appos", "compound"):
            continue
        nouns = [child, *(c for c in child.children if c.dep_ == "conj")]
        if any(n.lemma_.lower() in roles for n in nouns):
            return True
    return False
