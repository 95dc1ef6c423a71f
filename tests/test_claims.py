"""Numeric claims: digits, number words, qualifiers, units, sources, exclusions."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import floor, load_bench

from gundem.extract.claims import extract_claims
from gundem.extract.numbers import parse_digits, parse_number_words
from gundem.extract.quotes import extract_quotes
from gundem.extract.times import extract_times
from gundem.model import Article

REPO = Path(__file__).resolve().parents[1]


def _claims(text: str):
    art = Article(id="t", source="test", text=text)
    return extract_claims(extract_times(extract_quotes(art))).claims


def _one(text: str):
    cs = _claims(text)
    assert len(cs) == 1, cs
    return cs[0]


def test_number_words():
    assert parse_number_words(["iki", "bin", "beş", "yüz"]) == 2500
    assert parse_number_words(["yirmi", "üç"]) == 23
    assert parse_number_words(["yüz", "bin"]) == 100_000
    assert parse_number_words(["kişi"]) is None


def test_digits_turkish_notation():
    assert parse_digits("1.250") == 1250
    assert parse_digits("3,5") == 3.5
    assert parse_digits("14.300") == 14300
    assert parse_digits("1.2.3") is None


def test_thousands_with_unit_and_case_suffix():
    c = _one("Pyongyang’ın cepheye 11 bin Kuzey Kore askerini yolladığı öne sürüldü.")
    assert (c.value, c.unit, c.qualifier) == (11000, "asker", "")


def test_qualifier_and_acronym_source():
    c = _one(
        "Seul’deki Milli İstihbarat Servisi’ne (NIS) göre çatışmalarda yaklaşık 2 bin "
        "Kuzey Kore askeri hayatını kaybetti."
    )
    assert (c.value, c.unit, c.qualifier, c.attributed_to) == (2000, "asker", "yaklaşık", "NIS")


def test_apostrophe_source():
    c = _one("KCNA’ya göre tatbikata 30 bin asker katıldı.")
    assert c.attributed_to == "KCNA"


def test_sources_plural():
    c = _one("Japonya, Kanada ve Polonya kaynaklarına göre Pyongyang binlerce asker yolladı.")
    assert c.value is None and c.qualifier == "binlerce" and c.unit == "asker"
    assert c.attributed_to == "Japonya, Kanada ve Polonya kaynakları"


def test_money_and_percent():
    cs = _claims("Şirket 3,5 milyar dolar ciro yaptı. Kâr yüzde 12, pazar payı %8,5 oldu.")
    assert [(c.value, c.unit) for c in cs] == [(3.5e9, "dolar"), (12, "%"), (8.5, "%")]


def test_compound_thousands_and_more_than():
    c = _one("Kazalarda 6 bin 500’den fazla kişi öldü.")
    assert (c.value, c.unit, c.qualifier) == (6500, "kişi", "-den fazla")


def test_word_numbers_with_people_only():
    cs = _claims(
        "Kazada iki kişi öldü. İki ülke arasındaki ilişkiler gelişti. "
        "Toplantıya iki bin delege katıldı."
    )
    assert [(c.value, c.unit) for c in cs] == [(2, "kişi"), (2000, "delege")]


def test_exclusions_dates_years_ordinals_times():
    text = (
        "Heyetler, 2’nci turun ardından 80’inci kuruluş yıl dönümünde 3 Eylül "
        "2025’te saat 14.30’da bir araya geldi. Anlaşma 2024 yılında imzalandı. "
        "BIST 100 endeksi yükseldi."
    )
    assert _claims(text) == []


def test_decimal_point_before_scale_and_percent_words():
    assert [(c.value, c.unit) for c in _claims("Nüfus 2.5 milyon kişiye ulaştı.")] == [
        (2.5e6, "kişi")
    ]
    assert [(c.value, c.unit) for c in _claims("Başarı yüzde yüz oldu.")] == [(100, "%")]


def test_page_furniture_excluded():
    assert _claims("1. Ana Sayfa\n\n0\n\nBeğendim\n\n2\n\nHaberler") == []


def test_possessive_number_has_no_unit():
    c = _claims("Fabrikadaki 600 işçinin 200’ü işten çıkarıldı.")[1]
    assert (c.value, c.unit) == (200, "")


def test_reporting_subject_as_source():
    c = _one("AFAD, depremde 12 kişinin yaralandığını açıkladı.")
    assert (c.unit, c.attributed_to) == ("kişi", "AFAD")


def test_number_inside_quote_takes_speaker():
    c = _one("Bakan Ayşe Yıldırım, “Bu yıl 12 yeni hastane açacağız” dedi.")
    assert (c.value, c.unit, c.attributed_to) == (12, "hastane", "Ayşe Yıldırım")


@pytest.mark.timeout(120)
def test_claims_eval_targets(capsys):
    res = load_bench("claims").main()
    assert res["gold_claims"] >= floor("claims", "gold_claims")
    assert res["claim_f1"] >= floor("claims", "claim_f1")
    assert res["figures_gold_claims"] >= floor("claims", "gold_figures")
    assert res["figures_claim_f1"] >= floor("claims", "figures_claim_f1")
    assert res["figures_measure_accuracy"] >= floor("claims", "figures_measure_accuracy")
    assert res["figures_attribution_accuracy"] >= floor("claims", "figures_attribution_accuracy")
    assert res["figures_conflict_f1"] >= floor("claims", "figures_conflict_f1")
