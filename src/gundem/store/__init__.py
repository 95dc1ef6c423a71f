"""Storage: every DuckDB statement of gundem lives in this package.

    from gundem.store import open_store
    with open_store("gundem.duckdb") as store:          # or "duckdb:///path/to/file.duckdb"
        store.add_articles(articles)
        index = store.search_index()                    # the store says where its index lives

The roles a store plays (articles, link state, records, the read model) are the protocols
of ``gundem.store.protocols``; ``tests/store_contract.py`` is what any backend must pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gundem.store.db import Store

__all__ = ["BackendNotBuilt", "open_store"]

_POSTGRES = ("postgresql://", "postgres://", "postgresql+")


class BackendNotBuilt(ValueError):
    """The URL names a storage backend this version of gundem does not have."""


def open_store(url_or_path: str | Path, read_only: bool = False) -> Store:
    """Open the store a path or URL names: a plain path, ``:memory:`` or ``duckdb:///path``
    is a DuckDB file; ``postgresql://…`` is refused (that backend is not built yet)."""
    target = str(url_or_path)
    if target.startswith(_POSTGRES):
        raise BackendNotBuilt(
            f"{target.split('://', 1)[0]}:// stores are not built yet; "
            "use a DuckDB file (a path or duckdb:///path)"
        )
    if target.startswith("duckdb://"):
        target = target.removeprefix("duckdb://")
        # duckdb:///abs/path → /abs/path; duckdb://rel/path and duckdb://:memory: as written
        target = target or ":memory:"
    elif "://" in target:
        raise BackendNotBuilt(
            f"no storage backend for {target.split('://', 1)[0]}://; use a DuckDB file"
        )
    from gundem.store.db import Store

    return Store(target, read_only=read_only)
