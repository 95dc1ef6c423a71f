"""Feed and JSONL text cleaned like pages (issue 13): markup, entities, read-more tails, map
widgets and an outlet's repeated footer leave the stored text; real sentences stay."""

from __future__ import annotations

import io
import json

from gundem.clean.boilerplate import clean_text, trim_tails
from gundem.clean.markup import strip_markup
from gundem.clean.page import to_article
from gundem.clean.repeated import RepeatTracker
from gundem.ingest.jsonl import read_jsonl
from gundem.model import Article, RawDoc

ITEMS = [
    {
        "title": "Kadıköy'de yeni kütüphane açıldı",
        "text": '<img align="left" width="120" src="https://resim.ornek.com.tr/2026/kutup.jpg" />'
        "Kadıköy Belediyesi'nin Moda'da yaptırdığı halk kütüphanesi dün düzenlenen törenle "
        "kapılarını açtı. Kütüphanede 40 bin kitap ve çocuklar için ayrı bir okuma salonu "
        "bulunuyor. Devamı için tıklayınız",
    },
    {
        "title": "Erzurum'da kar yolları kapattı",
        "text": "Erzurum'da gece boyunca etkili olan kar nedeniyle 112 köy yolu ulaşıma kapandı. "
        "Karayolları bölge müdürü, &quot;Ana güzergahlarda sorun yok, ekiplerimiz sahada&quot; "
        "dedi. Haberin devamı...",
    },
    {
        "title": "Bursa'da metro hattı uzatılıyor",
        "text": "<p>Bursa Büyükşehir Belediyesi, metro hattının Emek&#8217;ten şehir hastanesine "
        "uzatılması için ihaleye çıktı.</p><p>Yeni hat 6 kilometre olacak ve 4 istasyon "
        "içerecek.</p><br/>devamını okumak için tıklayın",
    },
    {
        "title": "Trabzon'da sahil yolu projesi tamamlandı",
        "text": "Trabzon'da iki yıldır süren sahil yolu genişletme çalışması sona erdi. Vali, "
        "yolun bayramdan önce trafiğe açılacağını açıkladı. Primary Topic: Trabzon "
        "See map: Google Maps",
    },
    {
        "title": "Apple yeni işlemcisini tanıttı",
        "text": "Şirketin yeni nesil işlemcisi önceki modele göre yüzde 30 daha az enerji "
        "harcıyor ve ilk olarak dizüstü bilgisayarlarda kullanılacak... Devamı →",
    },
    {
        "title": "Kocaeli'de fabrika yangını",
        "text": "Kocaeli'nin Gebze ilçesindeki bir boya fabrikasında çıkan yangına itfaiye "
        "ekipleri müdahale ediyor.",
    },
]
NOISE = [
    "<img",
    "<p>",
    "<br",
    "&quot;",
    "&#",
    "Devamı",
    "devamı",
    "tıkla",
    "Google Maps",
    "Primary",
]


def _articles(items: list[dict]) -> list[Article]:
    """The write path's first steps: JSONL records read, the repeat tracker, the clean stage."""
    data = "\n".join(json.dumps(it, ensure_ascii=False) for it in items).encode("utf-8")
    tracker = RepeatTracker()
    out = []
    for raw in read_jsonl(io.BytesIO(data), "besleme.jsonl", max_doc_bytes=1 << 20):
        assert isinstance(raw, RawDoc)
        out.append(to_article(raw, tracker.observe(raw)))
    return out


def test_markup_entities_and_read_more_tails_leave_jsonl_text() -> None:
    arts = _articles(ITEMS)
    assert len(arts) == len(ITEMS)
    for a in arts:
        assert not [n for n in NOISE if n in a.text], a.text
    by_title = {a.title: a.text for a in arts}
    assert by_title["Kadıköy'de yeni kütüphane açıldı"].startswith("Kadıköy Belediyesi'nin Moda")
    assert "okuma salonu bulunuyor." in by_title["Kadıköy'de yeni kütüphane açıldı"]
    assert (
        '"Ana güzergahlarda sorun yok, ekiplerimiz sahada" dedi.'
        in (by_title["Erzurum'da kar yolları kapattı"])
    )
    bursa = by_title["Bursa'da metro hattı uzatılıyor"]
    assert "Emek’ten" in bursa and bursa.endswith("4 istasyon içerecek.")
    assert by_title["Trabzon'da sahil yolu projesi tamamlandı"].endswith("açıkladı.")
    assert by_title["Apple yeni işlemcisini tanıttı"].endswith("kullanılacak...")
    assert by_title["Kocaeli'de fabrika yangını"] == ITEMS[-1]["text"]


def test_the_removed_tails_are_recorded_with_their_reason() -> None:
    a = _articles(ITEMS[:1])[0]
    assert [(b.text, b.reason) for b in a.removed] == [("Devamı için tıklayınız", "related")]


def test_an_outlets_footer_repeated_across_the_feed_is_cut() -> None:
    footer = "Marmara Gazetesi · Haber Merkezi"
    texts = [
        "Gebze'de yeni sanayi sitesinin temeli atıldı. Sitede 300 iş yeri yer alacak.",
        "İzmit Körfezi'nde deniz suyu sıcaklığı mevsim normallerinin üzerine çıktı. "
        "Uzmanlar müsilaj riskine karşı uyardı.",
        "Sapanca Gölü'nün su seviyesi son on yılın en düşük düzeyine indi. Belediye "
        "tasarruf çağrısı yaptı.",
        "Kartepe'de kayak sezonu hafta sonu açılıyor. Otellerde doluluk yüzde 90'a ulaştı.",
    ]
    items = [{"title": f"Haber {i}", "text": f"{t} {footer}"} for i, t in enumerate(texts)]
    arts = _articles(items)
    # the tracker streams: the footer is known as template from its third appearance on
    assert [footer in a.text for a in arts] == [True, True, False, False]
    assert arts[3].text == texts[3]


def test_a_lone_sentence_is_never_cut_and_sentences_about_clicks_stay() -> None:
    lone = ["Seçim sonuçlarını görmek için tıklayınız"]
    assert trim_tails(lone) == (lone, [])
    real = (
        "Başvurular e-Devlet üzerinden alınacak. Vatandaşlar başvuru ekranındaki onay "
        "butonuna tıklayarak işlemi tamamlayabilecek."
    )
    assert clean_text(real).text == real


def test_strip_markup_keeps_text_that_only_looks_like_markup() -> None:
    assert strip_markup("Enflasyon beklentisi 3 < 5 ve faiz > 40 oldu.") == (
        "Enflasyon beklentisi 3 < 5 ve faiz > 40 oldu."
    )
    assert strip_markup("AT&T ile Ar-Ge & inovasyon") == "AT&T ile Ar-Ge & inovasyon"
    assert strip_markup("Vali &amp;quot;hazırız&amp;quot; dedi.") == 'Vali "hazırız" dedi.'
    got = strip_markup("<div><b>Ankara</b> — Meclis toplandı.<script>x=1</script></div>")
    assert got.split() == ["Ankara", "—", "Meclis", "toplandı."]


ZH_PAGE = """首页
新闻
体育
财经
登录

北京地铁新线路今天正式开通运营

北京市交通委员会今天宣布，连接城市东部和机场的新地铁线路正式开通运营，全长约四十公里，共设十二座车站。

据介绍，新线路高峰时段每三分钟一班车，预计每天可以服务超过三十万名乘客，大大缩短了市民前往机场的时间。

交通部门表示，今后还将继续优化换乘安排，并在沿线车站增加自行车停车位，方便市民绿色出行。

版权所有 联系我们
"""


def test_unspaced_scripts_count_words_and_sentences_so_the_article_is_found() -> None:
    kept = clean_text(ZH_PAGE).text
    for para in ZH_PAGE.split("\n\n")[2:5]:
        assert para.strip() in kept
    assert "登录" not in kept and "版权所有" not in kept


FLAT_PAGE = """Gündem
Ekonomi
Spor

Samsun'da balıkçılar av yasağının uzatılmasını istiyor

Karadeniz'de hamsi stoklarının azalması kooperatifleri harekete geçirdi

Haber Merkezi

4 dk okuma

Samsun Su Ürünleri Kooperatifi, Karadeniz'deki hamsi stoklarının son üç yılda belirgin biçimde azaldığını ve av yasağının iki hafta uzatılması gerektiğini açıkladı.

Kooperatif başkanı, küçük teknelerin yakıt masraflarını bile çıkaramadığını söyleyerek bakanlığa destek çağrısında bulundu.

Ayrıca okuyun: Sinop'ta fırtına nedeniyle tekneler limandan çıkamadı

Bakanlık yetkilileri ise stok ölçümlerinin sürdüğünü, kararın ölçüm sonuçlarına göre verileceğini bildirdi.

Tüm hakları saklıdır.
"""


def test_flattened_page_drops_an_also_read_link_inside_the_body() -> None:
    r = clean_text(FLAT_PAGE)
    assert r.title == "Samsun'da balıkçılar av yasağının uzatılmasını istiyor"
    kept = [b.text for b in r.paragraphs if b.kind == "p"]
    assert [t.split()[0] for t in kept] == ["Samsun", "Kooperatif", "Bakanlık"]
    others = [b.text for b in r.paragraphs if b.kind != "p"]
    assert "Haber Merkezi" not in others and "4 dk okuma" not in others


STAMP_PAGE = """Anasayfa
Yerel

Konya'da çiftçilere can suyu: yeni dönem başladı

14 Mart 2026, 09:40

Konya Ovası'ndaki çiftçiler, Mart ayı başında kuraklığa karşı ortak bir sulama kooperatifi kurdu. Kooperatife ilk etapta 120 üye katıldı.

Kooperatif yöneticileri, damla sulama sistemine geçen üyelerin su tüketiminin yarıya indiğini belirtti.
"""


def test_a_date_stamp_is_not_taken_for_the_title() -> None:
    r = clean_text(STAMP_PAGE)
    assert r.title == "Konya'da çiftçilere can suyu: yeni dönem başladı"
