"""Speech constructions left over from rounds 14 and 15 (docs/review/speech.md), in our own words.

* a surname with an apostrophe ("O'Dwyer") names a new person, and "the Labour MP" goes back
  to the Labour MP named before; a bare tag after a quoted question ('"…?" X asked') is its cue;
* a transcript of a single turn ("MR. NAME:", "[time] NAME, ROLE:") gives the turn's words to
  the speaker of the label;
* "told the paper that …" (read as a relative clause), "announced on NRK's 'Meet …' that …"
  (the clause hung on the programme's first word), "A shook hands and B apologized … and said
  that …", "CLAIM with an embedded question …, she said";
* a dash aside right after the verb ("He said -- and this is a quote -- he explained …") is
  no claim;
* "The Post" after "The Jerusalem Post" is that paper; "the members of the rebel group" speak
  for the group named before;
* "Norway and Sweden said": one record per state.
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import direct, run, source_of

pytestmark = pytest.mark.model


def speakers(an: Any) -> dict[str, tuple[str | None, str | None]]:
    return {
        q.text: (q.speaker.text if q.speaker else None, q.speaker.actor if q.speaker else None)
        for q in direct(an)
    }


def said(an: Any, opening: str) -> tuple[str | None, str | None]:
    found = [v for k, v in speakers(an).items() if k.startswith(opening)]
    assert found, speakers(an)
    return found[0]


# ------------------------------------------------------------------ names the model leaves

_MP = (
    "Labour MP Declan O'Dwyer spoke first in the chamber on Tuesday.\n\n"
    '"Why did the Home Minister skip the budget debate? Where was he?" the Labour MP said in '
    "a video message.\n\n"
    '"Why were 40 laws rushed through in one week? Why was no committee asked?" he said.\n\n'
    '"Why has the cabinet not answered one question in the upper house?" O\'Dwyer asked in '
    "another post."
)


def test_a_surname_with_an_apostrophe_makes_a_new_person(pipeline: Any) -> None:
    an = run(pipeline, _MP)
    people = {a.name for a in an.actors if a.kind == "person"}
    assert "Declan O'Dwyer" in people, people


def test_the_party_mp_and_he_go_back_to_the_mp_named_before(pipeline: Any) -> None:
    an = run(pipeline, _MP)
    for opening in ("Why did the Home", "Why were 40 laws", "Why has the cabinet"):
        assert said(an, opening)[1] == "new:declan-o-dwyer", speakers(an)


def test_an_untagged_surname_speaking_is_the_one_person_named_so(pipeline: Any) -> None:
    text = (
        "Senator Ruairi O'Faolain said on Monday that the treaty would be ratified by June.\n\n"
        '"We have the votes," O\'Faolain said.'
    )
    assert said(run(pipeline, text), "We have the votes") == (
        "O'Faolain",
        "new:ruairi-o-faolain",
    )


def test_an_untagged_surname_two_people_share_stays_words(pipeline: Any) -> None:
    text = (
        "Senator Ruairi O'Faolain and his sister, the mayor Niamh O'Faolain, met the voters "
        "on Monday.\n\n"
        '"We have the votes," O\'Faolain said.'
    )
    assert said(run(pipeline, text), "We have the votes") == ("O'Faolain", None)


def test_another_partys_mp_is_not_the_mp_named_before(pipeline: Any) -> None:
    text = (
        "Labour MP Declan O'Dwyer spoke first in the chamber on Tuesday.\n\n"
        '"Where is the money for the schools?" the Green MP said in reply.'
    )
    assert said(run(pipeline, text), "Where is the money")[1] is None


def test_a_tag_after_a_quoted_question_is_its_cue(pipeline: Any) -> None:
    text = (
        "Labour MP Declan O'Dwyer spoke first in the chamber on Tuesday.\n\n"
        '"Why has the cabinet not answered one question?" Olsen asked in another post.'
    )
    quote = [q for q in direct(run(pipeline, text)) if q.text.startswith("Why has")]
    assert quote and quote[0].cue == "asked" and quote[0].speaker is not None
    assert quote[0].speaker.text == "Olsen"


def test_a_sentence_after_a_quoted_question_that_says_more_is_no_tag(pipeline: Any) -> None:
    text = (
        "Labour MP Declan O'Dwyer spoke first in the chamber on Tuesday.\n\n"
        '"Where is the money?" Olsen told the chamber that the budget was empty.'
    )
    quote = [q for q in direct(run(pipeline, text)) if q.text.startswith("Where is")]
    assert quote and quote[0].cue is None


# ------------------------------------------------------------------ single-turn transcripts


def test_a_briefing_of_one_honorific_turn_is_the_speakers(pipeline: Any) -> None:
    text = (
        "Press briefing 4/3/81\n\nAT THE FOREIGN MINISTRY WITH LARS HALVORSEN\n\n"
        "MR. HALVORSEN: I want to give you a few notes from this morning.\n\n"
        "The Prime Minister arrived at nine and met the envoy for an hour.\n\n"
        'The envoy said, "We are glad to be here." And then they went in.'
    )
    an = run(pipeline, text)
    assert said(an, "I want to give you")[0] == "MR. HALVORSEN"
    assert said(an, "The Prime Minister arrived")[0] == "MR. HALVORSEN"
    assert said(an, "We are glad")[0] == "The envoy"


def test_a_broadcast_turn_with_a_time_stamp_and_a_role_is_the_speakers(pipeline: Any) -> None:
    text = (
        "Talks collapse in Geneva\n\n"
        "[09:00:00] MARTA LINDQVIST, NRK DEFENCE CORRESPONDENT: Good question, Erik, because "
        "what matters now is what the other side wants.\n\n"
        "Look, the delegation has always wanted a deal on its own terms. That is what the "
        "analysts have said for years."
    )
    an = run(pipeline, text)
    assert said(an, "Good question")[0] == "MARTA LINDQVIST"
    assert said(an, "Look, the delegation")[0] == "MARTA LINDQVIST"


def test_one_capitals_label_among_other_labels_is_a_dialogue(pipeline: Any) -> None:
    text = (
        "Briefing notes\n\nMS. BERG: Thanks. The minister arrived at nine.\n\n"
        "Q: Did they talk about the border?\n\nMR. McALLISTER: They did, twice."
    )
    an = run(pipeline, text)
    assert said(an, "Thanks. The minister")[0] == "MS. BERG"
    assert said(an, "They did, twice")[0] == "MR. McALLISTER"


@pytest.mark.parametrize("label", ["NATO", "UPDATE"])
def test_a_lone_label_naming_nobody_is_no_transcript(pipeline: Any, label: str) -> None:
    text = (
        f"{label}: The alliance will meet in Brussels on Friday to discuss the border.\n\n"
        "The ministers are expected to agree on a new mission."
    )
    assert direct(run(pipeline, text)) == []


# ------------------------------------------------------------------ frames of saying


def test_told_the_paper_that_is_a_claim_though_parsed_as_a_relative(pipeline: Any) -> None:
    text = (
        "Several people familiar with the plan told the paper that Modi was upset with the "
        "tariff rollout, and cabinet officials said the plan was on hold."
    )
    an = run(pipeline, text)
    found = [a for a in an.attributions if a.claim.text == "Modi was upset with the tariff rollout"]
    assert found and found[0].reporter.text == "Several people familiar with the plan"
    assert found[0].via is not None and found[0].via.text == "the paper"


def test_told_the_man_that_he_had_met_is_no_claim(pipeline: Any) -> None:
    an = run(pipeline, "Karl Olsen told the man that he had met in Oslo to leave the country.")
    assert source_of(an, "he had met in Oslo") is None


def test_a_clause_hung_on_a_programme_name_is_the_announcement(pipeline: Any) -> None:
    text = (
        "Marta Lind announced on NRK’s “Meet the Voters” on Sunday that the Finance Ministry "
        "would formalize new sanctions on Freedonia the following day."
    )
    found = source_of(run(pipeline, text), "the Finance Ministry would formalize new sanctions")
    assert found is not None and found[0] == "Marta Lind"


def test_apologized_and_said_goes_on_with_the_nearer_subject(pipeline: Any) -> None:
    text = (
        "They shook hands and the Finnish President apologized for being a few minutes late "
        "and said that he had been at a school this morning."
    )
    found = source_of(run(pipeline, text), "he had been at a school this morning")
    assert found is not None and found[0] == "the Finnish President"


def test_a_claim_holding_an_embedded_question_before_she_said(pipeline: Any) -> None:
    text = (
        "Former mediator Lena Holm told NRK the first task is to win the trust of the family.\n\n"
        "The first big task now will be finding out where in the mountains the climbers are "
        "and working out exactly who is holding them, she said."
    )
    found = source_of(run(pipeline, text), "working out exactly who is holding them")
    assert found is not None and found[1] == "new:lena-holm"


# ------------------------------------------------------------------ a dash aside


def test_a_dash_aside_after_said_is_no_claim(pipeline: Any) -> None:
    text = (
        "The Finnish President arrived late. He said -- and this is a quote -- he explained he "
        'had been at a school and he said, "The children sang for you."'
    )
    an = run(pipeline, text)
    assert not [a for a in an.attributions if "this is a quote" in a.claim.text]
    assert source_of(an, "he had been at a school") is not None


def test_the_claim_after_a_dash_aside_leaves_the_aside_out(pipeline: Any) -> None:
    text = "Foreign Minister Anna Berg said -- and she was firm -- that the deal was off."
    an = run(pipeline, text)
    claims = [a.claim.text for a in an.attributions]
    assert claims == ["the deal was off"], claims


def test_dashes_inside_the_claim_stay_in_it(pipeline: Any) -> None:
    an = run(pipeline, "Karl Olsen said the talks -- the third round this year -- had failed.")
    assert source_of(an, "the third round this year -- had failed") is not None


# ------------------------------------------------------------------ names followed back


def test_the_post_after_the_jerusalem_post_is_that_paper(pipeline: Any) -> None:
    text = (
        "The Jerusalem Post reported on Monday that the ministry had delayed the order.\n\n"
        "The minister announced the order on Sunday, but The Post reported that the cabinet "
        "had not approved it."
    )
    found = source_of(run(pipeline, text), "the cabinet had not approved it")
    assert found == ("The Post", "outlet:jpost")


def test_the_post_after_two_posts_stays_unlinked(pipeline: Any) -> None:
    text = (
        "The Jerusalem Post and the South China Morning Post reported on Monday that the "
        "ministry had delayed the order.\n\n"
        "The minister announced the order on Sunday, but The Post reported that the cabinet "
        "had not approved it."
    )
    an = run(pipeline, text)
    post = [m for m in an.mentions if m.text in ("Post", "The Post") and m.start > 100]
    assert post and post[0].actor not in ("outlet:jpost", "outlet:scmp")


def test_the_members_of_the_group_speak_for_the_group_named_before(pipeline: Any) -> None:
    text = (
        "The ELN rebels rejected the offer of President Ana Ruiz, who said on Monday that Peru "
        "would host the talks.\n\n"
        "In a short statement, the members of the rebel group that signed a truce with the army "
        "in 2019, said that they had not been consulted about the venue."
    )
    found = source_of(run(pipeline, text), "they had not been consulted about the venue")
    assert found is not None and found[1] == "group:eln"


def test_the_members_of_a_committee_named_nowhere_stay_words(pipeline: Any) -> None:
    an = run(pipeline, "The members of the committee said that the vote would be held in May.")
    found = source_of(an, "the vote would be held in May")
    assert found == ("The members of the committee", None)


# ------------------------------------------------------------------ conjoined sources


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Norway and Sweden said in a joint statement on Monday that the border crossing "
            "would reopen in May.",
            {"NOR", "SWE"},
        ),
        ("The European Union and NATO said the exercise would go ahead.", {"igo:eu", "igo:nato"}),
    ],
)
def test_linked_sources_said_together_make_one_record_each(
    pipeline: Any, text: str, expected: set[str]
) -> None:
    an = run(pipeline, text)
    assert {a.reporter.actor for a in an.attributions} == expected
    assert len(an.attributions) == 2


def test_a_state_and_its_partners_stay_one_source(pipeline: Any) -> None:
    an = run(pipeline, "Norway and its partners said the border crossing would reopen in May.")
    assert len(an.attributions) == 1
