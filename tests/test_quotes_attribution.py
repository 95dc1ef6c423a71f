"""Quote attribution on real-world kinds: roles, groups, organisations, continued
statements, after-quote names, never a nationality, place or common word; framing words
out of indirect quotes; long quotes whole; fragments hidden in listings by default."""

from __future__ import annotations

from pathlib import Path

from fixtures import floor, load_bench

from gundem.extract.quotes import extract_quotes, find_phrases
from gundem.model import Article, Entity, Quote
from gundem.store import read
from gundem.store.db import Store


def _quotes(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    return extract_quotes(Article(id="t", source="t", text=text, entities=entities or [])).quotes


def _speakers(text: str, kind: str = "direct") -> list[str | None]:
    return [q.speaker for q in _quotes(text) if q.kind == kind]


def test_unnamed_role_speaks_as_the_role_phrase() -> None:
    text = (
        "Duruşma öğleden sonra başladı.\n\n"
        "Heyet Başkanı, salondaki izleyicilere seslendi: “Sessizliği bozan dışarı çıkar.”"
    )
    assert _speakers(text) == ["Heyet Başkanı"]


def test_lower_case_group_subject_is_the_speaker() -> None:
    text = (
        "Köprü trafiğe kapatıldı. Olay yerine gelen itfaiye ekipleri, "
        "“Yapıda çatlak var, kimse yaklaşmasın” uyarısında bulundu."
    )
    assert _speakers(text) == ["itfaiye ekipleri"]


def test_group_then_continued_statement_keeps_its_speaker() -> None:
    text = (
        "Sanıkların avukatları ise kararın bozulmasını istedi. "
        "“Dosyada tek bir somut delil bulunmuyor, bu karar hukuka aykırıdır” dedi."
    )
    assert _speakers(text) == ["Sanıkların avukatları"]


def test_anaphoric_role_falls_back_to_the_person_before() -> None:
    text = (
        "Trabzonspor Teknik Direktörü Şenol Güneş maç sonrası açıklama yaptı.\n\n"
        "Deneyimli çalıştırıcı, hakem kararlarına tepki gösterdi. "
        "“Bu oyunda emeğe saygı kalmadı, bunu herkes görüyor” dedi."
    )
    assert _speakers(text) == ["Şenol Güneş"]


def test_source_sentence_before_a_bare_quote() -> None:
    text = (
        "Deprem Bilimci Doç. Dr. Ayla Kurt’a göre risk her geçen gün büyüyor. "
        '"Binaların yarısı güçlendirilmeden bu şehir büyük bir depreme hazır sayılmaz."'
    )
    assert _speakers(text) == ["Ayla Kurt"]


def test_occupation_between_dedi_and_the_name_and_person_inside_quote() -> None:
    text = (
        "Pazar yerinde fiyatlar yine konuşuldu. "
        "“Mehmet Usta’ya da söyledim, bu fiyatla kimse domates almaz,” dedi pazarcı Hüseyin Er."
    )
    assert _speakers(text) == ["Hüseyin Er"]


def test_never_a_nationality_place_or_sentence_initial_common_word() -> None:
    text = (
        "Mersin limanında sabah erken saatlerde iş başlıyor.\n\n"
        "Afgan komşusuyla aynı vardiyada çalışan Cemile Tan, "
        "“Burada herkes birbirine destek oluyor” diyor.\n\n"
        "Umutlu olmanın zor olduğunu anlatan Tan, şöyle devam etti: "
        "“Maaşlar geç yatıyor ama yine de vazgeçmiyoruz.”"
    )
    got = _speakers(text)
    assert got == ["Cemile Tan", "Cemile Tan"]
    assert not any(s in {"Afgan", "Umutlu", "Mersin"} for s in _speakers(text, "indirect"))


def test_two_people_glued_in_one_capitalised_run_are_split() -> None:
    phrases = find_phrases(
        "Rusya Devlet Başkanı Vladimir Putin Dışişleri Bakanı Sergey Lavrov’u kabul etti."
    )
    assert [p.name_text for p in phrases] == ["Vladimir Putin", "Sergey Lavrov"]


def test_title_listing_fields_with_a_comma_is_one_phrase() -> None:
    text = "Aile, Çalışma ve Sosyal Hizmetler Bakanı Derya Kılıç, yardımların artacağını söyledi."
    ind = [q for q in _quotes(text) if q.kind == "indirect"]
    assert [(q.speaker, q.text) for q in ind] == [("Derya Kılıç", "yardımların artacağını")]


def test_indirect_quote_loses_its_framing_words() -> None:
    text = (
        "Vali Orhan Demir, sosyal medya hesabından yaptığı paylaşımda, "
        "okulların iki gün tatil edileceğini duyurdu. "
        "Kaymakam Selim Öz de twitter hesabından yolların açık olduğunu bildirdi."
    )
    ind = [(q.speaker, q.text) for q in _quotes(text) if q.kind == "indirect"]
    assert ind == [
        ("Orhan Demir", "okulların iki gün tatil edileceğini"),
        ("Selim Öz", "yolların açık olduğunu"),
    ]


def test_long_colon_led_quote_is_never_cut() -> None:
    said = " ".join(
        f"{n}. mahallede altyapı çalışmalarını bu ay içinde bitirip asfaltı yenileyeceğiz."
        for n in range(1, 9)
    )
    text = f"Belediye Başkanı Nazan Ak törende şunları söyledi:\n\n“{said}”"
    q = [q for q in _quotes(text) if q.kind == "direct"]
    assert len(said) > 250 and [(x.speaker, x.text) for x in q] == [("Nazan Ak", said)]


def test_real_variety_set_floors(capsys) -> None:
    res = load_bench("quotes").main()
    assert res["real_gold_quotes"] >= floor("quotes", "gold_real_quotes")
    assert res["real_quote_f1"] >= floor("quotes", "real_quote_f1")
    assert res["real_speaker_accuracy"] >= floor("quotes", "real_speaker_accuracy")


def test_fragments_hidden_in_listings_unless_asked(tmp_path: Path) -> None:
    art = Article(
        id="parca1", source="t/1", title="Köprü", text="Ali Can, “Köprü yarın açılacak” dedi.",
        quotes=[Quote("Ali Can", "Köprü yarın açılacak", "direct", "dedi"),
                Quote(None, "tarihi gün", "fragment")],
    )  # fmt: skip
    with Store(str(tmp_path / "p.duckdb")) as s:
        s.add_articles([art])
        assert [q.kind for q in read.quote_page(s, None, 10, 0)] == ["direct"]
        assert read.quote_count(s, None) == 1
        assert sorted(q.kind for q in read.quote_page(s, None, 10, 0, True)) == [
            "direct",
            "fragment",
        ]
        assert read.quote_count(s, None, fragments=True) == 2
