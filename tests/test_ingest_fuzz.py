"""Property tests over the readers: whatever bytes or records they are fed, they yield only
RawDoc and IngestError values (never raise), and every string they hand on can be stored
in DuckDB and printed on one line."""

from __future__ import annotations

import gzip
import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from gundem.ingest.decode import decode
from gundem.ingest.errors import IngestError, InputError, display_path
from gundem.ingest.files import from_stream, read_inputs
from gundem.model import RawDoc

LIMIT = 20_000
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
NAMES = st.sampled_from(["haber.txt", "kayit.jsonl", "tarama.warc", "arsiv.gz", "sayfa.html", "x"])
# every code point, lone surrogates and control characters included
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40)
WORDS = st.sampled_from(
    ["Ankara", "İzmir’de", "çığ", "şubat", "Öztürk", "ğ", "\x00", "\n", "{", '"']
)


class _NoNetwork:
    """Data that looks like a URL list or a feed must not reach the network."""

    def fetch(self, url: str, meta: dict | None = None) -> IngestError:
        return IngestError(url, "fetch", "not fetched in tests")


def _check(items) -> list[RawDoc]:
    docs = []
    for item in items:
        assert isinstance(item, RawDoc | IngestError), item
        if isinstance(item, IngestError):
            line = item.line()
            line.encode("utf-8")
            assert "\n" not in line and "\r" not in line
            continue
        assert isinstance(item.data, bytes) and len(item.data) <= LIMIT
        item.source.encode("utf-8")
        for value in item.meta.values():
            if isinstance(value, str):
                value.encode("utf-8")
        try:
            decode(item.data, item.meta.get("charset")).encode("utf-8")
        except InputError as exc:  # the pipeline reports it as this document's error
            assert exc.kind == "encoding"
        docs.append(item)
    return docs


def _read(data: bytes, name: str) -> list[RawDoc]:
    return _check(from_stream(io.BytesIO(data), name, _NoNetwork(), LIMIT))


@FUZZ
@given(data=st.binary(max_size=3000), name=NAMES)
def test_any_bytes_give_documents_or_errors(data, name):
    _read(data, name)


@FUZZ
@given(data=st.binary(max_size=2000), name=NAMES)
def test_any_bytes_after_a_format_header_give_documents_or_errors(data, name):
    for magic in (b"WARC/1.0\r\n", b'{"text": "', b"\x1f\x8b\x08\x00", b"\xff\xfe", b"<html>"):
        _read(magic + data, name)


@FUZZ
@given(blob=st.binary(max_size=2000), tail=st.binary(max_size=200))
def test_gzip_of_anything_with_any_tail_gives_documents_or_errors(blob, tail):
    packed = gzip.compress(blob)
    for cut in (len(packed), len(packed) // 2):
        _read(packed[:cut] + tail, "x.gz")


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
    max_leaves=12,
)
_RECORD = st.fixed_dictionaries(
    {},
    optional={
        "text": ANY_TEXT | _JSON,
        "html": ANY_TEXT | _JSON,
        "title": ANY_TEXT | _JSON,
        "url": ANY_TEXT,
        "published": ANY_TEXT,
        "outlet": ANY_TEXT | _JSON,
    },
)


@FUZZ
@given(
    records=st.lists(_RECORD | _JSON, min_size=1, max_size=8),
    ascii_only=st.booleans(),
    junk=st.lists(st.binary(max_size=30), max_size=2),
)
def test_jsonl_records_of_any_shape_give_documents_or_errors(records, ascii_only, junk):
    lines = [
        json.dumps(r, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass") for r in records
    ]
    docs = _read(b"\n".join([b'{"text": "Bursa"}', *lines, *junk]), "kayit.jsonl")
    assert docs and docs[0].source == "kayit.jsonl#1"


@FUZZ
@given(
    words=st.lists(WORDS, min_size=1, max_size=30),
    count=st.integers(min_value=1, max_value=4),
    cut=st.floats(min_value=0, max_value=1),
    damage=st.binary(min_size=1, max_size=40),
    gz=st.booleans(),
)
def test_damaged_warc_keeps_the_records_before_the_damage(words, count, cut, damage, gz):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    ends = []
    for i in range(count):
        body = ("<html><body><p>" + " ".join(words) + f" {i}</p></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            f"https://w.example/{i}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(rec)
        ends.append(buf.tell())
    data = buf.getvalue()
    at = int(cut * len(data))
    docs = _read(data[:at] + damage + data[at:], "tarama.warc")
    whole_before = sum(1 for end in ends if end <= at)
    got = [d.meta.get("url") for d in docs]
    assert got[:whole_before] == [f"https://w.example/{i}" for i in range(whole_before)]


@FUZZ
@given(
    data=st.binary(max_size=600),
    declared=st.none()
    | st.sampled_from(
        [
            "utf-8",
            "cp1254",
            "utf-16",
            "unicode_escape",
            "raw_unicode_escape",
            "base64",
            "nope",
            "idna",
        ]
    ),
)
def test_decode_always_gives_storable_text(data, declared):
    try:
        text = decode(data, declared)
    except InputError as exc:  # the one documented failure
        assert exc.kind == "encoding"
        return
    text.encode("utf-8")


@settings(max_examples=25, deadline=None)
@given(name=st.binary(min_size=1, max_size=20).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_any_file_name_is_read_and_shown_printable(tmp_path_factory, name):
    if name in (b".", b"..") or name.startswith(b"."):
        name = b"_" + name
    folder = os.fsencode(tmp_path_factory.mktemp("adlar"))
    with open(os.path.join(folder, name), "wb") as fh:
        fh.write("Eskişehir’de bahar şenliği başladı.".encode())
    items = list(read_inputs([os.fsdecode(folder)]))
    docs = _check(items)
    assert len(docs) == 1
    assert docs[0].source.endswith(display_path(os.fsdecode(name)))
