"""When an event happened: the date written for it, in its clause or around it.

Step 3 of the events extractor (see :mod:`parley.extract.events.extractor`) asks
:class:`EventDates` for the date of each trigger. A date belongs to the first verb or noun above
it ("met in Geneva on Wednesday" dates "met"); a trigger takes the date of its own clause, of the
verb it is subject or object of, of a noun framing it ("in the 2020 war"), of the dated statement
reporting it ("said on Friday that it had expelled", "in a statement on Friday, X said"), of the
date word whose clause it is in ("came on Friday, when rebels fired"), or a date counted from
another ("a day after X"). Kept apart from the actors so each part of the builder can be read alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.base import Context
from parley.extract.events.actors import wire_dateline_end
from parley.extract.events.plover import PloverLexicon
from parley.extract.events.status import arrived_on
from parley.models import TimeExpression
from parley.nlp.docs import doc_text
from parley.nlp.numbers import numbers
from parley.normalize.dateline import dateline_date

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["EventDates", "period_start", "scope_heads", "written_day"]

_ACTS = ("ASSAULT", "COERCE")  # hostile acts a date written after them belongs to

_EVENTS_LEXICON = "lexicon/events.json"


class EventDates:
    """The written dates of one document, by the token they belong to."""

    def __init__(self, ctx: Context, lexicon: PloverLexicon) -> None:
        self.doc: Doc = ctx.doc
        self.lex = lexicon
        self.written = written_day(ctx)
        self.on_token: dict[int, TimeExpression] = {}
        self.dates = self._by_anchor(ctx)
        self.date_tokens = {i for d in ctx.analysis.dates for i in self._token_range(d)}

    def _by_anchor(self, ctx: Context) -> dict[int, TimeExpression]:
        """Each written date (not a duration, not the wire dateline) at the verb or noun it
        belongs to: the first one there wins."""
        kinds = ctx.products.date_kind or {}
        anchors: dict[int, TimeExpression] = {}
        of_object: dict[int, TimeExpression] = {}
        wire = wire_dateline_end(self.doc)
        for date in ctx.analysis.dates:
            if kinds.get(date.start) == "duration":
                continue
            span = self.doc.char_span(date.start, date.end, alignment_mode="expand")
            if span is None or not len(span) or span.end <= wire:
                continue  # "ASHGABAT, July 9 (Reuters) —" dates the wire, not the event
            self.on_token.update((i, date) for i in range(span.start, span.end))
            anchor = _before_participle(self.doc, self._attach_point(span.root), span.end)
            if self._not_after_writing(date):
                anchor = self._act_closed(anchor, span.start)
            anchors.setdefault(anchor, date)
            verb = _object_verb(span)
            if verb is not None and not self._act_of_its_own(self.doc[anchor], self.doc[verb]):
                of_object.setdefault(verb, date)
        for verb, date in of_object.items():  # the verb's own date, when written, comes first
            anchors.setdefault(verb, date)
        return anchors

    def _not_after_writing(self, date: TimeExpression) -> bool:
        """Whether ``date`` starts on or before the day the story was written."""
        written = self.written
        return (
            date.value is not None and written is not None and period_start(date.value) <= written
        )

    def _act_closed(self, anchor: int, date_start: int) -> int:
        """ "condemned the attack in Dagestan, on 23 June", "sanctioned in response to Iran's
        attack on Israel on 14 April": a date the parser hangs on the verb but written right
        after a hostile act the verb acts on or answers dates that act; the verb is told later
        (it is then dated as news of the day of writing)."""
        verb = self.doc[anchor]
        if verb.pos_ != "VERB" or date_start <= verb.i:
            return anchor
        own = self.lex.match(verb, set())
        if own is not None and own.type in _ACTS:
            return anchor  # "violating the truce with drone strikes on Monday": the act's own day
        for noun in verb.subtree:
            if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "pobj") or noun.i >= date_start:
                continue
            last = max(t.i for t in noun.subtree)
            gap = [
                t for t in self.doc[last + 1 : date_start] if not (t.is_punct or t.dep_ == "prep")
            ]
            found = self.lex.match(noun, set())
            if not gap and found is not None and found.type in _ACTS:
                return noun.i
        return anchor

    def _act_of_its_own(self, noun: Token, verb: Token) -> bool:
        """ "blamed Ukraine for an attack on its embassy on 2 July": a date the parser hangs
        on a hostile act's noun in the object dates that act, not the verb that judges or
        answers it (told later, events18); "fired rockets at a base on Friday" still dates the
        firing, and an act verb keeps its object's date ("violated the truce with strikes on
        Monday")."""
        found = self.lex.match(noun, set()) if noun.pos_ == "NOUN" else None
        if found is None or found.type not in _ACTS:
            return False
        own = self.lex.match(verb, set())
        return own is None or own.type not in _ACTS

    @staticmethod
    def _attach_point(token: Token) -> int:
        """The first verb or noun above a date token: where the date belongs."""
        current = token.head if token.head.i != token.i else token
        while current.head.i != current.i:
            if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
                return current.i
            if current.pos_ == "NOUN" and current.i != token.i and not _agent(current):
                return current.i
            current = current.head
        return current.i

    def _token_range(self, date: TimeExpression) -> range:
        span = self.doc.char_span(date.start, date.end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def date(self, token: Token) -> TimeExpression | None:
        heads = [*scope_heads(token), *_frame_nouns(token)]
        for i in heads:
            if i in self.dates:
                return self.dates[i]
        reported = (
            self.reported_date(token) or self._date_word_clause(heads) or self._after_which(heads)
        )
        if reported is not None:
            return reported
        for i in heads:  # "troops on Sunday exchanged fire": the parser hangs it on the subject
            verb = self.doc[i]
            for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                if verb.pos_ in ("VERB", "AUX") and subject.i in self.dates:
                    return self.dates[subject.i]
        offset = (self._offset_date(self.doc[i]) or self._counted_back(self.doc[i]) for i in heads)
        return next(filter(None, offset), None)

    def reported_date(self, token: Token) -> TimeExpression | None:
        """ "Kenya said on Friday that it had expelled two diplomats" (or "was expelling"): a
        past act reported in a dated statement took place by that day; the sentence's date is
        its best date, not the publication day. Plans and conditions keep their own dating."""
        if token.tag_ not in ("VBD", "VBN") and not _past_progressive(token):
            return None
        speech = self.lex.words("speech_verbs") | self.lex.words("report_verbs")
        current = token
        for _ in range(3):
            if current.dep_ != "ccomp" or current.head.i == current.i:
                return None
            current = current.head
            if current.lemma_.lower() not in speech:
                continue
            # "in a statement on Friday, X said"; "rebels on Saturday announced" (the parser
            # hangs the date on the subject)
            subjects = (c.i for c in current.children if c.dep_ in ("nsubj", "nsubjpass"))
            for i in (current.i, *_frame_nouns(current), *subjects):
                if i in self.dates:
                    return self.dates[i]
        return None

    def _date_word_clause(self, heads: list[int]) -> TimeExpression | None:
        """ "The clash came on Friday, when rebels fired rockets": the parser hangs the "when"
        clause on the date word itself, and that clause tells what happened on that day."""
        for i in heads:
            verb = self.doc[i]
            if verb.dep_ in ("relcl", "advcl", "acl") and verb.head.i in self.on_token:
                return self.on_token[verb.head.i]
        return None

    def _after_which(self, heads: list[int]) -> TimeExpression | None:
        """ "The truce expired on Jan. 9, after which the rebels resumed their attacks": a
        clause opened by "after which" follows the dated clause it hangs on; it took place
        around that day (approximate), not on the day the story was written."""
        for i in heads:
            verb = self.doc[i]
            opens = any(
                c.dep_ == "prep"
                and c.lower_ == "after"
                and any(p.dep_ == "pobj" and p.tag_ == "WDT" for p in c.children)
                for c in verb.children
            )
            date = self.dates.get(verb.head.i)
            if opens and verb.dep_ in ("advcl", "relcl") and date is not None:
                return date.model_copy(update={"precision": "approximate"})
        return None

    def _offset_date(self, verb: Token) -> TimeExpression | None:
        """ "A day after X did Y, ...": X is dated N days before the main clause (its own date,
        else publication); None unless ``verb`` heads such an after/before clause."""
        if verb.dep_ not in ("advcl", "ccomp") or verb.head.i == verb.i:  # parsers mix the two
            return None
        mark = next((c for c in verb.children if c.dep_ == "mark"), None)
        # "came a day after X slammed": the parser may hang "a day" on "after" itself
        # (round 14's n03)
        around = [*verb.children, *(mark.children if mark is not None else [])]
        unit = next(
            (
                c
                for c in around
                if c.dep_ == "npadvmod"
                and c.lemma_.lower() in knowledge.table(_EVENTS_LEXICON, "offset_units")
            ),
            None,
        )
        if (
            mark is None
            or unit is None
            or mark.lower_ not in ("after", "before")
            or unit.i > mark.i
        ):
            return None
        count = _count(unit)
        base = self._anchor_day(verb.head)
        if count is None or base is None:
            return None
        days = count * int(knowledge.table(_EVENTS_LEXICON, "offset_units")[unit.lemma_.lower()])
        day = base - dt.timedelta(days=days if mark.lower_ == "after" else -days)
        span = self.doc[unit.left_edge.i : mark.i + 1]
        return TimeExpression(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            value=day.isoformat(),
            precision="day",
        )

    def _counted_back(self, verb: Token) -> TimeExpression | None:
        """ "strikes that killed 31 civilians a day earlier", "the town fell two days before":
        a count of days or weeks with "earlier"/"before" on the verb counts back from the day
        of the sentence's main clause (its written day, else the day of writing); "later"
        counts on. None unless ``verb`` has such a phrase (stories2: "a day earlier" was left
        undated, so the strikes of one day met the next day's)."""
        steps = knowledge.table(_EVENTS_LEXICON, "counted_back_words")
        units = knowledge.table(_EVENTS_LEXICON, "offset_units")
        for adverb in (c for c in verb.children if c.dep_ == "advmod"):
            step = steps.get(adverb.lower_)
            unit = next(
                (u for u in adverb.children if u.dep_ == "npadvmod" and u.lemma_.lower() in units),
                None,
            )
            count = _count(unit) if unit is not None else None
            root = _clause_root(verb)
            base = self._anchor_day(root) if root.i != verb.i else self.written
            if step is None or unit is None or count is None or base is None:
                continue
            day = base + dt.timedelta(days=int(step) * count * int(units[unit.lemma_.lower()]))
            span = self.doc[min(unit.left_edge.i, adverb.i) : adverb.i + 1]
            return TimeExpression(
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                value=day.isoformat(),
                precision="day",
            )
        return None

    def _anchor_day(self, verb: Token) -> dt.date | None:
        """The day of the main clause: its own written day, else the publication date."""
        own = self.dates.get(verb.i)
        if own is not None:
            value = own.value or ""
            return (
                dt.date.fromisoformat(value)
                if own.precision == "day" and len(value) == 10
                else None
            )
        return self.written


def _clause_root(token: Token) -> Token:
    """The root of the sentence ``token`` is in (climbing heads: no sentence walk)."""
    while token.head.i != token.i:
        token = token.head
    return token


def _past_progressive(verb: Token) -> bool:
    """ "announced on Saturday they were suspending the talks": an act under way when the
    statement was made (round 6's f08), dated like a past act the statement reports."""
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children
    )


def _agent(noun: Token) -> bool:
    """ "released by kidnappers on Sunday for a ransom" (round 7a's g02): the parser may hang
    the date on a passive's agent, which is a party, never an act with a day of its own."""
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def scope_heads(token: Token) -> Iterator[int]:
    """The trigger, then the words its date or place may be written on: for nouns, their
    participle ("talks, held in Lima on Friday") and the verb they are subject or object of; for
    verbs, the noun they complete ("the decision on Friday to expel") and the "it was ... that"
    frame of a cleft ("it was on Friday that X expelled")."""
    yield token.i
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "of":
        outer = token.head.head  # "two rounds of talks were held in May": the rounds' verb
        if outer.pos_ == "NOUN" and outer.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            if not _followed(outer):
                yield outer.head.i
    if token.pos_ == "NOUN":  # also "deployment of missiles threatening X in 1977" (events29)
        yield from (c.i for c in token.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"))
    if token.pos_ == "NOUN" and arrived_on(token):
        yield token.head.head.i  # "arrived in Hanoi on Tuesday for a state visit": that day
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        if not _followed(token):
            yield token.head.i
    if token.pos_ == "VERB" and token.dep_ == "acl" and token.head.pos_ == "NOUN":
        yield token.head.i
    if _is_cleft(token):
        yield token.head.i
    if token.pos_ == "VERB" and token.dep_ == "conj" and token.tag_ == token.head.tag_:
        yield token.head.i  # "seized the palace Nov. 6 and battled police": one time
    for clause in (c for c in token.children if c.dep_ == "relcl" and token.pos_ == "NOUN"):
        yield clause.i  # "the round, which X will host in Geneva on June 16"
        yield from (c.i for c in clause.children if c.dep_ == "xcomp")
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "attr"):
        yield token.head.i
    if _simultaneous(token):
        yield token.head.i  # "violence swept X last night as thugs killed ...": that night
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in knowledge.words(
        _EVENTS_LEXICON, "voting_verbs"
    ):
        yield token.head.i  # "voted on Friday to condemn X": condemned that day
    if _trip_purpose(token) or _conversation_purpose(token):
        yield token.head.i  # "flew to Berlin on Tuesday to meet X": met on that trip's day
    if token.dep_ == "pcomp" and token.head.head.dep_ == "dobj":
        step = token.head.head  # "on Tuesday took the step of expelling X": expelled that day
        if step.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "step_nouns"):
            yield step.head.i


def _trip_purpose(verb: Token) -> bool:
    """ "The minister flew to Berlin on Tuesday to meet his counterparts": the infinitive of
    purpose of a trip to a named place (lexicon ``destination_trip_verbs``, the verb's own
    "to" phrase) took place on the trip's day (nego20). A departure ("left for Lima to discuss
    the truce") may come days before the talks, so it dates nothing."""
    head = verb.head
    if verb.dep_ not in ("advcl", "xcomp") or head.i == verb.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    if head.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "destination_trip_verbs"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children)


def _conversation_purpose(verb: Token) -> bool:
    """ "Cho and Kamikawa spoke for 30 minutes on Tuesday afternoon to discuss the relations"
    (round 14's n11): what a conversation is held to discuss is discussed in it, on its day
    (lexicon ``conversation_verbs``); a trip's purpose is :func:`_trip_purpose`'s."""
    return (
        verb.dep_ == "advcl"
        and verb.head.i != verb.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "conversation_verbs")
    )


def _followed(noun: Token) -> bool:
    """ "Monday's violence followed several meetings between the commanders" (round 12's l02):
    the object of a verb of sequence (``sequence_verbs``) came before its subject; the day
    written on the subject or the verb is not its day."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in knowledge.words(
        _EVENTS_LEXICON, "sequence_verbs"
    )


def _simultaneous(verb: Token) -> bool:
    """Whether ``verb`` heads a clause of simultaneity ("as", "while") under the clause it
    times, with the mark on the verb or, when the parser split the subject off as a clause of
    its own ("as thugs loyal to X killed", round 10's j08), on that clause right before it."""
    if verb.pos_ != "VERB" or verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    marks = knowledge.words(_EVENTS_LEXICON, "simultaneity_marks")
    holders = [verb] + [
        c
        for c in verb.head.children
        if c.dep_ == "advcl" and c.pos_ == "ADJ" and c.right_edge.i + 1 == verb.left_edge.i
    ]
    # "were killed on Wednesday when they ambushed a patrol" (round 14's n08): the parser
    # makes "when" an adverb, not a mark
    return any(
        (m.dep_ == "mark" or (m.dep_ == "advmod" and m.tag_ == "WRB")) and m.lower_ in marks
        for h in holders
        for m in h.children
    )


def _is_cleft(verb: Token) -> bool:
    """ "It was on Friday that X expelled": the clause after a bare "it was" is the event, and
    what stands between (a date, a place) is its own. "It was clear that" is no cleft, and
    "it was on Friday that X protested, after Y expelled" dates only the protest."""
    frame = verb.head
    return (
        verb.pos_ == "VERB"
        and verb.dep_ == "ccomp"  # "that X expelled"; an "after" clause is an advcl
        and frame.i != verb.i
        and frame.lemma_ == "be"
        and any(
            c.dep_ in ("nsubj", "expl")
            and c.pos_ == "PRON"
            and c.lower_ in knowledge.words(_EVENTS_LEXICON, "empty_subjects")
            for c in frame.children
        )
        and not any(c.dep_ in ("acomp", "attr") for c in frame.children)
    )


def _before_participle(doc: Doc, anchor: int, date_end: int) -> int:
    """Where a date written just before a bare participle belongs: "agreed at talks last week
    mediated by X" is parsed with "last week" under "mediated", but a participle phrase
    starts at its participle, so the date dates the clause above it."""
    verb = doc[anchor]
    bare = (
        verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    )
    if bare and date_end <= verb.i and verb.head.i != verb.i:
        head = verb.head
        return head.head.i if head.dep_ == "pobj" else head.i
    return _subject_participle_end(verb, date_end) or anchor


def _subject_participle_end(verb: Token, date_end: int) -> int | None:
    """ "Troops of the brigade deployed in the area on Monday evening killed three": a date
    closing a participle phrase on the subject, with the main verb right after it, dates the
    main verb (the parser hangs it on the participle)."""
    if verb.tag_ != "VBN" or date_end >= len(verb.doc):
        return None
    main = verb.doc[date_end]  # the word right after the date
    subject_of_main = verb.dep_ == "acl" and verb.head.dep_ in ("nsubj", "nsubjpass")
    below = main.head.i == verb.i and main.dep_ in ("advcl", "conj")  # parsed the other way
    if main.tag_ == "VBD" and (
        (subject_of_main and verb.head.head.i == main.i) or (below and verb.i < date_end)
    ):
        return main.i
    return None


def _object_verb(span: Span) -> int | None:
    """The verb whose object a date is written on ("fired rockets at a base near Mopti at dawn
    on Friday": the parser hangs "at dawn" on "base"), or None.

    A date in a time preposition after a verb's object dates the verb's act as well; a date
    inside the noun ("the March 2019 truce") or in a clause of its own ("the base, built in
    March") names the object's time, not the act's.
    """
    inside = range(span.start, span.end)
    top = next((t for t in span if t.head.i not in inside), None)
    if top is None or top.head.i == top.i:
        return None
    prep = top.head if top.dep_ == "pobj" else top
    if prep.dep_ != "prep" or prep.lower_ not in knowledge.words(
        _EVENTS_LEXICON, "object_date_preps"
    ):
        return None
    noun = prep.head
    if noun.pos_ != "NOUN":
        return None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    else:
        return None
    return verb.i if verb.pos_ == "VERB" else None


def written_day(ctx: Context) -> dt.date | None:
    """The day the story was written: a wire dateline's own day ("KYIV, March 27 (Wire) —",
    as the dates extractor resolved it), else the publication date. An archive copy published
    later still tells of the dateline's day."""
    where = dateline_date(doc_text(ctx.doc))
    for date in ctx.analysis.dates if where is not None else []:
        value = date.value or ""
        if (date.start, date.end) == where and date.precision == "day" and len(value) == 10:
            return dt.date.fromisoformat(value)
    return ctx.article.published_at


def _count(unit: Token) -> int | None:
    """How many units "a day", "two weeks", "3 days" names (None when unreadable)."""
    for child in unit.children:
        word = child.lower_
        if child.dep_ in ("det", "nummod"):
            if word.isdigit():
                return int(word)
            if word in numbers():
                return numbers()[word]
    return None


def _frame_nouns(token: Token) -> Iterator[int]:
    """Nouns framing a verb's action ("recaptured it in the 2020 war", "during the 1990s
    conflict"): their date dates the action when the verb has none of its own."""
    if token.pos_ != "VERB":
        return
    for prep in (
        c
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in knowledge.words(_EVENTS_LEXICON, "frame_preps")
    ):
        yield from (p.i for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN")


def period_start(value: str) -> dt.date:
    """First day of an ISO day, month or year value (date.max when unreadable)."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
        return dt.date(year, month, day)
    except ValueError:
        return dt.date.max
