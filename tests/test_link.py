"""Events, near-duplicates, incremental state, undated articles, stories."""

from __future__ import annotations

from test_link_helpers import auto, beijing

from gundem.link.dedup import signature
from gundem.link.features import name_runs, stem
from gundem.link.linker import Linker, link_new
from gundem.store.db import Store


def _store(*articles) -> Store:
    s = Store(":memory:")
    for a in articles:
        s.add_article(a)
    return s


def _event(s: Store, aid: str) -> str | None:
    return s.con.execute("SELECT event_id FROM articles WHERE id = ?", [aid]).fetchone()[0]


def _moscow(outlet: str, published: str | None) -> object:
    return auto(
        "Kim Moskova'da Putin ile görüştü",
        "Kuzey Kore lideri Kim Jong-un, Moskova'da Rusya Devlet Başkanı Vladimir Putin ile "
        "görüştü. Taraflar enerji hatları ve demiryolu bağlantısı projelerini konuştu.\n\n"
        "Kim, \"Ekonomik bağlarımızı büyütmek istiyoruz\" dedi.",
        published, outlet, quotes=[("Kim Jong-un", "Ekonomik bağlarımızı büyütmek istiyoruz")],
    )  # fmt: skip


def _azerbaijan(outlet: str, published: str | None, city: str = "Bakü") -> object:
    return auto(
        f"Erdoğan ve Aliyev {city}'de görüştü",
        f"Cumhurbaşkanı Recep Tayyip Erdoğan, Azerbaycan Cumhurbaşkanı İlham Aliyev ile {city}'de "
        "bir araya geldi. Türkiye ile Azerbaycan arasında ulaştırma koridoru ve doğal gaz "
        "projeleri görüşüldü.",
        published, outlet,
    )  # fmt: skip


def test_stem_and_names() -> None:
    assert stem("Putin’den") == "putin"
    assert stem("toplantıda") == "toplantı"
    names = name_runs("Rusya Devlet Başkanı Vladimir Putin, Kim Jong-un ile Pekin'de görüştü.")
    assert {"Rusya", "Vladimir Putin", "Kim Jong-un", "Pekin"} <= set(names)


def test_same_event_different_wording_and_distractor() -> None:
    a = beijing("Ajans A", "2025-09-03", 0)
    b = beijing("Ajans B", "2025-09-04", 1)
    c = _moscow("Ajans C", "2024-06-19")  # same two leaders, other place and date
    d = _moscow("Ajans D", "2024-06-19")
    s = _store(a, b, c, d)
    stats = link_new(s)
    assert stats["linked"] == 4
    assert _event(s, a.id) == _event(s, b.id)
    assert _event(s, c.id) == _event(s, d.id)
    assert _event(s, a.id) != _event(s, c.id)
    ev = next(e for e in s.events() if e.id == _event(s, a.id))
    assert ev.date == "2025-09-03" and ev.date_from == "articles"
    assert ev.place == "Pekin"
    assert "Vladimir Putin" in ev.participants and "Kim Jong-un" in ev.participants


def test_near_duplicate_marked_and_not_counted() -> None:
    a = beijing("Ajans A", "2025-09-03", 0)
    copy = auto(a.title, a.text.replace(" ve ", " ile ", 1), "2025-09-03", "Kopya Haber")
    s = _store(a, copy)
    link_new(s)
    dup, ev = s.con.execute(
        "SELECT duplicate_of, event_id FROM articles WHERE id = ?", [copy.id]
    ).fetchone()
    assert dup == a.id
    assert ev == _event(s, a.id)
    (event,) = s.events()
    assert event.article_ids == [a.id]  # the copy is not counted twice
    assert abs(float((signature(a.text) == signature(copy.text)).mean())) > 0.5


def test_undated_article_joins_and_date_is_propagated() -> None:
    dated = beijing("Ajans A", "2025-09-03", 0)
    undated = beijing("Ajans B", None, 1)
    other = _moscow("Ajans C", "2025-09-03")
    s = _store(dated, undated, other)
    link_new(s)
    assert _event(s, undated.id) == _event(s, dated.id) != _event(s, other.id)
    ev = next(e for e in s.events() if e.id == _event(s, dated.id))
    assert ev.date == "2025-09-03" and ev.date_from == "propagated"
    assert s.get_article(undated.id).published is None  # never overwritten
    from gundem.store.read import export_events

    rec = next(r for r in export_events(s) if r["id"] == ev.id)
    prop = {d["article_id"]: d for d in rec["article_dates"]}
    assert prop[undated.id]["date_from"] == "propagated"
    assert prop[dated.id]["date_from"] == "published"


def test_incremental_state_persists(tmp_path) -> None:
    db = tmp_path / "g.duckdb"
    a = beijing("Ajans A", "2025-09-03", 0)
    c = _moscow("Ajans C", "2024-06-19")
    with Store(db) as s:
        s.add_article(a)
        s.add_article(c)
        link_new(s)
        before = {r[0]: r[1] for r in s.con.execute("SELECT id, event_id FROM articles").fetchall()}
    with Store(db) as s:  # a later run: state comes from the store
        b = beijing("Ajans B", "2025-09-04", 1)
        d = _moscow("Ajans D", None)
        linker = Linker(s)
        ev_b, st_b = linker.add(b)
        ev_d, _ = linker.add(d)
        assert ev_b == before[a.id]
        assert ev_d == before[c.id]
        assert st_b is not None
        after = {r[0]: r[1] for r in s.con.execute("SELECT id, event_id FROM articles").fetchall()}
        assert all(after[k] == v for k, v in before.items())  # nothing re-clustered
        assert link_new(s)["linked"] == 0  # idempotent
        assert len(s.events()) == 2


def test_without_entities_falls_back_to_capitalised_words() -> None:
    a = beijing("Ajans A", "2025-09-03", 0)
    b = beijing("Ajans B", None, 1)
    c = _moscow("Ajans C", "2025-09-03")
    for x in (a, b, c):
        x.entities, x.quotes = [], []
    s = _store(a, b, c)
    link_new(s)
    assert _event(s, a.id) == _event(s, b.id) != _event(s, c.id)


def test_stories_thread_events_and_order_timeline() -> None:
    arts = [
        beijing("Ajans A", "2025-09-03", 0),
        beijing("Ajans B", "2025-09-03", 1),
        _moscow("Ajans C", "2024-06-19"),
        _moscow("Ajans D", "2024-06-20"),
        _azerbaijan("Ajans E", "2025-02-10"),
        _azerbaijan("Ajans F", "2025-02-10"),
        _azerbaijan("Ajans G", "2025-05-01", city="Ankara"),
    ]
    s = _store(*arts)
    link_new(s)
    stories = {st.id: st for st in s.stories()}
    story_of = {a.id: s.get_article(a.id).story_id for a in arts}
    assert story_of[arts[0].id] == story_of[arts[2].id]
    assert story_of[arts[4].id] == story_of[arts[6].id] != story_of[arts[0].id]
    st = stories[story_of[arts[0].id]]
    dates = [t["date"] for t in st.timeline]
    assert dates == sorted(dates) and len(dates) == 2
    heads = {t["headline"] for t in st.timeline}
    assert st.title in heads and " – " not in st.title  # a headline, not "Rusya – Kuzey Kore"
