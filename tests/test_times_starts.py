"""The start-word index of extract/times.py finds exactly what a full scan finds.

Each rule is tried only where one of its start words (or a digit) begins a word; these
texts mix cases, dotted and dotless i, glued suffixes and odd spacing, and each rule's
matches must equal ``rx.finditer`` over the whole text.
"""

from __future__ import annotations

import pytest

from gundem.extract import times
from gundem.extract.times import _AFTER_WORD, _PATTERNS, _STARTS, _Starts

TEXTS = [
    "DÜN AKŞAM SAAT 21.30'DA arandım; İKİ GÜN SONRA, 3 HAFTADIR beklediğim kargo geldi.",
    "Siparişi VERDİĞİM TARİHTE ödeme yaptım, teslİm tarihi 12.04.2021 olarak görünüyordu.",
    "geçen pazartesi günü   \n\n  iki  \t gün boyunca bekledim; her ayın 5'inde fatura kesiliyor.",
    "Bu ayakkabıyı Mart'ta aldım, 2019 yılında da aynısı olmuştu. Şu an hâlâ iade yok.",
    "Iki yıl önce, ıkı gündür, BİR KAÇ HAFTA içinde, yirmibeş dakika sonra, haftaya Cuma.",
    "ertesi gün sabah 8:15'te; o gün; önümüzdeki haftalarda; ilkbahar aylarında; yarım saat",
    "Kargo12.04.2021 tarihinde çıktı (saat14.00) ve 2-3 gün içerisinde gelmesi gerekiyordu.",
    "İ̇ki gün önce",  # İ followed by a combining dot: the fold changes length, full scan
    "Günde 3 kez, haftada bir, yılda en az iki defa; 15 Temmuz 2016 gecesi 22.00 sularında.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_index_matches_full_scan(text: str) -> None:
    starts = _Starts(text)
    for kind, rx in _PATTERNS:
        got = [(m.span(), m.group()) for m in starts.matches(kind, rx)]
        assert got == [(m.span(), m.group()) for m in rx.finditer(text)], kind


def test_every_rule_has_start_words() -> None:
    kinds = {k for k, _ in _PATTERNS}
    assert kinds <= set(_STARTS) | set(_AFTER_WORD)
    assert not (set(_STARTS) | set(_AFTER_WORD)) - kinds


def test_spans_found_in_suffixed_upper_case() -> None:
    found = [m.group() for _, _, _, m in times.find_time_spans(TEXTS[0])]
    assert "İKİ GÜN SONRA" in found and "3 HAFTADIR" in found
