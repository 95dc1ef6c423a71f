"""Exports in the stable export contract: JSONL, CSV, Parquet. Records come from the read
model (``gundem.store.read``)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from gundem.store import read
from gundem.store.db import Store


def export_records(store: Store, what: str, fragments: bool = False) -> Iterator[dict[str, Any]]:
    if what == "articles":
        return (a.export(fragments) for a in store.iter_articles())
    if what == "events":
        return iter(read.export_events(store))
    if what == "stories":
        return iter(read.export_stories(store))
    raise ValueError(f"unknown export {what!r}")


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
    """Nested lists/dicts become JSON strings so every row is one CSV/Parquet record."""
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
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_flat(r) for r in records]
    table = pa.Table.from_pylist(rows) if rows else pa.table({})
    pq.write_table(table, out)
    return len(rows)
