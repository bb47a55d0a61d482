"""Constructions met in round 17 of the speech review (docs/review/speech.md), in our own words.

* a verb of saying inside a condition ("… if Ruritania decides the rebels broke the truce")
  reports nothing anyone has said;
* the wire dateline ("LUSAKA, March 3 —") is never the antecedent of "It warned", and a station
  ("the state radio") is an "it" that speaks;
* places before a colon open a line as a dateline does ("Dhaka, Bangladesh: Leaders of …");
* "The radio said that A were untrue and charged that B": B is the radio's, and A stops
  before "and charged";
* a dash after a quote followed by a place or thing ("'…' - the hills near X which …")
  names no speaker;
* "The announcement from the UN office in X said" is the office's claim;
* "…, according to the group." is the organisation named before, and so are the words in
  marks of that sentence;
* '"…," it said' after the quoted paragraphs of a statement is the statement's issuer.
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import direct, run, source_of


def speakers(an: Any) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in direct(an)}


# ------------------------------------------------------------------ conditions

IF_CLAUSE = (
    "Fighting will resume soon, a senior official said on Friday, adding that new strikes "
    "would follow if Ruritania concludes the rebels broke the truce."
)


@pytest.mark.model
def test_a_verb_of_saying_inside_a_condition_claims_nothing(pipeline: Any) -> None:
    an = run(pipeline, IF_CLAUSE)
    assert all(a.claim.text != "the rebels broke the truce" for a in an.attributions), [
        (a.claim.text, a.reporter.text) for a in an.attributions
    ]
    found = source_of(an, "Fighting will resume soon")
    assert found is not None and found[0] == "a senior official", found


@pytest.mark.model
def test_the_same_verb_outside_a_condition_still_claims(pipeline: Any) -> None:
    an = run(pipeline, "Ruritania says the rebels broke the truce.")
    found = source_of(an, "the rebels broke the truce")
    assert found is not None and found[0] == "Ruritania", found


# ------------------------------------------------------------------ datelines

RADIO = (
    "LUSAKA, March 3 — The state radio said tonight that the border reports were false.\n\n"
    "It warned that Zambia would answer any raid on its soil."
)


@pytest.mark.model
def test_it_after_a_station_is_the_station_not_the_dateline(pipeline: Any) -> None:
    an = run(pipeline, RADIO)
    found = source_of(an, "Zambia would answer any raid")
    assert found is not None and found[0] == "The state radio", found
    assert found[1] is None, found  # not the state named in the dateline


COLON_DATELINE = (
    "Dhaka, Bangladesh: Leaders of nine opposition parties on Monday said the blame for "
    "the standoff lies with the cabinet."
)


@pytest.mark.model
def test_places_before_a_colon_are_no_part_of_the_source(pipeline: Any) -> None:
    an = run(pipeline, COLON_DATELINE)
    found = source_of(an, "the blame for the standoff lies with the cabinet")
    assert found is not None, an.attributions
    text, actor = found
    assert text.startswith("Leaders of nine opposition parties"), text
    assert actor is None, actor  # the opposition leaders are not Bangladesh


def test_a_colon_dateline_needs_places_only(nlp: Any) -> None:
    from parley.nlp.dateline import dateline_end

    doc = nlp("Dhaka, Bangladesh: Leaders of nine parties said the talks failed.")
    colon = next(t.i for t in doc if t.text == ":")
    assert dateline_end(doc) == colon + 1
    doc = nlp("Opposition leaders: the talks failed, they said.")
    assert dateline_end(doc) is None


# ------------------------------------------------------------------ a second verb of saying

CHARGED = (
    'The state radio said tonight that Sylvanian claims of a raid were "pure invention" '
    "and charged that Sylvania was massing troops on the border."
)


@pytest.mark.model
def test_a_second_verb_joined_to_the_reported_clause_is_the_first_speakers(
    pipeline: Any,
) -> None:
    an = run(pipeline, CHARGED)
    found = source_of(an, "Sylvania was massing troops on the border")
    assert found is not None and found[0] == "The state radio", found
    first = [a for a in an.attributions if "claims of a raid" in a.claim.text]
    assert first and "charged" not in first[0].claim.text, [a.claim.text for a in first]


# ------------------------------------------------------------------ dash after a quote

DASH_PLACE = (
    "Mr Okoro told reporters as he left: 'We will not return to the table' - the hills "
    "near Lagos which the rebels took last week."
)


@pytest.mark.model
def test_a_place_after_a_dash_is_no_credit(pipeline: Any) -> None:
    an = run(pipeline, DASH_PLACE)
    assert speakers(an).get("We will not return to the table") == "Mr Okoro", speakers(an)


@pytest.mark.model
def test_a_person_after_a_dash_is_still_a_credit(pipeline: Any) -> None:
    an = run(pipeline, '"We will not sign this text" — a spokesman for the ministry.')
    assert speakers(an).get("We will not sign this text") == "a spokesman for the ministry"


# ------------------------------------------------------------------ texts and their issuers

ANNOUNCED = (
    "The brief announcement from the UN office in Accra also said that the army is expected "
    "to free several detainees."
)


@pytest.mark.model
def test_an_announcement_from_an_office_is_the_offices(pipeline: Any) -> None:
    an = run(pipeline, ANNOUNCED)
    found = source_of(an, "the army is expected to free several detainees")
    assert found is not None and found[0] == "the UN office in Accra", found


GROUP = (
    "Those held include the writer Kofi Mensah, the Ghana Rights Watch (GRW) said. She was "
    'arrested on Monday and is "being held in a place nobody knows", according to the group.'
)


@pytest.mark.model
def test_according_to_the_group_is_the_group_named_before(pipeline: Any) -> None:
    an = run(pipeline, GROUP)
    named = source_of(an, "Those held include the writer Kofi Mensah")
    later = source_of(an, "She was arrested on Monday")
    assert named is not None and later is not None, an.attributions
    assert named[1] is not None and later[1] == named[1], (named, later)
    quote = [q for q in direct(an) if q.text == "being held in a place nobody knows"]
    assert quote and quote[0].speaker is not None, quote
    assert quote[0].speaker.actor == named[1], quote


@pytest.mark.model
def test_according_to_the_officials_stays_words(pipeline: Any) -> None:
    an = run(pipeline, "The talks will resume on Monday, according to the officials.")
    found = source_of(an, "The talks will resume on Monday")
    assert found is not None and found == ("the officials", None), found


STATEMENT = (
    "In a joint statement, nine leaders of the opposition said the cabinet had misled the "
    "country about the border deal.\n\n"
    '"The blame for the standoff lies with the cabinet, which refuses a debate in both '
    'chambers," according to the statement.\n\n'
    '"The opposition asks the cabinet once more to allow a full debate.\n\n'
    '"The opposition parties stand united on their demand for a debate on the border deal," '
    "it said."
)


@pytest.mark.model
def test_it_said_after_a_statements_quoted_paragraphs_is_its_issuer(pipeline: Any) -> None:
    an = run(pipeline, STATEMENT)
    said = speakers(an)
    leaders = "nine leaders of the opposition"
    assert said.get("The opposition asks the cabinet once more to allow a full debate.") == leaders
    united = [t for t in said if t.startswith("The opposition parties stand united")]
    assert united and said[united[0]] == leaders, said


@pytest.mark.model
def test_words_a_subject_calls_something_stay_the_subjects(pipeline: Any) -> None:
    text = (
        "Karl Mendt, the spokesman of Sylvania's foreign ministry, dismissed the report as "
        '"a crude attempt to win sympathy abroad", according to the Tanuk news agency.'
    )
    said = speakers(run(pipeline, text))
    assert said.get("a crude attempt to win sympathy abroad", "").startswith("Karl Mendt"), said


# ------------------------------------------------------------------ sources and claim bounds

MEDIATORS = (
    "Jon Mabry, spokesman for the mediators, Lord Avon and Karl Strand, told reporters there "
    "would be no meetings today."
)


@pytest.mark.model
def test_names_listed_after_a_plural_role_are_no_more_sources(pipeline: Any) -> None:
    an = run(pipeline, MEDIATORS)
    sources = [a.reporter.text for a in an.attributions if "no meetings today" in a.claim.text]
    assert len(sources) == 1 and sources[0].startswith("Jon Mabry"), sources


@pytest.mark.model
def test_senators_listed_together_still_each_speak(pipeline: Any) -> None:
    an = run(
        pipeline,
        "Senators Ann Ruiz, Tom Webb and Lee Park wrote in a letter that the deal was flawed.",
    )
    sources = {a.reporter.text for a in an.attributions if a.claim.text == "the deal was flawed"}
    assert {"Tom Webb", "Lee Park"} <= sources, sources


@pytest.mark.model
def test_a_claim_stops_before_the_writers_gloss_after_a_dash(pipeline: Any) -> None:
    text = (
        "The mediators announced yesterday there would be no more talks until Monday - a "
        "clear sign that they were struggling to bring the government back."
    )
    found = [a.claim.text for a in run(pipeline, text).attributions]
    assert found == ["there would be no more talks until Monday"], found


@pytest.mark.model
def test_a_dash_before_a_definite_phrase_stays_in_the_claim(pipeline: Any) -> None:
    text = "The minister said the border would reopen on Monday - the day after the vote."
    found = [a.claim.text for a in run(pipeline, text).attributions]
    assert found and found[0].endswith("the day after the vote"), found


@pytest.mark.model
def test_a_predicate_split_off_as_a_second_complement_finishes_the_claim(pipeline: Any) -> None:
    text = (
        "French Foreign Minister Paul Renard said on Monday that talks on a truce in Darfur "
        "were progressing as he joined Anne Holt in Qatar."
    )
    claims = [a.claim.text for a in run(pipeline, text).attributions]
    assert any(c.startswith("talks on a truce in Darfur were progressing") for c in claims), claims


@pytest.mark.model
def test_a_claim_goes_on_past_an_apposition_to_its_predicate(pipeline: Any) -> None:
    text = (
        "The ministry said over the weekend that it had received word that the soldier "
        "Yossi Adler, also captured in 1986, is also dead."
    )
    claims = [a.claim.text for a in run(pipeline, text).attributions]
    assert any(c.endswith("is also dead") for c in claims), claims


# ------------------------------------------------------------------ quotes

MADE_CLEAR = (
    'As the president made it clear that he would not negotiate with "bandits," the armed '
    "groups in the hills also stated that they reject the talks."
)


@pytest.mark.model
def test_words_in_marks_under_made_it_clear_are_that_subjects(pipeline: Any) -> None:
    said = speakers(run(pipeline, MADE_CLEAR))
    assert said.get("bandits") != "the armed groups in the hills", said


SINGLE_MARKS = (
    "Serbs oppose this. 'We have agreed to open the road,' the rebels' deputy leader, Ivo "
    "Marek, said after speaking to Mr Brandt on the phone yesterday. 'With this we are "
    "removing every obstacle to the talks.' The withdrawal should be complete by today, "
    "Mr Marek said."
)


@pytest.mark.model
def test_a_sentence_in_single_marks_goes_on_the_speech_before(pipeline: Any) -> None:
    said = speakers(run(pipeline, SINGLE_MARKS))
    follow = said.get("With this we are removing every obstacle to the talks.")
    assert follow is not None and "Ivo Marek" in follow, said


# ------------------------------------------------------------------ relayed through a paper

QUOTED_AS = (
    "Several lawyers have been beaten in custody, the Daily Graphic quoted the advocacy group "
    "Ghana Rights Watch (GRW), as saying."
)


@pytest.mark.model
def test_a_claim_before_quoted_x_as_saying_is_xs_through_the_paper(pipeline: Any) -> None:
    an = run(pipeline, QUOTED_AS)
    found = [a for a in an.attributions if a.claim.text.startswith("Several lawyers")]
    assert found, an.attributions
    rec = found[0]
    assert "Ghana Rights Watch" in rec.reporter.text, rec.reporter
    assert rec.reporter.actor != "GHA", rec.reporter  # the group is not the state
    assert rec.via is not None and "Daily Graphic" in rec.via.text, rec.via


@pytest.mark.model
def test_a_state_named_alone_still_speaks(pipeline: Any) -> None:
    found = source_of(run(pipeline, "Ghana said the talks would resume on Monday."), "talks")
    assert found == ("Ghana", "GHA"), found


@pytest.mark.model
def test_a_second_verb_of_saying_after_but_is_not_merged_into_the_claim(pipeline: Any) -> None:
    text = (
        "Presidential aide Omar Dalen said Sylvania remained committed to a peace treaty but "
        'warned that it would "answer any further attack".'
    )
    claims = [a.claim.text for a in run(pipeline, text).attributions]
    assert "Sylvania remained committed to a peace treaty" in claims, claims
