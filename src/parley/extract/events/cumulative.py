"""Statements that sum up many acts over a span, not one act of one day.

"The military says it has launched more than 1,300 airstrikes since then", "Israel's week-old
offensive", "following ten days of attacks", "the offensive has killed more than 200 people":
each tells a campaign, not the day's news. The event is kept (it is what the text says) and
marked :attr:`parley.models.Event.cumulative`, so that stories — one act told by several
outlets — do not take it for a report of one day's strike (stories2: such summaries joined
every day's strikes of a busy week into one story).

A statement is cumulative when its act is
* aged or stretched by a span: a unit with "-old" or "-long" before the act's noun ("the
  week-old offensive", "a month-long campaign"), or units of the act ("ten days of attacks");
  a meeting lasting days is one session ("two days of talks");
* counted from a point in time, in the perfect: "has launched N airstrikes since then", or a
  running total ("so far", "to date"); a clause contrasted with one ("…, while Hamas has
  fired N rockets") shares its span;
* what a campaign has done, in the perfect: "the offensive has killed more than 200".
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

import parley.knowledge as knowledge

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["is_cumulative"]

_LEXICON = "lexicon/events.json"
_CLAUSES = ("advcl", "conj", "ccomp", "relcl", "xcomp", "parataxis", "acl")


def is_cumulative(trigger: Token, event_type: str) -> bool:
    """Whether the act of ``trigger`` (an event of ``event_type``) sums up many acts."""
    if trigger.pos_ == "NOUN" and _spanned_noun(trigger, event_type):
        return True
    verb = _clause_verb(trigger)
    if verb is None or not _perfect(verb):
        return False
    return _counted_over_span(verb) or _campaign_subject(verb) or _shares_span(verb)


def _spanned_noun(noun: Token, event_type: str) -> bool:
    """ "the week-old offensive", "a month-long campaign", "ten days of attacks"."""
    before = noun.doc[noun.left_edge.i : noun.i].text.lower()
    if _aged().search(before):
        return True
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return (
        holder is not None
        and _span_of_time(holder)
        and event_type.lower() not in knowledge.words(_LEXICON, "one_session_types")
    )


def _span_of_time(unit: Token) -> bool:
    """ "ten days", "a week", "months": a span longer than one day, which holds many acts.
    "A day of fighting" is that day's; "within a week of the attack" measures a distance from
    one act (``span_distance_preps``)."""
    if unit.lemma_.lower() not in knowledge.words(_LEXICON, "span_units"):
        return False
    if unit.lemma_.lower() == "day" and unit.tag_ != "NNS":
        return False
    distance = knowledge.words(_LEXICON, "span_distance_preps")
    return not (unit.dep_ == "pobj" and unit.head.lower_ in distance)


@cache
def _aged() -> re.Pattern[str]:
    """A unit with an age or length suffix ending the words before a noun: "week-old",
    "9-day-old", "month-long", "days - long" (the tokenizer splits hyphens)."""
    units = "|".join(sorted(knowledge.words(_LEXICON, "span_units")))
    ages = "|".join(sorted(knowledge.words(_LEXICON, "age_suffixes")))
    return re.compile(rf"\b(?:{units})s?\s*-\s*(?:{ages})\s*$")


def _clause_verb(trigger: Token) -> Token | None:
    """The verb whose clause tells the act: the trigger itself, or the verb a noun trigger is
    the object or subject of ("has launched more than 1,300 airstrikes")."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass") and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    return None


def _perfect(verb: Token) -> bool:
    """ "has launched", "have been killed", "had fired": the perfect, which counts acts up to
    a time rather than telling one."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _counted_over_span(verb: Token) -> bool:
    """ "since then", "since the war began", "so far", "to date" on the verb."""
    spans = knowledge.words(_LEXICON, "span_preps")
    totals = knowledge.words(_LEXICON, "running_total_phrases")
    for child in verb.children:
        if child.dep_ in ("prep", "advmod") and child.lower_ in spans:
            return True
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in spans for m in child.children
        ):
            return True
        if child.dep_ not in _CLAUSES and " ".join(t.lower_ for t in child.subtree) in totals:
            return True
    return False


def _campaign_subject(verb: Token) -> bool:
    """ "the offensive has killed more than 200 people": a campaign as the doer."""
    campaigns = knowledge.words(_LEXICON, "campaign_nouns")
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in campaigns for c in verb.children)


def _shares_span(verb: Token) -> bool:
    """ "X has launched N airstrikes since then, while Hamas militants have launched N
    rockets": a perfect contrasted with a counted one counts over the same span."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i == verb.i or not _perfect(head):
        return False
    marks = knowledge.words(_LEXICON, "simultaneity_marks")  # "while", "as"
    contrasted = any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)
    return contrasted and _counted_over_span(head)
