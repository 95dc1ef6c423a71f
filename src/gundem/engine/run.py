"""`gundem run` as a function: inputs → the write path (``gundem.corpus.Corpus``) → store.

Kept for scripts and tests: it runs the per-article stages and entity resolution, and
leaves linking and indexing to the caller (``gundem.engine.corpus.link``/``index``), as
before; ``gundem run`` itself uses ``Corpus`` with every stage.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from gundem.corpus import OnItem, RunStats
from gundem.engine import make_engine
from gundem.engine.corpus import RESOLVER_KEY, load_resolver, resolve_corpus_entities
from gundem.ingest.errors import IngestError
from gundem.ingest.web import Fetcher
from gundem.store.db import Store

__all__ = ["BATCH", "RESOLVER_KEY", "RunStats", "load_resolver", "make_engine",
           "resolve_corpus_entities", "run"]  # fmt: skip

BATCH = 64  # articles per transaction and worker (read when a run starts)


def run(
    inputs: list[str],
    store: Store,
    workers: int = 1,
    with_extract: bool = True,
    fetcher: Fetcher | None = None,
    on_item: OnItem | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    engine: str = "local",
    skip: Iterable[str] = (),
) -> RunStats:
    """Ingest, clean and extract every input (``skip``: stage or group names;
    ``with_extract=False`` skips the ``extract`` group). Each batch of articles is written in
    one transaction with the resolver state it changed, so a killed run resumes where it stopped."""
    from gundem.corpus import Corpus
    from gundem.ingest.files import read_inputs
    from gundem.stages import build_pipeline, parse_skip

    names = parse_skip(skip) | {"link", "index"} | (set() if with_extract else {"extract"})
    corpus = Corpus(store, build_pipeline(names), workers=workers, engine=engine, batch=BATCH)
    report = corpus.ingest(read_inputs(inputs, fetcher=fetcher), inputs=inputs,
                           on_item=on_item, on_error=on_error)  # fmt: skip
    return report.stats
