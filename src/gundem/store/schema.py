"""The DuckDB schema and its versions: a frozen base schema plus ordered migrations.

A database file records its version in the one-row table ``schema_version``. Opening a
file read-write brings it to ``LATEST`` in one transaction (all migrations or none);
a new file is the base schema plus every migration, so new and migrated files can never
drift apart. Files written before versioning existed have no ``schema_version`` table:
they are version 2 if they have the resolver tables, else version 1 (version 3 came with
versioning).

Adding a migration is a one-function change: write ``def _v3_...(con)`` that changes the
schema (and, if needed, rewrites rows), append ``(3, _v3_...)`` to ``MIGRATIONS``, and the
next read-write open of every file applies it. Never edit ``BASE_SCHEMA`` or an existing
migration: files in the field have already run them. Make the statements safe to run on
a file that already has the change (``IF NOT EXISTS``), which costs nothing and keeps a
half-understood old file from failing.

A read-only open of an older file cannot migrate it (DuckDB writes nothing on a read-only
connection) and raises ``SchemaError`` telling the user to migrate it once
(``python -m gundem.store migrate FILE``).
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

Connection = duckdb.DuckDBPyConnection

# Version 1: the schema of commit 97ab3f9 (before issue 11's resolver tables). Frozen.
BASE_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    text_hash VARCHAR,
    source VARCHAR, outlet VARCHAR, url VARCHAR, title VARCHAR,
    published VARCHAR, published_from VARCHAR, dateline VARCHAR,
    language VARCHAR, format VARCHAR, text VARCHAR,
    removed JSON, entities JSON, quotes JSON, claims JSON, times JSON,
    event_id VARCHAR, story_id VARCHAR, duplicate_of VARCHAR,
    added_at TIMESTAMP DEFAULT current_timestamp
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


class SchemaError(RuntimeError):
    """A database file this code cannot use as it is (too old for a read-only open, or newer)."""


def _v2_resolver_tables(con: Connection) -> None:
    """The corpus-wide entity resolver (gundem.extract.resolve), one row per entity and per
    key, written in the transaction of the articles that changed it. A resolver state saved
    whole in ``state`` (version 1) moves here with the next run (``engine.run.load_resolver``)."""
    con.execute("CREATE TABLE IF NOT EXISTS resolver_entities (id VARCHAR PRIMARY KEY, data JSON)")
    con.execute("CREATE TABLE IF NOT EXISTS resolver_keys (key VARCHAR PRIMARY KEY, id VARCHAR)")


def _v3_read_model(con: Connection) -> None:
    """The read model's folded search columns and quote/claim projections (gundem.store.read),
    filled from the stored articles."""
    from gundem.store.db import add_folded_columns  # db imports this module

    add_folded_columns(con)


def _v4_article_sentences(con: Connection) -> None:
    """Sentence spans stored on each article (the text layer's one segmentation); old rows
    keep NULL, read as "compute on read"."""
    from gundem.store.db import add_sentence_spans  # db imports this module

    add_sentence_spans(con)


def _v5_article_flags(con: Connection) -> None:
    """What a reader should know about each article: its flags (``short``, ``title_only``)
    and why extractors did not run on it (``not_extracted``); old rows read as none."""
    from gundem.store.db import add_article_flags  # db imports this module

    add_article_flags(con)


# (version, function): applied in this order to files older than the version.
MIGRATIONS: list[tuple[int, Callable[[Connection], None]]] = [
    (2, _v2_resolver_tables),
    (3, _v3_read_model),
    (4, _v4_article_sentences),
    (5, _v5_article_flags),
]


def latest() -> int:
    return MIGRATIONS[-1][0] if MIGRATIONS else 1


def _tables(con: Connection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    ).fetchall()
    return {r[0] for r in rows}


def current_version(con: Connection) -> int:
    """The file's schema version; 0 for an empty file."""
    tables = _tables(con)
    if "schema_version" in tables:
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
        if row and row[0] is not None:
            return int(row[0])
    if "articles" not in tables:
        return 0
    return 2 if "resolver_entities" in tables else 1  # written before versioning


def _set_version(con: Connection, version: int) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (?)", [version])


def migrate(con: Connection, path: str = "") -> list[int]:
    """Bring the file to ``latest()`` in one transaction; the versions applied (none if current)."""
    version = current_version(con)
    target = latest()
    if version > target:
        raise SchemaError(_newer(path, version, target))
    if version == target:
        return []
    todo = [(v, fn) for v, fn in MIGRATIONS if v > version]
    con.execute("BEGIN TRANSACTION")
    try:
        if version == 0:
            con.execute(BASE_SCHEMA)
        for _v, fn in todo:
            fn(con)
        _set_version(con, target)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return [v for v, _ in todo]


def check_readable(con: Connection, path: str) -> None:
    """For a read-only open: the file must be at the current version already."""
    version = current_version(con)
    target = latest()
    if version > target:
        raise SchemaError(_newer(path, version, target))
    if 0 < version < target:
        raise SchemaError(
            f"{path}: database schema version {version}, this gundem needs {target}; "
            f"migrate it once (it is opened read-only here): python -m gundem.store migrate {path}"
        )


def _newer(path: str, version: int, target: int) -> str:
    return (
        f"{path}: database schema version {version} is newer than this gundem knows ({target}); "
        "upgrade gundem to open it"
    )
