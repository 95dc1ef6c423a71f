"""TIMEX types and values (issue 14): numeric dates, clock times, parts of the day,
weekdays in any case, deictic and anaphoric expressions, durations, sets, false hits."""

from __future__ import annotations

import pytest
from fixtures import floor, load_bench

from gundem.extract.times import extract_times
from gundem.model import Article, TimeRef


def _tx(text: str, published: str | None = None) -> list[tuple[str, str, str | None]]:
    art = Article(id="t", source="test", text=text, published=published)
    return [(t.text, t.type, t.value) for t in extract_times(art).times]


def test_numeric_dates_with_and_without_tarihinde():
    got = _tx("Başvurumu 07.03.2022 tarihinde yaptım, 15/03/22'de ikinci dilekçeyi verdim.")
    assert got == [
        ("07.03.2022 tarihinde", "DATE", "2022-03-07"),
        ("15/03/22'de", "DATE", "2022-03-15"),
    ]


def test_prices_and_versions_are_not_dates():
    assert (
        _tx("Ürünü 3.5 milyon kişi indirdi, fiyatı 12.50 TL, sürüm 2.4 güncellemesi geldi.") == []
    )


def test_lowercase_month_with_day_and_suffix():
    got = _tx("Kargo 11 mayısta yola çıktı, 2022 yılının 19 mayısında teslim edildi.")
    assert got[0] == ("11 mayısta", "DATE", "2022-05-11")
    assert ("19 mayısında", "DATE", "2022-05-19") in got


def test_clock_times_and_parts_of_day():
    got = _tx("Ekip sabah 7'de yola çıktı, saat 13:45'te bölgeye ulaştı ve akşama kadar çalıştı.")
    assert got == [
        ("sabah 7'de", "TIME", "T07:00"),
        ("saat 13:45'te", "TIME", "T13:45"),
        ("akşama", "TIME", "TEV"),
    ]
    assert _tx("Nöbetçi eczane gece 11'de kapandı.") == [("gece 11'de", "TIME", "T23:00")]


def test_newspapers_and_dinner_are_not_parts_of_day():
    assert _tx("Sabah'a konuşan yetkili, Akşam gazetesinin haberini yalanladı.") == []
    assert _tx("Akşam yemeğinde konuştular.") == []


def test_weekdays_lowercase_and_relative(published="2022-11-16"):  # a Wednesday
    got = _tx(
        "pazartesi günü başvurdum, geçen cuma da aramıştım; perşembeye gelecekler.", published
    )
    assert got == [
        ("pazartesi günü", "DATE", "2022-11-14"),
        ("geçen cuma", "DATE", "2022-11-11"),
        ("perşembeye", "DATE", "2022-11-17"),
    ]


def test_pazar_the_market_is_no_sunday():
    assert _tx("Annem pazara gitti, pazarda domates pahalıymış.", "2022-11-16") == []


def test_deictic_and_anaphoric():
    got = _tx(
        "Şu anda sistem çalışmıyor, daha önce de böyle olmuştu. Ertesi gün teknisyen geldi, "
        "o günden beri ses yok.",
        "2023-01-10",
    )
    assert got == [
        ("Şu anda", "DATE", "PRESENT_REF"),
        ("daha önce", "DATE", "PAST_REF"),
        ("Ertesi gün", "DATE", None),
        ("o günden", "DATE", None),
    ]


def test_durations_and_sets():
    got = _tx("Hastaneye haftada üç kez gidiyor; tedavi dört ay sürecek, ilaçlar her gün alınıyor.")
    assert got == [
        ("haftada üç kez", "SET", "P1W"),
        ("dört ay", "DURATION", "P4M"),
        ("her gün", "SET", "P1D"),
    ]
    assert _tx("Aylarca bekledik, yıllardır aynı sorun.")[1] == ("yıllardır", "DURATION", "PXY")


def test_word_boundaries_inside_words():
    assert _tx("Bu ayakkabıyı Ayşe aldı, yazdığı mektupta güncelleme istedi.", "2023-01-10") == []
    assert _tx("Geçen ay aldığım 2 ayakkabı da yırtıldı.", "2023-01-10") == [
        ("Geçen ay", "DATE", "2022-12")
    ]


def test_published_with_time_of_day():
    got = _tx("Bakan bugün açıklama yaptı.", "2017-01-17T12:14:08+03:00")
    assert got == [("bugün", "DATE", "2017-01-17")]


def test_undated_article_keeps_type_without_value():
    got = _tx("Salı akşamı aradım, iki gün önce de yazmıştım.")
    assert [(t, v) for _, t, v in got] == [("DATE", None), ("DATE", None)]


def test_type_survives_storage_round_trip():
    ref = TimeRef(text="saat 9'da", value="T09:00", precision="time", type="TIME")
    art = Article.from_dict(Article(id="a", source="s", times=[ref]).to_dict())
    assert art.times[0].type == "TIME"
    old = Article.from_dict({"id": "a", "source": "s", "times": [{"text": "dün", "value": None}]})
    assert old.times[0].type == ""


@pytest.mark.timeout(120)
def test_timex_eval_and_bitezat_floors():
    res = load_bench("times").main()
    assert res["gold_timex"] >= floor("times", "gold_timex")
    assert res["timex_found"] >= floor("times", "timex_found")
    assert res["timex_value_accuracy"] >= floor("times", "timex_value_accuracy")
    if "bitezat_f1" not in res:
        pytest.skip("biTEZAT-dev data absent")
    assert res["bitezat_f1"] >= floor("times", "bitezat_f1")
