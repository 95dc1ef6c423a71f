"""URL lists and feeds against a local HTTP server: robots.txt, retries, timeouts, politeness."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gundem.ingest.errors import IngestError
from gundem.ingest.files import read_inputs
from gundem.ingest.web import Fetcher

PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="2026-03-{day:02d}T09:00:00+03:00"></head>
<body><nav><a href="/">Ana Sayfa</a></nav><article><h1>{title}</h1>
<p>{body} Yetkililer çalışmaların önümüzdeki hafta da süreceğini açıkladı.</p>
<p>Vali Mehmet Kaya, “Vatandaşlarımızın güvenliği için her önlemi aldık” dedi.</p></article>
<footer>Tüm hakları saklıdır.</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kent</title>
<item><title>Sel uyarısı</title><link>{base}/a1.html</link><pubDate>Tue, 03 Mar 2026 09:00:00 +0300</pubDate></item>
<item><title>Yasak sayfa</title><link>{base}/private/s.html</link></item>
<item><title>Köprü açıldı</title><link>{base}/a2.html</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Kent</title>
<entry><title>Sel uyarısı</title><link href="{base}/a1.html"/><updated>2026-03-03T09:00:00Z</updated></entry>
</feed>"""


class Site:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.times: list[tuple[str, float]] = []
        self.pages = {
            "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/a1.html": (
                "text/html; charset=utf-8",
                PAGE.format(
                    title="Rize’de sel uyarısı",
                    day=3,
                    body="Rize’de şiddetli yağış sonrası sel uyarısı yapıldı.",
                ).encode(),
            ),
            "/a2.html": (
                "text/html; charset=windows-1254",
                PAGE.format(
                    title="Iğdır’da köprü açıldı", day=4, body="Iğdır’da yeni köprü törenle açıldı."
                ).encode("cp1254"),
            ),
            "/private/s.html": ("text/html", b"<html><body><p>gizli</p></body></html>"),
        }

    def handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                site.hits[self.path] += 1
                site.times.append((self.path, time.monotonic()))
                if self.path == "/flaky.html" and site.hits[self.path] == 1:
                    return self._send(503, "text/plain", b"busy")
                if self.path == "/slow.html":
                    time.sleep(1.5)
                if self.path == "/flaky.html":
                    return self._send(200, *site.pages["/a1.html"])
                if self.path == "/feed.rss":
                    return self._send(
                        200, "application/rss+xml", RSS.format(base=site.base).encode()
                    )
                if self.path == "/feed.atom":
                    return self._send(
                        200, "application/atom+xml", ATOM.format(base=site.base).encode()
                    )
                if self.path in site.pages:
                    return self._send(200, *site.pages[self.path])
                return self._send(404, "text/plain", b"not found")

            def _send(self, code, ctype, body):
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except BrokenPipeError:
                    pass

        return Handler


@pytest.fixture
def site():
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), s.handler())
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()


def _split(items):
    docs = [i for i in items if not isinstance(i, IngestError)]
    errs = [i for i in items if isinstance(i, IngestError)]
    return docs, errs


def test_url_list_with_robots_404_and_retry(site, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "\n".join(
            f"{site.base}{p}"
            for p in ["/a1.html", "/private/s.html", "/missing.html", "/flaky.html"]
        )
    )
    docs, errs = _split(
        list(
            read_inputs([str(urls)], fetcher=Fetcher(allow_private_hosts=True, delay=0, retries=2))
        )
    )
    assert [d.meta["url"].rsplit("/", 1)[1] for d in docs] == ["a1.html", "flaky.html"]
    assert {e.kind for e in errs} == {"robots", "fetch"}
    assert site.hits["/private/s.html"] == 0  # robots.txt respected
    assert site.hits["/robots.txt"] == 1  # fetched once per host
    assert site.hits["/flaky.html"] == 2  # 503 retried


def test_rss_and_atom_feeds_expand_to_pages(site):
    fetcher = Fetcher(allow_private_hosts=True, delay=0)
    docs, errs = _split(
        list(read_inputs([f"{site.base}/feed.rss", f"{site.base}/feed.atom"], fetcher=fetcher))
    )
    titles = [d.meta.get("feed_title") for d in docs]
    assert titles == ["Sel uyarısı", "Köprü açıldı", "Sel uyarısı"]
    assert docs[0].meta["published"] == "2026-03-03T06:00:00+00:00"  # the feed time, in UTC
    assert [e.kind for e in errs] == ["robots"]


def test_timeout_is_an_error_not_a_hang(site):
    fetcher = Fetcher(allow_private_hosts=True, delay=0, timeout=0.3, retries=1)
    got = fetcher.fetch(f"{site.base}/slow.html")
    assert isinstance(got, IngestError) and got.kind == "fetch"


def test_per_host_politeness_delay(site):
    fetcher = Fetcher(allow_private_hosts=True, delay=0.3)
    for page in ("/a1.html", "/a2.html"):
        assert not isinstance(fetcher.fetch(f"{site.base}{page}"), IngestError)
    stamps = [t for p, t in site.times if p.endswith(".html")]
    assert stamps[1] - stamps[0] >= 0.25


def test_fetched_pages_become_clean_articles(site, tmp_path):
    from gundem.engine.run import run
    from gundem.store.db import Store

    with Store(tmp_path / "w.duckdb") as store:
        stats = run(
            [f"{site.base}/feed.rss"],
            store,
            with_extract=False,
            fetcher=Fetcher(allow_private_hosts=True, delay=0),
        )
        assert stats.articles == 2 and stats.errors == {"robots": 1}
        arts = {a.url.rsplit("/", 1)[1]: a for a in store.iter_articles()}
    assert arts["a2.html"].title == "Iğdır’da köprü açıldı"
    assert "Iğdır’da yeni köprü" in arts["a2.html"].text
    assert arts["a1.html"].published == "2026-03-03T06:00:00+00:00"
    assert arts["a1.html"].outlet == "127.0.0.1"
    assert "Tüm hakları" not in arts["a1.html"].text
