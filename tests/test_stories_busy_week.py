"""Stories on a busy week of real coverage (docs/review/negotiation.md, "Stories on a busy week
(stories1)"), rewritten in our own words with other names, places and numbers.

Wire copy puts scare quotes around one word of a truce term ('a five-hour "humanitarian"
pause'); the truce is still the one another outlet calls "the truce", and still not another
commitment of the same side that day (to let aid convoys through).
"""

from __future__ import annotations

import datetime as dt

from parley.models import Analysis, Article, Event, Span, Story
from parley.resolve import cluster_stories


def _report(n: int, outlet: str, day: str, sentence: str) -> Analysis:
    """One article by ``outlet`` published on ``day`` whose only event is Norway's agreement
    that ``sentence`` tells (undated: the article's day stands in for it)."""
    event = Event(
        type="AGREE",
        source=["NOR"],
        status="occurred",
        evidence=Span(start=0, end=len(sentence), text=sentence),
    )
    article = Article(
        id=f"a{n}", text=sentence, outlet=outlet, published_at=dt.date.fromisoformat(day)
    )
    return Analysis(article=article, events=[event])


def _outlets(stories: list[Story]) -> list[list[str]]:
    return sorted(sorted(s.sources) for s in stories)


QUOTED_PAUSE = (
    'OSLO - Norway agreed to observe a six-hour "humanitarian" pause in its bombardment of the '
    "valley on Friday, under a plan brokered by the Red Cross."
)


def test_a_pause_with_a_quoted_word_is_the_truce_another_outlet_reports() -> None:
    stories = cluster_stories(
        [
            _report(1, "Wire A", "2026-03-12", QUOTED_PAUSE),
            _report(2, "Daily B", "2026-03-13", "Norway said it had agreed to the truce."),
        ]
    )
    assert _outlets(stories) == [["Daily B", "Wire A"]]


def test_a_pause_with_a_quoted_word_is_not_the_aid_commitment_of_that_day() -> None:
    stories = cluster_stories(
        [
            _report(1, "Wire A", "2026-03-12", QUOTED_PAUSE),
            _report(
                2,
                "Daily B",
                "2026-03-13",
                "Norway also agreed to let aid convoys reach the valley's two clinics.",
            ),
        ]
    )
    assert _outlets(stories) == [["Daily B"], ["Wire A"]]


def test_curly_quotes_around_a_word_of_a_truce_term_are_read_as_well() -> None:
    stories = cluster_stories(
        [
            _report(
                1, "Wire A", "2026-03-12", "Norway agreed to a \u2018humanitarian\u2019 pause."
            ),
            _report(2, "Daily B", "2026-03-12", "Norway agreed to the ceasefire on Thursday."),
        ]
    )
    assert _outlets(stories) == [["Daily B", "Wire A"]]
