"""Stories on busy weeks of real coverage, round 3 (docs/review/negotiation.md, "Stories on a
busy week, round 3 (stories3)"), rewritten in our own words with other names, places and numbers.

What feeds stories: a plan's terms, a proposal's content and a comparative condition were read
as a withdrawal that took place and joined the real one; a hedged intention was read as a
blockade; "called a halt" was read as a phone call; "sent in tanks and troops" was arms aid in
one outlet where another told the same move as troops sent in; and airstrikes that went on
beside an acceptance made that acceptance "about a ceasefire", apart from another outlet's.
Each rule is tested both ways: the record that must go or stay apart, and the near neighbour
that must keep its record or still join.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from events_kit import events_of, one_event
from parley.models import Analysis, Article, Event, Span, Story, TimeExpression
from parley.resolve import cluster_stories

DAY = dt.date(2026, 5, 15)  # a Friday


# -- a plan's terms, a proposal's content, a comparative condition: no withdrawal took place ---


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The plan provides for a verifiable withdrawal of Peruvian forces, after which Ecuador "
        "will halt its raids.",
        "The plan provides for a series of steps, including a meaningful and verifiable Peruvian "
        "withdrawal, after which Chile will halt the raids.",
        "The delegation presented proposals that would not provide for the safe return of "
        "refugees to Bolivia and the full withdrawal of Peruvian troops.",
        "The general said the plan envisages a pullout of Chilean forces within a week.",
        "Chile said the only reasonable way out of this crisis is the withdrawal of Peruvian "
        "troops to their earlier positions.",
        "The delegation presented a proposal that would not guarantee the full withdrawal of "
        "Peruvian forces.",
        "The agreement came after five days of haggling over the details and timing of Peruvian "
        "troop withdrawals.",
        "The talks on the withdrawal of Peruvian troops resumed on Monday.",
    ],
)
def test_a_withdrawal_a_plan_sets_as_its_term_is_proposed(pipeline: Any, text: str) -> None:
    [withdrawal] = events_of(pipeline, text, "RETREAT", published=DAY)
    assert withdrawal.status == "proposed"


@pytest.mark.model
def test_the_first_clause_of_a_comparative_correlative_tells_no_act(pipeline: Any) -> None:
    text = "The minister said the sooner Peru starts a withdrawal, the sooner peace will come."
    [withdrawal] = events_of(pipeline, text, "RETREAT", published=DAY)
    assert withdrawal.status == "hypothetical"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The withdrawal of Chilean troops began on Monday.",
        "Peru withdrew its troops from the border province on Sunday.",
    ],
)
def test_a_withdrawal_told_as_done_still_occurred(pipeline: Any, text: str) -> None:
    assert one_event(pipeline, text, "RETREAT", published=DAY).status == "occurred"


@pytest.mark.model
def test_an_act_named_as_the_answer_given_was_done(pipeline: Any) -> None:
    # "The way out is X" proposes X; "the answer was X" tells what was done.
    text = "Chile said the answer was the invasion of Peru."
    assert one_event(pipeline, text, "ASSAULT", published=DAY).status == "occurred"


@pytest.mark.model
def test_a_dispute_over_a_withdrawal_still_tells_the_withdrawal(pipeline: Any) -> None:
    # Talks are about what is still to be settled; a dispute may be about what took place.
    text = "The dispute over the withdrawal of Peruvian troops grew on Monday."
    assert one_event(pipeline, text, "RETREAT", published=DAY).status == "occurred"


@pytest.mark.model
def test_troops_provided_for_a_withdrawal_set_no_term(pipeline: Any) -> None:
    # "provide X for Y" gives X to Y; only "provide for Y" sets Y as a term.
    text = "Peru provided troops for the withdrawal of Chilean forces on Monday."
    [withdrawal] = events_of(pipeline, text, "RETREAT", published=DAY)
    assert withdrawal.status != "proposed"


# -- a hedged intention, a plain one -------------------------------------------------------------


@pytest.mark.model
def test_a_possible_intention_to_begin_a_blockade_is_no_blockade(pipeline: Any) -> None:
    text = "There were reports of a possible Peruvian intention to begin a blockade of Ecuador."
    blockade = one_event(pipeline, text, "COERCE", published=DAY)
    assert blockade.status == "hypothetical"


@pytest.mark.model
def test_a_blockade_imposed_is_still_a_blockade(pipeline: Any) -> None:
    text = "Peru imposed a naval blockade of Ecuador on Monday."
    assert one_event(pipeline, text, "COERCE", published=DAY).status == "occurred"


@pytest.mark.model
def test_an_intention_told_plainly_is_a_plan(pipeline: Any) -> None:
    text = "Peru announced its intention to withdraw its troops from the border."
    assert one_event(pipeline, text, "RETREAT", published=DAY).status == "planned"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "China has shown no intention to withdraw its troops from the valley.",
        "The Bolivian side had not given any response to the Peruvian proposal and not even "
        "shown intent on the ground to withdraw.",
    ],
)
def test_an_intention_denied_announces_no_withdrawal(pipeline: Any, text: str) -> None:
    found = events_of(pipeline, text, "RETREAT", published=DAY)
    assert found and all(e.status == "negated" for e in found)


# -- "called a halt" phones no one; troops sent in are a deployment ------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Peru called a halt to military operations in Ecuador but ordered its troops to be ready "
        "to break the ceasefire.",
        "Peru called a pause in the fighting on Tuesday.",
    ],
)
def test_calling_a_halt_or_a_pause_is_no_phone_call(pipeline: Any, text: str) -> None:
    assert events_of(pipeline, text, "CONSULT", published=DAY) == []


@pytest.mark.model
def test_tanks_and_troops_sent_in_are_troops_moved_not_arms_given(pipeline: Any) -> None:
    text = "Peru sent in tanks and troops on Friday in response to the offensive."
    assert events_of(pipeline, text, "AID", published=DAY) == []
    assert one_event(pipeline, text, "MOBILIZE", published=DAY).source == ["PER"]


@pytest.mark.model
def test_tanks_sent_to_another_state_are_still_arms_aid(pipeline: Any) -> None:
    event = one_event(pipeline, "Peru sent tanks to Bolivia on Friday.", "AID", published=DAY)
    assert event.mode == "military" and event.target == ["BOL"]


# -- an acceptance beside airstrikes that go on is no truce --------------------------------------


def _acceptance(n: int, sentence: str) -> Analysis:
    event = Event(
        type="AGREE",
        source=["CHL"],
        date=TimeExpression(text="today", start=0, end=5, value="2026-05-14", precision="day"),
        evidence=Span(start=0, end=len(sentence), text=sentence),
    )
    article = Article(id=f"a{n}", text=sentence, outlet=f"Outlet {n}", published_at=DAY)
    return Analysis(article=article, events=[event])


def _outlets(stories: list[Story]) -> list[list[str]]:
    return sorted(sorted(s.sources) for s in stories)


def test_an_acceptance_after_weeks_of_airstrikes_is_the_plain_acceptance() -> None:
    stories = cluster_stories(
        [
            _acceptance(
                1, "After more than two months of airstrikes, Chile today accepted the peace plan."
            ),
            _acceptance(2, "Chile on Thursday accepted an international peace plan."),
        ]
    )
    assert _outlets(stories) == [["Outlet 1", "Outlet 2"]]


def test_an_agreement_to_halt_the_airstrikes_is_still_apart_from_another_acceptance() -> None:
    stories = cluster_stories(
        [
            _acceptance(1, "Chile today agreed to halt the airstrikes for a week."),
            _acceptance(2, "Chile on Thursday accepted an international peace plan."),
        ]
    )
    assert _outlets(stories) == [["Outlet 1"], ["Outlet 2"]]


# -- a former state: Yugoslavia acts under its own code until 2003 (historical_states.json) --------


@pytest.mark.model
def test_yugoslav_commanders_signing_is_yugoslavias_signing(pipeline: Any) -> None:
    text = "Yugoslav army commanders on Tuesday signed an agreement to pull out of the province."
    event = one_event(pipeline, text, "SUPPORT", published=DAY)
    assert event.source == ["YUG"]


@pytest.mark.model
def test_the_withdrawal_of_yugoslav_police_is_yugoslavias_withdrawal(pipeline: Any) -> None:
    text = "The withdrawal of the Yugoslav police from the province has begun."
    event = one_event(pipeline, text, "RETREAT", published=DAY)
    assert event.source == ["YUG"] and event.status == "occurred"
