"""Constructions met in round 14 of the speech review (docs/review/speech.md), in our own words.

* doubled apostrophes (''…'') typed as quotation marks in archive copy are quotation marks;
  two apostrophes inside a word, or a lone apostrophe, open nothing;
* "X assured the deputies that …" is a claim of X, like "told … that";
* "X blamed the delay on the storms" claims "the delay on the storms" (a cause X gives);
  "blamed the council on Monday" names a day, not a cause.
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import direct, run, source_of


def speakers(an: Any) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in direct(an)}


# ------------------------------------------------------------------ ''archive quotation marks''


@pytest.mark.model
def test_doubled_apostrophes_are_read_as_quotation_marks(pipeline: Any) -> None:
    text = (
        "Foreign Minister Tomas Varga met reporters in Budapest on Friday.\n\n"
        "He told a crowded press conference: ''We expect the last garrison to leave before "
        "the summer is over.''\n\n"
        "Varga added that the talks would resume in March."
    )
    quotes = speakers(run(pipeline, text))
    said = [q for q in quotes if q.startswith("We expect the last garrison")]
    assert said, quotes
    assert "Varga" in (quotes[said[0]] or "")


def test_two_apostrophes_inside_a_word_open_no_quote() -> None:
    from parley.extract.speech.marks import find_marked

    text = "The envoy O''Neill met the rock 'n' roll band in Vienna and left."
    assert [text[m.start : m.end] for m in find_marked(text) if not m.single] == []


def test_doubled_apostrophes_open_after_a_blank_and_close_after_the_words() -> None:
    from parley.extract.speech.marks import find_marked

    text = "Varga said the move was ''a step towards peace'' and left."
    assert [text[m.start : m.end] for m in find_marked(text)] == ["a step towards peace"]


# ------------------------------------------------------------------ verbs and frames of saying


@pytest.mark.model
def test_assured_the_deputies_that_is_a_claim_of_the_subject(pipeline: Any) -> None:
    text = (
        "Finance Minister Ilse Brandt assured the deputies at a committee hearing in Vienna that "
        "the ministry will keep the import quotas in place until the end of the year."
    )
    found = source_of(run(pipeline, text), "keep the import quotas")
    assert found is not None and "Brandt" in found[0]


@pytest.mark.model
def test_assured_without_a_clause_is_no_claim(pipeline: Any) -> None:
    text = "Finance Minister Ilse Brandt assured the funding of the new hospital in Graz."
    assert run(pipeline, text).attributions == []


@pytest.mark.model
def test_blamed_the_delay_on_a_cause_is_a_claim_of_the_subject(pipeline: Any) -> None:
    text = (
        "Opposition leader Marco Delacroix blamed the slow count of the ballots on a shortage "
        "of trained officials in the northern provinces."
    )
    found = source_of(run(pipeline, text), "shortage of trained officials")
    assert found is not None and "Delacroix" in found[0]


@pytest.mark.model
def test_blamed_with_a_dash_aside_before_the_cause_is_a_claim(pipeline: Any) -> None:
    text = (
        "Opposition leader Marco Delacroix blamed a slow count of the ballots – only 40 percent "
        "of the 2,1 million ballots are believed to have been counted – on a shortage of trained "
        "officials in the north."
    )
    found = source_of(run(pipeline, text), "shortage of trained officials")
    assert found is not None and "Delacroix" in found[0]


@pytest.mark.model
def test_blamed_on_a_day_is_no_cause(pipeline: Any) -> None:
    text = "Opposition leader Marco Delacroix blamed the electoral commission on Tuesday."
    an = run(pipeline, text)
    assert not [a for a in an.attributions if "Tuesday" in a.claim.text]


# ------------------------------------------------------------------ "…, the agency reported"


@pytest.mark.model
def test_an_accusation_tagged_by_an_agency_is_one_record_through_the_agency(pipeline: Any) -> None:
    text = (
        "Interior Minister Anna Kovacs on Tuesday accused the former coalition government of "
        "stalling the border treaty with Slovenia, TASR reported."
    )
    recs = run(pipeline, text).attributions
    assert len(recs) == 1, [(r.reporter.text, r.claim.text) for r in recs]
    assert "Kovacs" in recs[0].reporter.text
    assert recs[0].via is not None and recs[0].via.text == "TASR"
    assert recs[0].claim.text.startswith("the former coalition government")


@pytest.mark.model
def test_an_agency_report_with_no_speaker_inside_stays_the_agency_claim(pipeline: Any) -> None:
    text = "The border treaty with Slovenia has been stalled for three years, TASR reported."
    found = source_of(run(pipeline, text), "stalled for three years")
    assert found is not None and found[0] == "TASR"


@pytest.mark.model
def test_she_said_after_a_lede_tagged_by_an_agency_is_the_lede_subject(pipeline: Any) -> None:
    text = (
        "Interior Minister Anna Kovacs on Tuesday accused the former coalition government of "
        "stalling the border treaty with Slovenia, TASR reported.\n\n"
        "\u201cThe old cabinet left us nothing but unsigned drafts,\u201d she said during a "
        "debate in parliament."
    )
    quotes = speakers(run(pipeline, text))
    said = [q for q in quotes if q.startswith("The old cabinet")]
    assert said and "Kovacs" in (quotes[said[0]] or ""), quotes


# ------------------------------------------------------------------ a dateline inside the source


@pytest.mark.model
def test_the_agency_of_a_hyphen_dateline_is_never_the_source(pipeline: Any) -> None:
    text = (
        "Envoy warns of last chance for truce\n\n"
        "TIRANA (Reuters) - Albanian Prime Minister Edi Rama said the meeting in Ohrid on "
        "Thursday was one of the last chances to agree a lasting truce, a statement on his "
        "website said on Wednesday."
    )
    recs = run(pipeline, text).attributions
    assert len(recs) == 1, [(r.reporter.text, r.claim.text) for r in recs]
    assert recs[0].reporter.text == "Albanian Prime Minister Edi Rama"
    assert recs[0].reporter.actor != "outlet:reuters"
    assert recs[0].claim.text.startswith("the meeting in Ohrid")
    assert recs[0].via is not None and "statement" in recs[0].via.text


@pytest.mark.model
def test_a_statement_with_no_speaker_inside_keeps_its_claim(pipeline: Any) -> None:
    text = (
        "TIRANA (Reuters) - The meeting in Ohrid on Thursday is one of the last chances to "
        "agree a lasting truce, a statement on the government website said on Wednesday."
    )
    found = source_of(run(pipeline, text), "last chances")
    assert found is not None and "statement" in found[0]


@pytest.mark.model
def test_a_hyphen_inside_a_word_ends_no_dateline(nlp: Any) -> None:
    from parley.nlp.dateline import dateline_end

    assert dateline_end(nlp("TIRANA (Reuters) - Rama said so.")) == 5
    assert dateline_end(nlp("NATO-led troops left Tirana - quietly.")) is None
