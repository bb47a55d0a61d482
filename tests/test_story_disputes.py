"""A report naming one side never joins the stories of two disputes (docs/DESIGN-NOTES.md,
note 18): "Chile rejected the proposal" between a Chile–Peru and a Chile–Bolivia rejection
of the same days stays apart from both, where single-link made one story of them, and in a
busy corpus one story of every dispute of the weeks. The store keeps such a report's mark,
so refreshes in any order, re-saves and chunked runs give the stories of a rebuild.

Analyses are built by hand; no model is loaded.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from parley.models import ActorInText, Analysis, Article, Event, Span
from parley.resolve import cluster_stories, refresh_resolved, refresh_unresolved
from parley.store import Store, open_store
from test_resolved_store import dump

NAMES = {
    "CHL": "Chile",
    "PER": "Peru",
    "BOL": "Bolivia",
    "ISR": "Israel",
    "PSE": "Palestine",
    "group:hamas": "Hamas",
}


def _report(
    ident: str, day: str, outlet: str, text: str, source: list[str], target: list[str]
) -> Analysis:
    """An article whose one sentence tells one rejection (undated: its day stands in)."""
    kind = {"group:hamas": "group"}
    actors = [
        ActorInText(
            id=i, name=NAMES[i], kind=kind.get(i, "state"), country="PSE" if i in kind else i
        )
        for i in sorted({*source, *target})
        if i in NAMES  # "strikers": a side the knowledge base does not know
    ]
    event = Event(
        type="REJECT",
        source=source,
        target=target,
        status="occurred",
        evidence=Span(start=0, end=len(text), text=text),
    )
    art = Article(
        id=f"sha256:{ident:0<16}",
        text=text,
        title=text[:40],
        outlet=outlet,
        published_at=dt.date.fromisoformat(day),
    )
    return Analysis(article=art, actors=actors, events=[event])


def peru(ident: str = "p1", outlet: str = "Wire A", day: str = "2026-04-08") -> Analysis:
    return _report(
        ident, day, outlet, "Chile rejected Peru's offer on the fishing zone.", ["CHL"], ["PER"]
    )


def bolivia(day: str = "2026-04-09") -> Analysis:
    return _report(
        "b1",
        day,
        "Daily B",
        "Chile turned down Bolivia's demand for a corridor to the sea.",
        ["CHL"],
        ["BOL"],
    )


def chile_alone(ident: str = "c1", outlet: str = "Radio C") -> Analysis:
    return _report(ident, "2026-04-09", outlet, "Chile rejected the proposal.", ["CHL"], [])


def _outlets(stories: Iterable[object]) -> list[list[str]]:
    return sorted(sorted(s.sources) for s in stories)  # type: ignore[attr-defined]


def test_a_one_sided_report_joins_the_one_dispute_it_matches() -> None:
    assert _outlets(cluster_stories([peru(), chile_alone()])) == [["Radio C", "Wire A"]]


def test_a_one_sided_report_never_joins_two_disputes() -> None:
    stories = cluster_stories([peru(), bolivia(), chile_alone()])
    assert _outlets(stories) == [["Daily B"], ["Radio C"], ["Wire A"]]


def test_one_sided_reports_of_one_side_stay_together_apart_from_the_disputes() -> None:
    stories = cluster_stories([peru(), bolivia(), chile_alone(), chile_alone("c2", "Paper D")])
    assert _outlets(stories) == [["Daily B"], ["Paper D", "Radio C"], ["Wire A"]]


def test_two_reports_of_one_dispute_still_take_the_one_sided_report() -> None:
    stories = cluster_stories([peru(), peru("p2", "Paper D", "2026-04-09"), chile_alone()])
    assert _outlets(stories) == [["Paper D", "Radio C", "Wire A"]]


def _strike(ident: str, outlet: str, text: str, target: list[str]) -> Analysis:
    out = _report(ident, "2026-07-14", outlet, text, ["ISR"], target)
    return out.model_copy(
        update={"events": [e.model_copy(update={"type": "ASSAULT"}) for e in out.events]}
    )


def test_a_group_and_its_state_are_one_side_of_the_dispute() -> None:
    """Hamas and "Palestine" are one side: the Israeli strike told by a third outlet without a
    target is the strike both report, not a report of two disputes."""
    stories = cluster_stories(
        [
            _strike("s1", "Wire A", "Israel struck Hamas positions in the strip.", ["group:hamas"]),
            _strike("s2", "Daily B", "Israel struck targets in Palestine.", ["PSE"]),
            _strike("s3", "Radio C", "Israel carried out air strikes overnight.", []),
        ]
    )
    assert _outlets(stories) == [["Daily B", "Radio C", "Wire A"]]


def test_a_side_without_a_state_tells_no_other_dispute() -> None:
    """ "Chile rejected the demands of the strikers" (an unlinked side) is no second dispute
    beside Chile–Peru."""
    strikers = _report(
        "k1",
        "2026-04-08",
        "Paper D",
        "Chile rejected the strikers' demands.",
        ["CHL"],
        ["strikers"],
    )
    stories = cluster_stories([peru(), strikers, chile_alone()])
    assert _outlets(stories) == [["Paper D", "Radio C", "Wire A"]]


# -- in the store --------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "parley.db")) as s:
        yield s


def _corpus() -> list[Analysis]:
    return [peru(), bolivia(), chile_alone(), peru("p2", "Paper D", "2026-04-10")]


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_refreshing_after_each_report_in_any_order_equals_a_rebuild(
    store: Store, order: tuple[int, ...]
) -> None:
    """The one-sided report is undecided once both disputes are stored, whichever came first;
    a later report of one dispute does not decide it, though the refresh that stores it reads
    only that dispute's stories."""
    items = _corpus()
    for i in order:
        store.save(items[i])
        refresh_resolved(store, {items[i].article.id})
    incremental = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == incremental
    assert _outlets(store.stories()) == [["Daily B"], ["Paper D", "Wire A"], ["Radio C"]]


def test_a_stored_mark_keeps_the_one_sided_report_apart_when_one_dispute_is_read(
    store: Store,
) -> None:
    """A new Peruvian report two days before the Bolivian one meets the one-sided report but
    not the Bolivian dispute, so its refresh does not read that: the stored mark says the
    report is undecided, as a rebuild finds it."""
    for a in (peru(day="2026-04-07"), bolivia("2026-04-11"), chile_alone()):
        store.save(a)
        refresh_resolved(store, {a.article.id})
    late = peru("p2", "Paper D", "2026-04-08")
    store.save(late)
    refresh_resolved(store, {late.article.id})
    incremental = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == incremental
    assert _outlets(store.stories()) == [["Daily B"], ["Paper D", "Wire A"], ["Radio C"]]


def test_a_report_taken_out_decides_the_one_sided_report_again(store: Store) -> None:
    """Re-saved without its rejection, the Bolivian report no longer makes the one-sided one
    undecided: it joins the Peruvian dispute, as a rebuild says."""
    items = _corpus()
    for a in items:
        store.save(a)
    refresh_resolved(store, None)
    store.save(bolivia().model_copy(update={"events": []}))
    refresh_resolved(store, {bolivia().article.id})
    incremental = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == incremental
    assert _outlets(store.stories()) == [["Paper D", "Radio C", "Wire A"]]


@pytest.mark.parametrize("chunk", [1, 2])
def test_resolving_in_chunks_keeps_the_one_sided_report_apart(store: Store, chunk: int) -> None:
    for a in _corpus():
        store.save(a)
    refresh_unresolved(store, chunk=chunk)
    chunked = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == chunked
    assert _outlets(store.stories()) == [["Daily B"], ["Paper D", "Wire A"], ["Radio C"]]


def _random_corpus(seed: int, n: int = 30) -> list[Analysis]:
    """``n`` articles over three weeks, each telling one to three rejections or accusations
    by one of two states, of one of three others or of no one: dense enough that reports
    naming one side meet several disputes, and articles hold events of stories read for
    other reasons."""
    rng = random.Random(seed)
    states = ["CHL", "PER", "BOL", "ISR"]
    out = []
    for k in range(n):
        day = dt.date(2026, 4, 1) + dt.timedelta(days=rng.randrange(21))
        events = []
        for _ in range(rng.randint(1, 3)):
            source = rng.choice(states[:2])
            target = [] if rng.random() < 0.4 else [rng.choice([s for s in states if s != source])]
            text = f"{NAMES[source]} rejected the plan {k}."
            events.append(
                Event(
                    type=rng.choice(["REJECT", "ACCUSE"]),
                    source=[source],
                    target=target,
                    status="occurred",
                    evidence=Span(start=0, end=len(text), text=text),
                )
            )
        ids = sorted({a for e in events for a in (*e.source, *e.target)})
        art = Article(
            id=f"sha256:r{seed}x{k:0<12}",
            text="",
            outlet=f"Outlet {k % 7}",
            published_at=day,
        )
        actors = [ActorInText(id=i, name=NAMES[i], kind="state", country=i) for i in ids]
        out.append(Analysis(article=art, actors=actors, events=events))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dense_random_reports_refreshed_one_by_one_in_chunks_and_resaved_equal_a_rebuild(
    store: Store, seed: int
) -> None:
    """Every way a store is kept up to date gives the stories of a rebuild on a dense corpus:
    article by article in a random order, in chunks, and after re-saving some articles with
    one event fewer (which can lift an undecided mark)."""
    items = _random_corpus(seed)
    rng = random.Random(seed)
    for a in rng.sample(items, len(items)):
        store.save(a)
        refresh_resolved(store, {a.article.id})
    one_by_one = dump(store)
    refresh_resolved(store, None)
    rebuilt = dump(store)
    assert one_by_one == rebuilt
    assert any(json.loads(row)["undecided"] for row in rebuilt["story_events"])
    for a in rng.sample(items, 8):
        store.save(a.model_copy(update={"events": a.events[1:]}))
        refresh_resolved(store, {a.article.id})
        resaved = dump(store)
        refresh_resolved(store, None)
        assert dump(store) == resaved


@pytest.mark.parametrize("seed", [9, 10, 12])
def test_dense_random_reports_resolved_in_chunks_equal_a_rebuild(tmp_path: Path, seed: int) -> None:
    with open_store(str(tmp_path / "chunks.db")) as store:
        for a in _random_corpus(seed, 40):
            store.save(a)
        refresh_unresolved(store, chunk=3)
        chunked = dump(store)
        refresh_resolved(store, None)
        assert dump(store) == chunked
