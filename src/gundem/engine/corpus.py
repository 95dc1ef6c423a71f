"""The corpus-level steps after a run: link new articles into events and stories, then
bring the search index up to date. Both are incremental: only new articles cost work."""

from __future__ import annotations

from pathlib import Path

from gundem.store.db import Store


def link(store: Store) -> dict[str, int]:
    from gundem.link.linker import link_new

    return link_new(store)


def index(store: Store, db_path: str | Path | None = None) -> dict[str, int]:
    """Bring the store's search index up to date (``db_path`` is not needed: the store
    knows where its index lives)."""
    return store.search_index().update(store)
