"""The store contract (tests/store_contract.py) on the DuckDB backend: a file and :memory:."""

from __future__ import annotations

import pytest
from store_contract import *  # noqa: F403

from gundem.store import BackendNotBuilt, open_store
from gundem.store.db import Store
from gundem.store.linkstate import DuckLinkState
from gundem.store.protocols import ArticleStore, GundemStore, LinkStateStore, ReadModel, RecordStore


@pytest.fixture(params=["duckdb-file", "duckdb-memory"])
def make_store(request, tmp_path):
    opened = []

    def make():
        n = len(opened)
        url = (
            f"duckdb:///{tmp_path}/contract{n}.duckdb"
            if request.param == "duckdb-file"
            else ":memory:"
        )
        store = open_store(url)
        opened.append(store)
        return store

    yield make
    for s in opened:
        s.close()


def _conforms(store: Store, state: DuckLinkState) -> tuple[GundemStore, LinkStateStore]:
    """Checked by mypy: the DuckDB classes match the protocols' signatures, not only names."""
    return store, state


def test_duckdb_store_plays_every_role(make_store):
    store = make_store()
    for role in (ArticleStore, RecordStore, ReadModel, GundemStore):
        assert isinstance(store, role), role.__name__
    assert isinstance(store.link_state(), LinkStateStore)


def test_open_store_chooses_the_backend(tmp_path):
    plain = tmp_path / "duz.duckdb"
    with open_store(plain) as s:
        assert s.path == str(plain) and s.index_path == tmp_path / "duz.duckdb.index"
    with open_store(f"duckdb://{plain}", read_only=True) as s:
        assert s.path == str(plain) and s.read_only
    with pytest.raises(BackendNotBuilt, match="postgresql:// stores are not built yet"):
        open_store("postgresql://gundem@127.0.0.1/haberler")
    with pytest.raises(BackendNotBuilt, match="no storage backend for mysql://"):
        open_store("mysql://127.0.0.1/haberler")


def test_memory_store_index_lives_in_a_temporary_folder_removed_on_close():
    store = open_store(":memory:")
    folder = store.index_path
    store.search_index()
    assert folder.exists() and ":memory:" not in str(folder)
    store.close()
    assert not folder.exists()
