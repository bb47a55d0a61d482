"""No construction of news prose breaks the pipeline: generated articles, whole pipeline.

Hypothesis builds articles from the constructions that broke extractors on real reporting
(docs/review/events.md): speech nouns as subjects ("the joint statement said", "a statement
issued by the ministry said"), nested reported clauses, lists of actors, datelines with and
without a wire, relative clauses, appositions, quotes, weekdays and unknown actors. Every
article goes through ``Pipeline.run``; no exception may escape and no extractor may record a
warning (a warning means a sentence lost its records). Each example holds eight sentences, so
the default run feeds a few thousand sentences through the pipeline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.models import RawDocument

pytestmark = pytest.mark.model

ACTORS = st.sampled_from(
    [
        "Kenya",
        "the Chadian government",
        "Moscow",
        "the European Union",
        "Hamas",
        "communist rebels",
        "the militants",
        "security forces",
        "leaders of an opposition coalition",
        "the foreign ministry",
        "Norway",
        "the United Nations (UN)",
        "Peru's interior minister",
        "it",
        "they",
    ]
)
SPEECH_NOUNS = st.sampled_from(
    [
        "the joint statement",
        "a statement issued by the ministry",
        "the letter",
        "the communiqué",
        "a spokesman for the army",
        "the readout of the call",
        "a statement from the two governments",
    ]
)
WHEN = st.sampled_from(["", " on Friday", " last week", " Thursday", " on Nov. 8", " in June"])
ACTS = st.sampled_from(
    [
        "agreed to resume talks with {b}",
        "fired rockets at {b}",
        "imposed sanctions on {b} officials",
        "will withdraw its forces from {b}",
        "accused {b} of violating the ceasefire",
        "did not accuse {b} of anything",
        "released four hostages held by {b}",
        "opened fire on a convoy near {b}",
        "urged {b} to return to the table",
        "criticised {b}'s decision",
        "was invited to the stage by {b}",
    ]
)


@st.composite
def sentence(draw: Any) -> str:
    """One sentence in one of the shapes news writes."""
    a, b, speech = draw(ACTORS), draw(ACTORS), draw(SPEECH_NOUNS)
    act = draw(ACTS).format(b=b)
    when = draw(WHEN)
    shape = draw(st.integers(0, 7))
    shapes = [
        f"{a}{when} {act}.",
        f"{speech} said {a}{when} {act}.",
        f'"{a.capitalize()} {act}," {speech} said{when}.',
        f"{a}, which {act}, said {b} had agreed to meet{when}.",
        f"{a} and {b} said {speech} had confirmed that {a} {act}.",
        f"{a}, {b} and Norway {act}, according to {speech}.",
        f"{speech} added that {a} would say whether {b} {act}.",
        f"Asked whether {a} {act}, {speech} declined to comment.",
    ]
    text = shapes[shape]
    return text[:1].upper() + text[1:]


DATELINES = st.sampled_from(
    [
        "",
        "NAIROBI, Kenya — ",
        "Lusaka (ZNA) - ",
        "Accra, March 9 (GNA) ",
        "GENEVA, May 3 (Reuters) — ",
    ]
)


@st.composite
def article(draw: Any) -> str:
    sentences = draw(st.lists(sentence(), min_size=8, max_size=8))
    return draw(DATELINES) + " ".join(sentences)


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=article())
def test_no_news_construction_breaks_an_extractor(pipeline: Any, text: str) -> None:
    analysis = pipeline.run(
        RawDocument(source="generated", text=text, published_at=dt.date(2026, 3, 9))
    )
    assert analysis.warnings == [], (text, analysis.warnings)
