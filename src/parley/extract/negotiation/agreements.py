"""Agreements and their status timeline: treaties, deals and channels such as military dialogue.

The extractor ``parley.agreements.v1`` fills ``analysis.agreements``. It works in three steps:

1. **Find references.** Names and aliases from ``parley/data/agreements.json`` ("New START");
   channel phrases ("military dialogue", "hotline"); and anaphors ("the treaty", "the
   agreement", "its expiration") that point back to the last agreement named before them.
2. **Read statuses.** In each sentence that refers to an agreement, status cue words from the
   same data file ("expires", "ratified", "suspended", "extension", "respect the terms") give one
   :class:`~parley.models.AgreementStatus` each, with the date expression nearest the cue, an
   ``until`` for durations ("for another six months"), and ``by`` for a proposal's proposer.
   Hedges ("expected to", "would", "left the door open") mark a status as expected.
3. **Merge** statuses per agreement in text order; the agreement's ``status`` is the latest dated
   one (else the last mentioned).

A participle that merely describes an agreement ("the treaty signed by Russia and the United
States") is background, not news: it contributes parties, not a status. So are requirements
("must be ratified"), rules of the text ("enters into force when …"), cues qualifying another
noun ("the ratification law") and cue verbs with another object ("observe a drill"). A status
dated after publication is expected. ``by`` is the acting subject's state. Deals to exchange
people ("agreed to exchange detainees") are agreements of kind "exchange deal"; an unnamed
"draft treaty" in peace talks is the two main states' peace treaty.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import parley.knowledge as knowledge
from parley.extract.base import Context, actor_at, country_of, is_state, register
from parley.extract.negotiation.parties import (
    LEXICON,
    led_movement,
    mediators_in,
    negotiating_pair,
    parties_of,
    short_name,
)
from parley.extract.negotiation.steps import step_place
from parley.extract.negotiation.words import alt, capitalised, full_names
from parley.kb import load_demonyms
from parley.keys import STATE_SHORT_NAMES, agreement_key, other_names
from parley.knowledge.places import city_country
from parley.models import Agreement, AgreementStatus, Span, TimeExpression
from parley.nlp.dateline import dateline_end
from parley.nlp.docs import doc_sents, doc_text, doc_tokens, span_text, span_tokens
from parley.nlp.folding import ascii_folded
from parley.nlp.numbers import parse_number

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["AgreementsExtractor", "AgreementRef", "load_agreement_data"]


@knowledge.derived
def _subject_follows() -> re.Pattern[str]:
    """ "the agreement on joint management of water resources": a document told by its
    subject matter (a bare noun after "on") is that document, no reference back."""
    dets = alt(knowledge.phrases(LEXICON, "subject_follow_determiners"))
    return re.compile(rf"\s+on\s+(?!(?:{dets})\b)[a-z]")


@knowledge.derived
def _anaphors() -> re.Pattern[str]:
    """ "the treaty", "this nuclear agreement", "its expiration", "both documents": a reference
    back."""
    det = alt(knowledge.phrases(LEXICON, "anaphor_determiners"))
    mod = alt(knowledge.phrases(LEXICON, "anaphor_modifiers"))
    noun = alt(knowledge.phrases(LEXICON, "anaphor_nouns"))
    its = alt(knowledge.phrases(LEXICON, "anaphor_possessives"))
    aspect = alt(knowledge.phrases(LEXICON, "anaphor_aspects"))
    # "both documents were signed": the documents named before, counted.
    counted = alt(knowledge.phrases(LEXICON, "anaphor_counted"))
    papers = alt(knowledge.phrases(LEXICON, "anaphor_counted_nouns"))
    # "the arms-control and verification agreement": modifiers joined (nego20)
    joined = alt(knowledge.phrases(LEXICON, "list_conjunctions"))
    return re.compile(
        rf"\b(?:{det})\s+(?:(?:{mod})(?:\s+(?:{joined}))?\s+)*(?:{noun})\b"
        rf"|\b(?:{its})\s+(?:{aspect})\b"
        rf"|\b(?:{counted})\s+(?:{papers})\b",
        re.I,
    )


@knowledge.derived
def _channel() -> re.Pattern[str]:
    """ "military dialogue", "the direct hotline": a channel between the sides."""
    mod = alt(knowledge.phrases(LEXICON, "channel_modifiers"))
    noun = alt(knowledge.phrases(LEXICON, "channel_nouns"))
    return re.compile(rf"\b(?:(?:{mod})\s+)+(?:{noun})\b", re.I)


def _name_joiners() -> str:
    return alt(knowledge.phrases(LEXICON, "name_joiners"))


@knowledge.derived
def _named() -> re.Pattern[str]:
    """A capitalised name ending in an agreement word names an agreement the data may not know."""
    head = capitalised(knowledge.phrases(LEXICON, "name_heads"))
    return re.compile(
        rf"\b(?:the\s+)?(?P<name>(?:(?:[A-Z][\w\-’']+|{_name_joiners()})\s+){{1,7}}?"
        rf"(?:{head}))\b"
    )


@knowledge.derived
def _named_head_first() -> re.Pattern[str]:
    """ "an Agreement on Peace and Reconciliation", "the Accord for Lasting Peace": a name
    written head first, its subject in capitals after "on" or "for"."""
    # "the MOU on the Three-Step Roadmap for …": a memorandum told by its short form (round 16)
    memoranda = alt(knowledge.phrases(LEXICON, "memorandum_heads"))
    heads = f"{memoranda}|{capitalised(knowledge.phrases(LEXICON, 'place_name_heads'))}"
    word = r"[A-Z][\w'-]+"
    # "the Party Convention on Saturday": a day or a month after "on" is no subject.
    calendar = capitalised([*full_names("weekdays"), *full_names("months")])
    link = alt(knowledge.phrases(LEXICON, "head_first_links"))
    joiner = _name_joiners()
    return re.compile(
        rf"\b(?P<head>{heads})\s+(?:{link})\s+(?:(?:{joiner})\s+)?(?!(?:{calendar})\b){word}"
        rf"(?:\s+(?:(?:{joiner})\s+)*{word}){{0,5}}"
    )


@knowledge.derived
def _named_of_place() -> re.Pattern[str]:
    """ "the Protocol of Lusaka", "the Treaty of Pelindaba": an agreement named by the place
    it was concluded in, written head first (the same agreement as "the Lusaka Protocol")."""
    heads = knowledge.phrases(LEXICON, "place_name_heads")
    return re.compile(
        rf"\bthe\s+(?P<head>{capitalised(heads)})\s+of\s+(?P<place>[A-Z][\w\-]+)\b(?!\s+[A-Z])"
    )


@knowledge.derived
def _short_head() -> re.Pattern[str]:
    """ "The Protocol was signed on 20 November": a capitalised agreement word alone refers to
    the agreement of that kind named before it."""
    head = capitalised(knowledge.phrases(LEXICON, "name_heads"))
    link = alt(knowledge.phrases(LEXICON, "short_head_links"))
    return re.compile(rf"\b[Tt]he\s+(?P<head>{head})\b(?!\s+(?:{link})\b)")


@knowledge.derived
def _unnamed_peace() -> re.Pattern[str]:
    """An unnamed peace treaty ("a draft treaty", "a peace agreement", "a comprehensive peace
    accord") in talks between two sides."""
    draft = alt(knowledge.phrases(LEXICON, "unnamed_peace_drafts"))
    peace = alt(knowledge.phrases(LEXICON, "unnamed_peace_topics"))
    noun = alt(knowledge.phrases(LEXICON, "unnamed_peace_nouns"))
    adjective = alt(knowledge.phrases(LEXICON, "unnamed_peace_adjectives"))
    return re.compile(
        rf"\b(?:a|the)\s+(?:(?:{draft})\s+(?:(?:{peace})\s+)?|(?:(?:{adjective})\s+)?(?:{peace})\s+)"
        rf"(?P<word>{noun})\b",
        re.I,
    )


@knowledge.derived
def _cessation_purpose() -> re.Pattern[str]:
    """ "… a peace accord to end armed hostilities": what ends hostilities is their cessation,
    which the ceasefire reading names, not a second, peace agreement."""
    verbs = alt(
        [
            *knowledge.phrases(LEXICON, "ceasefire_verbs"),
            *knowledge.phrases(LEXICON, "cessation_purpose_verbs"),
        ]
    )
    objects = alt(knowledge.phrases(LEXICON, "cessation_purpose_objects"))
    return re.compile(rf"\s+to\s+(?:{verbs})\s+(?:[\w-]+\s+)?(?:{objects})\b", re.I)


@knowledge.derived
def _unnamed_topic() -> re.Pattern[str]:
    """ "the border treaty", "a water-sharing agreement", "the historic U.S.-mediated maritime
    border agreement": a treaty named by its subject."""
    topics = "|".join(
        re.escape(t)
        for t in sorted(knowledge.phrases(LEXICON, "agreement_topics"), key=len, reverse=True)
        if t != "peace"
    )
    det = alt(knowledge.phrases(LEXICON, "topic_determiners"))
    # "a U.S.-mediated sea border deal": who mediated it qualifies the deal, it names no side.
    mediated = alt(knowledge.phrases(LEXICON, "topic_mediated_participles"))
    mod = alt(knowledge.phrases(LEXICON, "topic_modifiers")) + rf"|[\w.]+-(?:{mediated})"
    noun = alt(knowledge.phrases(LEXICON, "topic_nouns"))
    return re.compile(
        rf"\b(?:{det})\s+(?:(?:{mod})\s+)*(?P<topic>{topics})\s+(?P<word>{noun})\b", re.I
    )


@knowledge.derived
def _unnamed_purpose() -> re.Pattern[str]:
    """ "an EU-backed deal to normalise relations", "the agreement on the path to
    normalisation": a deal named by what it is for (the topic of ``agreement_purposes``)."""
    purposes = knowledge.table(LEXICON, "agreement_purposes")
    verbs = alt([w for words in purposes.values() for w in words])
    # "an accord establishing diplomatic ties": a participle tells the purpose with no link
    ing = alt([w for words in purposes.values() for w in words if w.split()[0].endswith("ing")])
    links = alt(knowledge.phrases(LEXICON, "agreement_purpose_links"))
    det = alt(knowledge.phrases(LEXICON, "topic_determiners"))
    mediated = alt(knowledge.phrases(LEXICON, "topic_mediated_participles"))
    mod = alt(knowledge.phrases(LEXICON, "topic_modifiers")) + rf"|[\w.]+-(?:{mediated})"
    noun = alt(knowledge.phrases(LEXICON, "topic_nouns"))
    return re.compile(
        rf"\b(?:{det})\s+(?:(?:{mod})\s+)*(?P<word>{noun})\s+(?:(?:{links})\s+|(?={ing}))"
        rf"(?P<verb>{verbs})\b",
        re.I,
    )


@knowledge.derived
def _unnamed_trade_purpose() -> re.Pattern[str]:
    """ "a UN-brokered deal today to resume Ukrainian grain exports", "a deal in Istanbul with
    Turkey and the UN to resume grain shipments", "a deal to allow the shipment of food grains":
    a deal named by the trade it lets resume. The goods are the last of ``traded_goods`` next
    to the flow noun, so "food grains" is grain."""
    det = alt(knowledge.phrases(LEXICON, "topic_determiners"))
    mediated = alt(knowledge.phrases(LEXICON, "topic_mediated_participles"))
    mod = alt(knowledge.phrases(LEXICON, "topic_modifiers")) + rf"|[\w.]+-(?:{mediated})"
    noun = alt(knowledge.phrases(LEXICON, "topic_nouns"))
    verbs = alt(knowledge.phrases(LEXICON, "trade_purpose_verbs"))
    flow = alt(knowledge.phrases(LEXICON, "trade_flow_nouns"))
    goods = alt(w for words in knowledge.table(LEXICON, "traded_goods").values() for w in words)
    return re.compile(
        rf"\b(?:{det})\s+(?:(?:{mod})\s+)*(?P<word>{noun})\b[^.;:!?\n]{{0,80}}?\s+to\s+"
        rf"(?:{verbs})\s+(?:the\s+)?(?:(?:{flow})\s+of\s+(?:[\w-]+\s+){{0,2}}(?P<goods>{goods})"
        rf"|(?:[\w-]+\s+){{0,2}}(?P<goods2>{goods})\s+(?:{flow}))\b",
        re.I,
    )


@knowledge.derived
def _unnamed_protocol() -> re.Pattern[str]:
    """ "a joint protocol", "the protocol": an unnamed protocol (read as signed or not later)."""
    det = alt(knowledge.phrases(LEXICON, "topic_determiners"))
    mod = alt(knowledge.phrases(LEXICON, "protocol_modifiers"))
    noun = alt(knowledge.phrases(LEXICON, "protocol_nouns"))
    return re.compile(rf"\b(?:{det})\s+(?:(?:{mod})\s+)*(?P<word>{noun})\b", re.I)


@knowledge.derived
def _titled_between() -> re.Pattern[str]:
    """ "the Treaty between Kyrgyzstan and Uzbekistan on certain sections of the state
    border": a title naming the sides and, after "on", the subject."""
    topics = alt(sorted(knowledge.phrases(LEXICON, "agreement_topics"), key=len, reverse=True))
    noun = alt(knowledge.phrases(LEXICON, "titled_between_nouns"))
    between = alt(knowledge.phrases(LEXICON, "titled_between_links"))
    return re.compile(
        rf"\bthe\s+(?P<word>{noun})\s+(?:{between})\s+[^.;:()]{{1,60}}?\s+on\s+"
        rf"[^.;:()]{{0,80}}?\b(?P<topic>{topics})\b",
    )


def _signed_words(ctx: Context, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], Token]]:
    """The matches of ``pattern`` whose ``word`` a verb of signing governs as its object or
    passive subject ("signed a joint protocol", "the accord … was signed"), with that word's
    token."""
    lemmas = knowledge.words(LEXICON, "protocol_signing_lemmas")
    for m in pattern.finditer(ctx.article.text):
        span = ctx.doc.char_span(m.start("word"), m.end("word"), alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in lemmas:
            yield m, tok


def _signed_protocols(ctx: Context) -> list[re.Match[str]]:
    """The unnamed protocols a verb of signing governs ("signed a joint protocol", "the
    protocol was signed"): a protocol of etiquette or of a meeting's minutes nobody signs
    stays out."""
    return [m for m, _ in _signed_words(ctx, _unnamed_protocol())]


@knowledge.derived
def _plain_between_re() -> re.Pattern[str]:
    """ "an accord between", "the agreement between": an agreement told by its sides only."""
    det = alt(knowledge.phrases(LEXICON, "topic_determiners"))
    noun = alt(knowledge.phrases(LEXICON, "topic_nouns"))
    between = alt(knowledge.phrases(LEXICON, "side_prepositions"))
    return re.compile(rf"\b(?:{det})\s+(?P<word>{noun})\s+(?:{between})\b", re.I)


def _signed_between(ctx: Context) -> list[re.Match[str]]:
    """ "An accord between Armenia and Turkey was signed by the foreign ministers …", "signed
    an agreement between A and B": an agreement told by its two sides alone, which a verb of
    signing governs, is theirs (round 17); one merely talked about ("talks on an agreement
    between A and B") stays out."""
    return [m for m, tok in _signed_words(ctx, _plain_between_re()) if len(_between(ctx, tok)) >= 2]


def _plain_between_key(ctx: Context, m: re.Match[str], known: dict[str, _Known]) -> str | None:
    """The record of an agreement told by its sides alone: the one record the article already
    holds of the same two sides (it is that accord told again), else their own ("A–B
    agreement")."""
    span = ctx.doc.char_span(m.start("word"), m.end("word"), alignment_mode="expand")
    if span is None:
        return None
    pair = sorted(_between(ctx, span.root)[:2])
    same = [k for k, v in known.items() if sorted(v.parties) == pair]
    if len(same) == 1:
        return same[0]
    if same:
        return None
    name = f"{'–'.join(short_name(ctx, p) for p in pair)} {_topic_noun(m.group('word'))}"
    key = "topic:" + name
    known.setdefault(key, _Known(key=key, name=name, kind=_kind_of(name), parties=pair))
    return key


def _goods_topic(word: str) -> str:
    """The goods a trade deal is named by ("grains" → "grain export")."""
    low = word.lower()
    for goods, words in knowledge.table(LEXICON, "traded_goods").items():
        if low in (w.lower() for w in words):
            return f"{goods} export"
    return f"{low} export"


def _purpose_topic(verb: str) -> str:
    """The topic a purpose verb names ("normalise" → "normalisation")."""
    low = verb.lower()
    for topic, words in knowledge.table(LEXICON, "agreement_purposes").items():
        if low in (w.lower() for w in words):
            return str(topic)
    return low


@knowledge.derived
def _talks_about() -> re.Pattern[str]:
    """ "a ceasefire proposal", "ceasefire talks": talk about a ceasefire, not one agreed."""
    return re.compile(rf"\s+(?:{alt(knowledge.phrases(LEXICON, 'ceasefire_talk_nouns'))})\b", re.I)


@knowledge.derived
def _ceasefire() -> re.Pattern[str]:
    """ "a seven-day ceasefire", "the humanitarian truce agreement", "a cessation of
    hostilities": an unnamed ceasefire between the sides that agree it."""
    words = "|".join(
        re.escape(w)
        for w in sorted(knowledge.phrases(LEXICON, "ceasefire_words"), key=len, reverse=True)
    )
    noun = alt(knowledge.phrases(LEXICON, "ceasefire_agreement_nouns"))
    return re.compile(rf"\b(?:{words})(?:\s+(?:{noun}))?\b", re.I)


@knowledge.derived
def _peace_context() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alt(knowledge.phrases(LEXICON, 'peace_context_words'))})\b", re.I)


@knowledge.derived
def _ceasefire_act() -> re.Pattern[str]:
    """ "agreed to halt fighting for a week", "agreed to decrease the intensity of the
    fighting": a ceasefire agreed without the word; the act is the group ``act``."""
    agree = alt(knowledge.phrases(LEXICON, "ceasefire_agree_forms"))
    verbs = alt(knowledge.phrases(LEXICON, "ceasefire_verbs"))
    det = alt(knowledge.phrases(LEXICON, "ceasefire_determiners"))
    measure = alt(knowledge.phrases(LEXICON, "ceasefire_measures"))
    objects = alt(knowledge.phrases(LEXICON, "ceasefire_objects"))
    # "halt all offensive military air, ground and maritime operations": the operations
    # qualified as offensive (or military), whatever arms are listed between.
    kinds = alt(knowledge.phrases(LEXICON, "ceasefire_operation_kinds"))
    conj = alt(knowledge.phrases(LEXICON, "list_conjunctions"))
    ops = alt(knowledge.phrases(LEXICON, "ceasefire_operation_nouns"))
    listed = rf"(?:{kinds})(?:,?\s+(?:(?:{conj})\s+)?[\w-]+){{1,6}}?\s+(?:{ops})"
    return re.compile(
        rf"\b(?:{agree})(?:\s+[\w-]+){{0,3}}?\s+to\s+[\"\u201c]?(?P<act>(?:{verbs})\s+"
        rf"(?:(?:{det})\s+)?(?:(?:{measure})\s+of\s+(?:the\s+)?)?(?:{objects}|{listed}))\b",
        re.I,
    )


def _ceasefire_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a ceasefire, or tells one agreed in other words."""
    found = [(m.start(), m.end()) for m in _ceasefire().finditer(text)]
    found += [(m.start("act"), m.end("act")) for m in _ceasefire_act().finditer(text)]
    return sorted(found)


_HEDGES = knowledge.words(LEXICON, "agreement_hedges")
_SHORT_NAMES = STATE_SHORT_NAMES
# "a peace accord", "the peace deal" and "the peace agreement" are one agreement by name.
_PEACE_NAME_NOUNS = {"accord": "agreement", "deal": "agreement"}
_OBLIGATION_MODALS = knowledge.words(LEXICON, "obligation_modals")
# "has to ratify", "needs to sign", "to get the Senate to ratify": a step still to take.
_OBLIGATION_HEADS = knowledge.words(LEXICON, "obligation_heads")
_CONDITION_MARKS = knowledge.words(LEXICON, "condition_marks")
_INSTRUMENT_NOUNS = knowledge.words(LEXICON, "instrument_nouns")
_AGREEMENT_NOUNS = knowledge.words(LEXICON, "agreement_nouns")
# Where the exchange-deal reader leaves the article's headline for ``_deal_told``.
_TITLE_KEY = "parley.agreements.exchange_title"
# Statuses the agreement itself undergoes (its subject is the agreement): "the truce began".
_OF_ITSELF = frozenset(knowledge.words(LEXICON, "agreement_own_statuses"))
_SPEECH_VERBS = knowledge.words(LEXICON, "speech_verbs")
# Statuses whose ``by`` is the acting party: the state of the verb's subject (or agent).
_ACTED = knowledge.words(LEXICON, "acted_statuses")
_VOTING = knowledge.words(LEXICON, "approval_voting_verbs")


@dataclass
class AgreementRef:
    """One place where the text refers to an agreement."""

    key: str
    start: int
    end: int
    named: bool
    # A lead's description told before the name (:func:`_lead_descriptions`): only a cue
    # that governs it ("withdraw from an international treaty …") is its step.
    described: bool = False


@dataclass
class _Known:
    key: str
    name: str
    kind: str
    parties: list[str]
    domain: str | None = None
    pattern: re.Pattern[str] | None = None
    # The literal names ``pattern`` matches (it matches nothing else): a text holding none of
    # them is not searched. Empty: search always.
    names: tuple[str, ...] = ()

    def may_occur_in(self, text: str) -> bool:
        """False when ``pattern`` cannot match ``text``: a substring test per name is far
        cheaper than the pattern's scan, and most articles name none of the agreements."""
        return not self.names or any(n in text for n in self.names)


@dataclass
class _Draft:
    key: str
    name: str
    kind: str
    parties: list[str] = field(default_factory=list)
    statuses: list[AgreementStatus] = field(default_factory=list)
    evidence: Span | None = None
    aliases: list[str] = field(default_factory=list)


def load_agreement_data() -> Mapping[str, Any]:
    """The agreements file (names, aliases, parties, status cue words), shipped and the user's:
    an ``agreements.json`` in a knowledge folder adds agreements and cue words."""
    return knowledge.document("agreements.json", "parley-agreements/1")


def _cue_words(statuses: Mapping[str, list[str]]) -> dict[str, str]:
    """Each ASCII cue word's pattern source (``_cue_table``) to the word in lower case that
    must be in a sentence for it to match (a split cue's verb: "withdrew")."""
    return {
        _cue_source(w): _split_cue(w)[0].lower()
        for words in statuses.values()
        for w in words
        if w.isascii()
    }


def _split_cue(word: str) -> tuple[str, str | None]:
    """A cue of a verb and its preposition ("withdrew from", "pulled out of") as the two parts
    a date may stand between; any other cue whole, with no preposition."""
    verb, _, prep = word.rpartition(" ")
    if verb and prep.lower() in knowledge.words(LEXICON, "split_cue_prepositions"):
        return verb, prep
    return word, None


def _cue_source(word: str) -> str:
    """The pattern source of a cue word: "withdrew from" also matches "withdrew on November
    22, 2020, from" and "withdrew in 2019 from" (a date between the verb and its preposition,
    nego20); a date is the only thing allowed there ("withdrew its troops from" is no cue)."""
    verb, prep = _split_cue(word)
    if prep is None:
        return rf"\b{re.escape(word)}\w*\b"
    # "voted to withdraw Russia from the treaty": the state that leaves (nego22)
    state = _STATE_GAP if verb.lower() in knowledge.words(LEXICON, "state_gap_cue_verbs") else ""
    return rf"\b{re.escape(verb)}{state}{_DATE_GAP}\s+{re.escape(prep)}\w*\b"


# "withdraw Russia from", "withdraw the United States from": a capitalised name of up to three
# words; :func:`_left_another` keeps only a state there.
_STATE_GAP = r"(?:\s+(?:the\s+)?(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+){0,2})?"

# ", on November 22, 2020,", "on 22 November 2020", "on Friday", "in 2019", "in May 2021"
_DATE_GAP = (
    r"(?:,?\s+(?:on|in)\s+(?:[A-Za-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Za-z]+(?:\s+\d{4})?"
    r"|(?:[A-Za-z]+\s+)?\d{4}|[A-Za-z]+),?)?"
)


def _name_variants(names: list[str]) -> list[str]:
    """The names as written, and with a lower-case first letter ("the new START treaty": a
    name of several words may lose its capital), longest first."""
    variants = [n[0].lower() + n[1:] for n in names if " " in n and n[:1].isupper()]
    # "the Open Skies treaty": the generic head word of a name may lose its capital (round 15).
    heads = knowledge.words(LEXICON, "place_name_heads")
    variants += [
        f"{first} {last.lower()}"
        for n in names
        if " " in n
        for first, last in [n.rsplit(" ", 1)]
        if last[:1].isupper() and last.lower() in heads
    ]
    return sorted({*names, *variants}, key=len, reverse=True)


def _name_pattern(names: list[str]) -> re.Pattern[str]:
    parts = _name_variants(names)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in parts) + r")(?!\w)")


@register("parley.agreements.v1")
class AgreementsExtractor:
    """Agreements named or described in the article, with a dated status timeline."""

    name: ClassVar[str] = "parley.agreements.v1"
    requires: ClassVar[tuple[str, ...]] = ("mentions", "dates", "events", "actor_at")
    assigns: ClassVar[tuple[str, ...]] = ("agreements",)

    def __init__(self) -> None:
        data = load_agreement_data()
        self.known = {
            a["id"]: _Known(
                key=a["id"],
                name=a["name"],
                kind=a["kind"],
                parties=list(a["parties"]),
                domain=a.get("domain"),
                pattern=_name_pattern([a["name"], *a["aliases"]]),
                names=tuple(_name_variants([a["name"], *a["aliases"]])),
            )
            for a in data["agreements"]
        }
        self.cues = self._cue_table(data["statuses"])
        self.ceasefire_cues = self._cue_table(dict(knowledge.table(LEXICON, "ceasefire_statuses")))
        self.cue_words = {
            **_cue_words(data["statuses"]),
            **_cue_words(knowledge.table(LEXICON, "ceasefire_statuses")),
        }
        self.exchanges: dict[str, Any] = data.get("exchanges", {})

    @staticmethod
    def _cue_table(statuses: dict[str, list[str]]) -> list[tuple[re.Pattern[str], str]]:
        table = []
        for status, words in statuses.items():
            for word in words:
                table.append((re.compile(_cue_source(word), re.I), status))
        return table

    def __call__(self, ctx: Context) -> None:
        known = dict(self.known)
        refs = self.find_references(ctx, known)
        drafts: dict[str, _Draft] = {}
        for sent in doc_sents(ctx.doc):
            in_sent = [r for r in refs if sent.start_char <= r.start < sent.end_char]
            for ref in in_sent:
                drafts.setdefault(ref.key, _new_draft(known, ref))
            if in_sent:
                self._read_sentence(ctx, sent, in_sent, drafts, [r for r in refs if r.named])
        for ref in refs:
            written = _written_name(ctx, ref, ref.key in self.known)
            if written is not None and ref.key in drafts:
                drafts[ref.key].aliases.append(written)
        drafts.update(self._exchange_deals(ctx))
        for draft in drafts.values():
            _date_by_name(ctx, draft)
        ctx.analysis.agreements.extend(
            _finish(d)
            for d in _accords_of_two(_one_per_document(drafts, set(self.known))).values()
            if d.statuses or d.kind not in ("channel", "ceasefire")
        )

    # 1. references -------------------------------------------------------------------------
    def find_references(self, ctx: Context, known: dict[str, _Known]) -> list[AgreementRef]:
        """Named agreements, channels and anaphors, in text order, anaphors resolved.

        Agreements named in the text but missing from the data are added to ``known``.
        """
        text = ctx.article.text
        refs = [
            AgreementRef(k.key, m.start(), m.end(), True)
            for k in known.values()
            if k.pattern is not None and k.may_occur_in(text)
            for m in k.pattern.finditer(text)
        ]
        refs += [
            AgreementRef(self._channel_key(m.group(0)), m.start(), m.end(), True)
            for m in _channel().finditer(text)
        ]
        refs += _unknown_names(text, refs, known)
        refs += _place_names(text, refs, known)
        dated, described = _dated_pacts(ctx, refs, known)
        refs = [r for r in refs if r not in described] + dated
        refs += _sides_agreements(ctx, refs, known)
        refs += _unnamed_peace_treaty(ctx, refs, known)
        refs += _unnamed_topic_treaties(ctx, refs, known)
        refs += _ceasefires(ctx, refs, known)
        refs += _short_heads(text, refs, known)
        refs.sort(key=lambda r: r.start)
        refs = _apposed_names(text, refs, set(self.known))
        anaphors = [(m.start(), m.end()) for m in _anaphors().finditer(text)]
        for start, end in anaphors:
            if _subject_follows().match(text, end):
                continue  # "the Agreement on joint management of water": another document
            before = [r for r in refs if r.end <= start and r.key in known]
            covered = any(r.start <= start < r.end for r in refs)
            if any(r.named for r in before) and not covered:
                refs.append(AgreementRef(_most_referred(before), start, end, False))
        refs += _pronoun_refs(ctx, refs)
        refs += _lead_descriptions(ctx, refs)
        return sorted(refs, key=lambda r: r.start)

    @staticmethod
    def _channel_key(phrase: str) -> str:
        words = phrase.lower().replace("high-level ", "").replace("direct ", "").split()
        return "channel:" + " ".join(w for w in words if w != "contacts") or "channel:dialogue"

    # exchange deals ------------------------------------------------------------------------
    def _exchange_deals(self, ctx: Context) -> dict[str, _Draft]:
        """Deals to exchange people: "agreed to exchange detainees" (agreed), "exchanged 12
        detainees …, carrying out a deal" (implemented), "conducted a prisoner swap" (an
        exchange carried out is a deal carried out). An exchange with no deal in sight
        ("announced the exchange of prisoners") is an event, not an agreement."""
        drafts: dict[str, _Draft] = {}
        if not self.exchanges:
            return drafts
        ctx.doc.user_data[_TITLE_KEY] = ctx.article.title or ""
        default_what = self._what_exchanged(ctx.article.text)
        another = self._another_deal(ctx)
        approving = knowledge.words(LEXICON, "deal_approval_verbs")
        for sent in doc_sents(ctx.doc):
            for tok in span_tokens(sent):
                found = self._exchange_status(tok, sent)
                if found is None:
                    continue
                status, anchor = found
                in_exchange = tok.dep_ == "pobj" and tok.head.lower_ == "in"
                if in_exchange and _of_an_earlier_year(ctx, tok.idx):
                    continue  # "last year, a deal in which seven were freed in exchange for …"
                what = self._what_exchanged(" ".join(t.lower_ for t in tok.subtree))
                if what is None and tok.pos_ == "VERB":
                    continue  # "agreed to exchange maps": not people
                what = what or default_what
                parties = (
                    _exchange_sides(ctx, tok)
                    or list(_document_sides(ctx)[1])
                    or _dominant_pair(ctx)
                )
                if len(parties) < 2 and anchor.i != tok.i and anchor.i != tok.head.i:
                    # a deal reached, people freed in exchange: the sides that reached it
                    parties = self._reaching_sides(ctx, anchor)
                if what is None or len(parties) < 2:
                    continue
                names = [
                    _SHORT_NAMES.get(p, ctx.kb[p].name if p in ctx.kb else p)
                    for p in sorted(parties)
                ]
                name = f"{'–'.join(names)} {what} exchange"
                size = self._exchange_size(tok) if another else None
                name = f"{name} ({size:,})" if size else name
                draft = drafts.setdefault(
                    "exchange:" + name,
                    _Draft(
                        "exchange:" + name,
                        name,
                        "exchange deal",
                        sorted(parties),
                        evidence=_span_of(sent),
                    ),
                )
                date, _ = _dates_near(ctx.analysis.dates, sent, anchor)
                if date is None and status == "agreed":
                    date = _session_day(ctx, sent)
                if date is None and status == "agreed" and anchor.lemma_.lower() in approving:
                    # "Hours after Israel's cabinet approved a prisoner exchange deal": an
                    # approval told undated is, as for events, news of the day it is reported.
                    date = _reported_on(ctx, sent, anchor) or _published(ctx)
                if date is None and _present_perfect(anchor):
                    # "announced on Saturday that it has facilitated the completion of …";
                    # undated, as for named agreements, news of the day it is reported.
                    date = _reported_on(ctx, sent, anchor) or _published(ctx)
                if date is None and tok.pos_ == "NOUN" and self._framed_release(tok) == anchor:
                    # "Five Americans freed in a prisoner-swap deal landed in Doha": a release
                    # told undated is, as for events, news of the day it is reported.
                    date = _published(ctx)
                venue, host = step_place(ctx, anchor, [])
                _merge(
                    draft.statuses,
                    AgreementStatus(
                        status=status,
                        date=date,
                        venue=venue,
                        host=host,
                        evidence=_span_of(sent),
                        article_id=ctx.article.id,
                    ),
                )
        return _sized(drafts)

    def _another_deal(self, ctx: Context) -> bool:
        """ "A new prisoner exchange deal", "another swap": the article tells a deal after an
        earlier one of the kind, so the deal is named with its size to stay apart from it."""
        marks = set(self.exchanges.get("another_words", []))
        heads = {*self.exchanges.get("nouns", []), *self.exchanges.get("deal_words", [])}
        return any(
            t.lower_ in marks and t.dep_ in ("amod", "det") and t.head.lemma_.lower() in heads
            for t in doc_tokens(ctx.doc)
        )

    def _exchange_size(self, tok: Token) -> int | None:
        """How many people each side hands over ("to exchange 1,000 prisoners each"): two deals
        of one kind months apart are told apart by their size, as negotiators do."""
        what: dict[str, str] = self.exchanges.get("what", {})
        for t in tok.subtree:
            if t.dep_ == "nummod" and t.head.lemma_.lower().rstrip("s") in what:
                value = parse_number([w.text for w in t.subtree if w.like_num])
                return int(value) if value and value > 1 else None
        return None

    def _what_exchanged(self, text: str) -> str | None:
        what: dict[str, str] = self.exchanges.get("what", {})
        for m in re.finditer(r"[a-z]+", text.lower()):
            word = m.group(0).rstrip("s")
            if word in what:
                return what[word]
        return None

    def _exchange_status(self, tok: Token, sent: SpacySpan) -> tuple[str, Token] | None:
        """("agreed" | "implemented", the token whose date dates it) for an exchange word."""
        lemma = tok.lemma_.lower()
        verb = tok.pos_ == "VERB" and lemma in self.exchanges.get("verbs", [])
        noun = tok.pos_ == "NOUN" and lemma in self.exchanges.get("nouns", [])
        if not (verb or noun):
            return None
        if verb and not any(c.dep_ in ("dobj", "obj") for c in tok.children):
            return None
        if noun:
            approved = self._approved_deal(tok)
            if approved is not None:
                return "agreed", approved
            happening = self._exchange_happening(tok)
            if happening is not None and self._deal_told(sent.doc):
                expected = _hedged(happening) or _due(happening)
                return ("implemented (expected)" if expected else "implemented"), happening
        reached = self._deal_reached(tok) if noun else None
        if reached is not None:
            return "agreed", reached
        freed = self._freed_in_exchange(tok, sent) if noun else None
        if freed is not None:
            return "implemented", freed
        agree = next((t for t in (tok, *tok.ancestors) if t.lemma_.lower() == "agree"), None)
        if agree is not None:
            return "agreed", agree
        deal_words = set(self.exchanges.get("deal_words", []))
        if verb and tok.dep_ == "acl" and tok.head.lemma_.lower() in deal_words:
            return "agreed", tok.head  # "an accord to exchange 1,000 prisoners each"
        tied = any(t.lemma_.lower() in deal_words for t in sent)
        happened = tok if verb else tok.head
        # "conducted a major prisoner swap with Russia": an exchange carried out is a deal
        # carried out, deal word or not.
        done = noun and happened.lemma_.lower() in self.exchanges.get("carried_out_verbs", [])
        # "the swap was in the works": a copula tells how the exchange stands, not that it
        # happened (round 17).
        acted = happened.lemma_ != "be"
        if (tied or done) and acted and happened.tag_ == "VBD" and not _hedged(happened):
            return "implemented", happened
        completed = (self._completed_deal(tok) or self._framed_release(tok)) if noun else None
        return ("implemented", completed) if completed is not None else None

    def _deal_reached(self, tok: Token) -> Token | None:
        """The past verb that reached the deal an exchange is part of ("had reached a deal
        that involves the release of ten prisoners in exchange for …", "reached a deal
        Wednesday to free … in exchange for …", "a process which concluded on Wednesday with
        an agreement … for a prisoner swap"): the deal is agreed that day (round 17)."""
        nouns = knowledge.words(LEXICON, "reached_deal_nouns")
        reaching = knowledge.words(LEXICON, "deal_reaching_verbs")
        deal = None
        for t in list(tok.ancestors)[:5]:
            if t.lemma_.lower() in nouns and t.pos_ == "NOUN":
                deal = t
                break
            # "reached a deal Wednesday to free three men … in exchange for …": the purpose
            # hangs on the verb beside the deal it reached.
            objs = [c for c in t.children if c.dep_ in ("dobj", "obj") and c.lemma_ in nouns]
            if t.lemma_.lower() in reaching and objs:
                deal = objs[0]
                break
        if deal is None:
            return None
        verb = deal.head
        if deal.dep_ == "pobj" and verb.lower_ == "with":
            verb = verb.head  # "concluded with an agreement"
            reaching = knowledge.words(LEXICON, "deal_ending_verbs")
        elif deal.dep_ in ("dobj", "obj"):
            reaching = knowledge.words(LEXICON, "deal_reaching_verbs")
        else:
            return None
        if verb.lemma_.lower() not in reaching or _hedged(verb):
            return None
        perfect = verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.children)
        return verb if verb.tag_ == "VBD" or perfect else None

    @staticmethod
    def _reaching_sides(ctx: Context, verb: Token) -> list[str]:
        """The two sides that reached the deal or freed the people ("A and B had reached a
        deal …"), else those its sentence shows in an event; [] when fewer than two."""
        at = actor_at(ctx)
        subj = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree if t.i in at]
        sides = parties_of(ctx, [at[t.i] for t in subj])
        if len(sides) < 2:
            sides = _event_sides(ctx, verb.sent)
        if len(sides) < 2:
            sides = _sides_near(ctx, verb.idx)
        return sorted(sides[:2]) if len(sides) >= 2 else []

    def _freed_in_exchange(self, tok: Token, sent: SpacySpan) -> Token | None:
        """ "The ten prisoners freed by A in exchange for a jailed ally of B": people released
        in an exchange are the deal carried out, when the article ties the exchange to a deal
        (round 17). "Could be freed in exchange for …" is a hope."""
        into = tok.head
        if tok.dep_ != "pobj" or into.lower_ != "in":
            return None
        if not any(c.lower_ == "for" for c in tok.children):
            return None  # "in exchange for": the idiom, not "in the exchange"
        verb = into.head
        freeing = set(self.exchanges.get("release_verbs", []))
        if verb.lemma_.lower() not in freeing or _hedged(verb) or not self._deal_told(sent.doc):
            return None
        perfect = verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.children)
        return (
            verb
            if verb.tag_ == "VBD" or perfect or _past_passive(verb) or verb.dep_ == "acl"
            else None
        )

    def _approved_deal(self, tok: Token) -> Token | None:
        """The past approval of the deal an exchange noun names ("Israel's cabinet approved a
        prisoner exchange deal with Hezbollah"): a government's approval accepts the deal,
        which is agreed that day (round 16). None for an approval to come or hoped for."""
        deal = tok.head if tok.dep_ == "compound" else tok
        verb = deal.head
        approving = knowledge.words(LEXICON, "deal_approval_verbs")
        if deal.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in approving:
            return None
        return verb if verb.tag_ == "VBD" and not _hedged(verb) else None

    def _deal_told(self, doc: Doc) -> bool:
        """Whether the article ties an exchange to a deal in one of its sentences ("a prisoner
        exchange deal", "a deal to trade X for Y"): only then is "the swap took place" the deal
        carried out; an exchange with no deal in sight ("announced the exchange of prisoners
        … The swap took place this afternoon") is an event, not an agreement (round 16). The
        headline ties them as a sentence does ("A, B reach prisoner swap deal"; round 17)."""
        deals = set(self.exchanges.get("deal_words", []))
        words = {*self.exchanges.get("verbs", []), *self.exchanges.get("nouns", [])}
        # "Venezuela, US reach prisoner swap deal": the headline ties them too (round 17)
        title = set(re.findall(r"[a-z]+", str(doc.user_data.get(_TITLE_KEY, "")).lower()))
        if title & deals and title & words:
            return True
        for sent in doc_sents(doc):
            lemmas = {t.lemma_.lower() for t in sent}
            if lemmas & deals and lemmas & words:
                return True
        return False

    def _exchange_happening(self, tok: Token) -> Token | None:
        """The verb that tells the exchange itself happen ("the swap will take place within
        two weeks", "the swap is expected to be implemented"; round 16)."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = tok.head
        # "the swap will take place", "is expected to be implemented", "is due to take place"
        verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        verbs += [
            g for c in verb.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "xcomp"
        ]
        phrases = knowledge.phrases(LEXICON, "exchange_happening_verbs")
        for phrase in phrases:
            lemma, _, rest = phrase.partition(" ")
            for v in verbs:
                if v.lemma_.lower() != lemma:
                    continue
                if not rest or any(c.lower_ == rest for c in v.children):
                    return v
        return None

    def _framed_release(self, tok: Token) -> Token | None:
        """The past release an exchange deal frames ("a prisoner swap deal between A and B
        resulted in the release of …", "released as part of a swap deal between A and B",
        "freed in a prisoner-swap deal"): people freed under the deal are the deal carried out.
        None when the release is hoped for or to come ("could lead to the release")."""
        deal = tok.head if tok.dep_ == "compound" else tok
        if deal.lemma_.lower() not in {*self.exchanges.get("deal_words", []), tok.lemma_.lower()}:
            return None
        freeing = set(self.exchanges.get("release_verbs", []))
        leading = set(self.exchanges.get("release_result_verbs", []))
        verb = deal.head
        if deal.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in leading:
            released = any(t.lemma_.lower() in freeing for t in verb.subtree)
            verb = verb if released else deal  # the deal itself is no past act
        elif deal.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ == "part":
            verb = verb.head.head.head  # "released as part of": of -> part -> as -> released
        elif deal.dep_ == "pobj" and verb.lower_ in ("in", "under", "through"):
            verb = verb.head  # "freed in a prisoner-swap deal", "released under the deal"
        if verb.lemma_.lower() not in freeing | leading or _hedged(verb):
            return None
        perfect = verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.children)
        return verb if verb.tag_ == "VBD" or perfect or _past_passive(verb) else None

    def _completed_deal(self, tok: Token) -> Token | None:
        """The past act that completed the deal an exchange noun names ("has facilitated the
        completion of a prisoner exchange agreement"), else None ("will oversee the
        completion of …", "the completion of a deal is near")."""
        deal = tok.head if tok.dep_ == "compound" else tok
        if deal.lemma_.lower() not in {*self.exchanges.get("deal_words", []), tok.lemma_.lower()}:
            return None
        of = deal.head
        if deal.dep_ != "pobj" or of.lower_ != "of":
            return None
        if of.head.lemma_.lower() not in self.exchanges.get("completion_nouns", []):
            return None
        verb = of.head.head
        perfect = verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.children)
        # "facilitated the completion": the completion is the fact, whoever helped it along;
        # a modal on the act, or a hedge above it, still makes it a hope.
        modal = any(c.tag_ == "MD" for c in verb.children)
        above = verb.dep_ != "ROOT" and _hedged(verb.head)
        if (verb.tag_ == "VBD" or perfect) and not modal and not above:
            return verb
        return None

    # 2. statuses ---------------------------------------------------------------------------
    def _read_sentence(
        self,
        ctx: Context,
        sent: SpacySpan,
        refs: list[AgreementRef],
        drafts: dict[str, _Draft],
        names: list[AgreementRef],
    ) -> None:
        for ref in refs:
            draft = drafts[ref.key]
            if draft.evidence is None:
                draft.evidence = Span(
                    start=sent.start_char, end=sent.end_char, text=span_text(sent)
                )
            self._add_parties(ctx, sent, draft, names)
        for match, status in self._cues_in(sent, refs):
            cue_at = sent.start_char + match.start()
            # A cue belongs to the agreement referred to nearest to it in the sentence; words
            # that only a ceasefire takes ("the truce began") only to a ceasefire.
            only = [r for r in refs if r.key.startswith("ceasefire:")]
            truce_word = (match.re, status) in self.ceasefire_cues
            verb_like = _is_verb_at(ctx, cue_at) or _effective_at(ctx, cue_at)
            if truce_word and (not verb_like or _talks_subject_at(ctx, cue_at)):
                continue  # "the start of talks", "where the talks began" start no ceasefire
            near = only if truce_word and only else refs
            near = [r for r in near if not r.described or _governs(ctx, match, sent, r)]
            if not near:
                continue  # "following the U.S. exit from the pact": not the lead's treaty
            ref = min(near, key=lambda r: min(abs(r.start - cue_at), abs(r.end - cue_at)))
            st = self._status_at(ctx, sent, match, status, refs)
            if st is not None and st.by is not None and _armed_subject(ctx, sent, match):
                st = st.model_copy(update={"by": _group_party(ctx, drafts[ref.key])})
            if st is not None:
                _merge(drafts[ref.key].statuses, st)
        for ref in refs:
            done = (
                _implemented_under(ctx, sent, ref)
                or _sides_concluded(ctx, sent, ref)
                or _approved_by_body(ctx, sent, ref)
            )
            if done is not None:
                _merge(drafts[ref.key].statuses, done)

    def _cues_in(
        self, sent: SpacySpan, refs: list[AgreementRef]
    ) -> list[tuple[re.Match[str], str]]:
        found: list[tuple[re.Match[str], str]] = []
        taken: list[tuple[int, int]] = [
            (r.start - sent.start_char, r.end - sent.start_char) for r in refs if r.named
        ]
        cues = list(self.cues)
        if any(r.key.startswith("ceasefire:") for r in refs):
            cues += self.ceasefire_cues
        text = span_text(sent)
        folded = ascii_folded(text)
        for pattern, status in cues:
            word = self.cue_words.get(pattern.pattern)
            if word is not None and word not in folded:
                continue  # the cue's word is not in the sentence: its pattern cannot match
            for m in pattern.finditer(text):
                if any(a <= m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append((m, status))
        return sorted(found, key=lambda f: f[0].start())

    def _status_at(
        self,
        ctx: Context,
        sent: SpacySpan,
        match: re.Match[str],
        status: str,
        refs: list[AgreementRef],
    ) -> AgreementStatus | None:
        start = sent.start_char + match.start()
        token = ctx.doc.char_span(start, start + len(match.group(0)), alignment_mode="expand")
        if token is None:
            return None
        tok = token.root
        if _a_name(tok):
            return None  # "quit" in "Quito", "sign" in "Signoret"
        # The cue's own words ("take effect") are no other object of its verb.
        cue = AgreementRef("cue", start, start + len(match.group(0)), True)
        if _not_a_status(tok, [*refs, cue]):
            return None
        if status in _OF_ITSELF and _other_subject(tok, [*refs, cue]):
            return None
        if status == "agreed" and _amendments_agreed(tok):
            return None
        if status == "withdrawn" and _left_another(ctx, tok, refs):
            return None
        refined = _refine(status, tok, ctx, sent)
        if refined is None and status == "agreed" and _agrees_to_a_ref(tok, refs):
            refined = status  # "agreed to halt the fighting": the halt is the agreement
        if refined is None and status == "agreed" and _agrees_to_keep_a_truce(tok, refs):
            refined = status  # "agreed to implement a ceasefire from midnight"
        if refined is None:
            return None
        status = refined
        # "the Supplementary Treaty to the 1985 Treaty": a year in a name dates nothing.
        # "a temporary ceasefire for 4 days": how long it lasts, not when it was agreed.
        free = [
            d
            for d in ctx.analysis.dates
            if not _names_a_year(ctx, d, refs)
            and not _a_duration(d.text, d.precision)
            and not _a_deadline(ctx, d)
        ]
        date, until = _dates_near(free, sent, tok)
        if date is None and until is None:
            date = _same_day(ctx, free, sent, tok)
        if date is None and until is None and status == "agreed" and _reached_on(tok) is not None:
            date = _reported_on(ctx, sent, tok)  # "notes carried out today on reaching …"
        if date is None and until is None and _exchange_told_undated(ctx, tok):
            date = ctx.article.published_at.isoformat() if ctx.article.published_at else None
        if _reaction_to(tok):
            date = until = None  # "welcomed on 21 November the signing": not the signing's day
        if date is None and until is None and _present_progressive(tok):
            date = _reported_on(ctx, sent, tok)  # "announced Thursday that it is abandoning"
        if date is None and until is None and _present_perfect(tok) and ctx.article.published_at:
            # "have agreed to resume": news of the day it is reported ("announced on Thursday
            # they have agreed"), else of today.
            date = _reported_on(ctx, sent, tok) or ctx.article.published_at.isoformat()
        if status == "expiring" and date and ctx.article.published_at:
            if date < ctx.article.published_at.isoformat()[: len(date)]:
                status = "expired"
        published = ctx.article.published_at.isoformat() if ctx.article.published_at else ""
        # A status dated after the article was written is an expectation, however firm.
        hedged = _hedged(tok) or bool(date and published and date[:10] > published[: len(date)])
        if status == "withdrawn" and _voted_to(tok):
            hedged, date = True, None  # the vote's day is not the day it leaves
        truces = [(r.start, r.end) for r in refs if r.key.startswith("ceasefire:")]
        venue, host = step_place(ctx, tok, [(r.start, r.end) for r in refs if r.named], truces)
        return AgreementStatus(
            status=f"{status} (expected)" if hedged and status != "extension proposed" else status,
            date=None if until else date,
            until=until,
            by=None if _reaction_to(tok) else _by(ctx, tok, status),
            attributed_to=_accused_by(ctx, tok, status),
            venue=venue,
            host=host,
            evidence=Span(start=sent.start_char, end=sent.end_char, text=span_text(sent)),
            article_id=ctx.article.id,
        )

    def _add_parties(
        self, ctx: Context, sent: SpacySpan, draft: _Draft, names: list[AgreementRef]
    ) -> None:
        if draft.parties or _an_organisations_instrument(ctx, draft.name):
            return
        for ev in ctx.analysis.events:  # "both powers have agreed to resume …": the event knows
            if sent.start_char <= ev.evidence.start < sent.end_char and ev.type in (
                "AGREE",
                "COOPERATE",
                "CONSULT",
            ):
                states = [a for a in dict.fromkeys([*ev.source, *ev.target]) if is_state(ctx, a)]
                if len(states) >= 2:
                    self._set_parties(ctx, draft, states)
                    return
        at = actor_at(ctx)
        mediators, pair = _document_sides(ctx)
        helpers = set(mediators_in(ctx, sent)) | set(mediators)
        # A state named only as where something happens ("talks in Switzerland") is no party.
        places = {at[t.i] for t in sent if t.i in at and _names_a_place(t)}
        here = parties_of(ctx, _actors_outside(at, sent, names))
        prev = _previous_sentence(sent)
        if len(set(here)) < 2 and prev is not None:
            here += parties_of(ctx, _actors_outside(at, prev, names))
            # "… signed in Helsinki (Finland). It was …": a place there is no side either.
            places |= {at[t.i] for t in prev if t.i in at and _names_a_place(t)}
        parties = [p for p in dict.fromkeys(here) if p not in helpers and p not in places]
        if len(parties) < 2 and (not here or (len(parties) == 1 and parties[0] in pair)):
            # named with no side near, or with one of the two the article shows talking: the
            # sides the article shows talking (round 16)
            parties = list(pair)
        if len(parties) >= 2:
            self._set_parties(ctx, draft, parties)

    @staticmethod
    def _set_parties(ctx: Context, draft: _Draft, parties: list[str]) -> None:
        draft.parties = sorted(parties[:2])
        if draft.kind == "channel":
            names = [
                _SHORT_NAMES.get(p, ctx.kb[p].name if p in ctx.kb else p) for p in draft.parties
            ]
            draft.name = f"{'–'.join(names)} {draft.name}"


def _actors_outside(at: dict[int, str], sent: SpacySpan, names: list[AgreementRef]) -> list[str]:
    """The actors a sentence names outside agreement names ("the Protocol of Lusaka" names
    Zambia's capital, not a side) and outside its onlookers ("accompanied by X")."""
    skip = onlookers(sent)
    return [
        at[t.i]
        for t in sent
        if t.i in at
        and t.i not in skip
        and not any(r.start <= t.idx < r.end for r in names)
        and not _affiliation_modifier(t)
    ]


def _affiliation_modifier(tok: Token) -> bool:
    """Whether ``tok`` names an actor only inside a modifier of affiliation ("a stronghold for
    al Qaeda-linked jihadists", "Iran-backed militias"): the actor describes someone else and
    is no side of the agreement (round 16)."""
    words = knowledge.words(LEXICON, "affiliation_participles")
    doc = tok.doc
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end].whitespace_ == ""
        and doc[end + 1].lower_ in words
    ):
        return True
    head = tok  # "Islamist fighters linked to Al-Qaeda": the object of the participle
    while head.dep_ in ("compound", "flat", "punct", "amod") and head.head is not head:
        head = head.head
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ in ("to", "by", "with") and prep.head.lower_ in words


def onlookers(sent: SpacySpan) -> frozenset[int]:
    """Tokens naming who only attended an act, not who did it: a head of state in a photo
    caption "shake hands accompanied by X during the signing", "signed as X looked on", "with
    X in attendance", "X was in attendance".

    Read once per sentence (in the Doc's ``user_data``): the parties of every agreement, the
    dominant pair and the negotiating pair each ask it of the same sentences."""
    memo: dict[tuple[int, int], frozenset[int]] = sent.doc.user_data.setdefault(
        "parley.agreements.onlookers", {}
    )
    key = (sent.start, sent.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = frozenset(_onlookers(sent))
    return found


@knowledge.derived
def _particle_verbs() -> frozenset[str]:
    """What may stand before the particle of an onlooker's phrasal verb ("look" of "look
    on"): every start of a phrase of ``onlooker_particle_verbs`` up to one of its spaces. A
    word not among them needs no look at its children."""
    phrases = knowledge.words(LEXICON, "onlooker_particle_verbs")
    return frozenset(p[:i] for p in phrases for i, ch in enumerate(p) if ch == " ")


def _onlookers(sent: SpacySpan) -> set[int]:
    agents = knowledge.words(LEXICON, "onlooker_agent_verbs")
    particles = knowledge.words(LEXICON, "onlooker_particle_verbs")
    verbs = _particle_verbs()
    out: set[int] = set()
    for tok in span_tokens(sent):
        lemma = tok.lemma_.lower()
        if lemma in agents:
            out |= {t.i for c in tok.children if c.dep_ == "agent" for t in c.subtree}
        elif lemma in verbs and any(
            f"{lemma} {c.lower_}" in particles for c in tok.children if c.dep_ == "prt"
        ):
            out |= _subject_tokens(tok)
        elif tok.lower_ == "attendance" and tok.head.lower_ == "in":
            out |= _attending(tok.head)
    return out


def _subject_tokens(verb: Token) -> set[int]:
    return {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}


def _attending(prep: Token) -> set[int]:
    """Who is "in attendance": what "with" introduces before it ("with X in attendance"),
    else the subject of its verb ("X was in attendance")."""
    withs = [t for t in prep.sent if t.lower_ == "with" and t.i < prep.i]
    if withs:
        return set(range(withs[-1].i, prep.i))
    return _subject_tokens(prep.head)


@knowledge.derived
def _duration_re() -> re.Pattern[str]:
    """ "for 4 days", "for two weeks": a span of time an agreement lasts."""
    numbers = alt(list(knowledge.table(LEXICON, "numbers")))
    units = alt(list(knowledge.table(LEXICON, "duration_units")))
    lead = alt(knowledge.phrases(LEXICON, "duration_leads"))
    return re.compile(rf"^(?:{lead})\s+(?:\d+|{numbers})[- ](?:{units})s?$", re.I)


def _a_duration(text: str, precision: str) -> bool:
    return precision == "range" and _duration_re().match(text.strip()) is not None


def _reaction_to(tok: Token) -> bool:
    """ "The Council on 21 November welcomed the signing": a step named as what someone reacts
    to; the reaction's day and actor are not the step's."""
    return tok.pos_ == "NOUN" and tok.head.lemma_.lower() in knowledge.words(
        LEXICON, "step_reaction_verbs"
    )


def _names_a_place(tok: Token) -> bool:
    """ "Talks in Switzerland", "signed in the Zambian capital": a state named only as where
    something happened."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "in":
        return True
    if tok.dep_ == "appos" and _names_a_place(tok.head):
        return True  # "signed in Helsinki (Finland)": the city's state, in brackets (round 15)
    place = tok.head
    capital = set(knowledge.words(LEXICON, "capital_nouns"))
    return (
        tok.dep_ in ("amod", "compound")
        and place.lemma_.lower() in capital
        and place.dep_ == "pobj"
        and place.head.lower_ in ("in", "at")
    )


def _is_verb_at(ctx: Context, at: int) -> bool:
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("VERB", "AUX")


def _effective_at(ctx: Context, at: int) -> bool:
    """ "a ceasefire effective from midnight": the adjective of taking effect, which tells the
    truce's start as a verb would (nego18)."""
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    adjectives = knowledge.words(LEXICON, "ceasefire_effective_adjectives")
    if span is None or span.root.pos_ != "ADJ" or span.root.lower_ not in adjectives:
        return False
    truce = span.root.head  # "called for a ceasefire effective from …": asked for, not begun
    verb = truce.head.head if truce.dep_ == "pobj" else truce.head
    return verb.lemma_.lower() not in _OBLIGATION_HEADS


def _talks_subject_at(ctx: Context, at: int) -> bool:
    """Whether the verb at ``at`` has talks for its subject ("the peace talks began on 25
    October"): a session began, not the ceasefire of the same sentence."""
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return False
    talks = set(knowledge.words(LEXICON, "talks_nouns"))
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in talks | {"talk"}
        for c in span.root.children
    )


def _span_of(sent: SpacySpan) -> Span:
    return Span(start=sent.start_char, end=sent.end_char, text=span_text(sent))


def _acting_states(ctx: Context, tok: Token) -> list[str]:
    """States named in the subject of the verb governing ``tok`` ("Armenia and Azerbaijan
    agreed …")."""
    at = actor_at(ctx)
    for head in (tok, *tok.ancestors):
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            ids = [at[t.i] for s in subj for t in s.subtree if t.i in at]
            return list(dict.fromkeys(i for i in ids if is_state(ctx, i)))
    return []


def _exchange_sides(ctx: Context, tok: Token) -> list[str]:
    """The states that exchange: those "between" whom the swap is, else the subject's with
    those it swaps "with" ("the US conducted a prisoner swap with Russia"), else the
    subject's alone ("Armenia and Azerbaijan agreed to exchange"); [] when fewer than two."""
    at = actor_at(ctx)
    demonyms = load_demonyms()

    def state_at(t: Token, capitals: bool = False) -> str | None:
        """The state a token names: not a capital standing for where ("Ankara, August 2")
        unless ``capitals`` (a deal "between Washington and Tehran" is the governments')."""
        found = at.get(t.i) or demonyms.get(t.text)
        if found is None or not _a_side(ctx, found):
            return None
        if t.dep_ == "poss" and t.head.i in at and not is_state(ctx, at[t.head.i]):
            return None  # "a deal with Lebanon's Hezbollah": the movement's country (round 16)
        where = found in ctx.kb and ctx.kb[found].capital == t.text
        return None if where and not capitals else found

    def states(heads: Iterable[Token], deps: tuple[str, ...], capitals: bool = False) -> list[str]:
        ids = [
            state_at(t, capitals)
            for h in heads
            for c in h.children
            if c.lower_ in deps or c.dep_ in deps
            for t in c.subtree
            if not _described_aside(t, c)
        ]
        return list(dict.fromkeys(i for i in ids if i is not None))

    # "an exchange agreement between A and B": the sides hang on the deal noun.
    deal = [tok, tok.head] if tok.dep_ == "compound" else [tok]
    between = states(deal, ("between",), capitals=True)
    if len(between) >= 2:
        return between
    # "Israel's cabinet approved a prisoner exchange deal with Hezbollah": the subject of the
    # verb that governs the deal noun acts for one side (round 16).
    acting = [tok.head, tok.head.head] if tok.dep_ == "compound" else [tok.head]
    sides = list(dict.fromkeys([*states(acting, ("nsubj",)), *states([tok, tok.head], ("with",))]))
    return sides if len(sides) >= 2 else _acting_states(ctx, tok)


def _described_aside(tok: Token, top: Token) -> bool:
    """Whether ``tok`` sits in an apposition or a clause that describes a word under ``top``
    ("with Hezbollah, the family of Lebanon's longest held prisoner …" parsed as one
    phrase): what describes a side names no other side (round 16)."""
    for t in (tok, *tok.ancestors):
        if t == top:
            return False
        if t.dep_ in ("appos", "relcl", "acl"):
            return True
    return False


def _a_side(ctx: Context, actor_id: str) -> bool:
    """A state, or an armed movement or force that sits at the table in its own name (a
    prisoner exchange between Israel and Hezbollah, round 16)."""
    kinds = knowledge.words(LEXICON, "party_kinds")
    return actor_id in ctx.kb and ctx.kb[actor_id].kind in kinds


def _name_head(tok: Token, at: dict[int, str]) -> Token:
    """The last word of the name ``tok`` is in ("La" → "Paz")."""
    while tok.dep_ == "compound" and at.get(tok.head.i) == at.get(tok.i):
        tok = tok.head
    return tok


def _dominant_pair(ctx: Context) -> list[str]:
    """The two states the article mentions most, when they stand out; a state named only as
    a place ("a ceremony in Cuba") or through an onlooker ("accompanied by Cuban President
    X") is no side."""
    at = actor_at(ctx)
    held = sorted(at)  # the tokens of actors: sentences without one are not read
    tokens = doc_tokens(ctx.doc)
    acting: set[str] = set()
    for sent in doc_sents(ctx.doc):
        inside = held[bisect_left(held, sent.start) : bisect_left(held, sent.end)]
        skip = onlookers(sent) if inside else frozenset()
        acting |= {
            at[i] for i in inside if i not in skip and not _names_a_place(_name_head(tokens[i], at))
        }
    states = sorted(
        (a for a in ctx.analysis.actors if a.kind == "state" and a.id in acting),
        key=lambda a: -len(a.mentions),
    )
    return [a.id for a in states[:2]] if len(states) >= 2 else []


def _unknown_names(
    text: str, refs: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    """Named agreements missing from the data ("the Caspian Arms Limitation Treaty")."""
    out: list[AgreementRef] = []
    for m in _named().finditer(text):
        # A sentence-initial "The" is the article, not part of the name; nor is a sentence
        # adverb before it ("Thus the Treaty will remain in effect").
        adverbs = alt(knowledge.phrases(LEXICON, "name_leading_adverbs"))
        name = re.sub(rf"^(?:{adverbs})\s+", "", m.group("name"))
        name = re.sub(rf"^(?:(?:{_name_joiners()})\s+)+", "", name, flags=re.I)
        # "Article VIII of the Indus Waters Treaty": a provision names its treaty (round 17).
        name = _provision_lead().sub("", name)
        taken = [*refs, *out]
        # "of the New START Treaty": the name starts after the small words the pattern took,
        # inside a name already found ("New START"), which it only repeats.
        begins = m.end("name") - len(name)
        if len(name.split()) < 2 or any(r.start <= begins < r.end for r in taken):
            continue
        if not _agreement_name(name, text[m.end("name") : m.end("name") + 12]):
            continue
        end, kind = m.end("name"), _kind_of(name)
        supplemented = _supplemented().match(text, end)
        if supplemented is not None:  # "the Supplementary Treaty to the 1985 Treaty on …"
            end = supplemented.end()
            name = text[end - len(name) - len(supplemented.group(0)) : end]
        # "The Supplementary Treaty" after its full name is the same treaty, told short.
        key = next(
            (k for k in known if k.startswith("named:" + name + " ") and not supplemented),
            "named:" + name,
        )
        known.setdefault(key, _Known(key=key, name=name, kind=kind, parties=[]))
        out.append(AgreementRef(key, end - len(name), end, True))
    for m in _named_head_first().finditer(text):
        start = _name_led_into(m, out)
        if any(r.start <= start < r.end for r in [*refs, *out]):
            continue
        name, key = text[start : m.end()], "named:" + text[start : m.end()]
        kind = _kind_of(m.group("head"))
        known.setdefault(key, _Known(key=key, name=name, kind=kind, parties=[]))
        out.append(AgreementRef(key, start, m.end(), True))
    return out


@knowledge.derived
def _provision_lead() -> re.Pattern[str]:
    """ "Article VIII of the", "Annex 2 to the": a provision of the treaty named after it."""
    words = capitalised(knowledge.phrases(LEXICON, "provision_words"))
    return re.compile(rf"^(?:{words})\s+(?:[IVXLC]+|\d+[a-z]?)\s+(?:of|to)\s+(?:the\s+)?")


def _name_led_into(m: re.Match[str], out: list[AgreementRef]) -> int:
    """Where a head-first name starts: "the Joint Agreement on Safety and Immunity
    Guarantees" is one name, not "Joint Agreement" cut at "on" (nego20), so a name found
    ending in the same head word gives its start and is dropped from ``out``."""
    for r in out:
        if r.start < m.start("head") and r.end == m.end("head"):
            out.remove(r)
            return r.start
    return m.start()


def _place_names(
    text: str, refs: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    """ "The Protocol of Lusaka" is the Lusaka Protocol: the same key as its other form."""
    out: list[AgreementRef] = []
    for m in _named_of_place().finditer(text):
        if any(r.start <= m.start("head") < r.end for r in refs):
            continue
        name = f"{m.group('place')} {m.group('head')}"
        if not _agreement_name(name, text[m.end() : m.end() + 12]):
            continue
        key = next((k for k, v in known.items() if v.name == name), "named:" + name)
        known.setdefault(key, _Known(key=key, name=name, kind=_kind_of(name), parties=[]))
        out.append(AgreementRef(key, m.start("head"), m.end(), True))
    return out


def _months() -> str:
    months = knowledge.table("lexicon/timeplace.json", "months")
    return "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))


def _day() -> str:
    """ "September 19", "Sept. 19", and day first, "19 September" (nego18)."""
    return (
        rf"(?:(?P<month>{_months()})\.?\s+(?P<day>\d{{1,2}})"
        rf"|(?P<day_first>\d{{1,2}})\s+(?P<month_after>{_months()})\.?)"
    )


@knowledge.derived
def _dated_pact_re() -> re.Pattern[str]:
    """A pact named by the day it was concluded: "the September 19 agreement", "the Sept. 19
    military agreement"."""
    nouns = alt(knowledge.phrases(LEXICON, "dated_pact_nouns"))
    return re.compile(
        rf"\bthe\s+{_day()}(?:,?\s+\d{{4}})?\s+(?:[\w-]+\s+){{0,2}}?(?P<word>{nouns})\b",
        re.I,
    )


@knowledge.derived
def _pact_of_day_re() -> re.Pattern[str]:
    """ "the military agreement of September 19, 2018": the day after the pact, with its year
    (a title's date, as in "the Treaty of April 8, 2010")."""
    nouns = alt(knowledge.phrases(LEXICON, "dated_pact_nouns"))
    return re.compile(rf"\b(?P<word>{nouns})\s+of\s+{_day()},?\s+\d{{4}}\b", re.I)


@knowledge.derived
def _year_place_pact_re() -> re.Pattern[str]:
    """ "the 2018 Pyongyang declaration": a pact named by its year and the city it was made in
    (the same document as "the Pyongyang Declaration")."""
    nouns = alt(knowledge.phrases(LEXICON, "dated_pact_nouns"))
    return re.compile(rf"\bthe\s+\d{{4}}\s+(?P<place>[A-Z][a-z][\w-]+)\s+(?P<word>{nouns})\b")


def _dated_pacts(
    ctx: Context, refs: list[AgreementRef], known: dict[str, _Known]
) -> tuple[list[AgreementRef], list[AgreementRef]]:
    """Pacts named by their date ("the September 19 agreement", "the 19 September agreement",
    "the agreement of September 19, 2018": one record "September 19 agreement") or by year
    and city ("the 2018 Pyongyang declaration": the Pyongyang Declaration), keyed by that name
    so that a later mention, in this article or another, is the same record; their sides
    those near the name, if any. A deal, accord or pact so named is an agreement. A day that
    is a step's ("signed on September 19") names nothing.

    Returns the new references and the ones they replace: a capitalised name no data file
    knows that follows the day ("the September 19 North-South Military Agreement") describes
    the pact the day names (nego18)."""
    text, out = ctx.article.text, list[AgreementRef]()
    months = knowledge.table("lexicon/timeplace.json", "months")
    full = full_names("months")  # "Sept." is September
    found = [*_dated_pact_re().finditer(text), *_pact_of_day_re().finditer(text)]
    described = [r for r in refs if r.key.startswith("named:")]
    for m in sorted(found, key=lambda m: m.start()):
        word = m.group("word").lower()
        head = word if word in knowledge.words(LEXICON, "dated_pact_kept_nouns") else "agreement"
        month_word = m.group("month") or m.group("month_after")
        month = full[int(months[month_word.lower()]) - 1].capitalize()
        name = f"{month} {int(m.group('day') or m.group('day_first'))} {head}"
        inside = [r for r in described if m.start() < r.start and r.end == m.end()]
        taken = [r for r in [*refs, *out] if r not in inside]
        out += _dated_ref(ctx, m, name, taken, known)
    for m in _year_place_pact_re().finditer(text):
        if city_country(m.group("place")) is None:
            continue  # "the 2015 Iran deal": a state is no place a pact is named after
        name = f"{m.group('place')} {m.group('word').capitalize()}"
        out += _dated_ref(ctx, m, name, [*refs, *out], known)
    out += _pact_of_the_year(ctx, [*refs, *out], out, known)
    replaced = [r for r in described if any(o.start < r.start and r.end == o.end for o in out)]
    return out, replaced


@knowledge.derived
def _year_pact_re() -> re.Pattern[str]:
    """ "the 2018 inter-Korean agreement", "a 2018 military accord", "The 2018 agreement": a
    pact told by its year alone (group ``year``)."""
    nouns = alt(knowledge.phrases(LEXICON, "dated_pact_nouns"))
    dets = alt(knowledge.phrases(LEXICON, "year_pact_determiners"))
    return re.compile(
        rf"\b(?:{dets})\s+(?P<year>\d{{4}})\s+(?:[\w-]+\s+){{0,2}}?(?P<word>{nouns})\b", re.I
    )


def _pact_of_the_year(
    ctx: Context, taken: list[AgreementRef], dated: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    """ "The 2018 inter-Korean agreement" in an article that names one pact by its day ("the
    inter-Korean military agreement of September 19, 2018", "the September 19 North-South
    Military Agreement"): the same pact, when its day has that year or none (nego18). With no
    pact named by its day, or two, a year names none ("the 2015 nuclear deal" is named by
    the data files, if at all)."""
    text = ctx.article.text
    months = {m.capitalize() for m in full_names("months")}
    pacts = {r.key for r in dated if known[r.key].name.split()[0] in months}
    if len(pacts) != 1:
        return []
    key = pacts.pop()
    spans = [text[r.start : r.end] for r in dated if r.key == key]
    years = {y for span in spans for y in re.findall(r"\b\d{4}\b", span)}
    out: list[AgreementRef] = []
    for m in _year_pact_re().finditer(text):
        if years and m.group("year") not in years:
            continue
        if any(r.start < m.end() and m.start() < r.end for r in [*taken, *out]):
            continue
        out.append(AgreementRef(key, m.start(), m.end(), True))
    return out


@knowledge.derived
def _sides_agreement_re() -> re.Pattern[str]:
    """ "The two sides had announced an agreement", "both sides reached a deal": an unnamed
    agreement the sides of the talks concluded (group ``verb`` the act, ``word`` the noun)."""
    sides = alt(knowledge.phrases(LEXICON, "both_sides_phrases"))
    verbs = alt(knowledge.phrases(LEXICON, "sides_agreement_verbs"))
    nouns = alt(knowledge.phrases(LEXICON, "sides_agreement_nouns"))
    aux = alt(knowledge.phrases(LEXICON, "sides_agreement_auxiliaries"))
    aux = rf"(?:(?:{aux})\s+){{0,2}}"
    return re.compile(
        rf"\b(?:{sides})\s+{aux}(?P<verb>{verbs})\s+(?:an?|the)\s+(?:[\w-]+\s+)?"
        rf"(?P<word>{nouns})\b",
        re.I,
    )


def _sides_agreements(
    ctx: Context, refs: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    """An agreement "the two sides" announced or reached, in an article that shows which two
    negotiate, is theirs ("<A>–<B> agreement", key ``sides:``): the track's agreement. With no
    pair in view, or "an agreement" hoped for ("hope to reach an agreement" has no sides as
    subject), none."""
    out: list[AgreementRef] = []
    for m in _sides_agreement_re().finditer(ctx.article.text):
        if any(r.start < m.end() and m.start() < r.end for r in [*refs, *out]):
            continue
        pair = sorted(_document_sides(ctx)[1])
        if len(pair) < 2:
            continue
        name = "–".join(short_name(ctx, p) for p in pair) + " agreement"
        key = "sides:" + name
        known.setdefault(key, _Known(key=key, name=name, kind="agreement", parties=pair))
        out.append(AgreementRef(key, m.start("word"), m.end("word"), True))
    return out


def _sides_concluded(ctx: Context, sent: SpacySpan, ref: AgreementRef) -> AgreementStatus | None:
    """The step of an agreement the sides announced or reached (:func:`_sides_agreements`):
    agreed, on the day of the verb; expected when hedged."""
    if not ref.key.startswith("sides:") or not ref.named:
        return None
    span = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "dobj":
        return None
    verb = span.root.head
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    free = [d for d in ctx.analysis.dates if not _names_a_year(ctx, d, [ref])]
    date, _ = _dates_near(free, sent, verb)
    if date is None and _present_perfect(verb) and ctx.article.published_at:
        date = ctx.article.published_at.isoformat()
    return AgreementStatus(
        status="agreed (expected)" if _hedged(verb) else "agreed",
        date=date,
        evidence=Span(start=sent.start_char, end=sent.end_char, text=span_text(sent)),
        article_id=ctx.article.id,
    )


def _date_by_name(ctx: Context, draft: _Draft) -> None:
    """A pact named by its day was concluded that day: its undated signing or agreeing, told in
    a sentence that gives the year ("was signed … during the 2018 summit"), is that day of that
    year ("September 19 agreement" → 2018-09-19). Without a year in the sentence it stays
    undated."""
    months = full_names("months")
    m = re.fullmatch(rf"({alt(name.capitalize() for name in months)}) (\d{{1,2}}) \w+", draft.name)
    if m is None:
        return
    month = months.index(m.group(1).lower()) + 1
    for st in draft.statuses:
        if st.date is not None or st.status not in ("signed", "agreed") or st.evidence is None:
            continue
        ev = st.evidence
        years = [
            d.value
            for d in ctx.analysis.dates
            if ev.start <= d.start < ev.end and d.value and re.fullmatch(r"\d{4}", d.value)
        ]
        if len(set(years)) == 1:
            st.date = f"{years[0]}-{month:02d}-{int(m.group(2)):02d}"


def _dated_ref(
    ctx: Context, m: re.Match[str], name: str, taken: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    if any(r.start < m.end() and m.start() < r.end for r in taken):
        return []  # "the September 19 North-South Military Agreement": named already
    key = next((k for k, v in known.items() if v.name == name), "named:" + name)
    if key not in known:
        sides = _sides_near(ctx, m.start())
        known[key] = _Known(key=key, name=name, kind=_kind_of(name), parties=sides)
    return [AgreementRef(key, m.start(), m.end(), True)]


def _short_heads(
    text: str, refs: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    """ "The Protocol", capitalised, after "the Protocol of Lusaka": the last agreement named
    before it whose name has that word."""
    out: list[AgreementRef] = []
    for m in _short_head().finditer(text):
        if any(r.start <= m.start("head") < r.end for r in refs):
            continue
        word = m.group("head").lower()
        before = [
            r
            for r in refs
            if r.named and r.end <= m.start() and word in known[r.key].name.lower().split()
        ]
        if before:
            out.append(AgreementRef(before[-1].key, m.start("head"), m.end(), False))
    return out


def _an_organisations_instrument(ctx: Context, name: str) -> bool:
    """ "the UN Convention on the Law of the Sea", "the OSCE Charter": an instrument of an
    international organisation, open to all its members; the two states an article is about
    are not its sides."""
    words = name.split()
    if len(words) < 2 or words[1].lower() not in knowledge.words(LEXICON, "name_heads"):
        return False
    return any(a.kind == "igo" for a in ctx.kb.lookup(words[0]))


@knowledge.derived
def _lead_description_re() -> re.Pattern[str]:
    """ "an international treaty", "a landmark deal": an indefinite agreement noun with up to
    three lower-case modifiers."""
    dets = alt(knowledge.phrases(LEXICON, "lead_description_determiners"))
    nouns = alt(knowledge.phrases(LEXICON, "lead_description_nouns"))
    return re.compile(rf"\b(?i:{dets})\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{nouns})\b")


def _lead_descriptions(ctx: Context, refs: list[AgreementRef]) -> list[AgreementRef]:
    """ "The Duma has voted to withdraw Russia from an international treaty allowing
    surveillance flights …. The May 19 vote to exit from the Open Skies Treaty …": a wire
    lead describes the agreement before the next sentence names it (nego22). The description
    refers forward when it comes before any agreement named, in one of the article's first
    sentences, the next sentence names one agreement and the article names no other; a topic
    in the description the name lacks ("a trade deal" before the Paris Agreement) is another
    agreement."""
    named = {r.key for r in refs if r.named}
    if len(named) != 1:
        return []
    key = next(iter(named))
    first = min(r.start for r in refs if r.named)
    sents = list(doc_sents(ctx.doc))[: int(knowledge.number(LEXICON, "lead_description_sentences"))]
    topics = knowledge.words(LEXICON, "agreement_topics")
    out: list[AgreementRef] = []
    for sent, after in zip(sents, sents[1:], strict=False):
        if not any(r.named and after.start_char <= r.start < after.end_char for r in refs):
            continue
        for m in _lead_description_re().finditer(span_text(sent)):
            start, end = sent.start_char + m.start(), sent.start_char + m.end()
            if start >= first or any(r.start <= start < r.end for r in refs):
                continue
            words = set(m.group(0).lower().split()) & topics
            if words and not all(w in key for w in words):
                continue
            out.append(AgreementRef(key, start, end, False, described=True))
    return out


def _armed_subject(ctx: Context, sent: SpacySpan, match: re.Match[str]) -> bool:
    """Whether the cue's subject is an armed group told by description ("Mali's Tuareg-led
    rebel alliance signed a landmark deal"): its head or a modifier of it is a word of
    ``armed_subject_words``; the state named in it is whose rebels they are, not who acted
    (nego22)."""
    start = sent.start_char + match.start()
    cue = ctx.doc.char_span(start, start + len(match.group(0)), alignment_mode="expand")
    if cue is None:
        return False
    words = knowledge.words(LEXICON, "armed_subject_words")
    for head in (cue.root, *cue.root.ancestors):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subj = subjects[0]
            mods = [c for c in subj.children if c.dep_ in ("amod", "compound")]
            return any(t.lemma_.lower() in words or t.lower_ in words for t in (subj, *mods))
    return False


def _group_party(ctx: Context, draft: _Draft) -> str | None:
    """The one armed group among the agreement's parties (the article's sides while the
    agreement has none yet: a lead tells the step before the name), the one a described rebel
    subject names; None when there is none or several."""
    sides = draft.parties or list(_document_sides(ctx)[1])
    groups = [p for p in sides if p in ctx.kb and ctx.kb[p].kind == "group"]
    return groups[0] if len(groups) == 1 else None


def _governs(ctx: Context, match: re.Match[str], sent: SpacySpan, ref: AgreementRef) -> bool:
    """Whether the cue's verb governs the described agreement: "voted to withdraw from an
    international treaty", "signed a landmark deal"; a noun ("following the Russian exit
    from an international treaty") tells another's step."""
    start = sent.start_char + match.start()
    cue = ctx.doc.char_span(start, start + len(match.group(0)), alignment_mode="expand")
    told = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if cue is None or told is None or cue.root.pos_ != "VERB":
        return False
    return cue.root.is_ancestor(told.root)


def _pronoun_refs(ctx: Context, refs: list[AgreementRef]) -> list[AgreementRef]:
    """ "The treaty was signed in 2018. It was brought into force in 2019.": "it" as the
    subject right after a sentence whose subject is an agreement goes on about that agreement
    (the subject carries over). "It" after any other subject, or as an object, refers to
    nothing here."""
    out = []
    sents = list(doc_sents(ctx.doc))
    for prev, sent in zip(sents, sents[1:], strict=False):
        it = next(
            (t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None
        )
        if it is None or it.lower_ != "it":
            continue
        subj = next(
            (t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None
        )
        if subj is None:
            continue
        found = [r for r in refs if r.start <= subj.idx < r.end]
        if found:
            out.append(AgreementRef(found[0].key, it.idx, it.idx + len(it.text), False))
    return out


def _most_referred(before: list[AgreementRef]) -> str:
    """The agreement an anaphor ("the agreement") refers back to: the one the text has referred
    to most so far, the latest of those on a tie ("the Protocol, together with the Bicesse
    Accords, …; the agreement" is still the Protocol)."""
    counts = Counter(r.key for r in before)
    top = max(counts.values())
    return next(r.key for r in reversed(before) if counts[r.key] == top)


@knowledge.derived
def _supplemented() -> re.Pattern[str]:
    """ " to the 1985 Treaty on the Delimitation of the National Boundary and the 2005
    Supplementary Treaty": the treaties a supplementary treaty or protocol adds to, which belong
    to its name."""
    head = capitalised(knowledge.phrases(LEXICON, "name_heads"))
    link = alt(knowledge.phrases(LEXICON, "supplement_links"))
    tail = alt(knowledge.phrases(LEXICON, "name_tail_links"))
    join = alt(knowledge.phrases(LEXICON, "supplement_joins"))
    word = r"[A-Z][\w\-’']+"
    treaty = rf"the\s+(?:\d{{4}}\s+)?(?:{word}\s+){{0,6}}?(?:{head})\b"
    return re.compile(
        rf"\s+(?:{link})\s+{treaty}(?:\s+(?:{tail})\s+(?:the\s+)?{word}(?:\s+{word})*)*"
        rf"(?:\s+(?:{join})\s+{treaty})?"
    )


def _agreement_name(name: str, after: str) -> bool:
    """Whether a capitalised name ending in an agreement word names an agreement: not a
    foundation's or a party's ("the Gates Foundation Initiative", "the Democratic National
    Convention"); a convention is a treaty when it is one "on", "against" or "for" something."""
    words = {w.lower() for w in name.split()}
    if words & knowledge.words(LEXICON, "not_agreements"):
        return False
    if any(name.endswith(a) for a in knowledge.phrases(LEXICON, "alliance_names")):
        return False  # "the then-members of NATO and the Warsaw Pact": an alliance (round 15)
    if name.split()[-1].lower() == "initiative":
        return False
    if name.split()[-1].lower() == "convention":
        if words & knowledge.words(LEXICON, "party_convention_words"):
            return False
        links = alt(knowledge.phrases(LEXICON, "convention_links"))
        return bool(re.match(rf"\s+(?:{links})\b", after))
    return True


def _unnamed_peace_treaty(
    ctx: Context, refs: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    """ "a draft treaty" in an article about peace between two states is their peace treaty,
    named after them ("Armenia–Azerbaijan peace treaty"). Its words stay readable as cues."""
    text = ctx.article.text
    if not _peace_context().search(text):
        return []
    found = [
        m
        for m in _unnamed_peace().finditer(text)
        if not any(r.start <= m.start() < r.end for r in refs)
    ]
    if not found:
        return []  # the article-wide pair is read only for an accord to name (speed8)
    dominant = _fallback_pair(ctx)
    out = []
    for m in found:
        if _cessation_purpose().match(text, m.end()):
            continue  # "a peace accord to end armed hostilities": a cessation of hostilities
        signers = _signing_sides(ctx, m.start())
        if len(signers) < 2 and not set(signers) <= set(dominant):
            continue  # "A's leader and B will sign": B is no side of the dominant pair
        pair = signers if len(signers) >= 2 else dominant
        if len(pair) < 2:
            continue
        names = [_SHORT_NAMES.get(p, short_name(ctx, p)) for p in pair]
        word = _PEACE_NAME_NOUNS.get(m.group("word").lower(), m.group("word").lower())
        name = f"{'–'.join(names)} peace {word}"
        key = "peace:" + name
        known.setdefault(key, _Known(key=key, name=name, kind=_kind_of(name), parties=pair))
        out.append(AgreementRef(key, m.start(), m.end(), False))
    return out


def _fallback_pair(ctx: Context) -> list[str]:
    """The sides of a peace accord whose sentence names none: the two states the article
    mentions most; none when the pair it shows negotiating has an armed movement, which the
    count of states cannot see (a Kenyan dateline and Sudan are no sides of the Sudan–SPLM/A
    peace), and which its own sentence must then name."""
    pair = _document_sides(ctx)[1]
    if len(pair) == 2 and any(not is_state(ctx, p) for p in pair):
        return []
    return sorted(_dominant_pair(ctx))


def _signing_sides(ctx: Context, at: int) -> list[str]:
    """The two sides that sign, agree to or keep the peace accord mentioned at ``at`` in its
    own sentence ("the government and the rebel movement signed a peace accord"): they name
    it before the article's two dominant states, which miss an armed movement and may be a
    mediator and its host ("in Kenya's capital Nairobi"). One side alone when the sentence
    names only one."""
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return []
    tok = span.root
    between = _between(ctx, tok)
    if len(between) >= 2:
        return sorted(between[:2])
    # Only the subject of the verb the accord is the object of ("A and B signed a peace
    # accord"): "A and B shook hands during the signing of the peace agreement" tells a
    # ceremony, perhaps of an agreement the article names otherwise.
    noun = tok.head if tok.dep_ in ("det", "amod", "compound") else tok
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.pos_ not in ("VERB", "AUX"):
        return []
    # "NAIROBI, Jan 3 (Xinhua) — A and B will sign": the parser may take the dateline's city
    # for a subject; the state of a dateline signs nothing.
    top = dateline_end(ctx.doc, span.sent.start) or 0
    at_actor = actor_at(ctx)
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    toks = [t for s in subj for t in s.subtree if t.i >= top]
    sides = parties_of(ctx, [at_actor[t.i] for t in toks if t.i in at_actor])
    return sorted(sides[:2]) if len(sides) >= 2 else sides


def _unnamed_topic_treaties(
    ctx: Context, refs: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    """ "Kyrgyzstan and Tajikistan initialled the border treaty": the two sides' treaty on
    that subject ("Kyrgyzstan–Tajikistan border treaty"), its sides taken from the sentence,
    else from the sides the article shows negotiating. A deal named by what it is for ("a
    deal to normalise relations") is named by that topic ("A–B normalisation agreement")."""
    out: list[AgreementRef] = []
    found = [(m, m.group("topic").lower()) for m in _unnamed_topic().finditer(ctx.article.text)]
    # "an EU-backed deal to normalise relations": the sides' normalisation agreement.
    found += [
        (m, _purpose_topic(m.group("verb"))) for m in _unnamed_purpose().finditer(ctx.article.text)
    ]
    # "a UN-brokered deal to resume grain exports": the sides' grain export agreement.
    found += [
        (m, _goods_topic(m.group("goods") or m.group("goods2")))
        for m in _unnamed_trade_purpose().finditer(ctx.article.text)
    ]
    # "the Treaty between A and B on certain sections of the state border": their border treaty.
    found += [(m, m.group("topic").lower()) for m in _titled_between().finditer(ctx.article.text)]
    # "signed a joint protocol on demarcation": the sides' protocol.
    found += [(m, "") for m in _signed_protocols(ctx)]
    # "An accord between A and B was signed …": the two sides' accord, told by no subject.
    plain = _signed_between(ctx)
    found += [(m, "") for m in plain]
    for m, topic in sorted(found, key=lambda f: f[0].start()):
        if any(r.start <= m.start() < r.end for r in [*refs, *out]):
            continue
        if m in plain:
            key = _plain_between_key(ctx, m, known)
            if key is not None:
                out.append(AgreementRef(key, m.start(), m.end(), True))
            continue
        told = _protocol_told(m, out)
        if told is not None:  # "… signed the joint protocol": the one just told
            out.append(AgreementRef(told, m.start(), m.end(), True))
            continue
        pair = _sides_near(ctx, m.start())
        if len(pair) < 2:
            continue
        names = "–".join(short_name(ctx, p) for p in pair)
        name = " ".join(w for w in (names, topic, _topic_noun(m.group("word"))) if w)
        key = "topic:" + name
        known.setdefault(key, _Known(key=key, name=name, kind=_kind_of(name), parties=pair))
        # The mention of a trade deal ends at its noun: the words up to its purpose
        # ("today", "in Istanbul with Turkey") tell the step, not the document.
        end = m.end("word") if "goods" in m.re.groupindex else m.end()
        out.append(AgreementRef(key, m.start(), end, True))
    return out


def _protocol_told(m: re.Match[str], out: list[AgreementRef]) -> str | None:
    """ "They have signed a joint protocol. … Aripov signed the joint protocol": a protocol
    with "the" after one already told is that one (its key), whoever the sentence names."""
    if m.group("word").lower() not in knowledge.words(LEXICON, "protocol_nouns"):
        return None
    if not m.group(0).lower().startswith("the "):
        return None
    earlier = [r.key for r in out if r.key.endswith(" protocol")]
    return earlier[-1] if earlier else None


def _topic_noun(word: str) -> str:
    """ "a sea border deal" and "the maritime border agreement" are one document: an unnamed
    deal, accord or pact on a subject is named an agreement; a treaty stays a treaty."""
    low = word.lower()
    return low if low in ("treaty", "protocol") else "agreement"


def _ceasefires(
    ctx: Context, refs: list[AgreementRef], known: dict[str, _Known]
) -> list[AgreementRef]:
    """An unnamed ceasefire is the ceasefire of the sides that agree or keep it; one article's
    ceasefires between the same sides are one ("<A>–<B> ceasefire")."""
    out = []
    for start, end in _ceasefire_spans(ctx.article.text):
        if any(r.start <= start < r.end for r in refs):
            continue
        if _talks_about().match(ctx.article.text, end):
            continue  # "ceasefire negotiations", "truce talks": talks about one, no agreement
        if _of_an_earlier_year(ctx, start):
            continue  # "a ceasefire agreed in Luanda in 2024": an earlier one, not this one
        if _lasted_before(ctx.article.text, start):
            continue  # "fighting broke out after five months of truce": an earlier one
        if _listed_issue(ctx.article.text, start):
            continue  # "the issues concern: the re-establishment of the cease-fire; …"
        pair = _sides_near(ctx, start)
        if len(pair) < 2:
            continue
        name = "–".join(short_name(ctx, p) for p in pair) + " ceasefire"
        key = "ceasefire:" + name
        known.setdefault(key, _Known(key=key, name=name, kind="ceasefire", parties=pair))
        out.append(AgreementRef(key, start, end, True))
    return out


def _lasted_before(text: str, at: int) -> bool:
    """ "The war resumed after five months of humanitarian truce agreed between the parties":
    a truce told by how long it held before something that ended it is an earlier one."""
    units = alt(knowledge.words(LEXICON, "truce_length_units"))
    ended = alt(knowledge.words(LEXICON, "ended_after_words"))
    lead = text[max(0, at - 60) : at]
    lasted = rf"\b(?:{ended})\s+(?:\w+\s+){{1,2}}(?:{units})s?\s+of\s+(?:[\w-]+\s+)?$"
    return re.search(lasted, lead, re.I) is not None


def _listed_issue(text: str, at: int) -> bool:
    """Whether the words at ``at`` are an item of a list of issues ("the main issues concern:
    the re-establishment of the cease-fire; the withdrawal of forces"): a term under
    negotiation, not an agreement of its own."""
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    lead, colon, _ = text[start:at].partition(":")
    nouns = alt(knowledge.phrases(LEXICON, "issue_nouns"))
    return bool(colon) and re.search(rf"\b(?:{nouns})\b", lead, re.I) is not None


def _of_an_earlier_year(ctx: Context, at: int) -> bool:
    """Whether the sentence at ``at`` dates what it tells to a year it writes, before the
    article's ("agreed in Luanda in 2024", "last year"). "On Friday" in an article of January 3
    is a day of the year before, but names no year: the news of the week (nego18)."""
    pub = ctx.article.published_at
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if pub is None or span is None:
        return False
    sent = span.sent
    return any(
        sent.start_char <= d.start < sent.end_char
        and d.value is not None
        and d.value[:4].isdigit()
        and int(d.value[:4]) < pub.year
        and (d.precision != "day" or re.search(r"\d{4}", d.text or "") is not None)
        for d in ctx.analysis.dates
    )


def _sides_near(ctx: Context, at: int) -> list[str]:
    """The two sides of an agreement mentioned at ``at``: those "between" whom it is, else the
    subject that agrees or keeps it ("Israel and Hamas agreed to a truce"), else those of an
    agreement or talks event in its sentence, else the pair the article shows negotiating."""
    span = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None:
        return []
    tok, sent = span.root, span.sent
    mediators, pair = _document_sides(ctx)
    for found in (
        _between(ctx, tok),
        _acting_sides(ctx, tok),
        _with_sides(ctx, tok),
        _event_sides(ctx, sent),
    ):
        sides = [s for s in found if s not in mediators]
        if len(sides) >= 2:
            return sorted(sides[:2])
    return list(pair)


def _document_sides(ctx: Context) -> tuple[list[str], list[str]]:
    """The article's mediators and the pair it shows negotiating, read once per document (in
    the Doc's ``user_data``): each agreement mention asks, and reading the whole text for each
    would make long articles quadratic."""
    key = f"parley.agreements.document_sides.{len(ctx.analysis.events)}"
    cached = ctx.doc.user_data.get(key)
    if cached is None:
        mediators = [m for st in doc_sents(ctx.doc) for m in mediators_in(ctx, st)]
        cached = (mediators, negotiating_pair(ctx, mediators))
        ctx.doc.user_data[key] = cached
    return cached


def _between(ctx: Context, tok: Token) -> list[str]:
    """ "a ceasefire between Thailand and Cambodia"."""
    at = actor_at(ctx)
    head = tok.head if tok.dep_ == "compound" else tok
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "between"]
    preps += [t for t in tok.sent if t.dep_ == "prep" and t.lower_ == "between"]
    for c in preps:  # "mediation between Israel and Hamas, which resulted in a truce"
        sides = parties_of(ctx, [at[t.i] for t in c.subtree if t.i in at])
        if len(sides) >= 2:
            return sides
    return []


def _acting_sides(ctx: Context, tok: Token) -> list[str]:
    at = actor_at(ctx)
    for head in tok.ancestors:
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return parties_of(ctx, [at[t.i] for s in subj for t in s.subtree if t.i in at])
    return []


def _with_sides(ctx: Context, tok: Token) -> list[str]:
    """ "The Knesset approved the normalisation deal with the United Arab Emirates", "X signed a
    peace treaty with Y": the side that acts and the one the deal is "with". Only when the
    acting side is one: when both sides act, those they sign "with" are witnesses (round 15)."""
    acting = _acting_sides(ctx, tok)
    if len(acting) != 1:
        return []
    at = actor_at(ctx)
    head = tok.head if tok.dep_ == "compound" else tok
    holders = (head, _governing_verb(head))
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
    others = parties_of(ctx, [at[t.i] for p in preps for t in p.subtree if t.i in at])
    return [*acting, *(o for o in others if o not in acting)]


def _event_sides(ctx: Context, sent: SpacySpan) -> list[str]:
    for ev in ctx.analysis.events:
        if sent.start_char <= ev.evidence.start < sent.end_char and ev.type in (
            "AGREE",
            "CONSULT",
            "CONCEDE",
        ):
            sides = parties_of(ctx, [*ev.source, *ev.target])
            if len(sides) >= 2:
                return sides
    return []


def _new_draft(known: dict[str, _Known], ref: AgreementRef) -> _Draft:
    k = known.get(ref.key)
    if k is not None:
        return _Draft(ref.key, k.name, k.kind, list(k.parties))
    return _Draft(ref.key, ref.key.split(":", 1)[1], "channel")


def _kind_of(name: str) -> str:
    last = name.split()[-1].lower()
    return "treaty" if last in knowledge.words(LEXICON, "treaty_words") else "agreement"


def _not_a_status(tok: Token, refs: list[AgreementRef]) -> bool:
    """Cues that name an act without stating it happened to the agreement."""
    return (
        _is_background(tok)
        or _obligation(tok)
        or _generic_rule(tok)
        or _modifier_noun(tok)
        or _other_object(tok, refs)
        or _describes_another(tok, refs)
        or _a_shared_view(tok)
        or _procedure_topic(tok)
        or _another_document(tok, refs)
        or _another_signed(tok, refs)
    )


def _another_signed(tok: Token, refs: list[AgreementRef]) -> bool:
    """ "In addition to the border agreement, the Agreement on joint management of water
    resources was previously signed": the step's subject is another document, told by its
    subject matter ("the agreement on …") where no mention reads it, so the step is not the
    mentioned one's."""
    if tok.pos_ != "VERB":
        return False
    own = [r for r in refs if r.key != "cue"]
    for subj in (c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")):
        if subj.lemma_.lower() not in _AGREEMENT_NOUNS or not _outside(subj, own):
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("on", "of") for c in subj.children):
            return True
    return False


def _another_document(tok: Token, refs: list[AgreementRef]) -> bool:
    """ "signed a protocol, which will allow negotiating a new draft agreement": a cue that is
    itself an indefinite agreement noun no mention covers names another document, still to
    be made, not a step of the one the sentence mentions."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _AGREEMENT_NOUNS:
        return False
    if tok.dep_ == "attr":  # "the treaty is still a draft agreement": the mention itself
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return False
    return _outside(tok, [r for r in refs if r.key != "cue"])


def _procedure_topic(tok: Token) -> bool:
    """ "a legislative package regarding the ratification was posted": a step named as what a
    bill or package is about; the document is tabled, the step not yet taken."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in knowledge.words(
        LEXICON, "procedure_topic_prepositions"
    ):
        return False
    return prep.head.lemma_.lower() in knowledge.words(LEXICON, "procedure_document_nouns")


def _a_shared_view(tok: Token) -> bool:
    """ "They agreed on the need for a ceasefire": a cue verb whose object is a need (or its
    importance) states a view the two share, not that the agreement was reached."""
    views = knowledge.words(LEXICON, "view_nouns")
    if tok.pos_ != "VERB":
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    objects += [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(o.lemma_.lower() in views for o in objects)


def _outside(tok: Token, refs: list[AgreementRef]) -> bool:
    """Whether the phrase ``tok`` heads lies outside every agreement mention."""
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return not any(r.start < end and start < r.end for r in refs)


def _other_subject(tok: Token, refs: list[AgreementRef]) -> bool:
    """A cue of what happens to the agreement itself (it begins, takes effect, expires) whose
    subject is something else ("talks were to begin on August 8", "both deadlines have
    expired") says nothing about the agreement."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    verb = tok.head if tok.dep_ == "xcomp" else tok  # "talks were to begin"
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.pos_ != "NOUN" or subj.lemma_.lower() in _AGREEMENT_NOUNS:
            return False
        return _outside(subj, refs)
    return False


def _due(verb: Token) -> bool:
    """ "The swap is due (expected, set, scheduled) to take place": a plan, not a fact."""
    for t in (verb, *verb.ancestors):
        if t.lemma_.lower() in knowledge.words(LEXICON, "due_words"):
            return True
        if any(c.lemma_.lower() in knowledge.words(LEXICON, "due_words") for c in t.children):
            return True
        if t.dep_ == "ROOT":
            break
    return False


def _amendments_agreed(tok: Token) -> bool:
    """ "Had been holding out until amendments were agreed": changes to a text agreed are a
    step of its negotiation, not the agreement itself agreed (round 16)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    nouns = knowledge.words(LEXICON, "amendment_nouns")
    return any(
        c.dep_ in ("nsubjpass", "nsubj", "dobj") and c.lemma_.lower() in nouns
        for c in verb.children
    )


def _left_another(ctx: Context, tok: Token, refs: list[AgreementRef]) -> bool:
    """ "Abandoned hopes of saving the agreement": a verb of leaving whose object is another
    noun, the agreement only inside it, leaves that noun (nego18: "is abandoning a 2018
    agreement", "scrapped the accord" leave the agreement). A state as the object ("voted to
    withdraw Russia from the treaty") is the one that leaves (nego22)."""
    if tok.pos_ != "VERB":
        return False
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "obj")):
        if obj.pos_ == "PRON" or obj.lemma_.lower() in _AGREEMENT_NOUNS:
            continue
        if _withdrawn_state(ctx, tok) is not None:
            continue
        if not any(r.start <= obj.idx < r.end for r in refs):
            return True
    return False


def _describes_another(tok: Token, refs: list[AgreementRef]) -> bool:
    """A participle describing an agreement named by others no mention covers ("the A-B deal
    signed in June", recalled in an article about another deal) is that other agreement's
    step; "the accord sealed in Vienna in 2015, known as …" names no one and stays."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and head.lemma_.lower() in _AGREEMENT_NOUNS
        and any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in head.children)
        and not any(r.start <= head.idx < r.end for r in refs)
    )


def _obligation(tok: Token) -> bool:
    """ "must be ratified", "still has to ratify it": a requirement, not a status."""
    for t in (tok, *tok.ancestors):
        if any(c.lower_ in _OBLIGATION_MODALS for c in t.children if c.dep_ in ("aux", "auxpass")):
            return True
        if t.dep_ in ("xcomp", "ccomp") and t.head.lemma_ in _OBLIGATION_HEADS:
            return True
        if t.dep_ in ("ROOT", "ccomp", "conj") or t.pos_ == "NOUN":
            return False
    return False


def _generic_rule(tok: Token) -> bool:
    """ "enters into force when the instruments are exchanged", "can be renewed with the
    consent of the parties": a rule of the text, no event."""
    verb = _governing_verb(tok)
    if _on_consent(verb):
        return True
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    clauses = [c for c in verb.children if c.dep_ == "advcl"]
    if verb.dep_ == "advcl":
        clauses.append(verb)
    return any(
        m.dep_ in ("mark", "advmod") and m.lower_ in _CONDITION_MARKS
        for c in clauses
        for m in c.children
    )


def _on_consent(verb: Token) -> bool:
    """ "The truce could be renewed with the consent of the parties": what the text allows
    on a condition, not a step anyone expects."""
    nouns = knowledge.words(LEXICON, "consent_nouns")
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and _governing_verb(c).i == verb.i
        and g.dep_ == "pobj"
        and g.lemma_.lower() in nouns
        for c in verb.subtree
        for g in c.children
    )


def _modifier_noun(tok: Token) -> bool:
    """ "the ratification law", "instruments of ratification": the cue qualifies another noun."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ == "compound":
        return True
    head = tok.head
    return (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and (head.head.lemma_.lower() in _INSTRUMENT_NOUNS)
        and not _exchanged(head.head)
    )


def _exchanged(instrument: Token) -> bool:
    """ "exchanged instruments of ratification", "the exchange of instruments of
    ratification": the exchange completes the ratification it documents."""
    lemmas = knowledge.words(LEXICON, "instrument_exchange_lemmas")
    head = instrument.head
    if instrument.dep_ == "dobj" and head.lemma_.lower() in lemmas:
        return True
    return head.lower_ == "of" and head.head.lemma_.lower() in lemmas


def _exchange_told_undated(ctx: Context, tok: Token) -> bool:
    """ "X and Y exchanged instruments of ratification of the Treaty …" in a report that gives
    no day at all: the exchange is a ceremony of the two sides' meeting, and the report is
    its news, so it took place on the day of the report. A text that names any day leaves
    the exchange undated (it may be that day or another)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return False
    instrument = tok.head.head
    if instrument.lemma_.lower() not in _INSTRUMENT_NOUNS or not _exchanged(instrument):
        return False
    verb = instrument.head if instrument.dep_ == "dobj" else instrument.head.head
    if verb.tag_ != "VBD" or _hedged(verb):
        return False
    return not any(d.value and len(d.value) == 10 for d in ctx.analysis.dates)


def _other_object(tok: Token, refs: list[AgreementRef]) -> bool:
    """A cue verb whose object is something else ("signed the ratification law", "observe a
    drill") says nothing about the agreement."""
    if tok.pos_ == "NOUN":
        return _of_another(tok, refs)
    if tok.pos_ != "VERB":
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if tok.lemma_.lower() == "agree":
        # "X agreed (in principle) to a peace plan": what X accepted is the plan (round 15).
        objects += [
            g for c in tok.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"
        ]
    for obj in objects:
        if obj.pos_ == "PRON" or obj.lemma_.lower() in _AGREEMENT_NOUNS:
            return False
        span = (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
        if not any(r.start < span[1] and span[0] < r.end for r in refs):
            return True
    return False


def _of_another(noun: Token, refs: list[AgreementRef]) -> bool:
    """A cue noun whose "in"/"of" names another thing ("the freeze in relations", "the
    withdrawal of troops") tells nothing of the agreement (round 17). Only the things of
    ``cue_noun_other_objects``: "the signing of the two protocols" is still a signing."""
    preps = knowledge.words(LEXICON, "cue_noun_object_preps")
    others = knowledge.words(LEXICON, "cue_noun_other_objects")
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            span = (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
            covered = any(r.start < span[1] and span[0] < r.end for r in refs)
            if obj.lemma_.lower() in others and not covered:
                return True
    return False


def _is_background(tok: Token) -> bool:
    """A participle describing an agreement ("the treaty signed by …") states no news."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and not any(c.ent_type_ == "DATE" for c in tok.subtree)
    )


def _refine(status: str, tok: Token, ctx: Context, sent: SpacySpan) -> str | None:
    """Adjust a cue's status by its grammar; None when the cue is not a status statement."""
    lemma = tok.lemma_.lower()
    if status == "expired" and lemma == "expiration":
        # "before/after its expiration" frames another statement; it is not one itself.
        return None
    if status == "expiring" and tok.tag_ in ("VBD", "VBN") and not _future(tok):
        return "expired"
    if status == "extension proposed" and lemma == "extend" and _done_or_doing(tok):
        return "extended"
    if status == "extension proposed" and _reached_on(tok) is not None:
        return "agreed"  # "notes on reaching an agreement on the extension": agreed by both
    if status == "extension proposed" and _announced(tok):
        # "X announced a five-year extension": one side's word; the extension is agreed only
        # when the text tells the other side's consent ("with Russia", "Moscow agreed").
        return "extended" if _consent_told(ctx, tok) else status
    if status == "suspended" and tok.head.lemma_ in knowledge.words(LEXICON, "resumption_lemmas"):
        return None
    if status == "suspended" and _suspends_fighting(tok):
        return None  # "an accord calling for a suspension of hostilities": what it provides
    if status == "observed informally" and tok.pos_ != "VERB":
        return None  # "observers from Qatar" observe nothing of the text
    if status == "observed informally" and _promised(tok):
        return None  # "committed to honouring the agreement": a promise, not the practice
    if status == "observed informally" and _a_work_complies(tok):
        return None  # "the projects fully comply with the treaty": a claim about works
    if status == "signed" and _no_signing(tok):
        return None
    if _a_chance(tok) or _failed(tok):
        return None  # "had a final opportunity to honor the treaty but failed", "fails to comply"
    if status in ("extended", "extension proposed") and _may_be_done(tok):
        return None  # "the deal may be renewed without further talks": what the text allows
    if _as_it_was(tok):
        return None  # "will remain in effect exactly as it had been signed": the text as it is
    if status == "signed" and _signed_off(tok):
        return "text agreed"
    concluded = knowledge.words(LEXICON, "concluded_lemmas")
    if status == "under negotiation" and any(t.lemma_.lower() in concluded for t in tok.ancestors):
        return "text agreed"  # "the negotiations on the draft agreement have been concluded"
    if status == "agreed" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return None  # "as agreed by the two countries": a reference to terms, no new agreement
    if status == "agreed" and any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "agreed to sign the treaty": the signing is the status, still to come
    if status == "agreed" and _on_implementation(tok):
        return "implementation agreed"
    return status


def _a_work_complies(tok: Token) -> bool:
    """ "India said these projects fully comply with the Treaty's provisions": a work (a dam,
    a project, a plan) that complies is a claim about the work, not a party observing the
    agreement without its being in force (round 17)."""
    works = knowledge.words(LEXICON, "complying_work_nouns")
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in works for c in tok.children)


def _suspends_fighting(tok: Token) -> bool:
    """ "a suspension of hostilities", "agreed to suspend attacks": what is suspended is the
    fighting (the content of a ceasefire), not an agreement (round 15)."""
    fighting = knowledge.words(LEXICON, "suspended_fighting_objects")
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    objects += [g for c in tok.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in fighting or o.lower_ in fighting for o in objects)


def _reached_on(tok: Token) -> Token | None:
    """The verb of reaching an agreement whose subject is the cue ("reaching an agreement on
    the extension of the treaty": the extension agreed), None elsewhere ("the hope to reach
    an agreement on the extension" is an aim; "an agreement on the extension is in the
    works" tells none reached)."""
    prep = tok.head
    deal = prep.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or deal.lemma_.lower() not in _AGREEMENT_NOUNS:
        return None
    verb = deal.head
    lemmas = knowledge.words(LEXICON, "agreement_reaching_lemmas")
    if deal.dep_ != "dobj" or verb.lemma_.lower() not in lemmas or _hedged(verb):
        return None
    # "to reach", "will reach": an aim or a plan in the base form, not an agreement reached.
    return None if verb.tag_ == "VB" else verb


def _announced(tok: Token) -> bool:
    """ "announced a five-year extension": the object of a verb of announcing, done."""
    lemmas = knowledge.words(LEXICON, "announcing_lemmas")
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in lemmas
        and tok.head.tag_ in ("VBD", "VBN", "VBZ")
        and not _hedged(tok.head)
    )


def _consent_told(ctx: Context, tok: Token) -> bool:
    """Whether the text tells the consent of a side other than the one announcing ``tok``:
    the step made "with" another state ("an extension of the treaty with Russia"), or that
    state agreeing in an event of the article."""
    announcer = country_of(ctx, _proposer(ctx, tok))
    at = actor_at(ctx)
    withs = [c for c in (*tok.subtree, *tok.head.children) if c.dep_ == "prep"]
    joint = {
        country_of(ctx, at[t.i])
        for prep in withs
        if prep.lower_ == "with"
        for t in prep.subtree
        if t.i in at
    }
    agreeing = {
        country_of(ctx, a)
        for ev in ctx.analysis.events
        if ev.type == "AGREE" and ev.status == "occurred"
        for a in ev.source
    }
    others = {s for s in joint | agreeing if s is not None and s != announcer}
    return announcer is not None and any(is_state(ctx, s) for s in others)


def _may_be_done(tok: Token) -> bool:
    """ "The agreement is valid for 120 days and may be automatically renewed": a passive
    under "may" or "can" states what the text permits, not a renewal anyone expects."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in tok.children):
        return False
    modals = knowledge.words(LEXICON, "permission_modals")
    return any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children)


def _as_it_was(tok: Token) -> bool:
    """ "remain in effect exactly as it had been signed", "as ratified": a participle after
    "as" refers to the text in the state a past step left it, and tells no step. "As they
    signed the treaty, …" (a finite verb, "while") still tells one."""
    return tok.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)


def _on_implementation(tok: Token) -> bool:
    """ "agreed on the implementation annex of the agreement", "reached an agreement on
    implementing the deal": what was agreed is how to carry out the agreement."""
    words = knowledge.words(LEXICON, "implementation_words")
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "on"):
        for what in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
            named = [what, *(c for c in what.children if c.dep_ == "compound")]
            if any(t.lemma_.lower() in words for t in named):
                return True
    return False


def _agrees_to_a_ref(tok: Token, refs: list[AgreementRef]) -> bool:
    """Whether the infinitive "agreed" governs is itself an agreement mention."""
    for c in tok.children:
        if c.dep_ == "xcomp" and any(r.start <= c.idx < r.end for r in refs):
            return True
    return False


def _agrees_to_keep_a_truce(tok: Token, refs: list[AgreementRef]) -> bool:
    """ "Both sides agreed to implement (observe, respect) the ceasefire": agreeing to keep a
    ceasefire the sides have no earlier is agreeing it, unlike "agreed to sign the treaty",
    whose signing is still to come (round 14)."""
    verbs = knowledge.words(LEXICON, "truce_keeping_verbs")
    truces = [r for r in refs if r.key.startswith("ceasefire:")]
    for c in tok.children:
        if c.dep_ != "xcomp" or c.lemma_.lower() not in verbs:
            continue
        objects = [o for o in c.children if o.dep_ in ("dobj", "obj")]
        if any(r.start <= o.idx < r.end for o in objects for r in truces):
            return True
    return False


def _promised(tok: Token) -> bool:
    """Whether the cue is what someone commits to ("are fully committed to honouring",
    "pledged to respect"): a promise about the agreement, not a report of how it is kept."""
    heads = knowledge.words(LEXICON, "commitment_heads")
    for t in list(tok.ancestors)[:3]:
        if t.lemma_.lower() in heads or t.lower_ in heads:
            return True
        if t.pos_ == "VERB" and t.dep_ == "ROOT":
            break
    return False


def _a_chance(tok: Token) -> bool:
    """ "Russia had a final opportunity to honor the treaty", "a last chance to ratify the
    accord": the step is what a side could do, and the text tells nothing of its doing (the
    sentence goes on "but failed" as often as not). The nearest noun above the cue, before any
    verb, is a word of chance."""
    chances = knowledge.words(LEXICON, "chance_nouns")
    for t in tok.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            return False
        if t.lemma_.lower() in chances:
            return True
    return False


def _failed(tok: Token) -> bool:
    """ "If Russia fails to comply with the accord", "refused to ratify the treaty": the
    infinitive a verb of failing or refusing governs is a step not taken."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in knowledge.words(
        LEXICON, "failure_verbs"
    )


def _no_signing(tok: Token) -> bool:
    """A word that only begins like "sign": "a sign that the war is over" (the noun "sign",
    an omen), "a significant step", "signalled its readiness" tell no signing. "The signing",
    "signatures", "signs the accord" still do."""
    lemma = tok.lemma_.lower()
    if lemma in knowledge.words(LEXICON, "not_signing_lemmas"):
        return True
    return lemma == "sign" and tok.pos_ == "NOUN"


def _signed_off(tok: Token) -> bool:
    """ "signed off on the text": the negotiators approved it; nobody signed the agreement."""
    return any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children)


def _implemented_under(ctx: Context, sent: SpacySpan, ref: AgreementRef) -> AgreementStatus | None:
    """ "The two sides dismantled guard posts under the agreement": a past act done under an
    agreement (lexicon ``implementation_prepositions``) is a step of carrying it out,
    "implemented", dated by that act. Not a plan or a duty ("will withdraw under the deal",
    "must remove mines under the accord"), a denial, a noun's modifier ("the posts under
    the agreement") or a clause describing a noun ("the process that led to the treaty under
    the Convention")."""
    span = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return None
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ not in _implementation_prepositions():
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or _hedged(verb):
        return None
    if verb.dep_ in ("relcl", "acl"):
        return None  # describes a noun: "the conciliation that led to …, under the Convention"
    if any(c.dep_ == "neg" for c in verb.children) or _obligation(verb):
        return None
    free = [d for d in ctx.analysis.dates if not _names_a_year(ctx, d, [ref])]
    date, _ = _dates_near(free, sent, verb)
    return AgreementStatus(
        status="implemented",
        date=date,
        by=_by(ctx, verb, "implemented"),
        evidence=Span(start=sent.start_char, end=sent.end_char, text=span_text(sent)),
        article_id=ctx.article.id,
    )


def _approved_by_body(ctx: Context, sent: SpacySpan, ref: AgreementRef) -> AgreementStatus | None:
    """ "The Israeli Knesset approved the deal", "Kyrgyzstan's cabinet endorsed the treaty",
    "the deal was approved by the Knesset": a legislature's or cabinet's approval (lexicon
    ``approval_lemmas``, ``approving_bodies``) is its state's ratification step, dated by the
    verb; expected when planned or hedged ("will vote to approve it on Monday"). Only when the
    body names its state: "the parliament approved the deal" says not whose, so nothing; a
    minister's or a party's approval is no state's step, nor is a denial or a noun's clause."""
    approving = _approving_verb(ctx, ref)
    if approving is None:
        return None
    # "the Duma voted on Friday to approve the accord": the vote's subject acted
    verb = approving.head if approving.dep_ == "xcomp" else approving
    if any(c.dep_ == "neg" for c in verb.children) or verb.dep_ in ("relcl", "acl"):
        return None
    if not _body_acts(verb):
        return None
    by = _by(ctx, verb, "ratified")
    if by is None or not is_state(ctx, by):
        return None
    free = [d for d in ctx.analysis.dates if not _names_a_year(ctx, d, [ref])]
    date, _ = _dates_near(free, sent, approving)
    published = ctx.article.published_at.isoformat() if ctx.article.published_at else ""
    later = bool(date and published and date[:10] > published[: len(date)])
    return AgreementStatus(
        status="ratified (expected)" if _hedged(verb) or later else "ratified",
        date=date,
        by=by,
        evidence=Span(start=sent.start_char, end=sent.end_char, text=span_text(sent)),
        article_id=ctx.article.id,
    )


def _approving_verb(ctx: Context, ref: AgreementRef) -> Token | None:
    """The verb of approval whose object (or passive subject) is the agreement: "approved the
    deal", "the treaty was endorsed by the Rada", "voted to approve it" (lexicon
    ``approval_voting_verbs``); not "urged the Rada to approve it"."""
    span = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = span.root.head
    if verb.lemma_.lower() not in knowledge.words(LEXICON, "approval_lemmas"):
        return None
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in _VOTING:
        return None  # "asked the Rada to approve the deal": another's wish
    return verb


def _body_acts(verb: Token) -> bool:
    """Whether the one who approves is a legislature or a cabinet: the subject of the verb, or
    the agent of its passive ("approved by the Knesset")."""
    bodies = [b.split() for b in knowledge.phrases(LEXICON, "approving_bodies")]
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for doer in doers:
        words = [t.lower_ for t in doer.subtree if t.i <= doer.i]
        if any(words[-len(b) :] == b for b in bodies):
            return True
    return False


@knowledge.derived
def _implementation_prepositions() -> frozenset[str]:
    return knowledge.words(LEXICON, "implementation_prepositions")


def _done_or_doing(tok: Token) -> bool:
    """ "extended", "were extending": the act is done or under way, not proposed."""
    if tok.tag_ in ("VBD", "VBN"):
        return True
    return tok.tag_ == "VBG" and any(
        c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in tok.children
    )


def _future(tok: Token) -> bool:
    return any(c.lemma_ in ("will", "shall") or c.tag_ == "MD" for c in tok.children)


def _hedged(tok: Token) -> bool:
    """Expected, hoped for or conditional rather than stated as fact."""
    if _modal_before(tok) or _a_condition(tok) or _be_to(tok) or _object_of_purpose(tok):
        return True
    for t in (tok, *tok.ancestors):
        if t.lemma_.lower() in _HEDGES or any(c.tag_ == "MD" for c in t.children):
            return True
        if t.dep_ == "ROOT":
            break
    return False


def _object_of_purpose(tok: Token) -> bool:
    """ "in the room to watch the signing", "flew in to attend the signing": a step named as
    what an infinitive of purpose is for is still to come when the text tells it (round 17)."""
    verb = tok.head
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ in ("dobj", "obj")
        and verb.tag_ == "VB"
        and verb.dep_ in ("advcl", "acl", "xcomp", "relcl", "pcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _be_to(tok: Token) -> bool:
    """ "The two ministers are to sign an accord", "the treaty was to be ratified": "be to"
    tells a plan, still to come (round 17)."""
    return (
        tok.dep_ == "xcomp"
        and tok.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _modal_before(tok: Token) -> bool:
    """ "will be re-established", "would have been restored": a modal right before the verb's
    auxiliaries, however the parser hung them ("re-" parsed as the verb, "will" on "be")."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].lemma_ in ("be", "have") and tok.doc[i].pos_ == "AUX":
        i -= 1
    return i < tok.i - 1 and i >= 0 and tok.doc[i].tag_ == "MD"


def _a_condition(tok: Token) -> bool:
    """ "Once ratified, the agreement enters into force", "until the UAE ratifies the
    agreement": the step is the condition of another, still to come (round 15). A past verb
    after "when" tells a fact ("when Russia signed the treaty in 1992")."""
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in _CONDITION_MARKS for c in tok.children):
        return False
    past = {"VBD"}
    if tok.tag_ in past:
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ in past for c in tok.children)


def _dates_near(
    dates: list[TimeExpression], sent: SpacySpan, tok: Token
) -> tuple[str | None, str | None]:
    """The date the cue governs, and ``until`` for a duration ("for another six months").

    A date belongs to the cue when its governing verb is the cue's own verb or, failing that,
    the nearest verb above it in the same clause chain ("voted on Thursday to ratify"); verbs
    of saying are not climbed, since "said on Thursday" dates the report, not the act.
    """
    doc = sent.doc
    chain = _verb_chain(_governing_verb(tok))
    dash = doc_text(doc).find("—")
    dateline_end = dash if 0 < dash < 80 else 0  # "ASHGABAT, July 9 (Reuters) —" dates the wire
    best: tuple[int, TimeExpression] | None = None
    for d in dates:
        if not (sent.start_char <= d.start < sent.end_char) or not d.value:
            continue
        if d.end <= dateline_end:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        verb = _governing_verb(span.root) if span is not None else None
        if verb is None or verb not in chain:
            continue
        rank = chain.index(verb) * 1000 + min(abs(d.start - tok.idx), 999)
        if best is None or rank < best[0]:
            best = (rank, d)
    if best is None:
        return None, None
    d = best[1]
    if d.precision == "approximate" and d.end_value is not None:
        return None, d.value
    return d.value, None


_NAME_LABELS = frozenset({"GPE", "LOC", "PERSON", "FAC", "NORP"})


def _a_name(tok: Token) -> bool:
    """Whether a cue matched a place's or person's name ("Quito"), not a word of its own."""
    return tok.ent_type_ in _NAME_LABELS and tok.pos_ == "PROPN"


def _names_a_year(ctx: Context, d: TimeExpression, refs: list[AgreementRef]) -> bool:
    """A year that is part of a name ("the 1985 Treaty", "the 2019 Supplementary Treaty"),
    or the date a title gives its document ("the Treaty on … Offensive Arms of April 8,
    2010"): the day the document was made, never the day of a step told now."""
    if any(r.start <= d.start < r.end for r in refs):
        return True
    span = ctx.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or d.value is None:
        return False
    root = span.root
    if _dated_title(root):
        return True
    if len(d.value) != 4:
        return False
    return root.dep_ in ("compound", "nummod", "amod") and root.head.pos_ in ("NOUN", "PROPN")


def _a_deadline(ctx: Context, d: TimeExpression) -> bool:
    """ "to complete the extension by February 5": the day a step is due, not when it was taken."""
    span = ctx.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    preps = knowledge.words(LEXICON, "deadline_prepositions")
    return root.dep_ == "pobj" and root.head.lower_ in preps or d.text.lower().split()[0] in preps


def _dated_title(root: Token) -> bool:
    """ "the Treaty on … Strategic Offensive Arms of April 8, 2010": a date hung by "of" on a
    capitalised word of a title. "the signing of April 8" (a common noun) is a step's day."""
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    owner = root.head.head
    return owner.pos_ in ("NOUN", "PROPN") and owner.text[:1].isupper() and owner.i > 0


@knowledge.derived
def _same_day_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alt(knowledge.phrases(LEXICON, 'same_day_phrases'))})\b", re.I)


def _same_day(ctx: Context, dates: list[TimeExpression], sent: SpacySpan, tok: Token) -> str | None:
    """ "exchanged notes on Wednesday, and the agreement entered into force on the same day":
    a step told as on "the same day" takes the day of the step just told, the last dated
    day before it in its sentence, else in the sentence before."""
    chain = _verb_chain(_governing_verb(tok))
    said = None
    for m in _same_day_re().finditer(span_text(sent)):
        span = ctx.doc.char_span(
            sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
        )
        if span is not None and _governing_verb(span.root) in chain:
            said = sent.start_char + m.start()
    if said is None:
        return None
    prev = _previous_sentence(sent)
    since = prev.start_char if prev is not None else sent.start_char
    before = [d for d in dates if d.value and d.precision == "day" and since <= d.start < said]
    return max(before, key=lambda d: d.start).value if before else None


def _reported_on(ctx: Context, sent: SpacySpan, tok: Token) -> str | None:
    """The day of the verb that reports the cue's clause ("announced on Thursday")."""
    above = set(tok.ancestors)
    for d in ctx.analysis.dates:
        if not (sent.start_char <= d.start < sent.end_char) or not d.value:
            continue
        span = ctx.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and _governing_verb(span.root) in above:
            return d.value
    return None


def _verb_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it complements ("voted … to ratify"), short of verbs of saying."""
    # "Lebanon signed and delivered its copy on Thursday": verbs joined under one subject
    # share the time written after the last of them.
    chain = [verb, *_shared_conjuncts(verb)]
    while verb.dep_ == "xcomp" and verb.head.lemma_.lower() not in _SPEECH_VERBS:
        verb = verb.head
        chain.append(verb)
    # "exchanged on December 22 the documents ratifying the treaty", "took a final step on
    # Thursday, signing a ceasefire": the verb the participle hangs on dates it
    if verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBG":
        head = _governing_verb(verb.head)
        if head is not verb and head.lemma_.lower() not in _SPEECH_VERBS:
            chain.append(head)
    return chain


def _shared_conjuncts(verb: Token) -> list[Token]:
    """The verbs joined to ``verb`` by "and" that have no subject of their own."""
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and c.i > verb.i
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]


def _governing_verb(tok: Token) -> Token:
    for t in (tok, *tok.ancestors):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return tok


def _past_passive(verb: Token) -> bool:
    """ "Were released", or "after being released" (a passive gerund after "after")."""
    if verb.tag_ != "VBN":
        return False
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    after = verb.dep_ == "pcomp" and verb.head.lower_ == "after"
    return any(a.tag_ == "VBD" or (a.tag_ == "VBG" and after) for a in aux)


def _published(ctx: Context) -> str | None:
    return ctx.article.published_at.isoformat() if ctx.article.published_at else None


def _present_progressive(tok: Token) -> bool:
    """ "(announced that) it is abandoning the agreement": an act under way as it is told,
    dated by the verb that tells it (nego18)."""
    return tok.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in tok.children
    )


def _present_perfect(tok: Token) -> bool:
    """Whether the cue sits under a present-perfect verb ("have agreed to resume"), or under
    its reported form ("officials said on Thursday that they had agreed the text")."""
    for t in (tok, *tok.ancestors):
        if t.tag_ == "VBD":
            # "… the treaty, which had allowed flights before Trump withdrew from the pact":
            # an act told in the simple past has its own time, not the perfect's above it.
            return False
        reported = t.dep_ == "ccomp" and t.head.lemma_.lower() in _SPEECH_VERBS
        tenses = ("VBP", "VBZ", "VBD") if reported else ("VBP", "VBZ")
        if t.tag_ == "VBN" and any(c.lemma_ == "have" and c.tag_ in tenses for c in t.children):
            return True
        if t.dep_ == "ROOT":
            break
    return False


def _withdrawn_state(ctx: Context, tok: Token) -> str | None:
    """The state a verb of leaving takes as its object ("the Duma voted to withdraw Russia
    from the treaty"): the one that leaves, whoever voted (nego22)."""
    if tok.lemma_.lower() not in knowledge.words(LEXICON, "state_object_leaving_verbs"):
        return None
    at = actor_at(ctx)
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "obj")):
        found = at.get(obj.i)
        if found is not None and is_state(ctx, found):
            return found
    return None


def _voted_to(tok: Token) -> bool:
    """ "has voted to withdraw from the treaty": a vote decides the step, which the
    government takes after it: expected, not done (nego22)."""
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _VOTING


def _by(ctx: Context, tok: Token, status: str) -> str | None:
    """Who proposed (the actor) or who acted (its state) for statuses that have an actor."""
    if status in ("extension proposed", "proposed"):
        return _proposer(ctx, tok)
    if status not in _ACTED:
        return None
    if status == "withdrawn" and (state := _withdrawn_state(ctx, tok)) is not None:
        return state
    actor = _proposer(ctx, tok) or _speaker_of_itself(ctx, tok)
    led = led_movement(ctx, actor) if actor is not None else None
    return led or country_of(ctx, actor) or actor


def _accused_by(ctx: Context, tok: Token, status: str) -> str | None:
    """ "the treaty that Washington repeatedly said Moscow flagrantly violated": a breach told
    only as what a speaker said (lexicon ``accusation_statuses``) is that speaker's
    accusation; the step keeps its actor and names who claims it (nego20)."""
    if status not in knowledge.words(LEXICON, "accusation_statuses") or tok.dep_ != "ccomp":
        return None
    speech = tok.head
    if speech.lemma_.lower() not in _SPEECH_VERBS:
        return None
    at = actor_at(ctx)
    speakers = [c for c in speech.children if c.dep_ == "nsubj"]
    ids = [at[t.i] for s in speakers for t in s.subtree if t.i in at]
    return (country_of(ctx, ids[0]) or ids[0]) if ids else None


def _speaker_of_itself(ctx: Context, tok: Token) -> str | None:
    """ "North Korea announced that it is abandoning the agreement": the act's subject is "it"
    in a clause the speaker tells of itself, so the speaker acted (nego18)."""
    pronouns = knowledge.words(LEXICON, "self_reference_pronouns")
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in _SPEECH_VERBS:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in pronouns for c in tok.children):
        return None
    at = actor_at(ctx)
    speakers = [c for c in tok.head.children if c.dep_ == "nsubj" and c.i in at]
    return at[speakers[0].i] if speakers else None


def _proposer(ctx: Context, tok: Token) -> str | None:
    """The subject of the verb that governs a proposal ("X has been pressing … an extension")."""
    below = tok
    for head in (tok, *tok.ancestors):
        if head is not tok and _speaks_about(head, below):
            # "X said that at a meeting right after the ceremony to exchange the documents
            # ratifying …": the one who speaks is not the one who acted.
            return None
        below = head
        # The subject nearest the verb: a wire dateline ("AVAZA, Turkmenistan (Reuters) — The
        # presidents … signed") is often parsed as a first, spurious subject.
        skip = onlookers(tok.sent)
        subjects = sorted(
            (
                c
                for c in head.children
                if c.dep_ in ("nsubj", "nsubjpass", "agent") and c.i not in skip
            ),
            key=lambda c: abs(c.i - head.i),
        )
        if subjects:
            return _actor_of_subject(ctx, subjects[0])
    return None


def _speaks_about(head: Token, child: Token) -> bool:
    """Whether ``head`` is a verb of speech reached from what is said about, not from its
    object: "X said (that) …" tells X's words; "X announced its ratification" X's act. A
    "that" parsed as the object is the clause's complementizer, not what is announced."""
    if head.lemma_.lower() not in _SPEECH_VERBS:
        return False
    return child.dep_ not in ("dobj", "nsubj") or child.lower_ == "that"


def _actor_of_subject(ctx: Context, subject: Token) -> str | None:
    at = actor_at(ctx)
    # A wire credit parsed into the subject ("(Reuters) — X ratified") never acts.
    ids = [
        at[t.i]
        for t in subject.subtree
        if t.i in at and not (at[t.i] in ctx.kb and ctx.kb[at[t.i]].kind == "media outlet")
    ]
    # "Turkmenistan's parliament": the state acts, whatever the body is taken for.
    states = list(dict.fromkeys(i for i in ids if is_state(ctx, i)))
    if states and _joined_group(ctx, subject):
        return None  # "the government and the rebels signed": the two sides acted together
    if states:
        return states[0] if len(states) == 1 else None  # several states acted together
    countries = {led_movement(ctx, i) or ctx.kb[i].country if i in ctx.kb else i for i in ids}
    if len(countries) > 1:
        return None  # "Tokayev and Berdimuhamedov signed": the parties acted together
    return ids[0] if ids else None


def _joined_group(ctx: Context, subject: Token) -> bool:
    """Whether an armed group is joined to the subject by "and" ("the government of Ethiopia
    and the TPLF"), not merely named inside it ("the army's offer the RSF rejected")."""
    at = actor_at(ctx)
    for t in subject.subtree:
        found = at.get(t.i)
        if found is None or found not in ctx.kb or ctx.kb[found].kind != "group":
            continue
        path = [t, *(a for a in t.ancestors if a.i != subject.i and subject.is_ancestor(a))]
        if any(a.dep_ == "conj" for a in path):
            return True
    return False


def _previous_sentence(sent: SpacySpan) -> SpacySpan | None:
    if sent.start == 0:
        return None
    return sent.doc[sent.start - 1].sent


def _session_day(ctx: Context, sent: SpacySpan) -> str | None:
    """ "The centerpiece of the session was an agreement to exchange …": a deal reached at the
    article's one meeting is dated by that meeting's day, when the text gives one day only."""
    words = knowledge.words(LEXICON, "meeting_words")
    if not any(t.lemma_.lower() in words or t.lower_ in words for t in sent):
        return None
    days = {
        e.date.value
        for e in ctx.analysis.events
        if e.type == "CONSULT" and e.status == "occurred" and e.date is not None
        if e.date.text and e.date.precision == "day" and e.date.value
    }
    return days.pop() if len(days) == 1 else None


@knowledge.derived
def _apposition_gap() -> re.Pattern[str]:
    """What stands between a name and another name of the same agreement: "New START (the
    Treaty on …)", "the Caspian Pact, also known as the Aktau Treaty"."""
    links = alt(knowledge.phrases(LEXICON, "alias_links"))
    return re.compile(rf"\s*\(\s*(?:the\s+)?|,?\s+(?:{links})\s+(?:the\s+)?", re.I)


@knowledge.derived
def _located_alias_gap() -> re.Pattern[str]:
    """ "a ceasefire in northern Shan State known as the Haigeng Agreement": a short phrase of
    place or scope between a described agreement and the name it is "known as"."""
    links = alt(knowledge.phrases(LEXICON, "alias_links"))
    scope = alt(knowledge.phrases(LEXICON, "alias_scope_prepositions"))
    return re.compile(
        rf"\s+(?:{scope})\s+[^.;:!?()]{{1,50}}?,?\s+(?:{links})\s+(?:the\s+)?",
        re.I,
    )


def _described_then_named(a: AgreementRef, gap: str) -> bool:
    """A described truce or treaty (the sides' ceasefire, their border treaty) and, after its
    place or scope, the name it is known as: one agreement (round 17)."""
    described = a.key.startswith(("ceasefire:", "topic:", "peace:"))
    return described and _located_alias_gap().fullmatch(gap) is not None


def _apposed_names(text: str, refs: list[AgreementRef], data: set[str]) -> list[AgreementRef]:
    """Two names of one agreement side by side, the second in brackets or after "known as",
    are one agreement: every reference to the second name is one to the first (to the one
    Parley knows from its data, when it knows one of them). ``refs`` is in text order."""
    named = [r for r in refs if r.named]
    same: dict[str, str] = {}
    for a, b in zip(named, named[1:], strict=False):
        if a.key == b.key or b.start < a.end:
            continue
        gap = text[a.end : b.start]
        bracket = "(" in gap
        if _apposition_gap().fullmatch(gap) is None and not _described_then_named(a, gap):
            continue
        if bracket and not text[b.end :].lstrip().startswith(")"):
            continue  # "the Aktau Treaty (signed with the Caspian Pact in 2018)": no name
        keep, drop = (b.key, a.key) if b.key in data and a.key not in data else (a.key, b.key)
        same[drop] = same.get(keep, keep)
    if not same:
        return refs
    return [AgreementRef(same.get(r.key, r.key), r.start, r.end, r.named) for r in refs]


def _written_name(ctx: Context, ref: AgreementRef, known: bool) -> str | None:
    """The name a reference writes, when it is a name ("the Treaty on Strategic Offensive
    Arms", "the Treaty between A and B on …"): a capitalised phrase of two words or more, a
    name the data knows or the text gives. A description's capital at the start of a
    sentence ("Ceasefire agreement reached") makes no name; "the border agreement" is none."""
    if not ref.named:
        return None
    written = re.sub(r"^[Tt]he\s+", "", ctx.article.text[ref.start : ref.end].strip())
    if len(written.split()) < 2 or not written[:1].isupper():
        return None
    before = ctx.article.text[: ref.start].rstrip()
    opens_sentence = not before or before[-1] in ".!?"
    if opens_sentence and not (known or ref.key.startswith("named:")):
        return None
    return written


def _one_per_document(drafts: dict[str, _Draft], data: set[str]) -> dict[str, _Draft]:
    """Drafts whose names are one agreement's (:func:`~parley.keys.agreement_key`: "the
    border treaty" and "the border agreement" of the same two sides; "New START" and "New
    START Treaty") are one record, named as the data names it, else as first referred to;
    the other names become its aliases. ``drafts`` is in order of first reference."""
    out: dict[str, _Draft] = {}
    first: dict[str, str] = {}
    for key, draft in drafts.items():
        same = first.setdefault(agreement_key(draft.name), key)
        if same == key:
            out[key] = draft
            continue
        kept = out[same]
        if key in data and same not in data:
            kept.aliases.append(kept.name)
            kept.name, kept.kind = draft.name, draft.kind
        kept.aliases += [draft.name, *draft.aliases]
        kept.parties = kept.parties or draft.parties
        kept.evidence = kept.evidence or draft.evidence
        for st in draft.statuses:
            _merge(kept.statuses, st)
    return out


def _accords_of_two(drafts: dict[str, _Draft]) -> dict[str, _Draft]:
    """A known accord of more than two states ("the Abraham Accords") told in an article whose
    one agreement of two of its states is the treaty those two concluded under it ("a Treaty of
    Peace with the UAE", "the normalisation deal") is that treaty told another way: one record,
    with the two states as its parties and the accord's name as an alias (nego20). Only when
    the dates agree (no step both tell on different days) and the pair's record tells a step
    of its own or the accord none, and both tell a peace (``accord_member_topics``): a pact of
    two states that only names the accord, with a step of the accord's on another day, stays
    apart, as do a border or trade deal of two of its states and an article with two pacts."""
    out = dict(drafts)
    for key, accord in drafts.items():
        if len(accord.parties) <= 2 or not _peace_topic(accord.kind):
            continue
        pairs = [
            d
            for d in out.values()
            if len(d.parties) == 2
            and set(d.parties) <= set(accord.parties)
            and _peace_topic(f"{d.name} {d.kind}")
        ]
        if len(pairs) != 1 or not _dates_agree(accord.statuses, pairs[0].statuses):
            continue
        told = pairs[0]
        if accord.statuses and not told.statuses:
            continue
        told.aliases += [accord.name, *accord.aliases]
        told.evidence = told.evidence or accord.evidence
        for st in accord.statuses:
            _merge(told.statuses, st)
        del out[key]
    return out


def _peace_topic(words: str) -> bool:
    """Whether a name or kind tells a peace between states ("peace agreement", "normalisation
    deal": lexicon ``accord_member_topics``), not a border, trade or exchange deal."""
    topics = knowledge.words(LEXICON, "accord_member_topics")
    return any(w in topics for w in re.findall(r"\w+", words.lower()))


def _dates_agree(one: list[AgreementStatus], other: list[AgreementStatus]) -> bool:
    """Whether no step is told in both on different days ("signed last month" and "signed on
    September 15" agree; "signed in 1995" and "signed in 2020" do not)."""
    return not any(
        a.status == b.status
        and a.date
        and b.date
        and not (a.date.startswith(b.date) or b.date.startswith(a.date))
        for a in one
        for b in other
    )


def _sized(drafts: dict[str, _Draft]) -> dict[str, _Draft]:
    """An exchange deal mentioned without its size ("agreed on the prisoner exchange deal")
    is the article's one sized deal of that kind, when it tells only one size."""
    out = dict(drafts)
    for key, draft in drafts.items():
        sized = [d for k, d in drafts.items() if k != key and k.startswith(key + " (")]
        if len(sized) == 1:
            for st in draft.statuses:
                _merge(sized[0].statuses, st)
            sized[0].evidence = sized[0].evidence or draft.evidence
            del out[key]
    return out


def _merge(existing: list[AgreementStatus], new: AgreementStatus) -> None:
    """Add ``new``, or complete an earlier statement of the same status in this article."""
    for i, old in enumerate(existing):
        if old.status == new.status and (old.date == new.date or not old.date or not new.date):
            existing[i] = old.model_copy(
                update={  # not a word list: the fields completed
                    "date": old.date or new.date,
                    "until": old.until or new.until,
                    "by": old.by or new.by,
                    "venue": old.venue or new.venue,
                    "host": old.host or new.host,
                    "evidence": old.evidence
                    if old.date or old.until or not (new.date or new.until)
                    else new.evidence,
                }
            )
            return
    existing.append(new)


def _finish(d: _Draft) -> Agreement:
    dated = [s for s in d.statuses if s.date]
    current = (
        max(dated, key=lambda s: s.date or "")
        if dated
        else (d.statuses[-1] if d.statuses else None)
    )
    return Agreement(
        name=d.name,
        kind=d.kind,
        parties=d.parties,
        aliases=other_names(d.name, d.aliases),
        statuses=d.statuses,
        status=current.status if current else None,
        date=current.date if current else None,
        evidence=d.evidence,
    )
