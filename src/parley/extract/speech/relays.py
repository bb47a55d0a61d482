"""Reported speech relayed by someone else: "X said Y, according to Z", "Z quoted X as saying Y".

One utterance makes one record: the claim is X's, and Z, who relayed it, is its ``via``. The
verbs of saying make the record; a prepositional cue that only relays them makes none, and a
cue inside what X said ("said that, according to the treaty, …") is part of X's claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.speech.syntax import quoting_verb, sentence_piece, subject_of, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from parley.extract.speech.claims import Claims
    from parley.extract.speech.cues import Cues
    from parley.extract.speech.prep_cues import CueScanner
    from parley.extract.speech.reporters import Reporters
    from parley.models import Reporter

__all__ = ["Relays"]


class Relays:
    """Who relayed the reported speech of one document."""

    def __init__(
        self, scanner: CueScanner, cues: Cues, reporters: Reporters, claims: Claims
    ) -> None:
        self.doc: Doc = scanner.doc
        self.scan = scanner
        self.cues = cues
        self.reporters = reporters
        self.claims = claims
        self.quoted = claims.quoted

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
            length = self.scan.at(i)
            if not length or self.quoted.quoted(self.doc[i].idx):
                continue
            rep = self.scan.reporter_bounds(self.doc[i : i + length])
            tail = [t for t in self.doc[rep[1] : claim[1]] if not t.is_punct] if rep else [1]
            if rep is None or tail or i <= claim[0]:
                return None
            cut = trim(list(self.doc[claim[0] : min(i, claim[1])]))
            return (cut, self.reporters.reporter(rep)[0]) if cut is not None else None
        return None

    def _opening_cue(self, sent: SpacySpan, verb: Token) -> Reporter | None:
        """The reporter of a cue opening the sentence before the verb's subject."""
        length = self.scan.at(sent.start)
        subj = subject_of(verb)
        if not length or subj is None or subj.i < sent.start + length:
            return None
        rep = self.scan.reporter_bounds(self.doc[sent.start : sent.start + length])
        if rep is None or rep[1] > subj.left_edge.i:
            return None
        return self.reporters.reporter(rep)[0]

    def covers(self, cue: SpacySpan) -> bool:
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
