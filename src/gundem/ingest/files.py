"""Walk the inputs (files, folders, stdin, URLs) and yield raw documents or errors."""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from gundem.ingest.detect import sniff
from gundem.ingest.errors import IngestError
from gundem.ingest.jsonl import read_jsonl
from gundem.ingest.warc import read_warc
from gundem.ingest.web import Fetcher, fetch_all, fetch_feed
from gundem.model import RawDoc

MAX_DOC_BYTES = 10_000_000  # a single page larger than this is not an article
MAX_GZIP_BYTES = 500_000_000


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
    try:
        if item == "-":
            data = sys.stdin.buffer.read()
            yield from from_bytes(data, "stdin", fetcher, max_doc_bytes)
            return
        path = Path(item)
        if not path.exists():
            yield IngestError(item, "missing", "no such file or folder")
            return
        with path.open("rb") as fh:
            head = fh.read(8192)
            kind = sniff(head, path.name)
            if kind in ("warc", "gzip", "jsonl"):
                fh.seek(0)
                yield from from_stream(fh, kind, item, fetcher, max_doc_bytes)
                return
            size = path.stat().st_size
            if size > max_doc_bytes and kind not in ("urls",):
                limit = f"{max_doc_bytes / 1e6:.0f} MB"
                yield IngestError(
                    item, "too-large", f"{size / 1e6:.1f} MB is over the {limit} page limit"
                )
                return
            data = head + fh.read()
        yield from from_bytes(data, item, fetcher, max_doc_bytes)
    except OSError as exc:
        yield IngestError(item, "io", exc.strerror or str(exc))


def from_stream(fh, kind, source, fetcher, max_doc_bytes) -> Iterator[RawDoc | IngestError]:
    if kind == "warc":
        yield from read_warc(fh, source)
    elif kind == "jsonl":
        yield from read_jsonl(fh, source)
    else:  # gzip: a .warc.gz streams; anything else is unpacked and sniffed again
        head = _gunzip_head(fh)
        fh.seek(0)
        if head is None:
            yield IngestError(source, "gzip", "corrupt or truncated gzip data")
        elif head.startswith(b"WARC/"):
            yield from read_warc(fh, source)
        else:
            try:
                with gzip.open(fh) as gz:
                    data = gz.read(MAX_GZIP_BYTES + 1)
            except (OSError, EOFError, zlib.error):
                yield IngestError(source, "gzip", "corrupt or truncated gzip data")
                return
            yield from from_bytes(data, source.removesuffix(".gz"), fetcher, max_doc_bytes)


def _gunzip_head(fh) -> bytes | None:
    try:
        with gzip.open(fh) as gz:
            return gz.read(64)
    except (OSError, EOFError, zlib.error):
        return None


def from_bytes(
    data: bytes, source: str, fetcher: Fetcher | None, max_doc_bytes: int
) -> Iterator[RawDoc | IngestError]:
    kind = sniff(data[:8192], source)
    if kind == "empty":
        yield IngestError(source, "empty", "file is empty")
    elif kind == "binary":
        yield IngestError(source, "binary", "binary data, not a text, HTML, JSONL or WARC file")
    elif kind in ("gzip", "warc", "jsonl"):
        yield from from_stream(io.BytesIO(data), kind, source, fetcher, max_doc_bytes)
    elif len(data) > max_doc_bytes:
        yield IngestError(source, "too-large", f"{len(data) / 1e6:.1f} MB is over the page limit")
    elif kind == "feed":
        yield from fetch_feed(data, "", fetcher or Fetcher())
    elif kind == "urls":
        urls = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines() if ln.strip()]
        yield from fetch_all(urls, fetcher or Fetcher())
    else:
        yield RawDoc(source=source, data=data, meta={"format": kind})
