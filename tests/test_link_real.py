"""Event linking on real Turkish RSS items (bench/events_real.py), and the linker's handling
of short reports. The real set lives in ``<shared>/data/trnews-events-dev``; its test skips
when the set is absent. The other tests use reports written here."""

from __future__ import annotations

import pytest
from fixtures import floor, load_bench

from gundem.link.events import ArticleFeatures, EventIndex
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
