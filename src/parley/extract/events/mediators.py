"""Third parties of an event: "talks mediated by X", "under the auspices of X".

Last part of step 3 of the events extractor: :class:`Mediators` adds the mediators a trigger (or
the verb its noun is the object of) names in a past participle with "by" or in a mediation
preposition, leaving out anyone already a source or target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.actors import ActorIndex, prep_objects, unique
from parley.extract.events.drafts import Draft
from parley.extract.events.plover import PloverLexicon
from parley.extract.timeplace.places import country_of_demonym

if TYPE_CHECKING:
    from spacy.tokens import Token

    from parley.extract.events.naming import PartyNames

__all__ = ["Mediators", "RoleMediators"]

_EVENTS_LEXICON = "lexicon/events.json"
_OF = frozenset({"of"})
# Noun triggers in these roles share their verb's modifiers ("held talks ..., mediated by X").
_NOUN_ROLES = ("dobj", "attr", "nsubj", "nsubjpass")
_PARTICIPLE_ROLES = ("acl", "advcl", "relcl", "conj", "xcomp")
_MODIFIERS = ("amod", "compound", "nmod")


class Mediators:
    """Finds the mediators of each event of one document."""

    def __init__(self, lexicon: PloverLexicon, actors: ActorIndex) -> None:
        self.lex, self.actors = lexicon, actors

    def add(self, draft: Draft) -> None:
        """Add the mediators named around the trigger to ``draft``."""
        noun = draft.token
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "rounds of talks were held under X's mediation"
        holders = [draft.token, noun] if noun is not draft.token else [draft.token]
        if noun.pos_ == "NOUN" and noun.dep_ in _NOUN_ROLES:
            holders.append(noun.head)
        for child in (c for h in holders for c in h.children):
            draft.mediator += self._by_participle(child)
            draft.mediator += self._under_auspices(child)
        draft.mediator = [m for m in unique(draft.mediator) if m not in draft.actors]

    def _by_participle(self, child: Token) -> list[str]:
        """ "mediated by X", "brokered by X": the agent of a mediation participle."""
        if (
            child.dep_ not in _PARTICIPLE_ROLES
            or child.lemma_.lower() not in self.lex.words("mediation_verbs")
            or child.tag_ != "VBN"
        ):
            return []
        agents = [
            p
            for a in child.children
            if a.dep_ in ("agent", "prep") and a.lower_ == "by"
            for p in a.children
            if p.dep_ == "pobj"
        ]
        return [x for p in agents for x in self.actors.of(p)]

    def _under_auspices(self, child: Token) -> list[str]:
        """ "under the auspices of X", "with the mediation of X"."""
        if child.dep_ != "prep" or child.lower_ not in knowledge.words(
            _EVENTS_LEXICON, "mediation_preps"
        ):
            return []
        nouns = self.lex.words("mediation_nouns")
        found: list[str] = []
        for noun in (p for p in child.children if p.lemma_.lower() in nouns):
            found += self.actors.of(noun)
            found += [x for p in prep_objects(noun, _OF) for x in self.actors.of(p)]
        return found


class RoleMediators:
    """Subjects named by their role, "Saudi, US and African mediators": mediators, never a
    party. Their countries (from the demonyms) mediate; the parties come from the event's own
    other side or the story's two sides."""

    def __init__(self, lexicon: PloverLexicon, actors: ActorIndex, names: PartyNames) -> None:
        self.lex, self.actors, self.names = lexicon, actors, names

    def apply(self, draft: Draft) -> None:
        """Move role-named mediators from the draft's sides to its mediators."""
        verb = self._verb(draft.token)
        roles = knowledge.words(_EVENTS_LEXICON, "mediator_roles")
        subjects = [] if verb is None else self.names.subjects.of(verb)
        roles = roles | self.lex.words("mediation_nouns")  # "the joint mediation announced"
        named = [
            s
            for s in subjects
            if (s.lemma_.lower() in roles and s.pos_ == "NOUN") or self.actors.mediating(s)
        ]
        if not named:
            return
        named_ids = self.names.of_all(named, draft)
        as_party = set(named_ids)
        known = [a for a in named_ids if a in self.actors.kb or self._state(a)]
        countries = unique([*known, *(c for s in named for c in self._countries(s))])
        mediators = unique([*draft.mediator, *(countries or named_ids)])
        source = [a for a in draft.source if a not in as_party]
        target = [a for a in draft.target if a not in as_party]
        if not source and verb is draft.token and self._acts_on_event(verb):
            draft.void = True  # "mediators suspended the talks": the talks are the event
            return
        parties = [a for a in self.actors.parties(draft.token.i) if a not in mediators]
        if not source and draft.rule.reciprocal and len(parties) == 2:
            source, target = parties, parties[1:] + parties[:1]
        elif not source and draft.rule.reciprocal:
            source, target = target, []
        if source:  # else the mediators' own act ("mediators floated a compromise")
            draft.source, draft.target, draft.mediator = source, target, mediators

    @staticmethod
    def _verb(token: Token) -> Token | None:
        """The verb whose subject made the event: the trigger, or the verb of a trigger noun
        ("brokered a truce")."""
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            token = token.head.head  # "announced the suspension of negotiations"
        if token.dep_ in ("dobj", "attr") and token.head.pos_ == "VERB":
            return token.head
        return None

    def _countries(self, subject: Token) -> list[str]:
        """The states a role noun's demonyms name: "Saudi, US and African mediators" gives
        Saudi Arabia and the US ("African" names no state)."""
        found: list[str] = []
        for child in (c for c in subject.lefts if c.dep_ in _MODIFIERS):
            for word in (child, *(c for c in child.subtree if c.dep_ == "conj")):
                code = country_of_demonym(word.text) if word.text[:1].isupper() else None
                ids = [code] if code else [a for a in self.actors.of(word) if self._state(a)]
                found += ids
        return unique(found)

    def _state(self, actor: str) -> bool:
        return bool(self.actors._is_state(actor))

    def _acts_on_event(self, verb: Token) -> bool:
        return any(c.dep_ == "dobj" and self.lex.match(c, set()) is not None for c in verb.children)
