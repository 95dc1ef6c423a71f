"""The store contract: what every storage backend must do, written against the protocols of
``gundem.store.protocols`` only (no SQL, no backend names).

A backend's test module provides a ``make_store`` fixture (a function returning a fresh,
empty, read-write store, closed by the fixture) and star-imports this module:

    from store_contract import *  # noqa: F403

``tests/test_store_contract.py`` runs it on DuckDB (a file and ``:memory:``); a PostgreSQL
backend runs it unchanged with its own ``make_store``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest

from gundem.model import Article, Claim, Entity, Event, Story
from gundem.store import read


def _article(n: int, text: str | None = None, published: str | None = None, **kw) -> Article:
    text = text or f"Ankara'da {n}. toplantı yapıldı. Bakan Ayşe Yıldırım açıklama yaptı."
    fields = {
        "source": f"haber{n}.txt", "title": f"Haber {n}", "outlet": "kentgazetesi",
        "language": "tr", "format": "text", "published": published, **kw,
    }  # fmt: skip
    a = Article(id=f"haber{n:04d}", text=text, **fields)
    a.entities = [
        Entity(
            name="Ayşe Yıldırım",
            type="PERSON",
            aliases=["Ayşe Yıldırım"],
            mentions=[(28, 41)],
            id="ent1",
        )
    ]
    return a


def test_add_get_and_iterate_articles(make_store):
    store = make_store()
    later, earlier, undated = (
        _article(1, published="2025-03-02"),
        _article(2, published="2025-03-01"),
        _article(3),
    )
    assert store.add_articles([later, earlier, undated]) == 3
    got = store.get_article(later.id)
    assert got is not None and got.text == later.text and got.title == "Haber 1"
    assert got.entities[0].name == "Ayşe Yıldırım"
    assert store.get_article("haber0001").id == later.id
    assert store.get_article("haber000") is None  # a prefix of several ids
    assert store.get_article("zz-no-such") is None
    assert [a.id for a in store.iter_articles()] == [earlier.id, later.id, undated.id]
    assert [a.id for a in store.iter_articles(ids=[undated.id, later.id])] == [later.id, undated.id]
    assert list(store.iter_articles(ids=[])) == []
    assert store.has_article(earlier.id) and not store.has_article("yok")
    assert store.count() == 3


def test_add_is_idempotent(make_store):
    store = make_store()
    a = _article(1)
    assert store.add_article(a) is True
    assert store.add_article(a) is False
    assert store.add_articles([a, _article(2), _article(2)]) == 1
    assert store.count() == 2
    assert store.count("entities") == 1  # one entity, named in both articles


def test_known_hashes_see_the_same_text_under_another_id(make_store):
    store = make_store()
    a = _article(1)
    store.add_article(a)
    ids, hashes = store.known_hashes()
    assert ids == {a.id}
    copy = _article(9, text=a.text, source="baska/yer.txt", title="Haber 1")  # same title, text
    copy.text = copy.text.replace(" ", "  ")  # spacing aside
    from gundem.store.db import text_hash

    assert text_hash(copy) in hashes


def test_filter_articles_by_event(make_store):
    store = make_store()
    a, b, c = _article(1), _article(2), _article(3)
    store.add_articles([a, b, c])
    state = store.link_state()
    with store.transaction():
        state.set_links([a.id, b.id], ["ev1", "ev2"], [None, a.id])
    assert [x.id for x in store.iter_articles(event_ids=["ev2"])] == [b.id]
    assert {x.id for x in store.iter_articles(event_ids=["ev1", "ev2"])} == {a.id, b.id}
    assert list(store.iter_articles(ids=[a.id], event_ids=["ev2"])) == []
    assert state.unlinked_ids() == [c.id]
    assert state.event_of(b.id) == "ev2" and state.event_of("yok") is None


def test_state_get_and_set(make_store):
    store = make_store()
    assert store.get_state("link.pending") is None
    store.set_state("link.pending", {"events": ["e1"], "stories": []})
    store.set_state("link.pending", {"events": [], "stories": ["s1"], "not": "İğüşöç"})
    assert store.get_state("link.pending") == {"events": [], "stories": ["s1"], "not": "İğüşöç"}


def test_events_and_stories_put_and_get(make_store):
    store = make_store()
    e1 = Event(id="ev1", date="2025-03-02", article_ids=["a1"], story_id="st1", headline="Liman")
    e2 = Event(id="ev2", date="2025-03-01", article_ids=["a2"], story_id="st1")
    e3 = Event(id="ev3", date=None, article_ids=["a3"])
    store.put_events([e1, e2, e3])
    store.put_events([Event(id="ev1", date="2025-03-02", article_ids=["a1", "a4"], story_id="st1")])
    assert [e.id for e in store.events()] == ["ev2", "ev1", "ev3"]
    assert store.record("events", "ev1")["article_ids"] == ["a1", "a4"]
    assert [r["id"] for r in store.event_records(["ev3", "ev1"])] == ["ev1", "ev3"]
    assert store.event_records([]) == []
    st = Story(id="st1", title="Samsun limanı", event_ids=["ev2", "ev1"])
    store.put_stories([st])
    (got,) = store.stories()
    assert got.title == "Samsun limanı" and got.event_ids == ["ev2", "ev1"]
    assert store.record("stories", "st1")["title"] == "Samsun limanı"
    assert store.record("stories", "yok") is None
    with pytest.raises(ValueError):
        store.record("articles", "x")


def test_errors_and_runs(make_store):
    store = make_store()
    store.add_error("bozuk.html", "decode", "geçersiz bayt")
    store.add_error("bos.txt", "empty", "boş belge")
    assert [(s, k, m) for s, k, m, _t in store.errors()] == [
        ("bozuk.html", "decode", "geçersiz bayt"),
        ("bos.txt", "empty", "boş belge"),
    ]
    now = datetime.now(UTC)
    store.add_run(now, now, ["haberler/"], {"articles": 3})
    assert store.count("runs") == 1


def test_link_state_round_trip(make_store):
    store = make_store()
    state = store.link_state()
    sig = np.arange(8, dtype=np.uint32).tobytes()
    with store.transaction():
        state.add_minhash(["a1", "a2"], [sig, sig[::-1]])
        state.add_minhash(["a1"], [b"\0" * 32])  # an id already stored keeps its signature
        state.put_event_states(["ev1"], ['{"id": "ev1"}'])
        state.put_event_states(["ev1", "ev2"], ['{"id": "ev1", "n": 2}', '{"id": "ev2"}'])
        state.put_document_frequencies(["w|liman", "n|samsun"], [3, 1])
        state.put_document_frequencies(["w|liman"], [4])
        state.put_story_states(["st1"], ['{"id": "st1"}'])
    assert dict(state.minhash()) == {"a1": sig, "a2": sig[::-1]}
    assert sorted(state.event_states()) == ['{"id": "ev1", "n": 2}', '{"id": "ev2"}']
    assert dict(state.document_frequencies()) == {"w|liman": 4, "n|samsun": 1}
    assert state.story_states() == ['{"id": "st1"}']


def test_link_columns_and_texts(make_store):
    store = make_store()
    a, b = _article(1), _article(2)
    store.add_articles([a, b])
    state = store.link_state()
    with store.transaction():
        state.set_links([a.id, b.id], ["ev1", "ev1"], [None, a.id])
        state.set_event_stories(["ev1"], ["st1"])
    got = {x.id: x for x in store.iter_articles()}
    assert got[a.id].story_id == got[b.id].story_id == "st1"
    assert {r[0]: r[1:3] for r in state.article_texts([a.id, b.id])}[b.id] == ("tr", "Haber 2")


def test_a_failing_transaction_stores_nothing(make_store):
    store = make_store()
    store.add_article(_article(1))
    with pytest.raises(RuntimeError, match="kesildi"), store.transaction():
        store.add_articles([_article(2), _article(3)])  # its own transaction joins this one
        store.set_state("k", 1)
        store.put_events([Event(id="ev1")])
        store.link_state().add_minhash(["a2"], [b"x"])
        raise RuntimeError("kesildi")
    assert store.count() == 1
    assert store.get_state("k") is None and store.events() == []
    assert list(store.link_state().minhash()) == []
    store.add_article(_article(2))  # the store is usable afterwards
    assert store.count() == 2


def test_sync_entity_names_renames_in_stored_articles(make_store):
    store = make_store()
    a = _article(1)
    store.add_article(a)
    eid = store.get_article(a.id).entities[0].id
    assert store.sync_entity_names({eid: "Ayşe Yıldırım Demir"}) == 1
    assert store.get_article(a.id).entities[0].name == "Ayşe Yıldırım Demir"
    assert store.sync_entity_names({eid: "Ayşe Yıldırım Demir"}) == 0


def test_resolver_state_saved_with_the_articles(make_store):
    store = make_store()
    assert store.resolver_state() is None
    changes = ({"e1": {"name": "Recep Tayyip Erdoğan", "type": "PERSON"}}, {"PERSON:erdoğan": "e1"})
    store.add_articles([_article(1)], changes)
    state = store.resolver_state()
    assert state["entities"]["e1"]["name"] == "Recep Tayyip Erdoğan"
    assert state["keys"] == {"PERSON:erdoğan": "e1"}


def test_read_model_reads(make_store):
    store = make_store()
    a = _article(1, published="2025-03-01")
    b = _article(2, published="2025-03-02")
    b.claims = [Claim(text="4 milyar lira", value=4e9, unit="lira")]
    store.add_articles([a, b])
    assert store.ids_with_claims(10) == [b.id]
    meta = read.article_meta(store)
    assert sorted(meta) == sorted([a.id, b.id])
    assert meta[b.id].claims[0].unit == "lira" and meta[a.id].outlet == "kentgazetesi"
    ((name, typ, aliases, rows),) = store.entity_names()
    assert (name, typ, aliases, rows) == ("Ayşe Yıldırım", "PERSON", ["Ayşe Yıldırım"], 2)
    (top,) = read.entity_counts(store)
    assert (top.name, top.type, top.articles) == ("Ayşe Yıldırım", "PERSON", 2)
    assert {r.article_id for r in read.entity_appearances(store, "AYŞE YILDIRIM")} == {a.id, b.id}
    assert {r[0] for r in store.article_signatures()} == {a.id, b.id}


def test_the_store_configures_its_search_index(make_store):
    store = make_store()
    store.add_article(_article(1, text="Samsun'da yeni liman için imzalar atıldı. Bakan konuştu."))
    idx = store.search_index()
    assert idx is store.search_index()
    assert idx.update(store)["added"] == 1
    assert [h.article_id for h in idx.search("limanı", None, limit=5, level="article")]
