"""Guess what a blob of bytes is from its content (extensions only break ties)."""

from __future__ import annotations

import re

GZIP_MAGIC = b"\x1f\x8b"
_HTML_RE = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.I)
_FEED_RE = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_URL_LINE_RE = re.compile(rb"^\s*https?://\S+\s*$")


def looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head[:4096]:
        # UTF-16 text has NULs too; a BOM tells it apart.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    control = sum(1 for b in head[:4096] if b < 9 or 13 < b < 32)
    return control > len(head[:4096]) * 0.05


def sniff(head: bytes, name: str = "") -> str:
    """Return one of: empty, gzip, warc, feed, html, jsonl, urls, text, binary."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        return "empty"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if stripped.startswith(b"WARC/"):
        return "warc"
    if looks_binary(head):
        return "binary"
    lowered = name.lower()
    if _FEED_RE.search(stripped[:2048]) or (
        stripped.startswith(b"<?xml") and lowered.endswith((".rss", ".atom", ".xml"))
    ):
        return "feed"
    if _HTML_RE.search(stripped[:4096]) and stripped.startswith(b"<"):
        return "html"
    if stripped.startswith(b"{") and (
        lowered.endswith((".jsonl", ".ndjson", ".json")) or b'"' in stripped[:20]
    ):
        return "jsonl"
    lines = [ln for ln in stripped[:8192].splitlines() if ln.strip()][:20]
    if lines and all(_URL_LINE_RE.match(ln) for ln in lines):
        return "urls"
    if _HTML_RE.search(stripped[:4096]):
        return "html"
    return "text"
