"""The distributed engine: the same per-article pipeline mapped over a Dask bag.

`scheduler` is "threads" (tests), "processes" (one machine), or the address of a
dask.distributed scheduler ("tcp://host:8786") for a cluster. Models load once per
worker process through the stages' own caches; no stage knows which engine runs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from gundem.engine.local import _warm, process_job
from gundem.engine.threads import one_blas_thread_per_worker
from gundem.ingest.errors import IngestError
from gundem.model import Article, RawDoc

Job = tuple[RawDoc, frozenset[str]]


def _partition(jobs: list[Job], with_extract: bool, limit_memory: bool) -> list[Article | IngestError]:
    if limit_memory:  # a local worker process: load the models, then cap its memory once
        _warm_once(with_extract)
    return [process_job(job, with_extract) for job in jobs]


@lru_cache(maxsize=2)
def _warm_once(with_extract: bool) -> None:
    _warm(with_extract)


class DaskEngine:
    def __init__(
        self, workers: int = 2, with_extract: bool = True, scheduler: str = "threads"
    ) -> None:
        self.workers = max(1, workers)
        self.with_extract = with_extract
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
        results = bag.map_partitions(_partition, self.with_extract, self.scheduler == "processes")
        if self._client is not None:
            return iter(self._client.compute(results).result())
        return iter(results.compute(scheduler=self.scheduler, num_workers=self.workers))
