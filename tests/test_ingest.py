"""Readers and format detection: each bad input is one error naming it; good ones survive."""

from __future__ import annotations

import gzip
import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from gundem.ingest.decode import decode
from gundem.ingest.detect import sniff
from gundem.ingest.errors import IngestError
from gundem.ingest.files import read_inputs
from gundem.model import RawDoc

TURKISH = "Şırnak’ta İğdır ile Çağlayan’ı ÖZÜ görüşmesi: ığdır, çöğüş"


def _read(paths):
    docs, errors = [], []
    for item in read_inputs([str(p) for p in paths]):
        (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors


def test_sniff_by_content_not_extension():
    assert sniff(b"") == "empty"
    assert sniff(b"   \n") == "empty"
    assert sniff(b"\x1f\x8b\x08\x00") == "gzip"
    assert sniff(b"WARC/1.0\r\n") == "warc"
    assert sniff(b"<!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt") == "html"
    assert sniff(b'<?xml version="1.0"?><rss version="2.0">', "feed") == "feed"
    assert sniff(b'{"text": "Merhaba"}\n{"text": "D\xc3\xbcnya"}', "x.dat") == "jsonl"
    assert sniff(b"https://a.example/1\nhttps://a.example/2\n") == "urls"
    assert sniff("Bugün Ankara’da toplantı yapıldı.".encode()) == "text"
    assert sniff(bytes(range(256)) * 10) == "binary"


def test_decode_turkish_code_pages():
    assert decode(TURKISH.encode("cp1254")) == TURKISH
    plain = TURKISH.replace("’", "'")  # iso-8859-9 has no typographic apostrophe
    assert decode(plain.encode("iso-8859-9")) == plain
    assert decode(TURKISH.encode("utf-8")) == TURKISH
    assert decode(b"\xef\xbb\xbf" + TURKISH.encode("utf-8")) == TURKISH
    html = f'<html><head><meta charset="windows-1254"></head><body>{TURKISH}</body></html>'
    assert TURKISH in decode(html.encode("cp1254"))


def test_bad_files_each_give_one_error_and_the_batch_goes_on(tmp_path, article_tr):
    (tmp_path / "good.txt").write_text(article_tr, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 64)
    full = gzip.compress(article_tr.encode("utf-8") * 50)
    (tmp_path / "cut.txt.gz").write_bytes(full[: len(full) // 2])
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        line = (
            "Bu satır çok büyük bir dosyanın parçasıdır ve bir haber değildir. " * 20 + "\n"
        ).encode()
        while fh.tell() < 50_000_000:
            fh.write(line * 100)
    docs, errors = _read([tmp_path])
    assert [d.source for d in docs] == [str(tmp_path / "good.txt")]
    kinds = {e.source.rsplit("/", 1)[-1]: e.kind for e in errors}
    assert kinds == {
        "empty.txt": "empty",
        "blob.bin": "binary",
        "cut.txt.gz": "gzip",
        "huge.txt": "too-large",
    }
    for err in errors:
        assert err.source in err.line() and "\n" not in err.line()


def test_gzip_text_is_unpacked(tmp_path, article_tr):
    (tmp_path / "page.txt.gz").write_bytes(gzip.compress(article_tr.encode("cp1254")))
    docs, errors = _read([tmp_path])
    assert not errors and len(docs) == 1
    assert "Karadeniz’de" in decode(docs[0].data) or "Karadeniz" in decode(docs[0].data)


def test_jsonl_records_and_a_broken_line(tmp_path):
    lines = [
        json.dumps(
            {"text": "Ankara’da bugün yağmur bekleniyor.", "title": "Hava", "outlet": "Kent"}
        ),
        "{broken json",
        json.dumps(
            {
                "html": "<html><body><p>İzmir’de fuar açıldı.</p></body></html>",
                "url": "https://k.example/a",
            }
        ),
        json.dumps({"title": "Belediye meclisi toplandı", "text": ""}),  # a title is a text
        json.dumps({"url": "https://k.example/b", "text": "  "}),
    ]
    (tmp_path / "x.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, errors = _read([tmp_path / "x.jsonl"])
    assert [d.meta["format"] for d in docs] == ["text", "html", "text"]
    assert docs[0].meta["title"] == "Hava" and docs[1].meta["url"] == "https://k.example/a"
    assert docs[2].data == b"" and docs[2].meta["title"] == "Belediye meclisi toplandı"
    assert [(e.source.rsplit("#", 1)[1], e.kind) for e in errors] == [("2", "json"), ("5", "empty")]


def _warc(path, pages):
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(rec)


def test_warc_html_responses_only(tmp_path):
    page = "<html><head><title>Haber</title></head><body><p>Bursa’da yeni metro hattı açıldı.</p></body></html>"
    _warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://a.example/1", "text/html; charset=utf-8", page.encode()),
            ("https://a.example/logo.png", "image/png", b"\x89PNG...."),
            (
                "https://a.example/2",
                "text/html; charset=windows-1254",
                page.replace("Bursa", "Iğdır").encode("cp1254"),
            ),
        ],
    )
    docs, errors = _read([tmp_path / "crawl.warc.gz"])
    assert not errors
    assert [d.meta["url"] for d in docs] == ["https://a.example/1", "https://a.example/2"]
    assert "Iğdır" in decode(docs[1].data, docs[1].meta["charset"])
    assert all(isinstance(d, RawDoc) and d.meta["format"] == "html" for d in docs)
