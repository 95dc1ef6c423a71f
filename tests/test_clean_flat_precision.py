"""Flattened pages: boilerplate after and around the article is removed without markup.

All page texts here are written for these tests.
"""

from __future__ import annotations

from fixtures import flat_text as _page
from fixtures import kept_blocks as _kept

_BODY_TR = [
    "Trabzon'da etkili olan sağanak yağış, sahil yolunda ulaşımı saatlerce aksattı ve "
    "belediye ekipleri sabaha kadar tahliye çalışması yaptı.",
    "Valilik açıklamasına göre dere yataklarına yakın oturan otuz aile geçici olarak okul "
    "binalarına yerleştirildi, yaralanan olmadı.",
    "Meteoroloji, yağışların hafta sonuna kadar aralıklarla süreceğini ve sel riskine karşı "
    "vatandaşların dikkatli olması gerektiğini bildirdi.",
    "Esnaf, su basan dükkânlardaki zararın tespiti için hasar komisyonunun bir an önce "
    "bölgeye gelmesini istedi.",
]

_BODY_DE = [
    "Der Stadtrat von Kassel hat am Dienstag mit knapper Mehrheit beschlossen, die "
    "Straßenbahnlinie in den Norden der Stadt bis zum Jahr 2028 zu verlängern.",
    "Die Kosten von rund 60 Millionen Euro sollen zum größten Teil aus Fördermitteln des "
    "Landes und des Bundes getragen werden, sagte die Verkehrsdezernentin.",
    "Anwohner hatten sich in einer Umfrage mehrheitlich für die neue Strecke ausgesprochen, "
    "Kritik kam vor allem von Gewerbetreibenden an der geplanten Trasse.",
    "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und abschnittsweise erfolgen, "
    "damit der Verkehr in der Innenstadt nicht vollständig zum Erliegen kommt.",
]


def test_newsletter_pitch_after_the_article_ends_it() -> None:
    pitch = (
        "Verpassen Sie keine Nachricht mehr aus Nordhessen: Abonnieren Sie unseren kostenlosen "
        "Newsletter und erhalten Sie jeden Morgen die wichtigsten Meldungen."
    )
    bio = (
        "Martina Keller schreibt seit zwölf Jahren über Verkehrspolitik und Stadtentwicklung. "
        "In ihrer Freizeit fährt sie am liebsten mit dem Rad durch den Habichtswald."
    )
    page = _page(
        "Startseite",
        "Lokales",
        "Straßenbahn nach Norden wird verlängert",
        *_BODY_DE,
        pitch,
        "Martina Keller",
        bio,
        "Impressum",
    )
    kept = _kept(page)
    for para in _BODY_DE:
        assert para in kept
    assert pitch not in kept and bio not in kept


def test_share_row_after_the_article_cuts_the_author_box() -> None:
    bio = (
        "Merhaba, ben Elif. On yıldır Karadeniz'in yaylalarını geziyor, gördüklerimi bu blogda "
        "fotoğraflarla birlikte sizlerle paylaşıyorum."
    )
    page = _page(
        "Ana Sayfa",
        "Trabzon'da sağanak sahil yolunu kapattı",
        *_BODY_TR,
        "Facebook Twitter WhatsApp",
        "Yazar",
        bio,
    )
    kept = _kept(page)
    for para in _BODY_TR:
        assert para in kept
    assert bio not in kept


def test_share_row_inside_the_article_keeps_the_rest() -> None:
    """Half the article after a share row is still the article."""
    page = _page("Trabzon'da sağanak sahil yolunu kapattı", *_BODY_TR[:2], "Paylaş", *_BODY_TR[2:])
    kept = _kept(page)
    for para in _BODY_TR:
        assert para in kept


def test_inline_also_read_heads_are_removed() -> None:
    links = [
        "VEA TAMBIÉN: Lluvias dejan cinco municipios sin electricidad en el norte",
        "Lesen Sie hier: Neue Radwege an der Fulda sollen im Sommer fertig sein",
        "Le puede interesar: Gobierno anuncia subsidio para familias afectadas",
    ]
    page = _page(
        "Straßenbahn nach Norden wird verlängert",
        _BODY_DE[0],
        links[0],
        _BODY_DE[1],
        links[1],
        _BODY_DE[2],
        links[2],
        _BODY_DE[3],
    )
    kept = _kept(page)
    for para in _BODY_DE:
        assert para in kept
    for link in links:
        assert link not in kept


def test_interview_turn_with_a_name_is_kept() -> None:
    """ "Mira:" opens an interview answer, not a link, when a full sentence follows."""
    turn = "Mira: Wir haben lange gezögert, aber am Ende war die Entscheidung richtig."
    page = _page("Straßenbahn nach Norden wird verlängert", *_BODY_DE[:2], turn, *_BODY_DE[2:])
    assert turn in _kept(page)


def test_date_stamp_and_caption_credit_are_not_article_text() -> None:
    stamp = "12. März 2024, 14:05 Uhr"
    caption = "Eine Straßenbahn der Linie 1 am Königsplatz in Kassel. (Symbolbild)"
    credit = "Titelbild: Stadtwerke Kassel"
    page = _page(
        "Straßenbahn nach Norden wird verlängert",
        stamp,
        caption,
        credit,
        *_BODY_DE,
    )
    kept = _kept(page)
    for para in _BODY_DE:
        assert para in kept
    for junk in (stamp, caption, credit):
        assert junk not in kept


def test_author_box_header_ends_the_article() -> None:
    bio = (
        "Jonas Weber ist Redakteur im Ressort Lokales und berichtet über den Nahverkehr, die "
        "Stadtplanung und den Wohnungsmarkt in der Region."
    )
    page = _page("Straßenbahn nach Norden wird verlängert", *_BODY_DE, "Über den Autor", bio)
    kept = _kept(page)
    assert _BODY_DE[-1] in kept and bio not in kept
