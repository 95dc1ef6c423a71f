"""Guess what a blob of bytes is from its content (extensions only break ties)."""

from __future__ import annotations

import re

from gundem.ingest.decode import utf16_encoding

GZIP_MAGIC = b"\x1f\x8b"
_HTML_RE = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.I)
_FEED_RE = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_URL_LINE_RE = re.compile(rb"^\s*https?://\S+\s*$")
_JSON_OBJECT_START = re.compile(rb'\{\s*"')


def looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head[:4096]:
        return True  # UTF-16 text, which has NULs too, is recognised before this test
    control = sum(1 for b in head[:4096] if b < 9 or 13 < b < 32)
    return control > len(head[:4096]) * 0.05


def looks_jsonl(head: bytes, stripped: bytes, name: str = "") -> bool:
    """JSON objects one per line. Tested before the binary check, so that a NUL byte or a
    broken line costs that line only, not the file; a binary-looking head must then still
    be mostly lines that open an object."""
    named = name.lower().endswith((".jsonl", ".ndjson", ".json"))
    if not stripped.startswith(b"{") or not (named or b'"' in stripped[:20]):
        return False
    if named or not looks_binary(head):
        return True
    lines = [ln for ln in stripped.split(b"\n")[:-1] if ln.strip()]  # the complete ones
    if not lines:  # one long record: its start must still read as an object with a key
        return bool(_JSON_OBJECT_START.match(stripped))
    return sum(ln.lstrip().startswith(b"{") for ln in lines) * 2 >= len(lines)


def sniff(head: bytes, name: str = "") -> str:
    """Return one of: empty, gzip, warc, feed, html, jsonl, urls, text, binary."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        return "empty"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if stripped.startswith(b"WARC/"):
        return "warc"
    if enc := utf16_encoding(head):
        # decode() reads UTF-16 (BOM or not); only the HTML/text decision needs the letters
        text = head.decode(enc, errors="replace").lstrip("\ufeff \t\r\n").encode("utf-8")
        return "html" if _HTML_RE.search(text[:4096]) else "text"
    lowered = name.lower()
    if looks_jsonl(head, stripped, lowered):
        return "jsonl"
    if looks_binary(head):
        return "binary"
    if _FEED_RE.search(stripped[:2048]) or (
        stripped.startswith(b"<?xml") and lowered.endswith((".rss", ".atom", ".xml"))
    ):
        return "feed"
    if _HTML_RE.search(stripped[:4096]) and stripped.startswith(b"<"):
        return "html"
    lines = [ln for ln in stripped[:8192].splitlines() if ln.strip()][:20]
    if lines and all(_URL_LINE_RE.match(ln) for ln in lines):
        return "urls"
    if _HTML_RE.search(stripped[:4096]):
        return "html"
    return "text"
