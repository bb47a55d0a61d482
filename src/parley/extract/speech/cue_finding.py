"""Which words of the text say that a quote is someone's speech, and whose.

:class:`CueFinder` looks for the cue of a quote: walking up the dependency parse from the quoted
words to a speech verb of the lexicon (``parley/data/cues.json``) or a speech noun ("in a
statement"); failing that, a cue in the same sentence (or in a lower-case sentence right after
it: '"…!" the crowd chanted') or in a sentence ending in a colon just before the quote. A cue
counts only in the quote's paragraph (the parser sometimes runs a sentence over a paragraph
break); "read" is a cue when a text reads ('a message that read "…"').

:class:`Credits` finds a speaker named without a verb: a "— Name" credit right after the quote,
or the phrase opening the colon's line ("The M23 group, in a post on X: "), and, as a last
guess, the nearest subject outside the quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from parley.extract.speech.cues import LEXICON, Cues
from parley.extract.speech.marks import Marked, next_word, previous_word
from parley.extract.speech.syntax import (
    can_speak,
    parenthetical_speech,
    same_paragraph,
    subject_of,
)
from parley.knowledge import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from parley.extract.speech.resolver import Resolver, Who
    from parley.extract.speech.speakers import Speakers

__all__ = ["WALK_LIMIT", "CueFinder", "Credits"]

_DASHES = frozenset("—–-")
WALK_LIMIT = 8  # heads walked up from a word to the verb that governs it, at most


class CueFinder:
    """Speech cues for the quotes of one document."""

    def __init__(self, doc: Doc, cues: Cues, marked: Sequence[Marked]) -> None:
        self.doc = doc
        self.cues = cues
        self.marked = marked

    def inner_cue(self, span: SpacySpan, outer: Marked) -> Token | None:
        """The verb of saying inside ``outer`` that governs the inner quote ``span``."""
        for root in (t for t in span if not span.start <= t.head.i < span.end):
            tok = root
            for _ in range(WALK_LIMIT):
                tok = tok.head
                if not outer.start <= tok.idx < outer.end:
                    break
                lemma = tok.lemma_.lower()
                if tok.pos_ == "VERB" and lemma in self.cues.speech_verbs:
                    return None if lemma in self.cues.naming_verbs else tok
                if tok.head.i == tok.i:
                    break
        return None

    def is_cue(self, tok: Token) -> bool:
        """Whether ``tok`` marks speech: a speech or accusation verb (not "so-called"), an
        inscription verb whose subject is a text, or a speech noun ("in a statement")."""
        lemma = tok.lemma_.lower()
        if (
            tok.pos_ in ("VERB", "AUX")
            and lemma in self.cues.speech_verbs | self.cues.accusation_verbs
        ):
            return tok.dep_ not in ("amod", "compound")  # "so-called" is no speech act
        if tok.pos_ == "VERB" and parenthetical_speech(tok):
            return True  # '"…," he continued'
        if tok.pos_ == "VERB" and any(
            (lemma, c.lower_) in self.cues.speech_phrases for c in tok.children
        ):
            return True  # 'made it clear that he would not talk to "…"'
        if tok.pos_ == "VERB" and lemma in self.cues.inscription_verbs:
            return self._inscribed(tok)
        if tok.pos_ == "NOUN" and lemma in self.cues.inscription_verbs:
            return self.misread_subject(tok) is not None  # '"…," the notice read' misparsed
        return tok.pos_ == "NOUN" and lemma in self.cues.speech_nouns

    def misread_subject(self, tok: Token) -> Token | None:
        """The text of '"…," the notice read' when the parser took "read" for a noun
        compounded with "notice", or for a noun with "the joint statement" as its subject:
        the text is the subject it should have been."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.cues.inscription_verbs:
            return None
        texts = self.cues.text_nouns | self.cues.speech_nouns
        found = [
            c for c in tok.children
            if c.dep_ in ("compound", "nsubj") and c.lemma_.lower() in texts
        ]  # fmt: skip
        return found[-1] if found else None

    def _inscribed(self, verb: Token) -> bool:
        """Whether a verb like "read" has a text for subject ("a message that read …")."""
        subj = subject_of(verb)
        if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ in ("relcl", "acl"):
            subj = verb.head
        texts = self.cues.text_nouns | self.cues.speech_nouns
        return subj is not None and subj.lemma_.lower() in texts

    def governing_cue(self, span: SpacySpan) -> Token | None:
        """The cue the parse hangs the quote on, walking up from its words (near the quote only)."""
        inside = range(span.start, span.end)
        for root in (t for t in span if t.head.i not in inside or t.head.i == t.i):
            tok = root
            for _ in range(WALK_LIMIT):
                if tok.i not in inside and self.is_cue(tok) and self._near(tok, span):
                    return self._accuser_over(tok) or tok
                if tok.head.i == tok.i:
                    break
                tok = tok.head
        return None

    def owned_statement(self, span: SpacySpan) -> Token | None:
        """The speech noun of 'agreed with X's statement (at the ceremony) that "…"' when the
        parser hung the quoted clause on the verb: a possessed speech noun whose phrase ends
        right before the clause's "that" is what the words complement, so it is the cue.
        Only a possessed noun: its owner says who spoke ("the statement that …" alone is
        left to the verb)."""
        that = previous_word(self.doc, span.start)
        while that is not None and that.is_quote:
            that = previous_word(self.doc, that.i)
        if that is None or that.lower_ != "that" or that.i == 0:
            return None
        for tok in reversed(self.doc[that.sent.start : that.i]):
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.cues.speech_nouns:
                owned = any(c.dep_ == "poss" for c in tok.children)
                between = self.doc[tok.right_edge.i + 1 : that.i]
                adjacent = all(t.dep_ in ("npadvmod", "advmod") for t in between)
                return tok if owned and adjacent else None  # "… ceremony today that"
        return None

    def _accuser_over(self, act: Token) -> Token | None:
        """The accusation verb over a charged act: in 'accused X of presenting a "…"' the
        quoted words are the accuser's, not the accused's presenting."""
        prep = act.head
        if act.dep_ != "pcomp" or prep.lower_ not in self.cues.accusation_preps:
            return None
        for tok in (prep.head, prep.head.head):
            if tok.pos_ == "VERB" and tok.lemma_.lower() in self.cues.accusation_verbs:
                return tok
        return None

    def cue_in_sentence(self, span: SpacySpan) -> Token | None:
        """A cue of the quote's sentence outside the quote, when the parse did not link them."""
        sents = {span[0].sent, span[-1].sent}
        after = span[-1].sent.end
        while after < len(self.doc) and (self.doc[after].is_punct or self.doc[after].is_space):
            after += 1
        if after < len(self.doc) and (
            self.doc[after].is_lower or self._named_tag_after(span, after)
        ):
            sents.add(self.doc[after].sent)  # '"… citizens!" the crowd chanted': one sentence
        outside = [
            t for s in sents for t in s
            if not span.start <= t.i < span.end and t.pos_ == "VERB" and self.is_cue(t)
            and not self.in_other_quote(t) and self._near(t, span)
        ]  # fmt: skip
        if outside:
            return min(outside, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))
        return self._cue_before_colon(span)

    def _named_tag_after(self, span: SpacySpan, after: int) -> bool:
        """'"… upper house?" Okafor asked in another post.': a question or exclamation mark
        ends the quote's sentence for the parser, so the tag after it, opening with the
        speaker's name, stands alone; a bare tag (a verb of saying whose subject opens it,
        nothing said after it) on the quote's line is the quote's."""
        doc = self.doc
        if span[-1].text not in ("?", "!"):
            return False
        root = doc[after].sent.root
        subj = subject_of(root)
        return (
            doc[after].pos_ == "PROPN"
            and subj is not None
            and subj.left_edge.i == after
            and root.lemma_.lower() in self.cues.speech_verbs
            and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in root.children)
            and "\n" not in doc[span.end : after].text
        )

    @staticmethod
    def _near(cue: Token, span: SpacySpan) -> bool:
        """Whether ``cue`` shares a paragraph with the quote's first or last words: a parse
        that runs over a paragraph break does not make a cue there the quote's."""
        return same_paragraph(cue, span[0]) or same_paragraph(cue, span[-1])

    def in_other_quote(self, tok: Token) -> bool:
        """Whether ``tok`` lies between quote marks (a cue there is somebody else's speech)."""
        return any(m.start <= tok.idx < m.end for m in self.marked)

    def _cue_before_colon(self, span: SpacySpan) -> Token | None:
        """The cue of a sentence ending in a colon or dash right before the quote
        ("X told Al Jazeera:")."""
        prev = previous_word(self.doc, span.start)
        if prev is None or not (prev.text == ":" or prev.text in _DASHES):
            return None
        # "X told Al Jazeera:" or "X gave a different account on X:"
        verbs = [t for t in prev.sent if t.i < prev.i and self.is_cue(t)]
        return verbs[-1] if verbs else None


def _characterised(span: SpacySpan) -> bool:
    """Whether the quoted words are what a verb's subject calls something: the object of
    "as" after a verb ("rejected the criticism as '…'", "described the talks as '…'")."""
    head = span.root.head
    return head.lower_ == "as" and head.dep_ == "prep" and head.head.pos_ == "VERB"


class Credits:
    """Speakers named beside a quote without a verb of saying, for one document."""

    def __init__(self, res: Resolver, who: Speakers, finder: CueFinder) -> None:
        self.res = res
        self.doc = res.ctx.doc
        self.who = who
        self.finder = finder

    def credit_before(self, span: SpacySpan) -> Who | None:
        """'The M23 group, in a post: "…"': the fragment before a colon names the speaker."""
        prev = previous_word(self.doc, span.start)
        if prev is None or prev.text != ":" or prev.i == 0:
            return None
        start = prev.i
        while start > 0 and "\n" not in self.doc[start - 1].text + self.doc[start - 1].whitespace_:
            start -= 1
        fragment = self.doc[start : prev.i]
        return (
            self._quoted_person(fragment)
            or self._first_head(fragment)
            or self._view_holder(fragment)
        )

    def _view_holder(self, fragment: SpacySpan) -> Who | None:
        """ "A senior official had a gloomy assessment of the round, which …: '…'": a clause
        whose main verb has a noun of judgement or utterance for its object introduces that
        judgement in the words after the colon, so they are its subject's. "X faced a
        question:" or "X read a letter:" names no words of X's (not in ``view_nouns``)."""
        inside = range(fragment.start, fragment.end)
        roots = [  # the clause's verb, whatever the parser hung it on (often the quote's)
            t for t in fragment
            if (t.head.i not in inside or t.head.i == t.i) and t.pos_ in ("VERB", "AUX")
        ]  # fmt: skip
        if len(roots) != 1:
            return None
        root = roots[0]
        views = words(LEXICON, "view_nouns")
        objs = [c for c in root.children if c.dep_ == "dobj" and c.lemma_.lower() in views]
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if not objs or subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        if self.finder.in_other_quote(subj) or subj.i < fragment.start:
            return None
        return self.who.who(subj)

    def according_to(self, span: SpacySpan) -> Who | None:
        """'According to the ministry, the sale "will …"': with no verb of saying, the words in
        marks go to the source the sentence opens with, not to the clause's subject (the sale
        says nothing). The cue stands before the quote in its sentence, or closes the sentence
        after it ('She is "held in a place nobody knows", according to the group.'), outside
        marks; but words a subject is said to characterise something "as" ("X rejected the
        criticism as '…', according to the agency") stay that subject's, relayed."""
        sent = span[0].sent
        as_words = _characterised(span)
        for tok in sent:
            if tok.i + 1 >= sent.end or (as_words and tok.i >= span.end):
                return None
            if span.start <= tok.i < span.end:
                continue
            to = self.doc[tok.i + 1]
            if tok.lower_ != "according" or to.lower_ != "to" or self.finder.in_other_quote(tok):
                continue
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            return self.who.who(source) if source is not None else None
        return None

    def _quoted_person(self, fragment: SpacySpan) -> Who | None:
        """ "The paper quoted him: '…'": the words are the person quoted, not the paper's.

        A verb of quoting ("quote", "cite") names two parties, the one who relays and the one
        whose words they are; with its object before the colon, the object speaks ("him" is
        followed back like any pronoun).
        """
        for verb in fragment:
            quoting = verb.lemma_.lower() in words(LEXICON, "passive_speech_verbs")
            if verb.pos_ != "VERB" or not quoting:
                continue
            objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < fragment.end]
            if objs and not self.finder.in_other_quote(objs[0]):
                return self.who.who(objs[0])
        return None

    def credit_after(self, span: SpacySpan) -> Who | None:
        """'"…" — Estonian Prime Minister Kristen Michal' names the speaker after the quote."""
        nxt = next_word(self.doc, span.end)
        if nxt is None or nxt.text not in _DASHES or nxt.i + 1 >= len(self.doc):
            return None
        end = nxt.i + 1
        while end < len(self.doc) and "\n" not in self.doc[end].text and self.doc[end].text != '"':
            end += 1
        return self._first_head(self.doc[nxt.i + 1 : end], credit=True)

    def _first_head(self, words: SpacySpan, credit: bool = False) -> Who | None:
        """The speaker a credit fragment names: its first noun phrase outside any quote.

        After a dash (``credit``) a common noun must be one for people or a body ("— a
        spokesman for the ministry"): "'…' - the heights near X which Y seized" explains
        the quoted words, it names no one who said them."""
        inside = {t.i for t in words}
        heads = [t for t in words if not t.is_punct and (t.head.i not in inside or t.head == t)]
        if (
            heads
            and heads[0].pos_ in ("PROPN", "NOUN")
            and not self.finder.in_other_quote(heads[0])
        ):
            if credit and not self._names_someone(heads[0]):
                return None
            return self.res.who(heads[0], stop_at=words.end)
        return None

    def _names_someone(self, head: Token) -> bool:
        """Whether a credit's head names a person or a body: a name, or a noun for people."""
        if head.pos_ == "PROPN" or can_speak(head):
            return True
        return head.lemma_.lower() in self.finder.cues.spokesperson_heads

    def nearest_subject(self, span: SpacySpan) -> Who | None:
        """A guess for a quote with no cue: the nearest subject above it in the parse."""
        tok = span.root
        for _ in range(WALK_LIMIT):
            subj = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
            if subj is not None and not span.start <= subj.i < span.end:
                return self.who.who(subj)
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None
