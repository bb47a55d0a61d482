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

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Mediators"]

_EVENTS_LEXICON = "lexicon/events.json"
_OF = frozenset({"of"})
# Noun triggers in these roles share their verb's modifiers ("held talks ..., mediated by X").
_NOUN_ROLES = ("dobj", "attr", "nsubj", "nsubjpass")
_PARTICIPLE_ROLES = ("acl", "advcl", "relcl", "conj", "xcomp")


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
