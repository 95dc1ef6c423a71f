"""Issue 11 acceptance: a corpus of hostile inputs, generated here, runs through `gundem run`.

Every good document is stored, every bad one is reported once by name and kind, nothing
escapes as a traceback, and the whole run (one process: --workers 1) peaks under 1.5 GB.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gundem.store.db import Store

PEAK_LIMIT_MB = 1500

ARTICLE = """Trabzon’da sağanak yağış hayatı olumsuz etkiledi: {mark}

Karadeniz’in doğusunda etkili olan sağanak, Trabzon ve Rize’de dere yataklarının taşmasına yol açtı.
AFAD ekipleri sabaha kadar çalışarak su basan evlerden 37 kişiyi tahliye etti.

Vali Hüseyin Karaman, “Can kaybı yok, ekiplerimiz sahada” dedi ve vatandaşlardan dere kenarlarından
uzak durmalarını istedi. Meteoroloji, yağışların hafta sonuna kadar süreceğini açıkladı.
"""

HTML = """<!doctype html><html><head><title>Kayseri’de fuar açıldı {mark}</title></head><body>
<nav><a href="/">Ana Sayfa</a> <a href="/spor">Spor</a></nav>
<article><h1>Kayseri’de fuar açıldı {mark}</h1>
<p>Kayseri Ticaret Odası’nın düzenlediği mobilya fuarı, 40 ülkeden gelen ziyaretçilerle kapılarını açtı.</p>
<p>Oda Başkanı Ömer Gülsoy, “Bu yıl ihracatta yeni bir rekor bekliyoruz” diye konuştu.</p>
</article><footer>© 2026 Örnek Haber</footer></body></html>
"""

BRIEF = "Borsa İstanbul günü {a} puandan, dolar/TL {b},{c} liradan kapattı."


def _warc_record(uri: str | None, html: str) -> bytes:
    body = html.encode("utf-8")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    http += f"Content-Length: {len(body)}\r\n\r\n".encode() + body
    head = ["WARC/1.0", "WARC-Type: response", "WARC-Date: 2026-03-02T10:00:00Z"]
    head.append(f"WARC-Record-ID: <urn:uuid:{abs(hash((uri, html))):032x}>")
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += ["Content-Type: application/http; msgtype=response", f"Content-Length: {len(http)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + http + b"\r\n\r\n"


def _giant_line(size: int) -> str:
    # one "sentence" of ~size characters: no full stop anywhere, as a broken export gives
    part = (
        "Ankara ile İzmir arasındaki yeni demiryolu hattı için çalışmalar sürüyor ve "
        "bölge halkı gelişmeleri yakından izliyor, "
    )
    return "Demiryolu haberi dev satır " + part * (size // len(part))


def _paragraph_page(n: int, mark: str) -> str:
    paras = "\n".join(
        f"<p>Belediye Başkanı Selin Aydın’ın {i}. toplantıda açıkladığı plana göre "
        f"{i % 90 + 10} mahallede yeni park yapılacak.</p>"
        for i in range(n)
    )
    return f"<html><head><title>Uzun sayfa {mark}</title></head><body><article>{paras}</article></body></html>"


def _write_corpus(root: Path) -> tuple[list[str], dict[str, str], dict[str, set[str]]]:
    """Write the corpus; return (inputs, good: marker → file, bad: file → allowed error kinds)."""
    good: dict[str, str] = {}
    bad: dict[str, set[str]] = {}
    inp = root / "girdi"
    inp.mkdir()

    def put(
        name: str | bytes, data: bytes, mark: str | None = None, kind: str | None = None
    ) -> Path:
        path = Path(os.fsdecode(os.fsencode(inp) + b"/" + os.fsencode(name)))
        path.write_bytes(data)
        if mark:
            good[mark] = repr(name)
        if kind:
            bad[str(name)] = {kind}
        return path

    put("iyi.txt", ARTICLE.format(mark="İYİMETİN").encode(), "İYİMETİN")
    put("sayfa.html", HTML.format(mark="SAYFAHTML").encode(), "SAYFAHTML")
    put("utf16.txt", ARTICLE.format(mark="UTFONALTI").encode("utf-16-le"), "UTFONALTI")
    deep = "<div>" * 1000 + "<p>" + ARTICLE.format(mark="DERİNHTML") + "</p>" + "</div>" * 1000
    put("derin.html", f"<html><body>{deep}</body></html>".encode(), "DERİNHTML")
    put(
        "kuyruk.txt.gz",
        gzip.compress(ARTICLE.format(mark="KUYRUKGZ").encode()) + b"junk!!",
        "KUYRUKGZ",
    )
    put(b"bozuk\xffad.txt", ARTICLE.format(mark="BAYTADI").encode(), "BAYTADI")  # not UTF-8
    put("satır\nkırık.txt", ARTICLE.format(mark="SATIRADI").encode(), "SATIRADI")
    put("dev.txt", _giant_line(2_000_000).encode(), "Demiryolu haberi dev satır")
    put("uzun.html", _paragraph_page(4000, "UZUNSAYFA").encode(), "UZUNSAYFA")
    for i in range(50):
        brief = BRIEF.format(a=10_000 + i * 37, b=30 + i % 7, c=10 + i)
        put(f"kisa{i:02d}.txt", brief.encode(), f"{10_000 + i * 37} puandan")

    lines = [
        json.dumps({"text": ARTICLE.format(mark="JSONBİR"), "url": "https://ornek.com.tr/1"}),
        '{"text": "yarım kalmış satır',
        '{"text": "' + ARTICLE.format(mark="JSONVEKÜSURAT").replace("\n", "\\n") + ' \\ud83d"}',
        "[" * 200_000 + "]" * 200_000,
        '{"text": "NUL\x00 baytlı satır"}',
        json.dumps({"text": "Çok büyük kayıt " + "a" * 11_000_000}),
        json.dumps({"text": ARTICLE.format(mark="JSONİKİ")}, ensure_ascii=False),
    ]
    put("kayitlar.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))
    good.update(
        {
            "JSONBİR": "kayitlar.jsonl",
            "JSONVEKÜSURAT": "kayitlar.jsonl",
            "JSONİKİ": "kayitlar.jsonl",
        }
    )
    bad.update({"kayitlar.jsonl#2": {"json"}, "kayitlar.jsonl#4": {"json"}})
    bad["kayitlar.jsonl#5"] = {"json", "binary", "encoding"}  # a NUL byte costs this line only
    bad["kayitlar.jsonl#6"] = {"too-large"}

    warc = _warc_record("https://ornek.com.tr/warc-bir", HTML.format(mark="WARCBİR"))
    warc += _warc_record(None, HTML.format(mark="WARCADRESSİZ"))
    warc += b"WARC/1.0\r\nbu bir kayit degil\r\n\r\n" + os.urandom(3000) + b"\r\n\r\n"
    warc += _warc_record("https://ornek.com.tr/warc-iki", HTML.format(mark="WARCİKİ"))
    put("tarama.warc", warc)
    good.update({"WARCBİR": "tarama.warc", "WARCİKİ": "tarama.warc"})

    put("bos.txt", b"", kind="empty")
    put("veri.bin", os.urandom(5000), kind="binary")
    put("yarim.txt.gz", gzip.compress(ARTICLE.format(mark="x").encode())[:40], kind="gzip")
    put("buyuk.txt", b"Kocaman dosya. " * 750_000, kind="too-large")
    inputs = [str(inp), "/dev/zero", str(root / "olmayan.txt")]
    bad["/dev/zero"] = {"too-large", "binary"}
    bad["olmayan.txt"] = {"missing"}
    return inputs, good, bad


PEAK = textwrap.dedent(
    """
    import resource, subprocess, sys
    rc = subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL).returncode
    print(rc, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
    """
)


@pytest.mark.timeout(600)
def test_hostile_corpus_through_gundem_run(tmp_path):
    inputs, good, bad = _write_corpus(tmp_path)
    db = tmp_path / "h.duckdb"
    gundem = str(Path(sys.executable).parent / "gundem")
    cmd = [gundem, "run", *inputs, "--db", str(db), "--workers", "1", "--no-link"]
    out = subprocess.run(
        [sys.executable, "-c", PEAK, *cmd], capture_output=True, text=True, timeout=590
    )
    assert "Traceback" not in out.stderr, out.stderr[-3000:]
    rc, peak_mb = (int(x) for x in out.stdout.split()[-2:])
    print(f"hostile corpus: peak RSS {peak_mb} MB, exit {rc}")
    assert rc == 0, out.stderr[-3000:]
    assert peak_mb < PEAK_LIMIT_MB

    with Store(db, read_only=True) as store:
        texts = [
            t + "\n" + x
            for t, x in store.con.execute("SELECT title, text FROM articles").fetchall()
        ]
        errors = store.errors()
    missing = [m for m in good if not any(m in t for t in texts)]
    assert not missing, f"good documents not stored: {missing}"
    for name, kinds in bad.items():
        hits = [e for e in errors if e[0].endswith(name)]
        assert len(hits) == 1, (name, hits, [e[:2] for e in errors])
        assert hits[0][1] in kinds, (name, hits[0])
