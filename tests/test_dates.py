"""Publication date and time, and outlet names (issue 13, points 3, 5 and 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures import REPO, floor, load_bench

from gundem.clean.dates import find_published, parse_value
from gundem.clean.html import parse_html
from gundem.clean.metadata import clean_outlet, normalize_date
from gundem.clean.page import to_article
from gundem.ingest.errors import IngestError
from gundem.ingest.files import read_inputs
from gundem.link.features import day_number
from gundem.model import RawDoc
from gundem.store.read import ArticleFilter

DATES_DEV = REPO.parent / "shared" / "data" / "boilerplate-dev"

PARAS = (
    "Eskişehir’de üniversite öğrencileri için yapılan yeni yurt binası dün açıldı. Bina "
    "bin iki yüz öğrenciye hizmet verecek.",
    "Vali Selma Karaca açılışta yaptığı konuşmada yurdun kış aylarında da tam kapasite "
    "çalışacağını söyledi.",
    "Yurdun yapımına iki yıl önce başlanmış, inşaat maliyeti 310 milyon lirayı bulmuştu.",
    "Öğrenci temsilcileri ise kampüse ulaşım için ek otobüs seferi konulmasını istedi.",
)


def _page(head: str, body_top: str = "", url_note: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS * 2)
    return (
        f"<!DOCTYPE html><html lang='tr'><head><title>Yeni yurt açıldı</title>{head}</head>"
        "<body><nav><a href='/'>Anasayfa</a> <a href='/yerel'>Yerel</a></nav>"
        f"<article><h1>Eskişehir’de yeni yurt açıldı</h1>{body_top}{paras}</article>"
        f"<footer>{url_note}© 2024 Tüm hakları saklıdır</footer></body></html>"
    )


def _html_article(html: str, url: str = "https://www.anadoluekspres.example/yerel/yurt"):
    return to_article(
        RawDoc(source="yurt.html", data=html.encode(), meta={"format": "html", "url": url})
    )


# -- point 3: the time of day is kept ---------------------------------------------------


def test_a_jsonl_item_with_a_time_keeps_it(tmp_path: Path) -> None:
    items = [
        {"title": "Liman ihalesi sonuçlandı", "text": " ".join(PARAS), "published": "2017-01-17 12:14:08",
         "url": "https://www.marmarahaber.example/ekonomi/liman"},
        {"title": "Köprüde bakım çalışması", "text": " ".join(reversed(PARAS)),
         "published": "2017-01-18T06:05:00+03:00"},
        {"title": "Sahil yolu trafiğe kapandı", "text": " ".join(PARAS[1:]), "published": "2017-01-19"},
    ]  # fmt: skip
    path = tmp_path / "akis.jsonl"
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    raws = [r for r in read_inputs([str(path)]) if not isinstance(r, IngestError)]
    published = [to_article(r).published for r in raws]
    assert published == ["2017-01-17T12:14:08", "2017-01-18T06:05:00+03:00", "2017-01-19"]


def test_a_page_with_article_published_time_keeps_time_and_offset() -> None:
    head = "<meta property='article:published_time' content='2024-11-05T18:40:00+03:00'>"
    article = _html_article(_page(head))
    assert article.published == "2024-11-05T18:40:00+03:00"
    assert article.published_from == "html"


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2017-01-17 12:14:08", "2017-01-17T12:14:08"),
        ("2021-06-30T23:59Z", "2021-06-30T23:59:00+00:00"),
        ("2019-03-02T10:00:00+0200", "2019-03-02T10:00:00+02:00"),
        ("12.03.2026 14:30", "2026-03-12T14:30:00"),
        ("4 Mart 2026", "2026-03-04"),
        ("Salı, 7 Ekim 2025", "2025-10-07"),
        ("October 16, 2019", "2019-10-16"),
        ("16. Oktober 2019", "2019-10-16"),
        ("2026-02-30", None),
        ("yarın akşam", None),
    ],
)
def test_date_values_keep_their_time_or_stay_a_bare_day(given: str, iso: str | None) -> None:
    assert normalize_date(given) == iso
    assert parse_value(given) == iso


def test_linking_days_and_date_filters_take_both_forms() -> None:
    assert day_number("2017-01-17T23:50:00+03:00") == day_number("2017-01-17")
    where, params = ArticleFilter(date_to="2017-01-17").where()
    # a day's upper bound includes the articles stamped with a time that day
    assert "left(published, 10) <= ?" in where and params == ["2017-01-17"]


# -- point 5: the date finder -----------------------------------------------------------


def _date_of(html: str, url: str | None = None, vote: bool = False) -> str | None:
    tree = parse_html(html)
    assert tree is not None
    return find_published(tree, url, htmldate_vote=vote)


def test_json_ld_published_wins_over_modified() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2023-05-14T08:00:00+03:00",
          "dateModified": "2023-06-01T10:00:00+03:00"}  # fmt: skip
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    assert _date_of(_page(head)) == "2023-05-14T08:00:00+03:00"


def test_a_visible_stamp_under_the_headline_and_the_url_agree() -> None:
    stamp = "<p class='tarih'>Yayınlanma: 21.09.2022 - 14:05</p>"
    got = _date_of(_page("", body_top=stamp), "https://www.ornekgazete.example/2022/09/21/yurt")
    assert got is not None and got.startswith("2022-09-21")


def test_the_finder_abstains_when_strong_sources_disagree() -> None:
    head = "<meta property='article:published_time' content='2020-01-08T09:00:00+00:00'>"
    ld = {"@type": "NewsArticle", "datePublished": "2021-04-02T11:00:00+00:00"}
    head += f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    assert _date_of(_page(head)) is None


def test_the_time_in_the_articles_own_footer_box_counts() -> None:
    # a byline box inside <article> is the article's own (a page footer would not be)
    head = "<meta name='date' content='2024-03-09'>"
    body = (
        "<article class='haber'><h1>Belediye meclisi bütçeyi onayladı</h1>"
        "<p>Meclis üyeleri uzun süren oturumun ardından yeni yıl bütçesini kabul etti.</p>"
        "<footer class='kunye'><time itemprop='datePublished' datetime='2024-03-05'>"
        "5 Mart 2024</time></footer></article>"
    )
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    got = _date_of(html)
    assert got is not None and got.startswith("2024-03-05")


def test_a_copyright_year_or_a_list_of_other_articles_dates_no_page() -> None:
    others = "".join(
        f"<aside class='related'><a href='/h{i}'>Başka bir haber {i}</a><span>0{i}.02.2023</span></aside>"
        for i in range(1, 6)
    )
    assert _date_of(_page("") + others) is None


def test_a_labelled_stamp_far_from_the_headline_counts() -> None:
    # "Veröffentlicht am" / "Yayınlanma tarihi" says which date it is, wherever it sits
    body = "".join(f"<p>{p}</p>" for p in PARAS * 4) + "<p>Yayınlanma tarihi: 16.08.2019</p>"
    html = (
        "<html><head><meta name='date' content='2019-08-24'></head><body><h1>Başlık</h1>"
        f"{body}</body></html>"
    )
    got = _date_of(html)
    assert got is not None and got.startswith("2019-08-16")


def test_a_label_in_its_own_element_names_the_date_after_it() -> None:
    body = "<div class='bilgi'><h5>Tarih:</h5>03.11.2021</div>"
    got = _date_of(_page("", body_top=body))
    assert got is not None and got.startswith("2021-11-03")


def test_a_paragraph_opening_with_its_date_is_a_dateline() -> None:
    lead = (
        "<p>29.11.2022 – Belediye meclisi, kent merkezindeki otopark ihalesini "
        "oy çokluğuyla iptal etti ve yeni ihalenin ocak ayında yapılacağını duyurdu.</p>"
    )
    html = f"<html><body><div class='icerik'>{lead}</div></body></html>"
    assert _date_of(html) == "2022-11-29"


def test_two_meta_tags_with_one_date_are_one_piece_of_evidence() -> None:
    # a CMS writing its change date into two tags does not outvote the visible stamp
    head = "<meta name='date' content='2021-10-15'><meta name='DC.date' content='2021-10-15'>"
    got = _date_of(_page(head, body_top="<p class='tarih'>13.10.2021</p>"))
    assert got is not None and got.startswith("2021-10-13")


def test_a_utc_stamp_is_moved_to_the_readers_day() -> None:
    # 05:30:59Z is 23:30:59 the evening before in Minnesota, as the page's <time> says
    head = "<meta property='article:published_time' content='2023-11-09T05:30:59+00:00'>"
    stamp = "<time datetime='2023-11-08 23:30:59'>8 Kasım 2023, 23:30</time>"
    got = _date_of(_page(head, body_top=stamp))
    assert got is not None and got.startswith("2023-11-08")
    # 21:00:00Z on the dot is midnight in Istanbul: the next day
    head = "<meta property='article:published_time' content='2024-02-04T21:00:00+00:00'>"
    assert _date_of(_page(head)) == "2024-02-05"


# -- point 7: outlets -------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        "Hosted",
        "Nj",
        "Copyright 2014",
        "© 2021 Medya AŞ",
        "https://www.ornek.example/",
        "2019",
        "Anasayfa",
    ],
)
def test_names_that_are_no_outlet(bad: str) -> None:
    assert clean_outlet(bad) == ""


def test_outlet_from_og_site_name_then_publisher_then_host() -> None:
    og = "<meta property='og:site_name' content='Anadolu Ekspres'>"
    assert _html_article(_page(og)).outlet == "Anadolu Ekspres"
    ld = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Kıyı Postası"}}
    publisher = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    generic = "<meta property='og:site_name' content='Hosted'>"
    assert _html_article(_page(generic + publisher)).outlet == "Kıyı Postası"
    copyright_only = "<meta property='og:site_name' content='Copyright 2014'>"
    assert _html_article(_page(copyright_only)).outlet == "anadoluekspres.example"


def test_a_text_input_carrying_a_url_gets_its_host_as_outlet() -> None:
    text = (
        "\n\n".join(PARAS) + "\n\nKaynak: https://www.bozkirhaber.example/yerel/yurt-acildi-9931\n"
    )
    article = to_article(RawDoc(source="yurt.txt", data=text.encode(), meta={"format": "text"}))
    assert article.outlet == "bozkirhaber.example"
    given = {"format": "text", "outlet": "Copyright 2014", "url": "https://m.ornek.example/a"}
    article = to_article(RawDoc(source="b.txt", data=text.encode(), meta=given))
    assert article.outlet == "m.ornek.example"


# -- the benchmark floor ----------------------------------------------------------------


@pytest.mark.timeout(240)
def test_dates_bench_holds_its_floors() -> None:
    if not (DATES_DEV / "dates-dev.json").is_file():
        pytest.skip("../shared/data/boilerplate-dev is not present")
    result = load_bench("dates").measure(DATES_DEV, only=("gundem",))
    assert result["pages"] == 364
    assert result["gundem"]["right"] >= floor("dates", "gundem_date_right")
    assert 1 - result["gundem"]["wrong"] >= floor("dates", "gundem_date_not_wrong")
