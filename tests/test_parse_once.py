"""One lxml parse per HTML page, shared by extraction, metadata and dates (issue 12, point 7)."""

from __future__ import annotations

import lxml.etree
import pytest

from gundem.clean.page import to_article
from gundem.model import RawDoc

MARK = "gundem-parse-sayaci"  # only in the page's <head>: readability's own fragments lack it

BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "Trabzon Büyükşehir Belediyesi, sahil yolundaki yeni bisiklet şeridinin "
        "önümüzdeki ay hizmete gireceğini açıkladı.",
        "Belediye Başkanı Murat Demirtaş, şeridin on iki kilometre uzunluğunda olacağını "
        "ve Akçaabat ile Yomra’yı birbirine bağlayacağını söyledi.",
        "Proje için ayrılan bütçenin 85 milyon lira olduğu, çalışmaların büyük bölümünün "
        "gece saatlerinde yapılacağı bildirildi.",
        "Esnaf temsilcileri ise inşaat süresince trafiğin aksamaması için ek önlem alınmasını istedi.",
    )
)


def _page(body: str) -> bytes:
    return (
        "<!DOCTYPE html><html lang='tr'><head>"
        "<title>Sahil yoluna bisiklet şeridi | Karadeniz Ekspres</title>"
        f"<meta name='generator' content='{MARK}'>"
        "<meta property='og:site_name' content='Karadeniz Ekspres'>"
        "<meta property='article:published_time' content='2026-03-04T09:30:00+03:00'>"
        "</head><body><nav><a href='/'>Ana Sayfa</a> <a href='/spor'>Spor</a></nav>"
        f"<article><h1>Sahil yoluna bisiklet şeridi</h1>{body}</article>"
        "<footer>© 2026 Karadeniz Ekspres</footer></body></html>"
    ).encode()


def _count_page_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every lxml parse goes through ``lxml.etree.fromstring`` (``lxml.html.fromstring``,
    trafilatura's and htmldate's ``load_html`` call it); count those given this page."""
    calls: list[int] = []
    real = lxml.etree.fromstring

    def counting(text, *args, **kwargs):
        raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        if MARK in raw:
            calls.append(len(raw))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(lxml.etree, "fromstring", counting)
    return calls


def _raw(data: bytes) -> RawDoc:
    return RawDoc(
        source="bisiklet.html",
        data=data,
        meta={"format": "html", "url": "https://www.karadenizekspres.example/haber/bisiklet"},
    )


def test_an_html_page_is_parsed_once_for_text_metadata_and_date(monkeypatch) -> None:
    calls = _count_page_parses(monkeypatch)
    article = to_article(_raw(_page(BODY * 2)))
    assert len(calls) == 1
    assert "Murat Demirtaş" in article.text
    assert article.published == "2026-03-04T09:30:00+03:00" and article.published_from == "html"
    assert article.outlet == "Karadeniz Ekspres"


def test_a_short_page_falling_back_to_the_text_cleaner_is_still_parsed_once(monkeypatch) -> None:
    # under 250 characters of main text: the page is flattened for the text cleaner
    calls = _count_page_parses(monkeypatch)
    article = to_article(_raw(_page("<p>Trabzon’da sahil yolu bu gece trafiğe kapatılacak.</p>")))
    assert len(calls) == 1
    assert "trafiğe kapatılacak" in article.text
    assert article.published == "2026-03-04T09:30:00+03:00"  # time and offset kept


def test_a_date_inside_an_html_comment_is_not_a_publication_date() -> None:
    # a template's version stamp; htmldate used to read it when it parsed the page itself
    page = (
        _page(BODY * 2)
        .replace(
            b"<meta property='article:published_time' content='2026-03-04T09:30:00+03:00'>", b""
        )
        .replace(b"<body>", b"<body><!-- $Id: sayac.tpl 21 2019-06-01 13:09:34Z yazilim $ -->")
    )
    article = to_article(_raw(page))
    assert article.published is None
