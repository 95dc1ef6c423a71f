"""Flattened pages: body text without markup that the cleaner must keep (issue 13, point 6)."""

from __future__ import annotations

from gundem.clean.boilerplate import clean_text


def _page(blocks: list[str]) -> str:
    return "\n\n".join(blocks)


def test_list_between_body_paragraphs_is_kept() -> None:
    text = _page(
        [
            "Ana Sayfa",
            "Yemek",
            "Fırında sebzeli mercimek köftesi",
            "Hafta sonu kalabalık sofralar için hazırlanabilecek bu tarif, hem pratik hem de "
            "ekonomik. Malzemelerin çoğu her mutfakta bulunuyor ve hazırlığı yarım saati "
            "geçmiyor, bu yüzden misafir gelmeden önce rahatça yetiştirilebiliyor.",
            "Malzemeler",
            "2 su bardağı kırmızı mercimek",
            "1 su bardağı ince bulgur",
            "3 yemek kaşığı zeytinyağı",
            "1 adet kuru soğan",
            "Yarım demet maydanoz",
            "Hazırlanışı",
            "Mercimeği bol suda yumuşayana kadar haşlayın, ocaktan aldıktan sonra bulguru "
            "ekleyip kapağı kapalı şekilde on beş dakika demlenmeye bırakın. Bu sırada soğanı "
            "zeytinyağında kavurun ve harca ekleyin.",
            "Harç ılınınca maydanozu ekleyip yoğurun, ceviz büyüklüğünde parçalar alarak şekil "
            "verin ve yağlı kâğıt serili tepside önceden ısıtılmış fırında on dakika pişirin.",
            "Paylaş",
            "Yorum yaz",
        ]
    )
    kept = clean_text(text).text
    for item in ("2 su bardağı kırmızı mercimek", "1 adet kuru soğan", "Yarım demet maydanoz"):
        assert item in kept
    assert "Paylaş" not in kept and "Ana Sayfa" not in kept


def test_spec_lines_between_paragraphs_are_kept_in_german() -> None:
    text = _page(
        [
            "Startseite",
            "Test: Ein Akkuschrauber für die Werkstatt",
            "Wir haben das neue Modell vier Wochen lang in der Werkstatt und auf der Baustelle "
            "benutzt. Der Akku hielt dabei deutlich länger, als der Hersteller angibt, und das "
            "Gerät liegt auch bei längerer Arbeit gut in der Hand.",
            "Technische Daten",
            "Gewicht mit Akku: 1,4 kg",
            "Drehmoment maximal 60 Nm",
            "Ladezeit etwa 45 Minuten",
            "Fazit",
            "Wer regelmäßig Möbel aufbaut oder Regale an die Wand schraubt, bekommt hier ein "
            "solides Werkzeug zu einem fairen Preis. Nur der Koffer wirkt etwas billig, das "
            "ändert aber nichts an unserem Urteil. Im Vergleich mit den beiden Vorgängern ist "
            "das Gerät leiser geworden, und die Lampe am Kopf leuchtet die Schraubstelle "
            "endlich so aus, dass man auch in dunklen Ecken sieht, was man tut. Ersatzakkus "
            "gibt es im Handel einzeln, sie passen auch in die anderen Geräte der Serie.",
            "Das könnte dich auch interessieren",
            "Die besten Bohrmaschinen im Vergleich",
        ]
    )
    kept = clean_text(text).text
    assert "Gewicht mit Akku: 1,4 kg" in kept
    assert "Ladezeit etwa 45 Minuten" in kept
    assert "Das könnte dich auch interessieren" not in kept


def test_article_goes_on_after_a_related_box() -> None:
    text = _page(
        [
            "World",
            "Harbour workers end strike after pay deal",
            "Dock workers at the country's largest container harbour returned to work on "
            "Monday after their union accepted a pay offer that ends a nine-day strike. The "
            "walkout had left more than forty ships waiting at anchor outside the harbour.",
            "Union leaders said the agreement raises wages by six percent this year and "
            "another four percent next year, and adds a bonus for night shifts at the harbour.",
            "Related",
            "Rail freight prices climb as drivers vote on new contract",
            "Farmers warn of losses as fruit exports stall",
            "The harbour operator said it expected the queue of waiting ships to clear within "
            "a week, and that dock workers would run extra shifts over the weekend to unload "
            "the containers that piled up during the strike.",
            "Exporters welcomed the deal but asked the government to review how strikes at the "
            "harbour are settled, saying the dock workers' dispute had cost them contracts.",
            "Comments",
            "What a mess, this should have been settled weeks ago.",
        ]
    )
    kept = clean_text(text).text
    assert "queue of waiting ships to clear" in kept
    assert "review how strikes at the harbour are settled" in kept
    assert "Farmers warn of losses" not in kept
    assert "What a mess" not in kept


def test_numbered_steps_are_kept() -> None:
    text = _page(
        [
            "Rezepte",
            "Apfelkuchen vom Blech",
            "Dieser Kuchen gelingt auch Anfängern, denn der Teig braucht weder Hefe noch lange "
            "Ruhezeiten. Im Herbst, wenn es überall frische Äpfel gibt, backen wir ihn fast "
            "jedes Wochenende für die ganze Familie.",
            "1",
            "Butter, Zucker und Eier in einer Schüssel schaumig rühren.",
            "2",
            "Mehl und Backpulver mischen und kurz unter die Masse heben.",
            "3",
            "Die Äpfel schälen, in Spalten schneiden und auf dem Teig verteilen.",
            "Den Kuchen bei 180 Grad etwa 35 Minuten backen und vor dem Servieren mit "
            "Puderzucker bestäuben. Dazu passt geschlagene Sahne oder eine Kugel Vanilleeis, "
            "und am nächsten Tag schmeckt er fast noch besser.",
        ]
    )
    kept = clean_text(text).text
    assert "Butter, Zucker und Eier in einer Schüssel schaumig rühren." in kept
    assert "Die Äpfel schälen, in Spalten schneiden und auf dem Teig verteilen." in kept
