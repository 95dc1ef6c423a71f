"""Bytes to str, with Turkish legacy encodings decoded to the right letters."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from gundem.ingest.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# Letters that only a correct Turkish decoding produces often.
_TURKISH = set("ğĞşŞıİçÇöÖüÜ")


def _turkish_score(text: str) -> int:
    return sum(1 for ch in text if ch in _TURKISH)


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode bytes: BOM, declared/meta charset, UTF-8, then Turkish code pages."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    m = _META_CHARSET.search(data[:4096])
    for enc in filter(None, [declared, m.group(1).decode("ascii", "ignore") if m else None]):
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Legacy single-byte pages: cp1254 and iso-8859-9 differ only in 0x80-0x9F, where
    # iso-8859-9 has control characters that real text never uses, so cp1254 goes first.
    for enc in ("cp1254", "iso-8859-9"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _turkish_score(text):
            return text
    guess = from_bytes(data[:200_000]).best()
    if guess is None:
        raise InputError("encoding", "cannot determine the text encoding")
    return data.decode(guess.encoding, errors="replace")
