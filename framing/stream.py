"""Streaming, order-preserving scoring on one or many cores.

``iter_records`` turns any iterable of articles into flat records, one per input, in
input order, holding only a bounded window of articles in memory, so a corpus far bigger
than memory streams through. With ``jobs > 1`` chunks of articles go to a process pool;
results are identical to ``jobs=1`` because every article is scored by the same pure
function.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from framing.article import Article
from framing.errors import InputError

__all__ = ["iter_records", "score_record", "failure_record"]

_log = logging.getLogger(__name__)


def failure_record(article_id: str, error: str, **meta: Any) -> dict[str, Any]:
    """Record of an article that could not be scored: identity, the error, no scores."""
    record: dict[str, Any] = {"id": article_id}
    record.update({k: v for k, v in meta.items() if v is not None})
    record["error"] = error
    return record


def score_record(
    article: Any, lexicon: Any = None, actors: Any = None, registry: Any = None
) -> dict[str, Any]:
    """Flat record of one article; never raises (a failure becomes an ``error`` record)."""
    from framing.scores import score

    if not isinstance(article, Article):
        # a load failure (framing.load.LoadFailure) or anything else that is no Article
        article_id = str(getattr(article, "id", None) or getattr(article, "path", "") or "?")
        error = getattr(article, "error", None) or (
            f"not an Article: {type(article).__name__}"
        )
        return failure_record(article_id, str(error))
    try:
        record = score(article, lexicon=lexicon, actors=actors, registry=registry).as_dict()
    except Exception as exc:  # noqa: BLE001 - a batch records the failure and goes on
        _log.warning("article %s failed: %s: %s", article.id, type(exc).__name__, exc)
        return failure_record(
            article.id, f"{type(exc).__name__}: {exc}", outlet=article.outlet,
            date=article.date.isoformat() if article.date else None, title=article.title,
            incident=article.incident,
        )
    record["error"] = None
    return record


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
    # fork shares the already-loaded lexicons and dictionaries with the workers
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _warm_up(options: dict[str, Any]) -> None:
    """Load cached resources in the parent so forked workers share them."""
    score_record(Article(id="warm-up", text="Warm up. \u201cIt works,\u201d she said."), **options)


def iter_records(
    articles: Iterable[Any],
    *,
    jobs: int = 1,
    chunksize: int = 8,
    lexicon: Any = None,
    actors: Any = None,
    registry: Any = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Score articles lazily, yielding one flat record per input in input order.

    Args:
        articles: Any iterable of :class:`Article` (load failures pass through as error
            records). It is consumed lazily.
        jobs: Worker processes; 1 scores in this process, 0 or negative means all cores.
        chunksize: Articles per task sent to a worker.
        lexicon, actors, registry: Passed to :func:`framing.score`.
        on_record: Called with each record as it is yielded (e.g. a progress bar update).

    Yields:
        Flat records (``ArticleScores.as_dict()`` plus ``error``: None or the message).
    """
    if not isinstance(jobs, int):
        raise InputError(f"jobs: expected an int, got {jobs!r}")
    if not isinstance(chunksize, int) or chunksize < 1:
        raise InputError(f"chunksize: expected an int >= 1, got {chunksize!r}")
    workers = (os.cpu_count() or 1) if jobs <= 0 else jobs
    options = {"lexicon": lexicon, "actors": actors, "registry": registry}
    if workers == 1:
        for article in articles:
            record = score_record(article, **options)
            if on_record:
                on_record(record)
            yield record
        return
    _warm_up(options)
    window = workers * 3  # chunks in flight: bounded memory, workers never starve
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_pool_context(),
        initializer=_init_worker, initargs=(options,),
    ) as pool:
        pending: deque[Future[list[dict[str, Any]]]] = deque()
        chunks = _chunks(articles, chunksize)
        for chunk in islice(chunks, window):
            pending.append(pool.submit(_score_chunk, chunk))
        while pending:
            records = pending.popleft().result()
            next_chunk = next(chunks, None)
            if next_chunk is not None:
                pending.append(pool.submit(_score_chunk, next_chunk))
            for record in records:
                if on_record:
                    on_record(record)
                yield record
