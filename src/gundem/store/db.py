"""The store: one DuckDB file, the single source of truth. The whole schema lives here."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from gundem.model import Article, Event, Story, content_id

DEFAULT_DB = "gundem.duckdb"

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    text_hash VARCHAR,
    source VARCHAR, outlet VARCHAR, url VARCHAR, title VARCHAR,
    published VARCHAR, published_from VARCHAR, dateline VARCHAR,
    language VARCHAR, format VARCHAR, text VARCHAR,
    removed JSON, entities JSON, quotes JSON, claims JSON, times JSON,
    event_id VARCHAR, story_id VARCHAR, duplicate_of VARCHAR,
    added_at TIMESTAMP DEFAULT current_timestamp,
    sentences JSON
);
CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, aliases JSON
);
CREATE TABLE IF NOT EXISTS article_entities (
    article_id VARCHAR, entity_id VARCHAR, name VARCHAR, type VARCHAR,
    mentions INTEGER, roles JSON, aliases JSON
);
CREATE TABLE IF NOT EXISTS errors (
    source VARCHAR, kind VARCHAR, message VARCHAR,
    seen_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS events (id VARCHAR PRIMARY KEY, story_id VARCHAR, date VARCHAR, data JSON);
CREATE TABLE IF NOT EXISTS stories (id VARCHAR PRIMARY KEY, data JSON);
CREATE TABLE IF NOT EXISTS state (key VARCHAR PRIMARY KEY, value JSON);
-- the corpus-wide entity resolver (gundem.extract.resolve), one row per entity and per
-- key: written in the transaction of the articles that changed it
CREATE TABLE IF NOT EXISTS resolver_entities (id VARCHAR PRIMARY KEY, data JSON);
CREATE TABLE IF NOT EXISTS resolver_keys (key VARCHAR PRIMARY KEY, id VARCHAR);
-- linking state (gundem.link): MinHash signatures, per-event and per-story features,
-- document frequencies of words and names
CREATE TABLE IF NOT EXISTS link_minhash (article_id VARCHAR PRIMARY KEY, sig BLOB);
CREATE TABLE IF NOT EXISTS link_events (id VARCHAR PRIMARY KEY, data JSON);
CREATE TABLE IF NOT EXISTS link_stories (id VARCHAR PRIMARY KEY, data JSON);
CREATE TABLE IF NOT EXISTS link_df (key VARCHAR PRIMARY KEY, df INTEGER);
CREATE TABLE IF NOT EXISTS runs (
    started TIMESTAMP, finished TIMESTAMP, inputs JSON, stats JSON
);
"""

_JSON_COLS = ("removed", "entities", "quotes", "claims", "times", "sentences")


# -- text layer: sentence spans (gundem.turkish.article_sentences) -----------------------
def add_sentence_spans(con: duckdb.DuckDBPyConnection) -> None:
    """Migration: the ``articles.sentences`` column (JSON list of [start, end] spans).
    Old rows keep NULL, which reads as "compute on read" (``Article.sentences == []``)."""
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS sentences JSON")


ARTICLE_COLS = (
    "id", "source", "outlet", "url", "title", "published", "published_from", "dateline",
    "language", "format", "text", *_JSON_COLS, "event_id", "story_id",
)  # fmt: skip
ENTITY_COLS = ("id", "name", "type", "aliases")
LINK_COLS = ("article_id", "entity_id", "name", "type", "mentions", "roles", "aliases")


def _arrow(cols: tuple[str, ...], rows: list[list]) -> Any:
    """Rows → an Arrow table with these column names (mentions as int, the rest text)."""
    import pyarrow as pa

    return pa.table({
        c: pa.array([r[i] for r in rows], pa.int32() if c == "mentions" else pa.string())
        for i, c in enumerate(cols)
    })  # fmt: skip


@contextmanager
def arrow_views(con: duckdb.DuckDBPyConnection, **tables: Any) -> Iterator[None]:
    """Make columns (``{"id": [...], ...}`` or an Arrow table) readable by SQL under
    these names for the block: bulk writes in one statement instead of row by row."""
    import pyarrow as pa

    for name, table in tables.items():
        con.register(name, pa.table(table) if isinstance(table, dict) else table)
    try:
        yield
    finally:
        for name in tables:
            con.unregister(name)


ResolverChanges = tuple[dict[str, dict[str, Any]], dict[str, str]]  # entity id → record, key → id


def _to_json(record: Event | Story) -> str:
    # the fields are plain lists and dicts: no need for asdict's deep copy
    return json.dumps(vars(record), ensure_ascii=False)


def text_hash(article: Article) -> str:
    return content_id(" ".join(article.text.split()), prefix=article.title.strip() + "\n")


class Store:
    """A thin, typed wrapper over the DuckDB file. Not shared across processes."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        if not read_only and self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path, read_only=read_only)
        self._lock = threading.RLock()
        if not read_only:
            self.con.execute(SCHEMA)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._lock:
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            self.con.execute("COMMIT")

    # -- articles ---------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        row = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None

    def add_article(self, article: Article) -> bool:
        """Write one article (and its entity rows) in one transaction. False if already there."""
        return self.add_articles([article]) == 1

    def add_articles(self, articles: list[Article], resolver: ResolverChanges | None = None) -> int:
        """Write whole articles in one transaction (all or none); skip ids already stored.
        ``resolver`` (``EntityResolver.changes()``) is saved in the same transaction, so the
        entity-merging state never lags behind (or runs ahead of) the stored articles.

        Rows go in as Arrow tables, one INSERT per table: row-by-row inserts cost
        about 5 ms an article."""
        import pyarrow as pa

        ids = list(dict.fromkeys(a.id for a in articles))
        stored = {r[0] for r in self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()}  # fmt: skip
        fresh = []
        for a in articles:  # the first of two with one id wins, as with one call each
            if a.id not in stored:
                stored.add(a.id)
                fresh.append(a)
        if not fresh:
            if resolver and (resolver[0] or resolver[1]):
                with self.transaction() as con:
                    self._write_resolver(con, resolver)
            return 0
        cols: dict[str, list] = {c: [] for c in (*ARTICLE_COLS, "text_hash")}
        entity_rows: dict[str, list] = {}
        link_rows: list[list] = []
        for article in fresh:
            d = article.to_dict()
            for c in ARTICLE_COLS:
                cols[c].append(json.dumps(d[c], ensure_ascii=False) if c in _JSON_COLS else d[c])
            cols["text_hash"].append(text_hash(article))
            for e in article.entities:
                eid = e.id or content_id(f"{e.type}:{e.name}")
                aliases = json.dumps(e.aliases, ensure_ascii=False)
                entity_rows[eid] = [eid, e.name, e.type, aliases]
                roles = json.dumps(e.roles, ensure_ascii=False)
                link_rows.append([article.id, eid, e.name, e.type, len(e.mentions), roles, aliases])
        tables = {
            "new_articles": pa.table({c: pa.array(v, pa.string()) for c, v in cols.items()}),
            "new_entities": _arrow(ENTITY_COLS, list(entity_rows.values())),
            "new_links": _arrow(LINK_COLS, link_rows),
        }
        names = ", ".join(cols)
        with self.transaction() as con, arrow_views(con, **tables):
            con.execute(f"INSERT INTO articles ({names}) SELECT {names} FROM new_articles")
            con.execute(
                f"INSERT INTO entities SELECT {', '.join(ENTITY_COLS)} FROM new_entities "
                "ON CONFLICT (id) DO NOTHING"
            )
            con.execute(f"INSERT INTO article_entities SELECT {', '.join(LINK_COLS)} FROM new_links")
            if resolver:
                self._write_resolver(con, resolver)
        return len(fresh)

    # -- entity resolver state ------------------------------------------------------
    @staticmethod
    def _write_resolver(con: duckdb.DuckDBPyConnection, changes: ResolverChanges) -> None:
        entities, keys = changes
        rows = {
            "id": list(entities),
            "data": [json.dumps(v, ensure_ascii=False) for v in entities.values()],
        }
        with arrow_views(con, _gundem_res_ent=rows, _gundem_res_keys={
            "key": list(keys), "id": list(keys.values())
        }):  # fmt: skip
            if entities:
                con.execute("INSERT OR REPLACE INTO resolver_entities SELECT * FROM _gundem_res_ent")
            if keys:
                con.execute("INSERT OR REPLACE INTO resolver_keys SELECT * FROM _gundem_res_keys")

    def resolver_state(self) -> dict[str, Any] | None:
        """The saved resolver state (``EntityResolver.from_state``), or None if there is none."""
        ents = self.con.execute("SELECT id, data FROM resolver_entities").fetchall()
        if not ents:
            return None
        keys = self.con.execute("SELECT key, id FROM resolver_keys").fetchall()
        return {
            "version": 1,
            "entities": {i: json.loads(d) for i, d in ents},
            "keys": dict(keys),
        }

    def sync_entity_names(self, names: dict[str, str]) -> int:
        """Set the canonical names of entities (id → name) and rewrite the stored
        articles that still use an older name: a later "Tokyo" renames the entity
        first seen as "TOKYO", in every article. Returns how many articles changed."""
        with self.transaction() as con:
            if names:
                with arrow_views(con, new_names={"id": list(names), "name": list(names.values())}):
                    con.execute(
                        """UPDATE entities SET name = n.name FROM new_names n
                           WHERE entities.id = n.id AND entities.name <> n.name"""
                    )
            rows = con.execute(
                """SELECT DISTINCT ae.article_id, e.id, e.name FROM article_entities ae
                   JOIN entities e ON e.id = ae.entity_id WHERE ae.name <> e.name"""
            ).fetchall()
            if not rows:
                return 0
            current = {eid: name for _, eid, name in rows}
            stale = sorted({aid for aid, _, _ in rows})
            for aid in stale:
                ents, quotes = con.execute(
                    "SELECT entities, quotes FROM articles WHERE id = ?", [aid]
                ).fetchone()
                ents, quotes = json.loads(ents or "[]"), json.loads(quotes or "[]")
                for e in ents:
                    e["name"] = current.get(e.get("id", ""), e["name"])
                for q in quotes:
                    q["speaker"] = current.get(q.get("speaker_id", ""), q["speaker"])
                con.execute(
                    "UPDATE articles SET entities = ?, quotes = ? WHERE id = ?",
                    [json.dumps(ents, ensure_ascii=False), json.dumps(quotes, ensure_ascii=False), aid],
                )
            con.execute(
                """UPDATE article_entities SET name = e.name FROM entities e
                   WHERE e.id = article_entities.entity_id AND article_entities.name <> e.name"""
            )
        return len(stale)

    def known_hashes(self) -> tuple[set[str], set[str]]:
        """All stored article ids and text hashes (for fast duplicate checks in a run)."""
        rows = self.con.execute("SELECT id, text_hash FROM articles").fetchall()
        return {r[0] for r in rows}, {r[1] for r in rows}

    def update_article_links(self, article_id: str, **fields: Any) -> None:
        allowed = {"event_id", "story_id", "duplicate_of", "published", "published_from"}
        cols = [c for c in fields if c in allowed]
        if cols:
            sets = ", ".join(f"{c} = ?" for c in cols)
            self.con.execute(
                f"UPDATE articles SET {sets} WHERE id = ?", [fields[c] for c in cols] + [article_id]
            )

    def _row_to_article(self, row: tuple, cols: list[str]) -> Article:
        d = dict(zip(cols, row, strict=True))
        for c in _JSON_COLS:
            d[c] = json.loads(d[c]) if d.get(c) else []
        return Article.from_dict(d)

    def get_article(self, prefix: str) -> Article | None:
        """By full id or a unique id prefix."""
        rows = self.con.execute(
            f"SELECT {', '.join(ARTICLE_COLS)} FROM articles WHERE id LIKE ? LIMIT 2",
            [prefix + "%"],
        ).fetchall()
        if len(rows) != 1:
            return None
        return self._row_to_article(rows[0], list(ARTICLE_COLS))

    def iter_articles(self, where: str = "", params: Iterable[Any] = ()) -> Iterator[Article]:
        sql = f"SELECT {', '.join(ARTICLE_COLS)} FROM articles {where} ORDER BY published NULLS LAST, id"
        cur = self.con.cursor()
        cur.execute(sql, list(params))
        while batch := cur.fetchmany(500):
            for row in batch:
                yield self._row_to_article(row, list(ARTICLE_COLS))

    def count(self, table: str = "articles") -> int:
        assert table.isidentifier()
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # -- errors and runs ---------------------------------------------------------
    def add_error(self, source: str, kind: str, message: str) -> None:
        self.con.execute(
            "INSERT INTO errors (source, kind, message) VALUES (?, ?, ?)", [source, kind, message]
        )

    def errors(self) -> list[tuple[str, str, str, Any]]:
        return self.con.execute(
            "SELECT source, kind, message, seen_at FROM errors ORDER BY seen_at"
        ).fetchall()

    def add_run(self, started: Any, finished: Any, inputs: list[str], stats: dict) -> None:
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, ?, ?)",
            [started, finished, json.dumps(inputs), json.dumps(stats)],
        )

    # -- corpus-level state (entity resolver, linker) ------------------------------
    def get_state(self, key: str) -> Any:
        row = self.con.execute("SELECT value FROM state WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else None

    def set_state(self, key: str, value: Any) -> None:
        self.con.execute(
            "INSERT INTO state VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )

    # -- events and stories ----------------------------------------------------------
    def put_events(self, events: list[Event]) -> None:
        """Insert or replace event records in one bulk statement."""
        self._bulk_replace(
            "events",
            {
                "id": [e.id for e in events],
                "story_id": [e.story_id for e in events],
                "date": [e.date for e in events],
                "data": [_to_json(e) for e in events],
            },
        )

    def _bulk_replace(self, table: str, columns: dict[str, list]) -> None:
        if not columns["id"]:
            return
        with arrow_views(self.con, _gundem_bulk=columns):
            self.con.execute(f"INSERT OR REPLACE INTO {table} SELECT * FROM _gundem_bulk")

    def events(self) -> list[Event]:
        rows = self.con.execute("SELECT data FROM events ORDER BY date NULLS LAST, id").fetchall()
        return [Event(**json.loads(r[0])) for r in rows]

    def put_stories(self, stories: list[Story]) -> None:
        self._bulk_replace(
            "stories", {"id": [s.id for s in stories], "data": [_to_json(s) for s in stories]}
        )

    def stories(self) -> list[Story]:
        rows = self.con.execute("SELECT data FROM stories ORDER BY id").fetchall()
        return [Story(**json.loads(r[0])) for r in rows]

    def record(self, table: str, record_id: str) -> dict[str, Any] | None:
        """One stored event or story as its JSON record, or None."""
        if table not in ("events", "stories"):
            raise ValueError(f"no records in {table!r}")
        row = self.con.execute(f"SELECT data FROM {table} WHERE id = ?", [record_id]).fetchone()
        return json.loads(row[0]) if row else None

    def event_records(self, ids: list[str]) -> list[dict[str, Any]]:
        """The events with these ids, by date (undated last), as JSON records."""
        if not ids:
            return []
        rows = self.con.execute(
            "SELECT data FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))"
            " ORDER BY date NULLS LAST, id",
            [ids],
        ).fetchall()
        return [json.loads(r[0]) for r in rows]

    # -- entity queries (CLI, API) -----------------------------------------------------
    def entity_counts(self, type_: str | None = None, top: int = 30) -> list[tuple]:
        """(name, type, articles, mentions, aliases) for the most-named entities."""
        where = "WHERE ae.type = ?" if type_ else ""
        rows = self.con.execute(
            f"""SELECT e.name, e.type, count(DISTINCT ae.article_id), sum(ae.mentions),
                       list(DISTINCT a.alias)
                FROM article_entities ae JOIN entities e ON e.id = ae.entity_id,
                     unnest(from_json(ae.aliases, '["VARCHAR"]')) AS a(alias)
                {where}
                GROUP BY e.name, e.type ORDER BY 3 DESC, 4 DESC, 1 LIMIT ?""",
            [type_, top] if type_ else [top],
        ).fetchall()
        return [(n, t, c, m, sorted(a)) for n, t, c, m, a in rows]

    def entity_articles(self, name: str) -> list[tuple]:
        """Articles naming an entity (by canonical name or any alias, case-insensitive)."""
        return [
            (canon, aid, pub, outlet, title, mentions, json.loads(roles or "[]"))
            for canon, aid, pub, outlet, title, mentions, roles in self.con.execute(
                """SELECT DISTINCT e.name, a.id, a.published, a.outlet, a.title, ae.mentions, ae.roles
                   FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                   JOIN articles a ON a.id = ae.article_id
                   WHERE ae.entity_id IN (
                       SELECT entity_id FROM article_entities x
                       WHERE lower(x.name) = lower(?)
                          OR list_contains(from_json(lower(x.aliases), '["VARCHAR"]'), lower(?)))
                   ORDER BY a.published NULLS LAST""",
                [name, name],
            ).fetchall()
        ]
