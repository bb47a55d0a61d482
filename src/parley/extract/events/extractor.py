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

Steps 1–3 are :class:`_Builder` here; steps 4–5 are
:class:`~parley.extract.events.finish.Finisher`, which reads the drafts of the whole document.
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

import dataclasses
import logging
from typing import TYPE_CHECKING, ClassVar

import parley.knowledge as knowledge
from parley.extract.base import Context, actor_at, register
from parley.extract.events.actors import ActorIndex, demonym_country, unique
from parley.extract.events.dating import EventDates, period_start, scope_heads
from parley.extract.events.drafts import (
    Draft,
    complete,
)
from parley.extract.events.finish import EXTRACTOR_NAME, Finisher
from parley.extract.events.parties import SUBJECTS, EventParties, content
from parley.extract.events.patients import leaving_verb
from parley.extract.events.plover import PloverLexicon, TriggerRule, load_plover
from parley.extract.events.status import StatusReader
from parley.extract.events.subjects import reduced_relative, statement_content
from parley.extract.timeplace.places import (
    PlaceResolver,
    find_places,
    place_spans,
)
from parley.models import EventStatus, Place
from parley.nlp.docs import doc_tokens, span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.kb import KnowledgeBase

__all__ = ["EventsExtractor"]

log = logging.getLogger(__name__)

_EVENTS_LEXICON = "lexicon/events.json"
_TIMEPLACE_LEXICON = "lexicon/timeplace.json"
_HARM = ("ASSAULT", "COERCE")  # acts whose judging as unacceptable is a criticism of their doer


@register("parley.events.v1")
class EventsExtractor:
    """PLOVER events with actors, status, date, place and quantities (see module docstring)."""

    name: ClassVar[str] = EXTRACTOR_NAME
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
        finish = Finisher(ctx, self.lexicon, actors, build.statuses, build.when, build.parties)
        ctx.analysis.events.extend(finish.finish(drafts))
        if not ctx.analysis.places:
            ctx.analysis.places.extend(find_places(ctx.doc, resolver, set(actor_at(ctx))))

    def _resolver(self, kb: KnowledgeBase) -> PlaceResolver:
        if id(kb) not in self._resolvers:
            self._resolvers[id(kb)] = PlaceResolver(kb)
        return self._resolvers[id(kb)]


class _Builder:
    """Builds the event drafts of one document (one instance per call; holds no global state)."""

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
        self.occasions: dict[int, Token] = {}  # an act's trigger -> the same act's occasion noun

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
            if draft.void:
                continue
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
        for token in doc_tokens(self.doc):
            rule = self.lex.match(token, seen)
            if (
                rule is not None
                and not span_text(token.sent)
                .rstrip()
                .rstrip('"”’')
                .endswith("?")  # a question asks
                and not self._background(token, rule)
                and not _retold(token, rule, found)
                and not _agenda_of_meeting(token, rule, found)
                and not _projectile_launched(token, rule)
                and not self._vote_for_an_act(token, rule)
                and not self._adopts_an_act(token, rule)
                and (rule.needs_negation or not _first_person_denial(token))
            ):
                found.append((token, rule))
                seen.add((rule.type, rule.mode))
        self.occasions = _occasions(found)
        inner = {t.i for t in self.occasions.values()}
        return [(t, r) for t, r in found if t.i not in inner]

    def _vote_for_an_act(self, token: Token, rule: TriggerRule) -> bool:
        """ "The General Assembly voted to condemn Syria" (round 11's k08): a vote whose "to"
        clause is an act of another type is how the body does that act, coded once as the
        act; only a vote on a text ("voted to approve the treaty", "voted on the bill") is the
        legislative step (SUPPORT)."""
        if rule.mode != "legislative":
            return False
        for clause in (c for c in token.children if c.dep_ == "xcomp"):
            act = self.lex.match(clause, set())
            if act is not None and act.type != rule.type:
                return True
        return False

    def _adopts_an_act(self, token: Token, rule: TriggerRule) -> bool:
        """ "The Assembly approved a resolution condemning X" (round 11's k08 class): the
        text's own act ("condemning", "demanding", coded as the body's by
        :func:`~parley.extract.events.subjects.statement_content`) is what the body does by
        approving it, coded once; approving a text that does nothing of its own ("approved
        the resolution") stays a SUPPORT."""
        if rule.type != "SUPPORT" or token.pos_ != "VERB":
            return False
        texts = knowledge.words(_EVENTS_LEXICON, "statement_nouns")
        for noun in (c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in texts):
            for act in (a for a in noun.children if statement_content(a)):
                found = self.lex.match(act, set())
                if found is not None and found.type != rule.type:
                    return True
        return False

    def _link(self, draft: Draft, by_token: dict[int, Draft]) -> None:
        """Tie a draft to the event it is about ("the swap was agreed": the swap) and note a
        two-party CONSULT, whose parties later actorless talks may take (not one with someone
        the text calls a mediator: "met with the chief mediator" pairs no sides)."""
        token, rule = draft.token, draft.rule
        draft.about = next(
            (by_token[c.i] for c in token.children if c.dep_ == "nsubjpass" and c.i in by_token),
            None,
        )
        if draft.about is not None and draft.about.token.i not in self.when.dates:
            draft.about.date = None  # "was agreed last week" dates the deal, not the swap
        mediated = draft.actors & self.actors.called_mediators()  # not the story's sides
        if rule.type == "CONSULT" and len(draft.actors) == 2 and not (draft.from_group or mediated):
            self.actors.consult_pairs.append((token.i, unique(draft.source + draft.target)))

    def _background(self, token: Token, rule: TriggerRule) -> bool:
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
            and not _reported_by_agent(token, rule)
        )
        return (
            participle
            or self._describing(token, rule)
            or _role_description(token)
            or self._group_description(token)
            or self._generic_description(token)
            or _purpose_of_thing(token)
            or _standing(token)
            or _discussed_kind(token)
            or self._quoted_epithet(token)
            or reduced_relative(token)  # "troops opposed to X had surrounded": a description
        )

    def _enacted(self, token: Token) -> Token | None:
        """ "The ministers have decided to impose sanctions ... the sanctions the ministers
        approved today include a travel ban" (round 13's m04): an act that a past decision
        ("decided", "agreed", "voted" to) plans is done when the article tells its object
        again with an enactment verb in the past ("approved", "adopted", "imposed"). The
        clause of that verb; None when the decision is itself modal or negated, or no such
        clause follows."""
        head = token.head
        if (
            token.dep_ != "xcomp"
            or head.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "decision_verbs")
            or head.tag_ not in ("VBD", "VBN")
            or any(c.dep_ == "neg" or c.tag_ == "MD" for c in head.children)
        ):
            return None
        things = {c.lemma_.lower() for c in token.children if c.dep_ == "dobj"}
        enactment = knowledge.words(_EVENTS_LEXICON, "enactment_verbs")
        for noun in self.doc[token.sent.end :]:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in things:
                continue
            for verb in _relative_verbs(noun):
                if verb.lemma_.lower() in enactment and _told_done(verb):
                    return verb
        return None

    def _quoted_epithet(self, token: Token) -> bool:
        """ "'The government which is killing people is over,' the radio said" (round 13's
        m10): a restrictive relative clause in the present on the subject of a quoted sentence
        says what the speaker calls that body, an epithet; it reports no act of its own. A past
        tense ("the army which shelled the town"), a clause between commas ("the army, which
        is shelling our villages, must stop") or one outside quotes still tells news."""
        head = token.head
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        present = token.tag_ in ("VBZ", "VBP") or (
            token.tag_ == "VBG" and bool(auxes) and all(a.tag_ in ("VBZ", "VBP") for a in auxes)
        )
        pronoun = next(
            (c for c in token.children if c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP")), None
        )
        return (
            token.dep_ == "relcl"
            and present
            and not any(c.dep_ == "auxpass" for c in token.children)
            and head.dep_ in ("nsubj", "nsubjpass")
            and pronoun is not None
            # restrictive, no comma: "the army, which is shelling our villages," reports one
            and (pronoun.i == 0 or self.doc[pronoun.i - 1].text != ",")
            and any(q.direct and q.start <= token.idx < q.end for q in self.ctx.analysis.quotes)
        )

    def _generic_description(self, token: Token) -> bool:
        """ "the safety of insurgents who give up their arms" (round 9's i09): a relative
        clause in the simple present on a bare plural ("insurgents", no article, number or
        possessor) says what any member of a class does, a condition or a rule, not an act
        that happened ("two hundred insurgents who gave up their arms" did)."""
        head = token.head
        return (
            token.dep_ == "relcl"
            and token.tag_ in ("VBP", "VBZ")
            and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
            and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in token.children)
            and head.tag_ == "NNS"
            and head.i not in self.actors.at
            and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)
        )

    def _describing(self, token: Token, rule: TriggerRule) -> bool:
        """A present participle describing someone ("rebels planning an attack", see
        :func:`_describing`), unless its noun is an event ("a march demanding her ouster") or
        it tells a crowd's own demand or protest ("activists demanding her ouster")."""
        crowd_types = self.lex.words("civilian_event_types")
        return (
            _describing(token)
            and rule.type.lower() not in crowd_types
            and (self.lex.match(token.head, set()) is None or _posing_a_threat(token, rule))
            and not statement_content(token)  # "issued a statement condemning X" condemns
        )

    def _group_description(self, token: Token) -> bool:
        """ "students who were calling for unity": a relative clause on an unnamed group tells
        who they are, not news of its own."""
        head = token.head
        return (
            token.dep_ == "relcl"
            and not any(c.dep_ == "auxpass" for c in token.children)  # done to them: news
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
            told = content(token) + (_deadline_tasks(token) if rule.needs_deadline else [])
            inner = [
                i
                for i in told
                if i in at
                and i != token.i
                and not _asserted_act(token, rule, self.doc[i], at[i])
                and not _in_question(self.doc[i], token)
            ]
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
        if rule.type == "REJECT" and self._judges_a_happening(token):
            rule = dataclasses.replace(rule, type="ACCUSE")  # a disapproval, not a refusal
        if rule.type in ("REQUEST", "AGREE") and _threat_told(token):
            rule = dataclasses.replace(rule, type="THREATEN", mode=None, reciprocal=False)
        draft = Draft(token=token, rule=rule, mode=rule.mode)
        self.parties.find(draft)
        self._partners_of_occasion(draft)
        self._blamed_author(draft)
        self._facilitated(draft)
        draft.void = (
            draft.void
            or self._agentless_halt(token, rule)
            or self._no_one_to(draft)
            or self._plan_of_event(token, rule)
            or _in_question(token, token.sent.root)
            or self._local_matter(draft)
            or _aimed_by_other_means(token, rule)
        )
        draft.status = self._status(draft, status)
        if draft.agentless and draft.status != "occurred":
            draft.unknown_source = False  # "if activists are arrested": no act to code
        self._demanded(draft)
        draft.date = self.when.date(token)
        draft.date_said = draft.date is not None and draft.date is self.when.reported_date(token)
        if self._present_judgement_of_past_act(token, draft):
            draft.date = None  # dated later as news of the day the story was written
        enacted = self._enacted(token) if draft.status == "planned" else None
        if enacted is not None:  # "decided to impose sanctions" ... "the sanctions X approved"
            draft.status, draft.date = "occurred", self.when.date(enacted)
        draft.place = self._place(token)
        self.parties.unnamed.state_sectors_at_place(draft)
        if not draft.source and _agentless_arrest(token, rule):
            # "800 people were arrested in Deraa": Syria arrested them; "LAGOS, Nigeria - Six
            # journalists were arrested": the dateline's state (events18)
            home = self.parties.names.home_at(token.i)
            country = draft.place.country if draft.place is not None else home
            if country:
                draft.source = [self.actors.state(country)]
        if not draft.source and _agentless_expulsion(token, rule):
            draft.source = self._host(token, draft)
        if (rule.type, rule.mode) == ("SANCTION", "envoy"):
            self._envoy_sides(draft)
        if (rule.type, rule.mode) == ("SANCTION", "expel"):
            self._expelled_home(draft)
        if not draft.source and rule.type.lower() in self.lex.words("civilian_event_types"):
            draft.source = self.parties.crowd(draft)
        self.parties.settle(draft)
        if draft.mediator and rule.type == "CONSULT":
            draft.mode = draft.mode or "third-party"
        self._mark(draft)
        return draft

    def _partners_of_occasion(self, draft: Draft) -> None:
        """ "held talks during his meetings with A and B": the talks are with A and B (the
        occasion's noun, dropped as a trigger of its own, names them; see :func:`_occasions`)."""
        occasion = self.occasions.get(draft.token.i)
        if occasion is None or draft.target:
            return
        partners = _prep_objects_of([occasion], ("with",))
        draft.target = unique(
            a for o in partners for a in self.parties.names.of(o, draft) if a not in draft.source
        )

    def _demanded(self, draft: Draft) -> None:
        """ "The United States said Russia must withdraw its troops": an act a speaker says
        another side must or should do is the speaker's demand on that side (a REQUEST that
        was made), not the side's own proposed act; "Russia said it must defend itself" stays
        Russia's (round 5)."""
        token = draft.token
        modal = any(
            c.dep_ == "aux" and c.lower_ in knowledge.words(_EVENTS_LEXICON, "demand_modals")
            for c in token.children
        )
        if not modal or draft.status != "proposed" or not draft.source or token.pos_ != "VERB":
            return
        speakers = self.parties.names.speaker(token, draft)
        if not speakers or set(speakers) & set(draft.source):
            return
        demand = self.lex.match_type("REQUEST")
        if demand is None:
            return
        draft.rule, draft.mode = demand, None
        draft.source, draft.target = speakers, list(draft.source)
        draft.status = "occurred"

    def _present_judgement_of_past_act(self, token: Token, draft: Draft) -> bool:
        """ "Turkey condemns the attacks by the PKK on Monday": a judgement told in the present
        is made now; a past day the parser hangs on its verb is the day of the act judged."""
        date, written = draft.date, self.when.written
        if token.tag_ not in ("VBZ", "VBP") or date is None or date.value is None:
            return False
        if written is None or date.precision != "day" or period_start(date.value) >= written:
            return False
        return self.parties.judges_an_act(token, draft)

    def _judges_a_happening(self, adj: Token) -> bool:
        """ "Civilians getting killed is unacceptable", "the shelling of villages is
        unacceptable": an adjective that finds a harmful happening unacceptable criticises
        whoever did it (ACCUSE); one that finds a demand or a proposal unacceptable rejects it."""
        if adj.pos_ != "ADJ":
            return False
        holder = adj.head if adj.dep_ in ("acomp", "attr") else adj
        subjects = [c for c in holder.children if c.dep_ in ("nsubj", "csubj")]
        told = [  # the subject, or what a participle says happened to it ("civilians getting
            d  # killed"; "the versions leaked by the allies" tells no harm)
            for s in subjects
            for d in (s, *(c for c in s.children if c.dep_ == "acl"))
        ]
        casualties = knowledge.words(_EVENTS_LEXICON, "casualty_verbs")
        for word in told:
            found = self.lex.match(word, set())
            if word.lemma_.lower() in casualties or (found is not None and found.type in _HARM):
                return True
        return False

    def _facilitated(self, draft: Draft) -> None:
        """ "The co-chairs remain engaged to facilitate their efforts to reach agreement and to
        conclude negotiations": an act inside what someone facilitates, with no subject of its
        own on the way up, took the facilitator as an actor; the facilitator is its mediator,
        not a party (round 6's f05). Actors the act's own phrase names ("negotiations between
        A and B") stay; with no party left, PLOVER codes no event (the draft is dropped)."""
        facilitator = _facilitating_verb(draft.token)
        if facilitator is None:
            return
        own = {a for t in draft.token.subtree for a in self.actors.of(t, with_conj=False)}
        helpers = {a for a in (*draft.source, *draft.target) if a not in own}
        draft.mediator = unique([*draft.mediator, *(a for a in draft.source if a in helpers)])
        draft.source = [a for a in draft.source if a not in helpers]
        draft.target = [a for a in draft.target if a not in helpers]

    def _no_one_to(self, draft: Draft) -> bool:
        """An act that names no one it is done to or with, where PLOVER needs a second actor:
        filling a post of one's own ("appointed its justice minister as negotiator"), or
        supporting, or committing to support, efforts nobody is said to make ("reiterated their
        commitment to support efforts at achieving stability"); a need two sides stress together
        with no one it is put to ("the two leaders stressed the need to resolve the crisis"),
        a view they share. Round 6's f09, f07 and f10."""
        token, rule = draft.token, draft.rule
        if token.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "appointment_verbs"):
            appointed = {a for c in token.children if c.dep_ == "dobj" for a in self.actors.of(c)}
            others = [t for t in draft.target if t not in appointed]  # the one appointed is no
            return rule.type in ("COOPERATE", "SUPPORT") and not others  # second party
        if draft.target:
            return False
        if rule.type == "REQUEST" and token.pos_ == "VERB":
            return _shared_need(token)
        if rule.type == "SUPPORT" and token.pos_ == "VERB":
            return _unowned_efforts(token)
        if rule.type == "AGREE" and token.pos_ == "NOUN":
            contents = [c for c in token.children if c.dep_ == "acl"]
            return bool(contents) and all(_unowned_efforts(c) for c in contents)
        return False

    def _plan_of_event(self, token: Token, rule: TriggerRule) -> bool:
        """ "No face-to-face meetings were scheduled Monday between the delegations": a passive
        plan verb whose subject is an event noun tells that event's status (planned, or here
        negated), which the noun's own event carries; it is no agreement of anyone's (round
        6's f08)."""
        return (
            rule.type == "AGREE"
            and token.pos_ == "VERB"
            and token.lemma_.lower() in self.lex.words("planned_noun_heads")
            and not any(c.dep_ == "agent" for c in token.children)
            and any(
                c.dep_ == "nsubjpass" and self.lex.match(c, set()) is not None
                for c in token.children
            )
        )

    def _local_matter(self, draft: Draft) -> bool:
        """ "Council member X urged the library board to consider ...", "Mayor Y urged residents
        to conserve water" (round 10's j10): a request by someone named only by a sub-national
        office (``local_offices``), in an act that names no actor the knowledge base knows, is
        local administration, not the diplomatic REQUEST PLOVER codes. "The mayor of Kyiv urged
        NATO to send air defences" names NATO and stays an event."""
        if draft.rule.type.lower() not in knowledge.words(_EVENTS_LEXICON, "local_office_types"):
            return False
        actors = (*draft.source, *draft.target, *draft.mediator)
        if any(a in self.actors.kb and not a.startswith("new:") for a in actors):
            return False  # a new name the linker made up for the text is no known actor
        offices = knowledge.words(_EVENTS_LEXICON, "local_offices")
        subjects = self.parties.subjects.of(draft.token)
        return any(_names_office(s, offices) for s in subjects)

    def _agentless_halt(self, token: Token, rule: TriggerRule) -> bool:
        """ "The talks were halted because the two parties failed ...": a passive suspension
        of an event with no one named as doing it is no act of the event's own parties; what
        it tells is the state of the talks."""
        if (rule.type, rule.mode) != ("SANCTION", "sever") or token.pos_ != "VERB":
            return False
        if any(c.dep_ == "agent" for c in token.children):
            return False
        return any(
            c.dep_ == "nsubjpass" and self.lex.match(c, set()) is not None for c in token.children
        )

    def _blamed_author(self, draft: Draft) -> None:
        """ "Israel blamed Hezbollah for a rocket attack on Haifa": the attack is reported as
        having happened, by the one blamed as its author, as the blamer alleges (its
        ``attributed_to``); the accusation stays an event of its own (events20). Only when
        the act names no author itself and the blame is told as fact."""
        judge = _blaming_verb(draft.token)
        if judge is None or draft.source:
            return
        if self.statuses.status(judge, negation_is_event=False) != "occurred":
            return  # "would blame X for any attack", "did not blame X": no act told
        blamed = [c for c in judge.children if c.dep_ == "dobj"]
        names = self.parties.names
        draft.source = [a for a in names.of_all(blamed, draft) if a not in draft.target]
        if draft.source:
            draft.alleged_by = names.of_all(self.parties.subjects.of(judge), draft)
            draft.unknown_source = draft.agentless = False

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
        ) or _month_named(token)
        draft.new_instance = token.pos_ == "NOUN" and any(
            c.lower_ in self.lex.words("new_instance_modifiers")
            for c in token.children
            if c.dep_ in ("amod", "det", "nummod")
        )
        draft.anaphoric = token.pos_ == "NOUN" and any(
            c.dep_ in ("det", "poss") or c.lemma_.lower() in self.lex.words("historical_modifiers")
            for c in token.children
            if c.dep_ in ("det", "amod")
            or (c.dep_ == "poss" and c.i in self.when.date_tokens)  # "Tuesday's attack"
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

    def _host(self, token: Token, draft: Draft) -> list[str]:
        """The state that expelled diplomats when the passive names no one: the place they were
        expelled from ("expelled from Caracas"), else the event's place, else the dateline's
        country (events18). Empty when none is known: no state is invented."""
        origins = [
            p.i
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children
            if p.dep_ == "pobj" and p.i in self.places
        ]
        left = self._country_left(token)
        if left is not None and not origins:
            return [left]
        place = self._resolve_place(origins[0]) if origins else draft.place
        country = place.country if place is not None else self.parties.names.home_at(token.i)
        return [self.actors.state(country)] if country else []

    def _country_left(self, token: Token) -> str | None:
        """ "X being asked to leave the United States" (round 13's m03): the state a diplomat
        is told to leave is the one that expels him; its name (a state of the knowledge base or
        a place) is the object of the verb of leaving in the expulsion's clause."""
        leaving = knowledge.words(_EVENTS_LEXICON, "expulsion_leaving_verbs")
        for clause in (c for c in token.children if c.dep_ in ("xcomp", "ccomp")):
            if clause.lemma_.lower() not in leaving:
                continue
            for left in (c for c in clause.children if c.dep_ == "dobj"):
                states = [a for a in self.actors.of(left) if self.actors._is_state(a)]
                if states:
                    return states[0]
                if left.i in self.places:
                    country = self._resolve_place(left.i).country
                    if country:
                        return self.actors.state(country)
        return None

    def _expelled_home(self, draft: Draft) -> None:
        """ "expelled X, charge d'affaires at the Syrian embassy" (round 11's k01): a diplomat
        named by a post in apposition is expelled as his state's envoy; the state the post
        names (a demonym or a state's name in the apposition) is the target, when no target
        already carries a state. The expelling state itself is never its own target."""
        states = {a.id for a in self.ctx.kb.of_kind("state")}
        if any(a in states for a in draft.target):
            return
        envoys = [c for c in draft.token.children if c.dep_ in ("dobj", "nsubjpass")]
        # the parser makes "X, charge d'affaires at ..." an apposition or a conjunct
        posts = [a for e in envoys for a in e.children if a.dep_ in ("appos", "conj")]
        for post in posts:
            for word in post.subtree:
                home = [a for a in self.actors.of(word, with_conj=False) if a in states]
                code = demonym_country(word) if word.text[:1].isupper() else None
                found = home or ([self.actors.state(code)] if code else [])
                found = [a for a in found if a not in draft.source]
                if found:
                    draft.target = unique([*draft.target, found[0]])
                    return

    def _envoy_sides(self, draft: Draft) -> None:
        """A recalled envoy's two states (events19, round 9's i05). "X, Portugal's ambassador
        to Brazil, was called to Lisbon for consultations": a passive recall with no agent is
        made by the envoy's own state (the possessor or demonym on the envoy) against the host
        the envoy is posted to ("to Brazil"). "Canada recalled its High Commissioner in
        Nairobi": the place of the post ("in Nairobi") names the host, when no "to" does, and
        so does the place the envoy is recalled from ("recalling its ambassador from Jakarta",
        round 12's l03)."""
        token = draft.token
        envoys = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        envoys += [a for e in envoys for a in e.children if a.dep_ == "appos"]
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if passive and not any(c.dep_ == "agent" for c in token.children):
            marks = ("poss", "amod", "compound")  # "Portugal's", "Portuguese": the envoy's state
            homes = [c for e in envoys for c in e.children if c.dep_ in marks]
            states = {a.id for a in self.ctx.kb.of_kind("state")}
            own = [a for a in self.parties.names.of_all(homes, draft) if a in states]
            if own:
                posts = _prep_objects_of(envoys, ("to",))
                draft.source = own
                draft.target = [a for a in self.parties.names.of_all(posts, draft) if a not in own]
        if not draft.source or set(draft.target) - set(draft.source):
            return  # "its envoy" names the recalling state again, not a host
        # the parser hangs "in Nairobi" on the envoy or on the verb; the recalling state's own
        # capital ("recalled its envoy in Brasilia") names no host
        posts = _prep_objects_of([*envoys, token], ("in", "at", "from"))
        places = [p for p in posts if p.i in self.places]
        countries = {self._resolve_place(p.i).country for p in places}
        countries.discard(None)
        if len(countries) == 1:
            host = self.actors.state(str(countries.pop()))
            draft.target = [host] if host not in draft.source else draft.target

    def _resolve_place(self, i: int) -> Place:
        span = self.places[i]
        return self.resolver.resolve(span.text, span.start_char, span.end_char)


# -------------------------------------------------------------------- tree helpers


def _told_done(verb: Token) -> bool:
    """Whether ``verb`` tells its act as done: a simple past, a perfect or a past participle,
    with no modal, infinitive or negation ("approved", "have approved", "the sanctions
    approved today"; not "will approve", "to be approved", "did not approve")."""
    if any(c.dep_ == "neg" or c.tag_ == "MD" or c.lower_ == "to" for c in verb.children):
        return False
    return verb.tag_ in ("VBD", "VBN")


# Words that may stand between a noun and the verb of a relative clause without a pronoun
# ("the sanctions the ministers formally adopted"): determiners, nouns, adverbs, pronouns.
_ZERO_RELATIVE_GAP = ("DET", "NOUN", "PROPN", "ADV", "PRON", "PUNCT")


def _relative_verbs(noun: Token) -> list[Token]:
    """The verbs of relative clauses on ``noun``: the parser's own ("relcl"), and a verb
    without an object a few words on, with only its subject between, which the parser often
    hangs elsewhere when the clause has no relative pronoun ("the sanctions the ministers
    approved today include ...": "approved" read as a participle on "ministers")."""
    verbs = [c for c in noun.children if c.dep_ == "relcl"]
    for verb in noun.doc[noun.i + 1 : min(noun.i + 6, noun.sent.end)]:
        if verb.pos_ != "VERB":
            if verb.pos_ not in _ZERO_RELATIVE_GAP:
                break
            continue
        if not any(c.dep_ == "dobj" for c in verb.children):
            verbs.append(verb)
        break
    return verbs


def _prep_objects_of(nouns: list[Token], preps: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions ``preps`` hanging on any of ``nouns``."""
    return [
        p
        for n in nouns
        for c in n.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _names_office(subject: Token, offices: frozenset[str]) -> bool:
    """Whether the noun phrase of ``subject`` (its title, its head or an apposition: "Council
    member X", "the mayor", "X, a city councillor") holds one of ``offices`` as whole words;
    a relative clause after it is not its title."""
    clauses = ("relcl", "acl", "advcl")
    skipped = {t.i for c in subject.children if c.dep_ in clauses for t in c.subtree}
    words = " " + " ".join(t.lower_ for t in subject.subtree if t.i not in skipped) + " "
    return any(f" {office} " in words for office in offices)


def _facilitating_verb(token: Token) -> Token | None:
    """The facilitation verb ("facilitate") whose content ``token`` is, reached without passing
    a clause with a subject of its own (whose subject would be the act's)."""
    facilitation = knowledge.words(_EVENTS_LEXICON, "facilitation_verbs")
    current = token
    for _ in range(8):
        if current.head.i == current.i:
            return None
        if current.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in current.children
        ):
            return None
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in facilitation:
            return current
    return None


def _shared_need(verb: Token) -> bool:
    """ "A and B stressed the need to resolve the crisis by dialogue", "the two leaders
    underlined the need for calm": a need stated by more than one side together, put to no
    one ("the need for X to withdraw" asks X), is a view they share, not a request."""
    needs = [
        c
        for c in verb.children
        if c.dep_ == "dobj" and c.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "need_nouns")
    ]
    if not needs or any(_addressee(n) for n in needs):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        any(c.dep_ == "conj" for c in s.children)
        or s.tag_ in ("NNS", "NNPS")
        or s.lower_ in ("they", "we")
        for s in subjects
    )


def _addressee(need: Token) -> bool:
    """ "the need for Russia to withdraw": a "for X to" clause on the need names whom it asks
    (the parser makes "for" the clause's mark, or a preposition whose noun has the clause)."""
    for child in need.children:
        if child.dep_ in ("acl", "relcl", "advcl") and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in child.children
        ):
            return True
        if child.dep_ == "prep" and child.lower_ == "for":
            nouns = [o for o in child.children if o.dep_ == "pobj"]
            if any(c.dep_ in ("acl", "relcl") for o in nouns for c in o.children):
                return True
    return False


def _unowned_efforts(verb: Token) -> bool:
    """ "support efforts at achieving stability": the verb's only object is an effort noun
    that names no one making it (no possessive, no "by X", no name in it)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    efforts = knowledge.words(_EVENTS_LEXICON, "effort_nouns")
    return bool(objects) and all(
        o.lemma_.lower() in efforts
        and not any(
            c.dep_ in ("poss", "compound") or (c.dep_ == "prep" and c.lower_ == "by")
            for c in o.children
        )
        for o in objects
    )


def _in_question(token: Token, outer: Token) -> bool:
    """ "refused to say when the talks would take place", "asked whether Brazil would accept a
    seat": an act named inside an embedded question (opened by when, where, whether, how ...)
    is what is asked about, neither refused, agreed or promised by the outer verb nor told as
    news of its own (round 6's f09)."""
    current = token
    while current.i != outer.i and current.head.i != current.i:
        opened = [c for c in current.children if c.i < current.i]
        asked = current.head.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "question_heads")
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in opened) or (
            current.dep_ == "ccomp" and asked and any(c.tag_ in ("WRB", "WP") for c in opened)
        ):
            return True  # not "when the rebels attacked, troops fled": an adverbial clause
        current = current.head
    return False


def _reported_by_agent(participle: Token, rule: TriggerRule) -> bool:
    """ "Two villages torched by militia", "an election boycotted by the opposition": a
    participle of harm or protest with its "by" agent reports an act that someone did, unlike
    "the treaty signed by A and B", which names a document by how it came about."""
    acts = (*_HARM, "PROTEST")
    return rule.type in acts and any(c.dep_ == "agent" for c in participle.children)


def _projectile_launched(token: Token, rule: TriggerRule) -> bool:
    """ "The missile was shot from the Wonsan region", "it was fired at 9:10 a.m." (round 10's
    j01): the passive subject of shooting or firing is then the weapon, not a victim, and with
    no agent and no "at"/"on"/"into" target the sentence tells a launch, no attack on anyone
    (whoever "it" might be taken for). "A rocket was fired at Israel" keeps its target."""
    if rule.type != "ASSAULT" or token.pos_ != "VERB":
        return False
    if token.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "launch_verbs"):
        return False
    if any(c.dep_ == "agent" for c in token.children):
        return False
    aims = knowledge.words(_EVENTS_LEXICON, "launch_aim_preps")
    if any(  # "at 9:10 a.m." is a time, no aim
        c.dep_ == "prep"
        and c.lower_ in aims
        and any(p.dep_ == "pobj" and p.ent_type_ not in ("TIME", "DATE") for p in c.children)
        for c in token.children
    ):
        return False
    weapons = knowledge.words(_EVENTS_LEXICON, "projectile_heads")
    return any(
        c.dep_ == "nsubjpass" and (c.lower_ == "it" or c.lemma_.lower() in weapons)
        for c in token.children
    )


def _aimed_by_other_means(token: Token, rule: TriggerRule) -> bool:
    """ "Young voters were targeted in advertising campaigns" (events23): a verb of aiming
    (``aim_verbs``) in the passive whose "in" phrase names the means, and the means is no
    attack ("in Israeli strikes", "in a bombing campaign") nor a place or a time, aims
    something other than force: no attack."""
    if rule.type != "ASSAULT" or token.pos_ != "VERB":
        return False
    if token.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "aim_verbs"):
        return False
    if not any(c.dep_ == "auxpass" for c in token.children):
        return False
    causes = knowledge.words(_EVENTS_LEXICON, "attack_causes")
    settings = knowledge.words(_EVENTS_LEXICON, "place_nouns") | knowledge.words(
        _EVENTS_LEXICON, "direction_nouns"
    )
    means = [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for p in c.children
        if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.ent_type_ not in ("GPE", "LOC", "DATE")
    ]
    return any(
        not ({p.lemma_.lower(), *(m.lemma_.lower() for m in p.lefts)} & (causes | settings))
        for p in means
    )


def _agentless_arrest(token: Token, rule: TriggerRule) -> bool:
    """ "More than 800 people were arrested in Deraa": a passive arrest without its agent, made
    (PLOVER codes it so) by the state where it happened (round A1's B01)."""
    return (
        rule.type == "COERCE"
        and rule.mode == "arrest"
        and token.pos_ == "VERB"
        and any(c.dep_ == "auxpass" for c in token.children)
        and not any(c.dep_ == "agent" for c in token.children)
    )


def _agentless_expulsion(token: Token, rule: TriggerRule) -> bool:
    """ "Two diplomats were expelled": a passive expulsion without its agent, done (PLOVER
    codes it so) by the state that hosted them (events18)."""
    return (
        (rule.type, rule.mode) == ("SANCTION", "expel")
        and token.pos_ == "VERB"
        and any(c.dep_ == "auxpass" for c in token.children)
        and not any(c.dep_ == "agent" for c in token.children)
    )


# Types of a condemned act that, named with its author, are news of their own.
_ASSERTED_ACTS = frozenset({"ASSAULT", "COERCE"})


def _asserted_act(judge: Token, rule: TriggerRule, act: Token, act_rule: TriggerRule) -> bool:
    """ "Malaysia condemned the attacks by Israel on Rafah", "denounced the army's arrest of
    students": the condemned act, named with its author, is reported as fact, so it is an event
    of its own beside the condemnation (round 5); "condemned any attack on civilians" names no
    author and stays the content of the condemnation."""
    if rule.type != "ACCUSE" or act_rule.type not in _ASSERTED_ACTS:
        return False
    if _gerund_act(act):  # "blamed the army for blocking the aid" (round 13's m08)
        blamer = _blaming_verb(act)
        return blamer is not None and blamer.i == judge.i and judge.i < act.i
    if act.pos_ != "NOUN":
        return False
    by_agent = any(
        c.dep_ == "prep" and c.lower_ == "by" and any(p.dep_ == "pobj" for p in c.children)
        for c in act.children
    )
    owner = any(
        c.dep_ == "poss" and c.pos_ == "PROPN" for c in act.children
    )  # "Iran's attack", not "its attack"
    blamer = _blaming_verb(act)
    blamed = blamer is not None and blamer.i == judge.i
    return (by_agent or owner or blamed) and judge.i < act.i


def _gerund_act(act: Token) -> bool:
    """Whether ``act`` is a gerund heading a prepositional phrase ("for blocking the aid")."""
    return act.pos_ == "VERB" and act.tag_ == "VBG" and act.dep_ == "pcomp"


def _blaming_verb(act: Token) -> Token | None:
    """The blaming verb whose "for"/"of" phrase ``act`` is, with the one blamed as its object
    ("blamed Hezbollah for a rocket attack", "accused India of a drone strike", also a gerund:
    "blamed the army for blocking the aid"), or None. An act named with "any" or "every"
    ("for any attack") is a kind of act, not one that happened."""
    prep = act.head
    noun = act.pos_ == "NOUN" and act.dep_ == "pobj"
    if not (noun or _gerund_act(act)) or prep.dep_ != "prep":
        return None
    verb = prep.head
    blamed = verb
    while blamed.dep_ == "appos" and blamed.head.i != blamed.i:
        blamed = blamed.head  # "blamed X, an elite unit, for ...": hung on the apposition
    if blamed is not verb and blamed.dep_ == "dobj":
        verb = blamed.head
    if (
        prep.lower_ not in knowledge.words(_EVENTS_LEXICON, "blaming_preps")
        or verb.pos_ != "VERB"
        or verb.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "blaming_verbs")
        or not any(c.dep_ == "dobj" for c in verb.children)
    ):
        return None
    kinds = knowledge.words(_EVENTS_LEXICON, "kind_determiners")
    kind = any(c.dep_ == "det" and c.lower_ in kinds for c in act.children)
    return None if kind else verb


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
    outcome = _outcome_participle(token) in same
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
    return outcome or retelling or cause or _toll_of(token, same)


def _threat_told(token: Token) -> bool:
    """ "'They will have nowhere to hide and the pressure on them will grow,' insisted X"
    (round 11's k09): a speaker insisting or vowing that harm will come to others (a future
    clause about "they" or "them", or about a party the clause names as its subject, "vowed
    that Israel will regret the attack", with a word of harm or pressure) threatens; it asks
    nothing and promises no agreement. "insisted that Y must withdraw" (an obligation, no
    future) stays a demand; "vowed that Germany will not suffer" promises no harm."""
    if token.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "threat_speech_verbs"):
        return False
    harm = knowledge.words(_EVENTS_LEXICON, "threat_content_words")
    futures = knowledge.words(_EVENTS_LEXICON, "future_auxiliaries")
    others = knowledge.words(_EVENTS_LEXICON, "threatened_pronouns")
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        verbs = [clause, *(c for c in clause.children if c.dep_ == "conj")]
        future = any(a.dep_ == "aux" and a.lower_ in futures for v in verbs for a in v.children)
        words = {t.lower_ for t in clause.subtree} | {t.lemma_.lower() for t in clause.subtree}
        if future and (words & harm and words & others or _named_other(token, verbs)):
            return True
    return False


def _named_other(speech: Token, verbs: list[Token]) -> bool:
    """Whether a vowed clause says that a party named by name, not the speaker, will undergo
    harm (``threat_experiencer_verbs``: "vowed that Israel will regret the attack", events27).
    A named subject doing harm ("vowed that Germany will crush inflation") threatens no one,
    and a negated clause ("vowed that Germany will not suffer") spares its subject."""
    sufferers = knowledge.words(_EVENTS_LEXICON, "threat_experiencer_verbs")
    speakers = {t.lower_ for s in speech.children if s.dep_ == "nsubj" for t in s.subtree}
    return any(
        v.lemma_.lower() in sufferers
        and not any(c.dep_ == "neg" for c in v.children)
        and s.dep_ == "nsubj"
        and (s.pos_ == "PROPN" or s.ent_type_ in ("GPE", "NORP", "ORG"))
        and s.lower_ not in speakers
        for v in verbs
        for s in v.children
    )


def _discussed_kind(noun: Token) -> bool:
    """ "the two sides had also discussed North Korea's missile launches": a plural event noun
    with no count that a meeting discussed (lexicon ``topic_verbs``) is a recurring topic, not
    an act reported by the story; "discussed the attack on the embassy" (one act) stays."""
    return (
        noun.pos_ == "NOUN"
        and noun.tag_ == "NNS"
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "topic_verbs")
        and not any(c.dep_ == "nummod" for c in noun.children)
    )


def _deadline_tasks(verb: Token) -> list[int]:
    """ "gave Iraq until noon to begin a withdrawal, or face a ground war": what an ultimatum
    demands is part of the ultimatum, not an act of whoever set it."""
    return [
        t.i
        for c in verb.children
        if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for t in c.subtree
    ]


def _agenda_of_meeting(
    token: Token, rule: TriggerRule, found: list[tuple[Token, TriggerRule]]
) -> bool:
    """ "held a phone call with X to discuss bilateral relations", "met Y to discuss the
    truce" (round 14's n11): a consultation's purpose infinitive tells what the meeting
    already found was about, not a second meeting."""
    if rule.type != "CONSULT" or token.dep_ != "advcl" or token.pos_ != "VERB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    carrier = token.head
    meetings = {t.i for t, r in found if r.type == "CONSULT"}
    return carrier.i in meetings or any(
        c.i in meetings for c in carrier.children if c.dep_ == "dobj"
    )


def _occasions(found: list[tuple[Token, TriggerRule]]) -> dict[int, Token]:
    """ "held fruitful discussions during his meetings with A and B" (round 11's k04): an act
    told as happening during an event of the same type and mode that names the partners
    ("with A and B") is one act with them, not two (the noun alone, a time reference, would
    be read as background): trigger of the act -> the occasion's noun, which is no trigger of
    its own. "signed a deal during the talks" is another type; "Biden and Xi met during the
    summit" names no partner in the occasion: both stay as they are."""
    kinds = {t.i: (r.type, r.mode) for t, r in found}
    out: dict[int, Token] = {}
    for token, rule in found:
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ != "during" or not _with_partner(token):
            continue
        carrier = prep.head  # the act itself, or its light verb ("held discussions")
        for told in (carrier, *(c for c in carrier.children if c.dep_ == "dobj")):
            same = told.i != token.i and kinds.get(told.i) == (rule.type, rule.mode)
            if same and not _with_partner(told):
                out.setdefault(told.i, token)
    return out


def _with_partner(token: Token) -> bool:
    """Whether an event word names a partner with "with" ("meetings with A and B")."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def _outcome_participle(token: Token) -> Token | None:
    """The act whose outcome a participle tells: "ambushed a patrol, killing one" (the
    participle hangs on the act), also each conjunct of such a participle ("bombed the town,
    killing nine people and wounding 12 others": round 11's k02 told the wounding as a second
    attack). None when ``token`` is no such participle."""
    first = token
    while first.dep_ == "conj" and first.tag_ == "VBG" and first.head.tag_ == "VBG":
        first = first.head
    if first.dep_ == "advcl" and first.tag_ == "VBG":
        return first.head
    return None


def _toll_of(token: Token, same: list[Token]) -> bool:
    """ "condemned the attack on a convoy, in which one guard was killed and three injured":
    a passive casualty verb in a relative clause after an attack already told in the sentence
    is that attack's toll, not a second act (whose author the parser would take from the
    main clause)."""
    clause = token.head if token.dep_ == "conj" else token
    casualty = token.lemma_.lower() in knowledge.words(_EVENTS_LEXICON, "casualty_verbs")
    passive = any(c.dep_ == "auxpass" for c in token.children)
    if not (casualty and passive and any(t.i < token.i for t in same)):
        return False
    relative = clause.dep_ in ("relcl", "advcl") and any(
        c.dep_ == "prep" and any(p.tag_ == "WDT" for p in c.children)  # "in which"
        for c in clause.children
    )
    # "... in which one was killed and three others were injured", the parser hanging the
    # second casualty on the sentence's main verb: its own victims, no author, no cause
    stray = (
        token.dep_ == "conj"
        and token.head not in same
        and any(c.dep_ == "nsubjpass" for c in token.children)
        and not any(c.dep_ in ("agent", "prep") for c in token.children)
    )
    return relative or stray


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
        if current.dep_ not in ("xcomp", "advcl") or current.head.i == current.i:
            return False
        current = current.head
    return False


def _describing(token: Token) -> bool:
    """ "died in clashes with rebels planning an attack on the town": a present participle
    describing who someone is tells no act of its own (the sentence's verb reports the news),
    whatever date the sentence carries. An attack or blast "killing three" does report one, and
    so does an event noun's own participle ("a march demanding her ouster"; the caller checks)."""
    causes = knowledge.words(_EVENTS_LEXICON, "attack_causes")
    return (
        token.pos_ == "VERB"
        and token.dep_ == "acl"
        and token.tag_ == "VBG"
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.lemma_.lower() not in causes
    )


def _posing_a_threat(token: Token, rule: TriggerRule) -> bool:
    """ "a deployment of missiles threatening American allies" (round 13's m09, events29): a
    participle of threatening on an act or thing says what it endangers, no threat anyone
    made; PLOVER's THREATEN is a threat told (a statement threatening retaliation still is,
    by the caller's ``statement_content``)."""
    return rule.type == "THREATEN" and token.lemma_.lower() == "threaten"


def _standing(token: Token) -> bool:
    """ "EU embargoes on Iran remain in place through 2023" (round 12's l04): an event noun
    whose verb says it persists ("remain", "stay") tells a state of affairs, not an act done
    now; the act was its imposition, told elsewhere if at all."""
    verb = token.head
    if verb.lemma_.lower() not in knowledge.words(_EVENTS_LEXICON, "standing_verbs"):
        return False
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True  # the parser tags some plural nouns VERB ("embargoes"): the role decides
    # "as EU embargoes on Iran remain in place": the parser may make the noun a clause of its
    # own on a "remain" left without a subject; what stands before it is still its subject
    return token.i < verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _purpose_of_thing(token: Token) -> bool:
    """ "a vessel used to support special forces", "a drone designed to attack radar sites"
    (round 9's i01): the infinitive of a participle describing a thing tells what the thing is
    for, not an act anyone performed."""
    participle = token.head
    return (
        token.dep_ in ("xcomp", "advcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and participle.dep_ == "acl"
        and participle.tag_ in ("VBN", "VBD")  # the parser sometimes tags the participle VBD
        and participle.head.pos_ == "NOUN"
    )


def _role_description(token: Token) -> bool:
    """An event noun in a present-tense relative clause about someone ("the envoy who chairs
    the talks") tells that person's role; the clause reports no event."""
    verb = token.head
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "dobj"
        and verb.dep_ == "relcl"
        and verb.tag_ in ("VBZ", "VBP")
        and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children)
    )


def _month_named(token: Token) -> bool:
    """ "the April exchange", "the March agreement": an event noun named by its month is an
    earlier event recalled, dated to that month, not a new one."""
    months = knowledge.table(_TIMEPLACE_LEXICON, "months")
    return token.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "nmod", "npadvmod")
        and c.pos_ == "PROPN"
        and c.text[:1].isupper()
        and len(c.text) > 3 - (c.lower_ == "may")
        and c.lower_ in months
        for c in token.lefts
    )
