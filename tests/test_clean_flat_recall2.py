"""Flattened pages, second round: body text next to the body region stays (issue 13, point 6)."""

from __future__ import annotations

from gundem.clean import boilerplate
from gundem.clean.boilerplate import clean_text

_LEAD = "Am Montag fiel in Kassel der Strom aus."
_BODY = [
    "Rund zwölftausend Haushalte im Norden der Stadt waren am Vormittag fast drei Stunden "
    "lang ohne Strom, nachdem bei Bauarbeiten an einer Umgehungsstraße ein Erdkabel "
    "beschädigt worden war. Die Stadtwerke schickten mehrere Trupps zu den Umspannwerken.",
    "Ampeln an zwei großen Kreuzungen fielen aus, die Polizei regelte den Verkehr von Hand. "
    "In einem Pflegeheim sprang das Notstromaggregat an, wie ein Sprecher des Trägers "
    "bestätigte; verletzt wurde nach ersten Angaben niemand.",
    "Gegen Mittag waren die meisten Straßenzüge wieder versorgt. Die Stadtwerke kündigten "
    "an, die Baufirma für den Schaden in Anspruch zu nehmen, und prüfen nun, ob die Leitung "
    "in den Plänen falsch eingezeichnet war.",
]


def _page() -> str:
    return "\n\n".join(
        ["Startseite", "Region", _LEAD, "Foto: Jana Berg", "Teilen", *_BODY, "Impressum"]
    )


def test_short_lead_just_before_the_body_region_is_kept() -> None:
    r = clean_text(_page())
    kept = r.text
    assert _LEAD in (
        r.title,
        *[b.text for b in r.paragraphs],
    )  # a lone lead sentence may be the title
    assert all(p in kept for p in _BODY)
    assert "Startseite" not in kept and "Teilen" not in kept


def test_without_the_lead_gap_the_lead_is_lost(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(boilerplate, "_LEAD_GAP", 0)
    r = clean_text(_page())
    assert _LEAD not in (r.title, *[b.text for b in r.paragraphs])
