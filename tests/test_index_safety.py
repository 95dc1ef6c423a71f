"""The search index after a crash or damage: never a duplicate hit, never a blocked command."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gundem.cli import app
from gundem.model import Article
from gundem.store.db import Store
from gundem.store.search import SearchIndex, index_path

runner = CliRunner()

CITIES = ["Trabzon", "Erzurum", "Malatya", "Çorum", "Edirne", "Nevşehir", "Bartın", "Muğla"]


def _articles(start: int, n: int) -> list[Article]:
    return [
        Article(
            id=f"haber{i:03d}",
            source=f"t/{i}",
            language="tr",
            outlet="Yerel Ajans",
            published=f"2024-03-{1 + i % 28:02d}",
            title=f"{CITIES[i % len(CITIES)]} belediyesi yeni park açtı",
            text=f"{CITIES[i % len(CITIES)]} belediyesi kentin doğusunda {i} dönümlük bir park açtı.\n\n"
            f"Belediye başkanı açılışta parkın {i + 3} ayda tamamlandığını söyledi.",
        )  # fmt: skip
        for i in range(start, start + n)
    ]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "g.duckdb"
    with Store(path) as st:
        st.add_articles(_articles(0, 20))
    return path


def _hit_keys(idx: SearchIndex, query: str) -> list[tuple[str, int]]:
    return [(h.article_id, h.sentence_idx) for h in idx.search(query, limit=1000)]


def test_kill_between_index_commit_and_state_write_leaves_no_duplicates(db: Path) -> None:
    with Store(db) as st:
        SearchIndex(db).update(st)
        state = index_path(db) / "gundem-state.json"
        stale = state.read_bytes()
        st.add_articles(_articles(20, 15))
        SearchIndex(db).update(st)  # committed ...
        state.write_bytes(stale)  # ... and killed before its state was written
        idx = SearchIndex(db)
        idx.update(st)
        keys = _hit_keys(idx, "belediye park")
        assert len(keys) == len(set(keys)) and {a for a, _ in keys} == {
            f"haber{i:03d}" for i in range(35)
        }
        arts = [h.article_id for h in idx.search("park", limit=1000, level="article")]
        assert sorted(arts) == sorted(set(arts)) and len(arts) == 35
        docs = idx.num_docs
        assert idx.rebuild(st)["total"] == 35 and idx.num_docs == docs == 35 * 3


def test_article_removed_after_an_unrecorded_commit_leaves_the_index(db: Path) -> None:
    with Store(db) as st:
        SearchIndex(db).update(st)
        state = index_path(db) / "gundem-state.json"
        stale = state.read_bytes()
        st.add_articles(_articles(20, 1))
        SearchIndex(db).update(st)
        state.write_bytes(stale)  # the index holds haber020, its state does not know it
        st.con.execute("DELETE FROM articles WHERE id = 'haber020'")
        idx = SearchIndex(db)
        idx.update(st)
        assert "haber020" not in {a for a, _ in _hit_keys(idx, "belediye park")}
        assert len(idx) == 20 and idx.num_docs == 20 * 3


def _damage(db: Path) -> None:
    segment = max((index_path(db)).glob("*.store"), key=lambda p: p.stat().st_size)
    with segment.open("r+b") as f:
        f.truncate(segment.stat().st_size // 2)


def test_damaged_index_segment_is_rebuilt_with_one_warning(db: Path, caplog) -> None:
    with Store(db) as st:
        SearchIndex(db).update(st)
        _damage(db)
        with caplog.at_level(logging.WARNING, logger="gundem.store.search"):
            idx = SearchIndex(db)
        assert idx.rebuilt and "damaged" in idx.rebuilt
        assert [r.getMessage() for r in caplog.records if "rebuilding" in r.getMessage()] != []
        assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1
        assert idx.update(st)["added"] == 20
        assert len(set(_hit_keys(idx, "Trabzon park"))) >= 1 and idx.num_docs == 20 * 3


def test_damaged_index_never_blocks_search_run_or_serve(db: Path, tmp_path: Path) -> None:
    with Store(db) as st:
        SearchIndex(db).update(st)
    _damage(db)
    res = runner.invoke(app, ["search", "Trabzon park", "--db", str(db)], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "haber000" in res.output or "Trabzon" in res.output
    _damage(db)
    text = tmp_path / "yeni.txt"
    text.write_text("Rize belediyesi sahil yolunda yeni bir yürüyüş parkı açtı. Park hafta sonu "
                    "binlerce ziyaretçiyi ağırladı.\n", encoding="utf-8")  # fmt: skip
    res = runner.invoke(app, ["run", str(text), "--db", str(db), "-w", "1", "-q", "--no-extract"])
    assert res.exit_code == 0, res.output
    assert len(SearchIndex(db)) == 21
    _damage(db)
    from fastapi.testclient import TestClient

    from gundem.serve.api import create_app

    with TestClient(create_app(db, allowed_hosts=["testserver"])) as client:
        hits = client.get("/api/search", params={"q": "Rize parkı"}).json()["hits"]
    assert hits and {h["article_id"] for h in hits} - {f"haber{i:03d}" for i in range(20)}


def test_index_command_updates_and_rebuilds(db: Path) -> None:
    res = runner.invoke(app, ["index", "--db", str(db)], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "20 articles, 60 documents" in res.output, res.output
    res = runner.invoke(app, ["index", "--rebuild", "--db", str(db)], env={"COLUMNS": "200"})
    assert res.exit_code == 0 and "rebuilt: 20 articles, 60 documents (20 added" in res.output, (
        res.output
    )
