"""Hostile inputs for the readers: each bad document or record costs itself only, nothing
escapes as a traceback, and every string a reader hands on can be stored and printed."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import duckdb
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import gundem.ingest.files as files
from gundem.clean.html import clean_html
from gundem.ingest.decode import decode
from gundem.ingest.errors import IngestError
from gundem.ingest.files import read_inputs
from gundem.model import RawDoc

KONYA = "Konya’da çiftçiler kuraklığa karşı yeni sulama kanalının açılışını kutladı."
RIZE = "Rize’de çay hasadı erken başladı; üreticiler fiyatların açıklanmasını bekliyor."
SIVAS = "Sivas’ta kar yağışı nedeniyle köy yolları ulaşıma kapandı, ekipler çalışıyor."
SRC = Path(__file__).resolve().parents[1] / "src"


def _read(inputs, **kw):
    docs, errors = [], []
    for item in read_inputs([str(p) for p in inputs], **kw):
        assert isinstance(item, RawDoc | IngestError), item
        (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors


def _storable(docs, errors) -> None:
    """What a reader yields goes into DuckDB and onto a terminal line as it is."""
    con = duckdb.connect()
    con.execute("CREATE TABLE t (s VARCHAR)")
    for d in docs:
        for value in [d.source, *(v for v in d.meta.values() if isinstance(v, str))]:
            con.execute("INSERT INTO t VALUES (?)", [value])
        con.execute("INSERT INTO t VALUES (?)", [decode(d.data, d.meta.get("charset"))])
    for e in errors:
        con.execute("INSERT INTO t VALUES (?)", [e.line()])
        assert "\n" not in e.line() and "\r" not in e.line()


def _jsonl(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def _rec(text: str, **meta) -> bytes:
    return json.dumps({"text": text, **meta}).encode()


def _tail(errors) -> list[tuple[str, str]]:
    return [(e.source.rsplit("#", 1)[-1], e.kind) for e in errors]


# --- JSONL -------------------------------------------------------------------------------


def test_jsonl_lone_surrogate_escape_becomes_replacement_char_and_record_is_kept(tmp_path):
    broken = b'{"text": "' + KONYA.encode() + b' \\ud83d", "title": "Kuraklik \\udc00 haberi"}'
    path = _jsonl(tmp_path / "x.jsonl", [_rec(RIZE), broken, _rec(SIVAS)])
    docs, errors = _read([path])
    assert not errors
    assert len(docs) == 3
    assert decode(docs[1].data).endswith(" \ufffd") and KONYA in decode(docs[1].data)
    assert docs[1].meta["title"] == "Kuraklik \ufffd haberi"
    _storable(docs, errors)


def test_jsonl_line_nested_200000_deep_is_a_json_error_for_that_line(tmp_path):
    deep = b'{"text": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    path = _jsonl(tmp_path / "x.jsonl", [_rec(RIZE), deep, _rec(SIVAS)])
    docs, errors = _read([path])
    assert [decode(d.data) for d in docs] == [RIZE, SIVAS]
    assert _tail(errors) == [("2", "json")]
    assert "nested" in errors[0].message


def test_nul_byte_on_one_jsonl_line_costs_that_line_only(tmp_path):
    nul = b'{"text": "' + KONYA.encode() + b'\x00"}'
    latin = b'{"text": "' + "Çorum’da hıdrellez".encode("cp1254") + b'"}'
    path = _jsonl(tmp_path / "x.jsonl", [_rec(RIZE), nul, latin, _rec(SIVAS)])
    docs, errors = _read([path])
    assert [decode(d.data) for d in docs] == [RIZE, SIVAS]
    assert _tail(errors) == [("2", "json"), ("3", "json")]


def test_jsonl_record_over_the_limit_is_too_large_without_being_held(tmp_path):
    big = _rec("Ordu’da fındık bahçelerinde hasat sürüyor. " * 50_000)  # ~2.3 MB
    path = _jsonl(tmp_path / "x.jsonl", [_rec(RIZE), big, _rec(SIVAS)])
    tracemalloc.start()
    try:
        docs, errors = _read([path], max_doc_bytes=100_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [decode(d.data) for d in docs] == [RIZE, SIVAS]
    assert _tail(errors) == [("2", "too-large")]
    assert peak < 1_500_000  # the 2.3 MB line was skipped in small reads, never held


def test_jsonl_gz_streams_all_records_whatever_its_expanded_size(tmp_path, monkeypatch):
    # the old reader cut every gzip at MAX_GZIP_BYTES (500 MB) and dropped the rest silently;
    # a small value stands in for it, so that the test stays fast
    monkeypatch.setattr(files, "MAX_GZIP_BYTES", 2_000_000, raising=False)
    count = 12_000
    body = "Malatya’da yeni konutların anahtarları hak sahiplerine teslim edildi. " * 6
    lines = b"".join(
        _rec(f"{i}. {body}", url=f"https://m.example/{i}") + b"\n" for i in range(count)
    )
    assert len(lines) > 2 * 2_000_000  # more than twice the stand-in cap
    path = tmp_path / "arsiv.jsonl.gz"
    path.write_bytes(gzip.compress(lines, compresslevel=1))
    docs, errors = _read([path], max_doc_bytes=1_000_000)  # the limit is per record only
    assert not errors
    assert len(docs) == count and docs[-1].meta["url"] == f"https://m.example/{count - 1}"


def test_gzip_member_expanding_past_the_limit_is_too_large_while_streaming(tmp_path):
    path = tmp_path / "dev.txt.gz"
    with gzip.open(path, "wb", compresslevel=1) as gz:
        for _ in range(40):
            gz.write(("Bolu’da orman yangını söndürüldü. " * 30_000).encode())  # ~1 MB each
    tracemalloc.start()
    try:
        docs, errors = _read([path], max_doc_bytes=1_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not docs and [e.kind for e in errors] == ["too-large"]
    assert peak < 5_000_000  # ~1 MB read, not the 40 MB it expands to


def test_gzip_with_trailing_junk_keeps_what_decoded(tmp_path, article_tr):
    (tmp_path / "sayfa.txt.gz").write_bytes(
        gzip.compress(article_tr.encode()) + b"bu kisim bozuk, gzip degil"
    )
    records = b"".join(_rec(t) + b"\n" for t in (RIZE, SIVAS))
    (tmp_path / "kayit.jsonl.gz").write_bytes(gzip.compress(records) + b"\xde\xad\xbe\xef" * 9)
    docs, errors = _read([tmp_path])
    texts = sorted(decode(d.data) for d in docs)
    assert texts == sorted([article_tr, RIZE, SIVAS])
    assert {e.kind for e in errors} <= {"gzip"}
    assert all("trailing" in e.message for e in errors)
    _storable(docs, errors)


def test_broken_gzip_is_one_gzip_error(tmp_path, article_tr):
    packed = gzip.compress(article_tr.encode())
    (tmp_path / "basi.txt.gz").write_bytes(packed[:12])  # cut inside the first block
    (tmp_path / "ici.txt.gz").write_bytes(packed[:10] + b"\xff" * 40 + packed[50:])
    docs, errors = _read([tmp_path])
    assert not docs
    assert sorted((e.source.rsplit("/", 1)[-1], e.kind) for e in errors) == [
        ("basi.txt.gz", "gzip"),
        ("ici.txt.gz", "gzip"),
    ]


def test_truncated_jsonl_gz_keeps_the_records_before_the_cut(tmp_path):
    records = b"".join(_rec(f"{i}. {KONYA}") + b"\n" for i in range(3000))
    full = gzip.compress(records)
    path = tmp_path / "kesik.jsonl.gz"
    path.write_bytes(full[: len(full) * 2 // 3])
    docs, errors = _read([path])
    assert 1000 < len(docs) < 3000
    assert errors and errors[-1].kind in ("gzip", "json")
    assert errors[-1].kind == "gzip" or errors[-2].kind == "gzip"


# --- WARC --------------------------------------------------------------------------------


def _record(url: str, body: str, *, gz: bool, drop_uri: bool = False) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    html = f"<html><body><p>{body}</p></body></html>".encode()
    rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html), http_headers=headers)
    if drop_uri:
        rec.rec_headers.remove_header("WARC-Target-URI")
    writer.write_record(rec)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_response_without_target_uri_costs_that_record_only(tmp_path, gz):
    data = (
        _record("https://w.example/1", RIZE, gz=gz)
        + _record("https://w.example/2", KONYA, gz=gz, drop_uri=True)
        + _record("https://w.example/3", SIVAS, gz=gz)
    )
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    docs, errors = _read([path])
    assert [d.meta["url"] for d in docs] == ["https://w.example/1", "https://w.example/3"]
    assert [e.kind for e in errors] == ["warc"]
    _storable(docs, errors)


@pytest.mark.parametrize(
    "gz,garbage",
    [
        (False, b"BOZUK KAYIT\r\nburada WARC yok\r\n\r\n"),
        (False, b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nkisa"),
        (True, gzip.compress(b"BOZUK KAYIT\r\n\r\n")),
        (True, b"\x00\x01 sikistirilmamis cop \xff\xfe"),
        # a version line but no headers: warcio reads it as a record running to the end
        (False, b"WARC/1.0\r\nkayit degil\r\n\r\n" + bytes(range(256)) * 8 + b"\r\n\r\n"),
    ],
)
def test_warc_garbage_record_between_two_good_ones_keeps_both(tmp_path, gz, garbage):
    data = (
        _record("https://w.example/1", RIZE, gz=gz)
        + garbage
        + _record("https://w.example/2", SIVAS, gz=gz)
    )
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data)
    docs, errors = _read([path])
    assert [d.meta["url"] for d in docs] == ["https://w.example/1", "https://w.example/2"]
    assert [e.kind for e in errors] == ["warc"]
    _storable(docs, errors)


@pytest.mark.parametrize("gz", [False, True])
def test_two_bad_warc_records_in_a_row_are_two_errors(tmp_path, gz):
    garbage = b"BOZUK KAYIT\r\n\r\n"
    data = (
        _record("https://w.example/1", RIZE, gz=gz)
        + (gzip.compress(garbage) if gz else garbage)
        + _record("https://w.example/2", KONYA, gz=gz, drop_uri=True)
        + _record("https://w.example/3", SIVAS, gz=gz)
    )
    (tmp_path / "crawl.warc").write_bytes(data)
    docs, errors = _read([tmp_path])
    assert [d.meta["url"] for d in docs] == ["https://w.example/1", "https://w.example/3"]
    assert [e.kind for e in errors] == ["warc", "warc"]


def test_warc_record_over_the_limit_is_too_large(tmp_path):
    data = (
        _record("https://w.example/1", RIZE, gz=True)
        + _record("https://w.example/2", "Uzun bir sayfa. " * 20_000, gz=True)
        + _record("https://w.example/3", SIVAS, gz=True)
    )
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    docs, errors = _read([tmp_path], max_doc_bytes=50_000)
    assert [d.meta["url"] for d in docs] == ["https://w.example/1", "https://w.example/3"]
    assert _tail(errors) == [("2", "too-large")]


# --- files, names, stdin, encodings ------------------------------------------------------


def test_file_name_not_utf8_is_read_and_shown_escaped(tmp_path, article_tr):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"bad\xff.txt"), "wb") as fh:
        fh.write(article_tr.encode())
    with open(os.path.join(folder, b"bos\xfe.txt"), "wb"):
        pass
    docs, errors = _read([tmp_path])
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["bad\\xff.txt"]
    assert decode(docs[0].data) == article_tr
    assert [(e.source.rsplit("/", 1)[-1], e.kind) for e in errors] == [("bos\\xfe.txt", "empty")]
    _storable(docs, errors)


def test_newline_in_a_file_name_does_not_split_the_error_line(tmp_path, article_tr):
    (tmp_path / "iyi\nhaber.txt").write_text(article_tr, encoding="utf-8")
    (tmp_path / "bos\n\x1b[31mkirmizi.txt").write_bytes(b"")
    docs, errors = _read([tmp_path])
    assert len(docs) == 1 and "\n" not in docs[0].source
    assert docs[0].source.endswith("iyi\\nhaber.txt")
    assert len(errors) == 1 and errors[0].kind == "empty"
    assert errors[0].source.endswith("bos\\n\\x1b[31mkirmizi.txt")
    _storable(docs, errors)


class _Endless(io.RawIOBase):
    """A pipe of text that goes on far longer than any article (bounded for the test)."""

    def __init__(self, total: int) -> None:
        self.left = total
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        n = min(len(buf), self.left)
        buf[:n] = (b"Ankara'da bugun hava acik. " * (n // 27 + 1))[:n]
        self.left -= n
        self.read_bytes += n
        return n


def test_stdin_is_read_with_a_bound(monkeypatch):
    pipe = _Endless(30_000_000)

    class _Stdin:
        buffer = io.BufferedReader(pipe)

    monkeypatch.setattr(sys, "stdin", _Stdin)
    docs, errors = _read(["-"], max_doc_bytes=100_000)
    assert not docs and [(e.source, e.kind) for e in errors] == [("stdin", "too-large")]
    assert pipe.read_bytes < 2_000_000  # stopped after the limit, not at the end of the pipe


def test_dev_zero_is_refused_in_bounded_memory():
    script = textwrap.dedent(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (2_000_000_000, 2_000_000_000))
        from gundem.ingest.files import read_inputs
        print([(e.source, e.kind) for e in read_inputs(["/dev/zero"])])
        """
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() in ("[('/dev/zero', 'binary')]", "[('/dev/zero', 'too-large')]")


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_and_decoded(tmp_path, enc, article_tr):
    (tmp_path / "metin.txt").write_bytes(article_tr.encode(enc))
    page = f"<html><head><title>Haber</title></head><body><p>{KONYA}</p></body></html>"
    (tmp_path / "sayfa.html").write_bytes(page.encode(enc))
    docs, errors = _read([tmp_path])
    assert not errors
    by_name = {d.source.rsplit("/", 1)[-1]: d for d in docs}
    assert decode(by_name["metin.txt"].data) == article_tr
    assert by_name["metin.txt"].meta["format"] == "text"
    assert by_name["sayfa.html"].meta["format"] == "html"
    assert KONYA in decode(by_name["sayfa.html"].data)


def test_decode_never_returns_text_that_cannot_be_stored():
    page = b'<html><head><meta charset="unicode_escape"></head><body>Van \\ud83d</body></html>'
    text = decode(page)
    text.encode("utf-8")  # no lone surrogate left
    assert "Van" in text


def test_a_reader_bug_on_one_file_is_an_internal_error_and_the_batch_goes_on(
    tmp_path, monkeypatch, article_tr
):
    (tmp_path / "a.jsonl").write_bytes(_rec(RIZE) + b"\n")
    (tmp_path / "b.txt").write_text(article_tr, encoding="utf-8")

    def broken(*args, **kwargs):
        raise KeyError("kutuphane hatasi")

    monkeypatch.setattr(files, "read_jsonl", broken)
    docs, errors = _read([tmp_path])
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["b.txt"]
    assert [(e.source.rsplit("/", 1)[-1], e.kind) for e in errors] == [("a.jsonl", "internal")]


# --- HTML --------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1_000, 5_000])
def test_html_nested_deeper_than_the_parser_limit_keeps_its_text(depth):
    para = (
        "Kahramanmaraş’ta belediye meclisi dün akşam toplandı ve yeni yılın bütçesini "
        "oy birliğiyle kabul etti; başkan yatırımların mahallelere dengeli dağıtılacağını "
        "söyledi."
    )
    after = "Toplantının ardından meclis üyeleri yeni park alanını ziyaret etti ve incelemelerde bulundu."
    html = (
        "<html><head><title>Meclis toplandı</title></head><body>"
        + "<div>" * depth
        + f"<p>{para}</p>"
        + "</div>" * depth
        + f"<p>{after}</p></body></html>"
    )
    text = "\n".join(p.text for p in clean_html(html).paragraphs)
    assert para in text and after in text
