"""Who acted and on whom, when the event is a noun ("talks between A and B", "X's criticism").

Part of step 3 of the events extractor: :class:`NounParties` reads "between A and B", the
noun's possessor, "by X" and "of X" (the actor, or the one acted on for nouns such as
"criticism of X"), the target prepositions of its type, and a light verb ("X held talks with
Y"), where a host of talks ("Norway hosted talks") mediates between the story's parties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.actors import ActorIndex, prep_objects, unique
from parley.extract.events.drafts import Draft
from parley.extract.events.naming import PartyNames
from parley.extract.events.patients import holders, patient_possessors
from parley.extract.events.plover import PloverLexicon, amount_verb
from parley.extract.events.status import travel_for

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["NounParties", "participle_agents"]

# Event nouns whose "of" phrase names who undergoes the act ("criticism of X", "the shelling of
# X", "support of X"); for the others it names the actor ("the visit of the president").
_OF_PATIENTS = ("ASSAULT", "COERCE", "SANCTION", "AID", "ACCUSE", "SUPPORT", "REJECT", "THREATEN")
_OF = frozenset({"of"})
_BY = frozenset({"by"})
_WITH = frozenset({"with"})
_FROM = frozenset({"from"})
_AS = frozenset({"as"})
_EVENTS_LEXICON = "lexicon/events.json"


class NounParties:
    """Source and target of event nouns in one document."""

    def __init__(self, lexicon: PloverLexicon, actors: ActorIndex, names: PartyNames) -> None:
        self.lex, self.actors, self.names = lexicon, actors, names

    def find(self, draft: Draft) -> None:
        """Sides of "between", else the noun's own phrases, else its light verb's."""
        noun, rule = draft.token, draft.rule
        if rule.mediated:
            self._mediation(draft)
            return
        sides = self._between(noun, draft)
        if sides:
            draft.source, draft.target = sides
            return
        draft.source = self.names.of(noun, draft, with_conj=False)
        draft.source += self._prep_actors(noun, _BY, draft)
        draft.source += self._participle_authors(noun, draft)
        if not draft.source:
            draft.source = self._claimants(noun, draft)
        if not draft.source:  # "the raid on the camp by X": the parser hangs "by X" on the camp
            draft.source = [
                a
                for p in prep_objects(noun, self.lex.target_preps(rule.type))
                for a in self._prep_actors(p, _BY, draft)
            ]
        of_objects = prep_objects(noun, _OF)
        of_actors = self._of_actors(of_objects, draft)
        released = self._frees(noun)
        if rule.type in _OF_PATIENTS or released:  # "criticism of X": X is criticised
            draft.target = of_actors
            draft.source = [a for a in draft.source if a not in of_actors]
        else:
            draft.source += of_actors
        undergoing = self.names.of_all(patient_possessors(noun), draft)
        if undergoing:  # "Navalny's arrest": the possessor is the one arrested
            draft.source = [a for a in draft.source if a not in undergoing]
            draft.target = unique([*draft.target, *undergoing])
        if draft.mode == "release" and not draft.source:  # "the release of Hamas-held hostages"
            draft.source = self.names.of_all([h for o in of_objects for h in holders(o)], draft)
        if released and not draft.target:  # "the release of 40 prisoners held by X"
            draft.target = [a for o in of_objects for a in self.names.unnamed.victims(o)]
        if released and not draft.source:  # "the release of 40 prisoners by X", "by X" on them
            draft.source = [a for o in of_objects for a in self._prep_actors(o, _BY, draft)]
        preps = self.lex.target_preps(rule.type)
        draft.target += self._prep_actors(noun, preps, draft)
        if not draft.target and rule.reciprocal:  # "a call since taking office with X"
            draft.target = [
                a
                for p in _gerund_with(noun)
                if self.lex.match(p.head.head, set()) is None  # not "after meeting with X"
                for a in self.names.of(p, draft)
            ]
        if not draft.target:  # "a package of weapons for Ukraine"
            draft.target = [a for o in of_objects for a in self._prep_actors(o, preps, draft)]
        if not draft.target and rule.type == "AID":  # "the sale of jets worth $4bn to Jordan"
            draft.target = [a for t in _deep_targets(noun, preps) for a in self.names.of(t, draft)]
        if not draft.target:  # "support for Israel's security" supports Israel
            draft.target = [
                a
                for p in prep_objects(noun, preps)
                if not self.actors.of(p)
                for c in p.children
                if c.dep_ == "poss" and c.pos_ == "PROPN"
                for a in self.names.of(c, draft)
            ]
        draft.source, draft.target = unique(draft.source), unique(draft.target)
        if not draft.source and rule.type == "ASSAULT" and _unknown_author(noun):
            draft.unknown_source = True  # "an attack by unidentified gunmen on a patrol"
            return
        if not draft.source:
            self._light_verb_actors(draft)
        if not draft.source and draft.target and rule.type == "ASSAULT":
            # "a rocket attack on the embassy": a blow, whose author may stay unknown; not a
            # lasting state told as a noun ("a blockade of Cyprus has been in place for years")
            draft.unknown_source = draft.agentless = True

    def _frees(self, noun: Token) -> bool:
        """ "the release of 40 prisoners held by X": a noun of freeing names in its "of"
        phrase who is freed, never who frees (an exchange "of prisoners" names both sides)."""
        return noun.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "freeing_nouns")

    def _claimants(self, noun: Token, draft: Draft) -> list[str]:
        """ "Al-Shabaab has claimed responsibility for the attack", "took credit for the
        bombing" (round 9's i05): who claims an act names its author; a negated claim ("has
        not claimed responsibility") names none."""
        claims = knowledge.words(_EVENTS_LEXICON, "claim_nouns")
        claim = noun.head.head  # for -> responsibility, or "for" hung on the verb itself
        verb = claim.head if claim.dep_ == "dobj" else claim
        if not (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "for"
            and any(c.dep_ == "dobj" and c.lemma_.lower() in claims for c in verb.children)
            and verb.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "claiming_verbs")
            and not any(c.dep_ == "neg" for c in verb.children)
        ):
            return []
        subjects = self.names.subjects.of(verb)
        if any(d.dep_ == "det" and d.lower_ == "no" for s in subjects for d in s.children):
            return []  # "no group has claimed responsibility": nobody has
        return self.names.of_all(subjects, draft)

    def _mediation(self, draft: Draft) -> None:
        """ "Norway launched a mediation effort between A and B": Norway mediates between the
        sides named, else between the story's two parties; with no parties known, Norway's
        effort is its own act."""
        noun = draft.token
        mediator = self.names.of(noun, draft, with_conj=False) + self._prep_actors(noun, _BY, draft)
        verb = self._light_verb(noun)
        if not mediator and verb is not None:
            mediator = self.names.of_all(self.names.subjects.of(verb), draft)
        sides = self._between(noun, draft)
        if sides:
            draft.source, draft.target = sides
        else:
            parties = [a for a in self.actors.parties(noun.i) if a not in mediator]
            draft.source = parties if len(parties) == 2 else []
            draft.target = draft.source[1:] + draft.source[:1]
        if draft.source:
            draft.mediator = unique(mediator)
        else:
            draft.source = unique(mediator)

    def _prep_actors(self, token: Token, preps: frozenset[str], draft: Draft) -> list[str]:
        return [a for p in prep_objects(token, preps) for a in self.names.of(p, draft)]

    def _of_actors(self, of_objects: list[Token], draft: Draft) -> list[str]:
        """Actors of the "of" phrase, or of its possessor: "an investigation of the senator's
        contacts" is about the senator."""
        found = [a for p in of_objects for a in self.names.of(p, draft)]
        return found + [
            a
            for p in of_objects
            if not self.actors.of(p)
            for c in p.children
            if c.dep_ == "poss"
            for a in self.names.of(c, draft)
        ]

    def _between(self, noun: Token, draft: Draft) -> tuple[list[str], list[str]] | None:
        """'talks between A and B': one-to-one pairs are symmetric, else A -> the rest.

        A protest "between the university and the square" is between places, not parties.
        """
        rule = self.lex.match(noun, set())
        if rule is not None and rule.type == "PROTEST":
            return None
        holders = [noun]
        if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":
            holders.append(noun.head)  # "an exchange of fire took place between A and B"
        for prep in (c for h in holders for c in h.children):
            if prep.dep_ != "prep" or prep.lower_ not in ("between", "among"):
                continue
            firsts = [p for p in prep.children if p.dep_ == "pobj"]
            if firsts:
                # "the call between A, and B": the parser may hang B on the noun itself
                stray = [c for c in prep.head.children if c.dep_ == "conj" and c.i > prep.i]
                sides = self._sides(firsts[0], draft, stray)
                if sides is not None:
                    return sides
        return None

    def _sides(
        self, first_token: Token, draft: Draft, stray: list[Token] | None = None
    ) -> tuple[list[str], list[str]] | None:
        """The first side and the rest; unlinked sides ("the opposition") are kept."""
        first = self.names.of(first_token, draft, with_conj=False)
        # "between X, head of Y, and Z": the parser often hangs Z on the apposition
        linked = [first_token, *(c for c in first_token.children if c.dep_ == "appos")]
        conjuncts = [c for t in linked for c in t.children if c.dep_ == "conj"]
        rest = unique(a for c in conjuncts or (stray or []) for a in self.names.of(c, draft))
        rest = [a for a in rest if a not in first]
        if len(first) == 1 and len(rest) == 1:
            return first + rest, rest + first
        if first or rest:
            return first, rest
        return None

    def _light_verb_actors(self, draft: Draft) -> None:
        """'X held (13 days of) talks with Y': the light verb's subject and 'with' object.

        Also 'X asked Y for help during a visit to Z': an event noun after a companion
        preposition was made by the subject of the clause it belongs to.
        """
        noun = draft.token
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "days of talks", "a package of sanctions"
        verb = self._light_verb(noun)
        if verb is None:
            return
        if self._mediator_role(verb, draft):
            return
        draft.source = self.names.of_all(self.names.subjects.of(verb), draft)
        draft.target = (
            unique(self._prep_actors(verb, _WITH, draft))
            or draft.target  # "announced talks with X": the noun's own "with"
        )
        if not draft.target and verb == amount_verb(noun):  # "announced $5m in aid to X"
            draft.target = unique(self._prep_actors(verb, self.lex.target_preps("AID"), draft))
        if self._received(noun, verb):  # "X received a call from Y": Y called X
            callers = unique(self._prep_actors(noun, _FROM, draft))
            receivers = [a for a in draft.source if a not in callers]
            draft.source, draft.target = callers, receivers if callers else []
            return
        if verb.lemma_.lower() in self.lex.words("mediation_verbs") and draft.rule.reciprocal:
            # "Norway hosted talks": the host mediates between the story's parties
            draft.mediator, parties = draft.source, self.actors.parties(noun.i)
            draft.source = [a for a in parties if a not in draft.mediator]
            draft.target = draft.source[1:] + draft.source[:1]

    def _received(self, noun: Token, verb: Token) -> bool:
        """A call the subject received from someone ("received a phone call from his Iranian
        counterpart", round 6's f07): the caller made it; a call from no actor of the story
        ("from a journalist") is no event of the receiver's."""
        return verb.lemma_.lower() in self.lex.words("receiving_verbs") and bool(
            prep_objects(noun, _FROM)
        )

    def _participle_authors(self, noun: Token, draft: Draft) -> list[str]:
        """ "the raid carried out by X", "gunfire perpetrated by elements of X" (round 6's
        f04): the agent of a participle describing the event noun made it,
        when the participle tells the making ("talks mediated by Qatar" have Qatar as
        mediator, "an attack condemned by the UN" the UN as judge)."""
        authoring = knowledge.words(_EVENTS_LEXICON, "authoring_participles")
        return [
            a
            for p in participle_agents(noun)
            if p.head.head.lemma_.lower() in authoring
            for a in self.names.of(p, draft)
        ]

    def _in_state(self, noun: Token) -> bool:
        """ "X is in talks with Y", "remained locked in negotiations with Y": the talks the
        subject is in (CONSULT nouns only; "is in a conflict with Y" is no talks)."""
        head = noun.head
        rule = self.lex.match(noun, set())
        return (
            noun.dep_ == "pobj"
            and head.lower_ == "in"
            and head.head.pos_ in ("VERB", "AUX")
            and head.head.lemma_.lower() in self.lex.words("in_state_verbs")
            and rule is not None
            and rule.type == "CONSULT"
        )

    def _mediator_role(self, verb: Token, draft: Draft) -> bool:
        """ "Norway acted as facilitator during the talks", "the joint mediation of A and B
        announced ...": the subject mediates; the parties come from the story, if known."""
        roles = knowledge.words(_EVENTS_LEXICON, "mediator_roles")
        as_role = any(p.lemma_.lower() in roles for p in prep_objects(verb, _AS))
        subjects = self.names.subjects.of(verb)
        by_mediation = any(s.lemma_.lower() in self.lex.words("mediation_nouns") for s in subjects)
        if not (as_role or by_mediation):
            return False
        mediators = self.names.of_all(subjects, draft)
        parties = [a for a in self.actors.parties(draft.token.i) if a not in mediators]
        draft.source = parties if len(parties) == 2 else []
        draft.target = draft.source[1:] + draft.source[:1]
        draft.mediator = mediators if draft.source else []
        return True

    def _light_verb(self, noun: Token) -> Token | None:
        """The verb whose subject made the noun's event: a light verb ("held talks"), or the
        verb a companion preposition hangs on ("during a visit", "resorted to force")."""
        head = noun.head
        resorted = head.lower_ == "to" and head.head.lemma_.lower() == "resort"
        if (
            noun.dep_ == "pobj"
            and (head.lower_ in self.lex.words("companion_preps") or resorted or travel_for(noun))
            and head.head.pos_ in ("VERB", "AUX")
        ):
            return head.head
        if noun.dep_ in ("dobj", "attr") and head.lemma_.lower() in self.lex.words("light_verbs"):
            return head
        if self._in_state(noun):
            return head.head  # "X is in intensive discussions with Y"
        if (
            noun.dep_ == "dobj"
            and head.lemma_.lower() in self.lex.words("receiving_verbs")
            and prep_objects(noun, _FROM)
        ):
            return head  # "received a phone call from Y"
        rule = self.lex.match(noun, set())
        if noun.dep_ == "dobj" and rule is not None and head.lemma_.lower() in rule.heads:
            return head  # "reaffirmed support for X": the rule's own carrying verb (round 5)
        verb = amount_verb(noun)  # "announced $250 million in aid": the verb giving the sum
        if verb is not None and rule is not None and verb.lemma_.lower() in rule.heads:
            return verb
        return None


def _deep_targets(noun: Token, preps: frozenset[str]) -> list[Token]:
    """ "approved the sale of F-16 aircraft with an estimated value of $4.21 billion to
    Jordan" (round 14's n06): the recipient of an aid noun hangs on the value phrase, inside
    the noun's phrase or the phrases its verb carries beside it."""
    scope = [noun]
    if noun.dep_ == "dobj":
        scope += [c for c in noun.head.children if c.dep_ == "prep"]
    return [
        t
        for s in scope
        for t in s.subtree
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in preps
    ]


def _gerund_with(noun: Token) -> list[Token]:
    """ "held his first phone call since taking office with his Japanese counterpart, X"
    (round 14's n11): the parser hangs the "with" phrase on the gerund of a time phrase that
    separates it from the call; who one takes office with is no one, so it is the call's."""
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]  # "held a call since ..."
    return [
        w
        for h in holders
        for p in h.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG"
        for w in prep_objects(g, _WITH)
    ]


def participle_agents(noun: Token) -> list[Token]:
    """ "the attack allegedly perpetrated by X", "the raid carried out by X": the agent of a
    participle describing an act names its author."""
    return [
        p
        for acl in noun.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN"
        for agent in acl.children
        if agent.dep_ == "agent"
        for p in agent.children
        if p.dep_ == "pobj"
    ]


def _unknown_author(noun: Token) -> bool:
    """Whether an attack noun's "by" phrase names its author only as unknown ("by unidentified
    armed elements", "by unknown gunmen")."""
    modifiers = knowledge.words(_EVENTS_LEXICON, "unknown_author_modifiers")
    return any(
        c.lemma_.lower() in modifiers
        for p in prep_objects(noun, _BY)
        for c in p.children
        if c.dep_ in ("amod", "compound")
    )
