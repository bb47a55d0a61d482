"""Which words of a claim are quoted, and whether the direct quote is the record instead.

One utterance makes one record. '"…," he said' and 'he said only that "…"' are quotes; 'he
said the law "is needed"' paraphrases little beyond the quoted words, so the quote stands for
it too. A claim is kept when at least half its words are the reporter's own paraphrase, which
carries the context the quote lacks, or when only an adverbial tail is quoted ('said Moscow was
ready to help "if our partners ask"' claims "Moscow was ready to help").
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from parley.extract.speech.cues import LEXICON
from parley.extract.speech.syntax import phrase_bounds, same_paragraph, trim
from parley.knowledge import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.extract.speech.marks import Marked
    from parley.models import Quote

__all__ = ["QuotedWords"]

# Dependents that add to a clause without completing it: a quoted "if …" or "while …" tail.
_ADJUNCT_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod", "punct", "cc"})
# Word classes a clause cannot end on: the words after them are still to come.
_OPEN_ENDS = frozenset({"ADP", "PART", "DET", "CCONJ", "SCONJ", "AUX"})


class QuotedWords:
    """The quoted stretches of one document, as seen from the claims made in it."""

    def __init__(self, doc: Doc, marked: Sequence[Marked], quotes: Sequence[Quote]) -> None:
        self.doc = doc
        self.marked = marked
        # the quotes extractor's output: direct quotes with their speakers
        self.quotes = quotes

    def quoted(self, char: int) -> bool:
        """Whether character offset ``char`` lies between quote marks."""
        # Bisect over the marks sorted by start, with the furthest end reached so far: one
        # lookup per call instead of a scan of every quote in the article.
        k = bisect.bisect_right(self._mark_starts, char)
        return k > 0 and self._mark_reach[k - 1] > char

    @functools.cached_property
    def _mark_starts(self) -> list[int]:
        """Starts of the quoted stretches, sorted, for bisection."""
        return [m.start for m in sorted(self.marked, key=lambda m: m.start)]

    @functools.cached_property
    def _mark_reach(self) -> list[int]:
        """The furthest end reached by the stretches up to each start."""
        return list(
            itertools.accumulate((m.end for m in sorted(self.marked, key=lambda m: m.start)), max)
        )

    def mostly_quoted(self, claim: tuple[int, int]) -> bool:
        """Whether the direct quote is the record of this speech, not a claim.

        '"…," he said' and 'he said only that "…"' give a quote; 'he said the law "is needed"'
        paraphrases little beyond the quoted words, so the quote stands for it too. One
        utterance makes one record; a claim is kept when at least half its words are the
        reporter's own paraphrase, the context the quote lacks.
        """
        words = [t for t in self.doc[claim[0] : claim[1]] if not t.is_punct]
        inside = sum(1 for t in words if self.quoted(t.idx))
        opening = bool(words) and self.quoted(words[0].idx) and not self._quoted_subject(words)
        return not words or opening or inside * 2 > len(words)

    def _quoted_subject(self, words: list[Token]) -> bool:
        """'said "several good reasons" existed for keeping the warrants sealed': the
        quote that opens the claim is only a noun phrase (no verb inside it), and the verb
        it is the subject of stands outside the marks: the predicate is the reporter's."""
        lead = []
        for tok in words:
            if not self.quoted(tok.idx):
                break
            lead.append(tok)
        if any(t.pos_ in ("VERB", "AUX") for t in lead):
            return False
        inside = {t.i for t in lead}
        subj = [t for t in lead if t.head.i not in inside]
        return (
            len(subj) == 1
            and subj[0].dep_ in ("nsubj", "nsubjpass")
            and subj[0].head.pos_ in ("VERB", "AUX")
        )

    def paraphrase(self, claim: tuple[int, int]) -> tuple[int, int] | None:
        """The claim without a quoted adverbial tail, or None when the quote is the record.

        'Peskov said Moscow was ready to help "if our partners ask for it"' paraphrases a
        claim and quotes only its condition: the claim is the paraphrase. When the quoted
        words are the claim's core ('said the talks had been "a ritual"'), the quote is it.
        """
        if not self.mostly_quoted(claim):
            return claim
        words = [t for t in self.doc[claim[0] : claim[1]] if not t.is_punct]
        first = next((t.i for t in words if self.quoted(t.idx)), None)
        if first is None or first == claim[0]:
            return None
        inside = range(first, claim[1])
        tops = [t for t in self.doc[first : claim[1]] if t.head.i not in inside]
        if not tops or any(t.dep_ not in _ADJUNCT_DEPS for t in tops):
            return None
        cut = trim(list(self.doc[claim[0] : first]))
        if cut is None or self.doc[cut[1] - 1].pos_ in _OPEN_ENDS or self._linking_end(cut):
            return None  # "… would be there to": the quoted words finish it, the quote is it
        return cut if not self.mostly_quoted(cut) else None

    def _linking_end(self, cut: tuple[int, int]) -> bool:
        """'said it appeared "as though the hostages …"': a paraphrase ending in a verb
        that needs its complement ("appear", "seem": lexicon ``linking_verbs``) says
        nothing without the quoted words, so the quote is the record."""
        last = self.doc[cut[1] - 1]
        return last.pos_ == "VERB" and last.lemma_.lower() in words(LEXICON, "linking_verbs")

    def quote_of(self, verb: Token, subj: Token) -> tuple[int, int] | None:
        """Token bounds of the direct quote the quotes extractor credits to ``subj``'s words,
        in ``verb``'s paragraph, nearest to the verb."""
        lo, hi = phrase_bounds(subj)
        first, last = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
        near: list[tuple[int, tuple[int, int]]] = []
        for q in self.quotes:
            sp = q.speaker
            if not q.direct or sp is None or sp.start is None or sp.end is None:
                continue
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or not (sp.start < last and first < sp.end):
                continue
            if not same_paragraph(span[0], verb):
                continue
            bounds = trim(list(span))
            if bounds is not None:
                near.append((min(abs(span.start - verb.i), abs(span.end - verb.i)), bounds))
        return min(near)[1] if near else None
