"""Speech in frames the parser reads oddly: a verb of saying tagged as a noun, and a quoted
charge under "accused X of presenting …"."""

from __future__ import annotations

from typing import Any

import pytest

from parley.models import Quote
from speech_ctx import speech_of


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


@pytest.mark.model
def test_a_claim_cut_before_its_quoted_end_is_no_claim_the_quote_is(sm: Any) -> None:
    text = 'Lavrov asserted they would be there to "take part in talks with the UN, not to sign".'
    quotes, claims = speech_of(sm, text)
    assert [c.claim.text for c in claims] == []
    assert direct(quotes) == {"take part in talks with the UN, not to sign": "lavrov"}


@pytest.mark.model
def test_a_paraphrase_with_a_quoted_condition_stays_a_claim(sm: Any) -> None:
    text = 'Lavrov said Moscow was ready to help "if our partners ask for it".'
    assert [c.claim.text for c in speech_of(sm, text)[1]] == ["Moscow was ready to help"]


@pytest.mark.model
def test_the_president_with_a_capital_goes_back_to_the_president_named_before(sm: Any) -> None:
    text = (
        "President Meloni opened the summit on Monday.\n\n"
        'Addressing the delegates, the President added: "The draft is nearly done."'
    )
    assert direct(speech_of(sm, text)[0]) == {"The draft is nearly done.": "meloni"}


@pytest.mark.model
def test_the_president_is_nobody_named_before_without_that_title(sm: Any) -> None:
    text = (
        "Lavrov opened the summit on Monday.\n\n"
        'Addressing the delegates, the President added: "The draft is nearly done."'
    )
    assert direct(speech_of(sm, text)[0]) == {"The draft is nearly done.": None}


@pytest.mark.model
def test_a_claim_goes_on_past_an_object_that_is_really_a_subject(sm: Any) -> None:
    text = (
        '"No comment," said Lavrov, adding that he understood Foreign Minister Rubio in '
        "Washington also rejected the plan."
    )
    claims = [c.claim.text for c in speech_of(sm, text)[1]]
    assert claims == ["he understood Foreign Minister Rubio in Washington also rejected the plan"]


@pytest.mark.model
def test_a_claim_ends_before_someone_elses_clause(sm: Any) -> None:
    text = "Lavrov said he welcomed Rubio in Moscow, and Merz denied the report."
    claims = {c.claim.text: c.reporter.actor for c in speech_of(sm, text)[1]}
    assert claims["he welcomed Rubio in Moscow"] == "lavrov"


@pytest.mark.model
def test_a_speaker_hung_on_the_claims_last_noun_still_speaks(sm: Any) -> None:
    text = (
        "The figures come from interviews with detainees and reports by the Lakeland Justice "
        "Ministry's forensic department, a spokeswoman for the rights group said."
    )
    [claim] = speech_of(sm, text)[1]
    assert claim.reporter.text == "a spokeswoman for the rights group"
    assert claim.claim.text.endswith("the Lakeland Justice Ministry's forensic department")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed in Geneva, the Swiss city, on Monday.",
        "The delegates thanked Lavrov, the host, and flew home.",
    ],
)
def test_an_apposition_without_a_verb_of_saying_says_nothing(sm: Any, text: str) -> None:
    assert speech_of(sm, text) == ([], [])


ADDING = (
    'Meloni expressed hope to save the accord "in the coming weeks" so that it works as it did '
    "before the walkout.\n\nAlso on Monday, a source close to the talks told Reuters that “we "
    "are in the fine print, it is the most tiring and demanding stage of the talks as we are now "
    "dealing with the order of the customs steps”, adding that the problem is not the text but "
    "time."
)


@pytest.mark.model
def test_adding_after_a_told_quote_is_the_tellers_claim(sm: Any) -> None:
    # the parser makes the quote's "is" the head of both "told" and "adding"
    claims = {c.claim.text: c.reporter.text for c in speech_of(sm, ADDING)[1]}
    assert claims["the problem is not the text but time"] == "a source close to the talks"


@pytest.mark.model
def test_a_participle_after_a_non_speech_verb_keeps_its_own_subject(sm: Any) -> None:
    text = "Lavrov said Rubio signed the deal, saying it was fair."
    claims = {c.claim.text: c.reporter.actor for c in speech_of(sm, text)[1]}
    assert claims["it was fair"] == "rubio"
