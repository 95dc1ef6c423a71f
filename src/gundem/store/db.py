"""The store: one DuckDB file, the single source of truth.

All of gundem's SQL lives in this package: the schema and its migrations in
``gundem.store.schema``, the linker's persistence in ``gundem.store.linkstate``, every
other read and write here (``Store``) and in ``gundem.store.read``. The roles a store
plays are the protocols of ``gundem.store.protocols``; ``gundem.store.open_store`` opens one.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import duckdb

from gundem.model import Article, Event, Story, content_id
from gundem.store import schema
from gundem.turkish.normalize import casefold_tr

if TYPE_CHECKING:
    from gundem.store.linkstate import DuckLinkState
    from gundem.store.search import SearchIndex

DEFAULT_DB = "gundem.duckdb"

# read-model projections (gundem.store.read): one row per quote and per claim, with the
# folded search keys (folded()) written at insert time, so every reader filters alike.
# Added to every file by migration 3 (add_folded_columns, with name_folded/aliases_folded
# on article_entities).
READ_MODEL_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_quotes (
    article_id VARCHAR, n INTEGER, speaker VARCHAR, speaker_folded VARCHAR,
    speaker_id VARCHAR, data JSON
);
CREATE TABLE IF NOT EXISTS article_claims (
    article_id VARCHAR, n INTEGER, unit VARCHAR, unit_folded VARCHAR, data JSON
);
"""

_JSON_COLS = ("removed", "entities", "quotes", "claims", "times", "sentences", "flags")


# -- text layer: sentence spans (gundem.turkish.article_sentences) -----------------------
def add_sentence_spans(con: duckdb.DuckDBPyConnection) -> None:
    """Migration: the ``articles.sentences`` column (JSON list of [start, end] spans).
    Old rows keep NULL, which reads as "compute on read" (``Article.sentences == []``)."""
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS sentences JSON")


def add_article_flags(con: duckdb.DuckDBPyConnection) -> None:
    """Migration: ``articles.flags`` (JSON list: ``short``, ``title_only``) and
    ``articles.not_extracted`` (why extractors skipped it); old rows keep NULL (none)."""
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS flags JSON")
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS not_extracted VARCHAR")
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS body_hash VARCHAR")
    con.create_function("gundem_body_hash", _body_key, ["VARCHAR"], "VARCHAR",
                        null_handling="special")  # type: ignore[call-overload]  # fmt: skip
    try:
        con.execute("UPDATE articles SET body_hash = gundem_body_hash(text) WHERE body_hash IS NULL")
    finally:
        con.remove_function("gundem_body_hash")


ARTICLE_COLS = (
    "id", "source", "outlet", "url", "title", "published", "published_from", "dateline",
    "language", "format", "text", *_JSON_COLS, "event_id", "story_id", "not_extracted",
    "duplicate_of",
)  # fmt: skip
ENTITY_COLS = ("id", "name", "type", "aliases")
LINK_COLS = (
    "article_id", "entity_id", "name", "type", "mentions", "roles", "aliases",
    "name_folded", "aliases_folded",
)  # fmt: skip


# -- folded search columns (read model) ------------------------------------------------------


def folded(text: str | None) -> str:
    """The search key of a name or unit: Turkish case folding (``casefold_tr``), then ı merged
    into i, because capitals lose the dot: ``ILHAM`` is İLHAM and must find "İlham", while
    ``ILIK`` and "ılık" fold alike anyway. Written once at insert time; queries fold the same way."""
    return casefold_tr(text or "").replace("ı", "i")


def _folded_list(aliases_json: str | None) -> str:
    return json.dumps([folded(a) for a in json.loads(aliases_json or "[]")], ensure_ascii=False)


def _projection_tables(articles: list[Article]) -> dict[str, Any]:
    """Rows of the quote and claim projections of these articles, as Arrow tables."""
    import pyarrow as pa

    q: dict[str, list] = {
        c: [] for c in ("article_id", "n", "speaker", "speaker_folded", "speaker_id", "data")
    }
    c: dict[str, list] = {k: [] for k in ("article_id", "n", "unit", "unit_folded", "data")}
    for a in articles:
        for n, quote in enumerate(a.quotes):
            row = [a.id, n, quote.speaker, folded(quote.speaker), quote.speaker_id,
                   json.dumps(vars(quote), ensure_ascii=False)]  # fmt: skip
            for k, v in zip(q, row, strict=True):
                q[k].append(v)
        for n, claim in enumerate(a.claims):
            row = [
                a.id,
                n,
                claim.unit,
                folded(claim.unit),
                json.dumps(vars(claim), ensure_ascii=False),
            ]
            for k, v in zip(c, row, strict=True):
                c[k].append(v)
    int_cols = {"n"}
    return {
        name: pa.table(
            {k: pa.array(v, pa.int32() if k in int_cols else pa.string()) for k, v in cols.items()}
        )
        for name, cols in (("new_quotes", q), ("new_claims", c))
    }


def _write_projections(con: duckdb.DuckDBPyConnection, articles: list[Article]) -> None:
    tables = _projection_tables(articles)
    with arrow_views(con, **tables):
        con.execute("INSERT INTO article_quotes SELECT * FROM new_quotes")
        con.execute("INSERT INTO article_claims SELECT * FROM new_claims")


def _refold_names(
    con: duckdb.DuckDBPyConnection, names: dict[str, str], articles: list[str]
) -> None:
    """After canonical names changed (entity id → name) in these articles: their quote
    speakers follow, as in the articles' JSON, and the folded keys follow the names."""
    with arrow_views(con, _gundem_renamed={"id": list(names), "name": list(names.values())},
                     _gundem_stale={"article_id": articles}):  # fmt: skip
        con.execute(
            """UPDATE article_quotes SET speaker = n.name FROM _gundem_renamed n
               WHERE n.id = article_quotes.speaker_id
                 AND article_quotes.article_id IN (SELECT article_id FROM _gundem_stale)"""
        )
    _fill_folded(con, only_stale=True)


def _fill_folded(con: duckdb.DuckDBPyConnection, only_stale: bool = False) -> None:
    """Write the folded columns with the one fold function (a Python UDF for the set update)."""
    con.create_function("gundem_folded", folded, ["VARCHAR"], "VARCHAR", null_handling="special")  # type: ignore[call-overload]  # the string form works on duckdb 1.x and 2.x; the stubs want 2.x\'s enum
    con.create_function(
        "gundem_folded_list", _folded_list, ["VARCHAR"], "VARCHAR", null_handling="special"
    )  # type: ignore[call-overload]  # the string form works on duckdb 1.x and 2.x; the stubs want 2.x\'s enum
    try:
        stale = " WHERE name_folded IS DISTINCT FROM gundem_folded(name)" if only_stale else ""
        con.execute(
            "UPDATE article_entities SET name_folded = gundem_folded(name), "
            f"aliases_folded = gundem_folded_list(aliases){stale}"
        )
        stale = (
            " WHERE speaker_folded IS DISTINCT FROM gundem_folded(speaker)" if only_stale else ""
        )
        con.execute(f"UPDATE article_quotes SET speaker_folded = gundem_folded(speaker){stale}")
    finally:
        con.remove_function("gundem_folded")
        con.remove_function("gundem_folded_list")


def add_folded_columns(con: duckdb.DuckDBPyConnection) -> None:
    """Migration: a file written before the read model gets the folded columns on
    ``article_entities`` and the quote and claim projections, filled from the stored articles.
    Idempotent (columns and tables only added when missing; projections of articles that
    already have rows are not written twice)."""
    con.execute("ALTER TABLE article_entities ADD COLUMN IF NOT EXISTS name_folded VARCHAR")
    con.execute("ALTER TABLE article_entities ADD COLUMN IF NOT EXISTS aliases_folded JSON")
    for stmt in READ_MODEL_SCHEMA.split(";"):
        if "article_quotes" in stmt or "article_claims" in stmt:
            con.execute(stmt)
    con.execute(
        """INSERT INTO article_quotes
           SELECT a.id, CAST(q.n - 1 AS INTEGER), q.x->>'speaker', NULL,
                  coalesce(q.x->>'speaker_id', ''), q.x
           FROM articles a, unnest(from_json(a.quotes, '["json"]')) WITH ORDINALITY AS q(x, n)
           WHERE a.id NOT IN (SELECT article_id FROM article_quotes)"""
    )
    con.execute(
        """INSERT INTO article_claims
           SELECT a.id, CAST(c.n - 1 AS INTEGER), coalesce(c.x->>'unit', ''), NULL, c.x
           FROM articles a, unnest(from_json(a.claims, '["json"]')) WITH ORDINALITY AS c(x, n)
           WHERE a.id NOT IN (SELECT article_id FROM article_claims)"""
    )
    con.create_function("gundem_folded_u", folded, ["VARCHAR"], "VARCHAR", null_handling="special")  # type: ignore[call-overload]  # the string form works on duckdb 1.x and 2.x; the stubs want 2.x\'s enum
    try:
        con.execute(
            "UPDATE article_claims SET unit_folded = gundem_folded_u(unit) WHERE unit_folded IS NULL"
        )
    finally:
        con.remove_function("gundem_folded_u")
    _fill_folded(con, only_stale=True)


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


def body_hash(article: Article) -> str:
    """The text alone (whitespace aside): one text under several titles, URLs or outlets
    (wire copy) has one body hash."""
    return _body_key(article.text) or ""


def _body_key(text: str | None) -> str | None:
    return None if text is None else content_id(" ".join(text.split()), prefix="body\n")


class ArticleMeta(NamedTuple):
    """What the report needs of an article, without its text."""

    id: str
    outlet: str | None
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    duplicate_of: str | None
    event_id: str | None
    claims: list[dict[str, Any]]


# what a search index compares to see that an article changed (``SearchIndex.update``)
_SIGNATURE_COLS = "id, title, outlet, published, language, event_id, story_id, length(text)"


class Store:
    """A thin, typed wrapper over the DuckDB file. Not shared across processes.

    Opening read-write brings an older file to the current schema version
    (``gundem.store.schema``); opening an older file read-only raises ``SchemaError``."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if not read_only and self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path, read_only=read_only)
        self._lock = threading.RLock()
        self._depth = 0  # transaction nesting: inner blocks join the outer one
        self._index: SearchIndex | None = None
        self._index_tmp: Any = None  # a temporary folder for the index of a :memory: store
        try:
            if read_only:
                schema.check_readable(self.con, self.path)
            else:
                schema.migrate(self.con, self.path)
        except BaseException:
            self.con.close()
            raise

    @classmethod
    def over(cls, con: duckdb.DuckDBPyConnection, path: str | Path) -> Store:
        """A Store over an open connection (a read-only cursor of the API's reader pool)."""
        store = cls.__new__(cls)
        store.path, store.con, store._lock = str(path), con, threading.RLock()
        return store

    def close(self) -> None:
        self.con.close()
        if self._index_tmp is not None:
            self._index = None
            self._index_tmp.cleanup()
            self._index_tmp = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes in the block or none. A block inside another joins it: the outer one
        commits or rolls back everything."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self.con.execute("BEGIN TRANSACTION")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._depth = 0
                self.con.execute("ROLLBACK")
                raise
            self._depth = 0
            self.con.execute("COMMIT")

    def schema_version(self) -> int:
        return schema.current_version(self.con)

    # -- where other parts keep their state ------------------------------------------------
    def link_state(self) -> DuckLinkState:
        """The linker's persistence (``LinkStateStore``) in this file."""
        from gundem.store.linkstate import DuckLinkState

        return DuckLinkState(self)

    @property
    def index_path(self) -> Path:
        """Where this store's search index lives: beside the file (``gundem.duckdb.index/``);
        a temporary folder, removed on ``close``, for a ``:memory:`` store."""
        if self.path == ":memory:":
            if self._index_tmp is None:
                import tempfile

                self._index_tmp = tempfile.TemporaryDirectory(prefix="gundem-index-")
            return Path(self._index_tmp.name) / "index"
        return Path(self.path + ".index")

    def search_index(self) -> SearchIndex:
        """This store's full-text index (opened once per store; ``update`` it to catch up)."""
        if self._index is None:
            from gundem.store.search import SearchIndex

            self._index = SearchIndex(self.path, path=self.index_path)
        return self._index

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
                with self.transaction():
                    self._write_resolver(self.con, resolver)
            return 0
        cols: dict[str, list] = {c: [] for c in (*ARTICLE_COLS, "text_hash", "body_hash")}
        entity_rows: dict[str, list] = {}
        link_rows: list[list] = []
        for article in fresh:
            d = article.to_dict()
            for c in ARTICLE_COLS:
                cols[c].append(json.dumps(d[c], ensure_ascii=False) if c in _JSON_COLS else d[c])
            cols["text_hash"].append(text_hash(article))
            cols["body_hash"].append(body_hash(article))
            for e in article.entities:
                eid = e.id or content_id(f"{e.type}:{e.name}")
                aliases = json.dumps(e.aliases, ensure_ascii=False)
                entity_rows[eid] = [eid, e.name, e.type, aliases]
                roles = json.dumps(e.roles, ensure_ascii=False)
                link_rows.append([article.id, eid, e.name, e.type, len(e.mentions), roles, aliases,
                                  folded(e.name), _folded_list(aliases)])  # fmt: skip
        tables = {
            "new_articles": pa.table({c: pa.array(v, pa.string()) for c, v in cols.items()}),
            "new_entities": _arrow(ENTITY_COLS, list(entity_rows.values())),
            "new_links": _arrow(LINK_COLS, link_rows),
        }
        names = ", ".join(cols)
        con = self.con
        with self.transaction(), arrow_views(con, **tables):
            con.execute(f"INSERT INTO articles ({names}) SELECT {names} FROM new_articles")
            con.execute(
                f"INSERT INTO entities SELECT {', '.join(ENTITY_COLS)} FROM new_entities "
                "ON CONFLICT (id) DO NOTHING"
            )
            con.execute(
                f"INSERT INTO article_entities SELECT {', '.join(LINK_COLS)} FROM new_links"
            )
            _write_projections(con, fresh)  # read model: quotes and claims, folded keys
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
                con.execute(
                    "INSERT OR REPLACE INTO resolver_entities SELECT * FROM _gundem_res_ent"
                )
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
        con = self.con
        with self.transaction():
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
                row = con.execute(
                    "SELECT entities, quotes FROM articles WHERE id = ?", [aid]
                ).fetchone()
                assert row is not None  # aid came from the join above
                ents, quotes = row
                ents, quotes = json.loads(ents or "[]"), json.loads(quotes or "[]")
                for e in ents:
                    e["name"] = current.get(e.get("id", ""), e["name"])
                for q in quotes:
                    q["speaker"] = current.get(q.get("speaker_id", ""), q["speaker"])
                con.execute(
                    "UPDATE articles SET entities = ?, quotes = ? WHERE id = ?",
                    [
                        json.dumps(ents, ensure_ascii=False),
                        json.dumps(quotes, ensure_ascii=False),
                        aid,
                    ],
                )
            con.execute(
                """UPDATE article_entities SET name = e.name FROM entities e
                   WHERE e.id = article_entities.entity_id AND article_entities.name <> e.name"""
            )
            _refold_names(
                con, current, stale
            )  # read model: speakers and folded keys follow the new names
        return len(stale)

    def known_hashes(self) -> tuple[set[str], set[str]]:
        """All stored article ids and text hashes (for fast duplicate checks in a run)."""
        rows = self.con.execute("SELECT id, text_hash FROM articles").fetchall()
        return {r[0] for r in rows}, {r[1] for r in rows}

    def text_owners(self) -> dict[str, str]:
        """Body hash → id of the first stored article with that text (``duplicate_of``)."""
        rows = self.con.execute(
            "SELECT body_hash, arg_min(coalesce(duplicate_of, id), added_at) FROM articles "
            "WHERE body_hash IS NOT NULL GROUP BY body_hash"
        ).fetchall()
        return dict(rows)

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
        d["not_extracted"] = d.get("not_extracted") or ""
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

    def iter_articles(
        self, *, ids: Sequence[str] | None = None, event_ids: Sequence[str] | None = None
    ) -> Iterator[Article]:
        """Stored articles by (published, id), undated last; ``ids`` / ``event_ids`` keep
        those with one of these ids / events (both given: both must hold)."""
        conds, params = [], []
        for col, values in (("id", ids), ("event_id", event_ids)):
            if values is not None:
                conds.append(f"{col} IN (SELECT unnest(?::VARCHAR[]))")
                params.append(list(values))
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        sql = f"SELECT {', '.join(ARTICLE_COLS)} FROM articles {where} ORDER BY published NULLS LAST, id"
        cur = self.con.cursor()
        cur.execute(sql, params)
        while batch := cur.fetchmany(500):
            for row in batch:
                yield self._row_to_article(row, list(ARTICLE_COLS))

    def count(self, table: str = "articles") -> int:
        assert table.isidentifier()
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        assert row is not None  # count(*) always returns one row
        return row[0]

    # -- errors and runs ---------------------------------------------------------
    def add_error(self, source: str, kind: str, message: str) -> bool:
        """Record an input's error once: the same (source, kind, message) seen again (a
        re-run of the same input) adds nothing. True when it was new."""
        with self.transaction():
            row = self.con.execute(
                "SELECT 1 FROM errors WHERE source = ? AND kind = ? AND message = ? LIMIT 1",
                [source, kind, message],
            ).fetchone()
            if row is None:
                self.con.execute(
                    "INSERT INTO errors (source, kind, message) VALUES (?, ?, ?)",
                    [source, kind, message],
                )
        return row is None

    def errors(self, kind: str | None = None) -> list[tuple[str, str, str, Any]]:
        """Recorded input errors, oldest first; ``kind`` keeps those of one kind."""
        where, params = ("WHERE kind = ? ", [kind]) if kind else ("", [])
        return self.con.execute(
            f"SELECT source, kind, message, seen_at FROM errors {where}ORDER BY seen_at", params
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

    # -- reads of the report, the search index and questions ---------------------------------
    def article_signatures(self) -> list[tuple]:
        """(id, title, outlet, published, language, event_id, story_id, text length) of every
        article: what the search index compares to find changed articles."""
        return self.con.execute(f"SELECT {_SIGNATURE_COLS} FROM articles").fetchall()

    def article_meta(self) -> list[ArticleMeta]:
        """Every article's links, source and claims, without its text."""
        rows = self.con.execute(
            "SELECT id, outlet, title, url, source, published, duplicate_of, event_id, claims "
            "FROM articles"
        ).fetchall()
        return [
            ArticleMeta(aid, outlet, title, url, source, pub, dup, ev, json.loads(cl) if cl else [])
            for aid, outlet, title, url, source, pub, dup, ev, cl in rows
        ]

    def event_entity_counts(self) -> list[tuple[str, str, str, int]]:
        """(event id, entity name, type, articles) over the events' original reports (not
        near-copies), most-reported first."""
        return self.con.execute(
            "SELECT a.event_id, e.name, e.type, count(DISTINCT a.id) AS n "
            "FROM article_entities e JOIN articles a ON a.id = e.article_id "
            "WHERE a.event_id IS NOT NULL AND a.duplicate_of IS NULL "
            "GROUP BY a.event_id, e.name, e.type ORDER BY n DESC, e.name"
        ).fetchall()

    def entity_names(self) -> list[tuple[str, str, list[str], int]]:
        """(name, type, aliases of one of its rows, rows) per entity name and type, most rows first."""
        rows = self.con.execute(
            "SELECT name, type, any_value(aliases), count(*) AS c FROM article_entities "
            "GROUP BY name, type ORDER BY c DESC"
        ).fetchall()
        return [(n, t, json.loads(a) if a else [], c) for n, t, a, c in rows]

    def ids_with_claims(self, limit: int) -> list[str]:
        """Ids of the first ``limit`` articles (by published, id) that have claims."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE claims IS NOT NULL AND json_array_length(claims) > 0 "
            "ORDER BY published NULLS LAST, id LIMIT ?",
            [limit],
        ).fetchall()
        return [r[0] for r in rows]
