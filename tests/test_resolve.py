"""Cross-article resolution on hand-built analyses: stories, tracks and treaty timelines."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import (
    ActorInText,
    Agreement,
    AgreementStatus,
    Analysis,
    Article,
    Event,
    Quantity,
    Round,
    Span,
    TimeExpression,
    Track,
)
from parley.resolve import cluster_stories, merge_agreements, merge_tracks, same_story
from parley.resolve.stories import EventRef

EV = Span(start=0, end=1, text="x")


def _article(aid: str, day: str, outlet: str) -> Article:
    return Article(id=aid, text="x", outlet=outlet, published_at=dt.date.fromisoformat(day))


def _swap(value: str | None, n: float, status: str = "occurred") -> Event:
    date = TimeExpression(
        text="t",
        start=0,
        end=1,
        value=value,
        precision="day" if value and len(value) == 10 else "month",
    )
    return Event(
        type="RETREAT",
        mode="release",
        source=["ARM", "AZE"],
        target=["AZE", "ARM"],
        date=date if value else None,
        status=status,  # type: ignore[arg-type]
        quantities=[Quantity(value=n, unit="detainees")],
        evidence=EV,
    )


def test_three_outlets_one_swap_is_one_story_with_three_sources_and_the_disagreement() -> None:
    analyses = [
        Analysis(article=_article("a", "2026-04-21", "Reuters"), events=[_swap("2026-04-21", 12)]),
        Analysis(article=_article("b", "2026-04-21", "AP"), events=[_swap(None, 12)]),
        Analysis(
            article=_article("c", "2026-04-22", "Al Jazeera"), events=[_swap("2026-04-21", 14)]
        ),
    ]
    stories = cluster_stories(analyses)
    assert len(stories) == 1
    story = stories[0]
    assert story.sources == ["Reuters", "AP", "Al Jazeera"]
    assert story.first_report == "a"
    assert any("12" in d and "14" in d for d in story.disagreements)


def test_an_earlier_swap_mentioned_as_background_is_a_different_story() -> None:
    analyses = [
        Analysis(
            article=_article("a", "2026-02-05", "Reuters"),
            events=[_swap("2026-02-05", 157), _swap("2025-10", 0, "historical")],
        ),
        Analysis(article=_article("b", "2026-02-05", "AP"), events=[_swap("2026-02-05", 157)]),
    ]
    stories = cluster_stories(analyses)
    assert sorted(len(s.events) for s in stories) == [1, 2]


def test_events_of_different_types_or_actors_never_merge() -> None:
    other = _swap("2026-04-21", 12).model_copy(update={"source": ["RUS"], "target": ["UKR"]})
    consult = _swap("2026-04-21", 12).model_copy(update={"type": "CONSULT"})
    analyses = [
        Analysis(article=_article("a", "2026-04-21", "Reuters"), events=[_swap("2026-04-21", 12)]),
        Analysis(article=_article("b", "2026-04-21", "AP"), events=[other, consult]),
    ]
    assert len(cluster_stories(analyses)) == 3


def _track(
    aid: str, day: str, rounds: list[Round], name: str = "Armenia–Azerbaijan peace talks"
) -> Analysis:
    tr = Track(
        name=name,
        parties=["ARM", "AZE"],
        mediators=["CHE"],
        issues=["border delimitation"],
        rounds=rounds,
    )
    return Analysis(article=_article(aid, day, "AP"), tracks=[tr])


def test_a_round_cancelled_then_held_later_is_two_sessions_with_the_cancellation_kept() -> None:
    name = "Armenia–Azerbaijan peace talks"
    analyses = [
        _track("c", "2026-06-12", [Round(track=name, ordinal=3, status="cancelled")]),
        _track(
            "a",
            "2026-03-03",
            [
                Round(track=name, ordinal=1, venue="Geneva", status="held"),
                Round(track=name, ordinal=3, status="planned"),
            ],
        ),
        _track("d", "2026-09-24", [Round(track=name, ordinal=3, venue="Geneva", status="held")]),
    ]
    [track] = merge_tracks(analyses)
    assert [(r.ordinal, r.status) for r in track.rounds] == [
        (1, "held"),
        (3, "cancelled"),
        (3, "held"),
    ]
    assert track.rounds[2].venue == "Geneva" and track.rounds[2].article_id == "d"
    assert merge_tracks(analyses[:2])[0].rounds[1].status == "cancelled"


def test_talks_and_peace_talks_of_the_same_parties_are_one_track() -> None:
    analyses = [
        _track("a", "2026-03-03", [], name="Armenia–Azerbaijan peace talks"),
        _track("b", "2026-05-28", [], name="Armenia–Azerbaijan talks"),
    ]
    assert [t.name for t in merge_tracks(analyses)] == ["Armenia–Azerbaijan peace talks"]


def test_rerunning_resolution_in_any_order_gives_the_same_tracks() -> None:
    name = "Armenia–Azerbaijan peace talks"
    analyses = [
        _track("a", "2026-03-03", [Round(track=name, ordinal=1, status="held")]),
        _track("b", "2026-04-03", [Round(track=name, ordinal=2, status="planned")]),
    ]
    assert merge_tracks(analyses) == merge_tracks(list(reversed(analyses)))


@pytest.mark.parametrize("name", ["Caspian Arms Limitation Treaty", "the caspian arms limitation"])
def test_treaty_statuses_from_many_articles_form_one_dated_timeline(name: str) -> None:
    def ag(aid: str, day: str, status: str, agname: str) -> Analysis:
        st = AgreementStatus(status=status, date=day)
        return Analysis(
            article=_article(aid, day, "Reuters"),
            agreements=[
                Agreement(name=agname, kind="treaty", parties=["KAZ", "TKM"], statuses=[st])
            ],
        )

    analyses = [
        ag("s", "2026-09-10", "suspended", name),
        ag("a", "2026-05-19", "signed", "Caspian Arms Limitation Treaty"),
        ag("r", "2026-06-25", "ratified", "Caspian Arms Limitation Treaty"),
    ]
    [treaty] = merge_agreements(analyses)
    assert [s.status for s in treaty.statuses] == ["signed", "ratified", "suspended"]
    assert treaty.status == "suspended"
    assert [s.article_id for s in treaty.statuses] == ["a", "r", "s"]


def test_an_event_dated_only_by_its_year_does_not_bridge_two_sessions() -> None:
    def talks(day: str, value: str, precision: str) -> Event:
        date = TimeExpression(text="t", start=0, end=1, value=value, precision=precision)  # type: ignore[arg-type]
        return Event(
            type="CONSULT",
            source=["ARM", "AZE"],
            target=["AZE", "ARM"],
            date=date,
            status="occurred",
            evidence=EV,
        )

    analyses = [
        Analysis(
            article=_article("a", "2026-03-03", "Reuters"),
            events=[talks("2026-03-03", "2026-03-03", "day")],
        ),
        Analysis(
            article=_article("b", "2026-05-28", "Eurasianet"),
            events=[talks("2026-05-28", "2026", "year")],
        ),
        Analysis(
            article=_article("c", "2026-09-24", "Reuters"),
            events=[talks("2026-09-23", "2026-09-23", "day")],
        ),
    ]
    assert sorted(len(s.events) for s in cluster_stories(analyses)) == [1, 1, 1]


def test_a_month_and_a_day_in_that_month_are_not_a_date_disagreement() -> None:
    analyses = [
        Analysis(article=_article("a", "2026-04-21", "Reuters"), events=[_swap("2026-04", 12)]),
        Analysis(article=_article("b", "2026-04-21", "AP"), events=[_swap("2026-04-21", 12)]),
    ]
    [story] = cluster_stories(analyses)
    assert story.disagreements == []


def test_a_later_passing_mention_does_not_blur_a_held_rounds_venue_and_date() -> None:
    name = "Armenia–Azerbaijan peace talks"
    analyses = [
        _track(
            "a",
            "2026-03-03",
            [Round(track=name, ordinal=2, venue="Astana", status="planned", date="2026-04")],
        ),
        _track(
            "b",
            "2026-04-15",
            [Round(track=name, ordinal=2, venue="Astana", status="held", date="2026-04-15")],
        ),
        _track(
            "c",
            "2026-05-28",
            [Round(track=name, ordinal=2, venue="Kazakhstan", status="held", date="2026")],
        ),
    ]
    [track] = merge_tracks(analyses)
    [second] = track.rounds
    assert (second.status, second.venue, second.date) == ("held", "Astana", "2026-04-15")


# -- same_story case table: one real-world event told differently by two articles ------------

_PEOPLE = {"person:ruto": "KEN", "person:hassan": "TZA", "person:envoy": "KEN"}


def _ev(
    kind: str,
    source: list[str],
    target: list[str],
    value: str | None,
    status: str = "occurred",
    mode: str | None = None,
    end: str | None = None,
) -> Event:
    date = None
    if value:
        precision = "day" if len(value) == 10 else "month" if len(value) == 7 else "year"
        date = TimeExpression(
            text="t", start=0, end=1, value=value, end_value=end, precision=precision
        )  # type: ignore[arg-type]
    return Event(
        type=kind, mode=mode, source=source, target=target, date=date, status=status, evidence=EV
    )  # type: ignore[arg-type]


def _ref(aid: str, day: str, event: Event, index: int = 0) -> EventRef:
    return EventRef(aid, index, event, "Outlet", dt.date.fromisoformat(day), _PEOPLE)


KT = ["KEN", "TZA"]
_REL = "release"

SAME_STORY_CASES = [
    # (why, first (article, published, event), second, same story?)
    (
        "presidents sign, later their states are said to have signed",
        ("a", "2026-05-04", _ev("SUPPORT", ["person:ruto", "person:hassan"], [], "2026-05-04")),
        ("b", "2026-06-01", _ev("SUPPORT", KT, KT, "2026-05")),
        True,
    ),
    (
        "one official's remark is not every act of his state",
        ("a", "2026-05-04", _ev("REQUEST", ["person:ruto"], [], "2026-05-04")),
        ("b", "2026-05-04", _ev("REQUEST", ["KEN"], [], "2026-05-04")),
        False,
    ),
    (
        "a round planned for a month, then held on a day of it",
        ("a", "2026-03-01", _ev("CONSULT", KT, KT, "2026-04", "planned")),
        ("b", "2026-04-20", _ev("CONSULT", KT, KT, "2026-04-19")),
        True,
    ),
    (
        "an undated plan, then the vote three weeks later",
        ("a", "2026-06-02", _ev("SUPPORT", ["TZA"], [], None, "planned")),
        ("b", "2026-06-23", _ev("SUPPORT", ["TZA"], [], "2026-06-22")),
        True,
    ),
    (
        "an undated plan does not reach a vote three months later",
        ("a", "2026-06-02", _ev("SUPPORT", ["TZA"], [], None, "planned")),
        ("b", "2026-09-10", _ev("SUPPORT", ["TZA"], [], "2026-09-09")),
        False,
    ),
    (
        "talks on two days and a report dated by their first day",
        ("a", "2026-07-01", _ev("CONSULT", KT, KT, "2026-07-08", "planned", end="2026-07-09")),
        ("b", "2026-07-10", _ev("CONSULT", KT, KT, "2026-07-09")),
        True,
    ),
    (
        "two exchanges months apart are two stories",
        ("a", "2026-02-10", _ev("RETREAT", KT, KT, "2026-02-10", mode=_REL)),
        ("b", "2026-06-10", _ev("RETREAT", KT, KT, "2026-06-09", mode=_REL)),
        False,
    ),
    (
        "an accusation and the counter-accusation are two events",
        ("a", "2026-08-01", _ev("ACCUSE", ["KEN"], ["TZA"], "2026-08-01")),
        ("b", "2026-08-01", _ev("ACCUSE", ["TZA"], ["KEN"], "2026-08-01")),
        False,
    ),
    (
        "one side's handover is part of the exchange another outlet reports",
        ("a", "2026-08-01", _ev("RETREAT", KT, KT, "2026-08-01", mode=_REL)),
        ("b", "2026-08-02", _ev("RETREAT", ["TZA"], ["KEN"], "2026-08-01", mode=_REL)),
        True,
    ),
    (
        "the same article: a handover inside the exchange it describes",
        ("a", "2026-08-01", _ev("RETREAT", KT, KT, "2026-08-01", mode=_REL)),
        ("a", "2026-08-01", _ev("RETREAT", ["KEN"], ["TZA"], "2026-08-01", mode=_REL)),
        True,
    ),
    (
        "the same article: one side's agreement beside a joint one is another agreement",
        ("a", "2026-08-01", _ev("AGREE", KT, KT, "2026-08-01")),
        ("a", "2026-08-01", _ev("AGREE", ["KEN"], ["TZA"], "2026-08-01")),
        False,
    ),
    (
        "a session said not to have happened is the planned one",
        ("a", "2026-05-01", _ev("CONSULT", KT, KT, "2026-06", "planned")),
        ("b", "2026-06-12", _ev("CONSULT", KT, KT, "2026-06", "negated")),
        True,
    ),
]


@pytest.mark.parametrize(
    ("why", "first", "second", "expected"), SAME_STORY_CASES, ids=[c[0] for c in SAME_STORY_CASES]
)
def test_same_story_decides_like_a_careful_reader(
    why: str, first: tuple[str, str, Event], second: tuple[str, str, Event], expected: bool
) -> None:
    a, b = _ref(*first), _ref(*second, index=1)
    assert same_story(a, b) is expected, why
    assert same_story(b, a) is expected, "the test is symmetric"


def test_a_persons_country_comes_from_the_articles_actors() -> None:
    people = [
        ActorInText(id="person:ruto", name="William Ruto", kind="person", country="KEN"),
        ActorInText(id="person:hassan", name="Samia Suluhu Hassan", kind="person", country="TZA"),
    ]
    signing = _ev("SUPPORT", ["person:ruto", "person:hassan"], [], "2026-05-04")
    analyses = [
        Analysis(article=_article("a", "2026-05-04", "AP"), events=[signing], actors=people),
        Analysis(
            article=_article("b", "2026-06-01", "Reuters"),
            events=[_ev("SUPPORT", KT, KT, "2026-05")],
        ),
    ]
    [story] = cluster_stories(analyses)
    assert story.sources == ["AP", "Reuters"]
