"""JSONL exports: one object per line with `text` or `html`, plus optional metadata.

Each line is one document: it is read with a bound (a line over the document limit is
skipped without being held), and whatever is wrong with it costs that line only.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from gundem.ingest.errors import (
    IngestError,
    describe,
    storable,
    storable_bytes,
    stream_error_kind,
)
from gundem.model import RawDoc

META_KEYS = ("url", "title", "published", "outlet")
_SKIP_CHUNK = 1 << 16


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for every line of ``stream``; the line is None when it is longer
    than ``limit`` bytes (its newline aside), and the rest of it is skipped in small reads."""
    n = 0
    while line := stream.readline(limit + 2):
        n += 1
        if len(line) - _newline_size(line) <= limit:
            yield n, line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(_SKIP_CHUNK)
        yield n, None


def _newline_size(line: bytes) -> int:
    return 2 if line.endswith(b"\r\n") else 1 if line.endswith(b"\n") else 0


def read_jsonl(
    stream: BinaryIO, source: str, *, max_doc_bytes: int
) -> Iterator[RawDoc | IngestError]:
    n = 0
    try:
        for n, line in bounded_lines(stream, max_doc_bytes):
            if item := _record(line, n, source, max_doc_bytes):
                yield item
    except (OSError, EOFError, zlib.error) as exc:  # the stream itself failed: a cut gzip...
        yield IngestError(
            f"{source}#{n + 1}", stream_error_kind(exc), f"stopped at line {n + 1}: {describe(exc)}"
        )


def _record(line: bytes | None, n: int, source: str, limit: int) -> RawDoc | IngestError | None:
    where = f"{source}#{n}"
    if line is None:
        return IngestError(where, "too-large", f"line {n} is over the {limit / 1e6:g} MB limit")
    if not line.strip():
        return None
    try:
        return _parse(line, n, where)
    except Exception as exc:  # a library bug on one line must not stop the file
        return IngestError(where, "internal", f"line {n}: {type(exc).__name__}: {describe(exc)}")


def _parse(line: bytes, n: int, where: str) -> RawDoc | IngestError:
    try:
        rec = json.loads(line)
    except RecursionError:
        return IngestError(where, "json", f"line {n} is nested too deeply")
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, over-long integers
        reason = getattr(exc, "msg", None) or describe(exc)
        return IngestError(where, "json", f"line {n} is not valid JSON ({reason})")
    if not isinstance(rec, dict):
        return IngestError(where, "json", f"line {n} is not a JSON object")
    # JSON may spell lone surrogates ("\ud83d", half an emoji): they become U+FFFD
    meta = {
        k: storable(rec[k]) for k in META_KEYS if isinstance(rec.get(k), str) and rec[k].strip()
    }
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        meta["format"] = "html"
        body = rec["html"]
    elif isinstance(rec.get("text"), str) and rec["text"].strip():
        meta["format"] = "text"
        body = rec["text"]
    elif "title" in meta:  # a feed item with an empty description: the title is the text
        meta["format"] = "text"
        body = ""
    else:
        return IngestError(where, "empty", f"line {n} has no 'text', 'html' or 'title'")
    meta["container"] = "jsonl"
    return RawDoc(source=where, data=storable_bytes(body), meta=meta)
