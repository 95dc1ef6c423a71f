"""`gundem run` end to end: idempotent, crash-safe, bad input reported, exports in contract."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import pyarrow.parquet as pq
from typer.testing import CliRunner

from gundem.cli import app
from gundem.engine.run import run
from gundem.store.db import Store

runner = CliRunner()
N_KILL = 4000
EXPORT_KEYS = {
    "id", "source", "title", "published", "published_from", "language", "text",
    "entities", "quotes", "claims", "times", "event_id", "story_id",
}  # fmt: skip

MALFORMED = """<html><head><title>Van’da kar yağışı</title><body><div><div>
<p>Van’da etkili olan kar yağışı nedeniyle 120 köy yolu ulaşıma kapandı. Ekipler yolları açmak için çalışıyor.
<p>Valilik, sürücülerin zorunlu olmadıkça yola çıkmamasını istedi &amp uyarılarını yineledi.</div></div></div>
</span><p>Karayolları ekipleri gece boyunca çalışmalarını sürdürdü ve ana yolların açık olduğunu bildirdi.
"""


def _corpus(tmp_path, article_tr, n=3):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        text = article_tr.replace("Samsun", f"Samsun ({i}. bölge)").replace(
            "4 milyar", f"{i + 4} milyar"
        )
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def _snapshot(db):
    with Store(db, read_only=True) as s:
        return s.con.execute("SELECT id, title, text, removed FROM articles ORDER BY id").fetchall()


def test_run_twice_changes_nothing(tmp_path, article_tr):
    folder = _corpus(tmp_path, article_tr)
    (folder / "bozuk.html").write_text(MALFORMED, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    db = tmp_path / "g.duckdb"
    with Store(db) as store:
        first = run([str(folder)], store, with_extract=False)
    assert (first.articles, first.duplicates, dict(first.errors)) == (4, 0, {"empty": 1})
    before = _snapshot(db)
    with Store(db) as store:
        second = run([str(folder)], store, with_extract=False)
    assert (second.articles, second.duplicates) == (0, 4)
    assert _snapshot(db) == before


def test_malformed_html_still_yields_the_article(tmp_path):
    (tmp_path / "p.html").write_text(MALFORMED, encoding="utf-8")
    with Store(tmp_path / "g.duckdb") as store:
        stats = run([str(tmp_path / "p.html")], store, with_extract=False)
        (article,) = list(store.iter_articles())
    assert stats.articles == 1
    assert "120 köy yolu" in article.text and "Karayolları" in article.text
    assert article.language == "tr"


def test_killed_run_resumes_without_loss_or_duplicates(tmp_path, article_tr):
    folder = _corpus(tmp_path, article_tr, n=N_KILL)
    db = tmp_path / "k.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "gundem.cli",
        "run",
        str(folder),
        "--db",
        str(db),
        "-w",
        "1",
        "--no-extract",
        "-q",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = tmp_path / "k.duckdb.wal"
    deadline = time.monotonic() + 120
    while not (wal.exists() and wal.stat().st_size > 200_000) and time.monotonic() < deadline:
        time.sleep(0.05)  # wait for some committed batches, then kill mid-run
    assert proc.poll() is None, "the first run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(db, read_only=True) as s:
        partial = s.count()
    assert 0 < partial < N_KILL
    done = subprocess.run(cmd, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    with Store(db, read_only=True) as s:
        assert s.count() == N_KILL
        assert s.con.execute(
            "SELECT count(DISTINCT id), count(DISTINCT text_hash) FROM articles"
        ).fetchone() == (N_KILL, N_KILL)
        assert (
            s.con.execute(
                "SELECT count(*) FROM articles WHERE text = '' OR text IS NULL"
            ).fetchone()[0]
            == 0
        )


def test_ten_thousand_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(
            f"Haber {i}\n\nİlçede {i} numaralı sokakta yapılan çalışmalar dün tamamlandı ve yol trafiğe açıldı. "
            f"Belediye ekipleri {i % 97} gün boyunca çalıştı.\n",
            encoding="utf-8",
        )
    with Store(tmp_path / "m.duckdb") as store:
        t0 = time.perf_counter()
        stats = run([str(folder)], store, workers=2, with_extract=False)
        took = time.perf_counter() - t0
        assert stats.read == 10_000
        assert stats.articles + stats.duplicates == 10_000 and not stats.errors
        assert store.count() == stats.articles
    assert took < 300


def test_cli_exit_status_and_errors(tmp_path, article_tr):
    db = str(tmp_path / "c.duckdb")
    (tmp_path / "empty.txt").write_text("")
    res = runner.invoke(
        app, ["run", str(tmp_path / "empty.txt"), "--db", db, "-w", "1", "--no-extract"]
    )
    assert res.exit_code == 1  # nothing could be read
    assert "empty.txt" in res.output
    (tmp_path / "good.txt").write_text(article_tr, encoding="utf-8")
    res = runner.invoke(app, ["run", str(tmp_path), "--db", db, "-w", "1", "--no-extract"])
    assert res.exit_code == 0, res.output
    assert "new articles" in res.output
    res = runner.invoke(app, ["errors", "--db", db])
    assert res.exit_code == 0 and "empty" in res.output


def test_export_formats_and_show_removed(tmp_path, article_tr):
    (tmp_path / "good.txt").write_text(article_tr, encoding="utf-8")
    db = str(tmp_path / "e.duckdb")
    assert (
        runner.invoke(
            app, ["run", str(tmp_path / "good.txt"), "--db", db, "-w", "1", "--no-extract"]
        ).exit_code
        == 0
    )
    res = runner.invoke(app, ["export", "--db", db, "--what", "articles", "--format", "jsonl"])
    (rec,) = [json.loads(line) for line in res.stdout.splitlines()]
    assert EXPORT_KEYS <= set(rec)
    assert rec["title"] == "Karadeniz’de yeni liman projesi için imzalar atıldı"
    assert "Reklam Alanı" not in rec["text"] and "Paylaş" not in rec["text"]
    res = runner.invoke(app, ["export", "--db", db, "--format", "csv"])
    (row,) = list(csv.DictReader(io.StringIO(res.stdout)))
    assert row["id"] == rec["id"] and json.loads(row["entities"]) == rec["entities"]
    out = tmp_path / "a.parquet"
    assert (
        runner.invoke(
            app, ["export", "--db", db, "--format", "parquet", "--out", str(out)]
        ).exit_code
        == 0
    )
    assert pq.read_table(out).to_pylist()[0]["id"] == rec["id"]
    res = runner.invoke(app, ["show", rec["id"][:8], "--db", db, "--removed"])
    assert res.exit_code == 0
    assert "Reklam Alanı" in res.output  # the removed ad slot is listed with its reason


def test_dask_engine_gives_the_same_articles(tmp_path, article_tr):
    folder = _corpus(tmp_path, article_tr, n=12)
    results = {}
    for engine in ("local", "dask"):
        with Store(tmp_path / f"{engine}.duckdb") as store:
            stats = run([str(folder)], store, workers=2, with_extract=False, engine=engine)
            assert stats.articles == 12
        results[engine] = _snapshot(tmp_path / f"{engine}.duckdb")
    assert results["local"] == results["dask"]


def test_worker_processes_get_one_blas_thread(monkeypatch):
    """N workers × N BLAS threads oversubscribe the cores; a user's own setting wins."""
    from gundem.engine.local import LocalEngine
    from gundem.engine.threads import BLAS_THREAD_VARS
    from gundem.pipeline import pipeline_for

    for var in BLAS_THREAD_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "3")
    with LocalEngine(workers=2, pipeline=pipeline_for(frozenset({"extract"}))):
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        assert os.environ["OMP_NUM_THREADS"] == "1"
        assert os.environ["MKL_NUM_THREADS"] == "3"


def test_entity_renamed_later_is_renamed_in_every_stored_article(tmp_path):
    """An entity first seen as "TOKYO" (a dateline) and later written "Tokyo": the
    stored articles, their quotes and the exports all use the name it ends with."""
    from gundem.model import Article, Entity, Quote

    def article(aid: str, name: str) -> Article:
        return Article(
            id=aid, source=f"{aid}.txt", text=f"{name} (AA) - Vali açıklama yaptı.",
            entities=[Entity(name=name, type="GPE", aliases=[name], id="e1")],
            quotes=[Quote(speaker=name, text="Sakin olun.", speaker_id="e1")],
        )  # fmt: skip

    with Store(tmp_path / "db.duckdb") as store:
        store.add_articles([article("a1", "TOKYO")])
        store.add_articles([article("a2", "Tokyo")])
        assert store.sync_entity_names({"e1": "Tokyo"}) == 1
        for aid in ("a1", "a2"):
            a = store.get_article(aid)
            assert a is not None
            assert a.entities[0].name == "Tokyo" and a.quotes[0].speaker == "Tokyo"
        names = store.con.execute("SELECT DISTINCT name FROM article_entities").fetchall()
        assert names == [("Tokyo",)]
        assert store.sync_entity_names({"e1": "Tokyo"}) == 0  # nothing stale left
