"""Block cleaner on pages we wrote ourselves (Turkish, English, German), with every noise kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gundem.clean.boilerplate import CleanResult, block_key, clean_text
from gundem.clean.html import clean_html, flatten_html

TR_PAGE = """date 2026-01-15   1. Ana Sayfa
  2. Ekonomi
  3. Liman kentinde yeni köprü ihalesi sonuçlandı

Liman kentinde yeni köprü ihalesi sonuçlandı

featured
Paylaş

Bu Haberi Paylaş

veya linki kopyala
Reklam Alanı

Belediye başkanı Ayşe Demir, kuzey yakasını kent merkezine bağlayacak köprünün ihalesinin dün akşam tamamlandığını açıkladı. İhaleyi yerel bir inşaat şirketi kazandı.

Demir, “Köprü iki yıl içinde trafiğe açılacak ve günlük yolculuk süresi yarı yarıya kısalacak.

Reklam Alanı

Projenin finansmanı tamamen belediye bütçesinden karşılanacak,” dedi.

Maliyet tartışması

Muhalefet partileri, köprünün maliyetinin ilk tahminlerin çok üzerine çıktığını savundu. Meclis üyesi Kemal Yıldız, köprü bütçesinin yeniden incelenmesi gerektiğini söyledi.

Uzmanlar ise yeni köprünün liman trafiğini rahatlatacağını ve kentin ticaret hacmini artıracağını belirtiyor. - İZMİR

0
be_gendim
Beğendim
0
sevdim
Sevdim
Sorumluluk Reddi Beyanı:

Lorem ipsum dolor sit amet, consectetur adipiscing elit. Pellentesque habitant morbi tristique senectus et netus.

E-posta adresiniz kimseyle paylaşılmaz. Zorunlu alanlar * ile belirtilmiştir

Giriş Yap

Üyelere özel içerikler için hemen oturum açın ya da ücretsiz kaydolun!

İlgili Haberler

Futbol takımı sezonun ilk maçında deplasmanda galip geldi

Takım, zorlu geçen karşılaşmada ikinci yarıda bulduğu golle sahadan üç puanla ayrıldı. Teknik direktör oyuncularını tebrik etti.
"""

EN_PAGE = """Home > World > Europe
Harbour city approves new bridge after long debate
Share this article
Advertisement
The city council approved plans for a new bridge across the harbour on Tuesday, ending a debate that had lasted for more than three years. The vote passed by nine votes to four.
Mayor Jane Porter said the bridge would halve the daily commute for thousands of people living on the north shore. "We have waited long enough for this," she told reporters after the vote.
Costs under scrutiny
Opposition members said the cost of the project had doubled since the first estimate and asked for an independent review of the budget before construction starts.
Engineers expect the work to begin next spring and to take about two years, weather permitting.
We use cookies to improve your experience on our site. By continuing you accept our cookie policy.
Sign up for our newsletter
Comments
Reader one says the bridge is a waste of money and nobody will use it at all.
1
Local bakery wins national bread award for the third time
2
Storm warning issued for the weekend across the coast
3
Football club signs young striker from rival team
"""

DE_PAGE = """Startseite
Politik
Stadtrat beschließt neue Brücke über den Hafen
Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Hafen beschlossen. Die Abstimmung fiel mit neun zu vier Stimmen aus.
Die Bürgermeisterin sagte, die Brücke werde die tägliche Fahrzeit für viele Pendler aus dem Norden der Stadt halbieren.
Artikel teilen
Anzeige
Kritiker bemängeln, dass sich die Kosten des Projekts seit der ersten Schätzung verdoppelt haben, und fordern eine unabhängige Prüfung.
Ähnliche Artikel
Bäckerei gewinnt zum dritten Mal den Preis für das beste Brot des Landes
Impressum
Datenschutz
"""


def _texts(r: CleanResult) -> list[str]:
    return [b.text for b in r.paragraphs]


def _reasons(r: CleanResult) -> set[str]:
    return {b.reason for b in r.removed}


def test_turkish_page_keeps_body_and_removes_every_widget() -> None:
    r = clean_text(TR_PAGE)
    assert r.title == "Liman kentinde yeni köprü ihalesi sonuçlandı"
    kept = _texts(r)
    assert [b.kind for b in r.paragraphs] == ["p", "p", "p", "heading", "p", "p"]
    assert kept[0].startswith("Belediye başkanı")
    # the quote around the ad slot stays one run of paragraphs
    assert kept[1].startswith("Demir, “Köprü") and kept[2].startswith("Projenin finansmanı")
    assert kept[3] == "Maliyet tartışması"
    assert r.dateline == "İZMİR"
    out = "\n".join(kept)
    for marker in ("Reklam", "Paylaş", "Beğendim", "Lorem", "Giriş", "E-posta", "Futbol", "date"):
        assert marker not in out
    assert title_not_repeated(r)
    assert {"breadcrumb", "share", "ad", "reactions", "lorem", "login", "related"} <= _reasons(r)
    assert all(b.reason for b in r.removed)


def title_not_repeated(r: CleanResult) -> bool:
    return all(b.text != r.title for b in r.paragraphs)


def test_english_page() -> None:
    r = clean_text(EN_PAGE)
    assert r.title == "Harbour city approves new bridge after long debate"
    kinds = [b.kind for b in r.paragraphs]
    assert kinds.count("p") == 4 and kinds.count("heading") == 1
    out = "\n".join(_texts(r))
    for marker in ("Share", "Advertisement", "cookies", "newsletter", "Reader", "bakery", "Storm"):
        assert marker not in out
    assert "Home >" not in out
    reasons = _reasons(r)
    assert {"breadcrumb", "share", "ad", "comments"} <= reasons


def test_german_page() -> None:
    r = clean_text(DE_PAGE)
    assert r.title.startswith("Stadtrat beschließt")
    out = "\n".join(_texts(r))
    assert len([b for b in r.paragraphs if b.kind == "p"]) == 3
    for marker in ("teilen", "Anzeige", "Bäckerei", "Impressum", "Datenschutz", "Startseite"):
        assert marker not in out


def test_single_newline_page_and_no_title() -> None:
    text = (
        "The regional parliament voted on Monday to extend the railway line to the airport, "
        "a project that has been discussed for a decade.\n"
        "Supporters said the line would take thousands of cars off the road every day.\n"
        "Funding\n"
        "The state will pay two thirds of the cost, and the city will cover the rest over "
        "the next eight years.\n"
        "1\nCelebrity chef opens second restaurant downtown\n2\nMarathon route changes announced\n"
    )
    r = clean_text(text)
    assert r.title == ""
    assert [b.kind for b in r.paragraphs] == ["p", "p", "heading", "p"]
    assert "Marathon" not in r.text and "chef" not in r.text
    assert _reasons(r) == {"list"}


def test_dateline_own_line_and_text_property() -> None:
    text = (
        "A new ferry service will link the two islands from next month, the operator said on "
        "Friday after tests were completed.\n\n"
        "Tickets will go on sale next week and the crossing will take forty minutes.\n\n"
        "- ATHENS\n"
    )
    r = clean_text(text)
    assert r.dateline == "ATHENS"
    assert r.text.count("\n\n") == len(r.paragraphs) - 1


def test_corpus_counts_remove_template_blocks() -> None:
    text = (
        "Museum reopens after renovation\n\n"
        "The city museum reopened on Saturday after two years of renovation work, with new "
        "rooms for the archaeology collection and a larger cafe.\n\n"
        "Visitors queued from early morning, and entry was free for the whole weekend.\n\n"
        "Weekly digest of local culture events\n"
    )
    counts = {block_key("Weekly digest of local culture events"): 2}
    r = clean_text(text, corpus_counts=counts)
    assert "digest" not in r.text
    assert [b.reason for b in r.removed] == ["repeated"]
    assert block_key("Hello  World 2024") == block_key("hello world 1999")


def test_empty_and_noise_only() -> None:
    assert clean_text("").paragraphs == []
    r = clean_text("Paylaş\nReklam\nGiriş Yap\n")
    assert r.paragraphs == [] and len(r.removed) == 3


HTML = """<html><head><title>Bridge</title><script>var a = "Paylaş";</script></head><body>
<nav><ul><li><a href="/">Ana Sayfa</a></li><li><a href="/e">Ekonomi</a></li></ul></nav>
<article><h1>Liman kentinde yeni köprü ihalesi sonuçlandı</h1>
<p>Belediye başkanı Ayşe Demir, kuzey yakasını kent merkezine bağlayacak köprünün ihalesinin dün
akşam tamamlandığını açıkladı. İhaleyi yerel bir inşaat şirketi kazandı ve çalışmalar başlıyor.</p>
<p>Muhalefet partileri, köprünün maliyetinin ilk tahminlerin çok üzerine çıktığını savundu. Meclis
üyesi Kemal Yıldız, köprü bütçesinin yeniden incelenmesi gerektiğini söyledi ve rapor istedi.</p>
<div class="ad">Reklam Alanı</div>
<p>Uzmanlar ise yeni köprünün liman trafiğini rahatlatacağını ve kentin ticaret hacmini
artıracağını belirtiyor; projenin iki yıl içinde bitmesi bekleniyor.</p></article>
<footer><p>Tüm hakları saklıdır.</p></footer></body></html>"""


def test_flatten_html_one_block_per_element() -> None:
    flat = flatten_html(HTML)
    blocks = flat.split("\n\n")
    assert "Ana Sayfa" in blocks and "Ekonomi" in blocks
    assert "Reklam Alanı" in blocks
    assert not any("var a" in b for b in blocks)
    assert any(
        b.startswith("Belediye başkanı") and b.endswith("kazandı ve çalışmalar başlıyor.")
        for b in blocks
    )


def test_clean_html_and_flattened_agree() -> None:
    r = clean_html(HTML)
    assert "Belediye başkanı" in r.text and "Uzmanlar ise" in r.text
    assert "Reklam" not in r.text and "Tüm hakları" not in r.text
    assert r.title.startswith("Liman kentinde")
    f = clean_text(flatten_html(HTML.encode("utf-8")))
    assert f.title == r.title
    assert [b.text[:20] for b in f.paragraphs] == [b.text[:20] for b in r.paragraphs]


def test_clean_html_garbage_input() -> None:
    assert clean_html(b"").paragraphs == []
    assert clean_html("not html at all").title == ""


@pytest.mark.timeout(120)
def test_bench_runs_small() -> None:
    bench = Path(__file__).resolve().parents[1] / "bench" / "clean.py"
    args = [sys.executable, str(bench), "--quick", "--limit", "6", "--pages", "40"]
    if not (Path(__file__).resolve().parents[2] / "shared/data/boilerplate-dev").is_dir():
        args.append("--no-quality")
    out = subprocess.run(args, capture_output=True, text=True, timeout=110, check=True).stdout
    names = {line.split(":")[0] for line in out.splitlines()}
    assert "clean_text_articles_per_s_per_core" in names


def test_article_part_before_a_gallery_is_kept() -> None:
    # The opening paragraph is cut off from the rest by a photo strip (short caption lines):
    # its words are not the body's, but it reads as running text, so it stays.
    text = "\n\n".join(
        [
            "Kuzey ilçelerinde kış hazırlığı",
            "Dün sabah saatlerinde başlayan kar yağışı, köy yollarında ulaşımı aksattı ve "
            "bazı okullarda derslerin öğleden sonra yapılmasına karar verildi. Veliler, "
            "servislerin saatini okul yönetiminden öğrenebilecek.",
            "Kar küreme aracı yolda",
            "Fotoğraf 2/7",
            "Sabah trafiği",
            "Mahalle sakinleri",
            "Belediye ekipleri, ilçe merkezine bağlı 42 mahallede gece boyunca tuz serpme ve "
            "yol açma çalışması yürüttüklerini, ana arterlerin sabaha kadar açıldığını bildirdi. "
            "Ekiplerin hafta sonu da sahada kalacağı ve vatandaşların zorunlu olmadıkça özel "
            "araçlarıyla yola çıkmaması gerektiği hatırlatıldı.",
            "İl afet koordinasyon merkezi, meteorolojinin uyarıları doğrultusunda yüksek "
            "kesimlerde çığ riskine karşı köy muhtarlarıyla temas halinde olduklarını açıkladı. "
            "Merkezin yaptığı açıklamada, ekiplerin iş makineleriyle birlikte hazır beklediği "
            "ve ihbarların gecikmeden değerlendirileceği vurgulandı.",
            "Yorum yaz",
        ]
    )
    r = clean_text(text)
    kept = _texts(r)
    assert kept[0].startswith("Dün sabah saatlerinde başlayan kar yağışı")
    assert kept[-1].startswith("İl afet koordinasyon merkezi")
    assert "Fotoğraf 2/7" not in r.text and "Yorum yaz" not in r.text


def test_teaser_after_the_body_on_the_same_topic_goes() -> None:
    # After the article, below two unrelated short lines, a teaser of another story of the
    # same council: most of its words are the article's, but not enough for text after it.
    body = [
        "Liman köprüsü ihalesi",
        "Belediye meclisi, liman bölgesine yapılacak köprünün ihalesini dün akşam yapılan "
        "oturumda oy çokluğuyla onayladı. İhaleye yedi firma teklif verdi ve en düşük teklif "
        "kabul edildi.",
        "Köprünün iki yıl içinde tamamlanması ve liman trafiğini yarı yarıya azaltması "
        "bekleniyor. Meclis üyeleri, inşaat süresince feribot seferlerinin artırılacağını da "
        "açıkladı.",
        "Muhalefet grubu ise ihalenin maliyetinin yüksek olduğunu savunarak karara itiraz "
        "edeceğini bildirdi. Grup sözcüsü, projenin bütçesinin yeniden incelenmesini istedi.",
        "Yılın fotoğrafları",
        "Hafta sonu gezi rehberi",
    ]
    teaser = (
        "Belediye meclisi liman feribot seferlerinin tarifesini onayladı, yeni tarife kış "
        "boyunca geçerli olacak."
    )
    r = clean_text("\n\n".join([*body, teaser]))
    assert [b.kind for b in r.paragraphs] == ["p", "p", "p"]
    assert teaser not in r.text
    assert {b.reason for b in r.removed if b.text == teaser} == {"off-topic"}
