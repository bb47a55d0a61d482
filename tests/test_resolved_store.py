"""Resolved records in the store: incremental refreshes equal a rebuild; queries cite sources.

Runs against SQLite and, when ``PARLEY_TEST_PG_URL`` is set, PostgreSQL (``make test`` sets it).
Analyses are built by hand (tests/negotiation_corpus.py); no model is loaded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from negotiation_corpus import ARMS, TALKS, TREATY, analysis, article, corpus, ev, exchange
from parley.batch import ingest_documents
from parley.errors import NotFound
from parley.models import (
    ActorInText,
    Agreement,
    AgreementStatus,
    Analysis,
    Article,
    Event,
    RawDocument,
    Span,
    TimeExpression,
    Track,
)
from parley.resolve import cluster_stories, refresh, refresh_resolved, refresh_unresolved
from parley.settings import Settings
from parley.store import Store, engine_url, open_store
from parley.store import schema as t
from parley.store.schema import metadata
from parley.store.transaction import Transaction


def _pg_url() -> str:
    url = os.environ.get("PARLEY_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL not configured: set PARLEY_TEST_PG_URL (make test does)")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each backend."""
    if request.param == "sqlite":
        url = str(tmp_path / "parley.db")
    else:
        url = _pg_url()
        engine = sa.create_engine(engine_url(url))
        with engine.begin() as conn:
            metadata.drop_all(conn)
            conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        engine.dispose()
    with open_store(url) as s:
        yield s


def dump(store: Store) -> dict[str, list[str]]:
    """Every row of every resolved table, as sorted canonical JSON (comparable across runs)."""
    out = {}
    with store.engine.connect() as conn:
        for table in t.RESOLVED:
            rows = conn.execute(sa.select(table)).mappings()
            out[table.name] = sorted(json.dumps(dict(r), sort_keys=True, default=str) for r in rows)
    return out


def aid(ident: str) -> str:
    """The article id the corpus gives ``ident``."""
    return article(ident, "2026-01-01", "x", "x").id


def by_id(analyses: Iterable[Analysis]) -> dict[str, Analysis]:
    return {a.article.id: a for a in analyses}


def save_all(store: Store, analyses: Iterable[Analysis]) -> None:
    for a in analyses:
        store.save(a)
    refresh_resolved(store, None)


def save_one_by_one(store: Store, analyses: Iterable[Analysis]) -> dict[str, list[str]]:
    """Save and refresh article by article; the rows must be those a rebuild gives."""
    for a in analyses:
        store.save(a)
        refresh_resolved(store, {a.article.id})
    incremental = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == incremental
    return incremental


ORDERS = {
    "publication order": lambda items: items,
    "newest first": lambda items: items[::-1],
    "shuffled": lambda items: random.Random(7).sample(items, len(items)),
    "shuffled again": lambda items: random.Random(11).sample(items, len(items)),
}


@pytest.mark.parametrize("order", list(ORDERS))
def test_refreshing_after_each_article_equals_a_rebuild(store: Store, order: str) -> None:
    incremental = save_one_by_one(store, ORDERS[order](corpus()))
    assert len(incremental["tracks"]) == 2 and len(incremental["agreements"]) == 1


def test_refreshing_in_two_batches_equals_a_rebuild(store: Store) -> None:
    items = corpus()
    for part in (items[::2], items[1::2]):
        for a in part:
            store.save(a)
        refresh_resolved(store, {a.article.id for a in part})
    incremental = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == incremental


@pytest.mark.parametrize("change", ["round held, not cancelled", "track dropped", "event gone"])
def test_a_resaved_article_updates_what_it_used_to_report(store: Store, change: str) -> None:
    items = by_id(corpus())
    save_all(store, items.values())
    a3, x2 = items[aid("a3")], items[aid("x2")]
    if change == "round held, not cancelled":
        target = a3.model_copy(
            update={
                "tracks": [
                    a3.tracks[0].model_copy(
                        update={
                            "rounds": [a3.tracks[0].rounds[0].model_copy(update={"status": "held"})]
                        }
                    )
                ]
            }
        )
    elif change == "track dropped":
        target = a3.model_copy(update={"tracks": []})
    else:
        target = x2.model_copy(update={"events": []})
    store.save(target)
    refresh_resolved(store, {target.article.id})
    incremental = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == incremental
    if change == "event gone":
        assert [s.sources for s in store.stories(min_sources=2) if s.type == "RETREAT"] == [
            ["Reuters", "Al Jazeera"]
        ]


def test_a_refresh_reads_only_the_articles_behind_what_changed(store: Store) -> None:
    save_all(store, corpus())
    late = corpus()[-2]  # the treaty's suspension, re-reported by another outlet
    article = late.article.model_copy(
        update={"id": "sha256:c4", "outlet": "AP", "published_at": dt.date(2026, 9, 11)}
    )
    store.save(late.model_copy(update={"article": article}))
    report = refresh_resolved(store, {"sha256:c4"})
    # The three treaty articles and the new one; none of the Armenia–Azerbaijan reports.
    assert (report.articles, report.tracks, report.agreements) == (4, 0, 1)


def test_a_refresh_that_fails_midway_leaves_the_resolved_tables_as_they_were(
    store: Store,
) -> None:
    # Resolution runs inside the store's write transaction the caller hands it, so an error
    # after it has replaced rows rolls all of them back.
    items = corpus()
    save_all(store, items[:4])
    before = dump(store)
    for a in items[4:]:
        store.save(a)
    with pytest.raises(RuntimeError), store.transaction() as tx:
        report = refresh(tx, {a.article.id for a in items[4:]})
        assert report.articles > 0
        raise RuntimeError("interrupted")
    assert dump(store) == before
    refresh_resolved(store, set())  # the articles never resolved are caught up later
    incremental = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == incremental != before


def test_articles_saved_without_a_refresh_are_caught_up_by_the_next(store: Store) -> None:
    items = corpus()
    for a in items[:4]:
        store.save(a)  # e.g. a batch killed before its end-of-run refresh
    assert store.tracks() == []
    refresh_resolved(store, set())
    assert {tr.name for tr in store.tracks()} == {TALKS, ARMS}


def test_track_has_round_histories_positions_and_sources(store: Store) -> None:
    save_all(store, corpus())
    rec = store.track("armenia-azerbaijan")  # the start of the name, any dash or case
    assert rec.name == TALKS
    # The June session was cancelled; the third round held in September is a second session.
    assert [(r.ordinal, r.status) for r in rec.rounds] == [
        (1, "held"),
        (2, "planned"),
        (3, "cancelled"),
        (3, "held"),
    ]
    june, third = rec.rounds[2:]
    reports = [
        (h.status, rec.sources[h.article_id or ""].outlet) for r in (june, third) for h in r.history
    ]
    assert reports == [("planned", "Eurasianet"), ("cancelled", "AP"), ("held", "Reuters")]
    assert third.venue == "Geneva" and third.date == "2026-09-23"
    assert [(p.actor, p.red_line) for p in rec.positions] == [("AZE", True), ("ARM", True)]
    assert rec.issues == ["border delimitation", "Armenia's constitution", "transit route"]
    assert rec.latest_round() is third
    assert rec.agreements == []


def test_track_lists_the_agreements_between_its_parties(store: Store) -> None:
    save_all(store, corpus())
    rec = store.track(ARMS)
    assert [a.name for a in rec.agreements] == [TREATY]
    assert {tr.name for tr in store.tracks()} == {TALKS, ARMS}


@pytest.mark.parametrize("name", [TREATY, "the caspian arms limitation", "Caspian"])
def test_agreement_timeline_in_date_order_with_outlets(store: Store, name: str) -> None:
    save_all(store, corpus())
    rec = store.agreement(name)
    timeline = [(s.status, s.date, rec.sources[s.article_id or ""].outlet) for s in rec.statuses]
    assert timeline == [
        ("signed", "2026-05-19", "Reuters"),
        ("ratified", "2026-06-25", "Reuters"),
        ("suspended", "2026-09-10", "Al Jazeera"),
    ]
    assert rec.status == "suspended"
    statuses = rec.model_dump(mode="json")["statuses"]
    assert statuses[0]["source"]["outlet"] == "Reuters" and statuses[0]["evidence"]["text"]


def _lookalikes() -> Analysis:
    """An article reporting a second Armenia–Azerbaijan track and a second Caspian accord."""
    base = corpus()[1]
    track = Track(name="Armenia–Azerbaijan border commission", parties=["ARM", "AZE"])
    accord = base.agreements[0].model_copy(update={"name": "Caspian fishing accord"})
    return base.model_copy(
        update={
            "article": base.article.model_copy(update={"id": aid("z")}),
            "tracks": [track],
            "agreements": [accord],
        }
    )


@pytest.mark.parametrize(
    "lookup, name, message",
    [
        ("track", "Nowhere talks", "No track named 'Nowhere talks'. List them with 'parley tr"),
        ("track", "", "No track"),
        ("track", "Armenia", "Several tracks match 'Armenia': Armenia–Azerbaijan border"),
        ("agreement", "Nowhere", "No agreement named 'Nowhere'"),
        ("agreement", "Caspian", "Several agreements match 'Caspian'"),
    ],
)
def test_unknown_or_ambiguous_names_say_what_to_do(
    store: Store, lookup: str, name: str, message: str
) -> None:
    save_all(store, [*corpus(), _lookalikes()])
    with pytest.raises(NotFound, match=message):
        getattr(store, lookup)(name)


def test_the_same_event_from_three_outlets_is_one_story(store: Store) -> None:
    save_all(store, corpus())
    (story,) = [s for s in store.stories(min_sources=3) if s.type == "RETREAT"]
    assert story.sources == ["Reuters", "AP", "Al Jazeera"]
    assert story.date == "2026-04-21"
    assert any("12" in d and "14" in d for d in story.disagreements)
    assert len(story.events) == 3


def test_stories_filter_by_date_and_sources(store: Store) -> None:
    save_all(store, corpus())
    since = store.stories(since=dt.date(2026, 5, 1))
    assert [(s.type, s.date) for s in since] == [
        ("ASSAULT", "2026-06-10"),
        ("CONSULT", "2026-05-20"),
    ]
    # Three meetings a day apart chain into one story (single-link), whatever the order.
    chained = [s for s in store.stories(min_sources=2) if s.type == "CONSULT"]
    assert [len(s.events) for s in chained] == [3]
    assert len(store.stories()) > len(store.stories(min_sources=2))


def fourth_report() -> Analysis:
    """A fourth outlet's report of the exchange the corpus's three outlets tell."""
    text = "A fourth outlet counted 13."
    return Analysis(
        article=Article(
            id="sha256:x4", text=text, outlet="Eurasianet", published_at=dt.date(2026, 4, 23)
        ),
        events=[exchange(text, "2026-04-21", 13)],
    )


def test_a_new_exchange_report_joins_the_existing_story(store: Store) -> None:
    save_all(store, corpus())
    store.save(fourth_report())
    refresh_resolved(store, {"sha256:x4"})
    (story,) = [s for s in store.stories(min_sources=2) if s.type == "RETREAT"]
    assert story.sources == ["Reuters", "AP", "Al Jazeera", "Eurasianet"]


def _other_exchange(ident: str, outlet: str) -> Analysis:
    """A Kazakh–Turkmen exchange on the day of the corpus's Armenian–Azerbaijani one."""
    text = "Kazakhstan and Turkmenistan swapped detainees."
    event = exchange(text, "2026-04-21", 5).model_copy(
        update={"source": ["KAZ", "TKM"], "target": ["TKM", "KAZ"]}
    )
    return analysis(article(ident, "2026-04-21", outlet, text), events=[event])


def test_a_refresh_reads_no_story_that_shares_no_side_with_its_events(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story of the same kind and days but other sides cannot take a new report (clustering
    pairs only events that share an actor or a state), so a refresh leaves its articles
    unread: in a busy run most stories of a week are other stories."""
    others = [_other_exchange("kt1", "AP"), _other_exchange("kt2", "Reuters")]
    save_all(store, [*corpus(), *others])
    read: list[str] = []
    original = Transaction.analyses

    def counted(
        self: Transaction, ids: Iterable[str] | None, events: bool = True
    ) -> list[Analysis]:
        out = original(self, ids, events)
        read.extend(a.article.id for a in out)
        return out

    monkeypatch.setattr(Transaction, "analyses", counted)
    store.save(fourth_report())
    refresh_resolved(store, {"sha256:x4"})
    monkeypatch.undo()
    assert aid("x1") in read and aid("kt1") not in read and aid("kt2") not in read
    stories = {tuple(s.sources) for s in store.stories(min_sources=2) if s.type == "RETREAT"}
    assert stories == {("Reuters", "AP", "Al Jazeera", "Eurasianet"), ("AP", "Reuters")}
    incremental = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == incremental


def test_a_step_told_without_its_sides_is_looked_up_in_every_story_near_it(
    store: Store,
) -> None:
    """A signing told without its sides borrows them from other reports of its agreement, so
    the stories it may join cannot be narrowed by its own (empty) sides: added alone, it
    still joins the signing stored before."""
    signed = _signing(
        "w1", "2026-06-10", "Both states signed the treaty on Tuesday.", "occurred", "2026-06-09"
    )
    sides = Agreement(
        name=TREATY,
        kind="treaty",
        evidence=signed.events[0].evidence,
        parties=["KAZ", "TKM"],
        statuses=[
            AgreementStatus(status="signed", date="2026-06-09", evidence=signed.events[0].evidence)
        ],
    )
    signed = signed.model_copy(update={"agreements": [sides]})
    text = "Both documents were signed on Tuesday."
    bare = Event(
        type="SUPPORT",
        source=[],
        target=[],
        date=TimeExpression(text="Tuesday", start=0, end=7, value="2026-06-09", precision="day"),
        trigger=Span(start=19, end=25, text="signed"),
        evidence=Span(start=0, end=len(text), text=text),
    )
    told = Agreement(
        name=TREATY,
        kind="treaty",
        evidence=bare.evidence,
        parties=[],
        statuses=[AgreementStatus(status="signed", date="2026-06-09", evidence=bare.evidence)],
    )
    later = Analysis(
        article=article("w2", "2026-06-11", "AP", text), events=[bare], agreements=[told]
    )
    [in_memory] = [s for s in cluster_stories([signed, later]) if s.type == "SUPPORT"]
    assert len(in_memory.events) == 2
    incremental = save_one_by_one(store, [signed, later])
    assert incremental == dump(store)
    assert [len(s.events) for s in store.stories() if s.type == "SUPPORT"] == [2]


def _story_writes(store: Store) -> tuple[list[str], Any]:
    """The ids of the story rows the store inserts or deletes from now on, and the listener
    recording them (to remove)."""
    written: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        words = statement.split()
        table = words[2] if words[:2] in (["INSERT", "INTO"], ["DELETE", "FROM"]) else ""
        if table.strip('"') in ("stories", "story_events"):
            for bound in context.compiled_parameters:  # a DELETE's IN binds a list
                for v in bound.values():
                    written.extend(str(x) for x in (v if isinstance(v, list) else [v]))

    sa.event.listen(store.engine, "before_cursor_execute", seen)
    return written, seen


def test_a_refresh_rewrites_only_the_stories_its_articles_change(store: Store) -> None:
    """Every story near a refreshed article is re-clustered, but one that comes out as stored
    is left in place: a batch run's closing refresh re-clustered each story near every chunk
    and rewrote them all, most unchanged."""
    items = by_id(corpus())
    save_all(store, items.values())
    before = dump(store)
    written, listener = _story_writes(store)
    x2 = items[aid("x2")]
    store.save(x2)  # saved again as it was: its story stays what it is
    refresh_resolved(store, {x2.article.id})
    assert written == [] and dump(store) == before
    store.save(fourth_report())
    refresh_resolved(store, {"sha256:x4"})
    sa.event.remove(store.engine, "before_cursor_execute", listener)
    (story,) = [s for s in store.stories(min_sources=2) if s.type == "RETREAT"]
    assert story.id in written and "sha256:x4" in written
    others = {s.id for s in store.stories()} - {story.id}
    assert others and not others & set(written)
    incremental = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == incremental


class CorpusPipeline:
    """Returns the hand-built analysis whose article text was read (what batch needs)."""

    def __init__(self, analyses: list[Analysis]) -> None:
        self.settings = Settings()
        self.by_text = {a.article.text: a for a in analyses}

    def normalize(self, raw: RawDocument) -> Article:
        return self.by_text[raw.text or ""].article

    def analyze(self, article: Article) -> Analysis:
        return self.by_text[article.text]

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Any]:
        return (self.analyze(a) for a in articles)


def test_a_batch_ingest_refreshes_the_resolved_records(store: Store) -> None:
    items = corpus()
    docs = [RawDocument(source=a.article.id, text=a.article.text) for a in items]
    ingest_documents(docs[:5], store, CorpusPipeline(items), progress=False)
    ingest_documents(docs, store, CorpusPipeline(items), progress=False)
    incremental = dump(store)
    assert store.track(TALKS).rounds[-1].status == "held"
    refresh_resolved(store, None)
    assert dump(store) == incremental


# -- the bundled demo corpus through the real pipeline ------------------------------------------

GOLD = Path(__file__).parent / "golden" / "demo-corpus.gold.json"


@pytest.fixture(scope="module")
def demo_store(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from importlib import resources

    from parley.batch import ingest

    path = tmp_path_factory.mktemp("demo") / "parley.db"
    with (
        open_store(str(path)) as s,
        resources.as_file(resources.files("parley") / "demo" / "articles") as folder,
    ):
        report = ingest([folder], s, pipeline, progress=False)
        assert report.new == 14 and not report.rejections
        yield s


@pytest.mark.model
def test_demo_detainee_exchange_is_one_story_from_three_outlets(demo_store: Store) -> None:
    exchanges = [s for s in demo_store.stories(min_sources=3) if s.type == "RETREAT"]
    (story,) = [s for s in exchanges if s.date and s.date.startswith("2026-04-2")]
    # Three outlets report it; Eurasianet's interview recalls it as "the April exchange".
    assert sorted(story.sources) == ["AP", "Al Jazeera", "Eurasianet", "Reuters"]
    assert any(re.search(r"\b12\b.*\b14\b", d) for d in story.disagreements), story.disagreements


@pytest.mark.model
def test_demo_third_round_ends_as_the_gold_says(demo_store: Store) -> None:
    gold = json.loads(GOLD.read_text("utf-8"))
    (talks,) = [t for t in gold["tracks"] if t["name"].startswith("Armenia")]
    expected = [r["status"] for r in talks["rounds"] if r["ordinal"] == 3]
    rec = demo_store.track("Armenia–Azerbaijan")
    found = [r.status for r in rec.rounds if r.ordinal == 3]
    assert found[-1] == expected[-1] == "held"
    assert found == expected  # the June session cancelled, then the delayed one held


@pytest.mark.model
def test_demo_caspian_treaty_is_signed_then_ratified_then_suspended(demo_store: Store) -> None:
    rec = demo_store.agreement("Caspian Arms Limitation Treaty")
    dated = [(s.date, s.status) for s in rec.statuses if s.date]
    assert [d for d, _ in dated] == sorted(d for d, _ in dated)
    statuses = [st for _, st in dated]
    wanted = iter(statuses)
    assert all(step in wanted for step in ("signed", "ratified", "suspended")), statuses
    outlets = {rec.sources[s.article_id or ""].outlet for s in rec.statuses}
    assert {"Reuters", "Al Jazeera"} <= outlets


@pytest.mark.model
def test_demo_resolved_records_equal_a_rebuild(demo_store: Store) -> None:
    incremental = dump(demo_store)
    refresh_resolved(demo_store, None)
    assert dump(demo_store) == incremental


def _signing(ident: str, day: str, text: str, status: str, when: str | None) -> Analysis:
    """A report of the Kazakh–Turkmen signing: dated, recalled without a day, or still to come."""
    cue = text.index("sign")
    event = Event(
        type="SUPPORT",
        source=["KAZ", "TKM"],
        target=["TKM", "KAZ"],
        status=status,  # type: ignore[arg-type]
        date=TimeExpression(text="Tuesday", start=0, end=7, value=when, precision="day")
        if when
        else None,
        trigger=Span(start=cue, end=cue + 6, text=text[cue : cue + 6]),
        evidence=Span(start=0, end=len(text), text=text),
    )
    return analysis(article(ident, day, ident, text), events=[event])


def test_an_undated_signing_awaited_or_recalled_months_away_joins_incrementally(
    store: Store,
) -> None:
    # A plan in March, the signing in June, a recollection in August: one story, whatever order
    # the store refreshes them in.
    items = [
        _signing("s1", "2026-03-02", "The treaty still has to be signed by both.", "planned", None),
        _signing(
            "s2",
            "2026-06-10",
            "Both states signed the treaty on Tuesday.",
            "occurred",
            "2026-06-09",
        ),
        _signing("s3", "2026-08-20", "Two months after both states signed it.", "occurred", None),
    ]
    for order in (items, items[::-1], [items[1], items[2], items[0]]):
        save_one_by_one(store, order)
        [story] = store.stories(min_sources=2)
        assert len(story.events) == 3


def test_a_stored_story_lifts_people_to_their_states_as_clustering_in_memory_does(
    store: Store,
) -> None:
    """The store's refresh reads analyses without their text; it must keep each person's
    country, or a president's signing and his state's signing become two stories in the store
    while :func:`cluster_stories` over the same analyses makes them one."""
    people = [
        ActorInText(id="person:okafor", name="Ada Okafor", kind="person", country="NGA"),
        ActorInText(id="person:mensah", name="Kofi Mensah", kind="person", country="GHA"),
        ActorInText(id="NGA", name="Nigeria", kind="state", country="NGA"),
        ActorInText(id="GHA", name="Ghana", kind="state", country="GHA"),
    ]

    def signing(actors: list[str], value: str, precision: str) -> Event:
        day = TimeExpression(text="t", start=0, end=1, value=value, precision=precision)  # type: ignore[arg-type]
        return Event(type="SUPPORT", source=actors, target=[], date=day, evidence=ev("x"))

    first = Analysis(
        article=article("lift-a", "2026-08-03", "AP", "x"),
        actors=people[:2],
        events=[signing(["person:okafor", "person:mensah"], "2026-08-03", "day")],
    )
    second = Analysis(
        article=article("lift-b", "2026-08-20", "Reuters", "x"),
        actors=people[2:],
        events=[signing(["NGA", "GHA"], "2026-08", "month")],
    )
    [in_memory] = cluster_stories([first, second])
    assert in_memory.sources == ["AP", "Reuters"]
    save_all(store, [first, second])
    [stored] = store.stories()
    assert stored.sources == ["AP", "Reuters"]
    assert len(stored.events) == 2


@pytest.mark.parametrize("chunk", [1, 3, 500])
def test_resolving_unresolved_articles_in_chunks_equals_a_rebuild(
    store: Store, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch run ends by resolving its articles a chunk at a time (memory holds one chunk's
    analyses and those behind the records it touches): the rows equal a rebuild, and no chunk
    reads every article when the chunk is smaller than the run."""
    items = corpus()
    for a in ORDERS["shuffled"](items):
        store.save(a)
    reads: list[int] = []
    parts: list[str] = []
    original, original_parts = Transaction.analyses, Transaction.record_parts

    def counted(
        self: Transaction, ids: Iterable[str] | None, events: bool = True
    ) -> list[Analysis]:
        out = original(self, ids, events)
        reads.append(len(out))
        return out

    def counted_parts(self: Transaction, ids: Iterable[str]) -> tuple[list[Analysis], set[str]]:
        out = original_parts(self, ids)
        parts.extend(a.article.id for a in out[0])
        return out

    monkeypatch.setattr(Transaction, "analyses", counted)
    monkeypatch.setattr(Transaction, "record_parts", counted_parts)
    report = refresh_unresolved(store, chunk=chunk)
    monkeypatch.undo()
    chunked = dump(store)
    assert report.tracks > 0 and report.stories > 0
    refresh_resolved(store, None)
    assert dump(store) == chunked
    assert len(chunked["tracks"]) == 2 and len(chunked["agreements"]) == 1
    # Tracks and agreements are merged once: each article behind them is read at most three
    # times (its keys, then merged with its tracks and with its agreements: here every key
    # falls in one group), whatever the chunk; re-reading them for every chunk made the
    # refresh quadratic in a track's size.
    assert parts and max(Counter(parts).values()) <= 3
    if chunk == 1:
        assert max(reads) < len(items)


def _army_and_state() -> list[Analysis]:
    """Myanmar's side named by its army in one report, by the state in the next."""
    out = []
    for ident, day, side, name in (
        ("m1", "2026-05-02", "force:tatmadaw", "Tatmadaw"),
        ("m2", "2026-05-03", "MMR", "Myanmar"),
    ):
        parties = [side, "group:arakan-army"]
        ceasefire = Agreement(
            name=f"{name}–Arakan Army ceasefire",
            kind="ceasefire",
            parties=parties,
            statuses=[AgreementStatus(status="signed", date="2026-05-01")],
        )
        out.append(
            Analysis(
                article=article(ident, day, ident, f"{name} and the Arakan Army signed a truce."),
                tracks=[Track(name=f"{name}–Arakan Army talks", parties=parties)],
                agreements=[ceasefire],
            )
        )
    return out


def test_a_state_and_its_army_are_one_side_in_the_store_in_any_order(store: Store) -> None:
    items = _army_and_state()
    for order in (items, items[::-1]):
        save_one_by_one(store, order)
        [track] = store.tracks()
        assert sorted(track.parties) == ["MMR", "group:arakan-army"]
        found = store.agreement("Tatmadaw–Arakan Army ceasefire")
        assert found.name == "Myanmar–Arakan Army ceasefire"
        assert len(store.agreements()) == 1


def test_a_second_run_resolved_in_chunks_merges_with_the_first_as_a_rebuild_does(
    store: Store,
) -> None:
    """A run's articles fall between the dates of articles an earlier run resolved (the
    tracks' merge order interleaves them): the closing refresh of the second run gives the
    rows of a rebuild."""
    items = ORDERS["shuffled again"](corpus())
    first, second = items[::2], items[1::2]
    for a in first:
        store.save(a)
    refresh_unresolved(store, chunk=2)
    for a in second:
        store.save(a)
    refresh_unresolved(store, chunk=2)
    chunked = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == chunked


def test_a_closing_refresh_stopped_before_the_tracks_leaves_its_articles_unresolved(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stories of a run are written chunk by chunk, its tracks and agreements at the end;
    killed in between, no article counts as resolved, and the next refresh gives the rows of
    a rebuild."""
    items = corpus()
    for a in items:
        store.save(a)

    def killed(tx: Transaction, ids: list[str]) -> None:
        raise KeyboardInterrupt

    # ``parley.resolve.refresh`` names the function there; the module is in sys.modules.
    monkeypatch.setattr(sys.modules["parley.resolve.refresh"], "_refresh_records", killed)
    with pytest.raises(KeyboardInterrupt):
        refresh_unresolved(store, chunk=3)
    monkeypatch.undo()
    with store.transaction() as tx:
        assert tx.unresolved() == {a.article.id for a in items}
    refresh_unresolved(store, chunk=3)
    chunked = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == chunked
    assert chunked["tracks"]


def test_merging_a_run_one_track_or_agreement_at_a_time_equals_a_rebuild(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end of a closing refresh merges and writes the run's records a group of keys at a
    time (memory holds one group's); groups of one key give the rows of a rebuild."""
    monkeypatch.setattr(sys.modules["parley.resolve.refresh"], "KEY_GROUP", 1)
    for a in ORDERS["newest first"](corpus()):
        store.save(a)
    refresh_unresolved(store, chunk=4)
    grouped = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == grouped
    assert len(grouped["tracks"]) == 2 and len(grouped["agreements"]) == 1


def _signed_in(analyses: list[Analysis], venue: str, host: str) -> list[Analysis]:
    """The corpus with the treaty's signing told as taking place in ``venue``."""
    out = []
    for an in analyses:
        ags = []
        for ag in an.agreements:
            steps = [
                s.model_copy(update={"venue": venue, "host": host}) if s.status == "signed" else s
                for s in ag.statuses
            ]
            ags.append(ag.model_copy(update={"statuses": steps}))
        out.append(an.model_copy(update={"agreements": ags}))
    return out


def test_a_steps_venue_and_host_are_stored_and_shown(store: Store) -> None:
    """Where a step took place is kept in its row and in the agreement the API returns."""
    save_all(store, _signed_in(corpus(), "Ashgabat", "TKM"))
    rec = store.agreement(TREATY)
    assert [(s.status, s.venue, s.host) for s in rec.statuses][0] == ("signed", "Ashgabat", "TKM")
    assert rec.model_dump(mode="json")["statuses"][0]["venue"] == "Ashgabat"
    with store.engine.connect() as conn:
        c = t.agreement_statuses.c
        rows = conn.execute(sa.select(c.status, c.venue, c.host).order_by(c.idx)).all()
    assert ("signed", "Ashgabat", "TKM") in [tuple(r) for r in rows]
    assert all(r.venue is None for r in rows if r.status != "signed")


def _one_accord_under_two_names(older: bool = True) -> list[Analysis]:
    """A memorandum told by its long and its short name, a pair's treaty told with "peace"
    and with "normalization" (nego22); with ``older``, a report that a memorandum of the short
    name was signed years before: the short name is that older memorandum, joined to none."""
    pair = ["KGZ", "TJK"]
    told = [
        ("n1", "2026-04-02", "MoU on the Water Plan for the Border Districts", "2026-04-01"),
        ("n2", "2026-04-05", "MoU on the Water Plan", None),
        ("n3", "2026-04-09", "Kyrgyzstan–Tajikistan peace agreement", "2026-04-08"),
        ("n4", "2026-04-12", "Tajikistan–Kyrgyzstan normalization agreement", None),
        ("n5", "2026-04-15", "MoU on the Water Plan", "2011-05-05"),
    ]
    out = []
    for ident, day, name, signed in told[: 5 if older else 4]:
        steps = [AgreementStatus(status="signed", date=signed)] if signed else []
        ag = Agreement(name=name, kind="agreement", parties=pair, statuses=steps)
        out.append(Analysis(article=article(ident, day, ident, f"{name}."), agreements=[ag]))
    return out


@pytest.mark.parametrize("older", [False, True])
@pytest.mark.parametrize("order", list(ORDERS))
def test_one_accord_under_two_names_is_joined_by_a_refresh_as_by_a_rebuild(
    store: Store, order: str, older: bool
) -> None:
    save_one_by_one(store, ORDERS[order](_one_accord_under_two_names(older)))
    memo = store.agreement("MoU on the Water Plan for the Border Districts")
    assert memo.aliases == (["MoU on the Water Plan"] if not older else [])
    pair = store.agreement("Kyrgyzstan–Tajikistan peace agreement")
    assert pair.aliases == ["Tajikistan–Kyrgyzstan normalization agreement"]
    assert len(store.agreements()) == (3 if older else 2)


def test_one_accord_under_two_names_is_joined_by_a_chunked_run_as_by_a_rebuild(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.modules["parley.resolve.refresh"], "KEY_GROUP", 1)
    items = _one_accord_under_two_names()
    for a in items[:2]:
        store.save(a)
    refresh_unresolved(store, chunk=1)
    for a in items[2:]:
        store.save(a)
    refresh_unresolved(store, chunk=2)
    chunked = dump(store)
    refresh_resolved(store, None)
    assert dump(store) == chunked
    assert len(chunked["agreements"]) == 3


def test_a_refresh_reads_no_report_of_another_accord_of_the_same_sides(store: Store) -> None:
    """Two states sign many treaties: a report of one is filed under the names it could be
    joined under, not under its sides, so a refresh reads the reports of that accord only."""
    save_all(store, _one_accord_under_two_names())
    pair = ["KGZ", "TJK"]
    for ident, day in (("w1", "2026-05-02"), ("w2", "2026-05-03")):
        ag = Agreement(
            name="Osh Water Treaty",
            kind="treaty",
            parties=pair,
            statuses=[AgreementStatus(status="signed", date="2026-05-01")],
        )
        store.save(Analysis(article=article(ident, day, ident, "Osh."), agreements=[ag]))
        report = refresh_resolved(store, {aid(ident)})
    # the two water treaty reports; none of the five memorandum and peace reports
    assert (report.articles, report.agreements) == (2, 1)
