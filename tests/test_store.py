"""The store: schema and migrations agree, writes are idempotent, queries filter as documented.

Every test that takes ``store`` runs against SQLite and, when ``PARLEY_TEST_PG_URL`` is set,
against PostgreSQL too (``make test`` starts a server and sets it).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from parley.errors import NotFound, StoreError
from parley.kb import KnowledgeBase
from parley.models import (
    Actor,
    ActorInText,
    Analysis,
    Article,
    Attribution,
    Event,
    Mention,
    Place,
    Quote,
    Rejection,
    Repair,
    Reporter,
    Span,
    Speaker,
    TimeExpression,
)
from parley.store import Store, country_code, engine_url, open_store
from parley.store.schema import metadata
from parley.store.search import MIGRATION_ONLY

R = TypeVar("R", bound=BaseModel)


def _record(found: BaseModel, model: type[R]) -> R:
    """The extracted record inside a store result (without the article it was found in)."""
    return model.model_validate(found.model_dump(include=set(model.model_fields)))


PUTIN = "person:vladimir-putin"
ZELENSKY = "person:volodymyr-zelensky"
RUS, UKR, USA = "state:russia", "state:ukraine", "state:united-states"

KB = KnowledgeBase(
    [
        Actor(id=PUTIN, name="Vladimir Putin", kind="person", country="RUS", aliases=["Putin"]),
        Actor(id=ZELENSKY, name="Volodymyr Zelensky", kind="person", country="UKR"),
        Actor(id=RUS, name="Russia", kind="state", country="RUS", metonyms=["Moscow", "Kremlin"]),
        Actor(id=UKR, name="Ukraine", kind="state", country="UKR", metonyms=["Kyiv"]),
    ]
)


def _pg_url() -> str:
    url = os.environ.get("PARLEY_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL not configured: set PARLEY_TEST_PG_URL (make test does)")
    return url


def _reset_pg(url: str) -> None:
    engine = sa.create_engine(engine_url(url))
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "parley.db")
    url = _pg_url()
    _reset_pg(url)
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url, kb=KB) as s:
        yield s


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


TEXT = "Kyiv — Vladimir Putin said talks would go on. Ukraine rejected it, officials told Reuters."


def make_analysis(
    text: str = TEXT,
    *,
    ident: str = "a" * 16,
    outlet: str | None = "Example Wire",
    published: dt.date | None = dt.date(2026, 2, 5),
    quotes: int = 1,
) -> Analysis:
    """A small analysis built by hand, with one record of every kind."""
    article = Article(
        id=ident,
        text=text,
        title=f"Talks {ident[:4]}",
        outlet=outlet,
        published_at=published,
        language="en",
        source=f"/tmp/{ident}.txt",
        fetched_at=dt.datetime(2026, 2, 5, 9, 30, tzinfo=dt.UTC),
        repairs=[Repair(glued="KyivVladimir", split=["Kyiv", "Vladimir"], why="glued", start=5)],
    )
    putin = span(text, "Vladimir Putin")
    quote = Quote(
        text="talks would go on",
        start=text.index("talks"),
        end=text.index("talks") + 17,
        direct=False,
        speaker=Speaker(actor=PUTIN, text="Vladimir Putin", start=putin.start, end=putin.end),
        cue="said",
        extractor="test",
    )
    claim = Attribution(
        claim=span(text, "Ukraine rejected it"),
        cue="told",
        reporter=Reporter(kind="anonymous", text="officials"),
        via=Reporter(kind="outlet", text="Reuters", actor="outlet:reuters"),
    )
    event = Event(
        type="CONSULT",
        mode="meet",
        context=["diplomatic"],
        source=[RUS, RUS],
        target=[UKR],
        date=TimeExpression(text="today", start=0, end=0, value="2026-02-05", precision="day"),
        place=Place(name="Kyiv", country="UKR"),
        evidence=span(text, "Vladimir Putin said talks would go on."),
        confidence=0.75,
    )
    return Analysis(
        article=article,
        actors=[
            ActorInText(
                id=PUTIN,
                name="Vladimir Putin",
                kind="person",
                country="RUS",
                roles=["President of Russia"],
                mentions=[putin],
            ),
            ActorInText(id=UKR, name="Ukraine", kind="state", country="UKR"),
            ActorInText(id=RUS, name="Russia", kind="state", country="RUS"),
        ],
        mentions=[
            Mention(start=putin.start, end=putin.end, text=putin.text, actor=PUTIN, label="PERSON"),
            Mention(**span(text, "Ukraine").model_dump(), actor=UKR, label="GPE"),
        ],
        quotes=[quote] * quotes,
        attributions=[claim],
        events=[event],
        dates=[TimeExpression(text="today", start=0, end=0)],
    )


def test_migrations_match_the_metadata(store: Store) -> None:
    with store.engine.connect() as conn:
        # Migration 0005's full-text tables and expression indexes are not in the metadata;
        # tests/test_search.py checks them.
        opts = {"include_name": lambda name, kind, _: not MIGRATION_ONLY.match(name or "")}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)
    assert diff == []


def test_reopening_an_existing_database_keeps_its_rows(db_url: str) -> None:
    with open_store(db_url) as first:
        first.save(make_analysis())
    with open_store(db_url) as again:
        assert again.counts()["articles"] == 1


def test_saved_analysis_loads_back_identical(store: Store) -> None:
    analysis = make_analysis()
    store.save(analysis)
    assert store.analysis(analysis.article.id) == analysis
    assert store.article(analysis.article.id) == analysis.article


def test_saving_twice_changes_nothing(store: Store) -> None:
    analysis = make_analysis()
    store.save(analysis)
    before = store.counts()
    (first,) = store.articles()
    store.save(analysis)
    assert store.counts() == before
    assert before == {
        "articles": 1,
        "actors": 3,
        "mentions": 2,
        "quotes": 1,
        "claims": 1,
        "events": 1,
        "rejections": 0,
    }
    assert store.articles() == [first]


def test_saving_a_new_analysis_replaces_the_old_rows(store: Store) -> None:
    store.save(make_analysis(quotes=3))
    store.save(make_analysis(quotes=1))
    assert store.counts()["quotes"] == 1


def test_has_article_and_known(store: Store) -> None:
    store.save(make_analysis(ident="b" * 16))
    assert store.has_article("b" * 16)
    assert not store.has_article("c" * 16)
    assert store.known("b" * 16, "c" * 16) == {"b" * 16}


@pytest.mark.parametrize("prefix", ["abc123", "abc1234567"])
def test_show_accepts_a_unique_id_prefix(store: Store, prefix: str) -> None:
    store.save(make_analysis(ident="abc1234567"))
    assert store.article(prefix).id == "abc1234567"


@pytest.mark.parametrize("prefix", ["zzz", "ab"])
def test_unknown_or_ambiguous_id_is_not_found(store: Store, prefix: str) -> None:
    store.save(make_analysis(ident="abc1234567"))
    store.save(make_analysis(ident="abd1234567"))
    with pytest.raises(NotFound, match="parley articles"):
        store.analysis(prefix)


def test_rejections_are_recorded_once_per_source_stage_reason(store: Store) -> None:
    at = dt.datetime(2026, 2, 5, 10, tzinfo=dt.UTC)
    bad = Rejection(source="/x/empty.txt", stage="ingest", reason="empty file", at=at)
    store.reject(bad)
    store.reject(bad.model_copy(update={"at": at + dt.timedelta(hours=1)}))
    store.reject(bad.model_copy(update={"source": "/x/other.txt"}))
    got = store.rejections()
    assert [r.source for r in got] == ["/x/empty.txt", "/x/other.txt"]
    assert got[0].at == at + dt.timedelta(hours=1)


def test_a_stored_article_clears_its_earlier_rejections(store: Store) -> None:
    analysis = make_analysis()
    at = dt.datetime(2026, 2, 5, tzinfo=dt.UTC)
    store.reject(
        Rejection(source="s", stage="extract", reason="boom", at=at, article_id=analysis.article.id)
    )
    store.save(analysis)
    assert store.rejections() == []


@pytest.mark.parametrize(
    "speaker, found",
    [
        (None, 1),
        (PUTIN, 1),
        ("Putin", 1),  # KB alias
        ("vladimir", 1),  # substring of the stored name
        ("Zelensky", 0),
        ("%", 0),  # LIKE wildcards are escaped, not interpreted
        ("'; DROP TABLE quotes; --", 0),
    ],
)
def test_quotes_by_speaker(store: Store, speaker: str | None, found: int) -> None:
    store.save(make_analysis())
    assert len(store.quotes(speaker=speaker)) == found
    assert store.counts()["quotes"] == 1


@pytest.mark.parametrize(
    "filters, found",
    [
        ({"outlet": "example wire"}, 2),
        ({"outlet": "Other"}, 0),
        ({"since": dt.date(2026, 2, 1)}, 1),
        ({"since": dt.date(2026, 3, 1)}, 0),
    ],
)
def test_quotes_by_outlet_and_date(store: Store, filters: dict[str, Any], found: int) -> None:
    store.save(make_analysis(ident="new", published=dt.date(2026, 2, 5)))
    store.save(make_analysis(ident="old", published=dt.date(2025, 1, 1)))
    assert len(store.quotes(**filters)) == found


def test_found_records_carry_their_article(store: Store) -> None:
    analysis = make_analysis()
    store.save(analysis)
    (quote,) = store.quotes()
    assert _record(quote, Quote) == analysis.quotes[0]
    assert quote.model_dump(mode="json")["outlet"] == "Example Wire"
    assert quote.model_dump(mode="json")["published_at"] == "2026-02-05"
    assert quote.model_dump(mode="json")["speaker"]["actor"] == PUTIN


@pytest.mark.parametrize(
    "reporter, found", [(None, 1), ("officials", 1), ("Officials", 1), ("Reuters", 0)]
)
def test_claims_by_reporter(store: Store, reporter: str | None, found: int) -> None:
    store.save(make_analysis())
    assert len(store.claims(reporter=reporter)) == found


@pytest.mark.parametrize(
    "filters, found",
    [
        ({}, 1),
        ({"type": "consult"}, 1),
        ({"type": "ASSAULT"}, 0),
        ({"actor": "Russia"}, 1),
        ({"actor": "Kremlin"}, 1),  # KB metonym
        ({"actor": "Zelensky"}, 0),
        ({"country": "UKR"}, 1),  # place
        ({"country": "Russia"}, 1),  # an actor's country, by name
        ({"country": "FRA"}, 0),
        ({"status": "occurred"}, 1),
        ({"status": "planned"}, 0),
        ({"since": dt.date(2026, 2, 5), "until": dt.date(2026, 2, 5)}, 1),
        ({"since": dt.date(2026, 2, 6)}, 0),
        ({"until": dt.date(2026, 2, 4)}, 0),
    ],
)
def test_events_filters(store: Store, filters: dict[str, Any], found: int) -> None:
    store.save(make_analysis())
    assert len(store.events(**filters)) == found


def test_month_precision_events_count_for_days_in_that_month(store: Store) -> None:
    analysis = make_analysis()
    date = TimeExpression(text="in February", start=0, end=0, value="2026-02", precision="month")
    analysis.events[0] = analysis.events[0].model_copy(update={"date": date})
    store.save(analysis)
    assert len(store.events(since=dt.date(2026, 2, 15))) == 1
    assert len(store.events(since=dt.date(2026, 3, 1))) == 0


def test_actors_with_counts_and_filters(store: Store) -> None:
    store.save(make_analysis(ident="one"))
    store.save(make_analysis(ident="two"))
    everyone = store.actors()
    # Most mentioned first, then by name; RUS is only an event party, never mentioned.
    assert [(s.id, s.articles, s.mentions) for s in everyone] == [
        (UKR, 2, 2),
        (PUTIN, 2, 2),
        (RUS, 0, 0),
    ]
    assert everyone[1].roles == ["President of Russia"]
    assert [s.id for s in store.actors(kind="state", country="UKR")] == [UKR]
    assert [s.id for s in store.actors(q="Putin")] == [PUTIN]


def test_articles_newest_first_with_filters(store: Store) -> None:
    store.save(make_analysis(ident="old", published=dt.date(2025, 1, 1), outlet="A"))
    store.save(make_analysis(ident="new", published=dt.date(2026, 1, 1), outlet="B"))
    store.save(make_analysis(ident="undated", published=None, outlet="B"))
    assert [a.id for a in store.articles()] == ["new", "old", "undated"]
    assert [a.id for a in store.articles(outlet="b")] == ["new", "undated"]
    assert [a.id for a in store.articles(since=dt.date(2025, 6, 1))] == ["new"]
    assert [a.id for a in store.articles(limit=1)] == ["new"]


def test_runs_record_progress(store: Store) -> None:
    run = store.start_run(["a.txt"])
    store.update_run(run, status="done", read=3, new=2, skipped=1, rejected=0)
    with store.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT status, new, finished_at FROM runs")).one()
    assert row.status == "done" and row.new == 2 and row.finished_at is not None


@pytest.mark.parametrize(
    "url, message",
    [
        ("/no/such/folder/parley.db", "does not exist"),
        ("nosuchdialect://x", "Cannot open database"),
    ],
)
def test_open_store_errors_say_what_is_wrong(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)


@pytest.mark.parametrize(
    "given, expected",
    [
        ("parley.db", "sqlite:///parley.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_engine_url(given: str, expected: str) -> None:
    assert engine_url(given) == expected


# -- property: any analysis survives a save/load round trip ------------------------------------

# No surrogates (not encodable) and no NUL (PostgreSQL text refuses it; the normaliser drops it).
texts = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=40
)
ids = st.text("abcdef0123456789", min_size=1, max_size=12)
spans = st.builds(Span, start=st.integers(0, 99), end=st.integers(0, 99), text=texts)
finite = st.floats(0, 1, allow_nan=False)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    article = Article(
        id=draw(ids),
        text=draw(texts),
        title=draw(st.none() | texts),
        outlet=draw(st.none() | texts),
        published_at=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1))),
        fetched_at=draw(st.none() | st.datetimes(timezones=st.just(dt.UTC))),
        repairs=draw(
            st.lists(
                st.builds(
                    Repair, glued=texts, split=st.lists(texts), why=texts, start=st.integers(0, 99)
                ),
                max_size=2,
            )
        ),
    )
    actor_ids = st.sampled_from([PUTIN, UKR, RUS, "new:someone"])
    speakers = st.builds(Speaker, actor=st.none() | actor_ids, text=texts, confidence=finite)
    quotes = st.builds(
        Quote,
        text=texts,
        start=st.integers(0, 99),
        end=st.integers(0, 99),
        direct=st.booleans(),
        speaker=st.none() | speakers,
        cue=st.none() | texts,
    )
    reporters = st.builds(
        Reporter,
        kind=st.sampled_from(["outlet", "anonymous"]),
        text=texts,
        actor=st.none() | actor_ids,
    )
    claims = st.builds(Attribution, claim=spans, cue=texts, reporter=reporters, confidence=finite)
    events = st.builds(
        Event,
        type=st.sampled_from(["CONSULT", "AGREE"]),
        evidence=spans,
        source=st.lists(actor_ids, max_size=3),
        target=st.lists(actor_ids, max_size=3),
        status=st.sampled_from(["occurred", "planned"]),
        confidence=finite,
        place=st.none() | st.builds(Place, name=texts, country=st.just("UKR")),
    )
    mentions = st.builds(
        Mention,
        start=st.integers(0, 99),
        end=st.integers(0, 99),
        text=texts,
        actor=st.none() | actor_ids,
        label=st.just("PERSON"),
        confidence=finite,
    )
    return Analysis(
        article=article,
        actors=[
            ActorInText(
                id=PUTIN,
                name="Vladimir Putin",
                kind="person",
                roles=draw(st.lists(texts, max_size=2)),
            )
        ],
        mentions=draw(st.lists(mentions, max_size=3)),
        quotes=draw(st.lists(quotes, max_size=3)),
        attributions=draw(st.lists(claims, max_size=2)),
        events=draw(st.lists(events, max_size=3)),
    )


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(analysis=analyses())
def test_round_trip_property(store: Store, analysis: Analysis) -> None:
    store.save(analysis)
    aid = analysis.article.id
    assert store.analysis(aid) == analysis
    assert [_record(f, Quote) for f in store.quotes() if f.article_id == aid] == analysis.quotes
    assert [_record(f, Event) for f in store.events() if f.article_id == aid] == analysis.events


def test_the_hash_part_of_an_id_is_enough(store: Store) -> None:
    store.save(make_analysis(ident="sha256:0ea758b6e657c388"))
    assert store.article("0ea758b6").id == "sha256:0ea758b6e657c388"


def test_a_country_filter_takes_a_code_or_a_name_and_an_unknown_name_matches_nothing() -> None:
    assert country_code("ukr") == "UKR"
    assert country_code("UA") == "UKR"  # ISO alpha-2, through the one name lookup
    assert country_code("ukraine") == "UKR"
    assert country_code("Narnia") == "NARNIA"
