"""The PLOVER trigger lexicon (``parley/data/plover.json``): loading and matching one token.

A :class:`TriggerRule` says which lemmas, in which part of speech, with which objects or
modifiers, signal an event type and mode. :meth:`PloverLexicon.match` returns the first rule that
fits a parsed token. Everything else the events extractor needs to decide status, actors and
context (status heads, modals, light and report verbs, group anaphors, context keywords) is data
in the same file, so a user extends coverage without touching code.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import parley.knowledge as knowledge
from parley.errors import KnowledgeBaseError
from parley.kb import parse_data_file

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "TriggerRule",
    "PloverLexicon",
    "amount_verb",
    "load_plover",
    "object_lemmas",
    "passive_conjunct_subjects",
]

log = logging.getLogger(__name__)

FORMAT = "parley-plover/1"
_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd", "compound", "dative")
_OF_PREPS = ("of", "for")


@dataclass(frozen=True)
class TriggerRule:
    """One trigger: lemmas + part of speech, with optional constraints on the context."""

    type: str
    mode: str | None
    pos: frozenset[str]
    lemmas: frozenset[str]
    objects: frozenset[str] = frozenset()
    objects_also: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    not_modifiers: frozenset[str] = frozenset()
    heads: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    not_preps: frozenset[str] = frozenset()
    particles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    reciprocal: bool = False
    joint: bool = False
    absorbs: bool = False
    yields: str | None = None
    anaphoric: bool = False
    needs_clause: bool = False
    needs_deadline: bool = False
    active_clause: bool = False
    needs_for: bool = False
    impersonal: bool = False
    swap_roles: bool = False
    subjects: frozenset[str] = frozenset()
    not_subjects: frozenset[str] = frozenset()
    status: str | None = None
    needs_negation: bool = False
    no_clause: bool = False
    not_deps: frozenset[str] = frozenset()
    not_clauses: frozenset[str] = frozenset()
    clauses: frozenset[str] = frozenset()
    object_status: str | None = None
    mediated: bool = False
    prep_objects: frozenset[str] = frozenset()
    object_gerunds: frozenset[str] = frozenset()
    object_modifiers: frozenset[str] = frozenset()
    not_prep_objects: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_data(cls, item: Mapping[str, Any], aliases: Mapping[str, str]) -> TriggerRule:
        """Build from one ``triggers`` entry of the JSON file."""

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in item.get(key, []))

        return cls(
            type=aliases.get(item["type"], item["type"]),
            mode=item.get("mode"),
            pos=frozenset(item["pos"]),
            lemmas=words("lemmas"),
            objects=words("objects"),
            objects_also=words("objects_also"),
            not_objects=words("not_objects"),
            modifiers=words("modifiers"),
            not_modifiers=words("not_modifiers"),
            heads=words("heads"),
            preps=words("preps"),
            not_preps=words("not_preps"),
            particles={k: tuple(v) for k, v in item.get("particles", {}).items()},
            reciprocal=bool(item.get("reciprocal")),
            joint=bool(item.get("joint")),
            absorbs=bool(item.get("absorbs")),
            yields=item.get("yields"),
            anaphoric=bool(item.get("anaphoric")),
            needs_clause=bool(item.get("needs_clause")),
            needs_deadline=bool(item.get("needs_deadline")),
            active_clause=bool(item.get("active_clause")),
            needs_for=bool(item.get("needs_for")),
            impersonal=bool(item.get("impersonal")),
            swap_roles=bool(item.get("swap_roles")),
            subjects=words("subjects"),
            not_subjects=words("not_subjects"),
            status=item.get("status"),
            needs_negation=bool(item.get("needs_negation")),
            no_clause=bool(item.get("no_clause")),
            not_deps=frozenset(item.get("not_deps", [])),
            not_clauses=words("not_clauses"),
            clauses=words("clauses"),
            object_status=item.get("object_status"),
            mediated=bool(item.get("mediated")),
            prep_objects=words("prep_objects"),
            object_gerunds=words("object_gerunds"),
            object_modifiers=words("object_modifiers"),
            not_prep_objects={
                str(prep).lower(): frozenset(str(w).lower() for w in lemmas)
                for prep, lemmas in item.get("not_prep_objects", {}).items()
            },
        )

    def fits(
        self, token: Token, seen: set[tuple[str, str | None]], objects: set[str] | None = None
    ) -> bool:
        """Whether ``token`` (already known to have one of our lemmas) satisfies the rule.

        Args:
            token: the candidate trigger.
            seen: (type, mode) of events found earlier in the document, for anaphoric nouns
                ("the swap" after "an exchange of prisoners").
            objects: :func:`object_lemmas` of ``token``, when the caller has read them.
        """
        if token.pos_ not in self.pos or not self._particle_ok(token):
            return False
        if self.reads_objects:
            objects = object_lemmas(token) if objects is None else objects
            if not self._objects_ok(token, seen, objects):
                return False
        if self.subjects and not (_subject_lemmas(token) & self.subjects):
            return False
        if self.not_subjects and _subject_heads(token) & self.not_subjects:
            return False  # "the sanctions hit Russian banks": a measure is no attacker
        if token.dep_ in self.not_deps:
            return False
        if self.needs_negation and not any(c.dep_ == "neg" for c in token.children):
            return False
        if self.impersonal and _personal_subject(token):
            return False
        clauses = {c.lemma_.lower() for c in token.children if c.dep_ in ("xcomp", "ccomp", "oprd")}
        if (self.no_clause and clauses) or clauses & self.not_clauses:
            return False
        if self.clauses and not clauses & self.clauses:
            return False
        if self.object_gerunds and not _object_gerunds(token) & self.object_gerunds:
            return False  # "interest in strengthening ties", not "interest in the concert"
        if self.object_modifiers and not _object_modifiers(token) & self.object_modifiers:
            return False  # "approved a joint declaration", not "approved the budget"
        if self.joint and not _joint(token):
            return False  # "A and B signed a pact" agree; "A signed the treaty" supports it
        return self._modifiers_ok(token) and self._links_ok(token)

    @property
    def reads_objects(self) -> bool:
        """Whether the rule asks what the trigger acts on (:func:`object_lemmas`, a walk of its
        dependents that the rules of a common lemma need not all pay)."""
        return bool(self.objects or self.objects_also or self.not_objects)

    def _objects_ok(
        self, token: Token, seen: set[tuple[str, str | None]], objects: set[str]
    ) -> bool:
        if self.objects and not (objects & self.objects):
            bare = not any(c.dep_ == "prep" and c.lower_ in _OF_PREPS for c in token.children)
            if not (self.anaphoric and bare and (self.type, self.mode) in seen):
                return False
        if self.objects_also and not (objects & self.objects_also):
            return False  # "extended the mandate of the mission": both words, not one
        return not objects & self.not_objects

    def _particle_ok(self, token: Token) -> bool:
        wanted = self.particles.get(token.lemma_.lower())
        if wanted is None:
            return True
        return any(c.lower_ in wanted and _is_particle(c) for c in token.children)

    def _modifiers_ok(self, token: Token) -> bool:
        # "test-fired a missile": the parser hangs "test" on the verb as an npadvmod
        mods = {
            c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound", "npadvmod")
        }
        if self.modifiers and not (mods & self.modifiers):
            return False
        return not (mods & self.not_modifiers)

    def _prep_object_ok(self, token: Token) -> bool:
        """ "took to the streets": the phrase is the verb with this preposition and object;
        "took to the stage" is not."""
        return bool(_prep_object_lemmas(token, self.preps) & self.prep_objects)

    def _links_ok(self, token: Token) -> bool:
        carrier = amount_verb(token) or token.head  # "announced $250 million in aid"
        if self.heads and carrier.lemma_.lower() not in self.heads:
            return False
        # "drove the farmers away": the parser makes some particles adverbs
        preps = {c.lower_ for c in token.children if c.dep_ in ("prep", "prt", "advmod")}
        if self.preps and not ({c.lower_ for c in _placed(token)} & self.preps):
            return False
        if preps & self.not_preps:
            return False
        if self.prep_objects and not self._prep_object_ok(token):
            return False
        if any(
            _prep_object_lemmas(token, frozenset({prep})) & lemmas
            for prep, lemmas in self.not_prep_objects.items()
        ):
            return False  # "met with fierce resistance": a response, not a meeting
        holders = [token, token.head] if token.pos_ == "ADJ" else [token]
        if self.needs_clause and not any(
            c.dep_ in ("xcomp", "ccomp") for h in holders for c in h.children
        ):
            return False
        if self.needs_deadline and not _deadline(token):
            return False
        if self.active_clause and any(
            g.dep_ == "auxpass"
            for h in holders
            for c in h.children
            if c.dep_ in ("xcomp", "ccomp")
            for g in c.children
        ):
            return False  # "food ready to be brought into Gaza": goods made ready, no offer
        return not (
            self.needs_for
            and not any(
                c.dep_ == "prep" and c.lower_ in ("for", "to") for h in holders for c in h.children
            )
        )


def _joint(token: Token) -> bool:
    """Whether two or more parties do the act together: coordinated subjects ("Chile and Peru
    signed"), a coordinated agent ("signed by Chile and Peru"), or a "between" phrase, which
    always names two ("the pact signed between Chile's minister and his Peruvian
    counterpart", even where the parser hangs the second party elsewhere)."""
    if any(c.dep_ in ("prep", "agent") and c.lower_ == "between" for c in token.children):
        return True
    parties = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    parties += [p for c in token.children if c.dep_ == "agent" for p in c.children]
    # "Congo, the DRC and Angola": the parser may hang the list on an apposition
    parties += [a for p in parties for a in p.children if a.dep_ == "appos"]
    return any(c.dep_ == "conj" for p in parties for c in p.children)


def _personal_subject(adj: Token) -> bool:
    """Whether the adjective is said of a subject other than "it": "the deal is vital to our
    interests" judges the deal (round 11's k10); "it is vital for X to withdraw" states a
    need put to X."""
    holder = adj.head if adj.dep_ in ("acomp", "attr") else adj
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.lower_ != "it" for c in holder.children
    )


def _deadline(verb: Token) -> bool:
    """ "gave Iraq until noon to begin a withdrawal", "gave the rebels 48 hours to leave"
    (round 14's n09): a time limit ("until"/"by" a time, or a count of deadline units,
    lexicon ``deadline_units``) and the infinitive of what must be done in it."""
    units = knowledge.words("lexicon/events.json", "deadline_units")
    limit = any(
        (
            c.dep_ == "prep"
            and c.lower_ in ("until", "by")
            and any(p.dep_ == "pobj" for p in c.children)
        )
        or (c.dep_ in ("npadvmod", "dobj") and c.lemma_.lower() in units)
        for c in verb.children
    )
    task = any(
        c.dep_ in ("advcl", "xcomp")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )
    return limit and task


def _placed(token: Token) -> list[Token]:
    """The prepositions, particles and adverbs of ``token`` that complete it: not a time
    phrase ("launched a missile on Saturday" names no one it was launched on)."""
    return [
        c
        for c in token.children
        if (c.dep_ in ("prep", "prt", "advmod") or _dative_phrase(c))
        and not (
            c.dep_ == "prep"
            and any(p.dep_ == "pobj" for p in c.children)
            and all(p.ent_type_ in ("DATE", "TIME") for p in c.children if p.dep_ == "pobj")
        )
    ]


def _amount(token: Token) -> bool:
    """Whether ``token`` is a sum or a count ("$250 million", "300 million euros"): tagged as
    money or a number by the parser, or counted by a number of its own."""
    return (
        token.ent_type_ == "MONEY"
        or token.pos_ == "NUM"
        or any(c.dep_ == "nummod" for c in token.children)
    )


def _phrasal_object(verb: Token) -> list[Token]:
    """ "signed off on $1.6 billion": the object of "on" after the particle "off" is what a
    phrasal verb of approving acts on."""
    if not any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children]


def _sums(verb: Token) -> list[Token]:
    """The sums ``verb`` acts on: its objects and phrasal objects that are amounts."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return [o for o in [*objects, *_phrasal_object(verb)] if _amount(o)]


def _sum_contents(verb: Token) -> list[Token]:
    """ "signed off on $1.6 billion in aid", the parser hanging "in aid" on the verb: what
    the verb's sum is ("aid"); none when the verb acts on no sum."""
    if not _sums(verb):
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children]


def amount_verb(noun: Token) -> Token | None:
    """The verb that announces, approves or gives a sum "in" ``noun``: "The Pentagon announced
    $250 million in additional aid to Georgia" (round 9's i07), "signed off on 300 million
    euros in military aid". None when ``noun`` is not the "in" phrase of a sum."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in":
        return None
    if prep.head.pos_ == "VERB" and _sums(prep.head):
        return prep.head  # the parser hangs "in aid" on the verb beside the sum
    if not _amount(prep.head):
        return None
    amount = prep.head
    if amount.dep_ in ("dobj", "nsubjpass") and amount.head.pos_ == "VERB":
        return amount.head
    verb = amount.head.head
    phrasal = {p.i for p in _phrasal_object(verb)} if verb.pos_ == "VERB" else set()
    if amount.dep_ == "pobj" and amount.i in phrasal:
        return verb
    return None


def _dative_phrase(child: Token) -> bool:
    """ "send observers to Syria": the parser labels the "to" phrase of a verb of giving
    "dative"; it is a prepositional phrase like any other (events18)."""
    return child.dep_ == "dative" and child.pos_ == "ADP"


def _object_modifiers(token: Token) -> set[str]:
    """Lemmas of the adjectives and compounds on the verb's objects ("a joint declaration"),
    also those on a compound of the object ("Pak High Commissioner Sohail Mahmood": "high"
    hangs on "Commissioner", which hangs on the name) and on an apposition ("X, India's High
    Commissioner")."""
    objects = [o for o in token.children if o.dep_ in ("dobj", "nsubjpass")]
    nouns = objects + [c for o in objects for c in o.children if c.dep_ in ("compound", "appos")]
    return {m.lemma_.lower() for o in nouns for m in o.children if m.dep_ in ("amod", "compound")}


def _object_gerunds(token: Token) -> set[str]:
    """Lemmas of the gerunds under the object's prepositions ("expressed interest in
    strengthening ties": strengthen)."""
    return {
        g.lemma_.lower()
        for o in token.children
        if o.dep_ == "dobj"
        for p in o.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pcomp"
    }


def _is_particle(child: Token) -> bool:
    """Whether ``child`` is a verb's particle: tagged one, or a preposition or adverb with no
    object of its own ("pulled out of the villages": the parser makes "out" a preposition whose
    only child is "of"; "walked off the job" has an object, so "off" is a real preposition)."""
    if child.dep_ == "prt":
        return True
    return child.dep_ in ("prep", "advmod") and not any(c.dep_ == "pobj" for c in child.children)


def _prep_object_lemmas(token: Token, preps: frozenset[str]) -> set[str]:
    """Lemmas of the objects of ``token``'s prepositions (of those in ``preps``, if any; a "to"
    phrase the parser labels a dative counts), and the wh-word of a clause after one ("pay for
    what they did": "what")."""
    found = set()
    for c in token.children:
        if not (c.dep_ == "prep" or _dative_phrase(c)) or (preps and c.lower_ not in preps):
            continue
        for p in c.children:
            if p.dep_ == "pobj":
                found.add(p.lemma_.lower())
            elif p.dep_ == "pcomp":
                found.update(w.lower_ for w in p.children if w.tag_ in ("WP", "WDT"))
    return found


def object_lemmas(token: Token) -> set[str]:
    """Lemmas of what a trigger acts on: objects, compounds, 'of'/'for' objects, and conjuncts.

    Also the noun a measure or part word quantifies ("40 tonnes of supplies", "the first of
    the aircraft", "a package of sanctions"), adjectives of the object ("martial law"), and
    ``person`` / ``org`` for named people and organisations, ``norp`` for people named by
    their nationality ("three Azerbaijanis").
    """
    found: list[Token] = [*_phrasal_object(token), *_sum_contents(token)]
    for child in token.children:
        if child.dep_ in _OBJECT_DEPS:
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in _OF_PREPS:
            found.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in ("xcomp", "ccomp"):  # "agreed to observe it": what the content acts on
            found.extend(c for c in child.children if c.dep_ == "dobj")
            if child.dep_ == "xcomp":  # "ordered the staff to leave": the object-controlled one
                found.extend(c for c in child.children if c.dep_ == "nsubj")
    if token.dep_ == "compound":  # "prisoner exchange" seen from "prisoner"'s side
        found.append(token.head)
    if token.dep_ == "amod" and token.pos_ == "VERB":
        # "the seized assets", and the parser's "as the military seized power" (round 8's h06,
        # "seized" hung on "power" as a modifier): the noun is what the verb acts on
        found.append(token.head)
    if token.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in token.children):
        # "detainees were reported to have been beaten": the raised subject is the patient
        found.extend(c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    if _relative_object(token) or _reduced_passive(token):
        found.append(token.head)  # "the decree that I signed", "two villages torched by ..."
    if _shared_passive_subject(token):  # "was approached and harassed": the boat, harassed
        found.extend(c for c in token.head.children if c.dep_ == "nsubjpass")
    found.extend(passive_conjunct_subjects(token))  # "has expired, and is finally lifted"
    found += [
        p
        for t in found
        for c in t.children
        if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and _amount(t)))
        for p in c.children
        if p.dep_ == "pobj"
    ]  # "a package of sanctions"; "$40 million in aid": what the sum is
    lemmas = set()
    for t in found:
        lemmas.add(t.lemma_.lower())
        if t.pos_ == "PROPN" and t.tag_ == "NNPS":  # "Detainees were ..." tagged a name
            lemmas.add(t.lower_.removesuffix("s"))
        if t.ent_type_ in ("PERSON", "ORG"):
            lemmas.add("person" if t.ent_type_ == "PERSON" else "org")
        elif t.ent_type_ == "NORP" and t.tag_ in ("NNS", "NNPS"):
            lemmas.add("norp")  # "nine Armenians": people named by their nationality
        measured = t.lemma_.lower() in knowledge.words("lexicon/events.json", "measure_heads")
        lemmas.update(  # "X, India's High Commissioner": an apposition names the same one
            c.lemma_.lower()
            for c in t.children
            if c.dep_ in ("conj", "amod", "appos") or (c.dep_ == "compound" and not measured)
        )
    return lemmas


def _reduced_passive(token: Token) -> bool:
    """Whether ``token`` is a past participle describing the noun it hangs on ("two villages
    torched by militia"): a reduced passive relative clause, whose noun is its patient."""
    return token.dep_ == "acl" and token.tag_ == "VBN"


def _shared_passive_subject(token: Token) -> bool:
    """Whether ``token`` is a passive conjunct without a subject of its own ("the boat was
    approached and harassed by ..."): it shares its head's passive subject as its patient."""
    return (
        token.dep_ == "conj"
        and token.tag_ == "VBN"
        and token.head.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        and any(c.dep_ == "nsubjpass" for c in token.head.children)
    )


def passive_conjunct_subjects(token: Token) -> list[Token]:
    """ "The embargo has expired, and is finally lifted" (round 12's l04): a passive conjunct
    with an auxiliary of its own but no subject shares its head's active subject, which it
    acts on; "the boat was approached and harassed" is :func:`_shared_passive_subject`."""
    if not (
        token.dep_ == "conj"
        and token.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in token.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    ):
        return []
    return [c for c in token.head.children if c.dep_ == "nsubj"]


def _relative_object(token: Token) -> bool:
    """Whether ``token`` heads a relative clause whose object is the relative pronoun ("the
    order that he signed", "the villages, which were torched"), so the noun the clause
    describes is what the verb acts on. The pronoun's tag (WDT/WP) marks it; no word list is
    needed."""
    return token.dep_ == "relcl" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in token.children
    )


def _subject_heads(token: Token) -> set[str]:
    """Lemmas of the trigger's own subjects (a passive's agent standing for its subject), not
    of their modifiers: "the EU sanctions hit Russian banks" has "sanction" for subject,
    "troops enforcing the ban attacked" has "troop"."""
    agents = [
        p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
    ]
    subjects = agents or [c for c in token.children if c.dep_ == "nsubj"]
    return {s.lemma_.lower() for s in subjects}


def _subject_lemmas(token: Token) -> set[str]:
    """Lemmas of a trigger's subjects and of their modifiers ("the last Soviet troops").

    A passive's agent is its subject ("villages were torched by soldiers": the soldiers). An
    infinitive without a subject of its own takes its controller's ("the parliament is
    expected to vote": the parliament votes); an event noun that is a verb's object takes the
    verb's subject ("police conducted raids").
    """
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    agents = [
        p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
    ]
    if agents:  # "hostages were beheaded by militants": the agent acts, the subject undergoes
        subjects = agents
    if not subjects and token.dep_ == "xcomp":
        subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if token.pos_ == "NOUN" and token.dep_ == "dobj":  # "police conducted raids": the raiders
        verb = token.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "xcomp":  # "the army is set to resume its operation"
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return {t.lemma_.lower() for s in subjects for t in (s, *s.children)}


@dataclass
class PloverLexicon:
    """Trigger rules indexed by lemma, plus the word lists that steer status and actors."""

    rules: list[TriggerRule]
    data: Mapping[str, Any]

    def __post_init__(self) -> None:
        self._words: dict[str, frozenset[str]] = {}
        self.by_lemma: dict[str, list[TriggerRule]] = defaultdict(list)
        for rule in self.rules:
            for lemma in rule.lemmas:
                self.by_lemma[lemma].append(rule)
        self.status_of_head: dict[str, str] = {}
        for status, lemmas in self.data.get("status_heads", {}).items():
            for lemma in lemmas:
                self.status_of_head.setdefault(lemma, status)

    def match(self, token: Token, seen: set[tuple[str, str | None]]) -> TriggerRule | None:
        """The first rule whose lemma and constraints fit ``token``, or None. The token's
        objects are read once for all its lemma's rules (a common verb has dozens)."""
        objects: set[str] | None = None
        for rule in self.by_lemma.get(token.lemma_.lower(), ()):
            if token.pos_ not in rule.pos:
                continue
            if objects is None and rule.reads_objects:
                objects = object_lemmas(token)
            if rule.fits(token, seen, objects):
                return rule
        return None

    def match_type(self, event_type: str) -> TriggerRule | None:
        """The first verb rule of ``event_type``: the rule an event re-read as another type
        takes ("X said Y must withdraw" is X's REQUEST)."""
        return next((r for r in self.rules if r.type == event_type and "VERB" in r.pos), None)

    def words(self, key: str) -> frozenset[str]:
        """A word list of the lexicon (``light_verbs``, ``report_verbs``, ...), lower case.

        Raises:
            KnowledgeBaseError: the lexicon has no such list (a typo is an error, never an
                empty set).
        """
        if key not in self._words:
            if key not in self.data:
                raise KnowledgeBaseError(f"the PLOVER lexicon has no word list '{key}'")
            self._words[key] = frozenset(str(w).lower() for w in self.data[key])
        return self._words[key]

    def target_preps(self, event_type: str) -> frozenset[str]:
        table = self.data.get("target_preps", {})
        return frozenset(table.get(event_type, table.get("default", [])))

    def contexts(self) -> Mapping[str, list[str]]:
        return dict(self.data.get("contexts", {}))

    def group_anaphors(self) -> dict[str, str]:
        """Phrase (lower case) -> 'states', 'people' or 'parties'."""
        return {
            p.lower(): kind
            for kind, phrases in self.data.get("group_anaphors", {}).items()
            for p in phrases
        }


def load_plover(paths: Iterable[Path] = ()) -> PloverLexicon:
    """The lexicon: shipped, extended by the user's ``plover.json`` in a knowledge folder.

    A user's triggers (and those of each extra file in ``paths``) are tried before the shipped
    ones, so a user rule overrides a shipped one for the same words; a user's word lists
    (``cancel_verbs``, ``report_verbs``, …) add to the shipped lists.

    Raises:
        KnowledgeBaseError: a file is not valid JSON or not ``parley-plover/1``.
    """
    data = knowledge.document("plover.json", FORMAT)
    aliases = data.get("type_aliases", {})
    files: list[Mapping[str, Any]] = [
        parse_data_file(Path(p).read_text("utf-8"), str(p), FORMAT) for p in paths
    ]
    files += [*knowledge.extensions("plover.json"), knowledge.shipped("plover.json")]
    # PETRARCH2's verb + object patterns (scripts/convert_petrarch_verbs.py) come last: they
    # only add verbs our own rules do not cover.
    files.append(knowledge.load("lexicon/petrarch_verbs.json"))
    rules = [rule for f in files for rule in _rules(f, aliases)]
    return PloverLexicon(rules=rules, data=data)


def _rules(data: Mapping[str, Any], aliases: Mapping[str, str]) -> list[TriggerRule]:
    try:
        return [TriggerRule.from_data(item, aliases) for item in data.get("triggers", [])]
    except (KeyError, TypeError) as e:
        raise KnowledgeBaseError(
            f"plover lexicon: a trigger lacks 'type', 'pos' or 'lemmas' ({e}); see the shipped "
            f"parley/data/plover.json for the shape"
        ) from e
