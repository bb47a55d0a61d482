"""The status of an event: what its trigger's verb group says about whether it happened.

``StatusReader.status`` reads, in order: the terms a text sets or talks are about ("the plan
provides for a withdrawal", "haggling over the timing of withdrawals": proposed), negation ("did
not meet"), conditionals ("if the talks fail", "the sooner X withdraws, the sooner ...", "a
possible intention to begin a blockade"), planned nouns ("a round is planned"), control verbs
("refused to meet"), modals ("will meet", "could meet"), the past perfect and time references
("before the invasion"), else ``occurred``. Word lists come from the PLOVER lexicon
(``parley/data/plover.json``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.plover import PloverLexicon
from parley.models import EventStatus

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["StatusReader", "anchor_of", "arrived_on", "travel_for"]


class StatusReader:
    """Event statuses from the dependency tree, with the lexicon's word lists."""

    def __init__(self, lexicon: PloverLexicon) -> None:
        self.lex = lexicon

    def status(self, token: Token, negation_is_event: bool = False) -> EventStatus:
        """The status of the event ``token`` triggers: negated, hypothetical, planned, a
        control verb's (refused, proposed, …), a modal's, historical, else occurred."""
        anchor = anchor_of(token)
        if (
            token.pos_ == "ADJ"
            and anchor.dep_ == "ccomp"
            and anchor.head.lemma_.lower() in self.lex.words("speech_verbs")
        ):
            anchor = token = anchor.head  # "X responded that it would be pointless": a reply
        if token.pos_ == "NOUN" and (self._prescribed(token) or self._solution(token)):
            return "proposed"  # "the plan provides for a withdrawal": a term, told of no act
        if not negation_is_event and (
            self._negated(token)
            or (self._negated(anchor) and self._anchor_tells_occurrence(token, anchor))
        ):
            return "negated"
        if token.pos_ == "NOUN" and _circumstance(token, anchor):
            return "occurred"  # "In light of X's request, Y will not ...": the request was made
        if self._unseen(anchor):
            return "negated"
        if (
            token.pos_ == "NOUN"
            and token.dep_ == "nsubjpass"
            and token.head.lemma_.lower() in self.lex.words("cancel_verbs")
        ):
            return "negated"  # "the round was postponed": it does not take place as planned
        if (
            self._conditional(token)
            or _in_correlative(token)
            or self._hedged_intent(_governing(anchor))
        ):
            return "hypothetical"
        if token.pos_ == "NOUN" and (
            self._planned_noun(token, anchor) or (travel_for(token) and not arrived_on(token))
        ):
            return "planned"  # "arrived in Havana for talks": the talks are still to come
        chain = self._control_chain(_governing(anchor))
        for head in chain:
            status = self.lex.status_of_head.get(head.lemma_.lower())
            if status == "same" or status is None:
                continue
            if status == "hypothetical":
                continue
            return status  # type: ignore[return-value]
        for verb in [
            anchor,
            *([_governing(anchor)] if _governing(anchor) != anchor else []),
            *chain,
        ]:
            status = self._modal(verb)
            if status == "hypothetical" and self._backshifted_will(verb):
                return "planned"
            if status is not None:
                return status
        if _intended(_governing(anchor)) and self._intent_denied(_governing(anchor).head):
            return "negated"  # "has not even shown intent to withdraw": no plan either
        if (
            _intended(_governing(anchor))
            or _aimed_at(token, anchor)
            or _still_to_come(_governing(anchor))
        ):
            return "planned"  # "expressed its willingness to continue the talks": not yet
        if _destined(_governing(anchor)):
            return "planned"  # "Israel is to free 1,700 prisoners": arranged, still to come
        reported = self.reporting_verb(anchor) is not None or self._within_report(anchor)
        told_earlier = _just_earlier(anchor)  # "Earlier, rebels had seized the crossing"
        if (self._past_perfect(anchor) and not (reported or told_earlier)) or (
            self.temporal_background(token)
        ):
            return "historical"  # "said X had agreed" is the past of the report, not background
        return "occurred"

    def _unseen(self, anchor: Token) -> bool:
        """ "We did not see anyone attack the polling stations": an act told as the complement
        of a negated verb of perception is not reported as having happened (the same verb
        without negation, "we saw thousands attack ...", reports it as fact)."""
        return (
            anchor.dep_ in ("ccomp", "xcomp")
            and anchor.head.lemma_.lower() in self.lex.words("perception_verbs")
            and self._negated(anchor.head)
        )

    def _anchor_tells_occurrence(self, token: Token, anchor: Token) -> bool:
        """Whether a negated anchor denies the event itself: always for verbs and objects, but
        for an event noun as subject only with verbs of happening ("the talks did not take
        place", not "the demand has not changed")."""
        if token.pos_ == "NOUN" and _circumstance(token, anchor):
            return False  # "In light of X's request, Y will not block": only Y's act is denied
        if token.pos_ != "NOUN" or token.i == anchor.i or token.dep_ not in ("nsubj", "nsubjpass"):
            return True
        return anchor.lemma_.lower() in self.lex.words("occurrence_verbs")

    def _planned_noun(self, noun: Token, anchor: Token) -> bool:
        """'A round is planned / expected / due', 'the round, which X plans to host': planned."""
        heads = self.lex.words("planned_noun_heads")
        if (
            noun.dep_ in ("nsubj", "nsubjpass")
            and noun.head.i == anchor.i
            and (
                anchor.lemma_.lower() in heads
                or any(c.dep_ == "acomp" and c.lemma_.lower() in heads for c in anchor.children)
            )
        ):
            return True
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            if clause.lemma_.lower() in heads or self._modal(clause) == "planned":
                return True
        return False

    def _prescribed(self, noun: Token) -> bool:
        """ "The plan provides for a withdrawal of X forces", "proposals that would not provide
        for the return of refugees and the full withdrawal of X troops", "steps, including a
        withdrawal", "the deal envisages a pullout", "a pullout is required": an act within what
        a text or plan sets as its terms is proposed, whatever the verb's tense or negation says
        (stories3: a plan's terms joined the real withdrawal's story)."""
        verbs = self.lex.words("prescribing_verbs")
        topics = self.lex.words("topic_heads")
        below, current = noun, noun.head
        for _ in range(8):
            if below.i == current.i or below.dep_ in _CLAUSE_DEPS:
                return False
            if below.dep_ == "prep" and below.lower_ in self.lex.words("topic_preps"):
                if current.lemma_.lower() in topics:
                    return True  # "haggling over the timing of X troop withdrawals"
            if current.pos_ in ("VERB", "AUX") and current.tag_ != "VBG":
                break
            below, current = current, current.head
        else:
            return False
        lemma = current.lemma_.lower()
        if below.dep_ == "prep" and below.lower_ == "for":
            # "provided troops for the withdrawal" gives troops to it, it sets no term.
            return lemma in verbs and not any(c.dep_ == "dobj" for c in current.children)
        # "provided aid" gives, it sets no term: "provide" sets one only with "for".
        return below.dep_ in ("dobj", "nsubjpass") and lemma in verbs - {"provide"}

    def _solution(self, noun: Token) -> bool:
        """ "The only reasonable way out is the withdrawal of X troops": an act named as the way
        out, the solution or the condition is proposed, not told as done (stories2's week 3)."""
        head = noun.head
        if noun.dep_ != "attr" or head.lemma_ != "be" or head.tag_ == "VBD":
            return False  # "the answer was an invasion" tells what was done
        solutions = self.lex.words("solution_nouns")
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in solutions for c in head.children)

    def _intent_denied(self, noun: Token) -> bool:
        """ "Has not shown any intent to withdraw", "showed no intention to leave": an intention
        denied, by its verb's negation or by "no", announces nothing to come."""
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return True
        return self._negated(noun.head)

    def _hedged_intent(self, anchor: Token) -> bool:
        """ "Reports of a possible Russian intention to begin a naval blockade": the act an
        intention only hedged (possible, alleged, reported) aims at may never come; "its
        intention to begin talks" keeps the act planned (stories2's week 3)."""
        noun = anchor.head
        return (
            anchor.dep_ == "acl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
            and noun.lemma_.lower() in knowledge.words("lexicon/events.json", "intent_nouns")
            and any(
                c.dep_ == "amod" and c.lower_ in self.lex.words("hedged_intent_modifiers")
                for c in noun.children
            )
        )

    def _backshifted_will(self, verb: Token) -> bool:
        """'would' in reported speech is the past of 'will' ("a round would take place in
        April, she said"), unless perfect ("would have been"), which is counterfactual."""
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if not any(a.lower_ == "would" for a in auxes) or any(a.lemma_ == "have" for a in auxes):
            return False
        if any(c.dep_ == "advcl" for c in verb.children):
            return False  # "If X ..., Y would ...", "Should the talks succeed, ...": a condition
        return self.reporting_verb(verb) is not None

    def _negated(self, token: Token) -> bool:
        for neg in (c for c in token.children if c.dep_ == "neg"):
            following = token.doc[neg.i + 1] if neg.i + 1 < len(token.doc) else neg
            if following.lower_ != "only":  # "not only ... but also" asserts, it does not deny
                return True
        return token.pos_ == "NOUN" and any(
            c.lower_ in ("no", "without") for c in token.children if c.dep_ in ("det", "prep")
        )

    def _conditional(self, token: Token) -> bool:
        marks = self.lex.words("conditional_marks")
        nouns = self.lex.words("conditional_nouns")
        current = token
        for _ in range(12):
            if current.dep_ == "advcl" and (
                any(c.dep_ == "mark" and c.lower_ in marks for c in current.children)
                or self._pending(current)
                or self._counterfactual(current)
            ):
                return True
            if (
                current.dep_ == "pobj"
                and current.lemma_.lower() in nouns
                and current.head.lower_ == "in"
                and token.i != current.i
            ):
                return True
            if current.head.i == current.i:
                return False
            if current.dep_ in ("ccomp",) and current.head.lemma_.lower() in self.lex.words(
                "speech_verbs"
            ):
                return False  # a reported clause: the report itself is not conditional
            current = current.head
        return False

    def _counterfactual(self, clause: Token) -> bool:
        """ "It is not as though we accuse anyone": a clause marked "as though" (the parser
        splits the mark in two words) says what is not the case."""
        marks = " ".join(c.lower_ for c in clause.children if c.dep_ == "mark")
        return marks in self.lex.words("counterfactual_marks")

    def _pending(self, clause: Token) -> bool:
        """ "postponed until conditions allow a meeting": a present-tense until/once clause
        names a condition still to be met, active or passive ("once the package is approved");
        a past one ("until Russia withdrew") happened."""
        present = clause.tag_ in ("VBP", "VBZ", "VB") or any(  # "once it is approved"
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in clause.children
        )
        return present and any(
            c.dep_ == "mark" and c.lower_ in self.lex.words("pending_marks")
            for c in clause.children
        )

    def _control_chain(self, anchor: Token) -> list[Token]:
        """Verbs/adjectives that take ``anchor`` as their complement ("refused to [meet]")."""
        chain: list[Token] = []
        current = anchor
        if _intended(anchor):  # "will make an agreement to meet": the verb's modality
            current = anchor.head.head
            chain.append(current)
        while (
            (current.dep_ in ("xcomp", "ccomp", "acomp") or _purpose(current))
            and current.head.i != current.i
            and len(chain) < 3
        ):
            if current.dep_ == "ccomp" and current.head.lemma_.lower() in self.lex.words(
                "speech_verbs"
            ) | self.lex.words("report_verbs"):
                break
            current = current.head
            chain.append(current)
        if anchor.dep_ in ("xcomp",) and anchor.head.lemma_ == "be" and anchor.head not in chain:
            chain.append(anchor.head)  # "are to meet"
        return chain

    def _modal(self, verb: Token) -> EventStatus | None:
        table = self.lex.data.get("modal_status", {})
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        for aux in auxes:
            status = table.get(aux.lower_) or table.get(aux.lemma_.lower())
            if status:
                return status  # type: ignore[no-any-return]
        lemmas = [a.lemma_.lower() for a in auxes]
        if "be" in lemmas and "to" in lemmas and "have" not in lemmas and verb.dep_ == "xcomp":
            return "planned"  # "are to meet"; "were reported to have been beaten" is past
        if "go" in lemmas and "to" in lemmas:
            return "planned"
        return None

    def reported_past(self, token: Token) -> bool:
        """ "X said the sides had agreed": a past perfect reported by a speaker, the past of the
        report, which news sets at the time of the story rather than of publication."""
        anchor = anchor_of(token)
        return self._past_perfect(anchor) and self.reporting_verb(anchor) is not None

    @staticmethod
    def _past_perfect(verb: Token) -> bool:
        return verb.tag_ == "VBN" and any(
            c.lower_ == "had" for c in verb.children if c.dep_ in ("aux", "auxpass")
        )

    def temporal_background(self, token: Token) -> bool:
        """A noun used as a time reference ("shortly before the invasion") is background."""
        return (
            token.pos_ == "NOUN"
            and token.dep_ == "pobj"
            and token.head.lower_ in self.lex.words("temporal_preps")
        )

    def _within_report(self, verb: Token) -> bool:
        """ "X said he believed this was the moment, as both sides had agreed that ...": a
        clause anywhere below a speech verb (through "as"/"because" clauses and verbs of
        belief) is the past of the report, not background."""
        current = verb
        for _ in range(5):
            if current.head.i == current.i or current.dep_ not in ("conj", "advcl", "ccomp"):
                return False
            current = current.head
            if self.reporting_verb(current) is not None:
                return True
        return False

    def reporting_verb(self, verb: Token) -> Token | None:
        """The speech or report verb whose reported clause ``verb`` is, if any."""
        current = verb
        for _ in range(3):
            if current.dep_ == "conj" and current.head.i != current.i:
                current = current.head
                continue
            heads = (
                self.lex.words("speech_verbs")
                | self.lex.words("report_verbs")
                | self.lex.words("reported_speech_heads")
            )
            if current.dep_ == "ccomp" and current.head.lemma_.lower() in heads:
                return current.head
            speech = [
                c for c in current.children if c.dep_ == "parataxis" and c.lemma_.lower() in heads
            ]
            return speech[0] if speech else None  # "..., she said."
        return None


# Dependencies that open a clause of its own: a term noun is not looked for above them.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


def _in_correlative(token: Token) -> bool:
    """Whether ``token`` lies in the first clause of a comparative correlative, however the
    parser hangs that clause on the second (adverbial or complement)."""
    current = token
    for _ in range(6):
        if current.dep_ in ("advcl", "ccomp") and _correlative(current):
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _correlative(clause: Token) -> bool:
    """ "The sooner X starts a withdrawal, the sooner peace will come": a clause opened by
    "the" and a comparative is the condition of a comparative correlative; it tells no act
    (stories3: read as a withdrawal that had begun)."""
    start = clause.left_edge
    if start.lower_ != "the" or start.i + 1 >= len(start.doc):
        return False
    following = start.doc[start.i + 1]
    return following.tag_ in ("JJR", "RBR") and following.head.i == clause.i


def _governing(anchor: Token) -> Token:
    """The verb whose control and modality a bare conjunct shares: "failed to implement the
    measures and withdraw its forces" (withdraw fails too), "will meet and sign" (sign is
    planned too); a conjunct with a subject or auxiliary of its own governs itself."""
    own = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in anchor.children)
    if anchor.dep_ == "conj" and anchor.head.pos_ in ("VERB", "AUX") and not own:
        return anchor.head
    return anchor


def _destined(verb: Token) -> bool:
    """ "X is to free the prisoners", "the envoys are to meet on Monday": "be" with a
    to-infinitive states what is arranged or due, not what happened (round 12's l10). Only the
    infinitive complement of a present "be" with a subject of its own: "the problem is that
    they attacked" is a that-clause, and "the aim is to free them" (an intention noun as
    subject) states an aim, which is still to come as well. A past "were to begin on August 8"
    is a plan whose fate the story tells elsewhere (a deadline that lapsed), so it is left to
    the other rules."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ == "be"
        and head.tag_ in ("VBZ", "VBP")
        and head.i != verb.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    )


def _purpose(verb: Token) -> bool:
    """An infinitive adverbial clause ("failed to honour pledges to open the roads"): what it
    says happens only as far as the verb it serves does, so it shares that verb's control."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _aimed_at(token: Token, anchor: Token) -> bool:
    """ "appointed a negotiator to initiate peace talks", "sent envoys to hold talks": an event
    noun that an infinitive of purpose acts on is what the act aims at, still to come (round
    6's f09). Only nouns: "fired tear gas to disperse the crowd" tells the dispersal itself."""
    return token.pos_ == "NOUN" and token.i != anchor.i and _purpose(anchor)


def _intended(anchor: Token) -> bool:
    """An infinitive on an intention noun that is a verb's object ("made an agreement to meet",
    "expressed its willingness to continue")."""
    noun = anchor.head
    return (
        anchor.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
        and noun.dep_ in ("dobj", "attr")
        and noun.head.pos_ in ("VERB", "AUX")
        and noun.lemma_.lower() in knowledge.words("lexicon/events.json", "intent_nouns")
    )


def _still_to_come(anchor: Token) -> bool:
    """ "details of the United States' intention to close its borders" (round 14's n10): the
    infinitive on a noun of intention tells what is still to come wherever the noun stands,
    also as the object of a preposition, where :func:`_intended` (a verb's object) does not
    look."""
    return (
        anchor.dep_ == "acl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
        and anchor.head.lemma_.lower() in knowledge.words("lexicon/events.json", "to_come_nouns")
    )


def anchor_of(token: Token) -> Token:
    """The verb whose tense and modality an event noun or adjective takes."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return token


def _circumstance(noun: Token, anchor: Token) -> bool:
    """Whether ``noun`` sits in a phrase that gives the anchor's cause or occasion ("in light of
    X's request", "following the attack", "in response to the strikes"): a negated anchor
    denies its own act, not that occasion (round 8's h07 denied Biden's request)."""
    node, outer = noun, None
    while node.dep_ == "pobj" and node.head.dep_ == "prep" and outer is None:
        prep = node.head
        if prep.head.i == anchor.i:
            outer = prep
        node = prep.head
    if outer is None:
        return False
    phrase = noun.doc[outer.i : noun.head.i + 1].text.lower()
    return phrase in knowledge.words("lexicon/events.json", "circumstance_preps")


def arrived_on(noun: Token) -> bool:
    """ "Xi arrived in Manila on Tuesday for a state visit" (round 8's h08): arriving for a
    visit is the visit begun, not one still to come as talks one travels to are."""
    words = knowledge.words("lexicon/events.json", "arrival_verbs")
    visits = knowledge.words("lexicon/events.json", "visit_nouns")
    return noun.lemma_.lower() in visits and noun.head.head.lemma_.lower() in words


def travel_for(noun: Token) -> bool:
    """ "negotiators arrived in Havana for peace talks": the noun is what a trip is for, so the
    travellers are its side, and it has not happened yet."""
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.lemma_.lower() in knowledge.words("lexicon/events.json", "travel_verbs")
    )


def _just_earlier(verb: Token) -> bool:
    """ "X detained two engineers on Monday. Earlier, rebels had taken the crossing" (round
    10's j06, events29): a past perfect under a bare "earlier" (or "earlier this week", "earlier
    in the day") tells what happened shortly before the story's news, news itself, not
    background; "two years earlier" counts back a span and stays background."""
    for mark in (c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "earlier"):
        counted = any(t.pos_ == "NUM" or t.dep_ == "nummod" for t in mark.subtree if t.i != mark.i)
        if not counted:
            return True
    return False
