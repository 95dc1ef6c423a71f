"""Reports in another language join the event they report (texts written for the tests)."""

from __future__ import annotations

import dataclasses

import numpy as np
from test_link_helpers import auto

from gundem.link.crosslingual import MARGIN, MIN_SIMILARITY, best_event
from gundem.link.linker import link_new
from gundem.store.db import Store


def test_best_event_needs_similarity_and_a_clear_lead() -> None:
    v = np.array([1.0, 0.0])

    def at(cos: float) -> np.ndarray:
        return np.array([cos, np.sqrt(1 - cos * cos)])

    assert best_event(v, {"a": [at(0.7)], "b": [at(0.3)]}) == "a"
    assert best_event(v, {"a": [at(MIN_SIMILARITY - 0.01)]}) is None
    assert best_event(v, {"a": [at(0.7)], "b": [at(0.7 - MARGIN / 2)]}) is None  # a close call
    assert best_event(v, {"a": [at(0.2), at(0.8)], "b": [at(0.6)]}) == "a"  # its closest article
    assert best_event(v, {}) is None


def _english(title: str, text: str, published: str, outlet: str):
    a = auto(title, text, published, outlet)
    return dataclasses.replace(a, language="en", entities=[])


def test_english_report_joins_its_turkish_event_and_not_the_other_one() -> None:
    pipeline = [
        auto("Türkiye ile Azerbaycan doğal gaz boru hattı anlaşması imzaladı",
             "Cumhurbaşkanı Erdoğan ile Azerbaycan Cumhurbaşkanı Aliyev, Bakü'de yeni doğal "
             "gaz boru hattı anlaşmasını imzaladı. Hat, Hazar gazını Türkiye'ye taşıyacak.",
             "2026-03-10", f"Haber {i}")
        for i in range(2)
    ]  # fmt: skip
    quake = auto(
        "Ege'de 5,1 büyüklüğünde deprem: hasar bildirilmedi",
        "Ege Denizi'nde sabah saatlerinde 5,1 büyüklüğünde deprem meydana geldi. AFAD, "
        "can kaybı ya da ağır hasar bildirilmediğini açıkladı.",
        "2026-03-10", "Haber 3",
    )  # fmt: skip
    english = _english(
        "Turkey and Azerbaijan sign natural gas pipeline deal",
        "President Erdogan and Azerbaijani President Aliyev signed a new natural gas "
        "pipeline agreement in Baku. The line will carry Caspian gas to Turkey.",
        "2026-03-10", "Herald",
    )  # fmt: skip
    unrelated = _english(
        "Football club appoints new head coach",
        "The club announced on Tuesday that its new head coach signed a two-year contract "
        "and will lead the first training session this week.",
        "2026-03-10", "Herald",
    )  # fmt: skip
    store = Store(":memory:")
    # the English report arrives first: it is linked after the Turkish ones all the same
    store.add_articles([english, unrelated, *pipeline, quake])
    link_new(store)
    ev = dict(store.con.execute("SELECT id, event_id FROM articles").fetchall())
    assert ev[english.id] == ev[pipeline[0].id] == ev[pipeline[1].id]
    assert ev[quake.id] != ev[english.id]
    assert ev[unrelated.id] not in {ev[english.id], ev[quake.id]}
