"""Who acted, on whom, and through whom: the actors of one event.

Step 3 of the events extractor (see :mod:`parley.extract.events.extractor`) asks
:class:`EventParties` for the source, target and mediator actors of each draft, read from the
dependency tree: subjects, objects and their prepositions for a verb; "between A and B",
"by X", "of X" and a light verb ("held talks with Y") for a noun; the experiencer or the
speaker for an adjective; "mediated by X", "under the auspices of X". Actors the knowledge base
does not know are kept by description with their sector ("communist rebels"); unnamed crowds are
named from the place ("Serbian protesters"); police act for the state of the place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.base import Context
from parley.extract.events.actors import ActorIndex, prep_objects, unique
from parley.extract.events.drafts import Draft
from parley.extract.events.plover import PloverLexicon
from parley.extract.events.status import StatusReader
from parley.extract.events.unnamed import UnnamedActors
from parley.extract.timeplace.places import PlaceResolver, country_of_demonym, demonym_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SUBJECTS", "EventParties", "content"]

SUBJECTS = ("nsubj", "csubj")
_EVENTS_LEXICON = "lexicon/events.json"
# Event nouns whose "of" phrase names who undergoes the act ("criticism of X", "the shelling of
# X", "support of X"); for the others it names the actor ("the visit of the president").
_OF_PATIENTS = ("ASSAULT", "COERCE", "SANCTION", "AID", "ACCUSE", "SUPPORT", "REJECT", "THREATEN")
# Event types whose target may be a place: the attacked or besieged place's state.
_PLACE_TARGETS = ("ASSAULT", "COERCE")


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
        self.ctx, self.lex, self.actors, self.resolver = ctx, lexicon, actors, resolver
        self.statuses = statuses
        self.doc: Doc = ctx.doc
        self.unnamed = UnnamedActors(lexicon, actors, self.doc)
        self.sectors = self.unnamed.sectors  # description of an unlinked actor -> its sector

    def find(self, draft: Draft) -> None:
        """Source and target by the trigger's part of speech, then mediators and reciprocity."""
        if draft.token.pos_ == "NOUN":
            self._noun_actors(draft)
        elif draft.token.pos_ == "ADJ":
            self._adjective_actors(draft)
        else:
            self._verb_actors(draft)
        self._mediators(draft)
        self._reciprocate(draft)

    def _verb_actors(self, draft: Draft) -> None:
        verb = draft.token
        subjects = self._subjects(verb)
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agents = [
            p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ]
        draft.source = unique(a for s in (*subjects, *agents) for a in self._of(s, draft))
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + passive
        preps = self.lex.target_preps(draft.rule.type)
        objects += prep_objects(verb, preps)
        for thing in [o for o in objects if o.pos_ == "NOUN" and not self.actors.of(o)]:
            objects += prep_objects(thing, preps)  # "imposed sanctions on Russian officials"
            objects += [c for c in thing.children if c.dep_ == "poss"]  # "welcomed X's role"
            objects += [  # "the need for X to withdraw"
                s
                for c in thing.children
                if c.dep_ in ("advcl", "acl") and any(m.lower_ == "for" for m in c.children)
                for s in c.children
                if s.dep_ == "nsubj"
            ]
        draft.target = unique(a for o in objects for a in self._of(o, draft))
        if draft.rule.absorbs and not draft.target:
            draft.target = self._content_targets(verb, draft)
        if draft.rule.swap_roles:
            draft.source, draft.target = draft.target, draft.source

    def _subjects(self, verb: Token) -> list[Token]:
        """Explicit subjects, or the controller's for xcomp/conj/relative clauses."""
        current = verb
        for _ in range(4):
            subjects = [c for c in current.children if c.dep_ in SUBJECTS]
            if subjects and not all(s.tag_ in ("WDT", "WP") for s in subjects):
                return subjects
            controllers = self._pcomp_controller(current)
            if controllers:
                return controllers
            if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
                return [current.head]
            if current.dep_ not in ("xcomp", "conj", "advcl") or current.head.i == current.i:
                return self._left_neighbour(current)
            if current.dep_ == "xcomp":
                objects = [c for c in current.head.children if c.dep_ in ("dobj", "nsubjpass")]
                if objects:  # object control ("pressed X to accept"), raising ("X is expected to")
                    return objects
            if current.dep_ == "conj" and self._patient_only(current.head):
                speaker = self.statuses.reporting_verb(current.head)
                if speaker is not None:  # "said the round was postponed and urged restraint"
                    return [c for c in speaker.children if c.dep_ in SUBJECTS]
            current = current.head
        return []

    def _pcomp_controller(self, verb: Token) -> list[Token]:
        """'accused X of holding an exercise': the one accused of the act did it."""
        prep = verb.head
        if verb.dep_ != "pcomp" or prep.lower_ not in ("of", "for") or prep.head.i == prep.i:
            return []
        return [c for c in prep.head.children if c.dep_ == "dobj"]

    @staticmethod
    def _patient_only(verb: Token) -> bool:
        """A passive clause with no agent: its subject underwent the act."""
        deps = {c.dep_ for c in verb.children}
        return "nsubjpass" in deps and "agent" not in deps and "nsubj" not in deps

    def _left_neighbour(self, verb: Token) -> list[Token]:
        """A subject the parser attached elsewhere: the actor phrase right before the verb group.

        "As reported by the outlet, the Kremlin and the White House are expected to ..." is often
        parsed with the real subject as an apposition inside the adverbial clause.
        """
        first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg"))])
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
        if first == 0 or verb.pos_ not in ("VERB", "AUX") or has_subject:
            return []
        token = self.doc[first - 1]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.pos_ in ("PROPN", "NOUN") and token.i < verb.i and self.actors.of(token):
            return [token]
        return []

    def _noun_actors(self, draft: Draft) -> None:
        noun, rule = draft.token, draft.rule
        sides = self._between(noun)
        if sides:
            draft.source, draft.target = sides
            return
        draft.source = self._of(noun, draft, with_conj=False)
        draft.source += [
            a for p in prep_objects(noun, frozenset({"by"})) for a in self._of(p, draft)
        ]
        of_objects = prep_objects(noun, frozenset({"of"}))
        of_actors = [a for p in of_objects for a in self._of(p, draft)]
        of_actors += [  # "an investigation of the senator's contacts": the senator
            a
            for p in of_objects
            if not self.actors.of(p)
            for c in p.children
            if c.dep_ == "poss"
            for a in self._of(c, draft)
        ]
        if rule.type in _OF_PATIENTS:  # "criticism of X": X is criticised, not the critic
            draft.target = of_actors
        else:
            draft.source += of_actors
        draft.target += [
            a
            for p in prep_objects(noun, self.lex.target_preps(rule.type))
            for a in self._of(p, draft)
        ]
        if not draft.target:  # "a package of weapons for Ukraine"
            preps = self.lex.target_preps(rule.type)
            draft.target = [
                a for o in of_objects for p in prep_objects(o, preps) for a in self._of(p, draft)
            ]
        draft.source, draft.target = unique(draft.source), unique(draft.target)
        if not draft.source:
            self._light_verb_actors(draft)

    def _between(self, noun: Token) -> tuple[list[str], list[str]] | None:
        """'talks between A and B': one-to-one pairs are symmetric, else A -> the rest.

        A protest "between the university and the square" is between places, not parties.
        """
        rule = self.lex.match(noun, set())
        if rule is not None and rule.type == "PROTEST":
            return None
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("between", "among"):
                continue
            firsts = [p for p in prep.children if p.dep_ == "pobj"]
            if not firsts:
                continue
            first = self.actors.of(firsts[0], with_conj=False)
            # "between X, head of Y, and Z": the parser often hangs Z on the apposition
            linked = [firsts[0], *(c for c in firsts[0].children if c.dep_ == "appos")]
            rest = unique(
                a for t in linked for c in t.children if c.dep_ == "conj" for a in self.actors.of(c)
            )
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
        verb = noun.head
        resorted = noun.head.lower_ == "to" and noun.head.head.lemma_.lower() == "resort"
        if (
            noun.dep_ == "pobj"
            and (noun.head.lower_ in self.lex.words("companion_preps") or resorted)
            and noun.head.head.pos_ in ("VERB", "AUX")
        ):
            verb = noun.head.head
        elif noun.dep_ not in ("dobj", "attr") or verb.lemma_.lower() not in self.lex.words(
            "light_verbs"
        ):
            return
        draft.source = unique(a for s in self._subjects(verb) for a in self._of(s, draft))
        draft.target = (
            unique(a for p in prep_objects(verb, frozenset({"with"})) for a in self._of(p, draft))
            or draft.target  # "announced talks with X": the noun's own "with"
        )
        if verb.lemma_.lower() in self.lex.words("mediation_verbs") and draft.rule.reciprocal:
            # "Norway hosted talks": the host mediates between the story's parties
            draft.mediator, parties = draft.source, self.actors.parties(noun.i)
            draft.source = [a for a in parties if a not in draft.mediator]
            draft.target = draft.source[1:] + draft.source[:1]

    def _adjective_actors(self, draft: Draft) -> None:
        adj = draft.token
        holder = adj.head if adj.dep_ in ("acomp", "attr", "oprd") else adj
        experiencers = prep_objects(adj, frozenset({"for", "to"})) + prep_objects(
            holder, frozenset({"for", "to"})
        )
        draft.source = unique(a for e in experiencers for a in self._of(e, draft))
        if not draft.source:
            subjects = [
                s
                for s in self._subjects(holder)
                if s.lower_ not in knowledge.words(_EVENTS_LEXICON, "empty_subjects")
            ]
            draft.source = unique(a for s in subjects for a in self._of(s, draft))
        if not draft.source:
            draft.source = self._speaker(holder, draft)
        clause_subjects = [
            s
            for c in (*adj.children, *holder.children)
            if c.dep_ == "ccomp"
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
        ]
        draft.target = unique(a for s in clause_subjects for a in self._of(s, draft))
        if not draft.target:
            draft.target = self._content_targets(adj, draft)

    def _speaker(self, token: Token, draft: Draft) -> list[str]:
        """The subject of the speech verb whose reported clause holds ``token``."""
        speech = self.lex.words("speech_verbs")
        current = token
        for _ in range(5):
            if current.lemma_.lower() in speech and current.i != token.i:
                return unique(a for s in self._subjects(current) for a in self._of(s, draft))
            if current.head.i == current.i:
                return []
            current = current.head
        return []

    def _content_targets(self, token: Token, draft: Draft) -> list[str]:
        """Targets named inside the content clause ("willing to begin a dialogue with X")."""
        preps = self.lex.target_preps("default")
        found: list[str] = []
        for i in content(token):
            t = self.doc[i]
            if t.dep_ == "pobj" and t.head.lower_ in preps:
                found.extend(self._of(t, draft))
        return unique(a for a in found if a not in draft.source)

    def _of(self, token: Token, draft: Draft, with_conj: bool = True) -> list[str]:
        civilians = self.unnamed.civilians(token)
        if civilians:  # "Kenyan protesters" are civilians, not the Kenyan state
            return civilians + [
                a
                for c in token.children
                if c.dep_ == "conj" and with_conj
                for a in self._of(c, draft)
            ]
        ids = self.actors.of(token, with_conj)
        if ids and self.actors._group(token) is not None:
            draft.from_group = True
        if ids and with_conj:  # "the Malian government and Tuareg rebels"
            for conj in (c for c in token.children if c.dep_ == "conj"):
                if not self.actors.of(conj):
                    ids = unique([*ids, *self.unnamed.unlinked(conj, [])])
        described = self.unnamed.unlinked(token, ids)
        if described:
            return described + [
                a
                for c in token.children
                if c.dep_ == "conj" and with_conj
                for a in self._of(c, draft)
            ]
        if not ids and token.dep_ in ("dobj", "pobj") and draft.rule.type in _PLACE_TARGETS:
            ids = self._place_country(token, draft)
        if not ids and token.dep_ == "pobj" and token.pos_ == "NOUN":  # "on sectors of Russia's"
            ids = [a for p in prep_objects(token, frozenset({"of"})) for a in self._of(p, draft)]
        if not ids and token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass"):
            ids = self._reported_speaker(token, draft)
        if not ids and token.lower_ in knowledge.words(_EVENTS_LEXICON, "first_person"):
            ids = self._quote_speaker(token)
        return ids

    def _quote_speaker(self, pronoun: Token) -> list[str]:
        """'We call on both sides ...' inside a quote: the quote's speaker."""
        for quote in self.ctx.analysis.quotes:
            if (
                quote.start <= pronoun.idx < quote.end
                and quote.speaker is not None
                and quote.speaker.actor
            ):
                return [self.actors.country_level(quote.speaker.actor)]
        return []

    def crowd(self, draft: Draft) -> list[str]:
        """Unnamed protesters, named from the country of the place: "Serbian protesters"."""
        subjects = [c for c in draft.token.children if c.dep_ in SUBJECTS]
        named = [
            s
            for s in subjects
            if s.lemma_.lower() not in self.lex.words("crowd_heads") and s.pos_ != "NUM"
        ]
        if named:
            return []
        if not subjects and draft.rule.type != "PROTEST":
            return []  # "condemnation of an attack on civilians in X": no crowd acted
        country = next(  # "thousands of Kenyans"
            (
                code
                for s in subjects
                for p in prep_objects(s, frozenset({"of"}))
                if (code := country_of_demonym(p.text))
            ),
            draft.place.country if draft.place is not None else None,
        )
        if not country:
            return []
        demonym = demonym_of(country)
        return [f"{demonym} protesters"] if demonym else []

    def _reported_speaker(self, pronoun: Token, draft: Draft) -> list[str]:
        """'Hamas declared that it would ...': a subject pronoun of a reported clause is the
        speaker (news style puts the antecedent in the reporting clause)."""
        if pronoun.lower_ not in self.lex.words("speaker_pronouns"):
            return []
        clause = pronoun.head
        for _ in range(3):
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in (
                self.lex.words("speech_verbs") | self.lex.words("reported_speech_heads")
            ):
                speaker = clause.head
                return unique(a for s in self._subjects(speaker) for a in self._of(s, draft))
            if clause.dep_ not in ("xcomp", "conj") or clause.head.i == clause.i:
                return []
            clause = clause.head
        return []

    def _place_country(self, token: Token, draft: Draft) -> list[str]:
        """A place as the target of an attack ("shelled Kharkiv"): its country's state, unless
        that is the attacker itself."""
        named = []
        if token.lemma_.lower() in knowledge.words(
            _EVENTS_LEXICON, "place_nouns"
        ):  # "shelled the city of Kharkiv"
            named = prep_objects(token, frozenset({"of"}))
            token = named[0] if named else token
        if (
            not named
            and token.ent_type_ not in ("GPE", "LOC", "FAC")
            and not (
                token.pos_ == "PROPN" and not token.ent_type_  # a city the tagger missed: "Odesa"
            )
        ):
            return []
        span = next((s for s in token.doc.ents if s.start <= token.i < s.end), None)
        name = span.text if span is not None else token.text
        code = self.resolver.resolve(name).country
        if not code:
            return []
        state = self.actors.state(code)
        return [] if state in draft.source else [state]

    def _mediators(self, draft: Draft) -> None:
        verbs = self.lex.words("mediation_verbs")
        nouns = self.lex.words("mediation_nouns")
        holders = [draft.token]
        if draft.token.pos_ == "NOUN" and draft.token.dep_ in (
            "dobj",
            "attr",
            "nsubj",
            "nsubjpass",
        ):
            holders.append(draft.token.head)  # "held talks ..., mediated by X"
        for child in (c for h in holders for c in h.children):
            if (
                child.dep_ in ("acl", "advcl", "relcl", "conj", "xcomp")
                and child.lemma_.lower() in verbs
                and child.tag_ == "VBN"
            ):
                agents = [
                    p
                    for a in child.children
                    if a.dep_ in ("agent", "prep") and a.lower_ == "by"
                    for p in a.children
                    if p.dep_ == "pobj"
                ]
                draft.mediator += [x for p in agents for x in self.actors.of(p)]
            if child.dep_ == "prep" and child.lower_ in knowledge.words(
                _EVENTS_LEXICON, "mediation_preps"
            ):
                for noun in (p for p in child.children if p.lemma_.lower() in nouns):
                    draft.mediator += self.actors.of(noun)
                    draft.mediator += [
                        x for p in prep_objects(noun, frozenset({"of"})) for x in self.actors.of(p)
                    ]
        draft.mediator = [m for m in unique(draft.mediator) if m not in draft.actors]

    @staticmethod
    def _reciprocate(draft: Draft) -> None:
        """Coordinated parties of a reciprocal act are each other's targets."""
        if draft.rule.reciprocal and not draft.target and len(draft.source) >= 2:
            draft.target = draft.source[1:] + draft.source[:1]


def content(token: Token) -> list[int]:
    """Token indices of the complement clauses of ``token`` (and of its copula, for adjectives)."""
    holders = [token, token.head] if token.dep_ in ("acomp", "attr") else [token]
    out: list[int] = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("xcomp", "ccomp", "dobj") or (
                child.dep_ == "prep" and child.lower_ in ("for", "to")
            ):
                out.extend(t.i for t in child.subtree)
    return out
