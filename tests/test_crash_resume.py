"""kill -9 at random points of `gundem run`, resume, and find exactly what an uninterrupted
run stores: articles, canonical entities, events, stories and a search index without
duplicate hits. Re-running the same input on a finished database adds nothing."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
N_ARTICLES = 1500
KILLS = 5
QUERIES = ["Putin görüştü", "anlaşma imzalandı", "Dışişleri Bakanı", "telefon görüşmesi", "görüşme"]


def _write_corpus(path: Path) -> None:
    """The generated corpus as one JSONL input; every third text framed by short site lines
    (the run's repeated-block tracker removes them once it has seen them often enough)."""
    from gundem_tools.gen.corpus import generate

    with path.open("w", encoding="utf-8") as f:
        for i, (a, _) in enumerate(generate(N_ARTICLES, seed=11, text_only=True)):
            text = f"Son Dakika\n\n{a.text}\n\nPaylaş" if i % 3 == 0 else a.text
            rec = {
                "text": text,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published or "",
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _cmd(corpus: Path, db: Path, workers: int = 2) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gundem.cli",
        "run",
        str(corpus),
        "--db",
        str(db),
        "-w",
        str(workers),
        "-q",
    ]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def _run(corpus: Path, db: Path, workers: int = 2) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(
        _cmd(corpus, db, workers), env=_env(), capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return time.perf_counter() - t0


def _run_killed(corpus: Path, db: Path, after: float) -> bool:
    """Start a run and kill -9 its process group after ``after`` seconds; False if it
    finished first."""
    proc = subprocess.Popen(
        _cmd(corpus, db), env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    try:
        proc.wait(timeout=after)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes
        proc.wait(timeout=30)
        return True


def snapshot(db: Path) -> dict[str, object]:
    """What must not depend on kills: articles, canonical entities, events, stories."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = set(con.execute("SELECT id, text_hash FROM articles").fetchall())
        entities = set(con.execute("SELECT id, name FROM entities").fetchall())
        ents_used = set(
            con.execute(
                "SELECT DISTINCT article_id, entity_id, name FROM article_entities"
            ).fetchall()
        )
        events: dict[str, set[str]] = defaultdict(set)
        stories: dict[str, set[str]] = defaultdict(set)
        for aid, ev, st in con.execute("SELECT id, event_id, story_id FROM articles").fetchall():
            events[ev].add(aid)
            stories[st].add(aid)
        records = {
            frozenset(json.loads(d)["article_ids"])
            for (d,) in con.execute("SELECT data FROM events").fetchall()
        }
        story_events = {
            frozenset(json.loads(d)["event_ids"])
            for (d,) in con.execute("SELECT data FROM stories").fetchall()
        }
    finally:
        con.close()
    return {
        "articles": articles,
        "entities": entities,
        "article_entities": ents_used,
        "events": {frozenset(v) for v in events.values()},
        "stories": {frozenset(v) for v in stories.values()},
        "event_records": records,
        "stories_by_event_ids": len(story_events),
        "unlinked": len(events.get(None, ())),
    }


def index_figures(db: Path) -> dict[str, int]:
    from gundem.store.search import SearchIndex

    idx = SearchIndex(db)
    for q in QUERIES:
        hits = idx.search(q, limit=500)
        keys = [(h.article_id, h.sentence_idx) for h in hits]
        assert hits and len(keys) == len(set(keys)), f"duplicate sentence hits for {q!r}"
        texts = [(h.article_id, h.text) for h in hits]
        assert len(texts) == len(set(texts)), f"the same sentence twice for {q!r}"
        arts = [h.article_id for h in idx.search(q, limit=500, level="article")]
        assert len(arts) == len(set(arts)), f"duplicate article hits for {q!r}"
    return {"articles": len(idx), "docs": idx.num_docs}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("crash")
    corpus = tmp / "corpus.jsonl"
    _write_corpus(corpus)
    clean = tmp / "clean.duckdb"
    seconds = _run(corpus, clean)
    killed = tmp / "killed.duckdb"
    rng = random.Random(20240611)
    kills = 0
    for _ in range(KILLS):  # each attempt gets 15 to 40 % of a clean run's time
        kills += _run_killed(corpus, killed, rng.uniform(0.15, 0.4) * seconds)
    _run(corpus, killed)
    return {"corpus": corpus, "clean": clean, "killed": killed, "kills": kills, "seconds": seconds}


def test_kill_nine_and_resume_equals_an_uninterrupted_run(runs: dict) -> None:
    assert runs["kills"] >= 3  # the run was really interrupted (not finished before the kill)
    clean, killed = snapshot(runs["clean"]), snapshot(runs["killed"])
    assert len(clean["articles"]) > 1000 and clean["unlinked"] == 0
    for key in clean:
        assert killed[key] == clean[key], f"{key} differ after kill -9 and resume"
    assert index_figures(runs["killed"]) == index_figures(runs["clean"])
    assert index_figures(runs["clean"])["articles"] == len(clean["articles"])


def test_rerunning_the_same_input_on_a_finished_database_adds_nothing(runs: dict) -> None:
    before = snapshot(runs["clean"])
    for _ in range(2):
        _run(runs["corpus"], runs["clean"], workers=1)  # no worker start-up: little is new
        after = snapshot(runs["clean"])
        assert len(after["articles"]) == len(before["articles"])
        assert len(after["entities"]) == len(before["entities"])
        assert len(after["events"]) == len(before["events"])
        assert after == before


def _entity_rows(db: Path) -> tuple[set, set]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        ents = set(con.execute("SELECT id, name, type FROM entities").fetchall())
        links = set(
            con.execute(
                "SELECT article_id, entity_id, name, mentions FROM article_entities"
            ).fetchall()
        )
    finally:
        con.close()
    return ents, links


def test_ctrl_c_keeps_the_entity_merging_state_of_every_stored_batch(
    tmp_path: Path, monkeypatch
) -> None:
    from gundem.engine import run as run_module
    from gundem.engine.run import run
    from gundem.store.db import Store

    monkeypatch.setattr(run_module, "BATCH", 16)  # several batches from a few documents
    from gundem_tools.gen.corpus import generate

    corpus = tmp_path / "c.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for a, _ in generate(60, seed=5, text_only=True)[:50]:
            f.write(
                json.dumps(
                    {"text": a.text, "title": a.title, "outlet": a.outlet}, ensure_ascii=False
                )
                + "\n"
            )
    with Store(tmp_path / "clean.duckdb") as st:
        run([str(corpus)], st, workers=1)

    def ctrl_c(stats, _item) -> None:
        if stats.articles:  # the first batch is stored, the second under way
            raise KeyboardInterrupt

    with Store(tmp_path / "cut.duckdb") as st:
        with pytest.raises(KeyboardInterrupt):
            run([str(corpus)], st, workers=1, on_item=ctrl_c)
        stored = st.count()
        assert 0 < stored <= 16
    with Store(tmp_path / "cut.duckdb") as st:
        stats = run([str(corpus)], st, workers=1)
        assert stats.duplicates >= stored and stats.articles > 0
    assert _entity_rows(tmp_path / "cut.duckdb") == _entity_rows(tmp_path / "clean.duckdb")
