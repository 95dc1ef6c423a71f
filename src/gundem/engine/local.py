"""The local engine: the per-article pipeline over a process pool (or inline for 1 worker)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from gundem.engine.threads import one_blas_thread_per_worker
from gundem.ingest.errors import IngestError
from gundem.model import Article, RawDoc
from gundem.pipeline import extract_stages, limit_worker_memory, process


def _warm(with_extract: bool) -> None:
    """Load models once per worker process, then cap the worker's memory at that plus the
    per-document budget. A failure here must not break the pool: it is reported per
    document by `process` instead."""
    if with_extract:
        try:
            extract_stages()
        except Exception:  # noqa: BLE001
            pass
    limit_worker_memory()


def process_job(job: tuple[RawDoc, frozenset[str]], with_extract: bool) -> Article | IngestError:
    raw, repeated = job
    return process(raw, repeated, with_extract)


class LocalEngine:
    """Maps the pipeline over batches of documents, keeping input order."""

    def __init__(self, workers: int = 1, with_extract: bool = True) -> None:
        self.workers = max(1, workers)
        self.with_extract = with_extract
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            one_blas_thread_per_worker()
            # spawn, not fork: the parent holds a DuckDB connection and threads.
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_warm,
                initargs=(self.with_extract,),
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def map(self, jobs: Iterable[tuple[RawDoc, frozenset[str]]]) -> Iterator[Article | IngestError]:
        work = partial(process_job, with_extract=self.with_extract)
        if self._pool is None:
            yield from map(work, jobs)
        else:
            yield from self._pool.map(work, jobs, chunksize=4)
