"""Turkish search: case folding, suffixes, sentence/article levels, filters, incremental update."""

from __future__ import annotations

import pytest

from gundem.model import Article, Entity  # noqa: E402
from gundem.store.db import Store  # noqa: E402
from gundem.store.search import SearchFilters, SearchIndex, analyze, fold, sentences  # noqa: E402


def _art(i: str, title: str, text: str, **kw) -> Article:
    return Article(id=i, source=f"t/{i}", title=title, text=text, language="tr", **kw)


@pytest.fixture()
def store_index(tmp_path):
    db = tmp_path / "s.duckdb"
    st = Store(db)
    st.add_article(_art("a1", "Savunma Bakanı ziyareti",
                        "Savunma Bakanı Belousov, Pyongyang’da Kim ile görüştü.\n\nToplantı uzun sürdü.",
                        outlet="Ajans A", published="2024-11-30",
                        entities=[Entity(name="Andrey Belousov", type="PERSON", aliases=["Belousov"])]))  # fmt: skip
    st.add_article(_art("a2", "Mesaj", "Putin, Kim’e mesaj gönderdi. Ülke askerlerini sınıra yolladı.",
                        outlet="Gazete B", published="2025-10-29", event_id="ev1"))  # fmt: skip
    st.add_article(_art("a3", "İSTANBUL", "Işık festivali İstanbul’da başladı.", outlet="Gazete B",
                        published="2023-05-01"))  # fmt: skip
    idx = SearchIndex(db)
    idx.update(st)
    yield st, idx
    st.close()


def test_turkish_folding_and_stems() -> None:
    assert fold("İSTANBUL IŞIK") == "istanbul ışık"
    assert analyze("Putin’in") == ["putin"] and analyze("Putin'den") == ["putin"]
    assert analyze("askerlerini") == ["asker"]
    assert sentences("Prof. Dr. Ali geldi. Kim “Evet.” dedi.") == [
        "Prof. Dr. Ali geldi.",
        "Kim “Evet.” dedi.",
    ]


def test_suffixes_and_case(store_index) -> None:
    _st, idx = store_index
    assert idx.search("Putin’in")[0].article_id == "a2"
    hit = idx.search("asker")[0]
    assert hit.article_id == "a2" and hit.sentence_idx == 1 and "askerlerini" in hit.text
    assert idx.search("istanbul")[0].article_id == "a3"
    assert idx.search("ışık")[0].article_id == "a3"
    top = idx.search("Belousov", level="article")[0]
    assert (
        top.article_id == "a1" and top.title == "Savunma Bakanı ziyareti" and "Belousov" in top.text
    )


def test_filters(store_index) -> None:
    _st, idx = store_index
    assert {h.article_id for h in idx.search("Kim", SearchFilters(date_from="2025"))} == {"a2"}
    assert {h.article_id for h in idx.search("Kim", SearchFilters(date_to="2024-12"))} == {"a1"}
    assert {h.article_id for h in idx.search("Kim", SearchFilters(outlet="ajans a"))} == {"a1"}
    assert {h.article_id for h in idx.search("Kim", SearchFilters(entity="Belousov"))} == {"a1"}
    assert {h.article_id for h in idx.search("Kim", SearchFilters(event="ev1"))} == {"a2"}
    assert idx.search("Kim", SearchFilters(language="en")) == []
    with pytest.raises(ValueError):
        idx.search("Kim", SearchFilters(date_from="dün"))


def test_incremental_update(store_index, tmp_path) -> None:
    st, idx = store_index
    assert idx.update(st) == {"added": 0, "updated": 0, "deleted": 0, "total": 3}
    st.add_article(_art("a4", "Yeni", "Belousov yeniden konuştu.", published="2025-01-01"))
    st.update_article_links("a1", event_id="ev9")
    counts = idx.update(st)
    assert counts["added"] == 1 and counts["updated"] == 1
    assert {h.article_id for h in idx.search("Belousov")} == {"a1", "a4"}
    assert {h.article_id for h in idx.search("Belousov", SearchFilters(event="ev9"))} == {"a1"}
    st.con.execute("DELETE FROM articles WHERE id = 'a4'")
    assert idx.update(st)["deleted"] == 1
    assert {h.article_id for h in idx.search("Belousov")} == {"a1"}
    # a fresh process sees the same index without rebuilding
    again = SearchIndex(st.path)
    assert again.update(st)["added"] == 0 and again.search("Putin")[0].article_id == "a2"
