"""Quotes: the words a speaker is reported to have said verbatim, between quote marks.

Extractor ``parley.quotes.v1``. It runs after ``parley.actors.v1`` and uses its mentions and
``ctx.products.actor_at`` (token index → actor id) to name speakers. The steps, each a module:

1. **Quoted stretches** (:mod:`~parley.extract.speech.marks`): the words between quote marks
   in the raw text, so that ``text == article.text[start:end]``; a quote running over
   paragraphs becomes one quote per paragraph, all by the speaker named once.
2. **Not quotes** (:mod:`~parley.extract.speech.not_quotes`): scare quotes, designations,
   titles of works and words cited as words are dropped unless someone is said to say them.
3. **The cue** (:mod:`~parley.extract.speech.cue_finding`): a "— Name" credit right after the
   quote first; else a speech verb or noun governing the quoted words in the parse, a cue in
   the same sentence or before a colon, the phrase opening the colon's line. A quote with no
   cue that continues earlier speech (:mod:`~parley.extract.speech.going_on`) takes its
   speaker.
4. **The speaker** (:class:`~parley.extract.speech.speakers.Speakers`): the subject of the
   cue verb, resolved to an actor, a pronoun to its antecedent, a description to the person
   it stands for; the words go to the source a medium cites ("Report.az, citing Interfax,
   said"), to the outer speaker of reported speech ("He said Germany … warned that '…'"), to
   the author of a text ("a message that read"). Happenings never speak ("the talks ended
   with a statement"); an unresolvable phrase ("the delegations") is kept as words.
5. **Nested quotes**: single-quoted words inside a quote are a quote of their own when a
   verb of saying inside the outer quote governs them and has a named subject ('"… their
   chief negotiator said 'no deal' …"'); not when the verb names ("called it 'a walkout'").
6. **Interviews** (:mod:`~parley.extract.speech.interviews`): the answers of a Q&A layout
   are quotes of the interviewee; "I" inside an answer is the interviewee.

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
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from parley.extract.base import Context, register
from parley.extract.speech import not_quotes
from parley.extract.speech.cue_finding import WALK_LIMIT, Credits, CueFinder
from parley.extract.speech.cues import LEXICON
from parley.extract.speech.descriptions import person_role
from parley.extract.speech.going_on import GoingOn
from parley.extract.speech.interviews import Interview
from parley.extract.speech.marks import Marked, find_marked, find_single, inside, per_paragraph
from parley.extract.speech.resolver import Resolver, Who, speaker_from, who_of
from parley.extract.speech.speakers import Cues, Speakers, cited_source, load_cues
from parley.extract.speech.syntax import name_bounds, named_conjuncts, same_paragraph, subject_of
from parley.knowledge import words
from parley.models import Quote, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["Marked", "QuoteExtractor", "find_marked"]

log = logging.getLogger(__name__)

NAME = "parley.quotes.v1"
_NO_CUE = 0.3


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
    """The state of one extraction: the document, its steps and the speakers found so far."""

    def __init__(self, ctx: Context, cues: Cues) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.cues = cues
        self.res = Resolver(ctx)
        self.marked = find_marked(ctx.article.text)
        doubles = [m for m in self.marked if not m.single]
        # single-quoted words inside a double quote: speech the quoted speaker reports
        self.inner = [
            s for s in find_single(ctx.article.text) if any(inside(s, d) for d in doubles)
        ]
        self.who = Speakers(self.res, cues, [(m.start, m.end) for m in self.marked])
        self.finder = CueFinder(self.doc, cues, self.marked)
        self.credits = Credits(self.res, self.who, self.finder)
        self.things = _event_heads()
        self._last: Quote | None = None  # the quote found last, for a following uncued one
        self._joint: list[Speaker] = []  # named people who said the quote found last together
        self.going_on = GoingOn(ctx, self.finder, self._speaker)
        self.talk = Interview(ctx, self.res)

    # ------------------------------------------------------------ 2–3. direct quotes

    def direct(self) -> list[Quote]:
        """Quotes between marks, with nested quotes, one per paragraph of a long quote."""
        quotes = []
        for m in self.marked:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            self._joint = []
            quote = self._direct_quote(m, span)
            if quote is not None:
                for one in self._each_speaker(quote):
                    quotes.extend(per_paragraph(self.ctx.article.text, one))
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
        for inner in (s for s in self.inner if inside(s, outer)):
            span = self.doc.char_span(inner.start, inner.end, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            cue = self.finder.inner_cue(span, outer)
            subj = subject_of(cue) if cue is not None else None
            if cue is None or subj is None or subj.pos_ == "PRON":
                continue
            if not outer.start <= subj.idx < outer.end:
                continue
            speaker = speaker_from(self.who.who(subj))
            if speaker is not None:
                text = self.ctx.article.text[inner.start : inner.end]
                found.append(Quote(text=text, start=inner.start, end=inner.end, direct=True,
                                   speaker=speaker, cue=cue.text, extractor=NAME))  # fmt: skip
        return found

    def _direct_quote(self, m: Marked, span: SpacySpan) -> Quote | None:
        """The quote of the stretch ``m``, or None when it is nobody's speech.

        The cascade: a "— Name" credit; a cue and its speaker; a credit before a colon;
        dropped as scare quotes or a title; the previous quote's speaker; a guess at 0.3."""
        if not_quotes.named_as_words(span, self.cues) or not_quotes.after_title_word(
            span, self.cues
        ):
            return None
        if not_quotes.defined_label(self.ctx.article.text, m.start, m.end):
            return None  # '("JCEs")': a short name defined in brackets, nobody's words
        if not_quotes.designation(span) and not not_quotes.credited(span, self.cues):
            return None  # 'on CBS's "Face the Nation"': a programme's name, nobody's words
        if not_quotes.named_after_preposition(span):
            return None  # 'reported for "Ruritania Today"': a paper's name, nobody's words
        if not_quotes.charge_named(span):
            return None  # 'charges including "inciting strife"': an offence, nobody's words
        single = m.single and not _whole_sentence(self.ctx.article.text, m)
        scare = single or len([t for t in span if not t.is_punct]) < 2
        fragment = not_quotes.fragment(span) or not_quotes.name_in_marks(span)
        scare = scare or (fragment and not not_quotes.credited(span, self.cues))
        # A "— Name" credit right after the quote beats a cue found further away.
        credit = self.credits.credit_after(span)
        cue = None
        if credit is None:
            cue = (
                self.finder.governing_cue(span)
                or self.finder.owned_statement(span)
                or self.finder.cue_in_sentence(span)
            )
        if cue is not None and fragment and not_quotes.thing_named(span, cue):
            return None  # 'maintained "quick lanes" for travel': the marks hold a thing
        if cue is not None:
            cited = self._cited_for(cue)
            speaker = speaker_from(self.who.who(cited)) if cited is not None else None
            speaker = (
                speaker or self._speaker(cue) or speaker_from(self.credits.credit_before(span))
            )
            if speaker is not None and _inside(speaker, m):
                speaker = None  # 'drawn up by the "Harbour Committee"': the words are the name
            if speaker is None and scare:
                return None  # "the so-called 'deal'": nobody is said to have said it
            self._joint = self._joint_speakers(cue)
            return self._quote(m, True, speaker, cue.text, cue.i)
        credit = credit or self.credits.credit_before(span) or self.credits.according_to(span)
        if credit is not None:
            return self._quote(m, True, speaker_from(credit), None, span.start)
        if scare or not_quotes.titled_work(span, self.cues):
            return None  # a scare quote: a word in marks that nobody is said to have said
        previous = self.going_on.speaker(m, span, self._last)
        if previous is not None:
            return self._quote(m, True, previous, None, span.start)
        guess = self.credits.nearest_subject(span)
        return self._quote(m, True, speaker_from(guess, cap=_NO_CUE), None, span.start)

    def _each_speaker(self, quote: Quote) -> list[Quote]:
        """The quote once per named person when several said it together ('"…," A and
        Foreign Minister B replied'): each is a speaker, with their own words only."""
        if len(self._joint) < 2:
            return [quote]
        return [quote.model_copy(update={"speaker": s}) for s in self._joint]

    def _joint_speakers(self, cue: Token) -> list[Speaker]:
        """The people a cue's subject names together ("A and Foreign Minister B")."""
        verb = self._outer_speech(_verb_over(cue) if cue.pos_ == "NOUN" else cue)
        subj = subject_of(verb)
        if subj is None:
            return []
        bounds = [name_bounds(n) for n in named_conjuncts(subj, self._person)]
        found = []
        for lo, hi in bounds or self._misread_pair(subj):
            name = self.doc[hi - 1]
            words = self.doc[lo:hi]
            actor, conf = self.res.actor_of_token(name.i)
            found.append(Speaker(actor=actor, text=words.text, start=words.start_char,
                                 end=words.end_char, confidence=min(conf, 0.9)))  # fmt: skip
        return found

    def _misread_pair(self, subj: Token) -> list[tuple[int, int]]:
        """ "A and Foreign Minister B" read as B modified by "A and Foreign Minister": the
        two names' bounds, split at the "and"."""
        for child in subj.children:
            joins = [c for c in child.children if c.dep_ == "cc"]
            if child.dep_ not in ("nmod", "compound") or not joins or child.i > subj.i:
                continue
            if self._person(child) and self._person(subj):
                return [name_bounds(child), (joins[0].i + 1, subj.i + 1)]
        return []

    def _cited_for(self, cue: Token) -> Token | None:
        """The text or source "according to" cites for a verb that does not report speech
        ("According to the statement, X presented a proposal that '…'": the statement's words,
        not X's); a verb of saying keeps its speaker ("According to Z, X said '…'")."""
        if cue.lemma_.lower() in self.cues.indirect_verbs:
            return None
        pairs = {tuple(p[:2]) for p in self.cues.prepositions if len(p) >= 2}
        for child in cue.children:
            for prep in child.children:
                if (child.lower_, prep.lower_) not in pairs:
                    continue
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return None

    def _person(self, tok: Token) -> bool:
        """Whether ``tok`` names a person (a known one, or a name the parser tags so)."""
        actor, _ = self.res.actor_of_token(tok.i)
        if actor is not None:
            return self.res.kind(actor) == "person"
        return tok.ent_type_ == "PERSON" and not person_role(tok, self.cues)  # "Councilor"

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

    # ------------------------------------------------------------ speakers

    def _speaker(self, cue: Token) -> Speaker | None:
        """The speaker of the cue: its subject, followed through the steps of
        :class:`~parley.extract.speech.speakers.Speakers`; none for a happening."""
        owner = _owner(cue)
        if owner is not None:
            return speaker_from(_without_case(self.who.who(owner)))  # "the king's statement"
        if cue.pos_ == "NOUN":
            cue = _verb_over(cue)
        cue = self._outer_speech(cue)
        subj = subject_of(cue) or self.finder.misread_subject(cue)
        if subj is None and cue.dep_ == "acl":
            subj = self.who.author_of(cue.head)  # "posted a link labelled '…'": the poster
        if subj is None or subj.lower_ in words(LEXICON, "listener_pronouns"):
            return None  # 'You called the talks "historic". Why?': the one asked, unnamed
        answer = self.talk.answer_at(subj.idx) if subj.lower_ == "i" else None
        if answer is not None and answer.who is not None:
            # '"…," I keep telling both capitals' inside an answer: the interviewee speaks
            return speaker_from(answer.who, cap=answer.confidence)
        thing = subj.lemma_.lower() in self.things and subj.ent_type_ == ""
        if thing and not self.finder.in_other_quote(subj):
            return None  # "The second round of talks … ended with a statement": events don't speak
        cited = cited_source(cue, subj, self.cues.citing)
        return speaker_from(self.who.who(cited if cited is not None else subj))

    def _outer_speech(self, cue: Token) -> Token:
        """The speech verb reporting ``cue``: in "He said Germany … warned that '…'" the words
        reached the reporter through him, so he is their speaker."""
        tok = cue
        for _ in range(WALK_LIMIT):
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
            and not self.finder.in_other_quote(outer)
            and not _news_of_speaker(outer, cue)
        ):
            return outer
        return cue

    # ------------------------------------------------------------ 5. interviews

    def interview(self) -> list[Quote]:
        """Answers of a Q&A interview, one quote per run of sentences without quote marks."""
        return [
            self._quote(m, True, speaker_from(a.who, cap=a.confidence), None, -1)
            for m, a in self.talk.answer_runs()
        ]


# Happenings never speak ("The second round of talks … ended with a statement"); documents such
# as declarations can, on behalf of whoever issued them, so they are not listed.
def _event_heads() -> frozenset[str]:
    """Nouns of happenings that never speak ("the talks ended with a statement")."""
    return words("lexicon/speech.json", "event_heads")


def _news_of_speaker(outer: Token, cue: Token) -> bool:
    """ "An agency reported that the gunmen held a briefing and a man told reporters, '…'":
    a medium's report (lexicon ``news_report_verbs``) of someone who speaks in their own
    words, named as the subject of the verb governing the quote, relays that person's
    quote; the agency is the channel, not the speaker ("He said Germany warned that '…'"
    stays his: "say" tells what he said, not what he saw reported)."""
    if outer.lemma_.lower() not in words(LEXICON, "news_report_verbs"):
        return False
    subj = subject_of(cue)
    return subj is not None and subj.pos_ in ("NOUN", "PROPN")


def _owner(cue: Token) -> Token | None:
    """The possessor of a speech noun ("the king's statement that '…'"): the words are the
    owner's, whatever the verb the noun hangs on and its subject ("walk back", "the palace")."""
    if cue.pos_ != "NOUN":
        return None
    return next((c for c in cue.children if c.dep_ == "poss"), None)


def _without_case(who: Who | None) -> Who | None:
    """An owner's words without their possessive ending ("Reagan's" → "Reagan")."""
    for case in ("'s", "’s", "'", "’"):
        if who is not None and who.text.endswith(case) and len(who.text) > len(case):
            return replace(who, text=who.text[: -len(case)], end=who.end - len(case))
    return who


def _verb_over(noun: Token) -> Token:
    """The verb a speech noun hangs on ("In a statement, X said" → said)."""
    tok = noun
    for _ in range(WALK_LIMIT):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _inside(speaker: Speaker, m: Marked) -> bool:
    """Whether the speaker's words lie within the quote marks, or the marks within the
    speaker's words: quoted words cannot be their own speaker, nor part of it."""
    if speaker.start is None or speaker.end is None:
        return False
    if m.start <= speaker.start and speaker.end <= m.end:
        return True
    # "The only clause which may cause our 'irritation' says …": marks inside the subject
    # phrase are that phrase's words, not its speech; nobody is said to have said them.
    return speaker.start < m.start and m.end <= speaker.end + 1


def _whole_sentence(text: str, m: Marked) -> bool:
    """Whether single marks hold a sentence of its own ("… yesterday. 'With this we are
    removing every obstacle.' The …"): a capital first, a full stop, question or exclamation
    mark last, and the marks opening a sentence. British copy sets speech in single marks; a
    scare quote ('a new 'union'') is a few words inside someone else's sentence."""
    words = text[m.start : m.end].strip()
    if not words or not words[0].isupper() or words[-1] not in ".?!":
        return False
    before = text[: m.start - 1].rstrip()
    return not before or before[-1] in ".?!:\n"
