"""Every CLI command on the bundled demo corpus (what `gundem demo` builds)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from gundem.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    res = runner.invoke(app, ["demo", "--db", db, "-w", "1"])
    assert res.exit_code == 0, res.output
    assert "new articles" in res.output and "27" in res.output
    return db


def _ok(*args: str) -> str:
    res = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    return res.output


def test_demo_articles_and_languages(demo_db):
    rows = [json.loads(x) for x in _ok("export", "--db", demo_db).splitlines()]
    assert len(rows) == 27
    langs = sorted(r["language"] for r in rows)
    assert langs.count("tr") == 25 and "en" in langs and "de" in langs
    turkish = [r for r in rows if r["language"] == "tr"]
    assert all(r["entities"] for r in turkish)
    assert sum(len(r["quotes"]) for r in turkish) > 20
    assert all(r["event_id"] for r in rows)


def test_entities_entity_quotes(demo_db):
    out = _ok("entities", "--db", demo_db, "--type", "PERSON")
    assert "Erdoğan" in out
    assert "Kishida" in _ok("entity", "Kishida", "--db", demo_db)
    assert "Erdoğan" in _ok("quotes", "--db", demo_db, "--speaker", "erdoğan")
    res = runner.invoke(app, ["entity", "Yokkişi Hiçbiryer", "--db", demo_db])
    assert res.exit_code == 2 and "no entity" in res.output


def test_events_stories_story_report(demo_db, tmp_path):
    assert "events" in _ok("events", "--db", demo_db)
    stories = json.loads(
        "[" + ",".join(_ok("export", "--what", "stories", "--db", demo_db).splitlines()) + "]"
    )
    assert stories and {"id", "title", "event_ids", "timeline", "conflicts"} <= set(stories[0])
    biggest = max(stories, key=lambda s: len(s["event_ids"]))
    out = _ok("story", biggest["id"][:8], "--db", demo_db)
    dates = [t["date"] for t in biggest["timeline"] if t.get("date")]
    assert dates == sorted(dates) and dates[0] in out
    report = tmp_path / "r.html"
    _ok("report", "--db", demo_db, "--out", str(report))
    assert report.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_search_and_ask(demo_db):
    assert "Rize" in _ok("search", "Rize’deki sel", "--db", demo_db)
    out = _ok("ask", "Rize'de kaç kişi tahliye edildi?", "--db", demo_db, "--json")
    answer = json.loads(out)
    assert answer["found"] and all(s["citations"] for s in answer["text_sentences"])
    res = runner.invoke(app, ["ask", "Mars'a kaç astronot gitti?", "--db", demo_db])
    assert res.exit_code == 3


def test_ner_conll(tmp_path):
    conll = tmp_path / "x.conll"
    conll.write_text(
        "ANKARA\tO\n-\tO\nPutin\tO\n'\tO\nden\tO\n\nKim\nJong-un\n'e\nmesaj\n", encoding="utf-8"
    )
    lines = _ok("ner", str(conll)).splitlines()
    assert len(lines) == 10 and lines[5] == ""
    assert all("\t" in x for i, x in enumerate(lines) if i != 5)
    assert lines[2].endswith("B-PERSON") and lines[8] == "'e\tO"


def test_demo_every_article_has_an_outlet(demo_db):
    """Text inputs take the host of the URL line they end with (issue 13, item 7); the
    Günaydın pages, without og:site_name, their JSON-LD publisher."""
    from urllib.parse import urlsplit

    from gundem.cli import demo_path

    truth = json.loads((demo_path() / "truth.json").read_text(encoding="utf-8"))["files"]
    rows = [json.loads(x) for x in _ok("export", "--db", demo_db).splitlines()]
    assert all(r["outlet"] for r in rows), [r["source"] for r in rows if not r["outlet"]]
    for r in rows:
        name = r["source"].replace("\\", "/").rsplit("/demo/", 1)[-1]
        if name.startswith("text/"):
            assert r["outlet"] == urlsplit(truth[name]["url"]).hostname, name
        elif name.startswith("html/") and "gunaydin" in name:
            assert r["outlet"] == "Günaydın Haber", name


def test_readme_commands_hold_on_the_demo(demo_db):
    """The README's `gundem show ID` names a demo article (ids hash the input bytes), and
    `gundem serve --help` works."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    (shown,) = re.findall(r"^gundem show ([0-9a-f]{6,16})\b", readme, re.M)
    out = _ok("show", shown, "--db", demo_db)
    assert "Japonya" in out
    assert "Serve the REST API" in _ok("serve", "--help")
