"""A long run keeps memory flat: nothing holds on to the documents it has analysed.

A cache of per-document lookups keyed weakly by the document, whose values held the document,
kept every parsed document of a run alive (about 100 KB an article: a 100,000-article run would
not fit in memory). Counting the live documents before and after a batch catches any such hold.
"""

from __future__ import annotations

import datetime as dt
import gc
from typing import Any

from parley.models import Article


def _live_docs() -> int:
    from spacy.tokens import Doc

    gc.collect()
    return sum(isinstance(o, Doc) for o in gc.get_objects())


def _article(i: int) -> Article:
    text = (
        f"Delegations from Armenia and Azerbaijan met in Vienna on Tuesday for round {i} of talks, "
        f'the foreign ministry said. "We made progress," Ana Petrova told reporters on day {i}.'
    )
    return Article(id=f"mem-{i}", text=text, published_at=dt.date(2026, 3, 1), language="en")


def test_analysed_documents_are_not_kept_alive(pipeline: Any) -> None:
    list(pipeline.analyze_many([_article(i) for i in range(3)]))  # warm: rulers, memos
    before = _live_docs()
    analyses = list(pipeline.analyze_many([_article(i) for i in range(3, 23)]))
    assert len(analyses) == 20 and all(a.events or a.quotes for a in analyses)
    # A few recent documents may stay cached (parley.nlp.docs keeps the last four), not 20.
    assert _live_docs() - before <= 4
