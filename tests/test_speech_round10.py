"""Constructions met in round 10 of the speech review (docs/review/speech.md), in our own words.

* "A said there would be reform whether President B's party liked it or not. He said …":
  "he" is the one speaking, never a party or possessor deep inside what he is said to have
  said; "A said … – he said …" in one sentence likewise;
* "President A welcomed President B and President C. The president thanked …, he said":
  with several people bearing the very title, "the president" is left as words, not linked
  to the last one named; with one president it is still followed back;
* 'It is our duty …," the spokeswoman said. "Usually …," she told reporters': a quotation
  whose opening mark was dropped does not flip the pairing of every later mark;
* "Interview with Foreign Minister X" then "Question: … you met Y …? / Answer: …": the answers
  are the interviewee's, never the person the question names;
* 'Countries maintained "quick lanes" for travel': a short coined term in marks as the verb's
  object is no quote; 'presented "a plan for the border"' still is;
* "UNITED NATIONS (AP) —": the agency's initials in a dateline are no abbreviation of the
  place before them.
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import direct, run, source_of

# ------------------------------------------------------------------ "he" after reported speech

REFORM = (
    "Reform vote\n\n"
    "Mr Adeyemi said there would be change in Ghana whether President Mahama's party "
    "wanted it or not{joint} he said he would not wait another year."
)


@pytest.mark.model
@pytest.mark.parametrize("joint", [".", " \u2013"])
def test_he_is_the_one_speaking_not_a_possessor_inside_the_reported_clause(
    pipeline: Any, joint: str
) -> None:
    source = source_of(run(pipeline, REFORM.format(joint=joint)), "would not wait")
    assert source is not None and source[0] == "Mr Adeyemi"


@pytest.mark.model
def test_a_party_subject_of_the_clause_itself_can_still_be_he(pipeline: Any) -> None:
    text = (
        "Reform vote\n\n"
        "President Mahama visited the port on Monday. He said he would not wait another year."
    )
    source = source_of(run(pipeline, text), "would not wait")
    assert source is not None and source[1] == "person:john-mahama"


TWO_PRESIDENTS = (
    "Accord signed\n\n"
    "{opening}\n\n"
    "Mahama said the accord would end years of quarrels.\n\n"
    "The president thanked his guests for their patience. Shared ports will let both peoples "
    "grow richer, he said."
)


@pytest.mark.model
def test_the_president_among_several_presidents_stays_unlinked(pipeline: Any) -> None:
    opening = "President Macron welcomed President Mahama and President Tinubu to Paris."
    source = source_of(run(pipeline, TWO_PRESIDENTS.format(opening=opening)), "Shared ports")
    assert source is not None
    assert source[1] is None and source[0].lower() == "the president"


@pytest.mark.model
def test_the_president_with_one_president_named_is_followed_back(pipeline: Any) -> None:
    opening = "President Mahama welcomed two ministers to Accra."
    source = source_of(run(pipeline, TWO_PRESIDENTS.format(opening=opening)), "Shared ports")
    assert source is not None and source[1] == "person:john-mahama"


# ------------------------------------------------------------------ a dropped opening mark

DROPPED = (
    "Families wait\n\n"
    "Relatives of the detained pilot want answers.\n\n"
    '{open}We owe it to every citizen to bring them home," the spokeswoman said. '
    '"As a rule we do not discuss talks under way," she told reporters on Monday.'
)


@pytest.mark.model
def test_a_dropped_opening_mark_does_not_turn_the_tags_into_quotes(pipeline: Any) -> None:
    quotes = {q.text: q.speaker.text if q.speaker else None for q in direct(
        run(pipeline, DROPPED.format(open=""))
    )}  # fmt: skip
    assert quotes == {
        "We owe it to every citizen to bring them home": "the spokeswoman",
        "As a rule we do not discuss talks under way": "the spokeswoman",
    }


@pytest.mark.model
def test_a_dropped_opening_mark_mid_paragraph_starts_the_quote_at_its_sentence(
    pipeline: Any,
) -> None:
    text = (
        "Families wait\n\n"
        'A ministry spokesman said the minister "has made clear that no citizen is '
        'forgotten." We owe it to every family to be open," the spokesman said. "As a rule '
        'we do not discuss talks," he told reporters.'
    )
    assert {q.text for q in direct(run(pipeline, text))} == {
        "has made clear that no citizen is forgotten",
        "We owe it to every family to be open",
        "As a rule we do not discuss talks",
    }


@pytest.mark.model
def test_marks_in_step_give_the_same_quotes(pipeline: Any) -> None:
    quotes = {q.text for q in direct(run(pipeline, DROPPED.format(open='"')))}
    assert quotes == {
        "We owe it to every citizen to bring them home",
        "As a rule we do not discuss talks under way",
    }


@pytest.mark.model
def test_a_mark_opening_before_a_word_still_opens(pipeline: Any) -> None:
    text = 'Talks\n\nThe envoy said, "the door is open," and left the room.'
    assert [q.text for q in direct(run(pipeline, text))] == ["the door is open"]


# ------------------------------------------------------------------ question-and-answer turns

INTERVIEW = (
    "Question: Minister, you met Pavel Horak in Prague yesterday. Is a deal still possible?\n\n"
    "Question: Did Pavel Horak ask for more time?\n\n"
    "Answer: We will keep talking as long as there is a chance of a deal.\n\n"
    "Question: Does Horak trust you?\n\n"
    "Answer: Trust is built step by step."
)


@pytest.mark.model
def test_answers_belong_to_the_interviewee_of_the_headline(pipeline: Any) -> None:
    an = run(pipeline, INTERVIEW, title="Interview with Foreign Minister Karl Brenner (excerpts)")
    speakers = {q.text: q.speaker.text if q.speaker else None for q in direct(an)}
    assert speakers == {
        "We will keep talking as long as there is a chance of a deal.":
            "Foreign Minister Karl Brenner",
        "Trust is built step by step.": "Foreign Minister Karl Brenner",
    }  # fmt: skip


@pytest.mark.model
def test_answers_never_go_to_a_person_named_in_a_question(pipeline: Any) -> None:
    an = run(pipeline, INTERVIEW, title="Talks with Prague")
    assert all(q.speaker is None or "Horak" not in q.speaker.text for q in direct(an)), [
        (q.text, q.speaker) for q in direct(an)
    ]


# ------------------------------------------------------------------ scare quotes


@pytest.mark.model
def test_a_coined_term_as_the_verbs_object_is_no_quote(pipeline: Any) -> None:
    text = (
        "Trade\n\n"
        'Countries in the region maintained "quick lanes" for business travel and '
        '"green corridors" for freight.'
    )
    assert direct(run(pipeline, text)) == []


@pytest.mark.model
def test_a_coined_term_in_the_reporters_own_clause_is_no_quote(pipeline: Any) -> None:
    text = (
        "Trade\n\n"
        'The states backed the opening of "quick lanes" for business travel, and maintained '
        "the flow of goods."
    )
    assert direct(run(pipeline, text)) == []


@pytest.mark.model
def test_a_coined_term_inside_what_the_cue_reports_stays_a_quote(pipeline: Any) -> None:
    text = (
        "Trade\n\n"
        "Prime Minister Narendra Modi criticised the neighbour, insisting it must build a "
        '"calmer climate" for the talks.'
    )
    assert [q.text for q in direct(run(pipeline, text))] == ["calmer climate"]


@pytest.mark.model
def test_a_phrase_of_its_own_as_the_object_stays_a_quote(pipeline: Any) -> None:
    text = 'Trade\n\nThe minister presented "a plan for the border" on Monday.'
    assert [q.text for q in direct(run(pipeline, text))] == ["a plan for the border"]


# ------------------------------------------------------------------ the dateline's agency


@pytest.mark.model
def test_the_agency_in_a_dateline_is_not_the_places_abbreviation(pipeline: Any) -> None:
    text = (
        "Sahel mission\n\n"
        "UNITED NATIONS (AP) \u2014 The head of the mission said the troops would stay."
    )
    ap = [m for m in run(pipeline, text).mentions if m.text == "AP"]
    assert ap and all(m.actor != "igo:un" for m in ap)


@pytest.mark.model
def test_an_abbreviation_in_brackets_still_names_the_organisation(pipeline: Any) -> None:
    text = (
        "Sahel mission\n\nThe African Union (AU) met on Monday. The AU said the troops would stay."
    )
    au = [m for m in run(pipeline, text).mentions if m.text == "AU"]
    assert au and all(m.actor == "igo:au" for m in au)
