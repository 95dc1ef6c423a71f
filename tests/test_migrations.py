"""Schema versions: the committed file written by commit 97ab3f9 (schema version 1) opens,
migrates once, and keeps its articles and entities; new files are born current."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from gundem.store import open_store, schema
from gundem.store.schema import SchemaError

V1 = Path(__file__).parent / "data" / "schema-v1.duckdb"


@pytest.fixture
def old_db(tmp_path) -> Path:
    db = tmp_path / "eski.duckdb"
    shutil.copy(V1, db)
    return db


def _tables(path: Path) -> dict[str, list[tuple[str, str]]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "ORDER BY table_name, ordinal_position"
        ).fetchall()
    finally:
        con.close()
    out: dict[str, list[tuple[str, str]]] = {}
    for t, c, d in rows:
        out.setdefault(t, []).append((c, d))
    return out


def test_fixture_is_small_and_version_1():
    assert V1.stat().st_size < 1_000_000
    tables = _tables(V1)
    assert "resolver_entities" not in tables and "schema_version" not in tables


def test_old_file_migrates_and_keeps_its_articles_and_entities(old_db):
    with open_store(old_db) as store:
        assert store.schema_version() == schema.latest() == 5
        arts = list(store.iter_articles())
        assert len(arts) == 3
        titles = {a.title for a in arts}
        assert "İzmir'de caz festivali başladı" in titles
        names = {e.name for a in arts for e in a.entities}
        assert {"Ayşe Yıldırım", "Mehmet Kaya", "Samsun"} <= names
        assert store.count("entities") == 6
        assert {a.event_id for a in arts} and all(a.event_id for a in arts)
        izmir = next(a for a in arts if a.title.startswith("İzmir"))
        assert store.get_article(izmir.id).text == izmir.text
        assert store.resolver_state() is None  # version 1 kept it whole under `state`
        assert store.get_state("entities.resolver")["entities"]


def test_second_open_is_a_no_op(old_db, monkeypatch):
    open_store(old_db).close()
    calls: list[int] = []
    spied = [(v, lambda con, v=v: calls.append(v)) for v, _ in schema.MIGRATIONS]
    monkeypatch.setattr(schema, "MIGRATIONS", spied)
    with open_store(old_db) as store:
        assert store.schema_version() == 5 and store.count() == 3
    assert calls == []
    con = duckdb.connect(str(old_db))
    try:
        assert schema.migrate(con) == []
    finally:
        con.close()


def test_migrated_and_new_files_have_the_same_schema(old_db, tmp_path):
    open_store(old_db).close()
    fresh = tmp_path / "yeni.duckdb"
    open_store(fresh).close()
    assert _tables(old_db) == _tables(fresh)


def test_migration_is_all_or_nothing(old_db, monkeypatch):
    def broken(con):
        con.execute("CREATE TABLE yarim (x INTEGER)")
        raise RuntimeError("göç yarıda kaldı")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, (3, broken)])
    with pytest.raises(RuntimeError, match="yarıda"):
        open_store(old_db)
    tables = _tables(old_db)
    assert "yarim" not in tables and "resolver_entities" not in tables


def test_read_only_open_of_an_old_file_says_how_to_migrate(old_db):
    with pytest.raises(SchemaError, match=r"version 1, this gundem needs 5.*gundem\.store migrate"):
        open_store(old_db, read_only=True)
    from gundem.store.__main__ import main

    assert main(["migrate", str(old_db)]) == 0
    with open_store(old_db, read_only=True) as store:
        assert store.count() == 3


def test_a_newer_file_is_refused(old_db):
    con = duckdb.connect(str(old_db))
    schema.migrate(con)
    con.execute("UPDATE schema_version SET version = 99")
    con.close()
    for read_only in (False, True):
        with pytest.raises(SchemaError, match="newer than this gundem"):
            open_store(old_db, read_only=read_only)


def test_file_from_before_versioning_with_resolver_tables_is_version_2(tmp_path):
    db = tmp_path / "dun.duckdb"
    con = duckdb.connect(str(db))
    con.execute(schema.BASE_SCHEMA)
    schema._v2_resolver_tables(con)  # what the unversioned code of issue 11 wrote
    assert schema.current_version(con) == 2
    con.close()
    with open_store(db) as store:  # migrations 3 to 5 are applied
        assert store.schema_version() == 5


def test_cli_read_only_command_on_an_old_file_is_one_line(old_db):
    from typer.testing import CliRunner

    from gundem.cli import app

    res = CliRunner().invoke(app, ["errors", "--db", str(old_db)])
    assert res.exit_code == 2
    assert "python -m gundem.store migrate" in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1
