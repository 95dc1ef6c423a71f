"""JSONL exports: one object per line with `text` or `html`, plus optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from gundem.ingest.errors import IngestError
from gundem.model import RawDoc

META_KEYS = ("url", "title", "published", "outlet")


def read_jsonl(lines: Iterable[bytes], source: str) -> Iterator[RawDoc | IngestError]:
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}#{n}"
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "msg", str(exc))
            yield IngestError(where, "json", f"line {n} is not valid JSON ({reason})")
            continue
        if not isinstance(rec, dict):
            yield IngestError(where, "json", f"line {n} is not a JSON object")
            continue
        meta = {k: rec[k] for k in META_KEYS if isinstance(rec.get(k), str) and rec[k].strip()}
        if isinstance(rec.get("html"), str) and rec["html"].strip():
            meta["format"] = "html"
            body = rec["html"]
        elif isinstance(rec.get("text"), str) and rec["text"].strip():
            meta["format"] = "text"
            body = rec["text"]
        else:
            yield IngestError(where, "empty", f"line {n} has neither 'text' nor 'html'")
            continue
        meta["container"] = "jsonl"
        yield RawDoc(source=where, data=body.encode("utf-8"), meta=meta)
