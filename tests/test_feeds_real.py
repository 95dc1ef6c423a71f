"""Real feed items in, nothing lost (issue 13, points 1, 4, 8, 9).

A feed item is a title and a one-sentence description: it is stored (flagged ``short``),
an empty description keeps its title as text (``title_only``), one text under several
outlets is stored once per outlet (``duplicate_of`` the first), a re-run records no error
again, and an article in a language the extractors do not serve says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gundem.clean.page import to_article
from gundem.cli import app
from gundem.corpus import Corpus
from gundem.ingest.files import read_inputs
from gundem.model import RawDoc
from gundem.stages import build_pipeline
from gundem.store.db import Store
from gundem.store.export import export_records

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "trnews-events-dev" / "items.jsonl"
if not DEV.exists():  # a worktree sits one level deeper than the main checkout
    DEV = Path("/work/shared/data/trnews-events-dev/items.jsonl")
OWN = Path(__file__).parent / "fixtures" / "feed_items.jsonl"
# what these tests do not need: the extractors, linking, the search index (the whole
# pipeline runs on the small fixture below)
FAST = {"extract", "link", "index"}


def _ingest(store: Store, path: Path, skip=FAST, **kw):
    return Corpus(store, build_pipeline(skip), **kw).ingest(read_inputs([str(path)]))


def _items(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _same_text_pairs(items: list[dict]) -> int:
    """Items whose (whitespace-normalised) text an earlier item has."""
    seen: set[str] = set()
    copies = 0
    for it in items:
        text = " ".join((it.get("text") or "").split())
        if text and text in seen:
            copies += 1
        seen.add(text)
    return copies


@pytest.mark.skipif(not DEV.exists(), reason="../shared/data/trnews-events-dev is absent")
def test_every_dev_feed_item_is_stored():
    items = _items(DEV)
    with Store(":memory:") as store:
        report = _ingest(store, DEV)
        stats = report.stats
        assert (stats.read, stats.articles, dict(stats.errors)) == (len(items), len(items), {})
        assert store.count() == len(items) == 385
        arts = {a.source.rsplit("#", 1)[1]: a for a in store.iter_articles()}
        empty = [str(i + 1) for i, it in enumerate(items) if not it["text"].strip()]
        assert len(empty) == 2 and all(arts[n].flags == ["title_only"] for n in empty)
        assert all(arts[n].text == items[int(n) - 1]["title"] for n in empty)
        assert stats.title_only == 2 and stats.short >= 300
        # one text, several reports: each copy stored and marked, its original is not
        assert stats.copies == _same_text_pairs(items) >= 15
        marked = [a for a in arts.values() if a.duplicate_of]
        assert len(marked) == stats.copies
        by_id = {a.id: a for a in arts.values()}
        assert all(by_id[a.duplicate_of].duplicate_of is None for a in marked)
        assert len({a.outlet for a in marked}) > 1


def test_own_feed_items_are_kept_flagged_and_copies_join_their_event():
    items = _items(OWN)
    with Store(":memory:") as store:
        # linking and one extractor (the models of the others cost seconds to load)
        report = _ingest(store, OWN, skip={"entities", "quotes", "claims", "resolve", "index"})
        stats = report.stats
        assert stats.articles == len(items) and not stats.errors
        by_url = {a.url: a for a in store.iter_articles()}
        meclis = by_url["https://www.kentgazetesi.example/gundem/meclis-h1003.html"]
        assert meclis.flags == ["title_only"] and meclis.text == meclis.title
        fabrika = by_url["https://www.kentgazetesi.example/ekonomi/fabrika-h1001.html"]
        assert fabrika.flags == ["short"] and "döküm fabrikasının" in fabrika.text
        first = by_url["https://haber.anadoluhaber.example/gundem/kar-yagisi-2001"]
        copy = by_url["https://www.yerelses.example/yasam/kar-erzurum-77"]
        assert copy.duplicate_of == first.id and first.duplicate_of is None
        assert copy.event_id and copy.event_id == first.event_id  # the copy joins the event
        assert stats.copies == 1 and stats.title_only == 1 and stats.short == len(items) - 1
        english = by_url["https://www.yerelses.example/dunya/secim-88"]
        assert english.language == "en" and "not run: language en" in english.not_extracted
        assert stats.not_extracted == {"en": 1}
        assert all(not a.not_extracted for a in by_url.values() if a.language == "tr")
        from gundem.store import read

        row = next(r for r in read.events_table(store) if r.id == first.event_id)
        assert row.outlets == 2 and row.duplicates == 1  # coverage counts the copy's outlet
        exported = {r["url"]: r for r in export_records(store, "articles")}
        assert exported[copy.url]["duplicate_of"] == first.id
        assert exported[meclis.url]["flags"] == ["title_only"]
        assert exported[english.url]["not_extracted"] == english.not_extracted
        assert exported[first.url]["not_extracted"] == ""


def test_a_lone_sentence_survives_cleaning():
    # one-sentence descriptions, without and with a final stop, the shapes the cleaner
    # judged "off-topic", "short", "share" or "nav" on their own
    texts = [
        "Ünlü dağcı, yol boyunca sırtındaki bisikletle birlikte Ağrı Dağı'nın zirvesine çıktı",
        "Bakan, Twitter'dan yaptığı paylaşımda, kurul başkanını görevden alarak yerine "
        "genel müdürü atadığını duyurdu",
        "Gerekçe: kamu güvenliği.",
        "Yazar Orhan Demirtaş, Aydınlık'taki köşesinde belediyenin yeni otopark kararının "
        "neden geri çekildiğini anlattı",
    ]
    for text in texts:
        raw = RawDoc("feed#1", text.encode(), {"format": "text", "title": "Başlık"})
        article = to_article(raw)
        assert article.text == text and article.flags == ["short"]


def test_only_boilerplate_and_no_title_is_still_no_text_with_a_true_message():
    raw = RawDoc("x.txt", "Paylaş\n\nTweetle\n\nYorum yap".encode(), {"format": "text"})
    from gundem.ingest.errors import InputError

    with pytest.raises(InputError) as exc:
        to_article(raw)
    assert exc.value.kind == "no-text" and "removed as boilerplate" in exc.value.message


def test_a_second_run_adds_no_error_rows(tmp_path):
    bad = tmp_path / "karisik.jsonl"
    lines = [json.dumps({"title": "Trafik kazası", "text": "Kavşakta iki otomobil çarpıştı."}),
             "{bozuk satır", json.dumps({"url": "https://a.example/1"}), "[1, 2]"]  # fmt: skip
    bad.write_text("\n".join(lines), encoding="utf-8")
    db = str(tmp_path / "g.duckdb")
    with Store(db) as store:
        first = _ingest(store, bad)
        assert dict(first.stats.errors) == {"json": 2, "empty": 1}
        n = store.count("errors")
        assert n == 3
        for _ in range(2):  # the same input twice more: counted in the run, recorded once
            again = _ingest(store, bad)
            assert dict(again.stats.errors) == {"json": 2, "empty": 1}
            assert store.count("errors") == n and again.stats.articles == 0
    res = CliRunner().invoke(app, ["errors", "--db", db, "--kind", "json", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert [r["kind"] for r in rows] == ["json", "json"]
    assert {r["source"].rsplit("#", 1)[1] for r in rows} == {"2", "4"}


def test_cli_run_summary_and_min_chars(tmp_path):
    db = str(tmp_path / "g.duckdb")
    res = CliRunner().invoke(
        app,
        ["run", str(OWN), "--db", db, "--skip", "extract,index", "-w", "1", "--min-chars", "120"],
    )
    assert res.exit_code == 0, res.output
    assert "title only" in res.output and "dropped: shorter than --min-chars" in res.output
    with Store(db, read_only=True) as store:
        runs = store.con.execute("SELECT stats FROM runs").fetchall()
        stats = json.loads(runs[-1][0])
        kept = [a for a in store.iter_articles()]
    assert stats["too_short"] == len(_items(OWN)) - len(kept) > 0 and not stats["errors"]
    assert all(len(a.text) >= 120 for a in kept)
    aid = kept[0].id
    shown = CliRunner().invoke(app, ["show", aid, "--db", db])
    assert shown.exit_code == 0 and "flags" in shown.output and "short" in shown.output


def test_migration_5_keeps_one_row_per_error_and_hashes_old_texts(tmp_path):
    db = tmp_path / "eski.duckdb"
    with Store(db) as store:
        _ingest(store, OWN)
        for _ in range(3):  # what three runs of the old code recorded
            store.con.execute("INSERT INTO errors (source, kind, message) VALUES (?, ?, ?)",
                              ["a.jsonl#3", "json", "line 3 is not valid JSON"])  # fmt: skip
        store.con.execute("UPDATE articles SET body_hash = NULL")
        store.con.execute("UPDATE schema_version SET version = 4")
    with Store(db) as store:
        assert store.schema_version() == 5 and store.count("errors") == 1
        owners = store.text_owners()
        assert len(owners) == store.count() - 1  # the one copy shares its original's hash
