"""Engines map the per-article stages over documents: in this process or a process pool
(``local``), or over a Dask bag (``dask``…). They keep input order and know no stage."""

from __future__ import annotations

from gundem.engine.dask import DaskEngine
from gundem.engine.local import LocalEngine
from gundem.stages import Pipeline


def make_engine(
    name: str, workers: int, pipeline: Pipeline | None = None
) -> LocalEngine | DaskEngine:
    """ "local" (process pool), or "dask", "dask:processes", "dask:tcp://host:8786"."""
    if name == "local":
        return LocalEngine(workers, pipeline)
    if name == "dask" or name.startswith("dask:"):
        return DaskEngine(workers, pipeline, scheduler=name.partition(":")[2] or "threads")
    raise ValueError(f"unknown engine {name!r} (local, dask, dask:processes, dask:tcp://…)")
