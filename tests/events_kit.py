"""What the event tests share: run the whole pipeline on a text and pick its events."""

from __future__ import annotations

import datetime as dt
from typing import Any

from parley.models import Event, RawDocument


def events_of(
    pipeline: Any, text: str, event_type: str | None = None, *, published: dt.date
) -> list[Event]:
    """The events of ``text`` published on ``published``, of one type when one is given."""
    raw = RawDocument(source="event-test", text=text, published_at=published)
    found = pipeline.run(raw).events
    return [e for e in found if event_type is None or e.type == event_type]


def one_event(pipeline: Any, text: str, event_type: str, *, published: dt.date) -> Event:
    """The single event of ``event_type``; fails showing every event when there is not one."""
    found = events_of(pipeline, text, event_type, published=published)
    assert len(found) == 1, (text, events_of(pipeline, text, published=published))
    return found[0]
