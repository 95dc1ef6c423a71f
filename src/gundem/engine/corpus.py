"""The corpus stages (declared in ``gundem.stages``): entity resolution, linking, indexing.

Each is a class made once per ingest from the ``Work`` it runs in; ``batch`` runs for
each batch of new articles before it is written (only ``per_batch`` stages) and returns
state to save in that batch's transaction; ``finish`` runs after the last batch, in the
declared order, and returns counts for the summary. All are incremental: only new
articles cost work. The articles a run wrote reach ``finish`` in memory (``Work.new``), so
linking and indexing do not read them back from the store; only articles an earlier run
left unlinked or unindexed (a killed run) are read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from gundem.extract.resolve import EntityResolver
from gundem.model import Article
from gundem.store.db import Store

if TYPE_CHECKING:
    from gundem.store.search import SearchIndex

RESOLVER_KEY = "entities.resolver"  # older stores kept the whole resolver state here
MAX_IN_MEMORY = 5_000  # articles of one run kept for link and index; the rest are read back


class NewArticles(Mapping[str, Article]):
    """The articles this ingest wrote, by id, as written (the same objects). Bounded: past
    ``limit`` articles, the others are not kept and the stages read those from the store,
    so a huge run does not hold all its texts."""

    def __init__(self, limit: int | None = None) -> None:
        self.limit = MAX_IN_MEMORY if limit is None else limit
        self._by_id: dict[str, Article] = {}

    def add(self, articles: Iterable[Article]) -> None:
        for a in articles:
            if len(self._by_id) >= self.limit:
                return
            self._by_id[a.id] = a

    def rename(self, names: Mapping[str, str]) -> None:
        """Entity id → canonical name, as ``Store.sync_entity_names`` renames the stored
        articles: entities and the quotes whose speaker is one of them."""
        for a in self._by_id.values():
            for e in a.entities:
                e.name = names.get(e.id, e.name) if e.id else e.name
            for q in a.quotes:
                if q.speaker_id and q.speaker_id in names:
                    q.speaker = names[q.speaker_id]

    def __getitem__(self, article_id: str) -> Article:
        return self._by_id[article_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


@dataclass
class Work:
    """What corpus stages work on: the store, the search index when there is one, and the
    articles this run wrote (filled batch by batch by ``Corpus.ingest``)."""

    store: Store
    index: SearchIndex | None = None
    new: NewArticles = field(default_factory=NewArticles)


class CorpusStep(Protocol):
    def batch(self, articles: list[Article]) -> Any: ...

    def finish(self) -> dict[str, int]: ...


class resolve:  # noqa: N801 - named as the stage it is
    """Corpus-wide entity ids and canonical names (spelling variants merged). The resolver
    state each batch changed is saved with that batch; at the end, stored articles that
    still use an older name get the current one."""

    def __init__(self, work: Work) -> None:
        self.store, self.new = work.store, work.new
        self.resolver = load_resolver(work.store)

    def batch(self, articles: list[Article]) -> Any:
        for a in articles:
            resolve_corpus_entities(a, self.resolver)
        return self.resolver.changes()

    def finish(self) -> dict[str, int]:
        # every entity, not only this run's: a killed run may have left names to sync
        names = {i: e["name"] for i, e in self.resolver.entities.items()}
        self.store.sync_entity_names(names)
        self.new.rename(names)  # the run's articles in memory follow, as the stored ones did
        return {}


class link_stage:  # noqa: N801
    """Link the articles not yet linked into events and stories."""

    def __init__(self, work: Work) -> None:
        self.store, self.new = work.store, work.new

    def batch(self, articles: list[Article]) -> Any:
        return None

    def finish(self) -> dict[str, int]:
        return link(self.store, self.new)


class index_stage:  # noqa: N801
    """Bring the search index up to date (nothing to do without an index)."""

    def __init__(self, work: Work) -> None:
        self.store, self.index, self.new = work.store, work.index, work.new

    def batch(self, articles: list[Article]) -> Any:
        return None

    def finish(self) -> dict[str, int]:
        if self.index is None:
            return {}
        return self.index.update(self.store, articles=self.new)


def link(store: Store, articles: Mapping[str, Article] | None = None) -> dict[str, int]:
    """Link every article not yet linked; ``articles``: ones already in memory (by id)."""
    from gundem.link.linker import link_new

    return link_new(store, articles=articles)


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
