"""Quotes: direct/indirect/fragment, speakers, multi-paragraph quotes (real Turkish)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import floor, load_bench

from gundem.extract.quotes import extract_quotes, find_quote_spans
from gundem.model import Article, Entity

REPO = Path(__file__).resolve().parents[1]


def _quotes(text: str, published: str | None = None, entities: list[Entity] | None = None):
    art = Article(id="t", source="test", text=text, published=published, entities=entities or [])
    return extract_quotes(art).quotes


def _direct(text: str, **kw):
    return [q for q in _quotes(text, **kw) if q.kind == "direct"]


def test_speaker_before_curly_quote_and_cue():
    qs = _direct("Dışişleri Bakanı Hakan Fidan, “Vize kuyrukları kabul edilemez” dedi.")
    assert len(qs) == 1
    assert qs[0].speaker == "Hakan Fidan"
    assert qs[0].cue == "dedi"
    assert qs[0].text == "Vize kuyrukları kabul edilemez"


def test_span_points_at_quoted_text():
    text = "Özel, “Erken seçim şart” ifadesini kullandı."
    q = _direct(text)[0]
    assert text[q.start : q.end] == "Erken seçim şart"
    assert q.cue == "ifadesini kullandı"


def test_speaker_after_participle_cue():
    qs = _direct("“İmar affı kabul edilemez” diyen Öztürk, tepkisini sürdürdü.")
    assert qs[0].speaker == "Öztürk"
    assert qs[0].cue == "diyen"


def test_speaker_after_finite_cue():
    text = (
        "Kaja Kallas görüşmeye katıldı.\n\n"
        "“Önümüzdeki hafta yeniden bir araya geleceğiz” dedi Kallas."
    )
    assert _direct(text)[0].speaker == "Kaja Kallas"


def test_colon_led_multi_paragraph_quote_is_one_quote():
    text = (
        "İçişleri Bakanı Ali Yerlikaya sel bölgesinde incelemelerde bulundu.\n\n"
        "Bakan, şunları söyledi:\n\n"
        "“Tüm ekiplerimiz sahada.\n\n"
        "Hiçbir vatandaşımız mağdur olmayacak.\n\n"
        "Hasar tespiti iki gün içinde bitecek.”\n\n"
        "Vatandaşlar ise yardımların geciktiğinden şikâyet etti."
    )
    qs = _direct(text)
    assert len(qs) == 1
    assert qs[0].speaker == "Ali Yerlikaya"
    assert qs[0].cue == "şunları söyledi"
    assert qs[0].text.startswith("Tüm ekiplerimiz") and qs[0].text.endswith("bitecek.")


def test_each_paragraph_opens_only_last_closes():
    text = (
        "Eski Başbakan Ayşe Demir anılarını anlattı.\n\n"
        "Demir, “Siyasete genç yaşta girdim.\n\n"
        "“İlk seçimde kaybettim ama pes etmedim.\n\n"
        "“Bugün gençlere aynı şeyi söylüyorum” diye konuştu."
    )
    qs = _direct(text)
    assert len(qs) == 1
    assert "“" not in qs[0].text
    assert qs[0].speaker == "Ayşe Demir"


def test_ad_slot_removed_quote_stays_one():
    # an ad slot removed by the cleaner leaves consecutive paragraphs
    text = (
        "Kuzey Kore lideri Kim Jong-un konuştu.\n\n"
        "Kim’se şöyle karşılık verdi:\n\n"
        "“İlişkilerimiz her alanda gelişti.\n\n"
        "Çeşitli sektörlerde işbirliği yaptık.”"
    )
    qs = _direct(text)
    assert len(qs) == 1 and qs[0].speaker == "Kim Jong-un"


def test_carried_over_speaker_from_previous_sentence():
    text = (
        "Ekonomi Bakanı Kemal Sarı, enflasyonun düşeceğini belirtti. "
        "“Yıl sonunda tek haneyi göreceğiz” diye ekledi."
    )
    qs = _direct(text)
    assert qs[0].speaker == "Kemal Sarı"
    assert qs[0].cue == "diye ekledi"


def test_role_phrase_resolves_to_person():
    text = (
        "Rusya Devlet Başkanı Vladimir Putin ile Fransa Cumhurbaşkanı Emmanuel Macron "
        "telefonda görüştü.\n\n"
        "Rus lider, görüşmede şunları söyledi: “Diyaloğa açığız.”\n\n"
        "Fransız lider ise “Önce ateşkes gerekli” dedi."
    )
    qs = _direct(text)
    assert [q.speaker for q in qs] == ["Vladimir Putin", "Emmanuel Macron"]


def test_bare_role_bakan_resolves_to_minister_named_earlier():
    text = (
        "Sağlık Bakanı Kemal Özdemir hastaneyi ziyaret etti. "
        "Bakan, “Yeni yoğun bakım ünitesi açılacak” dedi."
    )
    assert _direct(text)[0].speaker == "Kemal Özdemir"


def test_entities_give_canonical_name():
    ent = Entity(name="Kim Jong-un", type="PERSON", aliases=["Kim Jong Un", "Kim"])
    text = "Kim Jong Un ise “Rusya’ya yardım edeceğiz” şeklinde konuştu."
    assert _direct(text, entities=[ent])[0].speaker == "Kim Jong-un"


def test_indirect_speech():
    qs = _quotes(
        "Merkez Bankası Başkanı Aylin Sert, faizlerin bir süre sabit kalacağını ifade etti."
    )
    assert len(qs) == 1
    q = qs[0]
    assert q.kind == "indirect" and q.speaker == "Aylin Sert" and q.cue == "ifade etti"
    assert q.text == "faizlerin bir süre sabit kalacağını"


def test_scare_quote_is_fragment_without_speaker():
    qs = _quotes("Muhalefet partileri bu planı “sessiz bir teslimiyet” olarak nitelendiriyor.")
    assert [(q.kind, q.speaker) for q in qs] == [("fragment", None)]


def test_diye_hitap_is_not_speech():
    qs = _quotes("Putin, kendisine ‘yoldaş’ diye hitap eden lidere teşekkür etti.")
    assert [q.kind for q in qs] == ["fragment"]


def test_pull_quote_copy_is_not_counted_twice():
    text = (
        "‘Askerleriniz cesurca savaştı’\n\n"
        "Devlet Başkanı Vladimir Putin, “Askerleriniz cesurca savaştı. Bunu unutmayacağız” "
        "dedi."
    )
    qs = _direct(text)
    assert len(qs) == 1 and qs[0].speaker == "Vladimir Putin"


def test_apostrophe_is_not_a_closing_single_quote():
    spans = find_quote_spans("Yöneticiler ‘Putin’in planı’ diye bir şeyden söz etti.")
    assert len(spans) == 1 and spans[0].text == "Putin’in planı"


def test_ascii_quotes_and_guillemets():
    qs = _direct(
        'Lin Jian, "Bu adım barışı tehdit ediyor" dedi. '
        "Rutte ise «Desteğimiz sürecek» diye konuştu."
    )
    assert [q.text for q in qs] == ["Bu adım barışı tehdit ediyor", "Desteğimiz sürecek"]


def test_split_quote_around_cue_is_one_quote():
    qs = _direct("“Bu karar,” dedi Bakan Yılmaz, “hukuka aykırıdır.”")
    assert len(qs) == 1 and qs[0].text == "Bu karar, hukuka aykırıdır."


def test_gore_source_used_only_without_other_speaker():
    qs = _direct("Kremlin Sözcüsü Dmitriy Peskov’a göre “görüşmeler yapıcı geçti.”")
    assert qs[0].speaker == "Dmitriy Peskov"
    qs = _direct("KCNA’ya göre Kim Jong-un, “Hazırız” dedi.")
    assert qs[0].speaker == "Kim Jong-un"


def test_headline_colon_speaker():
    qs = _direct("Cumhurbaşkanı Erdoğan: “Hedefimizden vazgeçmeyeceğiz.”")
    assert qs[0].speaker == "Erdoğan"


def test_indirect_before_colon_quote():
    qs = _quotes(
        "Prof. Dr. Ateş Kara, risk grubundakilerin dikkatli olması gerektiğini "
        "vurguladı: “Kalabalıktan uzak durun.”"
    )
    kinds = sorted((q.kind, q.speaker) for q in qs)
    assert kinds == [("direct", "Ateş Kara"), ("indirect", "Ateş Kara")]


def test_empty_text():
    assert _quotes("") == []


@pytest.mark.timeout(120)
def test_quotes_eval_targets(capsys):
    res = load_bench("quotes").main()
    assert res["gold_quotes"] >= floor("quotes", "gold_quotes")
    assert res["quote_f1"] >= floor("quotes", "quote_f1")
    assert res["speaker_accuracy"] >= floor("quotes", "speaker_accuracy")
