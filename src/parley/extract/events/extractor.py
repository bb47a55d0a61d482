"""PLOVER events: trigger words from the lexicon, then actors, status, date, place, quantities.

The extractor ``parley.events.v1`` works in numbered steps over the parsed document:

1. find triggers: each token whose lemma and context fit a rule of ``parley/data/plover.json``;
2. absorb content: "agreed to resume dialogue" is one AGREE, not AGREE + CONSULT; "refused to
   meet" yields the inner event with status ``refused``;
3. build each event: source/target/mediator actors from the dependency tree (subjects, objects,
   "between A and B", "mediated by X", demonyms such as "Russian prisoners", group anaphors
   such as "both powers"), status from negation, modals, control verbs and conditionals, the
   date written in the same clause, the place ("in Abu Dhabi", "on the Belarusian border"),
   quantities, PLOVER contexts from keywords, the attribution of the sentence;
4. resolve anaphoric nouns ("The swap took place this afternoon" completes the exchange
   announced just before; "the previous exchange", "a third round" or a noun with a date of
   its own is a new event of the same parties; an actorless "the second round of talks" with
   no earlier event of its kind is between the parties of the story so far);
5. drop events without a source actor (PLOVER codes none) and merge duplicates (a headline
   repeating the lead).

Step 3 asks three helpers, each readable alone: :mod:`~parley.extract.events.parties` (who
acted on whom; :mod:`~parley.extract.events.unnamed` for actors the knowledge base lacks),
:mod:`~parley.extract.events.dating` (when) and :mod:`~parley.extract.events.status` (whether
it happened).

Dates: an event gets the time expression written in its own clause (found by the dates
extractor). Otherwise, news of the day (status occurred, proposed, refused or negated) gets the
publication date with precision ``approximate`` and empty ``text`` (no words in the article carry
it); planned, hypothetical and historical events without a written date get None, because the
publication date would be wrong for them. An occurred event dated more than
``historical_after_days`` before publication is ``historical``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

import parley.knowledge as knowledge
from parley.extract.base import Context, actor_at, register
from parley.extract.events.actors import ActorIndex, unique
from parley.extract.events.dating import EventDates, period_start, scope_heads
from parley.extract.events.drafts import (
    Draft,
    complete,
    confidence,
    last_sides,
    rejection_target,
    same_happening,
)
from parley.extract.events.parties import SUBJECTS, EventParties, content
from parley.extract.events.patients import leaving_verb
from parley.extract.events.plover import PloverLexicon, TriggerRule, load_plover
from parley.extract.events.status import StatusReader, anchor_of
from parley.extract.timeplace.places import (
    PlaceResolver,
    find_places,
    place_spans,
    quantities_in,
)
from parley.models import Event, EventStatus, Place, Span, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.kb import KnowledgeBase

__all__ = ["EventsExtractor"]

log = logging.getLogger(__name__)

_CLAUSE_BREAKS = ("conj", "cc", "advcl", "relcl", "parataxis", "acl", "appos", "punct")
# Statuses whose event (or the statement of it) belongs to the time of reporting.
_REPORTED = ("occurred", "proposed", "refused", "negated")
_EXACT = ("year", "month", "day")  # date precisions a text states, not ones Parley assumed
_EVENTS_LEXICON = "lexicon/events.json"


@register("parley.events.v1")
class EventsExtractor:
    """PLOVER events with actors, status, date, place and quantities (see module docstring)."""

    name: ClassVar[str] = "parley.events.v1"
    requires: ClassVar[tuple[str, ...]] = (
        "doc",
        "dates",
        "actor_at",
        "date_kind",
        "claims_by_sentence",
    )
    assigns: ClassVar[tuple[str, ...]] = ("events", "places")

    def __init__(self, lexicon: PloverLexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else load_plover()
        self._resolvers: dict[int, PlaceResolver] = {}

    def __call__(self, ctx: Context) -> None:
        """Append the document's events to ``ctx.analysis.events`` and its places to ``places``."""
        resolver = self._resolver(ctx.kb)
        actors = ActorIndex(ctx, self.lexicon)
        build = _Builder(ctx, self.lexicon, actors, resolver)
        drafts = build.drafts()
        ctx.analysis.events.extend(build.finish(drafts))
        if not ctx.analysis.places:
            ctx.analysis.places.extend(find_places(ctx.doc, resolver, set(actor_at(ctx))))

    def _resolver(self, kb: KnowledgeBase) -> PlaceResolver:
        if id(kb) not in self._resolvers:
            self._resolvers[id(kb)] = PlaceResolver(kb)
        return self._resolvers[id(kb)]


class _Builder:
    """Builds the events of one document (one instance per call; holds no global state)."""

    def __init__(
        self, ctx: Context, lexicon: PloverLexicon, actors: ActorIndex, resolver: PlaceResolver
    ) -> None:
        self.ctx, self.lex, self.actors, self.resolver = ctx, lexicon, actors, resolver
        self.doc: Doc = ctx.doc
        self.statuses = StatusReader(lexicon)
        self.when = EventDates(ctx, lexicon)
        self.places = {
            i: span for span in place_spans(self.doc) for i in range(span.start, span.end)
        }
        self.parties = EventParties(ctx, lexicon, actors, resolver, self.statuses)

    # ---------------------------------------------------------------- step 1–2: triggers

    def drafts(self) -> list[Draft]:
        """Triggers in text order, content absorbed, each built into a draft."""
        found = self._triggers()
        overrides, absorbed = self._absorb(found)
        results = self._results(found)
        drafts: list[Draft] = []
        by_token: dict[int, Draft] = {}
        for token, rule in found:
            if token.i in absorbed:
                continue
            draft = self._build(token, rule, overrides.get(token.i))
            if token.i in results and results[token.i] in by_token:
                complete(by_token[results[token.i]], draft)
                continue
            drafts.append(draft)
            by_token[token.i] = draft
            self._link(draft, by_token)
        return drafts

    def _triggers(self) -> list[tuple[Token, TriggerRule]]:
        """Tokens that fit a lexicon rule and report news: not a question, not background, not
        the same act told twice, not a speaker denying their own side's act."""
        seen: set[tuple[str, str | None]] = set()
        found: list[tuple[Token, TriggerRule]] = []
        for token in self.doc:
            rule = self.lex.match(token, seen)
            if (
                rule is not None
                and not token.sent.text.rstrip().rstrip('"”’').endswith("?")  # a question asks
                and not self._background(token)
                and not _retold(token, rule, found)
                and (rule.needs_negation or not _first_person_denial(token))
            ):
                found.append((token, rule))
                seen.add((rule.type, rule.mode))
        return found

    def _link(self, draft: Draft, by_token: dict[int, Draft]) -> None:
        """Tie a draft to the event it is about ("the swap was agreed": the swap) and note a
        two-party CONSULT, whose parties later actorless talks may take."""
        token, rule = draft.token, draft.rule
        draft.about = next(
            (by_token[c.i] for c in token.children if c.dep_ == "nsubjpass" and c.i in by_token),
            None,
        )
        if draft.about is not None and draft.about.token.i not in self.when.dates:
            draft.about.date = None  # "was agreed last week" dates the deal, not the swap
        if rule.type == "CONSULT" and len(draft.actors) == 2 and not draft.from_group:
            self.actors.consult_pairs.append((token.i, unique(draft.source + draft.target)))

    def _background(self, token: Token) -> bool:
        """A participle describing a noun ("the treaty signed by A and B") is background, not
        news, unless the text dates it ("prisoners released on Tuesday"): PLOVER codes the
        reported act, not the description of a thing. So is the event noun of a relative
        clause telling someone's role ("the envoy who chairs the talks")."""
        participle = (
            token.pos_ == "VERB"
            and token.dep_ == "acl"
            and token.tag_ == "VBN"
            and token.i not in self.when.dates
            and leaving_verb(token) is None  # "a bomb left four soldiers wounded" is news
        )
        return participle or _role_description(token) or self._group_description(token)

    def _group_description(self, token: Token) -> bool:
        """ "students who were calling for unity": a relative clause on an unnamed group tells
        who they are, not news of its own."""
        head = token.head
        return (
            token.dep_ == "relcl"
            and head.i not in self.actors.at
            and head.lemma_.lower() in self.lex.words("civilian_heads")
        )

    @staticmethod
    def _results(found: list[tuple[Token, TriggerRule]]) -> dict[int, int]:
        """Verbs telling the outcome of an event noun of the same type ("a missile strike
        killed 12"): verb index -> noun index; the two are one event."""
        nouns = {t.i: r.type for t, r in found if t.pos_ == "NOUN"}
        out: dict[int, int] = {}
        for token, rule in found:
            for subject in (c for c in token.children if c.dep_ in SUBJECTS):
                if nouns.get(subject.i) == rule.type and token.pos_ == "VERB":
                    out[token.i] = subject.i
        return out

    def _absorb(
        self, found: list[tuple[Token, TriggerRule]]
    ) -> tuple[dict[int, EventStatus], set[int]]:
        at = {t.i: r for t, r in found}
        overrides: dict[int, EventStatus] = {}
        absorbed: set[int] = set()
        for token, rule in found:
            if not rule.absorbs or token.i in absorbed:
                continue
            inner = [i for i in content(token) if i in at and i != token.i]
            if rule.yields and inner:
                absorbed.add(token.i)
                overrides[inner[0]] = rule.yields  # type: ignore[assignment]
                absorbed.update(inner[1:])
            else:
                absorbed.update(inner)
        for token, rule in found:  # "called off the round": the round will not take place
            if rule.object_status:
                patients = [
                    *content(token),
                    *(c.i for c in token.children if c.dep_ == "nsubjpass"),
                ]
                for i in (i for i in patients if i in at and i != token.i):
                    overrides.setdefault(i, rule.object_status)  # type: ignore[arg-type]
        return overrides, absorbed

    # ---------------------------------------------------------------- step 3: one event

    def _build(self, token: Token, rule: TriggerRule, status: EventStatus | None) -> Draft:
        """One event from its trigger: actors, status, date, place, then the marks that step 4
        reads to tell a retold event from a new one."""
        draft = Draft(token=token, rule=rule, mode=rule.mode)
        self.parties.find(draft)
        draft.status = self._status(draft, status)
        draft.date = self.when.date(token)
        draft.place = self._place(token)
        self.parties.unnamed.state_sectors_at_place(draft)
        if not draft.source and rule.type.lower() in self.lex.words("civilian_event_types"):
            draft.source = self.parties.crowd(draft)
        if draft.mediator and rule.type == "CONSULT":
            draft.mode = draft.mode or "third-party"
        self._mark(draft)
        return draft

    def _status(self, draft: Draft, status: EventStatus | None) -> EventStatus:
        """The status an absorbing verb gave, else the one the clause's grammar says."""
        rule = draft.rule
        found = status or self.statuses.status(draft.token, negation_is_event=rule.needs_negation)
        if rule.needs_negation and found == "planned":
            found = "occurred"  # "will not accept X" rejects X now
        if found == "occurred" and rule.status:
            found = rule.status  # type: ignore[assignment]
        return found

    def _mark(self, draft: Draft) -> None:
        """Marks of a past, new or anaphoric mention ("the previous round", "a third round",
        "the swap")."""
        token = draft.token
        draft.historical_mod = any(
            c.lemma_.lower() in self.lex.words("historical_modifiers")
            for c in token.children
            if c.dep_ == "amod"
        )
        draft.new_instance = token.pos_ == "NOUN" and any(
            c.lower_ in self.lex.words("new_instance_modifiers")
            for c in token.children
            if c.dep_ in ("amod", "det", "nummod")
        )
        draft.anaphoric = token.pos_ == "NOUN" and any(
            c.dep_ in ("det", "poss") or c.lemma_.lower() in self.lex.words("historical_modifiers")
            for c in token.children
            if c.dep_ in ("det", "amod")
        )

    # ---------------------------------------------------------------- place

    def _place(self, token: Token) -> Place | None:
        for i in scope_heads(token):
            head = self.doc[i]
            for child in sorted(head.children, key=lambda c: -c.i):  # nearest modifier first
                if child.dep_ == "compound" and child.i in self.places and head.pos_ == "NOUN":
                    return self._resolve_place(child.i)
                if child.dep_ == "prep" and child.lower_ in knowledge.words(
                    _EVENTS_LEXICON, "place_preps"
                ):
                    for pobj in (p for p in child.children if p.dep_ == "pobj"):
                        if pobj.i in self.places:
                            return self._resolve_place(pobj.i)
        return None

    def _resolve_place(self, i: int) -> Place:
        span = self.places[i]
        return self.resolver.resolve(span.text, span.start_char, span.end_char)

    # ---------------------------------------------------------------- step 4–5: finish

    def finish(self, drafts: list[Draft]) -> list[Event]:
        """Resolve anaphoric nouns, drop actorless drafts, merge duplicates, make Events."""
        kept: list[Draft] = []
        for draft in drafts:
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
        if not draft.actors and not self._take_actors(draft, kept):
            return False
        if not draft.source and not (draft.unknown_source and draft.target):
            return False  # PLOVER codes no event without a named source actor
        if len(draft.source) == 1 and draft.target == draft.source:
            draft.target = []  # one actor is not the target of its own act
        duplicate = next((k for k in kept if same_happening(k, draft)), None)
        if duplicate is not None:
            complete(duplicate, draft)
            return False
        return True

    def _date_news(self, kept: list[Draft]) -> None:
        """Date undated news: the story's day when the act is told in the past, else the
        publication date (approximate); plans and conditions stay undated."""
        story_day = _story_day(kept, self.ctx.article.published_at)
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
            )
            if not (draft.historical_mod or draft.new_instance or other_date):
                complete(earlier, draft)
                return False
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

    def _reporting_date(self, token: Token) -> TimeExpression | None:
        """The publication date, marked approximate, for a news event with no date of its own."""
        published = self.ctx.article.published_at
        if published is None:
            return None
        return TimeExpression(
            text="",
            start=token.idx,
            end=token.idx,
            value=published.isoformat(),
            precision="approximate",
        )

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
        sent = token.sent
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
            date=draft.date,
            place=draft.place,
            quantities=quantities_in(clause, self.when.date_tokens),
            status=status,
            attributed_to=self._attributed_to(sent.start_char),
            trigger=Span(start=token.idx, end=token.idx + len(token.text), text=token.text),
            evidence=Span(start=sent.start_char, end=sent.end_char, text=sent.text),
            confidence=confidence(draft),
            extractor=EventsExtractor.name,
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
        accept it") is background, not the day's news."""
        if draft.date is not None:
            return False
        token = draft.token
        start = token.sent.start_char
        return any(
            start <= d.start < token.idx
            and d.precision in _EXACT
            and any(ch.isdigit() for ch in d.text)  # "in 2002", not "this year"
            and self._old(d)
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


# -------------------------------------------------------------------- tree helpers


def _retold(token: Token, rule: TriggerRule, found: list[tuple[Token, TriggerRule]]) -> bool:
    """The same act told twice in one sentence: "ambushed a patrol, killing one" (a participle of
    the act's outcome) or "freed two hostages, the second release by the group" (a noun in
    apposition)."""
    start = token.sent.start
    same: list[Token] = []
    for t, r in reversed(found):  # ``found`` is in text order: stop at the sentence's start
        if t.i < start:
            break
        if r.type == rule.type:
            same.append(t)
    if not same:
        return False
    outcome = token.dep_ == "advcl" and token.tag_ == "VBG" and token.head in same
    outcome = outcome or (token.dep_ == "xcomp" and token.head in same)  # "voted to approve"
    retelling = token.pos_ == "NOUN" and token.dep_ in ("appos", "npadvmod", "dep")
    # "were wounded in a bomb attack": the attack is the act the verb tells the outcome of
    cause = (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ in ("in", "by")
        and token.head.head.pos_ == "VERB"
        and token.head.head in same
    )
    return outcome or retelling or cause


def _first_person_denial(token: Token) -> bool:
    """ "We have not fired first", "we did not come here to sign": a speaker denying an act
    of their own side is a statement, not an event against anyone (negated verb, subject
    I or we, checked up through purpose and control clauses)."""
    current = token
    for _ in range(3):
        negated = any(c.dep_ == "neg" for c in current.children)
        if negated and any(
            c.dep_ in ("nsubj", "nsubjpass")
            and c.lower_ in knowledge.words(_EVENTS_LEXICON, "first_person")
            for c in current.children
        ):
            return True
        if current.dep_ not in ("xcomp", "advcl") or current.head is current:
            return False
        current = current.head
    return False


def _role_description(token: Token) -> bool:
    """An event noun in a present-tense relative clause about someone ("the envoy who chairs
    the talks") tells that person's role; the clause reports no event."""
    verb = token.head
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "dobj"
        and verb.dep_ == "relcl"
        and verb.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "nsubj" and c.tag_ == "WP" for c in verb.children)
    )


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
