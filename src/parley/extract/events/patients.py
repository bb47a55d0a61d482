"""Verbs whose grammatical subject did not act: passives, casualties and small clauses.

Part of step 3 of the events extractor, after :class:`~parley.extract.events.parties.EventParties`
has read a verb's subjects and objects. News tells many acts from the side of those they
befell, and :class:`Patients` puts the sides right:

* "two soldiers were wounded in a bomb attack", "a peacekeeper was killed by unidentified
  assailants", "an attack left three guards injured": the victims are the target of an attack
  whose author is whoever the cause names ("a rebel attack"), else unknown;
* "crossings between A and B were reopened": an agentless passive whose patient lies between
  two sides was done by both;
* "X declared ... and is supported by Y": a passive conjunct shares its subject as its patient;
* "a town in eastern Congo occupied by a rebel group": a participle with an agent befell the
  noun it describes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.actors import prep_objects, unique
from parley.extract.events.drafts import Draft
from parley.extract.events.naming import PartyNames
from parley.extract.events.subjects import Subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Patients", "holders", "leaving_verb", "patient_possessors"]

_EVENTS_LEXICON = "lexicon/events.json"
# "an attack by X", "fighting with X": who the cause of a casualty names as its author
_CAUSE_AUTHORS = frozenset({"by", "with"})
_SETTING_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})  # where and when, not why
_BETWEEN = frozenset({"between"})


class Patients:
    """Corrects the sides of verbs told from the patient's side, for one document."""

    def __init__(self, names: PartyNames, subjects: Subjects) -> None:
        self.names, self.subjects = names, subjects

    def adjust(self, verb: Token, draft: Draft) -> None:
        """Apply each correction that fits ``verb`` (a verb trigger with sides already read)."""
        if _passive(verb) and verb.dep_ == "conj" and not _own_subject(verb):
            self._passive_conjunct(verb, draft)
        if _passive(verb) and not _has_agent(verb):
            self._between_sides(verb, draft)
        if verb.tag_ == "VBN" and _has_agent(verb) and _described(verb):
            self._participle(verb, draft)
        if draft.rule.type == "ASSAULT" and _casualty(verb):
            self._casualties(verb, draft)
        elif draft.rule.type == "ASSAULT" and _passive(verb) and not _has_agent(verb):
            self._struck_in(verb, draft)
        if draft.rule.type == "ASSAULT" and verb.lemma_.lower() in knowledge.words(
            _EVENTS_LEXICON, "death_verbs"
        ):
            self._deaths(verb, draft)
        if draft.rule.type == "MOBILIZE" and _passive(verb) and not _has_agent(verb):
            self._mobilised(verb, draft)
        if draft.mode == "release" and _passive(verb) and not _has_agent(verb):
            self._released_by_holder(verb, draft)
        if draft.mode == "release" and draft.source and not draft.target and not _passive(verb):
            self._freed_by_their_words(verb, draft)
        if _passive(verb) and not _has_agent(verb) and not draft.target and not draft.source:
            self._uncoded_victims(verb, draft)
        if _passive(verb) and not _has_agent(verb):
            _unknown_doer(verb, draft)

    def _released_by_holder(self, verb: Token, draft: Draft) -> None:
        """ "Nine hostages held by Hamas were released", "the Hamas-held hostages were freed"
        (round 7a's g03): with no agent, whoever held the captives released them."""
        if draft.source:
            return
        captives = [c for c in verb.children if c.dep_ == "nsubjpass"]
        draft.source = self.names.of_all([h for c in captives for h in holders(c)], draft)
        if not draft.source:
            self._released_after_capture(verb, draft)

    def _freed_by_their_words(self, verb: Token, draft: Draft) -> None:
        """ "Gunmen freed 24 pupils", "the navy released 12 fishermen" (events25's left-over):
        captives whom no actor names are the release's target by their words, as they are
        when the release is told by a passive or a noun ("the release of 24 pupils"); their
        country is sought from the story later, as for those. Not in an exchange or a release
        by several sides ("A and B exchanged 84 prisoners each"): each side's captives are the
        other's people, whom the sides themselves name."""
        if draft.rule.reciprocal or len(draft.source) > 1:
            return
        captives = [c for c in verb.children if c.dep_ == "dobj"]
        draft.target = unique(
            a for c in captives for a in self.names.unnamed.victims(c) if a not in draft.source
        )

    def _released_after_capture(self, verb: Token, draft: Draft) -> None:
        """ "Four peacekeepers were detained by a rebel group but were later released" (round
        10's j06): a release coordinated after a passive capture, with no agent of its own, was
        made by the captor that capture names; its captives are the ones released."""
        capture = verb.head
        if verb.dep_ != "conj" or capture.lemma_.lower() not in knowledge.words(
            _EVENTS_LEXICON, "holding_verbs"
        ):
            return
        agents = [p for c in capture.children if c.dep_ == "agent" for p in c.children]
        draft.source = self.names.of_all(agents, draft)
        if draft.source and not draft.target:
            captives = [c for c in capture.children if c.dep_ == "nsubjpass"]
            draft.target = [a for a in self.names.of_all(captives, draft) if a not in draft.source]

    def _uncoded_victims(self, verb: Token, draft: Draft) -> None:
        """ "Twelve detainees were released", "three soldiers were killed in an ambush": the
        people it befell, kept by their words when no actor names them (events18); whether an
        analyst can code them is settled once their country is sought from the context.
        Only for an act with no doer named: beside a named holder ("the rebels freed them") the
        victims' country is no story's (a dateline may be where the talks are)."""
        if not _befalls(draft):
            return
        dateline = self.names.actors.dateline_end
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        patients += [  # "KABUL, Afghanistan - Twelve detainees were ...": parsed as the appos
            a for p in patients if p.i < dateline for a in p.children if a.dep_ == "appos"
        ]
        draft.target = unique(
            a for p in patients if p.i >= dateline for a in self.names.unnamed.victims(p)
        )

    def _mobilised(self, verb: Token, draft: Draft) -> None:
        """ "Indian troops were deployed along the border": the forces' own state mobilised
        them; a place they were sent to ("deployed to Kivu") is no actor of it."""
        forces = [c for c in verb.children if c.dep_ == "nsubjpass"]
        own = self.names.of_all(forces, draft)
        if own and not draft.source:
            draft.source = own
            draft.target = [a for a in draft.target if a not in own]
        elif not draft.source:
            draft.target = []

    def _deaths(self, verb: Token, draft: Draft) -> None:
        """ "A Colombian soldier died in clashes with FARC rebels": the dead are the target; the
        author is whoever the cause names ("clashes with X", "an attack by X"), else unknown."""
        victims = [c for c in verb.children if c.dep_ == "nsubj"]
        draft.target = self.names.of_all(victims, draft)
        draft.unknown_source = True
        authors = [a for cause in _causes(verb) for a in self._cause_authors(cause, draft)]
        draft.source = [a for a in unique(authors) if a not in draft.target]

    def _participle(self, verb: Token, draft: Draft) -> None:
        """ "troops took back a town occupied by rebels": the rebels occupied the town; the
        sentence's subject had no part in it."""
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        draft.source = self.names.of_all(agents, draft)
        draft.target = self.names.of_all(_described(verb), draft)

    def _passive_conjunct(self, verb: Token, draft: Draft) -> None:
        """ "X declared ... and is supported by Y": X is supported, Y supports."""
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
        patients = self.names.of_all(self.subjects.of(verb), draft)
        draft.source = self.names.of_all(agents, draft)
        draft.target = unique([*patients, *(a for a in draft.target if a not in draft.source)])

    def _between_sides(self, verb: Token, draft: Draft) -> None:
        """ "crossings between A and B were reopened": both sides did it to each other."""
        sides = [
            a
            for patient in verb.children
            if patient.dep_ == "nsubjpass"
            for p in prep_objects(patient, _BETWEEN)
            for a in self.names.of(p, draft)
        ]
        sides = unique(sides)
        if len(sides) >= 2 and set(draft.source) <= set(sides):
            draft.source, draft.target = sides, sides[1:] + sides[:1]

    def _casualties(self, verb: Token, draft: Draft) -> None:
        """Victims of an attack as its target; its author from the cause, else unknown.

        Without an attack as the cause ("injured in a car crash", "an incident left three
        injured") there is no event: the victims must not become the attackers.
        """
        leave = leaving_verb(verb)
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        if not (leave is not None or (passive and not draft.source)):
            return
        causes = _causes(leave) if leave is not None else _causes(verb)
        if leave is not None:  # "an attack left three guards injured": the guards are victims
            victims = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            victims += [verb.head] if verb.dep_ == "acl" else []
            draft.target = self.names.of_all(victims, draft)
            draft.source = []
        if not causes:
            return
        draft.unknown_source = True
        authors = [a for cause in causes for a in self._cause_authors(cause, draft)]
        draft.source = [a for a in unique(authors) if a not in draft.target]
        if not draft.source and any(_told_before(c) for c in causes):
            # "one soldier was wounded in the exchange of fire": the toll of a fight told before;
            # with no side of its own to code (no country for its victims) it adds nothing
            draft.agentless = True
            draft.void = draft.void or not any(self._placed(a) for a in draft.target)

    def _struck_in(self, verb: Token, draft: Draft) -> None:
        """ "Three commanders were targeted in Israeli strikes", "positions were hit in an
        air raid by X": a passive attack with no agent is done by whoever its attack noun
        names ("in Israeli strikes", "in strikes by X"); with no author named it stays
        agentless, and the patient stays the target."""
        if draft.source:
            return
        authors = [a for cause in _causes(verb) for a in self._cause_authors(cause, draft)]
        draft.source = [a for a in unique(authors) if a not in draft.target]

    def _placed(self, actor: str) -> bool:
        """Whether ``actor`` has a country an analyst could code: a state or a person or body
        of the knowledge base with one, or an unlinked group named with one."""
        kb = self.names.actors.kb
        return (actor in kb and bool(kb[actor].country)) or actor in self.names.unnamed.countries

    def _cause_authors(self, cause: Token, draft: Draft) -> list[str]:
        """ "a rebel attack", "an attack by X", "fighting with X": the author of the cause."""
        named = self.names.of(cause, draft, with_conj=False)
        return named + [
            a for p in prep_objects(cause, _CAUSE_AUTHORS) for a in self.names.of(p, draft)
        ]


def holders(captives: Token) -> list[Token]:
    """Who holds ``captives``: the agent of "held by X", "kidnapped by X", or the first part
    of "X-held" (the words in ``holding_verbs`` of lexicon/events.json)."""
    verbs = knowledge.words(_EVENTS_LEXICON, "holding_verbs")
    found: list[Token] = []
    for child in captives.children:
        if child.lemma_.lower() not in verbs or child.tag_ != "VBN":
            continue
        if child.dep_ == "acl":  # "hostages held by Hamas"
            found += [p for a in child.children if a.dep_ == "agent" for p in a.children]
        elif child.dep_ == "amod":  # "Hamas-held hostages"
            found += [n for n in child.children if n.dep_ in ("npadvmod", "compound", "nmod")]
    return [t for t in found if t.pos_ in ("PROPN", "NOUN")]


def patient_possessors(noun: Token) -> list[Token]:
    """The possessor of an act noun that names who undergoes it: "Navalny's arrest", "the
    journalist's impending detention" (round 8's h06 made her the detainer). A noun with an
    "of" phrase keeps its possessor as the actor ("Russia's expulsion of the diplomats")."""
    if noun.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "patient_possessor_nouns"):
        return []
    if prep_objects(noun, frozenset({"of"})):
        return []
    return [c for c in noun.children if c.dep_ == "poss"]


def leaving_verb(verb: Token) -> Token | None:
    """The "leave" of "an attack left three guards injured" (the participle parsed as its
    complement, or as a modifier of its object), or None."""
    head = verb.head
    if head.lemma_.lower() == "leave" and verb.dep_ in ("ccomp", "xcomp", "oprd"):
        return head
    if verb.dep_ == "acl" and head.dep_ == "dobj" and head.head.lemma_.lower() == "leave":
        return head.head
    return None


def _described(participle: Token) -> list[Token]:
    """What a participle with an agent describes: "a town occupied by X" (its noun), "took back
    a town ..., occupied by X" (hung on the verb: that verb's object)."""
    if participle.dep_ == "acl":
        return [participle.head]
    if participle.dep_ == "advcl":
        return [c for c in participle.head.children if c.dep_ == "dobj"]
    return []


def _unknown_doer(verb: Token, draft: Draft) -> None:
    """ "Two opposition activists were abducted in Harare", "five Palestinian prisoners were
    released": a harm, an arrest or a release told in the passive without its agent is still
    an act done to a named patient; its doer stays unknown rather than invented. Only when the
    sentence tells it as fact (the builder drops the mark for any other status)."""
    harm = _befalls(draft) and draft.mode != "expel"  # expulsions: the host state
    if harm and not draft.source and draft.target and not _other_cause(verb):
        draft.unknown_source = draft.agentless = True


def _befalls(draft: Draft) -> bool:
    """Acts told from the side of those they befell: harm, arrest, release, expulsion."""
    return draft.rule.type in ("ASSAULT", "COERCE") or draft.mode in ("release", "expel")


def _other_cause(verb: Token) -> bool:
    """ "Two soldiers were killed in a road accident": a casualty told with a cause that is
    neither an attack nor a place or a time is no act of anyone (an attack as the cause is
    read by :meth:`Patients._casualties`)."""
    if not _casualty(verb):
        return False
    causes = knowledge.words(_EVENTS_LEXICON, "attack_causes")
    settings = knowledge.words(_EVENTS_LEXICON, "place_nouns") | knowledge.words(
        _EVENTS_LEXICON, "direction_nouns"
    )
    return any(
        p.lemma_.lower() not in causes | settings and p.ent_type_ not in _SETTING_ENTITIES
        for c in verb.children
        if c.dep_ in ("prep", "agent")
        and c.lower_ in knowledge.words(_EVENTS_LEXICON, "cause_preps")
        for p in c.children
        if p.dep_ == "pobj"
    )


def _told_before(cause: Token) -> bool:
    """ "wounded in the exchange of fire", "killed in the clash": a cause named with "the" and
    no author is the fight the story already told, so the casualty is its toll (a retelling
    :func:`parley.extract.events.finish` merges), not an attack of its own."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in cause.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _casualty(verb: Token) -> bool:
    return verb.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "casualty_verbs")


def _causes(verb: Token) -> list[Token]:
    """Attacks (or unnamed attackers) named as the cause of a casualty: "in a bomb attack",
    "by a mine", "by unidentified assailants", the subject of "an attack left ..."; also on a
    casualty verb coordinated with this one ("was killed and another injured by ...")."""
    causes = knowledge.words(_EVENTS_LEXICON, "attack_causes")
    verbs = [verb, *(t for t in verb.subtree if t.i != verb.i and _casualty(t))]
    found = [
        p
        for v in verbs
        for c in v.children
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
        for p in c.children
        if p.dep_ == "pobj" and p.lemma_.lower() in causes
    ]
    found += [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in causes]
    return found
