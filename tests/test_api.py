"""REST API over a small generated store (facts filled directly; no other stage needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from gundem.model import Block
from gundem.serve.api import create_app
from gundem_tools.gen.questions import build, write_store


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    arts, _qs, events, story = build(n_facts=4, n_topics=2)
    arts[0].removed = [Block(text="Reklam Alanı", index=3, reason="ad")]
    db = str(tmp_path_factory.mktemp("api") / "g.duckdb")
    write_store(db, arts, events, [story])
    app = create_app(db, api_key="s3cret", allowed_hosts=["testserver"])
    with TestClient(app) as c:
        c.arts = arts  # type: ignore[attr-defined]
        c.events = events  # type: ignore[attr-defined]
        yield c


def test_articles_pagination_and_one(client: TestClient) -> None:
    r = client.get("/api/articles", params={"limit": 3, "offset": 0})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(client.arts) and len(body["items"]) == 3
    r2 = client.get("/api/articles", params={"limit": 3, "offset": 3}).json()
    assert not {i["id"] for i in body["items"]} & {i["id"] for i in r2["items"]}
    a = client.get(f"/api/articles/{client.arts[0].id}").json()
    assert a["removed"][0]["reason"] == "ad" and a["entities"][0]["id"]
    assert client.get("/api/articles/ffffffffffff").status_code == 404
    assert client.get("/api/articles", params={"limit": 10_000}).status_code == 422
    assert client.get("/api/articles", params={"date_from": "yesterday"}).status_code == 422


def test_article_filters(client: TestClient) -> None:
    outlet = client.arts[0].outlet
    items = client.get("/api/articles", params={"outlet": outlet, "limit": 200}).json()["items"]
    assert items and all(i["outlet"] == outlet for i in items)
    ev = client.events[0]
    items = client.get("/api/articles", params={"event": ev.id}).json()["items"]
    assert [i["id"] for i in items] == ev.article_ids
    hits = client.get("/api/articles", params={"q": "görüştü", "outlet": outlet}).json()["items"]
    assert hits and all(i["outlet"] == outlet for i in hits)


def test_entities_quotes_claims_events_stories(client: TestClient) -> None:
    ents = client.get("/api/entities", params={"type": "person"}).json()["items"]
    assert ents and all(e["type"] == "PERSON" for e in ents)
    one = client.get(f"/api/entities/{ents[0]['id']}").json()
    assert one["name"] == ents[0]["name"] and one["articles"]
    used = {al for a in client.arts for e in a.entities if e.id == one["id"] for al in e.aliases}
    assert used and set(one["aliases"]) == used  # every article's aliases, not the first one's
    assert client.get("/api/quotes", params={"limit": 5}).json()["items"][0]["speaker"]
    claims = client.get("/api/claims", params={"unit": "asker"}).json()["items"]
    assert claims and all(c["unit"] == "asker" for c in claims)
    ev = client.get(f"/api/events/{client.events[0].id}").json()
    assert ev["articles"] and ev["quotes"]
    st = client.get("/api/stories").json()["items"][0]
    assert client.get(f"/api/stories/{st['id']}").json()["events"]


def test_search_and_ask(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "askerlerini"}).json()["hits"]
    assert hits and "asker" in hits[0]["text"]
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "x", "level": "bogus"}).status_code == 422
    a = client.get("/api/ask", params={"q": "Kuzey Kore Rusya’ya kaç asker gönderdi?"}).json()
    assert a["found"] and a["kind"] == "how_many" and a["text_sentences"][0]["citations"]
    a = client.post("/api/ask", json={"question": "Zorbek Qantarov ne zaman geldi?"}).json()
    assert not a["found"]
    assert client.post("/api/ask", json={}).status_code == 422


def test_ingest_requires_key_and_limits(client: TestClient) -> None:
    doc = {"documents": [{"text": "Deneme metni.", "title": "Deneme"}]}
    assert client.post("/api/ingest", json=doc).status_code == 401
    assert client.post("/api/ingest", json=doc, headers={"X-API-Key": "wrong"}).status_code == 401
    r = client.post(
        "/api/ingest", json={"documents": [{"title": "boş"}]}, headers={"X-API-Key": "s3cret"}
    )
    assert r.status_code == 422
    big = "a" * (5 * 1024 * 1024 + 10)
    r = client.post(
        "/api/ingest",
        content=big,
        headers={"X-API-Key": "s3cret", "content-type": "application/json"},
    )
    assert r.status_code == 413


def test_ingest_with_pipeline(client: TestClient) -> None:
    text = (
        "Dışişleri Bakanı Elena Morozova, 3 Mart 2025 tarihinde Ankara’da açıklama yaptı.\n\n"
        "Morozova, “Kalıcı bir barış istiyoruz” dedi."
    )
    r = client.post(
        "/api/ingest",
        json={
            "documents": [
                {
                    "text": text,
                    "title": "Morozova Ankara’da",
                    "published": "2025-03-04",
                    "outlet": "Test",
                }
            ]
        },
        headers={"X-API-Key": "s3cret"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert len(body["added"]) + len(body["duplicates"]) + len(body["errors"]) == 1
    if body["added"]:
        hits = client.get("/api/search", params={"q": "Morozova Ankara"}).json()["hits"]
        assert any(h["article_id"] == body["added"][0] for h in hits)


def test_web_ui_served_without_cdn(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "viewport" in r.text
    assert "http" not in r.text.replace("http-equiv", "")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    js = client.get("/static/app.js").text
    assert ".innerHTML" not in js and "insertAdjacentHTML" not in js and "createTextNode" in js
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/api/ask"]


def test_ask_rephrased_by_an_llm_endpoint(tmp_path: Path) -> None:
    """With --llm-url the API's answers are rephrased, keeping only cited sentences."""
    import threading
    from http.server import HTTPServer

    from test_ask import _FakeLLM

    from gundem.ask.llm import LLMConfig

    arts, _qs, events, story = build(n_facts=4, n_topics=2)
    db = str(tmp_path / "g.duckdb")
    write_store(db, arts, events, [story])
    srv = HTTPServer(("127.0.0.1", 0), _FakeLLM)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    q = {"q": "Kuzey Kore Rusya’ya kaç asker gönderdi?"}
    try:
        with TestClient(create_app(db, allowed_hosts=["testserver"])) as plain:
            facts = plain.get("/api/ask", params=q).json()
        llm = LLMConfig(base_url=f"http://127.0.0.1:{srv.server_port}/v1")
        with TestClient(create_app(db, llm=llm, allowed_hosts=["testserver"])) as c:
            a = c.get("/api/ask", params=q).json()
    finally:
        srv.shutdown()
    assert facts["found"] and a["found"]
    assert a["text"] != facts["text"] and a["text"].startswith("Kaynaklara göre")
    assert a["text"].endswith("doğrulandı.")  # the marker became a citation
    assert a["text_sentences"][0]["citations"] and "Uydurma" not in a["text"]  # uncited: dropped
