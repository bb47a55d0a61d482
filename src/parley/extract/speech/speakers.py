"""Who a speaker is in context: the subject of a speech verb, followed to whom it stands for.

Both speech extractors share :class:`Speakers`. It composes the steps a reader takes with a
speaker phrase, each a module of its own:

- the phrase itself names an actor (:class:`~parley.extract.speech.resolver.Resolver`);
- a statement or letter speaks for its issuer ("a statement from the ministry", "the
  statement" after "X said in a statement");
- a description stands for a person named before or after it ("the person", "the minister",
  a lede's "the Swiss mediator": :class:`~parley.extract.speech.descriptions.Descriptions`);
- an unnamed spokesperson, demonym group or "its ministry" speaks for a state or institution
  (:class:`~parley.extract.speech.institutions.Institutions`);
- a pronoun goes to its antecedent
  (:class:`~parley.extract.speech.antecedents.Antecedents`).

The quotes extractor notes the speaker of every quote, so that a later "he said" goes to the
person quoted last; the attributions extractor seeds it from ``ctx.products.quotes_by_sentence``.

The shared ground of the speech family is re-exported here (cue lexicon, parse helpers, the
resolver), so ``from parley.extract.speech.speakers import load_cues`` keeps working.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from parley.extract.speech.antecedents import Antecedents, aged
from parley.extract.speech.cues import LEXICON, Cues, load_cues
from parley.extract.speech.descriptions import Descriptions, person_role
from parley.extract.speech.institutions import Institutions
from parley.extract.speech.resolver import FAR, NEAR, Resolver, Who, who_of
from parley.extract.speech.syntax import (
    LOOK_BACK,
    SUBJECT_DEPS,
    cited_source,
    paragraph_start,
    phrase_bounds,
    same_paragraph,
    sentence_piece,
    sentences_back,
    subject_of,
    trim,
)
from parley.knowledge import words
from parley.nlp.docs import doc_text, paragraph_number

if TYPE_CHECKING:
    from spacy.tokens import Token


def _definite_text(noun: Token) -> bool:
    """ "the statement" or "Monday's statement": a text the reader knows, not "a statement"."""
    owners = [noun, noun.head] if noun.dep_ == "compound" else [noun]  # "the notice read"
    dets = [c.lower_ for o in owners for c in o.children if c.dep_ == "det"]
    dated = any(c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in noun.children)
    return dets == ["the"] or dated


__all__ = [
    "FAR", "NEAR", "Cues", "Who", "Resolver", "Speakers", "load_cues", "who_of", "phrase_bounds",
    "subject_of", "trim", "same_paragraph", "paragraph_start", "cited_source", "sentence_piece",
]  # fmt: skip

log = logging.getLogger(__name__)


class Speakers:
    """Who the subject of a speech verb is, following pronouns and "the person" back.

    Both speech extractors share it: the quotes extractor notes the speaker of every
    quote, so that a later "he said" goes to the person quoted last; the attributions extractor
    seeds it from ``ctx.products.quotes_by_sentence``.
    """

    def __init__(self, res: Resolver, cues: Cues, quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.res = res
        self.cues = cues
        self.doc = res.ctx.doc
        # character bounds of the quoted stretches: words in quotes are no antecedents
        self.quoted = tuple(quoted)
        # (token index, speaker) of the speech found so far
        self.noted: list[tuple[int, Who]] = []
        self.institutions = Institutions(res, cues, self.quoted)
        self.descriptions = Descriptions(res, cues, self.institutions)
        self.pronouns = Antecedents(res, cues, self.quoted, self.noted, self._described)

    def note(self, at: int, who: Who) -> None:
        """Remember ``who`` as the speaker of words at token index ``at``."""
        self.noted.append((at, who))

    def who(self, subj: Token) -> Who | None:
        """The actor (or words) the subject ``subj`` stands for; pronouns go to an antecedent."""
        if subj.tag_ in ("WDT", "WP") and subj.head.dep_ in ("relcl", "acl"):
            found = self.who(subj.head.head)  # "a message that read …": the message
            return _before_clause(found, subj.head) if found is not None else None
        low = subj.lower_
        if subj.lemma_.lower() in self.cues.speech_nouns | self.cues.text_nouns:
            source = self._source_of_text(subj)
            if source is not None:
                return self.who(source)
            issuer = self._issuer_before(subj)
            found = self.who(issuer) if issuer is not None else None
            if found is not None and found.actor is not None:
                return replace(found, confidence=min(found.confidence, FAR))
        if subj.lemma_.lower() in self.cues.document_nouns:
            author = self._document_issuer(subj)
            if author is not None:
                return author
        if _aged_description(subj):
            return self.pronouns.antecedent(subj) or self._described(subj)
        if low not in self.cues.person_pronouns and low not in self.cues.group_pronouns:
            return self._described(subj)
        actor, conf = self.res.actor_of_token(subj.i)
        if actor is not None:
            return Who(actor, subj.text, subj.idx, subj.idx + len(subj), min(conf, NEAR))
        found = self.pronouns.antecedent(subj)
        if found is not None and found.actor is None and found.head is not None:
            text = self.doc[found.head]  # "A report by the group said …. It said …"
            if text.lemma_.lower() in self.cues.document_nouns:
                return self._document_issuer(text) or found
            if text.i != subj.i and text.lemma_.lower() in self.cues.speech_nouns:
                # "In a statement, X said …. '…,' it said": the statement's issuer speaks
                author = self.who(text)
                if author is not None and author.head != text.i:
                    return author
        return found

    def _described(self, head: Token) -> Who:
        """A noun phrase as a speaker: named, a description followed back, or words."""
        desc = self.descriptions
        found = (
            desc.definite(head) or desc.titled(head) or self._noted_holder(head)
            or self.res.who(head)
        )  # fmt: skip
        ahead = desc.holder_ahead(head, found)
        if ahead is not None:
            return ahead
        if found.actor is not None:
            return found
        named = (
            desc.comma_named(head, found) or desc.named_inside(head, found)
            or desc.named_later(head, found)
        )  # fmt: skip
        if named is not None:
            return named
        inst = self.institutions
        actor = inst.speaks_for(head) or inst.organisation_before(head) or inst.members_of(head)
        if actor is None:
            return found
        return Who(actor, found.text, found.start, found.end, min(found.confidence, 0.8),
                   self.res.kind(actor), found.head)  # fmt: skip

    def _noted_holder(self, head: Token) -> Who | None:
        """ "The spokesperson, who …, said" after "ministry spokesperson Hamed Nasir
        said": a bare role goes back to the speaker quoted before who was introduced with
        that very word, also when the model tagged no name there (so no mention has it)."""
        if head.tag_ != "NN" or self.res.actor_of_token(head.i)[0] is not None:
            return None
        if [c.lower_ for c in head.children if c.dep_ == "det"] != ["the"]:
            return None
        if not person_role(head, self.cues):
            return None  # "The ministry said", after "a ministry spokesman X": the ministry
        start = sentences_back(head, 2 * LOOK_BACK)[-1].start
        for at, who in sorted(self.noted, key=lambda n: -n[0]):
            span = self.doc.char_span(who.start, who.end, alignment_mode="expand")
            if not start <= at < head.i or span is None or not len(span):
                continue
            name = span.root
            before = self.doc[max(0, name.i - 4) : name.i]
            if not _same_tense_of_office(head, [t.lower_ for t in self.doc[span.start : name.i]]):
                continue  # "the ex-minister" is not "finance minister X", nor the reverse
            if name.pos_ == "PROPN" and any(t.lemma_ == head.lemma_ for t in before):
                return Who(who.actor, who.text, who.start, who.end, FAR, "person", name.i)
        return None

    def author_of(self, noun: Token) -> Token | None:
        """Who wrote a text a sentence mentions: "X replaced the page with a message" → X.

        Only a text that is the object of another verb has an author there; "A statement
        said …" names none.
        """
        if noun.dep_ in SUBJECT_DEPS or self._cited_text(noun):
            return None
        tok = noun.head
        for _ in range(4):
            if tok.pos_ in ("VERB", "AUX"):
                subj = subject_of(tok)
                return subj if subj is not None and subj.i != noun.i else None
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    # ------------------------------------------------------------ texts speak for their issuer

    def _source_of_text(self, noun: Token) -> Token | None:
        """Who a statement or message is from: named with it, its author, or, for "the
        statement", the source of the statement mentioned last ("X said in a statement …")."""
        source = self._source_of_statement(noun) or self.author_of(noun)
        if source is None and self._names_its_issuer(noun):
            # "The last Interior Ministry statement": its own issuer, never an earlier text's;
            # an issuer the phrase names without an actor ("the presidency statement") is
            # left to the phrase's words
            named = self._issuer_in_phrase(noun)
            linked = named is not None and self.res.actor_of_token(named.i)[0] is not None
            return named if linked else None
        if source is not None or not _definite_text(noun):
            return source
        for sent in sentences_back(noun, 2 * LOOK_BACK):
            for tok in reversed([t for t in sent if t.i < noun.i]):
                if tok.lemma_ != noun.lemma_:
                    continue
                # "… said in a statement. The statement added …"; "in their statement"
                earlier = self._source_of_statement(tok) or self.author_of(tok)
                if earlier is None and tok.dep_ in SUBJECT_DEPS:
                    # "… the joint statement read. … The statement concluded …": the same
                    # text went on speaking, so it has the issuer found for it before
                    earlier = self._source_of_text(tok)
                if earlier is not None and earlier.i != noun.i:
                    return earlier
        return None

    def _document_issuer(self, noun: Token) -> Who | None:
        """Who a report or study speaks for: its issuer, when the phrase or the text before
        names one that is an actor.

        "A report by the London-based group said …" after "Amnesty International said …" is
        Amnesty's claim, and so is "the report said" anywhere further on: the same report,
        the last one the article introduced (a newer "a report …" with no author is another
        one, and leaves it unnamed). An issuer that names no actor ("reports from the
        front", "a report of fighting") leaves the report an unnamed source, as before.
        """
        source = self._author_of_document(noun)
        reported = False
        if source is None and _definite_text(noun):
            earlier = [t for t in self.doc[: noun.i] if t.lemma_ == noun.lemma_]
            for tok in reversed(earlier):
                source = self._author_of_document(tok) or _reporting_subject(tok, noun)
                reported = source is not None and tok.pos_ == "VERB"
                introduced = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
                if source is not None or introduced:
                    break
        if source is None and _definite_text(noun):
            source = self._broadcaster_before(noun)
            reported = source is not None
        if source is None or source.i == noun.i:
            return None
        found = self.who(source)
        if found is None or (found.actor is None and not reported):
            return None
        return replace(found, confidence=min(found.confidence, FAR))

    def _broadcaster_before(self, noun: Token) -> Token | None:
        """The station or outlet whose broadcast "the report" takes up: "…, the Pakistani
        radio said, …. The report added that …" — what a radio or a paper says is its
        report. The speaking subject (a noun for a station or an outlet, or a known outlet)
        of the sentence before or of the report's own, in its paragraph."""
        stations = words(LEXICON, "broadcast_nouns") | self.cues.outlet_nouns
        for sent in sentences_back(noun, 2):
            for tok in reversed([t for t in sent if t.i < noun.i]):
                if tok.dep_ != "nsubj" or not same_paragraph(tok, noun):
                    continue
                if tok.head.lemma_.lower() not in self.cues.speech_verbs | self.cues.report_verbs:
                    continue
                kind = self.res.kind(self.res.actor_of_token(tok.i)[0])
                if tok.lemma_.lower() in stations or kind == "media outlet":
                    return tok
        return None

    def _author_of_document(self, noun: Token) -> Token | None:
        """Who wrote a report or study, as its phrase or sentence says: "X's report", "a
        report by X" or "from X", "a report issued by X", "X published a report". Whoever
        commissioned, funded or requested it did not write it, so is not its voice."""
        authoring = words(LEXICON, "authoring_verbs")
        for child in noun.children:
            if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):
                return child
            if child.dep_ == "prep" and child.lower_ in words(LEXICON, "source_prepositions"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
            if child.dep_ == "acl" and child.lemma_.lower() in authoring:
                agents = [a for c in child.children if c.dep_ == "agent" for a in c.children]
                objs = [a for a in agents if a.dep_ == "pobj"]
                if objs:
                    return objs[0]
        verb = noun.head
        if noun.dep_ == "dobj" and verb.lemma_.lower() in authoring:
            return subject_of(verb)  # "Amnesty published a report on Monday. It said …"
        return None

    def _issuer_before(self, noun: Token) -> Token | None:
        """The named subject of a main clause in the three sentences before ``noun``'s: the
        text "the notice" or "Monday's statement" with no issuer of its own goes on with
        that actor's act ("The Treasury imposed sanctions … 'the notice read'"), and so
        does the same text named again a few sentences on."""
        if not _definite_text(noun) or self._names_its_issuer(noun):
            return None
        sents = sentences_back(noun, LOOK_BACK)
        for sent in sents[1:]:
            for tok in reversed(list(sent)):
                if tok.dep_ != "nsubj" or tok.head.dep_ != "ROOT":
                    continue
                actor, _ = self.res.actor_of_token(tok.i)
                if self.res.kind(actor) not in (None, "media outlet"):
                    return tok
        # "… the notice read. [a list] … the notice added": the same text, issued before
        back = sentences_back(noun, 2 * LOOK_BACK)
        earlier = [t for s in back for t in s if t.i < noun.i and t.lemma_ == noun.lemma_]
        return self._issuer_before(max(earlier, key=lambda t: t.i)) if earlier else None

    def _cited_text(self, noun: Token) -> bool:
        """ "According to the statement, X presented …": the text is cited, X did not write it."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.head.i == prep.i:
            return False
        pair = (prep.head.lower_, prep.lower_)
        return any(tuple(p[:2]) == pair for p in self.cues.prepositions)

    def _names_its_issuer(self, noun: Token) -> bool:
        """ "the presidency statement", "the ministry statement": the issuer is in the
        phrase, even unnamed; it is not whoever acted in the sentences before."""
        return self._issuer_in_phrase(noun) is not None

    def _issuer_in_phrase(self, noun: Token) -> Token | None:
        """The issuer a text's own phrase names as a modifier ("the Interior Ministry
        statement", "the presidency statement"): the phrase says whose this text is."""
        for child in noun.children:
            if child.dep_ != "compound":
                continue
            if child.lemma_.lower() in self.cues.institution_heads:
                return child
            if self.res.kind(self.res.actor_of_token(child.i)[0]) not in (None, "media outlet"):
                return child
        return None

    def _source_of_statement(self, noun: Token) -> Token | None:
        """The speaker behind a speech noun: "a statement from the ministry" is the ministry's."""
        for child in noun.children:
            if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):
                return child  # "the ministry's statement", not "Monday's statement"
            if child.dep_ == "prep" and child.lower_ in words(LEXICON, "source_prepositions"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
            if child.dep_ == "acl":  # "a statement issued by the ministry"
                agents = [a for c in child.children if c.dep_ == "agent" for a in c.children]
                objs = [a for a in agents if a.dep_ == "pobj"]
                if objs:
                    return objs[0]
                owner = _owner_of_site(child)
                if owner is not None:
                    return owner
        return None


def _before_clause(who: Who, clause: Token) -> Who:
    """The words of the antecedent of a relative pronoun that speaks, without the relative
    clause: in "X, who announced on Monday that …" X's words end before ", who"; the clause
    holds the claim itself, and the speaker is the one it is said of."""
    doc = clause.doc
    start = clause.left_edge.i
    while start > 0 and doc[start - 1].text == ",":
        start -= 1
    cut = doc[start].idx
    if not who.start < cut < who.end:
        return who
    return replace(who, end=cut, text=doc_text(doc)[who.start : cut].rstrip(" ,"))


def _reporting_subject(tok: Token, noun: Token) -> Token | None:
    """Who made the report "the report" takes up when the text before told it with the verb:
    "The radio also reported that … The report added that …" is the radio's report, named
    or not. Only a verb of the noun's own lemma in the same paragraph or the one before, with
    a subject of its own that is not the report itself."""
    apart = paragraph_number(tok.doc, noun.i) - paragraph_number(tok.doc, tok.i)
    if tok.pos_ != "VERB" or apart > 1:
        return None
    subj = subject_of(tok)
    if subj is None or subj.lemma_ == noun.lemma_ or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    return subj


def _aged_description(subj: Token) -> bool:
    """ "The 75-year-old said …": a definite age description takes up the person named
    before, like "he" (a name the text already gave, not a new, unnamed speaker)."""
    dets = [c.lower_ for c in subj.children if c.dep_ == "det"]
    return aged(subj) and dets == ["the"]


def _same_tense_of_office(role: Token, introduced: list[str]) -> bool:
    """Whether a bare role ("the ex-minister") and the words that introduced a person
    ("former finance minister") agree on whether the office is held now or was held once."""
    past = words(LEXICON, "past_office_words")
    said = {c.lower_ for c in role.children if c.dep_ in ("amod", "compound")}
    return bool(said & past) == bool(set(introduced) & past)


def _owner_of_site(participle: Token) -> Token | None:
    """ "a statement published on the organisation's website": a text put out on someone's
    own site or page is theirs; the site is where it appeared, not who speaks."""
    for prep in participle.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "in"):
            continue
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            if place.lemma_.lower() not in words(LEXICON, "own_sites"):
                continue
            owners = [c for c in place.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            if owners:
                return owners[0]
    return None
