"""Build src/gundem/demo/warc/crawl.warc.gz, the demo's small web crawl.

Deterministic: every record has a fixed WARC-Date and WARC-Record-ID and gzip
members carry no timestamp, so running this twice gives the same bytes.

    python scripts/build_demo.py            # writes the file
    python scripts/build_demo.py --check    # exits 1 if the committed file differs

The crawl holds, in order: a warcinfo record, the robots.txt request and
response (text/plain: not an article), then for each of three news pages a
request record and an HTML response, and finally an image response (image/png:
skipped). The HTML pages below are invented demo text written for gundem.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent.parent / "src" / "gundem" / "demo" / "warc" / "crawl.warc.gz"
CRAWL_DATE = "2026-11-02T03:{minute:02d}:{second:02d}Z"

ROBOTS = b"User-agent: *\nDisallow: /uye/\nDisallow: /ara\n\nSitemap: https://kentgazetesi.example/sitemap.xml\n"

# A 1x1 transparent PNG (the logo pixel every crawl picks up).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)

PAGES = [
    (
        'https://dunyabulteni.example/turkiye/tbmm-azerbaycan-boru-hatti-onay',
        'text/html; charset=utf-8',
        '''\
<!DOCTYPE html>
<html lang="tr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>TBMM, Azerbaycan ile boru hattı anlaşmasını onayladı :: Dünya Bülteni</title>
  <meta property="og:site_name" content="Dünya Bülteni">
  <meta property="og:title" content="TBMM, Azerbaycan ile boru hattı anlaşmasını onayladı">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2026-04-09T21:40:00+03:00">
  <link rel="canonical" href="https://dunyabulteni.example/turkiye/tbmm-azerbaycan-boru-hatti-onay">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "article"});</script>
</head>
<body class="article-page">
  <div id="cookie-consent" class="banner">Bu sitede deneyiminizi iyileştirmek için çerezler kullanılmaktadır. Ayrıntılar için Çerez Politikamızı inceleyebilirsiniz. <button>Kabul Et</button></div>
  <header class="site-header">
    <a class="logo" href="/">Dünya Bülteni</a>
    <nav class="main-nav"><a href="/ana-sayfa">Ana Sayfa</a> <a href="/turkiye">Türkiye</a> <a href="/dunya">Dünya</a> <a href="/analiz">Analiz</a> <a href="/video">Video</a></nav>
    <form class="search" action="/ara"><input name="q" placeholder="Ara"></form>
  </header>
  <main>
    <article class="news">
      <h1>TBMM, Azerbaycan ile boru hattı anlaşmasını onayladı</h1>
      <p class="byline">Dünya Bülteni Dış Haberler</p>
      <div class="share-bar">Paylaş: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">LinkedIn</a></div>
      <p>ANKARA - Türkiye Büyük Millet Meclisi (TBMM), Azerbaycan ile imzalanan doğal gaz boru hattı anlaşmasını 311 kabul oyuna karşılık 98 ret oyuyla onayladı.</p>
      <p>Çarşamba günü başlayan ve gece geç saatlere kadar süren oturumda anlaşma maddeleri tek tek görüşüldü. Bakan Bayraktar, oylamanın ardından yaptığı açıklamada, ‘Meclisimizin verdiği onayla hukuki süreç tamamlandı, şimdi sıra sahada’ dedi.</p>
      <p>Muhalefet milletvekilleri ise maliyetin belirsiz olduğunu öne sürerek anlaşmanın eklerinin yayımlanmasını istedi.</p>
      <p>Mart ayında Bakü’de Erdoğan ile Aliyev tarafından imzalanan anlaşma, Nahçıvan üzerinden Iğdır’a uzanacak yaklaşık 1.150 kilometrelik bir hattı öngörüyor.</p>
      <div class="tags">Türkiye · Dünya</div>
    </article>
    <aside class="related">
      <h3>İlgili Haberler</h3>
      <ul>
      </ul>
    </aside>
    <section class="newsletter"><p>Günün özetini kaçırmayın: bültenimize abone olun</p><input type="email"><button>Abone Ol</button></section>
  </main>
  <footer class="site-footer">
    <p>© 2026 Dünya Bülteni. Tüm hakları saklıdır.</p>
    <p><a href="/kunye">Künye</a> · <a href="/iletisim">İletişim</a> · <a href="/gizlilik">Gizlilik</a> · <a href="/cerez-politikasi">Çerez Politikası</a></p>
  </footer>
</body>
</html>
''',
    ),
    (
        'https://kentgazetesi.example/yerel/rize-dereler-tasti-binlerce-kisi-evsiz',
        'text/html',
        '''\
<!DOCTYPE html>
<html lang="tr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Rize’de dereler taştı, binlerce kişi evini terk etti – Kent Gazetesi</title>
  <meta property="og:site_name" content="Kent Gazetesi">
  <meta property="og:title" content="Rize’de dereler taştı, binlerce kişi evini terk etti">
  <meta property="og:type" content="article">
  <link rel="canonical" href="https://kentgazetesi.example/yerel/rize-dereler-tasti-binlerce-kisi-evsiz">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "article"});</script>
</head>
<body class="article-page">
  <div id="cookie-consent" class="banner">Bu sitede deneyiminizi iyileştirmek için çerezler kullanılmaktadır. Ayrıntılar için Çerez Politikamızı inceleyebilirsiniz. <button>Kabul Et</button></div>
  <header class="site-header">
    <a class="logo" href="/">Kent Gazetesi</a>
    <nav class="main-nav"><a href="/ana-sayfa">Ana Sayfa</a> <a href="/yerel">Yerel</a> <a href="/ekonomi">Ekonomi</a> <a href="/dunya">Dünya</a> <a href="/kultur">Kültür</a></nav>
    <form class="search" action="/ara"><input name="q" placeholder="Ara"></form>
  </header>
  <main>
    <article class="news">
      <h1>Rize’de dereler taştı, binlerce kişi evini terk etti</h1>
      <p class="byline">Haber Merkezi · <time>15 Temmuz 2026 Çarşamba</time></p>
      <div class="share-bar">Paylaş: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">LinkedIn</a></div>
      <p>Doğu Karadeniz’i Pazartesi gecesi vuran sağanak, Rize’nin sahil ilçelerinde büyük hasara neden oldu. Dün sabah saatlerinde taşan dereler yüzünden binlerce kişi evlerini terk etmek zorunda kaldı.</p>
      <p>Yetkililer ölü sayısının 4 olduğunu açıklarken yerel kaynaklar bu sayının 5’e yükseldiğini bildirdi. Fındıklı’da bir çay fabrikasının deposu ve sahildeki balıkçı barınağı tamamen su altında kaldı.</p>
      <p>Çayeli Belediye Başkanı Nurettin Hacıoğlu, ilçede içme suyu şebekesinin zarar gördüğünü, vatandaşlara tankerlerle su dağıtıldığını söyledi. Hacıoğlu, "Bu kadar kısa sürede bu kadar yağmuru ne ben gördüm ne de babam" dedi.</p>
      <p>Çay üreticileri ise hasadın tam ortasında gelen selin bahçelerde toprak kaymalarına yol açtığını belirtti. Rize Ticaret Borsası’na göre bazı köylerde yaş çay toplama işi durdu.</p>
      <div class="tags">Yerel · Ekonomi</div>
    </article>
    <aside class="related">
      <h3>İlgili Haberler</h3>
      <ul>
      </ul>
    </aside>
    <section class="newsletter"><p>Günün özetini kaçırmayın: bültenimize abone olun</p><input type="email"><button>Abone Ol</button></section>
  </main>
  <footer class="site-footer">
    <p>© 2026 Kent Gazetesi. Tüm hakları saklıdır.</p>
    <p><a href="/kunye">Künye</a> · <a href="/iletisim">İletişim</a> · <a href="/gizlilik">Gizlilik</a> · <a href="/cerez-politikasi">Çerez Politikası</a></p>
  </footer>
</body>
</html>
''',
    ),
    (
        'https://anadolupostasi.example/dunya/bolat-motegi-tokyo-gorusme',
        'text/html; charset=utf-8',
        '''\
<!DOCTYPE html>
<html lang="tr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Bakan Bolat, Tokyo’da Japon mevkidaşıyla görüştü | Anadolu Postası</title>
  <meta property="og:site_name" content="Anadolu Postası">
  <meta property="og:title" content="Bakan Bolat, Tokyo’da Japon mevkidaşıyla görüştü">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="2026-06-02T09:12:00+03:00">
  <link rel="canonical" href="https://anadolupostasi.example/dunya/bolat-motegi-tokyo-gorusme">
  <link rel="stylesheet" href="/static/site.css">
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "article"});</script>
</head>
<body class="article-page">
  <div id="cookie-consent" class="banner">Bu sitede deneyiminizi iyileştirmek için çerezler kullanılmaktadır. Ayrıntılar için Çerez Politikamızı inceleyebilirsiniz. <button>Kabul Et</button></div>
  <header class="site-header">
    <a class="logo" href="/">Anadolu Postası</a>
    <nav class="main-nav"><a href="/ana-sayfa">Ana Sayfa</a> <a href="/gundem">Gündem</a> <a href="/ekonomi">Ekonomi</a> <a href="/dunya">Dünya</a> <a href="/spor">Spor</a> <a href="/yasam">Yaşam</a></nav>
    <form class="search" action="/ara"><input name="q" placeholder="Ara"></form>
  </header>
  <main>
    <article class="news">
      <h1>Bakan Bolat, Tokyo’da Japon mevkidaşıyla görüştü</h1>
      <p class="byline">Anadolu Postası Muhabiri · <time>2 Haziran 2026 Salı</time></p>
      <div class="share-bar">Paylaş: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">LinkedIn</a></div>
      <p>TOKYO (AP) - Ticaret Bakanı Ömer Bolat, Türkiye ile Japonya arasındaki Ekonomik Ortaklık Anlaşması müzakerelerinin yeni turu kapsamında Japonya Dışişleri Bakanı Motegi ile bir araya geldi.</p>
      <p>Bolat, görüşmede iki ülke arasındaki 5 milyar doları aşan ticaret hacminin dengeli bir yapıya kavuşturulması gerektiğini vurguladı.</p>
      <p>Bolat, ‘Müzakereleri bu yıl bitirmek için irademiz tam’ dedi. Motegi ise tarafların otomotiv ve tarım başlıklarında esneklik göstermesi gerektiğini ifade etti.</p>
      <p>Bakan Bolat’ın Tokyo temasları yarın Osaka’da iş forumuyla sürecek.</p>
      <div class="tags">Gündem · Ekonomi</div>
    </article>
    <aside class="related">
      <h3>İlgili Haberler</h3>
      <ul>
      </ul>
    </aside>
    <section class="newsletter"><p>Günün özetini kaçırmayın: bültenimize abone olun</p><input type="email"><button>Abone Ol</button></section>
  </main>
  <footer class="site-footer">
    <p>© 2026 Anadolu Postası. Tüm hakları saklıdır.</p>
    <p><a href="/kunye">Künye</a> · <a href="/iletisim">İletişim</a> · <a href="/gizlilik">Gizlilik</a> · <a href="/cerez-politikasi">Çerez Politikası</a></p>
  </footer>
</body>
</html>
''',
    ),
]


def _record_id(n: int) -> str:
    digest = hashlib.sha1(f"gundem-demo-crawl-{n}".encode()).hexdigest()
    return f"<urn:uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}>"


class _Builder:
    def __init__(self) -> None:
        self.buf = io.BytesIO()
        self.writer = WARCWriter(self.buf, gzip=True)
        self.n = 0

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        self.n += 1
        h = {
            "WARC-Record-ID": _record_id(self.n),
            "WARC-Date": CRAWL_DATE.format(minute=self.n // 60, second=self.n % 60),
        }
        h.update(extra or {})
        return h

    def warcinfo(self) -> None:
        fields = b"software: gundem scripts/build_demo.py\r\nformat: WARC File Format 1.0\r\n" \
                 b"description: gundem demo crawl (invented pages)\r\n"
        rec = self.writer.create_warc_record(
            "", "warcinfo", payload=io.BytesIO(fields), length=len(fields),
            warc_content_type="application/warc-fields",
            warc_headers_dict=self._headers({"WARC-Filename": "crawl.warc.gz"}),
        )
        self.writer.write_record(rec)

    def request(self, url: str) -> None:
        path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
        host = url.split("/")[2]
        http = StatusAndHeaders(
            f"GET {path} HTTP/1.1",
            [("Host", host), ("User-Agent", "gundem-demo-crawler/0.1"), ("Accept", "text/html,*/*")],
            is_http_request=True,
        )
        rec = self.writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), length=0, http_headers=http,
            warc_headers_dict=self._headers(),
        )
        self.writer.write_record(rec)

    def response(self, url: str, ctype: str, body: bytes) -> None:
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", ctype), ("Content-Length", str(len(body))), ("Server", "nginx")],
            protocol="HTTP/1.1",
        )
        rec = self.writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict=self._headers(),
        )
        self.writer.write_record(rec)


def build() -> bytes:
    b = _Builder()
    b.warcinfo()
    b.request("https://kentgazetesi.example/robots.txt")
    b.response("https://kentgazetesi.example/robots.txt", "text/plain", ROBOTS)
    for url, ctype, html in PAGES:
        b.request(url)
        b.response(url, ctype, html.encode("utf-8"))
    b.response("https://anadolupostasi.example/static/logo.png", "image/png", PNG)
    return b.buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = ap.parse_args()
    data = build()
    if args.check:
        same = OUT.exists() and OUT.read_bytes() == data
        print(f"{OUT}: {'up to date' if same else 'differs'}")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data)} bytes, {b_count(data)} records)")
    return 0


def b_count(data: bytes) -> int:
    from warcio.archiveiterator import ArchiveIterator

    return sum(1 for _ in ArchiveIterator(io.BytesIO(data)))


if __name__ == "__main__":
    sys.exit(main())
