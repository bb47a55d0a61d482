"""Which tokens are the subjects of a verb, when the parser leaves them implicit.

Part of step 3 of the events extractor: :class:`Subjects` finds the subject tokens of an event
verb, climbing to the controller of an infinitive ("pressed X to accept"), of a relative clause
or of a coordinated verb, and picking up a subject the parser hung elsewhere. Turning the
tokens into actor ids is :class:`parley.extract.events.naming.PartyNames`' job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.actors import ActorIndex
from parley.extract.events.status import StatusReader

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SUBJECTS", "Subjects", "reduced_relative", "statement_content"]

SUBJECTS = ("nsubj", "csubj")
_EVENTS_LEXICON = "lexicon/events.json"
# How many heads the search climbs from a verb before it gives up.
_CLIMB = 4


class Subjects:
    """Finds the subject tokens of a verb in one document."""

    def __init__(self, doc: Doc, actors: ActorIndex, statuses: StatusReader) -> None:
        self.doc, self.actors, self.statuses = doc, actors, statuses

    def of(self, verb: Token) -> list[Token]:
        """Explicit subjects, or the controller's for xcomp/conj/relative clauses.

        A casualty passive with its own victims ("one policeman died and dozens of others
        were injured") inherits no subject: the one who died did not injure the others.
        """
        casualty = verb.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "casualty_verbs")
        if casualty and any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        if verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
            return []  # "students were reported to have been beaten": they were the patients
        if _subordinate_passive(verb):
            return []  # "though 100 rockets were fired into X, no one in X died": doer unsaid
        if (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBN"
            and any(c.dep_ == "agent" for c in verb.children)
        ):
            return []  # "the farmers were on a tractor when killed by the raid": its patients
        split = _split_subject(verb) or self._stray_subject(verb)
        if split:
            return split
        current = verb
        for _ in range(_CLIMB):
            found = self._here(current)
            if found is not None:
                return found
            if current.dep_ not in ("xcomp", "conj", "advcl") or current.head.i == current.i:
                return self._left_neighbour(current)
            if _finite_under_speech(current, self.statuses):
                return []  # "who the U.S. says threaten peace": the speaker does not threaten
            found = self._controller(current)
            if found is not None:
                return found
            current = current.head
        return []

    def _here(self, verb: Token) -> list[Token] | None:
        """Subjects fixed by ``verb``'s own clause: its subjects, the one accused of the act,
        or the noun a relative clause describes; None when the search must climb."""
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if len(subjects) > 1:
            subjects = [s for s in subjects if not _gerund_object(s)] or subjects
        subjects = [_sufferer(s) or s for s in subjects]
        if subjects and not all(_relative_pronoun(s) for s in subjects):
            return subjects
        controllers = self._pcomp_controller(verb)
        if controllers:
            return controllers
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            if _passive_relative(verb):  # "villages, which were torched by X": X acts on them
                return []
            if self._controlled_by_verb(verb):  # "will make an agreement to meet"
                return self.of(verb.head.head)
            if statement_content(verb):  # "issued a statement condemning the killing"
                return self.of(verb.head.head)
            if any(_part_of_whom(s) for s in subjects):
                return [_first_conjunct(verb.head)]
            return [self._attack_on(verb.head, verb) or verb.head]
        return None

    def _attack_on(self, aimed: Token, clause: Token) -> Token | None:
        """The weapon or attack a harm is told of when the parser hangs its relative clause on
        what the attack was aimed at: in "missiles on villages that killed 31 civilians" the
        missiles killed, not the villages (stories2: "Indian missile on Pakistani locations
        that killed" gave Pakistan as the attacker). None unless ``aimed`` is the object of an
        aim preposition ("on", "at", "into") of such a noun and ``clause`` tells an attack."""
        prep = aimed.head
        aims = knowledge.words(_EVENTS_LEXICON, "launch_aim_preps")
        if aimed.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in aims:
            return None
        weapon = prep.head
        if weapon.pos_ != "NOUN" or not (self._attack(weapon) or _projectile(weapon)):
            return None
        return weapon if self._attack(clause) else None

    def _attack(self, token: Token) -> bool:
        rule = self.statuses.lex.match(token, set())
        return rule is not None and rule.type == "ASSAULT"

    def _controlled_by_verb(self, verb: Token) -> bool:
        """An infinitive on the object of a verb ("made an agreement to meet", "took a decision
        to withdraw") is done by that verb's subject, not by the noun."""
        noun = verb.head
        infinitive = verb.dep_ == "acl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        )
        return (
            infinitive
            and noun.dep_ in ("dobj", "attr")
            and noun.head.pos_ in ("VERB", "AUX")
            and noun.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "intent_nouns")
        )

    def _controller(self, verb: Token) -> list[Token] | None:
        """The head clause's object or speaker that controls ``verb`` (an xcomp or a conj);
        None when the search must climb on."""
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")]
            if objects:  # object control ("pressed X to accept"), raising ("X is expected to")
                return objects
        if verb.dep_ == "conj" and self._patient_only(verb.head):
            speaker = self.statuses.reporting_verb(verb.head)
            if speaker is not None:  # "said the round was postponed and urged restraint"
                return [c for c in speaker.children if c.dep_ in SUBJECTS]
        return None

    @staticmethod
    def _pcomp_controller(verb: Token) -> list[Token]:
        """'accused X of holding an exercise': the one accused of the act did it; "X took the
        dramatic step of expelling Y" (round 11's k01): who takes a step (a decision, a
        measure) of doing something does it; "X responded by recalling its ambassador" (round
        12's l03, events27): a means told by "by" and a gerund is done by the subject of the
        verb it serves (an active one: in a passive the subject did nothing)."""
        prep = verb.head
        if verb.dep_ == "pcomp" and prep.lower_ == "by" and prep.head.pos_ in ("VERB", "AUX"):
            return [c for c in prep.head.children if c.dep_ == "nsubj"]
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and prep.head.lemma_ == "be":
            # "X was out of the country attending a meeting" (round 13's m10, events29): where
            # the subject of "be" was, doing what the gerund says
            return [c for c in prep.head.children if c.dep_ == "nsubj"]
        if verb.dep_ != "pcomp" or prep.lower_ not in ("of", "for") or prep.head.i == prep.i:
            return []
        noun = prep.head
        if noun.dep_ == "dobj" and noun.lemma_.lower() in knowledge.words(
            _EVENTS_LEXICON, "step_nouns"
        ):
            return [c for c in noun.head.children if c.dep_ == "nsubj"]
        return [c for c in noun.children if c.dep_ == "dobj"]

    @staticmethod
    def _patient_only(verb: Token) -> bool:
        """A passive clause with no agent: its subject underwent the act."""
        deps = {c.dep_ for c in verb.children}
        return "nsubjpass" in deps and "agent" not in deps and "nsubj" not in deps

    def _stray_subject(self, verb: Token) -> list[Token]:
        """ "Armenia released five soldiers on Monday and Azerbaijan freed two civilians",
        "India summoned the envoy in Delhi and Pakistan expelled a diplomat" (events27): the
        parser often joins the second clause's subject to the noun that ends the first ("Monday
        and Azerbaijan") and leaves the second verb subjectless, so it borrowed the first
        clause's subject. A known actor right before a finite conjoined verb, itself a
        conjunct after "and" of a noun inside the first clause, is that verb's subject."""
        if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
            return []
        if any(c.dep_ in (*SUBJECTS, "nsubjpass") for c in verb.children):
            return []
        first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "neg"))])
        stray = self.doc[first - 1] if first > 0 else verb
        joined = stray.head
        return (
            [stray]
            if stray.dep_ == "conj"
            and stray.pos_ == "PROPN"
            and joined.i < stray.i
            and joined.dep_ in ("pobj", "dobj", "npadvmod", "appos")
            and self.doc[stray.left_edge.i - 1].dep_ == "cc"
            and bool(self.actors.of(stray, with_conj=False))
            else []
        )

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
        return _reduced_relative_subject(verb, first)


def _reduced_relative_subject(verb: Token, first: int) -> list[Token]:
    """ "said troops opposed to the takeover had surrounded the building" (round 13's m10,
    events29): the parser reads a participle after a noun as that noun's verb ("troops
    opposed") and leaves the real verb, with its auxiliary, without a subject. A clause just
    before the verb group whose verb is a bare participle form with a subject and a
    preposition but no object and no auxiliary is such a reduced relative: its subject is the
    verb's."""
    if first == 0 or not any(c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children):
        return []
    clause = next(
        (
            t
            for t in verb.doc[first - 1].ancestors
            if t.pos_ == "VERB" and t.i < first and verb not in t.subtree
        ),
        None,
    )
    if clause is None or max(t.i for t in clause.subtree) != first - 1:
        return []
    if not _bare_participle(clause):
        return []
    return [c for c in clause.children if c.dep_ == "nsubj"]


def _bare_participle(clause: Token) -> bool:
    """A past form with a subject and a preposition, but no object and no auxiliary: "troops
    opposed to the takeover", as the parser reads a reduced relative."""
    deps = {c.dep_ for c in clause.children}
    return (
        clause.tag_ in ("VBD", "VBN")
        and "nsubj" in deps
        and "prep" in deps
        and not deps & {"aux", "auxpass", "dobj", "neg", "cc"}  # "attacked at dawn and killed"
    )


def reduced_relative(verb: Token) -> bool:
    """Whether ``verb`` is a participle the parser took for its noun's verb, as
    :func:`_reduced_relative_subject` finds it: the words right after it open a verb group
    with an auxiliary and no subject of its own ("troops opposed to X had surrounded ...")."""
    if not _bare_participle(verb):
        return False
    rest = [c for c in verb.children if c.i > verb.i and c.dep_ in ("advcl", "conj")]
    apart = {t.i for c in rest for t in c.subtree}
    last = max(t.i for t in verb.subtree if t.i not in apart and not t.is_punct)
    end = last + 1
    if end >= len(verb.doc):
        return False
    after = verb.doc[end]
    if after.dep_ == "aux" and after.tag_ != "TO":  # "... had surrounded": a finite verb group
        main = after.head
    elif rest and rest[0].i == end and rest[0].tag_ in ("VBD", "VBZ", "VBP"):  # "... opened"
        main = rest[0]
    else:
        return False  # "X offered on Tuesday to host talks": an infinitive, X's own verb
    return main.i >= end and not any(c.dep_ in SUBJECTS for c in main.children)


def _projectile(noun: Token) -> bool:
    """A weapon fired at something ("missile", "rocket", "drone")."""
    return noun.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "projectile_heads")


def _split_subject(verb: Token) -> list[Token]:
    """ "as thugs loyal to X killed two supporters" (round 10's j08): the parser may make the
    adjective after the subject a clause of its own ("thugs loyal to X") and leave the verb
    right after it with no subject; the adjective's subject is the verb's. Only for a finite
    verb whose clause begins right where that adjective's clause ends."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECTS for c in verb.children):
        return []
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "neg"))])
    for clause in (c for c in verb.head.children if c.i < verb.i and c.pos_ == "ADJ"):
        subjects = [s for s in clause.children if s.dep_ == "nsubj" and s.i < clause.i]
        adjoining = clause.right_edge.i + 1 == first
        if subjects and adjoining and clause.dep_ in ("advcl", "ccomp", "conj"):
            return subjects
    return []


def statement_content(verb: Token) -> bool:
    """A participle on a statement the subject issued ("issued a statement condemning X",
    "released a communique calling on Y", round 6's f08) tells what the statement does: the
    issuer condemns or calls, not the document; one who received or read it did not."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "issuing_verbs")
        and noun.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "statement_nouns")
    )


def _subordinate_passive(verb: Token) -> bool:
    """A weapon fired in a passive adverbial clause with no agent ("though more than 100
    rockets were fired into Israel today, no Israelis have died", stories2): who fired is
    unsaid, and the main clause's subject is no doer of it (it was taken for the one firing
    the rockets). Other passives keep the main clause's doer ("met three weeks after the
    session was postponed": the sides postponed it)."""
    launches = knowledge.words(_EVENTS_LEXICON, "launch_verbs")
    return (
        verb.dep_ == "advcl"
        and verb.lemma_.lower() in launches
        and any(c.dep_ == "nsubjpass" and _projectile(c) for c in verb.children)
        and not any(c.dep_ in ("agent", "nsubj") for c in verb.children)
    )


def _finite_under_speech(verb: Token, statuses: StatusReader) -> bool:
    """A finite verb the parser hung as the complement of a speech verb ("officials who the
    U.S. says threaten peace"): its subject is the relative pronoun the parser gave to the
    speech verb, never the speaker."""
    speech = statuses.lex.words("speech_verbs")
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ in ("VBP", "VBZ", "VBD")
        and verb.head.lemma_.lower() in speech
    )


def _passive_relative(verb: Token) -> bool:
    """Whether ``verb`` heads a passive relative clause ("the rebels, who were armed by Iran"):
    the noun it describes undergoes the act, so it is no subject; the agent is (the caller
    adds agents as sources)."""
    return verb.dep_ == "relcl" and any(
        c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in verb.children
    )


def _sufferer(pronoun: Token) -> Token | None:
    """ "Two militiamen were killed on Wednesday when they ambushed an Australian patrol"
    (round 14's n08): "they" in a when/as/after clause of a passive is the one the passive
    befell; None for any other subject (an active head's pronoun is left as it was: "police
    arrested the men when they fled" has two readings)."""
    clause = pronoun.head
    pronouns = knowledge.words(_EVENTS_LEXICON, "sufferer_pronouns")
    if pronoun.lower_ not in pronouns or clause.dep_ != "advcl":
        return None
    if not any(
        c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in clause.children
    ):
        return None  # "when", "as", "after": a clause of time
    patients = [c for c in clause.head.children if c.dep_ == "nsubjpass"]
    plural = pronoun.lower_ == "they"
    fits = [p for p in patients if (p.tag_ in ("NNS", "NNPS")) == plural]
    return fits[0] if len(fits) == 1 else None


def _gerund_object(subject: Token) -> bool:
    """ "Congratulating Cho on his inauguration, Kamikawa thanked ..." (round 14's n11): the
    parser makes the opening gerund a compound of its object and the object a second subject
    of the main verb; who is congratulated does not thank."""
    return any(
        c.dep_ == "compound" and c.tag_ == "VBG" and c.is_sent_start for c in subject.children
    )


def _relative_pronoun(subject: Token) -> bool:
    """ "who", "which", or a part of the relative's noun: "all of whom", "both of which"."""
    return subject.tag_ in ("WDT", "WP") or _part_of_whom(subject)


def _part_of_whom(subject: Token) -> bool:
    """ "the governments of A, B and C, all of whom have expelled ..." (round 11's k01): a
    quantifier with "of whom" / "of which" as the subject of a relative clause stands for the
    noun the clause describes ("all", "both", "some", "most", "none", "each", "several")."""
    quantifiers = knowledge.words(_EVENTS_LEXICON, "relative_quantifiers")
    return subject.lower_ in quantifiers and any(
        p.dep_ == "prep"
        and p.lower_ == "of"
        and any(o.dep_ == "pobj" and o.tag_ in ("WP", "WDT") for o in p.children)
        for p in subject.children
    )


def _first_conjunct(noun: Token) -> Token:
    """The first of coordinated nouns ("France" of "France, Germany and Italy"): "all of whom"
    after a list describes the whole list, which the parser hangs on its last member."""
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.i < noun.i:
        noun = noun.head
    return noun
