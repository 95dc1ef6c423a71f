"""Bytes to str, with Turkish legacy encodings decoded to the right letters."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from gundem.ingest.errors import InputError, storable

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
# Letters that only a correct Turkish decoding produces often.
_TURKISH = set("ğĞşŞıİçÇöÖüÜ")


def _turkish_score(text: str) -> int:
    return sum(1 for ch in text if ch in _TURKISH)


def utf16_encoding(data: bytes) -> str | None:
    """``utf-16`` (BOM), ``utf-16-le`` or ``utf-16-be`` when ``data`` looks like UTF-16 text.

    Without a BOM: mostly-Latin text (Turkish included: its letters are U+00C7..U+015F) has
    a NUL or U+01 high byte in nearly every character, in the odd (LE) or even (BE) bytes.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    evens, odds = sample[0::2], sample[1::2]
    for enc, high, low in (("utf-16-le", odds, evens), ("utf-16-be", evens, odds)):
        if sum(high.count(b) for b in (0, 1)) >= 0.7 * pairs and low.count(0) <= 0.05 * pairs:
            try:
                text = sample.decode(enc)
            except UnicodeDecodeError:  # a surrogate pair cut at the sample's end
                text = sample[:-2].decode(enc, errors="replace")
            control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
            if control <= 0.05 * len(text):
                return enc
    return None


def _text_codec(name: str) -> bool:
    """A real character set: not a bytes-to-bytes or escape codec that a page names by mistake
    or on purpose (``unicode_escape`` turns ``\\ud83d`` into an unstorable lone surrogate)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    return info._is_text_encoding and "escape" not in info.name


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode bytes: BOM, declared/meta charset, UTF-8, UTF-16 without BOM, then Turkish
    code pages. The text never holds a lone surrogate (it could not be stored)."""
    return storable(_decode(data, declared))


def _decode(data: bytes, declared: str | None) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if enc := utf16_encoding(data):
        return data.decode(enc, errors="replace")
    m = _META_CHARSET.search(data[:4096])
    for enc in filter(None, [declared, m.group(1).decode("ascii", "ignore") if m else None]):
        if not _text_codec(enc):
            continue
        try:
            return data.decode(enc)
        except (UnicodeError, ValueError):
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
