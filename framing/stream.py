"""Streaming, order-preserving scoring on one or many cores, optionally through a store.

``iter_records`` turns any iterable of articles into flat records, one per input, in
input order, holding only a bounded window of articles in memory, so a corpus far bigger
than memory streams through. With ``jobs > 1`` chunks of articles go to a process pool
(fork start method where available, so the workers share the parent's loaded lexicons and
dictionaries); results are identical to ``jobs=1`` because every article is scored by the
same pure function, and they come back in input order.

A worker that dies (a crash, the out-of-memory killer) does not stop the batch: the chunks
that were in flight are scored again one article at a time in a fresh single worker, and
an article that kills that worker too gets an error record.

With a :class:`~framing.store.ScoreStore`, articles whose key (content hash, framing
version, lexicon hash) is already stored are not scored again, and every new record is
committed as it arrives, so a killed run resumes where it stopped.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.article import Article
from framing.errors import InputError

if TYPE_CHECKING:
    from framing.store import ScoreStore

__all__ = [
    "StreamStats",
    "failure_record",
    "iter_records",
    "load_failure_message",
    "options_hash",
    "score_record",
]

_log = logging.getLogger(__name__)

#: Message of the error record of an article whose worker process died twice.
WORKER_DIED = "WorkerDied: the worker process scoring this article died (crash or out of memory)"


# -- one article --------------------------------------------------------------------------


def failure_record(item: Any, message: str) -> dict[str, Any]:
    """Record of an input that has no scores: its identity (where known) and the error.

    Args:
        item: The :class:`Article` (identity columns kept) or a load failure (its ``id``,
            or the stem of its ``path``).
        message: The error, stored in the ``error`` column.
    """
    if isinstance(item, Article):
        row: dict[str, Any] = item.identity()
    else:
        path = getattr(item, "path", None)
        ident = getattr(item, "id", None) or (Path(str(path)).stem if path else None)
        if ident is None and isinstance(item, tuple) and item:
            ident = Path(str(item[0])).stem
        row = {"id": str(ident) if ident is not None else "?"}
    row["error"] = message
    return row


def load_failure_message(item: Any) -> str:
    """The error message carried by a load failure (``error``, ``message`` or ``reason``)."""
    for name in ("error", "message", "reason"):
        value = getattr(item, name, None)
        if value:
            return str(value)
    if isinstance(item, tuple) and len(item) > 1:
        return str(item[1])
    return f"not an Article: {type(item).__name__}"


def score_record(
    article: Any, lexicon: Any = None, actors: Any = None, registry: Any = None
) -> dict[str, Any]:
    """Flat record of one article plus ``error`` (None when scored); never raises.

    Args:
        article: An :class:`Article`; anything else (e.g. a
            :class:`framing.load.LoadFailure`) becomes an error record.
        lexicon, actors, registry: Passed to :func:`framing.score`.

    Returns:
        ``ArticleScores.as_dict()`` with ``error=None``, or :func:`failure_record` with
        the exception's type and message.
    """
    if not isinstance(article, Article):
        return failure_record(article, load_failure_message(article))
    try:
        from framing.scores import score

        record = score(article, lexicon=lexicon, actors=actors, registry=registry).as_dict()
    except Exception as exc:  # noqa: BLE001 - a batch records the failure and goes on
        _log.warning("article %s failed: %s: %s", article.id, type(exc).__name__, exc)
        return failure_record(article, f"{type(exc).__name__}: {exc}")
    record["error"] = None
    return record


# -- worker pool --------------------------------------------------------------------------

# Worker-process state: set once per process by the pool initializer (a process-local
# global is the documented way to hand a worker its read-only resources).
_WORKER_OPTIONS: dict[str, Any] = {}


def _init_worker(options: dict[str, Any]) -> None:
    _WORKER_OPTIONS.clear()
    _WORKER_OPTIONS.update(options)


def _score_chunk(chunk: list[Any]) -> list[dict[str, Any]]:
    return [score_record(article, **_WORKER_OPTIONS) for article in chunk]


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _pool_context() -> multiprocessing.context.BaseContext:
    """fork on Linux (workers share the parent's loaded resources), spawn elsewhere.

    macOS offers fork but its system libraries are not fork-safe, so it gets spawn, as
    Python itself defaults to there.
    """
    use_fork = sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if use_fork else "spawn")


#: A short text whose scoring loads every resource scoring needs: dictionaries, lexicons,
#: compiled patterns, and the hyphenation dictionary, which only a word missing from the
#: pronouncing dictionary ("Qwelbyrant") loads. Scored before a batch's articles (the
#: pool's parent, ``framing score``, ``framing bench``), so that no article pays for a load.
WARM_UP_TEXT = "Warm up: 3 checks of Qwelbyrant. \u201cIt works,\u201d the spokesman said."


def _warm_up(options: dict[str, Any]) -> None:
    """Load cached resources in the parent so forked workers share them."""
    score_record(Article(id="warm-up", text=WARM_UP_TEXT), **options)


def _new_pool(workers: int, options: dict[str, Any]) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=_pool_context(),
        initializer=_init_worker, initargs=(options,),
    )


def _start(pool: ProcessPoolExecutor) -> None:
    """Fork the workers now, with the parent's heap frozen out of the collector.

    ``gc.freeze()`` moves every object alive after the warm-up (lexicons, dictionaries,
    compiled patterns) to a permanent generation: the workers' collections no longer walk
    them (nor touch their pages, which stay shared copy-on-write). There is no
    ``gc.collect()`` first, as the ``gc.freeze`` documentation advises for fork: a full
    collection walks the whole heap (about 50 ms with the resources loaded) while no
    worker runs yet, and frees next to nothing. The parent unfreezes once the workers
    exist, unless its caller had frozen objects itself (``framing score`` does), so the
    caller's collector is left as it was.
    """
    frozen_by_caller = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        pool.submit(int).result()  # fork start method: all workers start on first submit
    finally:
        if not frozen_by_caller:
            gc.unfreeze()


def _isolate(chunk: list[Any], options: dict[str, Any]) -> list[dict[str, Any]]:
    """Score ``chunk`` one article at a time in a single fresh worker.

    Used after a worker died: an article that kills this worker too is recorded as an
    error (:data:`WORKER_DIED`) and the worker is replaced for the next one.
    """
    records: list[dict[str, Any]] = []
    pool = _new_pool(1, options)
    try:
        for article in chunk:
            try:
                records.append(pool.submit(_score_chunk, [article]).result()[0])
            except BrokenProcessPool:
                _log.error("worker died scoring article %s; recorded as an error",
                           getattr(article, "id", "?"))
                records.append(failure_record(article, WORKER_DIED))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(1, options)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return records


@dataclass(frozen=True, slots=True)
class _Pool:
    """The executor (or None for in-process scoring) with its options."""

    workers: int
    options: dict[str, Any]
    executor: list[ProcessPoolExecutor]  # one slot, replaced when a worker dies


@contextmanager
def _scoring_pool(workers: int, options: dict[str, Any]) -> Iterator[_Pool]:
    if workers == 1:
        yield _Pool(1, options, [])
        return
    _warm_up(options)
    holder = [_new_pool(workers, options)]
    _start(holder[0])
    try:
        yield _Pool(workers, options, holder)
    finally:
        holder[0].shutdown(wait=True, cancel_futures=True)


#: Chunks queued or running per worker (keeps every worker fed).
_RUNNING_PER_WORKER = 2

#: Chunks held per worker at most, finished ones waiting for an earlier chunk included:
#: bounds memory when one slow article holds up the head of the line.
_BUFFERED_PER_WORKER = 8


def _scored(items: Iterable[Any], pool: _Pool, chunksize: int) -> Iterator[dict[str, Any]]:
    """Records of ``items`` in input order, scored in ``pool``.

    Chunks are submitted whenever fewer than two per worker are queued or running, so a
    worker that finishes early takes the next chunk even while an earlier, slower chunk
    is still being scored; finished chunks wait in order (at most eight per worker).
    """
    if pool.workers == 1:
        for item in items:
            yield score_record(item, **pool.options)
        return
    running_max = pool.workers * _RUNNING_PER_WORKER
    buffered_max = pool.workers * _BUFFERED_PER_WORKER
    pending: deque[tuple[list[Any], Future[list[dict[str, Any]]]]] = deque()
    chunks = _chunks(items, chunksize)
    exhausted = False

    def submit(chunk: list[Any]) -> None:
        try:
            future = pool.executor[0].submit(_score_chunk, chunk)
        except BrokenProcessPool as exc:
            future = Future()
            future.set_exception(exc)
        pending.append((chunk, future))

    def top_up() -> None:
        nonlocal exhausted
        running = sum(1 for _, f in pending if not f.done())
        while not exhausted and running < running_max and len(pending) < buffered_max:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
                return
            submit(chunk)
            running += 1

    top_up()
    while pending:
        head = pending[0][1]
        while not head.done():
            wait([f for _, f in pending if not f.done()], return_when=FIRST_COMPLETED)
            top_up()
        chunk, future = pending.popleft()
        try:
            records = future.result()
        except BrokenProcessPool:
            _log.error("a worker process died; scoring the %d chunks in flight again, "
                       "one article at a time", len(pending) + 1)
            retry = [chunk] + [c for c, _ in pending]
            pending.clear()
            pool.executor[0].shutdown(wait=False, cancel_futures=True)
            records = [r for c in retry for r in _isolate(c, pool.options)]
            pool.executor[0] = _new_pool(pool.workers, pool.options)
            _start(pool.executor[0])
        top_up()
        yield from records


# -- with a store -------------------------------------------------------------------------


def options_hash(lexicon: Any = None, actors: Any = None, registry: Any = None) -> str:
    """The lexicon part of a store key: the lexicon's content hash, plus actors and registry.

    With the defaults this is the built-in lexicon's hash; user actor groups or a speaker
    registry (which change the scores too) add a SHA-256 of their ``repr``.
    """
    from framing.corpus import provenance

    lexicon_hash = provenance(lexicon)["lexicon_hash"] or "unknown-lexicon"
    if actors is None and registry is None:
        return lexicon_hash
    extra = hashlib.sha256(f"{actors!r}\x00{registry!r}".encode("utf-8", "replace"))
    return f"{lexicon_hash}+{extra.hexdigest()[:16]}"


@dataclass(slots=True)
class StreamStats:
    """Counts of one streamed run (filled in as the run goes).

    Attributes:
        records: Records yielded (one per input).
        scored: Inputs scored in this run (with a store: articles not found in it).
        from_store: Records taken from the store without scoring.
        failed: Records with an ``error``.
    """

    records: int = 0
    scored: int = 0
    from_store: int = 0
    failed: int = 0


def _through_store(
    items: Iterable[Any], pool: _Pool, chunksize: int, store: ScoreStore, stats: StreamStats,
    block: int,
) -> Iterator[dict[str, Any]]:
    """Records in input order: stored ones looked up, the others scored and stored."""
    for chunk in _chunks(items, block):
        keys = [store.key_for(a) if isinstance(a, Article) else None for a in chunk]
        found = store.get(k for k in keys if k is not None)
        missing = [a for a, k in zip(chunk, keys) if k is None or k not in found]
        fresh = _scored(missing, pool, chunksize)
        batch: list[tuple[str, Article, dict[str, Any]]] = []
        for article, key in zip(chunk, keys):
            if key is not None and key in found:
                stats.from_store += 1
                yield found[key]
                continue
            record = next(fresh)
            if key is not None:
                stats.scored += 1
                batch.append((key, article, record))
                if len(batch) >= chunksize:
                    store.put(batch)
                    batch = []
            yield record
        store.put(batch)


def iter_records(
    articles: Iterable[Any],
    *,
    jobs: int = 1,
    chunksize: int = 8,
    lexicon: Any = None,
    actors: Any = None,
    registry: Any = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    store: ScoreStore | None = None,
    stats: StreamStats | None = None,
) -> Iterator[dict[str, Any]]:
    """Score articles lazily, yielding one flat record per input in input order.

    Memory holds at most ``8 * jobs * chunksize`` articles in flight (plus, with a store,
    one block of 256 articles), whatever the corpus size.

    Args:
        articles: Any iterable of :class:`Article` (load failures pass through as error
            records). It is consumed lazily.
        jobs: Worker processes; 1 scores in this process, 0 or negative means all cores.
        chunksize: Articles per task sent to a worker (and per store commit).
        lexicon, actors, registry: Passed to :func:`framing.score`.
        on_record: Called with each record as it is yielded (e.g. a progress bar update).
        store: A :class:`~framing.store.ScoreStore`: stored records are reused, new ones
            committed as they arrive (error records are not stored, so they are retried).
        stats: Filled in with counts as the run goes (scored, from the store, failed).

    Yields:
        Flat records (``ArticleScores.as_dict()`` plus ``error``: None or the message).

    Raises:
        InputError: ``jobs`` or ``chunksize`` is not a usable int.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise InputError(f"jobs: expected an int (1, N or 0 for all cores), got {jobs!r}")
    if not isinstance(chunksize, int) or isinstance(chunksize, bool) or chunksize < 1:
        raise InputError(f"chunksize: expected an int >= 1, got {chunksize!r}")
    return _iter_records(articles, (os.cpu_count() or 1) if jobs <= 0 else jobs, chunksize,
                         {"lexicon": lexicon, "actors": actors, "registry": registry},
                         on_record, store, stats if stats is not None else StreamStats())


def _iter_records(
    articles: Iterable[Any], workers: int, chunksize: int, options: dict[str, Any],
    on_record: Callable[[dict[str, Any]], None] | None, store: ScoreStore | None,
    stats: StreamStats,
) -> Iterator[dict[str, Any]]:
    with _scoring_pool(workers, options) as pool:
        if store is None:
            records = _scored(articles, pool, chunksize)
        else:
            records = _through_store(articles, pool, chunksize, store, stats, block=256)
        for record in records:
            stats.records += 1
            if store is None:
                stats.scored += 1
            if record.get("error"):
                stats.failed += 1
            if on_record:
                on_record(record)
            yield record
