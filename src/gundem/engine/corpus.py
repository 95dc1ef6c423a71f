"""The corpus stages (declared in ``gundem.stages``): entity resolution, linking, indexing.

Each is a class made once per ingest from the ``Work`` it runs in; ``batch`` runs for
each batch of new articles before it is written (only ``per_batch`` stages) and returns
state to save in that batch's transaction; ``finish`` runs after the last batch, in the
declared order, and returns counts for the summary. All are incremental: only new
articles cost work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from gundem.extract.resolve import EntityResolver
from gundem.model import Article
from gundem.store.db import Store

if TYPE_CHECKING:
    from gundem.store.search import SearchIndex

RESOLVER_KEY = "entities.resolver"  # older stores kept the whole resolver state here


@dataclass
class Work:
    """What corpus stages work on: the store and, when there is one, the search index."""

    store: Store
    index: SearchIndex | None = None


class CorpusStep(Protocol):
    def batch(self, articles: list[Article]) -> Any: ...

    def finish(self) -> dict[str, int]: ...


class resolve:  # noqa: N801 - named as the stage it is
    """Corpus-wide entity ids and canonical names (spelling variants merged). The resolver
    state each batch changed is saved with that batch; at the end, stored articles that
    still use an older name get the current one."""

    def __init__(self, work: Work) -> None:
        self.store = work.store
        self.resolver = load_resolver(work.store)

    def batch(self, articles: list[Article]) -> Any:
        for a in articles:
            resolve_corpus_entities(a, self.resolver)
        return self.resolver.changes()

    def finish(self) -> dict[str, int]:
        # every entity, not only this run's: a killed run may have left names to sync
        self.store.sync_entity_names({i: e["name"] for i, e in self.resolver.entities.items()})
        return {}


class link_stage:  # noqa: N801
    """Link the articles not yet linked into events and stories."""

    def __init__(self, work: Work) -> None:
        self.store = work.store

    def batch(self, articles: list[Article]) -> Any:
        return None

    def finish(self) -> dict[str, int]:
        return link(self.store)


class index_stage:  # noqa: N801
    """Bring the search index up to date (nothing to do without an index)."""

    def __init__(self, work: Work) -> None:
        self.store, self.index = work.store, work.index

    def batch(self, articles: list[Article]) -> Any:
        return None

    def finish(self) -> dict[str, int]:
        return self.index.update(self.store) if self.index is not None else {}


def link(store: Store) -> dict[str, int]:
    from gundem.link.linker import link_new

    return link_new(store)


def index(store: Store, db_path: str | Path | None = None) -> dict[str, int]:
    """Bring the store's search index up to date (``db_path`` is not needed: the store
    knows where its index lives)."""
    return store.search_index().update(store)


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
