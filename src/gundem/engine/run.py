"""`gundem run`: inputs → engine → store, with counts for the summary table."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice

from gundem.clean.page import raw_id
from gundem.clean.repeated import RepeatTracker
from gundem.engine.dask import DaskEngine
from gundem.engine.local import LocalEngine
from gundem.ingest.errors import IngestError
from gundem.ingest.files import read_inputs
from gundem.ingest.web import Fetcher
from gundem.model import Article, RawDoc
from gundem.store.db import Store, text_hash

BATCH = 64


@dataclass
class RunStats:
    read: int = 0
    articles: int = 0
    duplicates: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "errors": dict(self.errors),
            "languages": dict(self.languages),
            "seconds": round(self.seconds, 3),
        }


OnItem = Callable[[RunStats, "Article | IngestError | None"], None]


def run(
    inputs: list[str],
    store: Store,
    workers: int = 1,
    with_extract: bool = True,
    fetcher: Fetcher | None = None,
    on_item: OnItem | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    engine: str = "local",
) -> RunStats:
    """Ingest, clean and extract every input; each article is written in its own transaction."""
    stats = RunStats()
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    tracker = RepeatTracker()
    ids, texts = store.known_hashes()

    def record_error(err: IngestError) -> None:
        stats.errors[err.kind] += 1
        store.add_error(err.source, err.kind, err.message)
        if on_error:
            on_error(err)

    def jobs() -> Iterator[tuple[RawDoc, frozenset[str]]]:
        for item in read_inputs(inputs, fetcher=fetcher):
            stats.read += 1
            if isinstance(item, IngestError):
                record_error(item)
            elif raw_id(item) in ids:
                stats.duplicates += 1
            else:
                yield item, tracker.observe(item)
                continue
            if on_item:
                on_item(stats, None)

    with make_engine(engine, workers, with_extract) as pool:
        for batch in _batches(jobs(), BATCH * max(1, workers)):
            fresh: list[Article] = []
            for result in pool.map(batch):
                if isinstance(result, IngestError):
                    record_error(result)
                elif result.id in ids or (h := text_hash(result)) in texts:
                    stats.duplicates += 1
                else:
                    ids.add(result.id)
                    texts.add(h)
                    fresh.append(result)
                    stats.languages[result.language or "?"] += 1
                if on_item:
                    on_item(stats, result)
            # One transaction per batch: a crash loses whole articles, never half of one.
            stats.articles += store.add_articles(fresh)
    stats.seconds = time.perf_counter() - t0
    store.add_run(started, datetime.now(UTC), inputs, stats.as_dict())
    return stats


def make_engine(name: str, workers: int, with_extract: bool) -> LocalEngine | DaskEngine:
    """ "local" (process pool), or "dask", "dask:processes", "dask:tcp://host:8786"."""
    if name == "local":
        return LocalEngine(workers, with_extract)
    if name == "dask" or name.startswith("dask:"):
        return DaskEngine(workers, with_extract, scheduler=name.partition(":")[2] or "threads")
    raise ValueError(f"unknown engine {name!r} (local, dask, dask:processes, dask:tcp://…)")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
