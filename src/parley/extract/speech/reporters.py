"""Who a claim's reporter is, and of what kind: an outlet, a person, an institution, a source.

A state, an IGO or an armed group that speaks does so as an institution (its government, its
secretariat, its command): the reporter is named by the actor and its kind is "organisation",
as the gold convention has it. An unnamed outlet ("the US media outlet", "state media") goes to
the outlet last named before it whose country fits (never the article's own); "reports in
Russian media" stay anonymous. A statement, letter or report speaks for whoever issued it, when
named; a pronoun goes to its antecedent through
:class:`~parley.extract.speech.speakers.Speakers`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from parley.extract.speech.cues import LEXICON
from parley.extract.speech.descriptions import person_role
from parley.extract.speech.syntax import phrase_bounds, quoting_verb, told_clause
from parley.knowledge import words
from parley.models import Reporter

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from parley.extract.base import Context
    from parley.extract.speech.cues import Cues
    from parley.extract.speech.resolver import Resolver, Who
    from parley.extract.speech.speakers import Speakers

__all__ = ["BACKREF", "CREDIT", "UNNAMED", "Reporters"]

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
# Confidence of an outlet followed back, of a credit line, of unnamed reports.
BACKREF, CREDIT, UNNAMED = 0.7, 0.8, 0.4


class Reporters:
    """Reporters of one document's claims."""

    def __init__(self, ctx: Context, cues: Cues, res: Resolver, speakers: Speakers) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.cues = cues
        self.res = res
        self.speakers = speakers

    def reporter(self, bounds: tuple[int, int]) -> tuple[Reporter, float]:
        """The reporter named by the phrase ``[start, end)`` and the confidence in it."""
        span = self.doc[bounds[0] : bounds[1]]
        root = _phrase_head(span)
        if root.lemma_.lower() in self.cues.speech_nouns | self.cues.document_nouns:
            # "according to a statement from the Swiss foreign ministry": the ministry's words;
            # "according to a report by the group": the group's, when it is a known actor
            found = self._issuer(root)
            if found is not None:
                return found
        who = self.res.who(root, stop_at=bounds[1])
        return self.reporter_of(who, span)

    def cue_reporter(self, bounds: tuple[int, int]) -> tuple[Reporter, float]:
        """The reporter a prepositional cue names ("according to X"); a description there
        ("according to the spokesman") stands for the person named before, as it does as a
        verb's subject ("the spokesman said")."""
        found = self.reporter(bounds)
        root = self.doc[bounds[0] : bounds[1]].root
        definite = [c.lower_ for c in root.children if c.dep_ == "det"] == ["the"]
        if found[0].actor is None and root.pos_ == "NOUN" and definite:
            described = self.source(root)
            if described is None or described[0].actor is None:
                return found
            if described[0].kind == "person" or self._organisation_noun(root):
                # only a person or "the group" (the organisation named before): "the
                # officials" stay a group of words
                return described
        return found

    def _organisation_noun(self, head: Token) -> bool:
        """ "the group", "the watchdog": a noun a reader takes up as the organisation the
        article named last, after "according to" as after "said"."""
        return head.tag_ == "NN" and head.lemma_.lower() in words(LEXICON, "organisation_nouns")

    def _issuer(self, noun: Token) -> tuple[Reporter, float] | None:
        """The reporter of a statement, letter or report: whoever issued it, when named.

        "A statement issued by the ministry said" is the ministry's claim. A text with no
        issuer in sight is not followed further (it stays the phrase's own words): asking
        the phrase again who it is would go round for ever.
        """
        who = self.speakers.who(noun)
        if who is None or who.head == noun.i or who.start <= noun.idx < who.end:
            return None  # the phrase itself: no issuer in sight
        if who.actor is None and who.start >= noun.sent.start_char:
            return None  # an unnamed reader in the phrase ("read out by an official") is no issuer
        span = self.doc.char_span(who.start, who.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        rep, conf = self.reporter_of(who, span)
        return rep, min(conf, who.confidence)

    def reporter_of(self, who: Who, span: SpacySpan) -> tuple[Reporter, float]:
        """The reporter and kind for a resolved phrase: an actor, an unnamed outlet followed
        back, unnamed reports, an anonymous source, or an institution or group by its head."""
        head = span.root
        kind = _KIND_OF_ACTOR.get(self.res.kind(who.actor) or "", "group")
        # "the US media outlet" describes an outlet, whatever the parser takes for its head.
        described = {span[-1].lemma_.lower(), span[-1].lower_} & self.cues.outlet_nouns
        if head.lemma_.lower() in self.cues.speech_nouns | self.cues.text_nouns:
            described = set()  # "a statement published on the website" is no outlet
        if who.actor is not None and (kind == "outlet" or not described):
            return _rep(who, kind), 1.0
        lemma = head.lemma_.lower()
        if lemma in self.cues.unnamed_reports:
            return _rep(who, "anonymous"), UNNAMED  # "reports in Russian media"
        if lemma in self.cues.outlet_nouns or head.lower_ in self.cues.outlet_nouns or described:
            outlet = self._outlet_before(span)
            office = self._office_before(span) if outlet is None else None
            if office is not None:
                return _rep(replace(who, actor=office.actor), "organisation"), BACKREF
            rep = Reporter(actor=outlet, kind="outlet", text=who.text, start=who.start, end=who.end)
            return rep, BACKREF if outlet is not None else UNNAMED
        if lemma in self.cues.anonymous_heads or span.text.lower() in self.cues.unnamed_reports:
            return _rep(who, "anonymous"), UNNAMED if lemma in ("report", "reports") else 1.0
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
        own = self.own_outlet()
        fits = [
            m for m in self.ctx.analysis.mentions
            if m.actor is not None and m.actor != own
            and self.res.kind(m.actor) == "media outlet" and self._of_country(m.actor, country)
        ]  # fmt: skip
        before = [m.actor for m in fits if m.start < span.start_char]
        after = [m.actor for m in fits if m.start >= span.end_char]
        return before[-1] if before else (after[0] if after else None)

    def _office_before(self, span: SpacySpan) -> Who | None:
        """The government office a bare "the agency" takes up when no outlet is named.

        "…, the Russian Foreign Ministry said in a statement. … were considered, the agency
        said": with no news agency anywhere in the article, "the agency" is the ministry that
        spoke last (ministries and departments are agencies of the state). Only the bare
        definite word counts, and only a speaker noted before it whose head is an office.
        """
        if span.text.lower() not in words(LEXICON, "office_outlet_phrases"):
            return None
        if any(self.res.kind(m.actor) == "media outlet" for m in self.ctx.analysis.mentions):
            return None
        noted = sorted(
            (at, w) for at, w in self.speakers.noted if at < span.start and w.end <= span.start_char
        )
        for _, who in reversed(noted):
            words_of = self.ctx.article.text[who.start : who.end].lower().split()
            if words_of and words_of[-1] in self.cues.institution_heads:
                return who
        return None

    def _of_country(self, actor: str, country: str | None) -> bool:
        """Whether outlet ``actor`` is of ``country`` (any country when not known)."""
        if country is None or actor not in self.ctx.kb.actors:
            return True
        return self.ctx.kb[actor].country == country

    def own_outlet(self) -> str | None:
        """The id of the outlet that published the article, when its metadata names one."""
        name = self.ctx.article.outlet
        return self.res.outlet_actor(name) if name else None

    def _country_in(self, span: SpacySpan) -> str | None:
        """The country a modifier of ``span`` names (a state or a demonym), if any."""
        for tok in span:
            if tok.i == span.root.i:
                continue
            actor, _ = self.res.actor_of_token(tok.i)
            if actor is not None and actor in self.ctx.kb and self.ctx.kb[actor].kind == "state":
                return self.ctx.kb[actor].country
            if tok.text in self.cues.demonyms:
                return self.cues.demonyms[tok.text]
        return None

    def source(self, subj: Token) -> tuple[Reporter, float] | None:
        """The reporter a speech verb's subject names; a pronoun goes to its antecedent."""
        who = self.speakers.who(subj)
        if who is None:
            return None
        if who.head == subj.i:
            bounds = phrase_bounds(subj)
            rep, conf = self.reporter(bounds)
            # "Armenian officials said": the speaker resolution knows whom they speak for;
            # "The UN special envoy announced": a person named later holds the role
            held = who.kind == "person" and rep.kind != "person"
            if who.actor is not None and (rep.actor is None or held):
                rep, conf = self.reporter_of(who, self.doc[bounds[0] : bounds[1]])
                return rep, min(conf, who.confidence)
            return rep, conf
        span = self.doc.char_span(who.start, who.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        rep, conf = self.reporter_of(who, span)
        return rep, min(conf, who.confidence)

    def medium(self, verb: Token) -> Reporter | None:
        """The outlet a source spoke *to*: "told TASS", "explained to the agency TASS"."""
        targets = [c for c in verb.children if c.dep_ in ("dative", "dobj")]
        for prep in (c for c in verb.children if c.dep_ in ("prep", "dative")):
            if prep.lower_ == "to":
                targets.extend(c for c in prep.children if c.dep_ == "pobj")
        for tok in targets:
            told = [c.left_edge.i for c in tok.children if told_clause(c, tok)]
            rep, _ = self.reporter(phrase_bounds(tok, told[0] if told else None))
            if rep.kind == "outlet" and not _bare_audience(tok, rep):
                return rep
        return None

    def cited(self, verb: Token, subj: Token) -> tuple[Reporter, int] | None:
        """The original source in "MEDIUM, citing SOURCE, reported …" and where "citing" is.

        A person citing a text ("Quoting a report in the Daily Post, Senator X said that …")
        speaks in her own name: the text is her evidence, not the claim's source, and she
        is no medium relaying it."""
        if self._speaks_for_self(subj):
            return None
        for tok in (*verb.children, *subj.children):
            if tok.lemma_.lower() in self.cues.citing and tok.pos_ == "VERB":
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                if objs:
                    return self.reporter(phrase_bounds(objs[0]))[0], tok.i
        return None

    def quoting(self, verb: Token) -> Reporter | None:
        """The medium of "MEDIUM quoted X as saying" or "X was quoted by MEDIUM as saying".

        The words are X's; the medium relayed them, so it is the claim's ``via``.
        """
        quoting = quoting_verb(verb)
        if quoting is None:
            return None
        objs = [c for c in quoting.children if c.dep_ == "dobj"]
        subjects = [c for c in quoting.children if c.dep_ == "nsubj"]
        agents = [a for c in quoting.children if c.dep_ == "agent" for a in c.children]
        medium = (
            subjects[0]
            if objs and subjects
            else next((a for a in agents if a.dep_ == "pobj"), None)
        )
        return self.reporter(phrase_bounds(medium))[0] if medium is not None else None

    def _speaks_for_self(self, subj: Token) -> bool:
        """Whether a subject speaks in its own name: a person, a role held by one ("the
        former ambassador", however capitalised), or a phrase with a person in apposition."""
        if self.person(subj) or person_role(subj, self.cues):
            return True
        return any(self.person(c) for c in subj.children if c.dep_ == "appos")

    def person(self, tok: Token) -> bool:
        """Whether ``tok`` names a person (a known one, or a name the parser tags so)."""
        actor, _ = self.res.actor_of_token(tok.i)
        if actor is not None:
            return self.res.kind(actor) == "person"
        return tok.ent_type_ == "PERSON" and not person_role(tok, self.cues)  # "Councilor"


def _phrase_head(span: SpacySpan) -> Token:
    """The head of a phrase: its root, or the noun beside a "the" the parser hung with it
    on the verb ("…, the agency reports": "the" and "agency" both on "reports"); a
    determiner never heads a phrase."""
    root = span.root
    if root.dep_ != "det":
        return root
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN") and t.head.i == root.head.i]
    return nouns[-1] if nouns else root


def _bare_audience(tok: Token, rep: Reporter) -> bool:
    """ "told press Sunday": a bare noun for the media in general is the audience, not a
    medium that relayed the words (as "told Reuters" or "told a local radio station" is)."""
    return rep.actor is None and tok.pos_ == "NOUN" and not any(True for _ in tok.children)


def _rep(who: Who, kind: str) -> Reporter:
    """A reporter of ``kind`` with the words of ``who``."""
    return Reporter(
        actor=who.actor,
        kind=kind,
        text=who.text,
        start=who.start,
        end=who.end,
    )
