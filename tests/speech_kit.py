"""Whole-pipeline helpers shared by the speech round tests: run a text, find a claim's source."""

from __future__ import annotations

import datetime as dt
from typing import Any

from parley.models import Analysis, Quote, RawDocument

#: The publication day of the round tests' texts (office holders are checked on it).
DAY = dt.date(2025, 6, 1)


def run(pipeline: Any, text: str, title: str | None = None) -> Analysis:
    """The analysis of ``text`` (with ``title``) published on :data:`DAY`."""
    raw = RawDocument(source="t", text=text, title=title, published_at=DAY)
    found: Analysis = pipeline.run(raw)
    return found


def source_of(an: Analysis, words: str) -> tuple[str, str | None] | None:
    """The (text, actor) of the source of the claim holding ``words``; None when no claim."""
    found = [a for a in an.attributions if words in a.claim.text]
    if not found:
        return None
    return found[0].reporter.text, found[0].reporter.actor


def direct(an: Analysis) -> list[Quote]:
    """The direct quotations of ``an``."""
    return [q for q in an.quotes if q.direct]
