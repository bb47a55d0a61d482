"""What a pronoun subject stands for: "he said", "it added", "they warned".

A reader takes "he" to be the person last speaking or last acting as subject, of the right
kind (a person for "he"/"she", an institution or group for "it"/"they") and of agreeing gender
(titles Mr./Mrs./Ms. and the first-name table). So the search goes back sentence by sentence
(up to four, the pronoun's own first), takes speakers already noted before subjects, skips
words inside quotes or inside what someone is said to have said, and follows an earlier pronoun
to its own antecedent ("He said …. He also noted …"), a bounded number of times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from parley.extract.actors.gender import Gender, agrees, gender_of_name, gender_of_pronoun
from parley.extract.speech.cues import LEXICON, Cues
from parley.extract.speech.descriptions import has_role, person_role
from parley.extract.speech.resolver import FAR, NEAR, Who
from parley.extract.speech.syntax import (
    LOOK_BACK,
    char_at,
    in_dateline,
    same_paragraph,
    sentences_back,
)
from parley.knowledge import words

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from parley.extract.speech.resolver import Resolver

__all__ = ["Antecedents"]

_CHAIN = 3  # pronouns followed back through earlier pronouns, at most
_FAR_BACK = 10  # sentences searched for the last speaker when no antecedent is nearer
_OPEN_TURN = 30  # sentences over which the very last speaker's turn stays open


class Antecedents:
    """Antecedents of pronoun subjects, for one document.

    ``noted`` is the list of (token index, speaker) the speakers found so far, shared with
    :class:`~parley.extract.speech.speakers.Speakers`; ``describe`` names a noun-phrase subject
    the way a speaker is named, so that a candidate is the person a description stands for.
    """

    def __init__(
        self,
        res: Resolver,
        cues: Cues,
        quoted: Sequence[tuple[int, int]],
        noted: list[tuple[int, Who]],
        describe: Callable[[Token], Who],
    ) -> None:
        self.res = res
        self.cues = cues
        self.doc = res.ctx.doc
        self.quoted = quoted
        self.noted = noted
        self.describe = describe
        self._depth = 0  # pronouns followed through pronouns, bounded by _CHAIN
        self._participants: frozenset[str] | None = None  # of an interview, read on demand

    def antecedent(self, pron: Token) -> Who | None:
        """The most recent compatible speaker or subject before ``pron`` (up to 4 sentences,
        the pronoun's own included), else the last named speaker further back. An age
        description ("the 75-year-old") is taken up like "he"."""
        person = pron.lower_ in self.cues.person_pronouns or aged(pron)
        gender = gender_of_pronoun(pron.text)
        front = self._fronted_speaker(pron, person, gender)
        if front is not None:
            return front
        named: Who | None = None  # a person named, not as subject, in a nearer sentence
        for n, sent in enumerate(self._sentences_back(pron)):
            fits = [
                w for w in self._candidates(sent, before=pron.i)
                if self._compatible(w, person, pron.lower_) and agrees(gender, self._gender(w))
                and not self._participant(w, pron)
            ]  # fmt: skip
            # A named actor beats a description in the same sentence: in "He said this at a
            # press conference, a correspondent reports" the next "he" is still the minister.
            who = next((w for w in fits if w.actor is not None), fits[0] if fits else None)
            if who is None:
                if person and named is None and not _first_person(pron):
                    named = self._person_named_in(sent, pron, gender)
                continue
            if named is not None and not self._speaking(who):
                return named
            conf = NEAR if n <= 1 else FAR
            return Who(who.actor, who.text, who.start, who.end, conf, who.kind, who.head)
        if not person:
            return self._text_named(pron)
        return self._last_speaker(pron, person, gender) or named

    def _fronted_speaker(self, pron: Token, person: bool, gender: Gender | None) -> Who | None:
        """The subject of a claim fronted before its tag, for the tag's pronoun: in "Minister
        X has condemned the sanctions as …, he stated on Monday" he is X. The claim's subject
        is what is said, so it is no candidate for a later "he"; for the tag's own pronoun,
        with no person before the claim, it is the one a reader takes."""
        verb = pron.head
        if pron.dep_ != "nsubj" or verb.lemma_.lower() not in self.cues.speech_verbs:
            return None
        clause = next(
            (c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < pron.i), None
        )
        if clause is None and verb.dep_ in ("ccomp", "parataxis") and verb.head.i < pron.i:
            clause = verb.head  # the parser hung the tag on the claim
        if clause is None or clause.sent.start != pron.sent.start:
            return None
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or any(a <= subj.idx < b for a, b in self.quoted):
            return None
        who = self.describe(subj)
        if who.actor is None or not self._compatible(who, person, pron.lower_):
            return None
        if not agrees(gender, self._gender(who)):
            return None
        return Who(who.actor, who.text, who.start, who.end, NEAR, who.kind, who.head)

    def _text_named(self, pron: Token) -> Who | None:
        """The text "it" speaks for when no subject fits: "If I may return to the written
        statement, it observes: '…'". A speech verb's "it" with no thing subject before it
        is the last text (statement, report, notice) its sentence or the one before names,
        in any position, outside quotes."""
        if pron.lower_ not in words(LEXICON, "singular_thing_pronouns"):
            return None
        if pron.head.lemma_.lower() not in self.cues.speech_verbs:
            return None
        # the text's own quoted sentences ('"…," according to the statement. "…" "…," it
        # said') are its words, not the narration: they do not count among the two
        narrated = [s for s in sentences_back(pron, 8) if not self._all_quoted(s, pron)]
        for sent in narrated[:2]:
            for tok in reversed([t for t in sent if t.i < pron.i]):
                if tok.tag_ != "NN" or tok.lemma_.lower() not in self._texts():
                    continue
                if any(a <= tok.idx < b for a, b in self.quoted):
                    continue
                found = self.describe(tok)
                return Who(found.actor, found.text, found.start, found.end, FAR, found.kind,
                           tok.i)  # fmt: skip
        return None

    def _sentences_back(self, pron: Token) -> list[SpacySpan]:
        """The sentences searched for ``pron``'s antecedent, nearest first. In a transcript
        the parser makes each turn's label ("MACRON:") a sentence of its own; a reader skips
        labels, so they do not count among the sentences looked back over."""
        sents = sentences_back(pron, LOOK_BACK)
        if not self._in_dialogue(pron):
            return sents
        wider = sentences_back(pron, 2 * LOOK_BACK)
        return [s for s in wider if not _label_only(s)][:LOOK_BACK]

    def _in_dialogue(self, pron: Token) -> bool:
        """Whether the text is an interview and ``pron`` a third-person pronoun."""
        if pron.lower_ not in self.cues.person_pronouns or _first_person(pron):
            return False
        if self._participants is None:
            from parley.extract.speech.interviews import Interview

            self._participants = Interview(self.res.ctx, self.res).participants()
        return bool(self._participants)

    def _participant(self, who: Who, pron: Token) -> bool:
        """Whether ``who`` speaks in a turn of the interview the third-person ``pron`` is in.

        In a transcript the two sides are "I" and "you" to each other: the interviewer's
        "even in his speech, he said, '…'" is about a third person named before, never the
        interviewee who answered "Yes" a line up (nor the interviewer)."""
        if not self._in_dialogue(pron):
            return False
        said = who.text.lower().replace(":", " ").split()
        return any(w.rstrip(".") in (self._participants or ()) for w in said)

    def _speaking(self, who: Who) -> bool:
        """Whether a candidate is a speaker: noted as one, or the subject of a verb of saying
        ("Lavrov said …"), a thread of speech the next "he" goes on with."""
        if any(w.start == who.start and w.end == who.end for _, w in self.noted):
            return True
        tok = self._head_of(who)
        return tok is not None and tok.head.lemma_.lower() in self.cues.speech_verbs

    def _person_named_in(self, sent: SpacySpan, pron: Token, gender: Gender | None) -> Who | None:
        """The person a sentence names outside its subject, for a "he" with none nearer.

        "… broke new ground with an announcement by President X that …. He declared …": when
        no subject of the sentence is a person, the reader's "he" is the person it named, in
        whatever position: a subject further back is less salient, unless that subject was
        speaking (then "he" goes on with the speech). Only the last agreeing, unreported
        person counts.
        """
        names = [
            t for t in sent
            if t.i < pron.i and self._a_person_name(t) and not self._reported(t)
            and not any(start <= t.idx < end for start, end in self.quoted)
        ]  # fmt: skip
        for tok in reversed(names):
            who = self.describe(tok)
            if agrees(gender, self._gender(who)) and not self._participant(who, pron):
                return Who(who.actor, who.text, who.start, who.end, NEAR, who.kind, who.head)
        return None

    def _a_person_name(self, tok: Token) -> bool:
        """Whether ``tok`` is the last word of a person's name (a person mention's head)."""
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            return False
        m = self.res.mention(tok.i)
        actor = m.actor if m is not None else None
        if actor is not None:
            return self.res.kind(actor) == "person"
        return self.res.label(tok) == "PERSON"

    def _all_quoted(self, sent: SpacySpan, pron: Token) -> bool:
        """Whether every word of ``sent`` before ``pron`` lies inside quote marks."""
        found = [t for t in sent if t.is_alpha and t.i < pron.i]
        return bool(found) and all(any(a <= t.idx < b for a, b in self.quoted) for t in found)

    def _last_speaker(self, pron: Token, person: bool, gender: Gender | None) -> Who | None:
        """Further back, "he" is the named person who spoke last, when one agrees.

        Wire copy names a speaker, gives background for several sentences, then goes on
        with "he said"; the reader still hears the last person quoted. Only a speaker linked
        or named by a proper name, noted within ``_FAR_BACK`` sentences, counts, at the
        lowest confidence.
        """
        sents = sentences_back(pron, _FAR_BACK)
        start = sents[-1].start
        noted = sorted((at, w) for at, w in self.noted if start <= at < pron.i)
        for _, who in reversed(noted):
            if self._fits_far(who, pron, person, gender):
                return Who(who.actor, who.text, who.start, who.end, FAR, who.kind, who.head)
        return self._open_turn(pron, person, gender)

    def _fits_far(self, who: Who, pron: Token, person: bool, gender: Gender | None) -> bool:
        """Whether a speaker noted further back can be ``pron``: named, of the pronoun's
        kind and gender, and no side of an interview the pronoun is inside."""
        if not self._named(who) or not self._compatible(who, person):
            return False
        return not self._participant(who, pron) and agrees(gender, self._gender(who))

    def _open_turn(self, pron: Token, person: bool, gender: Gender | None) -> Who | None:
        """The last speaker of the text, for a "he said" further back than ``_FAR_BACK``.

        An embedded post or a run of background can put many sentences between a speaker
        and the next '"…," he said'; no one else has spoken since, so the speaker's turn is
        still open and the reader hears the same voice. Only the very last speaker noted
        before the pronoun (within ``_OPEN_TURN`` sentences) counts, and only when they
        agree: another speaker after them closes their turn, and a person of the other
        gender is never taken instead."""
        start = sentences_back(pron, _OPEN_TURN)[-1].start
        noted = sorted((at, w) for at, w in self.noted if start <= at < pron.i)
        if not noted:
            return None
        last = noted[-1][1]
        if not self._fits_far(last, pron, person, gender):
            return None
        return Who(last.actor, last.text, last.start, last.end, FAR, last.kind, last.head)

    def _named(self, who: Who) -> bool:
        """A linked speaker, or one named by a proper name the model did not tag ("Syed
        Nasir said"): a name is as sure a speaker as a link; a description is not."""
        if who.actor is not None:
            return True
        tok = self._head_of(who)
        return tok is not None and tok.pos_ == "PROPN" and tok.text[:1].isupper()

    def _gender(self, who: Who) -> Gender | None:
        """A candidate's gender from its words ("Mrs. Okafor"), else its actor's name."""
        found = gender_of_name(who.text)
        if found is not None or who.actor is None:
            return found
        kb = self.res.ctx.kb
        if who.actor in kb.actors:
            return gender_of_name(kb[who.actor].name)
        return next(
            (gender_of_name(a.name) for a in self.res.ctx.analysis.actors if a.id == who.actor),
            None,
        )

    def _candidates(self, sent: SpacySpan, before: int) -> list[Who]:
        """Antecedent candidates in ``sent`` before token ``before``: a speaker already named
        in the sentence first, then subjects, latest first (a reader's "he" is the last actor)."""
        # A speaker already named in the sentence comes first, then subjects, latest first.
        limit = char_at(self.doc, before)
        noted = sorted((at, w) for at, w in self.noted if sent.start <= at < sent.end)
        found = [w for _, w in reversed(noted) if w.end <= limit]
        pronouns = self.cues.person_pronouns | self.cues.group_pronouns
        subjects = [
            t for t in sent
            if t.i < before and t.dep_ in ("nsubj", "nsubjpass") and not self._reported(t)
            and not (_background(t) and _named_before(t)) and not self._holds_a_person_pronoun(t)
            and not _co_argument(t, self.doc[before]) and not asked_about(t)
            and not in_dateline(t)
        ]  # fmt: skip
        for t in reversed(subjects):
            if t.lower_ not in pronouns and not aged(t):
                found.append(self.describe(t))
            elif self._depth < _CHAIN:
                # "He said …. He also noted …": a pronoun subject stands for its own antecedent
                # (and so does "The 75-year-old …")
                self._depth += 1
                try:
                    chained = self.antecedent(t)
                finally:
                    self._depth -= 1
                if chained is not None and (chained.actor is not None or self._a_role(chained)):
                    found.append(chained)
        return found

    def _a_role(self, who: Who) -> bool:
        """An unlinked description that names a person by office ("the Deputy Secretary-
        General"): as sure a referent to follow through "She is well. She said …" as a link."""
        tok = self._head_of(who)
        return tok is not None and person_role(tok, self.cues)

    def _holds_a_person_pronoun(self, subj: Token) -> bool:
        """ "The reason she is taking part remotely": a phrase with "she" as a subject inside
        it is about her, never her, so it is no antecedent of the next "she"."""
        pronouns = self.cues.person_pronouns
        return any(
            t.i != subj.i and t.dep_ == "nsubj" and t.lower_ in pronouns for t in subj.subtree
        )

    def _reported(self, tok: Token) -> bool:
        """Whether ``tok`` is part of what is said (in quotes, or in "said that …")."""
        if any(start <= tok.idx < end for start, end in self.quoted):
            return True
        if any(self._parenthetical_speech(c, tok) for c in tok.head.children):
            return True  # "A second round would follow, she said": the round is what she said
        return any(self._speech_clause(clause, tok) for clause in tok.ancestors)

    def _speech_clause(self, clause: Token, tok: Token) -> bool:
        """Whether ``clause`` is what a verb of saying reports ("A said there would be reform
        whether B's party liked it or not"): every word inside it, however deep (a party in a
        clause within the reported clause), is said, not the one saying it."""
        verb = clause.head
        if clause.i < verb.i and clause.lemma_.lower() in self.cues.speech_verbs:
            return False  # "A said X – he said Y", parsed with "A said" under the later "said"
        if clause.i < verb.i and tok.head.i == clause.i and verb.lemma_.lower() == "report":
            return False  # "A accused B of …, the agency reported": A acts in the writer's
            # lede, the agency only vouches for it, so the next "she said" is A's
        if any(start <= verb.idx < end for start, end in self.quoted):
            return False  # "X offers an account of …, 'shoot first, ask later'": a verb in
            # marks the parser made the root reports nothing of the writer's sentence
        return (
            clause.dep_ == "ccomp"
            and verb.lemma_.lower() in self.cues.speech_verbs
            and same_paragraph(tok, verb)  # a parse over a paragraph break reports nothing
        )

    def _parenthetical_speech(self, child: Token, tok: Token) -> bool:
        """Whether ``child`` is a speech verb set after the clause of ``tok`` ("…, she said")."""
        return (
            child.dep_ == "parataxis"
            and child.i > tok.i
            and child.lemma_.lower() in self.cues.speech_verbs
            and same_paragraph(tok, child)
        )

    def _compatible(self, who: Who, person: bool, pron: str = "") -> bool:
        """Whether ``who`` can be what a person ("he") or a group ("it", "they") pronoun means.

        A role noun names a person even when the phrase speaks for an institution: "the UN
        special envoy … he said" is the envoy, though the envoy's words are the UN's. "It"
        agrees in number ("the talks" are no "it") and can be a text that speaks ("The report
        says …. It alleges …").
        """
        tok = self._head_of(who)
        if tok is not None and pron in words(LEXICON, "singular_thing_pronouns"):
            if tok.tag_ == "NNS":
                return False
            if tok.lemma_.lower() in self._texts():
                return True
        if tok is not None and (person_role(tok, self.cues) or aged(tok)):
            return person
        if tok is not None and tok.pos_ == "PROPN" and has_role(tok):
            return person  # "Hamed Nasir, spokesman for …", even if the model made it an ORG
        if tok is not None and self._given_name_first(tok):
            return person  # "Daniel Holt in the Herald offers …", tagged as an organisation
        kind = who.kind or self.res.kind(who.actor)
        if kind is not None:
            return (kind == "person") == person
        if tok is None:
            return False
        label = self.res.label(tok)
        if label == "PERSON":
            return person
        bodies = (
            self.cues.institution_heads | self.cues.outlet_nouns
            | words(LEXICON, "broadcast_nouns")
        )  # fmt: skip
        if label in ("ORG", "GPE", "NORP") or tok.lemma_.lower() in bodies:
            return not person  # "Pakistan's foreign office … it said"; "the radio … It warned"
        if tok.pos_ == "PROPN" and (has_role(tok) or self._after_role(tok)):
            return person  # "Aidos Serikbayev, Kazakhstan's deputy defense minister"
        if tok.tag_ in ("NNS", "NNPS"):
            return not person
        # "a spokesman", "one protester": a singular common noun here is a person, unless
        # it names a happening ("the incident", "the attack") rather than anyone.
        return (
            person and tok.tag_ == "NN" and tok.lemma_.lower() not in words(LEXICON, "not_people")
            and not _abstract(tok)
        )  # fmt: skip

    def _given_name_first(self, tok: Token) -> bool:
        """Whether ``tok`` ends a name of two or three words opening with a given name of
        the first-name table ("Daniel Holt"): a person's name, whatever label the model
        gave it (it often reads "Daniel Holt in the Herald" as an organisation), unless the
        last word names a body ("Daniel Holt Foundation" is no person, nor its council)."""
        heads = self.cues.institution_heads | words(LEXICON, "body_name_ends")
        if tok.pos_ != "PROPN" or tok.lower_ in heads:
            return False
        parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if not 1 <= len(parts) <= 2 or parts[0].i + len(parts) != tok.i:
            return False
        return gender_of_name(parts[0].text) is not None

    def _texts(self) -> frozenset[str]:
        """Nouns of texts that speak for their issuer: statements, reports, notices."""
        cues = self.cues
        return cues.speech_nouns | cues.text_nouns | cues.document_nouns

    def _after_role(self, name: Token) -> bool:
        """A name right after a role noun ("ministry spokesperson Hamed Nasir"), however
        the parser hung the two: the role says the name is a person's."""
        before = self.doc[max(0, name.i - 3) : name.i]
        return any(t.tag_ == "NN" and person_role(t, self.cues) for t in before)

    def _head_of(self, who: Who) -> Token | None:
        """The head token of a candidate; a speaker noted by offsets only is found by them,
        so that an unlinked speaker ("the envoy for the region") can be taken up by "he"."""
        if who.head is not None:
            return self.doc[who.head]
        if who.end <= who.start:
            return None
        span = self.doc.char_span(who.start, who.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None


def aged(tok: Token) -> bool:
    """Whether ``tok`` heads an age description used as a noun ("the 75-year-old"): the
    adjective "old" with a unit of age ("year", "month") before it, standing for a person."""
    units = words(LEXICON, "age_units")
    return (
        tok.lower_ == "old"
        and tok.pos_ in ("ADJ", "NOUN")
        and any(c.lemma_.lower() in units for c in tok.children)
    )


def _co_argument(subj: Token, pron: Token) -> bool:
    """Whether ``subj`` is the subject of the verb whose object the pronoun ``pron`` is.

    An object pronoun that is not reflexive never stands for its own verb's subject: in
    "the daily quotes him as saying" he is someone named before, never the daily.
    """
    objects = ("dobj", "iobj", "dative")
    if pron.dep_ not in objects or pron.pos_ != "PRON":
        return False
    verb = subj.head
    while verb.dep_ == "aux" and verb.head.i != verb.i:
        verb = verb.head  # "the daily Tribune quotes": the name misread as an auxiliary
    return verb.i == pron.head.i


def _first_person(pron: Token) -> bool:
    """ "Thanks, Tom. … I would just say that …": "I" is whoever is speaking, never a
    person the sentences before only name or address; only a subject (a speaker) can be it."""
    return pron.lower_ in words(LEXICON, "first_person_words")


def _abstract(noun: Token) -> bool:
    """Whether a common noun is abstract by its ending ("membership", "position",
    "agreement", "readiness"): English derives no noun for a person with these endings, so
    "Moscow's membership was suspended. He declared …" cannot be about the membership."""
    lower = noun.lower_
    return any(lower.endswith(end) for end in words(LEXICON, "abstract_noun_endings"))


def _background(subj: Token) -> bool:
    """A subject of a pluperfect clause ("Halloran had met the president during his stay"):
    background set between a speaker's quotes, not the person who goes on speaking. The
    parser splits "had … met" in several ways; each is read here."""
    verb = subj.head
    if verb.tag_ in ("VBN", "VBD") and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in verb.children
    ):
        return True
    if verb.lower_ != "had":
        return False
    return verb.dep_ == "aux" or any(
        c.dep_ in ("ccomp", "xcomp", "dep") and c.tag_ in ("VBN", "VBD") and c.i > verb.i
        for c in verb.children
    )


def _named_before(subj: Token) -> bool:
    """Whether the subject's name came up before its sentence ("Halloran's visit", then
    "Halloran had met …"): background about someone already in the story; a person introduced
    here ("John Halloran had arrived …") may well be the next speaker."""
    first = subj.sent.start
    return any(t.text == subj.text for t in subj.doc[:first])


def asked_about(subj: Token) -> bool:
    """Whether ``subj`` is the subject of an embedded question: "asked the government to say
    whether the terms had been shared and what is the exact schedule of the withdrawal".

    What a question asks about is not who acts in the sentence: a reader's later "she said"
    goes on with the one who asked, never with "the schedule" or "the terms". A complement
    clause (or a clause conjoined to one) opened by "whether"/"if" or holding a question
    word is such a question; a relative clause ("the envoy who met …") or a clause of time
    ("when the minister arrived") is not.
    """
    questions = words(LEXICON, "question_words")
    clause = subj.head
    for _ in range(6):
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            if _opens_question(clause, questions):
                return True
            clause = clause.head
        if clause.dep_ == "relcl" or clause.head.i == clause.i:
            return False
        if clause.dep_ in ("ccomp", "xcomp") and _opens_question(clause, questions):
            return True
        clause = clause.head
    return False


def _opens_question(clause: Token, questions: frozenset[str]) -> bool:
    """Whether ``clause`` has a "whether"/"if" marker or a question word before its verb."""
    return any(
        c.i < clause.i and c.lower_ in questions and (c.dep_ == "mark" or c.tag_.startswith("W"))
        for c in clause.children
    )


def _label_only(sent: SpacySpan) -> bool:
    """Whether a sentence is only a transcript label ("MACRON:", "MR. NESSEN:"), or the
    label's colon the parser split off on its own."""
    said = [t for t in sent if not t.is_space]
    after = sent.doc[sent.end] if sent.end < len(sent.doc) else None
    colon = any(t.text == ":" for t in said) or (after is not None and after.text == ":")
    return 0 < len(said) <= 4 and colon and all(t.text.isupper() or t.is_punct for t in said)
