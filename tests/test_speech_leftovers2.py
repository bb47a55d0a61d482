"""Speech left-overs of rounds 10–12 (issue 12, speech14), in our own words, tested both ways.

1. The source named in the sentence's own subject: "The last Interior Ministry statement
   said …" is the ministry's even after "X's emergency statement" the sentence before; "he
   suggests" after "Y in the Herald offers …" is the columnist, not a speaker further back.
2. Transcripts: "MR. NAME:" / "MS. NAME:" turns (surnames such as "McDONOUGH" too), "– "
   answers after the questions of a relayed interview; "I" is whoever speaks, never a person
   addressed before it ("Thanks, Tom. … I would just say that …").
3. A description traced back to the one person named before with that role: "The AU head"
   after "AU Commission chair X", "the ex-minister" after "said former finance minister X";
   with two such people, nobody.
4. Sentences: "the hon. Member" never ends a sentence at "hon."; a crosshead ("President
   denies fraud claims") titles the paragraphs after it and claims nothing.
5. "The report claims:" and a list: one claim per item, the report's author the source.
"""

from __future__ import annotations

from typing import Any

import pytest

from parley.models import Analysis
from speech_kit import direct, run, source_of


def claims(an: Analysis) -> list[tuple[str, str]]:
    """(source words, claim words) of every attribution."""
    return [(a.reporter.text, a.claim.text) for a in an.attributions]


def speakers(an: Analysis) -> dict[str, str | None]:
    """Direct quote words → speaker words."""
    return {q.text: q.speaker.text if q.speaker else None for q in direct(an)}


# ------------------------------------------------------------------ 1. the sentence's own source

STATEMENTS = (
    "We are waiting for Anna Kowalczyk's emergency statement to parliament at noon, which will "
    "be followed by a reply from Jan Brod. {subject} said the siege is still going on. The "
    "premier is chairing a crisis meeting."
)


@pytest.mark.model
def test_a_statement_naming_its_issuer_is_the_issuers(pipeline: Any) -> None:
    text = STATEMENTS.format(subject="The last Interior Ministry statement")
    an = run(pipeline, text, title="Siege live")
    found = source_of(an, "the siege is still going on")
    assert found is not None and "Interior Ministry" in found[0]


@pytest.mark.model
def test_the_statement_naming_no_issuer_goes_on_with_the_one_before(pipeline: Any) -> None:
    text = (
        "Anna Kowalczyk said in a statement that the talks would resume. The statement added "
        "that the crossing stays closed."
    )
    an = run(pipeline, text, title="Border")
    found = source_of(an, "the crossing stays closed")
    assert found is not None and found[0] == "Anna Kowalczyk"


COLUMN = (
    "Prime Minister Jan Olsen said on Tuesday that the rescue was the army's decision.\n\n"
    "Two items are worth reading. {writer} in the Guardian offers a quick {which}. There's "
    "an interesting test posed there - he suggests the "
    "government will not criticise the army."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("writer", "which"),
    [
        # the parser makes the verb inside the marks the root, the columnist what it "asks"
        (
            "Daniel Holt",
            "and opinionated account of the army's tactics, which appear to be defined by the "
            "mantra 'shoot first ask questions later'",
        ),
        # the model tags the columnist's name as an organisation
        (
            "Cyril Holt",
            "account of the army's tactics, which appear to follow the mantra 'shoot first'",
        ),
    ],
)
def test_he_after_a_columnist_is_the_columnist(pipeline: Any, writer: str, which: str) -> None:
    an = run(pipeline, COLUMN.format(writer=writer, which=which), title="Rescue live")
    found = source_of(an, "the government will not criticise the army")
    assert found is not None and "Holt" in found[0]


@pytest.mark.model
def test_he_after_a_body_named_for_a_person_is_the_speaker(pipeline: Any) -> None:
    text = COLUMN.format(
        writer="The Cyril Holt Foundation",
        which="account of the army's tactics, which appear to follow the mantra 'shoot first'",
    )
    an = run(pipeline, text, title="Rescue live")
    found = source_of(an, "the government will not criticise the army")
    assert found is not None and "Olsen" in found[0]


# ------------------------------------------------------------------ 2. transcripts

CALL = (
    "MR. HALE: Good evening, everyone. Our speaker tonight is the deputy adviser, Anna Rios. "
    "Anna?\n\n"
    "MS. RIOS: Thanks, Tom. Let me add a word about the dinner. I would just say that the "
    "dinner was very productive and that the leaders agreed on next steps.\n\n"
    "Q: Did the leaders discuss the pipeline?\n\n"
    "MR. McDOUGALL: They did. The president raised it twice."
)


@pytest.mark.model
def test_honorific_labels_are_transcript_turns(pipeline: Any) -> None:
    an = run(pipeline, CALL, title="Briefing call on the summit dinner")
    said = speakers(an)
    turn = next(s for q, s in said.items() if q.startswith("They did"))
    assert turn is not None and "McDOUGALL" in turn
    first = next(s for q, s in said.items() if "I would just say" in q)
    assert first is not None and ("RIOS" in first or "Rios" in first)


@pytest.mark.model
def test_first_person_is_not_the_person_addressed(pipeline: Any) -> None:
    text = "MS. RIOS: Thanks, Tom. I would just say that the dinner was very productive."
    an = run(pipeline, text, title="Briefing call on the summit dinner")
    assert [s for s, _ in claims(an) if "Tom" in s] == []


RELAYED = (
    "The U.S. envoy Mark Rowe answered questions from Radio Kesh.\n\n"
    "What did the Geneva meeting achieve?\n\n"
    "\u2013 The sides showed they want to move beyond the stalemate. We will meet again in "
    "May.\n\n"
    "Is a peace treaty close?\n\n"
    "\u2013 Not yet, but for the first time both ministers sat at one table."
)


@pytest.mark.model
def test_dash_answers_after_questions_are_the_interviewees(pipeline: Any) -> None:
    an = run(pipeline, RELAYED, title="Envoy: the sides want to move on")
    said = speakers(an)
    answers = {q: s for q, s in said.items() if q.startswith(("The sides", "Not yet"))}
    assert len(answers) == 2
    assert all(s is not None and "Mark Rowe" in s for s in answers.values())
    assert not any(q.endswith("?") for q in said)  # the questions are nobody's quotes


@pytest.mark.model
def test_a_single_dash_line_after_a_question_is_no_interview(pipeline: Any) -> None:
    text = (
        "The U.S. envoy Mark Rowe spoke to Radio Kesh on Monday.\n\n"
        "Will the talks go on?\n\n"
        "\u2013 That is what everyone in the region is asking."
    )
    an = run(pipeline, text, title="Talks in doubt")
    assert direct(an) == []


# ------------------------------------------------------------------ 3. descriptions traced back


@pytest.mark.model
def test_a_generic_head_takes_up_the_one_chair_named(pipeline: Any) -> None:
    text = (
        "AU Commission chair Omar Diallo spoke to reporters in Addis Ababa on Tuesday. "
        "The AU head said the takeover looked like a coup."
    )
    an = run(pipeline, text, title="Coup")
    found = source_of(an, "the takeover looked like a coup")
    assert found is not None and found[1] is not None
    assert "Diallo" in next(a.name for a in an.actors if a.id == found[1])


@pytest.mark.model
@pytest.mark.parametrize(
    "named",
    [
        "AU Commission chair Omar Diallo and AU Assembly chair Ben Sowe met reporters",
        "Former AU Commission chair Omar Diallo spoke to reporters",
    ],
)
def test_a_generic_head_without_one_serving_chair_stays_words(pipeline: Any, named: str) -> None:
    text = f"{named} in Addis Ababa on Tuesday. The AU head said the takeover looked like a coup."
    an = run(pipeline, text, title="Coup")
    found = source_of(an, "the takeover looked like a coup")
    assert found is not None and found[1] is None


@pytest.mark.model
def test_the_ex_minister_takes_up_the_former_minister(pipeline: Any) -> None:
    text = (
        "\u201cThe reforms were rushed,\u201d said Petra Lind, the former finance minister. "
        "The ex-minister said the budget would miss its target by a wide margin."
    )
    an = run(pipeline, text, title="Budget")
    found = source_of(an, "the budget would miss its target")
    assert found is not None and found[1] is not None
    assert "Lind" in next(a.name for a in an.actors if a.id == found[1])


@pytest.mark.model
def test_the_ex_minister_is_not_a_serving_minister(pipeline: Any) -> None:
    text = (
        "\u201cThe reforms were rushed,\u201d said finance minister Petra Lind. The ex-minister "
        "said the budget would miss its target by a wide margin."
    )
    an = run(pipeline, text, title="Budget")
    found = source_of(an, "the budget would miss its target")
    assert found is not None and found[1] is None


# ------------------------------------------------------------------ 4. sentences


@pytest.mark.model
def test_hon_never_ends_a_sentence(nlp: Any) -> None:
    doc = nlp("I thank the hon. Gentleman for his question. The minister will answer it.")
    assert [s.text.strip() for s in doc.sents] == [
        "I thank the hon. Gentleman for his question.",
        "The minister will answer it.",
    ]


@pytest.mark.model
def test_hon_stays_in_the_speakers_words(pipeline: Any) -> None:
    an = run(pipeline, "The hon. Lady said the troops would stay until June.", title="Debate")
    assert source_of(an, "the troops would stay until June") == ("The hon. Lady", None)


@pytest.mark.model
def test_a_crosshead_claims_nothing(pipeline: Any) -> None:
    text = (
        "The electoral commission said the ruling party won 28 of the 33 seats.\n\n"
        "President denies fraud allegations\n\n"
        "President Azim Kora said the vote was fair and the count was open."
    )
    an = run(pipeline, text, title="Vote result disputed")
    assert [c for _, c in claims(an) if "fraud allegations" in c] == []
    found = source_of(an, "the vote was fair")
    assert found is not None and "Azim Kora" in found[0]


@pytest.mark.model
def test_a_finished_short_line_is_still_a_sentence(pipeline: Any) -> None:
    text = (
        "The electoral commission said the ruling party won 28 of the 33 seats.\n\n"
        "The president denies fraud.\n\n"
        "President Azim Kora said the vote was fair and the count was open."
    )
    an = run(pipeline, text, title="Vote result disputed")
    assert any(c == "fraud" for _, c in claims(an))


# ------------------------------------------------------------------ 5. a claim per list item

LIST = (
    "Prisons in the north\n\n"
    "The 40-page report by Human Rights Monitor claims:\n\n{items}\n\n"
    "The government did not reply."
)


@pytest.mark.model
@pytest.mark.parametrize(
    "items",
    [
        "- guards beat detainees at the Kesh camp;\n- families were not told of arrests;\n"
        "- the courts ignored complaints.",
        "1. Guards beat detainees at the Kesh camp.\n2. Families were not told of arrests.\n"
        "3. The courts ignored complaints.",
        "guards beat detainees at the Kesh camp;\nfamilies were not told of arrests; and\n"
        "the courts ignored complaints.",
    ],
)
def test_a_list_after_claims_gives_one_claim_per_item(pipeline: Any, items: str) -> None:
    an = run(pipeline, LIST.format(items=items), title="Report")
    opening = ("guards", "families", "the courts")
    listed = [(s, c) for s, c in claims(an) if c.lower().startswith(opening)]
    assert [c.split()[0].lower() for _, c in listed] == ["guards", "families", "the"]
    assert all("Human Rights Monitor" in s for s, _ in listed)
    assert not any(c.endswith((";", ".", "and")) for _, c in listed)


@pytest.mark.model
def test_a_list_after_a_verb_that_says_nothing_is_no_claim(pipeline: Any) -> None:
    text = (
        "Prisons in the north\n\n"
        "The 40-page report by Human Rights Monitor lists:\n\n"
        "- three camps in the north;\n- two prisons in the south."
    )
    an = run(pipeline, text, title="Report")
    assert claims(an) == []


@pytest.mark.model
def test_a_word_the_interviewer_cites_back_is_nobodys_quote(pipeline: Any) -> None:
    text = RELAYED + '\n\nYou called the meeting "historic". Why?\n\n\u2013 Because it was.'
    an = run(pipeline, text, title="Envoy: the sides want to move on")
    assert "historic" not in speakers(an)
