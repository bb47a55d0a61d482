"""Quotes: who said what, directly ("…") or indirectly (X said that …).

Extractor ``parley.quotes.v1``. It runs after ``parley.actors.v1`` and uses its mentions and
``scratch["actor_at"]`` (token index → actor id) to name speakers. The cascade:

1. **Find quoted stretches** in the raw text (:func:`find_marked`): straight ``"…"`` and curly
   ``“…”`` marks, a quote running over paragraphs (a paragraph that opens a quote without closing
   it, continued by a paragraph starting with an opening mark — the news convention), and single
   ``'…'``/``‘…’`` marks outside double quotes (single marks inside double quotes are part of the
   outer quote). The quote's ``start``/``end`` are those of the words between the marks, so
   ``text == article.text[start:end]`` (verbatim: markup and control characters are kept).
2. **Find the cue** that governs each stretch: walk up the dependency parse from the quoted words
   to a speech verb of the lexicon (``parley/data/cues.json``) or a speech noun ("in a
   statement"); failing that, a cue in the same sentence, a sentence ending in a colon or a dash
   just before the quote, or a "— Name" credit right after it.
3. **Name the speaker**: the subject of the cue verb (speaker before or after the quote alike),
   resolved to an actor through the mentions; a pronoun goes to the most recent compatible
   antecedent (a previous quote's speaker or a subject) with lower confidence; an unresolvable
   phrase ("the delegations") is kept as words with ``actor=None``.
4. **Indirect speech**: a cue verb with a clausal complement outside quote marks ("X said that
   …") gives ``Quote(direct=False)`` whose text is the complement. Speech of anonymous sources
   ("a diplomat said that …") is left to ``parley.attributions.v1``: it is a claim, not a quote.
5. **Interviews**: a paragraph opening with ``A:`` is an answer, spoken by the person the article
   names first (confidence 0.5); ``Q:`` paragraphs are the interviewer's and are skipped.

Confidence of the speaker: 1.0 for a named subject, 0.7 for a pronoun whose antecedent is in the
same or previous sentence, 0.5 further back, 0.3 for a quote with no speech cue at all (scare
quotes of one word without a cue are not quotes and are dropped).

Besides ``analysis.quotes`` it leaves ``scratch["quotes_by_sentence"]``: sentence start offset →
list of :class:`~parley.models.Quote` in that sentence, for extractors that run later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from parley.extract.base import Context, register
from parley.extract.speech import (
    FAR,
    Cues,
    Resolver,
    Speakers,
    Who,
    load_cues,
    subject_of,
    who_of,
)
from parley.models import Quote, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Marked", "QuoteExtractor", "find_marked"]

log = logging.getLogger(__name__)

NAME = "parley.quotes.v1"
_DOUBLE_OPEN = '"“„«'
_DOUBLE_CLOSE = {'"': '"', "“": "”", "„": "“”", "«": "»"}
_SINGLE_OPEN = "'‘"
_SINGLE_CLOSE = "'’"
_MAX_SINGLE = 300
_DASHES = frozenset("—–-")
_WALK_LIMIT = 8
_NO_CUE = 0.3
_QA = re.compile(r"^\s*(Q|A)\s*[:.]\s*", re.MULTILINE)


@dataclass(frozen=True)
class Marked:
    """Words between quote marks: ``[start, end)`` excludes the marks."""

    start: int
    end: int
    single: bool = False
    closed: bool = True


# ---------------------------------------------------------------- 1. quoted stretches


def find_marked(text: str) -> list[Marked]:
    """Every stretch of ``text`` between quote marks, in order; see the module docstring."""
    doubles = list(_find_double(text))
    singles = [s for s in _find_single(text) if not any(_inside(s, d) for d in doubles)]
    return sorted(doubles + singles, key=lambda m: m.start)


def _inside(inner: Marked, outer: Marked) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _find_double(text: str) -> Iterator[Marked]:
    opened: int | None = None
    closers = ""
    pos = 0
    while pos < len(text):
        c = text[pos]
        if opened is None and c in _DOUBLE_OPEN:
            opened, closers = pos + 1, _DOUBLE_CLOSE[c]
        elif opened is not None and c in closers:
            yield _stripped(text, opened, pos, closed=True)
            opened = None
        elif opened is not None and c == "\n":
            nxt = _next_line_start(text, pos)
            if nxt < len(text) and text[nxt] in _DOUBLE_OPEN:
                pos = nxt  # the quote goes on in the next paragraph; skip its reopening mark
            else:
                yield _stripped(text, opened, pos, closed=False)
                opened = None
        pos += 1
    if opened is not None:
        yield _stripped(text, opened, len(text), closed=False)


def _next_line_start(text: str, newline: int) -> int:
    pos = newline
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _stripped(text: str, start: int, end: int, closed: bool, single: bool = False) -> Marked:
    # '"ours," he said': the comma belongs to the sentence around the quote, not to the quote;
    # so does the full stop after a partial quote ('is "very close."'), one starting lower case.
    while start < end and text[start] in " \t\r\n":
        start += 1
    partial = start < end and text[start].islower()
    while end > start and (text[end - 1] in " \t\r\n,;:" or (partial and text[end - 1] == ".")):
        end -= 1
    return Marked(start, end, single=single, closed=closed)


def _find_single(text: str) -> Iterator[Marked]:
    pos = 0
    while pos < len(text):
        if text[pos] in _SINGLE_OPEN and _opens_single(text, pos):
            close = _single_close(text, pos + 1)
            if close is not None:
                yield _stripped(text, pos + 1, close, closed=True, single=True)
                pos = close
        pos += 1


def _opens_single(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    # An apostrophe sits inside a word ("Russia's") or after one; an opening mark starts a word.
    return (before.isspace() or before in '([{—–-"“') and after.isalnum()


def _single_close(text: str, start: int) -> int | None:
    for pos in range(start, min(len(text), start + _MAX_SINGLE)):
        c = text[pos]
        if c == "\n":
            return None
        if c in _SINGLE_CLOSE and pos > start and not text[pos - 1].isspace():
            after = text[pos + 1] if pos + 1 < len(text) else " "
            if not after.isalnum():
                return pos
    return None


# ---------------------------------------------------------------- the extractor


@register(NAME)
class QuoteExtractor:
    """Direct and indirect quotes with their speakers; see the module docstring."""

    name: ClassVar[str] = NAME
    requires: ClassVar[tuple[str, ...]] = ("doc", "mentions")
    assigns: ClassVar[tuple[str, ...]] = ("quotes",)

    def __init__(self, cues: Cues | None = None) -> None:
        self.cues = cues if cues is not None else load_cues()

    def __call__(self, ctx: Context) -> None:
        """Append the article's quotes to ``ctx.analysis.quotes``, in text order."""
        run = _Run(ctx, self.cues)
        quotes = run.direct() + run.interview()
        quotes.sort(key=lambda q: (q.start, not q.direct))
        ctx.analysis.quotes.extend(quotes)
        by_sentence: dict[int, list[Quote]] = {}
        for q in quotes:
            sent = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
            if sent is not None:
                by_sentence.setdefault(sent[0].sent.start_char, []).append(q)
        ctx.scratch["quotes_by_sentence"] = by_sentence
        log.debug("%s: %d quotes", ctx.article.id, len(quotes))


class _Run:
    """The state of one extraction: the document, the resolver and the speakers found so far."""

    def __init__(self, ctx: Context, cues: Cues) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.cues = cues
        self.res = Resolver(ctx)
        self.who = Speakers(self.res, cues)
        self.marked = find_marked(ctx.article.text)

    # ------------------------------------------------------------ 2–3. direct quotes

    def direct(self) -> list[Quote]:
        quotes = []
        for m in self.marked:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            quote = self._direct_quote(m, span)
            if quote is not None:
                quotes.append(quote)
        return quotes

    def _direct_quote(self, m: Marked, span: SpacySpan) -> Quote | None:
        scare = m.single or len([t for t in span if not t.is_punct]) < 2
        cue = self._governing_cue(span) or self._cue_in_sentence(span)
        if cue is not None:
            speaker = self._speaker(cue)
            if speaker is None and scare:
                return None  # "the so-called 'deal'": nobody is said to have said it
            return self._quote(m, True, speaker, cue.text, cue.sent.start)
        credit = self._credit_around(span)
        if credit is not None:
            return self._quote(m, True, _speaker_from(credit), None, span.sent.start)
        if scare:
            return None  # a scare quote: a word in marks that nobody is said to have said
        guess = self._nearest_subject(span)
        return self._quote(m, True, _speaker_from(guess, cap=_NO_CUE), None, span.sent.start)

    def _quote(
        self, m: Marked, direct: bool, speaker: Speaker | None, cue: str | None, sent: int
    ) -> Quote:
        if speaker is not None:
            self.who.note(sent, who_of(speaker))
        text = self.ctx.article.text[m.start : m.end]
        return Quote(
            text=text, start=m.start, end=m.end, direct=direct, speaker=speaker, cue=cue,
            extractor=NAME,
        )  # fmt: skip

    def _is_cue(self, tok: Token) -> bool:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.cues.speech_verbs:
            return tok.dep_ not in ("amod", "compound")  # "so-called" is no speech act
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in self.cues.speech_nouns

    def _governing_cue(self, span: SpacySpan) -> Token | None:
        inside = range(span.start, span.end)
        for root in (t for t in span if t.head.i not in inside or t.head.i == t.i):
            tok = root
            for _ in range(_WALK_LIMIT):
                if tok.i not in inside and self._is_cue(tok):
                    return tok
                if tok.head.i == tok.i:
                    break
                tok = tok.head
        return None

    def _cue_in_sentence(self, span: SpacySpan) -> Token | None:
        """A cue of the quote's sentence outside the quote, when the parse did not link them."""
        sents = {span[0].sent, span[-1].sent}
        outside = [
            t for s in sents for t in s
            if not span.start <= t.i < span.end and t.pos_ == "VERB" and self._is_cue(t)
            and not self._in_other_quote(t)
        ]  # fmt: skip
        if outside:
            return min(outside, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))
        return self._cue_before_colon(span)

    def _in_other_quote(self, tok: Token) -> bool:
        return any(m.start <= tok.idx < m.end for m in self.marked)

    def _cue_before_colon(self, span: SpacySpan) -> Token | None:
        prev = _previous_word(self.doc, span.start)
        if prev is None or not (prev.text == ":" or prev.text in _DASHES):
            return None
        verbs = [t for t in prev.sent if t.i < prev.i and t.pos_ == "VERB" and self._is_cue(t)]
        return verbs[-1] if verbs else None

    def _credit_around(self, span: SpacySpan) -> Who | None:
        """'Peskov: "…"' before the quote or '"…" — Peskov' after it names the speaker."""
        prev = _previous_word(self.doc, span.start)
        if prev is not None and prev.text == ":" and prev.i > 0:
            name = self.doc[prev.i - 1]
            if name.pos_ in ("PROPN", "NOUN") and not self._in_other_quote(name):
                return self.res.who(name, stop_at=prev.i)
        nxt = _next_word(self.doc, span.end)
        if nxt is not None and nxt.text in _DASHES and nxt.i + 1 < len(self.doc):
            words = [t for t in self.doc[nxt.i + 1 : nxt.sent.end] if not t.is_punct]
            heads = [t for t in words if t.head.i not in {w.i for w in words} or t.head.i == t.i]
            if heads and heads[0].pos_ in ("PROPN", "NOUN"):
                return self.res.who(heads[0], stop_at=nxt.sent.end)
        return None

    def _nearest_subject(self, span: SpacySpan) -> Who | None:
        tok = span.root
        for _ in range(_WALK_LIMIT):
            subj = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
            if subj is not None and not span.start <= subj.i < span.end:
                return self.who.who(subj)
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    # ------------------------------------------------------------ speakers

    def _speaker(self, cue: Token) -> Speaker | None:
        if cue.pos_ == "NOUN":
            cue = _verb_over(cue)
        subj = subject_of(cue)
        if subj is None:
            return None
        return _speaker_from(self.who.who(subj))

    # ------------------------------------------------------------ 5. interviews

    def interview(self) -> list[Quote]:
        text = self.ctx.article.text
        answers = [m for m in _QA.finditer(text) if m.group(1) == "A"]
        if not answers:
            return []
        who = self._interviewee()
        quotes = []
        for a in answers:
            end = text.find("\n", a.end())
            end = len(text) if end < 0 else end
            m = _stripped(text, a.end(), end, closed=True)
            if m.end > m.start:
                quotes.append(self._quote(m, True, _speaker_from(who, cap=FAR), None, -1))
        return quotes

    def _interviewee(self) -> Who | None:
        """The first person the article names outside the questions and answers."""
        for m in sorted(self.ctx.analysis.mentions, key=lambda m: m.start):
            if m.actor is not None and self.res.kind(m.actor) == "person":
                return Who(m.actor, m.text, m.start, m.end, FAR, "person")
        people = [e for e in self.doc.ents if e.label_ == "PERSON"]
        if people:
            e = people[0]
            return Who(None, e.text, e.start_char, e.end_char, FAR, "person")
        return None


def _speaker_from(who: Who | None, cap: float = 1.0) -> Speaker | None:
    if who is None:
        return None
    conf = min(who.confidence, cap)
    if who.actor is None and cap >= 1.0:
        conf = min(conf, 0.8)  # words we could not tie to an actor: the words are sure, no more
    return Speaker(actor=who.actor, text=who.text, start=who.start, end=who.end, confidence=conf)


def _verb_over(noun: Token) -> Token:
    """The verb a speech noun hangs on ("In a statement, X said" → said)."""
    tok = noun
    for _ in range(_WALK_LIMIT):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _previous_word(doc: Doc, i: int) -> Token | None:
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in _DOUBLE_OPEN + _SINGLE_OPEN):
        j -= 1
    return doc[j] if j >= 0 else None


def _next_word(doc: Doc, i: int) -> Token | None:
    j = i
    closers = "".join(_DOUBLE_CLOSE.values()) + _SINGLE_CLOSE + ",;"
    while j < len(doc) and (doc[j].is_space or all(c in closers for c in doc[j].text)):
        j += 1
    return doc[j] if j < len(doc) else None
