"""Stories: the same real-world event reported by several articles becomes one record.

Two events are the same story when they have the same PLOVER type, share most of their actors,
and their dates agree within the tolerance their precision allows. In detail:

* **Actors** agree when the Jaccard of source ∪ target is ≥ 0.5 or one set lies inside the
  other, compared first as written and then at the level of states: a person with a known
  country stands for that state ("Tokayev and Berdimuhamedov signed" is the signing that a
  later article tells as "Kazakhstan and Turkmenistan signed"). A state's body (its army, a
  ministry, "South Korea's National Security Council") is its state already as written: the
  body's decision is the state's, where one official's remark is not (:mod:`parley.bodies`).
* **Direction** matters for one-sided events: "A accused B" and "B accused A" are two
  accusations. A reciprocal event (the same parties as source and target, such as talks or an
  exchange) has no direction, so either side's one-way part can join it.
* **Dates** agree when one event's day lies in the other's window: a day ±1 (±7 for
  "mid-April", ±3 for the publication date of an undated report), a month, an interval, or
  for an undated plan the month after publication. An
  event dated only by its year matches only another of the same year: "the talks this year"
  spans many sessions. Dates that are clearly apart (an exchange in October and one in
  February) make two stories.
* **Status**: a planned mention and the later report of the same meeting are one story, as is
  a statement that the planned meeting did not take place (same parties only); a plan made
  known on or after another meeting's day, for a later day, is another meeting; proposals,
  refusals and conditionals are not reports of the event.
* **Agreements**: a truce agreed and another commitment of the same sides on the same day
  (to let aid through) are two agreements; a truce is one with a word of its name in quotation
  marks too ('a five-hour "humanitarian" pause'), and fighting named only after a word of
  stopping ("agreed to halt the shelling"; "after two months of airstrikes, X accepted the plan"
  names none).
* **Agreement steps**: a signing, a ratification and an entry into force (all SUPPORT) are
  kept apart by the step their trigger tells. Two reports of the same step agree on actors when
  one's states lie within the other's ("the US signed" and "Obama and Medvedev signed"). An
  undated joint step joins the dated one of the same sides when it is recalled within months
  after that day or awaited within months before it ("the treaty still has to be signed").
  A step told without its sides ("both documents were signed on October 5") is compared with
  the sides the other reports give the same agreement. Only an event whose own word is the
  step is recalled so, and never one naming a document of another kind ("the Declaration"
  after "a joint protocol").
* **Summaries** of many acts ("has launched 1,300 airstrikes since then", "the week-old
  offensive"; :attr:`parley.models.Event.cumulative`) are no report of one event: each stays a
  story of its own.
* **One article** tells one event once, except that the parts of an exchange ("A freed nine,
  B returned three") belong to the reciprocal event ("A and B exchanged detainees") they
  make up.

Numbers may disagree — that is news in itself, recorded in ``Story.disagreements``.
Clustering is single-link over those pairs, in publication order, except that a report naming
one side joins the reports of several sides only when they are of one dispute
(:func:`cluster`): "Chile rejected the proposal" is neither the Chile–Peru nor the
Chile–Bolivia rejection of its days when both are reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from parley import knowledge
from parley.bodies import body_state
from parley.keys import agreement_key
from parley.models import Agreement, Analysis, Event, Story

__all__ = [
    "Clustering",
    "EventRef",
    "cluster",
    "cluster_stories",
    "cluster_refs",
    "join_keys",
    "same_story",
    "event_day",
    "story_reach",
    "agreement_step",
]

LEXICON = "lexicon/negotiation.json"
_CLUSTERED = {"occurred", "historical", "planned", "negated"}
# Modes whose reciprocal event is made of one-way parts reported on their own.
_DIVISIBLE_MODES = frozenset({"release"})
# Acts the sides do together: a report naming one of them as the one acted upon tells the same
# act ("met with Borrell" and "Borrell met the two leaders").
_JOINT_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Acts of force recur day after day in a conflict: a report of one without a date of its own
# tells the act of the day it was written or of the night before (wire style dates anything
# older: "on Monday"), and one dated only by its month is one of the month's many (stories2).
_DAILY_TYPES = frozenset({"ASSAULT"})
# The widest window (days either side) that still names one act of force.
_DAILY_SLACK = 7
# An undated plan ("the vote is scheduled", "will exchange instruments") is expected within
# about a month of the report; its window is centred half-way into that month.
_PLAN_HORIZON_DAYS = 31
# A step of an agreement still to take ("still has to be signed") is taken within months.
_STEP_HORIZON_DAYS = 183


@dataclass(frozen=True)
class EventRef:
    """An event with the article it came from.

    ``countries`` maps the article's person actors to their state (ISO alpha-3), so that
    events told at different granularity (a president, or his state) can be compared.
    """

    article_id: str
    index: int
    event: Event
    outlet: str | None
    published_at: dt.date | None
    countries: Mapping[str, str] = field(default_factory=dict, compare=False)
    bodies: Mapping[str, str] = field(default_factory=dict, compare=False)
    # The key of the agreement whose step the event tells, when its article's record says so.
    agreement: str | None = field(default=None, compare=False)
    # Told without its sides, the event may take them from other reports of its agreement
    # (:func:`_with_lent_sides`): which sides depends on the reports clustered with it.
    borrows: bool = field(default=False, compare=False)
    # The state of each of the article's actors that has one (a state is its own): the sides
    # of a dispute, as :func:`_several_disputes` compares them.
    homes: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def ref(self) -> str:
        return f"{self.article_id}#{self.index}"

    @cached_property
    def step(self) -> str | None:
        """:func:`agreement_step` of the event, read once: clustering asks it for every pair."""
        return agreement_step(self.event)

    @cached_property
    def about_a_ceasefire(self) -> bool:
        """:func:`_about_a_ceasefire`, read once: clustering asks it for every pair of deals."""
        return _about_a_ceasefire(self)

    @cached_property
    def actors(self) -> frozenset[str]:
        """The event's sources and targets, read once: clustering compares them for every pair.
        A state's body is its state as written ("South Korea's National Security Council
        decided" is the decision another outlet gives to South Korea)."""
        named = (*self.event.source, *self.event.target)
        return frozenset(self.bodies.get(a, a) for a in named)

    @cached_property
    def actor_states(self) -> frozenset[str]:
        """:attr:`actors` lifted to their states (:meth:`states`), read once."""
        return frozenset(self.states(self.actors))

    def states(self, actors: Iterable[str]) -> set[str]:
        """``actors`` with each person replaced by their country where it is known, and each
        state's body by its state."""
        return {self.countries.get(a, self.bodies.get(a, a)) for a in actors}


def event_day(ref: EventRef) -> tuple[dt.date | None, int]:
    """The event's date and a tolerance in days that its precision allows.

    The window is ``day ± tolerance``; :func:`same_story` needs one event's day inside the
    other's window (the store's incremental refresh relies on exactly that test).
    """
    d = ref.event.date
    if d is not None and d.value:
        # A written "mid-April" is a day only roughly; the publication date standing in for
        # an undated report (no text) is close to the event.
        slack = 7 if d.precision == "approximate" and d.text else 3
        window = _written_window(d.value, d.end_value, d.precision, slack)
        if window is not None:
            return window
    if ref.event.status == "historical" or ref.published_at is None:
        return None, 0
    if ref.event.status in ("planned", "hypothetical"):
        half = _PLAN_HORIZON_DAYS // 2
        return ref.published_at + dt.timedelta(days=half), half + 1
    return ref.published_at, 2


def story_reach(ref: EventRef) -> tuple[dt.date | None, int]:
    """The days an event may meet the others of its story: :func:`event_day`'s window, widened
    for an undated step of an agreement to the months in which the dated step it recalls or
    awaits may lie (see :func:`same_story`). The store looks up the stories a new event may
    join by this window, so it covers every day the date test can accept."""
    day, tol = event_day(ref)
    published = ref.published_at
    if published is None or ref.step is None or _has_written_date(ref):
        return day, tol
    half = _STEP_HORIZON_DAYS // 2
    if ref.event.status == "occurred":
        return published - dt.timedelta(days=half), half + 3
    if ref.event.status == "planned":
        return published + dt.timedelta(days=half), half + 3
    return day, tol


def _written_window(
    value: str, end: str | None, precision: str, slack: int
) -> tuple[dt.date, int] | None:
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            if end and len(end) == 10 and end > value:
                last = dt.date.fromisoformat(end)
                half = (last - day).days // 2
                return day + dt.timedelta(days=half), (last - day).days - half + 1
            return day, 1 if precision == "day" else slack
        if len(value) == 7:
            return dt.date.fromisoformat(value + "-15"), 16
        if len(value) >= 4 and value[:4].isdigit():
            return dt.date(int(value[:4]), 7, 1), 183
    except ValueError:
        return None
    return None


def same_story(a: EventRef, b: EventRef) -> bool:
    """Whether two reported events are one real-world event (see module doc)."""
    if a.event.type != b.event.type:
        return False
    if a.event.cumulative or b.event.cumulative:
        # "has launched more than 1,300 airstrikes since then" sums up a campaign: it is no
        # report of one day's strike, and would join every day's (stories2).
        return False
    if a.article_id == b.article_id and not _part_of_whole(a, b):
        return False
    step_a, step_b = a.step, b.step
    if step_a and step_b and step_a != step_b:
        # A signing, a ratification and an entry into force are all SUPPORT; they are three.
        return False
    same_step = step_a is not None and step_a == step_b
    if a.event.type == "AGREE" and a.about_a_ceasefire != b.about_a_ceasefire:
        # "agreed to a seven-day truce" and "committed to let aid convoys through": one deal
        # day of the same sides may hold several commitments; a truce is not the others.
        return False
    if not (_actors_agree(a, b) or (same_step and _states_within(a, b))):
        return False
    if _opposite_directions(a, b) or _one_side_in_other_role(a, b):
        return False
    if "negated" in (a.event.status, b.event.status) and a.actor_states != b.actor_states:
        # "Some detainees were not part of the exchange" is no report of the exchange.
        return False
    if same_step and _planned_step_of_another(a, b):
        return False
    if _a_later_plan(a, b) or _a_later_plan(b, a):
        return False
    if same_step and _recalled_or_awaited(a, b):
        return True
    (day_a, tol_a), (day_b, tol_b) = event_day(a), event_day(b)
    if day_a is None or day_b is None:
        return False
    if (tol_a > 31) != (tol_b > 31):
        # "talks this year" sums up many sessions; it is no report of one of them.
        return False
    if a.event.type in _DAILY_TYPES and not _same_day_of_force(a, b):
        return False
    return abs((day_a - day_b).days) <= max(tol_a, tol_b)


def _same_day_of_force(a: EventRef, b: EventRef) -> bool:
    """Whether two reports of force can tell the act of one day. A side strikes day after
    day, so the day must be known: a report with no date of its own tells the act of the day
    it was written or of the night before, and two such reports meet only when written the
    same day ("Israeli jets struck Gaza" on the 15th and on the 16th are two days' strikes); one
    dated to a day meets an undated one written that day or the next; a strike dated only by
    its month ("this May") is one of the month's many. Plans and denials keep the windows of
    :func:`event_day`."""
    if a.event.status != "occurred" or b.event.status != "occurred":
        return True
    if max(event_day(a)[1], event_day(b)[1]) > _DAILY_SLACK:
        return False
    undated = [r for r in (a, b) if not _has_written_date(r)]
    written = _writing_day(a), _writing_day(b)
    if len(undated) == 2:
        return written[0] is not None and written[0] == written[1]
    if len(undated) == 1:
        report = _writing_day(undated[0])
        dated = _written_day(b if undated[0] is a else a)
        if report is not None and dated is not None:
            return report - dt.timedelta(days=1) <= dated <= report
    return True


def _writing_day(ref: EventRef) -> dt.date | None:
    """The day an undated report stands for: the writing day the pipeline dated it by (a
    wire dateline's day, else publication), else the publication day."""
    d = ref.event.date
    day = _to_the_day(d.value) if d is not None and not d.text else None
    return day or ref.published_at


def agreement_step(event: Event) -> str | None:
    """The step of an agreement an event tells ("signed", "ratified", "in force"), read from
    its trigger, or from its sentence when that names one step only; None when neither does."""
    any_stem, steps = _step_patterns()
    for text in (event.trigger.text if event.trigger else "", event.evidence.text):
        low = text.lower()
        if any_stem.search(low) is None:
            continue  # most events name no step: one scan instead of one per stem
        found = {step for step, stems in steps if stems.search(low)}
        if len(found) == 1:
            return str(found.pop())
        if found:
            return None
    return None


@knowledge.derived
def _step_patterns() -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """The agreement steps' stems as substring patterns: one of every stem, and one per step.

    A search for an alternation of literals finds a match exactly when one of them occurs in
    the text, as ``stem in text`` does; clustering asks this of every event of every chunk.
    """
    table = knowledge.table(LEXICON, "agreement_steps")

    def alternation(stems: Iterable[str]) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(s) for s in stems) or "(?!)")  # none: no match

    steps = tuple((str(step), alternation(stems)) for step, stems in table.items())
    return alternation(s for stems in table.values() for s in stems), steps


@cache
def _ceasefire_words() -> re.Pattern[str]:
    """A truce by name anywhere in the sentence ("a seven-day ceasefire"), or the fighting it
    stops after a word of stopping ("agreed to halt the shelling", "an end to the fighting"):
    "After two months of airstrikes, Belgrade accepted the plan" names airstrikes that go on,
    and no truce (stories3: that acceptance was kept apart from another outlet's)."""
    phrases = "|".join(_quotable(w) for w in knowledge.phrases(LEXICON, "ceasefire_words"))
    objects = "|".join(_quotable(w) for w in knowledge.phrases(LEXICON, "ceasefire_objects"))
    # "stop the offensive air, land and sea operations": operations qualified as offensive.
    kinds, conj, ops = (
        "|".join(re.escape(w) for w in knowledge.phrases(LEXICON, key))
        for key in ("ceasefire_operation_kinds", "list_conjunctions", "ceasefire_operation_nouns")
    )
    listed = rf"(?:{kinds})(?:,?\s+(?:(?:{conj})\s+)?[\w-]+){{1,6}}?\s+(?:{ops})"
    stops = "|".join(
        sorted(
            {
                *(f for v in knowledge.phrases(LEXICON, "ceasefire_verbs") for f in _verb_forms(v)),
                *(re.escape(n) for n in knowledge.phrases(LEXICON, "ceasefire_stop_nouns")),
            },
            key=len,
            reverse=True,
        )
    )
    stopped = rf"(?:{stops})(?:\s+[\w-]+){{0,3}}?\s+(?:{objects}|{listed})"
    return re.compile(rf"\b(?:{phrases}|{stopped})\b", re.I)


def _verb_forms(verb: str) -> set[str]:
    """A stopping verb's forms as patterns: "halt", "halts", "halted", "halting", "stopped",
    "stopping", "ceased", "ceasing", "scaled back"."""
    head, _, rest = verb.partition(" ")
    stem = head[:-1] if head.endswith("e") else head
    forms = {head, head + "s", stem + "ed", stem + "ing", head + head[-1] + "ed"}
    forms.add(head + head[-1] + "ing")
    tail = rf"\s+{re.escape(rest)}" if rest else ""
    return {re.escape(f) + tail for f in forms}


# Quotation marks a writer may put around a word of a phrase.
_QUOTES = "\"'\u2018\u2019\u201c\u201d"


def _quotable(phrase: str) -> str:
    """A phrase as a pattern that also matches it with a word in quotation marks: wire copy
    writes an agreed 'five-hour "humanitarian" pause', which is the humanitarian pause another
    outlet calls "the truce"."""
    gap = rf"[{_QUOTES}]?\s+[{_QUOTES}]?"
    return gap.join(re.escape(word) for word in phrase.split())


def _about_a_ceasefire(ref: EventRef) -> bool:
    """Whether an agreement's sentence tells a truce ("a seven-day ceasefire", "agreed to
    cease hostilities")."""
    return _ceasefire_words().search(ref.event.evidence.text) is not None


def _written_day(ref: EventRef) -> dt.date | None:
    """The day the text itself gives the event, if it gives one to the day."""
    d = ref.event.date
    return _to_the_day(d.value) if d is not None and d.text else None


def _to_the_day(value: str | None) -> dt.date | None:
    """A date value that names a day ("2026-04-09"), as a date; None for a month, a year or
    a value that is no date."""
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _has_written_date(ref: EventRef) -> bool:
    return ref.event.date is not None and bool(ref.event.date.text)


def _recalled_or_awaited(a: EventRef, b: EventRef) -> bool:
    """An undated step of an agreement is the dated one of the same sides: recalled ("five
    weeks after negotiators initialled the text") when reported within months after that day,
    awaited ("the treaty still has to be signed") when the day comes within months after the
    report. Each joint step of an agreement happens once for its parties; one state's act
    ("the president signed the ratification law") is no such step."""
    if min(len(a.actor_states), len(b.actor_states)) < 2:
        return False
    if not (_trigger_tells_step(a) and _trigger_tells_step(b)) or _other_documents(a, b):
        return False
    for undated, dated in ((a, b), (b, a)):
        day, published = _written_day(dated), undated.published_at
        if day is None or published is None or _has_written_date(undated):
            continue
        horizon = dt.timedelta(days=_STEP_HORIZON_DAYS)
        if undated.event.status == "occurred" and published - horizon <= day <= published:
            return True
        if undated.event.status == "planned" and published <= day <= published + horizon:
            return True
    return False


def _a_later_plan(plan: EventRef, held: EventRef) -> bool:
    """ "A commanders' meeting is set for July 29", reported on July 28, is no report of the
    talks held on July 28: a plan made known on or after the day the other event took place,
    for a later day, is of another, later event (nego18)."""
    if plan.event.status != "planned" or held.event.status != "occurred":
        return False
    planned_day, held_day = _written_day(plan), _written_day(held)
    if planned_day is None or held_day is None or plan.published_at is None:
        return False
    return plan.published_at >= held_day and planned_day > held_day


def _planned_step_of_another(a: EventRef, b: EventRef) -> bool:
    """ "A and B will sign a trade protocol on Friday" is no announcement of the peace accord
    they sign that Friday: a planned step joins the report of the step only for the same
    agreement, when the articles' records tell which (nego18)."""
    if "planned" not in (a.event.status, b.event.status):
        return False
    return a.agreement is not None and b.agreement is not None and a.agreement != b.agreement


def _trigger_tells_step(ref: EventRef) -> bool:
    """Whether the event's own word is the step ("signed", "initialled"), not a word of its
    sentence: "the discussion of the agreement, which was previously signed, caused protests"
    is a discussion, no recall of a signing months before."""
    trigger = ref.event.trigger
    return (
        trigger is not None
        and agreement_step(ref.event.model_copy(update={"evidence": trigger})) == ref.step
    )


def _documents(ref: EventRef) -> frozenset[str]:
    """The kinds of document the event's sentence names ("protocol", "declaration")."""
    kinds = knowledge.words(LEXICON, "document_kind_nouns")
    words = re.findall(r"[a-z]+", ref.event.evidence.text.lower())
    return frozenset(w.rstrip("s") for w in words if w.rstrip("s") in kinds)


def _other_documents(a: EventRef, b: EventRef) -> bool:
    """Two steps that name documents of different kinds ("signed a joint protocol" and, in a
    later report, "also signed the Declaration on … Partnership") are steps of two documents,
    even between the same sides; a generic "agreement" or "deal" names no kind."""
    da, db = _documents(a), _documents(b)
    return bool(da and db and not da & db)


def _overlap(x: frozenset[str], y: frozenset[str]) -> bool:
    if not x or not y:
        return False
    return len(x & y) / len(x | y) >= 0.5 or x <= y or y <= x


def _actors(ref: EventRef) -> frozenset[str]:
    return ref.actors


def _actors_agree(a: EventRef, b: EventRef) -> bool:
    """Most actors shared, as written or once people are lifted to their states.

    Lifting needs two states on each side: "Tokayev and Berdimuhamedov signed" is the
    Kazakh–Turkmen signing, but one official's remark is not every act of his state.
    """
    if _overlap(_actors(a), _actors(b)):
        return True
    states_a, states_b = a.actor_states, b.actor_states
    return min(len(states_a), len(states_b)) >= 2 and _overlap(states_a, states_b)


def _states_within(a: EventRef, b: EventRef) -> bool:
    """One report's states lie within the other's: "the US signed" is the US–Russian signing
    of the same day, when both tell the same step of an agreement."""
    states_a, states_b = a.actor_states, b.actor_states
    return bool(states_a and states_b) and (states_a <= states_b or states_b <= states_a)


def _reciprocal(ref: EventRef) -> bool:
    source, target = ref.states(ref.event.source), ref.states(ref.event.target)
    return len(source) >= 2 and source == target


def _one_way(ref: EventRef) -> tuple[set[str], set[str]] | None:
    """(source, target) states of an event with a direction, or None."""
    source, target = ref.states(ref.event.source), ref.states(ref.event.target)
    if not source or not target or source & target:
        return None
    return source, target


def _opposite_directions(a: EventRef, b: EventRef) -> bool:
    """ "A → B" against "B → A": two events, not two reports of one."""
    da, db = _one_way(a), _one_way(b)
    if da is None or db is None:
        return False
    return bool(da[0] & db[1]) and not da[0] & db[0]


def _one_side_in_other_role(a: EventRef, b: EventRef) -> bool:
    """A report naming one side keeps its role: "India says it struck nine sites" (India the
    source, no target) is no report of "Pakistan shot down Indian drones" (India the target),
    nor "rockets were fired into Israel" (Israel the target) of "Israel shelled Gaza". Acts
    done together and the steps of an agreement are exempt: "met with Borrell" is the meeting
    another report tells as "Borrell met the two leaders"."""
    for ref in (a, b):
        if ref.event.type in _JOINT_TYPES or (ref.step is not None and _trigger_tells_step(ref)):
            return False
    ra, rb = _roles(a), _roles(b)
    if ra is None or rb is None:
        return False
    return _acted_upon(ra, rb) or _acted_upon(rb, ra)


def _roles(ref: EventRef) -> tuple[set[str], set[str]] | None:
    """(source, target) states of an event with a direction, one of them possibly empty; None
    for a reciprocal event (a side at both ends) or one that names no side."""
    source, target = ref.states(ref.event.source), ref.states(ref.event.target)
    if not (source or target) or source & target:
        return None
    return source, target


def _acted_upon(x: tuple[set[str], set[str]], y: tuple[set[str], set[str]]) -> bool:
    """A side that acts in ``x`` is only acted upon in ``y``."""
    return bool(x[0] & y[1]) and not x[0] & y[0]


def _part_of_whole(a: EventRef, b: EventRef) -> bool:
    """One event is a one-way part of the other, reciprocal one, within the same article.

    Only events made of transfers divide this way (an exchange is two handovers); "A agreed to
    X" next to "A and B agreed to Y" are two agreements.
    """
    if a.event.mode not in _DIVISIBLE_MODES or a.event.mode != b.event.mode:
        return False
    for part, whole in ((a, b), (b, a)):
        if (
            _reciprocal(whole)
            and _one_way(part) is not None
            and part.actor_states <= whole.actor_states
        ):
            return True
    return False


def _homes(an: Analysis) -> dict[str, str]:
    return {a.id: a.country for a in an.actors if a.country}


def _countries(an: Analysis) -> dict[str, str]:
    return {a.id: a.country for a in an.actors if a.kind == "person" and a.country}


def _bodies(an: Analysis) -> dict[str, str]:
    """The article's actors that are bodies of a state (:func:`parley.bodies.body_state`)."""
    return {a.id: s for a in an.actors if (s := body_state(a.kind, a.name, a.country))}


def story_refs(analyses: Iterable[Analysis]) -> list[EventRef]:
    """The events of ``analyses`` that stories are made of, in publication order."""
    analyses = list(analyses)
    named = _agreement_sides(analyses)
    out = []
    for an in analyses:
        art = an.article
        countries, bodies, homes = _countries(an), _bodies(an), _homes(an)
        for i, ev in enumerate(an.events):
            if ev.status in _CLUSTERED:
                telling = _agreements_telling(an, ev)
                keys = {agreement_key(ag.name) for ag in telling}
                sideless = not (ev.source or ev.target)
                ref = EventRef(
                    art.id,
                    i,
                    _with_lent_sides(ev, telling if sideless else [], named),
                    art.outlet,
                    art.published_at,
                    countries,
                    bodies,
                    agreement=keys.pop() if len(keys) == 1 else None,
                    borrows=sideless and bool(telling),
                    homes=homes,
                )
                out.append(ref)
    out.sort(key=lambda r: (r.published_at or dt.date.min, r.article_id, r.index))
    return out


def _agreement_sides(analyses: Sequence[Analysis]) -> dict[str, list[str]]:
    """Agreement key → the sides the reports that name them give it (the first two-sided
    report in publication order)."""
    sides: dict[str, list[str]] = {}
    for an in sorted(analyses, key=lambda a: (a.article.published_at or dt.date.min, a.article.id)):
        for ag in an.agreements:
            if len(ag.parties) >= 2:
                sides.setdefault(agreement_key(ag.name), sorted(ag.parties))
    return sides


def _agreements_telling(an: Analysis, ev: Event) -> list[Agreement]:
    """The agreements of ``an`` a step of which is told in the event's sentence: the one
    agreement the event's step belongs to, and, for an event told without its sides, those it
    may borrow its sides from (:func:`_with_lent_sides`)."""
    return [
        ag
        for ag in an.agreements
        if any(
            st.evidence is not None and st.evidence.start <= ev.evidence.start < st.evidence.end
            for st in ag.statuses
        )
    ]


def _with_lent_sides(
    ev: Event, telling: Sequence[Agreement], named: Mapping[str, list[str]]
) -> Event:
    """A step of an agreement told without its sides ("Both documents were signed on October
    5") takes the sides other reports give the same agreement (``telling``: the agreements whose
    step it tells), so that it joins their reports of the step; the stored event keeps its own
    (empty) actors."""
    for ag in telling:
        sides = ag.parties if len(ag.parties) >= 2 else named.get(agreement_key(ag.name), [])
        if len(sides) >= 2:
            return ev.model_copy(update={"source": list(sides), "target": list(reversed(sides))})
    return ev


def _span(ref: EventRef) -> tuple[int, int] | None:
    """The days (as ordinals) within which ``ref`` can meet another event of its story: the
    hull of :func:`event_day`'s and :func:`story_reach`'s windows. :func:`same_story` accepts
    a pair only when one event's day lies in the other's window, or when an undated step's
    reach holds the dated step's day, so a pair whose spans do not overlap is never one story;
    None when the event has no day and so joins no other."""
    spans = [
        (day.toordinal() - tol, day.toordinal() + tol)
        for day, tol in (event_day(ref), story_reach(ref))
        if day is not None
    ]
    if not spans:
        return None
    return min(lo for lo, _ in spans), max(hi for _, hi in spans)


def _candidate_pairs(refs: Sequence[EventRef]) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of events of one type whose spans overlap and that
    share an actor or a state: the only pairs :func:`same_story` can accept (it wants actors
    in common as written, or states in common once people are lifted to theirs).

    A sweep over the spans in day order keeps, for each actor and state, the events still
    open, so each event meets those of a few weeks that name one of its own, instead of every
    event of its type in those weeks (most events of a busy week are other stories).
    """
    by_type: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for i, r in enumerate(refs):
        span = _span(r)
        if span is not None and _keys(r):
            by_type[r.event.type].append((span[0], span[1], i))
    for spans in by_type.values():
        open_: dict[str, list[tuple[int, int]]] = defaultdict(
            list
        )  # key -> heap of (last day, index)
        for lo, hi, i in sorted(spans):
            met: set[int] = set()
            for key in _keys(refs[i]):
                heap = open_[key]
                while heap and heap[0][0] < lo:
                    heapq.heappop(heap)
                met.update(j for _, j in heap)
                heapq.heappush(heap, (hi, i))
            for j in sorted(met):
                yield min(i, j), max(i, j)


def _keys(ref: EventRef) -> frozenset[str]:
    """What a story's reports share: its actors as written and their states."""
    return ref.actors | ref.actor_states


def join_keys(ref: EventRef) -> frozenset[str] | None:
    """What another event must share with ``ref`` to be in its story: its actors and their
    states (:func:`_candidate_pairs` pairs no others); an event without any joins none. None
    for a step told without its sides, which it may borrow from other reports of its
    agreement: they depend on which reports are clustered together, so a store must not
    narrow a lookup by them."""
    return None if ref.borrows else _keys(ref)


def cluster_stories(analyses: Sequence[Analysis], min_sources: int = 1) -> list[Story]:
    """Group events of many articles into stories; keep those seen by ``min_sources`` articles."""
    return cluster_refs(story_refs(analyses), min_sources)


def cluster_refs(refs: Sequence[EventRef], min_sources: int = 1) -> list[Story]:
    """:func:`cluster_stories` of the events :func:`story_refs` made of the analyses."""
    stories = cluster(refs).stories
    return [s for s in stories if len({e.split("#")[0] for e in s.events}) >= min_sources]


@dataclass(frozen=True)
class Clustering:
    """The stories of some events, and which of them are undecided: reports naming one side
    that match the reports of several disputes of that side (:func:`cluster`)."""

    stories: list[Story]
    undecided: frozenset[str]


def cluster(refs: Sequence[EventRef], undecided: Iterable[str] = ()) -> Clustering:
    """Stories of ``refs``: single-link over :func:`same_story`, except that a report naming
    one side never links the reports of two disputes.

    "Chile rejected the proposal" matches every report of Chile rejecting something in its
    days, with Peru as with Bolivia; linked to all, it made one story of both disputes, and in
    a busy corpus one story of every dispute of the weeks (note 17). Reports naming one side
    are therefore clustered among themselves first; such a group joins the reports of several
    sides it matches only when those agree on the other side (each shares a counterpart with
    every other), and otherwise stays a story of its own, *undecided*. Whether a group is
    undecided can only turn from no to yes as events are added, so a store keeps the mark
    (``undecided``: refs known to be so from events not among ``refs``) and a refresh need
    not read every dispute the group matched.
    """
    parent = list(range(len(refs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        root_i, root_j = find(i), find(j)
        if root_i != root_j:
            parent[max(root_i, root_j)] = min(root_i, root_j)

    one_sided = [_one_sided(r) for r in refs]
    matches: dict[int, list[int]] = defaultdict(list)  # one-sided index → several-sided ones
    for i, j in _candidate_pairs(refs):
        if one_sided[i] == one_sided[j]:
            # Ten outlets telling one event give ten copies that meet one another pair by
            # pair; once two are in one story, asking again changes nothing.
            if find(i) != find(j) and same_story(refs[i], refs[j]):
                union(i, j)
        elif same_story(refs[i], refs[j]):
            single, several = (i, j) if one_sided[i] else (j, i)
            matches[single].append(several)
    held = set(undecided)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(refs)):
        if one_sided[i]:
            groups[find(i)].append(i)
    open_: set[str] = set()
    for members in groups.values():
        met = [k for i in members for k in matches.get(i, ())]
        if not met:
            continue
        if any(refs[i].ref in held for i in members) or _several_disputes(refs, members, met):
            open_.update(refs[i].ref for i in members)
            continue
        for k in met:
            union(members[0], k)
    by_root: dict[int, list[EventRef]] = defaultdict(list)
    for i, r in enumerate(refs):
        by_root[find(i)].append(r)
    return Clustering(
        [_story(m) for m in by_root.values()], frozenset(open_ | (held & {r.ref for r in refs}))
    )


def _one_sided(ref: EventRef) -> bool:
    """Whether a report names one side only ("Chile rejected the proposal"): one state, or one
    actor with no state. A step of an agreement is not so held apart: each party signs a
    multilateral deal, and reports name different ones ("Shoigu signed with his Turkish
    counterpart", "Russian and Ukrainian ministers signed separately"), all of one signing."""
    return len(ref.actor_states) == 1 and ref.step is None


def _several_disputes(refs: Sequence[EventRef], members: list[int], met: list[int]) -> bool:
    """Whether the reports of several sides that a group of one-sided reports matches are of
    several disputes: two of them name, besides the group's own state, states none of which
    the other names. Sides are compared as states (Hamas is the Palestinian side that another
    report calls "Palestine"); a side without one ("civilians", "the terrorists") tells no
    other dispute."""
    own = {refs[i].homes.get(a, a) for i in members for a in refs[i].actors}
    others = {_counterparts(refs[k], own) for k in met} - {frozenset()}
    return any(not (x & y) for x in others for y in others)


def _counterparts(ref: EventRef, own: set[str]) -> frozenset[str]:
    """The states a report of several sides names besides ``own``."""
    return frozenset(h for a in ref.actors if (h := ref.homes.get(a)) and h not in own)


def _story(members: list[EventRef]) -> Story:
    first = members[0]
    # The story is dated by a report of the event itself, not by the window of a plan first
    # announced ("agreed to exchange detainees" a week before the exchange).
    told = [m for m in members if m.event.status == "occurred" and _has_written_date(m)]
    day, _ = event_day(told[0] if told else first)
    digest = hashlib.sha256(first.ref.encode()).hexdigest()[:12]
    return Story(
        id=f"story:{digest}",
        type=first.event.type,
        date=day.isoformat() if day else None,
        events=[m.ref for m in members],
        sources=list(dict.fromkeys(m.outlet or "unknown outlet" for m in members)),
        first_report=first.article_id,
        disagreements=_disagreements(members),
    )


@cache
def _duration_pattern() -> re.Pattern[str]:
    numbers = "|".join(knowledge.table(LEXICON, "numbers"))
    units = "|".join(knowledge.table(LEXICON, "duration_units"))
    return re.compile(rf"\b(?P<n>\d+|{numbers})[- ](?P<unit>{units})s?\b", re.I)


def duration_of(text: str) -> tuple[int, str] | None:
    """How long an event lasts as its words say: "a seven-day ceasefire" → (7, "days")."""
    m = _duration_pattern().search(text)
    if m is None:
        return None
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else int(knowledge.table(LEXICON, "numbers")[word])
    return n, str(knowledge.table(LEXICON, "duration_units")[m.group("unit").lower()])


def _duration_notes(members: list[EventRef]) -> list[str]:
    """ "duration: 7 days (Outlet A); 8 days (Outlet B)" when reports give different lengths."""
    by_unit: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for m in members:
        found = duration_of(m.event.evidence.text)
        if found is not None:
            by_unit[found[1]][found[0]].append(m.outlet or m.article_id)
    notes = []
    for unit, values in by_unit.items():
        if len(values) > 1:
            parts = "; ".join(
                f"{v} {unit} ({', '.join(dict.fromkeys(who))})" for v, who in sorted(values.items())
            )
            notes.append(f"duration: {parts}")
    return notes


def _disagreements(members: list[EventRef]) -> list[str]:
    """Where reports of one story differ: quantities of the same unit, and dates."""
    notes = []
    by_unit: dict[str, dict[float, list[str]]] = defaultdict(lambda: defaultdict(list))
    durations = knowledge.table(LEXICON, "duration_units")
    for m in members:
        for q in m.event.quantities:
            if q.unit in durations or q.unit in durations.values():
                continue  # a length of time is compared as a duration below
            by_unit[q.unit][q.value].append(m.outlet or m.article_id)
    for unit, values in by_unit.items():
        if len(values) > 1:
            parts = "; ".join(
                f"{v:g} ({', '.join(dict.fromkeys(who))})" for v, who in sorted(values.items())
            )
            notes.append(f"{unit}: {parts}")
    notes += _duration_notes(members)
    dates = {m.event.date.value for m in members if m.event.date and m.event.date.value}
    # "2026-06" and "2026-06-12" agree at the coarser precision; only incompatible dates differ.
    precise = {d for d in dates if not any(o != d and o.startswith(d) for o in dates)}
    if len(precise) > 1:
        notes.append("date: " + "; ".join(sorted(precise)))
    return notes
