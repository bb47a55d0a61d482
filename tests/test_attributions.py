"""Tests of parley.attributions.v1: cues, reporter kinds, media relays, credits, the sample."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parley.extract.speech.attributions import AttributionExtractor
from parley.extract.speech.quotes import QuoteExtractor
from parley.models import Actor, Attribution
from speech_ctx import make_ctx, make_kb
from test_quotes import sample_analysis


def attributions_of(nlp: Any, text: str) -> list[Attribution]:
    ctx = make_ctx(nlp, text)
    AttributionExtractor()(ctx)
    return ctx.analysis.attributions


CASES = [
    # text, claim (a part of it), reporter (actor or words), kind, via actor, max confidence
    ("According to Reuters, the talks will resume next week.",
     "the talks will resume next week", "reuters", "outlet", None, 1.0),
    ("Behind closed doors, the talks will resume next week, according to Politico.",
     "the talks will resume next week", "politico", "outlet", None, 1.0),
    ("As reported by RIA Novosti, the delegation arrived in Riyadh.",
     "the delegation arrived in Riyadh", "ria", "outlet", None, 1.0),
    ("A senior diplomat told TASS that the meeting was tense.",
     "the meeting was tense", "A senior diplomat", "anonymous", "tass", 1.0),
    ("A Western source explained to the news agency TASS that the deal was dead.",
     "the deal was dead", "A Western source", "anonymous", "tass", 1.0),
    ("Officials familiar with the matter said that a deal is close.",
     "a deal is close", "Officials familiar with the matter", "anonymous", None, 1.0),
    ("Reuters, citing TASS, reported that the border was closed.",
     "the border was closed", "tass", "outlet", "reuters", 1.0),
    ("Politico reported that the summit was postponed.",
     "the summit was postponed", "politico", "outlet", None, 1.0),
    ("Lavrov told Reuters that the talks were useful.",
     "the talks were useful", "lavrov", "person", "reuters", 1.0),
    ("Le Monde covered the summit. Politico broke the story on Monday. "
     "As reported by the American outlet, the summit was postponed.",
     "the summit was postponed", "politico", "outlet", None, 0.7),
    ("Le Monde covered the summit. Politico broke the story on Monday. "
     "As reported by the French newspaper, the summit was postponed.",
     "the summit was postponed", "lemonde", "outlet", None, 0.7),
    ("The summit was postponed, according to reports.\nPolitico\nThe delegations left.",
     "The summit was postponed", "politico", "outlet", None, 0.8),
    ("The summit was postponed, according to reports. Politico Talks then resumed.",
     "The summit was postponed", "politico", "outlet", None, 0.8),
    ("According to reports, the summit was postponed.",
     "the summit was postponed", "reports", "anonymous", None, 0.4),
    ("According to what has been published by Le Monde. It is proposed that troops stay home.",
     "troops stay home", "lemonde", "outlet", None, 1.0),
    ("Sources say the ceasefire will hold.",
     "the ceasefire will hold", "Sources", "anonymous", None, 1.0),
    ("The ceasefire will hold, Politico reported.",
     "The ceasefire will hold", "politico", "outlet", None, 1.0),
    ("Officials familiar with the matter told Politico the plan was dropped.",
     "the plan was dropped", "Officials familiar with the matter", "anonymous", "politico", 1.0),
    # indirect speech of a named speaker is a claim credited to that speaker
    ("Lavrov said that the talks were useful.",
     "the talks were useful", "lavrov", "person", None, 1.0),
    ("Lavrov told Rubio that the talks were useful.",
     "the talks were useful", "lavrov", "person", None, 1.0),
    # a state or a ministry speaks as an institution
    ("Russia said the border would stay closed.",
     "the border would stay closed", "rus", "organisation", None, 1.0),
    ("The interior ministry said 17 people had been detained.",
     "17 people had been detained", "The interior ministry", "organisation", None, 1.0),
    ("A statement from the Kremlin said the channel would stay open.",
     "the channel would stay open", "rus", "organisation", None, 1.0),
    # a pronoun goes to its antecedent
    ("Lavrov met the press. He said the deal was close.",
     "the deal was close", "lavrov", "person", None, 0.7),
    # the wire dateline and a concessive clause are not part of the claim
    ("MOSCOW (Reuters) — The talks will resume, although no date is set, Lavrov said.",
     "The talks will resume", "lavrov", "person", None, 1.0),
    # "according to X quoted by Y": X is the source, Y the medium
    ("According to officials quoted by TASS, the border was closed.",
     "the border was closed", "officials", "anonymous", "tass", 1.0),
    # a parenthetical verb credits the whole sentence it interrupts
    ("The council, Lavrov argued, has become a club of the powerful.",
     "has become a club of the powerful", "lavrov", "person", None, 1.0),
    # a bare group named by a demonym speaks for its state; with a number it is anonymous
    ("Russian officials said the talks would resume in May.",
     "the talks would resume in May", "rus", "organisation", None, 0.8),
    ("Two Russian officials said the talks would resume in May.",
     "the talks would resume in May", "Two Russian officials", "anonymous", None, 1.0),
    ("Russian officials, speaking on condition of anonymity, said the talks would resume.",
     "the talks would resume", "Russian officials, speaking on condition of anonymity",
     "anonymous", None, 1.0),
    # a claim never runs over a paragraph break
    ("The Kremlin: no comment.\n\nLavrov, asked about the plan, said it was dead.",
     "it was dead", "lavrov", "person", None, 1.0),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize("text, claim, reporter, kind, via, conf", CASES)
def test_attribution_constructions(
    sm: Any, text: str, claim: str, reporter: str, kind: str, via: str | None, conf: float
) -> None:
    found = [a for a in attributions_of(sm, text) if claim in a.claim.text]
    assert len(found) == 1, [(a.claim.text, a.reporter) for a in attributions_of(sm, text)]
    a = found[0]
    assert reporter in (a.reporter.actor, a.reporter.text)
    assert a.reporter.kind == kind
    assert (a.via.actor if a.via else None) == via
    assert a.confidence <= conf
    assert text[a.claim.start : a.claim.end] == a.claim.text
    assert a.cue.lower() not in a.claim.text.lower().split(",")[0][:12]  # trimmed of its cue


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The talks were useful.",
        # the direct quote is the record of this speech: one utterance, one record
        '"The talks were useful," Lavrov said.',
        'Lavrov said only that "contacts on all issues continue."',
        'Lavrov said the talks had been "a ritual both sides are afraid to leave".',
        # an embedded question names a topic, not a claim
        "Lavrov described how the last session collapsed.",
        # speech reported inside a quote belongs to the quote
        '"Some will say this is a matter for experts," Lavrov said.',
    ],
)
def test_not_attributions(sm: Any, text: str) -> None:
    assert attributions_of(sm, text) == []


@pytest.mark.model
def test_claims_by_sentence_maps_sentence_starts(sm: Any) -> None:
    text = "The talks went on. According to Reuters, the summit was postponed."
    ctx = make_ctx(sm, text)
    AttributionExtractor()(ctx)
    by_sentence = ctx.products.claims_by_sentence
    assert isinstance(by_sentence, dict)
    assert list(by_sentence) == [text.index("According")]
    assert by_sentence[text.index("According")].reporter.actor == "reuters"


@pytest.mark.model
def test_sample_gold_attributions(sample_dir: Path, pipeline: Any) -> None:
    ctx, gold = sample_analysis(sample_dir, pipeline)
    found = ctx.analysis.attributions
    # The sample's gold credits outlets and anonymous sources only; named speakers' indirect
    # speech (an attribution here) is not annotated there, so only those kinds are counted.
    found = [a for a in found if a.reporter.kind in ("outlet", "anonymous")]
    for item in gold["attributions"]:
        names = {item["reporter"], item.get("outlet")} - {None}
        hits = [
            a for a in found
            if (item["claim"] in a.claim.text or a.claim.text in item["claim"])
            and a.reporter.kind == item["reporter_kind"]
            and (a.reporter.text in names or _names(ctx, a.reporter.actor) & names)
        ]  # fmt: skip
        assert hits, item["claim"]
        if item.get("outlet"):
            assert hits[0].via is not None and item["outlet"] in _names(ctx, hits[0].via.actor)
    assert len(found) == len(gold["attributions"])


def _names(ctx: Any, actor: str | None) -> set[str]:
    if actor is None or actor not in ctx.kb:
        return set()
    a = ctx.kb[actor]
    return {a.name, *a.aliases}


@pytest.mark.model
@pytest.mark.parametrize(
    "text, speaker, words",
    [
        (
            "Dmitry Peskov said that Russia was ready to resume talks in May.",
            "person:dmitry-peskov",
            "Russia was ready to resume talks in May",
        ),
        (
            "Sergei Lavrov told reporters that the proposal was a dead end.",
            "person:sergei-lavrov",
            "the proposal was a dead end",
        ),
    ],
)
def test_indirect_speech_of_a_named_speaker_is_also_an_indirect_quote(
    pipeline,
    text: str,
    speaker: str,
    words: str,  # type: ignore[no-untyped-def]
) -> None:
    import datetime as dt

    from parley.models import RawDocument

    an = pipeline.run(RawDocument(source="t", text=text, published_at=dt.date(2026, 5, 1)))
    indirect = [q for q in an.quotes if not q.direct]
    assert [(q.speaker.actor if q.speaker else None) for q in indirect] == [speaker]
    assert words in indirect[0].text


@pytest.mark.model
def test_an_outlets_claim_is_not_an_indirect_quote(pipeline) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from parley.models import RawDocument

    text = "Russia is preparing a new offensive, according to Reuters."
    an = pipeline.run(RawDocument(source="t", text=text, published_at=dt.date(2026, 5, 1)))
    assert an.attributions and not [q for q in an.quotes if not q.direct]


# ---------------------------------------------------------------- speakers behind descriptions

_EXTRA = [
    Actor(id="dahl", name="Ingrid Dahl", kind="person", aliases=["Dahl"]),
    Actor(id="tokayev", name="Kassym-Jomart Tokayev", kind="person", country="KAZ",
          aliases=["Tokayev"]),
    Actor(id="nor", name="Norway", kind="state", country="NOR", aliases=["Oslo"]),
    Actor(id="kaz", name="Kazakhstan", kind="state", country="KAZ", aliases=["Astana"]),
    Actor(id="wire", name="Caspian Wire", kind="media outlet", country="KAZ"),
]  # fmt: skip


def attributions_with_quotes(nlp: Any, text: str) -> list[Attribution]:
    """Attributions after the quotes extractor has run, as in the pipeline."""
    ctx = make_ctx(nlp, text, make_kb(_EXTRA))
    QuoteExtractor()(ctx)
    AttributionExtractor()(ctx)
    return ctx.analysis.attributions


DESCRIBED = [
    # text, claim (a part of it), reporter (actor or words), kind, via actor
    # a name set off by commas names the role phrase, whatever the parser hung it on
    ("Norway's special envoy for the Arctic, Ingrid Dahl, who chaired the meeting, said the "
     "parties had agreed on a timetable.", "the parties had agreed on a timetable", "dahl",
     "person", None),
    # "…, she said" after a clause: the clause is what she said, not her antecedent
    ("Ingrid Dahl chaired the meeting. A new round would follow in May, she said.",
     "A new round would follow in May", "dahl", "person", None),
    # a lede's "the Norwegian mediator" is the Norwegian named a few sentences on
    ('Oslo and Moscow agreed to share fishing data, the Norwegian mediator said.\n\n'
     '"It is a start," said Ingrid Dahl, Norway\'s special envoy.',
     "Oslo and Moscow agreed to share fishing data", "dahl", "person", None),
    # "its ministry" is the state named before; "his office" the state of the person
    ("Kazakhstan will send an observer, its foreign ministry said.",
     "Kazakhstan will send an observer", "kaz", "organisation", None),
    ("Kazakhstan rejected the claim. Its defence ministry said the drill was held far away.",
     "the drill was held far away", "kaz", "organisation", None),
    ("The Senate approved the treaty and Tokayev signed it hours later, his office said.",
     "Tokayev signed it hours later", "kaz", "organisation", None),
    # a quoted condition after a paraphrase leaves the paraphrase as the claim
    ('Lavrov said Moscow was ready to help "if our partners ask for it".',
     "Moscow was ready to help", "lavrov", "person", None),
    # an accusation claims its charge
    ("Russia accused Ukraine of shelling the plant on Tuesday.",
     "Ukraine of shelling the plant", "rus", "organisation", None),
    # unnamed "state media" is the outlet named later, never the article's own
    ("Kazakhstan ratified the treaty on Wednesday, state media said on Thursday, clearing the "
     "way for its entry into force. The state news agency Caspian Wire said the vote was "
     "unanimous.", "Kazakhstan ratified the treaty on Wednesday", "wire", "outlet", None),
    # "according to a statement from X" is X's
    ("The talks ended early, according to a statement from the Russian foreign ministry.",
     "The talks ended early", "rus", "organisation", None),
    # a quote relayed by another outlet, and an anonymous source's quote told to an outlet
    ('"Neutrality is not silence," Lavrov said, according to TASS.',
     "Neutrality is not silence", "lavrov", "person", "tass"),
    ('"The clause is the heart of the deal," a Russian official told Reuters.',
     "The clause is the heart of the deal", "a Russian official", "anonymous", "reuters"),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize("text, claim, reporter, kind, via", DESCRIBED)
def test_reporters_behind_descriptions(
    sm: Any, text: str, claim: str, reporter: str, kind: str, via: str | None
) -> None:
    found = attributions_with_quotes(sm, text)
    hits = [a for a in found if claim in a.claim.text]
    assert len(hits) == 1, [(a.claim.text, a.reporter) for a in found]
    a = hits[0]
    assert reporter in (a.reporter.actor, a.reporter.text)
    assert a.reporter.kind == kind
    assert (a.via.actor if a.via else None) == via


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a relative pronoun leaves the claim half outside it
        "The delegation tabled a proposal, which Moscow said it would study.",
        # a quoted charge is the record (the quote), not a claim
        'Lavrov accused Kyiv of "playing for time".',
        # a named speaker's quote told to an outlet stays a quote
        '"We are ready," Lavrov told Reuters.',
        # speech inside an unmarked Q&A answer belongs to the answer
        "Q: Is the deal close?\n\nLavrov: It is close, and I respect that they say it openly.",
    ],
)
def test_not_attributions_with_quotes(sm: Any, text: str) -> None:
    assert attributions_with_quotes(sm, text) == []


@pytest.mark.model
def test_reported_speech_verb_is_not_a_reporter(sm: Any) -> None:
    text = "The Russian government said Lavrov had spoken by phone with Rubio on Monday."
    found = attributions_with_quotes(sm, text)
    assert [(a.reporter.actor, a.claim.text) for a in found] == [
        ("rus", "Lavrov had spoken by phone with Rubio on Monday")
    ]
