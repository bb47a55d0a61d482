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

import functools
from typing import TYPE_CHECKING

from parley.extract.speech.claims import Found
from parley.extract.speech.reporters import CREDIT
from parley.extract.speech.syntax import (
    phrase_bounds,
    quoting_verb,
    sentence_piece,
    subject_of,
    trim,
)
from parley.models import Reporter

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from parley.extract.base import Context
    from parley.extract.speech.claims import Claims
    from parley.extract.speech.cues import Cues
    from parley.extract.speech.quoted_words import QuotedWords
    from parley.extract.speech.reporters import Reporters
    from parley.extract.speech.resolver import Resolver

__all__ = ["Prepositional"]


class Prepositional:
    """Claims credited by a prepositional cue in one document."""

    def __init__(
        self, ctx: Context, cues: Cues, res: Resolver, reporters: Reporters, claims: Claims
    ) -> None:
        self.doc: Doc = ctx.doc
        self.cues = cues
        self.res = res
        self.reporters = reporters
        self.claims = claims
        self.quoted: QuotedWords = claims.quoted

    def find(self) -> list[Found]:
        """Every claim a prepositional cue credits, in text order."""
        found = []
        i = 0
        while i < len(self.doc):
            length = self._cue_at(i)
            if length and i + length < len(self.doc):
                item = self._prepositional(i, i + length)
                if item is not None:
                    found.append(item)
                # "according to officials quoted by APA" is one cue: skip its reporter too
                bounds = self._reporter_bounds(self.doc[i : i + length])
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
        for noun in self.doc:
            if noun.lemma_.lower() not in self.cues.view_nouns or noun.dep_ != "pobj":
                continue
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if noun.head.lower_ != "in" or owner is None or self.quoted.quoted(noun.idx):
                continue
            cue = self.doc[noun.head.i : noun.i + 1]
            claim = self._claim_around(cue, (cue.end, cue.end))
            source = self.reporters.source(owner) if claim is not None else None
            if claim is not None and source is not None:
                found.append(Found(claim, cue.text.lower(), source[0], confidence=source[1]))
        return found

    def _cue_at(self, i: int) -> int:
        """The length in tokens of the prepositional cue starting at token ``i`` (0: none)."""
        # Reads the document's lower-cased words once, not a slice per cue per token: this
        # was the extractor's hottest line.
        lower = self._lower
        if i >= len(lower) or lower[i] not in self._cue_heads:
            return 0
        for phrase in self.cues.prepositions:
            if tuple(lower[i : i + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    @functools.cached_property
    def _lower(self) -> list[str]:
        """The document's lower-cased words, read once."""
        return [t.lower_ for t in self.doc]

    @functools.cached_property
    def _cue_heads(self) -> frozenset[str]:
        """First words of the cues: most tokens are rejected by one set lookup."""
        return frozenset(p[0] for p in self.cues.prepositions if p)

    def relay_after(
        self, verb: Token, claim: tuple[int, int]
    ) -> tuple[tuple[int, int], Reporter] | None:
        """'X said Y, according to Z' or 'X was quoted by Z as saying Y': Z relayed X's claim.

        One utterance makes one record: the claim is X's, cut before the cue, and Z is its
        ``via``. The cue must close the claim (nothing but punctuation after its reporter),
        so that "said that, according to the treaty, troops must leave" keeps its words.
        """
        sent = sentence_piece(self.doc, verb.i)
        opening = self._opening_cue(sent, verb)
        if opening is not None:
            return claim, opening  # "According to Z, X said Y"
        for i in range(verb.i + 1, sent.end):
            length = self._cue_at(i)
            if not length or self.quoted.quoted(self.doc[i].idx):
                continue
            rep = self._reporter_bounds(self.doc[i : i + length])
            tail = [t for t in self.doc[rep[1] : claim[1]] if not t.is_punct] if rep else [1]
            if rep is None or tail or i <= claim[0]:
                return None
            cut = trim(list(self.doc[claim[0] : min(i, claim[1])]))
            return (cut, self.reporters.reporter(rep)[0]) if cut is not None else None
        return None

    def _opening_cue(self, sent: SpacySpan, verb: Token) -> Reporter | None:
        """The reporter of a cue opening the sentence before the verb's subject."""
        length = self._cue_at(sent.start)
        subj = subject_of(verb)
        if not length or subj is None or subj.i < sent.start + length:
            return None
        rep = self._reporter_bounds(self.doc[sent.start : sent.start + length])
        if rep is None or rep[1] > subj.left_edge.i:
            return None
        return self.reporters.reporter(rep)[0]

    def _relayed_speech(self, cue: SpacySpan) -> bool:
        """Whether a verb of saying makes the record and the cue is inside it or its ``via``.

        "X said Y, according to Z" and "X was quoted by Z as saying Y" are X's claims relayed
        by Z; "X said that, according to the treaty, troops must leave" is X's claim with
        its own source inside. Either way the verb's record stands for the cue's.
        """
        if any(quoting_verb(g) is not None for t in cue for c in t.children for g in c.children):
            return True  # "X was quoted by Z as saying Y"
        for verb in cue.sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.cues.indirect_verbs:
                continue
            claim = self.claims.claim_of(verb) if subject_of(verb) is not None else None
            claim = self.quoted.paraphrase(claim) if claim is not None else None
            if claim is None:
                continue
            if claim[0] <= cue.start < claim[1] or self.relay_after(verb, claim) is not None:
                return True
        return False

    def _prepositional(self, start: int, end: int) -> Found | None:
        """The claim the cue in tokens ``[start, end)`` credits, with reporter and ``via``."""
        cue = self.doc[start:end]
        rep_bounds = self._reporter_bounds(cue)
        if rep_bounds is None or self._relayed_speech(cue):
            return None
        claim = self._claim_around(cue, rep_bounds)
        if claim is None:
            return None
        # "according to officials quoted by the APA agency": the officials, through APA.
        via = None
        for i in range(rep_bounds[0] + 1, rep_bounds[1]):
            length = self._cue_at(i)
            if length and i + length < rep_bounds[1]:
                via = self.reporters.reporter((i + length, rep_bounds[1]))[0]
                rep_bounds = (rep_bounds[0], i)
                break
        reporter, conf = self.reporters.reporter(rep_bounds)
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

    def _reporter_bounds(self, cue: SpacySpan) -> tuple[int, int] | None:
        """Token bounds of the reporter named right after a prepositional cue."""
        first = cue.end
        sent_end = cue.sent.end
        mention = self.res.mention(first) or (
            self.res.mention(first + 1) if self.doc[first].lower_ == "the" else None
        )
        # An outlet's name is trusted over the parse, which stumbles on glued text
        # ("published by Financial Times It is proposed …").
        if mention is not None and self.res.kind(mention.actor) == "media outlet":
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                return first, span.end
        objs = [c for c in cue[-1].children if c.dep_ == "pobj" and c.i >= first]
        if objs:
            start, end = phrase_bounds(objs[0])
            comma = next((t.i for t in self.doc[start:end] if t.text == ","), end)
            return start, comma
        chunk = next((c for c in self.doc.noun_chunks if c.start == first), None)
        if chunk is not None:
            return chunk.start, chunk.end
        return (first, first + 1) if first < sent_end else None

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
        if before is not None and any(t.dep_ == "ROOT" for t in self.doc[before[0] : before[1]]):
            return before
        after = trim(list(self.doc[rep[1] : sent.end]))
        if after is not None and any(t.dep_ == "ROOT" for t in self.doc[after[0] : after[1]]):
            return after
        return trim([t for t in sent if not cue.start <= t.i < rep[1]])

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
