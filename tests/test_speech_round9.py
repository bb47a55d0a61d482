"""Constructions met in round 9 of the speech review (docs/review/speech.md), in our own words.

* "… an announcement by President X that …. He declared …": with no person as subject
  nearby, "he" is the person the sentence before named in another position, not an abstract
  subject further back ("Norway's membership was frozen"); a speaker further back still wins
  over a person named as an object in between ("Lavrov said …. … a call with Rubio. He added");
* 'The paper quoted him: "…"': the words are the person quoted, not the paper's;
* 'Asked about X, the commander replied Y. "…"': a quotation right after a sentence of reported
  speech in its paragraph goes on with that speaker; after narration it does not;
* '"…," the joint statement read.' with "read" parsed as a noun whose subject is the
  statement: the statement speaks for those who issued it ("In a joint statement issued on
  Monday, the two governments confirmed …"), and so does "The statement concluded by noting
  that …" (a gerund of means takes the subject of the verb it hangs on);
* "The report says …. It alleges that …": "it" can be a text that speaks, and never a plural
  ("the talks");
* "CLAIM and CLAIM, a statement posted on the group's website declared.": a closing tag that
  the parser joined to the main verb as one more conjunct still reports the sentence before
  it; a statement published on someone's website is theirs, not an outlet's;
* "…, the agency said" after a ministry spoke, in an article that names no news agency: the
  agency is the ministry; with an outlet named it stays the outlet.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from parley.extract.speech.attributions import AttributionExtractor
from parley.extract.speech.quotes import QuoteExtractor
from parley.models import Actor, Attribution, Quote, RawDocument
from speech_ctx import make_ctx, make_kb, speech_of


def speakers(quotes: list[Quote]) -> dict[str, str | None]:
    return {q.text: q.speaker.text if q.speaker else None for q in quotes if q.direct}


def claim_with(claims: list[Attribution], words: str) -> Attribution:
    found = [c for c in claims if words in c.claim.text]
    assert found, f"no claim with {words!r} in {[c.claim.text for c in claims]}"
    return found[0]


def reporters_of(claims: list[Attribution], words: str) -> list[str]:
    return [c.reporter.text for c in claims if words in c.claim.text]


# ------------------------------------------------------------------ "he" after a non-subject


ANNOUNCEMENT = (
    "Summit season\n\n"
    "The format has existed since Chancellor Helmut Schmidt hosted the first meeting in 1975. "
    "A small state for decades, it joined the union in 1995, until Norway's membership was "
    "frozen in 2020.\n\n"
    "The meeting in Bergen broke new ground with a pledge by Prime Minister Ulf Kristersson "
    "that there would be no joint text. He declared it would be a waste of time."
)


@pytest.mark.model
def test_he_is_the_person_named_by_the_sentence_before_not_an_abstract_subject(sm: Any) -> None:
    claim = claim_with(speech_of(sm, ANNOUNCEMENT)[1], "a waste of time")
    assert claim.reporter.text.endswith("Ulf Kristersson")


@pytest.mark.model
def test_an_abstract_subject_is_no_antecedent_of_he(sm: Any) -> None:
    text = (
        "Summit season\n\n"
        "A small state for decades, it joined the union in 1995, until Norway's membership "
        "was frozen in 2020. He declared it would be a waste of time."
    )
    assert reporters_of(speech_of(sm, text)[1], "a waste of time") == []


@pytest.mark.model
def test_a_speaker_further_back_beats_a_person_named_as_an_object(sm: Any) -> None:
    text = (
        "Talks\n\n"
        "Lavrov said the talks were useful. The meeting ended after a call with Marco Rubio. "
        "He added that a new round was planned."
    )
    claim = claim_with(speech_of(sm, text)[1], "a new round was planned")
    assert claim.reporter.actor == "lavrov"


# ------------------------------------------------------------------ "quoted him:"


QUOTED_HIM = (
    "Talks to go on\n\n"
    "Talks would go on, Okello Opio said in an interview on Sunday.\n\n"
    "The Harbour Times {verb}: \u201cThe rebels and the army met in Nairobi. Nobody else was "
    "at the table.\u201d"
)


@pytest.mark.model
def test_a_paper_that_quoted_him_relays_his_words(sm: Any) -> None:
    quotes = speakers(speech_of(sm, QUOTED_HIM.format(verb="quoted him"))[0])
    speaker = quotes["The rebels and the army met in Nairobi. Nobody else was at the table."]
    assert speaker == "Okello Opio"


@pytest.mark.model
def test_a_paper_that_writes_is_not_the_person_named_before(sm: Any) -> None:
    quotes = speakers(speech_of(sm, QUOTED_HIM.format(verb="wrote in an editorial"))[0])
    speaker = quotes["The rebels and the army met in Nairobi. Nobody else was at the table."]
    assert speaker != "Okello Opio"


# ------------------------------------------------------------------ a quote after reported speech


AFTER_REPLY = (
    "Talks to go on\n\n"
    'Okello Opio, who now lives in Kampala, said: "The talks are slow."\n\n'
    "Asked about the refusal to meet the governor, the former commander {act}. "
    '"The rebels want to end the war."'
)


@pytest.mark.model
def test_a_quote_after_a_sentence_of_reported_speech_is_that_speakers(sm: Any) -> None:
    act = "replied the rebels fight the army, not the people"
    quotes = speakers(speech_of(sm, AFTER_REPLY.format(act=act))[0])
    assert quotes["The rebels want to end the war."] == "the former commander"


@pytest.mark.model
def test_a_quote_after_narration_is_not_the_narrated_subjects(sm: Any) -> None:
    act = "left the room without a word"
    quotes = speakers(speech_of(sm, AFTER_REPLY.format(act=act))[0])
    assert quotes["The rebels want to end the war."] != "the former commander"


# ------------------------------------------------------------------ a joint statement goes on


JOINT = (
    "Talks\n\n"
    "In a joint statement issued on Monday, the two governments confirmed that the talks in "
    'Geneva were both "useful and frank," paving the way for a settlement of the border '
    "dispute.\n\n"
    "The mediators stressed the need to move quickly, repeating their pledge to keep the talks "
    'going. "The road is now open for that goal, saving time, bringing calm to the valley, and '
    'an end to the shelling," the joint statement read.\n\n'
    "The statement concluded by noting that experts will meet again next month to settle the "
    "border details."
)


@pytest.mark.model
def test_a_joint_statement_read_speaks_for_its_issuers(pipeline: Any) -> None:
    # the full pipeline's parse takes "read" for a noun with the statement as its subject
    raw = RawDocument(source="t", text=JOINT, published_at=dt.date(2024, 8, 17))
    [quote] = [q for q in pipeline.run(raw).quotes if q.text.startswith("The road is now open")]
    assert quote.speaker is not None and quote.speaker.text == "the two governments"


@pytest.mark.model
def test_a_placard_read_with_no_issuer_in_sight_speaks_for_nobody(pipeline: Any) -> None:
    text = 'Protest\n\nThe crowd marched to the square.\n\n"Bread and peace," the placard read.'
    raw = RawDocument(source="t", text=text, published_at=dt.date(2024, 8, 17))
    quotes = speakers(pipeline.run(raw).quotes)
    assert quotes.get("Bread and peace") != "The crowd"  # no issuer is made up


@pytest.mark.model
def test_the_statement_concluded_by_noting_claims_for_its_issuers(pipeline: Any) -> None:
    raw = RawDocument(source="t", text=JOINT, published_at=dt.date(2024, 8, 17))
    claim = claim_with(pipeline.run(raw).attributions, "experts will meet again next month")
    assert claim.reporter.text == "the two governments"
    assert claim.cue == "noting"


@pytest.mark.model
def test_a_gerund_after_by_that_says_nothing_claims_nothing(sm: Any) -> None:
    text = "Visit\n\nThe envoy concluded her visit by touring the camp near the border."
    assert speech_of(sm, text)[1] == []


# ------------------------------------------------------------------ "it" for a text


REPORT = (
    "The report, written by a rights group, says the abuses were no accident. It alleges that "
    "beatings and threats were used against prisoners."
)


@pytest.mark.model
def test_it_after_a_report_is_the_report(sm: Any) -> None:
    claim = claim_with(speech_of(sm, REPORT)[1], "beatings and threats were used")
    assert claim.reporter.text == "The report, written by a rights group"


@pytest.mark.model
def test_it_is_never_a_plural(sm: Any) -> None:
    text = (
        "Talks\n\n"
        "The talks in Oslo stalled again on Monday. It said that the delegates would return."
    )
    assert "The talks in Oslo" not in reporters_of(speech_of(sm, text)[1], "delegates would")


# ------------------------------------------------------------------ a closing tag as a conjunct


MONITORS = (
    "Monitors welcome truce\n\n"
    "The monitors (Anna Berg of Sweden, Piet Mol of the Netherlands and Jan Kos of Poland) "
    "welcome the truce agreed by the two foreign ministers and urge the sides to keep it in "
    "full, a statement posted on {site} declared."
)


@pytest.mark.model
def test_a_closing_tag_read_as_a_conjunct_reports_the_sentence(sm: Any) -> None:
    text = MONITORS.format(site="NATO's website")
    claim = claim_with(speech_of(sm, text)[1], "welcome the truce")
    assert claim.claim.text.startswith("The monitors")
    assert claim.reporter.actor == "nato"  # the statement is the site owner's
    assert claim.reporter.kind == "organisation"


@pytest.mark.model
def test_a_statement_on_a_bare_website_is_no_outlet(sm: Any) -> None:
    text = MONITORS.format(site="the website")
    claim = claim_with(speech_of(sm, text)[1], "welcome the truce")
    assert claim.reporter.kind != "outlet"


@pytest.mark.model
def test_a_conjoined_act_with_its_own_object_reports_nothing_before_it(sm: Any) -> None:
    text = (
        "Monitors welcome truce\n\n"
        "The monitors (Anna Berg of Sweden and Jan Kos of Poland) welcome the truce agreed by "
        "the two foreign ministers and urge the sides to keep it in full, and a statement "
        "posted on NATO's website declared a day of mourning."
    )
    assert reporters_of(speech_of(sm, text)[1], "welcome the truce") == []


# ------------------------------------------------------------------ "the agency" for a ministry


MINISTRY = Actor(id="mfa-nor", name="Norwegian Foreign Ministry", kind="organisation")
AGENCY = (
    "Readout\n\n"
    "The two ministers spoke by phone on Friday.\n\n"
    '"A frank exchange of views took place," the Norwegian Foreign Ministry said in a '
    "statement{credit}.\n\n"
    "The questions of trade and fishing were discussed, the agency said."
)


def _claims_with_ministry(sm: Any, text: str) -> list[Attribution]:
    ctx = make_ctx(sm, text, make_kb([MINISTRY]))
    QuoteExtractor()(ctx)
    AttributionExtractor()(ctx)
    return ctx.analysis.attributions


@pytest.mark.model
def test_the_agency_is_the_ministry_when_no_news_agency_is_named(sm: Any) -> None:
    claims = _claims_with_ministry(sm, AGENCY.format(credit=""))
    claim = claim_with(claims, "trade and fishing were discussed")
    assert claim.reporter.actor == "mfa-nor"
    assert claim.reporter.kind == "organisation"


@pytest.mark.model
def test_the_agency_is_the_outlet_when_one_is_named(sm: Any) -> None:
    claims = _claims_with_ministry(sm, AGENCY.format(credit=", TASS reported"))
    claim = claim_with(claims, "trade and fishing were discussed")
    assert claim.reporter.actor == "tass"
    assert claim.reporter.kind == "outlet"
