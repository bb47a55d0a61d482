"""Speech constructions left over from rounds 15 and 16 (docs/review/speech.md), in our own words.

* "While A conceded that X, it insisted that Y": two claims, X the concession's, Y the main
  clause's, both A's (the parser runs the first into the second);
* "he said" after an embedded post: the last speaker's turn is still open, however many
  sentences lie between; another speaker since closes it;
* "Quoting a report in the X, Senator Y said that …": Y speaks, the report is no source;
  "CLAIM with names of charges in marks, the agency reports": a claim of the agency;
* "the Brazilian foreign ministry official" takes up the ministry's spokesman named before;
* speaker words without a participle clause (", drawing a parallel …") or a tail after the
  name ("… Ms X on a point of order"); a name closing a role phrase names its holder;
  "Minister X" and "Mrs X" are the person named in full before, and a new person's name
  keeps no title;
* "denied the claim" denies the claim just reported; a past participle on a noun ("traders
  alleged to have …") names nobody alleging.
"""

from __future__ import annotations

from typing import Any

import pytest

from speech_kit import direct, run, source_of

pytestmark = pytest.mark.model


def claims(an: Any) -> dict[str, tuple[str, str | None]]:
    return {a.claim.text: (a.reporter.text, a.reporter.actor) for a in an.attributions}


# ------------------------------------------------------------------ fronted concessions

_CONCEDED = (
    "Closing arguments began on Monday.\n\n"
    "While the Defence conceded that Halvorsen, when mayor of the district, did approve "
    "several permits, it insisted that such permits were routine and did not show any "
    "personal gain on Halvorsen's part."
)


def test_a_fronted_concession_and_the_main_clause_are_two_claims(pipeline: Any) -> None:
    found = claims(run(pipeline, _CONCEDED))
    conceded = "Halvorsen, when mayor of the district, did approve several permits"
    assert found.get(conceded, ("", None))[0] == "the Defence", found
    insisted = [k for k in found if k.startswith("such permits were routine")]
    assert insisted and found[insisted[0]][0] == "the Defence", found


def test_a_concession_the_parser_reads_whole_keeps_two_claims(pipeline: Any) -> None:
    text = (
        "While the ministry acknowledged that Okonkwo, as head of the port authority, did "
        "sign the contracts, it stressed that the contracts were approved by the whole board."
    )
    found = claims(run(pipeline, text))
    assert found.get("Okonkwo, as head of the port authority, did sign the contracts"), found
    assert found.get("the contracts were approved by the whole board", ("", None))[0] == (
        "the ministry"
    ), found


def test_a_while_of_time_before_a_claim_claims_nothing(pipeline: Any) -> None:
    text = "While the talks went on in Vienna, the minister said that the convoy had left."
    found = claims(run(pipeline, text))
    assert list(found) == ["the convoy had left"], found


# ------------------------------------------------------------------ an open turn

_POST = (
    "Nine ministers just held a briefing.\n\n"
    "\u2014 Tomas Verhoeven (@tverhoevenmp) March 3, 2024\n\n"
    "To them, we say this.\n\nAnswer one of our nine questions. Try.\n\n"
    "Then lecture us about the House.\n\n"
    "The opposition has a strong case. You have nothing.\n\n"
    "VIDEO pic.example.com/Ab12Cd\n\n"
)
_LAST = (
    '"Why were 40 bills passed in one week? Why did no committee see them? Why are most of '
    'them decrees? Last year it was two," he said.'
)
_FIRST = (
    "Green Party MP Tomas Verhoeven on Friday rejected the charges of the government.\n\n"
    '"Why was the minister absent from the vote? Where was he?" the Green Party MP said in a '
    "radio interview.\n\n"
)


def test_he_said_after_an_embedded_post_is_the_last_speaker(pipeline: Any) -> None:
    an = run(pipeline, _FIRST + _POST + _LAST)
    last = [q for q in direct(an) if q.text.startswith("Why were 40 bills")]
    assert last and last[0].speaker is not None, direct(an)
    assert last[0].speaker.actor == "new:tomas-verhoeven"


def test_another_speaker_closes_the_turn(pipeline: Any) -> None:
    other = (
        '"We will answer every question in the chamber," said Interior Minister Anna Lindqvist.\n\n'
    )
    an = run(pipeline, _FIRST + other + _POST + _LAST)
    last = [q for q in direct(an) if q.text.startswith("Why were 40 bills")]
    assert last and last[0].speaker is None, last


# ------------------------------------------------------------------ sources named beside


def test_a_senator_quoting_a_report_is_the_source(pipeline: Any) -> None:
    text = (
        "Quoting a report published in the Daily Monitor, the former Ambassador of Norway to "
        "Kenya Senator Ingrid Solberg said that the accord lets foreign troops stay in the region."
    )
    an = run(pipeline, text)
    found = [a for a in an.attributions if a.claim.text.startswith("the accord lets")]
    assert found and found[0].reporter.actor == "new:ingrid-solberg", an.attributions
    assert found[0].via is None and "Monitor" not in found[0].reporter.text


def test_a_quoting_clause_read_as_the_subject_leaves_the_speaker(pipeline: Any) -> None:
    text = (
        "\u201cWe want respect,\u201d she said.\n\n"
        "Quoting an article published in the Daily Monitor, the former Ambassador of Norway to "
        "Kenya Senator Ingrid Solberg said that the accord lets foreign troops stay in the region."
    )
    found = source_of(run(pipeline, text), "the accord lets")
    assert found is not None and found[1] == "new:ingrid-solberg", found
    assert "Monitor" not in found[0], found


def test_an_outlet_citing_a_report_still_relays_it(pipeline: Any) -> None:
    text = "Citing a report by the ministry, Reuters said that the border would reopen."
    an = run(pipeline, text)
    found = [a for a in an.attributions if a.claim.text.startswith("the border would")]
    assert found and found[0].via is not None and found[0].via.text == "Reuters", found


def test_names_of_charges_and_the_agency_reports_make_a_claim(pipeline: Any) -> None:
    text = (
        '"The authorities are treating these people like criminals," Mark Ellery, the regional '
        "director at the Freedom Institute, told the Associated Press.\n\n"
        'Most of those held face charges including "undermining the state" and "spreading '
        'false news", the agency reports.'
    )
    found = source_of(run(pipeline, text), "Most of those held face charges")
    assert found is not None and found[0] == "the agency", found
    assert found[1] is not None and found[1].startswith("outlet:"), found


def test_a_quoted_claim_before_the_agency_reports_stays_a_quote(pipeline: Any) -> None:
    text = (
        "Mark Ellery spoke to the Associated Press on Monday.\n\n"
        '"They are treating these people like criminals," the agency reports.'
    )
    assert source_of(run(pipeline, text), "treating these people") is None


# ------------------------------------------------------------------ descriptions

_SPOKESMAN = (
    "Brazil's Foreign Ministry spokesman Pedro Alvarenga said on Monday that his country "
    "opposes any unilateral tariff.\n\n"
    "On Saturday, the bloc imposed duties on Brazilian steel.\n\n"
    "Elsewhere in his remarks, the Brazilian foreign ministry official called on both sides to "
    "return to talks, noting that Brazil supports any effort to settle the dispute."
)


def test_the_ministry_official_is_the_spokesman_named_before(pipeline: Any) -> None:
    found = source_of(run(pipeline, _SPOKESMAN), "Brazil supports any effort")
    assert found is not None and found[1] == "new:pedro-alvarenga", found


def test_the_official_after_an_unnamed_official_stays_words(pipeline: Any) -> None:
    text = "A senior Brazilian official told reporters the duties were unfair.\n\n" + _SPOKESMAN
    found = source_of(run(pipeline, text), "Brazil supports any effort")
    assert found is not None and found[1] is None, found


def test_speaker_words_leave_out_a_participle_clause(pipeline: Any) -> None:
    text = (
        "Lena Brandt, counsel for Mr. Okoro, drawing a parallel between the case and an old "
        "trial, suggested the evidence was weak and had led the court astray."
    )
    found = source_of(run(pipeline, text), "the evidence was weak")
    assert found == ("Lena Brandt, counsel for Mr. Okoro", "new:lena-brandt"), found


def test_a_name_closing_a_role_phrase_is_its_holder_without_the_tail(pipeline: Any) -> None:
    text = (
        "The Parliamentary leader of Ruritania People\u2019s Party (RPP) in the Senate Ms Sherry "
        "Collins on a point of public concern said that the plan was made in haste."
    )
    found = source_of(run(pipeline, text), "the plan was made in haste")
    assert found == (
        "The Parliamentary leader of Ruritania People\u2019s Party (RPP) in the Senate Ms Sherry "
        "Collins",
        "new:sherry-collins",
    ), found


def test_minister_and_a_surname_is_the_minister_named_before(pipeline: Any) -> None:
    text = (
        "Foreign Minister Tarek Mansour took part on Thursday in a meeting of the contact "
        "group.\n\nMinister Mansour stressed that the group is looking forward to a lasting truce."
    )
    an = run(pipeline, text)
    assert source_of(an, "the group is looking forward") == (
        "Minister Mansour",
        "new:tarek-mansour",
    )
    assert {a.name for a in an.actors if a.kind == "person"} == {"Tarek Mansour"}


def test_minister_and_a_surname_alone_links_nobody(pipeline: Any) -> None:
    an = run(pipeline, "Minister Mansour stressed that the group wants a lasting truce.")
    assert source_of(an, "the group wants") == ("Minister Mansour", None)


def test_a_new_person_is_named_without_her_title(pipeline: Any) -> None:
    text = "Mrs Grace Wanjiru, a Ugandan diplomat said the split would set the region back."
    an = run(pipeline, text)
    assert {a.id: a.name for a in an.actors if a.kind == "person"} == {
        "new:grace-wanjiru": "Grace Wanjiru"
    }


def test_mrs_and_a_surname_is_not_the_man_named_so(pipeline: Any) -> None:
    text = (
        "Kenyan diplomat John Wanjiru met the envoy on Monday.\n\n"
        "Mrs Wanjiru said the split would set the region back many years."
    )
    found = source_of(run(pipeline, text), "the split would set")
    assert found == ("Mrs Wanjiru", None), found


# ------------------------------------------------------------------ cues

_DENIED = (
    "The export agency on Friday denied reports that the country plans to sell a new radar to "
    "Chad. Chad's defence minister had said earlier this week that Russia was preparing to "
    "supply the radar.\nBut the export agency denied the claim in a brief statement."
)


def test_denied_the_claim_denies_the_claim_just_reported(pipeline: Any) -> None:
    an = run(pipeline, _DENIED)
    denied = [a for a in an.attributions if a.cue == "denied"]
    assert "the claim" not in [a.claim.text for a in denied], denied
    assert "Russia was preparing to supply the radar" in [a.claim.text for a in denied], denied


def test_denied_the_charges_alone_keeps_the_charges(pipeline: Any) -> None:
    found = source_of(run(pipeline, "Lavrov denied the charges on Monday."), "the charges")
    assert found is not None and found[0] == "Lavrov", found


def test_a_participle_of_saying_before_an_infinitive_names_no_source(pipeline: Any) -> None:
    text = (
        "Sanctions imposed\n\nWASHINGTON \u2014 A senior Treasury official said today that new "
        "Ruritania sanctions designations targeting Ruritanians alleged to have been involved in "
        "sensitive missile research are part of a broader pressure campaign it hopes will "
        "eventually persuade Ruritania to come back to the table."
    )
    an = run(pipeline, text)
    assert [a.cue for a in an.attributions] == ["said"], an.attributions


def test_an_active_allegation_is_still_a_claim(pipeline: Any) -> None:
    found = source_of(
        run(pipeline, "Prosecutors alleged that the traders had smuggled arms across the border."),
        "the traders had smuggled arms",
    )
    assert found is not None and found[0] == "Prosecutors", found
