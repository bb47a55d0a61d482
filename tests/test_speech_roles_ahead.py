"""A role named before its holder: "The UN special envoy for X announced …", the name later.

Wire copy often opens with the role and names its holder paragraphs on. The claim is the
holder's when the later name is introduced with that role or holds it on the article's date in
the knowledge base; otherwise the role stays words (or the institution), never a guess.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from parley.extract.speech.attributions import AttributionExtractor
from parley.extract.speech.quotes import QuoteExtractor
from parley.models import Actor, Attribution, Role
from speech_ctx import make_ctx, make_kb

UN = Actor(id="un", name="United Nations", kind="igo", aliases=["UN"])
LEDE = (
    "The UN special envoy for Lakeland announced on Monday that the talks would resume in "
    "March.\n\nThe talks broke down last year over the release of prisoners.\n\n"
)


def _virtanen(*roles: Role) -> Actor:
    return Actor(id="virtanen", name="Tomas Virtanen", kind="person", country="FIN",
                 aliases=["Virtanen"], roles=list(roles))  # fmt: skip


ENVOY = Role(title="UN Special Envoy for Lakeland", key="special_envoy:lakeland:UN",
             start=dt.date(2020, 1, 1), end=dt.date(2022, 12, 31))  # fmt: skip


def lede_claim(sm: Any, text: str, person: Actor, day: dt.date | None = None) -> Attribution:
    ctx = make_ctx(sm, text, make_kb([UN, person]))
    if day is not None:
        ctx.article = ctx.article.model_copy(update={"published_at": day})
    QuoteExtractor()(ctx)
    AttributionExtractor()(ctx)
    [claim] = [a for a in ctx.analysis.attributions if "would resume in March" in a.claim.text]
    return claim


@pytest.mark.model
def test_the_role_goes_to_the_person_introduced_with_it_later(sm: Any) -> None:
    text = LEDE + "UN Special Envoy for Lakeland Tomas Virtanen told reporters the agenda was set."
    claim = lede_claim(sm, text, _virtanen())
    assert (claim.reporter.actor, claim.reporter.kind) == ("virtanen", "person")
    assert claim.reporter.text == "The UN special envoy for Lakeland"


@pytest.mark.model
def test_the_role_goes_to_the_person_who_holds_it_on_the_date(sm: Any) -> None:
    text = LEDE + "Virtanen told reporters the agenda was set."
    claim = lede_claim(sm, text, _virtanen(ENVOY), dt.date(2021, 5, 3))
    assert claim.reporter.actor == "virtanen"


@pytest.mark.model
@pytest.mark.parametrize(
    ("later", "roles", "day"),
    [
        # the name comes with another role
        ("UN Special Envoy for Seaview Tomas Virtanen told reporters the agenda was set.",
         (), None),
        # the name comes with no role and the knowledge base has none for him
        ("Tomas Virtanen told reporters the agenda was set.", (), None),
        # he held the role, but not on the article's date
        ("Virtanen told reporters the agenda was set.", (ENVOY,), dt.date(2024, 5, 3)),
    ],
)  # fmt: skip
def test_without_the_role_the_later_name_is_not_the_holder(
    sm: Any, later: str, roles: tuple[Role, ...], day: dt.date | None
) -> None:
    claim = lede_claim(sm, LEDE + later, _virtanen(*roles), day)
    assert claim.reporter.actor != "virtanen"
    assert claim.reporter.text == "The UN special envoy for Lakeland"


BARE = (
    '"Talks on a truce should start now," the minister said at the close of the forum.\n\n'
    "The forum drew delegates from forty states.\n\n"
)
MINISTER = Role(title="Foreign Minister of Lakeland", key="foreign_minister:LKL",
                start=dt.date(2020, 1, 1), end=dt.date(2022, 12, 31))  # fmt: skip


SOLA = Actor(id="sola", name="Ana Sola", kind="person", country="ESP", aliases=["Sola"],
             roles=[Role(title="Foreign Minister of Spain", key="foreign_minister:ESP",
                         start=dt.date(2020, 1, 1), end=dt.date(2022, 12, 31))])  # fmt: skip


def _bare_quote(sm: Any, later: str, *people: Actor) -> tuple[str | None, str | None]:
    ctx = make_ctx(sm, BARE + later, make_kb([UN, *people]))
    ctx.article = ctx.article.model_copy(update={"published_at": dt.date(2021, 5, 3)})
    QuoteExtractor()(ctx)
    [quote] = [q for q in ctx.analysis.quotes if q.text.startswith("Talks on a truce")]
    assert quote.speaker is not None
    return quote.speaker.actor, quote.speaker.text


@pytest.mark.model
def test_a_bare_role_does_not_go_to_a_minister_named_later(sm: Any) -> None:
    """Round 6: the host's minister, never named, is not one of two ministers named
    paragraphs on ("their Foreign Ministers, Tomas Virtanen and Ana Sola, met")."""
    later = "Last year the two states' Foreign Ministers, Tomas Virtanen and Ana Sola, met there."
    assert _bare_quote(sm, later, _virtanen(MINISTER), SOLA) == (None, "the minister")


@pytest.mark.model
def test_a_bare_role_goes_to_the_one_minister_named_later(sm: Any) -> None:
    later = "Foreign Minister Tomas Virtanen closed the forum on Friday."
    assert _bare_quote(sm, later, _virtanen(MINISTER))[0] == "virtanen"


@pytest.mark.model
def test_a_bare_role_still_goes_back_to_the_minister_named_before(sm: Any) -> None:
    ctx = make_ctx(sm, "Foreign Minister Tomas Virtanen opened the forum.\n\n" + BARE,
                   make_kb([UN, _virtanen(MINISTER)]))  # fmt: skip
    QuoteExtractor()(ctx)
    [quote] = [q for q in ctx.analysis.quotes if q.text.startswith("Talks on a truce")]
    assert quote.speaker is not None and quote.speaker.actor == "virtanen"
