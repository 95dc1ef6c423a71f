"""The API's fast paths keep their guarantees: the security headers from a pure ASGI
middleware, listing counts read from the article rows, one idle-closer thread per read
connection (not one timer per request)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from gundem.model import Article, Claim, Entity, Quote
from gundem.serve.api import create_app
from gundem.serve.context import Database
from gundem.store import read
from gundem.store.db import Store


def _articles() -> list[Article]:
    return [
        Article(
            id="hz01",
            source="t",
            title="Karadeniz'de fırtına uyarısı",
            outlet="Rize Postası",
            text="Meteoroloji, Rize ve Artvin için turuncu uyarı verdi. Vali Koç açıklama yaptı.",
            published="2026-11-03",
            language="tr",
            entities=[
                Entity("Rize", "GPE", id="e-rize"),
                Entity("Artvin", "GPE", id="e-artvin"),
                Entity("Ayten Koç", "PERSON", id="e-koc"),
            ],
            quotes=[Quote("Ayten Koç", "Tedbirliyiz", speaker_id="e-koc")],
            claims=[Claim("120 ekip", 120.0, "ekip"), Claim("3 gün", 3.0, "gün")],
        ),  # fmt: skip
        Article(
            id="hz02",
            source="t",
            title="Hal fiyatları düştü",
            outlet="Ege Ekspres",
            text="İzmir halinde domatesin kilosu 18 liraya indi.",
            published="2026-11-04",
            language="tr",
            entities=[Entity("İzmir", "GPE", id="e-izmir")],
        ),  # fmt: skip
        Article(
            id="hz03", source="t", title="Tarihsiz not", text="Kısa bir bülten.", language="tr"
        ),
    ]


def _db(tmp_path: Path) -> str:
    db = str(tmp_path / "h.duckdb")
    with Store(db) as st:
        st.add_articles(_articles())
    return db


def test_security_headers_on_api_and_ui_not_csp_on_docs(tmp_path: Path) -> None:
    with TestClient(create_app(_db(tmp_path)), base_url="http://127.0.0.1") as c:
        for path in ("/api/articles", "/api/health", "/", "/api/articles/nope"):
            r = c.get(path)
            assert r.headers["x-content-type-options"] == "nosniff", path
            assert "object-src 'none'" in r.headers["content-security-policy"], path
        docs = c.get("/docs")
        assert docs.status_code == 200 and docs.headers["x-content-type-options"] == "nosniff"
        assert "content-security-policy" not in docs.headers
        assert c.get("/api/articles", headers={"host": "evil.example"}).status_code == 400


def test_listing_counts_match_the_projections(tmp_path: Path) -> None:
    db = _db(tmp_path)
    with Store(db) as st:
        by = read.article_summaries(st, ["hz03", "hz01", "hz02", "hz01", "yok"])
        assert set(by) == {"hz01", "hz02", "hz03"}
        for aid, s in by.items():
            counts = [
                st.con.execute(f"SELECT count(*) FROM {t} WHERE article_id = ?", [aid]).fetchone()
                for t in ("article_entities", "article_quotes", "article_claims")
            ]
            assert [c[0] for c in counts if c] == [s.n_entities, s.n_quotes, s.n_claims], aid
        assert (by["hz01"].n_entities, by["hz01"].n_quotes, by["hz01"].n_claims) == (3, 1, 2)
        total, page = read.article_page(st, read.ArticleFilter(), 2, 0)
        assert total == 3 and [p.id for p in page] == ["hz02", "hz01"]


def _threads() -> int:
    return sum(1 for t in threading.enumerate() if t.daemon and t.is_alive())


def test_idle_read_connection_closes_with_one_thread_for_a_burst(tmp_path: Path) -> None:
    db = Database(_db(tmp_path), idle_seconds=0.3)
    before = _threads()
    for _ in range(40):  # a burst of requests one after another
        with db.reader() as st:
            assert st.count() == 3
    assert _threads() <= before + 1  # one closer, not a timer per request
    assert db._base is not None  # still open right after the burst
    deadline = time.monotonic() + 5
    while db._base is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert db._base is None  # closed once idle: other processes can open the file
    with db.reader() as st:  # and opened again on the next request
        assert st.count() == 3
    with db.writer() as w:  # a write waits for no reader and closes the read connection
        assert w.count() == 3
    db.close()
