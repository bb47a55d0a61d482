"""Steps 4–5 of the events extractor: from the drafts of one document to its events.

Anaphoric nouns are resolved ("The swap took place this afternoon" completes the exchange
announced before it; "a third round" is a new event of the same parties), drafts without a
source actor are dropped, duplicates merged, undated news dated, and each draft becomes an
:class:`~parley.models.Event`. Kept apart from the drafting steps in
:mod:`~parley.extract.events.extractor` because it reads the drafts of the whole document,
where drafting reads one trigger at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

import parley.knowledge as knowledge
from parley.extract.events.actors import unique
from parley.extract.events.cumulative import is_cumulative
from parley.extract.events.dating import period_start
from parley.extract.events.drafts import (
    Draft,
    complete,
    confidence,
    last_sides,
    rejection_target,
    same_happening,
)
from parley.extract.events.judged import JudgedActs
from parley.extract.events.status import anchor_of
from parley.extract.timeplace.places import quantities_in
from parley.models import Event, Span, TimeExpression
from parley.nlp.docs import sentences_over, span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.extract.base import Context
    from parley.extract.events.actors import ActorIndex
    from parley.extract.events.dating import EventDates
    from parley.extract.events.parties import EventParties
    from parley.extract.events.plover import PloverLexicon
    from parley.extract.events.status import StatusReader

__all__ = ["EXTRACTOR_NAME", "Finisher"]

# Event types of material acts (force, coercion, aid, sanctions, troop moves, withdrawals),
# which a news outlet reports but never performs.
_MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "AID", "SANCTION", "RETREAT"})

EXTRACTOR_NAME = "parley.events.v1"
_EVENTS_LEXICON = "lexicon/events.json"
_CLAUSE_BREAKS = ("conj", "cc", "advcl", "relcl", "parataxis", "acl", "appos", "punct")
# Statuses whose event (or the statement of it) belongs to the time of reporting.
_REPORTED = ("occurred", "proposed", "refused", "negated")
_EXACT = ("year", "month", "day")  # date precisions a text states, not ones Parley assumed
_ACTED_ON = ("on", "at", "against", "into")  # not a word list: the prepositions of a patient
_RETELLING_TOKENS = 120  # how far (in tokens) a retelling of an act may follow it
_DEPENDENT = ("advcl", "acl", "xcomp", "conj")  # clauses continuing a sentence's main act
_PLACE_LABELS = ("GPE", "LOC", "FAC")  # the parser's labels for places, not a word list
# (type, mode) of acts told from the side of the held: arrests, abductions, releases
_HELD = frozenset({("COERCE", "arrest"), ("ASSAULT", "abduct"), ("RETREAT", "release")})


class Finisher:
    """Turns one document's drafts into events (one instance per document)."""

    def __init__(
        self,
        ctx: Context,
        lexicon: PloverLexicon,
        actors: ActorIndex,
        statuses: StatusReader,
        when: EventDates,
        parties: EventParties,
    ) -> None:
        self.ctx, self.lex, self.actors = ctx, lexicon, actors
        self.statuses, self.when, self.parties = statuses, when, parties
        self._counted: dict[int, set[float]] = {}  # by trigger token: read once per document
        self.judged = JudgedActs(lexicon, parties.names)

    def finish(self, drafts: list[Draft]) -> list[Event]:
        """Resolve anaphoric nouns, drop actorless drafts, merge duplicates, make Events."""
        kept: list[Draft] = []
        by_token = {d.token.i: d for d in drafts}
        for draft in drafts:
            if _verb_of_own_noun(draft, by_token):
                continue
            if self._stands_alone(draft, kept):
                kept.append(draft)
        self._date_news(kept)
        return [self._event(d) for d in kept]

    def _stands_alone(self, draft: Draft, kept: list[Draft]) -> bool:
        """Whether ``draft`` is an event of its own beside those ``kept``; False when it has no
        source actor (dropped) or retells a kept one (merged into it)."""
        if draft.status == "occurred" and (
            self._old(draft.date) or self._marked_past(draft) or self._past_sentence(draft)
        ):
            draft.status = "historical"
        if draft.rule.type == "REJECT" and draft.source and not draft.target:
            draft.target = rejection_target(draft, kept)
        if draft.source and not draft.target:  # "condemned the missile test": whose test
            draft.target = self.judged.target(draft, kept)
        if not draft.source and not any(_agentless_retelling(k, draft) for k in kept):
            self._by_sole_holder(draft, kept)
        if not draft.actors and not self._take_actors(draft, kept):
            return False
        if draft.rule.type in _MATERIAL_TYPES:
            draft.source = [a for a in draft.source if not self._outlet(a)]
        if not draft.source and not (draft.unknown_source and draft.target):
            return False  # PLOVER codes no event without a named source actor
        if draft.agentless and not draft.source and not any(map(self._identified, draft.target)):
            return False  # "dozens of students were arrested": no one an analyst can code
        if len(draft.source) == 1 and draft.target == draft.source:
            draft.target = []  # one actor is not the target of its own act
        if draft.rule.type == "COOPERATE" and self._within_one_state(draft):
            return False
        if self._joins_told_event(draft, kept) or self._trip_to_told_talks(draft, kept):
            return False
        if draft.agentless and any(_agentless_retelling(k, draft) for k in kept):
            return False
        duplicate = next(
            (k for k in kept if same_happening(k, draft) and not _numbered_apart(draft, k)), None
        )
        if duplicate is not None:
            complete(duplicate, draft)
            return False
        told = next(
            (k for k in reversed(kept) if _named_again(k, draft) or _described_again(k, draft)),
            None,
        )
        if told is not None:
            _fill_from(told, draft)
            return False
        partial = next(
            (
                k
                for k in kept
                if _retells(k, draft)
                or _side_of(k, draft)
                or self._counted_again(k, draft)
                or self._same_verb_again(k, draft)
                or _object_told(k, draft)
                or self._side_reported(k, draft)
                or self._officer_retells(k, draft)
                or self._schedule_of_visit(k, draft)
                or _resolution_of_vote(k, draft)
            ),
            None,
        )
        if partial is not None:
            _fill_from(partial, draft)
            return False
        return True

    def _by_sole_holder(self, draft: Draft, kept: list[Draft]) -> None:
        """ "The military seized power ... Several ministers were arrested in a series of
        raids", "gunmen abducted 30 pupils ... The pupils were released on Friday": an arrest,
        abduction or release told without its agent was done by the one actor the story has
        shown seizing or holding people (a coup, an arrest, an abduction told before it), when
        there is exactly one; with none or two the doer stays unknown (events20)."""
        if draft.status != "occurred" or not _held(draft):
            return
        kinds = self.lex.words("holding_events")
        sources = unique(
            a
            for k in kept
            if k.status in ("occurred", "historical")
            and (k.rule.type.lower() in kinds or f"{k.rule.type}:{k.mode}".lower() in kinds)
            for a in k.source
        )
        if not sources:
            sources = self._sector_holder(draft)
        if len(sources) == 1:
            draft.source = sources
            draft.unknown_source = draft.agentless = False

    def _sector_holder(self, draft: Draft) -> list[str]:
        """ "A total of 140 people have been arrested, police said"; "The security forces moved
        in before dawn. Dozens of students were arrested" (round 12's l08, events27): an
        arrest (or abduction) told without its agent, in a story that shows no one seizing
        people, was made by the one party of the fitting sector (``holder_sectors``: police for
        arrests, armed groups for abductions) that acts, as a subject, in its sentence or the
        one before or after it. Two such parties, or none, leave the doer unknown."""
        wanted = knowledge.table(_EVENTS_LEXICON, "holder_sectors").get(
            f"{draft.rule.type}:{draft.mode}"
        )
        if wanted is None:
            return []
        names, unnamed = self.parties.names, self.parties.unnamed
        found = unique(
            a
            for word in _neighbourhood(draft.token)
            if word.dep_ == "nsubj" and unnamed.sector(word) == wanted
            for a in names.of(word, draft, with_conj=False)
        )
        return found if len(found) == 1 else []

    def _outlet(self, actor: str) -> bool:
        """ "Reuters reports on two air strikes killing 28 civilians" (round 8's h01): a news
        outlet tells of force, aid and sanctions; it does not use, give or impose them."""
        return actor in self.actors.kb and self.actors.kb[actor].kind == "media outlet"

    def _within_one_state(self, draft: Draft) -> bool:
        """ "The Coast Guard continues to coordinate with Department of Defense partners"
        (round 13's m02): agencies of one state working together is the state's own
        administration, no cooperation between parties PLOVER codes. True when each side
        names only bodies (no people) and all of them are of one and the same state."""
        sides = [*draft.source, *draft.target]
        if not draft.source or not draft.target:
            return False
        records = {a.id: a for a in self.ctx.analysis.actors}
        countries: set[str | None] = set()
        for actor in sides:
            record = records.get(actor)
            known = self.actors.kb[actor] if actor in self.actors.kb else None
            if "person" in (record.kind if record else None, known.kind if known else None):
                return False
            country = known.country if known else None
            countries.add(country or (record.country if record else None))
        return len(countries) == 1 and None not in countries

    def _identified(self, actor: str) -> bool:
        """Whether ``actor`` is one PLOVER can code: known to the knowledge base, or unlinked
        but with a sector ("the opposition leader") or a country ("Lebanese prisoners")."""
        return (
            actor in self.actors.kb
            or actor in self.parties.sectors
            or actor in self.parties.unnamed.countries
        )

    def _counted_again(self, kept: Draft, draft: Draft) -> bool:
        """ "The militants released eight hostages on Friday" then "the militants freed eight
        officials on Friday"; "the army said its troops killed three insurgents" then a quote of
        "troops of the 22 Brigade ... killed three insurgents": the same number acted on, in an
        act of the same kind, status and target, is one act told twice. The later telling often
        names its actor differently (a unit for the army, a longer name for the group), so the
        sources need only agree where both are named in the knowledge base."""
        if (kept.rule.type, kept.mode, kept.status) != (draft.rule.type, draft.mode, draft.status):
            return False
        targets = (self._coded(kept.target), self._coded(draft.target))
        said = kept.date_said or draft.date_said  # a statement's day is not the act's
        if (all(targets) and targets[0] != targets[1]) or (_dated_apart(kept, draft) and not said):
            return False  # one telling may name whom it was done to where the other does not
        if not self._compatible_sources(kept.source, draft.source):
            return False
        counted = self._counts(kept.token)
        return bool(counted) and counted == self._counts(draft.token)

    def _coded(self, actors: list[str]) -> set[str]:
        """The actors as an analyst codes them: named ones and sectors by id, people kept by
        their words by the country the words name, if any ("nine hostages" and "nine aid
        workers" may be the same people; "Thai workers" and "Lao workers" are not)."""
        unnamed = self.parties.unnamed
        people = {a for a in actors if a in unnamed.described and a not in unnamed.sectors}
        return {unnamed.countries.get(a, "") if a in people else a for a in actors} - {""}

    def _side_reported(self, kept: Draft, draft: Draft) -> bool:
        """ "Rebels and the government agreed Wednesday to a cease-fire", then "state radio
        announced the government had agreed to a cease-fire": one side's part of a mutual act,
        reported on the same thing shortly after, is that act told again (round 6's f09), not
        a second agreement. A new instance ("another truce") or a date of its own stays apart."""
        mutual = len(kept.actors) == 2 and set(kept.source) == set(kept.target)
        fresh = self.lex.words("new_instance_modifiers")
        another = any(
            c.lower_ in fresh
            for n in _complements(draft.token)
            for c in n.children
            if c.dep_ in ("amod", "det", "nummod")
        )
        return (
            mutual
            and draft.token.dep_ == "ccomp"
            and (kept.rule.type, kept.mode) == (draft.rule.type, draft.mode)
            and bool(draft.source)
            and set(draft.source) < kept.actors
            and not draft.target
            and not (draft.new_instance or another)
            and 0 < draft.token.i - kept.token.i <= _RETELLING_TOKENS
            and _same_thing(kept.token, draft.token)
            and not _dated_apart(kept, draft)
        )

    def _officer_retells(self, kept: Draft, draft: Draft) -> bool:
        """ "The African Union has condemned the arrest of X" then its chairperson's "I strongly
        condemn the arrest of X": the head of an organisation saying the act the article has
        already given the organisation, on the same thing, tells that act again (round 6's f03).
        The office is the knowledge base's (a role whose key names the organisation)."""
        if (kept.rule.type, kept.mode) != (draft.rule.type, draft.mode):
            return False
        if len(kept.source) != 1 or len(draft.source) != 1 or kept.source == draft.source:
            return False
        if draft.target and kept.target and set(draft.target) != set(kept.target):
            return False
        if not _same_thing(kept.token, draft.token) or _dated_apart(kept, draft):
            return False
        return self._holds_office_of(draft.source[0], kept.source[0])

    def _schedule_of_visit(self, kept: Draft, draft: Draft) -> bool:
        """ "X, on a three-day state visit to Y, was welcomed on Monday", then "X's visit,
        scheduled from December 15 to 17, will focus on trade" (round 11's k04): a visit the
        same visitor is told to make over days that include the day of the visit under way is
        that visit's schedule, not a second, planned one. A visit on other days ("his next
        visit, scheduled for October") stays its own event."""
        if (kept.rule.type, kept.mode) != (draft.rule.type, draft.mode) or draft.mode != "visit":
            return False
        if kept.status != "occurred" or draft.status != "planned" or draft.new_instance:
            return False
        if not draft.source or not set(draft.source) <= set(kept.source):
            return False
        day = self._day_of(kept)
        date = draft.date
        if day is None or date is None or not date.value or date.precision != "day":
            return False
        start = period_start(date.value)
        end = period_start(date.end_value) if date.end_value else self._range_end(date, start)
        if not start <= day <= (end or start):
            return False
        if end is not None and not date.end_value:  # the visit takes its days
            draft.date = date.model_copy(update={"end_value": end.isoformat()})
        return True

    def _range_end(self, date: TimeExpression, start: dt.date) -> dt.date | None:
        """The last day of "from May 14 to 16" or "May 14 until May 16", which the dates
        extractor reads as its first day only: the day or date right after the link word."""
        doc = self.ctx.doc
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        if span is None or span.end + 1 >= len(doc):
            return None
        link, after = doc[span.end], doc[span.end + 1]
        if link.lower_ not in knowledge.words(_EVENTS_LEXICON, "range_links"):
            return None
        later = next(
            (d for d in self.ctx.analysis.dates if d.start == after.idx and d.precision == "day"),
            None,
        )
        if later is not None and later.value:
            return period_start(later.value)
        if after.text.isdigit() and 0 < int(after.text) <= 31:
            try:
                return start.replace(day=int(after.text))
            except ValueError:
                return None
        return None

    def _day_of(self, draft: Draft) -> dt.date | None:
        """The day an event is dated to, or the day the story was written when it has none."""
        if draft.date is not None and draft.date.value:
            day = period_start(draft.date.value)
            return None if day == dt.date.max else day
        return self.when.written

    def _holds_office_of(self, person: str, body: str) -> bool:
        """Whether ``person`` holds (or held) a role whose key names ``body`` ("chairperson:AU"
        for igo:au, "president:RUS" for RUS)."""
        if person not in self.actors.kb:
            return False
        for role in self.actors.kb[person].roles:
            owner = (role.key or "").rpartition(":")[2]
            if owner and body in (owner, f"igo:{owner.lower()}"):
                return True
        return False

    def _compatible_sources(self, a: list[str], b: list[str]) -> bool:
        """The same sources, or sources that cannot disagree because one side names only actors
        the knowledge base lacks ("the militants", "troops of the 22 Brigade")."""
        if set(a) == set(b):
            return True
        unlinked = [all(x not in self.actors.kb for x in side) for side in (a, b)]
        return bool(a) and bool(b) and any(unlinked)

    def _same_verb_again(self, kept: Draft, draft: Draft) -> bool:
        """ "Security forces dispersed a demonstration on Saturday" then "police dispersed the
        protesters": the same verb, kind and status on the same day, by a source the knowledge
        base cannot tell apart from the first, at no other place, is the act told again with
        more detail. A new instance ("another", "a second") or a place of its own stays apart."""
        if (kept.rule.type, kept.mode, kept.status) != (draft.rule.type, draft.mode, draft.status):
            return False
        if kept.token.lemma_.lower() != draft.token.lemma_.lower() or draft.new_instance:
            return False
        if not self._compatible_sources(kept.source, draft.source) or kept.source == draft.source:
            return False  # one source told twice is same_happening's and _retells' to judge
        places = {p.name for p in (kept.place, draft.place) if p is not None}
        targets = (set(kept.target), set(draft.target))
        return (
            len(places) <= 1
            and _places_named(draft.token) <= _places_named(kept.token)
            and not (all(targets) and targets[0] != targets[1])
            and kept.date is not None
            and kept.date.precision == "day"
            and (draft.date is None or draft.date.value == kept.date.value)
        )

    def _counts(self, token: Token) -> set[float]:
        """The numbers counting what a verb acts on ("killed three insurgents": 3)."""
        if token.pos_ != "VERB":
            return set()
        if token.i not in self._counted:
            things = [t for c in _complements(token) for t in c.subtree]
            found = quantities_in(things, self.when.date_tokens)
            self._counted[token.i] = {q.value for q in found}
        return self._counted[token.i]

    def _date_news(self, kept: list[Draft]) -> None:
        """Date undated news: the story's day when the act is told in the past, else the day
        the story was written (a wire dateline's day, else publication; approximate); plans
        and conditions stay undated."""
        story_day = _story_day(kept, self.when.written)
        for draft in kept:
            if draft.date is None and draft.status in _REPORTED:
                if story_day is not None and self.statuses.reported_past(draft.token):
                    draft.date = story_day.model_copy(
                        update={  # not a word list: TimeExpression field names
                            "text": "",
                            "start": draft.token.idx,
                            "end": draft.token.idx,
                            "precision": "approximate",
                        }
                    )
                else:
                    draft.date = self._reporting_date(draft.token)

    def _take_actors(self, draft: Draft, kept: list[Draft]) -> bool:
        """Give an actorless event noun its actors; False when it is dropped or merged.

        "The swap took place this afternoon" retells the earlier exchange (merged into it);
        "a third round", "the previous round" or a noun with a date of its own is a new event
        of the same parties; "the swap was agreed" is agreed by the swap's parties; with no
        earlier event of its kind, a reciprocal noun such as "the second round of talks" is
        between the parties of the story so far.
        """
        about = draft.about
        if about is not None and not about.actors:  # the swap retold an earlier exchange
            about = self._antecedent(about, kept)
        if about is not None and about.actors:  # "the swap was agreed": the swap's parties
            draft.source, draft.target = list(about.source), list(about.target)
            return True
        earlier = self._antecedent(draft, kept)
        if earlier is not None:
            other_date = (
                draft.date is not None
                and earlier.date is not None
                and draft.date.value != earlier.date.value
                and not earlier.date_said  # "X said on Wednesday ..." then "Tuesday's attack"
            )
            distinct = other_date or _other_ordinal(draft, earlier)
            fresh = draft.new_instance or _other_ordinal(draft, earlier)
            if _denies(draft, earlier) and not fresh:
                return False  # "No meetings were scheduled Monday": not the meeting held
            if not (draft.historical_mod or draft.new_instance or distinct):
                _fill_from(earlier, draft)
                return False
            if self._dated_possessive(draft.token):
                return False  # "after Tuesday's attack": another day, whose sides are not told
            draft.source, draft.target = list(earlier.source), list(earlier.target)
            return True
        if (
            not (draft.rule.reciprocal and draft.token.pos_ == "NOUN" and draft.anaphoric)
            or self.statuses.temporal_background(draft.token)
            or _generic(draft)
        ):
            return False  # "after the meeting" dates another event; it reports none
        parties = last_sides(kept) or self.actors.parties(draft.token.i)
        if len(parties) != 2:
            return False
        draft.source, draft.target = list(parties), parties[1:] + parties[:1]
        draft.from_group = True
        return True

    def _joins_told_event(self, draft: Draft, kept: list[Draft]) -> bool:
        """ "its delegation left to attend the talks", "who will manage those talks": a
        definite noun of a kind already told, as a verb's object and with no sides of its own,
        is that event again (merged into it), unless the text dates it apart."""
        token = draft.token
        nouns = [token] if token.pos_ == "NOUN" and token.dep_ in ("dobj", "pobj") else []
        if token.pos_ == "VERB":
            nouns = _complements(token)
        for noun in nouns:
            rule = self.lex.match(noun, set())
            if rule is None or rule.type != draft.rule.type or not self._told_again(noun):
                continue
            earlier = next((k for k in reversed(kept) if k.rule.type == rule.type), None)
            if earlier is None or draft.historical_mod or draft.new_instance:
                continue
            if _dated_apart(draft, earlier) or _other_ordinal(draft, earlier):
                continue
            complete(earlier, draft)
            return True
        return False

    def _trip_to_told_talks(self, draft: Draft, kept: list[Draft]) -> bool:
        """ "its delegation left for Lima to discuss the truce": a side travelling to talks
        already told, with no one else named, goes to those talks (merged into them)."""
        token = draft.token
        purpose = token.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        )
        travel = knowledge.words(_EVENTS_LEXICON, "travel_verbs")
        if not purpose or draft.target or token.head.lemma_.lower() not in travel:
            return False
        earlier = next((k for k in reversed(kept) if k.rule.type == draft.rule.type), None)
        if earlier is None or len(earlier.actors) < 2 or not set(draft.source) <= earlier.actors:
            return False
        complete(earlier, draft)  # the trip's own day comes before the talks: no date check
        return True

    def _told_again(self, noun: Token) -> bool:
        """A definite event noun ("the talks", "those talks") naming no sides of its own."""
        definite = knowledge.words(_EVENTS_LEXICON, "definite_determiners")
        own_sides = any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in noun.children)
        return not own_sides and any(
            c.dep_ == "det" and c.lower_ in definite for c in noun.children
        )

    def _reporting_date(self, token: Token) -> TimeExpression | None:
        """The day the story was written (a wire dateline's day, else publication), marked
        approximate, for a news event with no date of its own."""
        published = self.when.written
        if published is None:
            return None
        return TimeExpression(
            text="",
            start=token.idx,
            end=token.idx,
            value=published.isoformat(),
            precision="approximate",
        )

    def _dated_possessive(self, noun: Token) -> bool:
        """ "Tuesday's attack": a noun owned by a date."""
        return any(c.dep_ == "poss" and c.i in self.when.date_tokens for c in noun.children)

    def _antecedent(self, draft: Draft, kept: list[Draft]) -> Draft | None:
        if not draft.anaphoric:
            return None
        sentence = draft.token.sent.start
        for earlier in reversed(kept):
            near = sentence - earlier.token.sent.start <= 80
            if near and (earlier.rule.type, earlier.mode) == (draft.rule.type, draft.mode):
                return earlier
        return None

    def _event(self, draft: Draft) -> Event:
        token = draft.token
        (sent,) = sentences_over(token.doc, token.i, token.i + 1)  # Token.sent walks the sentence
        status = draft.status
        clause = list(_clause(token))
        return Event(
            type=draft.rule.type,
            mode=draft.mode,
            context=self._contexts(clause),
            source=draft.source,
            target=draft.target,
            mediator=draft.mediator,
            sectors={
                a: self.parties.sectors[a]
                for a in (*draft.source, *draft.target, *draft.mediator)
                if a in self.parties.sectors
            },
            countries={
                a: self.parties.unnamed.countries[a]
                for a in (*draft.source, *draft.target, *draft.mediator)
                if a in self.parties.unnamed.countries
            },
            date=draft.date,
            place=draft.place,
            quantities=quantities_in(clause, self.when.date_tokens),
            status=status,
            cumulative=is_cumulative(token, draft.rule.type),
            attributed_to=draft.alleged_by[0]
            if draft.alleged_by
            else self._attributed_to(sent.start_char),
            trigger=Span(start=token.idx, end=token.idx + len(token.text), text=token.text),
            evidence=Span(start=sent.start_char, end=sent.end_char, text=span_text(sent)),
            confidence=confidence(draft),
            extractor=EXTRACTOR_NAME,
        )

    def _old(self, date: TimeExpression | None) -> bool:
        published = self.ctx.article.published_at
        if date is None or date.value is None or published is None:
            return False
        days = int(knowledge.number("plover.json", "historical_after_days"))
        return period_start(date.value) < published - dt.timedelta(days=days)

    def _past_sentence(self, draft: Draft) -> bool:
        """An undated act in a sentence that names an old year before it ("gained independence
        in 1993, but after five years began fighting"; "a ruling in 2002 ..., but X did not
        accept it") is background, not the day's news. A year inside a noun phrase ("a
        violation of the 2003 cease-fire ... followed several meetings", round 12's l02) dates
        that thing, not the sentence."""
        if draft.date is not None:
            return False
        token = draft.token
        start = sentences_over(token.doc, token.i, token.i + 1)[0].start_char
        return any(
            start <= d.start < token.idx
            and d.precision in _EXACT
            and any(ch.isdigit() for ch in d.text)  # "in 2002", not "this year"
            and self._old(d)
            and not _names_a_things_time(token.doc, d)
            for d in self.ctx.analysis.dates
        )

    def _marked_past(self, draft: Draft) -> bool:
        """A dated past event the text marks as background ("the previous exchange was in
        October"), whatever its age: the article's news is something else."""
        published = self.ctx.article.published_at
        date = draft.date
        if not draft.historical_mod or date is None or date.value is None or published is None:
            return False
        return period_start(date.value) < published

    def _contexts(self, clause: list[Token]) -> list[str]:
        words = {t.lemma_.lower() for t in clause} | {t.lower_ for t in clause}
        text = " ".join(t.lower_ for t in clause)
        found = []
        for context, keys in self.lex.contexts().items():
            if any((k in text) if " " in k else (k in words) for k in keys):
                found.append(context)
        return found

    def _attributed_to(self, sentence_start: int) -> str | None:
        claim = (self.ctx.products.claims_by_sentence or {}).get(sentence_start)
        if claim is None:
            return None
        return claim.reporter.actor or claim.reporter.text


def _story_day(kept: list[Draft], published: dt.date | None) -> TimeExpression | None:
    """The day the story happened: the first occurred event dated to a day before or on
    publication ("met in Geneva on Wednesday"), or None."""
    for draft in kept:
        date = draft.date
        if (
            draft.status == "occurred"
            and date is not None
            and date.precision == "day"
            and date.value is not None
            and (published is None or period_start(date.value) <= published)
        ):
            return date
    return None


def _retells(kept: Draft, draft: Draft) -> bool:
    """The same act told again with its target left out on one side: "retaliated with
    artillery and shelled rebel positions", or "violent attacks by X" and, two sentences on,
    "X attacked protesters". Same type, mode, status and source; close together (the same
    sentence, or a noun within a few sentences); dates that do not disagree."""
    if (kept.rule.type, kept.mode, kept.status) != (draft.rule.type, draft.mode, draft.status):
        return False
    if not kept.source or set(kept.source) != set(draft.source):
        return False
    if bool(kept.target) == bool(draft.target):
        return False
    bare = draft if not draft.target else kept
    if _acts_on_something(bare.token):
        return False  # "ambushed a convoy and later attacked a police post": two acts
    same_sentence = kept.token.sent.start == draft.token.sent.start
    noun = "NOUN" in (kept.token.pos_, draft.token.pos_)
    near = same_sentence or (noun and draft.token.i - kept.token.i <= _RETELLING_TOKENS)
    return near and not _dated_apart(kept, draft)


def _resolution_of_vote(kept: Draft, draft: Draft) -> bool:
    """ "The General Assembly voted on Friday to condemn X ... The assembly approved the
    resolution, which ..." (round 11's k08): a body approving "the" text after the story has
    told the act it voted for is that vote told again, not a second, target-less SUPPORT.
    "approved a resolution on Y" (a text not told before: no vote) stays."""
    if draft.rule.type != "SUPPORT" or draft.target or not draft.source:
        return False
    votes = knowledge.words(_EVENTS_LEXICON, "voting_verbs")
    voted = kept.token.dep_ == "xcomp" and kept.token.head.lemma_.lower() in votes
    if not voted or not set(draft.source) <= set(kept.source) or _dated_apart(kept, draft):
        return False
    texts = knowledge.words(_EVENTS_LEXICON, "voted_texts")
    definite = knowledge.words(_EVENTS_LEXICON, "definite_determiners")
    return any(
        o.dep_ in ("dobj", "nsubjpass")
        and o.lemma_.lower() in texts
        and any(d.dep_ == "det" and d.lower_ in definite for d in o.children)
        for o in draft.token.children
    )


def _names_a_things_time(doc: Doc, date: TimeExpression) -> bool:
    """Whether ``date`` is written before a noun as its modifier ("the 2003 cease-fire", "a
    March 2019 truce"): it tells when that thing was made, not when the clause happened."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return (
        root.dep_ in ("compound", "nummod", "amod", "nmod")
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.i >= span.end
    )


def _neighbourhood(token: Token) -> Iterator[Token]:
    """The words of ``token``'s sentence and of the sentences right before and after it."""
    doc, own = token.doc, token.sent
    for sentence in sentences_over(doc, max(0, own.start - 1), min(len(doc), own.end + 1)):
        yield from sentence


def _held(draft: Draft) -> bool:
    """Whether ``draft`` is an arrest, abduction or release told without its agent: a passive
    ("were arrested") or a participle ("21 people kidnapped on Monday")."""
    token = draft.token
    if (draft.rule.type, draft.mode) not in _HELD or token.pos_ != "VERB":
        return False
    passive = any(c.dep_ == "auxpass" for c in token.children) or (
        token.dep_ == "acl" and token.tag_ == "VBN"
    )
    return passive and not any(c.dep_ == "agent" for c in token.children)


def _denies(draft: Draft, earlier: Draft) -> bool:
    """A negated noun ("No face-to-face meetings were scheduled Monday") after an event of its
    kind that took place: not that event told again (it lends it no date), and with no sides
    of its own not a meeting of that event's sides either; "the next round was postponed" is
    a new instance and stays."""
    return draft.status == "negated" and earlier.status != "negated"


def _same_thing(a: Token, b: Token) -> bool:
    """Whether two triggers act on a noun of the same lemma ("condemned the arrest of X" and
    "condemn the arrest of X"; "agreed to a cease-fire" twice)."""
    return bool(_things(a) & _things(b))


def _things(verb: Token) -> set[str]:
    """Lemmas of the nouns a verb acts on, with the nouns joined to them ("a cease-fire and
    peace talks", which the parser may read as one noun modifying another)."""
    nouns = [c for c in _complements(verb) if c.pos_ in ("NOUN", "PROPN")]
    nouns += [c for n in nouns for c in n.children if c.dep_ in ("compound", "nmod", "conj")]
    return {n.lemma_.lower() for n in nouns if n.pos_ in ("NOUN", "PROPN")}


def _object_told(kept: Draft, draft: Draft) -> bool:
    """ "announced new sanctions on seven officials" then "officials said they decided last
    week to impose the new sanctions": a verb whose object is a definite noun (the article
    points back) naming what an earlier act of the same type and source acted on is that act
    told again, whatever its own tense says."""
    if draft.token.pos_ != "VERB" or kept.rule.type != draft.rule.type:
        return False
    if not set(draft.source) <= set(kept.source) or not draft.source:
        return False
    definite = knowledge.words(_EVENTS_LEXICON, "definite_determiners")
    told = {c.lemma_.lower() for c in _complements(kept.token)} | {kept.token.lemma_.lower()}
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in told
        and any(d.dep_ == "det" and d.lower_ in definite for d in c.children)
        for c in draft.token.children
    )


def _places_named(token: Token) -> set[str]:
    """The places a trigger's sentence names ("In Nablus, students gathered ..."), by the
    parser's entity labels, so a retelling that moves elsewhere is told apart."""
    return {e.text.lower() for e in token.sent.ents if e.label_ in _PLACE_LABELS}


def _side_of(kept: Draft, draft: Draft) -> bool:
    """ "Ukraine and Russia are exchanging prisoners" then "Kyiv confirmed the exchange,
    releasing a similar number in return": one side's part of a mutual act already told is
    that act, not a second one (told in a dependent clause, same type, mode and status, close
    after it, no date apart)."""
    mutual = len(kept.actors) == 2 and set(kept.source) == set(kept.target)
    return (
        mutual
        and draft.token.dep_ in _DEPENDENT  # "also agreed to release X": an act of its own
        and (kept.rule.type, kept.mode, kept.status) == (draft.rule.type, draft.mode, draft.status)
        and bool(draft.source)
        and set(draft.source) < kept.actors
        and not draft.target  # "11 were returned by X to Y" is X's own release, told apart
        and 0 < draft.token.i - kept.token.i <= _RETELLING_TOKENS
        and not _dated_apart(kept, draft)
    )


def _named_again(kept: Draft, draft: Draft) -> bool:
    """ "These negotiations, the fourth attempt at peace, have raised hopes" after "arrived
    for talks with X": a definite event noun with the same sides as an event already told is
    that event named again, though its own clause's tense tells another status, unless marked
    or dated."""
    definite = knowledge.words(_EVENTS_LEXICON, "definite_determiners")
    return (
        draft.token.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in definite for c in draft.token.children)
        and not (draft.historical_mod or draft.new_instance)
        and "negated" not in (kept.status, draft.status)
        and kept.status != draft.status  # same status: same_happening and _retells decide
        and draft.date is None  # "the negotiations began in September": a time of their own
        and (kept.rule.type, kept.mode) == (draft.rule.type, draft.mode)
        and bool(kept.actors)
        and kept.actors == draft.actors
        and not _other_ordinal(draft, kept)
    )


def _described_again(kept: Draft, draft: Draft) -> bool:
    """ "A and B have signed an agreement ... the repatriation agreement signed on Friday
    between A's minister and his B counterpart" (round 12's l06): a participle describing a
    definite noun ("the agreement signed ...") names a thing already told, so an act of the
    same kind, status and sides (or some of them) told just before is that act described
    again; it lends its date, it is no second act."""
    token, thing = draft.token, draft.token.head
    definite = knowledge.words(_EVENTS_LEXICON, "definite_determiners")
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and any(c.dep_ == "det" and c.lower_ in definite for c in thing.children)
        and (kept.rule.type, kept.mode, kept.status) == (draft.rule.type, draft.mode, draft.status)
        and bool(draft.actors)
        and draft.actors <= kept.actors
        and 0 < token.i - kept.token.i <= _RETELLING_TOKENS
    )


def _acts_on_something(token: Token) -> bool:
    """Whether a verb names what it acts on, actor or not ("attacked a police post", "fired
    at a post"), so that lacking a target actor does not make it a retelling. A noun's "on"
    is as often where it was held ("meetings on the sidelines") as what it hit."""
    verb = token.pos_ == "VERB"
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        or (
            verb
            and c.dep_ == "prep"
            and c.lower_ in _ACTED_ON
            and any(p.dep_ == "pobj" for p in c.children)
        )
        for c in token.children
    )


def _agentless_retelling(kept: Draft, draft: Draft) -> bool:
    """ "Armenia and Azerbaijan freed 14 detainees ... two civilians were released in the same
    operation": an act told in the passive without its agent, after an act of the same kind
    whose doer the text named, is most often that act told again (the writer leaves out the
    agent because it is known); only a day of its own that differs makes it another act."""
    if (kept.rule.type, kept.mode) != (draft.rule.type, draft.mode) or not kept.source:
        return False
    days = [d.date for d in (kept, draft) if d.date is not None and d.date.precision in _EXACT]
    return not (len(days) == 2 and days[0].value != days[1].value)


def _fill_from(kept: Draft, later: Draft) -> None:
    """Complete ``kept`` from a retelling: the target it lacked, and a date the text states
    where ``kept`` had only an assumed one or the day of the statement reporting it ("the army
    said on Saturday that its troops killed ..." then "... on Thursday evening killed ...")."""
    kept.target = kept.target or list(later.target)
    if (
        later.date is not None
        and later.date.precision in _EXACT
        and not later.date_said
        and (kept.date is None or kept.date.precision not in _EXACT or kept.date_said)
    ):
        kept.date = later.date
        kept.date_said = False
    complete(kept, later)


def _other_ordinal(draft: Draft, earlier: Draft) -> bool:
    """ "The first round, held in August" after "the second round": two nouns numbered
    differently are two events, whatever their dates (the ordinals are the parser's ORDINAL
    entities, so no word list is needed)."""
    mine, theirs = _ordinal(draft.token), _ordinal(earlier.token)
    return mine is not None and theirs is not None and mine != theirs


def _numbered_apart(draft: Draft, kept: Draft) -> bool:
    """ "The second round, held in Bangkok in November" is not the undated "talks" mentioned
    before it: a numbered noun with a date of its own retells only a mention with the same
    number or the same date."""
    if _ordinal(draft.token) is None:
        return False
    if _ordinal(kept.token) is not None:
        return _other_ordinal(draft, kept)
    mine, theirs = draft.date, kept.date
    return mine is not None and (theirs is None or theirs.value != mine.value)


def _ordinal(token: Token) -> str | None:
    """The ordinal on the event noun, or on the noun it completes ("the second round of the
    talks")."""
    nouns = [token]
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "NOUN":
        nouns.append(token.head.head)
    return next(
        (
            c.lower_
            for noun in nouns
            for c in noun.children
            if c.dep_ == "amod" and c.ent_type_ == "ORDINAL"
        ),
        None,
    )


def _generic(draft: Draft) -> bool:
    """ "until conditions allow a meeting": an indefinite noun in a condition is a kind of
    event, not one the parties of the story hold."""
    return draft.status == "hypothetical" and any(
        c.dep_ == "det" and c.lower_ in knowledge.words(_EVENTS_LEXICON, "indefinite_determiners")
        for c in draft.token.children
    )


def _clause(token: Token) -> Iterator[Token]:
    """The trigger's clause: the anchor's subtree without coordinated or adverbial clauses."""
    root = anchor_of(token) if token.pos_ == "ADJ" else token
    yield from _walk(root, root)


def _walk(token: Token, root: Token) -> Iterator[Token]:
    yield token
    for child in token.children:
        if child.dep_ in _CLAUSE_BREAKS and child.dep_ != "punct":
            continue
        yield from _walk(child, root)


def _complements(verb: Token) -> list[Token]:
    """Nouns a verb takes as its thing: its object, the object of its prepositions and of
    its object's ("take part in the talks", "travelled for the talks"). A verb with no object
    of its own shares its conjunct's ("attacked and destroyed a convoy": the convoy)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects and verb.pos_ == "VERB":
        conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        objects = [o for c in conjuncts for o in c.children if o.dep_ == "dobj"]
    holders = [verb, *objects]
    preps = [c for h in holders for c in h.children if c.dep_ == "prep"]
    return objects + [p for prep in preps for p in prep.children if p.dep_ == "pobj"]


def _dated_apart(draft: Draft, earlier: Draft) -> bool:
    """Whether the two have dates of their own that differ."""
    return (
        draft.date is not None
        and earlier.date is not None
        and draft.date.value != earlier.date.value
    )


def _verb_of_own_noun(draft: Draft, by_token: dict[int, Draft]) -> bool:
    """ "would start talks": a verb whose object is an event noun of its own type tells that
    one event; the noun, which names the sides, keeps it (and the verb's date and place)."""
    if draft.token.pos_ != "VERB":
        return False
    for child in (c for c in draft.token.children if c.dep_ == "dobj"):
        noun = by_token.get(child.i)
        if (
            noun is not None
            and noun.rule.type == draft.rule.type
            and noun.source
            and noun.target
            and set(draft.source) <= noun.actors
        ):
            complete(noun, draft)
            return True
    return False
