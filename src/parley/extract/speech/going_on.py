"""Quotes with no cue of their own that go on someone's speech.

Wire copy lets a speaker go on without naming them again: '"…," he said. "…"' in one
paragraph, a paragraph that is nothing but a quotation after a paragraph ending with a quote,
and quoted paragraphs after a paragraph of reported speech ('A statement released by the
group notes that …' then '“…'). Such quotes take the speaker of what they continue, at most
at 0.7; a paragraph of narration in between breaks the thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from parley.extract.speech.resolver import NEAR
from parley.extract.speech.syntax import paragraph_start

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from parley.extract.base import Context
    from parley.extract.speech.cue_finding import CueFinder
    from parley.extract.speech.marks import Marked
    from parley.models import Quote, Speaker

__all__ = ["GoingOn"]


class GoingOn:
    """Speakers of uncued quotes that continue earlier speech, for one document."""

    def __init__(
        self, ctx: Context, finder: CueFinder, speaker_of: Callable[[Token], Speaker | None]
    ) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.finder = finder
        self.speaker_of = speaker_of

    def speaker(self, m: Marked, span: SpacySpan, last: Quote | None) -> Speaker | None:
        """The speaker the quote ``m`` goes on with, if any."""
        return (
            self._previous_in_paragraph(m, last)
            or self._speech_before(m, span)
            or self._sentence_before(m, span)
        )

    def _previous_in_paragraph(self, m: Marked, last: Quote | None) -> Speaker | None:
        """'"…," he said. "…"': a quote with no cue goes on the previous quote's speech.

        So does a paragraph that is nothing but a quotation, right after a paragraph ending
        with a quote: wire copy lets a speaker go on for a paragraph without naming them again.
        """
        if last is None or last.speaker is None:
            return None
        between = self.ctx.article.text[last.end : m.start]
        if "\n" in between and (not self._whole_paragraph(m) or _paragraphs_between(between)):
            return None
        sp = last.speaker
        return sp.model_copy(update={"confidence": min(sp.confidence, NEAR)})

    def _speech_before(self, m: Marked, span: SpacySpan) -> Speaker | None:
        """A quotation opening the paragraph after one of reported speech goes on with it.

        'A statement released by the group notes that …' followed by a paragraph of quoted
        words: the statement's words go on, so they are its issuer's (at most 0.7). Only a
        main verb of saying counts ("they tried to report the abuse" reports nothing here).
        """
        start = paragraph_start(self.doc, span.start)
        text = self.ctx.article.text
        if start == 0 or any(ch.isalnum() for ch in text[self.doc[start].idx : m.start]):
            return None
        before = self.doc[paragraph_start(self.doc, start - 1) : start]
        if _fragment(before) and before.start > 0:
            # "While fighting goes on." set alone between the speech and the quote: a
            # dependent clause says nothing of its own, so it breaks no thread
            before = self.doc[paragraph_start(self.doc, before.start - 1) : before.start]
        cues = [
            t for t in before
            if t.pos_ == "VERB" and t.dep_ in ("ROOT", "parataxis") and self.finder.is_cue(t)
            and not self.finder.in_other_quote(t)
        ]  # fmt: skip
        for cue in reversed(cues):
            speaker = self.speaker_of(cue)
            if speaker is not None:
                return speaker.model_copy(update={"confidence": min(speaker.confidence, NEAR)})
        return None

    def _sentence_before(self, m: Marked, span: SpacySpan) -> Speaker | None:
        """A quoted sentence right after a sentence of reported speech in its paragraph.

        'Asked about X, the former commander replied the rebels fight the army. "The rebels
        want to end the war."': the quotation goes on with the speech just reported, so it is
        the same speaker's (at most 0.7). The sentence before must end where the quote opens
        and be speech itself (its main verb a cue), not narration.
        """
        text = self.ctx.article.text
        para = text.rfind("\n", 0, m.start) + 1
        before = text[para : m.start].rstrip(" \"'“‘")
        if not before or before[-1] not in ".!?":
            return None
        prev = self.doc.char_span(para, para + len(before), alignment_mode="expand")
        if prev is None or not len(prev):
            return None
        sent = prev[-1].sent
        cues = [
            t for t in sent
            if t.pos_ == "VERB" and t.dep_ == "ROOT" and self.finder.is_cue(t)
            and not self.finder.in_other_quote(t) and t.idx >= para
        ]  # fmt: skip
        cues = cues or self._quoting_root(sent, para)
        for cue in cues:
            speaker = self.speaker_of(cue)
            if speaker is not None:
                return speaker.model_copy(update={"confidence": min(speaker.confidence, NEAR)})
        return None

    def _quoting_root(self, sent: SpacySpan, para: int) -> list[Token]:
        """The main verb of a sentence that ends in its subject's own quoted words.

        'But he advocated a market capable of "modern growth." "That can only come with …"':
        with no verb of saying, the marks closing the sentence still show it reports the
        subject's words, so the next quoted sentence goes on with them. Only a person speaks
        so (a pronoun or a name the model tags a person): "The plan promised "growth."" is
        no one's speech.
        """
        root = sent.root
        if root.idx < para or root.pos_ not in ("VERB", "AUX") or self.finder.in_other_quote(root):
            return []
        last = [t for t in sent if not t.is_punct and not t.is_space]
        if not last or not self.finder.in_other_quote(last[-1]):
            return []
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or self.finder.in_other_quote(subj):
            return []
        person = subj.lower_ in self.finder.cues.person_pronouns or subj.ent_type_ == "PERSON"
        return [root] if person else []

    def _whole_paragraph(self, m: Marked) -> bool:
        """Whether the quote ``m`` is all its paragraph holds, but marks and punctuation."""
        text = self.ctx.article.text
        start = text.rfind("\n", 0, m.start) + 1
        end = text.find("\n", m.end)
        end = len(text) if end < 0 else end
        outside = text[start : m.start] + text[m.end : end]
        return not any(ch.isalnum() for ch in outside)


def _fragment(para: SpacySpan) -> bool:
    """Whether a paragraph is a fragment: one sentence that is a dependent clause ("While
    fighting goes on.", its main verb opened by a subordinating word). A heading with no
    verb is not one: it may open another speaker's section."""
    words = [t for t in para if t.is_alpha]
    if not words or words[0].sent.start != words[-1].sent.start:
        return False  # no words, or more than one sentence
    sent = words[0].sent
    root = sent.root
    marks = [c for c in root.children if c.dep_ == "mark" and c.i < root.i]
    return root.pos_ in ("VERB", "AUX") and bool(marks) and marks[0].i == sent.start


def _paragraphs_between(between: str) -> int:
    """How many paragraphs with words stand wholly between two quotes."""
    return len([line for line in between.split("\n")[1:-1] if line.strip()])
