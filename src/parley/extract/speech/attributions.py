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

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from parley.extract.base import Context, register
from parley.extract.speech import not_quotes
from parley.extract.speech.claims import Claims, Found
from parley.extract.speech.cues import LEXICON
from parley.extract.speech.descriptions import role_nouns
from parley.extract.speech.lists import listed_items
from parley.extract.speech.marks import Marked, find_marked
from parley.extract.speech.noun_claims import NounClaims
from parley.extract.speech.prep_cues import CueScanner
from parley.extract.speech.prepositional import Prepositional
from parley.extract.speech.quoted_words import QuotedWords
from parley.extract.speech.relays import Relays
from parley.extract.speech.reporters import Reporters
from parley.extract.speech.resolver import Resolver, who_of
from parley.extract.speech.speakers import Cues, Speakers, load_cues
from parley.extract.speech.syntax import (
    name_bounds,
    named_conjuncts,
    parenthetical_speech,
    phrase_bounds,
    subject_of,
)
from parley.knowledge import words
from parley.models import Attribution, Quote, Reporter, Span, Speaker
from parley.nlp.docs import doc_tokens, sentences_over

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["AttributionExtractor"]

log = logging.getLogger(__name__)

NAME = "parley.attributions.v1"


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
        found = _fold_outlet_tags(ctx.doc, self.cues, run.prepositional() + run.verbal())
        found += run.nominal(found)
        records = [_record(ctx.doc, f) for f in sorted(found, key=lambda f: f.claim)]
        ctx.analysis.attributions.extend(records)
        indirect = [q for q in map(_indirect_quote, records) if q is not None]
        if indirect:
            ctx.analysis.quotes = sorted([*ctx.analysis.quotes, *indirect], key=lambda q: q.start)
        by_sentence: dict[int, Attribution] = {}
        for rec in records:
            span = ctx.doc.char_span(rec.claim.start, rec.claim.end, alignment_mode="expand")
            sents = sentences_over(ctx.doc, span.start, span.end) if span is not None else ()
            starts = sorted({sent.start_char for sent in sents})
            for start in starts:
                by_sentence.setdefault(start, rec)
        ctx.products.claims_by_sentence = by_sentence
        log.debug("%s: %d attributions", ctx.article.id, len(records))


_SPEAKING_KINDS = ("person", "organisation", "state", "group")


def _same_claim(a: Found, b: Found) -> bool:
    """Whether two found claims tell one claim of one source: their spans overlap and the
    source is the same actor (or the same words, when unlinked)."""
    overlap = a.claim[0] < b.claim[1] and b.claim[0] < a.claim[1]
    same = (a.reporter.actor or a.reporter.text) == (b.reporter.actor or b.reporter.text)
    return overlap and same


def _fold_outlet_tags(doc: Doc, cues: Cues, found: list[Found]) -> list[Found]:
    """'X accused Y of Z, the agency reported': one utterance, X's, relayed by the agency.

    When an outlet's tag ("…, ANI reported") or a text's ("…, a statement on his website
    said") credits a sentence in which someone named inside it speaks, the speaker's record
    keeps the claim and the outlet or text becomes its ``via``; a second record crediting the
    tag with the whole sentence (speaker and verb included) would give it words not its own."""
    out = list(found)
    for tag in found:
        if not _outlet_tag(tag, cues):
            continue
        lo, hi = doc[tag.claim[0]].idx, doc[tag.claim[1] - 1].idx + len(doc[tag.claim[1] - 1])
        inner = [
            f for f in out
            if f is not tag and f.via is None and f.reporter.start is not None
            and lo <= f.reporter.start < hi and tag.claim[0] <= f.claim[0] < tag.claim[1]
        ]  # fmt: skip
        if not inner:
            continue
        out = [
            replace(f, via=tag.reporter) if f in inner else f for f in out if f is not tag
        ]  # fmt: skip
    return out


def _outlet_tag(f: Found, cues: Cues) -> bool:
    """Whether ``f`` is a report tag of an outlet or agency ("…, the agency reported") or of an
    unlinked text ("…, a statement on his website said")."""
    if f.via is not None:
        return False
    if f.reporter.kind == "outlet" or f.cue.lower() in cues.report_tags:
        return True
    return f.reporter.actor is None and _bare_text(f.reporter.text.lower().split(), cues)


def _bare_text(said: list[str], cues: Cues) -> bool:
    """Whether a source phrase is a text that names no issuer before its noun ("a statement on
    his website", "the statement"): the speaker's own channel. "The presidency statement"
    names its issuer and keeps the sentence as the issuer's account."""
    texts = cues.speech_nouns | cues.document_nouns
    at = next((n for n, w in enumerate(said) if w in texts), None)
    return at is not None and at <= 1 and all(w in cues.bare_text_determiners for w in said[:at])


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


def _record(doc: Doc, f: Found) -> Attribution:
    """The :class:`~parley.models.Attribution` of a found claim, with character offsets."""
    span = doc[f.claim[0] : f.claim[1]]
    return Attribution(
        claim=Span(start=span.start_char, end=span.end_char, text=span.text),
        cue=f.cue, reporter=f.reporter, via=f.via, confidence=f.confidence, extractor=NAME,
    )  # fmt: skip


class _Run:
    """One document's attribution pass: the prepositional cues, then the verbs of saying.

    The steps are collaborators sharing the document: :class:`QuotedWords` (what is quoted),
    :class:`Claims` (the content span), :class:`Reporters` (who the reporter is) and
    :class:`Prepositional` ("according to X").
    """

    def __init__(self, ctx: Context, cues: Cues) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.cues = cues
        self.res = Resolver(ctx)
        marked = find_marked(ctx.article.text)
        # Quotes without marks (a Q&A answer after "Keller:") are speech too.
        self.said = [(q.start, q.end) for q in ctx.analysis.quotes if q.direct]
        self.speakers = Speakers(self.res, cues, [(m.start, m.end) for m in marked])
        for quotes in (ctx.products.quotes_by_sentence or {}).values():
            self._note_speakers(quotes)
        self.quoted = QuotedWords(self.doc, _speech_marks(self.doc, marked), ctx.analysis.quotes)
        self.claims = Claims(self.doc, cues, self.quoted)
        self.reporters = Reporters(ctx, cues, self.res, self.speakers)
        scanner = CueScanner(self.res, cues)
        self.relays = Relays(scanner, cues, self.reporters, self.claims)
        self.preps = Prepositional(self.relays, self.res)
        self.headings = _heading_lines(ctx.article.text, ctx.article.section_headings)

    def prepositional(self) -> list[Found]:
        """Claims credited by "according to X" and its kin."""
        return self.preps.find()

    def nominal(self, found: list[Found]) -> list[Found]:
        """Claims carried by nouns ("an Indian charge that …", "his assertion that …"), but
        not one a verb of saying already reports with the same source ("repeated its claim
        that …" is read with the verb)."""
        kb = self.ctx.kb
        nouns = NounClaims(self.doc, self.cues, self.claims, self.reporters, self.quoted, kb)
        return [n for n in nouns.find() if not any(_same_claim(n, f) for f in found)]

    def _note_speakers(self, quotes: list[Quote]) -> None:
        """Note the quotes extractor's speakers: antecedents for a later "he said that …".

        An unlinked speaker counts too ("the envoy for the region"): the pronoun after it
        means that person, not a thing named in between.
        """
        for q in quotes:
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            sp = q.speaker
            if sp is not None and span is not None and sp.start is not None:
                self.speakers.note(span.start, who_of(sp))

    def verbal(self) -> list[Found]:
        """Claims of the verbs of saying, reporting, accusing and finding (negated verbs claim
        nothing), one per person when named people speak together."""
        found = []
        saying = _saying_lemmas(self.cues)
        for tok in doc_tokens(self.doc):
            if tok.lemma_.lower() not in saying:
                continue  # reports nothing (see _saying_lemmas): its children go unread
            verbal = tok.pos_ == "VERB" or _verb_read_as_noun(tok)
            if not verbal or any(c.dep_ == "neg" for c in tok.children):
                continue
            for item in self._verbal(tok):
                found.extend(self._each_named(tok, item))
        return found

    def _each_named(self, verb: Token, item: Found) -> list[Found]:
        """One claim per person when named people speak together.

        "Senators A, B, C and D wrote in a letter that …" is the claim of all four, each
        named; crediting the letter to A alone, or to an anonymous "senators", loses three.
        """
        subj = subject_of(verb)
        names = named_conjuncts(subj, self._named_source) if subj is not None else []
        if len(names) < 2 or item.via is not None:
            return [item]
        if _reciprocal(verb):  # theirs together: the words, not one of them as the actor
            return [replace(item, reporter=item.reporter.model_copy(update={"actor": None}))]
        out = []
        for name in names:
            reporter, conf = self.reporters.reporter(name_bounds(name))
            if reporter.kind in ("anonymous", "group"):
                reporter = reporter.model_copy(update={"kind": "person"})
            conf = min(conf, item.confidence)
            out.append(Found(item.claim, item.cue, reporter, confidence=conf))
        return out

    def _named_source(self, tok: Token) -> bool:
        """Whether ``tok`` names a source of its own in a conjoined subject: a person, or
        a state or organisation the article links ("Norway and Sweden said …": each
        state says it, as each senator does in "Senators A and B wrote …")."""
        if self.reporters.person(tok):
            return True
        kind = self.res.kind(self.res.actor_of_token(tok.i)[0])
        return kind is not None and kind != "media outlet"

    def _verbal(self, verb: Token) -> list[Found]:
        """The claims one verb reports (one, or one per item of a list it sets out after a
        colon), with their source and any medium between (steps 3–7)."""
        found = self._verbal_one(verb)
        if found is not None:
            return [found]
        items = listed_items(self.doc, verb)
        return [f for f in (self._verbal_one(verb, item) for item in items) if f is not None]

    def _verbal_one(self, verb: Token, listed: tuple[int, int] | None = None) -> Found | None:
        """The claim one verb reports (or the list item ``listed``), with its source and
        any medium between.

        The verb must be a cue of the lexicon (or a finding or a claim with a noun object),
        outside any quote: speech reported inside a quote belongs to the quote."""
        lemma = verb.lemma_.lower()
        relays = lemma in self.cues.relay_verbs
        verbs = self.cues.report_verbs | self.cues.indirect_verbs | self.cues.accusation_verbs
        claims = self.claims
        said = relays or lemma in verbs or claims.phrasal(verb) is not None
        said = said or parenthetical_speech(verb)
        if not (said or self._finding(verb) or claims.claims_object(verb)):
            return None
        if _other_sense(verb, self.cues):
            return None  # "police charged the four activists": charging someone says nothing
        if _formula(verb):
            return None  # "That said, I would like to ask …": a link between thoughts
        if _passive_without_agent(verb):
            return None  # "what will be said is crucial": nobody is named saying it
        if _hypothetical(verb):
            return None  # "… if Washington concludes Tehran blocked it": nobody said it yet
        if not self._can_link(verb):
            return None  # "the new road linked the port to the capital": a thing joins places
        if self.quoted.quoted(verb.idx) or any(a <= verb.idx < b for a, b in self.said):
            return None  # speech reported inside a quote belongs to the quote, not the article
        if any(a <= verb.idx < b for a, b in self.headings):
            return None  # a crosshead ("President denies fraud claims") titles what follows
        subj = subject_of(verb) or self._issuer_of_noun(verb)
        misread = _misread_as_phrase(verb) if subj is None else None
        subj = subj or misread
        if subj is not None and subj.lower_ in words(LEXICON, "listener_pronouns"):
            return None  # "can you confirm that …?": a question to the listener asserts nothing
        if _inference(verb, subj):
            return None  # "the very fact he spoke suggests …": the writer's inference, no claim
        if subj is not None and _absolute_with(verb, subj):
            return None  # "…, with half of the districts declared.": counted, not speaking
        claim = self.claims.claim_of(verb) if listed is None else listed
        if claim is not None:
            claim = self.quoted.paraphrase(claim)
        if subj is None:
            return None
        if claim is None:
            return self._relayed_quote(verb, subj) if relays else None
        if misread is not None:  # the noun's own words, without the clause hung on it
            found: tuple[Reporter, float] | None = self.reporters.reporter(
                (misread.left_edge.i, verb.i)
            )
        else:
            found = self.reporters.source(subj)
        if found is None:
            return None
        source, conf = found
        cited = self.reporters.cited(verb, subj)
        if cited is not None:
            # The relaying medium is named up to the "citing" phrase, not with it.
            cutoff = cited[1] if cited[1] > subj.i else None
            relay, _ = self.reporters.reporter(phrase_bounds(subj, stop_at=cutoff))
            return Found(claim, verb.text, cited[0], via=relay, confidence=conf)
        medium = self.reporters.medium(verb) if relays else None
        medium = medium or self.reporters.quoting(verb)
        relayed = self.relays.relay_after(verb, claim) if medium is None else None
        if relayed is not None:
            claim, medium = relayed  # "X said Y, according to Z": X's claim, relayed by Z
        return Found(claim, verb.text, source, via=medium, confidence=conf)

    def _can_link(self, verb: Token) -> bool:
        """Whether a verb that joins as well as attributes ("link", "tie") has a subject that
        can attribute: someone named or known, a pronoun, or a noun for people, an institution,
        an outlet or a document. "The governor linked the attack to a militia" claims a cause;
        "a pipeline links the field to the coast" states a connection and claims nothing."""
        if verb.lemma_.lower() not in words(LEXICON, "thing_sense_verbs"):
            return True
        subj = subject_of(verb)
        if subj is None:
            return False
        if subj.pos_ == "PRON" or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if self.res.actor_of_token(subj.i)[0] is not None:
            return True
        return subj.lemma_.lower() in _speaker_nouns(self.cues)

    def _finding(self, verb: Token) -> bool:
        """ "A study found that …", "the report concluded …": a document's finding is a claim
        of the document (and of whoever issued it)."""
        if verb.lemma_.lower() not in self.cues.finding_verbs:
            return False
        subj = subject_of(verb)
        return subj is not None and subj.lemma_.lower() in self.cues.document_nouns

    def _issuer_of_noun(self, verb: Token) -> Token | None:
        """ "X issued a statement saying …": the verb hangs on the text, its issuer speaks."""
        noun = verb.head
        if verb.dep_ != "acl" or noun.lemma_.lower() not in self.cues.speech_nouns:
            return None
        return self.speakers.author_of(noun)

    def _relayed_quote(self, verb: Token, subj: Token) -> Found | None:
        """An anonymous source's direct quote given to a named outlet.

        '"…," a Turkmen official told Reuters': an unnamed source's words weigh what the
        outlet that heard them vouches for, so the quote is also a claim of the source through
        that outlet. A named speaker's quote stays a quote only.
        """
        found = self.reporters.source(subj)
        if found is None or found[0].kind != "anonymous":
            return None
        medium = self.reporters.medium(verb)
        quote = self.quoted.quote_of(verb, subj) if medium is not None else None
        if quote is None:
            return None
        return Found(quote, verb.text, found[0], via=medium, confidence=found[1])


def _saying_lemmas(cues: Cues) -> frozenset[str]:
    """Every lemma with which :meth:`_Run._verbal_one` may find a claim: a cue of saying,
    relaying, reporting or accusing, the verb of a phrase of saying ("point" of "pointed out
    that"), a verb of finding, of parenthetical speech ("…, he continued"), of claiming or of
    denying. The verb of any other lemma reports nothing whatever its dependents (the checks
    of ``_verbal_one`` each start from the lemma), so the pass skips it unread: reading the
    children of every verb of an article was most of the attributions' cost."""
    return frozenset(
        {
            *cues.relay_verbs,
            *cues.report_verbs,
            *cues.indirect_verbs,
            *cues.accusation_verbs,
            *(lemma for lemma, _ in cues.speech_phrases),
            *cues.finding_verbs,
            *cues.denial_verbs,
            *words(LEXICON, "parenthetical_speech_verbs"),
            "claim",  # Claims.claims_object: "claimed responsibility"
        }
    )


def _speech_marks(doc: Doc, marked: list[Marked]) -> list[Marked]:
    """The marked stretches that may hold someone's words: not the names of charges listed
    after a noun of charges ('face charges including "inciting strife"'). The charge sheet
    words those; in "Most of them face charges including '…' and '…', the agency reports"
    the claim is the reporter's own sentence, not a quote, and stays a claim."""
    kept = []
    for m in marked:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span) or not not_quotes.charge_named(span):
            kept.append(m)
    return kept


def _heading_lines(text: str, headings: list[str]) -> list[tuple[int, int]]:
    """Character bounds of the lines of ``text`` that are section headings (crossheads).

    A crosshead is the editor's title for the paragraphs after it, not a sentence of the
    report: its verb ("President denies fraud claims") is told again, with its source, in the
    body below, and read alone it would credit the heading's words as a claim."""
    wanted = set(headings)
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group() in wanted]


def _speaker_nouns(cues: Cues) -> frozenset[str]:
    """Nouns for those who can speak or attribute: roles, people, institutions, outlets,
    documents (the lexicon's lists, read together)."""
    found = (
        cues.anonymous_heads | cues.state_groups | cues.institution_heads
        | cues.spokesperson_heads | cues.outlet_nouns | cues.document_nouns
        | cues.speech_nouns | words(LEXICON, "organisation_nouns")
        | words(LEXICON, "role_nouns") | words(LEXICON, "agent_nouns")
    )  # fmt: skip
    return frozenset(found) | role_nouns()


def _other_sense(verb: Token, cues: Cues) -> bool:
    """Whether a verb that reports speech only with a clause ("charged that …", "estimates
    there are …") has an object instead ("charged the activists", "estimates the cost"): a
    different sense. A disputed noun phrase ("disputed reports") is a denial, not this."""
    if verb.lemma_.lower() not in words(LEXICON, "clausal_only_verbs"):
        return False
    if verb.lemma_.lower() in cues.denial_verbs:
        return False
    return any(c.dep_ == "dobj" for c in verb.children)


def _passive_without_agent(verb: Token) -> bool:
    """Whether a verb of saying is passive with no "by" agent: "what will be said", "he was
    told that …". Its subject is what is said or who hears it, never who speaks, and no
    speaker is named ("X was quoted by Y as saying" names one and is read elsewhere). So is
    a participle reporting about a noun: in "sanctions on traders alleged to have smuggled
    arms" nobody is named alleging anything; the traders are who is talked about."""
    deps = {c.dep_ for c in verb.children}
    if "agent" in deps:
        return False
    return bool(deps & {"nsubjpass", "auxpass"}) or _reported_as_infinitive(verb)


def _reported_as_infinitive(verb: Token) -> bool:
    """ "traders alleged to have smuggled arms", "officials said to be close to the talks":
    "allege", "say" or "report" (lexicon ``passive_infinitive_verbs``) right before a
    to-infinitive, with no auxiliary of its own, is a participle reporting about the noun
    before it, passively; the parser may take it for the clause's verb (tagged as a past
    tense). These verbs take no to-infinitive in the active; "claimed to have seen" does,
    and is not in the list."""
    if verb.lemma_.lower() not in words(LEXICON, "passive_infinitive_verbs"):
        return False
    doc = verb.doc
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "to":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return doc[verb.i + 1].head.dep_ == "xcomp" and doc[verb.i + 1].head.head.i == verb.i


def _hypothetical(verb: Token) -> bool:
    """Whether a verb of saying heads a condition ("more sanctions will come if Washington
    concludes Tehran blocked the deal", "unless the court rules otherwise"): it tells what
    someone may say one day, not what anyone has said. The condition's word must mark the
    verb itself; "asked if the talks would resume" marks the question, not "asked"."""
    if verb.dep_ != "advcl":
        return False
    marks = words(LEXICON, "condition_marks")
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def _misread_as_phrase(verb: Token) -> Token | None:
    """ "Kyodo news service reported from Tehran that the gunmen … and a man told …": the
    parser may read "reported" as a participle on "service" and make the service a subject
    of "told". A participle cannot take a "that" clause of its own ("the service reported
    that …" is no passive), so a verb of saying hung on a noun with one is the noun's
    verb, and the noun its subject."""
    if (
        verb.dep_ != "acl"
        or verb.tag_ not in ("VBN", "VBD")
        or verb.head.pos_ not in ("NOUN", "PROPN")
    ):
        return None
    that = any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    )
    return verb.head if that else None


def _reciprocal(verb: Token) -> bool:
    """ "India and China accused each other of firing": the object "each other" (or "one
    another", lexicon ``reciprocal_pronouns``) says that the sources accuse one another, so
    the claim holds only for them together; given to each alone it would read "India
    accused each other"."""
    recip = words(LEXICON, "reciprocal_pronouns")
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "pobj", "prep")):
        phrase = " ".join(t.lower_ for t in obj.subtree)
        if phrase in recip or any(phrase.endswith(" " + r) for r in recip):
            return True
    return False


def _absolute_with(verb: Token, subj: Token) -> bool:
    """ "Early results show X ahead, with more than half of the districts declared.": a
    participle closing a "with" phrase is passive (the districts have been declared), even
    when the parser reads it as the sentence's verb with the districts as its subject. The
    subject's phrase right after "with", and nothing but punctuation after the verb, mark
    it; a verb of saying there reports nobody's words."""
    doc = verb.doc
    lo = subj.left_edge.i
    if lo == 0 or doc[lo - 1].lower_ != "with" or subj.i > verb.i:
        return False
    return all(c.is_punct for c in verb.children if c.i > verb.i)


def _formula(verb: Token) -> bool:
    """Whether ``verb`` is the verb of a set phrase opening its sentence up to a comma ("That
    said, …", "Having said that, …", "Needless to say, …"; ``discourse_formulas``), which
    links two thoughts and reports no speech. Leading conjunctions ("But that said,") and
    quote marks do not count."""
    sent = verb.sent
    start = sent.start
    while start < verb.i and (verb.doc[start].dep_ == "cc" or verb.doc[start].is_punct):
        start += 1
    comma = next((t.i for t in verb.doc[verb.i : sent.end] if t.text == ","), None)
    if comma is None:
        return False
    phrase = " ".join(t.lower_ for t in verb.doc[start:comma])
    return phrase in words(LEXICON, "discourse_formulas")


def _verb_read_as_noun(tok: Token) -> bool:
    """A verb the tagger took for a noun but the parser used as one ("… officials working on
    arms admit they don't understand …"): a clause head with a subject and a clause of its own."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("ROOT", "ccomp", "conj", "relcl", "advcl"):
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and "ccomp" in deps


def _inference(verb: Token, subj: Token | None) -> bool:
    """ "The very fact he is making the statement suggests it is over": a verb of inference
    ("suggest", "show", "mean") whose subject is a fact reasons from it; the conclusion is the
    writer's, nobody's claim. The parser often swallows the verb into the clause on "fact"
    ("the statement suggests"), so "fact" above the verb counts as its subject too."""
    if verb.lemma_.lower() not in words(LEXICON, "inference_verbs"):
        return False
    facts = words(LEXICON, "inference_subjects")
    if subj is not None and subj.lemma_.lower() in facts:
        return True
    return any(a.pos_ == "NOUN" and a.lemma_.lower() in facts for a in verb.ancestors)
