"""The mediators of a sentence are read once per analysis (speed8): the agreements' parties,
the document's sides and each track the negotiation extractor tries asked the same sentences
three or four times. A new analysis of the same parsed text reads them again."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.base import Context
from parley.extract.negotiation import parties
from parley.models import Analysis, RawDocument

TEXT = (
    "Envoys of Armenia and Azerbaijan met in Geneva on Monday for talks mediated by Norway. "
    "The two sides agreed to meet again next month."
)


def _context(pipeline):  # type: ignore[no-untyped-def]
    article = pipeline.normalize(
        RawDocument(source="m.txt", text=TEXT, published_at=dt.date(2026, 10, 9))
    )
    doc = pipeline.nlp(article.text)
    return Context(article=article, doc=doc, kb=pipeline.kb, analysis=Analysis(article=article))


def _extract(pipeline, ctx) -> None:  # type: ignore[no-untyped-def]
    for ex in pipeline.extractors:
        ex(ctx)


@pytest.mark.model
def test_each_sentence_is_read_once_for_all_the_extractors_that_ask(
    pipeline,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[tuple[int, int]] = []
    real = parties._mediators_in

    def counted(ctx, sent):  # type: ignore[no-untyped-def]
        read.append((sent.start, sent.end))
        return real(ctx, sent)

    monkeypatch.setattr(parties, "_mediators_in", counted)
    ctx = _context(pipeline)
    _extract(pipeline, ctx)
    assert read, "the negotiation extractor asks every sentence for its mediators"
    assert len(read) == len(set(read))
    assert "NOR" in [m for t in ctx.analysis.tracks for m in t.mediators]


@pytest.mark.model
def test_a_new_analysis_of_the_same_text_reads_the_mediators_again(
    pipeline,  # type: ignore[no-untyped-def]
) -> None:
    ctx = _context(pipeline)
    [first, _] = list(ctx.doc.sents)
    assert parties.mediators_in(ctx, first) == []  # no actors resolved yet: no one named
    fresh = Context(ctx.article, ctx.doc, ctx.kb, Analysis(article=ctx.article))
    _extract(pipeline, fresh)
    assert parties.mediators_in(fresh, first) == ["NOR"]
