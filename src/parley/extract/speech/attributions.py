"""Attributions: which claims the article credits to someone else, and to whom.

Extractor ``parley.attributions.v1``, run after ``parley.actors.v1`` (it reads the mentions and
``ctx.products.actor_at``). Cues are data (``parley/data/cues.json``, section ``attribution``). The
cascade, each step adding :class:`~parley.models.Attribution` records:

1. **Prepositional cues** — "according to X", "as reported by X", "quoted by X", "according to
   what has been published by X". The claim is the rest of the sentence when the cue opens it
   (the next sentence when nothing follows the reporter), else the main clause before the cue,
   from its subject on.
2. **Back-references** — "as reported by the US media outlet" names no outlet: it goes to the
   outlet most recently named before it whose country matches the adjective (any outlet when
   there is none), with confidence 0.7. "according to reports" followed by an outlet name that
   starts the next sentence or stands on its own line (a credit line the scraper glued on) is
   credited to that outlet (0.8); without one, to unnamed reports (kind ``anonymous``, 0.4).
3. **Relayed speech** — "SOURCE told/explained to MEDIUM that CLAIM", "SOURCE said … to MEDIUM":
   the reporter is the source, the medium goes to ``via``; the claim is the verb's complement.
4. **Reports, sources and speakers** — "MEDIUM reports that CLAIM", "CLAIM, MEDIUM reported",
   "officials familiar with the matter said that CLAIM", "sources say CLAIM", and the indirect
   speech of named speakers: "Lavrov said (that) CLAIM", "The council, he argued, has become …"
   (a parenthetical credits the whole sentence it interrupts). A pronoun goes to its antecedent
   (the quotes extractor's speakers first); "a statement from the ministry" is the ministry's.
5. **Citing** — "MEDIUM, citing SOURCE, reported that CLAIM": the reporter is the *original*
   source (SOURCE) and ``via`` the medium that relayed it, so that a claim TASS made reaches TASS
   even when Reuters carried it.
6. **Relayed quotes** — a direct quote is also a claim when an outlet stands between speaker and
   article: '"…," X said, according to TDH' (X through TDH) and '"…," an official told Reuters'
   (an anonymous source through Reuters). A named speaker's quote told to an outlet stays a quote.
7. **Accusations** — "X accused Y of Z" claims "Y of Z", unless the charge is quoted.

Unnamed reporters are followed to whom they stand for: "state media" to the outlet named before
(else after) it, never the article's own; "its foreign ministry" and "his office" to the state
(see :class:`~parley.extract.speech.speakers.Speakers`).

The claim is the verb's complement without its wire dateline ("ASTANA (Reuters) —") and without
a trailing concessive clause (", although …"; words in ``claim_stops``). Not claims: an
embedded question ("described how the talks collapsed"), a clause with its relative pronoun
outside it ("a proposal, which Yerevan said it would study"), speech reported inside a quote
(marked, or a Q&A answer the quotes extractor found), and a
complement that is mostly quoted words ('"…," he said'; 'said only that "…"'; 'said the talks
had been "a ritual …"'): one utterance makes one record, and there the direct quote
(``parley.quotes.v1``) is it. A claim is kept when at least half its words are the reporter's
paraphrase, which carries the context the quote lacks ('said it would share "flood data" during
the monsoon but that the treaty stays suspended'), or when only an adverbial tail is quoted
('said Moscow was ready to help "if our partners ask"' claims "Moscow was ready to help").

Reporter kinds: ``outlet`` (an actor of kind "media outlet", or an unresolved phrase headed by an
outlet noun), ``person``, ``organisation`` (a state, IGO, armed force or group speaking as an
institution, as the gold convention has it: "India's foreign ministry said" is India's; an
unresolved phrase headed by an institution noun such as "ministry"), ``anonymous`` (a
description such as "a senior diplomat", kept verbatim in ``text``), and ``group`` for other
unresolved descriptions ("the delegations").

Indirect speech is also a quote: every claim credited to a named person or institution by a verb
of saying ("Peskov has only said that Russia is willing …") is added to ``analysis.quotes`` as a
:class:`~parley.models.Quote` with ``direct=False``, the claim as its text and the reporter as its
speaker, so ``parley quotes --speaker Peskov`` finds what he said in either form. Claims of outlets
and anonymous sources stay attributions only.

For later extractors it leaves ``ctx.products.claims_by_sentence``: ``dict[int, Attribution]``
from the start offset of every sentence a claim overlaps to the attribution, so that the events
extractor can fill ``Event.attributed_to`` for events found in that sentence.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from parley.extract.base import Context, register
from parley.extract.speech.quotes import find_marked
from parley.extract.speech.speakers import (
    Cues,
    Resolver,
    Speakers,
    Who,
    load_cues,
    phrase_bounds,
    same_paragraph,
    sentence_piece,
    subject_of,
    trim,
    who_of,
)
from parley.models import Attribution, Quote, Reporter, Span, Speaker
from parley.nlp.dateline import dateline_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["AttributionExtractor"]

log = logging.getLogger(__name__)

NAME = "parley.attributions.v1"
# A state, an IGO or an armed group that speaks does so as an institution: its government, its
# secretariat, its command. The reporter is named by the actor; its kind is "organisation".
_KIND_OF_ACTOR = {
    "media outlet": "outlet",
    "person": "person",
    "state": "organisation",
    "organisation": "organisation",
    "igo": "organisation",
    "armed force": "organisation",
    "group": "organisation",
}
_KIND_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "GPE": "organisation"}
_BACKREF, _CREDIT, _UNNAMED = 0.7, 0.8, 0.4


@dataclass(frozen=True)
class _Found:
    """An attribution before it becomes a record: claim token bounds plus who and how."""

    claim: tuple[int, int]
    cue: str
    reporter: Reporter
    via: Reporter | None = None
    confidence: float = 1.0


@register(NAME)
class AttributionExtractor:
    """Claims credited to outlets, people and anonymous sources; see the module docstring."""

    name: ClassVar[str] = NAME
    requires: ClassVar[tuple[str, ...]] = ("doc", "mentions", "actor_at", "quotes_by_sentence")
    assigns: ClassVar[tuple[str, ...]] = ("attributions", "quotes", "claims_by_sentence")

    def __init__(self, cues: Cues | None = None) -> None:
        self.cues = cues if cues is not None else load_cues()

    def __call__(self, ctx: Context) -> None:
        """Append the article's attributions to ``ctx.analysis.attributions``, in text order."""
        run = _Run(ctx, self.cues)
        found = run.prepositional() + run.verbal()
        records = [_record(ctx.doc, f) for f in sorted(found, key=lambda f: f.claim)]
        ctx.analysis.attributions.extend(records)
        indirect = [q for q in map(_indirect_quote, records) if q is not None]
        if indirect:
            ctx.analysis.quotes = sorted([*ctx.analysis.quotes, *indirect], key=lambda q: q.start)
        by_sentence: dict[int, Attribution] = {}
        for rec in records:
            span = ctx.doc.char_span(rec.claim.start, rec.claim.end, alignment_mode="expand")
            starts = sorted({t.sent.start_char for t in span}) if span is not None else []
            for start in starts:
                by_sentence.setdefault(start, rec)
        ctx.products.claims_by_sentence = by_sentence
        log.debug("%s: %d attributions", ctx.article.id, len(records))


_SPEAKING_KINDS = ("person", "organisation", "state", "group")


def _indirect_quote(rec: Attribution) -> Quote | None:
    """The indirect-speech form of a claim a named speaker made ("X said that CLAIM")."""
    if rec.reporter.kind not in _SPEAKING_KINDS or rec.cue.lower().startswith(("according", "as ")):
        return None
    speaker = Speaker(
        actor=rec.reporter.actor,
        text=rec.reporter.text,
        start=rec.reporter.start,
        end=rec.reporter.end,
        confidence=rec.confidence,
    )
    return Quote(
        text=rec.claim.text,
        start=rec.claim.start,
        end=rec.claim.end,
        direct=False,
        speaker=speaker,
        cue=rec.cue,
        extractor=NAME,
    )


def _record(doc: Doc, f: _Found) -> Attribution:
    span = doc[f.claim[0] : f.claim[1]]
    return Attribution(
        claim=Span(start=span.start_char, end=span.end_char, text=span.text),
        cue=f.cue, reporter=f.reporter, via=f.via, confidence=f.confidence, extractor=NAME,
    )  # fmt: skip


class _Run:
    """One document's attribution pass."""

    def __init__(self, ctx: Context, cues: Cues) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.cues = cues
        self.res = Resolver(ctx)
        self.marked = find_marked(ctx.article.text)
        # Quotes without marks (a Q&A answer after "Keller:") are speech too.
        self.said = [(q.start, q.end) for q in ctx.analysis.quotes if q.direct]
        self.speakers = Speakers(self.res, cues, [(m.start, m.end) for m in self.marked])
        for quotes in (ctx.products.quotes_by_sentence or {}).values():
            self._note_speakers(quotes)

    def _note_speakers(self, quotes: list[Quote]) -> None:
        # The quotes extractor ran first: its speakers are antecedents for "he said that …".
        for q in quotes:
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if q.speaker is not None and q.speaker.actor is not None and span is not None:
                self.speakers.note(span.start, who_of(q.speaker))

    def _mostly_quoted(self, claim: tuple[int, int]) -> bool:
        """Whether the direct quote is the record of this speech, not a claim.

        '"…," he said' and 'he said only that "…"' give a quote; 'he said the law "is needed"'
        paraphrases little beyond the quoted words, so the quote stands for it too. One
        utterance makes one record; a claim is kept when at least half its words are the
        reporter's own paraphrase, the context the quote lacks.
        """
        words = [t for t in self.doc[claim[0] : claim[1]] if not t.is_punct]
        inside = sum(1 for t in words if self._quoted(t.idx))
        return not words or self._quoted(words[0].idx) or inside * 2 > len(words)

    def _quoted(self, char: int) -> bool:
        """Whether character offset ``char`` lies between quote marks."""
        # Bisect over the marks sorted by start, with the furthest end reached so far: one
        # lookup per call instead of a scan of every quote in the article.
        k = bisect.bisect_right(self._mark_starts, char)
        return k > 0 and self._mark_reach[k - 1] > char

    @functools.cached_property
    def _mark_starts(self) -> list[int]:
        return [m.start for m in sorted(self.marked, key=lambda m: m.start)]

    @functools.cached_property
    def _mark_reach(self) -> list[int]:
        return list(
            itertools.accumulate((m.end for m in sorted(self.marked, key=lambda m: m.start)), max)
        )

    # ------------------------------------------------------------ 1–2. prepositional cues

    def prepositional(self) -> list[_Found]:
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
        return found

    def _cue_at(self, i: int) -> int:
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
        return [t.lower_ for t in self.doc]

    @functools.cached_property
    def _cue_heads(self) -> frozenset[str]:
        return frozenset(p[0] for p in self.cues.prepositions if p)

    def _prepositional(self, start: int, end: int) -> _Found | None:
        cue = self.doc[start:end]
        rep_bounds = self._reporter_bounds(cue)
        if rep_bounds is None:
            return None
        claim = self._claim_around(cue, rep_bounds)
        if claim is None:
            return None
        # "according to officials quoted by the APA agency": the officials, through APA.
        via = None
        for i in range(rep_bounds[0] + 1, rep_bounds[1]):
            length = self._cue_at(i)
            if length and i + length < rep_bounds[1]:
                via = self._reporter((i + length, rep_bounds[1]))[0]
                rep_bounds = (rep_bounds[0], i)
                break
        reporter, conf = self._reporter(rep_bounds)
        if reporter.actor is None and self._unnamed(rep_bounds):
            credit = self._credit_after(cue.sent)
            if credit is not None:
                reporter, conf = credit, _CREDIT
        relayed = self._quoted_speech(claim)
        if relayed is not None and via is None:
            # '"…," Orazov said, according to TDH': Orazov's words, relayed by TDH.
            (speaker, speaker_conf), quote = relayed
            return _Found(quote, cue.text.lower(), speaker, via=reporter,
                          confidence=min(conf, speaker_conf))  # fmt: skip
        return _Found(claim, cue.text.lower(), reporter, via=via, confidence=conf)

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
            claim = self._claim_of(verb)
            if claim is not None and self._paraphrase(claim) is not None:
                continue
            quote = self._quote_of(verb, subj)
            source = self._source(subj) if quote is not None else None
            if quote is not None and source is not None:
                return source, quote
        return None

    def _quote_of(self, verb: Token, subj: Token) -> tuple[int, int] | None:
        """Token bounds of the direct quote the quotes extractor credits to ``subj``'s words,
        in ``verb``'s paragraph, nearest to the verb."""
        lo, hi = phrase_bounds(subj)
        first, last = self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1])
        near: list[tuple[int, tuple[int, int]]] = []
        for q in self.ctx.analysis.quotes:
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
        text = self.doc[bounds[0] : bounds[1]].text.lower()
        return text in self.cues.unnamed_reports

    def _claim_around(self, cue: SpacySpan, rep: tuple[int, int]) -> tuple[int, int] | None:
        """The claim a prepositional cue credits: after it if it opens the sentence, else before."""
        sent = cue.sent
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
        return trim([t for t in sent if not cue.start <= t.i < rep[1]])

    def _clause_start(self, sent: SpacySpan, limit: int) -> int:
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
        # A credit stands alone: it is not the subject of the next sentence ("Axios said …").
        after = span.end
        alone = after >= len(self.doc) or "\n" in self.doc[span.end - 1].whitespace_ + (
            self.doc[after].text if after < len(self.doc) else ""
        )
        return alone or span.root.dep_ not in ("nsubj", "nsubjpass")

    def _credit_by_name(self, i: int) -> Reporter | None:
        for n in (4, 3, 2, 1):
            span = self.doc[i : min(i + n, len(self.doc))]
            actor = self.res.outlet_actor(span.text)
            if actor is not None and self._is_credit(span):
                return Reporter(
                    actor=actor, kind="outlet", text=span.text, start=span.start_char,
                    end=span.end_char,
                )  # fmt: skip
        return None

    # ------------------------------------------------------------ reporters

    def _reporter(self, bounds: tuple[int, int]) -> tuple[Reporter, float]:
        span = self.doc[bounds[0] : bounds[1]]
        if span.root.lemma_.lower() in self.cues.speech_nouns:
            # "according to a statement from the Swiss foreign ministry": the ministry's words
            found = self._issuer(span.root)
            if found is not None:
                return found
        who = self.res.who(span.root, stop_at=bounds[1])
        return self._reporter_of(who, span)

    def _issuer(self, noun: Token) -> tuple[Reporter, float] | None:
        """The reporter of a statement, letter or report: whoever issued it, when named.

        "A statement issued by the ministry said" is the ministry's claim. A text with no
        issuer in sight is not followed further (it stays the phrase's own words): asking
        the phrase again who it is would go round for ever.
        """
        who = self.speakers.who(noun)
        if who is None or who.head == noun.i or who.actor is None:
            return None
        span = self.doc.char_span(who.start, who.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        rep, conf = self._reporter_of(who, span)
        return rep, min(conf, who.confidence)

    def _reporter_of(self, who: Who, span: SpacySpan) -> tuple[Reporter, float]:
        head = span.root
        kind = _KIND_OF_ACTOR.get(self.res.kind(who.actor) or "", "group")
        # "the US media outlet" describes an outlet, whatever the parser takes for its head.
        described = {span[-1].lemma_.lower(), span[-1].lower_} & self.cues.outlet_nouns
        if who.actor is not None and (kind == "outlet" or not described):
            return _rep(who, kind), 1.0
        lemma = head.lemma_.lower()
        if lemma in self.cues.unnamed_reports:
            return _rep(who, "anonymous"), _UNNAMED  # "reports in Russian media"
        if lemma in self.cues.outlet_nouns or head.lower_ in self.cues.outlet_nouns or described:
            outlet = self._outlet_before(span)
            rep = Reporter(actor=outlet, kind="outlet", text=who.text, start=who.start, end=who.end)
            return rep, _BACKREF if outlet is not None else _UNNAMED
        if lemma in self.cues.anonymous_heads or span.text.lower() in self.cues.unnamed_reports:
            return _rep(who, "anonymous"), _UNNAMED if lemma in ("report", "reports") else 1.0
        label = self.res.label(head)
        kind = _KIND_OF_LABEL.get(label, "group")
        if kind == "group" and (lemma in self.cues.institution_heads or head.ent_type_ == "NORP"):
            kind = "organisation"  # "the interior ministry", "the Kremlin"
        return _rep(who, kind), 0.8

    def _outlet_before(self, span: SpacySpan) -> str | None:
        """The outlet an unnamed one ("the US media outlet", "state media") stands for.

        It is the outlet last named before ``span`` whose country fits its adjective, else the
        first named after it ("state media said …; the state news agency TDH reported …").
        The article's own outlet is never the one it quotes.
        """
        country = self._country_in(span)
        own = self._own_outlet()
        fits = [
            m for m in self.ctx.analysis.mentions
            if m.actor is not None and m.actor != own
            and self.res.kind(m.actor) == "media outlet" and self._of_country(m.actor, country)
        ]  # fmt: skip
        before = [m.actor for m in fits if m.start < span.start_char]
        after = [m.actor for m in fits if m.start >= span.end_char]
        return before[-1] if before else (after[0] if after else None)

    def _of_country(self, actor: str, country: str | None) -> bool:
        if country is None or actor not in self.ctx.kb.actors:
            return True
        return self.ctx.kb[actor].country == country

    def _own_outlet(self) -> str | None:
        """The id of the outlet that published the article, when its metadata names one."""
        name = self.ctx.article.outlet
        return self.res.outlet_actor(name) if name else None

    def _country_in(self, span: SpacySpan) -> str | None:
        for tok in span:
            if tok.i == span.root.i:
                continue
            actor, _ = self.res.actor_of_token(tok.i)
            if actor is not None and actor in self.ctx.kb and self.ctx.kb[actor].kind == "state":
                return self.ctx.kb[actor].country
            if tok.text in self.cues.demonyms:
                return self.cues.demonyms[tok.text]
        return None

    # ------------------------------------------------------------ 3–5. verbs

    def verbal(self) -> list[_Found]:
        found = []
        for tok in self.doc:
            if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
                continue
            item = self._verbal(tok)
            if item is not None:
                found.extend(self._each_named(tok, item))
        return found

    def _person(self, tok: Token) -> bool:
        """Whether ``tok`` names a person (a known one, or a name the parser tags so)."""
        actor, _ = self.res.actor_of_token(tok.i)
        if actor is not None:
            return self.res.kind(actor) == "person"
        return tok.ent_type_ == "PERSON"

    def _each_named(self, verb: Token, item: _Found) -> list[_Found]:
        """One claim per person when named people speak together.

        "Senators A, B, C and D wrote in a letter that …" is the claim of all four, each
        named; crediting the letter to A alone, or to an anonymous "senators", loses three.
        """
        subj = subject_of(verb)
        names = _named_conjuncts(subj, self._person) if subj is not None else []
        if len(names) < 2 or item.via is not None:
            return [item]
        out = []
        for name in names:
            reporter, conf = self._reporter(_name_bounds(name))
            if reporter.kind in ("anonymous", "group"):
                reporter = reporter.model_copy(update={"kind": "person"})
            conf = min(conf, item.confidence)
            out.append(_Found(item.claim, item.cue, reporter, confidence=conf))
        return out

    def _verbal(self, verb: Token) -> _Found | None:
        lemma = verb.lemma_.lower()
        relays = lemma in self.cues.relay_verbs
        verbs = self.cues.report_verbs | self.cues.indirect_verbs | self.cues.accusation_verbs
        if not (relays or lemma in verbs or self._finding(verb) or self._claims_object(verb)):
            return None
        if self._quoted(verb.idx) or any(a <= verb.idx < b for a, b in self.said):
            return None  # speech reported inside a quote belongs to the quote, not the article
        subj = subject_of(verb) or self._issuer_of_noun(verb)
        claim = self._claim_of(verb)
        if claim is not None:
            claim = self._paraphrase(claim)
        if subj is None:
            return None
        if claim is None:
            return self._relayed_quote(verb, subj) if relays else None
        found = self._source(subj)
        if found is None:
            return None
        source, conf = found
        cited = self._cited(verb, subj)
        if cited is not None:
            # The relaying medium is named up to the "citing" phrase, not with it.
            cutoff = cited[1] if cited[1] > subj.i else None
            relay, _ = self._reporter(phrase_bounds(subj, stop_at=cutoff))
            return _Found(claim, verb.text, cited[0], via=relay, confidence=conf)
        medium = self._medium(verb) if relays else None
        return _Found(claim, verb.text, source, via=medium, confidence=conf)

    def _finding(self, verb: Token) -> bool:
        """ "A study found that …", "the report concluded …": a document's finding is a claim
        of the document (and of whoever issued it)."""
        if verb.lemma_.lower() not in self.cues.finding_verbs:
            return False
        subj = subject_of(verb)
        return subj is not None and subj.lemma_.lower() in self.cues.document_nouns

    def _claims_object(self, verb: Token) -> bool:
        """ "The group claimed responsibility for the attack", "a spokesman denied any
        involvement": a claim (or a denial) whose content is a noun phrase."""
        lemma = verb.lemma_.lower()
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma == "claim":
            return any(c.lemma_.lower() in self.cues.claimed_objects for c in objs)
        return lemma in self.cues.denial_verbs and any(c.pos_ == "NOUN" for c in objs)

    def _issuer_of_noun(self, verb: Token) -> Token | None:
        """ "X issued a statement saying …": the verb hangs on the text, its issuer speaks."""
        noun = verb.head
        if verb.dep_ != "acl" or noun.lemma_.lower() not in self.cues.speech_nouns:
            return None
        return self.speakers.author_of(noun)

    def _relayed_quote(self, verb: Token, subj: Token) -> _Found | None:
        """An anonymous source's direct quote given to a named outlet.

        '"…," a Turkmen official told Reuters': an unnamed source's words weigh what the
        outlet that heard them vouches for, so the quote is also a claim of the source through
        that outlet. A named speaker's quote stays a quote only.
        """
        found = self._source(subj)
        if found is None or found[0].kind != "anonymous":
            return None
        medium = self._medium(verb)
        quote = self._quote_of(verb, subj) if medium is not None else None
        if quote is None:
            return None
        return _Found(quote, verb.text, found[0], via=medium, confidence=found[1])

    def _source(self, subj: Token) -> tuple[Reporter, float] | None:
        """The reporter a speech verb's subject names; a pronoun goes to its antecedent."""
        who = self.speakers.who(subj)
        if who is None:
            return None
        if who.head == subj.i:
            bounds = phrase_bounds(subj)
            rep, conf = self._reporter(bounds)
            if rep.actor is None and who.actor is not None:
                # "Armenian officials said": the speaker resolution knows whom they speak for
                rep, conf = self._reporter_of(who, self.doc[bounds[0] : bounds[1]])
                return rep, min(conf, who.confidence)
            return rep, conf
        span = self.doc.char_span(who.start, who.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        rep, conf = self._reporter_of(who, span)
        return rep, min(conf, who.confidence)

    def _claim_of(self, verb: Token) -> tuple[int, int] | None:
        """Token bounds of what ``verb`` reports, or None when it reports no claim here."""
        comp = self._complement(verb)
        if comp is not None:
            if self.doc[comp.left_edge.i].lower_ in self.cues.embedded_questions:
                return None  # "described how the session collapsed": a topic, not a claim
            if _relative_gap(comp, verb):
                return None  # "a proposal, which Yerevan said it would study": half a claim
            words = [
                t for t in comp.subtree
                if not (t.dep_ == "mark" and t.head.i == comp.i) and same_paragraph(t, verb)
            ]  # fmt: skip
            return self._clean(trim(words))
        if verb.lemma_.lower() in self.cues.accusation_verbs:
            return self._accusation(verb)
        if self._claims_object(verb):
            obj = next(c for c in verb.children if c.dep_ == "dobj")
            return self._clean(trim(list(obj.subtree)))
        if any(c.tag_ in ("WP", "WRB") for c in verb.children):
            return None  # "here is what they said": the words follow elsewhere
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
            return self._interrupted(verb)
        return None

    def _complement(self, verb: Token) -> Token | None:
        """The clause ``verb`` reports: its complement after it, else one before it.

        A complement before the verb is the inverted order ("The talks will resume, he said")
        or a misread parenthetical ("X, asked about the treaty, said …"). One after the verb but
        set off by a comma ("CLAIM, state media said on Thursday, clearing the last hurdle …") is
        a participle clause the parser misread, when a complement before the verb exists. A
        bare "X said" is never a complement: the parser hung the real speech verb there.
        """
        comps = [
            c for c in verb.children
            if c.dep_ == "ccomp" and not self._bare_speech(c) and same_paragraph(c, verb)
        ]  # fmt: skip
        after = [c for c in comps if c.i > verb.i]
        before = [c for c in comps if c.i < verb.i]
        close = [
            c for c in after if not any(t.text == "," for t in self.doc[verb.i : c.left_edge.i])
        ]
        ranked = [*close, *before, *after]
        return ranked[0] if ranked else None

    def _bare_speech(self, tok: Token) -> bool:
        """Whether ``tok`` is a speech verb with a subject and nothing said ("X said")."""
        if tok.lemma_.lower() not in self.cues.speech_verbs:
            return False
        deps = {c.dep_ for c in tok.children}
        return "nsubj" in deps and deps <= {"nsubj", "punct", "aux", "advmod", "neg"}

    def _accusation(self, verb: Token) -> tuple[int, int] | None:
        """What "X accused Y of Z" claims: "Y of Z" (the accused and the charge)."""
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            to = self.cues.accusation_preps  # accused X of, blamed X for, linked X to
            preps = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in to]
            preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in to]
            # "linked the blackout to sabotage": the parser may read "to sabotage" as a verb
            preps += [
                c for c in verb.children
                if c.dep_ == "xcomp" and c.i > obj.i and self.doc[c.left_edge.i].lower_ in to
            ]  # fmt: skip
            charge = [t for p in preps for t in p.subtree if t.i != p.i and not t.is_punct]
            if charge and 2 * sum(self._quoted(t.idx) for t in charge) <= len(charge):
                end = max(p.right_edge.i for p in preps) + 1
                return self._clean(trim(list(self.doc[obj.left_edge.i : end])))
            return None  # accused X of "playing for time": the quoted charge is the record
        return None

    def _interrupted(self, verb: Token) -> tuple[int, int] | None:
        """The claim of a parenthetical verb: the sentence it interrupts or ends.

        "CLAIM, Politico reported" and "The council, he said, had become …" credit the sentence
        (a span has no holes). When the verb's subject opens the sentence ("Orazov, the deputy
        minister, said the presidents had agreed …", read as a parenthesis by the parser), the
        claim is what follows the verb.
        """
        if verb.dep_ == "ccomp" and verb.head.i < verb.i:
            return None  # "The government said X had spoken by phone": reported, not reporting
        sent = sentence_piece(self.doc, verb.i)
        subj = subject_of(verb)
        stop = subj.left_edge.i if subj is not None else verb.i
        if stop <= sent.start:
            lemma = verb.lemma_.lower()
            clausal = lemma in self.cues.indirect_verbs or lemma in self.cues.report_verbs
            if subj is None or verb.head.i < verb.i or not clausal:
                return None  # "Officials speak less about X": speaking of, not saying that
            rest = list(self.doc[verb.i + 1 : sent.end])
            while rest and (rest[0].lower_ == "that" or rest[0].is_punct):
                rest.pop(0)
            return self._clean(trim(rest))
        rest = [t for t in self.doc[verb.i + 1 : sent.end] if not t.is_punct]
        end = sent.end if rest and verb.head.i > verb.i else stop
        return self._clean(trim(list(self.doc[sent.start : end])))

    def _paraphrase(self, claim: tuple[int, int]) -> tuple[int, int] | None:
        """The claim without a quoted adverbial tail, or None when the quote is the record.

        'Peskov said Moscow was ready to help "if our partners ask for it"' paraphrases a
        claim and quotes only its condition: the claim is the paraphrase. When the quoted
        words are the claim's core ('said the talks had been "a ritual"'), the quote is it.
        """
        if not self._mostly_quoted(claim):
            return claim
        words = [t for t in self.doc[claim[0] : claim[1]] if not t.is_punct]
        first = next((t.i for t in words if self._quoted(t.idx)), None)
        if first is None or first == claim[0]:
            return None
        inside = range(first, claim[1])
        tops = [t for t in self.doc[first : claim[1]] if t.head.i not in inside]
        if not tops or any(t.dep_ not in _ADJUNCT_DEPS for t in tops):
            return None
        cut = trim(list(self.doc[claim[0] : first]))
        return cut if cut is not None and not self._mostly_quoted(cut) else None

    def _clean(self, bounds: tuple[int, int] | None) -> tuple[int, int] | None:
        """A claim without the dateline before it or a concessive clause after it.

        "TOKYO (Reuters) — X agreed …" claims what X did, not where the wire filed it; in
        "X would go ahead, although Y objected" the "although" clause is the reporter's own
        hedge or another party's position, not the claim.
        """
        if bounds is None:
            return None
        start, end = bounds
        start = dateline_end(self.doc, start, end) or start
        for tok in self.doc[start + 1 : end]:
            if tok.lower_ in self.cues.claim_stops and self.doc[tok.i - 1].text == ",":
                end = tok.i
                break
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].dep_ == "cc"):
            end -= 1
        return trim(list(self.doc[start:end]))

    def _medium(self, verb: Token) -> Reporter | None:
        """The outlet a source spoke *to*: "told TASS", "explained to the agency TASS"."""
        targets = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
        for prep in (c for c in verb.children if c.dep_ in ("prep", "dative")):
            if prep.lower_ == "to":
                targets.extend(c for c in prep.children if c.dep_ == "pobj")
        for tok in targets:
            rep, _ = self._reporter(phrase_bounds(tok))
            if rep.kind == "outlet":
                return rep
        return None

    def _cited(self, verb: Token, subj: Token) -> tuple[Reporter, int] | None:
        """The original source in "MEDIUM, citing SOURCE, reported …" and where "citing" is."""
        for tok in (*verb.children, *subj.children):
            if tok.lemma_.lower() in self.cues.citing and tok.pos_ == "VERB":
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                if objs:
                    return self._reporter(phrase_bounds(objs[0]))[0], tok.i
        return None


# Dependents that add to a clause without completing it: a quoted "if …" or "while …" tail.
_ADJUNCT_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod", "punct", "cc"})


def _named_conjuncts(subj: Token, person: Callable[[Token], bool]) -> list[Token]:
    """The people coordinated in a subject ("A, B, C and D"), in text order; empty unless
    it names at least two joined by a conjunction (the parser links some by apposition)."""
    names, todo, joined = [subj], [subj], False
    while todo:
        for child in todo.pop().children:
            if child.dep_ in ("conj", "appos") and person(child):
                joined = joined or child.dep_ == "conj"
                names.append(child)
                todo.append(child)
    if not person(subj) or not joined:
        return []
    return sorted(names, key=lambda t: t.i)


def _name_bounds(name: Token) -> tuple[int, int]:
    """Token bounds of a name with the titles and first names glued before it."""
    start = name.i
    while start > 0 and name.doc[start - 1].dep_ == "compound":
        if name.doc[start - 1].head.i != name.i:
            break
        start -= 1
    return start, name.i + 1


def _relative_gap(comp: Token, verb: Token) -> bool:
    """Whether the complement's object is a relative pronoun before the verb ("which X said it
    would study"): the claim's missing part stands outside it."""
    return any(
        t.tag_ in ("WDT", "WP") and t.i < verb.i and t.head.dep_ not in ("relcl", "acl")
        for t in comp.subtree
    )


def _rep(who: Who, kind: str) -> Reporter:
    return Reporter(
        actor=who.actor,
        kind=kind,
        text=who.text,
        start=who.start,
        end=who.end,
    )
