"""Safe fetching (issue 11.4) against local servers: refused hosts, deadlines, byte caps,
robots.txt failures, redirect and retry bounds, feed caps."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gundem.ingest import hosts
from gundem.ingest.errors import IngestError
from gundem.ingest.web import Fetcher, fetch_all

PAGE = (
    "<html><head><title>Trabzon’da fındık hasadı</title></head><body><article>"
    "<h1>Trabzon’da fındık hasadı</h1><p>Üreticiler bu yıl rekolteden "
    "memnun olduklarını söyledi. Kooperatif başkanı Ayşe Demirtaş fiyatların hafta sonu "
    "açıklanacağını bildirdi."
    "</p></article></body></html>"
).encode()

Route = Callable[[BaseHTTPRequestHandler], None]


class Server:
    """An HTTP/1.0 server on a loopback address; `routes` maps a path to a handler function."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.hits: Counter[str] = Counter()
        self.routes: dict[str, Route] = {"/robots.txt": lambda h: send(h, 404, b"yok")}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):
                server.hits[self.path] += 1
                route = server.routes.get(self.path) or server.routes.get("*")
                try:
                    if route is None:
                        send(self, 200, PAGE, "text/html; charset=utf-8")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the fetcher hung up, as it should

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://{host}:{self.port}"
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(h: BaseHTTPRequestHandler, code: int, body: bytes, ctype: str = "text/plain", **hdr):
    h.send_response(code)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for name, value in hdr.items():
        h.send_header(name.replace("_", "-"), value)
    h.end_headers()
    h.wfile.write(body)


def redirect(to: str) -> Route:
    return lambda h: send(h, 302, b"", Location=to)


@pytest.fixture
def site():
    s = Server()
    yield s
    s.stop()


def _fetcher(**kw) -> Fetcher:
    kw.setdefault("delay", 0)
    return Fetcher(**kw)


# --- hosts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.5.4", "192.168.0.10", "169.254.169.254",
     "100.64.0.1", "224.0.0.1", "0.0.0.0", "240.0.0.1", "255.255.255.255", "::1", "::",
     "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
     "::ffff:10.0.0.1"],
)  # fmt: skip
def test_non_public_addresses_are_blocked(address):
    assert hosts.blocked_reason(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_pass(address):
    assert hosts.blocked_reason(address) is None


@pytest.mark.parametrize(
    "netloc",
    ["127.0.0.1:{port}", "localhost:{port}", "2130706433:{port}", "0x7f000001:{port}",
     "[::1]:{port}", "[::ffff:127.0.0.1]:{port}", "0.0.0.0:{port}", "169.254.169.254",
     "10.0.0.1:{port}"],
)  # fmt: skip
def test_loopback_private_and_metadata_hosts_are_refused_without_a_request(site, netloc):
    url = f"http://{netloc.format(port=site.port)}/haber.html"
    got = _fetcher(timeout=0.3, retries=0).fetch(url)
    assert isinstance(got, IngestError) and got.kind == "blocked-host", got
    assert "--allow-private-hosts" in got.message
    assert sum(site.hits.values()) == 0  # not even robots.txt was asked for


def test_allow_flag_fetches_numeric_loopback_spellings(site):
    fetcher = _fetcher(allow_private_hosts=True)
    for netloc in ("2130706433", "0x7f000001", "127.0.0.1"):
        got = fetcher.fetch(f"http://{netloc}:{site.port}/haber.html")
        assert not isinstance(got, IngestError), got
        assert got.data == PAGE
    assert site.hits["/haber.html"] == 3


def _second_loopback_server(port: int = 0) -> Server:
    try:
        return Server("127.0.0.2", port)
    except OSError:
        pytest.skip("127.0.0.2 cannot be bound here")


@pytest.fixture
def public_looking(monkeypatch):
    """A server on 127.0.0.2 that the address check treats as public."""
    real = hosts.blocked_reason
    monkeypatch.setattr(hosts, "blocked_reason", lambda a: None if a == "127.0.0.2" else real(a))


def test_redirect_to_a_private_address_is_refused(site, public_looking):
    outer = _second_loopback_server()
    try:
        outer.routes["/yonlendir"] = redirect(f"{site.base}/haber.html")
        got = _fetcher().fetch(f"{outer.base}/yonlendir")
    finally:
        outer.stop()
    assert isinstance(got, IngestError) and got.kind == "blocked-host", got
    assert outer.hits["/yonlendir"] == 1  # refused, not retried
    assert sum(site.hits.values()) == 0


def test_robots_redirect_to_a_private_address_disallows_the_host(site, public_looking):
    outer = _second_loopback_server()
    try:
        outer.routes["/robots.txt"] = redirect(f"{site.base}/robots.txt")
        got = _fetcher().fetch(f"{outer.base}/haber.html")
    finally:
        outer.stop()
    assert isinstance(got, IngestError) and got.kind == "robots", got
    assert "refused" in got.message
    assert outer.hits["/haber.html"] == 0 and sum(site.hits.values()) == 0


def test_dns_rebinding_cannot_switch_the_address_after_the_check(site, public_looking, monkeypatch):
    outer = _second_loopback_server(site.port)  # same port, another address
    real = socket.getaddrinfo
    answers = iter(["127.0.0.2"])  # the first lookup says "public", every later one 127.0.0.1

    def rebinding(host, port, *args, **kw):
        if host == "kent.haber.test":
            host = next(answers, "127.0.0.1")
        return real(host, port, *args, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    try:
        got = _fetcher(retries=0).fetch(f"http://kent.haber.test:{site.port}/haber.html")
    finally:
        outer.stop()
    assert outer.hits["/robots.txt"] == 1  # the first connection went to the checked address
    assert isinstance(got, IngestError) and got.kind == "blocked-host", got
    assert sum(site.hits.values()) == 0  # 127.0.0.1 was never reached


# --- time and size -------------------------------------------------------------------------


def test_deadline_bounds_a_server_that_trickles_bytes(site):
    def trickle(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "40")
        h.end_headers()
        for _ in range(40):  # 10 s in all; each byte comes well within the read timeout
            h.wfile.write(b"a")
            h.wfile.flush()
            time.sleep(0.25)

    site.routes["/damla.html"] = trickle
    start = time.monotonic()
    got = _fetcher(allow_private_hosts=True, timeout=0.5, retries=2).fetch(
        f"{site.base}/damla.html"
    )
    elapsed = time.monotonic() - start
    assert isinstance(got, IngestError) and got.kind == "fetch", got
    assert "deadline" in got.message
    assert elapsed < 2.0  # deadline 2 x 0.5 s
    assert site.hits["/damla.html"] == 1  # no retry once the deadline has passed


def _peak_while(fn):
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_gzip_bomb_stops_at_the_byte_cap_with_bounded_memory(site):
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    bomb = b"".join(squeeze.compress(zeros) for _ in range(64)) + squeeze.flush()  # 64 MB
    assert len(bomb) < 100_000
    site.routes["/bomba.html"] = lambda h: send(h, 200, bomb, "text/html", Content_Encoding="gzip")
    fetcher = _fetcher(allow_private_hosts=True, max_bytes=1_000_000)
    got, peak = _peak_while(lambda: fetcher.fetch(f"{site.base}/bomba.html"))
    assert isinstance(got, IngestError) and got.kind == "too-large", got
    assert peak < 4_000_000, peak


def test_gzip_body_within_the_cap_is_decoded(site):
    packed = gzip.compress(PAGE)
    site.routes["/sikistirilmis.html"] = lambda h: send(
        h, 200, packed, "text/html; charset=utf-8", Content_Encoding="gzip"
    )
    got = _fetcher(allow_private_hosts=True).fetch(f"{site.base}/sikistirilmis.html")
    assert not isinstance(got, IngestError), got
    assert got.data == PAGE


def test_endless_body_without_length_stops_at_the_byte_cap(site):
    chunk = b"x" * 65536

    def endless(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()  # no Content-Length: the body ends when the connection does
        for _ in range(256):  # 16 MB at most
            h.wfile.write(chunk)

    site.routes["/sonsuz.html"] = endless
    fetcher = _fetcher(allow_private_hosts=True, max_bytes=1_000_000)
    got, peak = _peak_while(lambda: fetcher.fetch(f"{site.base}/sonsuz.html"))
    assert isinstance(got, IngestError) and got.kind == "too-large", got
    assert peak < 4_000_000, peak


# --- robots.txt ------------------------------------------------------------------------------


def _slow_robots(h):
    time.sleep(1.0)
    send(h, 200, b"User-agent: *\nAllow: /\n")


@pytest.mark.parametrize(
    ("robots", "refusal"),
    [(lambda h: send(h, 503, b"bakim"), "robots"), (_slow_robots, "fetch"),
     (lambda h: send(h, 404, b"yok"), None), (lambda h: send(h, 403, b"yasak"), None)],
    ids=["5xx", "unreachable", "404", "403"],
)  # fmt: skip
def test_robots_5xx_or_unreachable_disallows_and_4xx_allows(site, robots, refusal):
    site.routes["/robots.txt"] = robots
    fetcher = _fetcher(allow_private_hosts=True, timeout=0.3, retries=1)
    first = fetcher.fetch(f"{site.base}/haber.html")
    second = fetcher.fetch(f"{site.base}/diger.html")
    if refusal is None:
        assert not isinstance(first, IngestError) and not isinstance(second, IngestError)
        assert site.hits["/robots.txt"] == 1
    else:
        assert isinstance(first, IngestError) and first.kind == refusal, first
        assert "robots.txt unreachable" in first.message
        assert isinstance(second, IngestError) and second.kind == refusal
        assert site.hits["/haber.html"] == site.hits["/diger.html"] == 0
        assert site.hits["/robots.txt"] == 2  # one retry, then remembered for the host


def test_oversized_robots_is_parsed_up_to_the_cap(site):
    padding = "".join(f"# satir {i:06d} " + "ç" * 60 + "\n" for i in range(8000))  # ~1 MB
    text = "User-agent: *\nDisallow: /gizli/\n" + padding + "Disallow: /sonra/\n"
    site.routes["/robots.txt"] = lambda h: send(h, 200, text.encode())
    fetcher = _fetcher(allow_private_hosts=True)
    hidden = fetcher.fetch(f"{site.base}/gizli/a.html")
    later = fetcher.fetch(f"{site.base}/sonra/b.html")
    assert isinstance(hidden, IngestError) and hidden.kind == "robots", hidden
    assert not isinstance(later, IngestError), later  # the rule past 512 KiB is not read


# --- retries and redirects -------------------------------------------------------------------


def test_permanent_errors_are_not_retried(site):
    site.routes.update({
        "/yok.html": lambda h: send(h, 404, b"yok"),
        "/yasak.html": lambda h: send(h, 403, b"yasak"),
        "/gitti.html": lambda h: send(h, 410, b"gitti"),
        "/dongu/a": redirect("/dongu/b"),
        "/dongu/b": redirect("/dongu/a"),
        "/bozuk": redirect("http://[::1"),
        "/dosya": redirect("file:///etc/passwd"),
        "/kalabalik.html": lambda h: send(h, 429, b"yavas"),
        "/mesgul.html": lambda h: send(h, 503, b"mesgul"),
    })  # fmt: skip
    for n in range(40):
        site.routes[f"/zincir/{n}"] = redirect(f"/zincir/{n + 1}")
    fetcher = _fetcher(allow_private_hosts=True, retries=2, max_redirects=4)
    kinds = {}
    for path in ("/yok.html", "/yasak.html", "/gitti.html", "/dongu/a", "/zincir/0", "/bozuk",
                 "/dosya", "/kalabalik.html", "/mesgul.html"):  # fmt: skip
        got = fetcher.fetch(f"{site.base}{path}")
        assert isinstance(got, IngestError), path
        kinds[path] = got
    for path in ("/yok.html", "/yasak.html", "/gitti.html", "/bozuk", "/dosya"):
        assert site.hits[path] == 1, path
    assert site.hits["/dongu/a"] + site.hits["/dongu/b"] <= 4 + 1
    assert "loop" in kinds["/dongu/a"].message
    assert sum(v for k, v in site.hits.items() if k.startswith("/zincir/")) == 4 + 1
    assert "redirects" in kinds["/zincir/0"].message
    assert site.hits["/kalabalik.html"] == site.hits["/mesgul.html"] == 3  # transient: retried


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://[zz]/", "http:///haber.html", "http://a b/", "http://a%00b/"]
)
def test_invalid_urls_are_errors_not_crashes(url):
    got = _fetcher(retries=2).fetch(url)
    assert isinstance(got, IngestError) and got.kind == "fetch", got
    assert got.message.startswith("invalid URL"), got


# --- feeds -----------------------------------------------------------------------------------


def test_feed_entry_cap_fetches_the_first_entries_and_reports_the_rest_once(site):
    items = "".join(
        f"<item><title>Haber {i}</title><link>{site.base}/h{i}.html</link></item>"
        for i in range(12)
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kent</title>{items}'
    feed += "</channel></rss>"
    site.routes["/akis.rss"] = lambda h: send(h, 200, feed.encode(), "application/rss+xml")
    fetcher = _fetcher(allow_private_hosts=True, max_feed_entries=5)
    got = list(fetch_all([f"{site.base}/akis.rss"], fetcher))
    errors = [g for g in got if isinstance(g, IngestError)]
    docs = [g for g in got if not isinstance(g, IngestError)]
    assert [d.meta["feed_title"] for d in docs] == [f"Haber {i}" for i in range(5)]
    assert len(errors) == 1 and errors[0].kind == "too-large" and "12 entries" in errors[0].message
    assert sum(v for k, v in site.hits.items() if k.startswith("/h")) == 5


# --- entry points ----------------------------------------------------------------------------


def test_cli_run_needs_the_allow_flag_for_loopback(site, tmp_path):
    from typer.testing import CliRunner

    from gundem.cli import app

    runner = CliRunner()
    url = f"{site.base}/haber.html"
    args = ["run", url, "--db", str(tmp_path / "g.duckdb"), "-q", "--no-extract", "--no-link",
            "-w", "1", "--delay", "0"]  # fmt: skip
    refused = runner.invoke(app, args)
    assert refused.exit_code == 1 and "blocked-host" in refused.output
    assert sum(site.hits.values()) == 0
    allowed = runner.invoke(app, [*args, "--allow-private-hosts"])
    assert allowed.exit_code == 0, allowed.output
    assert site.hits["/haber.html"] == 1


def test_api_ingest_never_fetches_from_loopback(site, tmp_path):
    from fastapi.testclient import TestClient

    from gundem.serve.api import create_app

    with TestClient(
        create_app(str(tmp_path / "a.duckdb"), api_key="anahtar", allowed_hosts=["testserver"])
    ) as client:
        r = client.post(
            "/api/ingest",
            json={"urls": [f"{site.base}/haber.html"]},
            headers={"X-API-Key": "anahtar"},
        )
    assert r.status_code in (200, 201), r.text
    assert [e["kind"] for e in r.json()["errors"]] == ["blocked-host"]
    assert sum(site.hits.values()) == 0
