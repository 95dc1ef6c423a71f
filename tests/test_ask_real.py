"""The real-variety question set (tests/data/ask_real, bench/ask.py): question kinds, verb
and voice synonyms, figures of the asked measure and event only, refusals, citations."""

from __future__ import annotations

import pytest
from fixtures import floor, load_bench

from gundem.ask import answer, detect_kind
from gundem.ask.verbs import groups_in, measure_of
from gundem.store.db import Store
from gundem.store.search import SearchIndex

_ask = load_bench("ask")


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    db = _ask.real_db(str(tmp_path_factory.mktemp("askreal") / "r.duckdb"))
    st = Store(db, read_only=True)
    idx = SearchIndex(db)
    idx.update(st)
    yield db, st, idx
    st.close()


@pytest.mark.parametrize(("q", "kind"), [
    ("Deniz Okan kimdir?", "who_is"),
    ("Güneysu'da dereler neden taştı?", "why"),
    ("Gürsoy kimi kabul etti?", "met"),
    ("Ahmet Kılınç'ın yerine kim geldi?", "who"),
    ("Anlaşma neyi öngörüyor?", "what"),
    ("Yaralılar hangi hastanede?", "where"),
    ("Ticaret hacmi geçen yıl ne kadardı?", "how_many"),
])  # fmt: skip
def test_new_kinds(q: str, kind: str) -> None:
    assert detect_kind(q) == kind


def test_voice_and_synonyms_share_a_measure() -> None:
    assert measure_of("Kaç kişi öldü?") == measure_of("kaç kişi hayatını kaybetti") == "killed"
    assert "killed" in groups_in("Saldırıda 23 kişi öldürüldü.")
    assert "killed" in groups_in("7 madencinin can verdiği göçük")
    assert "meet" in groups_in("Bakan, büyükelçiyi makamında kabul etti.")


def test_real_set_floor(real) -> None:
    db, _st, _idx = real
    res = _ask.evaluate_real(db)
    assert res["real_answer_accuracy"] >= floor("ask", "real_answer_accuracy")
    assert res["real_accuracy_refuse"] >= floor("ask", "real_refusal_accuracy")
    assert res["real_citation_precision"] >= floor("ask", "real_citation_precision")


def test_figures_only_from_the_asked_event_and_measure(real) -> None:
    _db, st, idx = real
    ans = answer(st, idx, "Nijer'de kaç kişi öldü?")
    assert ans.found and ans.kind == "how_many"
    assert "23" in ans.text_sentences[0]["text"] or "27" in ans.text_sentences[0]["text"]
    assert "1 kişi" not in ans.text  # the building collapse in İzmir is another event
    assert "9 kişi" not in ans.text  # the injured are another measure


def test_citations_name_outlet_title_date_url(real) -> None:
    _db, st, idx = real
    ans = answer(st, idx, "Gürsoy ile Beridze ne zaman görüştü?")
    assert ans.found and "2026-02-10" in ans.text
    c = ans.citations()[0]
    assert c["url"].startswith("https://") and c["outlet"] and c["title"] and c["published"]
    out = ans.render()
    assert c["url"] in out and c["outlet"] in out and c["article_id"] not in out
    assert "soru türü" not in out


def test_unknown_place_is_refused(real) -> None:
    _db, st, idx = real
    assert not answer(st, idx, "Beridze Paris'te kimlerle görüştü?").found


def test_replacement_names_the_newcomer_not_the_one_replaced(real) -> None:
    _db, st, idx = real
    ans = answer(st, idx, "Kemal Durmaz'ın yerine kim getirildi?")  # lead opens "ANKARA - …"
    assert ans.found and "Selim Akdoğan" in ans.text
    # the newcomer is named next to "yerine", but nobody replaced him
    assert not answer(st, idx, "Selim Akdoğan'ın yerine kim atandı?").found


def test_figures_of_the_event_named_only_in_the_title(real) -> None:
    _db, st, idx = real
    ans = answer(st, idx, "İran'da düşen uçakta kaç kişi öldü?")  # body names only Tahran
    assert ans.found and "66" in ans.text_sentences[0]["text"]
    assert "1 kişi" not in ans.text  # the building collapse in Malatya, the same day
    assert not answer(st, idx, "İran'da düşen uçakta kaç kişi yaralandı?").found


def test_a_report_saying_iki_ulke_counts_for_the_countries_of_its_title(real) -> None:
    _db, st, idx = real
    ans = answer(st, idx, "Türkiye ile Macaristan arasındaki ticaret hacmi ne kadar?")
    assert ans.found and "4,2 milyar" in ans.text_sentences[0]["text"]


@pytest.mark.parametrize(("q", "cause"), [
    ("Gebze'deki fabrika yangını neden çıktı?", "kısa devre"),
    ("Bayraklı'daki bina neden çöktü?", "kolon"),
    ("Malatya'daki bina neden çöktü?", "zemin"),
])  # fmt: skip
def test_why_finds_the_cause_given_as_a_finding(real, q: str, cause: str) -> None:
    _db, st, idx = real
    ans = answer(st, idx, q)
    assert ans.found and cause in ans.text_sentences[0]["text"]


def test_met_keeps_the_place_of_the_question(real) -> None:
    _db, st, idx = real
    ans = answer(st, idx, "Bakan Yıldırımkaya hastanede kimlerle görüştü?")
    assert ans.found and "Halász" not in ans.text  # his Budapest meeting is another event


def test_two_participants_place_from_their_own_sentences(real) -> None:
    """ "X ile Y nerede": only sentences naming both (or continuing one); a city before the
    country; a place from a sentence about someone else is no answer."""
    _db, st, idx = real
    ans = answer(st, idx, "Beridze ile Sarkisyan nerede görüştü?")
    assert ans.found and ans.kind == "where"
    assert "Bakü" not in ans.text and "Yer: Gürcistan" not in ans.text
    assert "Tiflis" in ans.text or "Orbeliani" in ans.text
    ans = answer(st, idx, "Varga Sarkisyan ile nerede görüştü?")
    assert "Erivan" in ans.text_sentences[0]["text"] and "Budapeşte" not in ans.text
    assert not answer(st, idx, "Beridze ile Varga nerede görüştü?").found


def test_city_head_and_relation_questions(real) -> None:
    _db, st, idx = real
    ans = answer(st, idx, "Beridze Memmedli ile hangi şehirde bir araya geldi?")
    assert ans.found and "Bakü" in ans.text_sentences[0]["text"]
    assert not answer(st, idx, "Sarkisyan'ın eşi kimdir?").found  # the wife, not Sarkisyan
    ans = answer(st, idx, "Varga, Sarkisyan'a ne söz verdi?")
    assert ans.kind == "said" and "enerji" in ans.text_sentences[0]["text"]


def test_unit_after_a_name_and_foresee_verbs() -> None:
    from gundem.ask.kinds import parse

    assert parse("Savaşta kaç Kuzey Kore askeri öldü?", {("kuzey", "kore"): ("Kuzey Kore", "GPE")}).unit != "kuzey"  # fmt: skip
    assert "foresee" not in groups_in("Kapsamlı stratejik ortaklık anlaşması imzalandı.")
    assert "foresee" in groups_in("Anlaşma karşılıklı askeri yardımı öngörüyor.")
