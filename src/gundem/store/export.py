"""Exports in the stable export contract (docs/export.md): JSONL, CSV, Parquet. Nested
records (articles, events, stories) come from the read model (``gundem.store.read``); the flat
ones (quotes, entities, claims) are one row per fact with its article id, outlet and date."""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from gundem.store import read
from gundem.store.db import Store

# the columns every flat row starts with: which article, which outlet, which day
_ARTICLE = ("article_id", "outlet", "published", "title")
QUOTE_COLUMNS = (*_ARTICLE, "speaker", "speaker_id", "speaker_role", "kind", "cue", "text",
                 "start", "end")  # fmt: skip
CLAIM_COLUMNS = (*_ARTICLE, "text", "value", "unit", "measure", "when", "qualifier",
                 "attributed_to", "sentence", "start", "end")  # fmt: skip
ENTITY_COLUMNS = (*_ARTICLE, "entity_id", "name", "type", "mentions", "aliases", "roles")
_ORDER = "a.published NULLS LAST, a.id"


def _quotes(store: Store) -> Iterator[dict[str, Any]]:
    for q in read._quotes_where(store, "TRUE", [], f"{_ORDER}, q.n"):
        yield {k: getattr(q, k) for k in QUOTE_COLUMNS}


def _claims(store: Store) -> Iterator[dict[str, Any]]:
    for c in read._claims_where(store, "TRUE", [], f"{_ORDER}, c.n"):
        yield {k: getattr(c, k) for k in CLAIM_COLUMNS}


def _entities(store: Store) -> Iterator[dict[str, Any]]:
    rows = store.con.execute(
        f"""SELECT a.id, a.outlet, a.published, a.title, ae.entity_id, e.name, e.type,
                   ae.mentions, ae.aliases, ae.roles
            FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
            JOIN articles a ON a.id = ae.article_id
            ORDER BY {_ORDER}, e.name, ae.entity_id"""
    ).fetchall()
    for *head, aliases, roles in rows:
        yield dict(zip(ENTITY_COLUMNS, [*head, json.loads(aliases or "[]"),
                                        json.loads(roles or "[]")], strict=True))  # fmt: skip


_EXPORTS: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "articles": lambda store: (a.export() for a in store.iter_articles()),
    "events": lambda store: iter(read.export_events(store)),
    "stories": lambda store: iter(read.export_stories(store)),
    "quotes": _quotes,
    "claims": _claims,
    "entities": _entities,
}
WHATS = tuple(_EXPORTS)


def export_records(store: Store, what: str, fragments: bool = False) -> Iterator[dict[str, Any]]:
    """The records of one export; fragments (quoted phrases with no speaker) only if asked."""
    if what not in _EXPORTS:
        raise ValueError(f"unknown export {what!r}")
    if what == "articles":
        return (a.export(fragments) for a in store.iter_articles())
    if what == "quotes" and not fragments:
        return (q for q in _quotes(store) if q.get("kind") != "fragment")
    return _EXPORTS[what](store)


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: Path | None) -> int:
    if fmt == "jsonl":
        return _write_jsonl(records, out)
    if fmt == "csv":
        return _write_csv(records, out)
    if fmt == "parquet":
        assert out is not None, "parquet needs an output file"
        return _write_parquet(records, out)
    raise ValueError(f"unknown format {fmt!r}")


def _write_jsonl(records: Iterable[dict[str, Any]], out: Path | None) -> int:
    fh = out.open("w", encoding="utf-8") if out else sys.stdout
    n = 0
    try:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if out:
            fh.close()
    return n


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    """Nested lists/dicts become JSON strings so every row is one CSV record."""
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
        for k, v in rec.items()
    }


def _write_csv(records: Iterable[dict[str, Any]], out: Path | None) -> int:
    fh = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    writer = None
    n = 0
    try:
        for rec in records:
            row = _flat(rec)
            if writer is None:
                writer = csv.DictWriter(fh, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
            n += 1
    finally:
        if out:
            fh.close()
    return n


def _write_parquet(records: Iterable[dict[str, Any]], out: Path) -> int:
    """Typed columns: lists stay lists and objects structs (their fields the union of the keys
    seen), numbers numbers; strings stay strings (dates too, as in the other formats). DuckDB
    reads the records back as JSON Lines with every row sampled, and writes the Parquet file."""
    import duckdb

    fd, tmp = tempfile.mkstemp(suffix=".jsonl", prefix="gundem-export-")
    os.close(fd)
    try:
        n = _write_jsonl(records, Path(tmp))
        if n == 0:
            return _write_empty_parquet(out)
        con = duckdb.connect()
        try:
            # an impossible date format: ISO-looking strings are not turned into DATE columns
            source = f"""read_json({_literal(tmp)}, format = 'newline_delimited',
                sample_size = -1, maximum_depth = -1, maximum_object_size = 268435456,
                dateformat = '%never', timestampformat = '%never')"""
            cols = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
            select = ", ".join(_column(name, typ) for name, typ, *_ in cols)
            con.execute(f"COPY (SELECT {select} FROM {source}) TO {_literal(str(out))} "
                        "(FORMAT parquet)")  # fmt: skip
        finally:
            con.close()
        return n
    finally:
        os.unlink(tmp)


def _column(name: str, typ: str) -> str:
    """A column as written: a list that was empty in every record (``JSON[]``) becomes a list
    of strings; a value of mixed types stays JSON text."""
    quoted = '"' + name.replace('"', '""') + '"'
    if "JSON[]" not in typ:
        return quoted
    return f"CAST({quoted} AS {typ.replace('JSON[]', 'VARCHAR[]')}) AS {quoted}"


def _literal(value: str) -> str:
    """A SQL string literal (COPY takes no parameters for its paths)."""
    return "'" + value.replace("'", "''") + "'"


def _write_empty_parquet(out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({}), out)
    return 0
