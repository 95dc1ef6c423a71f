"""Event linking on real Turkish RSS items (bench/events_real.py), and the linker's handling
of short reports. The real set lives in ``<shared>/data/trnews-events-dev``; its test skips
when the set is absent. The other tests use reports written here."""

from __future__ import annotations

import pytest
from fixtures import floor, load_bench

from gundem.link.events import ArticleFeatures, EventIndex, EventState
from gundem.model import Article, Entity


def test_events_real_bench_floor() -> None:
    bench = load_bench("events_real")
    if not (bench.DATA / "items.jsonl").exists():
        pytest.skip(f"no development set at {bench.DATA}")
    # claims feed the events' facts, not the linking: skipped to keep the test fast
    fig = bench.run(skip={"claims"})
    assert fig["dropped"] == 0
    assert fig["event_bcubed_f1"] >= floor("events_real", "event_bcubed_f1")
    assert fig["event_bcubed_f1"] > fig["baseline_bcubed_f1"]


def test_bcubed_counts_a_dropped_item_alone() -> None:
    bcubed = load_bench("events_real").bcubed
    gold = {"a": "x", "b": "x", "c": "y"}
    p, r, _ = bcubed({"a": "1"}, gold)  # b and c dropped: each its own event
    assert p == 1.0 and r == pytest.approx((0.5 + 0.5 + 1.0) / 3)


def _short(i: str, title: str, text: str, names: list[tuple[str, str]] = ()) -> Article:
    ents = [Entity(name=n, type=t) for n, t in names]
    return Article(
        id=i, source=i, title=title, text=text, language="tr", published="2024-05-14",
        entities=ents,
    )  # fmt: skip


def test_one_shared_common_name_is_not_full_participant_evidence() -> None:
    idx = EventIndex()
    filler = [
        _short(f"f{k}", f"Türk ekonomisi {k}. çeyrekte", "Türk şirketleri ihracatı artırdı.",
               [("Türk", "NORP")])
        for k in range(30)
    ]  # fmt: skip
    for a in [*filler, _short("r", "Rize'de heyelan", "Kaçkar yolu kapandı.", [("Rize", "GPE")])]:
        idx.assign(a)
    common = idx.ent_sim({"türk": 1.0}, {"türk": 1.0})
    rare = idx.ent_sim({"rize": 1.0}, {"rize": 1.0})
    assert common < 0.75 * rare
    assert rare == pytest.approx(1.0)


def test_a_short_follow_up_joins_the_report_it_repeats_not_the_pooled_event() -> None:
    """Three reports of a ferry fire, then a one-line update worded like the first one:
    close to that report, loose against the three pooled."""
    idx = EventIndex()
    reports = [
        _short("a", "Marmaris açıklarında feribotta yangın: 212 yolcu tahliye edildi",
               "Rodos seferini yapan feribotun makine dairesinde yangın çıktı, yolcular "
               "sahil güvenlik botlarıyla tahliye edildi.",
               [("Marmaris", "GPE"), ("Rodos", "GPE")]),
        _short("b", "Sahil Güvenlik: yangının nedeni araştırılıyor",
               "Sahil Güvenlik Komutanlığı, makine dairesindeki arızanın teknik ekiplerce "
               "incelendiğini bildirdi; kaptan ifade verdi.",
               [("Sahil Güvenlik Komutanlığı", "ORG")]),
        _short("c", "Feribot yolcuları otellere yerleştirildi",
               "Muğla Valiliği, tahliye edilen yolcuların ilçedeki otellerde "
               "konaklayacağını duyurdu.", [("Muğla Valiliği", "ORG")]),
    ]  # fmt: skip
    update = _short(
        "d", "Marmaris'te yanan feribottaki 212 yolcunun tamamı tahliye edildi",
        "Rodos seferindeki feribotta çıkan yangında yaralanan olmadı.",
        [("Marmaris", "GPE"), ("Rodos", "GPE")],
    )  # fmt: skip
    ev = idx.assign(reports[0])
    for r in reports[1:]:
        idx.events[ev].add(ArticleFeatures.of(r), idx.idf)  # one event, by hand
    f = ArticleFeatures.of(update)
    state = idx.events[ev]
    assert idx.member_score(f, state) > 0.5
    assert idx.score(f, state) > 0
    assert idx.assign(update) == ev


# -- a later report that connects two events merges them ---------------------------------------
_OTHER = [
    ("Merkez Bankası faizi sabit tuttu", "Para Politikası Kurulu politika faizini yüzde 50'de "
     "bıraktı.", [("Merkez Bankası", "ORG")]),
    ("Fenerbahçe deplasmanda kazandı", "Sarı lacivertliler Kayseri'de 3-1 galip geldi.",
     [("Fenerbahçe", "ORG"), ("Kayseri", "GPE")]),
    ("İzmir'de orman yangını kontrol altında", "Menderes'te çıkan yangın helikopterlerle "
     "söndürüldü.", [("İzmir", "GPE"), ("Menderes", "GPE")]),
    ("Asgari ücret görüşmeleri başlıyor", "Çalışma Bakanlığı komisyonu aralıkta toplanacak.",
     [("Çalışma Bakanlığı", "ORG")]),
    ("Ankara'da trafik kazası: 3 yaralı", "Eskişehir yolunda iki otomobil çarpıştı.",
     [("Ankara", "GPE")]),
    ("Borsa güne yükselişle başladı", "BIST 100 endeksi açılışta yüzde 0,8 arttı.",
     [("BIST", "ORG")]),
]  # fmt: skip
_SEA = [("Trabzon", "GPE"), ("Sürmene", "GPE"), ("Sahil Güvenlik", "ORG")]


def _boat() -> tuple[list[Article], list[Article], Article]:
    """Two reports of a fishing boat lost at sea, a follow-up about the captain's family
    (new people: it stays apart), then a report naming both the captain and the search."""
    other = [_short(f"o{k}", t, x, n) for k, (t, x, n) in enumerate(_OTHER)]
    sea = [
        _short("s1", "Trabzon açıklarında balıkçı teknesi battı: 4 kayıp",
               "Sürmene açıklarında fırtınaya yakalanan balıkçı teknesi battı. Sahil Güvenlik "
               "ekipleri kayıp dört mürettebatı arıyor.", _SEA),
        _short("s2", "Sürmene'de batan teknede arama sürüyor",
               "Trabzon'un Sürmene ilçesi açıklarında batan balıkçı teknesindeki dört kişiyi "
               "Sahil Güvenlik ekipleri arıyor.", _SEA),
        _short("s3", "Kaptan Recep Yılmaz'ın ailesi limanda bekliyor",
               "Sürmene açıklarında fırtınada batan balıkçı teknesinin kaptanı Recep Yılmaz'ın "
               "eşi Ayşe Yılmaz, kayıp mürettebattan haber bekliyor; aile limandan ayrılmıyor.",
               [("Recep Yılmaz", "PERSON"), ("Ayşe Yılmaz", "PERSON"), ("Sürmene", "GPE")]),
    ]  # fmt: skip
    bridge = _short(
        "s4", "Batan teknenin kaptanı Recep Yılmaz'ın ailesi Sürmene'de bekliyor",
        "Trabzon açıklarında batan balıkçı teknesinin kaptanı Recep Yılmaz'ın ailesi, Sahil "
        "Güvenlik ekiplerinin arama çalışmasını limandan izliyor.",
        [("Recep Yılmaz", "PERSON"), *_SEA],
    )  # fmt: skip
    return other, sea, bridge


def test_a_report_linking_two_events_merges_them() -> None:
    other, sea, bridge = _boat()
    idx = EventIndex()
    for a in [*other, *sea]:
        idx.assign(a)
    ev_of = {a: e for e, st in idx.events.items() for a in st.article_ids}
    assert ev_of["s1"] == ev_of["s2"] != ev_of["s3"]  # the family follow-up apart
    joined = idx.assign(bridge)
    assert set(idx.events[joined].article_ids) == {"s1", "s2", "s3", "s4"}
    assert idx.resolve(ev_of["s3"]) == idx.resolve(ev_of["s1"]) == joined
    assert len(idx.events) == len(other) + 1
    # the merged-away event's postings lead to the merged one
    assert all(e in idx.events for e in idx.candidates(ArticleFeatures.of(sea[2])))


def test_merge_through_the_linker_keeps_store_and_state_consistent() -> None:
    from gundem.link.linker import link_new
    from gundem.store.db import Store

    other, sea, bridge = _boat()
    s = Store(":memory:")
    for a in [*other, *sea, bridge]:
        s.add_article(a)
    link_new(s)
    ev = {a.id: a.event_id for a in s.iter_articles()}
    assert len({ev[a.id] for a in [*sea, bridge]}) == 1
    events = {e.id: e for e in s.events()}
    assert set(events) == set(ev.values())  # no record of the merged-away event
    assert set(events[ev["s1"]].article_ids) == {"s1", "s2", "s3", "s4"}
    state_ids = {EventState.from_json(d).id for d in s.link_state().event_states()}
    assert state_ids == set(events)
    story_events = [e for st in s.stories() for e in st.event_ids]
    assert sorted(story_events) == sorted(events)


def test_saved_events_are_not_merged_later() -> None:
    """Both events saved by an earlier run: the bridging report joins one, the other stays
    (stored ids and story records never name an event that is gone)."""
    from gundem.link.linker import Linker, link_new
    from gundem.store.db import Store

    other, sea, bridge = _boat()
    s = Store(":memory:")
    for a in [*other, *sea]:
        s.add_article(a)
    link_new(s)
    before = {a.id: a.event_id for a in s.iter_articles()}
    Linker(s).add(bridge)
    after = {a.id: a.event_id for a in s.iter_articles()}
    assert all(after[k] == v for k, v in before.items())
    assert after["s4"] in {before["s1"], before["s3"]}
