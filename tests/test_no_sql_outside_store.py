"""All SQL lives in the store sub-package: no module of gundem outside ``gundem/store/``
imports duckdb or calls ``.execute(`` / ``.executemany(`` / ``.sql(`` (an AST scan, so a
string or a comment naming them does not count). Nothing is allow-listed."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "gundem"
STORE = SRC / "store"
SQL_CALLS = {"execute", "executemany", "sql"}


def sql_uses(source: str, name: str = "<string>") -> list[str]:
    """``file:line what`` for each duckdb import and SQL-running call in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Import):
            mods = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            mods = [node.module or ""]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in SQL_CALLS:
                found.append(f"{name}:{node.lineno} .{node.func.attr}(")
            continue
        else:
            continue
        found += [f"{name}:{node.lineno} import {m}" for m in mods if m.split(".")[0] == "duckdb"]
    return found


def test_the_scan_sees_each_way_of_running_sql():
    src = """
import duckdb
from duckdb import connect
def f(store, con):
    store.con.execute("SELECT 1")
    con.cursor().executemany("INSERT INTO t VALUES (?)", [])
    con.sql("SELECT 2")
    "x.execute(" # a string is no call
"""
    assert [u.split(" ", 1)[1] for u in sql_uses(src)] == [
        "import duckdb", "import duckdb", ".execute(", ".executemany(", ".sql(",
    ]  # fmt: skip


def test_no_sql_outside_the_store_package():
    modules = [p for p in SRC.rglob("*.py") if STORE not in p.parents]
    assert len(modules) > 40  # the scan found the package
    uses = [
        u for p in modules for u in sql_uses(p.read_text(encoding="utf-8"), str(p.relative_to(SRC)))
    ]
    assert uses == [], "SQL outside gundem/store/ (move it into a store method):\n" + "\n".join(
        uses
    )
