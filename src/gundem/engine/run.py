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
from gundem.extract.resolve import EntityResolver
from gundem.ingest.errors import IngestError
from gundem.ingest.files import read_inputs
from gundem.ingest.web import Fetcher
from gundem.model import Article, RawDoc
from gundem.store.db import Store, text_hash

BATCH = 64
RESOLVER_KEY = "entities.resolver"  # older stores kept the whole resolver state here


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
    """Ingest, clean and extract every input. Each batch of articles is written in one
    transaction with the resolver state it changed, so a killed run resumes where it stopped."""
    stats = RunStats()
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    tracker = RepeatTracker()
    ids, texts = store.known_hashes()
    resolver = load_resolver(store)

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
                if on_item:
                    on_item(stats, None)
                continue
            # Every document read counts, stored or not: a resumed run or a re-run then
            # cleans each document as the first run did (same text, same duplicate checks).
            repeated = tracker.observe(item)
            if raw_id(item) in ids:
                stats.duplicates += 1
                if on_item:
                    on_item(stats, None)
                continue
            yield item, repeated

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
                    fresh.append(resolve_corpus_entities(result, resolver))
                    stats.languages[result.language or "?"] += 1
                if on_item:
                    on_item(stats, result)
            # One transaction per batch, with the entity-merging state it changed: a crash
            # loses whole articles (and their effect on the resolver), never half of one.
            stats.articles += store.add_articles(fresh, resolver.changes())
    # every entity, not only this run's: a killed run may have left names to sync
    store.sync_entity_names({i: e["name"] for i, e in resolver.entities.items()})
    stats.seconds = time.perf_counter() - t0
    store.add_run(started, datetime.now(UTC), inputs, stats.as_dict())
    return stats


def load_resolver(store: Store) -> EntityResolver:
    """The corpus resolver from its tables; a state saved whole under ``RESOLVER_KEY`` (older
    stores) is moved to the tables with the next batch."""
    state = store.resolver_state()
    if state is not None:
        return EntityResolver.from_state(state)
    resolver = EntityResolver.from_state(store.get_state(RESOLVER_KEY))
    resolver.mark_all_changed()
    return resolver


def resolve_corpus_entities(article: Article, resolver: EntityResolver) -> Article:
    """Give entities their corpus-wide ids and names (spelling variants merged); quote
    speakers follow their entity's new canonical name."""
    before = {e.name: e for e in article.entities}
    resolver.resolve_article(article)
    renamed = {old: e.name for old, e in before.items() if old != e.name}
    ids = {e.name: e.id for e in article.entities}
    for q in article.quotes:
        q.speaker = renamed.get(q.speaker, q.speaker) if q.speaker else q.speaker
        q.speaker_id = ids.get(q.speaker or "", "")
    return article


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
