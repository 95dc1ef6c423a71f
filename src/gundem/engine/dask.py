"""The distributed engine: the same per-article pipeline mapped over a Dask bag.

`scheduler` is "threads" (tests), "processes" (one machine), or the address of a
dask.distributed scheduler ("tcp://host:8786") for a cluster. Models load once per
worker process through the stages' own caches; no stage knows which engine runs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gundem.engine.local import Job, _warm, process_job
from gundem.engine.threads import one_blas_thread_per_worker
from gundem.ingest.errors import IngestError
from gundem.model import Article
from gundem.pipeline import pipeline_for
from gundem.stages import Pipeline

_warmed: set[Pipeline] = set()  # per worker process: load the models, cap memory once


def _partition(
    jobs: list[Job], pipeline: Pipeline, limit_memory: bool
) -> list[Article | IngestError]:
    if limit_memory and pipeline not in _warmed:  # a local worker process
        _warmed.add(pipeline)
        _warm(pipeline)
    return [process_job(job, pipeline) for job in jobs]


class DaskEngine:
    def __init__(
        self, workers: int = 2, pipeline: Pipeline | None = None, scheduler: str = "threads"
    ) -> None:
        self.workers = max(1, workers)
        self.pipeline = pipeline or pipeline_for()
        self.scheduler = scheduler
        self._client = None

    def __enter__(self) -> DaskEngine:
        if self.scheduler == "processes":
            one_blas_thread_per_worker()
        if "://" in self.scheduler:
            from dask.distributed import Client  # optional: pip install "dask[distributed]"

            self._client = Client(self.scheduler)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()

    def map(self, jobs: Iterable[Job]) -> Iterator[Article | IngestError]:
        import dask.bag as db

        items = list(jobs)
        if not items:
            return iter(())
        bag = db.from_sequence(items, npartitions=min(len(items), self.workers * 4))
        results = bag.map_partitions(_partition, self.pipeline, self.scheduler == "processes")
        if self._client is not None:
            return iter(self._client.compute(results).result())
        return iter(results.compute(scheduler=self.scheduler, num_workers=self.workers))
