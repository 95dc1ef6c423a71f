"""Flattened pages, second round: box headers, post meta, credits and widget lines go.

All page texts here are written for these tests.
"""

from __future__ import annotations

import pytest
from fixtures import flat_text as _page
from fixtures import kept_blocks as _kept

_BODY_TR = [
    "Konya'da çiftçiler, kuraklık nedeniyle bu yıl buğday ekim alanını yüzde yirmi oranında "
    "daralttıklarını ve sulama maliyetinin iki katına çıktığını söyledi.",
    "Ziraat Odası Başkanı, kooperatiflere verilen mazot desteğinin artırılması için "
    "bakanlığa yazılı başvuruda bulunduklarını açıkladı.",
    "Uzmanlar, damla sulamaya geçişin yer altı sularının korunması açısından önümüzdeki on "
    "yılda belirleyici olacağını vurguladı.",
    "İl Tarım Müdürlüğü ise hasat sezonunda üreticilere ücretsiz toprak analizi yapılacağını "
    "duyurdu.",
]

_BODY_EN = [
    "The harbour authority in Aberdeen said on Monday that a new ferry terminal would open "
    "next spring, cutting waiting times for island passengers by almost half.",
    "Engineers spent two winters reinforcing the old quay, which had been damaged by storms "
    "and could no longer take the weight of modern vessels.",
    "Local businesses welcomed the plan, although some residents worried about the extra "
    "traffic that lorries heading for the terminal would bring to the narrow streets.",
    "The council expects the project to create around eighty permanent jobs once the first "
    "sailings to Orkney and Shetland begin.",
]

_BODY_DE = [
    "Der Landkreis Göttingen will bis zum Herbst an allen Grundschulen neue Lüftungsanlagen "
    "einbauen lassen, teilte die Kreisverwaltung am Mittwoch mit.",
    "Nach Angaben des Schulamtes wurden die Geräte bereits im Frühjahr bestellt, die "
    "Lieferung habe sich aber wegen fehlender Bauteile mehrfach verzögert.",
    "Elternvertreter begrüßten die Entscheidung, forderten jedoch, dass die Arbeiten nicht "
    "während der Unterrichtszeit stattfinden dürften.",
    "Die Kosten von knapp vier Millionen Euro trägt zum größten Teil das Land Niedersachsen.",
]


def test_latest_news_header_after_the_article_ends_it() -> None:
    teasers = [
        "Ankara'da doğalgaz zammı sonrası faturalar iki katına çıktı",
        "Belediye otobüslerinde yeni kart dönemi başlıyor",
        "Süper Lig'de haftanın hakemleri açıklandı",
    ]
    page = _page(
        "Kuraklık Konya ovasında ekim alanını daralttı", *_BODY_TR, "Son Haberler", *teasers
    )
    kept = _kept(page)
    assert all(p in kept for p in _BODY_TR)
    assert not any(t in kept for t in teasers)
    assert "Son Haberler" not in kept


def test_see_also_header_in_german_ends_the_article() -> None:
    links = [
        "Schulbau in Südniedersachsen: Was die Kommunen planen",
        "Mehr Geld für Ganztagsschulen im Landkreis Northeim",
    ]
    page = _page("Neue Lüftungsanlagen für Grundschulen", *_BODY_DE, "Siehe auch", *links)
    kept = _kept(page)
    assert all(p in kept for p in _BODY_DE)
    assert not any(x in kept for x in links)


def test_reading_time_and_filing_lines_go() -> None:
    filing = (
        "This entry was posted in Local news and tagged ferries, harbour, Aberdeen. "
        "Bookmark the permalink."
    )
    page = _page(
        "Aberdeen to open new ferry terminal next spring",
        "4 min read",
        *_BODY_EN,
        filing,
    )
    kept = _kept(page)
    assert all(p in kept for p in _BODY_EN)
    assert "4 min read" not in kept
    assert filing not in kept


def test_german_reading_time_and_stamp_go() -> None:
    page = _page(
        "Neue Lüftungsanlagen für Grundschulen",
        "Veröffentlicht am 12. März 2024 von Jana Korte",
        "Lesezeit: 3 Minuten",
        *_BODY_DE,
    )
    kept = _kept(page)
    assert all(p in kept for p in _BODY_DE)
    assert "Lesezeit: 3 Minuten" not in kept
    assert "Veröffentlicht am 12. März 2024 von Jana Korte" not in kept


def test_credit_without_colon_goes() -> None:
    credit = "Photo by Fiona MacLeod on Unsplash"
    page = _page(
        "Aberdeen to open new ferry terminal next spring",
        _BODY_EN[0],
        _BODY_EN[1],
        credit,
        _BODY_EN[2],
        _BODY_EN[3],
    )
    kept = _kept(page)
    assert all(p in kept for p in _BODY_EN)
    assert credit not in kept


def test_widget_lines_inside_the_article_go() -> None:
    page = _page(
        "Neue Lüftungsanlagen für Grundschulen",
        "Inhaltsverzeichnis",
        _BODY_DE[0],
        _BODY_DE[1],
        "Externer Inhalt",
        _BODY_DE[2],
        _BODY_DE[3],
        "PDF herunterladen",
        "Folgen Sie uns auf",
    )
    kept = _kept(page)
    assert all(p in kept for p in _BODY_DE)
    for line in (
        "Inhaltsverzeichnis",
        "Externer Inhalt",
        "PDF herunterladen",
        "Folgen Sie uns auf",
    ):
        assert line not in kept


@pytest.mark.parametrize(
    "line",
    [
        "Published in 1998, the first harbour study already warned that the old quay would "
        "not survive another decade of winter storms.",
        "Published in 1998, the study warned that the quay would fail.",
    ],
)
def test_a_sentence_that_mentions_publishing_stays(line: str) -> None:
    # a stamp needs a date in its first words; running text about publishing is the article
    page = _page(
        "Aberdeen to open new ferry terminal next spring", *_BODY_EN[:2], line, *_BODY_EN[2:]
    )
    assert line in _kept(page)


def test_keyword_line_goes() -> None:
    tags = "Etiketler: kuraklık, buğday, Konya, sulama"
    page = _page("Kuraklık Konya ovasında ekim alanını daralttı", *_BODY_TR, tags)
    kept = _kept(page)
    assert all(p in kept for p in _BODY_TR)
    assert tags not in kept


def test_donation_pitch_after_the_article_goes() -> None:
    pitch = "Jede kleine Spende hilft uns, weiter unabhängig aus der Region zu berichten."
    page = _page("Neue Lüftungsanlagen für Grundschulen", *_BODY_DE, pitch)
    kept = _kept(page)
    assert all(p in kept for p in _BODY_DE)
    assert pitch not in kept
