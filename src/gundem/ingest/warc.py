"""WARC / WARC.gz crawls: every HTML response record becomes one document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from gundem.ingest.errors import IngestError
from gundem.model import RawDoc


def read_warc(stream: BinaryIO, source: str) -> Iterator[RawDoc | IngestError]:
    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            n += 1
            ctype = (
                record.http_headers.get_header("Content-Type") if record.http_headers else ""
            ) or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            data = record.content_stream().read()
            if not data.strip():
                yield IngestError(f"{source}#{n}", "empty", f"empty response for {url}")
                continue
            yield RawDoc(
                source=f"{source}#{n}",
                data=data,
                meta={
                    "format": "html",
                    "url": url,
                    "container": "warc",
                    "charset": _charset(ctype),
                },
            )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield IngestError(source, "warc", f"unreadable WARC after {n} records ({exc})")


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
