"""PLOVER events: lexicon, actors, status, dates, places and quantities."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from parley.extract.base import Context
from parley.extract.events import EventsExtractor
from parley.extract.places import PlaceResolver, parse_number
from parley.extract.plover import load_plover
from parley.kb import KnowledgeBase
from parley.models import Actor, Analysis, Article, Event, Mention

PUBLISHED = dt.date(2026, 2, 5)
STATES = [Actor(id=c, name=n, kind="state", country=c) for c, n in
          (("RUS", "Russia"), ("UKR", "Ukraine"), ("USA", "United States"), ("TUR", "Turkey"),
           ("FRA", "France"), ("DEU", "Germany"))]


def _context(doc: Doc, kb: KnowledgeBase | None = None) -> Context:
    kb = kb if kb is not None else KnowledgeBase(STATES)
    article = Article(id="t", text=doc.text, published_at=PUBLISHED)
    ctx = Context(article=article, doc=doc, kb=kb, analysis=Analysis(article=article))
    for token in doc:
        found = kb.lookup(token.text)
        if found and token.text[:1].isupper():
            ctx.analysis.mentions.append(Mention(start=token.idx, end=token.idx + len(token),
                                                 text=token.text, actor=found[0].id, label="GPE"))
    return ctx


def _hand_doc(words: list[str], heads: list[int], deps: list[str], pos: list[str],
              tags: list[str], lemmas: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def _agree_doc(negated: bool) -> Doc:
    words = ["Russia", "and", "Ukraine", "did", "not", "agree", "."]
    heads = [5, 0, 0, 5, 5, 5, 5]
    deps = ["nsubj", "cc", "conj", "aux", "neg", "ROOT", "punct"]
    pos = ["PROPN", "CCONJ", "PROPN", "AUX", "PART", "VERB", "PUNCT"]
    tags = ["NNP", "CC", "NNP", "VBD", "RB", "VB", "."]
    if not negated:
        words, heads = ["Russia", "and", "Ukraine", "agreed", "."], [3, 0, 0, 3, 3]
        deps, pos = ["nsubj", "cc", "conj", "ROOT", "punct"], ["PROPN", "CCONJ", "PROPN",
                                                             "VERB", "PUNCT"]
        tags = ["NNP", "CC", "NNP", "VBD", "."]
    lemmas = ["agree" if w == "agreed" else w.lower() for w in words]
    return _hand_doc(words, heads, deps, pos, tags, lemmas)


@pytest.mark.parametrize("negated, status", [(True, "negated"), (False, "occurred")])
def test_reciprocal_agreement_and_negation_on_a_hand_built_doc(negated: bool, status: str) -> None:
    ctx = _context(_agree_doc(negated))
    EventsExtractor()(ctx)
    (event,) = ctx.analysis.events
    assert (event.type, event.status) == ("AGREE", status)
    assert event.source == ["RUS", "UKR"] and event.target == ["UKR", "RUS"]
    assert event.extractor == "parley.events.v1"


def test_lexicon_loads_and_is_ordered_specific_first() -> None:
    lexicon = load_plover()
    types = {r.type for r in lexicon.rules}
    assert "DEMAND" not in types and {"REQUEST", "RETREAT", "CONSULT", "AGREE"} <= types
    exchange = [r for r in lexicon.by_lemma["exchange"] if "NOUN" in r.pos]
    assert exchange[0].type == "RETREAT" and exchange[0].mode == "release"


@pytest.mark.parametrize(
    "words, value",
    [(["157"], 157), (["a", "thousand"], 1000), (["six"], 6), (["1,200"], 1200),
     (["two", "hundred"], 200), (["many"], None)],
)
def test_parse_number(words: list[str], value: float | None) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "name, country",
    [("Istanbul", "TUR"), ("the Belarusian border", "BLR"), ("France", "FRA"),
     ("Donbas", "UKR"), ("Abu Dhabi", "ARE"), ("Qwzxland", None)],
)
def test_places_resolve_offline(name: str, country: str | None) -> None:
    assert PlaceResolver(KnowledgeBase(STATES)).resolve(name).country == country


# ------------------------------------------------------------------ with the real model


def _events(nlp: Any, text: str) -> list[Event]:
    from parley.extract.dates import DatesExtractor

    ctx = _context(nlp(text))
    DatesExtractor()(ctx)
    EventsExtractor()(ctx)
    return ctx.analysis.events


def _one(nlp: Any, text: str, event_type: str) -> Event:
    found = [e for e in _events(nlp, text) if e.type == event_type]
    assert len(found) == 1, (text, _events(nlp, text))
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, event_type, status",
    [
        ("France and Germany agreed to cut tariffs.", "AGREE", "occurred"),
        ("France and Germany did not agree on tariffs.", "AGREE", "negated"),
        ("France will meet Germany in Paris next week.", "CONSULT", "planned"),
        ("France met Germany in Paris last week.", "CONSULT", "occurred"),
        ("France proposed to meet Germany in Paris.", "CONSULT", "proposed"),
        ("France refused to meet Germany in Paris.", "CONSULT", "refused"),
        ("France plans to meet Germany.", "CONSULT", "planned"),
        ("If France attacked Germany, the alliance would collapse.", "ASSAULT", "hypothetical"),
        ("France had attacked Germany long before.", "ASSAULT", "historical"),
        ("France urged Germany to lift the embargo.", "REQUEST", "occurred"),
        ("France rejected the German proposal.", "REJECT", "occurred"),
        ("France accused Germany of spying.", "ACCUSE", "occurred"),
        ("France imposed sanctions on Turkey.", "SANCTION", "occurred"),
        ("Turkey deployed troops near the border.", "MOBILIZE", "occurred"),
    ],
)
def test_type_and_status(nlp: Any, text: str, event_type: str, status: str) -> None:
    assert _one(nlp, text, event_type).status == status


@pytest.mark.model
def test_prisoner_exchange_with_quantities_place_and_anaphora(nlp: Any) -> None:
    text = ("Turkey announced the exchange of 90 French and German prisoners on each side. "
            "The swap took place yesterday on the Belarusian border. "
            "The previous exchange was in October.")
    swaps = [e for e in _events(nlp, text) if e.type == "RETREAT"]
    assert [e.status for e in swaps] == ["occurred", "historical"]
    now, before = swaps
    assert set(now.source) == {"FRA", "DEU"} and set(now.target) == {"FRA", "DEU"}
    assert now.mode == "release" and now.date is not None and now.date.value == "2026-02-04"
    assert now.place is not None and now.place.country == "BLR"
    assert [(q.value, q.unit, q.per) for q in now.quantities] == [(90, "prisoners", "side")]
    assert before.date is not None and before.date.value == "2025-10"
    assert set(before.source) == {"FRA", "DEU"}


@pytest.mark.model
def test_talks_between_two_parties_with_a_mediator(nlp: Any) -> None:
    event = _one(nlp, "The Istanbul talks between Russia and Ukraine, mediated by Turkey, "
                      "ended without a deal.", "CONSULT")
    assert event.source == ["RUS", "UKR"] and event.target == ["UKR", "RUS"]
    assert event.mediator == ["TUR"] and event.mode == "third-party"
    assert event.place is not None and event.place.country == "TUR"
    assert event.date is not None and event.date.precision == "approximate"  # publication day


@pytest.mark.model
def test_group_anaphor_takes_the_last_named_pair(nlp: Any) -> None:
    text = "Relations between Russia and France improved. Both countries agreed to talk again."
    event = _one(nlp, text, "AGREE")
    assert set(event.source) == {"RUS", "FRA"}


@pytest.mark.model
def test_sample_events_meet_the_gold(sample_dir: Any, pipeline: Any) -> None:
    from parley.eval.gold import load_gold
    from parley.eval.run import evaluate
    from parley.models import RawDocument

    gold_path = sample_dir / "abu-dhabi-talks.gold.json"
    published = json.loads(gold_path.read_text("utf-8"))["documents"][0]["published_at"]
    raw = RawDocument(source="sample", text=(sample_dir / "abu-dhabi-talks.txt").read_text("utf-8"),
                      published_at=dt.date.fromisoformat(published))
    analysis = pipeline.run(raw)
    report = evaluate(load_gold(gold_path), [analysis], pipeline.kb, kinds=["events", "dates"])
    scores = report.documents[0].scores
    assert scores["events"].fn == 0, scores["events"].misses
    assert scores["dates"].fn == 0, scores["dates"].misses
    historical = [e for e in analysis.events if e.status == "historical"]
    assert any(e.type == "RETREAT" and e.date and e.date.value == "2025-10" for e in historical)
    assert any(e.type == "CONSULT" and e.place and e.place.country == "TUR" for e in historical)
