"""Batch ingest: resumable, idempotent, and one bad input never stops the run.

Most tests drive :func:`parley.batch.ingest_documents` with a stand-in pipeline (no spaCy), so
they pin the runner's behaviour; the process-pool and Dask tests use the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from rich.console import Console

from parley.batch import IngestReport, analyze_batch, ingest_documents
from parley.errors import EmptyInput
from parley.models import Analysis, Article, RawDocument, Rejection
from parley.settings import Settings
from parley.store import Store, open_store
from reliability_kit import alive, subprocess_env, wait_for

AT = dt.datetime(2026, 2, 5, tzinfo=dt.UTC)


class FakePipeline:
    """Normalises by hashing the text; 'BOOM' in a text makes extraction raise."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.settings = Settings()
        self.stop_after = stop_after
        self.analysed = 0

    def normalize(self, raw: RawDocument) -> Article:
        if not (raw.text or "").strip():
            raise EmptyInput(f"{raw.source}: the file is empty. Give a file with text.")
        text = raw.text or ""
        ident = hashlib.sha256(text.encode()).hexdigest()[:16]
        return Article(id=ident, text=text, source=raw.source, outlet=raw.outlet)

    def analyze(self, article: Article) -> Analysis:
        if self.stop_after is not None and self.analysed >= self.stop_after:
            raise KeyboardInterrupt  # a person pressing Ctrl-C mid-run
        if "BOOM" in article.text:
            raise RuntimeError("extractor blew up")
        self.analysed += 1
        return Analysis(article=article)

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        for article in articles:
            yield self.analyze(article)


def raw(text: str, name: str | None = None) -> RawDocument:
    return RawDocument(source=name or f"{text[:12]}.txt", text=text)


def sources() -> list[RawDocument | Rejection]:
    return [
        raw("Talks resumed in Geneva on Monday."),
        Rejection(source="photo.jpg", stage="ingest", reason="binary file", at=AT),
        raw("   ", "blank.txt"),
        raw("Ministers met again. BOOM"),
        raw("A ceasefire was announced."),
        raw("Prisoners were exchanged at dawn."),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(str(tmp_path / "parley.db")) as s:
        yield s


def test_bad_inputs_become_rejections_and_the_rest_is_stored(store: Store) -> None:
    report = ingest_documents(sources(), store, FakePipeline(), progress=False)
    assert report.counts() == {"read": 6, "new": 3, "skipped": 0, "rejected": 3}
    assert [(r.source, r.stage) for r in report.rejections] == [
        ("photo.jpg", "ingest"),
        ("blank.txt", "ingest"),
        ("Ministers me.txt", "extract"),
    ]
    assert "RuntimeError: extractor blew up" in report.rejections[2].reason
    assert report.rejections[2].article_id is not None
    assert store.counts()["articles"] == 3
    assert store.counts()["rejections"] == 3


def test_a_second_run_skips_what_is_stored_and_changes_nothing(store: Store) -> None:
    ingest_documents(sources(), store, FakePipeline(), progress=False)
    before = store.counts()
    again = ingest_documents(sources(), store, FakePipeline(), progress=False)
    assert again.counts() == {"read": 6, "new": 0, "skipped": 3, "rejected": 3}
    assert store.counts() == before


def test_the_same_text_twice_in_one_run_is_stored_once(store: Store) -> None:
    docs = [raw("Same words.", "a.txt"), raw("Same words.", "b.txt")]
    report = ingest_documents(docs, store, FakePipeline(), progress=False)
    assert (report.new, report.skipped) == (1, 1)


def test_repeats_are_stored_once_whether_saved_at_once_or_later(store: Store) -> None:
    # A blank file first shifts the analysis batches against the reading: the batch that ends
    # with "Words told twice." is saved, which empties the run's memory of it, before its
    # repeat is read. The repeat, and those far down the run, are skipped, not stored twice.
    ingest_documents(
        [raw("Words stored earlier.", "old.txt")], store, FakePipeline(), progress=False
    )
    docs = [raw("   ", "blank.txt"), *(raw(f"Article {i}.", f"{i}.txt") for i in range(15))]
    docs += [raw("Words told twice.", "x1.txt"), raw("Words told twice.", "x2.txt")]
    docs += [raw(f"Article {i % 7}.", f"again{i}.txt") for i in range(20)]
    docs += [raw("Words stored earlier.", "again.txt")]
    pipeline = FakePipeline()
    pipeline.settings = Settings(save_batch=1)  # each analysis saved as soon as it is made
    report = ingest_documents(docs, store, pipeline, progress=False)
    assert report.counts() == {"read": 39, "new": 16, "skipped": 22, "rejected": 1}
    assert store.counts()["articles"] == 17


def test_an_interrupted_run_resumes_without_duplicates(store: Store) -> None:
    docs = [raw(f"Article number {i}.") for i in range(5)]
    with pytest.raises(KeyboardInterrupt):
        ingest_documents(docs, store, FakePipeline(stop_after=2), progress=False)
    assert store.counts()["articles"] == 2
    report = ingest_documents(docs, store, FakePipeline(), progress=False)
    assert (report.new, report.skipped) == (3, 2)
    assert store.counts()["articles"] == 5
    with store.engine.connect() as conn:
        statuses = conn.execute(sa.text("SELECT status FROM runs ORDER BY started_at")).scalars()
        assert list(statuses) == ["interrupted", "done"]


def test_progress_display_does_not_change_the_result(store: Store) -> None:
    report = ingest_documents(sources(), store, FakePipeline(), progress=True)
    assert report.new == 3


def test_analyze_batch_isolates_the_failing_article() -> None:
    articles = [FakePipeline().normalize(raw(t)) for t in ("one", "two BOOM", "three")]
    results = analyze_batch(FakePipeline(), articles)
    assert [type(r).__name__ for r in results] == ["Analysis", "Rejection", "Analysis"]


def test_report_renders_as_a_table() -> None:
    report = IngestReport(read=4, new=2, skipped=1)
    report.rejections.append(Rejection(source="x.pdf", stage="ingest", reason="binary", at=AT))
    console = Console(record=True, width=100)
    console.print(report)
    out = console.export_text()
    assert "new" in out and "skipped" in out and "x.pdf" in out and "binary" in out


# -- with the real pipeline ------------------------------------------------------------------

TINY = {
    "talks.txt": "Title: Envoys meet in Oslo\nOutlet: Test Wire\nPublished: 2026-03-02\n\n"
    "OSLO, March 2 - Envoys from Norway and Sweden met in Oslo on Monday to discuss fishing "
    "quotas, the Norwegian foreign ministry said.\n",
    "truce.txt": "Title: Truce holds\nOutlet: Test Wire\nPublished: 2026-03-03\n\n"
    "GENEVA, March 3 - A ceasefire between the two sides held overnight, officials said, "
    "and negotiators agreed to meet again next week.\n",
    "swap.txt": "Title: Detainees freed\nOutlet: Test Wire\nPublished: 2026-03-04\n\n"
    "ANKARA, March 4 - Both governments released twelve detainees each on Tuesday, "
    "according to a statement from the Turkish mediators.\n",
}


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TINY.items():
        (folder / name).write_text(text, "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    return folder


# The runners are under test here, not extraction: one cheap extractor keeps these quick.
FAST = Settings(extractors=["parley.actors.v1"])


@pytest.mark.model
def test_process_pool_gives_the_same_analyses_as_one_process(
    tmp_path: Path, tiny_corpus: Path, kb: object, nlp: object
) -> None:
    from parley.batch import ingest
    from parley.pipeline import Pipeline

    pipeline = Pipeline(FAST, kb=kb, nlp=nlp)  # type: ignore[arg-type]

    with open_store(str(tmp_path / "one.db")) as one, open_store(str(tmp_path / "two.db")) as two:
        first = ingest([tiny_corpus], one, pipeline, progress=False)
        second = ingest([tiny_corpus], two, pipeline, progress=False, workers=2)
        assert first.counts() == second.counts()
        assert first.new == 3 and first.rejected == 1
        for article in one.articles():
            assert two.analysis(article.id) == one.analysis(article.id)


@pytest.mark.dask
@pytest.mark.model
def test_dask_cluster_ingests_and_resumes(tmp_path: Path, tiny_corpus: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from parley.batch import ingest_dask

    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
        open_store(str(tmp_path / "dask.db")) as store,
    ):
        report = ingest_dask([tiny_corpus], store, FAST, client)
        assert report.counts() == {"read": 4, "new": 3, "skipped": 0, "rejected": 1}
        assert {a.title for a in store.articles()} == {
            "Envoys meet in Oslo",
            "Truce holds",
            "Detainees freed",
        }
        again = ingest_dask([tiny_corpus], store, FAST, client)
        assert (again.new, again.skipped) == (0, 3)


@pytest.mark.model
def test_workers_started_ahead_serve_the_run_or_end_when_it_never_comes(
    tmp_path: Path, tiny_corpus: Path, kb: object, nlp: object
) -> None:
    """The CLI starts its worker processes before it opens the store (they load their models
    meanwhile): the run takes those workers and stores what a sequential run stores; workers
    no run took are ended, not left behind."""
    from parley import batch
    from parley.pipeline import Pipeline

    pipeline = Pipeline(FAST, kb=kb, nlp=nlp)  # type: ignore[arg-type]
    batch.start_workers(2, FAST)
    [ahead] = batch._STARTED.values()
    started = list(ahead._processes.values())  # type: ignore[attr-defined]
    with open_store(str(tmp_path / "one.db")) as one, open_store(str(tmp_path / "two.db")) as two:
        first = batch.ingest([tiny_corpus], one, pipeline, progress=False)
        second = batch.ingest([tiny_corpus], two, pipeline, progress=False, workers=2)
        assert batch._STARTED == {}, "the run took the started pool"
        assert first.counts() == second.counts()
        for article in one.articles():
            assert two.analysis(article.id) == one.analysis(article.id)
    # by process id: the pool's own thread may reap a worker before ``Process.is_alive`` can
    wait_for(lambda: not any(alive(p.pid) for p in started), "the run's workers to end", 60)

    batch.start_workers(2, FAST)
    processes = [p for pool in batch._STARTED.values() for p in pool._processes.values()]  # type: ignore[attr-defined]
    assert len(processes) == 2
    batch.drop_workers()
    wait_for(lambda: not any(alive(p.pid) for p in processes), "the dropped workers to end", 60)


WORKER_CPU = """
import json, sys, time
from parley import batch
from parley.settings import Settings

pool = batch._start_pool(2, Settings(extractors=["parley.actors.v1"]).model_dump_json())
jobs = [pool.submit(time.process_time) for _ in range(4)]
cpu = [job.result() for job in jobs]
pids = list(pool._processes)
batch._stop_now(pool)
print(json.dumps({"cpu": cpu, "pids": pids}))
"""


@pytest.mark.model
def test_pool_workers_start_with_the_pipeline_the_fork_server_loaded() -> None:
    """Each worker used to import spaCy and load the model and knowledge base itself (about
    two CPU-seconds a worker); forked from a fork server that loaded them once, a worker has
    spent a small fraction of that by the time it runs its first job."""
    done = subprocess.run(
        [sys.executable, "-c", WORKER_CPU],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=600,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(set(found["pids"])) == 2
    assert max(found["cpu"]) < 0.4, found  # a worker loading its own model: 1-2 s


@pytest.mark.model
def test_a_batch_pipeline_exempts_the_loaded_model_from_garbage_collection(
    kb: object, nlp: object
) -> None:
    """A batch run keeps its pipeline to the end: once the model is loaded, everything alive
    is frozen out of the garbage collector (each full collection of a 200-article ingest
    walked the model again), and the young generation grows to 20,000 allocations (a
    collection every 700 cost 3 % of an ingest's CPU); a pipeline built without asking leaves
    the collector alone."""
    import gc

    from parley.pipeline import Pipeline

    gc.unfreeze()
    threshold = gc.get_threshold()
    try:
        gc.set_threshold(700, *threshold[1:])
        Pipeline(FAST, kb=kb).nlp  # type: ignore[arg-type]  # noqa: B018
        assert gc.get_freeze_count() == 0
        assert gc.get_threshold()[0] == 700
        Pipeline(FAST, kb=kb, freeze_on_load=True).nlp  # type: ignore[arg-type]  # noqa: B018
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == 20_000
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
