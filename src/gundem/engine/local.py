"""The local engine: the per-article pipeline over a process pool (or inline for 1 worker)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial

from gundem.engine.threads import one_blas_thread_per_worker
from gundem.ingest.errors import IngestError
from gundem.model import Article, RawDoc
from gundem.pipeline import limit_worker_memory, pipeline_for, process
from gundem.stages import Pipeline

Job = tuple[RawDoc, frozenset[str]]


def _warm(pipeline: Pipeline) -> None:
    """Load the stages' modules once per worker process, then cap the worker's memory at
    that plus the per-document budget. A failure here must not break the pool: it is
    reported per document by `process` instead."""
    try:
        pipeline.load()
    except Exception:  # noqa: BLE001
        pass
    limit_worker_memory()


def process_job(job: Job, pipeline: Pipeline) -> Article | IngestError:
    raw, repeated = job
    return process(raw, repeated, pipeline)


class LocalEngine:
    """Maps the pipeline over batches of documents, keeping input order."""

    def __init__(self, workers: int = 1, pipeline: Pipeline | None = None) -> None:
        self.workers = max(1, workers)
        self.pipeline = pipeline or pipeline_for()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            one_blas_thread_per_worker()
            # spawn, not fork: the parent holds a DuckDB connection and threads.
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_warm,
                initargs=(self.pipeline,),
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def map(self, jobs: Iterable[Job]) -> Iterator[Article | IngestError]:
        work = partial(process_job, pipeline=self.pipeline)
        if self._pool is None:
            yield from map(work, jobs)
        else:
            yield from self._pool.map(work, jobs, chunksize=4)
