"""Walk the inputs (files, folders, stdin, URLs) and yield raw documents or errors.

One size limit holds for every document whatever its container (a file, stdin, a gzip
member, a JSONL line, a WARC record), and it is applied while reading: no input makes a
reader hold much more than that limit. Containers (JSONL, WARC, gzip of either) stream, so
they may be of any size. Whatever goes wrong with one input or record is an IngestError
naming it; the batch goes on.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from gundem.ingest.detect import sniff
from gundem.ingest.errors import IngestError, describe, display_path, stream_error_kind
from gundem.ingest.jsonl import bounded_lines, read_jsonl
from gundem.ingest.warc import read_warc
from gundem.ingest.web import Fetcher, fetch_all, fetch_feed
from gundem.model import RawDoc

MAX_DOC_BYTES = 10_000_000  # a single page larger than this is not an article
HEAD_BYTES = 8192  # what format detection looks at
MAX_URL_LINE = 65_536
_READ_CHUNK = 1 << 20
_STREAMED = ("warc", "jsonl", "gzip", "urls")  # containers: no total size limit


def iter_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Expand folders recursively (sorted, hidden files skipped); keep '-' and URLs."""
    for item in inputs:
        if item == "-" or item.startswith(("http://", "https://")):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                rel = sub.relative_to(path)
                if sub.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield str(sub)
        else:
            yield item


def read_inputs(
    inputs: Iterable[str], fetcher: Fetcher | None = None, max_doc_bytes: int = MAX_DOC_BYTES
) -> Iterator[RawDoc | IngestError]:
    urls: list[str] = []
    for item in iter_paths(inputs):
        if item.startswith(("http://", "https://")):
            urls.append(item)
            continue
        yield from read_one(item, fetcher, max_doc_bytes)
    if urls:
        yield from fetch_all(urls, fetcher or Fetcher())


def read_one(
    item: str, fetcher: Fetcher | None = None, max_doc_bytes: int = MAX_DOC_BYTES
) -> Iterator[RawDoc | IngestError]:
    """Documents and errors of one file (or '-', stdin). Sources are printable: a file name
    that is not UTF-8 is shown escaped (``bad\\xff.txt``), and the file is still read."""
    source = "stdin" if item == "-" else display_path(item)
    try:
        if item == "-":
            yield from from_stream(sys.stdin.buffer, source, fetcher, max_doc_bytes)
            return
        path = Path(item)
        if not path.exists():
            yield IngestError(source, "missing", "no such file or folder")
            return
        with path.open("rb") as fh:
            yield from from_stream(fh, source, fetcher, max_doc_bytes, size=_file_size(fh))
    except OSError as exc:
        yield IngestError(source, "io", describe(exc))
    except Exception as exc:  # last resort: a reader bug costs this input, never the batch
        yield IngestError(source, "internal", f"{type(exc).__name__}: {describe(exc)}")


def from_stream(
    fh: BinaryIO,
    source: str,
    fetcher: Fetcher | None,
    max_doc_bytes: int,
    *,
    size: int | None = None,
    name: str | None = None,
    complete: Callable[[], bool] | None = None,
) -> Iterator[RawDoc | IngestError]:
    """Sniff the stream's head, then stream its records or read its one document.

    ``size``: the byte count when known (a regular file); ``name`` breaks format ties;
    ``complete`` says whether the stream ended where it should (not a cut gzip); a whole
    document read from a stream that did not is dropped.
    """
    head = fh.read(HEAD_BYTES)
    kind = sniff(head, name if name is not None else source)
    if kind in ("empty", "binary") and complete and not complete():
        return  # what little decoded is not the file's content; the caller says why
    if kind == "empty":
        yield IngestError(source, "empty", "file is empty")
        return
    if kind == "binary":
        yield IngestError(source, "binary", "binary data, not a text, HTML, JSONL or WARC file")
        return
    if kind not in _STREAMED and size is not None and size > max_doc_bytes:
        yield _too_large(source, max_doc_bytes, size)
        return
    stream = _rewound(fh, head)
    if kind == "warc":
        yield from read_warc(stream, source, max_doc_bytes=max_doc_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(stream, source, max_doc_bytes=max_doc_bytes)
    elif kind == "gzip":
        yield from _from_gzip(stream, head, source, fetcher, max_doc_bytes, name or source)
    elif kind == "urls":
        yield from fetch_all(_url_lines(stream), fetcher or Fetcher())
    else:
        data = _read_doc(stream, max_doc_bytes)
        if complete and not complete():
            return  # a truncated document is not handed on; the caller says why
        if data is None:
            yield _too_large(source, max_doc_bytes)
        elif kind == "feed":
            yield from fetch_feed(data, "", fetcher or Fetcher())
        else:
            yield RawDoc(source=source, data=data, meta={"format": kind})


def _from_gzip(
    stream: BinaryIO, head: bytes, source: str, fetcher, max_doc_bytes: int, name: str
) -> Iterator[RawDoc | IngestError]:
    """A .warc.gz goes to warcio whole (it reads one gzip member per record); anything else
    is decompressed as a stream and read like an uncompressed input."""
    if _gunzip_head(head).startswith(b"WARC/"):
        yield from read_warc(stream, source, max_doc_bytes=max_doc_bytes)
        return
    raw = _Gunzip(stream)
    inner = io.BufferedReader(raw, _READ_CHUNK)
    yield from from_stream(
        inner, source, fetcher, max_doc_bytes, name=name.removesuffix(".gz"), complete=raw.complete
    )
    if raw.error:  # a stream of records: the records before the damage were kept
        yield _gzip_error(source, raw.error)
    elif raw.trailing:
        yield IngestError(
            source, "gzip", f"trailing data after the gzip stream ignored ({raw.trailing})"
        )


def _gzip_error(source: str, exc: BaseException) -> IngestError:
    kind = stream_error_kind(exc)
    message = "corrupt or truncated gzip data" if kind == "gzip" else describe(exc)
    return IngestError(source, kind, message)


class _Gunzip(io.RawIOBase):
    """Decompress a gzip stream lazily. Any error ends the stream instead of raising, so
    what decoded before it is kept (the records of a cut .jsonl.gz); the error is kept in
    ``error``, or in ``trailing`` when it is only junk after the last complete member."""

    def __init__(self, fileobj: BinaryIO) -> None:
        self._gz = gzip.GzipFile(fileobj=fileobj, mode="rb")
        self.error: BaseException | None = None
        self.trailing = ""

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self.error or self.trailing:
            return 0
        try:
            data = self._gz.read1(len(buf))
        except (OSError, EOFError, zlib.error) as exc:
            # "Not a gzipped file" is raised only where a new member should start
            if isinstance(exc, gzip.BadGzipFile) and str(exc).startswith("Not a gzipped file"):
                self.trailing = describe(exc)
            else:
                self.error = exc
            return 0
        buf[: len(data)] = data
        return len(data)

    def complete(self) -> bool:
        return self.error is None


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(head, 64)
    except zlib.error:
        return b""


class _Replay(io.RawIOBase):
    """A stream that cannot seek back (a pipe, a decompressor) with its head put back."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buf))
        buf[: len(data)] = data
        return len(data)


def _rewound(fh: BinaryIO, head: bytes) -> BinaryIO:
    """``fh`` positioned back before ``head``: seeking when it can (WARC resync needs a
    seekable stream), replaying the head otherwise."""
    try:
        if _seekable(fh):
            fh.seek(-len(head), io.SEEK_CUR)
            return fh
    except OSError:
        pass
    return io.BufferedReader(_Replay(head, fh), _READ_CHUNK)


def _seekable(fh: BinaryIO) -> bool:
    raw = getattr(fh, "raw", None)
    if isinstance(raw, _Gunzip | _Replay):
        return False
    return fh.seekable()


def _read_doc(stream: BinaryIO, limit: int) -> bytes | None:
    """The rest of ``stream``, or None once it is over ``limit`` bytes (at most limit+1 read)."""
    chunks: list[bytes] = []
    total = 0
    while total <= limit and (chunk := stream.read(min(_READ_CHUNK, limit + 1 - total))):
        chunks.append(chunk)
        total += len(chunk)
    return None if total > limit else b"".join(chunks)


def _url_lines(stream: BinaryIO) -> Iterator[str]:
    for _, line in bounded_lines(stream, MAX_URL_LINE):
        if line is not None and (url := line.decode("utf-8", "replace").strip()):
            yield url


def _file_size(fh: BinaryIO) -> int | None:
    st = os.fstat(fh.fileno())
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _too_large(source: str, limit: int, size: int | None = None) -> IngestError:
    got = f"{size / 1e6:.1f} MB is over" if size is not None else "over"
    return IngestError(source, "too-large", f"{got} the {limit / 1e6:.0f} MB page limit")
