"""Constructions met in round 18 of the speech review (docs/review/speech.md), in our own words.

* "the UN Envoy" / "The UN official" after "UN Special Envoy for X A B": the named envoy
  (the acronym belongs to the title), not the United Nations, and not left unlinked;
* a name in marks after a preposition ('reported for "Morning Courier"') is nobody's speech;
* the writer's remark after a claim (", without saying …", ", and it is not clear …") is no
  part of it;
* "A and B accused each other of X" is one claim of both, never "A: each other of X";
* "…, with more than half of the districts declared." reports nobody's words;
* a claim's end that the parser hung on the closing tag ("…, working with other agencies,
  the power to …, the officials said") is part of the claim;
* a transcript's bare "Q" label opens the interviewer's turn;
* "An agency reported that A … and a man told reporters, '…'": the man's quote, the agency's
  claim;
* 'said "several good reasons" existed for …': a claim with a quoted subject.
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import direct, run, source_of


def speakers(an: Any) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in direct(an)}


def speaker_actors(an: Any) -> dict[str, str | None]:
    return {q.text: q.speaker.actor if q.speaker else None for q in direct(an)}


# ------------------------------------------------------------------ the UN envoy

ENVOY = (
    "GENEVA. UN Special Envoy for Ruritania Anders Holm on Tuesday asked the delegations to "
    "stop trading insults, the agency reports.\n\n"
    "The UN Envoy on Tuesday met the rebel and government delegations separately, giving no "
    "details but said that the meetings would go on on Wednesday.\n\n"
    "Asked about the mood of the meeting, the UN Envoy said that the mood was "
    '"calm and businesslike".\n\n'
    '"We agreed to meet again in the UN building tomorrow, and we will go on after that," '
    "he said.\n\n"
    "The UN official also told reporters that he hoped to keep both delegations in Geneva "
    "next week."
)


@pytest.mark.model
def test_the_un_envoy_is_the_envoy_named_with_the_acronym(pipeline: Any) -> None:
    an = run(pipeline, ENVOY)
    holm = next(m.actor for m in an.mentions if m.text == "Anders Holm")
    for words in ("the meetings would go on on Wednesday", "the mood was"):
        found = source_of(an, words)
        assert found is not None and found[1] == holm, (words, found)
    actors = speaker_actors(an)
    quote = next(t for t in actors if t.startswith("We agreed to meet again"))
    assert actors[quote] == holm, actors
    assert "igo:un" not in actors.values(), actors


@pytest.mark.model
def test_the_un_official_is_the_envoy_named_before(pipeline: Any) -> None:
    an = run(pipeline, ENVOY)
    holm = next(m.actor for m in an.mentions if m.text == "Anders Holm")
    found = source_of(an, "he hoped to keep both delegations in Geneva")
    assert found is not None and found[1] == holm, found


OTHER_ENVOY = (
    "Ruritania's envoy Anders Holm met the rebel delegation on Tuesday.\n\n"
    "The UN envoy said that the meetings would go on on Wednesday."
)


@pytest.mark.model
def test_the_un_envoy_is_not_another_states_envoy(pipeline: Any) -> None:
    an = run(pipeline, OTHER_ENVOY)
    holm = next(m.actor for m in an.mentions if m.text == "Anders Holm")
    found = source_of(an, "the meetings would go on on Wednesday")
    assert found is not None and found[1] != holm, found


# ------------------------------------------------------------------ names in marks

PAPER_NAME = (
    "Ruritanian government spokesman Oskar Brandt said in a statement reported for "
    '"Morning Courier", that Ruritania had received no foreign troops.\n\n'
    'Brandt said in the same statement, carried by "Evening Post", that "no foreign '
    'soldier has set foot on our soil".'
)


@pytest.mark.model
def test_a_name_in_marks_after_a_preposition_is_no_quote(pipeline: Any) -> None:
    an = run(pipeline, PAPER_NAME)
    said = speakers(an)
    assert "Morning Courier" not in said and "Evening Post" not in said, said
    found = source_of(an, "Ruritania had received no foreign troops")
    assert found is not None and found[0].endswith("Oskar Brandt"), found


@pytest.mark.model
def test_words_in_marks_after_the_name_are_still_a_quote(pipeline: Any) -> None:
    an = run(pipeline, PAPER_NAME)
    said = speakers(an)
    quote = next((t for t in said if t.startswith("no foreign soldier")), None)
    assert quote is not None and said[quote] == "Brandt", said


# ------------------------------------------------------------------ the writer's remarks

WITHOUT_SAYING = (
    "Valdoria on Friday said 32 of its border guards had been freed in a new exchange, "
    "without saying how many Ostrian soldiers were handed back."
)
NOT_CLEAR = (
    "Earlier yesterday Okafor said Ibeh's camp would not give the election results "
    '"the legitimacy" of launching a court battle, and it is not clear what form their '
    "rejection will take."
)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, start, stop",
    [
        (WITHOUT_SAYING, "32 of its border guards had been freed", "without saying"),
        (NOT_CLEAR, "would not give the election results", "it is not clear"),
    ],
)
def test_the_writers_remark_is_no_part_of_the_claim(
    pipeline: Any, text: str, start: str, stop: str
) -> None:
    an = run(pipeline, text)
    claims = [a.claim.text for a in an.attributions if start in a.claim.text]
    assert claims and all(stop not in c for c in claims), claims


@pytest.mark.model
def test_a_manner_of_acting_stays_in_the_claim(pipeline: Any) -> None:
    text = (
        "The commander said his men would withdraw from the ridge, without waiting for the "
        "mediators."
    )
    an = run(pipeline, text)
    claims = [a.claim.text for a in an.attributions if "his men would withdraw" in a.claim.text]
    assert claims and "without waiting for the mediators" in claims[0], claims


# ------------------------------------------------------------------ each other

RECIPROCAL = (
    "India and China have accused each other of firing in the air on their disputed "
    "border.\n\n"
    "Norway and Sweden said the talks would resume in May."
)


@pytest.mark.model
def test_an_accusation_of_each_other_is_one_claim_of_both(pipeline: Any) -> None:
    an = run(pipeline, RECIPROCAL)
    found = [a for a in an.attributions if "firing in the air" in a.claim.text]
    assert len(found) == 1, [(a.reporter.text, a.claim.text) for a in found]
    assert found[0].reporter.text == "India and China", found[0].reporter
    assert found[0].reporter.actor is None, found[0].reporter  # neither state alone


@pytest.mark.model
def test_states_speaking_together_still_each_speak(pipeline: Any) -> None:
    an = run(pipeline, RECIPROCAL)
    found = [a.reporter.text for a in an.attributions if "resume in May" in a.claim.text]
    assert sorted(found) == ["Norway", "Sweden"], found


# ------------------------------------------------------------------ "with … declared"

DECLARED = (
    "Early counts show the ruling party winning 58 per cent of the votes, with more than "
    "half of the districts declared."
)


@pytest.mark.model
def test_a_participle_closing_a_with_phrase_reports_nothing(pipeline: Any) -> None:
    an = run(pipeline, DECLARED)
    assert an.attributions == [], an.attributions


@pytest.mark.model
def test_a_declaring_board_still_claims(pipeline: Any) -> None:
    an = run(pipeline, "The electoral board declared that the count was over.")
    found = source_of(an, "the count was over")
    assert found is not None and found[0] == "The electoral board", found


# ------------------------------------------------------------------ the tail before the tag

TAIL = (
    "The decree, a short text of barely three pages, would give the director of border "
    "security, working with other ministries, the power to decide when an illegal crossing "
    "had taken place, the officials said."
)


@pytest.mark.model
def test_the_end_of_a_claim_hung_on_the_tag_is_kept(pipeline: Any) -> None:
    an = run(pipeline, TAIL)
    found = [a for a in an.attributions if a.reporter.text == "the officials"]
    assert found, an.attributions
    assert found[0].claim.text.endswith("when an illegal crossing had taken place"), found[0]


@pytest.mark.model
def test_a_plain_closing_tag_keeps_its_claim(pipeline: Any) -> None:
    an = run(pipeline, "The border will reopen on Monday, the officials said.")
    found = source_of(an, "The border will reopen on Monday")
    assert found is not None and found[0] == "the officials", found
    assert an.attributions[0].claim.text == "The border will reopen on Monday"


# ------------------------------------------------------------------ a bare "Q" label

TRANSCRIPT = (
    "Interview of the Prime Minister with Regional Newspapers\n\n"
    "THE PRIME MINISTER: Good morning. Thanks for coming.\n\n"
    "MS. ALVES: Everything is on the record, but nothing is to be used before the papers "
    "print.\n\n"
    "THE PRIME MINISTER: Fine, so hold your stories, all right? (Laughter.)\n\n"
    "Q That is very kind of you, Prime Minister.\n\n"
    "THE PRIME MINISTER: Two points. First, I am glad to be making the trip.\n\n"
    "And I hope to see old friends there."
)


@pytest.mark.model
def test_a_bare_q_opens_the_interviewers_turn(pipeline: Any) -> None:
    an = run(pipeline, TRANSCRIPT)
    said = speakers(an)
    assert not any("very kind of you" in t for t in said), said
    answer = next(t for t in said if t.startswith("Two points"))
    assert said[answer] == "THE PRIME MINISTER", said


@pytest.mark.model
def test_the_last_turn_of_a_bare_q_transcript_runs_to_the_end(pipeline: Any) -> None:
    an = run(pipeline, TRANSCRIPT)
    said = speakers(an)
    last = next((t for t in said if t.startswith("And I hope to see old friends")), None)
    assert last is not None and said[last] == "THE PRIME MINISTER", said


# ------------------------------------------------------------------ a medium's report

REPORTED = (
    "Lusitania's Delta news service reported from Vilnor that the gunmen called a news "
    "conference in the seized compound and a bearded man in his thirties told reporters, "
    '"We will stay here until our demands are met."\n\n'
    'Mr Soto said the minister told reporters, "We will not negotiate."'
)


@pytest.mark.model
def test_the_quote_is_the_mans_not_the_agencys(pipeline: Any) -> None:
    an = run(pipeline, REPORTED)
    said = speakers(an)
    quote = next(t for t in said if t.startswith("We will stay here"))
    assert said[quote] == "a bearded man in his thirties", said


@pytest.mark.model
def test_the_agency_reports_the_news_conference(pipeline: Any) -> None:
    an = run(pipeline, REPORTED)
    found = source_of(an, "the gunmen called a news conference")
    assert found is not None and found[0] == "Lusitania's Delta news service", found


@pytest.mark.model
def test_words_told_through_a_person_stay_his(pipeline: Any) -> None:
    an = run(pipeline, REPORTED)
    said = speakers(an)
    quote = next(t for t in said if t.startswith("We will not negotiate"))
    assert said[quote] == "Mr Soto", said


# ------------------------------------------------------------------ a quoted subject

QUOTED_SUBJECT = (
    'Court spokeswoman Ines Varga said "several good reasons" existed for keeping the '
    "warrants sealed, including the safety of witnesses.\n\n"
    'The judge said "the hearing was a shambles" before the court rose.'
)


@pytest.mark.model
def test_a_quoted_subject_leaves_a_claim(pipeline: Any) -> None:
    an = run(pipeline, QUOTED_SUBJECT)
    found = [a for a in an.attributions if "existed for keeping the warrants" in a.claim.text]
    assert found and found[0].reporter.text == "Court spokeswoman Ines Varga", found
    assert found[0].claim.text.startswith('"several good reasons"'), found[0].claim


@pytest.mark.model
def test_a_quoted_clause_opening_the_claim_is_still_the_quote(pipeline: Any) -> None:
    an = run(pipeline, QUOTED_SUBJECT)
    assert source_of(an, "the hearing was a shambles") is None, an.attributions
    assert speakers(an).get("the hearing was a shambles") == "The judge", speakers(an)


# ------------------------------------------------------------------ a quote never closed

UNCLOSED = (
    "An aide at the French mission, reached by phone from Paris, said it appeared "
    '"as though the delegates will have to sleep at the airport. Ministry spokesman '
    "Varela said the envoy and two aides were at the palace at the time of the raid."
)


@pytest.mark.model
def test_a_partial_quote_never_closed_ends_with_its_sentence(pipeline: Any) -> None:
    an = run(pipeline, UNCLOSED)
    said = speakers(an)
    quote = next(t for t in said if t.startswith("as though the delegates"))
    assert "Varela" not in quote, quote
    found = source_of(an, "the envoy and two aides were at the palace")
    assert found is not None and found[0] == "Ministry spokesman Varela", found


@pytest.mark.model
def test_a_paraphrase_of_a_linking_verb_alone_is_no_claim(pipeline: Any) -> None:
    an = run(pipeline, UNCLOSED)
    assert all(a.claim.text != "it appeared" for a in an.attributions), an.attributions


@pytest.mark.model
def test_a_sentence_quote_never_closed_runs_over_its_sentences(pipeline: Any) -> None:
    an = run(pipeline, 'The commander said: "We will stay. We will not leave the ridge.')
    said = speakers(an)
    assert any("We will stay. We will not leave the ridge" in t for t in said), said


@pytest.mark.model
def test_a_quoted_condition_still_leaves_the_claim(pipeline: Any) -> None:
    an = run(pipeline, 'Soto said Lusitania was ready to help "if our partners ask for it".')
    found = source_of(an, "Lusitania was ready to help")
    assert found is not None and found[0] == "Soto", found
