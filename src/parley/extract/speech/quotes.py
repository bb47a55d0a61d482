"""Quotes: the words a speaker is reported to have said verbatim, between quote marks.

Extractor ``parley.quotes.v1``. It runs after ``parley.actors.v1`` and uses its mentions and
``ctx.products.actor_at`` (token index → actor id) to name speakers. The cascade:

1. **Find quoted stretches** in the raw text (:func:`find_marked`): straight ``"…"`` and curly
   ``“…”`` marks, a quote running over paragraphs (a paragraph that opens a quote without closing
   it, continued by a paragraph starting with an opening mark — the news convention), and single
   ``'…'``/``‘…’`` marks outside double quotes (single marks inside double quotes are part of the
   outer quote). The quote's ``start``/``end`` are those of the words between the marks, so
   ``text == article.text[start:end]`` (verbatim: markup and control characters are kept). A
   quote over several paragraphs becomes one quote per paragraph, all by the speaker named once.
2. **Find the speaker**: a "— Name" credit right after the quote first; else walk up the
   dependency parse from the quoted words to a speech verb of the lexicon
   (``parley/data/cues.json``) or a speech noun ("in a statement"); failing that, a cue in the
   same sentence (or in a lower-case sentence right after it: '"…!" the crowd chanted'), a
   sentence ending in a colon just before the quote, or the phrase opening the colon's line
   ("The M23 group, in a post on X: "). A quote with no cue right after a quote in the same
   paragraph goes to that quote's speaker. A cue counts only in the quote's paragraph (the
   parser sometimes runs a sentence over a paragraph break). Words cited as words ('the phrase
   "not today"') are no quote; "read" is a cue when a text reads ('a message that read "…"').
3. **Name the speaker** (:class:`~parley.extract.speech.speakers.Speakers`): the subject of the
   cue verb, resolved to an actor through the mentions; "a statement from the ministry" is the
   ministry's;
   a pronoun goes to the most recent compatible speaker or subject outside the quoted words;
   "the person" goes back to "a person close to the talks"; an unresolvable phrase ("the
   delegations") is kept as words with ``actor=None``. The words go to the source a medium
   cites ("Report.az, citing Interfax, said"), to the outer speaker of reported speech ("He said
   Germany … warned that '…'"), to the author of a text ("a group … replacing the page with a
   message that read"); "the minister", "Serbian negotiators" and "a State Department
   spokesperson" are resolved as :class:`~parley.extract.speech.speakers.Speakers` explains.
4. **Nested quotes**: single-quoted words inside a quote are a quote of their own when a
   verb of saying inside the outer quote governs them and has a named subject ('"… their
   chief negotiator said 'no deal' …"'); not when the verb names ("called it 'a walkout'").
5. **Interviews**: paragraphs opening with speaker labels that come back ("Q:"/"A:",
   "Al Jazeera:"/"Keller:") are a Q&A; the label whose paragraphs end in "?" asks. An answer is
   a quote of the person its label names (else the first person the article names, 0.5), cut
   around sentences holding a quote of their own ('Both sides told me "yes"' is not the
   interviewee's answer alone); "I" inside an answer is the interviewee.

**Indirect speech is not a quote.** "X said that …" paraphrases; its record is an
:class:`~parley.models.Attribution` made by ``parley.attributions.v1`` (reporter X), which an
analyst reads as "who claims what". So every quote here is ``direct=True``, and one utterance
gives one record of each kind: in 'X said the deal was "within reach"' the quote is "within reach"
and the claim (with the context the quote lacks) is an attribution; when the complement is
mostly the quoted words, the quote alone stands for it (see ``parley.attributions.v1``).

Confidence of the speaker: 1.0 for a named subject, 0.8 for a named interview label, 0.7 for a
pronoun or description whose antecedent is in the same or previous sentence (and for a quote
going on a previous one), 0.5 further back, 0.3 for a quote with no speech cue at all (scare
quotes of one word without a cue are not quotes and are dropped).

Besides ``analysis.quotes`` it leaves ``ctx.products.quotes_by_sentence``: sentence start offset →
list of :class:`~parley.models.Quote` in that sentence, for extractors that run later.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from parley.extract.base import Context, register
from parley.extract.speech.speakers import (
    FAR,
    NEAR,
    Cues,
    Resolver,
    Speakers,
    Who,
    cited_source,
    load_cues,
    same_paragraph,
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
# a paragraph break inside a quote and the mark that reopens the quote after it
_REOPEN = re.compile(r"\s*\n\s*[\"“„«]")
# "Q:", "A.", "Keller:", "Al Jazeera:" opening a paragraph
_LABEL = re.compile(
    r"^[ \t]*([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}:|[QA]\.(?= ))[ \t]*", re.MULTILINE
)


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
    requires: ClassVar[tuple[str, ...]] = ("doc", "mentions", "actor_at")
    assigns: ClassVar[tuple[str, ...]] = ("quotes", "quotes_by_sentence")

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
        ctx.products.quotes_by_sentence = by_sentence
        log.debug("%s: %d quotes", ctx.article.id, len(quotes))


class _Run:
    """The state of one extraction: the document, the resolver and the speakers found so far."""

    def __init__(self, ctx: Context, cues: Cues) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.cues = cues
        self.res = Resolver(ctx)
        self.marked = find_marked(ctx.article.text)
        doubles = [m for m in self.marked if not m.single]
        # single-quoted words inside a double quote: speech the quoted speaker reports
        self.inner = [
            s for s in _find_single(ctx.article.text) if any(_inside(s, d) for d in doubles)
        ]
        self.who = Speakers(self.res, cues, [(m.start, m.end) for m in self.marked])
        self.things = _EVENT_HEADS
        self._last: Quote | None = None  # the quote found last, for a following uncued one
        self.interviewee: Who | None = None
        self.interviewee_conf = FAR
        self.answers = self._find_answers()

    # ------------------------------------------------------------ 2–3. direct quotes

    def direct(self) -> list[Quote]:
        quotes = []
        for m in self.marked:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            quote = self._direct_quote(m, span)
            if quote is not None:
                quotes.extend(self._per_paragraph(quote))
                quotes.extend(self._nested(m))
        return quotes

    def _nested(self, outer: Marked) -> list[Quote]:
        """Speech quoted inside a quote, with a cue and a named speaker of its own.

        In '"… then their chief negotiator stood up and said 'no deal', and …"' the inner
        words are the negotiator's. Inner words without a speech cue ('"'not today' is a
        long way from 'never'"') or that name something ("called it 'a walkout'") are part
        of the outer quote only.
        """
        found = []
        for inner in (s for s in self.inner if _inside(s, outer)):
            span = self.doc.char_span(inner.start, inner.end, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            cue = self._inner_cue(span, outer)
            subj = subject_of(cue) if cue is not None else None
            if cue is None or subj is None or subj.pos_ == "PRON":
                continue
            if not outer.start <= subj.idx < outer.end:
                continue
            speaker = _speaker_from(self.who.who(subj))
            if speaker is not None:
                text = self.ctx.article.text[inner.start : inner.end]
                found.append(Quote(text=text, start=inner.start, end=inner.end, direct=True,
                                   speaker=speaker, cue=cue.text, extractor=NAME))  # fmt: skip
        return found

    def _inner_cue(self, span: SpacySpan, outer: Marked) -> Token | None:
        """The verb of saying inside ``outer`` that governs the inner quote ``span``."""
        for root in (t for t in span if not span.start <= t.head.i < span.end):
            tok = root
            for _ in range(_WALK_LIMIT):
                tok = tok.head
                if not outer.start <= tok.idx < outer.end:
                    break
                lemma = tok.lemma_.lower()
                if tok.pos_ == "VERB" and lemma in self.cues.speech_verbs:
                    return None if lemma in self.cues.naming_verbs else tok
                if tok.head.i == tok.i:
                    break
        return None

    def _per_paragraph(self, quote: Quote) -> list[Quote]:
        """A quote running over paragraphs as one quote per paragraph, all by its speaker.

        Each paragraph is a unit a reader cites on its own; the speaker, named once at the end
        ('…," Arancibia said.'), speaks all of them.
        """
        text = self.ctx.article.text
        at = quote.start
        breaks = [(at + b.start(), at + b.end()) for b in _REOPEN.finditer(quote.text)]
        if not breaks:
            return [quote]
        pieces, start = [], quote.start
        for end, reopened in [*breaks, (quote.end, quote.end)]:
            m = _stripped(text, start, end, closed=True)
            if m.end > m.start:
                pieces.append(quote.model_copy(
                    update={"start": m.start, "end": m.end, "text": text[m.start : m.end]}
                ))  # fmt: skip
            start = reopened
        return pieces

    def _direct_quote(self, m: Marked, span: SpacySpan) -> Quote | None:
        if self._named_as_words(span):
            return None
        scare = m.single or len([t for t in span if not t.is_punct]) < 2
        scare = scare or (_fragment(span) and not self._credited(span))
        # A "— Name" credit right after the quote beats a cue found further away.
        credit = self._credit_after(span)
        cue = None
        if credit is None:
            cue = self._governing_cue(span) or self._cue_in_sentence(span)
        if cue is not None:
            speaker = self._speaker(cue) or _speaker_from(self._credit_before(span))
            if speaker is None and scare:
                return None  # "the so-called 'deal'": nobody is said to have said it
            return self._quote(m, True, speaker, cue.text, cue.i)
        credit = credit or self._credit_before(span)
        if credit is not None:
            return self._quote(m, True, _speaker_from(credit), None, span.start)
        if scare:
            return None  # a scare quote: a word in marks that nobody is said to have said
        previous = self._previous_in_paragraph(m)
        if previous is not None:
            return self._quote(m, True, previous, None, span.start)
        guess = self._nearest_subject(span)
        return self._quote(m, True, _speaker_from(guess, cap=_NO_CUE), None, span.start)

    def _credited(self, span: SpacySpan) -> bool:
        """Whether the quote's sentence credits words to someone ("in the words of the envoy",
        "according to …"), so that a phrase in marks there is somebody's."""
        sent = span[0].sent.text.lower()
        phrases = self.cues.credit_phrases | {" ".join(p) for p in self.cues.prepositions}
        return any(p in sent for p in phrases)

    def _named_as_words(self, span: SpacySpan) -> bool:
        """'He had heard the phrase "not today"': words cited as words, said by nobody here."""
        prev = _previous_word(self.doc, span.start)
        return prev is not None and prev.pos_ == "NOUN" and prev.lower_ in self.cues.mention_nouns

    def _previous_in_paragraph(self, m: Marked) -> Speaker | None:
        """'"…," he said. "…"': a quote with no cue goes on the previous quote's speech."""
        if self._last is None or self._last.speaker is None:
            return None
        between = self.ctx.article.text[self._last.end : m.start]
        if "\n" in between.strip():
            return None
        sp = self._last.speaker
        return sp.model_copy(update={"confidence": min(sp.confidence, NEAR)})

    def _quote(
        self, m: Marked, direct: bool, speaker: Speaker | None, cue: str | None, at: int
    ) -> Quote:
        """The quote of ``m``; its speaker is remembered at token ``at`` (unless negative)."""
        if speaker is not None and at >= 0:
            self.who.note(at, who_of(speaker))
        text = self.ctx.article.text[m.start : m.end]
        quote = Quote(
            text=text, start=m.start, end=m.end, direct=direct, speaker=speaker, cue=cue,
            extractor=NAME,
        )  # fmt: skip
        self._last = quote
        return quote

    def _is_cue(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        if (
            tok.pos_ in ("VERB", "AUX")
            and lemma in self.cues.speech_verbs | self.cues.accusation_verbs
        ):
            return tok.dep_ not in ("amod", "compound")  # "so-called" is no speech act
        if tok.pos_ == "VERB" and lemma in self.cues.inscription_verbs:
            return self._inscribed(tok)
        return tok.pos_ == "NOUN" and lemma in self.cues.speech_nouns

    def _inscribed(self, verb: Token) -> bool:
        """Whether a verb like "read" has a text for subject ("a message that read …")."""
        subj = subject_of(verb)
        if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ in ("relcl", "acl"):
            subj = verb.head
        texts = self.cues.text_nouns | self.cues.speech_nouns
        return subj is not None and subj.lemma_.lower() in texts

    def _governing_cue(self, span: SpacySpan) -> Token | None:
        inside = range(span.start, span.end)
        for root in (t for t in span if t.head.i not in inside or t.head.i == t.i):
            tok = root
            for _ in range(_WALK_LIMIT):
                if tok.i not in inside and self._is_cue(tok) and self._near(tok, span):
                    return tok
                if tok.head.i == tok.i:
                    break
                tok = tok.head
        return None

    def _cue_in_sentence(self, span: SpacySpan) -> Token | None:
        """A cue of the quote's sentence outside the quote, when the parse did not link them."""
        sents = {span[0].sent, span[-1].sent}
        after = span[-1].sent.end
        while after < len(self.doc) and (self.doc[after].is_punct or self.doc[after].is_space):
            after += 1
        if after < len(self.doc) and self.doc[after].is_lower:
            sents.add(self.doc[after].sent)  # '"… citizens!" the crowd chanted': one sentence
        outside = [
            t for s in sents for t in s
            if not span.start <= t.i < span.end and t.pos_ == "VERB" and self._is_cue(t)
            and not self._in_other_quote(t) and self._near(t, span)
        ]  # fmt: skip
        if outside:
            return min(outside, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))
        return self._cue_before_colon(span)

    @staticmethod
    def _near(cue: Token, span: SpacySpan) -> bool:
        """Whether ``cue`` shares a paragraph with the quote's first or last words: a parse
        that runs over a paragraph break does not make a cue there the quote's."""
        return same_paragraph(cue, span[0]) or same_paragraph(cue, span[-1])

    def _in_other_quote(self, tok: Token) -> bool:
        return any(m.start <= tok.idx < m.end for m in self.marked)

    def _cue_before_colon(self, span: SpacySpan) -> Token | None:
        prev = _previous_word(self.doc, span.start)
        if prev is None or not (prev.text == ":" or prev.text in _DASHES):
            return None
        # "X told Al Jazeera:" or "X gave a different account on X:"
        verbs = [t for t in prev.sent if t.i < prev.i and self._is_cue(t)]
        return verbs[-1] if verbs else None

    def _credit_before(self, span: SpacySpan) -> Who | None:
        """'The M23 group, in a post: "…"': the fragment before a colon names the speaker."""
        prev = _previous_word(self.doc, span.start)
        if prev is None or prev.text != ":" or prev.i == 0:
            return None
        start = prev.i
        while start > 0 and "\n" not in self.doc[start - 1].text + self.doc[start - 1].whitespace_:
            start -= 1
        return self._first_head(self.doc[start : prev.i])

    def _credit_after(self, span: SpacySpan) -> Who | None:
        """'"…" — Estonian Prime Minister Kristen Michal' names the speaker after the quote."""
        nxt = _next_word(self.doc, span.end)
        if nxt is None or nxt.text not in _DASHES or nxt.i + 1 >= len(self.doc):
            return None
        end = nxt.i + 1
        while end < len(self.doc) and "\n" not in self.doc[end].text and self.doc[end].text != '"':
            end += 1
        return self._first_head(self.doc[nxt.i + 1 : end])

    def _first_head(self, words: SpacySpan) -> Who | None:
        inside = {t.i for t in words}
        heads = [t for t in words if not t.is_punct and (t.head.i not in inside or t.head == t)]
        if heads and heads[0].pos_ in ("PROPN", "NOUN") and not self._in_other_quote(heads[0]):
            return self.res.who(heads[0], stop_at=words.end)
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
        cue = self._outer_speech(cue)
        subj = subject_of(cue)
        if subj is None and cue.dep_ == "acl":
            subj = self.who.author_of(cue.head)  # "posted a link labelled '…'": the poster
        if subj is None:
            return None
        if subj.lower_ == "i" and self._in_answer(subj.idx) and self.interviewee is not None:
            # '"…," I keep telling both capitals' inside an answer: the interviewee speaks
            return _speaker_from(self.interviewee, cap=self.interviewee_conf)
        thing = subj.lemma_.lower() in self.things and subj.ent_type_ == ""
        if thing and not self._in_other_quote(subj):
            return None  # "The second round of talks … ended with a statement": events don't speak
        cited = cited_source(cue, subj, self.cues.citing)
        return _speaker_from(self.who.who(cited if cited is not None else subj))

    def _in_answer(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.answers)

    def _outer_speech(self, cue: Token) -> Token:
        """The speech verb reporting ``cue``: in "He said Germany … warned that '…'" the words
        reached the reporter through him, so he is their speaker."""
        tok = cue
        for _ in range(_WALK_LIMIT):
            if tok.dep_ != "conj" or tok.head.i == tok.i:
                break
            tok = tok.head
        outer = tok.head
        if (
            tok.dep_ == "ccomp"
            and outer.i != tok.i
            and outer.pos_ == "VERB"
            and outer.lemma_.lower() in self.cues.speech_verbs
            and same_paragraph(outer, cue)
            and not self._in_other_quote(outer)
        ):
            return outer
        return cue

    # ------------------------------------------------------------ 5. interviews

    def interview(self) -> list[Quote]:
        """Answers of a Q&A interview, one quote per run of sentences without quote marks."""
        quotes = []
        for start, end in self.answers:
            for run in self._runs(start, end):
                m = _stripped(self.ctx.article.text, run[0], run[1], closed=True)
                if m.end > m.start:
                    speaker = _speaker_from(self.interviewee, cap=self.interviewee_conf)
                    quotes.append(self._quote(m, True, speaker, None, -1))
        return quotes

    def _runs(self, start: int, end: int) -> list[tuple[int, int]]:
        # A sentence holding a quote of its own ('Both sides told me "yes."') is not the
        # interviewee's words alone: the answer is cut around it and that quote stands apart.
        runs: list[tuple[int, int]] = []
        current: tuple[int, int] | None = None
        for sent in self.doc.sents:
            if sent.end_char <= start or sent.start_char >= end:
                continue
            lo, hi = max(start, sent.start_char), min(end, sent.end_char)
            if any(c in _DOUBLE_OPEN for c in self.ctx.article.text[lo:hi]):
                current = None
            elif current is None:
                current = (lo, hi)
                runs.append(current)
            else:
                current = (current[0], hi)
                runs[-1] = current
        return runs

    def _find_answers(self) -> list[tuple[int, int]]:
        """Character bounds of the answers, when the article is laid out as an interview.

        An interview is paragraphs opening with a speaker label ("Q:", "Keller:"), the same
        labels coming back; the label whose paragraphs end in "?" asks, the others answer.
        """
        text = self.ctx.article.text
        turns = [
            (m.group(1)[:-1], m.end(), _line_end(text, m.end())) for m in _LABEL.finditer(text)
        ]
        counts: dict[str, int] = {}
        for label, _, _ in turns:
            counts[label] = counts.get(label, 0) + 1
        # "Q:"/"A:" mark an interview at once; names must come back to tell a dialogue
        # from a list of statements ("The Kremlin: …", "NATO: …").
        recurring = {label for label, n in counts.items() if n >= 2 or label in ("Q", "A")}
        if len(recurring) < 2 and "A" not in recurring:
            return []
        asks = {
            label for label in counts
            if sum(text[s:e].rstrip().endswith("?") for lb, s, e in turns if lb == label) * 2
            > counts[label]
        }  # fmt: skip
        asks.add("Q")
        answers = [(lb, s, e) for lb, s, e in turns if lb not in asks and lb in recurring]
        if answers:
            self.interviewee, self.interviewee_conf = self._interviewee(answers[0][0])
        return [(s, e) for _, s, e in answers]

    def _interviewee(self, label: str) -> tuple[Who | None, float]:
        """The person a label names ("Keller"), else the first person the article names."""
        if label not in ("A", "Answer"):
            for m in sorted(self.ctx.analysis.mentions, key=lambda m: m.start):
                if m.actor is not None and label in m.text.split():
                    return Who(m.actor, m.text, m.start, m.end, 0.8, "person"), 0.8
            for e in self.doc.ents:
                if e.label_ == "PERSON" and label in e.text.split():
                    return Who(None, e.text, e.start_char, e.end_char, 0.8, "person"), 0.8
        for m in sorted(self.ctx.analysis.mentions, key=lambda m: m.start):
            if m.actor is not None and self.res.kind(m.actor) == "person":
                return Who(m.actor, m.text, m.start, m.end, FAR, "person"), FAR
        people = [e for e in self.doc.ents if e.label_ == "PERSON"]
        if people:
            e = people[0]
            return Who(None, e.text, e.start_char, e.end_char, FAR, "person"), FAR
        return None, FAR


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


# Happenings never speak ("The second round of talks … ended with a statement"); documents such
# as declarations can, on behalf of whoever issued them, so they are not listed.
_EVENT_HEADS = frozenset(
    {
        "talks",
        "negotiations",
        "meeting",
        "meetings",
        "conference",
        "round",
        "session",
        "process",
        "war",
        "conflict",
        "invasion",
        "offensive",
        "operation",
    }
)


def _fragment(span: SpacySpan) -> bool:
    """Whether quoted words are a phrase inside the reporter's sentence, not a sentence of
    their own: they open in lower case after a word of the sentence ('deemed "the central
    figure of …"'). Such words count as a quote only when someone is said to have said them;
    otherwise they are a label, a designation or scare quotes."""
    first = next((t for t in span if not t.is_punct), None)
    prev = _previous_word(span.doc, span.start)
    return (
        first is not None
        and first.text[:1].islower()
        and prev is not None
        and prev.text not in (":", ",")
        and same_paragraph(prev, first)
    )


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
