"""The read model: one set of listings for the CLI, the API, the report and the export,
read from projections, with names matched on folded columns written once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from gundem.cli import app as cli_app
from gundem.model import Article, Claim, Entity, Event, Quote, Story
from gundem.serve.api import create_app
from gundem.store import read
from gundem.store.db import Store, add_folded_columns

runner = CliRunner()

ILHAM = "İlham Aksoy"
ILIK = "Ilıkpınar Muhtarı Veli Sarı"


def _articles() -> list[Article]:
    def art(i: int, speaker: str, sid: str, said: str, unit: str) -> Article:
        return Article(
            id=f"okuma{i:02d}", source=f"t/{i}", language="tr", outlet="Yerel Gazete",
            published=f"2024-05-{10 + i:02d}", title=f"Köy yolu tartışması {i}",
            text=f"{speaker} köy yolunun bu yaz biteceğini söyledi. {said}",
            entities=[Entity(name=speaker, type="PERSON", aliases=[speaker.split()[0].upper()], id=sid,
                             mentions=[(0, len(speaker))])],
            quotes=[Quote(speaker=speaker, text=said, cue="dedi", speaker_id=sid)],
            claims=[Claim(text=f"{i + 2} kilometre", value=float(i + 2), unit=unit)],
            event_id="olay1" if i < 2 else None,
        )  # fmt: skip

    return [
        art(0, ILHAM, "kisi-ilham", "Yol eylülde hizmete girecek.", "Kilometre"),
        art(1, ILIK, "kisi-ilik", "Muhtarlık olarak destek veriyoruz.", "İşçi"),
        art(2, "Deniz Toprak", "kisi-deniz", "Bütçe yeterli değil.", "ılık su hattı"),
    ]


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "okuma.duckdb")
    with Store(path) as s:
        s.add_articles(_articles())
        s.put_events([Event(id="olay1", date="2024-05-10", headline="Köy yolu",
                            article_ids=["okuma00", "okuma01"], story_id="hikaye1")])  # fmt: skip
        s.put_stories([Story(id="hikaye1", title="Köy yolları", event_ids=["olay1"],
                             timeline=[{"event_id": "olay1", "date": "2024-05-10", "headline": "Köy yolu"}])])  # fmt: skip
    return path


def _cli(*args: str) -> str:
    res = runner.invoke(cli_app, list(args), env={"COLUMNS": "300"})
    assert res.exit_code == 0, res.output
    return res.output


@pytest.mark.parametrize(
    ("query", "speaker"),
    [("İlham", ILHAM), ("ilham", ILHAM), ("ILHAM", ILHAM), ("ılık", ILIK), ("ILIK", ILIK),
     ("ilıkpınar", ILIK)],
)  # fmt: skip
def test_cli_and_api_find_the_same_quotes_for_every_case_of_a_turkish_name(
    db: str, query: str, speaker: str
) -> None:
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as c:
        items = c.get("/api/quotes", params={"speaker": query}).json()["items"]
    assert [i["speaker"] for i in items] == [speaker]
    out = _cli("quotes", "--speaker", query, "--db", db)
    assert "1 quotes" in out and items[0]["text"] in out


def test_entities_and_claims_match_folded_names(db: str) -> None:
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as c:
        for q in ("İLHAM", "ilham", "ILIKPINAR"):
            names = [e["name"] for e in c.get("/api/entities", params={"q": q}).json()["items"]]
            assert len(names) == 1 and names[0] in (ILHAM, ILIK), q
        units = [x["unit"] for x in c.get("/api/claims", params={"unit": "işçi"}).json()["items"]]
        assert units == ["İşçi"]
        units = [x["unit"] for x in c.get("/api/claims", params={"unit": "ILIK"}).json()["items"]]
        assert units == ["ılık su hattı"]
    assert ILHAM in _cli("entity", "ilham aksoy", "--db", db)
    assert ILHAM in _cli("entity", "İLHAM", "--db", db)  # an alias, folded


def test_listings_read_projections_not_whole_articles(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_articles(*_a, **_k):
        raise AssertionError("a listing loaded whole articles")

    api = create_app(db, allowed_hosts=["testserver"])  # indexing at start reads articles
    monkeypatch.setattr(Store, "iter_articles", no_articles)
    monkeypatch.setattr(Article, "from_dict", no_articles)
    with TestClient(api) as c:
        arts = c.get("/api/articles").json()["items"]
        assert {a["id"]: (a["n_entities"], a["n_quotes"], a["n_claims"]) for a in arts} == {
            f"okuma{i:02d}": (1, 1, 1) for i in range(3)
        }
        ent = c.get("/api/entities/kisi-ilham").json()
        assert ent["roles"] == [] and [q["text"] for q in ent["quotes"]] == [
            "Yol eylülde hizmete girecek."
        ]
        assert [a["id"] for a in ent["articles"]] == ["okuma00"]
        ev = c.get("/api/events/olay1").json()
        assert [a["id"] for a in ev["articles"]] == ["okuma00", "okuma01"]
        assert [x["unit"] for x in ev["claims"]] == ["Kilometre", "İşçi"]
        assert len(c.get("/api/quotes").json()["items"]) == 3
        assert len(c.get("/api/claims").json()["items"]) == 3
    for cmd in (["quotes"], ["entities"], ["events"], ["stories"], ["story", "hikaye"], ["errors"]):
        _cli(*cmd, "--db", db)


def test_every_api_route_declares_its_response_model(db: str) -> None:
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as c:
        paths = c.get("/openapi.json").json()["paths"]
    for path, ops in paths.items():
        for method, op in ops.items():
            ok = next(v for k, v in op["responses"].items() if k.startswith("2"))
            schema = ok["content"]["application/json"]["schema"]
            assert "$ref" in schema, (method, path, schema)


def test_export_and_cli_tables_do_not_import_serve(db: str, tmp_path: Path) -> None:
    code = f"""
import sys
from typer.testing import CliRunner
from gundem.cli import app
for args in (["events"], ["stories"], ["story", "hikaye"], ["export", "--what", "events"],
             ["export", "--what", "stories"], ["quotes"], ["entities"]):
    res = CliRunner().invoke(app, [*args, "--db", {db!r}])
    assert res.exit_code == 0, res.output
print(sorted(m for m in sys.modules if m.startswith("gundem.serve")))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_cli_tables_and_export_come_from_the_read_model(db: str, tmp_path: Path) -> None:
    with Store(db, read_only=True) as s:
        rows = read.events_table(s)
        assert [(r.id, r.articles, r.outlets) for r in rows] == [("olay1", 2, 1)]
        assert read.stories_table(s) == []  # a one-event story is listed only on request
        assert read.stories_table(s, singles=True)[0].events == 1
        assert read.counts(s) == read.Counts(3, 3, 3, 3, 1, 1, 0)
    out = tmp_path / "olaylar.jsonl"
    _cli("export", "--what", "events", "--out", str(out), "--db", db)
    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert (
        rec["id"] == "olay1" and [d["date_from"] for d in rec["article_dates"]] == ["published"] * 2
    )


def test_renamed_entity_renames_its_quotes_in_the_read_model(db: str) -> None:
    with Store(db) as s:
        s.con.execute("UPDATE entities SET name = 'İlham Aksoy Yılmaz' WHERE id = 'kisi-ilham'")
        s.sync_entity_names({"kisi-ilham": "İlham Aksoy Yılmaz"})
        assert [q.speaker for q in read.quote_page(s, "YILMAZ", 10, 0)] == ["İlham Aksoy Yılmaz"]
        assert s.get_article("okuma00").quotes[0].speaker == "İlham Aksoy Yılmaz"
        assert [e.name for e in read.entity_page(s, "ILHAM AKSOY YILMAZ", None, 10, 0)] == [
            "İlham Aksoy Yılmaz"
        ]


_OLD_SCHEMA = """
CREATE TABLE articles (id VARCHAR PRIMARY KEY, text_hash VARCHAR, source VARCHAR, outlet VARCHAR,
    url VARCHAR, title VARCHAR, published VARCHAR, published_from VARCHAR, dateline VARCHAR,
    language VARCHAR, format VARCHAR, text VARCHAR, removed JSON, entities JSON, quotes JSON,
    claims JSON, times JSON, event_id VARCHAR, story_id VARCHAR, duplicate_of VARCHAR,
    added_at TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE entities (id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, aliases JSON);
CREATE TABLE article_entities (article_id VARCHAR, entity_id VARCHAR, name VARCHAR, type VARCHAR,
    mentions INTEGER, roles JSON, aliases JSON);
"""


def test_add_folded_columns_migrates_a_file_written_before_the_read_model(tmp_path: Path) -> None:
    path = str(tmp_path / "eski.duckdb")
    con = duckdb.connect(path)
    con.execute(_OLD_SCHEMA)
    quotes = json.dumps([{"speaker": ILHAM, "text": "Eski kayıt da bulunur.", "kind": "direct",
                          "cue": "dedi", "start": 0, "end": 0, "speaker_id": "kisi-ilham"}])  # fmt: skip
    claims = json.dumps([{"text": "3 bin", "value": 3000.0, "unit": "İşçi"}])
    con.execute(
        "INSERT INTO articles (id, source, title, published, text, quotes, claims) "
        "VALUES ('eski1', 't', 'Eski haber', '2023-01-02', 'metin', ?, ?)",
        [quotes, claims],
    )
    con.execute("INSERT INTO entities VALUES ('kisi-ilham', ?, 'PERSON', '[]')", [ILHAM])
    con.execute(
        "INSERT INTO article_entities VALUES ('eski1', 'kisi-ilham', ?, 'PERSON', 1, '[]', ?)",
        [ILHAM, json.dumps(["İLHAM"])],
    )
    add_folded_columns(con)
    add_folded_columns(con)  # idempotent
    assert con.execute("SELECT count(*) FROM article_quotes").fetchone()[0] == 1
    assert con.execute("SELECT name_folded, aliases_folded FROM article_entities").fetchone() == (
        "ilham aksoy",
        '["ilham"]',
    )
    con.close()
    with Store(path) as s:  # read-write: migrates the rest of the schema
        assert [q.text for q in read.quote_page(s, "ILHAM", 10, 0)] == ["Eski kayıt da bulunur."]
        assert [c.unit for c in read.claim_page(s, "işçi", 10, 0)] == ["İşçi"]
        assert [a.article_id for a in read.entity_appearances(s, "ilham")] == ["eski1"]
