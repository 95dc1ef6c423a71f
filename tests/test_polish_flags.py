"""What the reader should know about an article's text reaches the API: flags (short,
title_only), duplicate_of and not_extracted on the article, and flags and duplicate_of on
every summary (listings, search results, an event's articles)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from gundem.model import Article, Event
from gundem.serve.api import create_app
from gundem.store.db import Store

WHY = "entities, quotes, times, claims not run: language en; they serve tr"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    wire = "Bakanlık, kırsal yollar için 2 milyar liralık ödeneği onayladı. İhaleler ay sonunda yapılacak."
    arts = [
        Article(id="y1", source="yol1.txt", title="Kırsal yollara ödenek", text=wire,
                outlet="Bozkır Haber", published="2025-06-03", language="tr", event_id="ev-yol"),
        Article(id="y2", source="yol2.txt", title="Köy yollarına 2 milyar lira", text=wire,
                outlet="Ege Ekspres", published="2025-06-03", language="tr", event_id="ev-yol",
                duplicate_of="y1"),
        Article(id="y3", source="akis.jsonl#4", title="Sivas'ta yol çöktü",
                text="Sivas'ta yol çöktü.", outlet="Bozkır Haber", published="2025-06-04",
                language="tr", flags=["short"]),
        Article(id="y4", source="akis.jsonl#9", title="Zara'da kar nedeniyle okullar tatil",
                text="Zara'da kar nedeniyle okullar tatil", outlet="Bozkır Haber",
                published="2025-06-05", language="tr", flags=["title_only"]),
        Article(id="y5", source="herald.html", title="Rural roads get funding",
                text="The ministry approved new funding for rural roads on Tuesday.",
                outlet="Anatolia Herald", published="2025-06-03", language="en",
                not_extracted=WHY),
    ]  # fmt: skip
    db = str(tmp_path_factory.mktemp("flags") / "f.duckdb")
    with Store(db) as st:
        st.add_articles(arts)
        st.put_events([Event("ev-yol", "2025-06-03", headline="Kırsal yollara ödenek",
                             article_ids=["y1", "y2"])])  # fmt: skip
    return TestClient(create_app(db), base_url="http://127.0.0.1")


def test_article_detail_says_what_is_special(client: TestClient) -> None:
    dup = client.get("/api/articles/y2").json()
    assert dup["duplicate_of"] == "y1" and dup["flags"] == []
    assert client.get("/api/articles/y3").json()["flags"] == ["short"]
    assert client.get("/api/articles/y4").json()["flags"] == ["title_only"]
    en = client.get("/api/articles/y5").json()
    assert en["not_extracted"] == WHY and en["flags"] == [] and en["duplicate_of"] is None


def test_summaries_carry_flags_and_duplicate_of(client: TestClient) -> None:
    items = {a["id"]: a for a in client.get("/api/articles").json()["items"]}
    assert items["y3"]["flags"] == ["short"] and items["y4"]["flags"] == ["title_only"]
    assert items["y2"]["duplicate_of"] == "y1" and items["y1"]["duplicate_of"] is None
    assert items["y1"]["flags"] == [] and items["y5"]["flags"] == []


def test_openapi_documents_the_fields(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"flags", "duplicate_of"} <= set(schemas["ArticleSummary"]["properties"])
    assert {"flags", "duplicate_of", "not_extracted"} <= set(schemas["Article"]["properties"])
