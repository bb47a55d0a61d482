"""Constructions met in round 6 of the speech review (docs/review/speech.md), in our own words.

* "he said" after a paragraph of background in the pluperfect ("X had met …") is still the
  spokesman quoted before, even when the model tags neither name; a person acting in the
  simple past is the new antecedent;
* "The move prompted the delegates to walk out, saying …": a happening says nothing, the
  delegates it moved do; a person or a state that prompts others still speaks;
* "The reason she is abroad is …": a phrase with "she" inside is not her; "She is doing fine. She
  is well. She said …" goes back through the pronouns to "the Deputy Secretary-General";
* a name in marks ('the map drawn up by the four-nation "Harbour Committee."') is no quote, and
  never its own speaker; a short capitalised quote with a speaker is still a quote;
* "X pointed out the importance of dialogue": a stance stated by a verb of saying is X's
  claim; the same noun after a verb that says nothing ("the port meets the need for …") is not;
* "The spokesman, who …, said" goes back to "ministry spokesman X" quoted before, even when no
  mention marks X; another role ("the minister") does not;
* a speaker's name the parser cut ("… President Moon Jae In told", read as "In") keeps the whole
  name the model tagged; a phrase inside no name stays as it is;
* "State Councilor and Foreign Minister X said": two titles of one person, one speaker; two
  named people joined by "and" are still two;
* "X vowed that A but minister Y said B", Y hung by the parser inside A: two claims, each with
  its own speaker; a "but" inside one claim ("… held in the north but fighting went on") stays;
* "He said" after "Ambassador to X Y was invited …": an ambassador is a person to take up;
* a tag after its claim with the name after the verb ("…, reported TASS.", "…, noted RIA
  Novosti.") credits the claim to that name; a verb with a name for object says nothing;
* "In a statement, during which reporters stood back, X reiterated the position that Y": the
  claim is Y, not the relative clause; a position named without its content claims nothing;
* "X told press Sunday that …": the press is the audience, no medium between; "told TASS" is;
* "the diplomat said" takes up "the new ambassador to X, Y" named before; a trade minister is
  no diplomat;
* round 8: "X said in a statement that Y", the clause hung on the statement, claims Y (a
  relative "a statement that was released" does not); a relative clause after the verb ("…, the
  most important of which is …") is no claim; "he added" takes up "X, spokesman for …" even when
  the model took X for an organisation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from parley.extract.speech.quotes import QuoteExtractor
from parley.models import Actor, Quote, RawDocument
from speech_ctx import make_ctx, make_kb, speech_of


def speakers(quotes: list[Quote]) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in quotes if q.direct}


SPOKESMAN = (
    "Recalling envoy John Halloran's visit, "
    'foreign ministry spokesman Tarek Obeidi said "we talked and he has left with a clear '
    'view of our position".\n\n'
    "{background}\n\n"
    '"The second round began in May with talks on trade. A further meeting on fishing was '
    "planned but it never took place.\n\n"
    '"Such a meeting has to be set up soon together with the rest," he said.'
)


@pytest.mark.model
def test_he_said_after_background_in_the_pluperfect_is_the_spokesman(sm: Any) -> None:
    background = "John Halloran had during his stay this week met with the president and officials."
    quotes = speakers(speech_of(sm, SPOKESMAN.format(background=background))[0])
    speaker = quotes["Such a meeting has to be set up soon together with the rest"]
    assert speaker is not None and speaker.endswith("Tarek Obeidi")


@pytest.mark.model
def test_he_said_after_a_new_person_acting_is_that_person(sm: Any) -> None:
    background = "John Halloran met the president and officials on Monday."
    quotes = speakers(speech_of(sm, SPOKESMAN.format(background=background))[0])
    assert quotes["Such a meeting has to be set up soon together with the rest"] == "John Halloran"


def claim_sources(text: str, sm: Any) -> dict[str, str]:
    return {c.claim.text: c.reporter.text for c in speech_of(sm, text)[1]}


@pytest.mark.model
def test_a_happening_that_moves_people_to_act_does_not_speak_they_do(sm: Any) -> None:
    text = (
        "The decision prompted Ruritanian delegates to walk out of the talks in Vienna on "
        "Friday, saying it broke the terms of the accord."
    )
    [source] = [r for c, r in claim_sources(text, sm).items() if c.startswith("it broke")]
    assert source == "Ruritanian delegates"


@pytest.mark.model
def test_a_person_who_prompts_others_still_speaks(sm: Any) -> None:
    text = (
        "Lavrov urged the delegates to stay at the talks in Vienna on Friday, saying a walkout "
        "would break the terms of the accord."
    )
    [source] = [r for c, r in claim_sources(text, sm).items() if c.startswith("a walkout")]
    assert source == "Lavrov"


OFFICIAL = (
    "The Deputy Special Envoy is in Oslo, where she is attending the forum by video. "
    "The reason she is attending by video is that she has caught a cold. She is doing fine. "
    "She feels well. She said she is glad the forum went ahead."
)


@pytest.mark.model
def test_she_said_goes_back_through_pronouns_to_the_official(sm: Any) -> None:
    [source] = [r for c, r in claim_sources(OFFICIAL, sm).items() if c.startswith("she is glad")]
    assert source == "The Deputy Special Envoy"


@pytest.mark.model
def test_a_phrase_about_her_is_not_her(sm: Any) -> None:
    sources = claim_sources(OFFICIAL, sm)
    assert not any(r.startswith("The reason") for r in sources.values())


@pytest.mark.model
def test_a_name_in_marks_is_no_quote(sm: Any) -> None:
    text = (
        "Mediators must now persuade the rebels to accept the map proposed last spring by the "
        'four-nation "Harbour Committee."'
    )
    quotes = speakers(speech_of(sm, text)[0])
    assert not any("Harbour Committee" in q for q in quotes)


@pytest.mark.model
def test_a_short_capitalised_quote_with_a_speaker_is_a_quote(sm: Any) -> None:
    text = 'Delegates left the hall on Friday. "Stand Firm Together," Lavrov said.'
    assert speakers(speech_of(sm, text)[0]) == {"Stand Firm Together": "Lavrov"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Lavrov pointed out the importance of giving the envoys a chance to meet again.",
         "the importance of giving the envoys a chance to meet again"),
        ("Rubio stressed the need for a second round of talks in Geneva.",
         "the need for a second round of talks in Geneva"),
    ],
)  # fmt: skip
def test_a_stance_stated_by_a_verb_of_saying_is_a_claim(sm: Any, text: str, claim: str) -> None:
    assert claim in claim_sources(text, sm)


@pytest.mark.model
def test_the_same_noun_after_a_verb_that_says_nothing_is_no_claim(sm: Any) -> None:
    assert claim_sources("The new port meets the need for deeper berths in the bay.", sm) == {}


BRIEFING = (
    'Foreign ministry spokesman Tarek Obeidi said "we talked and he has left with a clear '
    'view of our position".\n\nThe envoy met the president during his stay.\n\n'
    'The {role}, who was holding his weekly briefing, said "we are talking through the usual '
    'channels".'
)


@pytest.mark.model
def test_the_spokesman_goes_back_to_the_spokesman_quoted_before(sm: Any) -> None:
    quotes = speakers(speech_of(sm, BRIEFING.format(role="spokesman"))[0])
    speaker = quotes["we are talking through the usual channels"]
    assert speaker is not None and speaker.endswith("Tarek Obeidi")


@pytest.mark.model
def test_another_role_does_not_go_back_to_the_spokesman(sm: Any) -> None:
    quotes = speakers(speech_of(sm, BRIEFING.format(role="minister"))[0])
    assert quotes["we are talking through the usual channels"] == (
        "The minister, who was holding his weekly briefing"
    )


@pytest.mark.model
def test_a_name_the_parser_cut_keeps_its_whole_words(pipeline: Any) -> None:
    """A known person whose name ends in a word the parser takes for a preposition."""
    text = "On Friday, visiting President Moon Jae In told the hosts that the talks would resume."
    raw = RawDocument(source="t", text=text, published_at=dt.date(2019, 5, 3))
    [claim] = pipeline.run(raw).attributions
    assert claim.reporter.actor == "person:moon-jae-in"
    assert claim.reporter.text.endswith("Moon Jae In")


@pytest.mark.model
def test_a_phrase_in_no_name_keeps_its_words(sm: Any) -> None:
    text = "On Tuesday, a senior Korean diplomat told reporters that talks would resume."
    assert list(claim_sources(text, sm).values()) == ["a senior Korean diplomat"]


@pytest.mark.model
def test_two_titles_joined_by_and_are_one_speaker(sm: Any) -> None:
    text = "Talks will resume, Russian State Councilor and Foreign Minister Sergei Lavrov said."
    [claim] = speech_of(sm, text)[1]
    assert claim.reporter.actor == "lavrov"


@pytest.mark.model
def test_two_named_people_joined_by_and_are_two_speakers(sm: Any) -> None:
    text = "Talks will resume, Marco Rubio and Foreign Minister Sergei Lavrov said."
    assert {c.reporter.actor for c in speech_of(sm, text)[1]} == {"rubio", "lavrov"}


@pytest.mark.model
def test_a_second_speaker_hung_inside_the_first_claim_says_his_own(sm: Any) -> None:
    text = (
        "Cabinet Spokesman Dr Peter Kamau vowed that the cabinet would never bargain with a "
        "criminal gang like the Red Hand but Foreign Affairs assistant minister John Otieno "
        "said talks with the militia were welcome."
    )
    claims = claim_sources(text, sm)
    first = [c for c in claims if c.startswith("the cabinet would never")]
    assert first == ["the cabinet would never bargain with a criminal gang like the Red Hand"]
    assert claims["talks with the militia were welcome"].endswith("John Otieno")


@pytest.mark.model
def test_a_but_inside_one_claim_stays_in_it(sm: Any) -> None:
    text = "Lavrov said the ceasefire held in the north but fighting went on in the south."
    assert claim_sources(text, sm) == {
        "the ceasefire held in the north but fighting went on in the south": "Lavrov"
    }


@pytest.mark.model
def test_he_takes_up_an_ambassador(sm: Any) -> None:
    text = (
        "Ruritanian Ambassador to the United States Tomas Virtanen was invited to a dinner held "
        "by the Trade Council on Monday. He said that the two states should respect each other."
    )
    [source] = claim_sources(text, sm).values()
    assert "Ambassador" in source and source.endswith("Tomas Virtanen")


@pytest.mark.model
def test_he_does_not_take_up_an_embassy(sm: Any) -> None:
    text = (
        "The Ruritanian Embassy in Washington was closed for a dinner held by the Trade Council on "
        "Monday. He said that the two states should respect each other."
    )
    assert not any("Embassy" in s for s in claim_sources(text, sm).values())


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The two sides had twice put off the meeting, first planned for early May, noted "
         "RIA Novosti.", "RIA Novosti"),
        ("The talks resumed in Geneva on Monday, reported TASS.", "TASS"),
        ("The talks resumed in Geneva on Monday, reported TASS.\n\nThe delegates met again.",
         "TASS"),
    ],
)  # fmt: skip
def test_a_tag_after_its_claim_with_the_name_after_the_verb(
    sm: Any, text: str, source: str
) -> None:
    [(claim, reporter)] = claim_sources(text, sm).items()
    assert reporter == source and text.startswith(claim)


@pytest.mark.model
def test_a_verb_with_a_name_for_object_says_nothing(sm: Any) -> None:
    assert claim_sources("The envoy arrived in Geneva on Monday and noted TASS.", sm) == {}


@pytest.mark.model
def test_the_position_that_is_the_claim_not_the_relative_clause(sm: Any) -> None:
    text = (
        "In a short statement, during which journalists had to stand behind a rope, Rubio "
        "repeated the government's position that the sanctions will stay in place during the talks."
    )
    assert claim_sources(text, sm) == {"the sanctions will stay in place during the talks": "Rubio"}


@pytest.mark.model
def test_a_position_without_its_content_claims_nothing(sm: Any) -> None:
    assert claim_sources("Rubio reiterated the government's position on Monday.", sm) == {}


@pytest.mark.model
@pytest.mark.parametrize(("listener", "via"), [("press", None), ("TASS", "TASS")])
def test_the_press_in_general_is_no_medium(pipeline: Any, listener: str, via: str | None) -> None:
    text = f"The war will end by spring, Lavrov told {listener} on Sunday before leaving."
    raw = RawDocument(source="t", text=text, published_at=dt.date(2020, 1, 1))
    [claim] = pipeline.run(raw).attributions
    assert claim.reporter.actor == "person:sergei-lavrov"
    assert (claim.via.text if claim.via else None) == via


@pytest.mark.model
@pytest.mark.parametrize(("role", "actor"), [("ambassador to Canada", "lavrov"),
                                             ("trade minister", None)])  # fmt: skip
def test_the_diplomat_takes_up_an_ambassador_named_before(
    sm: Any, role: str, actor: str | None
) -> None:
    text = (
        f"Russia's new {role}, Sergei Lavrov, arrived in Ottawa on Monday.\n\n"
        '"I have come here to build ties," the diplomat said.'
    )
    [quote] = [q for q in speech_of(sm, text)[0] if q.text.startswith("I have come")]
    assert quote.speaker is not None and quote.speaker.actor == actor


@pytest.mark.model
def test_the_minister_is_not_the_person_a_minister_met(sm: Any) -> None:
    text = (
        "Foreign Minister Marco Rubio met Sergei Lavrov in Ottawa on Monday.\n\n"
        '"We have come here to build ties," the minister said.'
    )
    [quote] = [q for q in speech_of(sm, text)[0] if q.text.startswith("We have come")]
    assert quote.speaker is not None and quote.speaker.actor == "rubio"


@pytest.mark.model
def test_the_secretary_is_not_the_minister_named_with_him(sm: Any) -> None:
    text = (
        "The Secretary and Foreign Minister Lavrov talked by phone on Friday about the border. "
        "The Secretary stressed the need for a swift return to the truce."
    )
    assert "lavrov" not in {c.reporter.actor for c in speech_of(sm, text)[1]}


@pytest.mark.model
def test_he_said_after_a_new_person_in_the_pluperfect_is_that_person(sm: Any) -> None:
    text = (
        "Foreign ministry spokesman Tarek Obeidi said the talks were useful.\n\n"
        "John Halloran had arrived in Geneva on Monday.\n\n"
        '"We are ready to sign," he said.'
    )
    assert speakers(speech_of(sm, text)[0])["We are ready to sign"] == "John Halloran"


@pytest.mark.model
def test_the_diplomat_is_named_without_the_wire_dateline(pipeline: Any) -> None:
    text = (
        "Ottawa, May 23 (EFE).- China's new ambassador to Canada, Xie Lan, called for "
        "more dialogue on his arrival in the country on Tuesday.\n\n"
        '"I have come here to build ties," the diplomat said.'
    )
    raw = RawDocument(source="t", text=text, published_at=dt.date(2023, 5, 23))
    [quote] = [q for q in pipeline.run(raw).quotes if q.text.startswith("I have come")]
    assert quote.speaker is not None and quote.speaker.actor == "new:xie-lan"
    assert "EFE" not in quote.speaker.text


@pytest.mark.model
@pytest.mark.parametrize(
    ("owner", "actor"), [("the government's", "lavrov"), ("the", "lavrov"), ("Ukraine's", None)]
)
def test_a_capitals_envoy_is_the_governments_envoy_named_next(
    sm: Any, owner: str, actor: str | None
) -> None:
    """ "Moscow's chief envoy told reporters that …", then "the government's chief envoy, X"
    or "the chief envoy, X": the role goes forward to X; another state's envoy is not it."""
    text = (
        "Moscow's chief envoy told reporters on Sunday that the talks would open in Vienna.\n\n"
        f'"We know what we want," said {owner} chief envoy, Sergei Lavrov.'
    )
    [claim] = [c for c in speech_of(sm, text)[1] if c.claim.text.startswith("the talks")]
    assert claim.reporter.actor == actor


@pytest.mark.model
def test_said_in_a_statement_that_claims_the_clause(pipeline: Any) -> None:
    text = (
        "The Arctic Council said in a statement that delegates of Norway and Canada were "
        "taking part as observers. The council said in a statement that was issued on Monday "
        "the talks would resume."
    )
    raw = RawDocument(source="t", text=text, published_at=dt.date(2022, 10, 25))
    claims = {a.claim.text for a in pipeline.run(raw).attributions}
    assert "delegates of Norway and Canada were taking part as observers" in claims
    assert not any(c.startswith("was issued") for c in claims)


@pytest.mark.model
def test_a_relative_clause_after_the_verb_is_no_claim(pipeline: Any) -> None:
    text = (
        "Earlier on Saturday, Omar Haddad, the rebels' official in charge of the file, announced "
        "the end of the talks after agreeing on some points, the most important of which is "
        "freeing the journalist Ali Nasser."
    )
    raw = RawDocument(source="t", text=text, published_at=dt.date(2024, 7, 6))
    claims = {a.claim.text for a in pipeline.run(raw).attributions}
    assert not any("the most important of which" in c for c in claims)


@pytest.mark.model
@pytest.mark.parametrize(("role", "expected"), [(", spokesman for the delegation,", True),
                                                (",", False)])  # fmt: skip
def test_he_added_takes_up_a_spokesman_the_model_took_for_an_organisation(
    sm: Any, role: str, expected: bool
) -> None:
    """The linker made the name an organisation (as the model did with a real name): the
    role beside it still says "he" can be him; without a role, an organisation is no "he"."""
    nasir = Actor(id="nasir", name="Hamed Nasir", kind="organisation")
    text = (
        f"“We concluded the ninth round of talks today,” said Hamed Nasir{role} in a "
        "statement.\n\n“The talks achieved some breakthroughs,” he added."
    )
    ctx = make_ctx(sm, text, make_kb([nasir]))
    QuoteExtractor()(ctx)
    [quote] = [q for q in ctx.analysis.quotes if q.text.startswith("The talks achieved")]
    speaker = quote.speaker.actor if quote.speaker else None
    assert (speaker == "nasir") is expected
