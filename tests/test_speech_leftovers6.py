"""Speech and actor constructions left over from round 17 and speech21 (docs/review/speech.md),
in our own words.

* actor linking: a known name opening a longer organisation name ("X for the Liberation of
  Y") is another organisation, and the state ending it no state; a given name alone is not
  matched to a by-name's last word ("Abu Mazen"); a state's demonym in the plural is a
  people, not the state, where the article writes that people as another land's ("Bosnian
  Croats", "ethnic Russians"); a family name written first with a given name the model
  tagged as an organisation ("Wang Haibin") is one new person, not the known Wang; a name
  spelled two ways in one article, a vowel of a vowel run apart, is one person;
* claims carried by nouns: "an Ethiopian charge that …", "recalled an earlier Kenyan charge
  that …", "his assertion that …", "Ghana's claim that …" — the noun's owner is the source;
  a noun with no owner names nobody;
* "the report added that …" after a station said or reported something: the station's;
* "CLAIM, said delegates as the Assembly opened …": the noun after the verb speaks;
* speaker words without the wire dateline ("OSLO - …"), a phrase of time set off by
  commas after the name ("…, after a meeting at his camp, said"), the relative clause that
  itself speaks (", who announced on Monday that …") or a day hung on the last word ("…
  exports on Friday denied").
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import run, source_of

pytestmark = pytest.mark.model


def linked(an: Any) -> dict[str, str | None]:
    return {m.text: m.actor for m in an.mentions}


# ------------------------------------------------------------------ actor linking


def test_a_known_name_opening_a_longer_name_is_another_organisation(pipeline: Any) -> None:
    text = (
        "Hezbollah for the Liberation of Syria said on Sunday that two captives would be "
        "freed within a week."
    )
    an = run(pipeline, text)
    source = source_of(an, "two captives would be freed")
    assert source is not None, an.attributions
    assert source[1] is not None and source[1].startswith("new:"), source
    assert "SYR" not in linked(an).values() and "group:hezbollah" not in linked(an).values()


def test_a_known_name_followed_by_its_country_keeps_its_link(pipeline: Any) -> None:
    text = "Hezbollah of Lebanon said on Sunday that two captives would be freed within a week."
    an = run(pipeline, text)
    assert source_of(an, "two captives would be freed") == (
        "Hezbollah of Lebanon",
        "group:hezbollah",
    )


def test_a_given_name_alone_is_not_a_by_names_last_word(pipeline: Any) -> None:
    text = (
        "MS ADEYEMI: Good afternoon. I have two things at the top and then I will take your "
        "questions. Go ahead, Mazen.\n\nQUESTION: Thank you. Can you say more about the talks?"
    )
    an = run(pipeline, text)
    assert linked(an).get("Mazen") is None, an.mentions


def test_a_by_name_written_whole_still_links(pipeline: Any) -> None:
    an = run(pipeline, "Abu Mazen said on Sunday that the talks would resume next month.")
    assert source_of(an, "the talks would resume") == ("Abu Mazen", "person:mahmoud-abbas")


def test_a_demonym_plural_is_a_people_where_another_land_qualifies_it(pipeline: Any) -> None:
    text = (
        "Talks on the new map stalled again on Tuesday. Ante Buric, the Bosnian Croat "
        "commander, said his units would leave the ridge. The Croats have held the ridge since "
        "May, and the government wants it back."
    )
    an = run(pipeline, text)
    assert "HRV" not in linked(an).values(), an.mentions


def test_ethnic_before_a_demonym_makes_it_a_people(pipeline: Any) -> None:
    text = (
        "Ethnic Russians make up a third of the province. The Russians there fear the new "
        "language law, their leaders said."
    )
    an = run(pipeline, text)
    assert "RUS" not in linked(an).values(), an.mentions


def test_a_demonym_plural_alone_is_still_the_state(pipeline: Any) -> None:
    text = (
        "Voters in Zagreb went to the polls on Sunday. The Croats elected a new parliament, "
        "officials said."
    )
    an = run(pipeline, text)
    assert linked(an).get("Croats") == "HRV", an.mentions


def test_a_family_name_with_a_given_name_tagged_org_is_a_new_person(pipeline: Any) -> None:
    text = (
        "The Chinese spokesperson reacted to the tariffs on Tuesday. Wang Haibin also noted "
        "that his country opposes any unilateral tariff."
    )
    an = run(pipeline, text)
    assert "person:wang-yi" not in linked(an).values(), an.mentions
    assert source_of(an, "his country opposes") == ("Wang Haibin", "new:wang-haibin")


def test_a_family_name_alone_after_the_full_name_keeps_its_link(pipeline: Any) -> None:
    text = (
        "Wang Yi said on Tuesday that China opposes any unilateral sanction. Wang also noted "
        "that talks should go on."
    )
    assert source_of(run(pipeline, text), "talks should go on") == ("Wang", "person:wang-yi")


# ------------------------------------------------------------------ claims carried by nouns


def test_a_charge_with_a_demonym_is_that_states_claim(pipeline: Any) -> None:
    text = (
        "The ministry's denial followed an Ethiopian charge that Eritrean troops had crossed "
        "the border this week and had killed four farmers."
    )
    an = run(pipeline, text)
    source = source_of(an, "Eritrean troops had crossed the border")
    assert source is not None and source[1] == "ETH", an.attributions
    claim = [a.claim.text for a in an.attributions if a.reporter.actor == "ETH"]
    assert claim == ["Eritrean troops had crossed the border this week and had killed four farmers"]


def test_an_earlier_charge_recalled_is_the_charging_states(pipeline: Any) -> None:
    text = (
        "The agency termed this false and recalled an earlier Kenyan charge that armed gunmen "
        "had attacked a police post last year."
    )
    source = source_of(run(pipeline, text), "armed gunmen had attacked a police post")
    assert source is not None and source[1] == "KEN", source


def test_his_assertion_is_the_claim_of_the_man_named_before(pipeline: Any) -> None:
    text = (
        "Defence Minister Tomas Kerr spoke to reporters on Monday. His assertion that the "
        "ceasefire was holding drew scorn from the opposition."
    )
    source = source_of(run(pipeline, text), "the ceasefire was holding")
    assert source is not None and source[1] == "new:tomas-kerr", source


def test_a_states_claim_with_a_possessive(pipeline: Any) -> None:
    text = "Ministers rejected Ghana's claim that the treaty had lapsed in 2019."
    assert source_of(run(pipeline, text), "the treaty had lapsed") == ("Ghana", "GHA")


def test_a_noun_of_claiming_with_no_owner_names_no_source(pipeline: Any) -> None:
    text = "The army rejected the allegation that its soldiers had burned three villages."
    assert source_of(run(pipeline, text), "its soldiers had burned") is None


def test_a_relative_clause_on_a_charge_is_no_claim(pipeline: Any) -> None:
    text = "Ghana's charge that it made in May was repeated on Sunday by its envoy."
    an = run(pipeline, text)
    assert not [a for a in an.attributions if a.cue == "charge"], an.attributions


# ------------------------------------------------------------------ the report and the tag


def test_the_report_after_a_station_spoke_is_the_stations(pipeline: Any) -> None:
    text = (
        "LAGOS, March 3 - Government forces were moving north on Tuesday.\n\n"
        "On the contrary, the state radio said, rebels had shelled two towns in the north. "
        "The report added that at least nine civilians had been killed."
    )
    source = source_of(run(pipeline, text), "at least nine civilians")
    assert source is not None and source[0] == "the state radio", source


def test_the_report_after_a_station_reported_is_the_stations(pipeline: Any) -> None:
    text = (
        "LAGOS, March 3 - The state radio reported tonight that rebels had shelled two towns "
        "in the north.\n\nThe report added that at least nine civilians had been killed and "
        "that the army had sent reinforcements."
    )
    source = source_of(run(pipeline, text), "at least nine civilians")
    assert source is not None and source[0] == "The state radio", source


def test_the_report_after_officials_spoke_stays_the_report(pipeline: Any) -> None:
    text = (
        "Rebels shelled two towns in the north on Tuesday, officials said.\n\n"
        "The report added that at least nine civilians had been killed."
    )
    source = source_of(run(pipeline, text), "at least nine civilians")
    assert source is not None and source[0] == "The report", source


def test_an_inverted_tag_before_a_clause_of_time_names_the_source(pipeline: Any) -> None:
    text = (
        "Reform of the council must include a larger membership that reflects today's world, "
        "said delegates as the Assembly opened its annual debate on the subject."
    )
    an = run(pipeline, text)
    assert [(a.reporter.text, a.claim.text) for a in an.attributions] == [
        ("delegates", "Reform of the council must include a larger membership that reflects "
         "today's world")
    ]  # fmt: skip


def test_an_inverted_tag_whose_as_hangs_on_the_noun_names_the_noun(pipeline: Any) -> None:
    text = (
        "The fund must grow and reach more countries, said speakers as the General Assembly "
        "began its debate on aid reform."
    )
    an = run(pipeline, text)
    assert [(a.reporter.text, a.claim.text) for a in an.attributions] == [
        ("speakers", "The fund must grow and reach more countries")
    ]


# ------------------------------------------------------------------ speaker words


def test_speaker_words_leave_out_the_dateline(pipeline: Any) -> None:
    text = (
        "NAIROBI - Kenyan President Samuel Otieno said he is ready for the summit in Addis "
        "Ababa, stressing however that he will not meet the rebel leaders."
    )
    source = source_of(run(pipeline, text), "he is ready for the summit")
    assert source is not None and source[0] == "Kenyan President Samuel Otieno", source


def test_speaker_words_leave_out_a_phrase_of_time_after_the_name(pipeline: Any) -> None:
    text = (
        "Earlier in the day, Tomas Varga, the rebel commander, after a meeting at his camp in "
        "the hills, said his fighters would leave the town."
    )
    source = source_of(run(pipeline, text), "his fighters would leave")
    assert source is not None and source[0] == "Tomas Varga, the rebel commander", source


def test_speaker_words_keep_an_of_phrase_after_the_name(pipeline: Any) -> None:
    text = "Lena Holt, of the Daily Courier, said the paper would appeal."
    source = source_of(run(pipeline, text), "the paper would appeal")
    assert source is not None and source[0] == "Lena Holt, of the Daily Courier", source


def test_speaker_words_leave_out_the_relative_clause_that_speaks(pipeline: Any) -> None:
    text = (
        "The rebels denied the account given by opposition leader Tomas Brenner, who announced "
        "on Monday that Peru would host the next round of talks."
    )
    an = run(pipeline, text)
    found = [a.reporter for a in an.attributions if a.claim.text.startswith("Peru would host")]
    assert [(r.text, r.actor) for r in found] == [
        ("opposition leader Tomas Brenner", "new:tomas-brenner")
    ], an.attributions


def test_speaker_words_leave_out_the_day_hung_on_the_last_word(pipeline: Any) -> None:
    text = (
        "The state agency overseeing Norway's arms exports on Friday denied reports that it "
        "would sell rockets to Chile."
    )
    source = source_of(run(pipeline, text), "it would sell rockets")
    assert source is not None, source
    assert source[0] == "The state agency overseeing Norway's arms exports", source


def test_a_name_spelled_two_ways_in_one_article_is_one_person(pipeline: Any) -> None:
    text = (
        "Green Party MP Tomas Verbiar rejected the charges on Friday.\n\n"
        '"Why was the minister absent from the vote?" Tomas Verbier said in a radio interview.'
    )
    an = run(pipeline, text)
    assert {m.actor for m in an.mentions if m.text.startswith("Tomas")} == {"new:tomas-verbiar"}


def test_names_a_lone_vowel_or_a_letter_apart_stay_two_people(pipeline: Any) -> None:
    text = (
        "Anna Berg met the envoy on Friday. Anna Borg, her colleague, said the talks had "
        "failed. Ahmed Hassan and Ahmed Hassani, his cousin, left on Sunday."
    )
    an = run(pipeline, text)
    people = {m.text: m.actor for m in an.mentions}
    assert people.get("Anna Borg") == "new:anna-borg", an.mentions
    assert people.get("Ahmed Hassani") == "new:ahmed-hassani", an.mentions
