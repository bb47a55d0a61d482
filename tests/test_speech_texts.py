"""Statements as speakers, met in round 5 of the review: the issuer named inside the phrase
("the presidency statement"), "the statement" a few paragraphs after the joint statement that
named its issuers, and words quoted under "According to the statement, X presented …"."""

from __future__ import annotations

from typing import Any

import pytest

from parley.models import Quote
from speech_ctx import speech_of


def direct(quotes: list[Quote]) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in quotes if q.direct}


@pytest.mark.model
def test_a_statement_naming_its_issuer_is_not_the_actor_named_before(sm: Any) -> None:
    text = (
        "Lavrov and Rubio met in Riyadh on Tuesday. Meloni stressed the need for "
        '"calm and patience" in the talks, the presidency statement said.'
    )
    claims = {c.claim.text: c.reporter for c in speech_of(sm, text)[1]}
    [claim] = [r for t, r in claims.items() if t.startswith("Meloni stressed")]
    assert (claim.actor, claim.text) == (None, "the presidency statement")


@pytest.mark.model
def test_a_statement_without_its_issuer_in_the_phrase_goes_back_to_the_issuer(sm: Any) -> None:
    text = "Rubio issued a statement on Friday. The statement said the envoy would travel."
    [claim] = speech_of(sm, text)[1]
    assert claim.reporter.actor == "rubio"


TALKS = (
    'In a joint statement, the three mediators said, "The plan bridges the gaps."\n\n'
    'According to the statement, the Americans presented a plan that "narrows the gaps".\n\n'
    "Details of the plan were not known.\n\nBoth delegations left on Friday.\n\n"
    '"The plan bridges the gaps. Teams will keep working," the statement said.'
)


@pytest.mark.model
def test_the_statement_far_on_is_the_joint_statements_issuers(sm: Any) -> None:
    quotes = direct(speech_of(sm, TALKS)[0])
    assert quotes["The plan bridges the gaps. Teams will keep working"] == "the three mediators"


@pytest.mark.model
def test_words_quoted_under_according_to_the_statement_are_the_statements(sm: Any) -> None:
    quotes, claims = speech_of(sm, TALKS)
    assert direct(quotes)["narrows the gaps"] == "the three mediators"
    [cited] = [c for c in claims if c.cue == "according to"]
    assert cited.reporter.text == "the three mediators"


@pytest.mark.model
def test_according_to_a_source_a_speaker_still_says_his_own_words(sm: Any) -> None:
    quotes = direct(speech_of(sm, 'According to Reuters, Lavrov said "we will go".')[0])
    assert quotes == {"we will go": "Lavrov"}
