"""Constructions met in round 12 of the speech review (docs/review/speech.md), in our own words.

* "The only clause which, in her opinion, may cause our 'irritation' says that …": a word in
  marks inside the subject phrase is nobody's quote, and "in her opinion" inside a relative
  clause makes no claim of hers; "In her opinion, …" opening the sentence still does;
* "X said that a treaty still has to be drafted, adding there is …": the one adding is X, the
  speaker of the main clause, never the reported clause's subject ("a treaty");
* "The very fact he is making the statement suggests the siege is over": the writer's
  inference, no claim; "The ministry's statement suggests that …" and "The fact that X said
  Y …" keep their claims;
* actor linking: "the Croatian Republic of Bosnia and Herzegovina" (a polity another people
  named after the state) and "Panama Province" are not the state they name.
* 'the joint working groups ("JWGs")', 'the 2019 deal (the "Compact")': words in marks that
  fill a bracket alone are a short name the writer defines, not anyone's quotation; the same
  words in marks outside a bracket, after a speech cue, stay a quote.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from parley.models import Analysis, Attribution, Quote, RawDocument
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


# ------------------------------------------------------------------ ", adding" after a claim


def source_of(claims: list[Attribution], words: str) -> str:
    found = [c for c in claims if c.claim.text.startswith(words)]
    assert found, f"no claim opening {words!r} in {[c.claim.text for c in claims]}"
    return found[0].reporter.text


@pytest.mark.model
@pytest.mark.parametrize("verb", ["said Friday", "announced"])
def test_adding_after_a_reported_clause_is_the_speakers(nlp: Any, verb: str) -> None:
    text = (
        "Talks go on\n\n"
        f"Sergei Lavrov {verb} that a treaty still has to be drafted, adding there is no "
        "final text yet."
    )
    _, claims = speech_of(nlp, text)
    assert source_of(claims, "there is no final text") == "Sergei Lavrov"


@pytest.mark.model
def test_adding_after_a_clause_nobody_reports_is_not_its_subjects(nlp: Any) -> None:
    text = (
        "Talks go on\n\n"
        "The delay means that a treaty still has to be drafted, adding there is no final "
        "text yet."
    )
    _, claims = speech_of(nlp, text)
    assert all(c.reporter.text != "a treaty" for c in claims)


# ------------------------------------------------------------------ a polity named after a state


def links(pipeline: Any, text: str) -> dict[str, str | None]:
    raw = RawDocument(source="t", text=text, published_at=dt.date(2020, 5, 1))
    an: Analysis = pipeline.run(raw)
    return {m.text: m.actor for m in an.mentions}


@pytest.mark.model
def test_another_peoples_republic_of_a_state_is_not_the_state(pipeline: Any) -> None:
    found = links(
        pipeline,
        "Verdict read\n\nHe chaired the assembly of the Croatian Republic of Bosnia and "
        "Herzegovina until 1994, and later lived in Bosnia and Herzegovina.",
    )
    assert list(found.values()).count("BIH") == 1
    assert found["Bosnia and Herzegovina"] == "BIH"


@pytest.mark.model
def test_a_province_named_after_a_state_is_not_the_state(pipeline: Any) -> None:
    found = links(pipeline, "Roads cut\n\nFloods closed two roads in Panama Province on Monday.")
    assert "PAN" not in found.values()


@pytest.mark.model
def test_the_republic_of_the_state_itself_stays_the_state(pipeline: Any) -> None:
    found = links(
        pipeline,
        "Talks held\n\nThe Republic of Bosnia and Herzegovina sent two envoys to Geneva.",
    )
    assert "BIH" in found.values()


# ------------------------------------------------------------------ marks and views inside a clause

CLAUSE = (
    "Treaty talks\n\n"
    "While discussing the annex, Sergei Lavrov said it should not worry Kyiv because it does "
    "not touch the core of the pact. The only clause which, in his opinion, may cause our "
    "'irritation' says that the pact should not stop Norway from arming its neighbours."
)


@pytest.mark.model
def test_a_scare_quoted_word_inside_the_subject_is_no_quote(nlp: Any) -> None:
    quotes, _ = speech_of(nlp, CLAUSE)
    assert speakers(quotes) == {}


@pytest.mark.model
def test_in_his_opinion_inside_a_relative_clause_makes_no_claim(nlp: Any) -> None:
    _, claims = speech_of(nlp, CLAUSE)
    assert [c.cue for c in claims if "opinion" in c.cue] == []
    assert source_of(claims, "the pact should not stop Norway") != "Sergei Lavrov"


@pytest.mark.model
def test_in_his_opinion_opening_a_sentence_is_his_claim(nlp: Any) -> None:
    text = (
        "Treaty talks\n\n"
        "Sergei Lavrov spoke on Monday. In his opinion, the pact should not stop Norway from "
        "arming its neighbours."
    )
    _, claims = speech_of(nlp, text)
    assert source_of(claims, "the pact should not stop Norway") == "Sergei Lavrov"


# ------------------------------------------------------------------ a writer's inference

LEAD = "Siege ends\n\nSergei Lavrov will make an emergency statement at noon. "


@pytest.mark.model
def test_a_fact_that_suggests_is_the_writers_inference(nlp: Any) -> None:
    sentence = "The very fact he is making the statement suggests the siege is over."
    _, claims = speech_of(nlp, LEAD + sentence)
    assert [c for c in claims if "siege is over" in c.claim.text] == []


@pytest.mark.model
def test_a_statement_that_suggests_is_still_a_claim(nlp: Any) -> None:
    _, claims = speech_of(nlp, LEAD + "His statement suggests that the siege is over.")
    assert source_of(claims, "the siege is over") != ""


@pytest.mark.model
def test_what_the_fact_reports_someone_said_is_still_their_claim(nlp: Any) -> None:
    text = LEAD + "The fact that Marco Rubio said the siege is over angered the hostages."
    _, claims = speech_of(nlp, text)
    assert "Marco Rubio" in source_of(claims, "the siege is over")
