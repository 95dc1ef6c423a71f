"""DuckDB's one-writer rule, said in one line: many processes may read a file, or one may
write it. These name the refusal so the CLI and the API can say what to do instead of
showing a traceback."""

from __future__ import annotations

from pathlib import Path

import duckdb

Connection = duckdb.DuckDBPyConnection
DatabaseError = duckdb.Error  # what a refused or failed open raises


def connect(path: str, read_only: bool) -> Connection:
    """A raw connection to the file (the API's reader pool wraps it with ``Store.over``)."""
    return duckdb.connect(path, read_only=read_only)


class DatabaseBusy(Exception):
    """The database file is held by another process; the message is one line for the user."""


def is_lock_error(exc: BaseException) -> bool:
    """DuckDB refused the file because another process holds it (or, in this process, a
    connection of the other kind: read-only against read-write)."""
    msg = str(exc).lower()
    return isinstance(exc, duckdb.Error) and ("lock" in msg or "different configuration" in msg)


def busy_message(path: str, read_only: bool) -> str:
    name = Path(path).name
    if read_only:
        return (f"{name} is being written by another gundem process (gundem run?); "
                "try again when it has finished")  # fmt: skip
    return (f"{name} is in use by another gundem process (gundem serve?); "
            "stop it or use another --db")  # fmt: skip
