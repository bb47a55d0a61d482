"""Constructions met in round 12 of the speech review (docs/review/speech.md), in our own words.

* 'the joint working groups ("JWGs")', 'the 2019 deal (the "Compact")': words in marks that
  fill a bracket alone are a short name the writer defines, not anyone's quotation; the same
  words in marks outside a bracket, after a speech cue, stay a quote.
"""

from __future__ import annotations

from typing import Any

import pytest

from parley.models import Quote
from speech_ctx import speech_of


def speakers(quotes: list[Quote]) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in quotes if q.direct}


# ------------------------------------------------------------------ labels defined in brackets


@pytest.mark.model
@pytest.mark.parametrize(
    "label",
    ['("Joint Working Groups")', '(the "Harbour Compact")', '( "Border Panels" )'],
)
def test_a_label_defined_in_brackets_is_no_quote(nlp: Any, label: str) -> None:
    text = (
        "Court ruling\n\n"
        f"The prosecutors alleged that two joint groups of officers {label} planned the "
        "expulsions, the chamber found. The chamber said the evidence was weak."
    )
    quotes, _ = speech_of(nlp, text)
    assert speakers(quotes) == {}


@pytest.mark.model
def test_words_in_marks_after_a_cue_outside_brackets_stay_a_quote(nlp: Any) -> None:
    text = (
        "Court ruling\n\n"
        'The prosecutors alleged that the officers "planned the expulsions together," the '
        "chamber said."
    )
    quotes, _ = speech_of(nlp, text)
    assert list(speakers(quotes).values()) == ["the chamber"]
