"""One write path (issue 12): ``gundem run`` and ``POST /api/ingest`` store the same corpus.

The demo corpus's text inputs go through the command line into one database and through the
API, as one request, into another; both must hold the same articles, the same canonical
entity names and the same event and story grouping.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from gundem.cli import app as cli_app
from gundem.cli import demo_path
from gundem.serve.api import create_app

KEY = "yazma-anahtari"


def _snapshot(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT id, text_hash, event_id, story_id FROM articles").fetchall()
        names = con.execute(
            "SELECT article_id, name, type FROM article_entities ORDER BY ALL"
        ).fetchall()
        entities = con.execute("SELECT name, type FROM entities ORDER BY ALL").fetchall()
        speakers = con.execute("SELECT id, quotes FROM articles ORDER BY id").fetchall()
    finally:
        con.close()

    def groups(col: int) -> set[frozenset[str]]:
        by: dict[str, set[str]] = {}
        for r in rows:
            if r[col]:
                by.setdefault(r[col], set()).add(r[0])
        return {frozenset(g) for g in by.values()}

    return {
        "articles": sorted((r[0], r[1]) for r in rows),
        "article_entities": names,
        "entities": entities,
        "quotes": speakers,
        "events": groups(2),
        "stories": groups(3),
        "unlinked": sorted(r[0] for r in rows if not r[2]),
    }


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    tmp = tmp_path_factory.mktemp("write-path")
    folder = demo_path() / "text"
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 9

    cli_db = tmp / "cli.duckdb"
    res = CliRunner().invoke(cli_app, ["run", str(folder), "--db", str(cli_db), "-w", "1", "-q"])
    assert res.exit_code == 0, res.output

    api_db = tmp / "api.duckdb"
    docs = [{"text": f.read_bytes().decode("utf-8")} for f in files]  # the bytes as read
    app = create_app(api_db, api_key=KEY, allowed_hosts=["testserver"])
    with TestClient(app) as client:
        r = client.post("/api/ingest", json={"documents": docs}, headers={"X-API-Key": KEY})
        assert r.status_code == 201, r.text
        body = r.json()
        assert len(body["added"]) == 9 and body["errors"] == [], body
        again = client.post("/api/ingest", json={"documents": docs[:2]}, headers={"X-API-Key": KEY})
        assert again.json()["added"] == [] and len(again.json()["duplicates"]) == 2
    return _snapshot(cli_db), _snapshot(api_db)


def test_run_and_api_store_the_same_articles(both) -> None:
    cli, api = both
    assert len(cli["articles"]) == 9
    assert api["articles"] == cli["articles"]


def test_run_and_api_give_the_same_canonical_entity_names(both) -> None:
    cli, api = both
    assert cli["article_entities"], "the demo texts name entities"
    assert api["article_entities"] == cli["article_entities"]
    assert api["entities"] == cli["entities"]
    assert api["quotes"] == cli["quotes"]  # quote speakers follow the canonical names


def test_run_and_api_group_articles_into_the_same_events_and_stories(both) -> None:
    cli, api = both
    assert cli["unlinked"] == [] and api["unlinked"] == []
    assert api["events"] == cli["events"]
    assert api["stories"] == cli["stories"]
