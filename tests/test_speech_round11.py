"""Constructions met in round 11 of the speech review (docs/review/speech.md), in our own words.

* "Human Rights Watch said …. A report by the New York-based rights group said …. It said ….
  '…,' the report noted": a report speaks for whoever wrote it, named in its phrase or by a
  description of the group named just before; "the report" and "it" later go on with it. A
  report with no author that is an actor ("a report from the front line") stays an unnamed
  source, and a study someone only commissioned is not theirs.
* "The Secretary replied that …. The Secretary recalled that General Secretary X had …": a
  bare title is not a holder of another office that contains the word ("General Secretary",
  "Secretary-General", "Vice President"); "the president" after "President X" and "the
  deputy minister" after "Deputy Minister X" still are.
* 'Having raised duties …, the EU has shown …,” the ministry said' with the curly opening mark
  dropped: the words are the ministry's quote (not a paraphrase), and a next paragraph that
  only closes a mark goes on with it; a curly closing mark after a word opens nothing.
* "The group says its demand was not met; officials have insisted …": the claim ends at the
  semicolon (a semicolon inside quoted words does not cut it).
* "X replied that, as he understood Y had to leave, he had planned accordingly": the claim is
  the whole clause after "that", not the inserted "as" clause alone.
* "If I can return to the written statement, it observes: '…'": "it" with a verb of saying
  and no subject that fits is the text named just before, in any position ("observe" is a
  verb of saying); a place named there ("returned to the chamber") is no speaker.
* Actor linking: "MR. HALLORAN:" in a transcript is the title, not Mauritania's ISO code; a
  capital naming agreements ("the Minsk agreements") is not its state, while "Moscow said"
  still is Russia.
"""

from __future__ import annotations

from typing import Any

import pytest

from parley.models import Analysis
from speech_kit import direct, run, source_of

# ------------------------------------------------------------------ a report speaks for its author

REPORT = (
    "Abuses widespread\n\n"
    "Torture by police remains common in several Asian states, {opening}\n\n"
    "A report by the {group} said arbitrary arrests were among the abuses recorded in Laos.\n\n"
    "It said the situation in the north of Laos worsened in 2019.\n\n"
    '"Police in both provinces acted with impunity," the report noted.\n\n'
    "In Cambodia, soldiers fired on farmers, the report said."
)


@pytest.mark.model
@pytest.mark.parametrize("group", ["New York-based rights group", "group"])
def test_a_report_by_the_group_named_before_is_that_groups(pipeline: Any, group: str) -> None:
    an = run(pipeline, REPORT.format(opening="Human Rights Watch said Tuesday.", group=group))
    for words in ("arbitrary arrests", "north of Laos worsened", "soldiers fired on farmers"):
        found = source_of(an, words)
        assert found is not None and found[1] == "org:hrw", words
    quotes = {q.text: q.speaker.actor if q.speaker else None for q in direct(an)}
    assert quotes == {"Police in both provinces acted with impunity": "org:hrw"}


@pytest.mark.model
def test_a_report_by_an_unnamed_group_stays_an_unnamed_source(pipeline: Any) -> None:
    an = run(pipeline, REPORT.format(opening="officials said.", group="New York-based group"))
    for words in ("arbitrary arrests", "north of Laos worsened", "soldiers fired on farmers"):
        found = source_of(an, words)
        assert found is not None and found[1] is None, words


FAR_REPORT = (
    "Abuses widespread\n\n"
    "Torture by police remains common in several Asian states, Human Rights Watch said.\n\n"
    "A report by the rights group said arbitrary arrests were among the abuses in Laos.\n\n"
    "{between}\n\n"
    "In Cambodia, soldiers fired on farmers, the report said.\n\n"
    "Executions went on, it added."
)
BACKGROUND = (
    "Laos has six provinces in the north. Its roads are poor. Rain closes them in summer. "
    "Few foreign visitors go there. Trade with Vietnam is growing. Rice is the main crop. "
    "Markets open at dawn. Buses run twice a week. Schools close in July."
)


@pytest.mark.model
def test_the_report_far_on_is_still_the_groups(pipeline: Any) -> None:
    an = run(pipeline, FAR_REPORT.format(between=BACKGROUND))
    for words in ("soldiers fired on farmers", "Executions went on"):
        found = source_of(an, words)
        assert found is not None and found[1] == "org:hrw", words


@pytest.mark.model
def test_the_report_after_a_newer_report_is_not_the_groups(pipeline: Any) -> None:
    newer = "A report from the border said two villages had been shelled."
    found = source_of(run(pipeline, FAR_REPORT.format(between=newer)), "fired on farmers")
    assert found is not None and found[1] is None


@pytest.mark.model
def test_according_to_a_report_by_the_group_is_that_groups(pipeline: Any) -> None:
    text = (
        "Abuses widespread\n\n"
        "Torture by police remains common in several Asian states, Human Rights Watch said.\n\n"
        "According to a report by the rights group, arbitrary arrests rose in Laos."
    )
    found = source_of(run(pipeline, text), "arbitrary arrests rose")
    assert found is not None and found[1] == "org:hrw"


@pytest.mark.model
def test_a_report_from_the_front_is_nobodys_named_voice(pipeline: Any) -> None:
    text = (
        "Fighting goes on\n\n"
        "Human Rights Watch said Tuesday that torture remained common.\n\n"
        "A report from the front line said two villages had been shelled overnight.\n\n"
        "It said the road to the north was closed."
    )
    an = run(pipeline, text)
    for words in ("two villages had been shelled", "the road to the north was closed"):
        found = source_of(an, words)
        assert found is not None and found[1] is None, words


@pytest.mark.model
def test_a_study_commissioned_by_a_body_is_not_its_voice(pipeline: Any) -> None:
    text = "Depots\n\nA study commissioned by NATO found that most depots were half empty."
    found = source_of(run(pipeline, text), "most depots were half empty")
    assert found is not None and found[1] != "igo:nato"


@pytest.mark.model
def test_a_study_published_by_a_body_is_its_voice(pipeline: Any) -> None:
    text = (
        "Depots\n\nNATO published a study on Monday. The study found that most depots were "
        "half empty."
    )
    found = source_of(run(pipeline, text), "most depots were half empty")
    assert found is not None and found[1] == "igo:nato"


# ------------------------------------------------------------------ a bare title, another office

MEMO = (
    "Memorandum of Conversation\n\n"
    "The Secretary replied that he had planned accordingly. Ivanov confirmed that his plane "
    "would leave Oslo at noon.\n"
    "The Secretary indicated he had several points to make. The Secretary recalled that "
    "{title} Petrov had raised in Bergen the question of radio broadcasts."
)


@pytest.mark.model
def test_the_secretary_is_not_the_holder_of_another_office(pipeline: Any) -> None:
    an = run(pipeline, MEMO.format(title="General Secretary"))
    for words in ("planned accordingly", "several points to make", "raised in Bergen"):
        found = source_of(an, words)
        assert found is not None and found == ("The Secretary", None), words


TITLED = (
    "Talks in Oslo\n\n"
    "{title} Hollis Carver arrived in Oslo on Monday. The {bare} said the talks had gone well."
)


@pytest.mark.model
@pytest.mark.parametrize(
    ("title", "bare", "linked"),
    [
        ("Vice President", "president", False),
        ("President", "president", True),
        ("Deputy Minister", "deputy minister", True),
        ("Assistant Secretary", "secretary", False),
    ],
)
def test_a_bare_title_takes_up_only_the_same_office(
    pipeline: Any, title: str, bare: str, linked: bool
) -> None:
    found = source_of(run(pipeline, TITLED.format(title=title, bare=bare)), "had gone well")
    assert found is not None
    assert (found[1] == "new:hollis-carver") is linked


@pytest.mark.model
def test_the_secretary_is_not_a_secretary_general_named_after_it(pipeline: Any) -> None:
    text = (
        "Talks in Oslo\n\n"
        "The Secretary said the talks had gone well. UN Secretary-General Hollis Carver "
        "arrived in Oslo on Monday."
    )
    found = source_of(run(pipeline, text), "had gone well")
    assert found == ("The Secretary", None)


# ------------------------------------------------------------------ a dropped curly opening mark

TARIFFS = (
    "Ankara vows response to new tariffs\n\n"
    "The Turkish trade ministry has condemned the new tariffs.\n\n"
    "{open}Having raised duties on Turkish steel, the EU has once again shown that it prefers "
    "confrontation,\u201d the ministry said in a statement on Friday.\n\n"
    "{open}Citing the customs union, Brussels keeps widening its list instead of returning to "
    "the talks.\u201d\n\n"
    "\u201cSuch a step will not be left without our answer,\u201d the statement said."
)


@pytest.mark.model
@pytest.mark.parametrize("opening", ["", "\u201c"])
def test_a_dropped_curly_opening_mark_still_makes_a_quote(pipeline: Any, opening: str) -> None:
    quotes = {q.text[:20]: q.speaker.text if q.speaker else None for q in direct(
        run(pipeline, TARIFFS.format(open=opening))
    )}  # fmt: skip
    assert quotes == {
        "Having raised duties": "the ministry",
        "Citing the customs u": "the ministry",
        "Such a step will not": "the ministry",
    }


@pytest.mark.model
def test_a_curly_closing_mark_after_a_word_opens_no_quote(pipeline: Any) -> None:
    text = (
        "Tariffs\n\n"
        "The so-called reset\u201d of trade ties was discussed on Friday, the minister said. "
        "Officials met in Ankara."
    )
    assert direct(run(pipeline, text)) == []


# ------------------------------------------------------------------ claim boundaries


@pytest.mark.model
def test_a_claim_ends_at_a_semicolon(pipeline: Any) -> None:
    text = (
        "Talks fail\n\n"
        "The rebel group says its main demand was not met; Norwegian officials have insisted "
        "Oslo has no power to release the prisoners."
    )
    an = run(pipeline, text)
    claims = {a.claim.text: a.reporter.text for a in an.attributions}
    assert claims["its main demand was not met"] == "The rebel group"
    assert claims["Oslo has no power to release the prisoners"] == "Norwegian officials"


@pytest.mark.model
def test_a_semicolon_inside_quoted_words_does_not_cut_the_claim(pipeline: Any) -> None:
    text = 'Talks fail\n\nThe rebel group says the offer was "late; too late" and would be refused.'
    found = [a.claim.text for a in run(pipeline, text).attributions]
    assert any("would be refused" in c for c in found), found


@pytest.mark.model
def test_an_inserted_clause_after_that_is_not_the_whole_claim(pipeline: Any) -> None:
    inserted = "as he understood Ivanov had to leave Oslo at noon"
    text = f"Memo\n\nThe Minister replied that, {inserted}, he had planned accordingly."
    found = [a.claim.text for a in run(pipeline, text).attributions]
    assert found == [f"{inserted}, he had planned accordingly"]


# ------------------------------------------------------------------ actor linking


def linked(an: Analysis) -> set[tuple[str, str | None]]:
    return {(m.text, m.actor) for m in an.mentions if m.actor is not None}


@pytest.mark.model
def test_a_transcripts_mr_is_no_country_code(pipeline: Any) -> None:
    text = (
        "Briefing on the Lisbon Dinner\n\n"
        "MR. HALLORAN:  Good evening, everyone.  Thank you for joining us on the call.\n"
        "MR. OKAFOR:  Thanks, Tom.  The dinner went on late in Lisbon."
    )
    assert not {a for _, a in linked(run(pipeline, text))} & {"MRT"}


@pytest.mark.model
def test_a_capital_naming_agreements_is_not_the_state(pipeline: Any) -> None:
    text = "Sanctions\n\nMoscow said the new sanctions broke the Minsk agreements."
    found = linked(run(pipeline, text))
    assert ("Minsk", "BLR") not in found
    assert ("Moscow", "RUS") in found


# ------------------------------------------------------------------ "it observes:" after a text

HANSARD = (
    "Debate on Yemen\n\n"
    "It is not a question of ministers rejecting that rule. If I can return to the {thing}, "
    "it observes:\n\n"
    "\u201cThe manual states that the House should have a chance to debate the matter before "
    "troops are sent.\u201d"
)


@pytest.mark.model
def test_it_observes_after_a_statement_is_the_statement(pipeline: Any) -> None:
    quotes = direct(run(pipeline, HANSARD.format(thing="written ministerial statement")))
    assert [q.speaker.text if q.speaker else None for q in quotes] == [
        "the written ministerial statement"
    ]


@pytest.mark.model
def test_it_observes_after_a_place_is_not_the_place(pipeline: Any) -> None:
    quotes = direct(run(pipeline, HANSARD.format(thing="chamber of the House")))
    assert all(q.speaker is None or "chamber" not in q.speaker.text for q in quotes)
