"""The events a negotiation record tells: a round is a meeting, an agreement step an act.

The negotiation layer often knows more than the sentence-level event extractor: that "the next
round will be held in Doha" is a meeting of the two sides whose talks Qatar mediates, or that
"initialled the treaty" is the two states' act even when the sentence's subject is a
delegation. Stories are made of events, so a round or a status step that no event tells would
never join the other outlets' reports of the same meeting or signing.

This step runs after tracks and agreements are known. For each round of the article's track and
each status step of its agreements it looks for an event of the matching type told in the same
sentence:

* an event that names the sides (or more of them than mediators) is left as the events
  extractor made it;
* an event whose only actors are the mediators and at most one side ("Qatar said the next round
  will be held") is the sides' meeting: its sides become the parties and the mediators move to
  ``mediator``;
* when the sentence has no such event, one is added, marked with this extractor's name, unless
  another sentence tells the same act on a compatible day, the step is only expected ("agreed
  to sign in May" is a plan told in many ways), or the round is a past session recalled without
  its number or day.

A deal agreed is also the act it promises, still to come: "agreed to exchange detainees" is a
planned exchange, unless the article tells the exchange.

Parties are written as events write them: a state's armed force is its state (PLOVER codes
states), an armed group is itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from parley import knowledge
from parley.extract.base import Context
from parley.extract.negotiation.parties import LEXICON, led_movement
from parley.models import Agreement, AgreementStatus, Event, Round, Span, TimeExpression, Track
from parley.nlp.docs import doc_tokens, span_text

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["tell_negotiation", "tell_recalled", "event_side", "past_value"]

_EXPECTED = " (expected)"


def tell_negotiation(ctx: Context, tracks: Sequence[Track], extractor: str) -> None:
    """Make sure every round and agreement step this article reports is told by an event."""
    _give_sides_to_anaphors(ctx, tracks)
    _date_by_own_clause(ctx)
    _count_this_one(ctx)
    for track in tracks:
        for r in track.rounds:
            _tell_round(ctx, track, r, extractor)
    for ag in ctx.analysis.agreements:
        for step in ag.statuses:
            _tell_step(ctx, ag, step, extractor)
        _tell_deal(ctx, ag, extractor)
        _tell_concluded(ctx, ag, extractor)


def tell_recalled(ctx: Context, tracks: Sequence[Track], extractor: str) -> None:
    """What the parse of the article adds about past acts of the track: an exchange recalled by
    its month, a cancellation dated by the session it called off."""
    _tell_recalled_exchanges(ctx, tracks, extractor)
    _date_cancelled_sessions(ctx)


def _date_cancelled_sessions(ctx: Context) -> None:
    """ "A shooting forced Switzerland to cancel the June session": a cancellation the events
    extractor dates only by the report is dated by the month of the session it called off."""
    cancel = knowledge.words(LEXICON, "round_cancel_lemmas")
    for i, e in enumerate(ctx.analysis.events):
        if e.trigger is None or (e.date is not None and e.date.text):
            continue
        span = ctx.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or span.root.lemma_.lower() not in cancel:
            continue
        objects = [c for c in span.root.children if c.dep_ in ("dobj", "nsubjpass")]
        month = next((m for o in objects for t in o.subtree if (m := _month_at(ctx, t))), None)
        if month is not None:
            ctx.analysis.events[i] = e.model_copy(update={"date": month})


def _give_sides_to_anaphors(ctx: Context, tracks: Sequence[Track]) -> None:
    """ "The parties signed a ceasefire in Doha on July 19", "the two sides have agreed to hold
    a 13th round": an act whose subject only says "the two sides" (or "the two countries") is
    the act of the two sides of the article's one track. The events extractor reads such a
    subject as the last actors named together, who may be the mediators or the officials of
    one side."""
    pairs = {tuple(_sides(ctx, t.parties)) for t in tracks if len(t.parties) == 2}
    if not pairs:  # no talks told: the sides of the one agreement between two
        pairs = {tuple(_sides(ctx, a.parties)) for a in ctx.analysis.agreements}
    pairs = {p for p in pairs if len(p) == 2}
    if len(pairs) != 1:
        return
    sides = list(next(iter(pairs)))
    anaphors = {
        p.lower()
        for kind in ("parties", "states")
        for p in knowledge.table("plover.json", "group_anaphors").get(kind, ())
    }
    for i, e in enumerate(ctx.analysis.events):
        subject = _subject(ctx, e)
        if subject is None or _of_the_war(subject) not in anaphors:
            continue
        if set(sides) <= {*e.source, *e.target}:
            continue
        fixed = e.model_copy(update={"source": list(sides), "target": list(reversed(sides))})
        ctx.analysis.events[i] = fixed


def _of_the_war(subject: str) -> str:
    """ "Yemen's warring parties" are the warring parties of the article's one track: a
    possessive place before the anaphor names the war, not a side."""
    heads = "|".join(re.escape(w) for w in knowledge.phrases(LEXICON, "war_anaphor_heads"))
    return re.sub(rf"^[\w ]+['’]s\s+(?=(?:{heads})\b)", "the ", subject)


def _count_this_one(ctx: Context) -> None:
    """ "It's the third notable prisoner swap between the US and Russia in recent years": the
    act the article reports, counted among earlier ones, not an earlier one. The events
    extractor reads "in recent years" as history; the act is the report's own, dated by it."""
    pub = ctx.analysis.article.published_at
    if pub is None:
        return
    for i, e in enumerate(ctx.analysis.events):
        if e.status != "historical" or e.trigger is None:
            continue
        span = ctx.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or not _counted_here(span.root):
            continue
        day = TimeExpression(
            text="",
            start=e.evidence.start,
            end=e.evidence.start,
            value=pub.isoformat(),
            precision="approximate",
        )
        ctx.analysis.events[i] = e.model_copy(update={"status": "occurred", "date": day})


def _counted_here(noun: Token) -> bool:
    """Whether ``noun`` is "the <ordinal> …" said of "it" or "this" ("it is the third swap")."""
    head = noun.head
    if noun.dep_ != "attr" or head.lemma_ != "be":
        return False
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    ordinal = any(c.ent_type_ == "ORDINAL" for c in noun.children if c.dep_ == "amod")
    return ordinal and subject is not None and subject.lower_ in ("it", "this")


def _date_by_own_clause(ctx: Context) -> None:
    """ "The TPLF agreed to sit down for a dialogue with the government in early October": an
    act the events extractor dated only by the report (a stand-in with no words) is dated by
    the date its own clause gives (on the verb or the verb it governs with "to"). An occurred
    act is not in the future: a bare month that the dates read as next year's is this one's."""
    pub = ctx.analysis.article.published_at
    if pub is None:
        return
    types = knowledge.words(LEXICON, "clause_dated_types")
    for i, e in enumerate(ctx.analysis.events):
        if e.type.lower() not in types or e.status != "occurred" or e.trigger is None:
            continue
        if e.date is None or e.date.text:
            continue
        found = [d for d in _clause_dates(ctx, e) if d.value]
        if len(found) != 1:
            continue
        d = found[0]
        value = past_value(d.value or "", pub.isoformat())
        if value is not None:
            ctx.analysis.events[i] = e.model_copy(
                update={"date": d.model_copy(update={"value": value})}
            )


def past_value(value: str, pub: str) -> str | None:
    """``value`` if it is not after the report; a month-and-day of next year's that a year
    earlier is past ("in early October" read in November), else None (a plan's day)."""
    if value[: len(pub)] <= pub[: len(value)]:
        return value
    earlier = f"{int(value[:4]) - 1:04d}{value[4:]}"
    ahead_months = (int(value[:4]) - int(pub[:4])) * 12 + int(value[5:7] or 1) - int(pub[5:7])
    if len(value) >= 7 and ahead_months > 6 and earlier[: len(pub)] <= pub[: len(earlier)]:
        return earlier
    return None


def _clause_dates(ctx: Context, e: Event) -> list[TimeExpression]:
    """The written dates attached to the trigger's verb or to the verb it governs with "to"."""
    assert e.trigger is not None
    span = ctx.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    if span is None:
        return []
    verbs = {span.root.i} | {c.i for c in span.root.children if c.dep_ == "xcomp"}
    out = []
    for d in ctx.analysis.dates:
        if not d.text or not (e.evidence.start <= d.start < e.evidence.end):
            continue
        tok = next((t for t in span.root.sent if t.idx >= d.start), None)
        head = tok
        while head is not None and head.dep_ in ("pobj", "prep", "amod", "compound", "npadvmod"):
            if head.head.i in verbs:
                out.append(d)
                break
            head = head.head if head.head.i != head.i else None
    return out


def _subject(ctx: Context, e: Event) -> str | None:
    """The words of the subject of an event's trigger verb ("the two sides"), lower case."""
    if e.trigger is None:
        return None
    span = ctx.doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ in ("xcomp", "conj"):  # "agreed to sign", "met and signed"
        subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    return ctx.doc[subj.left_edge.i : subj.i + 1].text.lower()


def _tell_recalled_exchanges(ctx: Context, tracks: Sequence[Track], extractor: str) -> None:
    """ "The April exchange was the first tangible result": an exchange of people named by the
    month it took place in, in an article about a track, is that exchange between the track's
    sides (a month still to come, or an exchange of maps or views, is none)."""
    from parley.extract.negotiation.agreements import load_agreement_data

    track = next((t for t in tracks if len(t.parties) == 2), None)
    data = load_agreement_data().get("exchanges", {})
    people = data.get("what", {})
    if track is None or not any(t.lemma_.lower() in people for t in doc_tokens(ctx.doc)):
        return
    sides = _sides(ctx, track.parties)
    for tok in doc_tokens(ctx.doc):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in data.get("nouns", ()):
            continue
        month = _month_of(ctx, tok)
        what = [g for c in tok.children if c.lower_ == "of" for g in c.children]
        if month is None or any(g.lemma_.lower() not in people for g in what):
            continue  # "the April exchange of views"
        sent = tok.sent
        where = Span(start=sent.start_char, end=sent.end_char, text=span_text(sent))
        if _told_in(ctx, where, ("RETREAT",)) is not None:
            continue
        if _told_elsewhere(ctx, ("RETREAT",), sides, month.value):
            continue
        event = _event(ctx, "RETREAT", sides, sides, "occurred", where, month.value, extractor)
        ctx.analysis.events.append(event.model_copy(update={"mode": "release"}))


def _month_of(ctx: Context, tok: Token) -> TimeExpression | None:
    """The past month that modifies an exchange noun ("the April exchange")."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and (m := _month_at(ctx, c)):
            return m
    return None


def _month_at(ctx: Context, tok: Token) -> TimeExpression | None:
    """The date expression of a past month that starts at ``tok`` ("June" in "the June
    session")."""
    pub = ctx.article.published_at
    for d in ctx.analysis.dates:
        if d.start == tok.idx and d.precision == "month" and d.value:
            if pub is None or d.value <= pub.isoformat()[:7]:
                return d
    return None


def event_side(ctx: Context, actor_id: str) -> str:
    """How an event names a side: an armed force by its state, anything else as it is."""
    known = ctx.kb[actor_id] if actor_id in ctx.kb else None
    seen = next((a for a in ctx.analysis.actors if a.id == actor_id), None)
    for actor in (known, seen):
        if actor is not None:
            return actor.country if actor.kind == "armed force" and actor.country else actor_id
    return actor_id


def _sides(ctx: Context, parties: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(event_side(ctx, p) for p in parties))


def _tell_round(ctx: Context, track: Track, r: Round, extractor: str) -> None:
    status = knowledge.table(LEXICON, "round_event_statuses").get(r.status)
    sides = _sides(ctx, track.parties)
    if status is None or r.evidence is None or len(sides) < 2:
        return
    helpers = set(track.mediators)
    told = _told_in(ctx, r.evidence, ("CONSULT",))
    if told is not None:
        _repair(ctx, told, sides, helpers, r.date)
        return
    if _told_elsewhere(ctx, ("CONSULT",), sides, r.date) or _background(r, status):
        return
    ctx.analysis.events.append(
        _event(ctx, "CONSULT", sides, sides, status, r.evidence, r.date, extractor, helpers)
    )


def _background(r: Round, status: str) -> bool:
    """A past session recalled without its number or its day ("the third since talks resumed
    in March") is background to the news, not a report of that session."""
    return status == "occurred" and r.ordinal is None and len(r.date or "") < 10


def _tell_step(ctx: Context, ag: Agreement, step: AgreementStatus, extractor: str) -> None:
    """An agreement step as an act of its parties (or of the one party that took it)."""
    name = step.status.removesuffix(_EXPECTED)
    spec = knowledge.table(LEXICON, "status_events").get(name)
    if spec is None or step.evidence is None or ag.kind in spec.get("not_kinds", ()):
        return
    actors = _sides(ctx, [step.by] if step.by else ag.parties)
    if not actors and not ag.parties and not step.by:
        _tell_unnamed_step(ctx, step, spec, name, extractor)
        return
    if not actors or (spec.get("both") and len(actors) < 2):
        return
    types = (spec["type"], *spec.get("alt_types", ()))
    # A step already told in its sentence keeps the events extractor's actors: "the treaty,
    # signed in May, still has to be ratified by Turkmenistan" is one state's act.
    told = _told_in(ctx, step.evidence, types, name)
    if told is not None:
        if step.by is None and len(actors) >= 2:
            _give_to_parties(ctx, told, actors)
        return
    # An expected step is a plan, and plans are told in many ways ("agreed to sign in May");
    # only a step taken becomes an event of its own.
    # A step whose sentence writes no day of its own ("announced the government had agreed to
    # a cease-fire") is told by any telling of the act, whatever day that one gives.
    day = step.date if _written_in(ctx, step.evidence, step.date) else None
    if step.status.endswith(_EXPECTED) or _told_elsewhere(ctx, types, actors, day, name):
        return
    target = actors if len(actors) >= 2 else []
    event = _event(
        ctx, spec["type"], actors, target, "occurred", step.evidence, step.date, extractor
    )
    ctx.analysis.events.append(event.model_copy(update={"trigger": _cue(step.evidence, name)}))


def _written_in(ctx: Context, where: Span, day: str | None) -> bool:
    """Whether the sentence ``where`` writes the date ``day`` (not one assumed from the day
    of publication)."""
    return day is not None and any(
        d.value == day and where.start <= d.start < where.end for d in ctx.analysis.dates
    )


def _tell_unnamed_step(
    ctx: Context, step: AgreementStatus, spec: dict[str, Any], name: str, extractor: str
) -> None:
    """A step of an agreement whose report names none of its sides ("Both documents were
    signed under the witness of the prime ministers of the two countries on October 5") is
    still the act of its parties: an event without actors, which stories give the sides the
    other outlets name for the same agreement. Only a step taken, not one told by an event
    already, and only a joint step (one party's act needs the party)."""
    if step.evidence is None or step.status.endswith(_EXPECTED) or step.by:
        return
    types = (spec["type"], *spec.get("alt_types", ()))
    if _told_in(ctx, step.evidence, types, name) is not None:
        return
    event = _event(ctx, spec["type"], [], [], "occurred", step.evidence, step.date, extractor)
    ctx.analysis.events.append(event.model_copy(update={"trigger": _cue(step.evidence, name)}))


def _give_to_parties(ctx: Context, index: int, sides: list[str]) -> None:
    """A joint step told as the act of someone no state stands for is the parties' act.

    "Deputy Minister X said that at a meeting right after the ceremony to exchange the
    documents ratifying the treaty …" gives the ratification to the speaker, an official the
    knowledge base does not place in any state; the instruments were the two states'. An
    actor that is a state, an armed group or a person of a known state keeps the act (a
    third state signing a treaty, a mediator who signs as witness)."""
    e = ctx.analysis.events[index]
    named = [*e.source, *e.target]
    if any(a in sides or _placed(ctx, a) for a in named):
        return
    repaired = e.model_copy(deep=True)
    repaired.source = list(sides)
    repaired.target = list(reversed(sides))
    ctx.analysis.events[index] = repaired


def _placed(ctx: Context, actor: str) -> bool:
    """Whether a state can be read from ``actor``: a state, a group, or a person or body of a
    known country."""
    if actor not in ctx.kb:
        found = next((a for a in ctx.analysis.actors if a.id == actor), None)
        return found is not None and (found.kind != "person" or found.country is not None)
    entry = ctx.kb[actor]
    return entry.kind != "person" or entry.country is not None


def _cue(where: Span, step: str) -> Span | None:
    """The words of the sentence that tell ``step`` ("entered into force"), as the trigger the
    story resolver reads the step from."""
    stems = knowledge.table(LEXICON, "agreement_steps").get(step, ())
    pattern = "|".join(re.escape(stem) for stem in stems)
    m = re.search(rf"\b\w*(?:{pattern})\w*", where.text, re.I) if pattern else None
    if m is None:
        return None
    return Span(start=where.start + m.start(), end=where.start + m.end(), text=m.group(0))


def _tell_deal(ctx: Context, ag: Agreement, extractor: str) -> None:
    """A deal agreed is the act it promises, still to come: "agreed to exchange detainees" is a
    planned exchange between the sides, unless the article already tells one (done or
    planned) or the deal as carried out."""
    act = knowledge.table(LEXICON, "deal_acts").get(ag.kind)
    agreed = next((s for s in ag.statuses if s.status == "agreed" and s.evidence), None)
    sides = _sides(ctx, ag.parties)
    if act is None or agreed is None or agreed.evidence is None or len(sides) < 2:
        return
    if len(ag.statuses) > 1 or _told_elsewhere(ctx, (act["type"],), sides[:1], None):
        return
    event = _event(ctx, act["type"], sides, sides, "planned", agreed.evidence, None, extractor)
    ctx.analysis.events.append(event.model_copy(update={"mode": act["mode"]}))


def _tell_concluded(ctx: Context, ag: Agreement, extractor: str) -> None:
    """ "The government and the rebels have signed a ceasefire" is the ceasefire agreed that
    other outlets report as "agreed to a cessation of hostilities": outlets tell the
    conclusion of a truce either way, so a truce signed on a day is also agreed that day by
    its two sides, unless the article already tells them agreeing then."""
    if ag.kind not in knowledge.words(LEXICON, "agreed_when_signed_kinds"):
        return
    signed = next((s for s in ag.statuses if s.status == "signed" and s.evidence and s.date), None)
    sides = _sides(ctx, ag.parties)
    if signed is None or signed.evidence is None or signed.date is None or len(sides) < 2:
        return
    if _told_elsewhere(ctx, ("AGREE",), sides, signed.date):
        return
    ctx.analysis.events.append(
        _event(ctx, "AGREE", sides, sides, "occurred", signed.evidence, signed.date, extractor)
    )


def _told_in(
    ctx: Context, where: Span, types: Sequence[str], step: str | None = None
) -> int | None:
    """The index of the first event of one of ``types`` told in the sentence ``where``; with
    ``step``, not one whose trigger tells another step ("signed … and entered into force")."""
    for i, e in enumerate(ctx.analysis.events):
        inside = e.evidence.start < where.end and where.start < e.evidence.end
        if e.type not in types or not inside:
            continue
        if step is not None and e.trigger is not None and _steps_named(e.trigger.text) - {step}:
            continue
        return i
    return None


def _steps_named(text: str) -> set[str]:
    low = text.lower()
    steps = knowledge.table(LEXICON, "agreement_steps")
    return {step for step, stems in steps.items() if any(stem in low for stem in stems)}


def _told_elsewhere(
    ctx: Context, types: Sequence[str], sides: list[str], day: str | None, step: str | None = None
) -> bool:
    """Whether another sentence already tells the act: same type, every side named (people
    as their states), no other agreement step in its trigger, and a compatible date ("signed
    on Tuesday" after the dateline's lead); an undated event does not tell a dated act."""
    people = {
        a.id: led_movement(ctx, a.id) or a.country
        for a in ctx.analysis.actors
        if a.kind == "person" and a.country
    }
    for e in ctx.analysis.events:
        named = {people.get(a, a) for a in (*e.source, *e.target)}
        if e.type not in types or not set(sides) <= named:
            continue
        if step is not None and e.trigger is not None and _steps_named(e.trigger.text) - {step}:
            continue
        value = e.date.value if e.date is not None else None
        if day is None or (value is not None and (value.startswith(day) or day.startswith(value))):
            return True
    return False


def _repair(ctx: Context, index: int, sides: list[str], helpers: set[str], day: str | None) -> None:
    """Give the sides back to a meeting told as the mediators' (and at most one side's)."""
    e = ctx.analysis.events[index]
    named = {*e.source, *e.target}
    if not named & helpers or len(named & set(sides)) >= 2 or not named <= helpers | set(sides):
        return
    repaired = e.model_copy(deep=True)
    repaired.source = list(sides)
    repaired.target = list(reversed(sides))
    others = (a for a in (*e.source, *e.target) if a not in sides)  # in text order, not a set's
    repaired.mediator = list(dict.fromkeys([*e.mediator, *others]))
    if e.date is None and day:
        repaired.date = _date(ctx, e.evidence, day)
    ctx.analysis.events[index] = repaired


def _event(
    ctx: Context,
    type_: str,
    source: list[str],
    target: list[str],
    status: str,
    where: Span,
    day: str | None,
    extractor: str,
    mediators: set[str] | None = None,
) -> Event:
    mediator = sorted(mediators or ())
    return Event(
        type=type_,
        mode="third-party" if mediator and type_ == "CONSULT" else None,
        source=source,
        target=list(reversed(target)),
        mediator=mediator,
        date=_date(ctx, where, day) if day else None,
        status=status,
        evidence=where,
        confidence=0.5,
        extractor=extractor,
    )


def _date(ctx: Context, where: Span, day: str) -> TimeExpression:
    """The date expression of the sentence that gave ``day``, or one standing for it."""
    for d in ctx.analysis.dates:
        if d.value == day and where.start <= d.start < where.end:
            return d
    precision = {10: "day", 7: "month", 4: "year"}.get(len(day), "unknown")
    return TimeExpression(
        text="",
        start=where.start,
        end=where.start,
        value=day,
        precision=precision,
    )
