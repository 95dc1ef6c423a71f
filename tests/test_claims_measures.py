"""Figures with meaning (issue 14): what a figure measures, what is not a figure, which
sources count, and which figure pairs are conflicts."""

from __future__ import annotations

from gundem.extract.claims import extract_claims
from gundem.extract.quotes import extract_quotes
from gundem.extract.times import extract_times
from gundem.link.compare import event_facts, quantity_conflicts
from gundem.link.features import day_number
from gundem.model import Article


def _art(text: str, outlet: str = "A", published: str = "2025-02-10", aid: str = "") -> Article:
    art = Article(id=aid or outlet, source=outlet, text=text, outlet=outlet, published=published)
    return extract_claims(extract_times(extract_quotes(art)))


def _figures(text: str) -> list[tuple[float | None, str, str]]:
    return [(c.value, c.unit, c.measure) for c in _art(text).claims]


def _conflicts(*arts: Article, event: str = "ev1") -> list[dict]:
    facts = event_facts(list(arts), day_number(arts[0].published))
    return quantity_conflicts([{"id": event, "date": arts[0].published, "facts": facts}])


def test_measures_from_verbs_passives_and_nouns() -> None:
    got = _figures(
        "Saldırıda 9 sivil öldürüldü, 23 kişi yaralandı. Olayın ardından 14 şüpheli gözaltına "
        "alındı; bunlardan 5’i tutuklandı. Bölgeye 300 polis sevk edildi."
    )
    assert [m for *_, m in got] == ["killed", "injured", "detained", "arrested", "sent"]


def test_measure_before_the_number_and_unit_nouns() -> None:
    got = _figures("Selde can kaybı 6’ya çıktı. Kazada ölen 4 kişinin cenazesi bugün kaldırılacak.")
    assert [(v, m) for v, _, m in got] == [(6, "killed"), (4, "killed")]
    assert _figures("Çatışmalarda 43 ölü var.") == [(43, "ölü", "killed")]


def test_a_list_of_figures_shares_its_verb() -> None:
    got = _figures("Yangına 8 helikopter, 3 uçak ve 420 personel müdahale ediyor.")
    assert [m for *_, m in got] == ["sent", "sent", "sent"]


def test_an_age_is_never_a_count() -> None:
    text = (
        "Kazada sürücü Kemal Aydın (37) ile 6 yaşındaki oğlu yaralandı. Gözaltına alınan "
        "12 kişiden 3’ü 17 yaşından küçük."
    )
    values = [v for v, *_ in _figures(text)]
    assert 37 not in values and 6 not in values and 17 not in values
    assert 12 in values


def test_coordinates_phone_and_id_numbers_are_not_claims() -> None:
    text = (
        "Tekne 40° 58′ 12″ K, 29° 1′ 5″ D noktasında battı. Yakınlar 0 312 555 21 40 "
        "numaralı hattı arayabilir. Şüphelinin 12345678901 kimlik numaralı kaydı incelendi. "
        "İhbarlar 155 numaralı hatta yapılıyor. Olayda 3 kişi kayboldu."
    )
    assert _figures(text) == [(3, "kişi", "missing")]


def test_same_figure_suffixed_is_one_value() -> None:
    got = _figures("Depremde 13 kişi öldü. Ölen 13 kişinin kimlikleri belirlendi.")
    assert [(v, u) for v, u, _ in got] == [(13, "kişi"), (13, "kişi")]


def test_killed_never_conflicts_with_sent() -> None:
    a = _art("Kiev’e göre cephede 2 bin asker öldürüldü.", "A")
    b = _art("Pyongyang’ın bölgeye 11 bin asker gönderdiği bildirildi.", "B")
    assert _conflicts(a, b) == []


def test_same_measure_different_outlets_conflict() -> None:
    a = _art("Depremde 13 kişi hayatını kaybetti.", "A")
    b = _art("Sarsıntıda can kaybı 15’e yükseldi.", "B")
    (c,) = _conflicts(a, b)
    assert c["measure"] == "killed" and c["values"] == [13, 15]


def test_running_total_later_and_other_event_are_not_conflicts() -> None:
    a = _art("Selde 3 kişi yaşamını yitirdi.", "A", "2025-02-10")
    later = _art("Selde ölenlerin sayısı 7’ye yükseldi.", "B", "2025-02-13")
    past = _art("Kentte 1998 yılındaki selde 34 kişi hayatını kaybetmişti.", "C", "2025-02-10")
    assert _conflicts(a, later) == []
    assert _conflicts(a, past) == []


def test_percentages_of_different_things_and_rounding() -> None:
    a = _art("Yıllık enflasyon ekimde yüzde 48,6 oldu. Aylık fiyat artışı %2,9 oldu.", "A")
    b = _art("Yıllık enflasyon ekim ayında yüzde 48,58 olarak açıklandı. İşsizlik %8,5.", "B")
    assert _conflicts(a, b) == []


def test_other_events_do_not_conflict() -> None:
    a = _art("Kazada 7 kişi yaralandı.", "A")
    b = _art("Kazada 12 kişi yaralandı.", "B")
    facts_a = event_facts([a], day_number(a.published))
    facts_b = event_facts([b], day_number(b.published))
    evs = [{"id": "e1", "date": a.published, "facts": facts_a},
           {"id": "e2", "date": b.published, "facts": facts_b}]  # fmt: skip
    assert quantity_conflicts(evs) == []
    assert len(_conflicts(a, b)) == 1


def test_sources_name_an_entity_or_a_role() -> None:
    cs = _art(
        "İlk belirlemelere göre 40 bina yıkıldı. Ocak ayı verilerine göre 12 tır gönderildi. "
        "Jandarmanın ilk tespitlerine göre 5 araç hasar gördü. Kulübün açıklamasına göre "
        "maça 30 bin taraftar geldi. Sağlık Bakanlığı açıklamasında 80 kişinin taburcu "
        "edildiğini bildirdi."
    ).claims
    assert [c.attributed_to for c in cs] == ["", "", "Jandarma", "Kulüp", "Sağlık Bakanlığı"]
