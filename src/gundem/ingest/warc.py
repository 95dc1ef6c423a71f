"""WARC / WARC.gz crawls: every HTML response record becomes one document.

A record warcio cannot read (garbage, a response without WARC-Target-URI, a bad length)
costs that record only: the reader looks for the next record header ("WARC/1." or a gzip
member) and goes on from there. Non-seekable streams (a pipe) cannot go
back, so there an unreadable record ends the stream, with an error.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from gundem.ingest.errors import IngestError, describe, storable
from gundem.model import RawDoc

# Where a record can start: "WARC/1.0" or "WARC/1.1" (not only after a newline: a cut
# record runs straight into the next one), or a gzip member.
GZIP_MAGIC = b"\x1f\x8b\x08"
_STARTS = (b"WARC/1.", GZIP_MAGIC)
_SCAN_CHUNK = 1 << 20


def read_warc(
    stream: BinaryIO, source: str, *, max_doc_bytes: int
) -> Iterator[RawDoc | IngestError]:
    n = 0  # response records seen: the N of "source#N"
    resyncing = False  # after a bad record, false starts found by the scan are skipped quietly
    while True:
        it = ArchiveIterator(stream)
        got = 0
        try:
            for record in it:
                if not _has_framing(record):
                    raise ValueError("record without WARC-Type or Content-Length")
                got += 1
                resyncing = False
                if record.rec_type != "response":
                    continue
                n += 1
                if item := _response(record, f"{source}#{n}", max_doc_bytes):
                    yield item
            return
        except Exception as exc:  # warcio raises anything on a broken record
            offset = it.offset
            if got or not resyncing or _record_header_at(stream, offset):
                yield IngestError(
                    f"{source}@{offset}",
                    "warc",
                    f"unreadable record at byte {offset}, after {n} responses ({describe(exc)})",
                )
        start = _next_record_start(stream, offset + 1)
        if start is None:
            return
        stream.seek(start)
        resyncing = True


def _response(record, where: str, limit: int) -> RawDoc | IngestError | None:
    try:
        ctype = (
            record.http_headers.get_header("Content-Type") if record.http_headers else ""
        ) or ""
        if "html" not in ctype.lower():
            return None
        url = storable(record.rec_headers.get_header("WARC-Target-URI") or "")
        data = record.content_stream().read(limit + 1)
    except Exception as exc:  # a bad chunked or compressed body: this record only
        return IngestError(where, "warc", f"unreadable response body ({describe(exc)})")
    if len(data) > limit:
        return IngestError(
            where, "too-large", f"{url or 'response'} is over the {limit / 1e6:g} MB limit"
        )
    if not data.strip():
        return IngestError(where, "empty", f"empty response for {url}")
    return RawDoc(
        source=where,
        data=data,
        meta={"format": "html", "url": url, "container": "warc", "charset": _charset(ctype)},
    )


def _has_framing(record) -> bool:
    # warcio takes any "WARC/1." line for a record and, with no length, reads to the end
    # of the file: such a record would swallow every good record after it.
    headers = record.rec_headers
    return (
        bool(headers.get_header("WARC-Type")) and headers.get_header("Content-Length") is not None
    )


def _record_header_at(stream: BinaryIO, pos: int) -> bool:
    """Does a real record header (not a chance match inside a payload) start at ``pos``?"""
    stream.seek(pos)
    head = stream.read(256)
    if head.startswith(GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith((b"WARC/1.0\r\n", b"WARC/1.1\r\n"))


def _next_record_start(stream: BinaryIO, pos: int) -> int | None:
    """Offset of the first possible record start at or after ``pos`` (None: none, or the
    stream cannot seek)."""
    try:
        if not stream.seekable():
            return None
        stream.seek(pos)
    except (OSError, ValueError):
        return None
    keep = max(len(s) for s in _STARTS) - 1
    base, buf = pos, b""
    while chunk := stream.read(_SCAN_CHUNK):
        buf += chunk
        hits = [i for i in (buf.find(s) for s in _STARTS) if i >= 0]
        if hits:
            return base + min(hits)
        cut = max(0, len(buf) - keep)  # keep a tail: a start may straddle two chunks
        base, buf = base + cut, buf[cut:]
    return None


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return storable(value.strip("\"' "))
    return None
