"""The linker's persistence on DuckDB (``LinkStateStore``): the indexes of ``gundem.link``
(MinHash signatures, event and story features, document frequencies) and the link columns
of the articles. The indexes read and write through this object only; the algorithms stay
in ``gundem.link``.

Reads come back in storage order, as they always have: the posting lists the indexes
rebuild while loading depend on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import duckdb

from gundem.store.db import arrow_views

if TYPE_CHECKING:
    from gundem.store.db import Store

_IN_IDS = "(SELECT unnest(?::VARCHAR[]))"


class DuckLinkState:
    """Link state in the store's DuckDB file. Writes join the caller's ``store.transaction()``."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def _con(self) -> duckdb.DuckDBPyConnection:
        return self._store.con

    def _rows(self, sql: str, batch: int) -> Iterator[tuple]:
        cur = self._con.cursor()
        cur.execute(sql)
        while rows := cur.fetchmany(batch):
            yield from rows

    # -- near-duplicates ---------------------------------------------------------------
    def minhash(self) -> Iterator[tuple[str, bytes]]:
        for aid, blob in self._rows("SELECT article_id, sig FROM link_minhash", 5000):
            yield aid, bytes(blob)

    def add_minhash(self, ids: list[str], sigs: list[bytes]) -> None:
        """Signatures of new articles; one already stored is kept."""
        if not ids:
            return
        with arrow_views(self._con, _gundem_minhash_new={"article_id": ids, "sig": sigs}):
            self._con.execute(
                "INSERT INTO link_minhash SELECT article_id, sig FROM _gundem_minhash_new "
                "ON CONFLICT DO NOTHING"
            )

    # -- events and document frequencies ------------------------------------------------------
    def document_frequencies(self) -> list[tuple[str, int]]:
        return self._con.execute("SELECT key, df FROM link_df").fetchall()

    def put_document_frequencies(self, keys: list[str], dfs: list[int]) -> None:
        if not keys:
            return
        with arrow_views(self._con, _gundem_df_new={"key": keys, "df": dfs}):
            self._con.execute("INSERT OR REPLACE INTO link_df SELECT key, df FROM _gundem_df_new")

    def event_states(self) -> Iterator[str]:
        """Each event's JSON state (``EventState.to_json``)."""
        for (data,) in self._rows("SELECT data FROM link_events", 2000):
            yield data

    def put_event_states(self, ids: list[str], data: list[str]) -> None:
        if not ids:
            return
        with arrow_views(self._con, _gundem_ev_new={"id": ids, "data": data}):
            self._con.execute(
                "INSERT OR REPLACE INTO link_events SELECT id, data FROM _gundem_ev_new"
            )

    # -- stories ------------------------------------------------------------------------------
    def story_states(self) -> list[str]:
        return [r[0] for r in self._con.execute("SELECT data FROM link_stories").fetchall()]

    def put_story_states(self, ids: list[str], data: list[str]) -> None:
        if not ids:
            return
        with arrow_views(self._con, _gundem_st_new={"id": ids, "data": data}):
            self._con.execute(
                "INSERT OR REPLACE INTO link_stories SELECT id, data FROM _gundem_st_new"
            )

    # -- the articles' link columns ----------------------------------------------------------
    def event_of(self, article_id: str) -> str | None:
        row = self._con.execute(
            "SELECT event_id FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return row[0] if row else None

    def unlinked_ids(self) -> list[str]:
        """Articles without an event, by (published, id): not by added_at, since a resumed
        run stores in other batches (other timestamps)."""
        rows = self._con.execute(
            "SELECT id FROM articles WHERE event_id IS NULL ORDER BY published NULLS LAST, id"
        ).fetchall()
        return [r[0] for r in rows]

    def article_texts(self, ids: list[str]) -> list[tuple[str, str, str, str]]:
        """(id, language, title, text) of these articles."""
        return self._con.execute(
            f"SELECT id, language, title, text FROM articles WHERE id IN {_IN_IDS}", [ids]
        ).fetchall()

    def set_links(
        self, ids: list[str], event_ids: list[str], duplicate_of: list[str | None]
    ) -> None:
        """Each article's event and the article it is a near-copy of (or None)."""
        if not ids:
            return
        links = {"id": ids, "event_id": event_ids, "duplicate_of": duplicate_of}
        with arrow_views(self._con, _gundem_links=links):
            self._con.execute(
                "UPDATE articles SET event_id = t.event_id, duplicate_of = t.duplicate_of "
                "FROM _gundem_links t WHERE articles.id = t.id"
            )

    def set_event_stories(self, event_ids: list[str], story_ids: list[str | None]) -> None:
        """The story of every article of these events."""
        if not event_ids:
            return
        stories = {"id": event_ids, "story_id": story_ids}
        with arrow_views(self._con, _gundem_ev_story=stories):
            self._con.execute(
                "UPDATE articles SET story_id = t.story_id "
                "FROM _gundem_ev_story t WHERE articles.event_id = t.id"
            )
