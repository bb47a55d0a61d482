"""The negotiation in one article: tracks, numbered rounds, issues on the table and positions.

The extractor ``parley.negotiation.v1`` runs after events, quotes and attributions and fills
``analysis.tracks`` (each with its rounds and positions) and ``analysis.rounds``. Steps:

1. **Tracks** come from talks: CONSULT events with two or more parties give a track named
   after them ("Russia–Ukraine peace talks"), with the events' mediators. Its parties are the
   two most often at the table, or every side of a session that seats three or more with them
   ("talks between A, B and C", "the six-party talks"); a mediator is never one. Arms-control
   agreements with a proposal or expiry give a second kind of track ("US–Russia arms control").
2. **Rounds** are ordinal phrases ("the first round", "the sixth and final round", "round two";
   "the final round" is the highest number given). Status comes from the round's own clause
   (its verbs, auxiliaries and relative clauses): cancel words → cancelled, planning words or
   "agreed to …" → planned, otherwise held. Venue is "in X" near the phrase or "in the Kazakh
   capital". Rounds without talks events get a track of their own: "<Treaty> negotiations"
   when the rounds negotiate the one treaty named, else the talks of the two main states.
   Sessions told without "round" are rounds too: "the second session of talks", "the 10th
   meeting of the corps commanders", "the sides met for the third time" ("resumed for a third
   time" is the fourth: a first session, three resumptions).
   When a later round is planned and the article reports talks happening now, the talks now are
   the round before it (the article's "third round" after today's talks makes today's the second).
   An article with no session but talk of the talks gets a provisional track of its two main
   states, kept only if it holds issues or positions.
3. **Issues** are the items of the forms :func:`find_issues` knows ("the core issues: A and B",
   "talks on A and B", "disputes over A", "A remains the main sticking point"), each cut at the
   end of its noun phrase.
4. **Positions** come from :mod:`parley.extract.negotiation.stances` (red lines, refusals, demands,
   proposals, quotes of a party's people), plus replies by a party's people ("X responded
   that …"). Each is linked to the issue whose words it shares, and to its reported source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING, ClassVar

from parley import knowledge
from parley.extract.base import Context, actor_at, country_of, register
from parley.extract.negotiation.belligerents import belligerents
from parley.extract.negotiation.parties import (
    LEXICON,
    host_states,
    intra_pair,
    mediators_in,
    named_process,
    negotiating_pair,
    parties_of,
    short_name,
)
from parley.extract.negotiation.stances import quoted_positions, sentence_positions
from parley.extract.negotiation.steps import a_place, place_in_phrase
from parley.extract.negotiation.told import past_value, tell_negotiation, tell_recalled
from parley.extract.negotiation.words import alt, capitalised, full_names, spaced
from parley.kb import load_demonyms
from parley.models import Agreement, Event, Position, Round, Span, Track
from parley.nlp.counterparts import counterpart_phrases
from parley.nlp.docs import doc_sents, doc_text, ents_within, span_text
from parley.nlp.numbers import cardinals, ordinals

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["NegotiationExtractor", "ORDINALS", "find_rounds", "find_issues"]

# "the second round", "round three": ordinals and the cardinals up to ten (numbers.json)
ORDINALS = {**ordinals(), **{w: n for w, n in cardinals().items() if 1 <= n <= 10}}
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_LEX = "lexicon/negotiation.json"  # the words of the patterns (named here for the key check)
# Words in the round's own clause that make it a plan, a cancellation or a past session.
_CANCEL_LEMMAS = knowledge.words(LEXICON, "round_cancel_lemmas")
_INTENT_LEMMAS = knowledge.words(LEXICON, "round_intent_lemmas")
_PLAN_LEMMAS = knowledge.words(LEXICON, "round_plan_lemmas")
_STILL_WORDS = knowledge.words(LEXICON, "round_still_words")


def _rounds() -> str:
    return alt(knowledge.phrases(_LEX, "round_nouns"))


def _finals() -> str:
    return alt(knowledge.phrases(_LEX, "final_words"))


def _and() -> str:
    return alt(knowledge.phrases(_LEX, "list_conjunctions"))


@knowledge.derived
def _round_re() -> re.Pattern[str]:
    """ "the second round", "the sixth and final round", "round three", "the 4th round"."""
    rnd = _rounds()
    return re.compile(
        rf"\b(?:(?P<a>{_ORD}|\d+(?:st|nd|rd|th))\s+(?:(?:{_and()})\s+(?:{_finals()})\s+)?"
        rf"(?:{rnd})|(?:{rnd})\s+(?P<b>{_ORD}|\d+))\b",
        re.I,
    )


@knowledge.derived
def _final_round_re() -> re.Pattern[str]:
    """ "the final round", which is the highest number the article gave."""
    det = alt(knowledge.phrases(_LEX, "final_round_determiners"))
    return re.compile(rf"\b(?:{det})\s+(?:{_finals()})\s+(?:{_rounds()})\b", re.I)


@knowledge.derived
def _any_final_round_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_finals()})\s+(?:{_rounds()})", re.I)


@knowledge.derived
def _began_in_re() -> re.Pattern[str]:
    """ "The negotiations began in Aktau": where round one met."""
    noun = alt(knowledge.phrases(_LEX, "began_in_nouns"))
    verb = alt(knowledge.phrases(_LEX, "began_verbs"))
    return re.compile(rf"\b(?:{noun})\s+(?:{verb})\s+in\s+(?P<venue>[A-Z][\w\-]+)")


@knowledge.derived
def _cancelled_re() -> re.Pattern[str]:
    stem = alt(knowledge.phrases(_LEX, "cancel_stems"))
    word = alt(knowledge.phrases(_LEX, "cancel_words"))
    return re.compile(rf"\b(?:(?:{stem})\w*|{word})\b", re.I)


@knowledge.derived
def _planned_re() -> re.Pattern[str]:
    stem = alt(knowledge.phrases(_LEX, "plan_stems"))
    word = alt(knowledge.phrases(_LEX, "plan_words"))
    return re.compile(rf"\b(?:(?:{stem})\w*|{word})\b", re.I)


_MAX_COUNTED = 12  # "held three rounds": a count a reader can list, not "hundreds of rounds"


@knowledge.derived
def _counted_rounds_re() -> re.Pattern[str]:
    """ "they have held three rounds": the count is the group ``n``."""
    aux = alt(knowledge.phrases(_LEX, "counted_round_auxiliaries"))
    verb = alt(knowledge.phrases(_LEX, "counted_round_verbs"))
    noun = alt(knowledge.phrases(_LEX, "counted_round_nouns"))
    return re.compile(rf"\b(?:{aux})\s+(?:{verb})\s+(?P<n>\w+)\s+(?:{noun})\b", re.I)


@knowledge.derived
def _since_re() -> re.Pattern[str]:
    """ "since Feb. 28": the day the first of the counted rounds met."""
    return re.compile(rf"\b(?:{alt(knowledge.phrases(_LEX, 'counted_round_since'))})\b", re.I)


@knowledge.derived
def _meeting_re() -> re.Pattern[str]:
    """A sentence about a meeting, which a planning word makes a planned one."""
    return re.compile(rf"\b(?:{alt(knowledge.phrases(_LEX, 'meeting_words'))})\b", re.I)


@knowledge.derived
def _under_way_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alt(knowledge.phrases(_LEX, 'under_way_words'))})\b", re.I)


_LIST = r"\s+(?P<list>[^.;]+)"


@knowledge.derived
def _issues_re() -> re.Pattern[str]:
    """ "the core issues: A and B", "five issues are on the table: …", "issues such as A"."""
    adj = alt(knowledge.phrases(_LEX, "issue_adjectives"))
    noun = alt(knowledge.phrases(_LEX, "issue_nouns"))
    verb = alt(knowledge.phrases(_LEX, "issue_verbs"))
    place = alt(knowledge.phrases(_LEX, "issue_places"))
    lead = alt(knowledge.phrases(_LEX, "issue_list_leads"))
    return re.compile(
        rf"\b(?:{adj})?\s*(?:{noun})(?:\s+(?:{verb}))?(?:\s+(?:{place}))?"
        rf"(?:\s*:|\s+(?:{lead})){_LIST}",
        re.I,
    )


@knowledge.derived
def _talks_on_re() -> re.Pattern[str]:
    noun = alt(knowledge.phrases(_LEX, "talks_on_nouns"))
    link = alt(knowledge.phrases(_LEX, "talks_on_links"))
    return re.compile(rf"\b(?:{noun})\s+(?:{link}){_LIST}", re.I)


@knowledge.derived
def _issue_forms() -> tuple[re.Pattern[str], ...]:
    """Other common ways of naming what is negotiated, tried after :func:`_issues_re`. Each
    gives a list ("talks on A and B") or one item ("A remains the main sticking point")."""
    agenda = alt(knowledge.phrases(_LEX, "agenda_nouns"))
    agenda_verb = alt(knowledge.phrases(_LEX, "agenda_verbs"))
    on_agenda = alt(knowledge.phrases(_LEX, "on_agenda"))
    agenda_copula = alt(knowledge.phrases(_LEX, "agenda_copulas"))
    dispute = alt(knowledge.phrases(_LEX, "dispute_nouns"))
    dispute_link = alt(knowledge.phrases(_LEX, "dispute_links"))
    question = alt(knowledge.phrases(_LEX, "question_nouns"))
    return (
        re.compile(rf"\b(?:{agenda})\s*(?::|{agenda_verb}){_LIST}", re.I),
        re.compile(rf"\b(?:{on_agenda}) (?:{agenda_copula}){_LIST}", re.I),
        _talks_on_re(),
        re.compile(rf"\b(?:{dispute})\s+(?:{dispute_link}){_LIST}", re.I),
        re.compile(rf"\bthe (?:{question}) of{_LIST}", re.I),
        _obstacle_re(),
    )


def _obstacle_re() -> re.Pattern[str]:
    """ "A remains the main sticking point"."""
    opener = alt(knowledge.phrases(_LEX, "obstacle_openers"))
    copula = alt(knowledge.phrases(_LEX, "obstacle_copulas"))
    adverb = alt(knowledge.phrases(_LEX, "obstacle_adverbs"))
    noun = alt(knowledge.phrases(_LEX, "obstacle_nouns"))
    return re.compile(
        rf"(?:^|[,;:]\s*|\b(?:{opener})\s+)(?P<one>(?:the\s+)?[\w’'\- ]{{3,60}}?)\s+"
        rf"(?:{copula})\s+(?:(?:{adverb})\s+)?(?:the|a)\s+(?:\w+\s+)?(?:{noun})",
        re.I,
    )


def _calendar_names() -> str:
    """Weekday and month names as written in a text ("Monday", "January")."""
    return capitalised([*full_names("weekdays"), *full_names("months")])


@knowledge.derived
def _item_end_re() -> re.Pattern[str]:
    """Where an item of a list stops: a new clause, or the time and place of the talks."""
    clause = alt(knowledge.phrases(_LEX, "item_end_words"))
    lead = alt(knowledge.phrases(_LEX, "item_time_leads"))
    when = alt(knowledge.phrases(_LEX, "item_time_words"))
    return re.compile(rf",?\s+(?:{clause})\b|\s+(?:{lead})\s+(?:{_calendar_names()}|{when}|\d)")


@knowledge.derived
def _said_tail_re() -> re.Pattern[str]:
    """A closing ", officials said" is not an item."""
    said = alt(knowledge.phrases(_LEX, "said_words"))
    return re.compile(rf",\s+[^,]*\b(?:{said})\b.*$")


@knowledge.derived
def _not_an_issue_re() -> re.Pattern[str]:
    """Items that name a time or a bare place rather than a matter under negotiation."""
    when = alt(knowledge.phrases(_LEX, "not_issue_words"))
    return re.compile(rf"^(?:{_calendar_names()}|{when}|\d|(?:[A-Z][\w\-]+\s?)+$)")


@knowledge.derived
def _product_re() -> re.Pattern[str]:
    """What talks should produce is not one of their issues ("negotiations on a treaty")."""
    mod = alt(knowledge.phrases(_LEX, "product_modifiers"))
    noun = alt(knowledge.phrases(_LEX, "product_nouns"))
    return re.compile(rf"^(?:(?:{mod})\s+)*(?:{noun})\b", re.I)


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alt(words)})\b", re.I)


@knowledge.derived
def _talks_words_re() -> re.Pattern[str]:
    return _any_of(knowledge.phrases(_LEX, "talks_words"))


@knowledge.derived
def _readiness_re() -> re.Pattern[str]:
    """ "open for talks", "ready to resume negotiations": a side's readiness to talk."""
    lead = alt(knowledge.phrases(_LEX, "talks_readiness_leads"))
    verb = alt(knowledge.phrases(_LEX, "talks_readiness_verbs"))
    talks = alt(knowledge.phrases(_LEX, "talks_words"))
    return re.compile(rf"\b(?:{lead})\s+(?:(?:{verb})\s+)?(?:{talks})\b", re.I)


@knowledge.derived
def _peace_words_re() -> re.Pattern[str]:
    return _any_of(knowledge.phrases(_LEX, "peace_talks_words"))


@knowledge.derived
def _treaty_round_re() -> re.Pattern[str]:
    return _any_of(knowledge.phrases(_LEX, "treaty_round_words"))


_SHORT = {"USA": "US", "GBR": "UK", "ARE": "UAE"}
_REPLY_CUES = knowledge.words(LEXICON, "reply_cues")


@knowledge.derived
def _next_round_pattern() -> re.Pattern[str]:
    """ "the next round", "a new round of talks", "talks will resume", "resumed talks", "have
    restarted peace talks", "to meet again in two weeks", "talks with the rebels, which are
    scheduled to take place on Wednesday", and in an article about the talks, "the trip will
    take place on January 30"."""
    nxt = "|".join(sorted(knowledge.phrases(LEXICON, "next_round"), key=len, reverse=True))
    talks = "|".join(knowledge.phrases(LEXICON, "talks_nouns"))
    resume = "|".join(knowledge.phrases(LEXICON, "resume_verbs"))
    rnd = _rounds()
    kind = alt(knowledge.phrases(_LEX, "round_modifiers"))
    due = spaced(knowledge.phrases(_LEX, "resume_auxiliaries"))
    lead = alt(knowledge.phrases(_LEX, "resume_leads"))
    past = alt(knowledge.phrases(_LEX, "past_round_words"))
    have = alt(knowledge.phrases(_LEX, "resumed_leads"))
    visit = alt(knowledge.phrases(_LEX, "visit_nouns"))
    happen = spaced(knowledge.phrases(_LEX, "scheduled_events"))
    again = spaced(knowledge.phrases(_LEX, "meet_again"))
    # "the trip will take place", not "the visit to open a new chapter" (a purpose, no date).
    visit_due = spaced([a for a in knowledge.phrases(_LEX, "resume_auxiliaries") if a != "to"])
    # "the latest round of hostilities", "a new round of clashes": fighting, no session
    fight = rf"(?!\s+of\s+(?:{alt(knowledge.phrases(LEXICON, 'fighting_round_objects'))})\b)"
    return re.compile(
        rf"\b(?:(?:{nxt})\s+(?:(?:{kind})\s+)?(?:{rnd}){fight}|(?:{lead})\s+(?:{again})"
        rf"|(?:{talks})\s+(?:{due})\s+(?:{resume})|(?:{lead})\s+(?:{resume})\s+(?:the\s+)?(?:{talks})"
        rf"|{_scheduled_talks(talks)}|{_set_meeting()}|(?:{visit})\s+(?:{visit_due})\s+(?:{happen})"
        rf"|(?P<past>(?:{talks})\s+(?:{resume})e?d|(?:{past})\s+(?:{rnd}){fight}"
        rf"|(?:{have})\s+(?:{resume})e?d\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{talks})))\b",
        re.I,
    )


def _technical(text: str, m: re.Match[str]) -> bool:
    """ "technical talks at the expert level will be held …": a session of experts, told
    with ``technical_session_words`` just before the talks or in the match, meets beside the
    numbered rounds, not as the next of them (nego22)."""
    words = set(knowledge.words(_LEX, "technical_session_words"))
    before = text[: m.start()].lower().split()[-1:]
    return bool(words & {*before, *m.group(0).lower().split()})


@knowledge.derived
def _held_talks_re() -> re.Pattern[str]:
    """ "direct peace talks held in Istanbul", "negotiations, which took place in Oslo": a
    session told without the word "round"."""
    talks = alt(knowledge.phrases(LEXICON, "talks_nouns"))
    held = spaced(knowledge.phrases(_LEX, "held_talks_participles"))
    return re.compile(rf"\b(?:{talks}),?\s+(?:{held})\s+(?:in|at)\b", re.I)


@knowledge.derived
def _days_of_talks_re() -> re.Pattern[str]:
    """ "2½ days of "vice-ministerial" negotiations in Beijing", "after three days of talks in
    Geneva": a session told by how long it lasted."""
    talks = alt(knowledge.phrases(LEXICON, "talks_nouns"))
    unit = alt(knowledge.phrases(_LEX, "talks_duration_units"))
    return re.compile(
        rf"\b(?:{unit})\s+of\s+(?:[\"“']?[\w\-]+[\"”']?\s+){{0,2}}(?:{talks})\s+(?:in|at)\b", re.I
    )


@knowledge.derived
def _began_talks_re() -> re.Pattern[str]:
    """ "where the AU-sponsored peace talks between the two sides began on 25 October",
    "formal peace talks mediated by the AU began in Pretoria": a session of the track whose
    start is told, with a few words about the talks between the noun and the verb."""
    talks = alt(knowledge.phrases(LEXICON, "talks_nouns"))
    began = alt(knowledge.phrases(_LEX, "began_verbs"))
    return re.compile(rf"\b(?:{talks})\b[^.;:]{{0,70}}?\s(?:{began})\s+(?:in|at|on)\b", re.I)


def _scheduled_talks(talks: str) -> str:
    """ "previously scheduled talks", "talks with the rebels, which are scheduled to take place
    on Wednesday"."""
    before = alt(knowledge.phrases(_LEX, "scheduled_leads"))
    scheduled = alt(knowledge.phrases(_LEX, "scheduled_participles"))
    link = alt(knowledge.phrases(_LEX, "scheduled_links"))
    which = alt(knowledge.phrases(_LEX, "scheduled_relatives"))
    copula = alt(knowledge.phrases(_LEX, "scheduled_copulas"))
    due = alt(knowledge.phrases(_LEX, "scheduled_words"))
    event = spaced(knowledge.phrases(_LEX, "scheduled_events"))
    # "technical talks at the expert level will be held in Oman" (nego22)
    future = alt(knowledge.phrases(_LEX, "scheduled_futures"))
    at = alt(knowledge.phrases(_LEX, "scheduled_future_links"))
    return (
        rf"(?:(?:{before})\s+)?(?:{scheduled})\s+(?:{talks})"
        rf"|(?:{talks})(?:\s+(?:{link})\s+[^,.;]{{1,40}})?,?(?:\s+(?:{which}))?\s+(?:{copula})\s+"
        rf"(?:{due})\s+to\s+(?:{event})"
        rf"|(?:{talks})(?:\s+(?:{at})\s+[^,.;]{{1,40}}?)?\s+(?:{future})\s+(?:{event})"
    )


def _set_meeting() -> str:
    """ "A regional commanders' meeting is set for July 29", "further discussions are
    scheduled for tomorrow, July 29, between commanders from A's … and B's …": a meeting of
    the sides' envoys, with its day (nego18); "a commanders' parade is set for" is none."""
    bodies = alt(knowledge.phrases(_LEX, "side_body_plurals"))
    noun = alt(knowledge.phrases(_LEX, "set_meeting_nouns"))
    copula = alt(knowledge.phrases(_LEX, "scheduled_copulas"))
    due = alt(knowledge.phrases(_LEX, "set_meeting_words"))
    when = alt(knowledge.phrases(_LEX, "set_meeting_prepositions"))
    link = alt(knowledge.phrases(_LEX, "set_meeting_links"))
    return (
        rf"(?:{bodies})['’]\s+(?:{noun})\s+(?:{copula})\s+(?:\w+\s+)?(?:{due})\s+(?:{when})\b"
        rf"|(?:{noun})\s+(?:{copula})\s+(?:{due})\s+(?:{when})\b[^.;]{{0,80}}?"
        rf"\b(?:{link})\s+(?:{bodies})\b"
    )


_NTH = "|".join(sorted(ordinals(), key=len, reverse=True))  # "third", never "three"


def _session_of() -> str:
    """What a numbered session is of, for it to be a round: the talks ("of talks", "of the
    peace talks") or the sides' envoys ("of the corps commanders", "of the two sides")."""
    talks = alt(knowledge.phrases(_LEX, "talks_nouns"))
    bodies = alt(knowledge.phrases(_LEX, "side_body_plurals"))
    return rf"(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{talks}|{bodies})"


@knowledge.derived
def _session_re() -> re.Pattern[str]:
    """ "the second session of talks", "the 10th meeting of the corps commanders"."""
    noun = alt(knowledge.phrases(_LEX, "session_nouns"))
    return re.compile(
        rf"\b(?P<n>{_NTH}|\d+(?:st|nd|rd|th))\s+(?:{noun})\s+of\s+{_session_of()}\b", re.I
    )


@knowledge.derived
def _nth_time_re() -> re.Pattern[str]:
    """ "The negotiators met for the third time", "talks resumed for a third time" (group
    ``resume`` set): not "for the first time since 2019" or "for the third time this year",
    which count from another start ("in five years" neither, "in Doha" is a venue)."""
    met = alt(knowledge.phrases(_LEX, "session_time_verbs"))
    resumed = alt(knowledge.phrases(_LEX, "session_resume_verbs"))
    aux = alt(knowledge.phrases(_LEX, "session_time_auxiliaries"))
    prep = alt(knowledge.phrases(_LEX, "session_time_prepositions"))
    time = alt(knowledge.phrases(_LEX, "session_time_nouns"))
    other = alt(knowledge.phrases(_LEX, "session_time_other_starts"))
    spans = alt(knowledge.phrases(_LEX, "session_time_spans"))
    return re.compile(
        rf"\b{_session_of()}\s+(?:(?:{aux})\s+)*(?:(?P<resume>{resumed})|{met})\b[^.;,]{{0,40}}?"
        rf"\s+(?:{prep})\s+(?:a|the)\s+(?P<n>{_NTH}|\d+(?:st|nd|rd|th))\s+(?:{time})\b"
        rf"(?!\s+(?:{other})\b|\s+in\s+(?:\w+\s+)?(?:{spans})s?\b)",
        re.I,
    )


@knowledge.derived
def _named_session_re() -> re.Pattern[str]:
    """ "the 12th Expert Group Meeting (EGM)", "the 5th Joint Boundary Commission Meeting": a
    numbered meeting of a body the sides set up, named in capitals; its acronym in brackets
    (group ``acronym``) names it again ("the 11th EGM")."""
    return re.compile(
        rf"\b(?i:(?P<n>{_NTH}|\d+(?:st|nd|rd|th)))\s+{_session_name()}"
        rf"(?:\s*\((?P<acronym>[A-Z]{{2,6}})\))?"
    )


def _session_name() -> str:
    """A body's meeting, the body named in capitals: "Expert Group Meeting", "Joint Commission
    Meeting", "Permanent Water Commission meeting" (the head may be written lower-case)."""
    heads = alt(knowledge.phrases(_LEX, "named_session_heads"))
    return rf"{_body_name()}\s+(?i:{heads})\b"


def _body_name() -> str:
    """A body the sides set up, named in capitals: "Expert Group", "Joint Water Commission"."""
    bodies = alt(knowledge.phrases(_LEX, "named_session_bodies"))
    return rf"(?:[A-Z][\w-]*\s+){{0,3}}?(?=[A-Z])(?i:{bodies})"


@knowledge.derived
def _own_session_re() -> re.Pattern[str]:
    """ "The Joint Water Commission (JWC) convened its 41st meeting": a body that holds its own
    numbered meeting names the round of that number (group ``n``); the body is named in
    capitals or by the acronym in brackets after its name."""
    verbs = alt(knowledge.phrases(_LEX, "own_session_verbs"))
    heads = alt(knowledge.phrases(_LEX, "own_session_heads"))
    own = alt(knowledge.phrases(_LEX, "own_session_possessives"))
    return re.compile(
        rf"\b(?:{_body_name()}(?:\s*\([A-Z]{{2,6}}\))?|[A-Z]{{2,6}})\s+(?i:{verbs})\s+(?:{own})\s+"
        rf"(?i:(?P<n>{_NTH}|\d+(?:st|nd|rd|th)))\s+(?i:{heads})\b"
    )


@knowledge.derived
def _session_acronym_re() -> re.Pattern[str]:
    """ "an Expert Group Meeting (EGM)": the acronym a body's meeting is given."""
    return re.compile(rf"\b{_session_name()}\s*\((?P<acronym>[A-Z]{{2,6}})\)")


@knowledge.derived
def _session_of_body_re() -> re.Pattern[str]:
    """ "the 117th meeting of the Joint Water Commission", "the 117th India-Pakistan annual
    meeting, under the aegis of the Joint Water Commission": a numbered meeting of a body the
    sides set up, the body named after it (round 17)."""
    heads = alt(knowledge.phrases(_LEX, "own_session_heads"))
    links = alt(knowledge.phrases(_LEX, "body_session_links"))
    return re.compile(
        rf"\b(?i:(?P<n>{_NTH}|\d+(?:st|nd|rd|th)))\s+(?:[\w-]+\s+){{0,2}}?(?i:{heads})\s*,?\s+"
        rf"(?i:{links})\s+the\s+{_body_name()}\b"
    )


@knowledge.derived
def _body_acronym_re() -> re.Pattern[str]:
    """ "the Joint Water Commission (JWC)": the acronym a body the sides set up is given."""
    return re.compile(rf"\b{_body_name()}\s*\((?P<acronym>[A-Z]{{2,6}})\)")


@knowledge.derived
def _next_body_meeting_re() -> re.Pattern[str]:
    """ "the next meeting of the Joint Water Commission", "the next JWC meeting": the body's
    next meeting, a round still to come; group ``body`` holds the body's name or acronym.
    (The empty ``past`` group keeps the groups of the next-round pattern.)"""
    nxt = alt(knowledge.phrases(LEXICON, "next_round"))
    heads = alt(knowledge.phrases(_LEX, "own_session_heads"))
    body = rf"{_body_name()}|[A-Z]{{2,6}}"
    return re.compile(
        rf"\b(?i:the\s+(?:{nxt}))\s+(?:(?P<body>{body})\s+(?i:{heads})"
        rf"|(?i:{heads})\s+of\s+the\s+(?P<body2>{body}))\b(?P<past>(?!)x)?"
    )


def body_acronyms(article: str) -> frozenset[str]:
    """The acronyms ``article`` gives the bodies the sides set up ("… Commission (JWC)")."""
    return frozenset(m.group("acronym") for m in _body_acronym_re().finditer(article))


def next_body_meeting(text: str, acronyms: frozenset[str]) -> re.Match[str] | None:
    """The first "next meeting" of a body the sides set up in ``text``: a body named in
    capitals, or by one of the article's ``acronyms`` for such a body (:func:`body_acronyms`,
    read once per article: reading the article again for each sentence was quadratic)."""
    for m in _next_body_meeting_re().finditer(text):
        body = m.group("body") or m.group("body2")
        if not re.fullmatch(r"[A-Z]{2,6}", body) or body in acronyms:
            return m
    return None


def named_session_acronyms(text: str) -> tuple[str, ...]:
    """The acronyms the text gives its body meetings ("… Meeting (EGM)" → EGM)."""
    found = (m.group("acronym") for m in _session_acronym_re().finditer(text))
    return tuple(dict.fromkeys(found))


def _named_sessions(text: str, acronyms: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """``(ordinal, start, end)`` of the numbered body meetings in ``text``, by name or by
    the acronym the article gave the name."""
    found = [
        (_ordinal_value(m.group("n")), m.start(), m.end())
        for m in (
            *_named_session_re().finditer(text),
            *_own_session_re().finditer(text),
            *_session_of_body_re().finditer(text),
        )
    ]
    if acronyms:
        short = re.compile(rf"\b(?i:(?P<n>{_NTH}|\d+(?:st|nd|rd|th)))\s+(?:{alt(acronyms)})\b")
        for m in short.finditer(text):
            if not any(s <= m.start() < e for _, s, e in found):
                found.append((_ordinal_value(m.group("n")), m.start(), m.end()))
    return found


def _ordinal_value(word: str) -> int:
    word = word.lower()
    return ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)


def find_rounds(text: str, acronyms: tuple[str, ...] = ()) -> list[tuple[int, int, int]]:
    """``(ordinal, start, end)`` of every numbered round phrase in ``text``: "the second
    round", and sessions told without "round" ("the second session of talks", "met for the
    third time"; "resumed for a third time" is round four: a first session, three resumptions;
    "the 12th Expert Group Meeting", "the 11th EGM" with the ``acronyms`` of such names).
    """
    found = []
    for m in _round_re().finditer(text):
        n = _ordinal_value(m.group("a") or m.group("b"))
        if n:
            found.append((n, m.start(), m.end()))
    taken = [(s, e) for _, s, e in found]
    for m in (*_session_re().finditer(text), *_nth_time_re().finditer(text)):
        n = _ordinal_value(m.group("n")) + (1 if m.groupdict().get("resume") else 0)
        if n and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append((n, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for n, start, end in _named_sessions(text, acronyms):
        if n and not any(s < end and start < e for s, e in taken):
            found.append((n, start, end))
    return sorted(found, key=lambda f: f[1])


def find_issues(sentence: str) -> list[str]:
    """The issues a sentence names as negotiated, in order.

    Tried in turn, the first form that yields items wins: a list of issues ("the core issues: A
    and B", "five issues are on the table: A, B and C", "issues such as A"), an agenda ("agenda:
    A, B"), the subject of talks or disputes ("talks on A and B", "disputes over A"), "the
    question of A", and "A remains the main sticking point".
    """
    for form in (_issues_re(), *_issue_forms()):
        m = form.search(sentence)
        if m is None:
            continue
        items = (
            _split_items(m.group("list"))
            if "list" in m.groupdict()
            else [_clean_item(m.group("one"))]
        )
        items = [
            i
            for i in items
            if i
            and not _not_an_issue_re().match(i)
            and not (form is _talks_on_re() and _product_re().match(i))
        ]
        if items:
            return items
    return []


def _split_items(whole: str) -> list[str]:
    """ "A, B and C" → [A, B, C]; kept whole when a piece is a single word ("trade and
    transit" is one issue). A closing ", officials said" is not an item."""
    whole = _said_tail_re().sub("", whole).strip(" :—-")
    joins = rf",\s*(?:(?:{_and()})\s+)?|\s+(?:{_and()})\s+"
    items = [i.strip(" :—-") for i in re.split(joins, whole)]
    if any(len(i.split()) < 2 for i in items):
        return [_clean_item(whole)]
    return [_clean_item(i) for i in items]


def _clean_item(item: str) -> str:
    """An item without its article and without the clause that follows it."""
    cut = _item_end_re().search(item)
    item = item[: cut.start()] if cut else item
    return re.sub(r"^(?:the|a|an)\s+", "", item.strip(" ,:—-"), flags=re.I)


def _concluded_between(ctx: Context, parties: list[str]) -> bool:
    """Whether the article tells, as news, an agreement between exactly ``parties`` agreed,
    initialled or signed: "the president and the rebel leader signed a peace accord last
    Thursday" ends a negotiation between the two, whether or not its sessions are told. A
    treaty recalled as signed a year before is no news of talks."""
    published = ctx.article.published_at
    if published is None:
        return False
    done = knowledge.words(_LEX, "concluded_statuses")
    recent = (published - dt.timedelta(days=31)).isoformat()
    return any(
        sorted(ag.parties) == sorted(parties)
        and any(
            s.status in done and s.date and len(s.date) == 10 and s.date >= recent
            for s in ag.statuses
        )
        for ag in ctx.analysis.agreements
    )


@register("parley.negotiation.v1")
class NegotiationExtractor:
    """Tracks with rounds, issues and positions, as far as one article tells them."""

    name: ClassVar[str] = "parley.negotiation.v1"
    requires: ClassVar[tuple[str, ...]] = ("mentions", "dates", "events", "agreements")
    # Events too: a round or an agreement step no event tells gets one (see told.py).
    assigns: ClassVar[tuple[str, ...]] = ("rounds", "tracks", "events")

    def __call__(self, ctx: Context) -> None:
        # A track shown only by what the sides agreed or demanded may still announce a
        # meeting ("talks will resume in Doha on October 27").
        talks = (
            self._intra_track(ctx)
            or self._talks_track(ctx)
            or self._rounds_track(ctx)
            or self._stated_track(ctx)
            or self._process_track(ctx)
        )
        if talks is not None:
            talks.rounds = self._rounds(ctx, talks)
            ctx.analysis.rounds.extend(talks.rounds)
            hosts = [*_venue_hosts(ctx, talks), *_named_talks_hosts(ctx, talks)]
            talks.mediators += [h for h in dict.fromkeys(hosts) if h not in talks.mediators]
            fighting = [b for b in belligerents(ctx) if b not in talks.parties]
            talks.belligerents = fighting
            talks.mediators = [m for m in talks.mediators if m not in fighting]
        treaties = self._agreement_tracks(ctx)
        if talks is not None:
            talks.issues = self._issues(ctx)
            talks.positions = self._positions(ctx, talks)
            held = talks.rounds or talks.issues or talks.positions or talks.mediators
            # "notes on reaching an agreement on the extension of New START": the treaty's own
            # track between the same sides already tells what was concluded.
            told = any(sorted(t.parties) == sorted(talks.parties) for t in treaties)
            if not (held or (_concluded_between(ctx, talks.parties) and not told)):
                talks = None  # a provisional track that found nothing to hold
        tracks = [t for t in (talks, *treaties) if t is not None]
        ctx.analysis.tracks.extend(tracks)
        tell_negotiation(ctx, tracks, self.name)
        tell_recalled(ctx, tracks, self.name)

    # 1. tracks -----------------------------------------------------------------------------
    def _talks_track(self, ctx: Context) -> Track | None:
        """The talks of the CONSULT events with two or more sides: the two sides most often
        at the table are the parties; mediators, hosts and the state whose city hosts the
        talks are mediators, never parties (not the host of a session recalled as history)."""
        helpers = self._mediators(ctx)
        parties: Counter[str] = Counter()
        mediators: list[str] = []
        for e in (e for e in ctx.analysis.events if e.type == "CONSULT"):
            sides = parties_of(ctx, [*e.source, *e.target])
            # "first held talks in Singapore in June 2018": the town where the sides met in an
            # earlier phase the article recalls hosted that summit, not the talks of today (a
            # mediator the text names, "hosted by Jimmy Carter", still mediated them).
            recalled = e.status == "historical"
            hosts = [*([] if recalled else host_states(ctx, e, sides)), *e.mediator]
            sides = [s for s in sides if s not in hosts and s not in helpers]
            if len(sides) >= 2 and not _peers_of_one_unplaced(ctx, e):
                parties.update(sides)
                mediators += [m for m in hosts if m not in sides]
        if len(parties) < 2:
            return None
        pair = sorted(p for p, _ in parties.most_common(2))
        sides = _whole_table(ctx, pair, helpers)
        mediators = [m for m in dict.fromkeys([*mediators, *helpers]) if m not in sides]
        return Track(name=_track_name(ctx, sides), parties=sides, mediators=mediators)

    def _intra_track(self, ctx: Context) -> Track | None:
        """ "Intra-Afghan talks": the state and its armed group, whoever else the article
        shows at other tables."""
        pair = intra_pair(ctx)
        if not pair:
            return None
        helpers = [m for m in self._mediators(ctx) if m not in pair]
        return Track(name=_track_name(ctx, pair), parties=pair, mediators=helpers)

    @staticmethod
    def _mediators(ctx: Context) -> list[str]:
        """Every actor the article names as mediating, hosting or facilitating talks."""
        found: list[str] = []
        for sent in doc_sents(ctx.doc):
            found += mediators_in(ctx, sent)
        return list(dict.fromkeys(found))

    def _rounds_track(self, ctx: Context) -> Track | None:
        """A track for rounds reported without talks events: "the sixth round of negotiations
        on a treaty" belongs to the treaty's negotiations; other rounds to the two sides the
        article shows negotiating."""
        mentions = self._round_mentions(ctx)
        if not mentions:
            return None
        on_treaty = any(_treaty_round_re().search(span_text(sent)) for _, sent, _, _ in mentions)
        treaties = [
            a for a in ctx.analysis.agreements if a.kind == "treaty" and len(a.parties) >= 2
        ]
        if on_treaty and len(treaties) == 1:
            return Track(
                name=f"{treaties[0].name} negotiations", parties=sorted(treaties[0].parties)
            )
        helpers = self._mediators(ctx)
        pair = negotiating_pair(ctx, helpers)
        if len(pair) < 2:
            return None
        sides = _whole_table(ctx, pair, helpers)
        return Track(
            name=_track_name(ctx, sides),
            parties=sides,
            mediators=[m for m in helpers if m not in sides],
        )

    def _stated_track(self, ctx: Context) -> Track | None:
        """A provisional track for an article that reports no session but shows two sides
        negotiating (an exchange they agreed, a party's demand, a truce reached through
        mediators, an accord they signed): it is kept only if it gets issues, positions or
        mediators, or the two concluded an agreement."""
        helpers = self._mediators(ctx)
        # "Russia said it was open for talks": a readiness to talk is no talks (round 15).
        text = _readiness_re().sub(" ", ctx.article.text)
        told = helpers or _talks_words_re().search(text)
        if not (told or any(len(a.parties) == 2 for a in ctx.analysis.agreements)):
            return None
        pair = negotiating_pair(ctx, helpers)
        if len(pair) < 2 or not (told or _concluded_between(ctx, pair)):
            return None
        # An agreement reached between the two through mediators is a negotiation of its own.
        sides = _whole_table(ctx, pair, helpers)
        mediators = [m for m in helpers if m not in sides]
        return Track(name=_track_name(ctx, sides), parties=sides, mediators=mediators)

    @staticmethod
    def _process_track(ctx: Context) -> Track | None:
        """The track of a known process the article names without its sides ("the next round
        of the peace talks within the framework of the Astana process on Syria")."""
        found = named_process(ctx)
        talked = any(_talks_words_re().search(span_text(sent)) for sent in doc_sents(ctx.doc))
        if found is None or not talked:
            return None  # "Kazakhstan, which hosted the Astana process": no talks told
        pair, mediators = found
        return Track(name=_track_name(ctx, pair), parties=pair, mediators=mediators)

    def _agreement_tracks(self, ctx: Context) -> list[Track]:
        from parley.extract.negotiation.agreements import load_agreement_data

        # Only a treaty of fixed sides (New START, the JCPOA) is a negotiation between the
        # states seen acting on it; an open multilateral treaty the knowledge base lists no
        # parties for (Open Skies, the NPT) is left by one state or joined by another, and
        # the two states a report shows doing so negotiate nothing with each other (round 15).
        bilateral = {
            a["name"]
            for a in load_agreement_data()["agreements"]
            if a.get("domain") == "arms control" and a.get("parties")
        }
        tracks = []
        for ag in ctx.analysis.agreements:
            if ag.name not in bilateral or len(ag.parties) < 2 or _only_history(ctx, ag):
                continue
            issues = [f"{ag.name} extension"] if _has(ag, "extension") else []
            tracks.append(
                Track(
                    name=f"{_pair_name(ctx, sorted(ag.parties))} arms control",
                    parties=sorted(ag.parties),
                    issues=issues,
                    positions=_extension_positions(ctx, ag),
                )
            )
        return tracks

    # 2. rounds -----------------------------------------------------------------------------
    def _rounds(self, ctx: Context, track: Track) -> list[Round]:
        rounds: dict[int, Round] = {}
        for n, sent, start, end in self._round_mentions(ctx):
            r = self._round_in(ctx, track, sent, n, (start, end))
            old = rounds.get(n)
            if old is None or (old.status == "unknown" and r.status != "unknown"):
                rounds[n] = r
            elif old.status == "planned" and r.status == "held":
                # a numbered round meets once: told as held, an earlier "planned" reading of
                # it ("would like to congratulate … on having completed a third round") is
                # stale (round 14)
                r.venue = r.venue or old.venue
                rounds[n] = r
            elif old.status == r.status:  # a later sentence may tell where or when
                old.venue = old.venue or r.venue
                old.date = old.date or r.date
        self._counted_rounds(ctx, track, rounds)
        self._first_round(ctx, track, rounds)
        self._infer_current(ctx, track, rounds)
        unnumbered = self._next_rounds(ctx, track, rounds)
        unnumbered += self._meetings(ctx, track, [*rounds.values(), *unnumbered])
        unnumbered += self._held_talks(ctx, track, [*rounds.values(), *unnumbered])
        found = [*(rounds[k] for k in sorted(rounds)), *unnumbered]
        _date_plans_elsewhere(ctx, found)
        home = _talks_home(ctx)
        for r in found:
            r.venue = r.venue or home
        return found

    @staticmethod
    def _meetings(ctx: Context, track: Track, known: list[Round]) -> list[Round]:
        """Sessions of the track told without the word "round": talks between its parties
        that "would start in Jeddah on Saturday" or were "held in Qatar last month", dated to
        the day or the month by the text itself. Sessions already known are not repeated."""
        out: list[Round] = []
        status = {"planned": "planned", "occurred": "held", "negated": "cancelled"}
        for e in ctx.analysis.events:
            if e.type != "CONSULT" or e.status not in status or e.date is None:
                continue
            if e.status == "negated" and not _meeting_negated(ctx, e):
                continue  # "do not reflect the spirit of today's discussion"
            if not e.date.text or e.date.precision not in ("day", "month") or not e.date.value:
                continue  # a publication date standing in for an undated report
            if not set(track.parties) <= set(parties_of(ctx, [*e.source, *e.target])):
                continue
            day, held = e.date.value, status[e.status]
            if held == "held" and _after_publication(ctx, day):
                lapsed, held = _plan_that_lapsed(ctx, e, day)
                if lapsed is None:
                    continue  # a session held cannot lie ahead of the report
                day = lapsed
            if any(r.date and _days_agree(r.date, day) for r in known):
                continue
            if any(r.evidence and r.evidence.start == e.evidence.start for r in known):
                continue
            r = Round(
                track=track.name,
                status=held,
                venue=e.place.name if e.place else None,
                date=day,
                article_id=ctx.article.id,
                evidence=e.evidence,
            )
            known.append(r)
            out.append(r)
        return out

    @staticmethod
    def _held_talks(ctx: Context, track: Track, known: list[Round]) -> list[Round]:
        """Sessions told as "talks held in Istanbul" with no round number and no event of
        the sides' meeting: the track exists, so they are its rounds. A session already known
        at that venue (and day, where both are dated) is not told again."""
        out: list[Round] = []
        for sent in doc_sents(ctx.doc):
            text = span_text(sent)
            m = (
                _held_talks_re().search(text)
                or _began_talks_re().search(text)
                or _days_of_talks_re().search(text)
            )
            if (
                m is None
                or find_rounds(span_text(sent))
                or _next_round_pattern().search(span_text(sent))
            ):
                continue
            at = sent.start_char + m.end()
            venue = _place_after(ctx, sent, at - 3) or _venue(
                ctx, sent, sent.start_char + m.start()
            )
            date = _date_after(ctx, sent, at)
            if venue is None:
                continue
            # A session already told (not one still planned: "the trip will take place on
            # January 30" is not "the talks in Beijing earlier this month").
            same = [
                r
                for r in known
                if r.status != "planned"
                and _same_session(r, venue, date)
                and not (date is None and _long_before_report(ctx, r.date))
            ]
            for r in same:
                r.venue = r.venue or venue  # the sides' meeting event gave the day, not the city
            if same:
                continue
            talks = ctx.doc.char_span(
                sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
            )
            status = _round_status(ctx, sent, talks[0] if talks is not None else None)
            if status == "held" and date and _after_publication(ctx, date):
                date = None  # "the first such meeting in two years" dates no session
            r = Round(
                track=track.name,
                status=status,
                venue=venue,
                date=date,
                article_id=ctx.article.id,
                evidence=_span(sent),
            )
            known.append(r)
            out.append(r)
        return out

    def _next_rounds(self, ctx: Context, track: Track, rounds: dict[int, Round]) -> list[Round]:
        """Meetings announced without a number: "the next round will be held in Doha", "talks
        will resume in two weeks". The next round after numbered ones is the first planned
        one (or the one after the last); with no numbers it stays unnumbered."""
        out: list[Round] = []
        acronyms = body_acronyms(ctx.article.text)
        for sent in doc_sents(ctx.doc):
            m = _next_round_pattern().search(span_text(sent)) or next_body_meeting(
                span_text(sent), acronyms
            )
            if m is None or any(find_rounds(span_text(sent))):
                continue
            if m.group("past") and "round" in m.group(0).lower() and rounds:
                continue  # "the final round" of numbered rounds is the highest number
            at = (sent.start_char + m.start(), sent.start_char + m.end())
            r = self._round_in(ctx, track, sent, 0, at)
            r.date = _date_after(ctx, sent, at[0])
            if not m.group("past") and _plan_come_true(ctx, sent, r.date):
                continue
            r.venue = _place_after(ctx, sent, at[1]) or r.venue
            if m.group("past"):
                r.status = "held"
            elif "round" not in m.group(0).lower():
                r.status = "planned"  # "talks will resume": still to come
            planned = sorted(n for n, x in rounds.items() if x.status == "planned")
            if rounds and r.status == "planned" and not _technical(span_text(sent), m):
                n = planned[0] if planned else max(rounds) + 1
                old = rounds.get(n)
                if old is not None:
                    old.venue = old.venue or r.venue
                    old.date = old.date or r.date
                    continue
                r.ordinal = n
                rounds[n] = r
                continue
            r.ordinal = None
            r.venue = r.venue or _venue_before(ctx, sent)
            # One article's "next round" and "talks will resume" are the one next meeting.
            same = next(
                (o for o in out if o.status == r.status == "planned" and _compatible(o, r)), None
            )
            if same is not None:
                # "in Geneva" and, of the same meeting, "in Switzerland": the state hosts it.
                track.mediators += [
                    h for h in _hosts_named(ctx, track, r.venue) if h not in track.mediators
                ]
                same.venue = same.venue or r.venue
                same.date = same.date or r.date
            else:
                out.append(r)
        return out

    @staticmethod
    def _round_mentions(ctx: Context) -> list[tuple[int, SpacySpan, int, int]]:
        """Numbered rounds, and "the final round" as the highest number the article gave."""
        out = []
        acronyms = named_session_acronyms(ctx.article.text)
        for sent in doc_sents(ctx.doc):
            for n, start, end in find_rounds(span_text(sent), acronyms):
                out.append((n, sent, sent.start_char + start, sent.start_char + end))
        final = max((n for n, *_ in out), default=0)
        if final and _any_final_round_re().search(ctx.article.text):
            for sent in doc_sents(ctx.doc):
                for m in _final_round_re().finditer(span_text(sent)):
                    out.append(
                        (final, sent, sent.start_char + m.start(), sent.start_char + m.end())
                    )
        return out

    def _first_round(self, ctx: Context, track: Track, rounds: dict[int, Round]) -> None:
        """ "The negotiations began in Aktau in September 2025": where round one met."""
        if 1 in rounds or not rounds:
            return
        for sent in doc_sents(ctx.doc):
            m = _began_in_re().search(span_text(sent))
            if m:
                date = next(
                    (
                        d.value
                        for d in ctx.analysis.dates
                        if sent.start_char <= d.start < sent.end_char
                        and d.value
                        and d.precision != "range"
                    ),
                    None,
                )
                rounds[1] = Round(
                    track=track.name,
                    ordinal=1,
                    venue=m.group("venue"),
                    date=date,
                    status="held",
                    article_id=ctx.article.id,
                    evidence=_span(sent),
                )
                return

    def _round_in(
        self, ctx: Context, track: Track, sent: SpacySpan, n: int, at: tuple[int, int]
    ) -> Round:
        phrase = ctx.doc.char_span(at[0], at[1], alignment_mode="expand")
        status = _round_status(ctx, sent, phrase.root if phrase is not None else None)
        others = _other_sessions(ctx, sent, at)
        date = next(
            (
                d.value
                for d in ctx.analysis.dates
                if sent.start_char <= d.start < sent.end_char
                and d.precision != "range"
                and d.value
                and not _since_clause_at(ctx, d.start)
                and not _across(others, at, d.start)
            ),
            None,
        )
        root = phrase.root if phrase is not None else None
        return Round(
            track=track.name,
            ordinal=n,
            venue=(place_in_phrase(ctx, root) or _held_in(ctx, root) if root is not None else None)
            or _venue(ctx, sent, at[1], others),
            date=date,
            status=status,
            article_id=ctx.article.id,
            evidence=Span(start=sent.start_char, end=sent.end_char, text=span_text(sent)),
        )

    @staticmethod
    def _counted_rounds(ctx: Context, track: Track, rounds: dict[int, Round]) -> None:
        """ "Since Feb. 28 they have held three rounds of talks": rounds 1 to 3 were held, the
        first on the day "since" names; the text tells no more of the others."""
        numbers = knowledge.table(LEXICON, "numbers")
        for sent in doc_sents(ctx.doc):
            m = _counted_rounds_re().search(span_text(sent))
            if m is None:
                continue
            word = m.group("n").lower()
            n = int(word) if word.isdigit() else int(numbers.get(word, 0))
            if not 2 <= n <= _MAX_COUNTED:
                continue
            since = _since_re().search(span_text(sent))
            first = _date_after(ctx, sent, sent.start_char + since.end()) if since else None
            for k in range(1, n + 1):
                if k not in rounds:
                    rounds[k] = Round(
                        track=track.name,
                        ordinal=k,
                        date=first if k == 1 else None,
                        status="held",
                        article_id=ctx.article.id,
                        evidence=_span(sent),
                    )

    def _infer_current(self, ctx: Context, track: Track, rounds: dict[int, Round]) -> None:
        """Today's talks are the round before the next planned one; earlier rounds of the same
        track with no venue of their own are taken to have met where today's talks did."""
        now = _current_talks(ctx, track)
        if now is None:
            return
        planned = [n for n, r in rounds.items() if r.status == "planned"]
        # "the 13th EGM saw constructive discussions …; the 25th round has still not taken
        # place": today's talks told with their own number are that session, not the one
        # before the planned round (round 16).
        acronyms = named_session_acronyms(ctx.article.text)
        numbered_now = bool(now.evidence and find_rounds(now.evidence.text, acronyms))
        if (
            planned
            and not numbered_now
            and min(planned) - 1 >= 1
            and (min(planned) - 1) not in rounds
        ):
            n = min(planned) - 1
            rounds[n] = Round(
                track=track.name,
                ordinal=n,
                status="held",
                article_id=ctx.article.id,
                venue=_place_name(ctx, now),
                date=now.date.value if now.date else None,
                evidence=now.evidence,
                participants=list(dict.fromkeys([*now.source, *now.target])),
            )
        venue = _place_name(ctx, now)
        for r in rounds.values():
            if r.status == "held" and r.venue is None and venue:
                r.venue = venue
        held = [n for n, r in rounds.items() if r.status == "held"]
        pub = ctx.article.published_at.isoformat() if ctx.article.published_at else ""
        if (
            held
            and rounds[max(held)].date is None
            and now.date
            and now.date.value
            and now.date.value[:10] <= pub
            and not any(r.date == now.date.value for r in rounds.values())  # one day, one round
        ):
            rounds[max(held)].date = now.date.value  # "It was the second round": today's talks

    # 3. issues and 4. positions ------------------------------------------------------------
    def _issues(self, ctx: Context) -> list[str]:
        issues: list[str] = []
        for sent in doc_sents(ctx.doc):
            found = [_trim_issue(sent, i) for i in find_issues(span_text(sent))]
            issues += [i for i in found if i and i not in issues]
        return issues

    def _positions(self, ctx: Context, track: Track) -> list[Position]:
        positions: list[Position] = []
        for sent in doc_sents(ctx.doc):
            positions += sentence_positions(ctx, sent, track)
        positions += self._replies(ctx, track, positions)
        positions += quoted_positions(ctx, track, positions)
        return positions

    def _replies(self, ctx: Context, track: Track, earlier: list[Position]) -> list[Position]:
        """A party's person answering a stated position takes a stance on the same issue."""
        out: list[Position] = []
        for q in ctx.analysis.quotes:
            if q.speaker is None or (q.cue or "").lower() not in _REPLY_CUES:
                continue
            country = country_of(ctx, q.speaker.actor)
            before = [
                p
                for p in earlier
                if p.evidence and p.evidence.start < q.start and p.actor != country
            ]
            if (
                country not in track.parties
                or not before
                or any(p.actor == country and p.on == before[-1].on for p in out)
            ):
                continue
            sent = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
            where = sent.sent if sent is not None else None
            stance = _after_cue(where.text, q.cue or "") if where is not None else q.text
            out.append(
                Position(
                    actor=country,
                    on=before[-1].on,
                    position=stance,
                    evidence=_span(where) if where is not None else None,
                    article_id=ctx.article.id,
                )
            )
        return out


def _peers_of_one_unplaced(ctx: Context, e: Event) -> bool:
    """ "Foreign Minister A flew to Berlin to meet with his Emirati and German counterparts":
    the states named as the counterparts of one whose state the article does not give met
    him, not each other (nego20), so their pair is no table of talks."""
    if parties_of(ctx, e.source):
        return False
    ev = e.evidence
    return any(ev.start <= t.idx < ev.end for t in counterpart_phrases(ctx.doc))


def _tables(ctx: Context, helpers: list[str]) -> list[list[str]]:
    """The sides of each session of today's talks (CONSULT events not recalled as history)
    that its sentence lists together, without its hosts and the article's mediators. A list
    that holds the session's sides holds its table: "Khartoum hosted a meeting of the
    delegations from Egypt, Sudan and Ethiopia" seats Sudan too, which hosts its own talks."""
    out = []
    for e in ctx.analysis.events:
        if e.type != "CONSULT" or e.status == "historical":
            continue
        seated = _listed_sides(ctx, e.evidence)
        hosts = [*host_states(ctx, e, sorted(seated)), *e.mediator]
        out.append(sorted(s for s in seated if s not in hosts and s not in helpers))
    return out


def _listed_sides(ctx: Context, evidence: Span) -> set[str]:
    """Sides named in one list of three or more under a word of meeting ("talks between
    Uzbekistan, Tajikistan and Kyrgyzstan", "the ministers of A, B, C and D met", "a meeting
    of the delegations from A, B and C"): a side named elsewhere in the sentence ("the two
    sides discussed North Korea's missile launches") is a topic, and a list under another
    verb ("A, B and C share the river") no table."""
    span = ctx.doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    at = actor_at(ctx)
    meeting = {
        *knowledge.words(LEXICON, "side_meeting_verbs"),
        *knowledge.words(_LEX, "meeting_words"),
    }
    found: set[str] = set()
    for tok in span or ():
        if tok.i not in at or not tok.conjuncts or tok.dep_ == "conj":
            continue
        if not any(a.lemma_.lower() in meeting for a in tok.ancestors):
            continue
        listed = parties_of(ctx, [at[t.i] for t in (tok, *tok.conjuncts) if t.i in at])
        if len(listed) >= 3:
            found.update(listed)
    return found


def _whole_table(ctx: Context, pair: list[str], helpers: list[str]) -> list[str]:
    """Every side at the table of the two most often there (sorted ids): the most sides one
    session of today's talks seats with both ("talks between Egypt, Ethiopia and Sudan"),
    else the sides of a known multi-party format the article names with both ("the six-party
    talks", lexicon ``named_processes``), else the two. A mediator is never a side."""
    seated = [t for t in _tables(ctx, helpers) if len(t) >= 3 and set(pair) <= set(t)]
    if seated:
        widest: list[str] = max(seated, key=len)
        return sorted(widest)
    for sides in _formats_met(ctx):
        if len(sides) >= 3 and set(pair) <= set(sides):
            return sorted(p for p in sides if p not in helpers)
    return pair


def _formats_met(ctx: Context) -> list[list[str]]:
    """The parties of each known format (lexicon ``named_processes``) named in a sentence
    that tells talks of today ("met on the sidelines of the six-party talks"), not one
    recalled ("since the six-party talks collapsed in 2009" tells no CONSULT of today)."""
    now = [
        e.evidence
        for e in ctx.analysis.events
        if e.type == "CONSULT" and e.status in ("occurred", "planned")
    ]
    out = []
    for name, who in knowledge.table(LEXICON, "named_processes").items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", ctx.article.text, re.I):
            if any(ev.start <= m.start() < ev.end for ev in now):
                out.append([p for p in who["parties"] if p in ctx.kb])
    return out


def _dominant_states(ctx: Context) -> list[str]:
    """The two states the article mentions most (sorted ids), if there are two."""
    states = sorted(
        (a for a in ctx.analysis.actors if a.kind == "state"), key=lambda a: -len(a.mentions)
    )
    return sorted(a.id for a in states[:2]) if len(states) >= 2 else []


def _after_cue(sentence: str, cue: str) -> str:
    """The stance in "X responded that STANCE": the words after the cue and 'that'."""
    that = alt(knowledge.phrases(_LEX, "complementizers"))
    m = re.search(rf"\b{re.escape(cue)}\b(?:\s+(?:{that}))?\s*", sentence)
    return sentence[m.end() :].strip().rstrip(".") if m else sentence


def _track_name(ctx: Context, pair: list[str]) -> str:
    kind = "peace talks" if _peace_words_re().search(ctx.article.text) else "talks"
    return f"{_pair_name(ctx, pair)} {kind}"


def _pair_name(ctx: Context, pair: list[str]) -> str:
    return "–".join(short_name(ctx, p) for p in pair)


def _only_history(ctx: Context, ag: Agreement) -> bool:
    """Whether every step the article tells of ``ag`` ended long before the report ("the
    first such discussions since the United States withdrew from the JCPOA in 2018", in a
    2025 report): a treaty recalled as history is no negotiation of the report's time
    (round 16). A step undated or expected, or dated within the year, is news."""
    pub = ctx.article.published_at
    if pub is None or not ag.statuses:
        return False
    limit = knowledge.number(_LEX, "recalled_step_days")
    return all(
        s.date is not None and "expected" not in s.status and (pub - _last_day(s.date)).days > limit
        for s in ag.statuses
    )


def _last_day(value: str) -> dt.date:
    """The last day a date of a year, a month or a day can mean ("2018" → 2018-12-31)."""
    if len(value) == 4:
        return dt.date(int(value), 12, 31)
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        first_next = dt.date(year + month // 12, month % 12 + 1, 1)
        return first_next - dt.timedelta(days=1)
    return dt.date.fromisoformat(value[:10])


def _has(ag: Agreement, word: str) -> bool:
    return any(word in s.status for s in ag.statuses)


def _extension_positions(ctx: Context, ag: Agreement) -> list[Position]:
    out = []
    for s in ag.statuses:
        if s.status == "extension proposed" and s.by:
            country = country_of(ctx, s.by)
            if country and s.evidence:
                noun = alt(knowledge.phrases(_LEX, "extension_nouns"))
                m = re.search(rf"\b(?:a|an)\s+([\w\-]+\s+(?:{noun}))\b", s.evidence.text)
                out.append(
                    Position(
                        actor=country,
                        on=f"{ag.name} extension",
                        position=m.group(1) if m else "extension",
                        evidence=s.evidence,
                        article_id=ctx.article.id,
                    )
                )
    return out


def _current_talks(ctx: Context, track: Track) -> Event | None:
    for e in ctx.analysis.events:
        if (
            e.type == "CONSULT"
            and e.status == "occurred"
            and set(track.parties) <= set(parties_of(ctx, [*e.source, *e.target]))
        ):
            return e
    return None


def _round_status(ctx: Context, sent: SpacySpan, tok: Token | None) -> str:
    """Planned, cancelled, under way or held, read from the clause that governs the round.

    Only the round's own verb and its auxiliaries count, so "ended the first round …, agreeing
    to meet again in April" is held although the sentence also plans a meeting.
    """
    if tok is None:
        return _sentence_status(ctx, sent)
    words = _clause_words(tok)
    if words & _CANCEL_LEMMAS or "call off" in _phrasal(tok):
        return "cancelled"
    if _negated(tok):
        # "the 25th round … has still not taken place": still to come; "did not take place
        # as planned" is a round that fell through (round 16).
        return "planned" if words & _STILL_WORDS or "have" in words else "cancelled"
    if _under_way_re().search(span_text(sent)):
        return "under way"
    if words & _PLAN_LEMMAS or {"be", "to"} <= words or {"yet", "to"} <= words:
        # "a round is to be held", "the round has yet to take place"
        return "planned"
    return "held"


def _negated(tok: Token) -> bool:
    """Whether the verb the round phrase hangs on is negated ("has not taken place")."""
    verb = next((t for t in tok.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _clause_words(tok: Token) -> set[str]:
    """Lemmas of the verbs above the round phrase (to its clause root), their auxiliaries and
    predicates, and of clauses that describe the round ("which Switzerland will host")."""
    words: set[str] = set()
    for t in (*tok.children, *tok.ancestors):
        if t in tok.children:
            if t.dep_ == "relcl":
                words |= {c.lemma_.lower() for c in t.subtree}
            continue
        words.add(t.lemma_.lower())
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in _INTENT_LEMMAS:
            words.add("will")  # "agreed to continue … in a third round": still to come
        words |= {
            c.lemma_.lower()
            for c in t.children
            if c.dep_ in ("aux", "auxpass", "acomp", "xcomp", "advmod", "prt")
        }
        words |= {  # "is to be held": the infinitive's own "to"
            g.lemma_.lower()
            for c in t.children
            if c.dep_ == "xcomp"
            for g in c.children
            if g.dep_ == "aux"
        }
        if (
            t.dep_ == "conj"
            and t.head.dep_ == "xcomp"
            and t.head.head.lemma_.lower() in _INTENT_LEMMAS
        ):
            words.add("will")  # "agreed to increase … and to keep contact on holding the round"
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "advcl", "conj", "relcl"):
            break  # a relative clause holding the round ("an obstacle to progress in …") too
    return words


def _phrasal(tok: Token) -> str:
    """ "call off" when the round is the object of "called off"."""
    for t in tok.ancestors:
        if t.pos_ == "VERB":
            prt = [c.lower_ for c in t.children if c.dep_ == "prt"]
            return " ".join([t.lemma_.lower(), *prt])
    return ""


def _sentence_status(ctx: Context, sent: SpacySpan) -> str:
    if _cancelled_re().search(span_text(sent)):
        return "cancelled"
    if _planned_re().search(span_text(sent)) or _future_date(ctx, sent):
        return "planned"
    return "held"


def _since_clause_at(ctx: Context, char: int) -> bool:
    """Whether the text at ``char`` sits in a "since" clause or phrase ("the 10th round …
    since the standoff in Ladakh started last year"): it tells when something else began, not
    when or where the round meets."""
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    for t in (span.root, *span.root.ancestors):
        if t.lower_ == "since" or any(c.lower_ == "since" and c.dep_ == "mark" for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj"):
            return False  # a clause of its own: "since" below it was not this one's
    return False


def _held_in(ctx: Context, root: Token) -> str | None:
    """The place of a participle of meeting that describes the round ("a first round of
    indirect talks held in Oman on April 12"): where that round met, whatever other meeting
    the sentence puts first ("The meeting in Rome follows …", round 16)."""
    held = knowledge.words(_LEX, "round_held_participles")
    nouns = [
        root,
        *(g for c in root.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"),
    ]
    for noun in nouns:
        for c in noun.children:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in held:
                place = place_in_phrase(ctx, c)
                if place:
                    return place
    return None


def _other_sessions(ctx: Context, sent: SpacySpan, at: tuple[int, int]) -> list[tuple[int, int]]:
    """The character spans of the other numbered sessions in the round's sentence."""
    acronyms = named_session_acronyms(ctx.article.text)
    spans = [
        (sent.start_char + s, sent.start_char + e)
        for _, s, e in find_rounds(span_text(sent), acronyms)
    ]
    return [sp for sp in spans if not (sp[0] < at[1] and at[0] < sp[1])]


def _across(others: list[tuple[int, int]], at: tuple[int, int], pos: int) -> bool:
    """Whether another session's phrase stands between the round phrase and ``pos``: "the
    25th round has still not taken place despite intentions expressed at the 12th EGM held on
    May 23 in Thimphu" — the day and the town are the 12th meeting's (round 16)."""
    if pos >= at[1]:
        return any(at[1] <= s and e <= pos for s, e in others)
    return any(pos <= s and e <= at[0] for s, e in others)


def _venue(
    ctx: Context, sent: SpacySpan, at: int, others: list[tuple[int, int]] | None = None
) -> str | None:
    """Where the round met: a place after "in"/"at" near the round phrase ("the third round,
    in Geneva"), or "held in the Kazakh capital" (the capital of the demonym's state); not a
    place told after another session's phrase (``others``)."""
    for ent in ents_within(sent):
        near = -120 <= ent.start_char - at <= 100  # "took place at the headquarters … in Jaffna"
        if _since_clause_at(ctx, ent.start_char):
            continue  # "the 10th round … since the standoff in Ladakh started": not its venue
        if others and _across(others, (at, at), ent.start_char):
            continue
        if near and _where_met(ctx, ent) and not _other_session_place(ctx, ent, at):
            return _capital_named(ctx, ent.text) or ent.text
    for ent in ents_within(sent):  # "the second round of the Doha talks"
        nxt = ctx.doc[ent.end].lower_ if ent.end < len(ctx.doc) else ""
        a_state = any(a.kind == "state" for a in ctx.kb.lookup(ent.text))
        if ent.label_ == "GPE" and nxt in knowledge.words(LEXICON, "process_nouns") and not a_state:
            return ent.text  # "the South Sudan negotiations" are about a state, not held in it
    capital = alt(knowledge.phrases(_LEX, "capital_nouns"))
    m = re.search(
        rf"\bin the (?P<demonym>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:{capital})\b", span_text(sent)
    )
    if m:
        state = load_demonyms().get(m.group("demonym"))
        if state and state in ctx.kb and ctx.kb[state].capital:
            return ctx.kb[state].capital
    return None


@knowledge.derived
def _talks_home_re() -> re.Pattern[str]:
    """ "…, where previous rounds of talks have been held": a clause naming the talks' city."""
    where = alt(knowledge.phrases(_LEX, "talks_venue_relatives"))
    talks = alt(knowledge.phrases(LEXICON, "talks_nouns"))
    held = spaced(knowledge.phrases(_LEX, "talks_venue_held"))
    return re.compile(
        rf"\b(?:{where})\s+(?:\w+\s+){{0,2}}(?:(?:{_rounds()})s?|{talks})\b(?:\s+\w+){{0,3}}?\s+(?:{held})\b",
        re.I,
    )


def _talks_home(ctx: Context) -> str | None:
    """The one city the article names as where the track's sessions meet ("told AFP in Addis
    Ababa, … where previous rounds of talks have been held"): the place after "in" nearest
    before that clause."""
    homes = set()
    for sent in doc_sents(ctx.doc):
        m = _talks_home_re().search(span_text(sent))
        if m is None:
            continue
        at = sent.start_char + m.start()
        before = [
            e
            for e in sent.ents
            if e.label_ == "GPE"
            and e.end_char <= at
            and ctx.doc[e.start - 1].lower_ in ("in", "at")
        ]
        if before:
            homes.add(_capital_named(ctx, before[-1].text) or before[-1].text)
    return homes.pop() if len(homes) == 1 else None


def _place_name(ctx: Context, event: Event) -> str | None:
    """The event's place as a venue: "the Ethiopian capital" is Addis Ababa."""
    if event.place is None:
        return None
    return _capital_named(ctx, event.place.name) or event.place.name


def _capital_named(ctx: Context, place: str) -> str | None:
    """ "Ethiopian capital", taken whole for a place: the capital of the demonym's state."""
    capital = alt(knowledge.phrases(_LEX, "capital_nouns"))
    m = re.fullmatch(rf"(?:the )?(?P<demonym>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:{capital})", place)
    state = load_demonyms().get(m.group("demonym")) if m else None
    return ctx.kb[state].capital if state and state in ctx.kb else None


def _future_date(ctx: Context, sent: SpacySpan) -> bool:
    pub = ctx.article.published_at
    for d in ctx.analysis.dates:
        if sent.start_char <= d.start < sent.end_char and d.value and pub:
            if d.value[:10] > pub.isoformat()[: len(d.value[:10])]:
                return True
    return False


def _place_after(ctx: Context, sent: SpacySpan, at: int) -> str | None:
    """ "The next round … will be held in Pakistan": the first place after "in" or "at"
    following the round phrase in its sentence."""
    for ent in sent.ents:
        if ent.start_char >= at and _where_met(ctx, ent):
            return ent.text
    return None


def _other_session_place(ctx: Context, ent: SpacySpan, at: int) -> bool:
    """ "After six days of negotiations in Geneva, no date was set for a new round": a place
    before the round phrase that hangs on another talks noun is where those talks met."""
    if ent.start_char >= at:
        return False
    talks = set(knowledge.phrases(LEXICON, "talks_nouns"))
    for tok in ctx.doc[ent.start].ancestors:
        if tok.lower_ in talks:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _where_met(ctx: Context, ent: SpacySpan) -> bool:
    """Whether ``ent`` is a place told as where something met: after "in"/"at" ("in
    Geneva"), or after "of" in "in the lakeside resort of Tarna"."""
    if ent.start < 2 or not a_place(ctx, ent):
        return False
    before = ctx.doc[ent.start - 1]
    if before.lower_ in ("in", "at"):
        return True
    if before.lower_ == "to" and before.head.lemma_.lower() in knowledge.words(
        _LEX, "venue_travel_verbs"
    ):
        return True  # "to return to Stockholm to meet again"
    noun = before.head
    return (
        before.lower_ == "of"
        and noun.lemma_.lower() in knowledge.words(_LEX, "venue_place_nouns")
        and noun.head.lower_ in ("in", "at")
    )


def _hosts_named(ctx: Context, track: Track, venue: str | None) -> list[str]:
    """The states a venue names itself ("in Switzerland"), when they are no side."""
    found = ctx.kb.lookup(venue) if venue else []
    return [a.id for a in found if a.kind == "state" and a.id not in track.parties]


def _venue_hosts(ctx: Context, track: Track) -> list[str]:
    """States that host a round ("the next round will be held in Pakistan", a round in
    Kuala Lumpur): the state named, or whose capital is named, when it is no side."""
    hosts: list[str] = []
    for r in track.rounds:
        hosts += _hosts_named(ctx, track, r.venue)
        for actor in ctx.kb.of_kind("state") if r.venue else []:
            if actor.capital == r.venue and actor.id not in track.parties:
                hosts.append(actor.id)
    return list(dict.fromkeys(hosts))


def _named_talks_hosts(ctx: Context, track: Track) -> list[str]:
    """The state whose city names the talks ("the Lusaka peace talks", "the Doha process"):
    it hosts them when it is no side. A state's own name ("the Syria talks") hosts nothing."""
    hosts: list[str] = []
    nouns = set(knowledge.words(LEXICON, "process_nouns"))
    for sent in doc_sents(ctx.doc):
        for ent in ents_within(sent):
            after = [t.lower_ for t in ctx.doc[ent.end : ent.end + 2]]
            if ent.label_ != "GPE" or not (nouns & set(after)):
                continue
            for actor in ctx.kb.of_kind("state"):
                if actor.capital == ent.text and actor.id not in track.parties:
                    hosts.append(actor.id)
    return hosts


def _venue_before(ctx: Context, sent: SpacySpan) -> str | None:
    """ "X and Y initialled the treaty in Bishkek. … after a final round of talks": a place
    the sentence before names after "in" where something happened (not "the Taliban's
    office in Qatar")."""
    if sent.start == 0:
        return None
    prev = ctx.doc[sent.start - 1].sent
    for ent in prev.ents:
        if ent.label_ != "GPE" or ent.start == 0:
            continue
        prep = ctx.doc[ent.start - 1]
        if prep.lower_ == "in" and prep.head.pos_ in ("VERB", "AUX"):
            return ent.text
    return None


def _plan_come_true(ctx: Context, sent: SpacySpan, day: str | None) -> bool:
    """ "Saturday's talks were the first meeting since the two leaders agreed to restart
    dialogue in June": a plan dated before the report, in a sentence that tells the session
    held, is that session; the date is when the plan was made."""
    pub = ctx.article.published_at
    if day is None or pub is None or day[:7] >= pub.isoformat()[:7]:
        return False
    return any(
        e.type == "CONSULT"
        and e.status == "occurred"
        and sent.start_char <= e.evidence.start < sent.end_char
        for e in ctx.analysis.events
    )


def _meeting_negated(ctx: Context, e: Event) -> bool:
    """Whether the negation of a meeting event is on the meeting (its trigger, or the verb
    whose subject or object the trigger is, a meeting verb) rather than on some other act."""
    if e.trigger is None:
        return True
    span = ctx.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    if span is None:
        return True
    tok = span.root
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if tok.pos_ not in ("VERB", "AUX") and tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    meeting = verb is tok or verb.lemma_.lower() in knowledge.words(_LEX, "meeting_verbs")
    return meeting and any(c.dep_ == "neg" for c in verb.children)


def _plan_that_lapsed(ctx: Context, e: Event, day: str) -> tuple[str | None, str]:
    """ "Under the deal, the parties were to begin peace talks on August 8, but the deadline
    expired": a session told as done but dated ahead of the report is a plan of the past, on
    the day a year earlier, that did not take place (the dates read "August 8" as the next
    one). Without "were to" it is a held session whose day is unknown."""
    pub = ctx.article.published_at
    earlier = past_value(day, pub.isoformat()) if pub is not None else None
    lapsed = _lapsed_plan_re().search(e.evidence.text)
    if earlier is None or earlier == day or lapsed is None:
        return None, "held"
    return earlier, "cancelled"


@knowledge.derived
def _lapsed_plan_re() -> re.Pattern[str]:
    return _any_of(knowledge.phrases(_LEX, "lapsed_plan_marks"))


def _after_publication(ctx: Context, date: str) -> bool:
    pub = ctx.article.published_at
    return pub is not None and date[:10] > pub.isoformat()[: len(date[:10])]


def _long_before_report(ctx: Context, day: str | None) -> bool:
    """Whether ``day`` (a full date) lies more than a few days before the report: an undated
    session the report tells ("after twelve hours of negotiations in Tarna") is its news, not
    "a first meeting on February 27" three weeks earlier."""
    pub = ctx.article.published_at
    if pub is None or day is None or len(day) != 10:
        return False
    try:
        held = dt.date.fromisoformat(day)
    except ValueError:
        return False
    return (pub - held).days > knowledge.number(_LEX, "undated_session_news_days")


def _same_session(r: Round, venue: str, date: str | None) -> bool:
    """A known round at this venue, on a day that agrees (or with a day unknown)."""
    if r.venue not in (None, venue):
        return False
    return r.date is None or date is None or _days_agree(r.date, date)


def _compatible(a: Round, b: Round) -> bool:
    """Two unnumbered plans are one meeting when their days agree (within the two days that
    "March 28-30" and "March 29-30" leave), else unless their venues or days differ ("in
    Pakistan on February 18 … in Qatar on February 25")."""
    if a.date and b.date:
        return _days_agree(a.date, b.date)
    return not (a.venue and b.venue and a.venue != b.venue)


def _days_agree(a: str, b: str) -> bool:
    """ "2026-03" and "2026-03-09" agree; so do two days at most two days apart."""
    if a.startswith(b) or b.startswith(a):
        return True
    if len(a) == len(b) == 10:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 2
    return False


def _date_plans_elsewhere(ctx: Context, rounds: list[Round]) -> None:
    """A planned round that its own sentence leaves undated (or dates by the day of the
    announcement) takes the one future day another sentence plans a meeting for: "the next
    round will be held in Pakistan … the negotiators would meet on February 18"."""
    pub = ctx.article.published_at
    if pub is None:
        return
    plans = [r for r in rounds if r.status == "planned" and (r.date or "") <= pub.isoformat()]
    taken = {r.date for r in rounds if r.status == "planned" and r not in plans}
    if len(plans) != 1:
        return
    start = plans[0].evidence.start if plans[0].evidence else 0
    sents = list(doc_sents(ctx.doc))
    after = [s for s in sents if s.start_char > start]
    # "The commanders will meet at Moldo on Saturday. This will be the 10th round": the plan's
    # day in the sentence just before, when no later sentence gives one.
    before = [s for s in sents if s.end_char <= start][-1:]
    for sent in [*after, *before]:
        if not (_planned_re().search(span_text(sent)) and _meeting_re().search(span_text(sent))):
            continue
        days = [
            d.value
            for d in ctx.analysis.dates
            if sent.start_char <= d.start < sent.end_char
            and d.value
            and len(d.value) == 10
            and d.value > pub.isoformat()
            and d.value not in taken
        ]
        if days:
            plans[0].date = days[0]
            return


def _date_after(ctx: Context, sent: SpacySpan, at: int) -> str | None:
    """The date nearest after ``at`` in the sentence ("talks resumed in Geneva in March"), else
    the nearest before it, as precise as the text gives it."""
    dates = [
        d
        for d in ctx.analysis.dates
        if sent.start_char <= d.start < sent.end_char
        and d.value
        and d.precision != "range"
        and not _other_clause_date(ctx, d.start, d.end, at)
    ]
    if not dates:
        return None
    best = min(dates, key=lambda d: (d.start < at, abs(d.start - at)))
    return best.value


def _other_clause_date(ctx: Context, start: int, end: int, at: int) -> bool:
    """A date in a clause of its own, opened by a subordinator of another time ("before",
    "after") and with a subject, that does not hold the talks ("negotiations in Algiers … to
    withdraw to positions held before hostilities began in May 1998"): the date of that
    clause's event, not of the session (round 15)."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.dep_ not in ("advcl", "relcl"):
        return False
    marks = knowledge.words(_LEX, "other_time_marks")
    own = any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    )
    first, last = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    return own and not first <= at < last


def _span(sent: SpacySpan) -> Span:
    return Span(start=sent.start_char, end=sent.end_char, text=span_text(sent))


def _trim_issue(sent: SpacySpan, item: str) -> str:
    """``item`` cut before the first finite verb or "in/at <place>" the parse finds in it
    ("grazing land flared again" → "grazing land")."""
    at = span_text(sent).find(item)
    if at < 0:
        return item
    start = sent.start_char + at
    for tok in sent:
        if tok.idx < start or tok.idx == start:
            continue
        if tok.idx >= start + len(item):
            break
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        place = (
            tok.lower_ in ("in", "at")
            and nxt is not None
            and nxt.ent_type_ in ("GPE", "LOC", "FAC")
        )
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or place:
            return doc_text(sent.doc)[start : tok.idx].strip(" ,;:—-")
    return item
