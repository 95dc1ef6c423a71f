"""What every command shares: the consoles, escaping of data for the terminal, the database
options, opening the store, output formats of the listings, and date checks."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, is_dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from gundem.periods import period_problem
from gundem.store.db import DEFAULT_DB, Store
from gundem.store.schema import SchemaError

# emoji=False: a ":name:" in a title stays text. Every string from the data, a file name or the
# command line goes through _s() before rich sees it (markup escaped, control characters visible).
console = Console(emoji=False)
err_console = Console(stderr=True, emoji=False)

# C0/C1 controls (ESC included), bidi overrides, line separators, lone surrogates (undecodable
# file names): none of them may reach the terminal as they are.
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(ch: str) -> str:
    n = ord(ch)
    return _NAMED.get(ch) or (f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}")


def _s(value: object, multiline: bool = False) -> str:
    """``value`` as rich markup that prints literally: ``[`` escaped, control characters shown
    as escapes (``\\n``, ``\\x1b``); ``multiline`` keeps newlines and tabs."""
    keep = "\n\t" if multiline else ""
    text = _UNSAFE.sub(lambda m: m[0] if m[0] in keep else _visible(m[0]), str(value))
    return escape(text)


DbOption = typer.Option(
    DEFAULT_DB, "--db", help="DuckDB file (created if missing).", envvar="GUNDEM_DB"
)
# the read-only commands: they never create a database
ReadDbOption = typer.Option(
    DEFAULT_DB, "--db", help="DuckDB file to read (written by `gundem run`).", envvar="GUNDEM_DB"
)


def _open(db: str, read_only: bool = False) -> Store:
    """The store, or one line saying why not: missing, or held by another gundem process
    (DuckDB allows many readers or one writer per file)."""
    from gundem.store.locks import DatabaseError, busy_message, is_lock_error

    if read_only and not Path(db).exists():
        fail(f"{db}: no such database; run `gundem run PATH` first")
    try:
        return Store(db, read_only=read_only)
    except DatabaseError as exc:
        if not is_lock_error(exc):
            raise
        err_console.print(f"[red]error:[/] {_s(busy_message(db, read_only))}", highlight=False,
                          soft_wrap=True)  # fmt: skip
        raise typer.Exit(2) from None
    except SchemaError as e:
        err_console.print(f"[red]error:[/] {_s(e)}", soft_wrap=True)
        raise typer.Exit(2) from None


# -- listings: a table for people, json / jsonl / csv for scripts -------------------------------


class Out(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = typer.Option(
    Out.table, "--format", help="table (default), json (one array), jsonl (one object a line), csv."
)
JsonOption = typer.Option(False, "--json", help="JSON: short for --format json.")


def plain(value: Any) -> Any:
    """A dataclass (or list of them) as JSON-ready dicts; dates and other objects as strings."""
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    elif isinstance(value, list):
        value = [asdict(v) if is_dataclass(v) and not isinstance(v, type) else v for v in value]
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def emit(rows: list[Any], fmt: Out, as_json: bool = False) -> bool:
    """Print ``rows`` in a machine format and return True; False when a table is wanted."""
    from gundem.store.export import write_records

    fmt = Out.json if as_json else fmt
    if fmt is Out.table:
        return False
    records = plain(rows)
    if fmt is Out.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        write_records(records, fmt.value, None)
    return True


def emit_one(obj: Any, as_json: bool) -> bool:
    """One object (a story, an answer) as indented JSON when ``as_json``."""
    if as_json:
        print(json.dumps(plain(obj), ensure_ascii=False, indent=2))
    return as_json


# -- dates on the command line ------------------------------------------------------------------


def check_dates(date_from: str | None, date_to: str | None) -> None:
    """One line and exit 2 for a date that is not one, or a --from after --to."""
    problem = period_problem(date_from, date_to)
    if problem:
        fail(problem)


def fail(message: str, code: int = 2) -> None:
    """The one-line error every command gives, then exit ``code``."""
    err_console.print(f"[red]error:[/] {_s(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)
