"""Batch runners: read sources, skip what is stored, analyse the rest, save each as it comes.

One pure function, :func:`analyze_batch` (articles in, analyses or rejections out), runs in this
process, in a local process pool (``workers > 1``) or on a Dask cluster (:func:`ingest_dask`);
only the driver writes to the store. Analyses are saved in batches (``save_batch`` of them, or
whatever ``save_every_s`` seconds brought), each batch in one transaction, so a killed run loses
at most the batch in flight, and a re-run skips what is stored and carries on.
Nothing is dropped silently: unreadable sources, normalisation failures and extraction crashes
all become rows of the ``rejections`` table, and one bad article never stops the run. At the end
of a run the resolved records (tracks, agreements, stories) the new articles touch are refreshed.
"""

from __future__ import annotations

import concurrent.futures.process
import contextlib
import ctypes
import datetime as dt
import functools
import logging
import multiprocessing
import multiprocessing.context
import os
import signal
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from rich.console import Console, Group, RenderableType
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from parley.collector import settle_for_batch
from parley.errors import InputError
from parley.models import Analysis, Article, RawDocument, Rejection
from parley.settings import Settings

if TYPE_CHECKING:
    from parley.pipeline import Pipeline
    from parley.store import Store

__all__ = [
    "Analyzer",
    "IngestReport",
    "analyze_batch",
    "ingest",
    "ingest_documents",
    "ingest_dask",
]

log = logging.getLogger(__name__)

Item = RawDocument | Rejection
Result = Analysis | Rejection
T = TypeVar("T")

BATCH_SIZE = 16
# Batches sent to pool workers are smaller: the last batches of a run keep every worker busy
# instead of leaving one to finish a long batch alone.
POOL_BATCH_SIZE = 8
# How often (in results) the ``runs`` row is brought up to date.
RUN_UPDATE_EVERY = 25


class Analyzer(Protocol):
    """What a batch needs of a pipeline (:class:`parley.pipeline.Pipeline` is one)."""

    settings: Settings

    def normalize(self, raw: RawDocument) -> Article: ...

    def analyze(self, article: Article) -> Analysis: ...

    def analyze_many(
        self, articles: Iterable[Article], batch_size: int = ...
    ) -> Iterator[Analysis]: ...


@dataclass
class IngestReport:
    """What a batch did: documents read, new analyses stored, already stored, rejected."""

    read: int = 0
    new: int = 0
    skipped: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def counts(self) -> dict[str, int]:
        """The four counts, by name."""
        return {
            "read": self.read,
            "new": self.new,
            "skipped": self.skipped,
            "rejected": self.rejected,
        }

    def __rich__(self) -> RenderableType:
        summary = Table(title="Ingest", show_header=False)
        for name, value in self.counts().items():
            summary.add_row(name, str(value))
        if not self.rejections:
            return summary
        rejected = Table(title="Rejected", show_lines=False)
        for column in ("source", "stage", "reason"):
            rejected.add_column(column, overflow="fold")
        for r in self.rejections:
            rejected.add_row(r.source, r.stage, r.reason)
        return Group(summary, rejected)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _failed(article: Article, err: Exception) -> Rejection:
    return Rejection(
        source=article.source or article.url or article.id,
        stage="extract",
        reason=f"{type(err).__name__}: {err}",
        at=_now(),
        article_id=article.id,
    )


def _analyze_one(pipeline: Analyzer, article: Article) -> Result:
    try:
        return pipeline.analyze(article)
    except Exception as err:  # one bad article must not stop the run; it becomes a rejection
        log.exception("extraction failed on %s", article.source or article.id)
        return _failed(article, err)


def analyze_stream(pipeline: Analyzer, articles: Sequence[Article]) -> Iterator[Result]:
    """Analyse ``articles`` with spaCy batching, yielding each result as soon as it is ready.

    If anything in the batch raises, the articles not yet done are analysed one at a time, so
    only the culprit becomes a rejection (stage ``extract``, with the exception text).
    """
    done = 0
    try:
        for analysis in pipeline.analyze_many(articles, batch_size=BATCH_SIZE):
            done += 1
            yield analysis
    except Exception:
        log.warning(
            "a batch failed after %d of %d articles; retrying one by one", done, len(articles)
        )
        for article in articles[done:]:
            yield _analyze_one(pipeline, article)


def analyze_batch(pipeline: Analyzer, articles: Sequence[Article]) -> list[Result]:
    """The pure unit of work shipped to pool and Dask workers: articles in, results out."""
    return list(analyze_stream(pipeline, articles))


@functools.lru_cache(maxsize=2)
def _worker_pipeline(settings_json: str) -> Pipeline:
    # Built once per worker process (cached by settings) because loading spaCy is the slow part.
    from parley.pipeline import Pipeline

    return Pipeline(Settings.model_validate_json(settings_json))


def _remote_batch(settings_json: str, articles: list[Article]) -> list[Result]:
    return analyze_batch(_worker_pipeline(settings_json), articles)


def _start_worker(driver: int, settings_json: str) -> None:
    """A pool worker's first act: end with the ``driver``, then load the model at once, so all
    the workers load theirs side by side while the driver is still reading the first articles
    (a worker forked from the preloaded fork server finds it loaded: :func:`preload`).

    A spawned worker imports this module first: it imports the store, resolution and readers
    only inside the functions that use them, so a worker never loads SQLAlchemy (a third of a
    second of every worker's start)."""
    die_with_parent(driver)
    _leave_fork_server()
    try:
        _worker_pipeline(settings_json).nlp  # noqa: B018  (loading is the point)
    except Exception:  # the first batch raises it again, and the driver reports it
        log.debug("worker could not load its pipeline yet", exc_info=True)
        return
    settle_for_batch()  # the model lives as long as the worker: no collection need walk it


def _leave_fork_server() -> None:
    """Close, in a worker the fork server forked, its copy of the pipe end by which the server
    learns that its driver is gone (every process the server forks gets one, so that it may
    start processes of its own; a worker starts none). Kept open, the workers kept the server
    alive after a ``kill -9`` of the driver, so the kernel never ended them with it."""
    from multiprocessing import forkserver

    server: Any = forkserver._forkserver
    fd = getattr(server, "_forkserver_alive_fd", None)
    # the driver, which started the server, holds its pid; a forked worker holds none
    if isinstance(fd, int) and getattr(server, "_forkserver_pid", None) is None:
        with contextlib.suppress(OSError):
            os.close(fd)
        server._forkserver_alive_fd = None


#: Where the driver puts its workers' settings for the fork server to read as it starts.
PRELOAD_ENV = "PARLEY_WORKER_PRELOAD"
#: The module the fork server imports first (:mod:`parley.batch_preload`).
PRELOAD_MODULE = "parley.batch_preload"


def preload(settings_json: str | None) -> None:
    """In the fork server, before it forks any worker: build the workers' pipeline (imports,
    knowledge base, model) once, so each forked worker starts with it instead of paying about
    two CPU-seconds for its own; then ``gc.freeze()``, so collections in the workers never
    walk the model, and its pages stay shared with the server rather than copied on write
    (and a larger young generation: :mod:`parley.collector`).

    Nothing happens without settings; a failure leaves each worker to load its own (the first
    batch then reports what is wrong)."""
    if not settings_json:
        return
    try:
        _worker_pipeline(settings_json).nlp  # noqa: B018  (loading is the point)
    except Exception:
        log.debug("the fork server could not preload the pipeline", exc_info=True)
        return
    settle_for_batch()


def _nothing() -> None:
    """A job that only makes the pool start a worker process."""


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Run:
    """The driver's bookkeeping: counts, progress display, the ``runs`` row, the writes."""

    def __init__(
        self,
        store: Store,
        paths: Sequence[str],
        progress: Progress | None,
        settings: Settings | None = None,
    ) -> None:
        self.store = store
        self.report = IngestReport()
        self.progress = progress
        self.task = progress.add_task("ingest", total=None) if progress else None
        self.run_id = store.start_run(paths)
        # Articles of this run not stored yet; once stored, ``has_article`` answers for them,
        # so the set stays the size of the work in flight, not of the run.
        self.seen: set[str] = set()
        # Saved since :meth:`fresh` last asked the store which of its group are stored.
        self.saved_since: set[str] = set()
        settings = settings or Settings()
        self.save_batch = settings.save_batch
        self.save_every_s = settings.save_every_s
        self.pending: list[Analysis] = []
        self.pending_since = 0.0
        self.last_update = 0

    def reject(self, rejection: Rejection) -> None:
        self.store.reject(rejection)
        self.report.rejections.append(rejection)
        self._tick()

    def record(self, result: Result) -> None:
        """Store a result: a rejection at once, an analysis with the batch it joins."""
        if isinstance(result, Rejection):
            self.reject(result)
            return
        if not self.pending:
            self.pending_since = time.monotonic()
        self.pending.append(result)
        full = len(self.pending) >= self.save_batch
        if full or time.monotonic() - self.pending_since >= self.save_every_s:
            self.flush()

    def flush(self) -> None:
        """Save the pending analyses in one transaction (one statement per table)."""
        if not self.pending:
            return
        self.store.save_many(self.pending)
        saved = {a.article.id for a in self.pending}
        self.seen -= saved
        self.saved_since |= saved
        self.report.new += len(self.pending)
        self.pending = []
        self._tick()

    def fresh(
        self, items: Iterable[Item], normalize: Callable[[RawDocument], Article]
    ) -> Iterator[Article]:
        """Normalised articles not stored yet (nor seen earlier in this run).

        The store is asked which are stored once for each group of :data:`BATCH_SIZE` items,
        not once per article. What a save takes out of ``seen`` while a group is read (the
        consumer saves between this generator's yields) is in ``saved_since``, so a repeat
        later in the group is still skipped."""
        for group in _chunks(items, BATCH_SIZE):
            articles = [a for item in group if (a := self._read_one(item, normalize)) is not None]
            self.saved_since.clear()  # the query below sees all that is saved until now
            stored = self.store.known(*{a.id for a in articles} - self.seen)
            for article in articles:
                ident = article.id
                if ident in self.seen or ident in stored or ident in self.saved_since:
                    self.report.skipped += 1
                    self._tick()
                    continue
                self.seen.add(ident)
                yield article

    def _read_one(self, item: Item, normalize: Callable[[RawDocument], Article]) -> Article | None:
        self.report.read += 1
        return self._normalize(item, normalize)

    def _normalize(self, item: Item, normalize: Callable[[RawDocument], Article]) -> Article | None:
        if isinstance(item, Rejection):
            self.reject(item)
            return None
        try:
            return normalize(item)
        except InputError as err:
            from parley.ingest import to_rejection

            self.reject(to_rejection(item.source, err))
            return None

    def _tick(self) -> None:
        r = self.report
        if self.progress is not None and self.task is not None:
            self.progress.update(
                self.task,
                completed=r.new + r.skipped + r.rejected,
                description=" · ".join(f"{k} {v}" for k, v in r.counts().items()),
            )
        done = r.new + r.skipped + r.rejected
        if done - self.last_update >= RUN_UPDATE_EVERY:
            self.last_update = done
            self.store.update_run(self.run_id, "running", **r.counts())

    def finish(self, status: str) -> IngestReport:
        if status != "done":
            # Interrupted (Ctrl-C, SIGTERM): what was analysed is still worth keeping.
            try:
                self.flush()
            except Exception:
                log.exception("could not store the last %d analyses", len(self.pending))
        if status == "done":
            # Once per run, not per article: re-resolving a track for each of its articles
            # would be quadratic. An interrupted run skips this; the next refresh catches up
            # (stored articles never refreshed are always included). In chunks: memory holds
            # one chunk's analyses and the records they touch, not the whole run's.
            from parley.resolve import refresh_unresolved  # not at the top: see _start_worker

            refresh_unresolved(self.store)
            self.store.optimize()
        self.store.update_run(self.run_id, status, **self.report.counts())
        return self.report


def _progress(show: bool) -> AbstractContextManager[Progress | None]:
    if not show:
        return nullcontext()
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def _drive(run: _Run, results: Iterable[Result]) -> IngestReport:
    try:
        for result in results:
            run.record(result)
        run.flush()
    except BaseException:
        run.finish("interrupted")
        raise
    return run.finish("done")


def ingest_documents(
    items: Iterable[Item],
    store: Store,
    pipeline: Analyzer,
    *,
    paths: Sequence[str] = (),
    progress: bool = True,
    workers: int = 1,
) -> IngestReport:
    """Analyse and store ``items`` (what a reader yields); see :func:`ingest`."""
    with terminate_as_interrupt(), _progress(progress) as bar:
        if workers <= 1:
            run = _Run(store, paths, bar, pipeline.settings)
            fresh = run.fresh(items, pipeline.normalize)
            results = (
                r for chunk in _chunks(fresh, BATCH_SIZE) for r in analyze_stream(pipeline, chunk)
            )
            return _drive(run, results)
        settings_json = pipeline.settings.model_dump_json()
        pool = _STARTED.pop((workers, settings_json), None) or _start_pool(workers, settings_json)
        processes = list((getattr(pool, "_processes", None) or {}).values())
        try:
            run = _Run(store, paths, bar, pipeline.settings)
            fresh = run.fresh(items, pipeline.normalize)
            job = functools.partial(_remote_batch, settings_json)
            chunks = _chunks(fresh, POOL_BATCH_SIZE)
            # The workers are told to exit with the last result, so they wind down (a Python
            # process with a model takes a while to exit) while the driver resolves the run.
            streamed = _then(_bounded(pool, job, chunks, 2 * workers), pool.shutdown, False)
            report = _drive(run, streamed)
            # Inside the try: a signal while the pool winds down also stops it properly.
            pool.shutdown()
            _join(processes)
            _release_manager(pool)
        except BaseException:
            _stop_now(pool)
            raise
        return report


# Pools started ahead of their run (:func:`start_workers`), by worker count and settings.
_STARTED: dict[tuple[int, str], ProcessPoolExecutor] = {}


def start_workers(workers: int, settings: Settings) -> None:
    """Start the ``workers`` processes of a coming :func:`ingest` with ``settings`` now, so
    they load their models while the caller still imports, opens the store and reads.

    The CLI calls this first thing; :func:`ingest_documents` takes the pool if the worker
    count and settings match, and :func:`drop_workers` ends it if the run never came.
    """
    key = (workers, settings.model_dump_json())
    if workers > 1 and key not in _STARTED:
        _STARTED[key] = _start_pool(workers, key[1])


def drop_workers() -> None:
    """End every pool :func:`start_workers` started that no run has taken."""
    while _STARTED:
        _stop_now(_STARTED.popitem()[1])


def _then(items: Iterable[T], after: Callable[[bool], object], arg: bool) -> Iterator[T]:
    """``items``, then ``after(arg)`` once they are all out."""
    yield from items
    after(arg)


def _join(processes: Iterable[Any], timeout: float = 30.0) -> None:
    """Wait (bounded) for the worker processes told to exit: a pool shut down without waiting
    no longer waits for them itself."""
    deadline = time.monotonic() + timeout
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))


def _start_pool(workers: int, settings_json: str) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, all started now and loading their models."""
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_worker_context(settings_json),
        initializer=_start_worker,
        initargs=(os.getpid(), settings_json),
    )
    for _ in range(workers):  # the pool starts a process per job waiting for one
        pool.submit(_nothing)
    manager = getattr(pool, "_executor_manager_thread", None)
    if isinstance(manager, threading.Thread):
        _MANAGERS[pool] = manager
    return pool


def _worker_context(settings_json: str) -> multiprocessing.context.BaseContext:
    """How pool workers start: forked from a fork server that loaded the pipeline once
    (:func:`preload`), where the platform has one; else spawned, each loading its own.

    Never forked from the driver itself: a fork after threads have started can deadlock. The
    fork server is a fresh single-threaded interpreter, started (once per driver process) with
    ``settings_json`` in its environment; a server started earlier for other settings still
    forks the workers, which then load their own pipeline.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    modules = [PRELOAD_MODULE]
    if "parley.cli" in sys.modules:  # each worker re-runs the driver's main script
        modules.append("parley.cli")
    context.set_forkserver_preload(modules)
    previous = os.environ.get(PRELOAD_ENV)
    os.environ[PRELOAD_ENV] = settings_json
    try:
        from multiprocessing import forkserver

        forkserver.ensure_running()
    finally:
        if previous is None:
            os.environ.pop(PRELOAD_ENV, None)
        else:
            os.environ[PRELOAD_ENV] = previous
    return context


def _stop_now(pool: ProcessPoolExecutor) -> None:
    """End the workers at once (on Ctrl-C or SIGTERM), instead of waiting for their batches."""
    processes = list(getattr(pool, "_processes", None) or {})
    pool.shutdown(wait=False, cancel_futures=True)
    for pid in processes:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)
    # Let the pool's manager thread see its workers gone and end before the interpreter does:
    # left running, it races the exit hooks and prints "Bad file descriptor" with a traceback.
    _release_manager(pool)


#: The manager thread of each pool :func:`_start_pool` made. ``shutdown`` drops the pool's own
#: reference to it, and ``_then`` shuts the pool down (without waiting) before a run ends.
_MANAGERS: weakref.WeakKeyDictionary[ProcessPoolExecutor, threading.Thread] = (
    weakref.WeakKeyDictionary()
)


def _release_manager(pool: ProcessPoolExecutor, timeout: float = 60.0) -> None:
    """Wait (bounded) for the pool's manager thread, and keep the exit hook off its pipe.

    concurrent.futures' exit hook wakes every pool's manager through a pipe, unlocked; a
    manager of a pool shut down closes that pipe as it ends, so the hook could write to a
    closed descriptor and print "Bad file descriptor" with a traceback as the process exits
    (seen after SIGTERM under load). A manager still running after the wait is joined by the
    interpreter anyway, as a non-daemon thread, after the hooks.
    """
    manager = _MANAGERS.pop(pool, None)
    if manager is None:
        return
    manager.join(timeout)
    wakeups = getattr(concurrent.futures.process, "_threads_wakeups", None)
    if wakeups is not None:
        with contextlib.suppress(KeyError, TypeError):
            del wakeups[manager]


#: ``prctl`` option asking Linux to signal this process when its parent dies.
_PR_SET_PDEATHSIG = 1


def die_with_parent(driver: int) -> None:
    """Make this worker process end when the ``driver`` does, even by ``kill -9``.

    On Linux the kernel delivers SIGKILL on the death of the worker's parent
    (``PR_SET_PDEATHSIG``): the driver, or the fork server, which exits as soon as the driver
    is gone. A daemon thread that notices the worker re-parented, or the driver gone, covers
    other systems and the case where a parent died before the request took effect.
    """
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    threading.Thread(target=_watch_parent, args=(parent, driver), daemon=True).start()


def _watch_parent(parent: int, driver: int, every: float = 1.0) -> None:
    while os.getppid() == parent and _exists(driver):
        time.sleep(every)
    os._exit(1)  # the driver is gone: nobody will read our results


def _exists(pid: int) -> bool:
    """Whether a process ``pid`` is alive (one owned by another user counts; a zombie, dead
    but not yet waited for by its own parent, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True  # no /proc: alive as far as can be told
    return state != "Z"


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While in the block, SIGTERM acts like Ctrl-C: the run is recorded as ``interrupted``
    and its workers are stopped, instead of the process vanishing mid-write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _bounded(
    pool: Executor,
    job: Callable[[list[Article]], list[Result]],
    chunks: Iterable[list[Article]],
    limit: int,
) -> Iterator[Result]:
    """Results of ``job`` over ``chunks``, in order, with at most ``limit`` chunks in flight
    (so a large corpus is not read into memory ahead of the workers)."""
    pending: deque[Future[list[Result]]] = deque()
    for chunk in chunks:
        pending.append(pool.submit(job, chunk))
        if len(pending) >= limit:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    pipeline: Analyzer,
    published_at: dt.date | None = None,
    outlet: str | None = None,
    progress: bool = True,
    workers: int = 1,
) -> IngestReport:
    """Read ``paths``, analyse every article not stored yet, and store the results.

    Args:
        paths: files or folders (whatever :func:`parley.ingest.read_sources` reads).
        store: where analyses and rejections go; articles already there are skipped.
        pipeline: the analyser; with ``workers > 1`` each worker process builds its own from
            ``pipeline.settings``.
        published_at: publication date for sources that do not state one.
        outlet: outlet for sources that do not state one.
        progress: show a progress line on stderr.
        workers: processes to analyse in (1: this process).

    Returns:
        The counts of documents read, new, skipped (already stored) and rejected.
    """
    limit = pipeline.settings.max_article_chars
    from parley.ingest import read_sources

    items = read_sources([Path(p) for p in paths], published_at, outlet, max_chars=limit)
    return ingest_documents(
        items, store, pipeline, paths=[str(p) for p in paths], progress=progress, workers=workers
    )


def ingest_dask(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    client: Any,
    published_at: dt.date | None = None,
    outlet: str | None = None,
    progress: bool = False,
) -> IngestReport:
    """Like :func:`ingest`, analysing on a Dask cluster through ``client``.

    The driver reads and normalises (cheap, no spaCy), skips stored articles and sends batches
    of new ones to the workers; each worker builds its pipeline once from ``settings``. Results
    are saved by the driver as batches complete.

    Args:
        client: a ``distributed.Client`` connected to the cluster.
    """
    from distributed import as_completed

    from parley.kb import load_kb
    from parley.normalize import normalize

    kb = load_kb(settings.actor_files)
    limit = settings.max_article_chars
    from parley.ingest import read_sources

    items = read_sources([Path(p) for p in paths], published_at, outlet, max_chars=limit)
    settings_json = settings.model_dump_json()
    with terminate_as_interrupt(), _progress(progress) as bar:
        run = _Run(store, [str(p) for p in paths], bar, settings)
        fresh = run.fresh(items, lambda raw: normalize(raw, kb, languages=settings.languages))
        futures = [
            client.submit(_remote_batch, settings_json, c) for c in _chunks(fresh, BATCH_SIZE)
        ]
        done = as_completed(futures, with_results=True)  # type: ignore[no-untyped-call]
        results = (r for _, batch in done for r in batch)
        return _drive(run, results)
