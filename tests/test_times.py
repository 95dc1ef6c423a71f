"""Time expressions → ISO values, anchored on the article date or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import floor, load_bench

from gundem.extract.times import extract_times
from gundem.model import Article

REPO = Path(__file__).resolve().parents[1]


def _times(text: str, published: str | None = None):
    art = Article(id="t", source="test", text=text, published=published)
    return [(t.text, t.value, t.precision) for t in extract_times(art).times]


def test_absolute_day_month_year():
    assert _times("Zirve 3 Eylül 2025 tarihinde yapıldı.") == [
        ("3 Eylül 2025", "2025-09-03", "day")
    ]


def test_month_year_with_apostrophe_suffix():
    assert _times("Anlaşma Haziran 2024’te imzalandı, Aralık 2024’te yürürlüğe girdi.") == [
        ("Haziran 2024’te", "2024-06", "month"),
        ("Aralık 2024’te", "2024-12", "month"),
    ]


def test_years():
    got = _times("Proje 2024 yılında başladı, 2026’da bitecek.")
    assert [v for _, v, _ in got] == ["2024", "2026"]


def test_last_year_june_relative_to_published():
    got = _times("Geçen yıl Haziran ayında imzalanan anlaşma", "2025-09-03")
    assert got == [("Geçen yıl Haziran ayında", "2024-06", "month")]


def test_relative_days():
    got = _times(
        "Bakan dün açıklama yaptı, bugün sahadaydı, yarın Ankara’ya dönecek. "
        "Kaza iki gün önce olmuştu.",
        "2025-03-14",
    )
    assert [v for _, v, _ in got] == ["2025-03-13", "2025-03-14", "2025-03-15", "2025-03-12"]


def test_weekday_most_recent_on_or_before():
    # 2025-01-09 is a Thursday
    assert _times("Putin Salı günü konuştu.", "2025-01-09")[0][1] == "2025-01-07"
    assert _times("Putin Perşembe günü konuştu.", "2025-01-09")[0][1] == "2025-01-09"


def test_weekday_future_tense_goes_forward():
    assert _times("Heyet Cuma günü gelecek.", "2025-01-09")[0][1] == "2025-01-10"


def test_unanchored_relative_and_month_stay_none():
    got = _times(
        "Rus lider Perşembe günü heyeti kabul etti. Anlaşma Aralık ayında "
        "yürürlüğe girdi. Geçtiğimiz yıl imzalanmıştı."
    )
    assert [v for _, v, _ in got] == [None, None, None]


def test_month_takes_year_from_same_sentence_only():
    got = _times(
        "2023’te başlayan kazı Aralık ayında bitti. Rapor Mart ayında çıktı.", "2025-06-01"
    )
    assert [v for _, v, _ in got] == ["2023", "2023-12", None]


def test_weeks_and_months():
    got = _times(
        "Geçen hafta toplandılar, bu ay rapor yazdılar, geçen ay da başlamışlardı.", "2024-11-02"
    )
    assert [v for _, v, _ in got] == ["2024-W43", "2024-11", "2024-10"]


def test_durations():
    got = _times(
        "Proje üç yıldır sürüyor. İki haftalık ateşkes ilan edildi. Yangın 48 saat boyunca sürdü."
    )
    assert [(v, p) for _, v, p in got] == [
        ("P3Y", "duration"),
        ("P2W", "duration"),
        ("PT48H", "duration"),
    ]


def test_bare_month_with_suffix_and_decades():
    got = _times(
        "Anlaşma Haziran’da imzalandı. 2023’te başlayan süreç Mart’ta bitti. 1990’larda göç arttı.",
        "2025-01-01",
    )
    assert got == [
        ("Haziran’da", None, "month"),
        ("2023’te", "2023", "year"),
        ("Mart’ta", "2023-03", "month"),
    ]


def test_false_friends_are_not_dates():
    # issue 14: "şu an" is a time (PRESENT_REF); "ocağında" and NIS are not
    assert _times("NIS’e göre şu an dünya genelinde maden ocağında çalışanlar var.") == [
        ("şu an", "PRESENT_REF", "ref")
    ]


@pytest.mark.timeout(120)
def test_times_eval_targets(capsys):
    res = load_bench("times").main()
    assert res["gold_times"] >= floor("times", "gold_times")
    assert res["time_value_accuracy"] >= floor("times", "time_value_accuracy")
