"""People speaking together, and a title taken up after a name said together with another.

'"…," A and Foreign Minister B replied' is a quote of both, each with their own words; the
parser often hangs "A and Foreign Minister" on B as one modifier. "the Soviet foreign minister"
later goes back to B alone, not to the words "A and Soviet Foreign Minister B".
"""

from __future__ import annotations

from typing import Any

import pytest

from parley.extract.speech.attributions import AttributionExtractor
from parley.extract.speech.quotes import QuoteExtractor
from parley.models import Quote
from speech_ctx import make_ctx


def quotes_of(nlp: Any, text: str) -> list[Quote]:
    ctx = make_ctx(nlp, text)
    QuoteExtractor()(ctx)
    AttributionExtractor()(ctx)
    return [q for q in ctx.analysis.quotes if q.direct]


def who(quotes: list[Quote]) -> list[tuple[str | None, str | None]]:
    return [(q.speaker.actor, q.speaker.text) if q.speaker else (None, None) for q in quotes]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        '"The draft is ready," Rubio and Foreign Minister Lavrov replied.',
        'Rubio and Foreign Minister Lavrov replied: "The draft is ready."',
    ],
)
def test_a_quote_said_together_is_each_speakers(sm: Any, text: str) -> None:
    assert who(quotes_of(sm, text)) == [("rubio", "Rubio"), ("lavrov", "Foreign Minister Lavrov")]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # one speaker who met two others: the quote is his alone
        ('"The draft is ready," Rubio said after meeting Lavrov and Merz.', [("rubio", "Rubio")]),
        # a state and a person are not named people speaking together: one speaker as before
        ('"The draft is ready," Lavrov said.', [("lavrov", "Lavrov")]),
    ],
)  # fmt: skip
def test_one_speaker_stays_one_quote(sm: Any, text: str, speakers: list[tuple[str, str]]) -> None:
    assert who(quotes_of(sm, text)) == speakers


@pytest.mark.model
def test_a_title_goes_back_to_the_holder_not_to_the_pair_named_with_him(sm: Any) -> None:
    text = (
        "There, Rubio and Russian Foreign Minister Sergei Lavrov spent three hours on the "
        'treaty.\n\n"We are not less hopeful," the Russian foreign minister replied.'
    )
    assert who(quotes_of(sm, text)) == [("lavrov", "Russian Foreign Minister Sergei Lavrov")]
