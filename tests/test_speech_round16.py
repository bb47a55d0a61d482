"""Constructions met in round 16 of the speech review (docs/review/speech.md), in our own words.

* the subject of an embedded question ("asked … whether the terms had been shared and what
  is the exact schedule of …") is no antecedent of the next "she said";
* in an interview transcript, "he" inside a turn is neither side of the dialogue, and a tag
  that opens a quotation ('…, he said, "…"') claims nothing of the words before it;
* "A claimed X while B rejected every charge, stressing that Y": Y is B's, X stops at "while";
* "the Chilean permanent representative" is the person introduced as "Permanent
  Representative of Chile to the United Nations X" (the title names the state);
* 'Briefing delegates from Vienna, X said': the opening phrase is no second subject; a name
  the parser joins to the dateline's date ("UNITED NATIONS, March 4 -- X, the envoy, told")
  is still the subject;
* '"…," a senior official, speaking on background, told reporters': the official speaks;
* "She attributed the failure to pressure from abroad" claims the cause she gives (also when
  the parser hangs "to …" on an infinitive inside the object);
* names of charges in marks after "charges including" are no quotes.
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import direct, run, source_of


def speakers(an: Any) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in direct(an)}


# ------------------------------------------------------------------ embedded questions

ASKED = (
    "KARACHI - The opposition in the Senate on Tuesday asked the government to share the "
    "details of the border accord with Parliament.\n\n"
    "The Parliamentary leader of the Green Party (GP) in the Senate Ms Farida Qazi on a point "
    "of public concern asked the government to inform whether the details of the border accord "
    "had been fully shared with Ruritania and what is the actual time frame of withdrawal of "
    "troops from the border.\n\n"
    "Remarking that the accord was signed in haste, she said that some doubts were now being "
    "raised within Ruritania and Sylvania on the accord signed on March 3, 2021 in Lisbon."
)


@pytest.mark.model
def test_the_subject_of_an_embedded_question_is_no_antecedent(pipeline: Any) -> None:
    an = run(pipeline, ASKED)
    found = source_of(an, "some doubts were now being raised")
    assert found is not None and "Farida Qazi" in found[0], found
    assert "time frame" not in (source_of(an, "signed in haste") or ("", None))[0]


def test_asked_about_reads_whether_and_question_words(nlp: Any) -> None:
    from parley.extract.speech.antecedents import asked_about

    doc = nlp("She asked whether the minister would come and what is the exact schedule.")
    subjects = {t.text: asked_about(t) for t in doc if t.dep_ in ("nsubj", "nsubjpass")}
    assert subjects.get("She") is False and subjects.get("schedule") is True, subjects
    doc = nlp("When the minister arrived, the envoy who met him said the talks would go on.")
    subjects = {t.text: asked_about(t) for t in doc if t.dep_ in ("nsubj", "nsubjpass")}
    assert not any(subjects.values()), subjects


# ------------------------------------------------------------------ interview turns

TRANSCRIPT = (
    "Transcript: President Emmanuel Macron\n\n"
    "BAKER: But last year you said the general had to go.\n\n"
    "MACRON: What we can do is make sure that the worst weapons are never used again.\n\n"
    "BAKER: And President Xi has become your partner--\n\n"
    "MACRON: Yes.\n\n"
    'BAKER: ...in this. And even in his speech, which caused a stir here, he said, "The rebels '
    'fired the first shot." So is he lying to protect the general?\n\n'
    "MACRON: Nobody takes seriously the idea that the rebels fired first."
)


@pytest.mark.model
def test_he_inside_a_turn_is_neither_side_of_the_interview(pipeline: Any) -> None:
    an = run(pipeline, TRANSCRIPT)
    quotes = speakers(an)
    said = [q for q in quotes if q.startswith("The rebels fired")]
    assert said, quotes
    who = quotes[said[0]] or ""
    assert "MACRON" not in who and "BAKER" not in who, quotes
    assert "Xi" in who, quotes  # named in the turn before, past the labels
    assert quotes.get("Yes.") == "MACRON", quotes  # the turns stay their speakers'


@pytest.mark.model
def test_a_tag_opening_a_quotation_claims_nothing_before_it(pipeline: Any) -> None:
    an = run(pipeline, TRANSCRIPT)
    assert source_of(an, "caused a stir") is None, [a.claim.text for a in an.attributions]


@pytest.mark.model
def test_a_tag_inside_a_claim_still_credits_the_sentence(pipeline: Any) -> None:
    an = run(pipeline, "The council, the envoy said, had become a place of quarrels.")
    found = source_of(an, "council")
    assert found is not None and "envoy" in found[0], found


# ------------------------------------------------------------------ while …, stressing that …


@pytest.mark.model
@pytest.mark.parametrize("role", ["envoy", "permanent representative"])
def test_a_participle_after_a_rejection_goes_with_the_rejecting_party(
    pipeline: Any, role: str
) -> None:
    text = (
        "Ruritania accused the Federation of supplying rockets to the rebels while the "
        f"Federation's {role} to the United Nations rejected every charge, stressing that his "
        "country had never armed either side."
    )
    an = run(pipeline, text)
    stressed = source_of(an, "had never armed either side")
    assert stressed is not None and role in stressed[0], stressed
    accused = [a.claim.text for a in an.attributions if a.reporter.text == "Ruritania"]
    assert accused and all("envoy" not in c for c in accused), accused


REPRESENTATIVE = (
    "Peru rejected the new sanctions a day after the condemnation of the move by Permanent "
    "Representative of {state} to the United Nations Pablo Ortega. The EU claimed that the two "
    "firms had sold drones to the militia while the Chilean permanent representative ruled out "
    "all accusations, emphasizing that Chile had never sold any drones."
)


@pytest.mark.model
def test_a_demonym_description_goes_back_to_the_title_naming_the_state(pipeline: Any) -> None:
    an = run(pipeline, REPRESENTATIVE.format(state="Chile"))
    found = source_of(an, "Chile had never sold")
    assert found is not None and "Pablo Ortega" in found[0], found


@pytest.mark.model
def test_a_demonym_description_of_another_state_stays_words(pipeline: Any) -> None:
    an = run(pipeline, REPRESENTATIVE.format(state="Bolivia"))
    found = source_of(an, "Chile had never sold")
    assert found is not None and "Ortega" not in found[0], found
    assert "Chilean permanent representative" in found[0], found


@pytest.mark.model
def test_while_of_time_stays_in_the_claim(pipeline: Any) -> None:
    text = "The envoy said the ceasefire would hold while the talks in Vienna go on."
    an = run(pipeline, text)
    assert [a.claim.text for a in an.attributions if "ceasefire" in a.claim.text] == [
        "the ceasefire would hold while the talks in Vienna go on"
    ]


# ------------------------------------------------------------------ phrases beside the speaker


@pytest.mark.model
def test_an_opening_participial_phrase_is_not_the_source(pipeline: Any) -> None:
    text = (
        "Briefing delegates from Vienna, Petersen said that over the past month nearly "
        "20,000 people had fled the fighting in the north."
    )
    found = source_of(run(pipeline, text), "20,000 people")
    assert found is not None and found[0] == "Petersen", found


@pytest.mark.model
def test_a_speaker_the_parser_joins_to_the_dateline_date(pipeline: Any) -> None:
    text = (
        "UNITED NATIONS, March 4 -- Karl Olsen, the UN special envoy for Libya, on Monday "
        "told the Security Council that a new round of talks would open in Geneva."
    )
    found = source_of(run(pipeline, text), "a new round of talks")
    assert found is not None and "Karl Olsen" in found[0], found


@pytest.mark.model
def test_a_participial_aside_between_speaker_and_verb(pipeline: Any) -> None:
    text = (
        "“We have spent months building pressure on the regime to bring it back to the table "
        "and to a more lasting settlement,” a senior administration official, speaking on "
        "background, told reporters on a call hosted by the Treasury today."
    )
    quotes = speakers(run(pipeline, text))
    said = [q for q in quotes if q.startswith("We have spent months")]
    assert said and quotes[said[0]] == "a senior administration official", quotes


@pytest.mark.model
def test_words_after_a_quote_that_are_no_speaker_stay_none(pipeline: Any) -> None:
    text = "“We will not leave,” the crowd chanted outside, and the drums went on."
    quotes = speakers(run(pipeline, text))
    assert all(v != "the drums" for v in quotes.values()), quotes


# ------------------------------------------------------------------ attributed X to Y


@pytest.mark.model
def test_attributed_the_failure_to_a_cause_is_a_claim(pipeline: Any) -> None:
    text = (
        "Mrs Ada Mensah, a Ghanaian diplomat, said the split would set the region back years. "
        "She attributed the failure to pressure from abroad."
    )
    found = source_of(run(pipeline, text), "pressure from abroad")
    assert found is not None and "Ada Mensah" in found[0], found


@pytest.mark.model
def test_attributed_with_an_infinitive_in_the_object(pipeline: Any) -> None:
    text = (
        "Another diplomat from Ghana, Mr Kofi Mensah, attributed the failure to choose new "
        "members of the council to the absence of the late Ruritanian leader Ivo Brandt."
    )
    found = source_of(run(pipeline, text), "the absence of the late")
    assert found is not None and "Kofi Mensah" in found[0], found


@pytest.mark.model
def test_a_passive_attributed_to_names_no_source(pipeline: Any) -> None:
    text = "The failure was attributed to pressure from abroad."
    assert source_of(run(pipeline, text), "pressure from abroad") is None


# ------------------------------------------------------------------ names of charges


@pytest.mark.model
def test_names_of_charges_in_marks_are_no_quotes(pipeline: Any) -> None:
    text = (
        '"The authorities are treating these students like criminals," Lina Farouk, the '
        "regional director at Rights Now, told the Associated Press.\n\n"
        'Most of those held face charges including "harming the nation\'s unity" and '
        '"spreading false news which would weaken the army" and "inciting strife", the agency '
        "reports."
    )
    quotes = speakers(run(pipeline, text))
    assert not any(w in q for q in quotes for w in ("unity", "false news", "strife")), quotes
    assert any("Farouk" in (v or "") for v in quotes.values()), quotes


@pytest.mark.model
def test_a_quote_after_charges_were_read_is_still_a_quote(pipeline: Any) -> None:
    text = (
        "The court read the charges to the eleven detainees. "
        '"We are being punished for asking for change," one of them, Karim Haddad, said.'
    )
    quotes = speakers(run(pipeline, text))
    said = [q for q in quotes if q.startswith("We are being punished")]
    assert said and "Haddad" in (quotes[said[0]] or ""), quotes


def test_charge_named_reads_the_list_after_the_opener(nlp: Any) -> None:
    from parley.extract.speech.not_quotes import charge_named

    doc = nlp('They face charges including "harming unity" and "spreading lies", he said.')
    marks = [i for i, t in enumerate(doc) if t.text == '"']
    first = doc[marks[0] + 1 : marks[1]]
    second = doc[marks[2] + 1 : marks[3]]
    assert charge_named(first) and charge_named(second)
    doc = nlp('The charges were read out before he said "we are innocent" to the court.')
    marks = [i for i, t in enumerate(doc) if t.text == '"']
    assert not charge_named(doc[marks[0] + 1 : marks[1]])
