"""The one write path: every writer (``gundem run``, ``POST /api/ingest``, a later
``gundem watch``) hands its documents to ``Corpus.ingest``.

    report = Corpus(store, build_pipeline(skip={"link"})).ingest(read_inputs(paths))

For each document read: the repeated-block tracker observes it (stored or not, so a
resumed run cleans each document as the first did), a document whose id is stored is a
duplicate. The others go through the per-article stages in the engine, in batches; a result
whose id or text hash is known is a duplicate. Each batch then passes the ``per_batch``
corpus stages (entity resolution) and is written in one transaction with the state they
changed: a crash loses whole articles, never half of one. After the last batch the corpus
stages finish in their declared order (resolution syncs names, linking, indexing).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from gundem.clean.page import raw_id
from gundem.clean.repeated import RepeatTracker
from gundem.engine import make_engine
from gundem.engine.corpus import CorpusStep, Work
from gundem.ingest.errors import IngestError
from gundem.model import Article, RawDoc
from gundem.pipeline import StageFailed, pipeline_for
from gundem.stages import Pipeline
from gundem.store.db import Store, body_hash

if TYPE_CHECKING:
    from gundem.store.search import SearchIndex

BATCH = 64


# A text shorter than this is not taken as the original of later copies: a generic line
# ("Ayrıntılar birazdan…") shared by unrelated items must not merge their events.
MIN_COPY_CHARS = 60


@dataclass
class RunStats:
    """What one run did. ``duplicates``: inputs skipped (already stored, byte for byte);
    ``copies``: stored reports whose text an earlier article has (``duplicate_of``);
    ``short`` / ``title_only``: stored articles so flagged; ``too_short``: dropped on
    purpose (``min_chars``); ``not_extracted``: stored articles per language no extractor
    serves."""

    read: int = 0
    articles: int = 0
    duplicates: int = 0
    copies: int = 0
    short: int = 0
    title_only: int = 0
    too_short: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    not_extracted: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "copies": self.copies,
            "short": self.short,
            "title_only": self.title_only,
            "too_short": self.too_short,
            "errors": dict(self.errors),
            "languages": dict(self.languages),
            "not_extracted": dict(self.not_extracted),
            "seconds": round(self.seconds, 3),
        }

    def count(self, article: Article) -> None:
        """Count one stored article's language, flags and copy mark."""
        self.languages[article.language or "?"] += 1
        self.short += "short" in article.flags
        self.title_only += "title_only" in article.flags
        self.copies += article.duplicate_of is not None
        if article.not_extracted:
            self.not_extracted[article.language or "?"] += 1


@dataclass
class IngestReport:
    """What one ingest did: counts, the ids added and skipped, the errors, and the counts
    each corpus stage returned (``corpus["link"]``, ``corpus["index"]``)."""

    stats: RunStats = field(default_factory=RunStats)
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    corpus: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_response(self) -> dict[str, Any]:
        """The body of ``POST /api/ingest``."""
        errors = [{"source": e.source, "kind": e.kind, "message": e.message} for e in self.errors]
        return {"added": self.added, "duplicates": self.duplicates, "errors": errors}


OnItem = Callable[[RunStats, "Article | IngestError | None"], None]

# One writer per store at a time: two ingests would each load the entity resolver and the
# second would save merges computed from a stale state.
_writers: weakref.WeakKeyDictionary[Store, threading.Lock] = weakref.WeakKeyDictionary()
_writers_lock = threading.Lock()


def _writer(store: Store) -> threading.Lock:
    with _writers_lock:
        return _writers.setdefault(store, threading.Lock())


class Corpus:
    """The write path over one store. ``lock`` (optional) is held around every store access,
    for a store shared with readers on other threads; the per-article stages run outside it."""

    def __init__(
        self, store: Store, pipeline: Pipeline | None = None, *, index: SearchIndex | None = None,
        workers: int = 1, engine: str = "local", batch: int = BATCH,
        lock: AbstractContextManager[Any] | None = None, min_chars: int = 0,
    ) -> None:  # fmt: skip
        """``min_chars``: drop articles whose text is shorter (counted as ``too_short``,
        not as errors); 0 keeps every article that has text."""
        self.store = store
        self.min_chars = max(0, min_chars)
        self.pipeline = pipeline or pipeline_for()
        self.index = index
        self.workers = max(1, workers)
        self.engine = engine
        self.batch = batch
        self._lock = lock or nullcontext()

    def ingest(
        self, docs: Iterable[RawDoc | IngestError], *, inputs: list[str] | None = None,
        on_item: OnItem | None = None, on_error: Callable[[IngestError], None] | None = None,
        on_stage: Callable[[str], None] | None = None,
    ) -> IngestReport:  # fmt: skip
        """Run the pipeline over ``docs`` (read errors included, recorded as such) and write
        the results. ``inputs`` is what the run record names (default: the sources read)."""
        with _writer(self.store):
            return _Ingest(self, on_item, on_error, on_stage).run(docs, inputs)


class _Ingest:
    """One call of ``Corpus.ingest``: its counters, dedup sets and corpus stage steps."""

    def __init__(
        self, corpus: Corpus, on_item: OnItem | None,
        on_error: Callable[[IngestError], None] | None, on_stage: Callable[[str], None] | None,
    ) -> None:  # fmt: skip
        self.c = corpus
        self.on_item, self.on_error, self.on_stage = on_item, on_error, on_stage
        self.report = IngestReport()
        self.stats = self.report.stats
        self.tracker = RepeatTracker()
        self.sources: list[str] = []

    def _locked(self) -> AbstractContextManager[Any]:
        return self.c._lock

    def run(self, docs: Iterable[RawDoc | IngestError], inputs: list[str] | None) -> IngestReport:
        started = datetime.now(UTC)
        t0 = time.perf_counter()
        pipeline, store = self.c.pipeline, self.c.store
        with self._locked():
            self.ids, _ = store.known_hashes()
            self.owners = store.text_owners()
            work = Work(store, self.c.index)
            steps = [(s.name, _start(s.name, s.load(), work)) for s in pipeline.corpus_stages(True)]
        with make_engine(self.c.engine, self.c.workers, pipeline) as engine:
            for batch in _batches(self._jobs(docs), self.c.batch * self.c.workers):
                fresh = self._fresh(engine.map(batch))
                state = None
                for name, step in steps:
                    state = _call(name, step.batch, fresh) or state
                with self._locked():
                    # one transaction per batch, with the entity-merging state it changed
                    self.stats.articles += store.add_articles(fresh, state)
                self.report.added.extend(a.id for a in fresh)
        started_steps = dict(steps)
        for stage in pipeline.stages:  # the corpus stages finish in their declared order
            if stage.scope != "corpus":
                continue
            if self.on_stage:
                self.on_stage(stage.name)
            with self._locked():
                step = started_steps.get(stage.name) or _start(stage.name, stage.load(), work)
                if counts := _call(stage.name, step.finish):
                    self.report.corpus[stage.name] = counts
        self.stats.seconds = time.perf_counter() - t0
        with self._locked():
            store.add_run(started, datetime.now(UTC), inputs or self.sources, self.stats.as_dict())
        return self.report

    def _record_error(self, err: IngestError) -> None:
        self.stats.errors[err.kind] += 1
        self.report.errors.append(err)
        with self._locked():  # recorded once: a re-run of the same input adds no row
            self.c.store.add_error(err.source, err.kind, err.message)
        if self.on_error:
            self.on_error(err)

    def _tick(self, item: Article | IngestError | None) -> None:
        if self.on_item:
            self.on_item(self.stats, item)

    def _jobs(
        self, docs: Iterable[RawDoc | IngestError]
    ) -> Iterator[tuple[RawDoc, frozenset[str]]]:
        for item in docs:
            self.stats.read += 1
            self.sources.append(item.source)
            if isinstance(item, IngestError):
                self._record_error(item)
                self._tick(None)
                continue
            # Every document read counts, stored or not: a resumed run or a re-run then
            # cleans each document as the first run did (same text, same duplicate checks).
            repeated = self.tracker.observe(item)
            if (rid := raw_id(item)) in self.ids:
                self.stats.duplicates += 1
                self.report.duplicates.append(rid)
                self._tick(None)
                continue
            yield item, repeated

    def _fresh(self, results: Iterable[Article | IngestError]) -> list[Article]:
        fresh: list[Article] = []
        for result in results:
            if isinstance(result, IngestError):
                self._record_error(result)
            elif result.id in self.ids:  # the same input again
                self.stats.duplicates += 1
                self.report.duplicates.append(result.id)
            elif len(result.text) < self.c.min_chars:
                self.stats.too_short += 1
            else:
                self.ids.add(result.id)
                self._mark_copy(result)
                fresh.append(result)
                self.stats.count(result)
            self._tick(result)
        return fresh

    def _mark_copy(self, article: Article) -> None:
        """One text, several reports: a text stored before (another URL, title or outlet)
        makes this article a duplicate of the first; it is stored all the same."""
        if len(article.text) < MIN_COPY_CHARS:
            return
        h = body_hash(article)
        if (first := self.owners.get(h)) is not None:
            article.duplicate_of = first
        else:
            self.owners[h] = article.id


def _start(name: str, factory: Callable[[Work], CorpusStep], work: Work) -> CorpusStep:
    return _call(name, factory, work)


def _call(name: str, func: Callable[..., Any], *args: Any) -> Any:
    """Call a corpus stage; a bug in it is raised as ``StageFailed`` naming the stage."""
    try:
        return func(*args)
    except (StageFailed, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - re-raised with the stage's name
        raise StageFailed(name, exc) from exc


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def posted_docs(
    documents: Iterable[Mapping[str, Any]], urls: list[str]
) -> Iterator[RawDoc | IngestError]:
    """The documents of a ``POST /api/ingest`` body (``text`` or ``html`` with optional
    ``url``, ``title``, ``published``, ``outlet``), then its URLs, fetched from public hosts
    only (a request never reaches the server's own network)."""
    for i, d in enumerate(documents):
        data = (d.get("html") or d.get("text") or "").encode("utf-8")
        meta = {"url": d.get("url"), "title": d.get("title"), "published": d.get("published"),
                "outlet": d.get("outlet"), "format": "html" if d.get("html") else "text"}  # fmt: skip
        yield RawDoc(
            source=d.get("url") or f"api#{i}", data=data, meta={k: v for k, v in meta.items() if v}
        )
    if urls:
        from gundem.ingest import web

        fetcher = web.Fetcher(allow_private_hosts=False)
        try:
            yield from web.fetch_all(urls, fetcher)
        finally:
            fetcher.close()
