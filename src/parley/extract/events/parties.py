"""Who acted, on whom, and through whom: the actors of one event.

Step 3 of the events extractor (see :mod:`parley.extract.events.extractor`) asks
:class:`EventParties` for the source, target and mediator actors of each draft, read from the
dependency tree in named steps, each in its own module:

1. the trigger's part of speech picks the reader: a verb's subjects, objects and target
   prepositions (here); a noun's "between A and B", "by X", "of X" and light verb
   (:mod:`~parley.extract.events.nouns`); an adjective's experiencer or speaker (here);
2. subject tokens the parser left implicit come from :mod:`~parley.extract.events.subjects`;
3. tokens become actor ids in :mod:`~parley.extract.events.naming` (known actors, unnamed
   groups kept by description with their sector, places as their state, reported speakers);
4. mediators ("mediated by X") from :mod:`~parley.extract.events.mediators`; the coordinated
   parties of a reciprocal act become each other's targets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.base import Context
from parley.extract.events.actors import ActorIndex, distributive, prep_objects, unique
from parley.extract.events.drafts import Draft
from parley.extract.events.homes import Homes
from parley.extract.events.mediators import Mediators, RoleMediators
from parley.extract.events.naming import PartyNames
from parley.extract.events.nouns import NounParties
from parley.extract.events.nouns import participle_agents as _participle_agents
from parley.extract.events.patients import Patients, patient_possessors
from parley.extract.events.plover import PloverLexicon, passive_conjunct_subjects
from parley.extract.events.status import StatusReader
from parley.extract.events.subjects import SUBJECTS, Subjects
from parley.extract.timeplace.places import PlaceResolver

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["SUBJECTS", "EventParties", "content"]

_EVENTS_LEXICON = "lexicon/events.json"
_EXPERIENCER_PREPS = frozenset({"for", "to"})
# Objects that name no actor but may carry one: "sanctions on X", "the first of the jets to X"
_CARRIERS = ("NOUN", "ADJ", "NUM")
_RELATIVE = ("WDT", "WP")  # relative pronouns, by their tag (not a word list)
_BETWEEN = frozenset({"between"})
_OF = frozenset({"of"})
_IN = frozenset({"in"})
# Acts a domestic group addresses to its own government when no target is named.
_DOMESTIC = ("PROTEST", "REQUEST")
# Acts of judging another's act, and the hostile acts they judge.
_JUDGING = ("ACCUSE", "PROTEST", "REJECT")
_HOSTILE = ("ASSAULT", "COERCE", "SANCTION", "THREATEN")
# Uses of force whose purpose clause may name whom they were used on.
_FORCE = ("ASSAULT", "COERCE")


class EventParties:
    """Finds the actors of each event of one document (one instance per document)."""

    def __init__(
        self,
        ctx: Context,
        lexicon: PloverLexicon,
        actors: ActorIndex,
        resolver: PlaceResolver,
        statuses: StatusReader,
    ) -> None:
        self.lex, self.actors = lexicon, actors
        self.subjects = Subjects(ctx.doc, actors, statuses)
        self.names = PartyNames(ctx, lexicon, actors, resolver, self.subjects)
        self.nouns = NounParties(lexicon, actors, self.names)
        self.mediators = Mediators(lexicon, actors)
        self.role_mediators = RoleMediators(lexicon, actors, self.names)
        self.patients = Patients(self.names, self.subjects)
        self.unnamed = self.names.unnamed
        self.sectors = self.unnamed.sectors  # description of an unlinked actor -> its sector
        self.homes = Homes(self.unnamed, self.names.bodies, self.names.home_at)

    def find(self, draft: Draft) -> None:
        """Source and target by the trigger's part of speech, then mediators and reciprocity."""
        if draft.token.pos_ == "NOUN":
            self.nouns.find(draft)
        elif draft.token.pos_ == "ADJ":
            self._adjective_actors(draft)
        else:
            self._verb_actors(draft)
        self.mediators.add(draft)
        self.role_mediators.apply(draft)
        _reciprocate(draft, mutual=_mutual(draft.token))
        if not draft.target and draft.rule.type in _DOMESTIC:
            draft.target = self._own_government(draft)

    def settle(self, draft: Draft) -> None:
        """Once the place and any crowd are known: unnamed actors take their country from
        context, police act for their state, a domestic crowd protests to its own state."""
        self.homes.settle(draft)
        if not draft.target and draft.rule.type in _DOMESTIC:
            draft.target = self._own_government(draft)

    def _own_government(self, draft: Draft) -> list[str]:
        """ "French unions called a strike", "opposition parties in Georgia demanded new
        elections": a domestic group's protest or demand with no target named is addressed to
        its own state (PLOVER codes the government as the target)."""
        sectors = knowledge.words(_EVENTS_LEXICON, "domestic_sectors")
        domestic = [
            a
            for a in draft.source
            if a in self.unnamed.described
            and a in self.unnamed.countries
            and self.sectors.get(a, "protesters") in sectors
        ]
        doc = draft.token.doc
        named = any(self.actors.of(doc[i]) for i in content(draft.token))
        if not draft.source or len(domestic) != len(draft.source) or named:
            return []  # "demanded that Russia withdraw" names its own target
        codes = {self.unnamed.countries.get(a) for a in draft.source}
        if len(codes) != 1 or None in codes:
            return []
        return [self.actors.state(str(codes.pop()))]

    def crowd(self, draft: Draft) -> list[str]:
        """Unnamed protesters, named from the country of the place: "Serbian protesters"."""
        return self.unnamed.crowd(draft)

    # ---------------------------------------------------------------- verbs

    def _verb_actors(self, draft: Draft) -> None:
        """Subjects and agents act; objects and target prepositions undergo the act."""
        verb = draft.token
        agents = [
            p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ]
        draft.source = self.names.of_all([*self.subjects.of(verb), *agents], draft)
        draft.target = self.names.of_all(self._verb_objects(verb, draft.rule.type), draft)
        if draft.rule.type == "REQUEST" and not draft.target:  # "demanded that X should act"
            draft.target = self._addressees(verb, draft)
        if draft.rule.type == "THREATEN" and not draft.target and _vowed(verb):
            draft.target = self._addressees(verb, draft)  # "'They will pay,' he vowed": they
        if draft.rule.absorbs and not draft.target and not self.judges_an_act(verb, draft):
            draft.target = self._content_targets(verb, draft)
        self.patients.adjust(verb, draft)
        if not draft.target and draft.rule.type in _FORCE:  # "fired tear gas to disperse X"
            draft.target = self.names.of_all(_purpose_objects(verb), draft)
        if not draft.target and draft.rule.type in _FORCE:  # "ambushed a patrol, killing X"
            draft.target = self.names.of_all(_casualty_objects(verb), draft)
        if not draft.target and draft.rule.type == "THREATEN":
            draft.target = self.names.of_all(_conditioned(verb), draft)
        if not draft.target:
            draft.target = self._antecedent_owner(verb, draft)
        if not draft.target:
            draft.target = self._marked_owners(verb, draft)
        if not draft.target and draft.mode == "occupy":
            draft.target = self._occupied_side(verb, draft)
        if not draft.target and draft.rule.type == "ASSAULT":  # "struck rebel positions"
            things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            draft.target = [a for t in things for a in self.unnamed.holders(t)]
        if draft.rule.type == "AID" and draft.rule.objects_also:
            draft.target = self._mission_hosts(verb, draft)
        if not draft.source and draft.rule.type == "CONCEDE":
            self._lifted_measure(verb, draft)
        if draft.rule.swap_roles:
            draft.source, draft.target = draft.target, draft.source

    def _lifted_measure(self, verb: Token, draft: Draft) -> None:
        """ "The UN arms embargo against Iran was lifted", "US sanctions on Cuba were eased"
        (round 12's l04): a measure lifted with no agent is lifted by whoever the measure's
        own modifiers name as its author, and it is lifted for whom its "against"/"on"
        phrase names, not for that author (whom the patient's modifiers made the target)."""
        measures = [c for c in verb.children if c.dep_ == "nsubjpass"]
        measures += passive_conjunct_subjects(verb)
        authors = [
            m
            for p in measures
            for m in p.children
            if m.dep_ in ("compound", "poss", "amod", "nmod") and m.i < p.i
        ]
        owners = self.names.of_all(authors, draft)
        if not owners:
            return
        preps = self.lex.target_preps(draft.rule.type)
        aimed = [o for p in measures for o in prep_objects(p, preps)]
        draft.source = owners
        draft.target = [a for a in self.names.of_all(aimed, draft) if a not in owners]

    def _marked_owners(self, verb: Token, draft: Draft) -> list[str]:
        """ "seized a British-flagged tanker", "a vessel owned by a Greek firm", "a tanker
        belonging to Iran" (events23): the state whose flag a ship flies, or whoever owns the
        thing acted on, is whom the act hits; the ownership words are data
        (``ownership_marks``). Never the doer: "its own Iranian-flagged ship" names no target."""
        marks = knowledge.words(_EVENTS_LEXICON, "ownership_marks")
        things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        flags = [
            n
            for t in things
            for m in t.children
            if m.dep_ in ("amod", "compound") and m.lower_ in marks
            for n in m.children
            if n.dep_ in ("npadvmod", "compound", "amod", "nmod") and n.i < m.i
        ]
        found = [a for n in flags for a in self.actors._modifier(n)]
        owned = [c for t in things for c in t.children if c.dep_ == "acl" and c.lower_ in marks]
        owners = [p for c in owned for a in c.children if a.dep_ == "agent" for p in a.children]
        owners += [p for c in owned for p in prep_objects(c, frozenset({"to"}))]
        found += self.names.of_all(owners, draft)
        return unique(a for a in found if a not in draft.source)

    def _occupied_side(self, verb: Token, draft: Draft) -> list[str]:
        """ "Syrian rebels detained ... Earlier, rebels had gained control of the border crossing
        between Syria and Israel" (round 10's j06): a place between two states taken by armed
        men of one of them is taken from that one, the state they fight; whose men they are is
        their own words' country, else that of the one description with the same head named
        before ("Syrian rebels" for "rebels"). Men of neither state, or of no known one, leave
        the place's side open (no target rather than a guess)."""
        things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        things += [p for t in things for p in prep_objects(t, _OF)]
        sides = [
            a
            for t in things
            for p in prep_objects(t, _BETWEEN)
            for a in self.names.of(p, draft)
            if self.actors._is_state(a)
        ]
        own = {self._home_of(a) for a in draft.source}
        found = [a for a in unique(sides) if a in own]
        return found if len(found) == 1 else []

    def _home_of(self, actor: str) -> str | None:
        """The state an unlinked armed group belongs to, by its own words or by the one earlier
        description with the same head that names a country."""
        country = self.unnamed.countries.get(actor)
        head = self.unnamed.described.get(actor)
        if country is None and head is not None:
            named = {
                c
                for d, h in self.unnamed.described.items()
                if h == head and (c := self.unnamed.countries.get(d)) is not None
            }
            country = named.pop() if len(named) == 1 else None
        return self.actors.state(country) if country else None

    def _mission_hosts(self, verb: Token, draft: Draft) -> list[str]:
        """ "extended the mandate of the UN mission in South Sudan": the mission's aid goes to
        the country it is in; the body it belongs to ("UN") is its own, no target (events20).
        Empty when no country is written: none is invented."""
        missions = [  # "extended its mission in South Sudan": the object is the mission
            m for o in verb.children if o.dep_ == "dobj" for m in (prep_objects(o, _OF) or [o])
        ]
        places = [p for m in missions for p in prep_objects(m, _IN)]
        hosts = self.names.of_all(places, draft)
        return [a for a in hosts if self.actors._is_state(a) and a not in draft.source]

    def _addressees(self, verb: Token, draft: Draft) -> list[str]:
        """ "India demanded that Pakistan should take action against terrorists" (round 9's
        i05): a demand's "that" clause asks its subject to act, so the subject is the target,
        not whoever the asked-for act is aimed at; a clause whose subject is the demander
        itself ("demanded that it be consulted") names no one else."""
        subjects = [
            s
            for c in verb.children
            if c.dep_ == "ccomp"
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
        ]
        return [a for a in self.names.of_all(subjects, draft) if a not in draft.source]

    def _antecedent_owner(self, verb: Token, draft: Draft) -> list[str]:
        """ "Abiy began peace overtures, which were welcomed by Eritrea": a relative clause
        acting on a thing that names no actor is aimed at whoever the main clause says made
        that thing (the subject of the verb whose object it is)."""
        thing = verb.head
        if verb.dep_ != "relcl" or thing.dep_ != "dobj" or self.actors.of(thing):
            return []
        patient = any(
            c.dep_ in ("nsubjpass", "dobj") and c.tag_ in _RELATIVE for c in verb.children
        )
        makers = [c for c in thing.head.children if c.dep_ == "nsubj"]
        owner = self.names.of_all(makers, draft) if patient else []
        return [] if set(owner) & set(draft.source) else owner

    def _verb_objects(self, verb: Token, event_type: str) -> list[Token]:
        """Objects, passive subjects and target prepositions, looking inside an object that
        names no actor ("imposed sanctions on Russian officials")."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        patients += passive_conjunct_subjects(verb)
        # "the villages, which were torched by X": the relative pronoun stands for the noun
        objects += [
            verb.head if verb.dep_ == "relcl" and c.tag_ in _RELATIVE else c for c in patients
        ]
        objects += [  # "holds Israel responsible": the small clause's subject undergoes it
            s
            for c in verb.children
            if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ == "ADJ"
            for s in c.children
            if s.dep_ == "nsubj"
        ]
        preps = self.lex.target_preps(event_type)
        objects += [
            o for o in prep_objects(verb, preps) if not _misattached(o) and not _allegiance(o)
        ]
        objects = [owner for o in objects for owner in (_owners(o) or [o])]
        objects = [a for o in objects for a in self._judged_authors(o, event_type)]
        for thing in [o for o in objects if o.pos_ in _CARRIERS and not self.actors.of(o)]:
            if self._judged_act(thing, event_type):  # "condemned an attack on X": X is no target
                objects += prep_objects(thing, frozenset({"by"})) + _participle_agents(thing)
                continue
            objects += _inside(thing, preps)
            if event_type == "REJECT":  # "scuttled an offer by Poland": Poland's offer
                objects += prep_objects(thing, frozenset({"by"}))
            if self._between_parties(thing, event_type):  # "welcomed the truce between X and Y"
                objects += prep_objects(thing, _BETWEEN)
        return objects

    def _judged_authors(self, thing: Token, event_type: str) -> list[Token]:
        """ "condemned Navalny's arrest": the one condemned is whoever made the arrest ("by
        X"), never the arrested possessor; other objects stay as they are."""
        if not patient_possessors(thing) or not self._judged_act(thing, event_type):
            return [thing]
        return prep_objects(thing, frozenset({"by"})) + _participle_agents(thing)

    def judges_an_act(self, verb: Token, draft: Draft) -> bool:
        """Whether ``verb`` condemns (or protests, rejects) a hostile act it names as object."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(self._judged_act(o, draft.rule.type) for o in objects)

    def _judged_act(self, noun: Token, event_type: str) -> bool:
        """ "condemned an attack on peacekeepers": the one condemned is the attack's author,
        never its victim, whom the attack's own "on" names."""
        rule = self.lex.match(noun, set())
        return event_type in _JUDGING and rule is not None and rule.type in _HOSTILE

    def _between_parties(self, noun: Token, event_type: str) -> bool:
        """Whether "between" after ``noun`` names the targets: not for a protest "between the
        university and the square" (places), nor for an event of the verb's own type ("hosted
        talks between X and Y": the talks are an event of their own, X and Y its parties)."""
        rule = self.lex.match(noun, set())
        return rule is None or rule.type not in ("PROTEST", event_type)

    # ---------------------------------------------------------------- adjectives

    def _adjective_actors(self, draft: Draft) -> None:
        """'X is ready for talks': the experiencer, the subject or the speaker is the source;
        the subject of its content clause, or a target inside it, the target."""
        adj = draft.token
        holder = adj.head if adj.dep_ in ("acomp", "attr", "oprd") else adj
        experiencers = prep_objects(adj, _EXPERIENCER_PREPS) + prep_objects(
            holder, _EXPERIENCER_PREPS
        )
        draft.source = self.names.of_all(experiencers, draft)
        empty = knowledge.words(_EVENTS_LEXICON, "empty_subjects")
        subjects = [s for s in self.subjects.of(holder) if s.lower_ not in empty]
        judged: list[str] = []
        if draft.rule.type in _JUDGING:  # "their demands are unacceptable": judged, not judging
            # "civilians getting killed is unacceptable" judges a happening, not the civilians;
            # "the shelling by X is unacceptable" judges X
            things = [s for s in subjects if not any(c.dep_ == "acl" for c in s.children)]
            authors = [a for s in subjects for a in prep_objects(s, frozenset({"by"}))]
            judged = self.names.of_all(things, draft) or self.names.of_all(authors, draft)
            subjects = []
        if not draft.source:
            draft.source = self.names.of_all(subjects, draft)
        if not draft.source:
            draft.source = self.names.speaker(holder, draft)
        clause_subjects = [
            s
            for c in (*adj.children, *holder.children)
            if c.dep_ == "ccomp"
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
        ]
        draft.target = self.names.of_all(clause_subjects, draft) or judged
        if not draft.target:
            draft.target = self._content_targets(adj, draft)

    def _content_targets(self, token: Token, draft: Draft) -> list[str]:
        """Targets named inside the content clause ("willing to begin a dialogue with X")."""
        preps = self.lex.target_preps("default")
        doc = token.doc
        found: list[str] = []
        for i in content(token):
            t = doc[i]
            if t.dep_ == "pobj" and t.head.lower_ in preps:
                found.extend(self.names.of(t, draft))
        return unique(a for a in found if a not in draft.source)


def _owners(thing: Token) -> list[Token]:
    """ "froze the U.S. assets of seven Russian officials" (round 7a's g04): the "of" phrase
    of holdings names whom the act hits; "U.S." only says where the assets are."""
    if thing.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "holdings_nouns"):
        return []
    return prep_objects(thing, frozenset({"of"}))


def _misattached(pobj: Token) -> bool:
    """ "froze the assets of seven officials, including top advisers to President X": the
    parser may hang "to X" on the verb, but a preposition right after a noun of service
    ("advisers", "aides", "envoy") names whom that person serves, not a target of the act."""
    prep = pobj.head
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    return (
        before is not None
        and before.i != prep.head.i
        and before.pos_ == "NOUN"
        and before.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "service_nouns")
    )


def _allegiance(pobj: Token) -> bool:
    """ "attacked by protesters on the side of President X" (round 14's n03), "acted on behalf
    of the government": the phrase says whom someone sides or acts with, not whom the act hits."""
    if pobj.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "allegiance_nouns"):
        return False
    owners = prep_objects(pobj, frozenset({"of"}))
    return any(_a_party(o) for o in owners)  # "fired on the side of the convoy": its flank


def _a_party(token: Token) -> bool:
    """A name, or a government word: someone one can side with."""
    return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.lemma_.lower() in (
        knowledge.words("lexicon/actors.json", "government_nouns")
    )


def _inside(thing: Token, preps: frozenset[str]) -> list[Token]:
    """Actor phrases inside an object noun: its target prepositions, its possessor ("welcomed
    X's role") and the subject of a "for X to" clause ("the need for X to withdraw")."""
    found = prep_objects(thing, preps)
    # "the assets of Iranian banks"; "a package of sanctions against X", "the first of the
    # jets to X"
    of_objects = prep_objects(thing, frozenset({"of"}))
    found += of_objects + [p for o in of_objects for p in prep_objects(o, preps)]
    found += [c for c in thing.children if c.dep_ == "poss"]
    found += [
        s
        for c in thing.children
        if c.dep_ in ("advcl", "acl") and any(m.lower_ == "for" for m in c.children)
        for s in c.children
        if s.dep_ == "nsubj"
    ]
    return found


def _purpose_objects(verb: Token) -> list[Token]:
    """ "fired tear gas to disperse supporters of the opposition": the object of the purpose
    infinitive is whom the force was used on."""
    return [
        o
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for o in c.children
        if o.dep_ == "dobj"
    ]


def _casualty_objects(verb: Token) -> list[Token]:
    """ "Rebels ambushed a patrol, killing four Afghan soldiers": the victims of the participle
    that tells the attack's toll are its target when the object itself names no one."""
    harm = knowledge.words(_EVENTS_LEXICON, "casualty_verbs")
    return [
        o
        for c in verb.children
        if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in harm
        for o in c.children
        if o.dep_ == "dobj"
    ]


def _conditioned(verb: Token) -> list[Token]:
    """ "threatened countermeasures if X continued": the one whose act is the condition."""
    marks = knowledge.words(_EVENTS_LEXICON, "threat_condition_marks")
    return [
        s
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for s in c.children
        if s.dep_ in ("nsubj", "nsubjpass")
    ]


def _vowed(verb: Token) -> bool:
    """A threat told by insisting or vowing (``threat_speech_verbs``): the subject of what is
    vowed ("They will have nowhere to hide") is whom it threatens (round 11's k09)."""
    return verb.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "threat_speech_verbs")


def _mutual(token: Token) -> bool:
    """ "accused each other", "blamed one another", "both sides accusing the other of
    violating the truce" (round 11's k03): the act goes both ways, the pronoun read without the
    phrase hung on it. So does the distributive "each side accused the other side" (round 12's
    l02): "the other side" is each one's counterpart only when the subject is "each ..."."""
    objects = {_bare_phrase(c) for c in token.children if c.dep_ in ("dobj", "pobj")}
    if objects & knowledge.words(_EVENTS_LEXICON, "reciprocal_pronouns"):
        return True
    each = any(s.dep_ in ("nsubj", "nsubjpass") and distributive(s) for s in token.children)
    return each and bool(objects & knowledge.words(_EVENTS_LEXICON, "distributive_others"))


def _bare_phrase(noun: Token) -> str:
    """The words of a noun phrase without its prepositional phrases: "the other of firing
    first" is "the other", "one another" stays whole (the parser hangs "another" after "one")."""
    inner = {t.i for c in noun.children if c.dep_ == "prep" for t in c.subtree}
    return " ".join(t.text for t in noun.subtree if t.i not in inner).lower()


def _reciprocate(draft: Draft, mutual: bool) -> None:
    """Coordinated parties of a reciprocal act, or of one done to "each other", are each
    other's targets."""
    if (draft.rule.reciprocal or mutual) and not draft.target and len(draft.source) >= 2:
        draft.target = draft.source[1:] + draft.source[:1]


def content(token: Token) -> list[int]:
    """Token indices of the complement clauses of ``token`` (and of its copula, for adjectives)."""
    holders = [token, token.head] if token.dep_ in ("acomp", "attr") else [token]
    out: list[int] = []
    for holder in holders:
        for child in holder.children:
            infinitive = child.dep_ == "acl" and any(  # "its willingness to continue talks"
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            )
            if (
                child.dep_ in ("xcomp", "ccomp", "dobj")
                or (child.dep_ == "prep" and child.lower_ in ("for", "to") and not _motive(child))
                or infinitive
            ):
                motives = {  # "rejected those requests for fear of a war with X"
                    t.i
                    for m in child.subtree
                    if m.dep_ == "prep" and m.lower_ == "for" and _motive(m)
                    for t in m.subtree
                }
                out.extend(t.i for t in child.subtree if t.i not in motives)
    return out


def _motive(prep: Token) -> bool:
    """ "for fear of a war with X", "for lack of evidence": a phrase of motive, no content."""
    motives = knowledge.words(_EVENTS_LEXICON, "motive_nouns")
    return any(p.dep_ == "pobj" and p.lemma_.lower() in motives for p in prep.children)
