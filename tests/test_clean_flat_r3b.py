"""Flattened pages, round 3b: legal small print and end-of-article pitches go.

All page texts here are written for these tests.
"""

from __future__ import annotations

from fixtures import flat_text as _page

from gundem.clean.boilerplate import clean_text

_BODY_TR = [
    "Eskişehir'de belediye, kent merkezindeki tramvay hattının sonbaharda Organize Sanayi "
    "Bölgesi'ne kadar uzatılacağını ve sefer sıklığının artırılacağını açıkladı.",
    "Ulaşım dairesi yetkilileri, yeni hattın günde yaklaşık on beş bin yolcuya hizmet "
    "vermesinin beklendiğini ve inşaatın gece saatlerinde sürdürüleceğini söyledi.",
    "Esnaf temsilcileri, çalışmalar sırasında cadde üzerindeki dükkanlara erişimin "
    "korunması için belediyeden yazılı güvence istediklerini belirtti.",
]

_RECIPE_DE = [
    "Apfel-Zimt-Schnecken",
    "Zutaten:",
    "300 g Mehl",
    "1 Päckchen Hefe",
    "2 Äpfel",
    "1 TL Zimt",
    "Zubereitung:",
    "Die Hefe in lauwarmer Milch auflösen.",
    "Alles zu einem Teig kneten und eine Stunde gehen lassen.",
    "Den Teig ausrollen, mit Äpfeln belegen und aufrollen.",
    "Bei 180 Grad etwa 25 Minuten backen.",
]

_LEGAL_DE = [
    "Haftungshinweis",
    "Trotz sorgfältiger Prüfung übernehme ich keine Haftung für die Inhalte externer Links. "
    "Für den Inhalt der verlinkten Seiten sind ausschließlich deren Betreiber verantwortlich, "
    "und alle Angaben in diesem Blog erfolgen ohne Gewähr, auch wenn sie mit großer Sorgfalt "
    "zusammengestellt wurden.",
    "Die Fotos in diesem Blog stehen unter einer Creative-Commons-Lizenz und dürfen mit "
    "Namensnennung für nicht kommerzielle Zwecke weiterverwendet werden.",
]


def test_legal_footer_does_not_win_over_a_recipe() -> None:
    text = clean_text(_page(*_RECIPE_DE, "Kommentar verfassen", *_LEGAL_DE)).text
    assert "Bei 180 Grad etwa 25 Minuten backen." in text
    assert "keine Haftung" not in text
    assert "Creative-Commons" not in text


def test_rights_notice_after_the_article_goes() -> None:
    notice = (
        "Bu içeriğin tüm hakları saklıdır; izinsiz kullanılamaz ve kaynak gösterilmeden "
        "yayımlanamaz."
    )
    text = clean_text(_page(*_BODY_TR, notice)).text
    assert _BODY_TR[-1] in text
    assert "saklıdır" not in text


def test_advertising_disclosure_goes() -> None:
    body = [
        "The county library in Shropshire reopened its reading room on Saturday after a "
        "year of repairs to the leaking roof and the old heating system.",
        "Volunteers carried some twelve thousand books back to the shelves over three "
        "weekends, the head librarian said.",
        "Opening hours will be extended on Thursdays so that pupils can study after school.",
    ]
    disclosure = (
        "Advertising disclosure: we may receive compensation for some of the links on this page."
    )
    text = clean_text(_page(*body, disclosure)).text
    assert body[-1] in text
    assert "compensation" not in text


def test_inbox_pitch_and_letter_line_go() -> None:
    body = [
        "The harbour board in Galway approved a plan on Tuesday to dredge the inner basin "
        "so that larger fishing boats can land their catch at low tide.",
        "Work is due to start in March and should take about ten weeks, the board said.",
        "Fishermen had asked for the dredging for years after several boats ran aground.",
    ]
    pitch = "Get the week's best stories delivered to your inbox every Friday."
    letter = "Have a view on this story? Send a letter to the editor."
    text = clean_text(_page(*body, pitch, letter)).text
    assert body[-1] in text
    assert "inbox" not in text
    assert "letter to the editor" not in text


def test_copyright_case_article_keeps_its_prose() -> None:
    body = [
        "Ein Berliner Gericht hat am Dienstag entschieden, dass ein Fotograf für die "
        "Verwendung seiner Bilder in einer Werbebroschüre entschädigt werden muss.",
        "Die Richter stellten fest, dass die Aufnahmen urheberrechtlich geschützt seien und "
        "der Verlag die Rechte nicht erworben habe. Die Entschädigung beträgt nach Angaben "
        "des Gerichts rund zwölftausend Euro, hinzu kommen die Kosten des Verfahrens, die "
        "der Verlag ebenfalls tragen muss, weil er die Nutzung trotz mehrerer Hinweise des "
        "Fotografen über zwei Jahre fortgesetzt habe und eine gütliche Einigung abgelehnt "
        "hatte, wie eine Sprecherin des Landgerichts am Nachmittag erklärte.",
        "Der Verlag kündigte an, gegen das Urteil Berufung einzulegen.",
    ]
    text = clean_text(_page("Fotograf gewinnt gegen Verlag", *body)).text
    assert body[1] in text  # a long paragraph on copyright is article text


def test_offer_pitch_after_the_article_goes() -> None:
    body = [
        "Der Stadtrat von Kassel hat am Montag beschlossen, die Buslinie zum Klinikum ab "
        "Januar auch am Wochenende im Halbstundentakt fahren zu lassen.",
        "Die Verkehrsbetriebe rechnen mit Mehrkosten von rund 300.000 Euro im Jahr.",
        "Der Fahrgastverband begrüßte den Beschluss als überfällig.",
    ]
    pitch = "Mit unserem Newsletter immer bestens informiert – nichts mehr versäumen!"
    text = clean_text(_page(*body, pitch)).text
    assert body[-1] in text
    assert "bestens informiert" not in text
