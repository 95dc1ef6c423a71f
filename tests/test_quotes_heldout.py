"""Quote attribution kinds the held-out set (tests/data/quotes_heldout_eval.jsonl) showed:
acronyms inside titles, anaphoric roles, passive reports, converb reports, occupation words
after "diyen", role phrases kept beside the person, fragments out of exports by default."""

from __future__ import annotations

from fixtures import floor, load_bench

from gundem.extract.quotes import extract_quotes
from gundem.model import Article, Quote


def _quotes(text: str) -> list[Quote]:
    return extract_quotes(Article(id="t", source="t", text=text)).quotes


def _by_kind(text: str, kind: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in _quotes(text) if q.kind == kind]


def test_acronym_role_links_to_the_person_and_keeps_the_role() -> None:
    text = (
        "Türkiye Basketbol Federasyonu (TBF) Başkanı Hidayet Türkoğlu dün kulüplerle bir araya "
        "geldi.\n\nTBF Başkanı, “Yabancı kuralını gelecek sezon yeniden ele alacağız” dedi."
    )
    (q,) = [q for q in _quotes(text) if q.kind == "direct"]
    assert (q.speaker, q.speaker_role) == ("Hidayet Türkoğlu", "TBF Başkanı")


def test_bracketed_acronym_does_not_break_an_organisation_subject() -> None:
    text = (
        "Ziraat Mühendisleri Odası (ZMO) ise kuraklığın buğday rekoltesini yarıya "
        "düşürdüğünü açıkladı."
    )
    assert _by_kind(text, "indirect") == [
        ("Ziraat Mühendisleri Odası", "kuraklığın buğday rekoltesini yarıya düşürdüğünü")
    ]


def test_nationality_role_and_epithet_take_the_person_just_quoted() -> None:
    text = (
        "Fransız mevkidaşı Jean-Noël Barrot ise görüşmenin verimli geçtiğini söyledi. "
        "Fransız Bakan, “Ankara ile enerji alanında yeni adımlar atacağız” diye konuştu.\n\n"
        "Deneyimli diplomat, gazetecilerin sorularını da yanıtladı. Tecrübeli isim, "
        "“Takvimi önümüzdeki hafta netleştireceğiz” dedi."
    )
    assert [s for s, _ in _by_kind(text, "direct")] == ["Jean-Noël Barrot", "Jean-Noël Barrot"]
    assert "Fransız" not in {s for s, _ in _by_kind(text, "direct")}


def test_passive_report_has_no_speaker_unless_its_framing_names_one() -> None:
    text = (
        "Fabrikada çıkan yangında iki işçinin dumandan etkilendiği öğrenildi. "
        "Marmara Üniversitesi Hastanesi’nden yapılan açıklamada ise yaralıların "
        "durumunun iyi olduğu bildirildi. Kurum, tedavinin yarın sona ereceğini duyurdu."
    )
    assert _by_kind(text, "indirect") == [
        (None, "Fabrikada çıkan yangında iki işçinin dumandan etkilendiği"),
        ("Marmara Üniversitesi Hastanesi", "yaralıların durumunun iyi olduğu"),
        ("Marmara Üniversitesi Hastanesi", "tedavinin yarın sona ereceğini"),
    ]


def test_converb_report_before_a_quote_is_an_indirect_quote_of_its_speaker() -> None:
    text = (
        "Belediye Başkanı Mansur Yavaş, metro hattının 2027’de açılacağını vurgulayarak "
        "“Kazı çalışmaları planlandığı gibi ilerliyor” dedi."
    )
    assert _by_kind(text, "indirect") == [("Mansur Yavaş", "metro hattının 2027’de açılacağını")]
    assert _by_kind(text, "direct") == [
        ("Mansur Yavaş", "Kazı çalışmaları planlandığı gibi ilerliyor")
    ]


def test_occupation_words_between_diyen_and_the_name() -> None:
    text = (
        "Pazar yerinde fiyatlar yine tartışma konusu oldu. Sebze satan Hüseyin Kılıç "
        "tezgâhını erkenden kurdu. “Domatesi kimse almıyor” diyen emekli öğretmen Sevim "
        "Uçar ise fiyatların iki haftada ikiye katlandığını anlattı."
    )
    assert _by_kind(text, "direct") == [("Sevim Uçar", "Domatesi kimse almıyor")]
    assert _by_kind(text, "indirect") == [
        ("Sevim Uçar", "fiyatların iki haftada ikiye katlandığını")
    ]


def test_indirect_statement_about_a_country_goes_to_the_leader() -> None:
    text = (
        "Kuzey Kore lideri Kim Jong-un, Pyongyang’da askeri heyeti kabul etti. Kim, Kuzey "
        "Kore ordusunun müttefiklerine her koşulda destek vereceğini vurguladı."
    )
    assert _by_kind(text, "indirect") == [
        ("Kim Jong-un", "Kuzey Kore ordusunun müttefiklerine her koşulda destek vereceğini")
    ]


def test_export_leaves_fragments_out_unless_asked() -> None:
    art = Article(
        id="e1", source="t", text="x",
        quotes=[Quote("Ali Can", "Köprü yarın açılacak", "direct", "dedi", speaker_role="Vali"),
                Quote(None, "tarihi gün", "fragment")],
    )  # fmt: skip
    assert [q["kind"] for q in art.export()["quotes"]] == ["direct"]
    assert art.export()["quotes"][0]["speaker_role"] == "Vali"
    assert [q["kind"] for q in art.export(fragments=True)["quotes"]] == ["direct", "fragment"]
    back = Article.from_dict(art.to_dict())
    assert back.quotes[0].speaker_role == "Vali"


def test_heldout_set_floors() -> None:
    res = load_bench("quotes").main()
    assert res["heldout_gold_quotes"] >= floor("quotes", "gold_heldout_quotes")
    assert res["heldout_quote_f1"] >= floor("quotes", "heldout_quote_f1")
    assert res["heldout_speaker_accuracy"] >= floor("quotes", "heldout_speaker_accuracy")
    assert res["heldout_role_accuracy"] >= floor("quotes", "heldout_role_accuracy")


def test_participle_report_belongs_to_the_role_after_it() -> None:
    text = (
        "Ödüllü yönetmen Zeki Demirkubuz yeni filminin çekimlerine başladı. Filmin "
        "bütçesinin devlet desteği olmadan karşılandığını belirten yönetmenle setin "
        "ilk gününde konuştuk."
    )
    (q,) = [q for q in _quotes(text) if q.kind == "indirect"]
    assert (q.speaker, q.text, q.speaker_role) == (
        "Zeki Demirkubuz",
        "Filmin bütçesinin devlet desteği olmadan karşılandığını",
        "yönetmen",
    )
