"""Story clustering compares only events whose date windows can meet; it must find exactly the
stories that comparing every pair of events of a type finds."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from parley.models import Analysis, Article, Event, Span, Story, TimeExpression
from parley.resolve import cluster_stories
from parley.resolve.stories import _story, same_story, story_refs

STATES = ["NOR", "PER", "KEN", "FJI", "MNG"]
WORDS = ["met the delegation.", "signed the water accord.", "ratified the water accord."]


def _date(rng: random.Random, published: dt.date) -> TimeExpression | None:
    """A day, an approximate day, a month, a year, an interval or no date at all."""
    day = published - dt.timedelta(days=rng.randrange(-40, 200))
    kind = rng.randrange(6)
    if kind == 0:
        return None
    value, end, precision = day.isoformat(), None, "day"
    if kind == 2:
        precision = "approximate"
    elif kind == 3:
        value, precision = day.isoformat()[:7], "month"
    elif kind == 4:
        value, precision = day.isoformat()[:4], "year"
    elif kind == 5:
        end = (day + dt.timedelta(days=rng.randrange(1, 9))).isoformat()
    return TimeExpression(
        text="then", start=0, end=4, value=value, end_value=end, precision=precision
    )


def _analysis(rng: random.Random, n: int) -> Analysis:
    published = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(400))
    events = []
    for _ in range(rng.randrange(1, 4)):
        words = rng.choice(WORDS)
        events.append(
            Event(
                type=rng.choice(["SUPPORT", "CONSULT"]),
                source=rng.sample(STATES, rng.randrange(1, 3)),
                target=rng.sample(STATES, rng.randrange(0, 2)),
                status=rng.choice(["occurred", "planned", "historical", "negated"]),
                date=_date(rng, published),
                evidence=Span(start=0, end=len(words), text=words),
            )
        )
    art = Article(id=f"art{n}", text="", outlet=f"Outlet {n % 4}", published_at=published)
    return Analysis(article=art, events=events)


def _every_pair(analyses: list[Analysis]) -> list[Story]:
    """Single-link clustering that tests every earlier event of the same type."""
    refs = story_refs(analyses)
    group = list(range(len(refs)))
    for i in range(len(refs)):
        for j in range(i):
            if refs[j].event.type == refs[i].event.type and same_story(refs[j], refs[i]):
                old, new = group[i], group[j]
                group = [new if g == old else g for g in group]
    members = defaultdict(list)
    for i, r in enumerate(refs):
        members[group[i]].append(r)
    return [_story(m) for m in members.values()]


def test_clustering_by_date_window_finds_the_stories_of_every_pair() -> None:
    rng = random.Random(15)
    analyses = [_analysis(rng, n) for n in range(160)]
    expected = _every_pair(analyses)
    assert any(len(s.events) > 2 for s in expected)  # the corpus does join reports
    assert cluster_stories(analyses) == expected
