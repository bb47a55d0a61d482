"""Constructions left over from round 14 of the speech review (docs/review/speech.md), in our
own words (speech17):

* a relay through a text: '"…," the statement reported him as telling X' — the words are the
  man quoted, named before, never the statement's;
* an addressee outlet past the speaker's relative clause: '"…," X, whose militia …, told the
  agency' — X speaks; the name after "told" is the one told;
* a follow-on quote after a fragment paragraph ("While the fighting goes on."), after a
  sentence ending in the subject's own quoted words, and after "had an assessment …:";
* an untagged surname with a role apposition ("Okafor, the UN refugee chief,") is the person
  the article named in full, never the organisation of the role;
* "the minister" takes up the head of a department named before ("The head of the Department
  of Finance, X").
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import direct, run, source_of


def speakers(an: Any) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in direct(an)}


def speaker_of(an: Any, words: str) -> str | None:
    found = [q for q in direct(an) if q.text.startswith(words)]
    assert found, speakers(an)
    return found[0].speaker.text if found[0].speaker else None


# ------------------------------------------------------------------ a relay through a text

RELAY = (
    "Ruritanian President Tomas Kerel said the talks in Vella on Friday were the last chance "
    "for a truce, the Ruritanian foreign ministry said in a statement on Thursday.\n\n"
    "\u201cTomorrow\u2019s meeting in Vella is the last chance to agree a truce and pull back "
    "the guns,\u201d the statement {tag}."
)


@pytest.mark.model
def test_the_statement_reported_him_as_telling_gives_the_words_to_him(pipeline: Any) -> None:
    text = RELAY.format(tag="reported him as telling Valdonian Foreign Minister Ana Ruiz")
    who = speaker_of(run(pipeline, text, title="Talks"), "Tomorrow")
    assert who is not None and "Kerel" in who


@pytest.mark.model
def test_the_statement_that_reports_no_one_keeps_the_words(pipeline: Any) -> None:
    text = RELAY.format(tag="reported after a call with Valdonian Foreign Minister Ana Ruiz")
    who = speaker_of(run(pipeline, text, title="Talks"), "Tomorrow")
    assert who is not None and "ministry" in who


@pytest.mark.model
def test_a_claim_the_statement_reports_him_as_saying_is_his_through_it(pipeline: Any) -> None:
    text = "The statement reported Kerel as saying that the border would reopen in May."
    recs = [a for a in run(pipeline, text).attributions if "border would reopen" in a.claim.text]
    assert recs and recs[0].reporter.text == "Kerel"
    assert recs[0].via is not None and recs[0].via.text == "The statement"


@pytest.mark.model
def test_a_claim_the_statement_reports_stays_the_statements(pipeline: Any) -> None:
    text = "The statement reported that the border would reopen in May."
    recs = [a for a in run(pipeline, text).attributions if "border would reopen" in a.claim.text]
    assert recs and recs[0].reporter.text == "The statement" and recs[0].via is None


# ------------------------------------------------------------------ "…, told Reuters"


@pytest.mark.model
def test_the_outlet_told_past_a_relative_clause_is_not_the_speaker(pipeline: Any) -> None:
    text = (
        "Rebels captured the town of Kafr Dala on Thursday, a monitoring group said.\n\n"
        '"By this morning the town was entirely ours," Samir al-Haddad, whose rebel group '
        "Liwa al-Nour is taking part in the fighting, told Reuters. The group fights under "
        "the banner of the southern front."
    )
    who = speaker_of(run(pipeline, text, title="Town taken"), "By this morning")
    assert who is not None and "Haddad" in who and "Reuters" not in who


@pytest.mark.model
def test_an_outlet_set_after_said_is_still_the_speaker(pipeline: Any) -> None:
    text = (
        "Rebels captured the town of Kafr Dala on Thursday, a monitoring group said.\n\n"
        "The town fell to the rebels after two days of shelling, reported Reuters."
    )
    found = source_of(run(pipeline, text, title="Town taken"), "after two days of shelling")
    assert found is not None and "Reuters" in found[0]


# ------------------------------------------------------------------ follow-on quotes

AID = (
    "Aid chief Lena Marsh told the council the agency needed 300 million dollars.\n\n"
    "She said that half of the people of the province needed food.\n\n"
    "{between}\n\n"
    '"I repeat the same plea to every party: only a truce will bring the food in."'
)


@pytest.mark.model
def test_a_quote_after_a_fragment_paragraph_goes_on_with_the_speech(pipeline: Any) -> None:
    text = AID.format(between="While the fighting continues to block the roads.")
    who = speaker_of(run(pipeline, text, title="Famine warning"), "I repeat the same plea")
    assert who is not None and "Marsh" in who


@pytest.mark.model
def test_a_quote_after_a_paragraph_of_narration_has_no_speaker(pipeline: Any) -> None:
    text = AID.format(between="The fighting continues to block the roads to the north.")
    who = speaker_of(run(pipeline, text, title="Famine warning"), "I repeat the same plea")
    assert who is None or "Marsh" not in who


BLOC = (
    "Foreign Minister Karel Vostra met reporters in Vella on Friday.\n\n"
    "He said there was no reason to leave the trade bloc. {sentence} "
    '"That can only come with open markets and with the help of our neighbours."'
)


@pytest.mark.model
def test_a_quote_after_the_subjects_own_quoted_words_is_his(pipeline: Any) -> None:
    sentence = 'But he advocated turning it into a body capable of "driving modern growth."'
    text = BLOC.format(sentence=sentence)
    who = speaker_of(run(pipeline, text, title="Minister on the bloc"), "That can only come")
    assert who is not None and "Vostra" in who


@pytest.mark.model
def test_a_quote_after_a_things_quoted_words_is_not_the_ministers(pipeline: Any) -> None:
    sentence = 'But the new treaty turned it into a body capable of "driving modern growth."'
    text = BLOC.format(sentence=sentence)
    who = speaker_of(run(pipeline, text, title="Minister on the bloc"), "That can only come")
    assert who is None or "Vostra" not in who


TALKS = (
    "Envoys from the six states met in Geneva on Monday for a fourth round.\n\n"
    "A senior Ruritanian official {clause} of the round, which has been held at a hotel by "
    'the lake: "Despite two days of meetings, we have not moved a single step."'
)


@pytest.mark.model
def test_a_quote_after_had_an_assessment_colon_is_the_holders(pipeline: Any) -> None:
    text = TALKS.format(clause="had an equally bleak assessment")
    who = speaker_of(run(pipeline, text, title="Talks stall"), "Despite two days")
    assert who is not None and "official" in who


@pytest.mark.model
def test_a_quote_after_faced_a_question_colon_is_not_the_officials(pipeline: Any) -> None:
    text = TALKS.format(clause="faced a blunt question about the failure")
    who = speaker_of(run(pipeline, text, title="Talks stall"), "Despite two days")
    assert who is None or "official" not in who


# ------------------------------------------------------------------ an untagged surname, a role


@pytest.mark.model
def test_a_surname_with_a_role_apposition_is_the_person_not_the_organisation(
    pipeline: Any,
) -> None:
    text = (
        "The ruling was welcomed by several leaders, including UN refugee chief Maria Okafor "
        "and the President of Ruritania.\n\n"
        "Okafor, the UN refugee chief, praised the judges' decision.\n\n"
        "She said in a statement that the ruling showed that justice could be slow but sure."
    )
    an = run(pipeline, text, title="Leaders welcome ruling")
    found = [a for a in an.attributions if "justice could be slow" in a.claim.text]
    assert found, [(a.reporter.text, a.claim.text) for a in an.attributions]
    rep = found[0].reporter
    assert rep.actor != "igo:un" and "Okafor" in rep.text
    okafor = {m.actor for m in an.mentions if m.text == "Maria Okafor"}
    assert rep.actor in okafor


# ------------------------------------------------------------------ "the minister", a dept. head

MINISTRY = (
    "{intro}, told the committee that the agency would keep the sanctions in place.\n\n"
    '"The funds will be spent in line with the new law," explained the minister.'
)


@pytest.mark.model
def test_the_minister_takes_up_the_head_of_a_department(pipeline: Any) -> None:
    text = MINISTRY.format(intro="The head of the Ruritanian Department of Finance, Tomas Berger")
    who = speaker_of(run(pipeline, text, title="Sanctions stay"), "The funds will be spent")
    assert who is not None and "Berger" in who


@pytest.mark.model
def test_the_minister_takes_up_a_name_hung_on_the_department(pipeline: Any) -> None:
    text = (
        "The head of the Ruritanian Department of the Treasury, Tomas Berger, assured lawmakers "
        "at hearings in the Senate that the ministry under his control will keep the sanctions "
        "in place.\n\n"
        "The hearings were held in the budget committee. \u201cThe funds will be spent in line "
        "with the new law,\u201d explained the minister."
    )
    who = speaker_of(run(pipeline, text, title="Sanctions stay"), "The funds will be spent")
    assert who is not None and "Berger" in who


@pytest.mark.model
def test_the_minister_is_not_the_head_of_an_office_in_the_ministry(pipeline: Any) -> None:
    text = MINISTRY.format(intro="The head of the finance ministry's press office, Tomas Berger")
    who = speaker_of(run(pipeline, text, title="Sanctions stay"), "The funds will be spent")
    assert who is None or "Berger" not in who


# ------------------------------------------------------------------ "…, A and B said" ending a lede

LEDE = (
    "Insurgents seized a border crossing in the north on Monday after a week of clashes with "
    "army units{source} said.\n\n"
    "The crossing had been held by the army since 2016."
)


@pytest.mark.model
def test_a_conjoined_source_ending_a_lede_is_the_source(pipeline: Any) -> None:
    text = LEDE.format(source=", rebels and the Free Media Centre monitoring group")
    recs = [a for a in run(pipeline, text).attributions if "seized a border" in a.claim.text]
    assert recs, [(a.reporter.text, a.claim.text) for a in run(pipeline, text).attributions]
    assert recs[0].reporter.text == "rebels and the Free Media Centre monitoring group"
    assert recs[0].claim.text.endswith("clashes with army units")


@pytest.mark.model
def test_a_list_in_the_claim_before_its_own_source_stays_in_the_claim(pipeline: Any) -> None:
    text = LEDE.format(source=" and the police, the Free Media Centre monitoring group")
    recs = [a for a in run(pipeline, text).attributions if "seized a border" in a.claim.text]
    assert recs and recs[0].reporter.text == "the Free Media Centre monitoring group"
    assert recs[0].claim.text.endswith("army units and the police")
