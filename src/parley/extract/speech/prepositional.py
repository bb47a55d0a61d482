"""Prepositional attribution cues: "according to X", "as reported by X", "quoted by X".

The claim is the rest of the sentence when the cue opens it (the next sentence when nothing
follows the reporter), else the main clause before the cue, from its subject on. "as reported
by the US media outlet" names no outlet: it goes to the outlet last named before it (0.7).
"according to reports" followed by an outlet name that starts the next sentence or stands on
its own line (a credit line the scraper glued on) is that outlet's (0.8); without one, unnamed
reports (anonymous, 0.4). "according to officials quoted by APA" is the officials through APA;
'"…," X said, according to TDH' is X's quote relayed by TDH, one record with ``via``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.speech.claims import Found
from parley.extract.speech.cues import LEXICON
from parley.extract.speech.reporters import CREDIT
from parley.extract.speech.syntax import (
    sentence_piece,
    subject_of,
    trim,
)
from parley.knowledge import words
from parley.models import Reporter
from parley.nlp.docs import doc_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from parley.extract.speech.quoted_words import QuotedWords
    from parley.extract.speech.relays import Relays
    from parley.extract.speech.resolver import Resolver

__all__ = ["Prepositional"]


class Prepositional:
    """Claims credited by a prepositional cue in one document."""

    def __init__(self, relays: Relays, res: Resolver) -> None:
        self.doc: Doc = relays.doc
        self.cues = relays.cues
        self.res = res
        self.scan = relays.scan
        self.relays = relays
        self.reporters = relays.reporters
        self.claims = relays.claims
        self.quoted: QuotedWords = relays.quoted

    def find(self) -> list[Found]:
        """Every claim a prepositional cue credits, in text order."""
        found = []
        i = 0
        while i < len(self.doc):
            length = self.scan.at(i)
            if length and i + length < len(self.doc):
                item = self._prepositional(i, i + length)
                if item is not None:
                    found.append(item)
                # "according to officials quoted by APA" is one cue: skip its reporter too
                bounds = self.scan.reporter_bounds(self.doc[i : i + length])
                i = max(i + length, bounds[1] if bounds is not None else 0)
            else:
                i += 1
        return found + self._views()

    def _views(self) -> list[Found]:
        """ "In X's view, CLAIM" and "CLAIM, in X's opinion": a view someone holds is their claim.

        The owner is a possessive ("Rubio's", "his": followed back like any speaker); the
        claim is the rest of the sentence or the clause before, as for "according to".
        """
        found = []
        for noun in doc_tokens(self.doc):
            if noun.lemma_.lower() not in self.cues.view_nouns or noun.dep_ != "pobj":
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if noun.head.lower_ != "in" or owner is None or self.quoted.quoted(noun.idx):
                continue
            if _in_relative(noun.head):
                continue  # "the only clause which, in his opinion, may …": no claim of his
            cue = self.doc[noun.head.i : noun.i + 1]
            claim = self._claim_around(cue, (cue.end, cue.end))
            source = self.reporters.source(owner) if claim is not None else None
            if claim is not None and source is not None:
                found.append(Found(claim, cue.text.lower(), source[0], confidence=source[1]))
        return found

    def _prepositional(self, start: int, end: int) -> Found | None:
        """The claim the cue in tokens ``[start, end)`` credits, with reporter and ``via``."""
        cue = self.doc[start:end]
        rep_bounds = self.scan.reporter_bounds(cue)
        if rep_bounds is None or self.relays.covers(cue) or self._standard(rep_bounds):
            return None
        claim = self._claim_around(cue, rep_bounds)
        if claim is None:
            return None
        # "according to officials quoted by the APA agency": the officials, through APA.
        via = None
        for i in range(rep_bounds[0] + 1, rep_bounds[1]):
            length = self.scan.at(i)
            if length and i + length < rep_bounds[1]:
                via = self.reporters.reporter((i + length, rep_bounds[1]))[0]
                rep_bounds = (rep_bounds[0], i)
                break
        reporter, conf = self.reporters.cue_reporter(rep_bounds)
        if reporter.actor is None and self._unnamed(rep_bounds):
            credit = self._credit_after(cue.sent)
            if credit is not None:
                reporter, conf = credit, CREDIT
        relayed = self._quoted_speech(claim)
        if relayed is not None and via is None:
            # '"…," Orazov said, according to TDH': Orazov's words, relayed by TDH.
            (speaker, speaker_conf), quote = relayed
            return Found(quote, cue.text.lower(), speaker, via=reporter,
                          confidence=min(conf, speaker_conf))  # fmt: skip
        return Found(claim, cue.text.lower(), reporter, via=via, confidence=conf)

    def _quoted_speech(
        self, bounds: tuple[int, int]
    ) -> tuple[tuple[Reporter, float], tuple[int, int]] | None:
        """The speaker and direct quote of a bare '"…," X said' standing in ``bounds``."""
        for verb in self.doc[bounds[0] : bounds[1]]:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.cues.speech_verbs:
                continue
            subj = subject_of(verb)
            if subj is None or not bounds[0] <= subj.i < bounds[1]:
                continue
            claim = self.claims.claim_of(verb)
            if claim is not None and self.quoted.paraphrase(claim) is not None:
                continue
            quote = self.quoted.quote_of(verb, subj)
            source = self.reporters.source(subj) if quote is not None else None
            if quote is not None and source is not None:
                return source, quote
        return None

    def _standard(self, bounds: tuple[int, int]) -> bool:
        """Whether the phrase after the cue is a standard followed, not a source that speaks.

        "withdrew according to plan", "shared according to the rules": the actions kept to a
        plan, a schedule or a rule; nobody is credited with saying anything.
        """
        head = self.doc[bounds[0] : bounds[1]].root
        return head.lemma_.lower() in words(LEXICON, "according_to_standards")

    def _unnamed(self, bounds: tuple[int, int]) -> bool:
        """Whether the reporter is unnamed reports ("according to reports")."""
        text = self.doc[bounds[0] : bounds[1]].text.lower()
        return text in self.cues.unnamed_reports

    def _claim_around(self, cue: SpacySpan, rep: tuple[int, int]) -> tuple[int, int] | None:
        """The claim a prepositional cue credits: after it if it opens the sentence (or the main
        verb follows it: "First question, according to X, the police detained …"), else
        before. A claim stays in the cue's paragraph (the parser runs some over a break)."""
        sent = sentence_piece(self.doc, cue.start)
        lead = trim(list(self.doc[sent.start : cue.start]))
        if lead is None:
            after = trim(list(self.doc[rep[1] : sent.end]))
            if after is not None:
                return after
            nxt = sent.end
            return trim(list(self.doc[nxt].sent)) if nxt < len(self.doc) else None
        start = self._clause_start(sent, cue.start)
        before = trim(list(self.doc[start : cue.start]))
        if before is not None and self._open_before(cue.start):
            return trim(list(self.doc[start : sent.end]))  # "The convoy was, according to X, …"
        if before is not None and any(t.dep_ == "ROOT" for t in self.doc[before[0] : before[1]]):
            return before
        after = trim(list(self.doc[rep[1] : sent.end]))
        if after is not None and any(t.dep_ == "ROOT" for t in self.doc[after[0] : after[1]]):
            if self._subject_before(sent, cue.start):
                # "The convoy, according to officials, was turned back": the cue interrupts
                # the clause; a span has no holes, so the claim is the clause around it.
                return trim(list(self.doc[start : sent.end]))
            return after
        return trim([t for t in sent if not cue.start <= t.i < rep[1]])

    def _subject_before(self, sent: SpacySpan, limit: int) -> bool:
        """Whether the main clause's subject (active or passive) stands before token ``limit``."""
        subjects = ("nsubj", "nsubjpass", "csubj")
        return any(c.dep_ in subjects and sent.start <= c.i < limit for c in sent.root.children)

    def _open_before(self, limit: int) -> bool:
        """Whether the words before a cue stop at an auxiliary ("The convoy was, according to
        officials, turned back"): the clause goes on after the cue, around it."""
        i = limit - 1
        while i >= 0 and self.doc[i].is_punct:
            i -= 1
        if i < 0:
            return False
        return self.doc[i].tag_ == "MD" or self.doc[i].lemma_.lower() in ("be", "have")

    def _clause_start(self, sent: SpacySpan, limit: int) -> int:
        """Where the claim before a cue starts: the main clause's subject, when it has one."""
        # "Behind the scenes, both powers have agreed …, according to reports": the claim is the
        # main clause from its subject on, not the scene-setting words before it.
        subj = subject_of(sent.root)
        if subj is not None and subj.left_edge.i < limit:
            return subj.left_edge.i
        return sent.start

    def _credit_after(self, sent: SpacySpan) -> Reporter | None:
        """An outlet name glued after "…, according to reports." that credits the sentence."""
        i = sent.end
        while i < len(self.doc) and self.doc[i].is_space:
            i += 1
        if i >= len(self.doc):
            return None
        m = self.res.mention(i)
        if m is not None and m.actor is not None and self.res.kind(m.actor) == "media outlet":
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and self._is_credit(span):
                return Reporter(actor=m.actor, kind="outlet", text=m.text, start=m.start, end=m.end)
        return self._credit_by_name(i)

    def _is_credit(self, span: SpacySpan) -> bool:
        """Whether an outlet name after the sentence is a credit line, not the next subject."""
        # A credit stands alone: it is not the subject of the next sentence ("Axios said …").
        after = span.end
        alone = after >= len(self.doc) or "\n" in self.doc[span.end - 1].whitespace_ + (
            self.doc[after].text if after < len(self.doc) else ""
        )
        return alone or span.root.dep_ not in ("nsubj", "nsubjpass")

    def _credit_by_name(self, i: int) -> Reporter | None:
        """A credit line at token ``i`` whose words name a known outlet exactly."""
        for n in (4, 3, 2, 1):
            span = self.doc[i : min(i + n, len(self.doc))]
            actor = self.res.outlet_actor(span.text)
            if actor is not None and self._is_credit(span):
                return Reporter(
                    actor=actor, kind="outlet", text=span.text, start=span.start_char,
                    end=span.end_char,
                )  # fmt: skip
        return None


def _in_relative(prep: Token) -> bool:
    """Whether "in X's opinion" sits in a relative clause ("the clause which, in his
    opinion, may cause trouble, says …"): the view picks out a noun inside the sentence; the
    sentence around it is not what X holds, and the clause alone is no claim."""
    before = [t for t in prep.doc[max(0, prep.i - 3) : prep.i] if not t.is_punct]
    if before and before[-1].tag_ in ("WDT", "WP", "WP$"):
        return True
    return prep.head.dep_ in ("relcl", "acl") and prep.head.pos_ in ("VERB", "AUX")
