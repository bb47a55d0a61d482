"""Who said it, on constructions met in real reporting (issue 12), each in our own words.

Every case here restates a construction that failed on an article nobody here wrote, with
other names, places and numbers. Each class is tested both ways: the record when the text
carries the evidence, and no record (or no link) when it does not.
"""

from __future__ import annotations

from typing import Any

import pytest

from parley.models import Attribution, Quote
from speech_ctx import speech_of


def claim_with(attributions: list[Attribution], words: str) -> Attribution:
    found = [a for a in attributions if words in a.claim.text]
    assert len(found) == 1, [(a.claim.text, a.reporter.text) for a in attributions]
    return found[0]


# ------------------------------------------------------------------ a text as the subject


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "claim", "reporter", "kind"),
    [
        # the issuer of the statement is the source
        ("A communiqué issued by Ukraine said the grain corridor would reopen on Monday.",
         "the grain corridor would reopen", "ukr", "organisation"),
        ("A letter signed by Lavrov said the embassy would close.",
         "the embassy would close", "lavrov", "person"),
        ("A statement from the Kremlin said the channel would stay open.",
         "the channel would stay open", "rus", "organisation"),
        # "the statement" goes back to the statement whose issuer was named before
        ("Rubio issued a statement on Friday. The statement said the envoy would travel to Kyiv.",
         "the envoy would travel", "rubio", "person"),
    ],
)  # fmt: skip
def test_a_texts_issuer_is_its_source(
    sm: Any, text: str, claim: str, reporter: str, kind: str
) -> None:
    found = claim_with(speech_of(sm, text)[1], claim)
    assert (found.reporter.actor, found.reporter.kind) == (reporter, kind)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The joint statement said the two delegations would meet again in Baku in May.",
        "The final communiqué said both sides would withdraw their artillery.",
        "A report said the camp held 4,000 people.",
    ],
)
def test_a_text_with_no_issuer_in_sight_stays_unlinked(sm: Any, text: str) -> None:
    """It once recursed without end; now the claim keeps the text's own words as reporter."""
    quotes, attributions = speech_of(sm, text)
    assert len(attributions) == 1
    assert attributions[0].reporter.actor is None
    assert attributions[0].reporter.text.lower().split()[-1] in text.lower()


def speakers(quotes: list[Quote]) -> dict[str, str | None]:
    """Quote text → speaker actor (or the speaker's words when unlinked)."""
    return {
        q.text: (q.speaker.actor or q.speaker.text) if q.speaker else None
        for q in quotes
        if q.direct
    }


# ------------------------------------------------------------------ not quotes


@pytest.mark.model
def test_a_phrase_in_quote_marks_that_nobody_says_is_no_quote(sm: Any) -> None:
    text = (
        'The bloc listed the broadcaster as "the loudest voice of the campaign" and froze '
        "its accounts."
    )
    assert speakers(speech_of(sm, text)[0]) == {}


@pytest.mark.model
def test_a_phrase_in_quote_marks_someone_says_stays_a_quote(sm: Any) -> None:
    text = 'Lavrov called the proposal "a road to nowhere" on Tuesday.'
    assert speakers(speech_of(sm, text)[0]) == {"a road to nowhere": "lavrov"}


@pytest.mark.model
def test_an_accusation_in_quote_marks_is_its_accusers(sm: Any) -> None:
    text = 'NATO accused the broadcaster of "spreading panic along the border".'
    assert speakers(speech_of(sm, text)[0]) == {"spreading panic along the border": "nato"}


# ------------------------------------------------------------------ speakers


@pytest.mark.model
def test_quoted_as_saying_names_the_speaker(sm: Any) -> None:
    text = 'Meloni was quoted as saying in the memo: "The new measures reach 30 officials."'
    assert speakers(speech_of(sm, text)[0]) == {"The new measures reach 30 officials.": "meloni"}


@pytest.mark.model
def test_the_demonym_and_title_go_back_to_the_named_holder(sm: Any) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov arrived in Geneva on Monday.\n\n"
        '"We came to listen," the Russian foreign minister said.'
    )
    assert speakers(speech_of(sm, text)[0]) == {"We came to listen": "lavrov"}


@pytest.mark.model
def test_a_title_of_another_state_is_not_the_holder_named_before(sm: Any) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov arrived in Geneva on Monday.\n\n"
        '"We came to listen," the Italian foreign minister said.'
    )
    found = speakers(speech_of(sm, text)[0])
    assert found == {"We came to listen": "the Italian foreign minister"}


@pytest.mark.model
def test_a_pronoun_follows_the_speaker_not_the_correspondent_who_reports_him(sm: Any) -> None:
    text = (
        "Foreign Minister Marco Rubio said that Washington wants a settlement. He said this at "
        "a briefing with Lavrov, a TASS correspondent reports. He also noted that the talks "
        "would resume in June."
    )
    found = claim_with(speech_of(sm, text)[1], "the talks would resume")
    assert found.reporter.actor == "rubio"


@pytest.mark.model
def test_a_pronoun_goes_to_the_correspondent_when_no_one_is_named(sm: Any) -> None:
    text = "A TASS correspondent reports that the border is calm. He added that the road was open."
    found = claim_with(speech_of(sm, text)[1], "the road was open")
    assert found.reporter.actor is None and "correspondent" in found.reporter.text


# ------------------------------------------------------------------ follow-on quote paragraphs


@pytest.mark.model
def test_a_paragraph_that_is_only_a_quote_continues_the_previous_speaker(sm: Any) -> None:
    text = (
        "Lavrov spoke to reporters in Geneva.\n\n"
        '"We will come back in May," Lavrov said.\n\n'
        '"The door stays open for anyone who knocks."\n\n'
        "Rubio met him later."
    )
    found = speakers(speech_of(sm, text)[0])
    assert found["The door stays open for anyone who knocks."] == "lavrov"


@pytest.mark.model
def test_a_quote_after_another_paragraph_does_not_continue_the_speaker(sm: Any) -> None:
    text = (
        '"We will come back in May," Lavrov said.\n\n'
        "Rubio met him later in the day.\n\n"
        '"The door stays open for anyone who knocks."'
    )
    found = speakers(speech_of(sm, text)[0])
    assert found["The door stays open for anyone who knocks."] is None


# ------------------------------------------------------------------ reported speech beyond "said"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "claim", "reporter"),
    [
        ("Rubio complained that the ferry talks had stalled again.",
         "the ferry talks had stalled", "rubio"),
        ("Lavrov denied that any troops had crossed the river.",
         "any troops had crossed the river", "lavrov"),
        ("Rubio linked the price rise to the new tariffs.",
         "the price rise to the new tariffs", "rubio"),
        ("Meloni insisted the vote would go ahead in March.",
         "the vote would go ahead", "meloni"),
        ("Lavrov acknowledged that the convoy had been delayed.",
         "the convoy had been delayed", "lavrov"),
        ("Rubio issued a statement saying the consulate would reopen.",
         "the consulate would reopen", "rubio"),
        ("NATO claimed responsibility for the drone intercepts over the bay.",
         "responsibility for the drone intercepts", "nato"),
        ("A study commissioned by NATO found that most depots were half empty.",
         "most depots were half empty", "A study commissioned by NATO"),
    ],
)  # fmt: skip
def test_reported_speech_beyond_said(sm: Any, text: str, claim: str, reporter: str) -> None:
    found = claim_with(speech_of(sm, text)[1], claim)
    assert reporter in (found.reporter.actor, found.reporter.text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The study found the missing files in a locked cabinet.",
        "The rebels claimed the hilltop village on Monday.",
        "Rubio linked arms with the marchers.",
    ],
)
def test_finding_and_claiming_things_is_no_reported_speech(sm: Any, text: str) -> None:
    assert speech_of(sm, text)[1] == []


# ------------------------------------------------------------------ groups of named people


@pytest.mark.model
def test_named_people_writing_together_each_make_the_claim(sm: Any) -> None:
    text = (
        "Senators Anna Berg, Tom Hale, Rita Moss and Paul Lind wrote in a letter to the "
        "ministry that the funds had been frozen."
    )
    attributions = speech_of(sm, text)[1]
    assert {a.reporter.text for a in attributions} == {
        "Senators Anna Berg", "Tom Hale", "Rita Moss", "Paul Lind"
    }  # fmt: skip
    assert {a.reporter.kind for a in attributions} == {"person"}


@pytest.mark.model
def test_one_speaker_with_a_role_in_apposition_is_one_claim(sm: Any) -> None:
    text = "Lavrov, Russia's foreign minister, said the talks would resume."
    attributions = speech_of(sm, text)[1]
    assert [a.reporter.actor for a in attributions] == ["lavrov"]


# ------------------------------------------------------------------ pronouns with gender


@pytest.mark.model
def test_he_skips_the_woman_named_last_for_the_man_before_her(sm: Any) -> None:
    text = (
        "Friedrich Merz spent the week in Munich. Giorgia Meloni leads the polls.\n\n"
        '"We cannot lose this one to her," he said.'
    )
    assert speakers(speech_of(sm, text)[0]) == {"We cannot lose this one to her": "merz"}


@pytest.mark.model
def test_she_goes_to_the_woman_named_last(sm: Any) -> None:
    text = (
        "Friedrich Merz spent the week in Munich. Giorgia Meloni leads the polls.\n\n"
        '"We will win this one," she said.'
    )
    assert speakers(speech_of(sm, text)[0]) == {"We will win this one": "meloni"}


@pytest.mark.model
def test_a_title_gives_the_gender_when_the_first_name_does_not(sm: Any) -> None:
    text = (
        "Lavrov flew to Abuja on Friday. Mrs. Okonjo met him at the airport.\n\n"
        '"The corridor must stay open," he said.'
    )
    assert speakers(speech_of(sm, text)[0]) == {"The corridor must stay open": "lavrov"}


# ------------------------------------------------------------------ descriptions followed back


@pytest.mark.model
def test_the_official_takes_up_the_spokesman_introduced_before(sm: Any) -> None:
    text = (
        "A Russian military spokesman denied any role in the blast.\n\n"
        '"Nothing of the kind took place," the official said.'
    )
    found = speakers(speech_of(sm, text)[0])
    assert found == {"Nothing of the kind took place": "A Russian military spokesman"}


@pytest.mark.model
def test_the_official_with_no_source_before_stays_a_description(sm: Any) -> None:
    text = 'Shells hit the depot overnight.\n\n"Nothing of the kind took place," the official said.'
    assert speakers(speech_of(sm, text)[0]) == {"Nothing of the kind took place": "the official"}


@pytest.mark.model
def test_he_is_never_an_incident(sm: Any) -> None:
    text = (
        "Guards were checking the fence when the incident occurred.\n\n"
        "The fighting was still going on, he said."
    )
    attributions = speech_of(sm, text)[1]
    assert all("incident" not in a.reporter.text for a in attributions)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "claim", "reporter"),
    [
        ("A Russian military spokesman denied any involvement.", "any involvement", "rus"),
        ("Lavrov denied the charges on Monday.", "the charges", "lavrov"),
    ],
)
def test_a_denial_of_a_noun_phrase_is_a_claim(
    sm: Any, text: str, claim: str, reporter: str
) -> None:
    found = claim_with(speech_of(sm, text)[1], claim)
    assert found.reporter.actor == reporter and found.cue == "denied"


@pytest.mark.model
def test_denying_a_pronoun_names_no_claim(sm: Any) -> None:
    assert speech_of(sm, "Lavrov denied it.")[1] == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The 80-page report, "Silent Borders: Pushbacks in the Aegean," details the abuses.',
        'A book titled "The Long Peace" appeared in May.',
    ],
)
def test_the_title_of_a_work_is_no_quote(sm: Any, text: str) -> None:
    assert speakers(speech_of(sm, text)[0]) == {}


@pytest.mark.model
def test_a_quote_set_off_by_commas_with_its_speaker_stays_a_quote(sm: Any) -> None:
    text = 'In the report, "we found no trace of the convoy," the inspector said.'
    assert speakers(speech_of(sm, text)[0]) == {"we found no trace of the convoy": "the inspector"}


@pytest.mark.model
def test_a_day_is_not_who_issued_a_statement(sm: Any) -> None:
    text = 'Monday\'s statement said the talks "remain the only way forward."'
    quotes = speakers(speech_of(sm, text)[0])
    assert quotes == {"remain the only way forward": "Monday's statement"}


# ------------------------------------------------------------------ round 3 (fresh articles)


@pytest.mark.model
def test_he_after_an_unlinked_envoy_is_the_envoy_not_a_thing_between(sm: Any) -> None:
    text = (
        'The envoy for the region said "the change is real" as the second phase of the plan '
        'advances. "We never expected this to be easy," he said. The parties must deliver on '
        "their promises, he said."
    )
    quotes, claims = speech_of(sm, text)
    assert speakers(quotes)["We never expected this to be easy"] == "The envoy for the region"
    assert claim_with(claims, "must deliver").reporter.text == "The envoy for the region"


@pytest.mark.model
def test_he_with_only_a_thing_before_has_no_speaker(sm: Any) -> None:
    text = 'The second phase of the plan advanced on Monday. "We expected it to be hard," he said.'
    assert speakers(speech_of(sm, text)[0]) == {"We expected it to be hard": None}


@pytest.mark.model
def test_he_after_a_role_that_speaks_for_an_institution_is_that_role(sm: Any) -> None:
    text = (
        "The NATO envoy for the Balkans announced on Monday that he would travel to Skopje. "
        '"We have to keep every option open," he said.'
    )
    assert speakers(speech_of(sm, text)[0]) == {
        "We have to keep every option open": "The NATO envoy for the Balkans"
    }


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Reuters quoted Lavrov as saying that the talks would resume in May.",
        "Earlier Reuters and others cited Lavrov as saying the talks would resume in May.",
        "Lavrov was quoted by Reuters as saying the talks would resume in May.",
        "Lavrov said the talks would resume in May, according to Reuters.",
        "According to Reuters, Lavrov said the talks would resume in May.",
    ],
)
def test_words_relayed_by_a_medium_are_the_speakers_with_the_medium_as_via(
    sm: Any, text: str
) -> None:
    claims = speech_of(sm, text)[1]
    assert len(claims) == 1, [(a.claim.text, a.reporter.text) for a in claims]
    found = claims[0]
    assert found.claim.text == "the talks would resume in May"
    assert (found.reporter.actor, found.via and found.via.actor) == ("lavrov", "reuters")


@pytest.mark.model
def test_a_medium_quoting_words_directly_gives_them_to_the_person_quoted(sm: Any) -> None:
    text = 'TASS quoted Lavrov as saying: "We are ready for a new round."'
    assert speakers(speech_of(sm, text)[0]) == {"We are ready for a new round.": "lavrov"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # the cue is part of what was said, not who relayed it
        ("Lavrov said that, according to the treaty, the troops must leave by May.",
         "according to the treaty, the troops must leave by May"),
        # a claim with no speaker of its own stays the outlet's
        ("The talks will resume in May, according to Reuters.", "The talks will resume in May"),
    ],
)  # fmt: skip
def test_a_cue_with_no_speaker_before_it_has_no_via(sm: Any, text: str, claim: str) -> None:
    claims = speech_of(sm, text)[1]
    assert [(a.claim.text, a.via) for a in claims] == [(claim, None)]


TRANSCRIPT = (
    "Briefing on the week ahead\n\n"
    "MODERATOR: Thank you all for joining this call.\n\n"
    "SENIOR DEFENCE OFFICIAL ONE: Thanks. We met the delegation twice and it went well.\n\n"
    "QUESTION: Will the talks resume next month?\n\n"
    "SENIOR DEFENCE OFFICIAL TWO: We expect a new round in March.\n"
)
PRESS_CONFERENCE = (
    "Extracts from the spokesperson's press conference\n\n"
    "Harbour Times: First question, according to local media reports, the police detained "
    "two men. What is your comment? Second, can you confirm that the talks will resume?\n\n"
    "Li Wei: On your first question, I am not aware of that.\n\n"
    "On your second question, the two sides have been in close contact. The next round is "
    "taking place as we speak.\n"
)


@pytest.mark.model
def test_transcript_labels_speak_their_paragraphs(sm: Any) -> None:
    quotes = speakers(speech_of(sm, TRANSCRIPT)[0])
    assert quotes == {
        "Thank you all for joining this call.": "MODERATOR",
        "Thanks. We met the delegation twice and it went well.": "SENIOR DEFENCE OFFICIAL ONE",
        "We expect a new round in March.": "SENIOR DEFENCE OFFICIAL TWO",
    }


@pytest.mark.model
def test_a_press_conference_answer_runs_on_over_its_paragraphs(sm: Any) -> None:
    quotes, claims = speech_of(sm, PRESS_CONFERENCE)
    answers = {q.text[:25]: q.speaker and q.speaker.text for q in quotes if q.direct}
    assert answers == {"On your first question, I": "Li Wei", "On your second question, ": "Li Wei"}
    # the question asks the listener: "can you confirm" claims nothing; the report it cites does
    assert [(a.claim.text, a.reporter.text) for a in claims] == [
        ("the police detained two men", "local media reports")
    ]


@pytest.mark.model
def test_an_edited_interview_ends_with_the_editors_words_not_an_answer(sm: Any) -> None:
    text = (
        "Q: Will the talks go on?\n\n"
        "Okafor: They will, in June.\n\n"
        "Q: And the maps?\n\n"
        "Okafor: Both sides will bring them.\n\n"
        "The delegations have confirmed their attendance.\n"
    )
    quotes = [q.text for q in speech_of(sm, text)[0] if q.direct]
    assert quotes == ["They will, in June.", "Both sides will bring them."]


@pytest.mark.model
def test_one_labelled_statement_is_no_transcript(sm: Any) -> None:
    text = "The Kremlin: the talks will resume in May.\n\nNATO: the exercise goes ahead.\n"
    assert speakers(speech_of(sm, text)[0]) == {}


@pytest.mark.model
def test_a_paragraph_inside_an_unreopened_quote_is_the_speakers(sm: Any) -> None:
    text = (
        "Rubio welcomed the release.\n\n"
        '"We are glad that the three men are home.\n\n'
        'We will keep working for the others," Rubio said in a statement.\n\n'
        "The men landed in Doha on Friday.\n"
    )
    assert speakers(speech_of(sm, text)[0]) == {
        "We are glad that the three men are home.": "rubio",
        "We will keep working for the others": "rubio",
    }


@pytest.mark.model
def test_a_new_quote_in_the_next_paragraph_does_not_join_an_unclosed_one(sm: Any) -> None:
    text = 'Rubio spoke first: "We are glad.\n\nLavrov said "we are ready" on Friday.\n'
    quotes = speakers(speech_of(sm, text)[0])
    assert quotes["we are ready"] == "lavrov"
    assert not any("Lavrov said" in q for q in quotes)


@pytest.mark.model
def test_quoted_paragraphs_after_a_statement_go_on_with_its_issuer(sm: Any) -> None:
    text = (
        "A statement released by the Kremlin on Monday notes that the envoy has received new "
        "proposals.\n\n"
        "\u201cAccording to the envoy, two of them were withdrawn within a day.\n\n"
        "\u201cThese delays help no one.\n"
    )
    quotes = speakers(speech_of(sm, text)[0])
    assert quotes == {
        "According to the envoy, two of them were withdrawn within a day.": "rus",
        "These delays help no one.": "rus",
    }


@pytest.mark.model
def test_a_quoted_paragraph_after_narration_is_not_the_narrated_subjects(sm: Any) -> None:
    text = 'The talks ended on Monday in Geneva.\n\n"These delays help no one."\n'
    quote = next(q for q in speech_of(sm, text)[0] if q.direct)
    assert quote.speaker is None or quote.speaker.confidence <= 0.3


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "claim", "reporter"),
    [
        ("NATO estimates there are 4,000 troops left near the border.",
         "there are 4,000 troops left near the border", "nato"),
        ("The garrison has shelled the villages, NATO charged on Monday.",
         "The garrison has shelled the villages", "nato"),
        ("Lavrov has charged that the sanctions break the charter.",
         "the sanctions break the charter", "lavrov"),
        ("Rubio disputed reports alleging that the envoy had resigned.",
         "reports alleging that the envoy had resigned", "rubio"),
        ("Rubio spoke to Lavrov on Friday, making clear that Washington would keep the sanctions.",
         "Washington would keep the sanctions", "rubio"),
        ("Lavrov pointed out that the corridor had been closed since May.",
         "the corridor had been closed since May", "lavrov"),
        ("In Rubio's view, it is good news that the two sides met at last.",
         "it is good news that the two sides met at last", "rubio"),
        ("Lavrov spoke on Friday. In his view, the talks had stalled.",
         "the talks had stalled", "lavrov"),
    ],
)  # fmt: skip
def test_more_ways_of_reporting_a_claim(sm: Any, text: str, claim: str, reporter: str) -> None:
    assert claim_with(speech_of(sm, text)[1], claim).reporter.actor == reporter


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ruritanian police charge the four activists under the new law.",
        "The army estimates the cost of the repairs at 300 million dollars.",
        "The mediators made clear progress on Friday.",
        "Neither side claimed progress, which ministers declare even when they are at odds.",
        "In the view of many, the deal is dead.",
    ],
)
def test_the_same_words_in_another_sense_report_nothing(sm: Any, text: str) -> None:
    assert speech_of(sm, text)[1] == []


@pytest.mark.model
def test_conjoined_speech_clauses_are_two_claims(sm: Any) -> None:
    text = "Lavrov said the talks were useful and Rubio said a new round would follow."
    claims = {a.claim.text: a.reporter.actor for a in speech_of(sm, text)[1]}
    assert claims == {"the talks were useful": "lavrov", "a new round would follow": "rubio"}


@pytest.mark.model
def test_a_reported_that_clause_stays_in_the_claim(sm: Any) -> None:
    text = "Lavrov said the talks were useful and that Rubio had said a new round would follow."
    claim = claim_with(speech_of(sm, text)[1], "the talks were useful")
    assert claim.reporter.actor == "lavrov" and "a new round would follow" in claim.claim.text


@pytest.mark.model
def test_backtick_quote_marks_make_a_quote(sm: Any) -> None:
    text = "Lavrov told reporters: ``The new round will start in May.'' He left at noon."
    assert speakers(speech_of(sm, text)[0]) == {"The new round will start in May.": "lavrov"}


@pytest.mark.model
def test_a_backtick_apostrophe_alone_makes_no_quote(sm: Any) -> None:
    assert speakers(speech_of(sm, "The `old' plan, Lavrov said, is gone.")[0]) == {}


@pytest.mark.model
def test_the_speakers_words_do_not_take_in_the_quote(sm: Any) -> None:
    text = '"They are tough nuts to crack, very complex," one of Rubio\'s advisers said on Friday.'
    quote = next(q for q in speech_of(sm, text)[0] if q.direct)
    assert quote.speaker is not None and quote.speaker.text == "one of Rubio's advisers"


@pytest.mark.model
def test_the_group_takes_up_the_organisation_named_before(sm: Any) -> None:
    text = (
        "Thousands are held without charge, NATO warned in a report. Authorities "
        '"have failed to give figures," the group said.'
    )
    assert speakers(speech_of(sm, text)[0])["have failed to give figures"] == "nato"


@pytest.mark.model
def test_the_group_is_never_a_state_named_before(sm: Any) -> None:
    text = 'Russia warned on Monday. Authorities "have failed to give figures," the group said.'
    assert speakers(speech_of(sm, text)[0]) == {"have failed to give figures": "the group"}


@pytest.mark.model
def test_a_text_with_no_issuer_of_its_own_goes_on_with_the_act_before_it(sm: Any) -> None:
    text = (
        "The United States imposed sanctions on nine Russian officials on Friday. "
        '"The officials are barred from entry," the notice read.'
    )
    quote = next(q for q in speech_of(sm, text)[0] if q.direct)
    assert quote.speaker is not None and quote.speaker.actor == "usa"
    assert quote.speaker.confidence <= 0.5


@pytest.mark.model
def test_a_text_after_no_named_act_keeps_its_own_words(sm: Any) -> None:
    text = 'Nobody came to the square. "Peace now," the notice read.'
    assert speakers(speech_of(sm, text)[0]) == {"Peace now": "notice"}


BACKGROUND = (
    "The border was calm on Tuesday. Shops reopened in the town. The trains ran again. "
    "The army withdrew two units. Farmers returned to the fields. "
)


@pytest.mark.model
def test_he_far_from_the_last_speaker_is_that_speaker(sm: Any) -> None:
    text = f'"We will hold our positions," Lavrov said. {BACKGROUND}"The calm will hold," he said.'
    quote = [q for q in speech_of(sm, text)[0] if q.direct][-1]
    assert quote.speaker is not None and quote.speaker.actor == "lavrov"
    assert quote.speaker.confidence <= 0.5


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        f'{BACKGROUND}"The calm will hold," he said.',
        # the last speaker is a woman: "he" is not her
        f'"We will hold our positions," Meloni said. {BACKGROUND}"The calm will hold," he said.',
    ],
)
def test_he_far_back_with_no_agreeing_speaker_has_none(sm: Any, text: str) -> None:
    assert speakers(speech_of(sm, text)[0])["The calm will hold"] is None


@pytest.mark.model
def test_a_title_after_titled_is_no_quote_even_with_speech_later(sm: Any) -> None:
    text = (
        "The 40-page report titled, ``Cold Nights: Abuses on the Northern Border``, rests on "
        "what NATO said was research done in 2003."
    )
    assert speakers(speech_of(sm, text)[0]) == {}


@pytest.mark.model
def test_a_four_word_label_asks_and_a_name_answers(sm: Any) -> None:
    text = (
        "Extracts from the briefing\n\n"
        "Harbour Evening Times Online: Can you confirm the visit?\n\n"
        "Li Wei: I have no information on that.\n"
    )
    assert speakers(speech_of(sm, text)[0]) == {"I have no information on that.": "Li Wei"}


@pytest.mark.model
def test_a_statement_after_a_dateline_is_the_subject_not_the_city(sm: Any) -> None:
    text = (
        "KYIV, May 2, 2024, Harbour News – A statement released by NATO on May 1 notes that "
        "since March the alliance has received new reports of shelling."
    )
    claim = claim_with(speech_of(sm, text)[1], "new reports of shelling")
    assert claim.reporter.actor == "nato"
    assert claim.claim.text.startswith("since March")


@pytest.mark.model
def test_a_city_dateline_alone_speaks_for_nobody(sm: Any) -> None:
    text = "KYIV, May 2 – Shelling resumed on Monday, officials said."
    claim = claim_with(speech_of(sm, text)[1], "Shelling resumed")
    assert claim.reporter.text == "officials"


@pytest.mark.model
def test_capital_role_labels_make_a_transcript_without_questions(sm: Any) -> None:
    text = (
        "Briefing on the summit\n\n"
        "SENIOR TREASURY OFFICIAL ONE: Good evening. We will recap the day.\n\n"
        "SENIOR TREASURY OFFICIAL TWO: Thank you. The minister met four delegations.\n"
    )
    assert speakers(speech_of(sm, text)[0]) == {
        "Good evening. We will recap the day.": "SENIOR TREASURY OFFICIAL ONE",
        "Thank you. The minister met four delegations.": "SENIOR TREASURY OFFICIAL TWO",
    }


@pytest.mark.model
def test_capital_headings_make_no_transcript(sm: Any) -> None:
    text = "KEY POINTS: the talks resume in May.\n\nWHAT COMES NEXT: a vote in June.\n"
    assert speakers(speech_of(sm, text)[0]) == {}


@pytest.mark.model
def test_a_first_person_paragraph_inside_a_quote_missing_its_mark_goes_on(sm: Any) -> None:
    text = (
        "The ministry said in a statement:\n\n"
        "\u201cThe three men are on their way home.\n\n"
        "We are grateful to our partners in Oslo and Vienna.\n\n"
        "\u201cWe will not rest until the others are free.\u201d\n"
    )
    quotes = [q for q in speech_of(sm, text)[0] if q.direct]
    assert [q.text[:12] for q in quotes] == ["The three me", "We are grate", "We will not "]
    assert len({q.speaker.text if q.speaker else None for q in quotes}) == 1


@pytest.mark.model
def test_a_narrative_paragraph_after_an_unclosed_quote_stays_outside(sm: Any) -> None:
    text = (
        'Rubio said: "The three men are on their way home.\n\n'
        "The plane landed in Doha at noon.\n\n"
        '"We will not rest," Lavrov said.\n'
    )
    quotes = speakers(speech_of(sm, text)[0])
    assert not any("plane landed" in q for q in quotes)
    assert quotes["We will not rest"] == "lavrov"


@pytest.mark.model
def test_a_dated_statement_goes_on_with_the_groups_named_before(sm: Any) -> None:
    text = (
        "NATO and the OSCE published a report this summer on the camps. The two groups said "
        "Monday that 13 people had been released. The groups said, however, that five were "
        'still held. Monday\'s statement said the release "confirms the need to investigate."'
    )
    quote = next(q for q in speech_of(sm, text)[0] if q.direct)
    assert quote.speaker is not None and quote.speaker.actor == "nato"


@pytest.mark.model
def test_the_same_text_named_again_keeps_its_issuer(sm: Any) -> None:
    text = (
        "The United States imposed sanctions on nine officials on Friday. "
        '"The first list names six ministers," the notice read. '
        "The list includes the ministers of energy and of culture. "
        "The ministers may appeal within thirty days. The lists take effect at once. "
        '"The second list names three governors," the notice added.'
    )
    assert set(speakers(speech_of(sm, text)[0]).values()) == {"usa"}


@pytest.mark.model
def test_a_hyphenated_name_is_the_whole_speaker(sm: Any) -> None:
    text = '"There are no secret camps in the north at all," al-Maliki said in an interview.'
    quote = next(q for q in speech_of(sm, text)[0] if q.direct)
    assert quote.speaker is not None and quote.speaker.text == "al-Maliki"


@pytest.mark.model
def test_a_hyphen_between_words_of_a_phrase_joins_nothing_more(sm: Any) -> None:
    text = "The Kyiv-based group said the talks had failed."
    assert claim_with(speech_of(sm, text)[1], "talks had failed").reporter.text == (
        "The Kyiv-based group"
    )


@pytest.mark.model
def test_a_participle_of_denial_after_a_comma_is_the_main_subjects(sm: Any) -> None:
    text = (
        "The chief hostage negotiator defended prisoner swaps that free Americans held abroad "
        "in exchange for convicted smugglers, denying on Thursday that such deals invite more "
        "arrests of travellers."
    )
    claim = claim_with(speech_of(sm, text)[1], "such deals invite more arrests")
    assert claim.reporter.text == "The chief hostage negotiator"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # the parser reads "on Friday peace negotiations" as one phrase
        ("Lavrov said on Friday peace negotiations with Kyiv were difficult.",
         "peace negotiations with Kyiv were difficult"),
        # with a subject of its own, the date stays out
        ("Lavrov said on Friday the negotiations with Kyiv were difficult.",
         "the negotiations with Kyiv were difficult"),
    ],
)  # fmt: skip
def test_a_claims_subject_is_not_left_in_a_date_phrase(sm: Any, text: str, claim: str) -> None:
    assert [a.claim.text for a in speech_of(sm, text)[1]] == [claim]


@pytest.mark.model
def test_he_continued_after_what_was_said_reports_it(sm: Any) -> None:
    text = (
        "Rubio spoke after the meeting. Although the truce is holding in the port, fighting "
        "is growing in the hills, he continued."
    )
    claim = claim_with(speech_of(sm, text)[1], "fighting is growing in the hills")
    assert claim.reporter.actor == "rubio"
    assert speakers(speech_of(sm, '"The talks resume in May," Meloni continued.')[0]) == {
        "The talks resume in May": "meloni"
    }


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["Fighting continued in the north.", "Lavrov continued to insist on talks."]
)
def test_continuing_something_says_nothing(sm: Any, text: str) -> None:
    assert speech_of(sm, text) == ([], [])
