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
from parley.extract.events.drafts import (
    Draft,
    complete,
    confidence,
    last_sides,
    rejection_target,
    same_happening,
)
from parley.extract.events.plover import PloverLexicon, TriggerRule, load_plover
from parley.extract.events.status import StatusReader, anchor_of
from parley.extract.timeplace.places import (
    PlaceResolver,
    demonym_of,
    find_places,
    place_spans,
    quantities_in,
)
from parley.models import Event, EventStatus, Place, Span, TimeExpression
from parley.nlp.dateline import dateline_end
from parley.nlp.numbers import numbers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.kb import KnowledgeBase

__all__ = ["EventsExtractor"]

log = logging.getLogger(__name__)

_SUBJECTS = ("nsubj", "csubj")
_CLAUSE_BREAKS = ("conj", "cc", "advcl", "relcl", "parataxis", "acl", "appos", "punct")
_FIRST_PERSON = ("i", "we")
# Statuses whose event (or the statement of it) belongs to the time of reporting.
_REPORTED = ("occurred", "proposed", "refused", "negated")
_PLACE_PREPS = ("in", "at", "on", "near", "outside", "inside", "along", "across")
_FRAME_PREPS = ("in", "during", "throughout")
_OFFSET_UNITS = {"day": 1, "week": 7}


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
        self.dates = self._dates_by_anchor()
        self.date_tokens = {i for d in ctx.analysis.dates for i in self._token_range(d)}
        self.places = {
            i: span for span in place_spans(self.doc) for i in range(span.start, span.end)
        }

    # ---------------------------------------------------------------- step 1–2: triggers

    def drafts(self) -> list[Draft]:
        """Triggers in text order, content absorbed, each built into a draft."""
        seen: set[tuple[str, str | None]] = set()
        found: list[tuple[Token, TriggerRule]] = []
        for token in self.doc:
            rule = self.lex.match(token, seen)
            if (
                rule is not None
                and not self._background(token)
                and (rule.needs_negation or not _first_person_denial(token))
            ):
                found.append((token, rule))
                seen.add((rule.type, rule.mode))
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
            draft.about = next(
                (
                    by_token[c.i]
                    for c in token.children
                    if c.dep_ == "nsubjpass" and c.i in by_token
                ),
                None,
            )
            if draft.about is not None and draft.about.token.i not in self.dates:
                draft.about.date = None  # "was agreed last week" dates the deal, not the swap
            if rule.type == "CONSULT" and len(draft.actors) == 2 and not draft.from_group:
                self.actors.consult_pairs.append((token.i, unique(draft.source + draft.target)))
        return drafts

    def _background(self, token: Token) -> bool:
        """A participle describing a noun ("the treaty signed by A and B") is background, not
        news, unless the text dates it ("prisoners released on Tuesday"): PLOVER codes the
        reported act, not the description of a thing. So is the event noun of a relative
        clause telling someone's role ("the envoy who chairs the talks")."""
        participle = (
            token.pos_ == "VERB"
            and token.dep_ == "acl"
            and token.tag_ == "VBN"
            and token.i not in self.dates
        )
        return participle or _role_description(token)

    @staticmethod
    def _results(found: list[tuple[Token, TriggerRule]]) -> dict[int, int]:
        """Verbs telling the outcome of an event noun of the same type ("a missile strike
        killed 12"): verb index -> noun index; the two are one event."""
        nouns = {t.i: r.type for t, r in found if t.pos_ == "NOUN"}
        out: dict[int, int] = {}
        for token, rule in found:
            for subject in (c for c in token.children if c.dep_ in _SUBJECTS):
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
            inner = [i for i in _content(token) if i in at and i != token.i]
            if rule.yields and inner:
                absorbed.add(token.i)
                overrides[inner[0]] = rule.yields  # type: ignore[assignment]
                absorbed.update(inner[1:])
            else:
                absorbed.update(inner)
        for token, rule in found:  # "called off the round": the round will not take place
            if rule.object_status:
                patients = [
                    *_content(token),
                    *(c.i for c in token.children if c.dep_ == "nsubjpass"),
                ]
                for i in (i for i in patients if i in at and i != token.i):
                    overrides.setdefault(i, rule.object_status)  # type: ignore[arg-type]
        return overrides, absorbed

    # ---------------------------------------------------------------- step 3: one event

    def _build(self, token: Token, rule: TriggerRule, status: EventStatus | None) -> Draft:
        draft = Draft(token=token, rule=rule, mode=rule.mode)
        if token.pos_ == "NOUN":
            self._noun_actors(draft)
        elif token.pos_ == "ADJ":
            self._adjective_actors(draft)
        else:
            self._verb_actors(draft)
        self._mediators(draft)
        self._reciprocate(draft)
        draft.status = status or self.statuses.status(token, negation_is_event=rule.needs_negation)
        if rule.needs_negation and draft.status == "planned":
            draft.status = "occurred"  # "will not accept X" rejects X now
        if draft.status == "occurred" and rule.status:
            draft.status = rule.status  # type: ignore[assignment]
        draft.date = self._date(token)
        draft.place = self._place(token)
        if not draft.source and rule.type.lower() in self.lex.words("civilian_event_types"):
            draft.source = self._crowd(draft)
        if draft.mediator and rule.type == "CONSULT":
            draft.mode = draft.mode or "third-party"
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
        return draft

    def _verb_actors(self, draft: Draft) -> None:
        verb = draft.token
        subjects = self._subjects(verb)
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        agents = [
            p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ]
        draft.source = unique(a for s in (*subjects, *agents) for a in self._of(s, draft))
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + passive
        objects += self._prep_objects(verb, self.lex.target_preps(draft.rule.type))
        draft.target = unique(a for o in objects for a in self._of(o, draft))
        if draft.rule.absorbs and not draft.target:
            draft.target = self._content_targets(verb, draft)
        if draft.rule.swap_roles:
            draft.source, draft.target = draft.target, draft.source

    def _subjects(self, verb: Token) -> list[Token]:
        """Explicit subjects, or the controller's for xcomp/conj/relative clauses."""
        current = verb
        for _ in range(4):
            subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
            if subjects and not all(s.tag_ in ("WDT", "WP") for s in subjects):
                return subjects
            controllers = self._pcomp_controller(current)
            if controllers:
                return controllers
            if current.dep_ in ("relcl", "acl") and current.head.pos_ in ("NOUN", "PROPN"):
                return [current.head]
            if current.dep_ not in ("xcomp", "conj", "advcl") or current.head.i == current.i:
                return self._left_neighbour(current)
            if current.dep_ == "xcomp":
                objects = [c for c in current.head.children if c.dep_ in ("dobj", "nsubjpass")]
                if objects:  # object control ("pressed X to accept"), raising ("X is expected to")
                    return objects
            if current.dep_ == "conj" and self._patient_only(current.head):
                speaker = self.statuses.reporting_verb(current.head)
                if speaker is not None:  # "said the round was postponed and urged restraint"
                    return [c for c in speaker.children if c.dep_ in _SUBJECTS]
            current = current.head
        return []

    def _pcomp_controller(self, verb: Token) -> list[Token]:
        """'accused X of holding an exercise': the one accused of the act did it."""
        prep = verb.head
        if verb.dep_ != "pcomp" or prep.lower_ not in ("of", "for") or prep.head.i == prep.i:
            return []
        return [c for c in prep.head.children if c.dep_ == "dobj"]

    @staticmethod
    def _patient_only(verb: Token) -> bool:
        """A passive clause with no agent: its subject underwent the act."""
        deps = {c.dep_ for c in verb.children}
        return "nsubjpass" in deps and "agent" not in deps and "nsubj" not in deps

    def _left_neighbour(self, verb: Token) -> list[Token]:
        """A subject the parser attached elsewhere: the actor phrase right before the verb group.

        "As reported by the outlet, the Kremlin and the White House are expected to ..." is often
        parsed with the real subject as an apposition inside the adverbial clause.
        """
        first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg"))])
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)
        if first == 0 or verb.pos_ not in ("VERB", "AUX") or has_subject:
            return []
        token = self.doc[first - 1]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.pos_ in ("PROPN", "NOUN") and token.i < verb.i and self.actors.of(token):
            return [token]
        return []

    def _prep_objects(self, head: Token, preps: frozenset[str]) -> list[Token]:
        return [
            p
            for c in head.children
            if c.dep_ in ("prep", "dative") and c.lower_ in preps
            for p in c.children
            if p.dep_ == "pobj"
        ]

    def _noun_actors(self, draft: Draft) -> None:
        noun, rule = draft.token, draft.rule
        sides = self._between(noun)
        if sides:
            draft.source, draft.target = sides
            return
        draft.source = self._of(noun, draft, with_conj=False)
        draft.source += [
            a for p in self._prep_objects(noun, frozenset({"by"})) for a in self._of(p, draft)
        ]
        of_objects = self._prep_objects(noun, frozenset({"of"}))
        of_actors = [a for p in of_objects for a in self._of(p, draft)]
        if rule.type in ("ASSAULT", "COERCE", "SANCTION", "AID"):
            draft.target = of_actors
        else:
            draft.source += of_actors
        draft.target += [
            a
            for p in self._prep_objects(noun, self.lex.target_preps(rule.type))
            for a in self._of(p, draft)
        ]
        draft.source, draft.target = unique(draft.source), unique(draft.target)
        if not draft.source:
            self._light_verb_actors(draft)

    def _between(self, noun: Token) -> tuple[list[str], list[str]] | None:
        """'talks between A and B': one-to-one pairs are symmetric, else A -> the rest."""
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("between", "among"):
                continue
            firsts = [p for p in prep.children if p.dep_ == "pobj"]
            if not firsts:
                continue
            first = self.actors.of(firsts[0], with_conj=False)
            # "between X, head of Y, and Z": the parser often hangs Z on the apposition
            linked = [firsts[0], *(c for c in firsts[0].children if c.dep_ == "appos")]
            rest = unique(
                a for t in linked for c in t.children if c.dep_ == "conj" for a in self.actors.of(c)
            )
            if len(first) == 1 and len(rest) == 1:
                return first + rest, rest + first
            if first or rest:
                return first, rest
        return None

    def _light_verb_actors(self, draft: Draft) -> None:
        """'X held (13 days of) talks with Y': the light verb's subject and 'with' object.

        Also 'X asked Y for help during a visit to Z': an event noun after a companion
        preposition was made by the subject of the clause it belongs to.
        """
        noun = draft.token
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "days of talks", "a package of sanctions"
        verb = noun.head
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ in self.lex.words("companion_preps")
            and noun.head.head.pos_ in ("VERB", "AUX")
        ):
            verb = noun.head.head
        elif noun.dep_ not in ("dobj", "attr") or verb.lemma_.lower() not in self.lex.words(
            "light_verbs"
        ):
            return
        draft.source = unique(a for s in self._subjects(verb) for a in self._of(s, draft))
        draft.target = unique(
            a for p in self._prep_objects(verb, frozenset({"with"})) for a in self._of(p, draft)
        )

    def _adjective_actors(self, draft: Draft) -> None:
        adj = draft.token
        holder = adj.head if adj.dep_ in ("acomp", "attr", "oprd") else adj
        experiencers = self._prep_objects(adj, frozenset({"for", "to"})) + self._prep_objects(
            holder, frozenset({"for", "to"})
        )
        draft.source = unique(a for e in experiencers for a in self._of(e, draft))
        if not draft.source:
            subjects = [s for s in self._subjects(holder) if s.lower_ not in ("it", "this", "that")]
            draft.source = unique(a for s in subjects for a in self._of(s, draft))
        if not draft.source:
            draft.source = self._speaker(holder, draft)
        clause_subjects = [
            s
            for c in (*adj.children, *holder.children)
            if c.dep_ == "ccomp"
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
        ]
        draft.target = unique(a for s in clause_subjects for a in self._of(s, draft))
        if not draft.target:
            draft.target = self._content_targets(adj, draft)

    def _speaker(self, token: Token, draft: Draft) -> list[str]:
        """The subject of the speech verb whose reported clause holds ``token``."""
        speech = self.lex.words("speech_verbs")
        current = token
        for _ in range(5):
            if current.lemma_.lower() in speech and current.i != token.i:
                return unique(a for s in self._subjects(current) for a in self._of(s, draft))
            if current.head.i == current.i:
                return []
            current = current.head
        return []

    def _content_targets(self, token: Token, draft: Draft) -> list[str]:
        """Targets named inside the content clause ("willing to begin a dialogue with X")."""
        preps = self.lex.target_preps("default")
        found: list[str] = []
        for i in _content(token):
            t = self.doc[i]
            if t.dep_ == "pobj" and t.head.lower_ in preps:
                found.extend(self._of(t, draft))
        return unique(a for a in found if a not in draft.source)

    def _of(self, token: Token, draft: Draft, with_conj: bool = True) -> list[str]:
        civilians = self._civilians(token)
        if civilians:  # "Kenyan protesters" are civilians, not the Kenyan state
            return civilians + [
                a
                for c in token.children
                if c.dep_ == "conj" and with_conj
                for a in self._of(c, draft)
            ]
        ids = self.actors.of(token, with_conj)
        if ids and self.actors._group(token) is not None:
            draft.from_group = True
        if not ids and token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass"):
            ids = self._reported_speaker(token, draft)
        if not ids and token.lower_ in ("we", "i"):
            ids = self._quote_speaker(token)
        return ids

    def _quote_speaker(self, pronoun: Token) -> list[str]:
        """'We call on both sides ...' inside a quote: the quote's speaker."""
        for quote in self.ctx.analysis.quotes:
            if (
                quote.start <= pronoun.idx < quote.end
                and quote.speaker is not None
                and quote.speaker.actor
            ):
                return [self.actors.country_level(quote.speaker.actor)]
        return []

    def _crowd(self, draft: Draft) -> list[str]:
        """Unnamed protesters, named from the country of the place: "Serbian protesters"."""
        subjects = [c for c in draft.token.children if c.dep_ in _SUBJECTS]
        named = [
            s
            for s in subjects
            if s.lemma_.lower() not in self.lex.words("crowd_heads") and s.pos_ != "NUM"
        ]
        if named or draft.place is None or not draft.place.country:
            return []
        demonym = demonym_of(draft.place.country)
        return [f"{demonym} protesters"] if demonym else []

    def _reported_speaker(self, pronoun: Token, draft: Draft) -> list[str]:
        """'Hamas declared that it would ...': a subject pronoun of a reported clause is the
        speaker (news style puts the antecedent in the reporting clause)."""
        if pronoun.lower_ not in self.lex.words("speaker_pronouns"):
            return []
        clause = pronoun.head
        for _ in range(3):
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in (
                self.lex.words("speech_verbs") | self.lex.words("reported_speech_heads")
            ):
                speaker = clause.head
                return unique(a for s in self._subjects(speaker) for a in self.actors.of(s))
            if clause.dep_ not in ("xcomp", "conj") or clause.head.i == clause.i:
                return []
            clause = clause.head
        return []

    def _civilians(self, token: Token) -> list[str]:
        """An unnamed civilian group ("Kenyan protesters", "French unions") as a description.

        PLOVER codes protesters and other civilians as a sector of their country; without a
        knowledge-base actor we keep the words of the text (without the article) as the actor,
        so the record still says who acted. Bare crowds ("tens of thousands of people") are
        named from the place: "<demonym> protesters".
        """
        heads = self.lex.words("civilian_heads")
        if (
            token.pos_ not in ("NOUN", "PROPN")
            or token.lemma_.lower() not in heads
            or token.i in self.actors.at
            or self.actors._group(token) is not None
        ):
            return []
        if token.lemma_.lower() in self.lex.words("crowd_heads"):
            return []  # named from the place when the event is built
        words = [
            t
            for t in token.subtree
            if t.dep_ not in ("det", "predet", "punct", "relcl")
            and not (t.i > token.i and t.dep_ in ("relcl", "acl"))
        ]
        phrase = self.doc[words[0].i : words[-1].i + 1].text if words else token.text
        return [phrase[:1].upper() + phrase[1:]]

    def _mediators(self, draft: Draft) -> None:
        verbs = self.lex.words("mediation_verbs")
        nouns = self.lex.words("mediation_nouns")
        holders = [draft.token]
        if draft.token.pos_ == "NOUN" and draft.token.dep_ in (
            "dobj",
            "attr",
            "nsubj",
            "nsubjpass",
        ):
            holders.append(draft.token.head)  # "held talks ..., mediated by X"
        for child in (c for h in holders for c in h.children):
            if (
                child.dep_ in ("acl", "advcl", "relcl", "conj", "xcomp")
                and child.lemma_.lower() in verbs
                and child.tag_ == "VBN"
            ):
                agents = [
                    p
                    for a in child.children
                    if a.dep_ in ("agent", "prep") and a.lower_ == "by"
                    for p in a.children
                    if p.dep_ == "pobj"
                ]
                draft.mediator += [x for p in agents for x in self.actors.of(p)]
            if child.dep_ == "prep" and child.lower_ in ("under", "with", "through"):
                for noun in (p for p in child.children if p.lemma_.lower() in nouns):
                    draft.mediator += self.actors.of(noun)
                    draft.mediator += [
                        x
                        for p in self._prep_objects(noun, frozenset({"of"}))
                        for x in self.actors.of(p)
                    ]
        draft.mediator = [m for m in unique(draft.mediator) if m not in draft.actors]

    @staticmethod
    def _reciprocate(draft: Draft) -> None:
        """Coordinated parties of a reciprocal act are each other's targets."""
        if draft.rule.reciprocal and not draft.target and len(draft.source) >= 2:
            draft.target = draft.source[1:] + draft.source[:1]

    # ---------------------------------------------------------------- date, place

    def _dates_by_anchor(self) -> dict[int, TimeExpression]:
        kinds = self.ctx.products.date_kind or {}
        anchors: dict[int, TimeExpression] = {}
        wire = dateline_end(self.doc) or 0
        for date in self.ctx.analysis.dates:
            if kinds.get(date.start) == "duration":
                continue
            span = self.doc.char_span(date.start, date.end, alignment_mode="expand")
            if span is None or not len(span) or span.end <= wire:
                continue  # "ASHGABAT, July 9 (Reuters) —" dates the wire, not the event
            anchors.setdefault(
                _before_participle(self.doc, self._attach_point(span.root), span.end), date
            )
        return anchors

    @staticmethod
    def _attach_point(token: Token) -> int:
        """The first verb or noun above a date token: where the date belongs."""
        current = token.head if token.head.i != token.i else token
        while current.head.i != current.i:
            if current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass"):
                return current.i
            if current.pos_ == "NOUN" and current.i != token.i:
                return current.i
            current = current.head
        return current.i

    def _token_range(self, date: TimeExpression) -> range:
        span = self.doc.char_span(date.start, date.end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def _date(self, token: Token) -> TimeExpression | None:
        heads = [*self._scope_heads(token), *_frame_nouns(token)]
        for i in heads:
            if i in self.dates:
                return self.dates[i]
        return next(filter(None, (self._offset_date(self.doc[i]) for i in heads)), None)

    def _offset_date(self, verb: Token) -> TimeExpression | None:
        """ "A day after X did Y, ...": X is dated N days before the main clause (its own date,
        else publication); None unless ``verb`` heads such an after/before clause."""
        if verb.dep_ not in ("advcl", "ccomp") or verb.head.i == verb.i:  # parsers mix the two
            return None
        mark = next((c for c in verb.children if c.dep_ == "mark"), None)
        unit = next(
            (
                c
                for c in verb.children
                if c.dep_ == "npadvmod" and c.lemma_.lower() in _OFFSET_UNITS
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
        days = count * _OFFSET_UNITS[unit.lemma_.lower()]
        day = base - dt.timedelta(days=days if mark.lower_ == "after" else -days)
        span = self.doc[unit.left_edge.i : mark.i + 1]
        return TimeExpression(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            value=day.isoformat(),
            precision="day",
        )

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
        return self.ctx.article.published_at

    def _scope_heads(self, token: Token) -> Iterator[int]:
        """The trigger, then (for nouns) the verb it is subject or object of."""
        yield token.i
        if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            yield token.head.i
        for clause in (c for c in token.children if c.dep_ == "relcl" and token.pos_ == "NOUN"):
            yield clause.i  # "the round, which X will host in Geneva on June 16"
            yield from (c.i for c in clause.children if c.dep_ == "xcomp")
        if token.pos_ == "ADJ" and token.dep_ in ("acomp", "attr"):
            yield token.head.i

    def _place(self, token: Token) -> Place | None:
        for i in self._scope_heads(token):
            head = self.doc[i]
            for child in sorted(head.children, key=lambda c: -c.i):  # nearest modifier first
                if child.dep_ == "compound" and child.i in self.places and head.pos_ == "NOUN":
                    return self._resolve_place(child.i)
                if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
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
            if draft.status == "occurred" and (self._old(draft.date) or self._marked_past(draft)):
                draft.status = "historical"
            if draft.rule.type == "REJECT" and draft.source and not draft.target:
                draft.target = rejection_target(draft, kept)
            if not draft.actors and not self._take_actors(draft, kept):
                continue
            if not draft.source:
                continue  # PLOVER codes no event without a named source actor
            if len(draft.source) == 1 and draft.target == draft.source:
                draft.target = []  # one actor is not the target of its own act
            duplicate = next((k for k in kept if same_happening(k, draft)), None)
            if duplicate is not None:
                complete(duplicate, draft)
                continue
            kept.append(draft)
        story_day = _story_day(kept, self.ctx.article.published_at)
        for draft in kept:
            if draft.date is None and draft.status in _REPORTED:
                if story_day is not None and self.statuses.reported_past(draft.token):
                    draft.date = story_day.model_copy(
                        update={
                            "text": "",
                            "start": draft.token.idx,
                            "end": draft.token.idx,
                            "precision": "approximate",
                        }
                    )
                else:
                    draft.date = self._reporting_date(draft.token)
        return [self._event(d) for d in kept]

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
            date=draft.date,
            place=draft.place,
            quantities=quantities_in(clause, self.date_tokens),
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
        return _period_start(date.value) < published - dt.timedelta(days=days)

    def _marked_past(self, draft: Draft) -> bool:
        """A dated past event the text marks as background ("the previous exchange was in
        October"), whatever its age: the article's news is something else."""
        published = self.ctx.article.published_at
        date = draft.date
        if not draft.historical_mod or date is None or date.value is None or published is None:
            return False
        return _period_start(date.value) < published

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


def _content(token: Token) -> list[int]:
    """Token indices of the complement clauses of ``token`` (and of its copula, for adjectives)."""
    holders = [token, token.head] if token.dep_ in ("acomp", "attr") else [token]
    out: list[int] = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("xcomp", "ccomp", "dobj") or (
                child.dep_ == "prep" and child.lower_ in ("for", "to")
            ):
                out.extend(t.i for t in child.subtree)
    return out


def _first_person_denial(token: Token) -> bool:
    """ "We have not fired first", "we did not come here to sign": a speaker denying an act
    of their own side is a statement, not an event against anyone (negated verb, subject
    I or we, checked up through purpose and control clauses)."""
    current = token
    for _ in range(3):
        negated = any(c.dep_ == "neg" for c in current.children)
        if negated and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _FIRST_PERSON for c in current.children
        ):
            return True
        if current.dep_ not in ("xcomp", "advcl") or current.head is current:
            return False
        current = current.head
    return False


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
    return anchor


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
            and (published is None or _period_start(date.value) <= published)
        ):
            return date
    return None


def _generic(draft: Draft) -> bool:
    """ "until conditions allow a meeting": an indefinite noun in a condition is a kind of
    event, not one the parties of the story hold."""
    return draft.status == "hypothetical" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in draft.token.children
    )


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
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in _FRAME_PREPS):
        yield from (p.i for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN")


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


def _period_start(value: str) -> dt.date:
    """First day of an ISO day, month or year value (date.max when unreadable)."""
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
        return dt.date(year, month, day)
    except ValueError:
        return dt.date.max
