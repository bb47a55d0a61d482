"""Events told in a headline, which normalisation keeps out of the article's text.

"Three buses leave the embassy as Russia expels diplomats" (round 8's h04): the expulsion is told
only in the page's first line, which :mod:`parley.normalize.structure` reads as the title, so
the body never shows it. The pipeline parses the headline as a short text of its own and runs
the extractors up to the events on it (:meth:`parley.pipeline.Pipeline.analyze`); this module
decides which of those events join the article's (events20):

* an event the body tells again (same type, a shared actor) is the body's, never a second
  record: the body's telling carries the day and the details;
* the others are kept once, dated as the headline's run dated them (the article's publication
  day, as news of the day, unless the headline writes a date);
* their offsets lie below zero, counted as though the headline stood on a line of its own
  before the text: ``(title + "\\n" + text)[start + len(title) + 1 : end + len(title) + 1]``
  is their text, so no offset of a body record changes and a listing that marks the body's
  text (which checks ``0 <= start``) leaves them out.

A headline in title case ("Russia Expels 23 Diplomats") is parsed with the words it
capitalises that name nothing the knowledge base knows in lower case
(:func:`parseable_headline`), which keeps every offset.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.events.plover import PloverLexicon
from parley.extract.timeplace.places import country_of_demonym
from parley.models import AnalysisWarning, Event, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from parley.kb import KnowledgeBase

__all__ = [
    "headline_events",
    "headline_shift",
    "headline_warnings",
    "may_tell_events",
    "parseable_headline",
]

_FINITE = ("VBZ", "VBP", "VBD")  # the parser's tags of finite verbs, not a word list
_EDGE = "\"'“”‘’:,;?!"  # punctuation around a headline's word


def headline_shift(title: str) -> int:
    """How far the headline's offsets move: below the text, with a line break between."""
    return -(len(title) + 1)


def headline_events(
    found: list[Event], body: list[Event], title: str, doc: Doc, kb: KnowledgeBase
) -> list[Event]:
    """The events of the headline (``found``, offsets in ``title``, parsed as ``doc``) that a
    verb of the headline tells and the body does not tell again, with their offsets moved
    below zero (see the module docstring)."""
    shift = headline_shift(title)
    return [
        _shifted(e, shift, title)
        for e in found
        if _told_by_a_verb(e, doc) and not any(_retold(e, b, kb) for b in body)
    ]


def _told_by_a_verb(event: Event, doc: Doc) -> bool:
    """Whether a verb of the headline tells ``event``: a finite verb with its own subject
    ("Kenya expels envoy") or a participle or infinitive hung on one ("..., accusing X of
    ..."; "X to expel envoy"). Headlinese drops articles and the parser often reads a noun
    as a verb or a verb as a noun ("Crowds in Tbilisi protest against law", "lays out plan
    for fisheries talks"); an event noun or a finite verb without a subject is such a misread
    label more often than news, so it is left out."""
    if event.trigger is None:
        return False
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or span.root.pos_ != "VERB":
        return False
    verb = span.root
    finite = verb.tag_ in _FINITE
    return not finite or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def may_tell_events(doc: Doc, lexicon: object) -> bool:
    """Whether a word of the parsed headline fits a trigger rule of ``lexicon`` (the events
    extractor's :class:`~parley.extract.events.plover.PloverLexicon`): without one the
    extractors would find no event, so their run is saved. True when no lexicon is known."""
    if not isinstance(lexicon, PloverLexicon):
        return True
    return any(lexicon.match(token, set()) is not None for token in doc)


def headline_warnings(found: list[AnalysisWarning], title: str) -> list[AnalysisWarning]:
    """Warnings of the headline's run, their offsets moved below zero like its events'."""
    shift = headline_shift(title)
    return [
        w.model_copy(
            update={
                "start": None if w.start is None else w.start + shift,
                "end": None if w.end is None else w.end + shift,
            }
        )
        for w in found
    ]


def parseable_headline(title: str, kb: KnowledgeBase) -> str:
    """``title`` as a sentence, when the headline capitalises most of its words ("Kenya
    Expels Ugandan Envoy Over Border Row"): the parser reads a run of capitalised words as one
    name. Each capitalised word after the first is put in lower case unless it is a name the
    knowledge base knows (alone or with a neighbour: "South Sudan") or a demonym ("Ugandan").
    The length, and so every offset, is unchanged."""
    words = title.split(" ")
    capitalised = [w for w in words if w[:1].isupper()]
    if len(words) < 3 or len(capitalised) * 4 < len(words) * 3:
        return title  # sentence case: the parser reads it as it is
    bare = [w.strip(_EDGE) for w in words]
    out = list(words)
    for i, word in enumerate(bare):
        if i == 0 or not (word[:1].isupper() and word[1:].islower()):
            continue
        pairs = [f"{bare[i - 1]} {word}", f"{word} {bare[i + 1]}" if i + 1 < len(bare) else ""]
        if _named(word, kb) or any(p and _named(p, kb) and p.istitle() for p in pairs):
            continue
        out[i] = words[i].replace(word, word.lower(), 1)
    return " ".join(out)


def _named(words: str, kb: KnowledgeBase) -> bool:
    """Whether ``words`` name an actor or place the knowledge base knows, or a nationality."""
    return bool(kb.lookup(words)) or country_of_demonym(words) is not None


def _retold(headline: Event, told: Event, kb: KnowledgeBase) -> bool:
    """Whether the body's ``told`` is the headline's event told again: the same type and an
    actor in common, or an actor's country ("Kenya expels envoy", then "President X expelled
    the envoy on Tuesday")."""
    mine = {*headline.source, *headline.target}
    theirs = {*told.source, *told.target}
    shared = mine & theirs or _countries(mine, kb) & _countries(theirs, kb)
    return headline.type == told.type and bool(shared)


def _countries(actors: set[str], kb: KnowledgeBase) -> set[str]:
    """The states the actors act for: a state is its own, anyone else their country."""
    found = set()
    for a in actors:
        actor = kb[a] if a in kb else None
        code = actor.id if actor is not None and actor.kind == "state" else None
        code = code or (actor.country if actor is not None else None)
        if code:
            found.add(code)
    return found


def _shifted(event: Event, shift: int, title: str) -> Event:
    """``event`` with every offset it carries moved by ``shift``, its words as the headline
    writes them (the parse may have lower-cased a trigger)."""
    update: dict[str, object] = {"evidence": _span(event.evidence, shift, title)}
    if event.trigger is not None:
        update["trigger"] = _span(event.trigger, shift, title)
    if event.date is not None:
        update["date"] = event.date.model_copy(
            update={"start": event.date.start + shift, "end": event.date.end + shift}
        )
    if event.place is not None and event.place.start is not None and event.place.end is not None:
        update["place"] = event.place.model_copy(
            update={"start": event.place.start + shift, "end": event.place.end + shift}
        )
    return event.model_copy(update=update)


def _span(span: Span, shift: int, title: str) -> Span:
    return Span(start=span.start + shift, end=span.end + shift, text=title[span.start : span.end])
