"""Constructions met in round 13 of the speech review (docs/review/speech.md), in our own words.

* '"…," the Oslo daily quotes him as saying': the words are the man quoted (named before),
  never the paper's, and an object pronoun never stands for its own verb's subject;
* "the king's statement that he would "…"", "agreed with Mandela's statement (at …) that
  "…"": words in the complement of a possessed speech noun are the owner's;
* "Minister X has slammed the tariffs as …, he stated": the tag's "he" is the subject of
  the claim fronted before it;
* "CLAIM, Deputy Minister X told a briefing" with the tag hung on the claim's verb: X is the
  source of the claim before the comma;
* "That said, Minister, I would like …": a set phrase of the speaker, no reported speech;
* "X insists he won even though the opposition says …": a concessive clause holding another
  party's speech ends X's claim;
* "the opposition says" is not the "opposition candidate X" named before;
* "The 70-year-old said …" takes up the person named before, like "he";
* titles: "the head of the United Nations Regional Office for …" heads an office of the UN,
  not the UN: it is not the Secretary-General.
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import direct, run, source_of


def speakers(an: Any) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in direct(an)}


# ------------------------------------------------------------------ "quotes him as saying"


@pytest.mark.model
def test_the_paper_quotes_her_as_saying_gives_the_words_to_her(pipeline: Any) -> None:
    text = (
        "OSLO, May 5. Foreign Minister Karin Lund has criticised the tariffs as a failure of "
        "diplomacy, she stated at a press conference in Oslo on Monday.\n\n"
        '"The tariffs are a confession of weakness," the Norwegian daily Aftenposten quotes her '
        "as saying."
    )
    found = speakers(run(pipeline, text, title="Minister rejects tariffs"))
    assert "Karin Lund" in (found["The tariffs are a confession of weakness"] or "")


@pytest.mark.model
def test_the_paper_quoting_him_is_never_him(pipeline: Any) -> None:
    text = (
        '"The tariffs are a confession of weakness," the Norwegian daily Aftenposten quotes him '
        "as saying."
    )
    found = speakers(run(pipeline, text, title="Minister rejects tariffs"))
    assert "daily" not in (found.get("The tariffs are a confession of weakness") or "")


@pytest.mark.model
def test_the_paper_that_says_the_words_keeps_them(pipeline: Any) -> None:
    text = (
        "Foreign Minister Andrew Tamm has criticised the tariffs, officials said on Monday.\n\n"
        '"The tariffs are a confession of weakness," the Oslo daily Morgenbladet wrote in an '
        "editorial."
    )
    found = speakers(run(pipeline, text, title="Minister rejects tariffs"))
    assert "Tamm" not in (found["The tariffs are a confession of weakness"] or "")


# ------------------------------------------------------------------ a possessed speech noun


@pytest.mark.model
def test_words_in_the_kings_statement_are_the_kings(pipeline: Any) -> None:
    text = (
        "The palace is trying to walk back King Harald's Monday statement that he would "
        '"fully and at once" publish the memo, insisting nothing is decided.'
    )
    found = speakers(run(pipeline, text, title="Memo row"))
    assert "Harald" in (found["fully and at once"] or "")


@pytest.mark.model
@pytest.mark.parametrize("after", ["at the closing ceremony", "at the ceremony with Tambo today"])
def test_a_quote_after_an_owned_statement_and_a_phrase_is_the_owners(
    pipeline: Any, after: str
) -> None:
    text = (
        f"Officials tended to agree with Mandela's statement {after} that \"the true test "
        'of this meeting will come in the months ahead."'
    )
    found = speakers(run(pipeline, text, title="Summit themes"))
    assert found["the true test of this meeting will come in the months ahead"] == "Mandela"


@pytest.mark.model
def test_a_statement_without_an_owner_gives_the_quote_to_no_one_in_the_sentence(
    pipeline: Any,
) -> None:
    text = (
        'Officials agreed with the statement at the closing ceremony that "the true test of '
        'this meeting will come in the months ahead."'
    )
    found = speakers(run(pipeline, text, title="Summit themes"))
    assert found.get("the true test of this meeting will come in the months ahead") != "Officials"


# ------------------------------------------------------------------ a claim fronted before its tag


@pytest.mark.model
def test_the_tags_pronoun_is_the_subject_of_the_fronted_claim(pipeline: Any) -> None:
    text = (
        "OSLO, May 5. /NTB/. Norwegian Foreign Minister Andrew Tamm has slammed the tariffs "
        "imposed on him by Brussels as a failure of diplomatic efforts, he stated at a press "
        "conference in Oslo on Monday."
    )
    found = source_of(run(pipeline, text, title="Minister rejects tariffs"), "the tariffs")
    assert found is not None and "Andrew Tamm" in found[0]


@pytest.mark.model
def test_a_tags_pronoun_of_the_other_gender_is_not_the_fronted_subject(pipeline: Any) -> None:
    text = (
        "OSLO, May 5. /NTB/. Norwegian Foreign Minister Andrew Tamm has slammed the tariffs "
        "as a failure of diplomatic efforts, she stated at a press conference on Monday."
    )
    found = source_of(run(pipeline, text, title="Minister rejects tariffs"), "the tariffs")
    assert found is None or "Tamm" not in found[0]


@pytest.mark.model
def test_a_named_tag_hung_on_the_fronted_claim_is_its_source(pipeline: Any) -> None:
    text = (
        "The Danish Foreign Ministry condemned Brussels' tariffs on Norwegian foreign minister "
        "Andrew Tamm, Deputy Foreign Minister Lars Holm told a briefing on Monday."
    )
    found = source_of(run(pipeline, text, title="Tariffs"), "The Danish Foreign Ministry")
    assert found is not None and found[0] == "Deputy Foreign Minister Lars Holm"


@pytest.mark.model
def test_a_reported_clause_after_said_is_not_its_subjects_claim(pipeline: Any) -> None:
    text = "The government said Andrew Tamm had spoken by phone with Lars Holm on Monday."
    an = run(pipeline, text, title="Call")
    assert [a.reporter.text for a in an.attributions] == ["The government"]


# ------------------------------------------------------------------ "That said,"


@pytest.mark.model
@pytest.mark.parametrize("formula", ["That said", "This said"])
def test_a_set_phrase_of_saying_reports_no_speech(pipeline: Any, formula: str) -> None:
    text = (
        f"Thank you, Madam Chair.\n{formula}, Minister, I would like to ask you about the budget."
    )
    an = run(pipeline, text, title="Committee hearing")
    assert [a.claim.text for a in an.attributions] == []


@pytest.mark.model
def test_that_as_the_object_of_said_still_reports(pipeline: Any) -> None:
    text = "The minister said that the budget would be cut by a tenth next year."
    found = source_of(run(pipeline, text, title="Budget"), "the budget would be cut")
    assert found is not None and found[0] == "The minister"


# ------------------------------------------------------------------ a concessive clause


@pytest.mark.model
def test_a_concessive_clause_with_another_partys_speech_ends_the_claim(pipeline: Any) -> None:
    text = (
        "President Ivan Drago insists he won the vote even though the opposition says it has proof."
    )
    an = run(pipeline, text, title="Vote dispute")
    claims = {a.claim.text: a.reporter.text for a in an.attributions}
    assert claims.get("he won the vote") == "President Ivan Drago"
    assert claims.get("it has proof") == "the opposition"


@pytest.mark.model
def test_a_concessive_clause_without_speech_stays_in_the_claim(pipeline: Any) -> None:
    text = "President Ivan Drago said he would sign the bill even though parliament had objected."
    found = source_of(run(pipeline, text, title="Bill"), "he would sign the bill")
    assert found is not None
    an = run(pipeline, text, title="Bill")
    assert any(a.claim.text.endswith("parliament had objected") for a in an.attributions)


# ------------------------------------------------------------------ "the opposition"


@pytest.mark.model
@pytest.mark.parametrize("role", ["candidate", "leader"])
def test_the_opposition_is_not_the_opposition_candidate(pipeline: Any, role: str) -> None:
    text = (
        f"Bolivia's opposition {role} Jorge Ramos Castillo has ruled out a government in "
        "exile, saying he will return in March.\n"
        "President Luis Arce insists he won the election even though the opposition says it "
        "can provide proof that he lost."
    )
    found = source_of(run(pipeline, text, title="Candidate"), "it can provide proof")
    assert found is not None and found == ("the opposition", None)


@pytest.mark.model
@pytest.mark.parametrize("subject", ["The leader", "The opposition leader"])
def test_the_leader_is_still_the_opposition_leader(pipeline: Any, subject: str) -> None:
    text = (
        "Bolivia's opposition leader Jorge Ramos Castillo has ruled out a government in "
        "exile, saying he will return in March.\n"
        f"{subject} says he can provide proof that he won."
    )
    found = source_of(run(pipeline, text, title="Candidate"), "he can provide proof")
    assert found is not None and "Ramos Castillo" in found[0]


# ------------------------------------------------------------------ "the 70-year-old"


@pytest.mark.model
def test_an_age_description_takes_up_the_person_named_before(pipeline: Any) -> None:
    text = (
        "LISBON\nBolivia's opposition candidate Jorge Ramos Castillo has ruled out a government "
        "in exile.\n"
        "The 70-year-old, who lost narrowly to President Luis Arce in June, fled to Portugal "
        "in August.\n"
        'Asked about his plans, he told the daily Publico: "I will be back in La Paz in March."'
    )
    found = speakers(run(pipeline, text, title="Candidate"))
    assert "Ramos Castillo" in (found["I will be back in La Paz in March."] or "")


@pytest.mark.model
def test_an_age_description_with_no_one_before_stays_words(pipeline: Any) -> None:
    text = "The 70-year-old said he would return to La Paz in March."
    found = source_of(run(pipeline, text, title="Return"), "he would return")
    assert found is not None and found[1] is None and "70-year-old" in found[0]


# ------------------------------------------------------------------ the head of a UN office


@pytest.mark.model
def test_the_head_of_a_un_regional_office_is_not_the_secretary_general(pipeline: Any) -> None:
    text = (
        "On 7 June, the Head of the United Nations Regional Office for West Africa and "
        "Special Representative of the Secretary-General, Jean Dupont, briefed the Council. "
        "He noted that continued violence threatened stability."
    )
    an = run(pipeline, text, title="Briefing")
    found = source_of(an, "continued violence")
    assert found is not None and found[1] != "person:antonio-guterres"
    assert "person:antonio-guterres" not in {a.id for a in an.actors}


@pytest.mark.model
def test_the_head_of_the_united_nations_is_still_its_secretary_general(pipeline: Any) -> None:
    text = "The head of the United Nations said that the ceasefire must hold."
    found = source_of(run(pipeline, text, title="Ceasefire"), "the ceasefire must hold")
    assert found is not None and found[1] == "person:antonio-guterres"
