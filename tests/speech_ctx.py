"""Test helpers for the quotes and attributions extractors: a Context without the actors extractor.

``make_ctx`` parses a text, and stands in for ``parley.actors.v1`` by marking every exact
occurrence of an actor's name or alias as a mention (and filling ``products.actor_at``), so the
tests exercise only the speech extractors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from parley.extract.base import Context, Products
from parley.extract.speech.attributions import AttributionExtractor
from parley.extract.speech.quotes import QuoteExtractor
from parley.kb import KnowledgeBase
from parley.models import Actor, Analysis, Article, Attribution, Mention, Quote

ACTORS = [
    Actor(id="usa", name="United States", kind="state", country="USA",
          aliases=["US", "the Americans", "Washington", "White House"]),
    Actor(id="rus", name="Russia", kind="state", country="RUS", aliases=["Moscow", "Kremlin"]),
    Actor(id="ukr", name="Ukraine", kind="state", country="UKR", aliases=["Kyiv"]),
    Actor(id="lavrov", name="Sergei Lavrov", kind="person", country="RUS", aliases=["Lavrov"]),
    Actor(id="rubio", name="Marco Rubio", kind="person", country="USA", aliases=["Rubio"]),
    Actor(id="merz", name="Friedrich Merz", kind="person", country="DEU", aliases=["Merz"]),
    Actor(id="meloni", name="Giorgia Meloni", kind="person", country="ITA", aliases=["Meloni"]),
    Actor(id="nato", name="NATO", kind="igo"),
    Actor(id="reuters", name="Reuters", kind="media outlet", country="GBR"),
    Actor(id="tass", name="TASS", kind="media outlet", country="RUS"),
    Actor(id="ria", name="RIA Novosti", kind="media outlet", country="RUS"),
    Actor(id="politico", name="Politico", kind="media outlet", country="USA"),
    Actor(id="lemonde", name="Le Monde", kind="media outlet", country="FRA"),
]  # fmt: skip


def make_kb(extra: Sequence[Actor] = ()) -> KnowledgeBase:
    """The small test knowledge base, plus ``extra`` actors."""
    return KnowledgeBase([*ACTORS, *extra])


def find_mentions(text: str, kb: KnowledgeBase) -> list[Mention]:
    """Exact, case-sensitive, longest-first name matches, not overlapping."""
    names = sorted(
        ((n, a) for a in kb.actors.values() for n in (a.name, *a.aliases)),
        key=lambda p: -len(p[0]),
    )
    taken: list[tuple[int, int]] = []
    found = []
    for name, actor in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            label = "PERSON" if actor.kind == "person" else "ORG"
            found.append(
                Mention(start=m.start(), end=m.end(), text=name, actor=actor.id, label=label)
            )
    return sorted(found, key=lambda m: m.start)


def make_ctx(nlp: Any, text: str, kb: KnowledgeBase | None = None) -> Context:
    """Parse ``text`` and fill mentions/actor_at as the actors extractor would."""
    kb = kb if kb is not None else make_kb()
    article = Article(id="t", text=text)
    doc = nlp(text)
    analysis = Analysis(article=article, mentions=find_mentions(text, kb))
    actor_at: dict[int, str] = {}
    for m in analysis.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and m.actor:
            actor_at.update({t.i: m.actor for t in span})
    return Context(
        article=article, doc=doc, kb=kb, analysis=analysis, products=Products(actor_at=actor_at)
    )


def speech_of(nlp: Any, text: str) -> tuple[list[Quote], list[Attribution]]:
    """The quotes and attributions of ``text``, both speech extractors run in pipeline order."""
    ctx = make_ctx(nlp, text)
    QuoteExtractor()(ctx)
    AttributionExtractor()(ctx)
    return ctx.analysis.quotes, ctx.analysis.attributions
