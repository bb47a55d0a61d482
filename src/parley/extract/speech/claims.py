"""The content span of reported speech: what a verb of saying claims.

The claim is the verb's complement (after it, else before it: "The talks will resume, he
said"), without its wire dateline ("ASTANA (Reuters) —") and without a trailing concessive
clause (", although …"; words in ``claim_stops``). "X accused Y of Z" claims "Y of Z"; "the
group claimed responsibility for the attack" claims its object; a parenthetical "CLAIM, he
said" credits the sentence it interrupts. Not claims: an embedded question ("described how the
talks collapsed") and a clause whose relative pronoun stands outside it ("a proposal, which
Yerevan said it would study"): half a claim misleads more than none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.extract.speech.cues import LEXICON
from parley.extract.speech.syntax import (
    closing_tag,
    fronted_concession,
    inverted_before_clause,
    inverted_subject,
    outer_teller,
    quoting_verb,
    same_paragraph,
    sentence_piece,
    sentences_back,
    stranded_start,
    stranded_subject,
    subject_of,
    tail_conjuncts,
    told_clause,
    trailing_appos,
    trim,
)
from parley.knowledge import words
from parley.nlp.dateline import DASHES, dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.extract.speech.cues import Cues
    from parley.extract.speech.quoted_words import QuotedWords
    from parley.models import Reporter

__all__ = ["Claims", "Found"]


@dataclass(frozen=True)
class Found:
    """An attribution before it becomes a record: claim token bounds plus who and how."""

    claim: tuple[int, int]
    cue: str
    reporter: Reporter
    via: Reporter | None = None
    confidence: float = 1.0


class Claims:
    """Claim spans of one document's speech verbs."""

    def __init__(self, doc: Doc, cues: Cues, quoted: QuotedWords) -> None:
        self.doc = doc
        self.cues = cues
        self.quoted = quoted

    def claim_of(self, verb: Token) -> tuple[int, int] | None:
        """Token bounds of what ``verb`` reports, or None when it reports no claim here."""
        relative = any(
            c.tag_ in ("WDT", "WP") and c.dep_ == "dobj" and c.i < verb.i for c in verb.children
        )
        if relative and not _set_off_participle(verb):
            return None  # "progress, which ministers declare even when …": said stands outside
        inserted = self._after_inserted_clause(verb)
        if inserted is not None:
            return inserted
        fronted = fronted_concession(verb)
        if fronted is not None:  # "While A accepted that X, it insisted …": X, to the comma
            return self.clean(trim(list(self.doc[fronted[0] : fronted[1]])))
        tag = closing_tag(verb)
        if tag is not None:  # "CLAIM, the agency reports.": the sentence up to the tag
            sent = sentence_piece(self.doc, verb.i)
            commas = [t.i for t in self.doc[sent.start : tag.i] if t.text == ","]
            return self.clean(trim(list(self.doc[sent.start : commas[-1]]))) if commas else None
        aside = self._dash_aside(verb)
        if aside is not None:
            return self._after_dash_aside(verb, aside)
        comp = self._complement(verb)
        if comp is not None:
            if self.doc[comp.left_edge.i].lower_ in self.cues.embedded_questions:
                return None  # "described how the session collapsed": a topic, not a claim
            if _relative_gap(comp, verb):
                return None  # "a proposal, which Yerevan said it would study": half a claim
            cut = min(self._next_speech(comp), self._stranded_next(verb))
            # "CLAIM, a spokeswoman for the group said"; "CLAIM … with X, A and B said"
            speaker = trailing_appos(verb) or tail_conjuncts(verb)
            if speaker is not None and comp.left_edge.i < speaker.i < cut:
                cut = speaker.left_edge.i
            start = self._stranded_subject(verb, comp)
            words = [
                t for t in comp.subtree
                if not (t.dep_ == "mark" and t.head.i == comp.i and t.lower_ == "that")
                and not _opening_that(t, comp)
                and same_paragraph(t, verb)
                and t.i < cut
            ]  # fmt: skip
            if start is not None:
                words = [*self.doc[start : comp.left_edge.i], *words]
            words.extend(self._predicate_cut_off(comp, verb, cut))
            words.extend(self._second_complement(comp, verb, cut))
            words.extend(self._tail_before_tag(comp, verb, cut))
            return self.clean(trim(words))
        quoting = self._fronted_for_quoting(verb)
        if quoting is not None:
            return quoting
        if verb.lemma_.lower() in self.cues.accusation_verbs:
            return self._accusation(verb)
        if self.claims_object(verb):
            obj = next(c for c in verb.children if c.dep_ == "dobj")
            earlier = self._claim_taken_up(verb, obj)
            return earlier if earlier is not None else self.clean(trim(list(obj.subtree)))
        if any(c.tag_ in ("WP", "WRB") for c in verb.children):
            return None  # "here is what they said": the words follow elsewhere
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
            return self._interrupted(verb)
        if inverted_subject(verb) is not None:
            sent = sentence_piece(self.doc, verb.i)  # "CLAIM, reported AFP."
            return self.clean(trim(list(self.doc[sent.start : verb.i - 1])))
        comma = _tag_read_as_conjunct(verb)
        if comma is not None:
            sent = sentence_piece(self.doc, verb.i)  # "CLAIM and CLAIM, a statement declared."
            return self.clean(trim(list(self.doc[sent.start : comma])))
        return None

    def _after_inserted_clause(self, verb: Token) -> tuple[int, int] | None:
        """The claim of "X replied that, as he understood Y had to leave, he had planned
        accordingly", which the parser splits: it takes the inserted clause for the claim
        and hangs "replied" on the main clause after it. "that" followed by a comma opens
        an inserted clause, so the claim is everything after "that" to the sentence's end."""
        doc, that = self.doc, verb.i + 1
        if that + 1 >= len(doc) or doc[that].lower_ != "that" or doc[that + 1].text != ",":
            return None
        head = verb.head
        if verb.dep_ != "ccomp" or head.i <= verb.i or head.sent.start != verb.sent.start:
            return None
        if not same_paragraph(head, verb) or subject_of(head) is None:
            return None
        return self.clean(trim(list(doc[that + 2 : head.sent.end])))

    def _dash_aside(self, verb: Token) -> int | None:
        """The closing dash of an aside set right after the verb of saying ("He said -- and
        this is a quote -- he …"), or None. The aside is the reporter's remark on the words,
        not what was said; the parser hangs it on the verb as its complement."""
        doc = self.doc
        if verb.i + 1 >= len(doc) or doc[verb.i + 1].text not in DASHES:
            return None
        sent_end = verb.sent.end
        return next((t.i for t in doc[verb.i + 2 : sent_end] if t.text in DASHES), None)

    def _after_dash_aside(self, verb: Token, aside: int) -> tuple[int, int] | None:
        """What a verb of saying claims after a dash aside: the clause after the closing
        dash ("said -- she was firm -- that the deal was off"), without its "that". When
        a verb of saying with its own subject opens that clause ("He said -- and this is a
        quote -- he explained he …"), the speaker starts over and that verb reports the
        words; the first verb claims nothing of its own."""
        doc = self.doc
        rest = [t for t in doc[aside + 1 : verb.sent.end] if same_paragraph(t, verb)]
        if rest and rest[0].lower_ == "that" and rest[0].tag_ in ("IN", "WDT"):
            rest = rest[1:]
        for tok in rest[:4]:
            subj = subject_of(tok)
            restart = tok.pos_ == "VERB" and tok.lemma_.lower() in self.cues.speech_verbs
            if restart and subj is not None and subj.i > aside:
                return None
        return self.clean(trim(rest))

    def _predicate_cut_off(self, comp: Token, verb: Token, cut: int) -> list[Token]:
        """The rest of a claim the parser cut after an object that is really a subject.

        In "he understood X in Tokyo also denied the report" the parser reads X as what he
        understood and hangs "also denied the report" elsewhere; a verb right after the
        complement, with no subject of its own and not joined by "and", finishes the claim.
        """
        end = comp.right_edge.i + 1
        if cut < end or end >= len(self.doc) or not same_paragraph(self.doc[end], verb):
            return []
        nxt = self.doc[end]
        pred = nxt.head if nxt.dep_ in ("advmod", "aux", "neg") else nxt
        if pred.pos_ != "VERB" or pred.left_edge.i != end or pred.i in (verb.i, comp.i):
            return []
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark", "cc") for c in pred.children):
            return []
        if not any(c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN") for c in comp.children):
            return []
        return list(pred.subtree)

    def _fronted_for_quoting(self, verb: Token) -> tuple[int, int] | None:
        """The claim set before "the paper quoted X(,) as saying." that closes its sentence:
        the parser hangs it on "quoted" as a clause before the verb (a complement, or an
        adverbial clause with no subordinating word), and "saying" has none of its own."""
        quoting = quoting_verb(verb)
        if quoting is None:
            return None
        fronted = [
            c for c in quoting.children
            if c.i < quoting.i and same_paragraph(c, verb)
            and (c.dep_ == "ccomp" or c.dep_ == "advcl" and not _has_mark(c))
        ]  # fmt: skip
        return self.clean(trim(list(fronted[0].subtree))) if fronted else None

    def _second_complement(self, comp: Token, verb: Token, cut: int) -> list[Token]:
        """The predicate the parser split off a claim as a second complement of the verb.

        In "said that talks on a truce were progressing as …" the parser may make "talks"
        one complement of "said" and "were progressing as …" another; in "said that it had
        word that X, also captured in 1986, is also dead" it hangs "is also dead" on "said".
        A second complement with no subject of its own, right after the first (a comma
        between at most), finishes the claim.
        """
        end = comp.right_edge.i + 1
        if cut < end:
            return []
        for other in verb.children:
            if other.dep_ != "ccomp" or other.i == comp.i or other.i < end:
                continue
            gap = [t.text for t in self.doc[end : other.left_edge.i]]
            if gap not in ([], [","]) or not same_paragraph(other, verb):
                continue
            if self.doc[end - 1].dep_ == "cc" or other.lemma_.lower() in self.cues.speech_verbs:
                continue  # "said A but warned that B": a second act of saying, its own claim
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in other.children):
                continue
            stop = self._next_speech(other)
            return [t for t in self.doc[end : other.right_edge.i + 1] if t.i < stop]
        return []

    def _tail_before_tag(self, comp: Token, verb: Token, cut: int) -> list[Token]:
        """The end of a claim the parser hung on the closing tag's verb.

        In "X would give the director, working with other agencies, the power to decide
        …, the officials said." the parser may end the complement at "agencies" and hang
        "the power to decide …" on "said". When the tag's subject follows the complement,
        the words between, after a comma and with no clause of their own (no subject, no
        verb of saying), finish the claim."""
        subj = subject_of(verb)
        end = comp.right_edge.i + 1
        if subj is None or cut < end or not end < subj.left_edge.i < verb.i:
            return []
        gap = list(self.doc[end : subj.left_edge.i])
        if gap[0].text != "," or len(gap) < 3 or not same_paragraph(gap[-1], verb):
            return []
        subjects = ("nsubj", "nsubjpass", "expl", "csubj")
        for tok in gap:
            if tok.lemma_.lower() in self.cues.speech_verbs or self.quoted.quoted(tok.idx):
                return []
            if not any(a.i == verb.i for a in tok.ancestors):
                return []
            top = tok.head.i == verb.i or tok.head.head.i == verb.i
            if top and any(c.dep_ in subjects for c in tok.children):
                return []  # a clause of its own: another claim, or the writer's
        return gap

    def _stranded_subject(self, verb: Token, comp: Token) -> int | None:
        """Where the complement's subject starts when the parser left it in a date phrase.

        "said on Friday peace talks were difficult" reads "on Friday peace talks" as one
        phrase and the claim as "were difficult"; the claim's subject starts after the date.
        """
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp.children):
            return None
        preps = [c for c in verb.children if c.dep_ == "prep" and c.right_edge.i + 1 == comp.i]
        if not preps:
            return None
        words = list(preps[0].subtree)[1:]
        dated = [t for t in words if t.ent_type_ in ("DATE", "TIME")]
        if not dated or dated[0] != words[0] or len(dated) == len(words):
            return None
        return dated[-1].i + 1

    def _claim_taken_up(self, verb: Token, obj: Token) -> tuple[int, int] | None:
        """What "denied the claim" denies: the claim the sentence before reports.

        "X had said that Moscow would deliver the system. But the agency denied the claim."
        — a bare definite noun for a claim ("the claim", "these reports"; lexicon
        ``claim_nouns``) takes up the last claim of the sentence before, as "denied reports
        that …" would have stated it. A noun with words of its own ("the claim that …",
        "any involvement") or no claim just before keeps the noun phrase as the claim."""
        if verb.lemma_.lower() not in self.cues.denial_verbs:
            return None
        if obj.lemma_.lower() not in words(LEXICON, "claim_nouns"):
            return None
        dets = [c for c in obj.children if c.dep_ == "det"]
        if len(dets) != 1 or dets[0].lower_ not in words(LEXICON, "anaphoric_determiners"):
            return None
        if any(c.dep_ != "det" for c in obj.children):
            return None
        sents = sentences_back(verb, 2)
        if len(sents) < 2:
            return None
        before = sents[1]
        speech = self.cues.indirect_verbs | self.cues.report_verbs
        for tok in reversed(list(before)):
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in speech:
                continue
            if self.quoted.quoted(tok.idx) or any(c.dep_ == "neg" for c in tok.children):
                continue
            found = self.claim_of(tok)
            if found is not None:
                return found
        return None

    def phrasal(self, verb: Token) -> Token | None:
        """The second word of a phrase of saying ("made clear that", "pointed out that")."""
        lemma = verb.lemma_.lower()
        for child in verb.children:
            if (lemma, child.lower_) in self.cues.speech_phrases:
                return child
        return None

    def _stranded_next(self, verb: Token) -> int:
        """Where the next speaker's words start when a conjoined verb of saying had its
        subject hung inside this claim ("X vowed A but minister Y said B"): before "but"."""
        verbs = self.cues.indirect_verbs | self.cues.report_verbs
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > verb.i):
            if conj.lemma_.lower() not in verbs:
                continue
            start = stranded_start(conj)
            if start is not None and stranded_subject(conj) is not None:
                return start - 1
        return len(self.doc)

    def _objects_and_texts(self, verb: Token) -> list[Token]:
        """The verb's objects, and the text of "said in a statement that …", on which the
        parser sometimes hangs the that-clause (the statement's content is the claim)."""
        found = [c for c in verb.children if c.dep_ == "dobj"]
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            found += [c for c in prep.children if c.dep_ == "pobj"]
        return found

    def _next_speech(self, comp: Token) -> int:
        """Where a conjoined clause of someone else's speech starts inside a complement.

        In "X said the talks were useful and Y said a round would follow" the parser hangs
        Y's clause on X's claim; X claimed only what comes before it.
        """
        verbs = self.cues.indirect_verbs | self.cues.report_verbs
        for tok in comp.subtree:
            if tok.dep_ != "conj" or tok.i <= comp.i or tok.lemma_.lower() not in verbs:
                continue
            deps = {c.dep_ for c in tok.children}
            if deps & {"nsubj", "nsubjpass"} and "mark" not in deps:
                return tok.left_edge.i  # "… and that Y had said …" is still X's report
            if outer_teller(tok) is not None:
                # "said that A were untrue and charged that B": the second verb is X's too
                joins = [c.i for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
                return max(joins, default=tok.left_edge.i)
        return comp.right_edge.i + 1

    def _complement(self, verb: Token) -> Token | None:
        """The clause ``verb`` reports: its complement after it, else one before it.

        A complement before the verb is the inverted order ("The talks will resume, he said")
        or a misread parenthetical ("X, asked about the treaty, said …"). One after the verb but
        set off by a comma ("CLAIM, state media said on Thursday, clearing the last hurdle …") is
        a participle clause the parser misread, when a complement before the verb exists. A
        bare "X said" is never a complement: the parser hung the real speech verb there.
        """
        phrase = self.phrasal(verb)
        comps = [
            c for c in verb.children
            if c.dep_ == "ccomp" and not self._bare_speech(c) and same_paragraph(c, verb)
            and c != phrase
        ]  # fmt: skip
        comps = [c for c in comps if not _relative(c)]  # "…, the chief of which is"
        inverted = inverted_before_clause(verb)
        if inverted is not None:  # "CLAIM, said delegates as …": "as …" tells when
            comps = [c for c in comps if c.i != inverted.head.i]
        hung = self._hung_on_a_title(verb)
        if hung:  # 'on NRK's "Meet the Voters"': the title's word is no complement
            comps = [c for c in comps if not self.quoted.quoted(c.idx)]
        after = [c for c in comps if c.i > verb.i]
        before = [c for c in comps if c.i < verb.i]
        close = [
            c for c in after if not any(t.text == "," for t in self.doc[verb.i : c.left_edge.i])
        ]
        ranked = [*close, *hung, *self._content_of_object(verb)]
        ranked += [*before, *after]
        return ranked[0] if ranked else None

    def _hung_on_a_title(self, verb: Token) -> list[Token]:
        """'announced on NRK's "Meet the Voters" on Sunday that …': the parser reads the
        programme's first word as a verb and hangs the that-clause on it. A that-clause
        outside the marks, hung on a word between marks that follow the verb of saying,
        is what that verb says: a name in marks says nothing."""
        found = []
        for tok in verb.subtree:
            if tok.i <= verb.i or not self.quoted.quoted(tok.idx):
                continue
            found += [
                c for c in tok.children
                if c.dep_ == "ccomp" and c.i > tok.i and _that_clause(c)
                and not self.quoted.quoted(c.idx) and same_paragraph(c, verb)
            ]  # fmt: skip
        return found

    def _content_of_object(self, verb: Token) -> list[Token]:
        """ "reiterated the government's position that X", "said in a statement that X" (the
        clause hung on the statement): the clause the object or the text states."""
        found = []
        texts = self.cues.speech_nouns | self.cues.text_nouns
        told = verb.lemma_.lower() in words(LEXICON, "addressee_verbs")
        for obj in self._objects_and_texts(verb):
            lemma = obj.lemma_.lower()
            if told and obj.dep_ == "dobj":  # "told the paper that …": what the hearer heard
                found += [c for c in obj.children if told_clause(c, obj)]
            if lemma not in self.cues.content_nouns and (obj.dep_ == "dobj" or lemma not in texts):
                continue
            found += [c for c in obj.children if _content_clause(c)]
        return found

    def _bare_speech(self, tok: Token) -> bool:
        """Whether ``tok`` is a speech verb with a subject and nothing said ("X said")."""
        if tok.lemma_.lower() not in self.cues.speech_verbs:
            return False
        deps = {c.dep_ for c in tok.children}
        return "nsubj" in deps and deps <= {"nsubj", "punct", "aux", "advmod", "neg"}

    def _charge_preps(self, verb: Token) -> frozenset[str]:
        """The prepositions that bring the charge after ``verb``'s object.

        "Blamed the low turnout on the new registers" names a cause, as "blamed it for" does;
        "on" is read so for "blame" only, and never before a date ("blamed them on Monday")."""
        preps = self.cues.accusation_preps
        if verb.lemma_.lower() != "blame":
            return preps
        dated = any(
            c.lower_ in self.cues.blame_preps
            and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
            for c in verb.subtree if c.dep_ == "prep"
        )  # fmt: skip
        return preps if dated else preps | self.cues.blame_preps

    def _after_aside(self, obj: Token, to: frozenset[str]) -> list[Token]:
        """The charge's preposition just after a dash aside that follows the object.

        In "blamed the low turnout – only a third voted – on the new registers" the parser
        hangs "on" inside the aside; a reader takes the aside as an insertion and "on …" as
        the verb's. Only a preposition right after the aside's closing dash counts."""
        # the opening dash ends the object's phrase (the parser may hang it on the object)
        stop = min(obj.right_edge.i + 2, len(self.doc))
        opening = next((k for k in range(obj.i + 1, stop) if self.doc[k].text in DASHES), None)
        if opening is None:
            return []
        end = self.doc[opening].sent.end
        closing = next((k for k in range(opening + 1, end) if self.doc[k].text in DASHES), None)
        if closing is None or closing + 1 >= end:
            return []
        after = self.doc[closing + 1]
        return [after] if after.dep_ == "prep" and after.lower_ in to else []

    def _accusation(self, verb: Token) -> tuple[int, int] | None:
        """What "X accused Y of Z" claims: "Y of Z" (the accused and the charge)."""
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            to = self._charge_preps(verb)  # accused X of, blamed X for / on, linked X to
            preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in to]
            preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in to]
            preps += self._after_aside(obj, to)
            preps += _to_inside_infinitive(obj, to)
            # "linked the blackout to sabotage": the parser may read "to sabotage" as a verb
            preps += [
                c for c in verb.children
                if c.dep_ in ("xcomp", "advcl") and c.i > obj.i
                and self.doc[c.left_edge.i].lower_ in to
            ]  # fmt: skip
            charge = [t for p in preps for t in p.subtree if t.i != p.i and not t.is_punct]
            if charge and 2 * sum(self.quoted.quoted(t.idx) for t in charge) <= len(charge):
                end = max(p.right_edge.i for p in preps) + 1
                return self.clean(trim(list(self.doc[obj.left_edge.i : end])))
            return None  # accused X of "playing for time": the quoted charge is the record
        return None

    def _interrupted(self, verb: Token) -> tuple[int, int] | None:
        """The claim of a parenthetical verb: the sentence it interrupts or ends.

        "CLAIM, Politico reported" and "The council, he said, had become …" credit the sentence
        (a span has no holes). When the verb's subject opens the sentence ("Orazov, the deputy
        minister, said the presidents had agreed …", read as a parenthesis by the parser), the
        claim is what follows the verb.
        """
        if verb.dep_ == "ccomp" and verb.head.i < verb.i and trailing_appos(verb) is None:
            return None  # "The government said X had spoken by phone": reported, not reporting
        if _opens_quote_after(verb):
            return None  # 'even in his speech, he said, "…"': the tag opens its quotation
        sent = sentence_piece(self.doc, verb.i)
        subj = subject_of(verb)
        stop = subj.left_edge.i if subj is not None else verb.i
        if stop <= sent.start:
            lemma = verb.lemma_.lower()
            clausal = lemma in self.cues.indirect_verbs or lemma in self.cues.report_verbs
            if subj is None or verb.head.i < verb.i or not clausal:
                return None  # "Officials speak less about X": speaking of, not saying that
            rest = list(self.doc[verb.i + 1 : self._before_outer_tag(verb, sent.end)])
            while rest and (rest[0].lower_ == "that" or rest[0].is_punct):
                rest.pop(0)
            return self.clean(trim(rest))
        rest = [t for t in self.doc[verb.i + 1 : sent.end] if not t.is_punct]
        end = sent.end if rest and verb.head.i > verb.i else stop
        return self.clean(trim(list(self.doc[sent.start : end])))

    def _before_outer_tag(self, verb: Token, end: int) -> int:
        """Where the words of "X stressed …, the statement said" stop: before the outer
        speech tag the verb's clause is reported by (its subject, or the verb itself)."""
        outer = verb.head
        speech = self.cues.indirect_verbs | self.cues.report_verbs
        if outer.i <= verb.i or outer.i >= end or outer.lemma_.lower() not in speech:
            return end  # "X, the minister, said the two had agreed …": no tag, the claim runs on
        subj = subject_of(outer)
        return subj.left_edge.i if subj is not None and subj.i > verb.i else outer.i

    def clean(self, bounds: tuple[int, int] | None) -> tuple[int, int] | None:
        """A claim without the dateline before it or a concessive clause after it.

        "TOKYO (Reuters) — X agreed …" claims what X did, not where the wire filed it; in
        "X would go ahead, although Y objected" the "although" clause is the reporter's own
        hedge or another party's position, not the claim. A semicolon outside quotes ends
        the claim too: "X says its demand was not met; officials insist …" joins a second
        statement of the reporter's, often another party's claim.
        """
        if bounds is None:
            return None
        start, end = bounds
        start = dateline_end(self.doc, start, end) or start
        for tok in self.doc[start + 1 : end]:
            contrast = tok.lower_ in words(LEXICON, "contrast_stops") and self._others_speech(tok)
            if (
                contrast
                or tok.lower_ in self.cues.claim_stops
                and (self.doc[tok.i - 1].text == "," or self._others_speech(tok))
            ):
                end = tok.i - (self.doc[tok.i - 1].lower_ == "even")
                break
            if tok.text == ";" and not self.quoted.quoted(tok.idx):
                end = tok.i
                break
            if _dash_comment(tok) and not self.quoted.quoted(tok.idx):
                end = tok.i  # "… until Monday - a clear sign that …": the writer's gloss
                break
            if tok.text == "," and _writer_remark(tok) and not self.quoted.quoted(tok.idx):
                end = tok.i  # "…, without saying how many …": the writer on the telling
                break
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].dep_ == "cc"):
            end -= 1
        return _with_opening_mark(self.doc, trim(list(self.doc[start:end])))

    def _others_speech(self, stop: Token) -> bool:
        """Whether the concessive clause ``stop`` opens reports someone's speech: "insists he
        won even though the opposition says it has proof" sets another party's claim against
        the first, never part of it (with or without a comma before it). So does "while the
        envoy rejected every charge": a denial or rejection is the other party's position."""
        clause = stop.head
        lemma = clause.lemma_.lower()
        rejecting = words(LEXICON, "rejection_verbs")
        speech = self.cues.indirect_verbs | self.cues.denial_verbs | rejecting
        return (
            stop.dep_ == "mark"
            and lemma in speech
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        )

    def claims_object(self, verb: Token) -> bool:
        """ "The group claimed responsibility for the attack", "a spokesman denied any
        involvement", "X pointed out the importance of dialogue": a claim (or a denial, or
        a stance a verb of saying states) whose content is a noun phrase."""
        lemma = verb.lemma_.lower()
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma == "claim":
            return any(c.lemma_.lower() in self.cues.claimed_objects for c in objs)
        if lemma in self.cues.denial_verbs:
            return any(c.pos_ == "NOUN" for c in objs)
        saying = lemma in self.cues.indirect_verbs or self.phrasal(verb) is not None
        stance = any(c.lemma_.lower() in self.cues.stance_objects and _qualified(c) for c in objs)
        return saying and stance


def _tag_read_as_conjunct(verb: Token) -> int | None:
    """Where the claim ends when a closing tag was parsed as one more conjunct.

    "The envoys welcome the truce and call on the sides to keep it, a statement posted
    online declared.": the parser joins "declared" to "welcome" as if the sentence listed
    three acts; the comma, a subject of its own and nothing after the verb make it the tag
    of all that came before. Returns the index of that comma.
    """
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or head.dep_ != "ROOT":
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or any(c.dep_ in ("dobj", "ccomp", "xcomp", "cc") for c in verb.children):
        return None
    comma = subj.left_edge.i - 1
    if comma <= head.i or verb.doc[comma].text != ",":
        return None
    after = [t for t in verb.subtree if t.i > verb.i and not (t.is_punct or t.is_space)]
    if any(t.dep_ not in _TAG_TAIL for t in after):
        return None  # "…, a statement declared its support": the verb has its own object
    return comma


# What may follow a closing tag's verb: "…, a statement declared on Friday in Geneva."
_TAG_TAIL = frozenset({"prep", "pobj", "npadvmod", "advmod", "det", "amod", "compound", "nummod"})


def _that_clause(clause: Token) -> bool:
    """ "… that X": a content clause opened by the conjunction, not a relative "that was"."""
    return any(m.lower_ == "that" and m.dep_ == "mark" for m in clause.children)


def _content_clause(clause: Token) -> bool:
    """ "wrote in a letter that the sale should be paused": the clause a text states.

    The parser sometimes hangs it on the noun as a relative clause; with "that" as its
    conjunction and a subject of its own it is no relative clause (in "the letter that they
    wrote", "that" is the object, not a conjunction) but the letter's content.
    """
    if clause.dep_ in ("acl", "ccomp"):
        return _that_clause(clause)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)
    return clause.dep_ == "relcl" and own_subject and _that_clause(clause)


def _opening_that(tok: Token, clause: Token) -> bool:
    """ "wrote … that the transfer should be halted" with "that" parsed as the object of
    "halted": the word opening a clause a verb takes is its conjunction, not part of the claim
    ("that's" is a pronoun, tagged DT, and stays)."""
    return tok.lower_ == "that" and tok.i == clause.left_edge.i and tok.tag_ in ("WDT", "IN")


def _relative(clause: Token) -> bool:
    """ "during which journalists stood back": a relative clause the parser hung on the
    verb of saying is not what was said."""
    for t in clause.subtree:
        if t.dep_ == "mark" or _opening_that(t, clause):
            continue  # "complained to the council that …": a clause a verb takes is no
            # relative clause, so "that" opening it is the conjunction, however tagged
        if t.tag_ in ("WDT", "WP") and t.i < clause.i and _own_word(t, clause):
            return True  # "during which …" opens the clause itself, not a phrase inside it
    return False


def _own_word(tok: Token, clause: Token) -> bool:
    """Whether ``tok`` belongs to ``clause`` itself, not to a clause inside it ("Kazakhstan,
    which hosted …, will send": "which" is the inner clause's)."""
    up = tok.head
    for _ in range(8):
        if up.i == clause.i:
            return True
        if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
            return False
        up = up.head
    return False


def _qualified(noun: Token) -> bool:
    """ "the importance of dialogue", "the need for talks": the stance says of what."""
    return any(c.dep_ in ("prep", "acl", "relcl") for c in noun.children)


def _set_off_participle(verb: Token) -> bool:
    """ "…, denying that …": a participle after a comma, whatever the parser hung on it."""
    return verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _relative_gap(comp: Token, verb: Token) -> bool:
    """Whether the complement's object is a relative pronoun before the verb ("which X said it
    would study"): the claim's missing part stands outside it. A complement set wholly before
    the verb ("… working out who is holding them, she said") is whole: a "who" inside it asks
    an embedded question, it leaves no gap."""
    if comp.i < verb.i and comp.right_edge.i < verb.i:
        return False
    return any(
        t.tag_ in ("WDT", "WP") and t.i < verb.i and _clause_of(t).dep_ not in ("relcl", "acl")
        for t in comp.subtree
    )


def _clause_of(tok: Token) -> Token:
    """The verb whose clause ``tok`` is in: "in which" of "a clash in which troops fired"
    belongs to the relative clause on "clash", whole inside the claim, not to the claim."""
    up = tok.head
    for _ in range(6):
        if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
            return up
        up = up.head
    return tok.head


_OPENING_MARKS = frozenset({'"', "“", "«", "„", "``"})


def _opens_quote_after(verb: Token) -> bool:
    """Whether a quotation opens right after ``verb`` and its comma or colon ('…, he said,
    "The rebels fired first."'): the verb introduces what is in the marks, so the words
    before it are the writer's frame ("even in his speech"), not something said."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].text in (",", ":"):
        i += 1
    return i > verb.i + 1 and i < len(doc) and doc[i].text in _OPENING_MARKS


def _to_inside_infinitive(obj: Token, to: frozenset[str]) -> list[Token]:
    """ "attributed the failure to elect new officials to the absence of X": the parser hangs
    the verb's "to X" on the infinitive inside the object ("to elect … to the absence"); a
    reader takes it as the verb's, the cause someone gives. Only "to" with a noun after it,
    ending the object's phrase, counts."""
    if "to" not in to:
        return []
    found = [
        p for c in obj.children if c.dep_ == "acl" and c.i > obj.i
        for p in c.children
        if p.dep_ == "prep" and p.lower_ == "to" and p.right_edge.i == obj.right_edge.i
        and any(k.dep_ == "pobj" for k in p.children)
    ]  # fmt: skip
    return found[-1:]


def _dash_comment(dash: Token) -> bool:
    """Whether ``dash`` opens the writer's comment on what was said: a dash, then an
    indefinite noun phrase set in apposition ("there would be no talks until Monday - a
    clear sign that the mediators were struggling"). It glosses the clause; nobody said it."""
    doc = dash.doc
    spaced = dash.text == "-" and bool(doc[dash.i - 1].whitespace_ and dash.whitespace_)
    if dash.text not in DASHES and not spaced:
        return False
    if dash.i + 1 >= len(doc) or doc[dash.i + 1].lower_ not in ("a", "an"):
        return False
    noun = doc[dash.i + 1].head
    return noun.dep_ == "appos" and noun.i > dash.i


def _with_opening_mark(doc: Doc, bounds: tuple[int, int] | None) -> tuple[int, int] | None:
    """A claim that opens with quoted words keeps the mark that opens them when it holds
    the mark that closes them ('"several good reasons" existed for …', not 'several good
    reasons" existed …'): trimming drops edge punctuation, which would leave the quote
    half-marked."""
    if bounds is None or bounds[0] == 0:
        return bounds
    start, end = bounds
    before = doc[start - 1].text
    if before not in _OPENING_MARKS:
        return bounds
    inner = [t.text for t in doc[start:end]]
    straight = inner.count('"') + (before == '"')
    closing = any(t in ("”", "''") for t in inner)
    return (start - 1, end) if (before == '"' and straight % 2 == 0) or closing else bounds


def _writer_remark(comma: Token) -> bool:
    """Whether ``comma`` opens the writer's remark after a claim, not more of it.

    Two shapes: ", without" and a gerund of telling ("…, without saying how many were
    released", "…, without giving details": lexicon ``manner_of_telling_gerunds``), which
    says how the report was made; and ", and it is not clear …" / ", but it was unclear
    whether …" (an expletive "it", a form of "be", then lexicon ``open_question_words``),
    which says what the writer does not know. Neither is the speaker's."""
    doc = comma.doc
    after = [t for t in doc[comma.i + 1 : comma.i + 8]]
    if len(after) < 2:
        return False
    if after[0].lower_ == "without":
        return after[1].lower_ in words(LEXICON, "manner_of_telling_gerunds")
    if after[0].lower_ not in ("and", "but") or after[1].lower_ != "it":
        return False
    rest = after[2:]
    if not rest or rest[0].lemma_ != "be":
        return False
    adverbs = words(LEXICON, "open_question_adverbs")  # "it is still not clear"
    tail = [t for t in rest[1:] if t.lower_ not in adverbs]
    return bool(tail) and tail[0].lower_ in words(LEXICON, "open_question_words")


def _has_mark(clause: Token) -> bool:
    """Whether a clause opens with a subordinating word ("if", "when", "because")."""
    return any(c.dep_ == "mark" for c in clause.children)
