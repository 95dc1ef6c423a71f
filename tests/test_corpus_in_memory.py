"""Corpus stages get the run's articles in memory (issue 12, "read once"): linking and
indexing after the last batch do not read the new articles back from the store, and the
result is the same as when they do (a run too large to keep, or one resumed after a kill)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from gundem.cli import demo_path
from gundem.corpus import Corpus
from gundem.engine import corpus as corpus_stages
from gundem.ingest.files import read_inputs
from gundem.stages import build_pipeline
from gundem.store.db import Store
from gundem.store.search import SearchIndex

QUERIES = ("deprem", "Tokyo", "açıklama yaptı", "Erdoğan görüşme")


def _ingest(db: Path, monkeypatch: pytest.MonkeyPatch, keep: int | None) -> dict[str, Any]:
    """Ingest the demo's text files with link and index; record which new articles the
    stages read back from the store by id."""
    if keep is not None:
        monkeypatch.setattr(corpus_stages, "MAX_IN_MEMORY", keep)
    read_back: list[str] = []
    real = Store.iter_articles

    def spy(self: Store, *, ids: Any = None, event_ids: Any = None) -> Any:
        if ids is not None:
            read_back.extend(ids)
        return real(self, ids=ids, event_ids=event_ids)

    files = sorted(str(p) for p in (demo_path() / "text").glob("*.txt"))
    with Store(db) as store:
        index = SearchIndex(db)
        monkeypatch.setattr(Store, "iter_articles", spy)
        report = Corpus(store, build_pipeline(set()), index=index).ingest(read_inputs(files))
        monkeypatch.setattr(Store, "iter_articles", real)
        hits = {q: [(h.article_id, h.sentence_idx) for h in index.search(q, None, 5)]
                for q in QUERIES}  # fmt: skip
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute(
            "SELECT id, event_id, story_id, entities, quotes FROM articles ORDER BY id"
        ).fetchall()
        events = con.execute("SELECT id, data FROM events ORDER BY id").fetchall()
        stories = con.execute("SELECT id, data FROM stories ORDER BY id").fetchall()
    finally:
        con.close()
    return {"added": report.added, "corpus": report.corpus, "articles": articles,
            "events": events, "stories": stories, "hits": hits, "read_back": read_back}  # fmt: skip


def test_link_and_index_take_the_batch_from_memory_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _ingest(tmp_path / "bellek.duckdb", monkeypatch, None)
    reread = _ingest(tmp_path / "okuma.duckdb", monkeypatch, 0)  # nothing kept: all re-read
    partly = _ingest(tmp_path / "kismen.duckdb", monkeypatch, 4)  # four kept, five re-read
    assert len(kept["added"]) == 9 and kept["corpus"]["link"]["linked"] == 9
    assert not set(kept["read_back"]) & set(kept["added"])  # no new article read again
    assert set(reread["added"]) <= set(reread["read_back"])
    assert 0 < len(set(partly["read_back"]) & set(partly["added"])) < 9
    for other in (reread, partly):
        for key in ("added", "corpus", "articles", "events", "stories", "hits"):
            assert kept[key] == other[key], key
    assert any(kept["hits"].values())
